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
import posixpath
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
# What a browser ignores in an address (WHATWG URL): C0 controls and spaces at
# either end, tabs and line breaks anywhere. A space inside is kept, so
# "java script:" is a relative link, not a script.
_URL_NOISE = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$|[\t\n\r]")
_BAD_SCHEMES = ("javascript", "vbscript", "data")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "cite", "background")
_LOADING = (
    "script[src], link[href], img[src], iframe, frame, video, audio, source, track, "
    "embed, object, input[src], [srcset], [poster], [background], image, use, feImage"
)
# The theme's scripts live here; a script from anywhere else (a file an office
# published beside its pages, say) is not the site's own code.
_SCRIPT_FOLDERS = ("assets/", "search/")
_FORBIDDEN = "iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], portal"
_STYLE_URL = re.compile(r"url\s*\(|image-set\s*\(|@import|expression\s*\(", re.IGNORECASE)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
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


_LEADING_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _scheme(value: str) -> tuple[str, str]:
    """The lower-case scheme and host of an address, as a browser reads it.

    An address Python cannot split is read by its leading ``scheme:`` alone, as
    a browser does: "javascript:/ /[0]…" is still a javascript: address.
    """
    cleaned = _URL_NOISE.sub("", value).replace("\\", "/")
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        match = _LEADING_SCHEME.match(cleaned)
        return (match.group(1).lower() if match else "invalid"), "?"
    return parts.scheme.lower(), parts.netloc


def _is_remote(value: str) -> bool:
    scheme, host = _scheme(value)
    return bool(scheme or host)


def _breaches(html: str, where: _Where) -> Iterator[str]:
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
        yield from _script(node, where)
    for node in tree.css("style"):
        if _REMOTE_IN_CSS.search(_css(node.text(deep=True))):
            yield "<style> tải tài nguyên từ trang khác"
    for node in tree.css("[style]"):
        if _STYLE_URL.search(_css(node.attributes.get("style") or "")):
            yield f"thuộc tính style= tải tài nguyên trên <{node.tag}>"
    if tree.css_first("pre.mermaid, .mermaid") is not None:
        yield "sơ đồ mermaid (giao diện tải mã từ trang khác)"
    for node in tree.css("[title]"):
        if "<" in (node.attributes.get("title") or ""):
            yield f"thuộc tính title= chứa mã HTML trên <{node.tag}>"


def _css(text: str) -> str:
    """CSS with its escapes decoded (``u\\72l(`` is ``url(``), for the checks above."""

    def decode(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code < 0x110000 else ""
        return match.group(2)

    return _CSS_ESCAPE.sub(decode, text)


def _loading(node: LexborNode) -> Iterator[str]:
    attributes = node.attributes
    values: list[str] = []
    if node.tag == "link":
        rels = set((attributes.get("rel") or "").lower().split())
        if rels and rels <= _LINK_RELS_THAT_DO_NOT_LOAD:
            return
        values.append(attributes.get("href") or "")
    elif node.tag == "object":
        values.append(attributes.get("data") or "")
    for name in ("src", "poster", "background", "href", "xlink:href"):
        if node.tag != "link" and name in attributes:
            values.append(attributes.get(name) or "")
    for candidate in (attributes.get("srcset") or "").split(","):
        values.append(candidate.strip().split(" ")[0])
    for value in values:
        if value and _is_remote(value):
            yield f"<{node.tag}> tải tài nguyên từ trang khác ({value[:60]})"
            return


def _script(node: LexborNode, where: _Where) -> Iterator[str]:
    attributes = node.attributes
    if "src" in attributes:
        yield from _script_source(node.attributes.get("src") or "", where)
        return
    kind = (attributes.get("type") or "").strip().lower()
    if kind in ("application/json", "application/ld+json"):
        return  # data, never run
    if script_digest(node.text(deep=True)) not in THEME_SCRIPTS:
        yield "đoạn mã <script> không thuộc giao diện của trang"


@dataclass(frozen=True)
class _Where:
    """A page's folder in the site, and the path the site is served under ("/ntm/")."""

    folder: str = ""
    base: str = "/"


def _script_source(src: str, where: _Where) -> Iterator[str]:
    """A script must come from the theme's folders of this site (remote ones are refused above)."""
    if _is_remote(src):
        return
    path = urlsplit(_URL_NOISE.sub("", src).replace("\\", "/")).path
    if path.startswith("/"):  # absolute: under the path the site is served from
        inside = path.startswith(where.base)
        path = path[len(where.base) :] if inside else "../" + path
    else:
        path = posixpath.join(where.folder, path)
    resolved = posixpath.normpath(path)
    if resolved.startswith("..") or not resolved.startswith(_SCRIPT_FOLDERS):
        yield f"<script src> không thuộc giao diện của trang ({src[:60]})"


def audit_page(html: str, page: str = "index.html", base: str = "/") -> list[str]:
    """What is wrong with one built page (empty when it is fine), each once, sorted.

    ``page`` is its path in the site and ``base`` the path the site is served
    under, to tell the site's own scripts from files published beside pages.
    """
    where = _Where(posixpath.dirname(page), base if base.endswith("/") else base + "/")
    return sorted(set(_breaches(html, where)))


def audit_site(site: Path, base: str = "/") -> list[Breach]:
    """Every breach in every HTML page of a built site served under ``base``."""
    found: list[Breach] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        for what in audit_page(path.read_text(encoding="utf-8", errors="replace"), rel, base):
            found.append(Breach(rel, what))
    return found
