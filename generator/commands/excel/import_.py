"""``handbook excel import``: check a workbook as content, then write one YAML file per record.

1. Read the workbook into drafts (:mod:`.read`); wrong sheets or headers stop here.
2. Write each draft as the YAML file it would become (:mod:`.canonical`) into a
   temporary copy of the project — the project as it will be after the import —
   and run the real checks there (:func:`generator.pipeline.check`), so the
   workbook meets exactly the rules a YAML file meets.
3. Show each problem of a generated file at its cell (:mod:`.locate`); other
   problems (a topic file) as they are.
4. If anything is an error, write nothing. Otherwise write each file whose
   record differs from the one on disk (compared as validated records, not as
   text: a file holding the same course in another layout is left alone), and
   list the records of the project the workbook does not hold (kept, not deleted).
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ... import paths, pipeline
from ...content import files
from ...content.kinds import CONFIG_FILE, KINDS, kind
from ...content.loader import parse_yaml
from ...content.project import load_content, load_file
from ...problems import LoadError, Problem, errors
from .canonical import leading_comments, yaml_text
from .layout import workbook_layout
from .locate import Generated, relocate
from .read import Draft, read_workbook
from .vocab import vocabularies

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SUFFIXES = (".yml", ".yaml")


@dataclass
class Outcome:
    """What an import found and did."""

    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    """Files written (or, in a dry run, that would be)."""
    unchanged: list[str] = field(default_factory=list)
    kept: dict[str, list[str]] = field(default_factory=dict)
    """By kind: ids of records in the project that the workbook does not hold."""

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


@dataclass
class _Planned:
    """A draft and the file it becomes."""

    draft: Draft
    path: str
    """The file, relative to the project (as problems name it)."""
    text: str


def _existing(root: Path, kind_name: str) -> dict[str, Path]:
    """The project's files of a kind, by file name (the record's id)."""
    folder = root / kind(kind_name).path
    found = files.find(folder, _SUFFIXES)
    return {p.stem: p for p in found if p.suffix in _SUFFIXES and not p.is_dir()}


def replace_file(path: Path, data: bytes) -> None:
    """Write a file whole, then move it in place: never half-written, and a link standing
    in its place is replaced, never followed out of the project. Raises :class:`OSError`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    keep = path.is_file() and not path.is_symlink()
    mode = path.stat().st_mode & 0o777 if keep else 0o644
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        handle.write(data)
    try:
        os.chmod(handle.name, mode)
        os.replace(handle.name, path)
    except OSError:
        os.unlink(handle.name)
        raise


def _write(path: Path, text: str) -> None:
    replace_file(path, text.encode("utf-8"))


def _plan(root: Path, draft: Draft, existing: dict[str, Path]) -> _Planned:
    declared = kind(draft.kind)
    path = existing.get(draft.id)
    comments: list[str] = []
    if path is not None:
        try:
            comments = leading_comments(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            comments = []
    else:
        # A bad id cannot be a file name; the row stands in until the id is fixed.
        name = draft.id if _ID.fullmatch(draft.id) else f"_dong-{draft.anchor.row}"
        folder = root / declared.path
        start = draft.data.get("start")
        if draft.kind == "course" and isinstance(start, datetime.date):
            folder = folder / str(start.year)
        path = folder / f"{name}.yml"
    assert declared.schema is not None
    text = yaml_text(
        declared.model, draft.data, schema=declared.schema, file=path, root=root, comments=comments
    )
    return _Planned(draft, files.display(root, path), text)


def _copy_project(root: Path, copy: Path) -> None:
    """The files the checks read: configuration, mkdocs.yml and every content folder."""
    tops = {Path(k.path).parts[0] for k in KINDS if k.path} | {CONFIG_FILE, paths.MKDOCS_FILE}
    copy.mkdir(parents=True)
    for top in sorted(tops):
        source = root / top
        if source.is_dir() and not source.is_symlink():
            shutil.copytree(source, copy / top, symlinks=True)
        elif os.path.lexists(source):
            shutil.copy2(source, copy / top, follow_symlinks=False)
    mkdocs = copy / paths.MKDOCS_FILE
    if mkdocs.is_file() and not mkdocs.is_symlink():
        # A project inheriting a configuration by a relative path still finds it.
        text = mkdocs.read_text(encoding="utf-8")
        mkdocs.write_text(
            re.sub(
                r"(?m)^INHERIT:\s*(?!/)(\S.*?)\s*$",
                lambda m: f"INHERIT: {(root / m.group(1)).resolve()}",
                text,
            ),
            encoding="utf-8",
        )


def _check(root: Path, planned: list[_Planned]) -> list[Problem]:
    """The problems of the project as it will be, with ``planned`` written into it."""
    with tempfile.TemporaryDirectory(prefix="handbook-excel-") as temporary:
        copy = Path(temporary) / "project"
        _copy_project(root, copy)
        for item in planned:
            _write(copy / item.path, item.text)
        return pipeline.check(copy).problems


def _same(root: Path, item: _Planned) -> bool:
    """Whether the file on disk already holds this record (whatever its layout)."""
    path = root / item.path
    if not path.is_file():
        return False
    model = kind(item.draft.kind).model
    try:
        old = model.model_validate(load_file(root, path).data)
    except (LoadError, ValidationError):
        return False
    new = model.model_validate(parse_yaml(item.text, item.path).data)
    return old.model_dump() == new.model_dump()


def import_workbook(root: Path, workbook: Path, *, file: str, dry_run: bool = False) -> Outcome:
    """Check ``workbook`` against the project at ``root``; write its records unless wrong.

    ``file`` is how reports name the workbook; ``dry_run`` writes nothing.
    """
    content = load_content(root)
    if content.config is None:  # no vocabularies without a configuration: say why
        return Outcome(pipeline.check(root).problems)
    layout = workbook_layout(content.config.record)
    reading = read_workbook(workbook, layout, vocabularies(content), file=file)
    if not reading.usable:
        return Outcome(sorted(set(reading.problems)))
    existing = {sheet.kind: _existing(root, sheet.kind) for sheet in reading.sheets}
    planned = [_plan(root, d, existing[d.kind]) for d in reading.drafts]
    generated = {p.path: Generated(p.draft, parse_yaml(p.text, p.path)) for p in planned}
    found = relocate(_check(root, planned), generated, file)
    outcome = Outcome(sorted(set(reading.problems) | set(found)))
    if not outcome.ok:
        return outcome
    for item in sorted(planned, key=lambda p: p.path):
        if _same(root, item):
            outcome.unchanged.append(item.path)
            continue
        outcome.written.append(item.path)
        if not dry_run:
            _write(root / item.path, item.text)
    for sheet in reading.sheets:
        held = {d.id for d in reading.drafts if d.kind == sheet.kind}
        absent = sorted(set(existing[sheet.kind]) - held)
        if absent:
            outcome.kept[sheet.kind] = absent
    return outcome
