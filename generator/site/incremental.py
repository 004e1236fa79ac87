"""Stage 6b, MkDocs build: only the pages a change touches, same bytes as a full build.

MkDocs builds into ``build/cache/mkdocs-site`` (kept between builds), never
into ``site/``; the build then copies that folder to its staging folder for
post-processing. Next to it, a manifest records what that output was built
from: a signature of everything that is not a docs file (the generated
configuration with its navigation, the theme and hooks, the versions of
MkDocs and its extensions) and a digest of every docs file, plus what other
pages need to know of each page (its title, its anchors, its links to
anchors).

Each build picks one of three modes (:func:`plan`):

- ``none``: no docs file and nothing else changed; MkDocs is not run.
- ``dirty``: the same files and signature, some files changed. MkDocs runs
  with ``--dirty`` on exactly those files (not on modification times). The
  other pages are read (front matter, for the tags listing) but not rendered;
  their titles, anchors and links come from the manifest, so navigation, link
  checks and the tags page see the whole site. The search index keeps the
  other pages' entries from the previous output, in the order a full build
  writes them. The tags page is always rebuilt.
- ``full``: anything else (first build, a file added or removed, navigation,
  theme, configuration or versions changed, a plugin the handbook does not
  ship, ProperDocs, an unreadable manifest, kept output whose files' sizes or
  times differ from the manifest, a project ``mkdocs.yml`` that brings in files
  or code of its own: ``INHERIT``, ``hooks``, ``!!python/…``). A dirty build
  that finds a changed title (front matter or heading) on a page shown in
  navigation or in the tags listing stops before writing pages and the build
  is run again in full.

After publishing, the site's files (sizes and times) are recorded too: a
no-change build leaves ``site/`` alone only if it is exactly as published.

The manifest is removed before MkDocs runs and written again only after it
succeeds, so an interrupted or failed build leaves no output that looks
current. ``tests/test_incremental.py`` proves each mode byte-identical to a
cold build after a course edit, a topic body edit, a topic title edit and a
configuration edit.

Run as a program (``python -m generator.site.incremental PLAN -- ARGS``), this
module is the MkDocs command line with the dirty mode made exact: it patches
MkDocs and Material in its own process only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .. import mkdocs_base, paths

SITE = Path(__file__).parent
# The packages whose code turns the docs folder into HTML.
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments", "nh3")
# Plugins whose dirty-build behaviour this module knows; any other means full builds.
KNOWN_PLUGINS = frozenset({"search", "tags", "offline"})
NEED_FULL = 3  # the child's exit code when a dirty build must be run in full
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Plan:
    mode: str  # "none", "dirty" or "full"
    reason: str
    dirty: list[str] = field(default_factory=list)
    pages: dict[str, Any] = field(default_factory=dict)


def raw_dir(root: Path) -> Path:
    return root / paths.MKDOCS_OUTPUT


def manifest_path(root: Path) -> Path:
    return root / paths.MKDOCS_MANIFEST


def digests(files: dict[str, bytes]) -> dict[str, str]:
    """The digest of every docs file, by its path in the docs folder."""
    return {rel: hashlib.sha256(data).hexdigest() for rel, data in sorted(files.items())}


def _tree_digest(folder: Path, digest: Any) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())


def signature(root: Path, builder: str, epoch: str) -> str:
    """Everything besides the docs files that changes MkDocs' output."""
    digest = hashlib.sha256(f"{builder}\n{sys.version}\n{epoch}\n".encode())
    for name in PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-\n".encode())
    for rel in (paths.GENERATED_CONFIG, mkdocs_base.EFFECTIVE, paths.MKDOCS_FILE):
        path = root / rel
        digest.update((path.read_bytes() if path.is_file() else b"") + b"\0")
    _tree_digest(SITE, digest)  # theme, overrides, hooks run inside MkDocs (slug, tables)
    return digest.hexdigest()


