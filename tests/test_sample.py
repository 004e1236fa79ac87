"""The sample content: the framework's shape, real substance, honest drafts, the
end of the district level, and a second (two-level) configuration that builds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator import pipeline
from generator.content.progress import plan_progress
from generator.content.reports import year_report

from .conftest import REPO, copy_project, handbook

EXAMPLE = REPO / "examples" / "hai-cap"


@pytest.fixture(scope="module")
def sample() -> pipeline.Checked:
    checked = pipeline.check(REPO)
    # Only the departures from the plans' rules the sample shows on purpose.
    assert {p.code for p in checked.problems} <= {
        "course-too-short",
        "course-no-practice",
        "topic-too-short",
    }
    assert not checked.errors
    assert checked.catalogue is not None
    return checked


def test_framework_is_6_9_4_plus_local_topics(sample: pipeline.Checked) -> None:
    counts = Counter(t.record.group for t in sample.content.topics)
    assert (counts["I"], counts["II"], counts["III"]) == (6, 9, 4)
    assert counts["local"] >= 2


def test_every_topic_has_substance(sample: pipeline.Checked) -> None:
    for item in sample.content.topics:
        topic = item.record
        assert 3 <= len(topic.objectives) <= 5, topic.id
        assert 4 <= len(topic.outline) <= 8, topic.id
        assert all(section.points for section in topic.outline), topic.id
        assert topic.references and all(r.number and r.date for r in topic.references), topic.id
        assert len(topic.summary) > 100, topic.id


def test_references_are_not_newer_than_review(sample: pipeline.Checked) -> None:
    """A topic cannot cite a document issued after it was last reviewed."""
    for item in sample.content.topics:
        topic = item.record
        for ref in topic.references:
            assert ref.date is None or ref.date <= topic.reviewed, (topic.id, ref.number)


def test_drafted_titles_show_their_notice(sample: pipeline.Checked, sample_site: Path) -> None:
    drafted = [t.record.id for t in sample.content.topics if t.record.status == "drafted"]
    assert drafted
    for topic_id in drafted:
        html = (sample_site / "site" / "chuyen-de" / f"{topic_id}.html").read_text(encoding="utf-8")
        assert "Tiêu đề dự thảo, chưa đối chiếu văn bản gốc" in html, topic_id
    attested = [t.record.id for t in sample.content.topics if t.record.status == "attested"]
    for topic_id in attested:
        html = (sample_site / "site" / "chuyen-de" / f"{topic_id}.html").read_text(encoding="utf-8")
        assert "Tiêu đề dự thảo" not in html, topic_id


def test_no_district_course_after_the_district_level_ended(sample: pipeline.Checked) -> None:
    district = [c.record for c in sample.content.courses if c.record.level == "huyen"]
    assert district
    assert max(c.end for c in district).isoformat() <= "2025-06-30"


def test_courses_are_a_realistic_mix(sample: pipeline.Checked) -> None:
    courses = [c.record for c in sample.content.courses]
    assert len(courses) >= 60
    statuses = Counter(c.status for c in courses)
    assert statuses["cancelled"] >= 2 and statuses["planned"] >= 2
    assert {c.level for c in courses} >= {"tinh", "huyen", "xa"}
    assert {c.start.year for c in courses} >= {2022, 2023, 2024, 2025}
    assert any(len(c.topic_ids) >= 2 for c in courses)


def test_progress_is_believable(sample: pipeline.Checked) -> None:
    cat = sample.catalogue
    assert cat is not None
    old, new = cat.plans
    final = plan_progress(cat, old)
    assert final.final and final.as_of.isoformat() == "2025-12-31"
    verdicts = {r.met for r in final.rows if r.met is not None}
    assert verdicts == {True, False}, "some targets of 2021-2025 met, some not"
    current = plan_progress(cat, new)
    assert current.plan == cat.current_plan and not current.final
    assert all(r.percent is not None and r.percent < 100 for r in current.totals if r.target)
    for progress in (final, current):
        assert not [r for r in progress.rows if r.over], "no rate above 100% in the sample"


def test_2026_is_reported_without_districts(sample: pipeline.Checked) -> None:
    """Two-level government: the 2026 report has province and commune rows only."""
    cat = sample.catalogue
    assert cat is not None
    report = year_report(cat, cat.current_plan, 2026)
    assert [row.level.id for row in report.rows if row.level] == ["tinh", "xa"]
    assert report.has_annual_plan and report.total.classes_planned
    assert report.total.from_aggregates > 0  # aggregate results count in the figures
    old = year_report(cat, cat.plans[0], 2024)
    assert "huyen" in [row.level.id for row in old.rows if row.level]


def test_sample_shows_every_kind_of_record(sample: pipeline.Checked) -> None:
    courses = [c.record for c in sample.content.courses]
    assert any(c.kind == "tham_quan" for c in courses)
    assert {c.mode for c in courses} >= {"truc_tiep", "truc_tuyen"}
    assert any(c.exception for c in courses)
    assert any(c.evaluation for c in courses) and any(c.budget for c in courses)
    assert any(c.priority_areas for c in courses)
    assert len(sample.content.of("result")) >= 5
    assert {a.record.year for a in sample.content.of("annual_plan")} >= {2025, 2026}


def test_every_page_says_sample_data(sample_site: Path) -> None:
    for page in (sample_site / "site").rglob("*.html"):
        if page.name == "404.html":
            continue
        assert "Dữ liệu mẫu" in page.read_text(encoding="utf-8"), page


def test_two_level_example_builds(tmp_path: Path) -> None:
    root = copy_project(EXAMPLE, tmp_path / "hai-cap")
    result = handbook(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    checked = pipeline.check(root)
    assert [lv.id for lv in checked.catalogue.config.levels] == ["tinh", "xa", "thon"]  # type: ignore[union-attr]
    assert (root / "site" / "chuong-trinh" / "xa.html").is_file()
    assert not (root / "site" / "chuong-trinh" / "huyen.html").exists()


def test_two_level_example_rejects_a_district_course(tmp_path: Path) -> None:
    root = copy_project(EXAMPLE, tmp_path / "hai-cap")
    course = root / "content/courses/kh-2026-x01.yml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("level: xa", "level: huyen"), encoding="utf-8"
    )
    problems = pipeline.check(root).problems
    assert ("unknown-ref", 4) in [(p.code, p.line) for p in problems]
    assert all(p.code in ("unknown-ref", "level-not-in-plan") for p in problems)
