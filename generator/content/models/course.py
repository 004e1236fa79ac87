"""``content/courses/**/<id>.yml``: one course (khóa tập huấn) and its half-day sessions."""

from __future__ import annotations

import datetime

from pydantic import Field

from .base import (
    AudienceId,
    CourseStatus,
    Half,
    Id,
    LevelId,
    LongText,
    Record,
    SessionKind,
    Text,
    TopicId,
)


class Session(Record):
    date: datetime.date
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
        """People counted towards the targets from this course."""
        if self.new_persons is not None:
            return self.new_persons
        return self.actual or 0


class Course(Record):
    id: Id
    title: Text
    level: LevelId
    place: Text
    organiser: Text
    start: datetime.date
    end: datetime.date
    status: CourseStatus
    sessions: list[Session]
    audiences: list[CourseAudience] = Field(min_length=1)
    note: LongText | None = None
    # When the course record was last changed, if there is no git history.
    updated: datetime.date | None = None

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
