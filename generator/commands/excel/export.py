"""``handbook excel export``: the project's courses, results and annual plans as one workbook.

Every sheet of :func:`~.layout.workbook_layout` gets a bold, frozen header row,
columns sized to their values, dropdowns (list validations reading the "Danh
mục" sheet, so long lists work in Excel and LibreOffice alike), real date
cells shown DD/MM/YYYY, money with thousands separators and text cells that
stay text (a title starting with "=" is never a formula). A "Hướng dẫn" sheet
explains every column. The same content always gives the same bytes.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from ...content.project import Content
from ...downloads.opendata import save_workbook
from ...messages import workbook as words
from .cells import Cell, to_cell
from .layout import Column, Layout, Sheet, Value, workbook_layout
from .vocab import vocabularies

DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = "#,##0"
TEXT_FORMAT = "@"
SPARE_ROWS = 500
"""Empty rows below the data that still get dropdowns, for new records."""

_BOLD = Font(name="Calibri", bold=True)  # the workbook's own font, bold (not a serif fallback)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_TEXT_KINDS = (Value.TEXT, Value.LONG_TEXT, Value.REFS, Value.PARENT, Value.CHOICE, Value.REF)


def _records(content: Content, kind: str) -> list[Any]:
    records = [item.record for item in content.of(kind)]
    order = {
        "course": lambda c: (c.start, c.id),
        "result": lambda r: (r.period.start, r.id),
        "annual_plan": lambda a: (a.year, a.id),
    }[kind]
    return sorted(records, key=order)


def _value(obj: Any, column: Column) -> Any:
    """The value of ``column`` in a record (or list item)."""
    if column.entry is not None:
        entry = column.entry
        for item in getattr(obj, entry.list_field):
            if getattr(item, entry.key_field) == entry.key:
                return getattr(item, entry.value_field)
        return None
    for part in column.path:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def sheet_rows(sheet: Sheet, layout: Layout, content: Content) -> list[list[Any]]:
    """The values of a sheet's rows (codes, not yet shown as labels)."""
    if sheet.parent is None:
        return [[_value(r, c) for c in sheet.columns] for r in _records(content, sheet.kind)]
    assert sheet.list_field is not None
    rows = []
    for record in _records(content, layout.sheet(sheet.parent).kind):
        for item in getattr(record, sheet.list_field):
            rows.append(
                [record.id if c.value is Value.PARENT else _value(item, c) for c in sheet.columns]
            )
    return rows


def _width(column: Column, cells: Iterable[Cell]) -> float:
    lengths = [_shown(c) for c in cells]
    longest_word = max(len(w) for w in column.header.split())
    fixed = {Value.DATE: 13, Value.INT: 10, Value.MONEY: 15, Value.NUMBER: 10, Value.PERCENT: 10}
    if column.value in fixed:  # a long header wraps, on three lines at most
        wide = max(fixed[column.value], longest_word + 2, math.ceil(len(column.header) / 3) + 2)
        return min(wide, 28)
    extra = 4 if column.value in (Value.CHOICE, Value.REF) else 2  # room for the arrow
    return min(max([*lengths, longest_word, 8]) + extra, 45)


def _shown(cell: Cell) -> int:
    if cell is None:
        return 0
    if isinstance(cell, datetime.date):
        return len(DATE_FORMAT)
    return len(str(cell))


def _header_height(headers: list[tuple[str, float]]) -> float:
    lines = max(math.ceil(len(text) * 1.1 / max(width - 1, 1)) for text, width in headers)
    return 15.0 * max(lines, 1)


