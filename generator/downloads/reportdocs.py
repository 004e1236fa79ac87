"""Reports as an office prints, signs and files them: PDF and DOCX.

The same rows as the report pages and the XLSX (:mod:`.reports`), on A4
landscape in the administrative format — the PDF with :mod:`.officedoc`, the
editable Word file with :mod:`.officeword` — with the header block, the table
(the totals in bold), for the period the people trained against the targets,
and the signature block. Between the recipients and the signature, a small QR
code with its address leads to the report page online, whose figures are kept
up to date.
"""

from __future__ import annotations

from fpdf import FontFace

from .. import messages, paths
from ..content.catalogue import Catalogue
from ..content.reports import PeriodReport, YearReport
from ..messages import documents as words
from ..reproducible import vn_date
from .officedoc import OfficePdf
from .officeword import OfficeWord
from .opendata import Value
from .pdfdoc import SERIF
from .reports import PROGRESS_COLUMNS, Report, columns, progress_rows, table, title

MONEY = {"budget_planned", "budget_spent"}
PROGRESS = "So với mục tiêu của kế hoạch"


def _intro(report: Report) -> str:
    plan = report.plan
    issued = messages.plan_reference(plan.number, vn_date(plan.date) if plan.date else None)
    return (
        f"Theo {plan.title} ({issued}). "
        f"Số liệu đến ngày {vn_date(report.as_of)}; số người là số người học lần đầu trong kỳ "
        "(số ước tính từ lượt học viên được ghi riêng)."
    )


def _widths(report: Report) -> tuple[int, ...]:
    return tuple(
        26 if i == 0 else 21 if key in MONEY else 13 for i, key in enumerate(columns(report))
    )


def page_url(report: Report, catalogue: Catalogue) -> str:
    """The report's page online, which the QR code opens."""
    plan_id = report.plan.id
    page = (
        paths.year_report(plan_id, report.year)
        if isinstance(report, YearReport)
        else paths.period_report(plan_id)
    )
    return paths.absolute(catalogue.config.site_url, page)


def shown(value: Value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return str(value)


def report_pdf(report: Report, catalogue: Catalogue) -> bytes:
    """The report in the administrative format: A4 landscape, header and signature blocks."""
    doc = OfficePdf(catalogue, title=title(report), subject=report.plan.title, landscape=True)
    doc.add_page()
    doc.heading_block(catalogue, report.as_of, None)
    doc.title_block(words.REPORT_KIND, title(report))
    doc.paragraph(_intro(report))
    headers, rows = table(report)
    doc.set_font(SERIF, "", 9)
    with doc.table(
        col_widths=_widths(report),
        text_align=("LEFT", *(["RIGHT"] * (len(headers) - 1))),
        **doc.table_style(),
    ) as grid:
        grid.row(list(headers))
        for index, values in enumerate(rows, start=1):
            bold = FontFace(emphasis="BOLD") if index == len(rows) else None  # the totals
            grid.row([shown(v) for v in values], style=bold)
    if isinstance(report, PeriodReport):
        doc.ln(4)
        doc.paragraph(PROGRESS, style="B")
        doc.set_font(SERIF, "", 10.5)
        with doc.table(
            text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "LEFT"),
            **doc.table_style(),
        ) as grid:
            grid.row(list(PROGRESS_COLUMNS))
            for values in progress_rows(report.progress.totals):
                grid.row([shown(v) for v in values])
    doc.signature_block(catalogue, qr=(page_url(report, catalogue), words.QR_REPORT))
    return doc.to_bytes()


def report_docx(report: Report, catalogue: Catalogue) -> bytes:
    """The report as a Word file (A4 landscape, Times New Roman) to number, edit and sign."""
    doc = OfficeWord(catalogue, title=title(report), subject=report.plan.title, landscape=True)
    doc.heading_block(report.as_of)
    doc.title_block(words.REPORT_KIND, title(report))
    doc.para(_intro(report))
    headers, rows = table(report)
    widths = _widths(report)
    scale = doc.text_mm / sum(widths)
    doc.table(
        headers,
        [[shown(v) for v in values] for values in rows],
        tuple(w * scale for w in widths),
        size=9,
        right=set(range(1, len(headers))),
        bold_rows={len(rows) - 1},
    )
    if isinstance(report, PeriodReport):
        doc.para(PROGRESS, bold=True)
        progress = [[shown(v) for v in values] for values in progress_rows(report.progress.totals)]
        share = doc.text_mm / 9
        doc.table(
            PROGRESS_COLUMNS,
            progress,
            (share * 2.5, *[share] * 5, share * 1.5),
            size=10.5,
            right={1, 2, 3, 4, 5},
        )
    doc.signature_block(qr=(page_url(report, catalogue), words.QR_REPORT))
    return doc.to_bytes()