def read_manifest(root: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(manifest_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("version") == 1 else None


# A project's mkdocs.yml naming files or code the signature cannot follow.
_UNTRACKED = re.compile(r"^\s*(INHERIT|hooks)\s*:|!!python/", re.MULTILINE)


def tracks_project_config(root: Path) -> bool:
    """False when the project's ``mkdocs.yml`` brings in files or code of its own
    (``INHERIT``, ``hooks``, ``!!python/…``): their changes are not seen, so every
    build is a full one."""
    path = root / paths.MKDOCS_FILE
    return not (path.is_file() and _UNTRACKED.search(path.read_text(encoding="utf-8")))


def tree_stats(folder: Path) -> dict[str, list[int]]:
    """Size and modification time of every file: what a later build checks it against."""
    found: dict[str, list[int]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            status = path.stat()
            found[path.relative_to(folder).as_posix()] = [status.st_size, status.st_mtime_ns]
    return found


def plan(root: Path, sources: dict[str, str], builder: str, sign: str) -> Plan:
    """Which mode this build needs (see the module's docstring)."""
    if builder != "mkdocs":
        return Plan("full", f"builder {builder}")
    if not tracks_project_config(root):
        return Plan("full", "the project's mkdocs.yml names files of its own")
    old = read_manifest(root)
    if old is None or not raw_dir(root).is_dir():
        return Plan("full", "no previous output")
    if tree_stats(raw_dir(root)) != old.get("output"):
        return Plan("full", "the previous output was changed")
    if old.get("signature") != sign:
        return Plan("full", "configuration, navigation or theme changed")
    previous: dict[str, str] = old.get("sources", {})
    if set(previous) != set(sources):
        return Plan("full", "files added or removed")
    changed = sorted(rel for rel, value in sources.items() if previous[rel] != value)
    if not changed:
        return Plan("none", "nothing changed", [], old.get("pages", {}))
    if paths.TAGS in sources:
        changed = sorted({*changed, paths.TAGS})
    return Plan("dirty", f"{len(changed)} files changed", changed, old.get("pages", {}))


def begin(root: Path) -> None:
    """Mark the output as being rebuilt: without a manifest it is never reused."""
    manifest_path(root).unlink(missing_ok=True)


def commit(root: Path, sources: dict[str, str], sign: str, pages: dict[str, Any]) -> None:
    """Record what the output in :func:`raw_dir` was built from, and its files' state."""
    data = {
        "version": 1,
        "signature": sign,
        "sources": sources,
        "pages": pages,
        "output": tree_stats(raw_dir(root)),
    }
    target = manifest_path(root)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(target)


def _plan_file(root: Path) -> Path:
    return root / paths.CACHE_DIR / "mkdocs-plan.json"


def write_plan(root: Path, plan: Plan) -> Path:
    """The plan for the child process; its pages' records will be written next to it."""
    target = _plan_file(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_suffix(".pages.json").unlink(missing_ok=True)
    data = {"mode": plan.mode, "dirty": plan.dirty, "pages": plan.pages}
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def take_pages(root: Path) -> dict[str, Any]:
    """The pages' records the child wrote after a successful run (none for ProperDocs)."""
    written = _plan_file(root).with_suffix(".pages.json")
    try:
        pages: dict[str, Any] = json.loads(written.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    written.unlink()
    return pages


def publish_stamp(root: Path, *extra: str) -> str:
    """What a published site was made from: MkDocs' output and the post-processing inputs."""
    digest = hashlib.sha256(manifest_path(root).read_bytes())
    for part in extra:
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()


def _published_file(root: Path) -> Path:
    return root / paths.CACHE_DIR / "published.json"


def _published(root: Path) -> dict[str, Any]:
    try:
        data = json.loads(_published_file(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_published(root: Path, target: Path, stamp: str) -> bool:
    """Whether ``target`` holds the site this stamp describes, untouched since."""
    known = _published(root).get(str(target.resolve()))
    if not target.is_dir() or not isinstance(known, dict) or known.get("stamp") != stamp:
        return False
    return bool(known.get("files") == tree_stats(target))


def mark_published(root: Path, target: Path, stamp: str | None) -> None:
    """Record (or, with ``None``, forget) what ``target`` holds; forget before replacing it."""
    data = _published(root)
    data.pop(str(target.resolve()), None)
    if stamp is not None:
        data[str(target.resolve())] = {"stamp": stamp, "files": tree_stats(target)}
    path = _published_file(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def stage(root: Path, staging: Path) -> None:
    """Copy MkDocs' output into the (empty) staging folder for post-processing."""
    shutil.copytree(raw_dir(root), staging, dirs_exist_ok=True)


# --- the child process: MkDocs with an exact dirty mode ----------------------


class _NeedFull(Exception):
    pass


class _Child:
    """State of one patched MkDocs run (see :func:`child`)."""

    def __init__(self, data: dict[str, Any], site_dir: Path) -> None:
        self.dirty_mode: bool = data["mode"] == "dirty"
        self.dirty: set[str] = set(data["dirty"])
        self.known: dict[str, Any] = data["pages"]
        self.order: list[Any] = []  # pages, in the order MkDocs builds them
        self.old_entries: list[dict[str, Any]] = []
        index = site_dir / paths.SEARCH_JSON
        if self.dirty_mode:  # the plan checked the output's files against the manifest
            self.old_entries = json.loads(index.read_text(encoding="utf-8"))["docs"]

    def restore(self, page: Any, files: Any) -> None:
        """What the other pages need of an unchanged page, without rendering it."""
        known = self.known.get(page.file.src_uri)
        if known is None:
            raise _NeedFull
        page._title_from_render = known["title"]
        page.content = ""  # rendered before; keeps MkDocs' title rules as in a full build
        page.present_anchor_ids = set(known["anchors"])
        page.links_to_anchors = {
            files.get_file_from_path(target): dict(links)
            for target, links in known["links"].items()
        }

    def page_record(self, page: Any) -> dict[str, Any]:
        links = page.links_to_anchors or {}
        return {
            "shown": page.title,  # what navigation and the tags page show
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {f.src_uri: dict(sorted(v.items())) for f, v in links.items()},
        }

    def check_titles(self, nav: Any) -> None:
        """A changed title shown on other pages (navigation, tags listing) needs a full build."""
        shown = {page.file.src_uri for page in nav.pages}
        for page in self.order:
            uri = page.file.src_uri
            if uri not in self.dirty or not (uri in shown or page.meta.get("tags")):
                continue
            if page.title != self.known.get(uri, {}).get("shown"):
                raise _NeedFull

    def merge_search(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The whole index: new entries of rebuilt pages, kept entries of the others."""

        def by_page(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
            grouped: dict[str, list[dict[str, Any]]] = {}
            for item in items:
                grouped.setdefault(item["location"].split("#", 1)[0], []).append(item)
            return grouped

        new, old = by_page(entries), by_page(self.old_entries)
        merged: list[dict[str, Any]] = []
        for page in self.order:
            source = new if page.file.src_uri in self.dirty else old
            merged += source.get(page.url, [])
        return merged


def _install(state: _Child) -> None:
    from material.plugins.search.plugin import SearchIndex  # type: ignore[import-untyped]
    from mkdocs.commands import build as mkbuild
    from mkdocs.structure.files import File

    populate, build_page, build = mkbuild._populate_page, mkbuild._build_page, mkbuild.build
    generate = SearchIndex.generate_search_index

    def is_modified(self: Any) -> bool:
        return self._content is not None or self.src_uri in state.dirty

    def populate_page(page: Any, config: Any, files: Any, dirty: bool = False) -> None:
        if not dirty or page.file.src_uri in state.dirty:
            populate(page, config, files, dirty)
            return
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            # The tags plugin collects every page's tags here, for the tags page.
            page.markdown = config.plugins.on_page_markdown(
                page.markdown, page=page, config=config, files=files
            )
            state.restore(page, files)
        finally:
            config._current_page = None

    def record_page(
        page: Any, config: Any, doc_files: Any, nav: Any, *args: Any, **kw: Any
    ) -> None:
        if not state.order:  # the first page: every page is populated by now
            state.order = [file.page for file in doc_files]
            if state.dirty_mode:
                state.check_titles(nav)
        build_page(page, config, doc_files, nav, *args, **kw)

    def run_build(config: Any, *args: Any, dirty: bool = False, **kw: Any) -> None:
        names = KNOWN_PLUGINS | {f"material/{name}" for name in KNOWN_PLUGINS}
        if dirty and not set(config.plugins) <= names:
            raise _NeedFull
        build(config, *args, dirty=dirty, **kw)

    def merged_index(self: Any, prev: Any) -> str:
        if state.dirty_mode:
            self.entries = state.merge_search(self.entries)
        text: str = generate(self, None)
        return text

    File.is_modified = is_modified  # type: ignore[method-assign]
    mkbuild._populate_page = populate_page
    mkbuild._build_page = record_page
    mkbuild.build = run_build
    SearchIndex.generate_search_index = merged_index


class _DropDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build is inexact; this one is, and --strict counts warnings."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def child(argv: list[str]) -> int:
    """``PLAN -- mkdocs build arguments``: run MkDocs, then write the pages' records."""
    plan_file = Path(argv[0])
    args = argv[argv.index("--") + 1 :]
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    state = _Child(data, Path(args[args.index("-d") + 1]))
    _install(state)
    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
    from mkdocs.__main__ import cli

    try:
        cli.main(args=args, prog_name="mkdocs")
    except _NeedFull:
        return NEED_FULL
    except SystemExit as stop:
        if stop.code:
            return stop.code if isinstance(stop.code, int) else 1
    pages = {page.file.src_uri: state.page_record(page) for page in state.order}
    plan_file.with_suffix(".pages.json").write_text(
        json.dumps(pages, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(child(sys.argv[1:]))