class _Writer:
    def __init__(self, content: Content) -> None:
        config = content.config.record if content.config else None
        self.content = content
        self.layout = workbook_layout(config)
        self.vocabularies = vocabularies(content)
        self.book = Workbook()
        self.book.remove(self.book.active)
        self.lists: dict[str, str] = {}  # list name -> its range on "Danh mục"
        self.ids: dict[str, str] = {}  # record sheet key -> the range of its id column
        self.counts: dict[str, int] = {}

    def write(self) -> bytes:
        sheets = {s.key: self.book.create_sheet(s.name) for s in self.layout.sheets}
        self._lists(self.book.create_sheet(words.SHEET_NAMES["lists"]))
        for sheet in self.layout.sheets:
            rows = sheet_rows(sheet, self.layout, self.content)
            self.counts[sheet.key] = len(rows)
            if sheet.parent is None:
                end = len(rows) + 1 + SPARE_ROWS
                self.ids[sheet.key] = f"{_quoted(sheet.name)}!$A$2:$A${end}"
            self._sheet(sheets[sheet.key], sheet, rows)
        self._guide(self.book.create_sheet(words.SHEET_NAMES["guide"]))
        config = self.content.config.record if self.content.config else None
        assert config is not None
        return save_workbook(self.book, config.site_name, config.data_as_of)

    def _sheet(self, ws: Any, sheet: Sheet, rows: list[list[Any]]) -> None:
        shown: list[list[Cell]] = []
        for row in rows:
            shown.append(
                [
                    to_cell(v, c, self.vocabularies.get(c.vocabulary or ""))
                    for v, c in zip(row, sheet.columns, strict=True)
                ]
            )
        last_row = len(shown) + 1 + SPARE_ROWS
        headers = []
        for number, column in enumerate(sheet.columns, 1):
            letter = get_column_letter(number)
            cell = ws.cell(row=1, column=number, value=column.header)
            cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _HEADER_ALIGN
            width = _width(column, (r[number - 1] for r in shown))
            ws.column_dimensions[letter].width = width
            headers.append((column.header, width))
            if column.value in _TEXT_KINDS:
                ws.column_dimensions[letter].number_format = TEXT_FORMAT
            for row_number, values in enumerate(shown, 2):
                self._cell(ws.cell(row=row_number, column=number), values[number - 1], column)
            self._dropdown(ws, sheet, column, f"{letter}2:{letter}{last_row}")
        ws.row_dimensions[1].height = _header_height(headers)
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(len(shown) + 1, 2)}"
        _print_setup(ws, repeat_header=True)

    @staticmethod
    def _cell(cell: Any, value: Cell, column: Column) -> None:
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # text stays text, even "=SUM(A1)"
            cell.number_format = TEXT_FORMAT
        elif column.value is Value.DATE:
            cell.number_format = DATE_FORMAT
        elif column.value is Value.MONEY:
            cell.number_format = MONEY_FORMAT

    def _dropdown(self, ws: Any, sheet: Sheet, column: Column, cells: str) -> None:
        if column.value is Value.PARENT:
            source = self.ids.get(sheet.parent or "")
        elif column.value in (Value.CHOICE, Value.REF):
            source = self.lists.get(column.vocabulary or "")
        else:
            return
        if source is None:
            return
        rule = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",  # a bare code typed by hand is accepted on import
            errorTitle=words.DROPDOWN_ERROR_TITLE,
            error=words.DROPDOWN_ERROR,
        )
        rule.add(cells)
        ws.add_data_validation(rule)

    def _lists(self, ws: Any) -> None:
        for number, vocabulary in enumerate(self.vocabularies.values(), 1):
            letter = get_column_letter(number)
            cell = ws.cell(row=1, column=number, value=vocabulary.header)
            cell.font, cell.fill = _BOLD, _HEADER_FILL
            for row_number, label in enumerate(vocabulary.labels, 2):
                ws.cell(row=row_number, column=number, value=label).data_type = "s"
            widths = [len(vocabulary.header), *(len(x) for x in vocabulary.labels)]
            ws.column_dimensions[letter].width = min(max(widths) + 2, 60)
            if vocabulary.items:
                end = len(vocabulary.items) + 1
                self.lists[vocabulary.name] = f"{_quoted(ws.title)}!${letter}$2:${letter}${end}"
        ws.freeze_panes = "A2"
        _print_setup(ws, repeat_header=True)

    def _guide(self, ws: Any) -> None:
        _print_setup(ws, repeat_header=False)
        widths = (24, 34, 14, 26, 80)
        for number, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(number)].width = width
        ws.cell(row=1, column=1, value=words.GUIDE_TITLE).font = Font(
            name="Calibri", bold=True, size=14
        )
        row = 3
        per_line = sum(widths) * 0.95
        for paragraph in words.GUIDE_PARAGRAPHS:
            cell = ws.cell(row=row, column=1, value=paragraph)
            cell.alignment = _WRAP_TOP
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
            ws.row_dimensions[row].height = 15.0 * math.ceil(len(paragraph) / per_line) + 3
            row += 1
        row += 1
        for number, header in enumerate(words.GUIDE_HEADERS, 1):
            cell = ws.cell(row=row, column=number, value=header)
            cell.font, cell.fill = _BOLD, _HEADER_FILL
        for sheet in self.layout.sheets:
            for column in sheet.columns:
                row += 1
                values = (
                    sheet.name,
                    column.header,
                    words.REQUIRED[column.required],
                    self._kind_label(sheet, column),
                    column.explanation,
                )
                for number, value in enumerate(values, 1):
                    cell = ws.cell(row=row, column=number, value=value)
                    cell.alignment = _WRAP_TOP
                    cell.data_type = "s"
                lines = max(
                    math.ceil(len(str(v)) * 1.1 / (w - 1))
                    for v, w in zip(values, widths, strict=True)
                )
                ws.row_dimensions[row].height = 15.0 * max(lines, 1)

    def _kind_label(self, sheet: Sheet, column: Column) -> str:
        label = words.VALUE_KINDS[column.value.value]
        if column.value is Value.PARENT:
            return label.format(parent=self.layout.sheet(sheet.parent or "").name)
        return label


def _print_setup(ws: Any, *, repeat_header: bool) -> None:
    """Printed on A4 landscape, one page wide (the header row on every page)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if repeat_header:
        ws.print_title_rows = "1:1"


def _quoted(sheet_name: str) -> str:
    """A sheet name as formulas write it: 'Danh mục'."""
    return "'" + sheet_name.replace("'", "''") + "'"


def export_workbook(content: Content) -> tuple[bytes, dict[str, int]]:
    """The workbook of a valid project's content, and how many rows each sheet got."""
    writer = _Writer(content)
    data = writer.write()
    return data, writer.counts
