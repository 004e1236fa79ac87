"""Free Markdown pages and news posts: read, split the front matter, render.

A page (``content/pages/**/*.md``) may start with front matter between two
``---`` lines; a news post (``content/news/*.md``) must. Front matter is read
with the same located YAML loader as every other file and validated against
an allow-list of keys (:class:`~generator.models.PageMeta`,
:class:`~generator.models.NewsPost`), so nothing but plain text reaches the
theme's templates. The body is rendered here exactly as MkDocs will render it,
for :mod:`generator.checks` to judge (see :mod:`generator.pagecheck`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..problems import LoadError, Problem
from . import files, pagecheck, textcheck
from .errors import parse
from .loader import Document, parse_yaml, read_text
from .models import NewsPost, PageMeta

MAX_PAGE_BYTES = 300_000
"""A Markdown page or post larger than this is refused (a long handbook page is ~20 KB)."""

ASSET_SUFFIXES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".pdf",
    ".docx",
    ".xlsx",
    ".odt",
    ".ods",
)
"""Files next to the pages that are published with them (pictures, documents).

Not SVG or HTML: opened on their own, those can run scripts on the site.
"""
MAX_ASSET_BYTES = 10_000_000


@dataclass(frozen=True)
class Asset:
    """A picture or document under ``content/pages/``, published at the same path."""

    path: str  # relative to content/pages
    data: bytes


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Page:
    """A free Markdown page written by the office."""

    path: str  # relative to content/pages, with forward slashes
    source: str  # as shown in messages: content/pages/<path>
    meta: PageMeta
    body: str  # the Markdown after the front matter
    body_line: int  # the line of the file where the body starts
    html: str  # the body rendered as MkDocs will render it
    title: str  # plain text: the front matter's title, else the first heading


@dataclass(frozen=True)
class News:
    """An announcement: a dated Markdown post with YAML front matter."""

    slug: str  # file name without .md, e.g. "2025-03-01-lop-moi"
    source: str
    post: NewsPost
    body: str
    body_line: int
    html: str


@dataclass(frozen=True)
class _Split:
    front: Document | None
    body: str
    body_line: int


def _read(root: Path, path: Path, within: Path) -> str:
    """A Markdown file's text: size-limited, UTF-8, NFC, LF line ends, no control characters."""
    shown = files.display(root, path)
    raw = files.read_bytes(root, path, MAX_PAGE_BYTES, within=within)
    text = read_text(raw, shown, limit=MAX_PAGE_BYTES)
    bad = textcheck.first_forbidden(text, allow="\t\n\r")
    if bad is not None:
        line, col = textcheck.position(text, bad)
        raise LoadError(
            Problem.make(shown, line, col, "text-control-char", char=textcheck.describe(text[bad]))
        )
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise LoadError(Problem.make(shown, 1, 1, "file-empty"))
    _check_markup(text, shown)
    return text


# A "<" and a tag name with no ">" before the next "<": an unclosed start tag.
_UNCLOSED = re.compile(r"<[A-Za-z][^<>]*(?=<|\Z)")
MAX_UNCLOSED_TAGS = 25
"""Python-Markdown's HTML parser rescans the rest of the page for every unclosed
start tag; thousands of them would take minutes to render (here and in MkDocs)."""
MARKUP_LIMITS = {"[": 3000, "<": 5000, "`": 3000}
"""Python-Markdown's inline parsing grows with the square of these in a page
(32,000 "[" took four minutes); a real page has a few hundred at most."""
# Directives a MkDocs plugin acts on before Markdown is rendered: they would
# change the page after it was checked.
_DIRECTIVE = re.compile(r"<!--\s*material/", re.IGNORECASE)


def _check_markup(text: str, shown: str) -> None:
    for found, match in enumerate(_UNCLOSED.finditer(text), start=1):
        if found > MAX_UNCLOSED_TAGS:
            line, _ = textcheck.position(text, match.start())
            raise LoadError(
                Problem.make(shown, line, 1, "page-unclosed-tags", limit=MAX_UNCLOSED_TAGS)
            )
    for char, limit in MARKUP_LIMITS.items():
        if text.count(char) > limit:
            raise LoadError(
                Problem.make(shown, 1, 1, "page-too-much-markup", char=char, limit=limit)
            )
    directive = _DIRECTIVE.search(text)
    if directive:
        line, col = textcheck.position(text, directive.start())
        raise LoadError(Problem.make(shown, line, col, "page-directive"))


