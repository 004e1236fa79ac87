"""Stage 3, validate: the rules about plans, annual plans, results and honest figures.

Plans must not overlap and must use levels that exist in their period; each
plan's framework holds the number of topics it says; denominators are given
once per level and group and cover audiences of that level and group. Courses
and results belong to the plan whose period contains them (outside every plan,
they count nowhere: a warning); the plan's course rules are warnings unless the
plan makes them errors. Figures that would inflate a rate are warnings: more
people counted than need training, a single count larger than its denominator,
people of audiences no denominator covers.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..problems import Problem
from .checks import first_seen, level_validity
from .models import Plan
from .planrules import course_departures
from .progress import closing_date, count_cells, denominators_on
from .project import Content, Located


def _plans(content: Content) -> list[Located[Plan]]:
    return sorted(content.of("plan"), key=lambda p: p.record.period.start)


def plan_for(content: Content, day: Any) -> Plan | None:
    """The plan whose period contains ``day``."""
    return next((p.record for p in _plans(content) if p.record.period.contains(day)), None)


def check_plans(content: Content) -> Iterator[Problem]:
    """Periods in order and apart, levels in force, lists without repeats, framework counts."""
    plans = _plans(content)
    levels = {lv.record.id: lv.record for lv in content.of("level")}
    topics = {t.record.id: t.record for t in content.topics}
    audiences = {a.record.id: a.record for a in content.audiences}
    for earlier, later in itertools.pairwise(plans):
        if later.record.period.start <= earlier.record.period.end:
            yield later.problem(
                ("period", "start"),
                "plan-overlap",
                plan=later.record.id,
                other=earlier.record.id,
                end=earlier.record.period.end,
            )
    for item in plans:
        plan = item.record
        period = plan.period
        if period.end < period.start:
            yield item.problem(
                ("period", "end"), "period-order", start=period.start, end=period.end
            )
        for i, level_id in enumerate(plan.levels):
            level = levels.get(level_id)
            if level and not level.valid_on(period.start) and not level.valid_on(period.end):
                yield item.problem(
                    ("levels", i),
                    "plan-level-not-valid",
                    level=level_id,
                    validity=level_validity(level),
                )
        for key in ("levels", "topics"):
            values = list(enumerate(getattr(plan, key)))
            for (i, value), _ in first_seen(values, key=lambda v: v[1]):
                yield item.problem((key, i), "listed-twice", value=value)
        yield from _framework(item, topics, content)
        yield from _denominators(item, audiences)
        if plan.closed and plan.closed.as_of < period.start:
            yield item.problem(
                ("closed", "as_of"), "period-order", start=period.start, end=plan.closed.as_of
            )


def _framework(item: Located[Plan], topics: dict[str, Any], content: Content) -> Iterator[Problem]:
    if content.invalid.get("topic"):
        return  # a broken topic file is reported on its own; don't guess its group
    plan = item.record
    counts = Counter(topics[t].group for t in plan.topics if t in topics)
    for i, group in enumerate(plan.framework):
        if counts[group.group] != group.expected:
            yield item.problem(
                ("framework", i, "expected"),
                "group-count",
                group=group.group,
                count=counts[group.group],
                expected=group.expected,
            )


def _denominators(item: Located[Plan], audiences: dict[str, Any]) -> Iterator[Problem]:
    for s, dset in enumerate(item.record.denominators):
        numbered = list(enumerate(dset.counts))
        for (i, d), (j, _) in first_seen(numbered, key=lambda n: (n[1].level, n[1].target_group)):
            yield item.problem(
                ("denominators", s, "counts", i, "level"),
                "denominator-twice",
                level=d.level,
                group=d.target_group,
                first_line=item.line(("denominators", s, "counts", j)),
            )
        for i, d in numbered:
            for k, audience_id in enumerate(d.covers):
                audience = audiences.get(audience_id)
                if audience and (audience.level, audience.target_group) != (
                    d.level,
                    d.target_group,
                ):
                    yield item.problem(
                        ("denominators", s, "counts", i, "covers", k),
                        "denominator-cover-mismatch",
                        audience=audience_id,
                        level=d.level,
                        group=d.target_group,
                    )


def check_course_plans(content: Content) -> Iterator[Problem]:
    """Each course belongs to a plan, at one of its levels, and keeps its rules (or says why)."""
    if not content.config:
        return
    as_of = content.config.record.data_as_of
    topics = {t.record.id: t.record for t in content.topics}
    known = {lv.record.id for lv in content.of("level")}  # an unknown one is reported once
    for item in content.courses:
        course = item.record
        plan = plan_for(content, course.start)
        if course.status == "planned" and course.end < as_of:
            yield item.problem(("status",), "planned-in-past", end=course.end, as_of=as_of)
        if plan is None:
            if not content.invalid.get("plan"):  # a broken plan file is reported on its own
                yield item.problem(("start",), "outside-plans", day=course.start)
            continue
        if course.level in known and course.level not in plan.levels:
            yield item.problem(("level",), "level-not-in-plan", level=course.level, plan=plan.id)
        if course.exception:
            continue  # published and listed with the office's reason
        for departure in course_departures(course, plan.course_rules, topics):
            yield item.problem(departure.loc, departure.code, **departure.values)


def check_annual_plans(content: Content) -> Iterator[Problem]:
    """An annual plan's year is in its plan's period; one per plan and year; levels of the plan."""
    plans = {p.record.id: p.record for p in content.of("plan")}
    annual = content.of("annual_plan")
    known = {lv.record.id for lv in content.of("level")}  # an unknown one is reported once
    for item in annual:
        record = item.record
        plan = plans.get(record.plan)
        if plan and not plan.period.start.year <= record.year <= plan.period.end.year:
            yield item.problem(("year",), "annual-plan-year", year=record.year, plan=plan.id)
        rows = list(enumerate(record.rows))
        for (i, row), _ in first_seen(rows, key=lambda r: r[1].level):
            yield item.problem(("rows", i, "level"), "listed-twice", value=row.level)
        for i, row in rows:
            if plan and row.level in known and row.level not in plan.levels:
                yield item.problem(
                    ("rows", i, "level"), "level-not-in-plan", level=row.level, plan=plan.id
                )
    for item, other in first_seen(annual, key=lambda a: (a.record.plan, a.record.year)):
        yield item.problem(
            ("year",), "annual-plan-twice", year=item.record.year, other=other.doc.file
        )


def check_results(content: Content) -> Iterator[Problem]:
    """A result's period is in order, in a plan, over; its breakdown adds up."""
    if not content.config:
        return
    as_of = content.config.record.data_as_of
    levels = {lv.record.id: lv.record for lv in content.of("level")}
    for item in content.of("result"):
        result = item.record
        period = result.period
        if period.end < period.start:
            yield item.problem(
                ("period", "end"), "end-before-start", start=period.start, end=period.end
            )
        if period.end > as_of:
            yield item.problem(("period", "end"), "held-in-future", end=period.end, as_of=as_of)
        level = levels.get(result.level)
        if level and not (level.valid_on(period.start) and level.valid_on(period.end)):
            yield item.problem(
                ("level",),
                "level-not-valid",
                level=level.id,
                day=period.start,
                validity=level_validity(level),
            )
        plan = plan_for(content, period.start)
        if plan is None:
            if not content.invalid.get("plan"):
                yield item.problem(("period", "start"), "outside-plans", day=period.start)
        elif level and result.level not in plan.levels:
            yield item.problem(("level",), "level-not-in-plan", level=result.level, plan=plan.id)
        broken_down = sum(a.turns for a in result.audiences)
        if broken_down > result.turns:
            yield item.problem(
                ("audiences",), "result-breakdown", parts=broken_down, total=result.turns
            )
        if result.new_persons is not None and result.new_persons > result.turns:
            yield item.problem(
                ("new_persons",), "new-exceeds-actual", new=result.new_persons, actual=result.turns
            )
        for i, part in enumerate(result.audiences):
            if part.new_persons is not None and part.new_persons > part.turns:
                yield item.problem(
                    ("audiences", i, "new_persons"),
                    "new-exceeds-actual",
                    new=part.new_persons,
                    actual=part.turns,
                )


