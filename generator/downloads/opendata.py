"""Open data downloads: the topic catalogue, the schedule and the progress table.

Each table is built once as Vietnamese column headers plus rows, then written
as CSV (UTF-8 with BOM so Excel shows Vietnamese correctly), JSON, or one
sheet of an XLSX workbook. In CSV and JSON dates are ISO strings
("2023-03-14"); in the workbook they are real date cells.

Every writer is deterministic: the same catalogue gives the same bytes, so a
rebuild does not change the downloads (the workbook's document dates come
from ``data_as_of`` and its zip entries carry a fixed timestamp).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from .. import messages
from ..content.catalogue import Catalogue
from ..content.derive import course_order, topic_order
from ..content.progress import plan_progress
from ..reproducible import fixed_zip

Value = str | int | float | None
"""A cell as published in CSV and JSON (dates already ISO strings)."""

Cell = str | int | float | datetime.date | None
"""A cell before publishing (dates still dates, for the workbook)."""

Table = tuple[list[str], list[list[Value]]]

# Column headers and sheet names are reader-visible labels, kept with the others.
ALL_LEVELS = messages.ALL_LEVELS
MET = messages.MET
NOT_MET = messages.NOT_MET
LOCAL_GROUP = messages.LOCAL_GROUP
SHEETS = messages.SHEETS
CATALOGUE_HEADERS = messages.CATALOGUE_HEADERS
SCHEDULE_HEADERS = messages.SCHEDULE_HEADERS
PROGRESS_HEADERS = messages.PROGRESS_HEADERS

DATE_FORMAT = "DD/MM/YYYY"


# --- tables ------------------------------------------------------------------


def catalogue_table(catalogue: Catalogue) -> Table:
    """The topics in framework order, one row each."""
    return CATALOGUE_HEADERS, _published(_catalogue_cells(catalogue))


def schedule_table(catalogue: Catalogue) -> Table:
    """The courses in date order, one row each (cancelled ones included)."""
    return SCHEDULE_HEADERS, _published(_schedule_cells(catalogue))


def progress_table(catalogue: Catalogue) -> Table:
    """People trained per target group and level, each group followed by its total."""
    return PROGRESS_HEADERS, _published(_progress_cells(catalogue))


def _catalogue_cells(catalogue: Catalogue) -> list[list[Cell]]:
    levels = catalogue.levels
    rows: list[list[Cell]] = []
    for topic in topic_order(catalogue):
        rows.append(
            [
                topic.id,
                LOCAL_GROUP if topic.group == "local" else topic.group,
                topic.number,
                topic.title,
                messages.TOPIC_STATUSES[topic.status],
                topic.duration,
                ", ".join(levels[lv].name if lv in levels else lv for lv in topic.levels),
                ", ".join(messages.SESSION_KINDS[kind] for kind in topic.methods),
                topic.reviewed,
            ]
        )
    return rows


def _schedule_cells(catalogue: Catalogue) -> list[list[Cell]]:
    levels = catalogue.levels
    topics = catalogue.topics_by_id
    rows: list[list[Cell]] = []
    for course in sorted(catalogue.courses, key=course_order):
        actual = [a.actual for a in course.audiences if a.actual is not None]
        rows.append(
            [
                course.id,
                course.title,
                levels[course.level].name if course.level in levels else course.level,
                course.place,
                course.organiser,
                course.start,
                course.end,
                course.days,
                messages.COURSE_STATUSES[course.status],
                "; ".join(topics[t].label if t in topics else t for t in course.topic_ids),
                sum(a.planned for a in course.audiences),
                sum(actual) if actual else None,
            ]
        )
    return rows


def _progress_cells(catalogue: Catalogue) -> list[list[Cell]]:
    progress = plan_progress(catalogue, catalogue.current_plan)
    rows: list[list[Cell]] = []
    for total in progress.totals:
        for row in [*(r for r in progress.rows if r.group.id == total.group.id), total]:
            percent = row.percent
            met = row.met
            rows.append(
                [
                    row.group.name,
                    row.level.name if row.level else ALL_LEVELS,
                    row.denominator,
                    row.persons,
                    row.turns,
                    None if percent is None else round(percent, 1),
                    row.target.percent if row.target else None,
                    None if met is None else (MET if met else NOT_MET),
                ]
            )
    return rows


def _published(rows: list[list[Cell]]) -> list[list[Value]]:
    """The rows with dates as ISO strings, as CSV and JSON carry them."""
    return [[_iso(cell) for cell in row] for row in rows]


def _iso(cell: Cell) -> Value:
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return cell


# --- CSV and JSON ------------------------------------------------------------


# Characters a spreadsheet reads as the start of a formula (ASCII and full-width),
# and the invisible ones it skips before looking (spaces, NBSP, zero-width).
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_INVISIBLE = frozenset(" \u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\u3000")


def csv_cell(value: Value) -> Value:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe.

    >>> csv_cell("=SUM(A1)"), csv_cell("Hà Nội"), csv_cell(-3)
    ("'=SUM(A1)", 'Hà Nội', -3)
    >>> csv_cell("\uff1dSUM(A1)"), csv_cell("\u00a0=1+1")
    ("'＝SUM(A1)", "'\xa0=1+1")
    """
    if isinstance(value, str):
        first = value.lstrip("".join(_INVISIBLE))[:1]
        if first and first in _FORMULA_START:
            return "'" + value
    return value


