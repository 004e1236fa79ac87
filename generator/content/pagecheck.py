"""What a free page or a news post may contain, judged on its rendered HTML.

Offices write free pages (``content/pages/*.md``) and news posts in Markdown
and may use plain HTML for layout. A page is rendered here with the same
Markdown extensions MkDocs will use (read from ``mkdocs.yml``), so attribute
lists, entities, reference links and tags split over lines are seen exactly as
the reader's browser will see them; then the HTML is checked against an
allow-list (:data:`TAGS`, :data:`ATTRIBUTES`, :data:`LINK_SCHEMES`):

- the maintained sanitiser ``nh3`` (Rust's ammonia, parsing as HTML5) cleans
  a copy; if the clean copy lost any element or attribute, the page is refused;
- every element is also walked (with lexbor, an HTML5 parser) to name what is
  not allowed and find the line of the source it came from.

A page is never silently changed: what would be removed is reported, with its
line and a hint, by ``handbook validate`` and ``handbook build`` alike.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import markdown  # type: ignore[import-untyped]
import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

# --- the allow-list -------------------------------------------------------------------

TAGS = frozenset(
    {
        *(f"h{n}" for n in range(1, 7)),
        *("p", "br", "hr", "wbr", "div", "span", "blockquote", "pre", "code", "kbd", "samp"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"),
        *("em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup"),
        *("abbr", "q", "cite", "time", "a", "img", "figure", "figcaption"),
        *("details", "summary"),
    }
)
"""Elements a page may contain: text structure, tables, emphasis, code, links, images."""

_GLOBAL = frozenset({"class", "id", "title", "lang", "dir"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": _GLOBAL,
    "a": frozenset({"href", "target"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"colspan", "rowspan", "style", "align", "scope"}),
    # data-label: the column heading, added by generator.site.tablelabels.
    "td": frozenset({"colspan", "rowspan", "style", "align", "data-label"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
}
"""Attributes allowed per element ("*": on every element). No event handlers; no data-*
but the column heading the table extension copies into each cell."""

LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
"""Schemes a link may use besides links within the site (relative URLs)."""

_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
_ALIGN_STYLE = re.compile(r"text-align:\s*(left|center|right|justify);?")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_:.-]*")
_URL_NOISE = re.compile(r"[\t\n\r]")
_THEME_CLASS = re.compile(r"(?:^|\s)(?:md-|mermaid|tabbed|arithmatex|critic|emoji)", re.IGNORECASE)
SENTINEL = "<handbook-end></handbook-end>"
"""Appended to a page before it is judged: if it is not read as an element, the
page left a tag, an attribute, a comment or raw text open, and the theme's own
HTML after the page would complete it."""


def _url_refusal(tag: str, attribute: str, value: str) -> str | None:
    """Why a URL is refused (a Vietnamese phrase), or None when it is fine."""
    cleaned = _URL_NOISE.sub("", value).strip("\x00- ").replace("\\", "/")
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return f"địa chỉ không hợp lệ {value[:60]!r}"
    scheme = parts.scheme.lower()
    loads = (tag, attribute) == ("img", "src")
    if loads and (scheme or parts.netloc):
        return "hình ảnh lấy từ trang khác (chỉ dùng ảnh trong thư mục của trang)"
    if scheme and scheme not in LINK_SCHEMES:
        return f"liên kết {scheme}:"
    return None


def _attribute_refusal(tag: str, attribute: str, value: str) -> str | None:
    """Why an attribute is refused, or None when it is allowed with this value."""
    if attribute.startswith("on"):
        return f"thuộc tính sự kiện {attribute}="
    if attribute not in ATTRIBUTES["*"] and attribute not in ATTRIBUTES.get(tag, ()):
        return f"thuộc tính {attribute}= trên thẻ <{tag}>"
    if attribute in _URL_ATTRIBUTES:
        return _url_refusal(tag, attribute, value)
    if attribute == "style" and not _ALIGN_STYLE.fullmatch(value.strip()):
        return "thuộc tính style (chỉ cho phép căn lề trong bảng)"
    if attribute == "title" and "<" in value:
        # Material's tooltips would copy the title into the page as HTML.
        return "thuộc tính title chứa dấu '<'"
    if attribute == "id" and not _ID.fullmatch(value):
        return f"mã neo id={value[:40]!r}"
    if attribute == "target" and value not in ("_blank", "_self"):
        return f"target={value[:20]!r}"
    if attribute == "class" and _THEME_CLASS.search(value):
        # Material acts on these: "mermaid" loads a script from a CDN.
        return f"class={value[:40]!r} dành cho giao diện"
    return None


def _nh3_filter(tag: str, attribute: str, value: str) -> str | None:
    return None if _attribute_refusal(tag, attribute, value) else value


def sanitise(fragment: str) -> str:
    """The fragment as the allow-list keeps it (nh3, parsing as HTML5).

    >>> sanitise('<p onclick="x()">Xin <b>chào</b><script>alert(1)</script></p>')
    '<p>Xin <b>chào</b></p>'
    """
    return nh3.clean(
        fragment,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
        attribute_filter=_nh3_filter,
    )


# --- reading the rendered HTML --------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One thing a page may not contain: what it is, and text to find it by in the source."""

    what: str
    needles: tuple[str, ...]


