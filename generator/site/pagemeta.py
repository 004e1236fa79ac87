"""Finishing touches on the built pages: each page's own description, and an
offline copy whose home page does not offer the zip it was unpacked from.

MkDocs prints the site's description into every page's ``<meta
name="description">`` (and the theme into ``og:description``). A link shared
in a chat or listed by a search engine should show what *that* page says:
its first paragraph of text (not the sample-data notice, the figures or a
table), cut at a word near 160 characters. Pages whose front matter gives a ``description`` keep it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

DESCRIPTION_LENGTH = 160
_META = re.compile(r'<meta name="description" content="([^"]*)">')
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_SKIPPED_BLOCKS = frozenset({"div", "section", "details", "table", "nav", "aside", "figure", "pre"})


class _FirstParagraph(HTMLParser):
    """The text of the first ``<p>`` that is not inside a notice, a table or a list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.in_p = False
        self.parts: list[str] = []
        self.link_parts: list[str] = []
        self.in_a = 0
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag in _SKIPPED_BLOCKS or tag in ("ul", "ol", "h1", "h2", "h3", "script", "style"):
            self.skip += 1
        elif tag == "p" and not self.skip:
            self.in_p = True
        elif tag == "a" and self.in_p:
            self.in_a += 1

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if tag in _SKIPPED_BLOCKS or tag in ("ul", "ol", "h1", "h2", "h3", "script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "a" and self.in_a:
            self.in_a -= 1
        elif tag == "p" and self.in_p:
            self.in_p = False
            text = "".join(self.parts).strip()
            links = "".join(self.link_parts).strip()
            # A line of links ("Tải về: PDF · CSV") says nothing about the page.
            if text and len(links) * 2 < len(text):
                self.done = True
            else:
                self.parts, self.link_parts = [], []

    def handle_data(self, data: str) -> None:
        if self.in_p and not self.done and not self.skip:
            self.parts.append(data)
            if self.in_a:
                self.link_parts.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split()) if self.done else ""


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """``text`` cut at a word boundary so it fits ``limit`` characters, with "…".

    >>> shorten("Một hai ba bốn", 9)
    'Một hai…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–-")
    return cut + "…"


def page_description(page: str) -> str:
    """The first paragraph of the page's article, shortened; "" when there is none."""
    article = _ARTICLE.search(page)
    if not article:
        return ""
    parser = _FirstParagraph()
    parser.feed(article.group(1))
    return shorten(parser.text())


def describe_pages(site: Path, site_description: str) -> int:
    """Give each page whose description is the site's its own; return how many changed."""
    site_value = html.escape(site_description)
    changed = 0
    for path in sorted(site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        meta = _META.search(page)
        if not meta or meta.group(1) != site_value:
            continue  # no description, or the page's own from its front matter
        own = page_description(page)
        if not own:
            continue
        value = html.escape(own)
        page = (
            page[: meta.start()]
            + f'<meta name="description" content="{value}">'
            + page[meta.end() :]
        )
        # The shared link's summary (Open Graph) says the same as the page's.
        page = page.replace(
            f'<meta property="og:description" content="{site_value}">',
            f'<meta property="og:description" content="{value}">',
            1,
        )
        path.write_text(page, encoding="utf-8")
        changed += 1
    return changed


OFFLINE_HERE = "bạn đang đọc bản này"


def offline_home(page: str, zip_path: str) -> str:
    """The home page as the offline copy shows it: the zip link becomes plain text.

    The copy is unpacked from that zip, which it does not contain, so the link
    would be the one broken link of the offline site.

    >>> offline_home('<li><a href="tai-ve/x.zip" download>Bản ngoại tuyến</a> — giải nén</li>',
    ...              "tai-ve/x.zip")
    '<li><strong>Bản ngoại tuyến</strong> (bạn đang đọc bản này) — giải nén</li>'
    """
    link = re.compile(r'<a href="' + re.escape(zip_path) + r'"[^>]*>(.*?)</a>', re.S)
    return link.sub(lambda m: f"<strong>{m.group(1)}</strong> ({OFFLINE_HERE})", page)