def to_csv(headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> bytes:
    """The table as CSV: UTF-8 with a BOM, comma-separated, CRLF line ends.

    Cells are guarded against formula injection (a course title typed as
    ``=HYPERLINK(...)`` stays text when the office opens the file in Excel).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_json(name: str, headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> bytes:
    """The table as JSON: its name, its columns and one object per row.

    Keys of each row object follow the column order of ``cot``; rows keep the
    table's order, so the document is stable from build to build.
    """
    document = {
        "ten": name,
        "cot": list(headers),
        "du_lieu": [dict(zip(headers, row, strict=True)) for row in rows],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- XLSX --------------------------------------------------------------------


def workbook(catalogue: Catalogue) -> bytes:
    """All three tables as an XLSX workbook, one sheet each, byte-for-byte reproducible."""
    builders: list[tuple[list[str], Callable[[Catalogue], list[list[Cell]]]]] = [
        (CATALOGUE_HEADERS, _catalogue_cells),
        (SCHEDULE_HEADERS, _schedule_cells),
        (PROGRESS_HEADERS, _progress_cells),
    ]
    book = Workbook()
    book.remove(book.active)
    for title, (headers, cells) in zip(SHEETS, builders, strict=True):
        _fill_sheet(book.create_sheet(title), headers, cells(catalogue))
    return save_workbook(book, catalogue.config.site_name, catalogue.config.data_as_of)


def save_workbook(book: Any, title: str, day: datetime.date) -> bytes:
    """An openpyxl workbook as XLSX bytes dated ``day``, never the clock: same book, same bytes."""
    moment = datetime.datetime.combine(day, datetime.time())
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.creator = title
    book.properties.lastModifiedBy = title
    book.properties.title = title
    book.properties.language = "vi"
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() stamps "modified" with the clock.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue())


def _fill_sheet(ws: Any, headers: list[str], rows: list[list[Cell]]) -> None:
    """Write a header row (bold, frozen) and the rows; size the columns to the text."""
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=column, value=header)
        cell.font = bold
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = ws.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                # Text is text even when it starts with "=": never a formula.
                cell.data_type = "s"
            elif isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"
    for column, header in enumerate(headers, start=1):
        lengths = [len(header)] + [_shown_length(row[column - 1]) for row in rows]
        ws.column_dimensions[get_column_letter(column)].width = min(max(lengths) + 2, 60)


def _shown_length(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        return len(DATE_FORMAT)
    return len(str(value))
