"""Stage 2, model: typed records for every kind of content file.

Each class mirrors one YAML shape. Unknown keys are refused (``extra="forbid"``)
and every field error is reported at once; :func:`parse` turns pydantic's
errors into located :class:`~generator.problems.Problem` values with a
Vietnamese message and hint. Relations between files are checked later, in
:mod:`generator.checks`.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from . import textcheck
from .loader import Document, Loc
from .problems import Problem, listing, suggest

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


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64),
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
Kind = Literal["ly_thuyet", "thao_luan", "khao_sat", "thuc_hanh", "tham_quan"]
Half = Literal["sang", "chieu"]
CourseStatus = Literal["planned", "held", "cancelled"]
TopicStatus = Literal["attested", "drafted", "local"]
GroupId = Annotated[str, StringConstraints(pattern=r"^(?:I|II|III|IV|V|local)$")]


class Record(BaseModel):
    """Base for every content record: unknown keys are errors, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- site_config.yml ---------------------------------------------------------


class Period(Record):
    start: datetime.date
    end: datetime.date


class Plan(Record):
    title: Text
    number: Text
    date: datetime.date
    issuer: Text
    period: Period
    note: LongText | None = None


class Level(Record):
    """An administrative level, valid between two dates (either may be open)."""

    id: Id
    name: Text
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None

    def valid_on(self, day: datetime.date) -> bool:
        """True when the level exists on ``day``."""
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)


class TargetGroup(Record):
    id: Id
    name: Text
    description: LongText | None = None


class Target(Record):
    target_group: Id
    percent: float = Field(gt=0, le=100)
    by: datetime.date
    levels: list[Id] | None = None


class TopicGroup(Record):
    id: GroupId
    name: Text
    expected: int | None = Field(default=None, ge=0)


class CourseRules(Record):
    min_days: int = Field(ge=1, le=30)
    min_practice_sessions: int = Field(ge=0, le=20)
    practice_kinds: list[Kind] = Field(min_length=1)


ClockTime = Annotated[str, StringConstraints(pattern=r"^(?:[01]\d|2[0-3]):[0-5]\d$")]


class HalfDayTimes(Record):
    start: ClockTime
    end: ClockTime


class SessionTimes(Record):
    """Clock times of the morning and afternoon half-days (for calendars)."""

    sang: HalfDayTimes = HalfDayTimes(start="07:30", end="11:30")
    chieu: HalfDayTimes = HalfDayTimes(start="13:30", end="17:00")


class SiteConfig(Record):
    site_name: Text
    province: Text
    language: Literal["vi"]
    site_url: SiteUrl
    sample_data: bool
    data_as_of: datetime.date
    plan: Plan
    target_groups: list[TargetGroup] = Field(min_length=1)
    targets: list[Target]
    levels: list[Level] = Field(min_length=1)
    topic_groups: list[TopicGroup] = Field(min_length=1)
    course_rules: CourseRules
    # Order of the free pages (content/pages/) in the navigation; pages not
    # listed follow in file-name order.
    pages: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$")]] = []
    session_times: SessionTimes = SessionTimes()
    timezone: Literal["Asia/Ho_Chi_Minh"] = "Asia/Ho_Chi_Minh"


# --- topics/*.yml ------------------------------------------------------------


class Section(Record):
    title: Text
    points: list[Text] = Field(min_length=1)


class Reference(Record):
    number: Text
    date: datetime.date | None = None
    title: Text


class Topic(Record):
    id: Id
    group: GroupId
    number: int = Field(ge=1, le=99)
    title: Text
    status: TopicStatus
    source: LongText
    summary: LongText
    objectives: list[Text] = Field(min_length=1)
    outline: list[Section] = Field(min_length=1)
    duration: int = Field(ge=1, le=20)
    levels: list[Id] = Field(min_length=1)
    audiences: list[Id] = Field(min_length=1)
    methods: list[Kind] = Field(min_length=1)
    references: list[Reference] = Field(min_length=1)
    reviewed: datetime.date

    @property
    def label(self) -> str:
        """The short name: "Chuyên đề II.3", or "Chuyên đề địa phương 1"."""
        if self.group == "local":
            return f"Chuyên đề địa phương {self.number}"
        return f"Chuyên đề {self.group}.{self.number}"


# --- content/audiences.yml ---------------------------------------------------


class Audience(Record):
    id: Id
    level: Id
    name: Text
    target_group: Id


class AudienceFile(Record):
    audiences: list[Audience] = Field(min_length=1)


# --- content/denominators.yml ------------------------------------------------


class Denominator(Record):
    level: Id
    target_group: Id
    people: int = Field(ge=0, le=10_000_000)


class DenominatorFile(Record):
    as_of: datetime.date
    source: Text
    counts: list[Denominator] = Field(min_length=1)


# --- content/courses/*.yml ---------------------------------------------------


class Session(Record):
    date: datetime.date
    half: Half
    topic: Id
    kind: Kind
    trainer: Text


class CourseAudience(Record):
    audience: Id
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
    level: Id
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


# --- content/news/*.md (front matter) ----------------------------------------


