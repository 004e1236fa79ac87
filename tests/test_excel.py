"""``handbook excel``: the workbook written, read back, and the YAML written from it.

The round trip runs on the repository's sample (export, import: no file
changes); smaller edits run on the mini fixture's workbook. Mistakes are in
``test_excel_mistakes.py``. Nothing here runs MkDocs.
"""

from __future__ import annotations

import datetime
import os
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from generator.commands.excel.import_ import import_workbook
from generator.messages import workbook as words

from .conftest import REPO, copy_project, tree_digest
from .workbook import Edit, cell, delete_rows, edit_book, handbook

# --- the round trip --------------------------------------------------------------------


def test_round_trip_of_the_sample_changes_nothing(excel_sample: tuple[Path, Path]) -> None:
    root, book = excel_sample
    before = tree_digest(root)
    code, out, err = handbook(root, "excel", "import", str(book))
    assert code == 0, out + err
    assert out.rstrip().endswith(f"Đã nhập {book}: ghi 0 tệp, 106 tệp không thay đổi.")
    assert "Đã ghi" not in out and "giữ nguyên" not in out
    # The sample's own warnings (a one-day course…) are shown at their cells.
    assert "Buổi học!A369: Khóa học chỉ có 1 ngày học" in out
    assert tree_digest(root) == before


def test_export_is_reproducible(excel_sample: tuple[Path, Path], tmp_path: Path) -> None:
    root, book = excel_sample
    again = tmp_path / "lai.xlsx"
    assert handbook(root, "excel", "export", str(again))[0] == 0
    assert again.read_bytes() == book.read_bytes()


def test_the_workbook_is_made_for_a_clerk(excel_sample: tuple[Path, Path]) -> None:
    wb = load_workbook(excel_sample[1])
    assert wb.sheetnames == [*words.SHEET_NAMES.values()]
    courses, sessions = wb["Khóa học"], wb["Buổi học"]
    assert [c.value for c in sessions[1]] == [
        "Mã khóa học",
        "Ngày",
        "Buổi",
        "Chuyên đề",
        "Phương pháp",
        "Giảng viên",
    ]
    assert courses["A1"].font.b and courses.freeze_panes == "B2"
    # Real dates, shown as Vietnamese documents write them.
    assert courses["H2"].value == datetime.datetime(2022, 12, 13)
    assert courses["H2"].number_format == "DD/MM/YYYY"
    # Readable values: labels for vocabularies, "code · name" for ids.
    assert (sessions["C2"].value, sessions["E2"].value) == ("Sáng", "Lý thuyết")
    assert sessions["D2"].value.startswith("cd-i-01 · ")
    assert courses["E2"].value == "tinh · Cấp tỉnh"
    # Dropdowns read their lists from "Danh mục", for new rows too.
    rules = {str(v.sqref): v.formula1 for v in sessions.data_validations.dataValidation}
    assert rules["C2:C912"] == "'Danh mục'!$I$2:$I$3"
    assert rules["A2:A912"] == "'Khóa học'!$A$2:$A$594"
    lists = wb["Danh mục"]
    assert [lists.cell(row=r, column=9).value for r in (1, 2, 3)] == ["Buổi", "Sáng", "Chiều"]
    # One column per target group and per funding source on the annual rows.
    headers = [c.value for c in wb["Kế hoạch năm theo cấp"][1]]
    assert "Số người: Các đối tượng khác" in headers
    assert "Kinh phí: Ngân sách trung ương (đồng)" in headers


def test_the_guide_explains_every_column(excel_sample: tuple[Path, Path]) -> None:
    wb = load_workbook(excel_sample[1])
    guide = [[c.value for c in row] for row in wb["Hướng dẫn"].iter_rows()]
    explained = {(row[0], row[1]) for row in guide if row[4]}
    for sheet in words.SHEET_NAMES.values():
        if sheet in ("Danh mục", "Hướng dẫn"):
            continue
        for header in [c.value for c in wb[sheet][1]]:
            assert (sheet, header) in explained, (sheet, header)
    assert any("handbook excel import" in str(row[0]) for row in guide)


