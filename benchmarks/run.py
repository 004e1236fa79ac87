"""How long a build takes, and how much memory, at the sample's size and at 10x and 100x.

Each scale is a project in a temporary folder: "sample" is a copy of this repository's
content; "10x" and "100x" keep its settings, audiences, denominators and pages, copy every
course 10 or 100 times (ids ``<id>-rNN``, dates and content unchanged, so they stay valid)
and add local topics (copies of real topic files as ``cd-dp-NN``) up to 46 and 100 topics.
Every project must pass ``pipeline.check`` before anything is measured.

Each scale runs in its own Python process, so one scale's memory does not leak into the
next. In that process, repeated ``--repeat`` times from a clean ``build/`` and ``site/``
(the fastest of each measurement is kept):

1. a cold ``pipeline.build`` (empty cache, empty docs folder) with every stage function
   wrapped to time it: load, validate, render Markdown, downloads, write docs, MkDocs,
   post-process; "other" is the rest of the build (catalogue, history, publish);
2. a bare ``python -m mkdocs build -f build/mkdocs.yml -d <tmp>`` on the same docs folder;
3. rebuilds with a warm cache, each timed stage by stage: with no change at all, then
   after editing one topic's summary (its body), that topic's title (shown in the
   navigation, so MkDocs builds in full), one course's place, and the site's name in
   ``site_config.yml``, one after the other;
4. with ``--verify`` (the default for sample and 10x, first round only): after each edit,
   a cold build of a copy of the edited project, and every file of the two sites compared
   byte for byte (the incremental builds must be exact).

Then, once, a memory pass: the in-process stages again (cold cache) under ``tracemalloc``,
kept apart from the timed builds because tracing slows Python down. MkDocs' memory is its
peak RSS, read from ``/proc`` while it runs.

    .venv/bin/python benchmarks/run.py [--scales sample,10x,100x] [--repeat N]
                                       [--json PATH] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import hashlib
import itertools
import json
import math
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import paths, pipeline
from generator.content import project
from generator.content.derive import Catalogue
from generator.content.kinds import kind
from generator.reproducible import source_date_epoch
from generator.site import sitebuild
from generator.site.postprocess import postprocess

COURSES_DIR = kind("course").path
TOPICS_DIR = kind("topic").path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_JSON = REPO / "benchmarks" / "results.json"
MIB = 1024 * 1024
GIB = 1024 * MIB


@dataclass(frozen=True)
class Scale:
    name: str
    course_copies: int  # 0: the sample's own courses
    topics: int  # 0: the sample's own topics
    repeat: int  # builds per measurement by default; the fastest is kept
    verify: bool  # compare each incremental rebuild with a cold build, by default


SCALES = {
    "sample": Scale("sample", 0, 0, repeat=3, verify=True),
    "10x": Scale("10x", 10, 46, repeat=3, verify=True),
    "100x": Scale("100x", 100, 100, repeat=1, verify=False),
}

# The stage functions pipeline.build calls, by the module attribute it looks them up through.
STAGES: tuple[tuple[str, Any, str], ...] = (
    ("load", pipeline, "load_content"),
    ("validate", pipeline, "validate"),
    ("render", pipeline, "render_site"),
    ("downloads", pipeline, "render_downloads"),
    ("write", sitebuild, "write_sources"),
    ("mkdocs", sitebuild, "run_mkdocs"),
    ("postprocess", pipeline, "postprocess"),
)
CHILD_STAGES = frozenset({"mkdocs"})  # run in a child process: memory is its peak RSS
PRE_MKDOCS = ("load", "validate", "render")  # the "everything before MkDocs"
LABELS = {
    "load": "load (project.load_content)",
    "validate": "validate (content.validate)",
    "render": "render Markdown (render_site)",
    "downloads": "downloads, cold cache",
    "write": "write docs folder",
    "mkdocs": "MkDocs build --strict",
    "postprocess": "post-process",
    "other": "other (catalogue, history, publish)",
}
EDITED_TOPIC = "cd-i-01"


# --- synthetic projects ------------------------------------------------------


def _set_line(text: str, key: str, value: str) -> str:
    """Replace the one top-level scalar ``key: ...`` of a YAML file (with its folded lines)."""
    pattern = rf"^{key}:.*$(?:\n[ \t]+\S.*$)*"
    new, count = re.subn(pattern, f"{key}: {value}", text, count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"no top-level {key!r} line")
    return new


def make_project(scale: Scale, dest: Path) -> None:
    """Write a valid project for ``scale`` into the empty folder ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (project.CONFIG_FILE, paths.MKDOCS_FILE):
        shutil.copy2(REPO / name, dest / name)
    courses_dir = REPO / COURSES_DIR
    ignore = shutil.ignore_patterns("courses") if scale.course_copies else None
    shutil.copytree(REPO / "content", dest / "content", ignore=ignore)
    shutil.copytree(REPO / TOPICS_DIR, dest / TOPICS_DIR)
    if scale.course_copies:
        for path in sorted(courses_dir.rglob("*.yml")):
            text = path.read_text(encoding="utf-8")
            folder = dest / COURSES_DIR / path.parent.relative_to(courses_dir)
            folder.mkdir(parents=True, exist_ok=True)
            for copy in range(1, scale.course_copies + 1):
                new_id = f"{path.stem}-r{copy:02d}"
                (folder / f"{new_id}.yml").write_text(
                    _set_line(text, "id", new_id), encoding="utf-8"
                )
    _add_local_topics(dest / TOPICS_DIR, scale.topics)