def _elements(fragment: str) -> Iterator[LexborNode]:
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><body>{fragment}</body></html>")
    body = tree.body
    if body is None:  # pragma: no cover - lexbor always makes a body
        return
    for node in body.traverse(include_text=False):
        tag = node.tag or ""
        if tag != "body" and not tag.startswith("-"):
            yield node


def _signature(fragment: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Elements and their attributes, in document order: what the sanitiser may not lose."""
    return [
        (node.tag or "", tuple(sorted((k, v or "") for k, v in node.attributes.items())))
        for node in _elements(fragment)
    ]


def findings(fragment: str) -> list[Finding]:
    """Everything in ``fragment`` outside the allow-list, once each, in document order.

    >>> [f.what for f in findings('<a href="&#106;avascript:x">a</a><img src=x onerror=y>')]
    ['liên kết javascript:', 'thuộc tính sự kiện onerror=']
    """
    found: dict[str, Finding] = {}
    closed = fragment + SENTINEL
    if not any(node.tag == "handbook-end" for node in _elements(closed)):
        what = "thẻ, thuộc tính hoặc chú thích HTML chưa đóng ở cuối trang"
        found[what] = Finding(what, ("<",))
    for node in _elements(closed):
        tag = node.tag or ""
        if tag == "handbook-end":
            continue
        if tag not in TAGS:
            what = f"thẻ <{tag}>"
            found.setdefault(what, Finding(what, (f"<{tag}",)))
            continue
        for attribute, raw in node.attributes.items():
            value = raw or ""
            why = _attribute_refusal(tag, attribute, value)
            if why is not None:
                needles = (value[:40], attribute) if value else (attribute,)
                found.setdefault(why, Finding(why, needles))
    if not found and _signature(sanitise(fragment)) != _signature(fragment):
        found["html"] = Finding("mã HTML không được phép", ())
    return list(found.values())


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment (entities decoded), whitespace collapsed."""
    tree = LexborHTMLParser(f"<body>{fragment}</body>")
    text = tree.body.text(separator="") if tree.body is not None else ""
    return " ".join(text.split())


def first_heading(fragment: str) -> str | None:
    """The text of the first ``<h1>``, for the page's title."""
    tree = LexborHTMLParser(f"<body>{fragment}</body>")
    node = tree.css_first("h1")
    if node is None:
        return None
    for link in node.css("a.headerlink"):
        link.decompose()
    return " ".join(node.text(separator="").split()) or None


def locate(lines: list[str], needles: tuple[str, ...]) -> int:
    """The 0-based index of the first line holding a needle (raw or entity-decoded), else 0."""
    for needle in needles:
        if not needle:
            continue
        low = needle.lower()
        for index, line in enumerate(lines):
            if low in line.lower() or low in html.unescape(line).lower():
                return index
    return 0


# --- rendering like MkDocs ------------------------------------------------------------

# MkDocs always adds these to the extensions of mkdocs.yml.
_MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


def markdown_settings(config: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions and their settings MkDocs will use, from its settings."""
    names = list(_MKDOCS_BUILTINS)
    settings: dict[str, Any] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = options or {}
        else:
            names.append(str(item))
    return list(dict.fromkeys(names)), settings


class Renderer:
    """Markdown → HTML with a project's extensions (one converter, reset per page)."""

    def __init__(self, extensions: list[str], settings: dict[str, Any]) -> None:
        self.md = markdown.Markdown(extensions=extensions, extension_configs=settings)

    def html(self, text: str) -> str:
        self.md.reset()
        html: str = self.md.convert(text)
        return html
