"""The pipeline, stage after stage: load → validate → derive → render → build site.

The command line calls these functions; tests call them too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from . import checks, sitebuild
from .derive import Catalogue
from .downloads import Downloads, render_downloads
from .postprocess import postprocess
from .problems import Problem
from .project import Content, Page, load_content
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


def render(catalogue: Catalogue, pages: list[Page]) -> Rendered:
    """Render all Markdown pages for a valid catalogue."""
    rank = {name: i for i, name in enumerate(catalogue.config.pages)}
    ordered = sorted(pages, key=lambda p: (rank.get(p.path, len(rank)), p.path))
    return render_site(catalogue, ordered)


@dataclass
class Generated:
    """What one generation pass wrote to the docs folder."""

    pages: int
    sync: sitebuild.SyncResult
    downloads: Downloads


def generate(root: Path, checked: Checked) -> Generated:
    """Render pages and downloads for a valid project and write the docs folder."""
    assert checked.catalogue is not None
    rendered = render(checked.catalogue, checked.content.pages)
    downloads = render_downloads(checked.catalogue, root)
    sync = sitebuild.write_sources(root, checked.catalogue, rendered, downloads.files)
    return Generated(len(rendered.pages), sync, downloads)


@dataclass
class BuildResult:
    problems: list[Problem]
    mkdocs_ok: bool
    mkdocs_output: str
    pages: int
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems and self.mkdocs_ok


def build(root: Path, *, strict: bool = True) -> BuildResult:
    """Validate, render, run MkDocs and publish ``site/`` only if all succeed."""
    started = time.perf_counter()
    sitebuild.recover(root)
    checked = check(root)
    if checked.catalogue is None:
        return BuildResult(checked.problems, False, "", 0, time.perf_counter() - started)
    generated = generate(root, checked)
    staging = sitebuild.fresh_dir(root.resolve() / sitebuild.BUILD_DIR / "site-new")
    result = sitebuild.run_mkdocs(root, checked.catalogue, staging, strict=strict)
    if result.ok:
        postprocess(staging)
        sitebuild.publish(root, staging)
    return BuildResult([], result.ok, result.output, generated.pages, time.perf_counter() - started)