# --- what the import accepts and writes ------------------------------------------------


@pytest.mark.parametrize(
    "edits",
    [
        # Dates typed as text, or left as an Excel serial number, are understood.
        [cell("Buổi học", "B5", "09/12/2025"), cell("Buổi học", "B6", "2025-12-10")],
        [cell("Khóa học", "H4", 46000)],  # 46000 is 09/12/2025
        # Bare codes, names alone and labels in any case stand for the same codes.
        [cell("Khóa học", "E4", "xa"), cell("Buổi học", "D5", "cd-dp-01")],
        [cell("Học viên", "B6", "Ban Chỉ đạo xã"), cell("Khóa học", "J4", "dự kiến")],
        # Spaces around a value, a whole number as 30.0, the default written out.
        [cell("Khóa học", "F4", "  Nhà văn hóa xã "), cell("Học viên", "C6", 30.0)],
        [cell("Khóa học", "C4", "Tập huấn"), cell("Khóa học", "D4", "truc_tiep")],
    ],
    ids=["text-dates", "serial-date", "codes", "names-labels", "spaces-floats", "defaults"],
)
def test_same_content_in_another_form_writes_nothing(
    mini_copy: tuple[Path, Path], edits: list[Edit]
) -> None:
    root, book = mini_copy
    edit_book(book, *edits)
    before = tree_digest(root)
    code, out, err = handbook(root, "excel", "import", str(book))
    assert code == 0, out + err
    assert "ghi 0 tệp, 3 tệp không thay đổi" in out
    assert tree_digest(root) == before


def test_a_changed_cell_rewrites_one_file_in_the_sample_style(
    mini_copy: tuple[Path, Path],
) -> None:
    root, book = mini_copy
    edit_book(
        book,
        cell("Buổi học", "F6", "TS. Nguyễn Văn D"),
        cell("Khóa học", "M4", "12.500.000"),
        cell("Khóa học", "L4", "Ngân sách địa phương"),
    )
    code, out, _ = handbook(root, "excel", "import", str(book))
    assert code == 0
    assert "Đã ghi content/courses/kh-03.yml" in out
    assert "ghi 1 tệp, 2 tệp không thay đổi" in out
    text = (root / "content/courses/kh-03.yml").read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../../schemas/course.schema.json\n"
        "id: kh-03\n"
        "title: Lớp cấp xã dự kiến\n"
        "level: xa\n"
        "place: Nhà văn hóa xã\n"
        "organiser: UBND xã\n"
        "start: 2025-12-09\n"
        "end: 2025-12-10\n"
        "status: planned\n"
        "sessions:\n"
        "  - {date: 2025-12-09, half: sang, topic: cd-dp-01, kind: ly_thuyet, trainer: Giảng viên C}\n"
        "  - {date: 2025-12-10, half: sang, topic: cd-iii-01, kind: thuc_hanh, trainer: TS. Nguyễn Văn D}\n"
        "audiences:\n"
        "  - {audience: xa-bcd, planned: 30}\n"
        "budget: {source: dia_phuong, planned: 12500000}\n"
    )
    assert handbook(root, "validate")[0] == 0


