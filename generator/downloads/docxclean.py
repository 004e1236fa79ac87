"""Word files that carry only what we put in them, byte for byte the same each build.

python-docx starts every document from its own template, which leaves traces an
office notices ("python-docx" as author, "Microsoft Macintosh Word" as the
program, a 2013 date, a thumbnail of a blank page, an empty bibliography store,
a Word 2010 copy of the styles, revision ids) and its zip entries carry the time
of saving. :func:`set_properties` fills the core properties from the data (title,
subject, author = the organiser, language vi-VN, dates from the data, never the
clock); :func:`clean` then drops the leftovers and writes the zip with fixed
timestamps, in a fixed order.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape

from docx.document import Document
from lxml import etree  # type: ignore[import-untyped]

from ..reproducible import zip_entry

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
APPLICATION = "ntm-handbook"

DROPPED_PARTS = frozenset(
    {
        "docProps/thumbnail.jpeg",
        "word/stylesWithEffects.xml",
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
        "customXml/_rels/item1.xml.rels",
    }
)
DROPPED_RELATIONS = frozenset(
    {
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
    }
)
MAX_PROPERTY = 255
"""Word keeps at most this many characters of a core property."""


def _clip(text: str) -> str:
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1] + "…"


def set_properties(
    document: Document,
    *,
    title: str,
    subject: str,
    author: str,
    keywords: str,
    when: datetime.datetime,
) -> None:
    """Core properties from the data; ``when`` is written as UTC (python-docx does not convert)."""
    props = document.core_properties
    props.title, props.subject = _clip(title), _clip(subject)
    props.author, props.keywords = _clip(author), _clip(keywords)
    props.language, props.revision = "vi-VN", 1
    props.comments = props.category = props.last_modified_by = ""
    utc = when.astimezone(datetime.UTC).replace(tzinfo=None) if when.tzinfo else when
    props.created = props.modified = utc


def _xml(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _core(raw: bytes) -> bytes:
    """Keep what was set; drop the empty elements (lastModifiedBy, category, …)."""
    root = etree.fromstring(raw)
    for element in list(root):
        if not (element.text or "").strip():
            root.remove(element)
    return _xml(root)


def _app() -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/docPropsVTypes"><Application>{escape(APPLICATION)}</Application>'
        "<DocSecurity>0</DocSecurity></Properties>"
    ).encode()


def _settings(raw: bytes) -> bytes:
    """No preview picture, revision ids or document id; Vietnamese number separators."""
    root = etree.fromstring(raw)
    names = {"w": W, "w14": W14}
    for path in ("w:savePreviewPicture", "w:rsids", "w14:docId", "w:proofState"):
        for element in root.findall(path, names):
            root.remove(element)
    theme = root.find("w:themeFontLang", names)
    if theme is not None:
        theme.attrib.clear()
        theme.set(f"{{{W}}}val", "vi-VN")
    for tag, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        element = root.find(f"w:{tag}", names)
        if element is not None:
            element.set(f"{{{W}}}val", value)
    return _xml(root)


def _relations(raw: bytes) -> bytes:
    root = etree.fromstring(raw)
    for relation in list(root):
        if relation.get("Type") in DROPPED_RELATIONS:
            root.remove(relation)
    return _xml(root)


def _content_types(raw: bytes, names: set[str]) -> bytes:
    root = etree.fromstring(raw)
    extensions = {name.rsplit(".", 1)[-1].lower() for name in names}
    for element in list(root):
        if element.tag == f"{{{CT}}}Override":
            if str(element.get("PartName")).lstrip("/") not in names:
                root.remove(element)
        elif str(element.get("Extension")).lower() not in extensions:
            root.remove(element)  # jpeg, once the thumbnail is gone
    return _xml(root)


def clean(raw: bytes, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The saved document without template leftovers, zipped reproducibly.

    ``edit(name, data)`` may change a part on the way (a writer's own additions).
    """
    with zipfile.ZipFile(io.BytesIO(raw)) as source:
        parts = {n: source.read(n) for n in source.namelist() if n not in DROPPED_PARTS}
    for name in parts:
        if name.endswith(".rels"):
            parts[name] = _relations(parts[name])
    parts["docProps/core.xml"] = _core(parts["docProps/core.xml"])
    parts["docProps/app.xml"] = _app()
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"])
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"], set(parts))
    first = ["[Content_Types].xml", "_rels/.rels"]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in first + sorted(set(parts) - set(first)):
            data = edit(name, parts[name]) if edit else parts[name]
            target.writestr(zip_entry(name), data, compresslevel=9)
    return out.getvalue()
