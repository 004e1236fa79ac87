"""``site_config.yml``: the site, and the vocabularies every plan shares (levels, groups)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ...messages.rules import Severity
from .base import (
    ClockTime,
    Day,
    GroupId,
    Id,
    LongText,
    Record,
    Ref,
    SiteUrl,
    Text,
)


class Level(Record):
    """An administrative level, valid between two dates (either may be open)."""

    id: Id
    name: Text
    valid_from: Day | None = None
    valid_until: Day | None = None

    def valid_on(self, day: datetime.date) -> bool:
        """True when the level exists on ``day``."""
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)


class TargetGroup(Record):
    id: Id
    name: Text
    description: LongText | None = None


class TopicGroup(Record):
    """A group of the topic framework (I, II, III, local); plans say how many topics each holds."""

    id: GroupId
    name: Text


class PriorityArea(Record):
    """A kind of area courses and plans give priority to (advanced NTM communes, islands…)."""

    id: Id
    name: Text


class HalfDayTimes(Record):
    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def _in_order(self) -> HalfDayTimes:
        if self.end <= self.start:  # "HH:MM" strings order like times
            raise PydanticCustomError("time_order", "end before start")
        return self


class SessionTimes(Record):
    """Clock times of the morning and afternoon half-days (for calendars)."""

    sang: HalfDayTimes = HalfDayTimes(start="07:30", end="11:30")
    chieu: HalfDayTimes = HalfDayTimes(start="13:30", end="17:00")


class Signature(Record):
    """Who signs the office's documents."""

    on_behalf: Text | None = None  # "TM. BAN CHỈ ĐẠO"
    title: Text | None = None  # "TRƯỞNG BAN"
    name: Text | None = None


class Documents(Record):
    """What printed documents say about who issues them (Decree 30/2020/NĐ-CP layout).

    Anything not set is printed as a dotted placeholder for the office to fill in.
    """

    parent_body: Text | None = None  # "UBND TỈNH AN HÒA"
    issuing_body: Text | None = None  # "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MTQG TỈNH"
    place: Text | None = None  # "An Hòa", for "An Hòa, ngày … tháng … năm …"
    number_suffix: Text | None = None  # "BC-BCĐ", for "Số: …/BC-BCĐ"
    signature: Signature = Signature()
    recipients: list[Text] = Field(default_factory=list)
    contact: Text | None = None  # for course notices: who to call
    notice_number_suffix: Text | None = None  # "TB-VPĐP", for "Số: …/TB-VPĐP" on notices
    # What learners bring to a course (course notices); a standard list when empty.
    bring: list[Text] = Field(default_factory=list)
    # "hanh-chinh": outlines in the administrative format too; "hien-dai": the site's look.
    outline_style: Literal["hanh-chinh", "hien-dai"] = "hanh-chinh"


class SiteConfig(Record):
    site_name: Text
    province: Text
    language: Literal["vi"]
    site_url: SiteUrl
    sample_data: bool
    # The notice shown while sample_data is on, when the data is the office's
    # own draft rather than the handbook's made-up sample.
    sample_notice: Text | None = None
    data_as_of: Day
    target_groups: list[TargetGroup] = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)
    topic_groups: list[TopicGroup] = Field(min_length=1)
    priority_areas: list[PriorityArea] = Field(default_factory=list)
    # Order of the free pages (content/pages/) in the navigation; pages not
    # listed follow in file-name order.
    pages: list[
        Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$"), Ref("page")]
    ] = Field(default_factory=list)
    session_times: SessionTimes = SessionTimes()
    documents: Documents = Documents()
    # Severity of rules, changed from the catalogue's: {course-too-short: error}.
    rules: dict[str, Severity] = Field(default_factory=dict)
    timezone: Literal["Asia/Ho_Chi_Minh"] = "Asia/Ho_Chi_Minh"
