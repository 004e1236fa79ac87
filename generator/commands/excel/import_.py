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

Writing is all or nothing: every file is first written whole next to its
target, then each is moved in place; if one cannot be written or moved, the
files already replaced get their old bytes back and :class:`WriteError` names
the file. No file is written through a folder that links out of the project,
not even into the temporary copy of a dry run.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from ... import paths, pipeline
from ...content import files
from ...content.kinds import CONFIG_FILE, KINDS, kind
from ...content.loader import parse_yaml
from ...content.models.base import ID_MAX_LENGTH
from ...content.project import load_content, load_file
from ...problems import LoadError, Problem, errors
from .canonical import leading_comments, yaml_text
from .layout import workbook_layout
from .locate import Generated, relocate
from .read import CellRef, Draft, read_workbook
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


class WriteError(Exception):
    """A file of the import could not be written; none was changed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason


def _staged(path: Path, data: bytes) -> Path:
    """``data`` written whole in a new file next to ``path``, with ``path``'s permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    keep = path.is_file() and not path.is_symlink()
    mode = path.stat().st_mode & 0o777 if keep else 0o644
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        name = Path(handle.name)
        try:
            handle.write(data)
        except OSError:
            handle.close()
            name.unlink()
            raise
    try:
        os.chmod(name, mode)
    except OSError:
        name.unlink()
        raise
    return name


def replace_file(path: Path, data: bytes) -> None:
    """Write a file whole, then move it in place: never half-written, and a link standing
    in its place is replaced, never followed out of the project. Raises :class:`OSError`."""
    staged = _staged(path, data)
    try:
        os.replace(staged, path)
    except OSError:
        staged.unlink()
        raise


def _write(path: Path, text: str) -> None:
    replace_file(path, text.encode("utf-8"))


def _old_bytes(path: Path) -> bytes | None:
    """What a file holds before the import replaces it; None when there is no file."""
    if path.is_symlink() or not path.exists():
        return None
    return path.read_bytes()


def write_all(root: Path, texts: dict[str, str]) -> None:
    """Write every file of ``texts`` (relative to ``root``), or none of them.

    All files are first written next to their targets, then moved in place;
    if anything fails, the files already moved get their old bytes back (or
    are removed, when new) and :class:`WriteError` names the file that failed.
    """
    staged: dict[str, Path] = {}
    old: dict[str, bytes | None] = {}
    done: list[str] = []
    current = ""
    try:
        for current, text in texts.items():
            old[current] = _old_bytes(root / current)
            staged[current] = _staged(root / current, text.encode("utf-8"))
        for current in texts:
            os.replace(staged[current], root / current)
            del staged[current]
            done.append(current)
    except OSError as exc:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        for written in reversed(done):
            try:
                before = old[written]
                if before is None:
                    (root / written).unlink()
                else:
                    replace_file(root / written, before)
            except OSError:
                pass  # cannot happen short of the disk failing: the first failure is reported
        raise WriteError(current, exc.strerror or str(exc)) from exc


def _outside(root: Path, path: str) -> str | None:
    """The folder of ``path`` that leads out of its top content folder (a link), or None."""
    base = root.resolve()
    parts = Path(path).parent.parts
    if not parts:
        return None
    top = base / parts[0]
    if not top.exists() and not top.is_symlink():
        return None
    limit = top.resolve()
    if top.is_symlink() or not limit.is_relative_to(base):
        return parts[0]
    for depth in range(2, len(parts) + 1):
        here = base.joinpath(*parts[:depth])
        if (here.exists() or here.is_symlink()) and not here.resolve().is_relative_to(limit):
            return Path(*parts[:depth]).as_posix()
    return None


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
        good = _ID.fullmatch(draft.id) and len(draft.id) <= ID_MAX_LENGTH
        name = draft.id if good else f"_dong-{draft.anchor.row}"
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


def _at(file: str, cell: CellRef, code: str, **values: object) -> Problem:
    return Problem.in_cell(file, cell.row, cell.column, cell.place, code, **values)


def import_workbook(root: Path, workbook: Path, *, file: str, dry_run: bool = False) -> Outcome:
    """Check ``workbook`` against the project at ``root``; write its records unless wrong.

    ``file`` is how reports name the workbook; ``dry_run`` writes nothing.
    Raises :class:`WriteError` when a file cannot be written (then none is).
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
    refused = []
    generated = {}
    for item in planned:
        anchor = item.draft.anchor
        folder = _outside(root, item.path)
        if folder is not None:
            refused.append(
                _at(file, anchor, "workbook-outside-project", folder=folder, path=item.path)
            )
            continue
        try:
            generated[item.path] = Generated(item.draft, parse_yaml(item.text, item.path))
        except LoadError as exc:  # a character no YAML reader takes: shown at the record
            refused.append(
                replace(
                    exc.problem, file=file, line=anchor.row, col=anchor.column, place=anchor.place
                )
            )
    if refused:
        return Outcome(sorted(set(reading.problems) | set(refused)))
    found = relocate(_check(root, planned), generated, file)
    outcome = Outcome(sorted(set(reading.problems) | set(found)))
    if not outcome.ok:
        return outcome
    changed = {}
    for item in sorted(planned, key=lambda p: p.path):
        if _same(root, item):
            outcome.unchanged.append(item.path)
            continue
        outcome.written.append(item.path)
        changed[item.path] = item.text
    if not dry_run:
        write_all(root, changed)
    for sheet in reading.sheets:
        held = {d.id for d in reading.drafts if d.kind == sheet.kind}
        absent = sorted(set(existing[sheet.kind]) - held)
        if absent:
            outcome.kept[sheet.kind] = absent
    return outcome