def _add_local_topics(folder: Path, wanted: int) -> None:
    """Copy real topic files as local topics ``cd-dp-NN`` until there are ``wanted``."""
    sources = sorted(folder.glob("*.yml"))
    numbers = {
        int(data["number"])
        for data in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in sources)
        if data.get("group") == "local"
    }
    missing = wanted - len(sources)
    for i in range(max(missing, 0)):
        source = sources[i % len(sources)]
        number = next(n for n in range(1, 100) if n not in numbers)  # the model allows 1..99
        numbers.add(number)
        text = source.read_text(encoding="utf-8")
        title = yaml.safe_load(text)["title"]
        new_id = f"cd-dp-{number:02d}"
        new_title = json.dumps(f"{title} (bản địa phương {number})", ensure_ascii=False)
        for key, value in (
            ("id", new_id),
            ("group", "local"),
            ("number", str(number)),
            ("title", new_title),
            ("status", "local"),
        ):
            text = _set_line(text, key, value)
        (folder / f"{new_id}.yml").write_text(text, encoding="utf-8")


# --- measuring ---------------------------------------------------------------


@dataclass
class Recorder:
    """Times every stage function; also the MkDocs child's peak RSS, and, while
    tracemalloc runs, the traced peak of the stages run in this process."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    peak: dict[str, int] = field(default_factory=dict)
    growth: dict[str, int] = field(default_factory=dict)
    child_peak: dict[str, int] = field(default_factory=dict)

    def wrap(self, stage: str, original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            tracing = tracemalloc.is_tracing()
            if tracing:
                tracemalloc.reset_peak()
                before = tracemalloc.get_traced_memory()[0]
            memory = ChildPeak() if stage in CHILD_STAGES else contextlib.nullcontext()
            started = time.perf_counter()
            try:
                with memory:
                    return original(*args, **kwargs)
            finally:
                if isinstance(memory, ChildPeak):
                    self.child_peak[stage] = max(self.child_peak.get(stage, 0), memory.peak)
                self.seconds[stage] = self.seconds.get(stage, 0.0) + (time.perf_counter() - started)
                self.calls[stage] = self.calls.get(stage, 0) + 1
                if tracing:
                    peak = tracemalloc.get_traced_memory()[1]
                    self.peak[stage] = max(self.peak.get(stage, 0), peak)
                    self.growth[stage] = max(self.growth.get(stage, 0), peak - before)

        return wrapper

    @contextlib.contextmanager
    def installed(self) -> Iterator[Recorder]:
        with contextlib.ExitStack() as stack:
            for stage, owner, name in STAGES:
                original = getattr(owner, name)
                stack.enter_context(_patched(owner, name, self.wrap(stage, original)))
            yield self


@contextlib.contextmanager
def _patched(owner: Any, name: str, value: Any) -> Iterator[None]:
    original = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


class ChildPeak:
    """Peak resident memory of this process's MkDocs children, like ``/usr/bin/time``.

    ``getrusage(RUSAGE_CHILDREN)`` cannot be used: Linux carries the parent's high-water
    RSS into a child across fork and exec, so a child of a large process reports the
    parent's peak. Instead a thread reads ``VmHWM`` (the high-water mark of the child's own
    memory after exec) from ``/proc`` every ``interval`` seconds while the child runs.
    """

    def __init__(self, marker: bytes = b"mkdocs", interval: float = 0.1) -> None:
        self.marker = marker
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ChildPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                return

    def sample(self) -> None:
        for pid in _children(os.getpid()):
            try:
                if self.marker not in Path(f"/proc/{pid}/cmdline").read_bytes():
                    continue  # not exec'd yet (still a copy of this process), or not MkDocs
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue  # exited meanwhile
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.peak = max(self.peak, int(line.split()[1]) * 1024)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in listing.read_text().split()]
    return found


def generator_digest() -> str:
    """A hash of the generator's code, templates and theme: results of different code differ."""
    package = Path(pipeline.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def self_max_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def mkdocs_env(catalogue: Catalogue) -> dict[str, str]:
    """The environment ``sitebuild.run_mkdocs`` gives MkDocs, for the bare run."""
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(catalogue.config.data_as_of))
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def bare_mkdocs(root: Path, site_dir: Path, env: dict[str, str]) -> tuple[float, int]:
    """Time a plain ``mkdocs build`` of the generated docs; return (seconds, peak RSS bytes)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", paths.GENERATED_CONFIG]
    command += ["-d", str(site_dir)]
    with tempfile.TemporaryFile() as log, ChildPeak() as memory:
        started = time.perf_counter()
        code = subprocess.run(
            command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, check=False
        ).returncode
        seconds = time.perf_counter() - started
        if code != 0:
            log.seek(0)
            raise RuntimeError("bare mkdocs failed:\n" + log.read().decode(errors="replace"))
    return seconds, memory.peak


def site_stats(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    index = site / "search" / "search_index.json"
    data = index.read_bytes() if index.is_file() else b""
    zipped = site / "tai-ve" / "cam-nang-ngoai-tuyen.zip"
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size, default=None)
    return {
        "html_pages": len(pages),
        "largest_html_page": largest.relative_to(site).as_posix() if largest else None,
        "largest_html_page_bytes": largest.stat().st_size if largest else 0,
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "offline_zip_bytes": zipped.stat().st_size if zipped.is_file() else 0,
        "search_index_bytes": len(data),
        "search_index_gzip_bytes": len(gzip.compress(data, compresslevel=6, mtime=0)),
        "search_index_documents": len(json.loads(data)["docs"]) if data else 0,
    }


def _edit_value(path: Path, key: str) -> None:
    """Append " (đã sửa)" to the top-level ``key`` of a YAML file."""
    text = path.read_text(encoding="utf-8")
    value = yaml.safe_load(text)[key]
    path.write_text(_set_line(text, key, json.dumps(f"{value} (đã sửa)", ensure_ascii=False)))


def edited_course(root: Path) -> Path:
    return sorted((root / COURSES_DIR).rglob("*.yml"))[0]


def edited_topic(root: Path) -> Path:
    return root / TOPICS_DIR / f"{EDITED_TOPIC}.yml"


def edited_config(root: Path) -> Path:
    return root / project.CONFIG_FILE


# The edits a rebuild is timed after, in this order: (name, file, top-level key).
EDITS: tuple[tuple[str, Callable[[Path], Path], str], ...] = (
    ("topic_body", edited_topic, "summary"),
    ("topic_title", edited_topic, "title"),
    ("course", edited_course, "place"),
    ("config", edited_config, "site_name"),
)


def differing_files(a: Path, b: Path) -> list[str]:
    def digests(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*")
            if p.is_file()
        }

    left, right = digests(a), digests(b)
    return sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))


def verify_cold(root: Path) -> list[str]:
    """Files of ``site/`` that differ from a cold build of a copy of the project."""
    with tempfile.TemporaryDirectory(prefix="ntm-bench-cold-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns("build", "site"))
        result = pipeline.build(copy)
        if not result.ok:
            raise SystemExit(f"cold verification build failed:\n{result.mkdocs_output}")
        return differing_files(root / paths.SITE_DIR, copy / paths.SITE_DIR)


@dataclass
class Round:
    """One cold build, bare MkDocs run and the timed rebuilds."""

    cold: float
    stages: Recorder
    pages: int
    bare: float
    bare_rss: int
    rebuilds: dict[str, float]  # "no_change" and each of EDITS
    rebuild_stages: dict[str, Recorder]
    modes: dict[str, str]  # how MkDocs ran in each rebuild
    differing: dict[str, list[str]]  # with verify: files that differ from a cold build


def _timed_build(
    scale: Scale, root: Path, what: str
) -> tuple[float, Recorder, pipeline.BuildResult]:
    stages = Recorder()
    with stages.installed():
        started = time.perf_counter()
        result = pipeline.build(root)
        seconds = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"{scale.name}: {what} failed:\n{result.problems}\n{result.mkdocs_output}")
    return seconds, stages, result


def one_round(
    scale: Scale, root: Path, env: dict[str, str], bare_site: Path, verify: bool
) -> Round:
    # 1. Cold build, stage by stage.
    cold, timed, result = _timed_build(scale, root, "build")
    missing = [stage for stage, _, _ in STAGES if not timed.calls.get(stage)]
    if missing:
        raise SystemExit(f"{scale.name}: build never called {missing}; update STAGES")

    # 2. Bare MkDocs on the same docs folder.
    if bare_site.exists():
        shutil.rmtree(bare_site)
    bare_seconds, bare_rss = bare_mkdocs(root, bare_site, env)

    # 3. Rebuilds, warm cache: no change, then each edit (and, with verify, a cold check).
    rebuilds, rebuild_stages, modes, differing = {}, {}, {}, {}
    seconds, stages, rebuilt = _timed_build(scale, root, "no-change rebuild")
    rebuilds["no_change"], rebuild_stages["no_change"] = seconds, stages
    modes["no_change"] = rebuilt.mkdocs_mode
    for name, target, key in EDITS:
        _edit_value(target(root), key)
        seconds, stages, rebuilt = _timed_build(scale, root, f"rebuild after {name} edit")
        rebuilds[name], rebuild_stages[name], modes[name] = seconds, stages, rebuilt.mkdocs_mode
        if verify:
            differing[name] = verify_cold(root)
    return Round(
        cold,
        timed,
        result.pages,
        bare_seconds,
        bare_rss,
        rebuilds,
        rebuild_stages,
        modes,
        differing,
    )


def measure(scale: Scale, root: Path, repeat: int = 1, verify: bool = False) -> dict[str, Any]:
    """Everything measured for one scale (run in a fresh process).

    With ``repeat`` > 1 the build, bare MkDocs run and rebuild are repeated from a clean
    ``build/`` and ``site/``, and the fastest of each is kept (least disturbed by other load).
    """
    load_before = os.getloadavg()
    code = generator_digest()
    phases: dict[str, float] = {}
    started = time.perf_counter()
    make_project(scale, root)
    phases["make_project"] = time.perf_counter() - started
    started = time.perf_counter()
    checked = pipeline.check(root)  # also imports every module before timing starts
    # The sample keeps a few deliberate warnings (courses that break the plan's rules).
    if checked.errors or checked.catalogue is None:
        shown = "\n".join(str(p) for p in checked.errors[:20])
        raise SystemExit(f"{scale.name}: generated project is not valid:\n{shown}")
    courses, topics = len(checked.catalogue.courses), len(checked.catalogue.topics)
    env = mkdocs_env(checked.catalogue)
    del checked
    phases["verify"] = time.perf_counter() - started

    edited = {target(root) for _, target, _ in EDITS}
    originals = {path: path.read_bytes() for path in edited}
    bare_site = root / paths.BUILD_DIR / "bare-site"
    rounds: list[Round] = []
    started = time.perf_counter()
    for attempt in range(repeat):
        if attempt:
            shutil.rmtree(root / paths.BUILD_DIR)
            shutil.rmtree(root / paths.SITE_DIR)
            for path, data in originals.items():
                path.write_bytes(data)
        rounds.append(one_round(scale, root, env, bare_site, verify and not attempt))
    phases["rounds"] = time.perf_counter() - started
    mkdocs_rss = max(r.stages.child_peak.get("mkdocs", 0) for r in rounds)
    bare_rss = max(r.bare_rss for r in rounds)
    best = min(rounds, key=lambda r: r.cold)
    timed, cold = best.stages, best.cold
    bare_seconds = min(r.bare for r in rounds)
    kinds = ["no_change", *(name for name, _, _ in EDITS)]
    rebuilds = {k: min(r.rebuilds[k] for r in rounds) for k in kinds}
    rebuild_stages: dict[str, Recorder] = {}
    for k in kinds:
        fastest = min(rounds, key=lambda r: r.rebuilds[k])
        rebuild_stages[k] = fastest.rebuild_stages[k]
    stats = site_stats(root / paths.SITE_DIR)
    docs = root / paths.DOCS_DIR
    markdown_files = sum(1 for _ in docs.rglob("*.md"))
    bare_stats = site_stats(bare_site)

    # Memory: the in-process stages again, cold, under tracemalloc.
    worker_rss = self_max_rss()
    shutil.rmtree(root / paths.CACHE_DIR, ignore_errors=True)
    shutil.rmtree(docs, ignore_errors=True)
    traced = Recorder()
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with traced.installed():
            checked = pipeline.check(root)
            pipeline.generate(root, checked)
        # The bare site has not been post-processed yet: the same work as in a build.
        traced.wrap("postprocess", postprocess)(bare_site)
    finally:
        tracemalloc.stop()
    phases["memory_pass"] = time.perf_counter() - started
    traced_peak = max(traced.peak.values())  # each stage resets the peak: take the largest

    stages: dict[str, dict[str, Any]] = {}
    for stage, _, _ in STAGES:
        stages[stage] = {
            "seconds": timed.seconds[stage],
            "peak_bytes": mkdocs_rss if stage == "mkdocs" else traced.peak.get(stage),
            "peak_growth_bytes": None if stage == "mkdocs" else traced.growth.get(stage),
            "peak_kind": "child max RSS" if stage == "mkdocs" else "tracemalloc peak",
        }
    stages["other"] = {
        "seconds": max(cold - sum(timed.seconds.values()), 0.0),
        "peak_bytes": None,
        "peak_growth_bytes": None,
        "peak_kind": "",
    }
    pre = sum(timed.seconds[s] for s in PRE_MKDOCS)
    before_mkdocs = cold - timed.seconds["mkdocs"] - timed.seconds["postprocess"]
    peaks = [v["peak_bytes"] for v in stages.values() if v["peak_bytes"]]
    return {
        "scale": scale.name,
        "courses": courses,
        "topics": topics,
        "phases_seconds": phases,
        "repeat": repeat,
        "generator_digest": code,
        "generator_changed_during_run": generator_digest() != code,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "cold_build_seconds_all": [r.cold for r in rounds],
        "bare_mkdocs_seconds_all": [r.bare for r in rounds],
        "rebuild_seconds_all": {k: [r.rebuilds[k] for r in rounds] for k in kinds},
        "rebuild_mkdocs_modes": rounds[0].modes,
        "verified_against_cold_build": bool(rounds[0].differing),
        "files_differing_from_cold_build": rounds[0].differing,
        "markdown_pages": best.pages,
        "markdown_files": markdown_files,
        "stages": stages,
        "site": stats,
        "search_index_before_postprocess_bytes": bare_stats["search_index_bytes"],
        "search_index_before_postprocess_gzip_bytes": bare_stats["search_index_gzip_bytes"],
        "cold_build_seconds": cold,
        "rebuild_seconds": rebuilds,
        "rebuild_ratio": {k: v / cold for k, v in rebuilds.items()},
        "no_change_ratio_to_bare": rebuilds["no_change"] / bare_seconds,
        "rebuild_stages_seconds": {
            k: dict(rec.seconds) | {"other": max(rebuilds[k] - sum(rec.seconds.values()), 0.0)}
            for k, rec in rebuild_stages.items()
        },
        "bare_mkdocs_seconds": bare_seconds,
        "bare_mkdocs_max_rss_bytes": bare_rss,
        "pre_mkdocs_seconds": pre,
        "pre_mkdocs_percent_of_bare": 100.0 * pre / bare_seconds,
        "before_mkdocs_seconds": before_mkdocs,
        "before_mkdocs_percent_of_bare": 100.0 * before_mkdocs / bare_seconds,
        "total_ratio_to_bare": cold / bare_seconds,
        "pre_mkdocs_ms_per_course": {
            s: 1000.0 * timed.seconds[s] / courses for s in (*PRE_MKDOCS, "downloads")
        }
        | {"pre_mkdocs": 1000.0 * pre / courses},
        "tracemalloc_peak_bytes": traced_peak,
        "worker_max_rss_bytes": worker_rss,
        "worker_max_rss_traced_bytes": self_max_rss(),
        "peak_memory_bytes": max([*peaks, bare_rss, worker_rss]),
    }


# --- summary -----------------------------------------------------------------


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.is_file() else []
    model = next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")), "")
    meminfo = Path("/proc/meminfo")
    total = 0
    if meminfo.is_file():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                total = int(line.split()[1]) * 1024
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": model or platform.processor(),
        "memory_bytes": total,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
    }


def exponent(small: dict[str, Any], large: dict[str, Any], seconds: float, other: float) -> float:
    """k in time ∝ courses^k between two scales (1 = linear)."""
    return math.log(other / seconds) / math.log(large["courses"] / small["courses"])


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Growth between scales and the issue's targets, measured against the figures."""
    ordered = sorted(results, key=lambda r: r["courses"])
    growth = []
    for small, large in itertools.pairwise(ordered):
        growth.append(
            {
                "from": small["scale"],
                "to": large["scale"],
                "courses_factor": large["courses"] / small["courses"],
                "exponents": {
                    name: exponent(small, large, a, b)
                    for name, a, b in (
                        ("pre_mkdocs", small["pre_mkdocs_seconds"], large["pre_mkdocs_seconds"]),
                        *(
                            (s, small["stages"][s]["seconds"], large["stages"][s]["seconds"])
                            for s in (*PRE_MKDOCS, "mkdocs")
                        ),
                        ("html_pages", small["site"]["html_pages"], large["site"]["html_pages"]),
                        (
                            "search_index_bytes",
                            small["site"]["search_index_bytes"],
                            large["site"]["search_index_bytes"],
                        ),
                    )
                },
            }
        )
    sample = next((r for r in results if r["scale"] == "sample"), None)
    hundred = next((r for r in results if r["scale"] == "100x"), None)
    # The fixed start-up cost dominates the sample, so linearity is judged between the
    # two largest scales measured.
    last = growth[-1]["exponents"]["pre_mkdocs"] if growth else None
    targets = {
        "pre_mkdocs_under_10_percent_of_bare_mkdocs": {
            "measured": {r["scale"]: round(r["pre_mkdocs_percent_of_bare"], 2) for r in results},
            "met": all(r["pre_mkdocs_percent_of_bare"] < 10 for r in results),
        },
        "pre_mkdocs_linear_in_courses": {
            "measured": {
                "ms_per_course": {
                    r["scale"]: round(r["pre_mkdocs_ms_per_course"]["pre_mkdocs"], 3)
                    for r in ordered
                },
                "exponent_between_two_largest": None if last is None else round(last, 3),
            },
            "met": None if last is None else last <= 1.2,
        },
        "cold_build_at_most_3x_bare_mkdocs_on_sample": {
            "measured": None if sample is None else round(sample["total_ratio_to_bare"], 2),
            "met": None if sample is None else sample["total_ratio_to_bare"] <= 3,
        },
        "no_change_rebuild_at_most_1.3x_bare_mkdocs_on_sample": {
            "measured": None if sample is None else round(sample["no_change_ratio_to_bare"], 2),
            "met": None if sample is None else sample["no_change_ratio_to_bare"] <= 1.3,
        },
        "one_topic_edit_at_most_0.35_of_cold_on_sample": {
            "measured": None
            if sample is None
            else {
                "body": round(sample["rebuild_ratio"]["topic_body"], 3),
                "title": round(sample["rebuild_ratio"]["topic_title"], 3),
            },
            "met": None if sample is None else sample["rebuild_ratio"]["topic_body"] <= 0.35,
        },
        "one_course_edit_at_most_0.25_of_cold_at_100x": {
            "measured": {r["scale"]: round(r["rebuild_ratio"]["course"], 3) for r in ordered},
            "met": None if hundred is None else hundred["rebuild_ratio"]["course"] <= 0.25,
        },
        "incremental_builds_byte_identical_to_cold": {
            "measured": {
                r["scale"]: {k: len(v) for k, v in r["files_differing_from_cold_build"].items()}
                for r in ordered
                if r["verified_against_cold_build"]
            },
            "met": all(
                not v for r in ordered for v in r["files_differing_from_cold_build"].values()
            )
            if any(r["verified_against_cold_build"] for r in ordered)
            else None,
        },
        "peak_memory_at_most_800_MB_at_100x": {
            "measured": {r["scale"]: r["peak_memory_bytes"] for r in ordered},
            "met": None if hundred is None else hundred["peak_memory_bytes"] <= 800 * 1000 * 1000,
        },
        "page_count_and_search_index_reported": {
            "measured": {
                r["scale"]: {
                    "html_pages": r["site"]["html_pages"],
                    "search_index_bytes": r["site"]["search_index_bytes"],
                    "search_index_gzip_bytes": r["site"]["search_index_gzip_bytes"],
                }
                for r in ordered
            },
            "met": None,  # no threshold in the issue: reported, judged by a person
        },
    }
    digests = {r["generator_digest"] for r in results}
    consistent = len(digests) == 1 and not any(r["generator_changed_during_run"] for r in results)
    return {"same_generator_code": consistent, "growth": growth, "targets": targets}


