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

from pydantic import BaseModel

from .models import AudienceFile, Course, DenominatorFile, NewsPost, SiteConfig, Topic

SCHEMA_DIR = "schemas"
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "site_config": (SiteConfig, "Cài đặt trang: kế hoạch, chỉ tiêu, các cấp, quy định khóa học"),
    "topic": (Topic, "Một chuyên đề tập huấn (topics/<mã>.yml)"),
    "course": (Course, "Một khóa tập huấn (content/courses/<năm>/<mã>.yml)"),
    "audiences": (AudienceFile, "Đối tượng tập huấn theo cấp (content/audiences.yml)"),
    "denominators": (DenominatorFile, "Số người cần tập huấn (content/denominators.yml)"),
    "news": (NewsPost, "Phần đầu của một bản tin (content/news/*.md)"),
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file.

    >>> json_schema("topic")["properties"]["id"]["pattern"]
    '^[a-z0-9]+(?:-[a-z0-9]+)*$'
    """
    model, title = KINDS[kind]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    schema["title"] = title
    return schema


def schema_files() -> dict[str, str]:
    """File name -> schema text, for every kind."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in KINDS
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
