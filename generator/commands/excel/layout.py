"""The workbook's sheets and columns, declared once: export writes them, import reads them.

A clerk keeps one row per record on a sheet of its own, and the lists inside a
record (a course's sessions and audiences, a result's audiences, an annual
plan's rows per level) on a second sheet whose first column names the record.
That is how offices already keep class lists in Excel, and it keeps every cell
one value: no cell holds a list a dropdown cannot offer, except the few
comma-separated codes of priority areas.

Annual plans use two sheets too ("Kế hoạch năm" and "Kế hoạch năm theo cấp")
rather than one row per plan × level repeating the plan's number, date and
note: a repeated value can disagree with itself, and a clerk would have to
guess which copy counts. On the per-level sheet each target group and each
funding source gets a column of its own (made from the configuration), the way
annual plans are tabulated on paper.

Each :class:`Column` says which field of the row's model it fills (a path such
as ``("budget", "source")``), what kind of value it holds and, for choices,
which list of the "Danh mục" sheet its dropdown reads. Its header and its
explanation come from :mod:`generator.messages.workbook` by key.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from annotated_types import MinLen
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ...content.models import (
    AggregateResult,
    AnnualPlan,
    AnnualRow,
    Course,
    CourseAudience,
    ResultAudience,
    Session,
    SiteConfig,
)
from ...messages import FUNDING_SOURCES
from ...messages import workbook as words

Loc = tuple[str | int, ...]


class Value(Enum):
    """What a column holds, which says how its cells are written and read."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    INT = "int"
    MONEY = "money"
    NUMBER = "number"
    PERCENT = "percent"
    """A number of percent, 0–100; a cell formatted as percent (0.92 shown as 92 %) reads as 92."""
    DATE = "date"
    CHOICE = "choice"
    """A code of a fixed vocabulary, shown by its label ("Sáng")."""
    REF = "ref"
    """The id of a record of another kind, shown as "code · name"."""
    REFS = "refs"
    """Several ids, comma-separated."""
    PARENT = "parent"
    """The id of the record on the parent sheet this row belongs to."""


Required = Literal["yes", "no", "with_group"]
"""``with_group``: required once another column of the same group (the budget) is filled."""


@dataclass(frozen=True)
class Entry:
    """A column that holds one entry of a list keyed by a code.

    The column "Số người: Các đối tượng khác" is the entry of ``participants``
    whose ``target_group`` is ``khac``, and its cells are that entry's ``people``.
    """

    list_field: str
    key_field: str
    key: str
    value_field: str


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    explanation: str
    value: Value
    path: tuple[str, ...] = ()
    """The field the column fills, inside the row's model; empty for a parent id."""
    vocabulary: str | None = None
    """For choices and ids: the list (a column of "Danh mục") the values come from."""
    required: Required = "no"
    default: Any = None
    """The model's default: a cell holding it is not written to YAML (kind: tap_huan)."""
    entry: Entry | None = None


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    model: type[BaseModel]
    """The model of one row: the record itself, or an item of the parent's list."""
    columns: tuple[Column, ...]
    kind: str
    """The content kind whose files the sheet's rows end up in."""
    parent: str | None = None
    """For a sheet of list items: the key of the sheet holding their records."""
    list_field: str | None = None
    """For a sheet of list items: the record's field holding the list."""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class Layout:
    sheets: tuple[Sheet, ...]

    def sheet(self, key: str) -> Sheet:
        return next(s for s in self.sheets if s.key == key)

    @property
    def records(self) -> list[Sheet]:
        """The sheets with one record per row (courses, results, annual plans)."""
        return [s for s in self.sheets if s.parent is None]

    def children(self, parent: str) -> list[Sheet]:
        return [s for s in self.sheets if s.parent == parent]


def _field_info(model: type[BaseModel], path: tuple[str, ...]) -> tuple[Required, Any]:
    """Whether the field at ``path`` must be filled, and its default."""
    field = model.model_fields[path[0]]
    if len(path) == 1:
        if field.is_required():
            return "yes", None
        default = [] if field.default_factory is list else field.default
        return "no", None if default is PydanticUndefined else default
    inner = _model_of(field.annotation)
    assert inner is not None, path
    required, default = _field_info(inner, path[1:])
    if required == "yes" and not field.is_required():
        return "with_group", default
    return required, default


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def list_required(model: type[BaseModel], field: str) -> tuple[bool, bool]:
    """Whether a record's list field must be written, and whether it may not be empty."""
    info = model.model_fields[field]
    return info.is_required(), any(isinstance(m, MinLen) and m.min_length for m in info.metadata)


def _sheet(
    key: str,
    model: type[BaseModel],
    kind: str,
    columns: list[tuple[str, Value, str | None]],
    parent: str | None = None,
    list_field: str | None = None,
    extra: tuple[Column, ...] = (),
    paths: dict[str, tuple[str, ...]] | None = None,
) -> Sheet:
    """A sheet from (column key, value kind, vocabulary).

    A column key names its field, unless ``paths`` (or :data:`_PATHS`) maps it
    to a field inside a nested record.
    """
    paths = {**_PATHS, **(paths or {})}
    built = []
    for column_key, value, vocabulary in columns:
        header, explanation = words.COLUMNS[key][column_key]
        if value is Value.PARENT:
            built.append(Column(column_key, header, explanation, value, required="yes"))
            continue
        path = paths.get(column_key, (column_key,))
        required, default = _field_info(model, path)
        built.append(
            Column(column_key, header, explanation, value, path, vocabulary, required, default)
        )
    return Sheet(key, words.SHEET_NAMES[key], model, (*built, *extra), kind, parent, list_field)


