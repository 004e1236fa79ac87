"""``content/audiences.yml``: who is trained, by level and target group."""

from __future__ import annotations

from pydantic import Field

from .base import Id, LevelId, Record, TargetGroupId, Text


class Audience(Record):
    id: Id
    level: LevelId
    name: Text
    target_group: TargetGroupId


class AudienceFile(Record):
    audiences: list[Audience] = Field(min_length=1)
