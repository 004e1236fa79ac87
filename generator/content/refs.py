"""References between records, checked by one walker.

A field that names a record of another kind is declared on the model with
:class:`~generator.content.models.Ref` (``level: Annotated[Id, Ref("level")]``,
also inside lists and nested records). :func:`check_refs` walks every record
of every kind and reports each value that names no record, with the list of
ids that exist and the nearest one ("did you mean"). Ids seen in files that
failed validation count as existing, so one broken file is not also reported
at every reference to it; references to a kind whose defining file could not
be read at all are not checked.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel

from ..problems import Problem, listing, suggest
from .kinds import KINDS, kind
from .models import Ref
from .project import Content, Located


@dataclass(frozen=True)
class _Field:
    """Where references sit in one field: directly, in a list, or in nested records."""

    name: str
    target: str | None = None  # the kind referred to
    many: bool = False  # a list of references, or of nested records
    nested: type[BaseModel] | None = None


def _unwrap_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _target(annotation: Any) -> str | None:
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, Ref):
                return meta.kind
        return _target(typing.get_args(annotation)[0])
    return None


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[_Field, ...]:
    """The fields of ``model`` that hold references, found once per model."""
    found = []
    hints = typing.get_type_hints(model, include_extras=True)
    for name in model.model_fields:
        annotation = _unwrap_optional(hints[name])
        many = typing.get_origin(annotation) is list
        inner = _unwrap_optional(typing.get_args(annotation)[0]) if many else annotation
        target = _target(inner)
        bare = typing.get_args(inner)[0] if typing.get_origin(inner) is typing.Annotated else inner
        if target is not None:
            found.append(_Field(name, target=target, many=many))
        elif isinstance(bare, type) and issubclass(bare, BaseModel) and _fields(bare):
            found.append(_Field(name, many=many, nested=bare))
    return tuple(found)


def references(
    record: BaseModel, loc: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Every reference in ``record``: (location, kind referred to, value)."""
    for field in _fields(type(record)):
        value = getattr(record, field.name)
        if value is None:
            continue
        values = list(enumerate(value)) if field.many else [(None, value)]
        for index, item in values:
            where = (*loc, field.name) if index is None else (*loc, field.name, index)
            if field.target is not None:
                yield where, field.target, str(item)
            elif isinstance(item, BaseModel):
                yield from references(item, where)


def known_ids(content: Content) -> dict[str, set[str] | None]:
    """The ids of every kind (None: the defining file could not be read)."""
    ids: dict[str, set[str] | None] = {}
    for k in KINDS:
        if k.name in content.unreadable:
            ids[k.name] = None
        elif k.id_field is not None:
            valid = {getattr(r.record, k.id_field) for r in content.records.get(k.name, [])}
            ids[k.name] = valid | content.seen_ids.get(k.name, set())
    ids["page"] = {page.path for page in content.pages}
    return ids


def check_refs(content: Content) -> Iterator[Problem]:
    """Every reference names an existing record."""
    ids = known_ids(content)
    for k in KINDS:
        for item in content.records.get(k.name, []):
            yield from _check(item, ids)


def _check(item: Located[Any], ids: dict[str, set[str] | None]) -> Iterator[Problem]:
    for loc, target, value in references(item.record):
        known = ids.get(target)
        if known is None or value in known:
            continue
        yield item.problem(
            loc,
            "unknown-ref",
            kind=kind(target).label,
            value=value,
            suggestion=suggest(value, known),
            allowed=listing(known) or "(chưa có)",
        )
