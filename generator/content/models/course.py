"""``content/courses/**/<id>.yml``: one course (khóa tập huấn) and its half-day sessions."""

from __future__ import annotations

import datetime

from pydantic import Field

from .base import (
    VND,
    AudienceId,
    CourseKind,
    CourseStatus,
    Day,
    DeliveryMode,
    FundingSource,
    Half,
    Id,
    LevelId,
    LongText,
    PriorityAreaId,
    Record,
    SessionKind,
    Text,
    TopicId,
)


class Session(Record):
    date: Day
    half: Half
    topic: TopicId
    kind: SessionKind
    trainer: Text


class CourseAudience(Record):
    audience: AudienceId
    planned: int = Field(ge=0, le=100_000)
    actual: int | None = Field(default=None, ge=0, le=100_000)
    # Of the actual trainees, how many were trained for the first time in the
    # plan period (progress counts people, not trainee-turns). Default: all.
    new_persons: int | None = Field(default=None, ge=0, le=100_000)

    @property
    def persons(self) -> int:
        """People counted towards the targets: ``new_persons``, else (an estimate) ``actual``."""
        if self.new_persons is not None:
            return self.new_persons
        return self.actual or 0

    @property
    def estimated(self) -> bool:
        """True when the people counted are estimated from trainee-turns."""
        return self.new_persons is None and bool(self.actual)


class Budget(Record):
    """What a course or a reported result cost, in đồng, and who paid."""

    source: FundingSource
    planned: VND | None = None
    spent: VND | None = None


class Evaluation(Record):
    """How learners did: test averages (of 10), % satisfied, certificates issued."""

    pre_test: float | None = Field(default=None, ge=0, le=10)
    post_test: float | None = Field(default=None, ge=0, le=10)
    satisfied_percent: float | None = Field(default=None, ge=0, le=100)
    certificates: int | None = Field(default=None, ge=0, le=100_000)


class Course(Record):
    id: Id
    title: Text
    kind: CourseKind = "tap_huan"
    mode: DeliveryMode = "truc_tiep"
    level: LevelId
    place: Text
    organiser: Text
    start: Day
    end: Day
    status: CourseStatus
    sessions: list[Session]
    audiences: list[CourseAudience] = Field(min_length=1)
    budget: Budget | None = None
    priority_areas: list[PriorityAreaId] = Field(default_factory=list)
    evaluation: Evaluation | None = None
    # Why the course knowingly departs from the plan's rules (length, practice):
    # it is published and listed with this reason instead of a warning.
    exception: Text | None = None
    note: LongText | None = None
    # When the course record was last changed, if there is no git history.
    updated: Day | None = None

    @property
    def days(self) -> int:
        """Distinct calendar days on which the course has sessions."""
        return len({s.date for s in self.sessions})

    @property
    def ordered_sessions(self) -> list[Session]:
        """Sessions by date, morning before afternoon."""
        return sorted(self.sessions, key=_session_order)

    @property
    def topic_ids(self) -> list[str]:
        """Topics taught, in order of first session."""
        return list(dict.fromkeys(s.topic for s in self.ordered_sessions))


def _session_order(session: Session) -> tuple[datetime.date, int]:
    return (session.date, 0 if session.half == "sang" else 1)
