"""Several plans, annual plans, aggregate results and honest figures.

A copy of the mini fixture gets a second plan (2026–2030, two levels, dated
denominators that say which audiences they cover), a 2026 course, an annual
plan and aggregate results; the first plan is closed with final figures.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from generator import pipeline
from generator.content.catalogue import Catalogue
from generator.content.progress import plan_progress
from generator.content.reports import compliance, period_report, year_report
from generator.downloads import calendars
from generator.site.render import render_site

from .conftest import MINI, copy_project

SECOND_PLAN = """\
id: kh-hai-cap
title: Kế hoạch thử nghiệm giai đoạn 2026–2030
short_title: Kế hoạch 2026–2030
number: 2/KH-TN
date: 2026-02-01
issuer: Ban Chỉ đạo thử nghiệm tỉnh Thử Nghiệm
programme: Chương trình thử nghiệm 2026–2030
period: {start: 2026-01-01, end: 2030-12-31}
levels: [tinh, xa]
targets:
  - {target_group: chuyen-trach, percent: 100, by: 2030-12-31}
  - {target_group: co-so, percent: 80, by: 2030-12-31}
topics: [cd-i-01, cd-ii-01, cd-iii-01, cd-dp-01]
course_rules: {min_days: 2, min_practice_sessions: 1, practice_kinds: [khao_sat, thuc_hanh]}
denominators:
  - as_of: 2026-01-15
    source: lần đếm đầu
    counts:
      - {level: tinh, target_group: chuyen-trach, people: 5}
      - {level: xa, target_group: chuyen-trach, people: 10}
      - {level: xa, target_group: co-so, people: 50, covers: [xa-bcd]}
  - as_of: 2026-09-30
    source: lần đếm sau rà soát
    counts:
      - {level: tinh, target_group: chuyen-trach, people: 5}
      - {level: xa, target_group: chuyen-trach, people: 12}
      - {level: xa, target_group: co-so, people: 60, covers: [xa-bcd]}
"""

COURSE_2026 = """\
id: kh-2026
title: Lớp cấp xã 2026
level: xa
place: Nhà văn hóa xã
organiser: UBND xã
start: 2026-03-10
end: 2026-03-11
status: held
budget: {source: dia_phuong, planned: 30000000, spent: 28000000}
sessions:
  - {date: 2026-03-10, half: sang, topic: cd-i-01, kind: ly_thuyet, trainer: Giảng viên D}
  - {date: 2026-03-10, half: chieu, topic: cd-i-01, kind: thuc_hanh, trainer: Giảng viên D}
  - {date: 2026-03-11, half: sang, topic: cd-ii-01, kind: thao_luan, trainer: Giảng viên D}
audiences:
  - {audience: xa-cong-chuc, planned: 10, actual: 9, new_persons: 8}
  - {audience: xa-bcd, planned: 30, actual: 28}
"""

ANNUAL = """\
id: nam-2026
plan: kh-hai-cap
year: 2026
rows:
  - level: xa
    classes: 4
    participants: [{target_group: co-so, people: 100}, {target_group: chuyen-trach, people: 10}]
    budget: [{source: dia_phuong, amount: 100000000}]
"""

RESULT = """\
id: kq-2026-q2
title: Kết quả quý II/2026 của xã Thử Nghiệm
level: xa
organiser: UBND xã Thử Nghiệm
period: {start: 2026-04-01, end: 2026-06-30}
classes: 2
turns: 70
new_persons: 55
audiences:
  - {audience: xa-bcd, turns: 40, new_persons: 30}