def _mib(value: int | None) -> str:
    return "—" if not value else f"{value / MIB:,.0f}"


def table(results: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    """The figures as a plain-text table, three columns per scale.

    Per stage: seconds in the cold build, peak memory (tracemalloc peak for stages run in
    this process, the child's max RSS for MkDocs), seconds in the topic-body rebuild.
    """
    names = [r["scale"] for r in results]
    width, cell = 40, 30
    lines = [
        f"{'':{width}}" + "".join(f"{n:>{cell}}" for n in names),
        f"{'':{width}}"
        + "".join(f"{'cold s':>10}{'peak MiB':>10}{'rebuild s':>10}" for _ in names),
    ]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"{label:{width}}" + "".join(f"{c:>{cell}}" for c in cells))

    for stage in (*(s for s, _, _ in STAGES), "other"):
        cells = [
            f"{r['stages'][stage]['seconds']:>10.2f}{_mib(r['stages'][stage]['peak_bytes']):>10}"
            f"{r['rebuild_stages_seconds']['topic_body'].get(stage, 0.0):>10.2f}"
            for r in results
        ]
        lines.append(f"{LABELS[stage]:{width}}" + "".join(cells))
    if not summary["same_generator_code"]:
        lines.append("WARNING: the generator's code changed between or during scales")
    row("cold build (pipeline.build)", [f"{r['cold_build_seconds']:.2f} s" for r in results])
    row("bare mkdocs build", [f"{r['bare_mkdocs_seconds']:.2f} s" for r in results])
    for what in ("no_change", *(name for name, _, _ in EDITS)):
        row(
            f"rebuild: {what.replace('_', ' ')}",
            [
                f"{r['rebuild_seconds'][what]:.2f} s ({r['rebuild_mkdocs_modes'][what]})"
                for r in results
            ],
        )
    lines.append("")
    row("courses / topics", [f"{r['courses']} / {r['topics']}" for r in results])
    row("Markdown pages", [str(r["markdown_pages"]) for r in results])
    row("HTML pages", [str(r["site"]["html_pages"]) for r in results])
    row(
        "site size MiB (offline zip MiB)",
        [
            f"{r['site']['bytes'] / MIB:.1f} ({r['site']['offline_zip_bytes'] / MIB:.1f})"
            for r in results
        ],
    )
    row(
        "search index KiB raw / gzip",
        [
            f"{r['site']['search_index_bytes'] / 1024:,.0f} / "
            f"{r['site']['search_index_gzip_bytes'] / 1024:,.0f}"
            for r in results
        ],
    )
    row(
        "largest HTML page KiB",
        [f"{r['site']['largest_html_page_bytes'] / 1024:,.0f}" for r in results],
    )
    row("peak memory MiB (max of all)", [_mib(r["peak_memory_bytes"]) for r in results])
    lines.append("")
    row(
        "load+validate+render % of bare mkdocs",
        [f"{r['pre_mkdocs_percent_of_bare']:.1f}%" for r in results],
    )
    row(
        "all before mkdocs % of bare mkdocs",
        [f"{r['before_mkdocs_percent_of_bare']:.1f}%" for r in results],
    )
    row("cold build / bare mkdocs", [f"{r['total_ratio_to_bare']:.2f}x" for r in results])
    row(
        "no-change rebuild / bare mkdocs", [f"{r['no_change_ratio_to_bare']:.2f}x" for r in results]
    )
    for what in (name for name, _, _ in EDITS):
        row(
            f"{what.replace('_', ' ')} edit / cold",
            [f"{r['rebuild_ratio'][what]:.2f}" for r in results],
        )
    row(
        "load+validate+render ms per course",
        [f"{r['pre_mkdocs_ms_per_course']['pre_mkdocs']:.2f}" for r in results],
    )
    for g in summary["growth"]:
        e = g["exponents"]
        lines.append(
            f"growth {g['from']}→{g['to']} (x{g['courses_factor']:.0f} courses): time ∝ courses^k, "
            f"k = {e['pre_mkdocs']:.2f} before MkDocs, {e['mkdocs']:.2f} MkDocs; "
            f"pages k = {e['html_pages']:.2f}, search index k = {e['search_index_bytes']:.2f}"
        )
    lines.append("")
    for name, target in summary["targets"].items():
        verdict = {True: "met", False: "NOT MET", None: "reported"}[target["met"]]
        lines.append(f"{verdict:>8}  {name}: {json.dumps(target['measured'], ensure_ascii=False)}")
    return "\n".join(lines)


