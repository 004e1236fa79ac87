"""The pipeline, stage after stage: load → validate → derive → render → build site.

The command line calls these functions; tests call them too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import paths
from .content.catalogue import Catalogue
from .content.derive import Timeline
from .content.pages import News, Page
from .content.project import Content, load_content
from .content.validate import validate
from .downloads import Downloads, render_downloads
from .downloads.feeds import atom_feed
from .problems import Problem, errors
from .site import incremental, lock, sitebuild
from .site.audit import Breach, audit_site
from .site.buildlog import map_warnings
from .site.history import read_history, timeline
from .site.pagemeta import describe_pages
from .site.postprocess import postprocess
from .site.render import Rendered, render_site


@dataclass
class Checked:
    """The result of loading and validating a project."""

    content: Content
    problems: list[Problem]
    """Errors and warnings, sorted."""
    catalogue: Catalogue | None
    """The validated content, when there is no error (warnings allowed)."""

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)


def check(root: Path, *, strict: bool = False) -> Checked:
    """Load and validate everything; build the catalogue only when nothing is an error."""
    content = load_content(root)
    problems = validate(content, strict=strict)
    catalogue = None
    plans = sorted((p.record for p in content.of("plan")), key=lambda p: p.period.start)
    if not errors(problems) and content.config and plans:
        catalogue = Catalogue(
            config=content.config.record,
            plans=plans,
            topics=[t.record for t in content.topics],
            audiences=[a.record for a in content.audiences],
            courses=[c.record for c in content.courses],
            annual_plans=[a.record for a in content.of("annual_plan")],
            results=[r.record for r in content.of("result")],
        )
    return Checked(content, problems, catalogue)


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
    updated = {
        c.id: day
        for c in checked.catalogue.courses
        if (day := history.updated.get(paths.course_page(c.id))) is not None
    }
    downloads = render_downloads(checked.catalogue, root, updated)
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
    mkdocs_mode: str = ""  # "full", "dirty" or "none" (see site.incremental)
    changed: int = 0  # docs files a dirty MkDocs run rebuilt

    @property
    def ok(self) -> bool:
        no_errors = not errors(self.problems)
        return no_errors and self.mkdocs_ok and not self.breaches and not self.busy


def build(
    root: Path,
    *,
    strict: bool = False,
    mkdocs_strict: bool = True,
    builder: str = "mkdocs",
    on_wait: Callable[[], None] | None = None,
    wait: float = 900.0,
    target: Path | None = None,
) -> BuildResult:
    """Validate, render, run MkDocs and publish ``site/`` only if all succeed.

    Warnings are reported and the site is published, unless ``strict`` makes
    them errors; ``mkdocs_strict`` makes MkDocs' own warnings (a broken link)
    fail the build. One build at a time per project: a second one waits (``on_wait`` is told)
    for up to ``wait`` seconds, then gives up without touching anything.
    ``target`` publishes somewhere else than ``site/`` (the preview of ``handbook serve``).
    """
    started = time.perf_counter()
    root = root.resolve()  # MkDocs resolves folders against build/mkdocs.yml, not the cwd
    try:
        with lock.exclusive(root, wait=wait, on_wait=on_wait):
            return _build(
                root,
                strict=strict,
                mkdocs_strict=mkdocs_strict,
                builder=builder,
                started=started,
                target=target,
            )
    except lock.Busy:
        return BuildResult([], False, "", 0, time.perf_counter() - started, busy=True)


def _build(
    root: Path,
    *,
    strict: bool,
    mkdocs_strict: bool,
    builder: str,
    started: float,
    target: Path | None,
) -> BuildResult:
    sitebuild.recover(root)
    checked = check(root, strict=strict)
    warnings = checked.problems  # only warnings are left once there is a catalogue
    if checked.catalogue is None:
        return BuildResult(checked.problems, False, "", 0, time.perf_counter() - started)
    generated = generate(root, checked)
    staging = sitebuild.staging_dir(root)
    try:
        result = sitebuild.run_mkdocs(
            root,
            checked.catalogue,
            generated.sync.digests,
            strict=mkdocs_strict,
            builder=builder,
        )
        elapsed = time.perf_counter() - started
        if not result.ok:
            content = checked.content
            problems, others = map_warnings(result.output, content.pages, content.news)
            output = "\n".join(others) if problems else result.output
            return BuildResult(
                sorted({*warnings, *problems}), False, output, generated.pages, elapsed
            )
        plan_title = checked.catalogue.current_plan.title
        site_url = checked.catalogue.config.site_url
        # Post-processing reads MkDocs' output, the plan's title and the site's address.
        stamp = incremental.publish_stamp(root, plan_title, site_url)
        destination = target if target is not None else root / paths.SITE_DIR
        if not incremental.is_published(root, destination, stamp):
            incremental.stage(root, staging)
            describe_pages(staging, plan_title)
            postprocess(staging, root / paths.CACHE_DIR)
            base = urlsplit(site_url).path or "/"
            breaches = audit_site(staging, base)
            if breaches:
                return BuildResult(
                    warnings, True, result.output, generated.pages, elapsed, breaches
                )
            incremental.mark_published(root, destination, None)
            if target is None:
                sitebuild.publish(root, staging)
            else:
                sitebuild.replace_dir(staging, target)
            incremental.mark_published(root, destination, stamp)
    finally:
        sitebuild.discard(staging)
    elapsed = time.perf_counter() - started
    return BuildResult(
        warnings,
        True,
        result.output,
        generated.pages,
        elapsed,
        mkdocs_mode=result.mode,
        changed=result.changed,
    )