class NewsPost(Record):
    """The front matter of an announcement: what and when."""

    title: Text
    date: datetime.date
    summary: LongText | None = None


# --- content/pages/*.md (front matter) ---------------------------------------

Hidden = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]


class PageMeta(Record):
    """The front matter a free page may have; every other key is refused.

    Material prints front-matter values into pages without escaping them, so
    only these plain-text keys are accepted (and escaped when written).
    """

    title: Text | None = None
    description: Text | None = None
    hide: list[Hidden] = []
    tags: list[Text] = []


# --- turning pydantic errors into problems -----------------------------------

M = TypeVar("M", bound=BaseModel)


def parse(doc: Document, model: type[M], base: Loc = ()) -> tuple[M | None, list[Problem]]:
    """Validate ``doc.data`` (at ``base``) as ``model``; return the record or problems."""
    data: Any = doc.data
    for part in base:
        data = data[part]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem(doc, model, base, err) for err in exc.errors()]


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _where_label(loc: tuple[Any, ...]) -> str:
    named = [str(p) for p in loc if not isinstance(p, int)]
    return f"mục '{named[-1]}'" if named else "tệp"


def _problem(doc: Document, model: type[BaseModel], base: Loc, err: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(err["loc"])
    full: Loc = (*base, *loc)
    kind: str = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind in _CUSTOM_CODES:
        return doc.problem(full, _CUSTOM_CODES[kind], value=_short(value))
    if kind == "missing":
        return doc.problem(full[:-1], "missing-field", field=loc[-1], where=_where_label(loc[:-1]))
    if kind == "extra_forbidden":
        allowed = _field_names(model, loc[:-1])
        return doc.problem(
            full,
            "unknown-key",
            key=True,
            name=loc[-1],
            suggestion=suggest(str(loc[-1]), allowed),
            allowed=listing(allowed, limit=30),
        )
    if kind == "literal_error":
        allowed = [
            a.strip("'") for a in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        ]
        return doc.problem(
            full,
            "wrong-choice",
            value=value,
            suggestion=suggest(str(value), allowed),
            allowed=", ".join(allowed),
        )
    if kind == "string_pattern_mismatch":
        named = [p for p in loc if not isinstance(p, int)]
        field = named[-1] if named else ""
        if field == "group":
            return doc.problem(
                full, "wrong-choice", value=value, suggestion="", allowed="I, II, III, local"
            )
        code = _PATTERN_CODES.get(field, "wrong-id")
        if named[:1] == ["session_times"]:
            code = "wrong-time"
        return doc.problem(full, code, value=_short(value))
    if not full and kind in ("model_type", "model_attributes_type", "dict_type"):
        shown = {"list": "danh sách", "str": "văn bản", "int": "số", "float": "số"}
        return doc.problem(
            full, "file-not-mapping", kind=shown.get(type(value).__name__, type(value).__name__)
        )
    simple = {
        "string_type": "wrong-type-text",
        "int_type": "wrong-type-int",
        "int_parsing": "wrong-type-int",
        "int_from_float": "wrong-type-int",
        "float_type": "wrong-type-number",
        "float_parsing": "wrong-type-number",
        "bool_type": "wrong-type-bool",
        "bool_parsing": "wrong-type-bool",
        "list_type": "wrong-type-list",
        "model_type": "wrong-type-mapping",
        "model_attributes_type": "wrong-type-mapping",
        "dict_type": "wrong-type-mapping",
    }
    if kind in simple:
        return doc.problem(full, simple[kind], value=_short(value))
    if kind.startswith("date") or kind.startswith("datetime"):
        return doc.problem(full, "wrong-date", value=_short(value))
    if kind in ("too_short", "string_too_short"):
        return doc.problem(full, "too-short", value=_short(value), min=ctx.get("min_length", 1))
    if kind in ("too_long", "string_too_long"):
        return doc.problem(full, "too-long", max=ctx.get("max_length"))
    bounds = {
        "greater_than": ("too-small", ">", "gt"),
        "greater_than_equal": ("too-small", "≥", "ge"),
        "less_than": ("too-large", "<", "lt"),
        "less_than_equal": ("too-large", "≤", "le"),
    }
    if kind in bounds:
        code, op, name = bounds[kind]
        limit = ctx.get(name)
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return doc.problem(full, code, value=value, op=op, limit=limit)
    return doc.problem(full, "invalid-value", value=_short(value))


_CUSTOM_CODES = {
    "reserved_name": "reserved-name",
    "multiline": "text-multiline",
    "url": "wrong-url",
}
_PATTERN_CODES = {"site_url": "wrong-url", "pages": "wrong-page-name"}


class _Shown(str):
    """A value shown in a message as is, without quotes."""

    def __repr__(self) -> str:
        return str(self)


def _short(value: Any) -> Any:
    if value is None:
        return _Shown("(để trống)")
    if isinstance(value, str) and len(value) > 80:
        return value[:77] + "…"
    if isinstance(value, (dict, list)):
        text = repr(value)
        return text if len(text) <= 80 else text[:77] + "…"
    return value
