"""Documents an office files or signs, in the administrative format (PDF).

Nghị định 30/2020/NĐ-CP sets how Vietnamese administrative documents look: A4;
margins top and bottom 20 mm, left 30 mm, right 15 mm; a Times-like serif at
13–14 pt; page numbers centred in the top margin from page 2; a header block
(issuing body on the left, the national name and motto on the right, then the
number, place and date) and a signature block. :class:`OfficePdf` draws these
with Liberation Serif (SIL OFL 1.1, vendored in ``fonts/``), which has the
metrics of Times New Roman and covers every Vietnamese letter, embedded as a
subset. What is not configured in ``site_config.yml`` (``documents:``) is
printed as a dotted placeholder for the office to fill in by hand.
"""

from __future__ import annotations

import datetime
from typing import Any

from fpdf import FPDF, FontFace, XPos, YPos

from ..content.catalogue import Catalogue
from ..messages import documents as words
from ..reproducible import moment, vn_long_date
from . import qrcodes
from .pdfdoc import PT, SERIF, describe, serif_files

MARGINS = (30.0, 20.0, 15.0, 20.0)  # left, top, right, bottom (mm)
BODY_PT = 13.0
NATION, MOTTO, DOTS = words.NATION, words.MOTTO, words.DOTS
TOOL = "ntm-handbook"


