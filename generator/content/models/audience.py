"""``content/audiences.yml`` and ``content/denominators.yml``: who is trained, and how many."""

from __future__ import annotations

import datetime

from pydantic import Field

from .base import Id, LevelId, Record, TargetGroupId, Text


class Audience(Record):
    id: Id
    level: LevelId
    name: Text
    target_group: TargetGroupId


class AudienceFile(Record):
    audiences: list[Audience] = Field(min_length=1)


class Denominator(Record):
    level: LevelId
    target_group: TargetGroupId
    people: int = Field(ge=0, le=10_000_000)


class DenominatorFile(Record):
    as_of: datetime.date
    source: Text
    counts: list[Denominator] = Field(min_length=1)