budget: {source: dia_phuong, spent: 12000000}
"""


def _project(tmp_path: Path) -> Path:
    root = copy_project(MINI, tmp_path / "plans")
    config = root / "site_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "data_as_of: 2025-11-30", "data_as_of: 2026-11-30"
        ),
        encoding="utf-8",
    )
    plan = root / "content/plans/kh-thu-nghiem.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8") + "closed: {as_of: 2025-12-31}\n", encoding="utf-8"
    )
    (root / "content/plans/kh-hai-cap.yml").write_text(SECOND_PLAN, encoding="utf-8")
    (root / "content/courses/kh-2026.yml").write_text(COURSE_2026, encoding="utf-8")
    (root / "content/annual-plans").mkdir()
    (root / "content/annual-plans/nam-2026.yml").write_text(ANNUAL, encoding="utf-8")
    (root / "content/results").mkdir()
    (root / "content/results/kq-2026-q2.yml").write_text(RESULT, encoding="utf-8")
    # the planned December 2025 course is past by now: it was held
    course = root / "content/courses/kh-03.yml"
    course.write_text(
        course.read_text(encoding="utf-8")
        .replace("status: planned", "status: held")
        .replace("planned: 30}", "planned: 30, actual: 12, new_persons: 10}"),
        encoding="utf-8",
    )
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _project(tmp_path)


def _catalogue(root: Path) -> Catalogue:
    checked = pipeline.check(root)
    assert not checked.errors, checked.problems
    assert checked.catalogue is not None
    return checked.catalogue


def _problems(root: Path) -> list[tuple[str, str, int]]:
    return [(p.code, p.file, p.line) for p in pipeline.check(root).problems]


def test_each_plan_counts_only_its_own_period(project: Path) -> None:
    cat = _catalogue(project)
    old, new = cat.plans
    assert cat.current_plan == new
    final = plan_progress(cat, old)
    assert final.final and final.as_of == datetime.date(2025, 12, 31)
    assert final.courses_counted == 2 and final.results_counted == 0
    current = plan_progress(cat, new)
    assert current.courses_counted == 1 and current.results_counted == 1
    rows = {(r.level.id, r.group.id): r for r in current.rows if r.level}
    # the 2026 course's commune officials: 8 first-timers, against the later count of 12
    assert (rows[("xa", "chuyen-trach")].persons, rows[("xa", "chuyen-trach")].denominator) == (
        8,
        12,
    )
    assert current.denominators.as_of == datetime.date(2026, 9, 30)


def test_people_without_new_persons_are_an_estimate(project: Path) -> None:
    cat = _catalogue(project)
    current = plan_progress(cat, cat.current_plan)
    co_so = next(r for r in current.rows if r.level and (r.level.id, r.group.id) == ("xa", "co-so"))
    # 28 trainee-turns recorded without new_persons, plus 30 reported as first-timers
    assert (co_so.persons, co_so.estimated, co_so.estimated_entries) == (58, 28, 1)
    assert current.estimated_entries == 1
    report = year_report(cat, cat.current_plan, 2026)
    assert report.total.persons_estimated == 28


def test_aggregate_turns_without_audience_are_kept_beside_the_rate(project: Path) -> None:
    cat = _catalogue(project)
    current = plan_progress(cat, cat.current_plan)
    assert current.unattributed_turns == 70 - 40
    report = year_report(cat, cat.current_plan, 2026)
    xa = next(row for row in report.rows if row.level and row.level.id == "xa")
    assert (xa.classes_planned, xa.classes_held, xa.from_aggregates) == (4, 3, 2)
    assert (xa.turns, xa.persons) == (9 + 28 + 70, 8 + 28 + 55)
    assert (xa.budget_planned, xa.budget_spent) == (100_000_000, 28_000_000 + 12_000_000)
    assert xa.classes_percent == 75.0
    assert [row.level.id for row in report.rows if row.level] == ["xa"]  # tinh did nothing


def test_audiences_a_denominator_does_not_cover_are_not_counted(project: Path) -> None:
    course = project / "content/courses/kh-2026.yml"
    course.write_text(
        course.read_text(encoding="utf-8").replace(
            "  - {audience: xa-bcd, planned: 30, actual: 28}",
            "  - {audience: xa-bcd, planned: 30, actual: 28}\n"
            "  - {audience: xa-dang, planned: 5, actual: 5, new_persons: 5}",
        ),
        encoding="utf-8",
    )
    audiences = project / "content/audiences.yml"
    audiences.write_text(
        audiences.read_text(encoding="utf-8")
        + "  - id: xa-dang\n    level: xa\n    name: Cán bộ Đảng xã\n    target_group: co-so\n",
        encoding="utf-8",
    )
    assert ("audience-outside-denominator", "content/courses/kh-2026.yml", 17) in _problems(project)
    cat = _catalogue(project)
    co_so = next(
        r
        for r in plan_progress(cat, cat.current_plan).rows
        if r.level and r.level.id == "xa" and r.group.id == "co-so"
    )
    assert (co_so.persons, co_so.outside) == (58, 5)


def test_more_people_than_need_training_is_a_warning_and_noted(project: Path) -> None:
    course = project / "content/courses/kh-2026.yml"
    course.write_text(
        course.read_text(encoding="utf-8").replace(
            "actual: 9, new_persons: 8}", "actual: 15, new_persons: 14}"
        ),
        encoding="utf-8",
    )
    problems = _problems(project)
    assert ("progress-over-denominator", "content/plans/kh-hai-cap.yml", 26) in problems
    assert ("count-over-denominator", "content/courses/kh-2026.yml", 15) in problems
    checked = pipeline.check(project)
    assert not checked.errors  # warnings: published, with a note
    cat = checked.catalogue
    assert cat is not None
    row = next(r for r in plan_progress(cat, cat.current_plan).rows if r.over)
    assert row.percent is not None and row.percent > 100
    page = render_site(cat, []).pages["tien-do.md"]
    assert "⚠" in page and "Vượt 100%" in page


def test_a_course_outside_every_plan_counts_nowhere(project: Path) -> None:
    course = project / "content/courses/kh-01.yml"
    text = course.read_text(encoding="utf-8")
    course.write_text(
        text.replace("2023-03-14", "2021-03-14").replace("2023-03-15", "2021-03-15"),
        encoding="utf-8",
    )
    assert ("outside-plans", "content/courses/kh-01.yml", 6) in _problems(project)
    cat = _catalogue(project)
    assert plan_progress(cat, cat.plans[0]).courses_counted == 1


def test_plan_rules_are_warnings_and_a_reason_is_listed(project: Path) -> None:
    course = project / "content/courses/kh-2026.yml"
    text = course.read_text(encoding="utf-8")
    course.write_text(text.replace("kind: thuc_hanh", "kind: ly_thuyet"), encoding="utf-8")
    checked = pipeline.check(project)
    codes = {(p.code, p.severity) for p in checked.problems}
    assert ("course-no-practice", "warning") in codes
    assert not checked.errors
    cat = checked.catalogue
    assert cat is not None
    listed = compliance(cat, cat.current_plan)
    assert [c.course.id for c in listed] == ["kh-2026"] and listed[0].reasons
    # with a reason, the course is listed instead of warned about
    course.write_text(
        course.read_text(encoding="utf-8").replace(
            "status: held", "status: held\nexception: Lớp bồi dưỡng nhanh theo chỉ đạo của tỉnh"
        ),
        encoding="utf-8",
    )
    checked = pipeline.check(project)
    assert not any(p.code == "course-no-practice" for p in checked.problems)
    assert checked.catalogue is not None
    listed = compliance(checked.catalogue, checked.catalogue.current_plan)
    assert listed[0].exception == "Lớp bồi dưỡng nhanh theo chỉ đạo của tỉnh"


def test_a_plan_can_make_its_rules_errors(project: Path) -> None:
    plan = project / "content/plans/kh-hai-cap.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8") + "rules: {course-no-practice: error}\n", encoding="utf-8"
    )
    course = project / "content/courses/kh-2026.yml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("kind: thuc_hanh", "kind: ly_thuyet"),
        encoding="utf-8",
    )
    errors = pipeline.check(project).errors
    assert [(p.code, p.file) for p in errors] == [
        ("course-no-practice", "content/courses/kh-2026.yml")
    ]


def test_period_report_adds_up_its_years(project: Path) -> None:
    cat = _catalogue(project)
    report = period_report(cat, cat.plans[0])
    assert [row.year for row in report.rows] == [2022, 2023, 2024, 2025]
    assert report.total.classes_held == sum(row.classes_held for row in report.rows)
    assert report.final and report.progress.final


def test_calendars_say_what_may_change(project: Path) -> None:
    cat = _catalogue(project)
    planned = next(c for c in cat.courses if c.status == "held" and c.id == "kh-03")
    tentative = planned.model_copy(update={"status": "planned"})
    events = Calendar.from_ical(calendars.course_calendar(tentative, cat)).walk("VEVENT")
    assert {str(e["STATUS"]) for e in events} == {"TENTATIVE"}
    early = Calendar.from_ical(
        calendars.course_calendar(planned, cat, datetime.date(2025, 1, 2))
    ).walk("VEVENT")[0]
    late = Calendar.from_ical(
        calendars.course_calendar(planned, cat, datetime.date(2025, 6, 2))
    ).walk("VEVENT")[0]
    assert int(late["SEQUENCE"]) > int(early["SEQUENCE"])  # a later change reaches calendars
    assert late["LAST-MODIFIED"].dt.date() == datetime.date(2025, 6, 2)


_PERCENT = re.compile(r"\| (\d{1,3}(?:\.\d{3})*(?:,\d)?)% ?(⚠)? \|")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(persons=st.integers(0, 400), people=st.integers(1, 300))
def test_no_rate_above_100_percent_is_published_without_its_note(
    tmp_path_factory: pytest.TempPathFactory, persons: int, people: int
) -> None:
    root = _project(tmp_path_factory.mktemp("p"))
    course = root / "content/courses/kh-2026.yml"
    course.write_text(
        course.read_text(encoding="utf-8").replace(
            "actual: 9, new_persons: 8}", f"actual: {persons}, new_persons: {persons}}}"
        ),
        encoding="utf-8",
    )
    plan = root / "content/plans/kh-hai-cap.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "{level: xa, target_group: chuyen-trach, people: 12}",
            f"{{level: xa, target_group: chuyen-trach, people: {people}}}",
        ),
        encoding="utf-8",
    )
    checked = pipeline.check(root)
    assert checked.catalogue is not None
    pages = render_site(checked.catalogue, []).pages
    for path in ("tien-do.md", "index.md", "ke-hoach/kh-hai-cap/bao-cao-tong-hop.md"):
        for number, warned in _PERCENT.findall(pages[path]):
            value = float(number.replace(".", "").replace(",", "."))
            if value > 100:
                assert warned == "⚠", (path, number)
                assert "Vượt 100%" in pages[path] or "vượt 100%" in pages[path], path
