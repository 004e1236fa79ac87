"""Calendar (.ics) and open data (CSV, JSON, XLSX) downloads, read back with real readers."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from icalendar import Calendar, Event

from generator import downloads, paths, pipeline
from generator.content.catalogue import Catalogue
from generator.content.models import Course
from generator.content.progress import plan_progress
from generator.downloads import calendars, opendata

MINI = Path(__file__).parent / "fixtures" / "mini"
UTC = datetime.UTC
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    checked = pipeline.check(MINI)
    assert checked.catalogue is not None, checked.problems
    return checked.catalogue


def course(cat: Catalogue, course_id: str) -> Course:
    return next(c for c in cat.courses if c.id == course_id)


def events(data: bytes) -> list[Event]:
    return [e for e in Calendar.from_ical(data).walk("VEVENT") if isinstance(e, Event)]


# --- calendars ---------------------------------------------------------------


def test_event_count_equals_session_count(cat: Catalogue) -> None:
    for c in cat.courses:
        assert len(events(calendars.course_calendar(c, cat))) == len(c.sessions), c.id
    total = sum(len(c.sessions) for c in cat.courses)
    assert len(events(calendars.schedule_calendar(cat))) == total == 5


def test_calendar_properties(cat: Catalogue) -> None:
    parsed = Calendar.from_ical(calendars.course_calendar(course(cat, "kh-01"), cat))
    assert str(parsed["PRODID"]) == "-//NTM handbook//vi"
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["METHOD"]) == "PUBLISH"
    assert str(parsed["X-WR-CALNAME"]) == "Lớp cấp tỉnh 2023"
    zones = list(parsed.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Asia/Ho_Chi_Minh"]
    schedule = Calendar.from_ical(calendars.schedule_calendar(cat))
    assert "Cẩm nang thử nghiệm" in str(schedule["X-WR-CALNAME"])


def test_session_times_in_local_zone(cat: Catalogue) -> None:
    first, afternoon, _ = events(calendars.course_calendar(course(cat, "kh-01"), cat))
    start = first.decoded("DTSTART")
    assert start == datetime.datetime(2023, 3, 14, 7, 30, tzinfo=HCM)
    assert start.astimezone(UTC) == datetime.datetime(2023, 3, 14, 0, 30, tzinfo=UTC)
    assert str(first["DTSTART"].params["TZID"]) == "Asia/Ho_Chi_Minh"
    assert first.decoded("DTEND") == datetime.datetime(2023, 3, 14, 11, 30, tzinfo=HCM)
    assert afternoon.decoded("DTSTART") == datetime.datetime(2023, 3, 14, 13, 30, tzinfo=HCM)
    assert afternoon.decoded("DTEND") == datetime.datetime(2023, 3, 14, 17, 0, tzinfo=HCM)


def test_event_texts(cat: Catalogue) -> None:
    first, afternoon, practice = events(calendars.course_calendar(course(cat, "kh-01"), cat))
    assert str(first["SUMMARY"]) == "Lớp cấp tỉnh 2023 – Chuyên đề I.1"
    assert str(practice["SUMMARY"]) == "Lớp cấp tỉnh 2023 – Chuyên đề II.1"
    assert str(first["LOCATION"]) == "Hội trường tỉnh"
    description = str(first["DESCRIPTION"])
    for part in (
        "Tổng quan về nông thôn mới",
        "Lý thuyết",
        "Giảng viên A",
        "Văn phòng Điều phối tỉnh",
    ):
        assert part in description
    assert "Thảo luận" in str(afternoon["DESCRIPTION"])
    assert "Thực hành" in str(practice["DESCRIPTION"])
    assert all(str(e["STATUS"]) == "CONFIRMED" for e in (first, afternoon, practice))
    assert first.decoded("DTSTAMP") == datetime.datetime(2025, 11, 30, tzinfo=UTC)
    local = events(calendars.course_calendar(course(cat, "kh-03"), cat))
    assert str(local[0]["SUMMARY"]) == "Lớp cấp xã dự kiến – Chuyên đề địa phương 1"
    # a course still only planned is tentative in the reader's calendar
    assert str(local[0]["STATUS"]) == "TENTATIVE"


def test_uids_stable_and_unique(cat: Catalogue) -> None:
    one = [str(e["UID"]) for e in events(calendars.schedule_calendar(cat))]
    two = [str(e["UID"]) for e in events(calendars.schedule_calendar(cat))]
    assert one == two
    assert len(set(one)) == len(one)
    assert one[0] == "kh-01-20230314-sang@example.org"
    assert "kh-01-20230314-chieu@example.org" in one


def test_calendars_deterministic(cat: Catalogue) -> None:
    assert calendars.schedule_calendar(cat) == calendars.schedule_calendar(cat)
    kh01 = course(cat, "kh-01")
    assert calendars.course_calendar(kh01, cat) == calendars.course_calendar(kh01, cat)


SAMPLE = Path(__file__).parent.parent


def joined(catalogue: Catalogue, updated: dict[str, datetime.date]) -> bytes:
    files = {
        c.id: calendars.course_calendar(c, catalogue, updated.get(c.id)) for c in catalogue.courses
    }
    return calendars.join_schedule(catalogue, files)


@pytest.mark.parametrize("root", [MINI, SAMPLE], ids=["mini", "sample"])
def test_joined_schedule_is_byte_identical(root: Path) -> None:
    """The schedule joined from course calendars is the one rendered whole, byte for byte."""
    checked = pipeline.check(root)
    assert checked.catalogue is not None, checked.problems[:3]
    catalogue = checked.catalogue
    assert any(not c.sessions for c in catalogue.courses) or root == SAMPLE
    first = min(c.id for c in catalogue.courses)
    for updated in ({}, {first: datetime.date(2024, 2, 29)}):
        assert joined(catalogue, updated) == calendars.schedule_calendar(catalogue, updated)


def test_downloads_schedule_matches_whole_render(tmp_path: Path) -> None:
    """Through the cache (cold, then warm), the schedule file equals the whole render."""
    checked = pipeline.check(MINI)
    assert checked.catalogue is not None
    expected = calendars.schedule_calendar(checked.catalogue)
    for _ in range(2):
        files = downloads.render_downloads(checked.catalogue, tmp_path).files
        assert files[paths.SCHEDULE_ICS] == expected


def test_cancelled_course_published_as_cancelled(mini: Path) -> None:
    path = mini / "content" / "courses" / "kh-02.yml"
    text = path.read_text(encoding="utf-8")
    sessions = (
        "sessions:\n"
        "  - {date: 2024-05-06, half: sang, topic: cd-i-01, kind: ly_thuyet, trainer: Giảng viên Đ}\n"
        "  - {date: 2024-05-07, half: chieu, topic: cd-iii-01, kind: thuc_hanh, trainer: Giảng viên Đ}\n"
    )
    assert text.count("sessions: []\n") == 1
    path.write_text(text.replace("sessions: []\n", sessions), encoding="utf-8")
    checked = pipeline.check(mini)
    assert checked.catalogue is not None, checked.problems
    cat = checked.catalogue
    kh02 = next(c for c in cat.courses if c.id == "kh-02")
    found = events(calendars.course_calendar(kh02, cat))
    assert len(found) == 2
    assert {str(e["STATUS"]) for e in found} == {"CANCELLED"}
    assert str(found[0]["LOCATION"]) == "Hội trường huyện"
    assert "Đã hủy" in str(found[0]["DESCRIPTION"])
    assert "Giảng viên Đ" in str(found[0]["DESCRIPTION"])
    everything = events(calendars.schedule_calendar(cat))
    assert len(everything) == 7
    statuses = {str(e["UID"]).split("-2")[0]: str(e["STATUS"]) for e in everything}
    assert statuses == {"kh-01": "CONFIRMED", "kh-02": "CANCELLED", "kh-03": "TENTATIVE"}


# --- tables, CSV and JSON ----------------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def progress_count(cat: Catalogue) -> int:
    progress = plan_progress(cat, cat.current_plan)
    return len(progress.rows) + len(progress.totals)


def test_catalogue_csv(cat: Catalogue) -> None:
    rows = read_csv(opendata.to_csv(*opendata.catalogue_table(cat)))
    assert rows[0] == opendata.CATALOGUE_HEADERS
    assert rows[0][3] == "Tên chuyên đề"
    assert len(rows) - 1 == len(cat.topics) == 4
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Mã"] == "cd-i-01"
    assert first["Tên chuyên đề"] == "Tổng quan về nông thôn mới"
    assert first["Rà soát lần cuối"] == "2022-10-15"
    assert first["Cấp"] == "Cấp tỉnh, Cấp huyện, Cấp xã"
    assert rows[-1][1] == "Địa phương"


def test_schedule_csv(cat: Catalogue) -> None:
    rows = read_csv(opendata.to_csv(*opendata.schedule_table(cat)))
    assert rows[0] == opendata.SCHEDULE_HEADERS
    assert len(rows) - 1 == len(cat.courses) == 3
    by_id = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert [r[0] for r in rows[1:]] == ["kh-01", "kh-02", "kh-03"]
    assert by_id["kh-01"]["Bắt đầu"] == "2023-03-14"
    assert by_id["kh-01"]["Số ngày học"] == "2"
    assert by_id["kh-01"]["Học viên dự kiến"] == "115"
    assert by_id["kh-01"]["Học viên thực tế"] == "108"
    assert by_id["kh-01"]["Chuyên đề"] == "Chuyên đề I.1; Chuyên đề II.1"
    assert by_id["kh-02"]["Trạng thái"] == "Đã hủy"
    assert by_id["kh-02"]["Học viên thực tế"] == ""
    assert by_id["kh-03"]["Trạng thái"] == "Dự kiến"


def test_progress_table(cat: Catalogue) -> None:
    headers, rows = opendata.progress_table(cat)
    assert headers == opendata.PROGRESS_HEADERS
    assert len(rows) == progress_count(cat) == 6
    table = [dict(zip(headers, r, strict=True)) for r in rows]
    totals = [r for r in table if r["Cấp"] == "Tất cả các cấp"]
    assert len(totals) == 2
    xa = next(
        r for r in table if r["Cấp"] == "Cấp xã" and r["Nhóm đối tượng"] == "Cán bộ chuyên trách"
    )
    assert xa["Đã tập huấn (người)"] == 16
    assert xa["Lượt học viên"] == 18
    assert xa["Tỷ lệ (%)"] == 80.0
    assert xa["Đánh giá"] == "Chưa đạt"
    assert totals[1]["Tỷ lệ (%)"] == 85.0
    assert totals[1]["Đánh giá"] == "Đạt"
    assert all(isinstance(r["Tỷ lệ (%)"], float) for r in table)
    rows_csv = read_csv(opendata.to_csv(headers, rows))
    assert len(rows_csv) - 1 == len(rows)


def test_json(cat: Catalogue) -> None:
    headers, rows = opendata.schedule_table(cat)
    data = opendata.to_json("lich-tap-huan", headers, rows)
    assert data.endswith(b"}\n")
    assert "Lớp cấp tỉnh 2023".encode() in data  # not \u-escaped
    document = json.loads(data)
    assert document["ten"] == "lich-tap-huan"
    assert document["cot"] == headers
    assert len(document["du_lieu"]) == len(cat.courses)
    assert list(document["du_lieu"][0]) == headers
    assert document["du_lieu"][0]["Bắt đầu"] == "2023-03-14"
    assert document["du_lieu"][1]["Học viên thực tế"] is None
    assert data == opendata.to_json("lich-tap-huan", headers, rows)


def test_tables_deterministic(cat: Catalogue) -> None:
    for table in (opendata.catalogue_table, opendata.schedule_table, opendata.progress_table):
        assert opendata.to_csv(*table(cat)) == opendata.to_csv(*table(cat))


# --- workbook ----------------------------------------------------------------


def test_workbook_sheets(cat: Catalogue) -> None:
    book = openpyxl.load_workbook(io.BytesIO(opendata.workbook(cat)))
    assert book.sheetnames == ["Chuyên đề", "Lịch tập huấn", "Tiến độ"]
    expected = [
        (opendata.CATALOGUE_HEADERS, len(cat.topics)),
        (opendata.SCHEDULE_HEADERS, len(cat.courses)),
        (opendata.PROGRESS_HEADERS, progress_count(cat)),
    ]
    for sheet, (headers, count) in zip(book.worksheets, expected, strict=True):
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0]) == headers
        assert len(values) - 1 == count
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold
        assert sheet.column_dimensions["A"].width > 0


def test_workbook_cells(cat: Catalogue) -> None:
    book = openpyxl.load_workbook(io.BytesIO(opendata.workbook(cat)))
    schedule = book["Lịch tập huấn"]
    start = schedule["F2"]
    assert isinstance(start.value, datetime.datetime)  # Excel stores dates as day numbers
    assert start.value.date() == datetime.date(2023, 3, 14)
    assert start.number_format == "DD/MM/YYYY"
    assert schedule["B2"].value == "Lớp cấp tỉnh 2023"
    assert schedule["H2"].value == 2
    topics = book["Chuyên đề"]
    assert topics["D2"].value == "Tổng quan về nông thôn mới"
    assert isinstance(topics["I2"].value, datetime.date)
    progress = book["Tiến độ"]
    assert progress["F2"].value == 100.0
    assert progress["B5"].value == "Tất cả các cấp"


def test_workbook_deterministic(cat: Catalogue) -> None:
    one = opendata.workbook(cat)
    two = opendata.workbook(cat)
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2025-11-30T00:00:00Z" in core


def test_workbook_text_never_formula(mini: Path) -> None:
    path = mini / "content" / "courses" / "kh-03.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("place: Nhà văn hóa xã", "place: '=1+1 Nhà văn hóa'"), encoding="utf-8"
    )
    checked = pipeline.check(mini)
    assert checked.catalogue is not None, checked.problems
    book = openpyxl.load_workbook(io.BytesIO(opendata.workbook(checked.catalogue)))
    cell = book["Lịch tập huấn"]["D4"]
    assert cell.value == "=1+1 Nhà văn hóa"
    assert cell.data_type == "s"
