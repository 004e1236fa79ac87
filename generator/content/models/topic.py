"""``topics/<id>.yml``: one training topic (chuyên đề)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ...messages import topic_label
from .base import (
    AudienceId,
    Day,
    GroupId,
    Id,
    LevelId,
    LongText,
    Record,
    Ref,
    SessionKind,
    Text,
    TopicStatus,
)


class Section(Record):
    title: Text
    points: list[Text] = Field(min_length=1)


class Reference(Record):
    number: Text
    date: Day | None = None
    title: Text


class Topic(Record):
    id: Id
    group: Annotated[GroupId, Ref("topic_group")]
    number: int = Field(ge=1, le=99)
    title: Text
    status: TopicStatus
    source: LongText
    summary: LongText
    objectives: list[Text] = Field(min_length=1)
    outline: list[Section] = Field(min_length=1)
    duration: int = Field(ge=1, le=20)
    levels: list[LevelId] = Field(min_length=1)
    audiences: list[AudienceId] = Field(min_length=1)
    methods: list[SessionKind] = Field(min_length=1)
    references: list[Reference] = Field(min_length=1)
    reviewed: Day

    @property
    def label(self) -> str:
        """The short name: "Chuyên đề II.3", or "Chuyên đề địa phương 1"."""
        return topic_label(self.group, self.number)
