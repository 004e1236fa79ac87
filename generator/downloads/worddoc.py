"""Word documents: the page, the fonts and the furniture every DOCX shares.

A :class:`WordDoc` is A4 in the margins of its look, one font for Latin,
East-Asian and complex scripts with the theme fonts removed (they win over named
fonts in Word), language vi-VN. In the administrative look the font is Times New
Roman (what office PCs have), black, with the page number centred in the header
from page 2; in the modern look it is Be Vietnam Pro with a running header and
"Trang x/y" at the foot. :meth:`WordDoc.to_bytes` writes clean metadata and a
reproducible zip (:mod:`.docxclean`).
"""

from __future__ import annotations

import datetime
import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from . import docxclean, qrcodes
from .pdfdoc import SANS, Block, Look

TIMES = "Times New Roman"
_STYLES = {"title": "Heading 1", "heading": "Heading 2", "section": "Heading 3"}
_STYLES["item"] = "List Bullet"
_BOXES = {"drafted": ("FFF3CD", "C77C00"), "local": ("E3F2FD", "1565C0")}


def font_name(look: Look) -> str:
    return SANS if look.family == SANS else TIMES


def set_fonts(rpr: BaseOxmlElement, name: str) -> None:
    """``name`` for Latin, East-Asian and complex scripts; drop theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def element(tag: str, *children: BaseOxmlElement, **attrs: str) -> BaseOxmlElement:
    made = OxmlElement(tag, {qn(f"w:{k}"): v for k, v in attrs.items()})
    made.extend(children)
    return made


def field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A simple field (PAGE, NUMPAGES) whose cached value is ``shown``."""
    run = element("w:r", element("w:t"))
    run[0].text = shown
    paragraph._p.append(element("w:fldSimple", run, instr=instruction))


# Lets Word pick a similar sans-serif face (e.g. Arial) where Be Vietnam Pro is missing.
_SANS_ENTRY = (
    f'<w:font w:name="{SANS}"><w:charset w:val="00"/><w:family w:val="swiss"/>'
    '<w:pitch w:val="variable"/></w:font></w:fonts>'
).encode()


class WordDoc:
    """A Word document in a look, with clean core properties from the data."""

    def __init__(
        self,
        look: Look,
        *,
        title: str,
        subject: str,
        author: str,
        keywords: str,
        when: datetime.datetime,
        header_text: str = "",
    ) -> None:
        self.look = look
        self.font = font_name(look)
        self.doc = docx.Document()
        styles = self.doc.styles
        for rpr in styles.element.iter(qn("w:rPr")):  # defaults and every style
            if rpr.find(qn("w:rFonts")) is not None or rpr.getparent().tag == qn("w:rPrDefault"):
                set_fonts(rpr, self.font)
            for lang in rpr.iterfind(qn("w:lang")):
                lang.set(qn("w:val"), "vi-VN")
        admin = look.numbers_on_top
        styles["Normal"].font.size = Pt(14 if admin else 11)
        for level, size in zip((1, 2, 3), (15, 14, 14) if admin else (None,) * 3, strict=True):
            heading = styles[f"Heading {level}"]
            heading.font.color.rgb = RGBColor(*look.accent)
            if size:
                heading.font.size = Pt(size)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        left, top, right, bottom = look.margins
        section.left_margin, section.top_margin = Mm(left), Mm(top)
        section.right_margin, section.bottom_margin = Mm(right), Mm(bottom)
        if admin:
            section.header_distance = Mm(10)
            section.different_first_page_header_footer = True  # page 1 has no number
            number = section.header.paragraphs[0]
            number.alignment = WD_ALIGN_PARAGRAPH.CENTER
            field(number, "PAGE", "2")
            section.first_page_header.is_linked_to_previous = False
        else:
            self.run(section.header.paragraphs[0], header_text, italic=True)
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for text, instruction in (("Trang ", "PAGE"), ("/", "NUMPAGES")):
                self.run(footer, text)
                field(footer, instruction)
        docxclean.set_properties(
            self.doc, title=title, subject=subject, author=author, keywords=keywords, when=when
        )

    def run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
    ) -> None:
        made = paragraph.add_run(text)
        made.bold = bold or None
        made.italic = italic or None
        made.font.name = self.font
        if size:
            made.font.size = Pt(size)
        set_fonts(made._r.get_or_add_rPr(), self.font)

    def render(self, blocks: list[Block]) -> None:
        admin = self.look.numbers_on_top
        for block in blocks:
            text, lead = block.text, block.lead
            if block.kind == "section":
                text, lead = f"{lead} {text}", ""
            elif block.kind == "notice":
                text = "\n" + text
            elif block.kind == "title" and admin:
                text = text.upper()
            style = "List Bullet 2" if block.depth else _STYLES.get(block.kind)
            paragraph = self.doc.add_paragraph(style=style)
            if admin and block.kind == "para" and not lead:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                paragraph.paragraph_format.first_line_indent = Mm(12.7)
            if lead:
                self.run(paragraph, lead, bold=True)
            italic = block.kind == "note" or (admin and block.kind == "label")
            self.run(paragraph, text, bold=block.kind == "label" and not admin, italic=italic)
            if block.kind == "notice":
                fill, border = _BOXES[block.status] if not admin else ("FFFFFF", "000000")
                sides = ("top", "left", "bottom", "right")
                edges = [
                    element(f"w:{s}", val="single", sz="8", space="4", color=border) for s in sides
                ]
                ppr = paragraph._p.get_or_add_pPr()
                ppr.append(element("w:pBdr", *edges))
                ppr.append(element("w:shd", val="clear", color="auto", fill=fill))

    def qr(self, url: str, caption: str) -> None:
        """The QR code of ``url`` (22 mm) with a caption and the address."""
        picture = self.doc.add_paragraph()
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(io.BytesIO(qrcodes.png(url)), width=Mm(22))
        self.run(self.doc.add_paragraph(), f"{caption} {url}", italic=True, size=10)

    def to_bytes(self) -> bytes:
        """Save, drop the template's leftovers, zip reproducibly; declare the sans font."""
        saved = io.BytesIO()
        self.doc.save(saved)

        def declare(name: str, data: bytes) -> bytes:
            if name == "word/fontTable.xml" and self.font == SANS:
                return data.replace(b"</w:fonts>", _SANS_ENTRY, 1)
            return data

        return docxclean.clean(saved.getvalue(), declare)
