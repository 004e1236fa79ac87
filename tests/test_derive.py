"""Derived figures on the mini fixture: progress, curricula, schedule."""

from __future__ import annotations

from generator import pipeline
from generator.content import derive

from .conftest import MINI


def _catalogue() -> derive.Catalogue:
    checked = pipeline.check(MINI)
    assert checked.catalogue is not None
    return checked.catalogue


def test_progress_counts_people_by_audience_level() -> None:
    cat = _catalogue()
    rows = {(r.level.id if r.level else None, r.group.id): r for r in derive.progress_by_level(cat)}
    # The provincial course trained commune cadres: they count at commune level.
    xa = rows[("xa", "chuyen-trach")]
    assert (xa.denominator, xa.persons, xa.turns) == (20, 16, 18)
    assert xa.percent == 80.0 and xa.met is False  # target is 100%
    assert rows[("tinh", "chuyen-trach")].met is True
    assert rows[("huyen", "chuyen-trach")].persons == 0  # its course was cancelled
    co_so = rows[("xa", "co-so")]
    assert (co_so.persons, co_so.percent, co_so.met) == (85, 85.0, True)  # target 80%


def test_progress_totals() -> None:
    cat = _catalogue()
    totals = {t.group.id: t for t in derive.progress_totals(derive.progress_by_level(cat), cat)}
    assert (totals["chuyen-trach"].denominator, totals["chuyen-trach"].persons) == (35, 21)
    assert totals["chuyen-trach"].met is False


def test_curriculum_per_level() -> None:
    cat = _catalogue()
    xa = derive.curriculum_for_level(cat, cat.levels["xa"])
    assert [i.topic.id for i in xa.items] == ["cd-i-01", "cd-ii-01", "cd-iii-01", "cd-dp-01"]
    assert xa.half_days == 2 + 1 + 2 + 1
    assert [a.id for a in xa.items[1].audiences] == ["xa-cong-chuc", "xa-bcd"]


def test_schedule_by_year_and_month() -> None:
    years = derive.schedule_by_year(_catalogue().courses)
    assert [(y.year, [m.month for m in y.months]) for y in years] == [
        (2023, [3]),
        (2024, [5]),
        (2025, [12]),
    ]


def test_headline() -> None:
    head = derive.headline(_catalogue())
    assert (head.courses_held, head.courses_planned, head.courses_cancelled) == (1, 1, 1)
    assert (head.trainee_turns, head.persons) == (108, 106)
    assert (head.topics_framework, head.topics_local, head.topics_drafted) == (3, 1, 2)
