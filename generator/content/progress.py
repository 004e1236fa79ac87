"""Stage 4, derive: people trained against each plan's targets, honestly.

A plan counts only what happened in its period: held courses whose dates it
contains and aggregate results whose period it contains, up to its closing date
(or the data date). People are counted by the level and target group of their
audience, against the plan's denominators as counted on the latest date before
the figures (denominators change, e.g. after 1/7/2025). Figures are never made
to look better than they are:

- people recorded without ``new_persons`` are counted as trainee-turns and
  shown as an estimate, with how many were estimated;
- people of audiences a denominator does not cover, and aggregate turns not
  broken down by audience, are reported beside the rate, not inside it;
- a rate above 100% is shown as it is, with a note.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from .catalogue import Catalogue
from .models import (
    AggregateResult,
    Audience,
    Course,
    DenominatorSet,
    Level,
    Plan,
    Target,
    TargetGroup,
)


@dataclass
class Cell:
    """What was counted for one (level, target group) of a plan."""

    persons: int = 0
    estimated: int = 0  # of ``persons``, how many are estimates from trainee-turns
    estimated_entries: int = 0  # how many course or result entries were estimated
    turns: int = 0
    outside: int = 0  # people of audiences the denominator does not cover


@dataclass(frozen=True)
class ProgressRow:
    """People trained in one target group at one level (or all levels), against the target."""

    level: Level | None  # None for a target group's total
    group: TargetGroup
    denominator: int | None
    persons: int
    estimated: int
    estimated_entries: int
    turns: int
    outside: int
    target: Target | None

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return 100.0 * self.persons / self.denominator

    @property
    def met(self) -> bool | None:
        if self.target is None or self.percent is None:
            return None
        return self.percent >= self.target.percent

    @property
    def over(self) -> bool:
        """More people counted than need training: shown with a note, never hidden."""
        return self.denominator is not None and self.persons > self.denominator


@dataclass(frozen=True)
class Progress:
    """A plan's progress as of a date."""

    plan: Plan
    as_of: datetime.date
    denominators: DenominatorSet
    rows: list[ProgressRow]
    totals: list[ProgressRow]
    unattributed_turns: int  # aggregate trainee-turns not broken down by audience
    estimated_entries: int
    courses_counted: int
    results_counted: int

    @property
    def final(self) -> bool:
        return self.plan.closed is not None


def plan_of(catalogue: Catalogue, day: datetime.date) -> Plan | None:
    """The plan whose period contains ``day``."""
    return next((p for p in catalogue.plans if p.period.contains(day)), None)


def courses_of(catalogue: Catalogue, plan: Plan) -> list[Course]:
    """The plan's courses: those starting in its period."""
    return [c for c in catalogue.courses if plan.period.contains(c.start)]


def results_of(catalogue: Catalogue, plan: Plan) -> list[AggregateResult]:
    """The plan's aggregate results: those whose reporting period starts in its period."""
    return [r for r in catalogue.results if plan.period.contains(r.period.start)]


def figures_date(catalogue: Catalogue, plan: Plan) -> datetime.date:
    """The date a plan's figures run to: its closing date, else the data date within its period."""
    return closing_date(plan, catalogue.config.data_as_of)


def closing_date(plan: Plan, data_as_of: datetime.date) -> datetime.date:
    if plan.closed is not None:
        return plan.closed.as_of
    return min(data_as_of, plan.period.end)


def denominators_on(plan: Plan, day: datetime.date) -> DenominatorSet:
    """The plan's denominators as counted on the latest date not after ``day``."""
    ordered = sorted(plan.denominators, key=lambda d: d.as_of)
    chosen = ordered[0]
    for candidate in ordered:
        if candidate.as_of <= day:
            chosen = candidate
    return chosen


def target_for(plan: Plan, group_id: str, level_id: str | None) -> Target | None:
    for target in plan.targets:
        if target.target_group != group_id:
            continue
        if level_id is None or target.levels is None or level_id in target.levels:
            return target
    return None


def _covered(dset: DenominatorSet) -> dict[tuple[str, str], tuple[int, set[str]]]:
    return {(d.level, d.target_group): (d.people, set(d.covers)) for d in dset.counts}


def count_cells(
    plan: Plan,
    courses: list[Course],
    results: list[AggregateResult],
    audiences: dict[str, Audience],
    as_of: datetime.date,
    dset: DenominatorSet,
) -> tuple[dict[tuple[str, str], Cell], int, int, int]:
    """People per (level, group) up to ``as_of``; unattributed turns; courses and results counted.

    ``courses`` and ``results`` may hold any records: only the plan's, held (or
    reported) by ``as_of``, are counted.
    """
    covered = _covered(dset)
    cells: dict[tuple[str, str], Cell] = defaultdict(Cell)

    def add(audience_id: str, persons: int, turns: int, estimated: bool) -> None:
        audience = audiences.get(audience_id)
        if audience is None:
            return  # an unknown audience is reported by the reference check
        key = (audience.level, audience.target_group)
        cell = cells[key]
        _, covers = covered.get(key, (0, set()))
        if covers and audience_id not in covers:
            cell.outside += persons
            return
        cell.persons += persons
        cell.turns += turns
        if estimated:
            cell.estimated += persons
            cell.estimated_entries += 1

    counted = [
        c
        for c in courses
        if plan.period.contains(c.start) and c.status == "held" and c.end <= as_of
    ]
    for course in counted:
        for entry in course.audiences:
            add(entry.audience, entry.persons, entry.actual or 0, entry.estimated)
    reported = [
        r for r in results if plan.period.contains(r.period.start) and r.period.end <= as_of
    ]
    unattributed = 0
    for result in reported:
        for part in result.audiences:
            add(part.audience, part.persons, part.turns, part.estimated)
        unattributed += max(0, result.turns - sum(p.turns for p in result.audiences))
    return dict(cells), unattributed, len(counted), len(reported)


