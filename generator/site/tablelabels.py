"""A Markdown extension: each table cell carries its column's heading.

``<td data-label="Tỷ lệ">`` lets the phone stylesheet show a table row as a
card ("Tỷ lệ: 94,1%") without sideways scrolling (see ``.hb-cards`` in
``handbook.css``). The label is the heading's plain text; the browser shows it
through CSS ``attr()``, which never parses it as markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

# Raw HTML waits in Markdown's stash as STX…ETX placeholders until the end.
_STASHED = re.compile("\x02[^\x03]*\x03")


def _text(element: ET.Element) -> str:
    return " ".join(_STASHED.sub("", "".join(element.itertext())).split())


class _Labels(Treeprocessor):  # type: ignore[misc]
    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [_text(th) for th in head.findall("th")]
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row.findall("td"), strict=False):
                    if label:
                        cell.set("data-label", label)


class TableLabels(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:
        # After the tables (and md_in_html) are built, before inline HTML returns.
        md.treeprocessors.register(_Labels(md), "handbook-table-labels", 5)


def makeExtension(**kwargs: object) -> TableLabels:
    return TableLabels(**kwargs)