# Column keys that name a field inside a nested record.
_PATHS: dict[str, tuple[str, ...]] = {
    "budget_source": ("budget", "source"),
    "budget_planned": ("budget", "planned"),
    "budget_spent": ("budget", "spent"),
    "pre_test": ("evaluation", "pre_test"),
    "post_test": ("evaluation", "post_test"),
    "satisfied_percent": ("evaluation", "satisfied_percent"),
    "certificates": ("evaluation", "certificates"),
}

T, LT, INT, MONEY, NUM, DATE = (
    Value.TEXT,
    Value.LONG_TEXT,
    Value.INT,
    Value.MONEY,
    Value.NUMBER,
    Value.DATE,
)
CHOICE, REF, REFS, PARENT = Value.CHOICE, Value.REF, Value.REFS, Value.PARENT


def _budget() -> list[tuple[str, Value, str | None]]:
    return [
        ("budget_source", CHOICE, "funding_source"),
        ("budget_planned", MONEY, None),
        ("budget_spent", MONEY, None),
    ]


def _annual_columns(config: SiteConfig | None) -> tuple[Column, ...]:
    """One column per target group (people) and per funding source (amount)."""
    columns = []
    header, explanation = words.PARTICIPANTS_COLUMN
    for group in config.target_groups if config else []:
        entry = Entry("participants", "target_group", group.id, "people")
        text = explanation.format(name=group.name)
        columns.append(
            Column(f"people-{group.id}", header.format(name=group.name), text, INT, entry=entry)
        )
    header, explanation = words.BUDGET_LINE_COLUMN
    for code, name in FUNDING_SOURCES.items():
        entry = Entry("budget", "source", code, "amount")
        text = explanation.format(name=name, name_lower=name[:1].lower() + name[1:])
        columns.append(Column(f"amount-{code}", header.format(name=name), text, MONEY, entry=entry))
    return tuple(columns)


def workbook_layout(config: SiteConfig | None) -> Layout:
    """Every sheet of the workbook and its columns, for the project's configuration."""
    courses = _sheet(
        "courses",
        Course,
        "course",
        [
            ("id", T, None),
            ("title", T, None),
            ("kind", CHOICE, "course_kind"),
            ("mode", CHOICE, "delivery_mode"),
            ("level", REF, "level"),
            ("place", T, None),
            ("organiser", T, None),
            ("start", DATE, None),
            ("end", DATE, None),
            ("status", CHOICE, "course_status"),
            ("priority_areas", REFS, "priority_area"),
            *_budget(),
            ("pre_test", NUM, None),
            ("post_test", NUM, None),
            ("satisfied_percent", Value.PERCENT, None),
            ("certificates", INT, None),
            ("exception", T, None),
            ("note", LT, None),
            ("updated", DATE, None),
        ],
    )
    sessions = _sheet(
        "sessions",
        Session,
        "course",
        [
            ("course", PARENT, None),
            ("date", DATE, None),
            ("half", CHOICE, "half"),
            ("topic", REF, "topic"),
            ("kind", CHOICE, "session_kind"),
            ("trainer", T, None),
        ],
        parent="courses",
        list_field="sessions",
    )
    audiences = _sheet(
        "audiences",
        CourseAudience,
        "course",
        [
            ("course", PARENT, None),
            ("audience", REF, "audience"),
            ("planned", INT, None),
            ("actual", INT, None),
            ("new_persons", INT, None),
        ],
        parent="courses",
        list_field="audiences",
    )
    return Layout(
        (
            courses,
            sessions,
            audiences,
            *_result_sheets(),
            *_annual_sheets(config),
        )
    )


def _result_sheets() -> tuple[Sheet, Sheet]:
    results = _sheet(
        "results",
        AggregateResult,
        "result",
        [
            ("id", T, None),
            ("title", T, None),
            ("kind", CHOICE, "course_kind"),
            ("level", REF, "level"),
            ("organiser", T, None),
            ("start", DATE, None),
            ("end", DATE, None),
            ("classes", INT, None),
            ("cancelled", INT, None),
            ("turns", INT, None),
            ("new_persons", INT, None),
            *_budget(),
            ("priority_areas", REFS, "priority_area"),
            ("note", LT, None),
            ("updated", DATE, None),
        ],
        paths={"start": ("period", "start"), "end": ("period", "end")},
    )
    audiences = _sheet(
        "result_audiences",
        ResultAudience,
        "result",
        [
            ("result", PARENT, None),
            ("audience", REF, "audience"),
            ("turns", INT, None),
            ("new_persons", INT, None),
        ],
        parent="results",
        list_field="audiences",
    )
    return results, audiences


def _annual_sheets(config: SiteConfig | None) -> tuple[Sheet, Sheet]:
    plans = _sheet(
        "annual_plans",
        AnnualPlan,
        "annual_plan",
        [
            ("id", T, None),
            ("plan", REF, "plan"),
            ("year", INT, None),
            ("number", T, None),
            ("date", DATE, None),
            ("priority_areas", REFS, "priority_area"),
            ("note", LT, None),
        ],
    )
    rows = _sheet(
        "annual_rows",
        AnnualRow,
        "annual_plan",
        [("plan", PARENT, None), ("level", REF, "level"), ("classes", INT, None)],
        parent="annual_plans",
        list_field="rows",
        extra=_annual_columns(config),
    )
    return plans, rows
