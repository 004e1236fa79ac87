"""JSON Schemas for every kind of YAML file, generated from the same models the
validator uses, so editors (VS Code with the YAML extension, and any editor
using yaml-language-server) autocomplete fields and flag mistakes while typing.

Each sample file starts with a comment naming its schema, for example
``# yaml-language-server: $schema=../schemas/topic.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..content.kinds import KINDS, Kind
from ..paths import SCHEMA_DIR

# Each kind with a schema: the model of one whole file of that kind.
SCHEMAS: dict[str, Kind] = {kind.schema: kind for kind in KINDS if kind.schema}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file.

    >>> json_schema("topic")["properties"]["id"]["pattern"]
    '^[a-z0-9]+(?:-[a-z0-9]+)*$'
    """
    declared = SCHEMAS[kind]
    model = declared.file_model or declared.model
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    schema["title"] = declared.schema_title
    return schema


def schema_files() -> dict[str, str]:
    """File name -> schema text, for every kind."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in SCHEMAS
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def schema_comment(kind: str, file: Path, root: Path) -> str:
    """The yaml-language-server comment line for ``file`` (relative schema path)."""
    depth = len(file.relative_to(root).parts) - 1
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{kind}.schema.json\n"