def plan_progress(catalogue: Catalogue, plan: Plan) -> Progress:
    """Rows per (level, target group) of the plan, then a total row per target group."""
    as_of = figures_date(catalogue, plan)
    dset = denominators_on(plan, as_of)
    cells, unattributed, n_courses, n_results = count_cells(
        plan, catalogue.courses, catalogue.results, catalogue.audiences_by_id, as_of, dset
    )
    covered = _covered(dset)
    levels = catalogue.levels
    groups = catalogue.target_groups
    level_rank = {lv.id: i for i, lv in enumerate(catalogue.config.levels)}
    group_rank = {g.id: i for i, g in enumerate(catalogue.config.target_groups)}
    keys = sorted(set(covered) | set(cells), key=lambda k: (group_rank[k[1]], level_rank[k[0]]))
    rows = []
    for level_id, group_id in keys:
        cell = cells.get((level_id, group_id), Cell())
        denominator = covered.get((level_id, group_id), (None, set()))[0]
        rows.append(
            ProgressRow(
                level=levels[level_id],
                group=groups[group_id],
                denominator=denominator,
                persons=cell.persons,
                estimated=cell.estimated,
                estimated_entries=cell.estimated_entries,
                turns=cell.turns,
                outside=cell.outside,
                target=target_for(plan, group_id, level_id),
            )
        )
    found = [_total(plan, group, rows) for group in catalogue.config.target_groups]
    totals = [t for t in found if t is not None]
    estimated_entries = sum(r.estimated_entries for r in rows)
    return Progress(
        plan, as_of, dset, rows, totals, unattributed, estimated_entries, n_courses, n_results
    )


def _total(plan: Plan, group: TargetGroup, rows: list[ProgressRow]) -> ProgressRow | None:
    """A group's total over the levels that have a denominator (people elsewhere are noted)."""
    mine = [r for r in rows if r.group.id == group.id]
    if not mine:
        return None
    target = target_for(plan, group.id, None)
    if target is None:  # no rate to compute: every person counted, nobody "outside"
        return ProgressRow(
            level=None,
            group=group,
            denominator=None,
            persons=sum(r.persons + r.outside for r in mine),
            estimated=sum(r.estimated for r in mine),
            estimated_entries=sum(r.estimated_entries for r in mine),
            turns=sum(r.turns for r in mine),
            outside=0,
            target=None,
        )
    counted = [
        r
        for r in mine
        if r.denominator is not None
        and (target is None or target.levels is None or (r.level and r.level.id in target.levels))
    ]
    return ProgressRow(
        level=None,
        group=group,
        denominator=sum(r.denominator or 0 for r in counted) if counted else None,
        persons=sum(r.persons for r in counted),
        estimated=sum(r.estimated for r in counted),
        estimated_entries=sum(r.estimated_entries for r in counted),
        turns=sum(r.turns for r in mine),
        outside=sum(r.outside for r in mine) + sum(r.persons for r in mine if r not in counted),
        target=target,
    )


@dataclass(frozen=True)
class Headline:
    topics_framework: int
    topics_local: int
    topics_drafted: int
    courses_held: int
    courses_planned: int
    courses_cancelled: int
    results: int
    trainee_turns: int
    persons: int
    persons_estimated: int
    statuses: list[ProgressRow] = field(default_factory=list)


def headline(catalogue: Catalogue, plan: Plan) -> Headline:
    """The few numbers the home page leads with, for one plan."""
    topic_ids = set(plan.topics)
    topics = [t for t in catalogue.topics if t.id in topic_ids]
    courses = courses_of(catalogue, plan)
    status = [c.status for c in courses]
    progress = plan_progress(catalogue, plan)
    results = [r for r in results_of(catalogue, plan) if r.period.end <= progress.as_of]
    held = [c for c in courses if c.status == "held"]
    turns = sum(a.actual or 0 for c in held for a in c.audiences) + sum(r.turns for r in results)
    return Headline(
        topics_framework=sum(1 for t in topics if t.group != "local"),
        topics_local=sum(1 for t in topics if t.group == "local"),
        topics_drafted=sum(1 for t in topics if t.status == "drafted"),
        courses_held=status.count("held"),
        courses_planned=status.count("planned"),
        courses_cancelled=status.count("cancelled"),
        results=len(results),
        trainee_turns=turns,
        persons=sum(t.persons for t in progress.totals),
        persons_estimated=sum(t.estimated for t in progress.totals),
        statuses=[t for t in progress.totals if t.target is not None],
    )
