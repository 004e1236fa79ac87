"""The handbook's MkDocs settings and a project's own ``mkdocs.yml`` laid over them.

The theme, plugins and Markdown extensions ship with the package
(``generator/site/mkdocs-base.yml``): a province's project holds only what it
changes, often nothing, and upgrading the package upgrades its site. A project
file that names its own ``INHERIT`` is taken as it is (it chose its base).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import paths

BASE = Path(__file__).parent / "site" / "mkdocs-base.yml"
_INHERIT = re.compile(r"^INHERIT\s*:", re.MULTILINE)
EFFECTIVE = f"{paths.BUILD_DIR}/mkdocs-project.yml"
"""The project's file with the base beneath it, for MkDocs to inherit."""


def inherits(root: Path) -> bool:
    """True when the project's ``mkdocs.yml`` names its own base."""
    path = root / paths.MKDOCS_FILE
    return path.is_file() and bool(_INHERIT.search(path.read_text(encoding="utf-8")))


def effective_text(root: Path) -> str:
    """The project's ``mkdocs.yml`` with ``INHERIT`` pointing at the base (or as it is)."""
    path = root / paths.MKDOCS_FILE
    own = path.read_text(encoding="utf-8") if path.is_file() else ""
    if _INHERIT.search(own):
        return f"INHERIT: {_quoted(path.resolve())}\n"
    return f"INHERIT: {_quoted(BASE.resolve())}\n{own}"


def write_effective(root: Path) -> Path:
    """Write :data:`EFFECTIVE` when it changed; return its path."""
    target = root / EFFECTIVE
    text = effective_text(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def load(root: Path) -> dict[str, Any]:
    """The settings MkDocs will use, read like MkDocs (INHERIT, ``!!python/name``)."""
    import mergedeep  # type: ignore[import-untyped]
    from mkdocs.utils.yaml import yaml_load

    with open(BASE, "rb") as handle:
        base: dict[str, Any] = yaml_load(handle)
    path = root / paths.MKDOCS_FILE
    if not path.is_file():
        return base
    with open(path, "rb") as handle:
        own = yaml_load(handle)
    merged: dict[str, Any] = own if inherits(root) else mergedeep.merge(base, own)
    return merged


def _quoted(path: Path) -> str:
    """A path as a YAML string (Windows paths have backslashes and a drive colon)."""
    return "'" + path.as_posix().replace("'", "''") + "'"
