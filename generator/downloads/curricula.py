"""Stage 5b, render downloads: a level's curriculum, in the administrative format.

An office files a curriculum with its plan, so it is laid out as the documents
of Nghị định 30/2020/NĐ-CP (:mod:`.officedoc`): the issuing body, the national
name and motto, place and date, then the title, the topics in framework order
with their length and audiences, the total, and a QR code to the page online.
"""

from __future__ import annotations

from fpdf import FontFace

from .. import messages, paths
from ..content.catalogue import Catalogue
from ..content.derive import Curriculum
from ..messages import documents as words
from ..site.pagemeta import shorten
from .officedoc import BODY_PT, OfficePdf
from .outlines import as_of, reference
from .pdfdoc import SERIF

CELL_LIMIT = 900
"""Characters of audience names in one table cell: well under a page at 11.5 pt."""


def curriculum_pdf(curriculum: Curriculum, catalogue: Catalogue) -> bytes:
    """A level's curriculum: its topics in order, with duration and audiences, and the total."""
    title = f"{words.CURRICULUM_KIND} {curriculum.level.name.lower()}"
    plan = curriculum.plan or catalogue.current_plan
    doc = OfficePdf(catalogue, title=title, subject=plan.title)
    doc.add_page()
    doc.heading_block(catalogue, catalogue.config.data_as_of, None, numbered=False)
    doc.title_block(words.CURRICULUM_KIND, words.curriculum_for(curriculum.level.name))
    doc.paragraph(f"Theo {plan.title} ({reference(plan)}).", style="I", size=12)
    doc.set_font(SERIF, "", 11.5)
    unit = messages.HALF_DAY_UNIT
    bold = FontFace(emphasis="BOLD")
    with doc.table(
        col_widths=(12, 73, 22, 58),
        text_align=("CENTER", "LEFT", "CENTER", "LEFT"),
        **doc.table_style(),
    ) as table:
        table.row(list(words.CURRICULUM_HEADERS))
        for number, item in enumerate(curriculum.items, 1):
            row = table.row()
            row.cell(str(number))
            row.cell(f"{item.topic.label}. {item.topic.title}")
            row.cell(f"{item.topic.duration} {unit}")
            # A cell taller than a page cannot be drawn: long lists are cut (the page
            # online lists every audience).
            row.cell(shorten("; ".join(a.name for a in item.audiences), CELL_LIMIT) or "—")
        total = table.row()
        total.cell(messages.TOTAL, colspan=2, align="RIGHT", style=bold)
        total.cell(f"{curriculum.half_days} {unit}", style=bold)
        total.cell("")
    doc.ln(3)
    count = len(curriculum.items)
    doc.paragraph(f"Tổng: {curriculum.half_days} {unit} ({count} chuyên đề).", size=BODY_PT)
    doc.paragraph(as_of(catalogue), style="I", size=11.5)
    url = paths.absolute(catalogue.config.site_url, paths.curriculum_page(curriculum.level.id))
    if doc.will_page_break(36):
        doc.add_page()
    doc.qr(url, words.QR_CURRICULUM, doc.l_margin - 2.5, doc.get_y() + 2, beside=120)
    return doc.to_bytes()