# File names of pages and their pictures: lower-case letters, digits, "-" and "_",
# one dot before the extension. They become addresses in links and menus.
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}(?:\.[a-z0-9]{1,5})?")


def check_name(root: Path, path: Path, folder: Path) -> None:
    """Refuse a page or picture whose path is not a plain, portable address."""
    relative = path.relative_to(folder).as_posix()
    if not all(_NAME.fullmatch(part) for part in relative.split("/")):
        raise LoadError(
            Problem.make(files.display(root, path), 1, 1, "page-file-name", name=relative)
        )


def _render(renderer: pagecheck.Renderer | None, body: str, shown: str, line: int) -> str:
    if renderer is None:
        return ""
    try:
        return renderer.html(body)
    except RecursionError:  # Python-Markdown recurses into nested lists and blocks
        raise LoadError(Problem.make(shown, line, 1, "page-too-deep")) from None


def _split(text: str, shown: str, *, required: bool) -> _Split:
    """Separate the front matter (``---`` … ``---``) from the Markdown body."""
    lines = text.split("\n")
    end = None
    if lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
    if end is None:
        if required or lines[0].strip() == "---":
            raise LoadError(Problem.make(shown, 1, 1, "front-matter-missing"))
        return _Split(None, text, 1)
    front = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    if not front.strip():
        return _Split(None, body, end + 2)
    # Keep line numbers: the opening '---' becomes an empty line of the YAML.
    return _Split(parse_yaml("\n" + front + "\n", shown), body, end + 2)


def _meta(doc: Document | None, model: type[M], problems: list[Problem]) -> M | None:
    if doc is None:
        record, found = parse(Document("", {}), model)
    else:
        record, found = parse(doc, model)
    problems.extend(found)
    return record


def read_page(
    root: Path, path: Path, folder: Path, renderer: pagecheck.Renderer | None
) -> tuple[Page | None, list[Problem]]:
    """Read one free page; return it (or None) and the problems found."""
    shown = files.display(root, path)
    problems: list[Problem] = []
    try:
        check_name(root, path, folder)
        split = _split(_read(root, path, folder), shown, required=False)
        html = _render(renderer, split.body, shown, split.body_line)
    except LoadError as exc:
        return None, [exc.problem]
    meta = _meta(split.front, PageMeta, problems)
    if meta is None:
        return None, problems
    title = meta.title or pagecheck.first_heading(html) or path.stem
    page = Page(
        path.relative_to(folder).as_posix(), shown, meta, split.body, split.body_line, html, title
    )
    return page, problems


def read_news(
    root: Path, path: Path, renderer: pagecheck.Renderer | None
) -> tuple[News | None, list[Problem]]:
    """Read one news post; return it (or None) and the problems found."""
    shown = files.display(root, path)
    problems: list[Problem] = []
    try:
        check_name(root, path, path.parent)
        split = _split(_read(root, path, path.parent), shown, required=True)
        html = _render(renderer, split.body, shown, split.body_line)
    except LoadError as exc:
        return None, [exc.problem]
    if split.front is None:
        return None, [Problem.make(shown, 1, 1, "front-matter-missing")]
    post = _meta(split.front, NewsPost, problems)
    if post is None:
        return None, problems
    return News(path.stem, shown, post, split.body, split.body_line, html), problems


def read_asset(root: Path, path: Path, folder: Path) -> Asset:
    """Read a picture or document to publish; raise :class:`LoadError`."""
    check_name(root, path, folder)
    data = files.read_bytes(root, path, MAX_ASSET_BYTES, within=folder)
    return Asset(path.relative_to(folder).as_posix(), data)


def unsafe_html(source: str, body: str, body_line: int, html: str) -> list[Problem]:
    """Everything in a rendered page outside the allow-list, at its line of the source."""
    lines = body.split("\n")
    problems = []
    for finding in pagecheck.findings(html):
        index = pagecheck.locate(lines, finding.needles)
        problems.append(
            Problem.make(source, body_line + index, 1, "page-unsafe", what=finding.what)
        )
    return problems