class OfficePdf(FPDF):
    """A4 with the Decree-30 margins and page numbers centred in the top margin from page 2."""

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        title: str,
        subject: str,
        landscape: bool = False,
        author: str | None = None,
        when: datetime.date | None = None,
    ) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        left, top, right, bottom = MARGINS
        self.set_margins(left, top, right)
        self.set_auto_page_break(True, bottom)
        for style, path in serif_files().items():
            self.add_font(SERIF, style, path)
        self.c_margin = 0
        config = catalogue.config
        describe(
            self,
            title=title,
            subject=subject,
            author=author or config.documents.issuing_body or config.site_name,
            keywords=f"{config.site_name}; {config.province}",
            when=moment(when or config.data_as_of),
            tool=TOOL,
        )
        self.set_font(SERIF, "", BODY_PT)

    def header(self) -> None:
        if self.page_no() < 2:
            return
        with self.local_context(font_family=SERIF, font_style="", font_size_pt=13):
            self.set_xy(self.l_margin, self.t_margin / 2 - 3)
            self.cell(self.epw, 6, str(self.page_no()), align="C")
        self.set_xy(self.l_margin, self.t_margin)

    # --- building blocks ----------------------------------------------------------

    def centred(self, x: float, width: float, text: str, style: str = "", size: float = 13) -> None:
        self.set_font(SERIF, style, size)
        self.set_x(x)
        self.multi_cell(width, size * PT * 1.25, text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)

    def rule(self, centre: float, y: float, length: float) -> None:
        with self.local_context(line_width=0.3):
            self.line(centre - length / 2, y, centre + length / 2, y)

    def heading_block(
        self,
        catalogue: Catalogue,
        day: datetime.date,
        number: str | None,
        *,
        suffix: str | None = None,
        numbered: bool = True,
    ) -> None:
        """Issuing body and number (left); the nation, the motto, place and date (right).

        ``suffix`` is the kind and body after the number ("TB-VPĐP"); it defaults to
        the reports' ``number_suffix``; ``numbered=False`` leaves out "Số:".
        """
        docs = catalogue.config.documents
        left_w = 72.0 if self.w < self.h else 100.0
        x0, right_x = self.l_margin, self.l_margin + left_w
        right_w = self.epw - left_w
        top = self.get_y()
        self.centred(x0, left_w, (docs.parent_body or DOTS).upper(), "", 13)
        self.centred(x0, left_w, (docs.issuing_body or DOTS).upper(), "B", 13)
        left_rule = self.get_y() + 0.8
        self.rule(x0 + left_w / 2, left_rule, 25)
        self.set_y(top)
        self.centred(right_x, right_w, NATION, "B", 12.5)
        self.centred(right_x, right_w, MOTTO, "B", 13.5)
        self.set_font(SERIF, "B", 13.5)
        right_rule = self.get_y() + 0.8
        self.rule(right_x + right_w / 2, right_rule, self.get_string_width(MOTTO))
        y = max(left_rule, right_rule) + 3
        self.set_y(y)
        if numbered:
            suffix = suffix or docs.number_suffix or DOTS
            self.centred(x0, left_w, f"Số: {number or DOTS}/{suffix}", "", 13)
        self.set_y(y)
        place = docs.place or DOTS
        self.centred(right_x, right_w, f"{place}, {vn_long_date(day)}", "I", 13.5)
        self.ln(6)

    def title_block(self, kind: str, summary: str, under: str = "") -> None:
        """The document's kind ("BÁO CÁO") and summary, centred and bold, with a short rule.

        ``under`` (which plan a summary is of, say) is printed in italics above the rule.
        """
        self.centred(self.l_margin, self.epw, kind.upper(), "B", 14)
        inner = min(150.0, self.epw)
        self.centred(self.l_margin + (self.epw - inner) / 2, inner, summary, "B", 14)
        if under:
            self.centred(self.l_margin, self.epw, under, "I", 13)
        self.rule(self.l_margin + self.epw / 2, self.get_y() + 2, 40)
        self.ln(7)

    def paragraph(self, text: str, *, style: str = "", size: float = BODY_PT) -> None:
        self.set_font(SERIF, style, size)
        self.multi_cell(
            0,
            size * PT * 1.3,
            text,
            align="J",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            markdown=False,
        )
        self.ln(1.5)

    def signature_block(self, catalogue: Catalogue, qr: tuple[str, str] | None = None) -> None:
        """Recipients (left) and who signs (right), kept on one page.

        ``qr`` (address, caption) puts a small QR code between them, the caption and
        the address under it: there is room on a landscape page.
        """
        docs = catalogue.config.documents
        if self.will_page_break(48):
            self.add_page()
        self.ln(3)
        width = 80.0
        right_x = self.l_margin + self.epw - width
        top = self.get_y()
        if qr is not None:
            url, caption = qr
            middle_x, middle_w = self.l_margin + 75, self.epw - 75 - width - 5
            size = 20.0
            qrcodes.draw(self, url, middle_x + (middle_w - size) / 2, top - 2, size)
            self.set_xy(middle_x, top + size - 2)
            self.set_font(SERIF, "I", 9)
            self.multi_cell(middle_w, 3.8, f"{caption}\n{url}", align="C", markdown=False)
            self.set_y(top)
        sign = docs.signature
        self.centred(right_x, width, (sign.on_behalf or DOTS).upper(), "B", 13)
        self.centred(right_x, width, (sign.title or DOTS).upper(), "B", 13)
        self.ln(18)
        self.centred(right_x, width, sign.name or DOTS, "B", 13)
        self.set_xy(self.l_margin, top)
        self.set_font(SERIF, "BI", 12)
        self.cell(70, 5.5, words.RECIPIENTS, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(SERIF, "", 11)
        for item in [*(docs.recipients or [DOTS]), words.FILED]:
            self.multi_cell(70, 4.6, f"- {item}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def table_style(self) -> dict[str, Any]:
        """Settings for fpdf2's table(): bold headings repeated on every page, margin to margin.

        (fpdf2 centres a table on the page, not between the margins, so it is
        given the text width and aligned left.)
        """
        return {
            "width": self.epw,
            "align": "LEFT",
            "headings_style": FontFace(emphasis="BOLD"),
            "repeat_headings": 1,
            "line_height": 4.6,
            "padding": (0.8, 1.2),
            "v_align": "MIDDLE",
        }

    def qr(
        self, url: str, caption: str, x: float, y: float, size: float = 24.0, beside: float = 0
    ) -> None:
        """The QR code of ``url`` at (x, y), quiet zone included.

        With ``beside`` (mm) the caption and the address go to its right; else the
        caption alone is centred under it.
        """
        qrcodes.draw(self, url, x, y, size)
        self.set_font(SERIF, "I", 10)
        if beside:
            self.set_xy(x + size, y + 6)
            self.multi_cell(beside, 4.4, f"{caption}\n{url}", align="L", markdown=False)
        else:
            self.set_xy(x, y + size - 2)
            self.multi_cell(size, 4.2, caption, align="C", markdown=False)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
