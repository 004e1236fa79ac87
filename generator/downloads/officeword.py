"""Documents an office files or signs, in the administrative format (DOCX).

The Word twin of :mod:`.officedoc`: the page, fonts and page numbers of a
:class:`.worddoc.WordDoc` in the administrative look, with the header block
(issuing body, the national name and motto with their rules, number, place and
date), the title block, numbered headings, tables, QR codes with their address,
and the signature block with the recipients ("Nơi nhận") — from ``documents:``
in ``site_config.yml``, dotted placeholders where it is not set. Office staff
edit the file, add the number and sign.
"""

from __future__ import annotations

import datetime
import io

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..content.catalogue import Catalogue
from ..messages import documents as words
from ..reproducible import moment, vn_long_date
from . import qrcodes
from .pdfdoc import ADMIN
from .worddoc import WordDoc, element

DOTS = words.DOTS
MOTTO_MM = 56.2
"""Width of the motto in Times New Roman 13 pt bold: the rule under it is as long."""
ISSUER_RULE_MM = 25.0
Line = tuple[str, bool, bool, float]  # text, bold, italic, size


class OfficeWord(WordDoc):
    """A Word document on A4 in the administrative format, portrait or landscape."""

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        title: str,
        subject: str,
        author: str | None = None,
        landscape: bool = False,
        when: datetime.date | None = None,
    ) -> None:
        config = catalogue.config
        super().__init__(
            ADMIN,
            title=title,
            subject=subject,
            author=author or config.documents.issuing_body or config.site_name,
            keywords=f"{config.site_name}; {config.province}",
            when=moment(when or config.data_as_of),
        )
        self.catalogue = catalogue
        self.doc.styles["Normal"].font.size = Pt(13)
        section = self.doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        left, _, right, _ = ADMIN.margins
        self.text_mm = (297 if landscape else 210) - left - right

    # --- building blocks ----------------------------------------------------------

    def _grid(self, rows: int, widths: tuple[float, ...], *, borders: bool = False) -> Table:
        """A table of fixed column widths (the grid LibreOffice follows, and each cell).

        Without borders it only places blocks side by side: no cell padding either.
        """
        table: Table = self.doc.add_table(rows=rows, cols=len(widths))
        if borders:
            table.style = self.doc.styles["Table Grid"]
        else:
            sides = [element(f"w:{s}", w="0", type="dxa") for s in ("left", "right")]
            table._tbl.tblPr.append(element("w:tblCellMar", *sides))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)
        return table

    def _lines(self, cell: _Cell, lines: list[Line], align: WD_ALIGN_PARAGRAPH) -> list[Paragraph]:
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        made = []
        for text, bold, italic, size in lines:
            paragraph = cell.add_paragraph()
            paragraph.alignment = align
            paragraph.paragraph_format.space_after = Pt(0)
            self.run(paragraph, text, bold=bold, italic=italic, size=size)
            made.append(paragraph)
        return made

    def _rule(self, cell: _Cell, width: float, length: float) -> None:
        """A centred rule ``length`` mm long, as a paragraph border of an empty line."""
        paragraph = cell.add_paragraph()
        indent = Mm(max(0.0, (width - length) / 2))
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = indent
        fmt.space_before, fmt.space_after = Pt(3), Pt(2)
        self.run(paragraph, "", size=2)
        top = element("w:top", val="single", sz="6", space="1", color="000000")
        paragraph._p.get_or_add_pPr().append(element("w:pBdr", top))

    def heading_block(
        self, day: datetime.date, *, suffix: str | None = None, numbered: bool = True
    ) -> None:
        """Issuing body and number (left); the nation, the motto, place and date (right)."""
        docs = self.catalogue.config.documents
        left = 72.0 if self.text_mm < 200 else 100.0
        widths = (left, self.text_mm - left)
        head = self._grid(2, widths)
        centre = WD_ALIGN_PARAGRAPH.CENTER
        top_left, top_right = head.rows[0].cells
        self._lines(
            top_left,
            [
                ((docs.parent_body or DOTS).upper(), False, False, 13),
                ((docs.issuing_body or DOTS).upper(), True, False, 13),
            ],
            centre,
        )
        self._rule(top_left, widths[0], ISSUER_RULE_MM)
        self._lines(
            top_right, [(words.NATION, True, False, 12.5), (words.MOTTO, True, False, 13)], centre
        )
        self._rule(top_right, widths[1], MOTTO_MM)
        number = f"Số: {DOTS}/{suffix or docs.number_suffix or DOTS}" if numbered else ""
        place = f"{docs.place or DOTS}, {vn_long_date(day)}"
        self._lines(head.rows[1].cells[0], [(number, False, False, 13)], centre)
        self._lines(head.rows[1].cells[1], [(place, False, True, 13)], centre)

    def title_block(self, kind: str, summary: str, under: str = "") -> None:
        """The kind ("BÁO CÁO") and summary, centred and bold; ``under`` in italics below."""
        lines = [(kind.upper(), True, False), (summary, True, False)]
        if under:
            lines.append((under, False, True))
        for index, (text, bold, italic) in enumerate(lines):
            paragraph = self.doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt = paragraph.paragraph_format
            fmt.space_before = Pt(18 if index == 0 else 0)
            fmt.space_after = Pt(12 if index == len(lines) - 1 else 0)
            fmt.keep_with_next = True
            self.run(paragraph, text, bold=bold, italic=italic, size=14 if bold else 13)

    def para(
        self, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None
    ) -> Paragraph:
        """A body paragraph: justified, first line indented; a bold one is a heading."""
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Mm(12.7)
        fmt.space_after = Pt(6)
        fmt.keep_with_next = bold
        self.run(paragraph, text, bold=bold, italic=italic, size=size)
        return paragraph

    def table(
        self,
        headers: tuple[str, ...] | list[str],
        rows: list[list[str]] | list[tuple[str, ...]],
        widths: tuple[float, ...],
        *,
        size: float = 12,
        right: set[int] | frozenset[int] = frozenset(),
        centre: set[int] | frozenset[int] = frozenset(),
        bold_rows: set[int] | frozenset[int] = frozenset(),
    ) -> Table:
        """A ruled table; the header row repeats on every page. ``right``, ``centre``: columns."""
        table = self._grid(1 + len(rows), widths, borders=True)
        header = table.rows[0]._tr.get_or_add_trPr()
        header.append(element("w:tblHeader"))
        for r, values in enumerate([tuple(headers), *rows]):
            for c, value in enumerate(values):
                paragraph = table.cell(r, c).paragraphs[0]
                if r == 0 or c in centre:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif c in right:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if value:  # an empty cell stays empty, so merging it adds no line
                    bold = r == 0 or (r - 1) in bold_rows
                    self.run(paragraph, value, bold=bold, size=size)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)
        return table

    def qr_codes(self, *codes: tuple[str, str], size: float = 22.0) -> None:
        """QR codes side by side, each ``(url, caption)`` with the address printed under it."""
        width = self.text_mm / len(codes)
        grid = self._grid(1, (width,) * len(codes))
        grid.rows[0]._tr.get_or_add_trPr().append(element("w:cantSplit"))
        for cell, (url, caption) in zip(grid.rows[0].cells, codes, strict=True):
            picture = cell.paragraphs[0]
            picture.paragraph_format.space_before = Pt(12)
            picture.add_run().add_picture(io.BytesIO(qrcodes.png(url)), width=Mm(size))
            for text in (caption, url):
                line = cell.add_paragraph()
                line.paragraph_format.space_after = Pt(0)
                self.run(line, text, italic=True, size=10)

    def signature_block(self, qr: tuple[str, str] | None = None) -> None:
        """Recipients (left) and who signs (right); in landscape a QR code between them."""
        docs = self.catalogue.config.documents
        sign = docs.signature
        middle = 0.0 if qr is None else self.text_mm - 160.0
        widths = (80.0, middle, 80.0) if middle else (self.text_mm - 85.0, 85.0)
        grid = self._grid(1, widths)
        cells = grid.rows[0].cells
        recipients: list[Line] = [(words.RECIPIENTS, True, True, 12)]
        items = [*(docs.recipients or [DOTS]), words.FILED]
        recipients += [(f"- {item}", False, False, 11) for item in items]
        self._lines(cells[0], recipients, WD_ALIGN_PARAGRAPH.LEFT)
        signer: list[Line] = [
            ((sign.on_behalf or DOTS).upper(), True, False, 13),
            ((sign.title or DOTS).upper(), True, False, 13),
            *[("", False, False, 13)] * 4,
            (sign.name or DOTS, True, False, 13),
        ]
        self._lines(cells[-1], signer, WD_ALIGN_PARAGRAPH.CENTER)
        for row in grid.rows:
            row._tr.get_or_add_trPr().append(element("w:cantSplit"))
        if qr is not None:
            url, caption = qr
            paragraph = cells[1].paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run().add_picture(io.BytesIO(qrcodes.png(url)), width=Mm(20))
            for text in (caption, url):
                line = cells[1].add_paragraph()
                line.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.run(line, text, italic=True, size=9)
