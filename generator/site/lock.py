"""One build at a time per project folder.

Two ``handbook build`` runs in the same folder would write the same Markdown
folder and swap the same ``site/``; the second waits for the first. The lock is
an operating-system lock on a file in ``build/`` (``fcntl`` on Linux and macOS,
``msvcrt`` on Windows), so it is released when its process ends, even if it is
killed: there is no stale lock to remove by hand.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .. import paths


class Busy(Exception):
    """Another build still holds the lock after the wait."""


def _try_lock(handle: IO[bytes]) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt  # type: ignore[import-not-found,unused-ignore]

        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt  # type: ignore[import-not-found,unused-ignore]

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def exclusive(
    root: Path, *, wait: float = 900.0, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the project's build lock; wait up to ``wait`` seconds for it, else raise :class:`Busy`.

    ``on_wait`` is called once if the lock is taken, so the user knows why
    nothing happens.
    """
    path = root / paths.LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        deadline = time.monotonic() + wait
        told = False
        while not _try_lock(handle):
            if not told and on_wait is not None:
                on_wait()
                told = True
            if time.monotonic() >= deadline:
                raise Busy(str(path))
            time.sleep(0.2)
        try:
            yield
        finally:
            _unlock(handle)
