"""The pipeline, stage after stage: load → validate → derive → render → build site.

The command line calls these functions; tests call them too.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import checks, lock, paths, sitebuild
from .audit import Breach, audit_site
from .buildlog import map_warnings
from .derive import Catalogue, ChangeItem, Timeline
from .downloads import Downloads, render_downloads
from .feeds import atom_feed
from .history import History, read_history
from .pages import News, Page
from .postprocess import postprocess
from .problems import Problem
from .project import CONFIG_FILE, Content, load_content
from .render import Rendered, render_site


@dataclass
class Checked:
    """The result of loading and validating a project."""

    content: Content
    problems: list[Problem]
    catalogue: Catalogue | None


def check(root: Path) -> Checked:
    """Load and validate everything; build the catalogue only when valid."""
    content = load_content(root)
    problems = checks.validate(content)
    catalogue = None
    if not problems and content.config and content.denominator_file:
        dfile = content.denominator_file.record
        catalogue = Catalogue(
            config=content.config.record,
            topics=[t.record for t in content.topics],
            audiences=[a.record for a in content.audiences],
            courses=[c.record for c in content.courses],
            denominators={(d.level, d.target_group): d.people for d in dfile.counts},
            denominators_as_of=dfile.as_of,
            denominators_source=dfile.source,
        )
    return Checked(content, problems, catalogue)


def timeline(content: Content, history: History) -> Timeline:
    """Last-updated dates of topic and course pages and recent changes.

    Dates come from git; a course without history falls back to its own
    ``updated`` field. Changes name the record's current title when it exists.
    """
    updated: dict[str, datetime.date] = {}
    titles: dict[str, tuple[str, str, str | None]] = {}
    for topic in content.topics:
        page = paths.topic_page(topic.record.id)
        titles[topic.doc.file] = ("Chuyên đề", topic.record.title, page)
        if topic.doc.file in history.last_changed:
            updated[page] = history.last_changed[topic.doc.file]
    for course in content.courses:
        page = paths.course_page(course.record.id)
        titles[course.doc.file] = ("Khóa học", course.record.title, page)
        day = history.last_changed.get(course.doc.file) or course.record.updated
        if day is not None:
            updated[page] = day
    actions = {"A": "Thêm mới", "M": "Cập nhật", "D": "Xóa"}
    changes = []
    for change in history.changes:
        kind, title, link = titles.get(change.path, ("", Path(change.path).stem, None))
        if change.path == CONFIG_FILE:
            kind, title = "Cài đặt", "Kế hoạch, chỉ tiêu và các cấp (site_config.yml)"
        elif not kind:
            kind = "Chuyên đề" if change.path.startswith("topics/") else "Khóa học"
        changes.append(
            ChangeItem(
                change.day,
                actions.get(change.kind, "Cập nhật"),
                kind,
                title,
                None if change.kind == "D" else link,
            )
        )
    return Timeline(updated, changes, history.available)


def render(
    catalogue: Catalogue,
    pages: list[Page],
    news: list[News] | None = None,
    timeline: Timeline | None = None,
) -> Rendered:
    """Render all Markdown pages for a valid catalogue."""
    rank = {name: i for i, name in enumerate(catalogue.config.pages)}
    ordered = sorted(pages, key=lambda p: (rank.get(p.path, len(rank)), p.path))
    return render_site(catalogue, ordered, news, timeline)


@dataclass
class Generated:
    """What one generation pass wrote to the docs folder."""

    pages: int
    sync: sitebuild.SyncResult
    downloads: Downloads


def generate(root: Path, checked: Checked) -> Generated:
    """Render pages and downloads for a valid project and write the docs folder."""
    assert checked.catalogue is not None
    content = checked.content
    history = timeline(content, read_history(root))
    rendered = render(checked.catalogue, content.pages, content.news, history)
    downloads = render_downloads(checked.catalogue, root)
    files = dict(downloads.files)
    files.update({asset.path: asset.data for asset in content.assets})
    if content.news:
        files[paths.NEWS_FEED] = atom_feed(checked.catalogue, content.news)
    sync = sitebuild.write_sources(root, checked.catalogue, rendered, files)
    return Generated(len(rendered.pages), sync, downloads)


@dataclass
class BuildResult:
    """What a build did: problems in the content, MkDocs' verdict, breaches of the final audit."""

    problems: list[Problem]
    mkdocs_ok: bool
    mkdocs_output: str
    pages: int
    seconds: float
    breaches: list[Breach] = field(default_factory=list)
    busy: bool = False  # another build held the project's lock for too long

    @property
    def ok(self) -> bool:
        return not self.problems and self.mkdocs_ok and not self.breaches and not self.busy


def build(
    root: Path,
    *,
    strict: bool = True,
    builder: str = "mkdocs",
    on_wait: Callable[[], None] | None = None,
    wait: float = 900.0,
) -> BuildResult:
    """Validate, render, run MkDocs and publish ``site/`` only if all succeed.

    One build at a time per project: a second one waits (``on_wait`` is told)
    for up to ``wait`` seconds, then gives up without touching anything.
    """
    started = time.perf_counter()
    try:
        with lock.exclusive(root, wait=wait, on_wait=on_wait):
            return _build(root, strict=strict, builder=builder, started=started)
    except lock.Busy:
        return BuildResult([], False, "", 0, time.perf_counter() - started, busy=True)


def _build(root: Path, *, strict: bool, builder: str, started: float) -> BuildResult:
    sitebuild.recover(root)
    checked = check(root)
    if checked.catalogue is None:
        return BuildResult(checked.problems, False, "", 0, time.perf_counter() - started)
    generated = generate(root, checked)
    staging = sitebuild.staging_dir(root)
    try:
        result = sitebuild.run_mkdocs(
            root, checked.catalogue, staging, strict=strict, builder=builder
        )
        elapsed = time.perf_counter() - started
        if not result.ok:
            content = checked.content
            problems, others = map_warnings(result.output, content.pages, content.news)
            output = "\n".join(others) if problems else result.output
            return BuildResult(problems, False, output, generated.pages, elapsed)
        postprocess(staging)
        breaches = audit_site(staging)
        if breaches:
            return BuildResult([], True, result.output, generated.pages, elapsed, breaches)
        sitebuild.publish(root, staging)
    finally:
        sitebuild.discard(staging)
    return BuildResult([], True, result.output, generated.pages, time.perf_counter() - started)
