"""Finding and reading the project's content files, whatever is on the disk.

A "file" of the project may in fact be a folder, a symbolic link that leads
nowhere or outside the project, a link loop, a named pipe (reading it would
wait for ever) or a file the user may not read. Each of those gives a located
problem instead of a traceback or a hang. Folders are walked without following
links, in a stable order, so every machine lists the same files.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..problems import LoadError, Problem


def display(root: Path, path: Path) -> str:
    """The path shown in messages: relative to the project, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def find(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Every entry under ``folder`` whose name ends with one of ``suffixes``, sorted.

    Entries that are not regular files are listed too, so that reading them
    reports what they are. Links to folders are not followed.
    """
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        # A folder named like a content file ("x.yml/") is reported, not entered.
        for name in [*names, *dirs]:
            if name.endswith(suffixes) and not name.startswith("."):
                found.append(Path(top) / name)
        dirs[:] = [d for d in dirs if not d.endswith(suffixes)]
    return sorted(found, key=lambda p: p.as_posix())


def read_bytes(root: Path, path: Path, limit: int, *, within: Path | None = None) -> bytes:
    """Read a content file; raise :class:`LoadError` for anything but a readable file.

    ``limit`` bounds what is read: a larger file is reported, not loaded. A link
    must lead inside ``within`` (the project by default) and not into a hidden
    folder such as ``.git``: what a link points to may be published.
    """
    shown = display(root, path)

    def fail(code: str, **values: object) -> LoadError:
        return LoadError(Problem.make(shown, 1, 1, code, name=shown, **values))

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail("file-broken-link" if os.path.islink(path) else "missing-file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP or os.path.islink(path):
            raise fail("file-broken-link") from None
        raise fail("file-unreadable") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "thư mục" if stat.S_ISDIR(info.st_mode) else "tệp đặc biệt (không phải tệp thường)"
        raise fail("file-not-regular", kind=kind)
    target = path.resolve()
    area = (within or root).resolve()
    if not target.is_relative_to(area) or any(
        part.startswith(".") for part in target.relative_to(root.resolve()).parts
    ):
        raise fail("file-outside")
    if info.st_size > limit:
        raise fail("file-too-large", size=info.st_size, limit=limit)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        raise fail("file-unreadable") from None
    if len(data) > limit:
        raise fail("file-too-large", size=len(data), limit=limit)
    return data
