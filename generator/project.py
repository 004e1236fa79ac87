"""Find every content file of a project and load it into located records.

A project is a folder with ``site_config.yml``, ``topics/*.yml`` and
``content/`` (``audiences.yml``, ``denominators.yml``, ``courses/**/*.yml``,
``pages/**/*.md``). :func:`load_content` reads all of it, collecting problems
instead of stopping at the first one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from . import files, pagecheck
from .loader import MAX_FILE_BYTES, Document, Loc, parse_yaml, read_text
from .models import (
    Audience,
    AudienceFile,
    Course,
    Denominator,
    DenominatorFile,
    SiteConfig,
    Topic,
    parse,
)
from .pages import ASSET_SUFFIXES, Asset, News, Page, read_asset, read_news, read_page
from .problems import LoadError, Problem

CONFIG_FILE = "site_config.yml"
MKDOCS_FILE = "mkdocs.yml"
TOPICS_DIR = "topics"
AUDIENCES_FILE = "content/audiences.yml"
DENOMINATORS_FILE = "content/denominators.yml"
COURSES_DIR = "content/courses"
PAGES_DIR = "content/pages"
NEWS_DIR = "content/news"

M = TypeVar("M", bound=BaseModel)


@dataclass
class Located(Generic[M]):
    """A validated record and the document position it came from."""

    record: M
    doc: Document
    base: Loc = ()

    def problem(self, loc: Loc, code: str, *, key: bool = False, **values: object) -> Problem:
        """A problem about a field of this record."""
        return self.doc.problem((*self.base, *loc), code, key=key, **values)

    def line(self, loc: Loc = ()) -> int:
        """Line number of a field of this record."""
        return self.doc.where((*self.base, *loc))[0]


@dataclass
class Content:
    """Everything loaded from a project, plus the problems found while loading."""

    root: Path
    config: Located[SiteConfig] | None = None
    topics: list[Located[Topic]] = field(default_factory=list)
    audiences: list[Located[Audience]] = field(default_factory=list)
    denominators: list[Located[Denominator]] = field(default_factory=list)
    denominator_file: Located[DenominatorFile] | None = None
    courses: list[Located[Course]] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    news: list[News] = field(default_factory=list)
    # Ids seen in files, even in records that failed validation, so a typo in
    # one record does not also report every reference to it as dangling.
    seen_ids: dict[str, set[str]] = field(default_factory=dict)
    # How many topic/course files failed to load or validate, by kind.
    invalid: dict[str, int] = field(default_factory=dict)
    # Kinds of ids whose defining file could not be read at all ("levels",
    # "target_groups" from the config; "Audience"): references to them are
    # not checked, since every one would be reported as dangling.
    unreadable: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def _display(root: Path, path: Path) -> str:
    return files.display(root, path)


def _yaml_files(folder: Path) -> list[Path]:
    return files.find(folder, (".yml", ".yaml"))


def load_file(root: Path, path: Path) -> Document:
    """Read and parse one YAML file of the project; raise :class:`LoadError`."""
    display = _display(root, path)
    raw = files.read_bytes(root, path, MAX_FILE_BYTES)
    return parse_yaml(read_text(raw, display), display)


class _Reader:
    def __init__(self, content: Content) -> None:
        self.content = content
        self.root = content.root

    def document(self, path: Path) -> Document | None:
        try:
            doc = load_file(self.root, path)
        except LoadError as exc:
            self.content.problems.append(exc.problem)
            return None
        self.content.problems.extend(_placeholders(doc, doc.data, ()))
        return doc

    def record(self, doc: Document, model: type[M], base: Loc = ()) -> Located[M] | None:
        record, problems = parse(doc, model, base)
        self.content.problems.extend(problems)
        return Located(record, doc, base) if record is not None else None

    def see(self, kind: str, data: Any) -> None:
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            self.content.seen_ids.setdefault(kind, set()).add(data["id"])

    def named_record(self, path: Path, kind: str, model: type[M]) -> Located[M] | None:
        """Load a one-record file named after its id.

        The file name counts as a seen id even when the file is broken, so a
        mistake in one file is not reported again at every reference to it.
        """
        self.content.seen_ids.setdefault(kind, set()).add(path.stem)
        doc = self.document(path)
        located = None
        if doc is not None:
            self.see(kind, doc.data)
            located = self.record(doc, model)
        if located is None:
            self.content.invalid[kind] = self.content.invalid.get(kind, 0) + 1
        return located

    def items(
        self, doc: Document, key: str, wrapper: type[BaseModel], item: type[M]
    ) -> list[Located[M]]:
        """Validate a list file; keep the valid items even if others fail."""
        _, problems = parse(doc, wrapper)
        self.content.problems.extend(problems)
        data = doc.data
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            return []
        found = []
        for i, raw in enumerate(data[key]):
            self.see(item.__name__, raw)
            record, _ = parse(doc, item, (key, i))
            if record is not None:
                found.append(Located(record, doc, (key, i)))
        return found


def load_content(root: Path) -> Content:
    """Load and model every content file under ``root``.

    Problems (missing files, YAML mistakes, field errors) are collected in
    ``content.problems``; records that are valid on their own are kept so that
    cross-file checks can still run on them.
    """
    content = Content(root=root)
    reader = _Reader(content)

    config_path = root / CONFIG_FILE
    if os.path.lexists(config_path):
        doc = reader.document(config_path)
        if doc is not None:
            content.config = reader.record(doc, SiteConfig)
            if isinstance(doc.data, dict):
                for key in ("levels", "target_groups"):
                    for raw in doc.data.get(key) or []:
                        reader.see(key, raw)
    else:
        content.problems.append(Problem.make(CONFIG_FILE, 1, 1, "missing-file", name=CONFIG_FILE))

    if not (root / MKDOCS_FILE).is_file():
        content.problems.append(Problem.make(MKDOCS_FILE, 1, 1, "missing-file", name=MKDOCS_FILE))

    if content.config is None:
        # Levels and target groups may still be read from a config with other
        # mistakes; only a config that gave none makes them unknown.
        for key in ("levels", "target_groups"):
            if not content.seen_ids.get(key):
                content.unreadable.add(key)

    topic_files = _yaml_files(root / TOPICS_DIR)
    if not topic_files:
        content.problems.append(
            Problem.make(TOPICS_DIR, 1, 1, "no-topics", folder=TOPICS_DIR + "/")
        )
    for path in topic_files:
        topic = reader.named_record(path, "Topic", Topic)
        if topic is not None:
            content.topics.append(topic)

    path = root / AUDIENCES_FILE
    if os.path.lexists(path):
        doc = reader.document(path)
        if doc is not None:
            content.audiences = reader.items(doc, "audiences", AudienceFile, Audience)
        if (
            doc is None
            or not isinstance(doc.data, dict)
            or not isinstance(doc.data.get("audiences"), list)
        ):
            content.unreadable.add("Audience")
    else:
        content.problems.append(
            Problem.make(AUDIENCES_FILE, 1, 1, "missing-file", name=AUDIENCES_FILE)
        )
        content.unreadable.add("Audience")

    path = root / DENOMINATORS_FILE
    if os.path.lexists(path):
        doc = reader.document(path)
        if doc is not None:
            content.denominator_file = reader.record(doc, DenominatorFile)
            if content.denominator_file is not None:
                content.denominators = [
                    Located(d, doc, ("counts", i))
                    for i, d in enumerate(content.denominator_file.record.counts)
                ]
    else:
        content.problems.append(
            Problem.make(DENOMINATORS_FILE, 1, 1, "missing-file", name=DENOMINATORS_FILE)
        )

    for path in _yaml_files(root / COURSES_DIR):
        course = reader.named_record(path, "Course", Course)
        if course is not None:
            content.courses.append(course)

    renderer = _markdown_renderer(content)
    for path in files.find(root / NEWS_DIR, (".md",)):
        if path.parent != root / NEWS_DIR:
            continue  # posts are not nested
        news, problems = read_news(root, path, renderer)
        content.problems.extend(problems)
        if news is not None:
            content.news.append(news)

    pages_dir = root / PAGES_DIR
    for path in files.find(pages_dir, (".md",)):
        page, problems = read_page(root, path, pages_dir, renderer)
        content.problems.extend(problems)
        if page is not None:
            content.pages.append(page)
    for path in files.find(pages_dir, ASSET_SUFFIXES):
        try:
            content.assets.append(read_asset(root, path, pages_dir))
        except LoadError as exc:
            content.problems.append(exc.problem)
    return content


def _markdown_renderer(content: Content) -> pagecheck.Renderer | None:
    """Markdown with the project's extensions, to check pages as MkDocs will render them."""
    path = content.root / MKDOCS_FILE
    if not path.is_file():
        return None  # reported as a missing file
    try:
        return pagecheck.Renderer(*pagecheck.markdown_settings(path))
    except Exception as exc:  # any mistake in mkdocs.yml or its extensions
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        content.problems.append(Problem.make(MKDOCS_FILE, 1, 1, "mkdocs-config", detail=detail))
        return None


PLACEHOLDER = "[CẦN ĐIỀN"


def _placeholders(doc: Document, data: Any, loc: Loc) -> list[Problem]:
    """Every value still holding a "[CẦN ĐIỀN: …]" placeholder from `handbook new`."""
    if isinstance(data, str):
        return [doc.problem(loc, "placeholder", value=data)] if PLACEHOLDER in data else []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    return [p for key, value in items for p in _placeholders(doc, value, (*loc, key))]
