"""Stage 5b, render downloads: the Atom feed of announcements.

Written with ElementTree, so every title and summary is escaped as XML text;
dates come from the posts, so the feed is the same for the same content.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import paths
from ..content.catalogue import Catalogue
from ..content.pages import News
from ..reproducible import local_stamp

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(catalogue: Catalogue, news: list[News]) -> bytes:
    """An Atom 1.0 feed of the posts, newest first, with absolute links."""
    ET.register_namespace("", ATOM)
    config = catalogue.config
    base = config.site_url.rstrip("/") + "/"
    posts = sorted(news, key=lambda n: (n.post.date, n.slug), reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = base + paths.NEWS_FEED
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{config.site_name} – Tin tức"
    newest = posts[0].post.date if posts else config.data_as_of
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = local_stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": base + paths.NEWS_FEED})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": base + paths.html(paths.NEWS_INDEX)})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = catalogue.current_plan.issuer
    for item in posts:
        link = base + paths.html(paths.news_page(item.slug))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = link
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item.post.title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = local_stamp(item.post.date)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": link})
        if item.post.summary:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = item.post.summary
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def robots_txt(catalogue: Catalogue) -> bytes:
    """Every page may be indexed; the sitemap MkDocs writes lists them."""
    base = catalogue.config.site_url.rstrip("/") + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}{paths.SITEMAP}\n".encode()
