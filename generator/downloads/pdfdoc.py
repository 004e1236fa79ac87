"""How an outline looks on paper: two looks, one renderer.

An outline is a list of :class:`Block` (what it says, from :mod:`.outlines`);
:class:`OutlinePdf` draws them in a :class:`Look`:

- :data:`ADMIN` (the default, ``documents.outline_style: hanh-chinh``): the
  administrative format of Nghị định 30/2020/NĐ-CP — A4, margins 20 mm top and
  bottom, 30 mm left, 15 mm right, Liberation Serif (the metrics of Times New
  Roman, every Vietnamese letter, SIL OFL 1.1, vendored) at 13 pt, black, page
  numbers centred in the top margin from page 2;
- :data:`MODERN` (``hien-dai``): the site's look — Be Vietnam Pro, green
  headings, 20 mm margins, a running header and "Trang x/y" at the foot.

YAML text is drawn with ``markdown=False``, and the total-pages alias ``{nb}``
is live only inside the footer, so no YAML text is ever markup.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from fpdf import FPDF, XPos, YPos
from fpdf.prefs import ViewerPreferences

from ..messages import documents as words
from . import qrcodes

RGB = tuple[int, int, int]
BLACK: RGB = (0, 0, 0)
PT = 25.4 / 72  # millimetres per point
SERIF = "Liberation Serif"
SANS = "Be Vietnam Pro"


def serif_files() -> dict[str, str]:
    """The vendored Liberation Serif, one file per style."""
    folder = resources.files("generator.downloads") / "fonts"
    names = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}
    return {style: str(folder / f"LiberationSerif-{name}.ttf") for style, name in names.items()}


def sans_files() -> dict[str, str]:
    folder = resources.files("fontpkg_be_vietnam_pro") / "files"
    names = {"": "Regular", "B": "Bold", "I": "Italic"}
    return {style: str(folder / f"BeVietnamPro-{name}.ttf") for style, name in names.items()}


@dataclass(frozen=True)
class Look:
    """Font, sizes, colours, margins and page furniture of a printed outline."""

    name: Literal["hanh-chinh", "hien-dai"]
    family: str
    body_pt: float
    line_mm: float
    title_pt: float
    heading_pt: float
    note_pt: float
    accent: RGB
    muted: RGB
    margins: tuple[float, float, float, float]  # left, top, right, bottom (mm)
    numbers_on_top: bool  # page number centred in the top margin from page 2 (Decree 30)

    def font_files(self) -> dict[str, str]:
        return serif_files() if self.family == SERIF else sans_files()


ADMIN = Look("hanh-chinh", SERIF, 13, 6.2, 15, 13.5, 11.5, BLACK, BLACK, (30, 20, 15, 20), True)
MODERN = Look(
    "hien-dai", SANS, 10.5, 5.4, 18, 13, 9, (27, 94, 32), (90, 90, 90), (20, 20, 20, 20), False
)
LOOKS = {look.name: look for look in (ADMIN, MODERN)}

_BOXES: dict[str, tuple[RGB, RGB]] = {  # status -> (fill, border) of the notice box
    "drafted": ((255, 243, 205), (199, 124, 0)),
    "local": ((227, 242, 253), (21, 101, 192)),
}


@dataclass(frozen=True)
class Block:
    """One piece of an outline; the writers decide how it looks."""

    kind: Literal["label", "title", "notice", "para", "heading", "section", "item", "note"]
    text: str
    lead: str = ""  # bold words before the text; a notice's title; a section's number
    depth: int = 0  # list nesting
    status: str = ""  # for notices: the topic status


def xmp(
    *, title: str, subject: str, author: str, keywords: str, when: datetime.datetime, tool: str
) -> str:
    """An XMP packet with the document's title, subject, author, language and dates."""
    from xml.sax.saxutils import escape as e

    stamp = when.isoformat(timespec="seconds")
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        f' xmp:CreateDate="{stamp}" xmp:ModifyDate="{stamp}" xmp:MetadataDate="{stamp}"'
        f' xmp:CreatorTool="{e(tool, {chr(34): "&quot;"})}"'
        f' pdf:Keywords="{e(keywords, {chr(34): "&quot;"})}">'
        "<dc:format>application/pdf</dc:format>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(title)}</rdf:li></rdf:Alt></dc:title>'
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
        f"{e(subject)}</rdf:li></rdf:Alt></dc:description>"
        f"<dc:creator><rdf:Seq><rdf:li>{e(author)}</rdf:li></rdf:Seq></dc:creator>"
        "<dc:language><rdf:Bag><rdf:li>vi-VN</rdf:li></rdf:Bag></dc:language>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    )


def describe(
    pdf: FPDF,
    *,
    title: str,
    subject: str,
    author: str,
    keywords: str,
    when: datetime.datetime,
    tool: str,
) -> None:
    """Title, subject, author, keywords, language vi-VN and the data's date, also as XMP."""
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_author(author)
    pdf.set_keywords(keywords)
    pdf.set_creator(tool)
    pdf.set_lang("vi-VN")
    pdf.set_creation_date(when)
    meta = {"title": title, "subject": subject, "author": author, "keywords": keywords}
    pdf.set_xmp_metadata(xmp(**meta, when=when, tool=tool))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)


