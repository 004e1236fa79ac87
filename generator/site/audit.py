"""The last gate before publishing: the built pages run only the site's own code.

Content is escaped when pages are rendered and free pages are checked against
an allow-list, but the theme's templates print values too, and a theme update
may add a place that does. So every built HTML page is parsed (lexbor, as a
browser parses it) and must hold:

- no event-handler attribute (``on…=``) and no ``javascript:``, ``vbscript:``
  or ``data:`` address anywhere;
- no script but the theme's own: scripts loaded from the site's own folders,
  JSON data, and inline scripts whose text is one of :data:`THEME_SCRIPTS`;
- nothing loaded from another host (scripts, styles, images, frames, media);
- no ``<iframe>``, ``<object>``, ``<embed>``, ``<base>``, ``<meta http-equiv>``,
  and no form but the theme's search box;
- no ``title`` attribute holding markup.

A page that breaks a rule stops the build before the new site is published.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

# SHA-256 of the inline scripts of Material 9.8.2 and of overrides/main.html,
# with the page's relative path to the site root written as ".". A new theme
# version changes them: tests/test_audit.py then names the new ones.
THEME_SCRIPTS = frozenset(
    {
        # Material: the site's scope and storage helpers, the colour scheme, tabs.
        "6a9a103c779f08d5a3c5b0a6f87cd50ce016e024955a163b5729508e0385c9f9",
        "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e",
        "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",
        # overrides/main.html: the reader's text size, applied before first paint.
        "38d8df0ad697f18b654a17cbc9c90d8e968161210f22f43a517610d69ff56c11",
    }
)

_EVENT_ATTRIBUTE = re.compile(r"[\s/\"']on[a-z0-9_-]*\s*=", re.IGNORECASE)
_SCOPE = re.compile(r'new URL\("[A-Za-z0-9._~/%-]*",location\)')
_URL_NOISE = re.compile(r"[\x00-\x20]")
_BAD_SCHEMES = ("javascript", "vbscript", "data")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "cite", "background")
_LOADING = (
    "script[src], link[href], img[src], iframe, frame, video, audio, source, track, "
    "embed, object, input[src]"
)
_FORBIDDEN = "iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], portal"
_STYLE_URL = re.compile(r"url\s*\(|@import|expression\s*\(", re.IGNORECASE)
_REMOTE_IN_CSS = re.compile(
    r"(?:url\s*\(\s*['\"]?|@import\s+['\"])\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE
)
# The theme's own forms: the search box and the colour-scheme switch.
_THEME_FORMS = frozenset({"md-search__form", "md-header__option"})
# <link rel=…> values that only point somewhere, loading nothing.
_LINK_RELS_THAT_DO_NOT_LOAD = frozenset(
    {"canonical", "alternate", "author", "license", "help", "search", "next", "prev"}
)


@dataclass(frozen=True, order=True)
class Breach:
    """Something in a built page that must not be published."""

    page: str
    what: str


def script_digest(text: str) -> str:
    """The digest of an inline script as :data:`THEME_SCRIPTS` lists it."""
    normal = _SCOPE.sub('new URL(".",location)', text.strip())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _scheme(value: str) -> tuple[str, str]:
    """The lower-case scheme and host of an address, as a browser reads it."""
    cleaned = _URL_NOISE.sub("", value).replace("\\", "/")
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return "invalid", ""
    return parts.scheme.lower(), parts.netloc


def _is_remote(value: str) -> bool:
    scheme, host = _scheme(value)
    return bool(scheme or host)


def _breaches(html: str) -> Iterator[str]:
    tree = LexborHTMLParser(html)
    root = tree.root
    if root is None:
        return
    if _EVENT_ATTRIBUTE.search(html):
        for node in root.traverse(include_text=False):
            for name in node.attributes:
                if name.lower().startswith("on"):
                    yield f"thuộc tính sự kiện {name}= trên <{node.tag}>"
    for attribute in _URL_ATTRIBUTES:
        for node in tree.css(f"[{attribute}]"):
            scheme, _ = _scheme(node.attributes.get(attribute) or "")
            if scheme in _BAD_SCHEMES and not (
                scheme == "data" and node.tag == "link" and attribute == "href"
            ):
                yield f"địa chỉ {scheme}: trong {attribute}= của <{node.tag}>"
    for node in tree.css(_FORBIDDEN):
        yield f"thẻ <{node.tag}>"
    for node in tree.css("form"):
        classes = set((node.attributes.get("class") or "").split())
        if not classes & _THEME_FORMS:
            yield "biểu mẫu <form>"
    for node in tree.css(_LOADING):
        yield from _loading(node)
    for node in tree.css("script"):
        yield from _script(node)
    for node in tree.css("style"):
        if _REMOTE_IN_CSS.search(node.text(deep=True)):
            yield "<style> tải tài nguyên từ trang khác"
    for node in tree.css("[style]"):
        if _STYLE_URL.search(node.attributes.get("style") or ""):
            yield f"thuộc tính style= tải tài nguyên trên <{node.tag}>"
    for node in tree.css("[title]"):
        if "<" in (node.attributes.get("title") or ""):
            yield f"thuộc tính title= chứa mã HTML trên <{node.tag}>"


def _loading(node: LexborNode) -> Iterator[str]:
    attributes = node.attributes
    if node.tag == "link":
        rels = set((attributes.get("rel") or "").lower().split())
        if rels and rels <= _LINK_RELS_THAT_DO_NOT_LOAD:
            return
        value = attributes.get("href") or ""
    elif node.tag == "object":
        value = attributes.get("data") or ""
    else:
        value = attributes.get("src") or ""
    if _is_remote(value):
        yield f"<{node.tag}> tải tài nguyên từ trang khác ({value[:60]})"


def _script(node: LexborNode) -> Iterator[str]:
    attributes = node.attributes
    if "src" in attributes:
        return  # remote sources are refused above; local ones are the site's own files
    kind = (attributes.get("type") or "").strip().lower()
    if kind in ("application/json", "application/ld+json"):
        return  # data, never run
    if script_digest(node.text(deep=True)) not in THEME_SCRIPTS:
        yield "đoạn mã <script> không thuộc giao diện của trang"


def audit_page(html: str) -> list[str]:
    """What is wrong with one built page (empty when it is fine), each once, sorted."""
    return sorted(set(_breaches(html)))


def audit_site(site: Path) -> list[Breach]:
    """Every breach in every HTML page of a built site."""
    found: list[Breach] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        for what in audit_page(path.read_text(encoding="utf-8", errors="replace")):
            found.append(Breach(rel, what))
    return found
