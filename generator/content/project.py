"""Find every content file of a project and load it into located records.

What to read is declared in :data:`~generator.content.kinds.KINDS`; this module
walks that list, reading each kind by its layout, and collects problems instead
of stopping at the first one. Records valid on their own are kept so that
cross-file checks can still run on them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .. import messages, mkdocs_base, paths
from ..problems import LoadError, Problem
from . import files, pagecheck
from .errors import parse
from .kinds import CONFIG_FILE, KINDS, Kind
from .kinds import kind as _kind
from .loader import MAX_FILE_BYTES, Document, Loc, parse_yaml, read_text
from .models import Audience, Course, SiteConfig, Topic
from .pages import ASSET_SUFFIXES, Asset, News, Page, read_asset, read_news, read_page

__all__ = ["CONFIG_FILE", "PLACEHOLDER", "Content", "Located", "load_content", "load_file"]

M = TypeVar("M", bound=BaseModel)

PLACEHOLDER = "[CẦN ĐIỀN"
"""Marks a value ``handbook new`` left for the office to fill in."""


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
    records: dict[str, list[Located[Any]]] = field(default_factory=dict)
    """Valid records of each kind, by kind name."""
    whole: dict[str, Located[Any]] = field(default_factory=dict)
    """For ``list`` kinds: the validated file around the list (its other fields)."""
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    news: list[News] = field(default_factory=list)
    seen_ids: dict[str, set[str]] = field(default_factory=dict)
    """Ids seen in files, even in records that failed validation, so a typo in one
    record does not also report every reference to it as dangling."""
    invalid: dict[str, int] = field(default_factory=dict)
    """How many records of each kind failed to load or validate."""
    unreadable: set[str] = field(default_factory=set)
    """Kinds whose defining file could not be read at all: references to them are
    not checked, since every one would be reported as dangling."""
    problems: list[Problem] = field(default_factory=list)

    def of(self, name: str) -> list[Located[Any]]:
        """The valid records of a kind."""
        return self.records.get(name, [])

    @property
    def config(self) -> Located[SiteConfig] | None:
        found = self.of("config")
        return found[0] if found else None

    @property
    def topics(self) -> list[Located[Topic]]:
        return self.of("topic")

    @property
    def audiences(self) -> list[Located[Audience]]:
        return self.of("audience")

    @property
    def courses(self) -> list[Located[Course]]:
        return self.of("course")


def load_file(root: Path, path: Path) -> Document:
    """Read and parse one YAML file of the project; raise :class:`LoadError`."""
    display = files.display(root, path)
    raw = files.read_bytes(root, path, MAX_FILE_BYTES)
    return parse_yaml(read_text(raw, display), display)


class _Reader:
    """Reads the kinds one after another into a :class:`Content`."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.root = content.root
        self.renderer: pagecheck.Renderer | None = None
        self.documents: dict[str, Document] = {}  # every parsed file, by its display path

    def add(self, kind: Kind, located: Located[Any]) -> None:
        self.content.records.setdefault(kind.name, []).append(located)

    def fail(self, kind: Kind) -> None:
        self.content.invalid[kind.name] = self.content.invalid.get(kind.name, 0) + 1

    def see(self, kind: Kind, data: Any) -> None:
        if kind.id_field and isinstance(data, dict) and isinstance(data.get(kind.id_field), str):
            self.content.seen_ids.setdefault(kind.name, set()).add(data[kind.id_field])

    def document(self, path: Path) -> Document | None:
        try:
            doc = load_file(self.root, path)
        except LoadError as exc:
            self.content.problems.append(exc.problem)
            return None
        self.documents[doc.file] = doc
        self.content.problems.extend(_placeholders(doc, doc.data, ()))
        return doc

    def record(self, doc: Document, model: type[M], base: Loc = ()) -> Located[M] | None:
        record, problems = parse(doc, model, base)
        self.content.problems.extend(problems)
        return Located(record, doc, base) if record is not None else None

    def missing(self, kind: Kind) -> None:
        self.content.problems.append(Problem.make(kind.path, 1, 1, "missing-file", name=kind.path))
        self.content.unreadable.add(kind.name)

    # --- one method per layout ---------------------------------------------------------

    def read_file(self, kind: Kind) -> None:
        path = self.root / kind.path
        if not os.path.lexists(path):
            return self.missing(kind)
        doc = self.document(path)
        located = self.record(doc, kind.model) if doc is not None else None
        if located is None:
            self.fail(kind)
            return None
        self.add(kind, located)
        return None

    def read_folder(self, kind: Kind) -> None:
        self.stray_files(kind, (".yml", ".yaml"))
        found = files.find(self.root / kind.path, (".yml", ".yaml"))
        if not found and kind.required:
            label = kind.label
            self.content.problems.append(
                Problem.make(kind.path, 1, 1, "no-records", folder=kind.path + "/", kind=label)
            )
        for path in found:
            # The file name counts as a seen id even when the file is broken, so a
            # mistake in one file is not reported again at every reference to it.
            self.content.seen_ids.setdefault(kind.name, set()).add(path.stem)
            doc = self.document(path)
            located = None
            if doc is not None:
                self.see(kind, doc.data)
                located = self.record(doc, kind.model)
            if located is None:
                self.fail(kind)
            else:
                self.add(kind, located)

    def read_list(self, kind: Kind) -> None:
        path = self.root / kind.path
        if not os.path.lexists(path):
            return self.missing(kind)
        assert kind.file_model is not None and kind.key is not None
        doc = self.document(path)
        if doc is None or not isinstance(doc.data, dict):
            if doc is not None:
                self.record(doc, kind.file_model)  # reports what the file should be
            self.content.unreadable.add(kind.name)
            return None
        whole = self.record(doc, kind.file_model)
        if whole is not None:
            self.content.whole[kind.name] = whole
        items = doc.data.get(kind.key)
        if not isinstance(items, list):
            self.content.unreadable.add(kind.name)
            return None
        for i, raw in enumerate(items):
            self.see(kind, raw)
            record, _ = parse(doc, kind.model, (kind.key, i))  # problems came with the file
            if record is None:
                self.fail(kind)
            else:
                self.add(kind, Located(record, doc, (kind.key, i)))
        return None

    def read_nested(self, kind: Kind) -> None:
        assert kind.parent is not None and kind.key is not None
        parents = self.content.of(kind.parent)
        if parents:
            for parent in parents:
                for i, item in enumerate(getattr(parent.record, kind.key)):
                    self.add(kind, Located(item, parent.doc, (*parent.base, kind.key, i)))
            return
        # The parent has other mistakes: its ids may still be read from the raw data.
        doc = self.documents.get(_kind(kind.parent).path)
        data = doc.data if doc is not None else None
        for raw in (data.get(kind.key) or []) if isinstance(data, dict) else []:
            self.see(kind, raw)
        if not self.content.seen_ids.get(kind.name):
            self.content.unreadable.add(kind.name)

    def stray_files(self, kind: Kind, published: tuple[str, ...]) -> None:
        """Files in a kind's folder that will not be read or published: say so."""
        folder = self.root / kind.path
        if not folder.is_dir():
            return
        for top, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith(".") or name.endswith(published):
                    continue
                path = Path(top) / name
                shown = files.display(self.root, path)
                code = "file-suffix-case" if name.lower().endswith(published) else "file-ignored"
                allowed = ", ".join(published)
                problem = Problem.make(shown, 1, 1, code, name=name, allowed=allowed)
                self.content.problems.append(problem)

    def read_markdown(self, kind: Kind) -> None:
        folder = self.root / kind.path
        if kind.name == "news":
            self.stray_files(kind, (".md",))
            for path in files.find(folder, (".md",)):
                if path.parent != folder:
                    shown = files.display(self.root, path)
                    self.content.problems.append(Problem.make(shown, 1, 1, "news-nested"))
                    continue
                news, problems = read_news(self.root, path, self.renderer)
                self.content.problems.extend(problems)
                if news is not None:
                    self.content.news.append(news)
            return
        self.stray_files(kind, (".md", *ASSET_SUFFIXES))
        for path in files.find(folder, (".md",)):
            page, problems = read_page(self.root, path, folder, self.renderer)
            self.content.problems.extend(problems)
            if page is not None:
                self.content.pages.append(page)
        for path in files.find(folder, ASSET_SUFFIXES):
            try:
                self.content.assets.append(read_asset(self.root, path, folder))
            except LoadError as exc:
                self.content.problems.append(exc.problem)