class OutlinePdf(FPDF):
    """An outline on A4 in a :class:`Look`."""

    def __init__(self, look: Look, header_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.look = look
        self.header_text = header_text
        files = look.font_files()
        self.styles = set(files)
        for style, path in files.items():
            self.add_font(look.family, style, path)
        left, top, right, bottom = look.margins
        self.set_margins(left, top, right)
        self.set_auto_page_break(True, margin=bottom)
        if look.numbers_on_top:
            self.c_margin = 0
        self.alias_nb_pages("")  # live only inside footer(): YAML text "{nb}" stays text
        self.add_page()

    def header(self) -> None:
        look = self.look
        if look.numbers_on_top:
            if self.page_no() >= 2:
                with self.local_context(font_family=look.family, font_style="", font_size_pt=13):
                    self.set_text_color(*BLACK)
                    self.set_xy(self.l_margin, self.t_margin / 2 - 3)
                    self.cell(self.epw, 6, str(self.page_no()), align="C")
            self.set_xy(self.l_margin, self.t_margin)
            return
        self.alias_nb_pages("")
        with self.local_context(font_family=look.family, font_style="", font_size_pt=8):
            self.set_text_color(*look.muted)
            self.set_xy(self.l_margin, 10)
            text = self.header_text
            while self.get_string_width(text) > self.epw and len(text) > 1:
                text = text[:-2] + "…"
            self.cell(self.epw, 5, text)
            self.set_draw_color(*look.accent)
            self.set_line_width(0.3)
            self.line(self.l_margin, 15.5, self.w - self.r_margin, 15.5)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if self.look.numbers_on_top:
            return
        self.alias_nb_pages("{nb}")
        with self.local_context(font_family=self.look.family, font_style="", font_size_pt=8):
            self.set_text_color(*self.look.muted)
            self.set_y(-13)
            self.cell(0, 5, words.PAGE_OF.format(page=self.page_no()), align="C")

    def style(self, style: str = "", size: float | None = None, color: RGB = BLACK) -> None:
        if style not in self.styles:  # Be Vietnam Pro has no bold italic here
            style = style.replace("I", "")
        self.set_font(self.look.family, style, size or self.look.body_pt)
        self.set_text_color(*color)

    def block(self, text: str, style: str = "", size: float | None = None, **kw: Any) -> None:
        """Text across the full width; ``kw`` goes to multi_cell (color is the text colour)."""
        size = size or self.look.body_pt
        self.style(style, size, kw.pop("color", BLACK))
        kw.setdefault("align", "L")
        height = size * PT * 1.3 if self.look.numbers_on_top else size * 0.5
        self.multi_cell(0, height, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, markdown=False, **kw)

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` millimetres still fit on this one."""
        if self.will_page_break(height):
            self.add_page()

    def item(self, text: str, lead: str = "", marker: str = "", indent: float = 0) -> None:
        """A paragraph with a hanging indent after ``marker``; ``lead`` is printed in bold."""
        line = self.look.line_mm
        self.keep(line)
        left = self.l_margin
        self.set_x(left + indent)
        self.style("B" if marker[:1].isdigit() else "")
        if marker:
            self.cell(6, line, marker)
        self.set_left_margin(self.get_x())
        if lead:
            self.style("B")
            self.write(line, lead)
            self.style()
        self.write(line, text)
        self.ln(line + 0.8)
        self.set_left_margin(left)
        self.set_x(left)

    def render(self, blocks: list[Block]) -> None:
        look, line = self.look, self.look.line_mm
        admin = look.numbers_on_top
        for block in blocks:
            kind, text = block.kind, block.text
            if kind == "label":
                self.block(text, "I" if admin else "B", look.body_pt - 0.5, color=look.accent)
                self.ln(1)
            elif kind == "title":
                self.block(text.upper() if admin else text, "B", look.title_pt)
                self.ln(3)
            elif kind == "notice":
                fill, border = _BOXES[block.status]
                if admin:  # black on white prints on any office printer
                    fill, border = (255, 255, 255), BLACK
                self.set_fill_color(*fill)
                self.set_draw_color(*border)
                self.set_line_width(0.4)
                box: dict[str, Any] = {"fill": True, "border": "LTR", "padding": (2.5, 3, 1, 3)}
                self.block(block.lead, "B", color=border, **box)
                self.block(text, **(box | {"border": "LBR", "padding": (0, 3, 2.5, 3)}))
                self.ln(3)
            elif kind == "heading":
                self.keep(6.5 + 2 * line + 4)
                self.ln(2)
                self.block(text, "B", look.heading_pt, color=look.accent)
                self.ln(1.5)
            elif kind == "section":
                self.keep(2 * line + 2)
                self.item(text, marker=block.lead)
            elif kind == "item":
                marker = (
                    ("–" if block.depth else "•") if not admin else ("+" if block.depth else "-")
                )
                self.item(text, block.lead, marker, 6 * block.depth)
            elif kind == "note":
                self.ln(2)
                self.block(text, "I", look.note_pt, color=look.muted)
                self.ln(2)
            elif block.lead:
                self.ln(2)
                self.item(text, block.lead)
            else:
                self.block(text, align="J")
                self.ln(1)

    def qr(self, url: str, caption: str, size: float = 24.0) -> None:
        """The QR code of ``url`` with a caption and the address beside it, kept together."""
        self.keep(size + 2)
        self.ln(2)
        top = self.get_y()
        qrcodes.draw(self, url, self.l_margin - 2.5, top, size)  # quiet zone may sit in the margin
        self.set_xy(self.l_margin + size, top + 6)
        self.style("I", self.look.note_pt)
        self.multi_cell(
            self.epw - size, self.look.note_pt * PT * 1.4, f"{caption}\n{url}", markdown=False
        )
        self.set_xy(self.l_margin, top + size)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
