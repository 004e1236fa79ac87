"""Draw downloads in parallel: one process per core, the catalogue sent once to each.

A job is a drawing function (a module-level function, so a worker can import
it) and its arguments, with :data:`CATALOGUE` standing for the build's
catalogue: the catalogue is large (thousands of courses) and jobs are many
(one calendar per course), so it is given to each worker once, when the worker
starts, instead of with every job.

Workers are forked on Linux when this process runs no other thread (quick to
start, nothing to import again) and spawned elsewhere (Windows, macOS, or the
preview server's threads), which is slower to start but safe. Few jobs are
drawn here, in this process, since starting workers would cost more than it
saves. ``HANDBOOK_JOBS`` sets the number of processes (``1``: never parallel).
Results are the same bytes either way: each file is drawn from the same
inputs by the same code (tests/test_downloads.py compares them).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..content.catalogue import Catalogue


class CATALOGUE:
    """Stands for the build's catalogue among a job's arguments."""


@dataclass(frozen=True)
class Job:
    path: str
    draw: Callable[..., bytes]
    args: tuple[Any, ...]
    weight: int  # a rough cost, to start the longest first

    def run(self, catalogue: Catalogue) -> bytes:
        return self.draw(*(catalogue if arg is CATALOGUE else arg for arg in self.args))


# Below this total weight, drawing here is quicker than starting workers.
MIN_WEIGHT = 40
# Jobs at least this heavy are sent one by one; lighter ones in batches.
HEAVY = 5

_catalogue: Catalogue | None = None


def _start(catalogue: Catalogue) -> None:
    global _catalogue
    _catalogue = catalogue


def _run(job: Job) -> bytes:
    assert _catalogue is not None
    return job.run(_catalogue)


def workers() -> int:
    """How many processes to draw with."""
    wanted = os.environ.get("HANDBOOK_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _context() -> Any:
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def draw_all(jobs: Sequence[Job], catalogue: Catalogue) -> list[bytes]:
    """Every job's bytes, in the order of ``jobs``."""
    count = min(workers(), len(jobs))
    if count < 2 or sum(job.weight for job in jobs) < MIN_WEIGHT:
        return [job.run(catalogue) for job in jobs]
    order = sorted(range(len(jobs)), key=lambda i: -jobs[i].weight)
    heavy = [i for i in order if jobs[i].weight >= HEAVY]
    light = [i for i in order if jobs[i].weight < HEAVY]
    results: list[bytes] = [b""] * len(jobs)
    with ProcessPoolExecutor(count, _context(), initializer=_start, initargs=(catalogue,)) as pool:
        batch = max(1, len(light) // (count * 4))
        drawn_heavy = pool.map(_run, [jobs[i] for i in heavy])
        drawn_light = pool.map(_run, [jobs[i] for i in light], chunksize=batch)
        for i, data in zip(heavy, drawn_heavy, strict=True):
            results[i] = data
        for i, data in zip(light, drawn_light, strict=True):
            results[i] = data
    return results
