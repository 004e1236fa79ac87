"""Derived groupings on the mini fixture: curricula and the schedule."""

from __future__ import annotations

from generator import pipeline
from generator.content import derive
from generator.content.catalogue import Catalogue

from .conftest import MINI


def _catalogue() -> Catalogue:
    checked = pipeline.check(MINI)
    assert checked.catalogue is not None
    return checked.catalogue


def test_curriculum_per_level() -> None:
    cat = _catalogue()
    xa = derive.curriculum_for_level(cat, cat.levels["xa"], cat.current_plan)
    assert [i.topic.id for i in xa.items] == ["cd-i-01", "cd-ii-01", "cd-iii-01", "cd-dp-01"]
    assert xa.half_days == 2 + 1 + 1 + 1
    assert [a.id for a in xa.items[1].audiences] == ["xa-cong-chuc", "xa-bcd"]
    assert xa.plan == cat.current_plan


def test_curricula_follow_the_plan_of_each_level() -> None:
    cat = _catalogue()
    levels = [c.level.id for c in derive.all_curricula(cat)]
    assert levels == ["tinh", "huyen", "xa"]


def test_schedule_by_year_and_month() -> None:
    years = derive.schedule_by_year(_catalogue().courses)
    assert [(y.year, [m.month for m in y.months]) for y in years] == [
        (2023, [3]),
        (2024, [5]),
        (2025, [12]),
    ]