# --- command line ------------------------------------------------------------


def run_worker(
    scale: str, out: Path, keep: Path | None, repeat: int | None, verify: bool | None
) -> None:
    repeat = repeat or SCALES[scale].repeat
    check = SCALES[scale].verify if verify is None else verify
    if keep is not None:
        root = keep / scale
        if root.exists() and any(root.iterdir()):
            raise SystemExit(f"{root} is not empty")
        result = measure(SCALES[scale], root, repeat, check)
    else:
        with tempfile.TemporaryDirectory(prefix=f"ntm-bench-{scale}-") as tmp:
            result = measure(SCALES[scale], Path(tmp) / "project", repeat, check)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")


def run_scale(
    scale: str, keep: Path | None, repeat: int | None, verify: bool | None = None
) -> dict[str, Any]:
    """Measure one scale in a fresh Python process and return its figures."""
    with tempfile.TemporaryDirectory(prefix="ntm-bench-") as tmp:
        out = Path(tmp) / "result.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", scale]
        command += ["--out", str(out)]
        if repeat is not None:
            command += ["--repeat", str(repeat)]
        if keep is not None:
            command += ["--keep", str(keep)]
        if verify is not None:
            command.append("--verify" if verify else "--no-verify")
        subprocess.run(command, check=True)
        data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default=",".join(SCALES), help="comma-separated: %(default)s")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="write results here")
    parser.add_argument("--keep", type=Path, help="keep the generated projects in DIR/<scale>")
    parser.add_argument(
        "--repeat",
        type=int,
        help="build each scale N times and keep the fastest (default: 3, 1 for 100x)",
    )
    parser.add_argument(
        "--verify",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="compare each incremental rebuild with a cold build (default: sample and 10x)",
    )
    parser.add_argument("--worker", choices=list(SCALES), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    keep = args.keep.resolve() if args.keep else None
    if args.worker:
        run_worker(args.worker, args.out, keep, args.repeat, args.verify)
        return 0
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if unknown or not scales:
        parser.error(f"unknown scale(s) {unknown}; choose from {', '.join(SCALES)}")
    results, failed = [], []
    for scale in scales:
        started = time.perf_counter()
        print(f"measuring {scale} …", file=sys.stderr, flush=True)
        try:
            results.append(run_scale(scale, keep, args.repeat, args.verify))
        except subprocess.CalledProcessError:
            failed.append(scale)  # its error is above; the other scales are still reported
            print(f"  {scale} FAILED", file=sys.stderr)
            continue
        print(f"  {scale} done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if not results:
        return 1
    summary = summarise(results)
    report = {"machine": machine(), "scales": results, "failed": failed, **summary}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    m = report["machine"]
    print(f"{m['nproc']} cores, {m['cpu_model']}, Python {m['python']}, MkDocs {m['mkdocs']}")
    print(table(results, summary))
    print(f"\nJSON: {args.json}")
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
