"""Stage 4, derive: reports as provincial offices file them.

A year report has one row per organising level: classes planned / held /
cancelled (and still to come), of which study tours and aggregate results,
trainee-turns, people trained for the first time (with how many are
estimates), budget planned and spent, and the share of the year's plan done.
A period report has the same columns per year, then the people trained against
the plan's targets (from :mod:`.progress`). Which courses departed from the
plan's rules, and why, is listed in a compliance section.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .catalogue import Catalogue
from .models import Course, Level, Plan
from .planrules import course_departures
from .progress import Progress, courses_of, figures_date, plan_progress, results_of


@dataclass
class ReportRow:
    """One line of a report: an organising level (year report) or a year (period report)."""

    label: str
    level: Level | None = None
    year: int | None = None
    classes_planned: int | None = None
    participants_planned: int | None = None
    classes_held: int = 0
    study_tours: int = 0
    from_aggregates: int = 0  # of the classes held, reported only as totals
    classes_cancelled: int = 0
    classes_to_come: int = 0
    turns: int = 0
    persons: int = 0
    persons_estimated: int = 0
    budget_planned: int | None = None
    budget_spent: int | None = None  # None: no spending recorded

    @property
    def classes_percent(self) -> float | None:
        if not self.classes_planned:
            return None
        return 100.0 * self.classes_held / self.classes_planned

    @property
    def persons_percent(self) -> float | None:
        if not self.participants_planned:
            return None
        return 100.0 * self.persons / self.participants_planned

    def add(self, other: ReportRow) -> None:
        """Add another row's figures into this one (for totals)."""
        for name in ("classes_planned", "participants_planned", "budget_planned", "budget_spent"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if theirs is not None:
                setattr(self, name, (mine or 0) + theirs)
        for name in (
            "classes_held",
            "study_tours",
            "from_aggregates",
            "classes_cancelled",
            "classes_to_come",
            "turns",
            "persons",
            "persons_estimated",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class YearReport:
    plan: Plan
    year: int
    as_of: datetime.date
    rows: list[ReportRow]
    total: ReportRow
    has_annual_plan: bool


@dataclass(frozen=True)
class PeriodReport:
    plan: Plan
    as_of: datetime.date
    rows: list[ReportRow]  # one per year
    total: ReportRow
    progress: Progress
    final: bool


@dataclass(frozen=True)
class Compliance:
    """A course that departs from the plan's rules: how, and the reason the office gave."""

    course: Course
    reasons: list[str] = field(default_factory=list)
    exception: str | None = None


def report_years(catalogue: Catalogue, plan: Plan) -> list[int]:
    """The years of a plan that have started by the figures' date."""
    last = figures_date(catalogue, plan).year
    return list(range(plan.period.start.year, min(plan.period.end.year, last) + 1))


def _plan_levels(catalogue: Catalogue, plan: Plan) -> list[Level]:
    return [lv for lv in catalogue.config.levels if lv.id in plan.levels]


def year_report(catalogue: Catalogue, plan: Plan, year: int) -> YearReport:
    """One row per organising level for ``year`` of ``plan``, then the total."""
    as_of = figures_date(catalogue, plan)
    annual = catalogue.annual_plan(plan, year)
    planned = {row.level: row for row in annual.rows} if annual else {}
    rows: dict[str, ReportRow] = {
        lv.id: ReportRow(lv.name, level=lv) for lv in _plan_levels(catalogue, plan)
    }

    def row(level_id: str) -> ReportRow:
        if level_id not in rows:
            level = catalogue.levels[level_id]
            rows[level_id] = ReportRow(level.name, level=level)
        return rows[level_id]

    for level_id, line in planned.items():
        r = row(level_id)
        r.classes_planned = line.classes
        r.participants_planned = sum(p.people for p in line.participants) or None
        r.budget_planned = sum(b.amount for b in line.budget) or None
    for course in courses_of(catalogue, plan):
        if course.start.year != year:
            continue
        r = row(course.level)
        if course.status == "cancelled":
            r.classes_cancelled += 1
        elif course.status == "planned" or course.end > as_of:
            r.classes_to_come += 1
        else:
            r.classes_held += 1
            r.study_tours += course.kind == "tham_quan"
            r.turns += sum(a.actual or 0 for a in course.audiences)
            r.persons += sum(a.persons for a in course.audiences)
            r.persons_estimated += sum(a.persons for a in course.audiences if a.estimated)
            if course.budget and course.budget.spent is not None:
                r.budget_spent = (r.budget_spent or 0) + course.budget.spent
    for result in results_of(catalogue, plan):
        if result.period.start.year != year or result.period.end > as_of:
            continue
        r = row(result.level)
        r.classes_held += result.classes
        r.from_aggregates += result.classes
        r.study_tours += result.classes if result.kind == "tham_quan" else 0
        r.classes_cancelled += result.cancelled
        r.turns += result.turns
        if result.new_persons is not None:
            r.persons += result.new_persons
        else:  # an estimate from trainee-turns
            r.persons += result.turns
            r.persons_estimated += result.turns
        if result.budget and result.budget.spent is not None:
            r.budget_spent = (r.budget_spent or 0) + result.budget.spent
    rank = {lv.id: i for i, lv in enumerate(catalogue.config.levels)}
    # Levels that neither planned nor organised anything (villages, where nobody
    # organises classes) are left out: a row of dashes says nothing.
    used = [k for k in rows if _has_figures(rows[k])]
    ordered = [rows[k] for k in sorted(used, key=lambda k: rank[k])]
    total = ReportRow("")
    for level_row in ordered:
        total.add(level_row)
    return YearReport(plan, year, as_of, ordered, total, annual is not None)


def _has_figures(row: ReportRow) -> bool:
    return bool(
        row.classes_planned
        or row.participants_planned
        or row.budget_planned
        or row.classes_held
        or row.classes_cancelled
        or row.classes_to_come
    )


def period_report(catalogue: Catalogue, plan: Plan) -> PeriodReport:
    """One row per year of the plan, the total, and progress against the targets."""
    rows = []
    for year in report_years(catalogue, plan):
        report = year_report(catalogue, plan, year)
        line = ReportRow(str(year), year=year)
        line.add(report.total)
        rows.append(line)
    total = ReportRow("")
    for line in rows:
        total.add(line)
    progress = plan_progress(catalogue, plan)
    return PeriodReport(plan, progress.as_of, rows, total, progress, final=plan.closed is not None)


def compliance(catalogue: Catalogue, plan: Plan) -> list[Compliance]:
    """Courses of ``plan`` that depart from its rules, or say they knowingly do, in date order."""
    found = []
    for course in courses_of(catalogue, plan):
        why = [d.text for d in course_departures(course, plan.course_rules, catalogue.topics_by_id)]
        if why or course.exception:
            found.append(Compliance(course, why, course.exception))
    return sorted(found, key=lambda c: (c.course.start, c.course.id))
