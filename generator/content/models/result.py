"""``content/results/<id>.yml``: results reported only as totals.

A commune or a department often reports "3 classes, 210 trainee-turns, 150
people, X đồng" for a quarter, without per-class detail. Such a record counts
in every figure of its plan and is shown as an aggregate. People are counted
by target group only for the audiences it breaks down; the rest count in the
totals of classes, trainee-turns and budget.
"""

from __future__ import annotations

from pydantic import Field

from .base import AudienceId, CourseKind, Day, Id, LevelId, LongText, PriorityAreaId, Record, Text
from .course import Budget
from .plan import Period


class ResultAudience(Record):
    audience: AudienceId
    turns: int = Field(ge=0, le=1_000_000)
    new_persons: int | None = Field(default=None, ge=0, le=1_000_000)

    @property
    def persons(self) -> int:
        return self.new_persons if self.new_persons is not None else self.turns

    @property
    def estimated(self) -> bool:
        return self.new_persons is None and self.turns > 0


class AggregateResult(Record):
    id: Id
    title: Text
    kind: CourseKind = "tap_huan"
    level: LevelId
    organiser: Text
    period: Period
    classes: int = Field(ge=0, le=100_000)
    cancelled: int = Field(default=0, ge=0, le=100_000)
    turns: int = Field(ge=0, le=10_000_000)
    new_persons: int | None = Field(default=None, ge=0, le=10_000_000)
    audiences: list[ResultAudience] = Field(default_factory=list)
    budget: Budget | None = None
    priority_areas: list[PriorityAreaId] = Field(default_factory=list)
    note: LongText | None = None
    updated: Day | None = None
