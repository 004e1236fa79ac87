"""Reports as offices file them: XLSX, CSV, JSON and a printable PDF.

The same rows as the report pages (:mod:`generator.content.reports`): one line
per organising level for a year, one per year for the period, a totals line,
and for the period the people trained against the targets. The XLSX is laid
out as a report table — title, unit, period, header rows, totals, a signature
block with placeholders, A4 landscape print setup with the header row repeated
and an autofilter — in Times New Roman, as offices' documents are. The PDF and
DOCX, in the administrative format, are in :mod:`.reportdocs`.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Border, Font, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from .. import messages
from ..content.catalogue import Catalogue
from ..content.progress import ProgressRow
from ..content.reports import PeriodReport, ReportRow, YearReport
from ..reproducible import fixed_zip, vn_date
from .opendata import Value

Report = YearReport | PeriodReport

YEAR_COLUMNS = (
    "label",
    "classes_planned",
    "classes_held",
    "study_tours",
    "from_aggregates",
    "classes_cancelled",
    "classes_to_come",
    "participants_planned",
    "turns",
    "persons",
    "persons_estimated",
    "budget_planned",
    "budget_spent",
    "classes_percent",
    "persons_percent",
)
PERIOD_COLUMNS = ("year", *YEAR_COLUMNS[1:])
PROGRESS_COLUMNS = (
    "Nhóm đối tượng",
    "Số người cần tập huấn",
    "Đã tập huấn (người)",
    "Trong đó: ước tính",
    "Tỷ lệ (%)",
    "Mục tiêu (%)",
    "Đánh giá",
)
SERIF = "Times New Roman"


def columns(report: Report) -> tuple[str, ...]:
    return YEAR_COLUMNS if isinstance(report, YearReport) else PERIOD_COLUMNS


def _value(row: ReportRow, key: str) -> Value:
    if key == "year":
        return row.label
    value = getattr(row, key)
    if isinstance(value, float):
        return round(value, 1)
    return value  # type: ignore[no-any-return]


def title(report: Report) -> str:
    plan = report.plan
    if isinstance(report, YearReport):
        return f"{messages.year_report_title(report.year)} – {plan.short_title}"
    years = messages.period_report_title(plan.period.start.year, plan.period.end.year)
    return f"{years} – {plan.short_title}"


def table(report: Report) -> tuple[list[str], list[list[Value]]]:
    """Headers and rows (the totals row last) for CSV and JSON."""
    keys = columns(report)
    headers = [messages.REPORT_COLUMNS[k] for k in keys]
    rows = [[_value(row, k) for k in keys] for row in report.rows]
    total = report.total
    total.label = messages.TOTAL
    rows.append([messages.TOTAL if k in ("label", "year") else _value(total, k) for k in keys])
    return headers, rows


def progress_rows(rows: list[ProgressRow]) -> list[list[Value]]:
    found: list[list[Value]] = []
    for row in rows:
        verdict = None if row.met is None else (messages.MET if row.met else messages.NOT_MET)
        found.append(
            [
                row.group.name,
                row.denominator,
                row.persons,
                row.estimated or None,
                None if row.percent is None else round(row.percent, 1),
                row.target.percent if row.target else None,
                verdict,
            ]
        )
    return found


# --- XLSX ----------------------------------------------------------------------------


def workbook(report: Report, catalogue: Catalogue) -> bytes:
    """The report as one sheet laid out for printing and signing."""
    book = Workbook()
    ws = book.active
    ws.title = "Báo cáo"
    headers, rows = table(report)
    width = len(headers)
    docs = catalogue.config.documents
    bold = Font(name=SERIF, bold=True, size=13)
    plain = Font(name=SERIF, size=12)
    italic = Font(name=SERIF, italic=True, size=12)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def line(row: int, text: str, font: Font) -> None:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = ws.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, centre

    line(1, (docs.issuing_body or catalogue.config.site_name).upper(), bold)
    line(2, title(report).upper(), bold)
    line(
        3, f"Đơn vị: {catalogue.config.province} · Số liệu đến ngày {vn_date(report.as_of)}", italic
    )
    line(
        4,
        f"Kỳ: {report.plan.period.start.year}–{report.plan.period.end.year}"
        " · Đơn vị tính: lớp, người, đồng",
        italic,
    )
    head_row = 6
    for column, header in enumerate(headers, start=1):
        cell = ws.cell(row=head_row, column=column, value=header)
        cell.font, cell.alignment, cell.border = Font(name=SERIF, bold=True, size=11), centre, box
    for offset, values in enumerate(rows, start=1):
        last = offset == len(rows)
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=head_row + offset, column=column, value=value)
            cell.font = Font(name=SERIF, bold=last, size=11)
            cell.border = box
            if isinstance(value, str):
                cell.data_type = "s"  # text is text, never a formula
            elif isinstance(value, int) and value >= 1000:
                cell.number_format = "#,##0"
    end = head_row + len(rows)
    ws.auto_filter.ref = f"A{head_row}:{get_column_letter(width)}{end - 1}"
    ws.freeze_panes = ws.cell(row=head_row + 1, column=2)
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left, ws.page_margins.right = 30 / 25.4, 15 / 25.4
    ws.page_margins.top = ws.page_margins.bottom = 20 / 25.4
    ws.column_dimensions["A"].width = 24
    for column in range(2, width + 1):
        ws.column_dimensions[get_column_letter(column)].width = 13
    ws.row_dimensions[head_row].height = 48
    row = end + 2
    if isinstance(report, PeriodReport):
        row = _progress_block(ws, report, row, box)
    sign = docs.signature
    for offset, (text, font) in enumerate(
        [
            ((sign.on_behalf or "……").upper(), plain),
            ((sign.title or "……").upper(), Font(name=SERIF, bold=True, size=12)),
            ("(Ký, ghi rõ họ tên, đóng dấu)", italic),
        ]
    ):
        ws.merge_cells(
            start_row=row + offset, start_column=width - 4, end_row=row + offset, end_column=width
        )
        cell = ws.cell(row=row + offset, column=width - 4, value=text)
        cell.font, cell.alignment = font, centre
    cell = ws.cell(row=row + 6, column=width - 4, value=sign.name or "……")
    cell.font = Font(name=SERIF, bold=True, size=12)
    ws.merge_cells(start_row=row + 6, start_column=width - 4, end_row=row + 6, end_column=width)
    cell.alignment = centre
    _document_properties(book, report, catalogue)
    return _save(book)


def _progress_block(ws: Any, report: PeriodReport, row: int, box: Border) -> int:
    ws.cell(row=row, column=1, value="So với mục tiêu của kế hoạch").font = Font(
        name=SERIF, bold=True, size=12
    )
    row += 1
    for column, header in enumerate(PROGRESS_COLUMNS, start=1):
        cell = ws.cell(row=row, column=column, value=header)
        cell.font, cell.border = Font(name=SERIF, bold=True, size=11), box
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for values in progress_rows(report.progress.totals):
        row += 1
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=column, value=value)
            cell.font, cell.border = Font(name=SERIF, size=11), box
            if isinstance(value, str):
                cell.data_type = "s"
    return row + 3


def _document_properties(book: Any, report: Report, catalogue: Catalogue) -> None:
    moment = datetime.datetime.combine(catalogue.config.data_as_of, datetime.time())
    props = book.properties
    props.created = props.modified = moment
    props.creator = props.lastModifiedBy = (
        catalogue.config.documents.issuing_body or catalogue.config.site_name
    )
    props.title = title(report)
    props.language = "vi-VN"


def _save(book: Any) -> bytes:
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() stamps "modified" with the clock.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue())