def check_figures(content: Content) -> Iterator[Problem]:
    """No figure is inflated silently: over 100%, counts over denominators, people uncovered."""
    if not content.config:
        return
    as_of = content.config.record.data_as_of
    audiences = {a.record.id: a.record for a in content.audiences}
    courses = [c.record for c in content.courses]
    results = [r.record for r in content.of("result")]
    for item in _plans(content):
        plan = item.record
        when = closing_date(plan, as_of)
        dset = denominators_on(plan, when)
        s = plan.denominators.index(dset)
        cells, *_ = count_cells(plan, courses, results, audiences, when, dset)
        for i, d in enumerate(dset.counts):
            cell = cells.get((d.level, d.target_group))
            if cell is not None and cell.persons > d.people:
                yield item.problem(
                    ("denominators", s, "counts", i, "people"),
                    "progress-over-denominator",
                    persons=cell.persons,
                    people=d.people,
                    level=d.level,
                    group=d.target_group,
                )
        yield from _entries_against(content, plan, dset, audiences)


def _entries_against(
    content: Content, plan: Plan, dset: Any, audiences: dict[str, Any]
) -> Iterator[Problem]:
    cells = {(d.level, d.target_group): d for d in dset.counts}
    measured = {t.target_group for t in plan.targets}  # groups whose people make a rate
    for item in content.courses:
        course = item.record
        if course.status != "held" or not plan.period.contains(course.start):
            continue
        for i, entry in enumerate(course.audiences):
            audience = audiences.get(entry.audience)
            if audience is None or audience.target_group not in measured:
                continue
            cell = cells.get((audience.level, audience.target_group))
            if cell is None or (cell.covers and entry.audience not in cell.covers):
                yield item.problem(
                    ("audiences", i, "audience"),
                    "audience-outside-denominator",
                    audience=entry.audience,
                    plan=plan.id,
                )
            elif (entry.actual or 0) > cell.people:
                yield item.problem(
                    ("audiences", i, "actual"),
                    "count-over-denominator",
                    count=entry.actual,
                    people=cell.people,
                    audience=entry.audience,
                )
