"""``content/plans/<id>.yml`` and ``content/annual-plans/<id>.yml``: what offices plan.

A plan (kế hoạch) covers a period (2021–2025, 2026–2030) with its own targets,
topic framework, levels, course rules and dated denominators; an annual plan
says, per year and organising level, how many classes and participants are
planned and with what budget.
"""

from __future__ import annotations

import datetime

from pydantic import Field

from ...messages.rules import Severity
from .base import (
    VND,
    AudienceId,
    Day,
    FundingSource,
    Id,
    LevelId,
    LongText,
    PlanId,
    PriorityAreaId,
    Record,
    SessionKind,
    TargetGroupId,
    Text,
    TopicGroupId,
    TopicId,
)


class Period(Record):
    start: Day
    end: Day

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


class Target(Record):
    """At least ``percent`` of a target group trained by ``by`` (at ``levels``, or all)."""

    target_group: TargetGroupId
    percent: float = Field(gt=0, le=100)
    by: Day
    levels: list[LevelId] | None = None


class FrameworkGroup(Record):
    """How many topics of a group the plan's framework holds (6/9/4)."""

    group: TopicGroupId
    expected: int = Field(ge=0, le=99)


class CourseRules(Record):
    min_days: int = Field(ge=1, le=30)
    min_practice_sessions: int = Field(ge=0, le=20)
    practice_kinds: list[SessionKind] = Field(min_length=1)


class Denominator(Record):
    """How many people of a target group at a level must be trained.

    ``covers`` names the audiences counted (all audiences of that level and
    group when empty), so the people counted as trained are the same people.
    """

    level: LevelId
    target_group: TargetGroupId
    people: int = Field(ge=0, le=10_000_000)
    covers: list[AudienceId] = Field(default_factory=list)


class DenominatorSet(Record):
    """The denominators as counted on one date (they change, e.g. after 1/7/2025)."""

    as_of: Day
    source: Text
    counts: list[Denominator] = Field(min_length=1)


class Closing(Record):
    """A plan closed with final figures."""

    as_of: Day
    note: LongText | None = None


class Plan(Record):
    id: Id
    title: Text
    short_title: Text
    # A draft plan has neither yet: it is shown as not issued.
    number: Text | None = None
    date: Day | None = None
    issuer: Text
    programme: Text
    period: Period
    levels: list[LevelId] = Field(min_length=1)
    targets: list[Target] = Field(min_length=1)
    topics: list[TopicId] = Field(min_length=1)
    framework: list[FrameworkGroup] = Field(default_factory=list)
    course_rules: CourseRules
    # Severity of rules for this plan's records: {course-too-short: error}.
    rules: dict[str, Severity] = Field(default_factory=dict)
    denominators: list[DenominatorSet] = Field(min_length=1)
    closed: Closing | None = None
    note: LongText | None = None


class BudgetLine(Record):
    source: FundingSource
    amount: VND


class Participants(Record):
    target_group: TargetGroupId
    people: int = Field(ge=0, le=10_000_000)


class AnnualRow(Record):
    """What one organising level plans for the year."""

    level: LevelId
    classes: int = Field(ge=0, le=100_000)
    participants: list[Participants] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)


class AnnualPlan(Record):
    id: Id
    plan: PlanId
    year: int = Field(ge=2000, le=2100)
    number: Text | None = None
    date: Day | None = None
    rows: list[AnnualRow] = Field(min_length=1)
    priority_areas: list[PriorityAreaId] = Field(default_factory=list)
    note: LongText | None = None