def load_content(root: Path) -> Content:
    """Load and model every content file under ``root``.

    Problems (missing files, YAML mistakes, field errors) are collected in
    ``content.problems``; records that are valid on their own are kept so that
    cross-file checks can still run on them.
    """
    content = Content(root=root)
    reader = _Reader(content)
    reader.renderer = _markdown_renderer(content)
    layouts = {
        "file": reader.read_file,
        "folder": reader.read_folder,
        "list": reader.read_list,
        "nested": reader.read_nested,
        "markdown": reader.read_markdown,
    }
    for kind in KINDS:
        layouts[kind.layout](kind)
    return content


def _markdown_renderer(content: Content) -> pagecheck.Renderer | None:
    """Markdown with the project's extensions, to check pages as MkDocs will render them."""
    try:
        return pagecheck.Renderer(*pagecheck.markdown_settings(mkdocs_base.load(content.root)))
    except ModuleNotFoundError as exc:
        detail = messages.MKDOCS_CONFIG_DETAILS["extension"].format(name=exc.name)
    except Exception as exc:  # any other mistake in mkdocs.yml or its extensions
        detail = messages.MKDOCS_CONFIG_DETAILS["other"].format(kind=type(exc).__name__)
    content.problems.append(Problem.make(paths.MKDOCS_FILE, 1, 1, "mkdocs-config", detail=detail))
    return None


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