def test_a_new_course_gets_its_file_and_a_missing_one_is_kept(
    mini_copy: tuple[Path, Path],
) -> None:
    root, book = mini_copy

    def add_course(wb: Any) -> None:
        row = ["kh-04", "Lớp mới", None, "Trực tuyến", "xa · Cấp xã", "Trực tuyến", "UBND xã"]
        row += ["17/03/2026", "18/03/2026", "Dự kiến"]
        wb["Khóa học"].append(row)
        wb["Buổi học"].append(
            ["kh-04", "17/03/2026", "Sáng", "cd-i-01", "Lý thuyết", "Giảng viên A"]
        )
        wb["Buổi học"].append(
            ["kh-04", "18/03/2026", "Sáng", "cd-i-01", "Thực hành", "Giảng viên A"]
        )
        wb["Học viên"].append(["kh-04", "xa-bcd", 25])

    # kh-02 leaves the workbook: its row, and the row of its audience.
    edit_book(book, add_course, delete_rows("Học viên", 5), delete_rows("Khóa học", 3))
    code, out, _ = handbook(root, "excel", "import", str(book))
    assert code == 0, out
    assert "Đã ghi content/courses/2026/kh-04.yml" in out
    assert (
        "Khóa học có trong dự án nhưng không có trong bảng tính (giữ nguyên, không xóa): kh-02"
        in out
    )
    assert (root / "content/courses/kh-02.yml").is_file()
    data = yaml.safe_load((root / "content/courses/2026/kh-04.yml").read_text(encoding="utf-8"))
    assert data["mode"] == "truc_tuyen" and "kind" not in data
    assert data["sessions"][1] == {
        "date": datetime.date(2026, 3, 18),
        "half": "sang",
        "topic": "cd-i-01",
        "kind": "thuc_hanh",
        "trainer": "Giảng viên A",
    }
    assert handbook(root, "validate")[0] == 0


