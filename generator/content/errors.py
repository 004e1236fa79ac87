"""Pydantic's field errors, as located problems with Vietnamese messages.

:func:`parse` validates the data of a document (or a part of it) as a model
and turns every error into a :class:`~generator.problems.Problem` at the line
and column of the value (or key) it is about, with "did you mean" hints.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..problems import Problem, listing, suggest
from .loader import Document, Loc

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
    raw = doc.raws.get(full)
    plain = isinstance(value, (int, float)) and not isinstance(value, bool) and raw == str(value)
    if value is not None and not isinstance(value, str) and raw is not None and not plain:
        value = _Shown(repr(raw))  # as typed: "1:30", not the 90 YAML made of it
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
    "date_range": "date-range",
    "time_order": "time-order",
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
