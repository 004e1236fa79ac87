"""When content last changed, from git history.

One ``git log`` pass gives the last commit date of every content file and the
list of recent changes; both are used for "Cập nhật lần cuối" lines and the
"what changed" page. Outside a git checkout (a zip of the project, a copy in a
temporary folder) there is no history, and pages fall back to the dates written
in the files themselves. Dates come from commits, not file times, so two builds
of the same commit are identical.
"""

from __future__ import annotations

import datetime
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .. import messages
from ..content.derive import ChangeItem, Timeline
from ..content.kinds import KINDS
from ..content.project import Content

TRACKED = tuple(kind.path for kind in KINDS if kind.history)
"""The files and folders whose history is read: the kinds declared with history."""


@dataclass(frozen=True)
class Change:
    """One file added, modified or deleted by a commit."""

    day: datetime.date
    kind: str  # "A" added, "M" modified, "D" deleted
    path: str  # relative to the project root


@dataclass(frozen=True)
class History:
    """Last-changed dates per file and recent changes, newest first."""

    last_changed: dict[str, datetime.date] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return bool(self.last_changed)


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


def read_history(root: Path, limit: int = 100) -> History:
    """Read the project's git history; an empty :class:`History` without git."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if not top:
        return History()
    prefix = root.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    log = _git(
        root,
        "log",
        "--format=%x00%cs",
        "--name-status",
        "--no-renames",
        "--",
        *(f"{prefix}{folder}" for folder in TRACKED),
    )
    if not log:
        return History()
    last: dict[str, datetime.date] = {}
    changes: list[Change] = []
    day: datetime.date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = datetime.date.fromisoformat(line[1:].strip())
            continue
        if not line.strip() or day is None:
            continue
        status, _, path = line.partition("\t")
        rel = path.removeprefix(prefix)
        last.setdefault(rel, day)
        if len(changes) < limit and rel.endswith((".yml", ".yaml")):
            changes.append(Change(day, status[:1], rel))
    return History(last, changes)


def timeline(content: Content, history: History) -> Timeline:
    """Last-updated dates of record pages and recent changes, for the kinds with history.

    Dates come from git; a record without history falls back to its own
    ``updated`` field when it has one. Changes name the record's current title
    when it exists.
    """
    updated: dict[str, datetime.date] = {}
    titles: dict[str, tuple[str, str, str | None]] = {}
    for kind in KINDS:
        if not kind.history:
            continue
        label = messages.CHANGE_KINDS.get(kind.name, kind.label)
        for item in content.of(kind.name):
            page = (
                kind.page(getattr(item.record, kind.id_field))
                if kind.page and kind.id_field
                else None
            )
            title = getattr(item.record, "title", None) or messages.CONFIG_CHANGE_TITLE
            titles[item.doc.file] = (label, title, page)
            day = history.last_changed.get(item.doc.file) or getattr(item.record, "updated", None)
            if page and day is not None:
                updated[page] = day
    changes = []
    for change in history.changes:
        kind_label, title, link = titles.get(change.path, ("", Path(change.path).stem, None))
        if not kind_label:  # a deleted or broken file: name its kind from its folder
            owner = next((k for k in KINDS if change.path.startswith(k.path)), None)
            kind_label = messages.CHANGE_KINDS.get(owner.name, owner.label) if owner else ""
        changes.append(
            ChangeItem(
                change.day,
                messages.CHANGE_ACTIONS.get(change.kind, messages.CHANGE_ACTIONS["M"]),
                kind_label,
                title,
                None if change.kind == "D" else link,
            )
        )
    return Timeline(updated, changes, history.available)