def test_text_that_looks_like_a_formula_stays_text(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    edit_book(book, cell("Khóa học", "T4", '=HYPERLINK("http://x";"bấm")'))
    # openpyxl would store a value starting with "=" as a formula: make it text, as Excel does
    wb = load_workbook(book)
    wb["Khóa học"]["T4"].data_type = "s"
    wb.save(book)
    assert handbook(root, "excel", "import", str(book))[0] == 0
    data = yaml.safe_load((root / "content/courses/kh-03.yml").read_text(encoding="utf-8"))
    assert data["note"] == '=HYPERLINK("http://x";"bấm")'
    out = book.with_name("lai.xlsx")
    assert handbook(root, "excel", "export", str(out))[0] == 0
    exported = load_workbook(out)["Khóa học"]["T4"]
    assert (exported.value, exported.data_type) == ('=HYPERLINK("http://x";"bấm")', "s")


def test_dry_run_writes_nothing(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    edit_book(book, cell("Buổi học", "F6", "TS. Nguyễn Văn D"))
    before = tree_digest(root)
    code, out, _ = handbook(root, "excel", "import", "--dry-run", str(book))
    assert code == 0
    assert "Sẽ ghi content/courses/kh-03.yml" in out
    assert "Chạy thử: không ghi tệp nào (1 tệp sẽ được ghi, 2 tệp không thay đổi)." in out
    assert tree_digest(root) == before


# --- results and annual plans --------------------------------------------------------


def test_annual_plans_and_results_import_the_same_way(
    excel_sample: tuple[Path, Path], tmp_path: Path
) -> None:
    root = copy_project(excel_sample[0], tmp_path / "project")
    book = tmp_path / "sua.xlsx"
    shutil.copy(excel_sample[1], book)
    wb = load_workbook(book)
    rows = wb["Kế hoạch năm theo cấp"]
    headers = [c.value for c in rows[1]]
    others = headers.index("Số người: Các đối tượng khác") + 1
    (row,) = [
        r[0].row
        for r in rows.iter_rows(min_row=2)
        if (r[0].value, r[1].value) == ("ke-hoach-nam-2026", "tinh · Cấp tỉnh")
    ]
    rows.cell(row=row, column=others, value=500)
    results = wb["Kết quả theo đối tượng"]
    (first,) = [
        r[0].row
        for r in results.iter_rows(min_row=2)
        if r[0].value == "kq-2026-q1-xa-hung-long" and r[1].value.startswith("xa-bcd ")
    ]
    results.cell(row=first, column=3, value=34)
    results.cell(row=first, column=4).value = None
    wb.save(book)
    code, out, err = handbook(root, "excel", "import", str(book))
    assert code == 0, out + err
    assert "Đã ghi content/annual-plans/ke-hoach-nam-2026.yml" in out
    assert "Đã ghi content/results/kq-2026-q1-xa-hung-long.yml" in out
    assert "ghi 2 tệp, 104 tệp không thay đổi" in out
    plan = (root / "content/annual-plans/ke-hoach-nam-2026.yml").read_text(encoding="utf-8")
    # The file's own comment is kept; the rows are blocks, their lists flow mappings.
    assert plan.splitlines()[1].startswith("# Annual plan 2026")
    assert "      - {target_group: khac, people: 500}\n" in plan
    result = yaml.safe_load((root / "content/results/kq-2026-q1-xa-hung-long.yml").read_text())
    assert result["audiences"][0] == {"audience": "xa-bcd", "turns": 34}


# --- export refusals, and a workbook saved again by LibreOffice --------------------------


def test_export_refuses_invalid_content(mini_copy: tuple[Path, Path], tmp_path: Path) -> None:
    root, _ = mini_copy
    path = root / "content/courses/kh-03.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("half: sang", "half: trua", 1))
    out = tmp_path / "moi.xlsx"
    code, report, err = handbook(root, "excel", "export", str(out))
    assert code == 1 and "content/courses/kh-03.yml:10:" in report
    assert err.strip() == words.EXCEL_CLI["export-invalid"]
    assert not out.exists()
    code, _, err = handbook(mini_copy[0], "excel", "export", str(tmp_path / "khong/x.xlsx"))
    assert code == 2 and "Không có thư mục" in err


def test_export_does_not_overwrite_a_file_unless_told(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    # "export" typed for "import": the clerk's day of edits must survive
    edit_book(book, cell("Buổi học", "F6", "TS. Nguyễn Văn D"))
    edited = book.read_bytes()
    code, out, err = handbook(root, "excel", "export", str(book))
    assert (code, out) == (2, "") and book.read_bytes() == edited
    assert f"Tệp {book} đã có; chưa ghi đè" in err and "--force" in err
    assert f"handbook excel import {book}" in err
    code, out, _ = handbook(root, "excel", "export", "--force", str(book))
    assert code == 0 and out.startswith(f"Đã xuất {book}")
    assert book.read_bytes() != edited


def test_export_writes_only_a_workbook_name(mini_copy: tuple[Path, Path], tmp_path: Path) -> None:
    root, _ = mini_copy
    course = root / "content/courses/kh-01.yml"
    before = course.read_bytes()
    for target in (course, tmp_path / "x.csv"):
        code, _, err = handbook(root, "excel", "export", "--force", str(target))
        assert code == 2 and "phải có đuôi .xlsx" in err
    assert course.read_bytes() == before and not (tmp_path / "x.csv").exists()
    folder = tmp_path / "thu-muc.xlsx"
    folder.mkdir()
    code, _, err = handbook(root, "excel", "export", str(folder))
    assert code == 2 and "là một thư mục, không phải tệp bảng tính" in err
    code, _, err = handbook(root, "excel", "import", str(folder))
    assert code == 2 and "là một thư mục, không phải tệp bảng tính" in err


# --- writing: all or nothing, and never out of the project -----------------------------


def test_a_file_that_cannot_be_written_leaves_every_file_as_it_was(
    mini_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, book = mini_copy
    edit_book(book, cell("Khóa học", "B2", "Đổi tên 1"), cell("Khóa học", "B4", "Đổi tên 3"))
    locked = root / "content/courses/kh-03.yml"  # written after kh-01.yml
    replace = os.replace

    def refuse(source: Any, target: Any) -> None:  # a file open in another program (Windows)
        if Path(target) == locked:
            raise PermissionError(13, "Permission denied")
        replace(source, target)

    monkeypatch.setattr(os, "replace", refuse)
    before = tree_digest(root)
    code, out, err = handbook(root, "excel", "import", str(book))
    assert code == 1 and "Traceback" not in err and "Đã ghi" not in out
    assert err.startswith("Không ghi được content/courses/kh-03.yml (Permission denied)")
    assert "Chưa tệp nào của dự án thay đổi" in err
    assert tree_digest(root) == before  # kh-01.yml put back; no temporary file left


@pytest.mark.slow
def test_a_workbook_saved_again_by_libreoffice_changes_nothing(
    excel_sample: tuple[Path, Path], tmp_path: Path
) -> None:
    """What a clerk does: open the workbook in LibreOffice, save it, import it."""
    import subprocess

    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: install libreoffice-calc-nogui (see .ci/run)")
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")

    root, book = excel_sample
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(book)],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(tmp_path)},  # a profile of its own
    )
    before = tree_digest(root)
    code, out, err = handbook(root, "excel", "import", str(tmp_path / book.name))
    assert code == 0, out + err
    assert "ghi 0 tệp, 106 tệp không thay đổi" in out
    assert tree_digest(root) == before


def test_a_link_in_place_of_a_course_file_is_replaced_not_followed(
    mini_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    root, book = mini_copy
    outside = tmp_path / "outside.yml"
    course = root / "content/courses/kh-03.yml"
    outside.write_bytes(course.read_bytes())
    course.unlink()
    course.symlink_to(outside)
    edit_book(book, cell("Buổi học", "F6", "TS. Nguyễn Văn D"))
    outcome = import_workbook(root, book, file="sua.xlsx")
    # The project as it was refuses the link; the workbook replaces it with a file.
    assert outcome.ok, outcome.problems
    assert not course.is_symlink() and "TS. Nguyễn Văn D" in course.read_text(encoding="utf-8")
    assert "TS. Nguyễn Văn D" not in outside.read_text(encoding="utf-8")


# --- the YAML the import writes -----------------------------------------------------------


def test_every_sample_record_written_again_reads_back_the_same() -> None:
    from generator.commands.excel.canonical import leading_comments, yaml_text
    from generator.content.kinds import kind
    from generator.content.loader import parse_yaml

    for name in ("course", "result", "annual_plan"):
        declared = kind(name)
        assert declared.schema is not None
        for path in sorted((REPO / declared.path).rglob("*.yml")):
            text = path.read_text(encoding="utf-8")
            data = parse_yaml(text, path.name).data
            written = yaml_text(
                declared.model,
                data,
                schema=declared.schema,
                file=path,
                root=REPO,
                comments=leading_comments(text),
            )
            assert parse_yaml(written, path.name).data == data, path
            if path.name == "kh-2022-t01.yml":  # keys already in the model's order
                assert written == text


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


TEXT = st.text(
    st.characters(
        codec="utf-8",
        categories=("L", "M", "N", "P", "S", "Zs"),
        include_characters="\n:#'\"-[]{},&*!|>%@`=",
    ),
    max_size=300,
).map(lambda t: "\n".join(line.strip() for line in nfc(t).strip().split("\n")))
"""Text as a cell is read: NFC (as the loader reads YAML), lines without edge spaces."""


@settings(max_examples=300, deadline=None)
@given(title=TEXT.map(lambda t: t.replace("\n", " ")), note=TEXT)
def test_any_text_is_written_so_that_it_reads_back(title: str, note: str) -> None:
    from generator.commands.excel.canonical import yaml_text
    from generator.content.loader import parse_yaml
    from generator.content.models import Course

    data = {"id": "kh-01", "title": title, "note": note, "sessions": [{"trainer": title}]}
    written = yaml_text(Course, data, schema="course", file=Path("/p/a.yml"), root=Path("/p"))
    assert parse_yaml(written, "a.yml").data == data
