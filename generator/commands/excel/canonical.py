"""A record's data as a YAML file in the sample's style.

The file starts with its editor-schema comment (and keeps the comment lines
the existing file opened with); keys follow the model's field order; nested
records (budget, period) and the items of a list (sessions, audiences) are one
flow mapping per line, lists of codes one flow list; an item holding lists of
its own (an annual plan's row) is a block whose lists are flow mappings again;
a long note is folded at 100 columns. Quoting is left to PyYAML, so any text —
a value starting with "=", "yes", "2026-03-15", "a: b" — reads back as written.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ...content.loader import parse_yaml
from ...content.models import LongText
from ..schemas import schema_comment

WIDTH = 100
_SCHEMA_MARK = "yaml-language-server:"


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block; everything else as PyYAML chooses."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _dump(value: Any, *, flow: bool) -> str:
    text = yaml.dump(
        _tidy(value),
        Dumper=_Dumper,
        default_flow_style=flow,
        allow_unicode=True,
        sort_keys=False,
        width=10**9,
    )
    return text.removesuffix("\n...\n").rstrip("\n")


def _tidy(value: Any) -> Any:
    """Whole floats as integers (92, not 92.0), recursively."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    return value


def _flat(value: Any) -> bool:
    """A scalar, or a mapping or list of scalars: one flow collection on one line."""
    if not isinstance(value, (dict, list)):
        return True
    items = value.values() if isinstance(value, dict) else value
    return all(not isinstance(v, (dict, list)) for v in items)


def _block(key: str, value: Any, indent: str, long_text: bool) -> list[str]:
    """The lines of ``key: value`` at ``indent``."""
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        lines = [f"{indent}{key}:"]
        for item in value:
            lines += _item(item, indent + "  ")
        return lines
    if isinstance(value, str) and long_text:
        folded = _folded(key, value, indent)
        if folded is not None:
            return folded
    if isinstance(value, (dict, list)) or not isinstance(value, str) or "\n" not in value:
        return [f"{indent}{key}: {_dump(value, flow=True)}"]
    block = _dump({key: value}, flow=False)
    return [indent + line if line else line for line in block.split("\n")]


def _item(item: Any, indent: str) -> list[str]:
    """One item of a list: a flow mapping on its line, or a block for an item with lists."""
    if _flat(item) or not isinstance(item, dict):
        return [f"{indent}- {_dump(item, flow=True)}"]
    lines: list[str] = []
    for key, value in item.items():
        lines += _block(key, value, indent + "  ", long_text=False)
    lines[0] = f"{indent}- " + lines[0][len(indent) + 2 :]  # the item's first key opens it
    return lines


def _folded(key: str, value: str, indent: str) -> list[str] | None:
    """A long one-line text as a folded block (``>-``), when it reads back the same."""
    if len(indent) + len(key) + 2 + len(value) <= WIDTH or "\n" in value:
        return None
    words = value.split(" ")
    if any(not w or "\t" in w for w in words):
        return None  # double spaces or tabs: folding would change the text
    lines, current = [], ""
    for word in words:
        if current and len(indent) + 2 + len(current) + 1 + len(word) > WIDTH:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    text = f"{indent}{key}: >-\n" + "\n".join(f"{indent}  {line}" for line in lines)
    try:
        if parse_yaml(text + "\n", "check.yml").data.get(key) == value:
            return text.split("\n")
    except Exception:  # any doubt: write it plainly
        pass
    return None


def _long_text_fields(model: type[BaseModel]) -> set[str]:
    """Fields holding a paragraph (a note): folded when long, like the sample's notes."""
    return {
        name
        for name, info in model.model_fields.items()
        if LongText in typing.get_args(info.annotation)
    }


def leading_comments(text: str) -> list[str]:
    """The comment lines a file opens with, apart from its schema comment."""
    kept = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if _SCHEMA_MARK not in line:
            kept.append(line)
    return kept


def yaml_text(
    model: type[BaseModel],
    data: dict[str, Any],
    *,
    schema: str,
    file: Path,
    root: Path,
    comments: list[str] | None = None,
) -> str:
    """The file holding ``data``, a record of ``model``, at ``file`` in the project ``root``.

    >>> import datetime
    >>> from generator.content.models import Budget, Course
    >>> print(yaml_text(Budget, {"planned": 5, "source": "khac"}, schema="course",
    ...                 file=Path("/p/a.yml"), root=Path("/p")), end="")
    # yaml-language-server: $schema=schemas/course.schema.json
    source: khac
    planned: 5
    """
    lines = [schema_comment(schema, file, root).rstrip("\n"), *(comments or [])]
    long_text = _long_text_fields(model)
    order = [name for name in model.model_fields if name in data]
    order += [name for name in data if name not in model.model_fields]
    for name in order:
        lines += _block(name, data[name], "", name in long_text)
    return "\n".join(lines) + "\n"
