"""Value types shared by every kind of record: ids, text, dates, references."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .. import textcheck

# Names Windows will not create as files, whatever the extension: an id is a
# file name in the site and in the offline copy offices unzip on Windows.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)


def _not_reserved(value: str) -> str:
    if value in WINDOWS_RESERVED:
        raise PydanticCustomError("reserved_name", "reserved file name")
    return value


def _one_line(value: str) -> str:
    if textcheck.has_line_break(value):
        raise PydanticCustomError("multiline", "line break in a single-line value")
    return value


ID_MAX_LENGTH = 64
"""The longest id: it is a file name, and part of a page's address."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=ID_MAX_LENGTH),
    AfterValidator(_not_reserved),
]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    AfterValidator(_one_line),
]
"""One line of plain text: a title, a name, a place."""
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
"""A paragraph of plain text (line breaks allowed)."""

_HOST = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)
_URL_PATH = re.compile(r"[A-Za-z0-9._~/%-]*")


def _site_url(value: str) -> str:
    """An http(s) address with a host and a plain path: safe in every output."""
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise PydanticCustomError("url", "not a URL") from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not _HOST.fullmatch(parts.hostname)
        or parts.username is not None
        or parts.query
        or parts.fragment
        or not _URL_PATH.fullmatch(parts.path)
        or value != value.strip()
        or (port is not None and not 0 < port < 65536)
    ):
        raise PydanticCustomError("url", "not a plain http(s) URL")
    return value


SiteUrl = Annotated[str, AfterValidator(_site_url)]

EARLIEST = datetime.date(1945, 1, 1)
LATEST = datetime.date(2099, 12, 31)


def _plausible(value: datetime.date) -> datetime.date:
    if not EARLIEST <= value <= LATEST:
        raise PydanticCustomError("date_range", "date out of range")
    return value


Day = Annotated[datetime.date, AfterValidator(_plausible)]
"""A date between 1945 and 2099: a typo like 2205 is caught, and every writer
(zip files, sitemaps, calendars) can store it."""
ClockTime = Annotated[str, StringConstraints(pattern=r"^(?:[01]\d|2[0-3]):[0-5]\d$")]
SessionKind = Literal["ly_thuyet", "thao_luan", "khao_sat", "thuc_hanh", "tham_quan"]
Half = Literal["sang", "chieu"]
CourseStatus = Literal["planned", "held", "cancelled"]
CourseKind = Literal["tap_huan", "tham_quan"]
"""A training course, or a study tour (tham quan học tập)."""
DeliveryMode = Literal["truc_tiep", "truc_tuyen", "ket_hop"]
"""In person, online, or mixed."""
FundingSource = Literal["trung_uong", "dia_phuong", "khac"]
"""Central budget, local budget, other sources."""
VND = Annotated[int, Field(ge=0, le=10**13)]
"""An amount of money in đồng."""
TopicStatus = Literal["attested", "drafted", "local"]
GroupId = Annotated[str, StringConstraints(pattern=r"^(?:I|II|III|IV|V|local)$")]


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to a record of another kind, by id.

    ``level: Annotated[Id, Ref("level")]`` — checked by one walker
    (:func:`generator.content.refs.check_refs`) for every kind.
    """

    kind: str


class Record(BaseModel):
    """Base for every content record: unknown keys are errors, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def ref(kind: str) -> Ref:
    """Shorthand for ``Ref(kind)`` in annotations."""
    return Ref(kind)


LevelId = Annotated[Id, Ref("level")]
PlanId = Annotated[Id, Ref("plan")]
PriorityAreaId = Annotated[Id, Ref("priority_area")]
TopicGroupId = Annotated[GroupId, Ref("topic_group")]
TargetGroupId = Annotated[Id, Ref("target_group")]
TopicId = Annotated[Id, Ref("topic")]
AudienceId = Annotated[Id, Ref("audience")]
