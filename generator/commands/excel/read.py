"""Read a workbook into drafts: each record's data, shaped as its YAML, and each value's cell.

The sheets are found by name and their columns by header (in any order). A
record sheet gives one :class:`Draft` per row; the rows of its item sheets
(sessions, audiences, annual rows) are appended to the record their first
column names. Each draft remembers the cell every value came from
(``("sessions", 2, "date") → Buổi học!B14``), so that a problem the content
checks find in the YAML can be shown at its cell.

What only a workbook can get wrong — an unknown sheet, a missing header, a row
naming no record, an unreadable date, a value not in its dropdown, an empty
required cell, an Excel error value (#N/A), a formula never calculated, a merged
range — is reported here, at its cell. When the sheets or headers themselves
are wrong, rows are not read at all (:attr:`Reading.usable`).

The workbook is streamed (openpyxl's read-only mode) and only the columns
under a header are read, so a stray cell far below the data (row 1 048 576)
costs one empty row per row, not a row of cells per column.
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import ERROR_CODES  # type: ignore[import-untyped]
from openpyxl.cell.read_only import EMPTY_CELL  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.cell import (  # type: ignore[import-untyped]
    coordinate_to_tuple,
    range_boundaries,
)
from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]

from ...messages import workbook as words
from ...problems import Problem, suggest
from .cells import Fault, blank, from_cell
from .layout import Column, Layout, Loc, Sheet, list_required
from .vocab import Vocabulary, fold


@dataclass(frozen=True, order=True)
class CellRef:
    """A cell of the workbook: ``Khóa học!D7``."""

    sheet: str
    row: int
    column: int

    @property
    def place(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}"


@dataclass
class Draft:
    """One record as read from the workbook, before any check of its content."""

    sheet: Sheet
    id: str
    data: dict[str, Any]
    cells: dict[Loc, CellRef] = field(default_factory=dict)
    """The cell of every value, row ("sessions", 2) and record () read."""
    omitted: set[Loc] = field(default_factory=set)
    """Values left out because the reader reported them (a blank or unreadable cell)."""

    @property
    def kind(self) -> str:
        return self.sheet.kind

    @property
    def anchor(self) -> CellRef:
        """The cell standing for the whole record: its id."""
        return self.cells[()]

    def cell(self, loc: Loc) -> CellRef:
        """The cell of ``loc``, or of the nearest enclosing value read from a cell."""
        probe = tuple(loc)
        while probe not in self.cells:
            probe = probe[:-1]
        return self.cells[probe]


@dataclass
class Reading:
    """What a workbook holds: drafts by record sheet, and the problems found reading it."""

    drafts: list[Draft] = field(default_factory=list)
    sheets: list[Sheet] = field(default_factory=list)
    """The record sheets present: their kinds are imported, the others left as they are."""
    problems: list[Problem] = field(default_factory=list)
    usable: bool = True
    """False when sheets or headers are wrong: rows were not read."""


class _Reader:
    def __init__(
        self, file: str, layout: Layout, vocabularies: dict[str, Vocabulary], book: Any
    ) -> None:
        self.file = file
        self.layout = layout
        self.vocabularies = vocabularies
        self.book = book
        self.epoch: datetime.datetime = book.epoch
        self.reading = Reading()
        self.merged: dict[tuple[str, int, int], str] = {}
        """(sheet, row, column) of each cell hidden by a merge (not its first), → the range."""
        self.merges_said: set[str] = set()

    def report(self, cell: CellRef, code: str, **values: object) -> None:
        self.reading.problems.append(
            Problem.in_cell(self.file, cell.row, cell.column, cell.place, code, **values)
        )

    # --- sheets and headers ----------------------------------------------------------

    def find_sheets(self) -> dict[str, Any]:
        """The workbook's sheets that the layout knows, by sheet key."""
        known = {fold(s.name): s for s in self.layout.sheets}
        ignored = {fold(words.SHEET_NAMES[k]) for k in ("lists", "guide")}
        found: dict[str, Any] = {}
        for ws in self.book.worksheets:
            ws.reset_dimensions()  # some programs save a wrong size; read what is there
            name = fold(ws.title)
            if name in known:
                found[known[name].key] = ws
            elif name not in ignored:
                names = [s.name for s in self.layout.sheets]
                self.report(
                    CellRef(ws.title, 1, 1),
                    "workbook-unknown-sheet",
                    name=ws.title,
                    suggestion=suggest(ws.title, names),
                    allowed=", ".join(names),
                )
        for record in self.layout.records:
            family = [record, *self.layout.children(record.key)]
            present = [s for s in family if s.key in found]
            for sheet in family if present else []:
                if sheet.key not in found:
                    self.report(
                        CellRef(found[present[0].key].title, 1, 1),
                        "workbook-missing-sheet",
                        present=present[0].name,
                        name=sheet.name,
                    )
                    self.reading.usable = False
            if len(present) == len(family):
                self.reading.sheets.append(record)
        return found

    def headers(self, sheet: Sheet, ws: Any) -> dict[str, int]:
        """The column number of each of the sheet's columns, by column key."""
        wanted = {fold(c.header): c for c in sheet.columns}
        found: dict[str, int] = {}
        first: dict[str, int] = {}
        for number, cell in enumerate(next(ws.iter_rows(max_row=1, values_only=True), ()), 1):
            if blank(cell):
                continue
            text = fold(str(cell))
            here = CellRef(ws.title, 1, number)
            if text in first:
                place = CellRef(ws.title, 1, first[text]).place
                self.report(here, "workbook-header-twice", header=str(cell).strip(), first=place)
                self.reading.usable = False
                continue
            first[text] = number
            if text in wanted:
                found[wanted[text].key] = number
            else:
                headers = [c.header for c in sheet.columns]
                shown = str(cell).strip()
                self.report(
                    here,
                    "workbook-unknown-header",
                    header=shown,
                    suggestion=suggest(shown, headers),
                )
        for column in sheet.columns:
            if column.key not in found:
                self.report(
                    CellRef(ws.title, 1, 1),
                    "workbook-missing-header",
                    sheet=sheet.name,
                    header=column.header,
                )
                self.reading.usable = False
        return found

    # --- rows --------------------------------------------------------------------------

    def rows(self, sheet: Sheet, ws: Any, numbers: dict[str, int]) -> list[_Row]:
        """The non-blank rows of a sheet: each value read, with its cell."""
        rows = []
        marks = _marks(ws)
        self.merged.update(marks.merged)
        width = max(numbers.values(), default=1)
        gap: tuple[Any, ...] = ()
        for row_number, cells in enumerate(ws.iter_rows(min_row=2, max_col=width), 2):
            if cells is gap:  # rows the file does not hold come as one shared tuple: quick
                continue
            if all(c is EMPTY_CELL for c in cells):
                gap = cells
                continue
            values = [c.value for c in cells]
            if all(blank(v) for v in values) and not any(
                (row_number, n) in marks.uncalculated for n in range(1, len(cells) + 1)
            ):
                continue
            row = _Row(row_number)
            for column in sheet.columns:
                index = numbers[column.key]
                here = cells[index - 1] if index <= len(cells) else EMPTY_CELL
                raw = here.value
                cell = CellRef(ws.title, row_number, index)
                row.cells[column.key] = cell
                fault = _cell_fault(raw, here.data_type, (row_number, index) in marks.uncalculated)
                if fault is None and blank(raw):
                    continue
                if fault is None:
                    vocabulary = self.vocabularies.get(column.vocabulary or "")
                    fmt = here.number_format or "General"
                    value, fault = from_cell(raw, column, vocabulary, self.epoch, fmt)
                if fault is not None:
                    self.fault(cell, fault)
                    row.faulty.add(column.key)
                elif value not in (None, []):
                    row.values[column.key] = value
            rows.append(row)
        return rows

    def missing(self, cell: CellRef, header: str) -> None:
        """An empty required cell, or one inside a merged range (said once per range)."""
        merge = self.merged.get((cell.sheet, cell.row, cell.column))
        if merge is None:
            self.report(cell, "workbook-missing-value", header=header)
        elif merge not in self.merges_said:
            self.merges_said.add(merge)
            self.report(cell, "workbook-merged-cell", range=merge)

    def fault(self, cell: CellRef, fault: Fault) -> None:
        self.report(cell, fault.code, **fault.values)

    def fill(self, sheet: Sheet, row: _Row, base: Loc) -> tuple[dict[str, Any], dict[Loc, CellRef]]:
        """A row's values as a mapping shaped like the YAML, and the cell of each value."""
        data: dict[str, Any] = {}
        cells: dict[Loc, CellRef] = {}
        omitted: set[Loc] = set()
        for column in sheet.columns:
            cell = row.cells[column.key]
            if column.entry is not None:
                self._entry(column, row, data, cells, base, cell)
                continue
            if not column.path:
                continue
            loc = (*base, *column.path)
            cells[loc] = cell
            cells.setdefault((*base, column.path[0]), cell)  # a group: its first column
            if column.key in row.faulty:
                omitted.add(loc)
            elif column.key in row.values and row.values[column.key] != column.default:
                target = data
                for part in column.path[:-1]:
                    target = target.setdefault(part, {})
                target[column.path[-1]] = row.values[column.key]
        for column in sheet.columns:
            if column.key in row.values or column.key in row.faulty or not column.path:
                continue
            if column.required == "yes" or (
                column.required == "with_group" and column.path[0] in data
            ):
                self.missing(row.cells[column.key], column.header)
                omitted.add((*base, *column.path))
        row.omitted = omitted
        return data, cells

    @staticmethod
    def _entry(
        column: Column,
        row: _Row,
        data: dict[str, Any],
        cells: dict[Loc, CellRef],
        base: Loc,
        cell: CellRef,
    ) -> None:
        entry = column.entry
        assert entry is not None
        if column.key not in row.values:
            return
        items = data.setdefault(entry.list_field, [])
        loc = (*base, entry.list_field, len(items))
        items.append({entry.key_field: entry.key, entry.value_field: row.values[column.key]})
        for part in ((), (entry.key_field,), (entry.value_field,)):
            cells[(*loc, *part)] = cell
        cells.setdefault((*base, entry.list_field), cell)

    def records(self, sheet: Sheet, ws: Any, numbers: dict[str, int]) -> dict[str, Draft]:
        """One draft per row of a record sheet, by id (a repeated id is reported, not read)."""
        drafts: dict[str, Draft] = {}
        for row in self.rows(sheet, ws, numbers):
            data, cells = self.fill(sheet, row, ())
            cells[()] = row.cells["id"]
            record_id = str(data.get("id", ""))
            if record_id and record_id in drafts:
                self.report(
                    row.cells["id"],
                    "workbook-duplicate-id",
                    id=record_id,
                    other=drafts[record_id].anchor.place,
                    sheet=sheet.name,
                )
                continue
            draft = Draft(sheet, record_id, data, cells, row.omitted)
            drafts[record_id or f"#{row.number}"] = draft
            self.reading.drafts.append(draft)
        return drafts

    def items(
        self, sheet: Sheet, ws: Any, numbers: dict[str, int], drafts: dict[str, Draft]
    ) -> None:
        """Append each row of an item sheet to the record its first column names."""
        assert sheet.list_field is not None
        parent = self.layout.sheet(sheet.parent or "")
        id_key = sheet.columns[0].key
        for row in self.rows(sheet, ws, numbers):
            owner_id = row.values.get(id_key)
            if owner_id is None:
                if id_key not in row.faulty:
                    self.missing(row.cells[id_key], sheet.columns[0].header)
                continue
            draft = drafts.get(str(owner_id))
            if draft is None:
                self.report(
                    row.cells[id_key],
                    "workbook-orphan-row",
                    value=owner_id,
                    parent=parent.name,
                    suggestion=suggest(str(owner_id), [d for d in drafts if d[:1] != "#"]),
                )
                continue
            items = draft.data.setdefault(sheet.list_field, [])
            base: Loc = (sheet.list_field, len(items))
            data, cells = self.fill(sheet, row, base)
            items.append(data)
            draft.cells.update(cells)
            draft.cells[base] = row.cells[id_key]
            draft.cells.setdefault((sheet.list_field,), row.cells[id_key])
            draft.omitted |= row.omitted

    def complete(self, sheet: Sheet, drafts: dict[str, Draft]) -> None:
        """Lists without rows: written empty when required, reported when items are required."""
        for child in self.layout.children(sheet.key):
            assert child.list_field is not None
            required, not_empty = list_required(sheet.model, child.list_field)
            for draft in drafts.values():
                if draft.data.get(child.list_field):
                    continue
                if required:
                    draft.data[child.list_field] = []
                if not_empty and draft.id:
                    self.report(draft.anchor, "workbook-no-rows", id=draft.id, sheet=child.name)
                    draft.omitted.add((child.list_field,))

    def read(self) -> Reading:
        found = self.find_sheets()
        numbers = {key: self.headers(self.layout.sheet(key), ws) for key, ws in found.items()}
        if not self.reading.usable:
            return self.reading
        for record in self.reading.sheets:
            drafts = self.records(record, found[record.key], numbers[record.key])
            for child in self.layout.children(record.key):
                self.items(child, found[child.key], numbers[child.key], drafts)
            self.complete(record, drafts)
        return self.reading


@dataclass
class _Row:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, CellRef] = field(default_factory=dict)
    faulty: set[str] = field(default_factory=set)
    omitted: set[Loc] = field(default_factory=set)


def _cell_fault(raw: object, data_type: str, uncalculated: bool) -> Fault | None:
    """An Excel error value ("#N/A") or a formula never calculated: no value to read."""
    if data_type == "e" or (isinstance(raw, str) and raw.strip() in ERROR_CODES):
        return Fault("workbook-error-value", {"value": str(raw).strip()})
    if uncalculated and blank(raw):
        return Fault("workbook-formula-no-value")
    return None


@dataclass
class _Marks:
    """What the values alone do not show: formulas with no value, merged ranges."""

    uncalculated: set[tuple[int, int]] = field(default_factory=set)
    """(row, column) of formulas saved without their value."""
    merged: dict[tuple[str, int, int], str] = field(default_factory=dict)


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_TEXT_RESULTS = {"s", "str", "inlineStr"}


def _marks(ws: Any) -> _Marks:
    """Read the sheet's XML once more, only when it holds formulas or merges.

    openpyxl gives a formula's saved value or, when a program saved the
    formula without computing it, nothing — as if the cell were empty.
    """
    marks = _Marks()
    with ws._get_source() as source:  # read-only worksheets keep their XML
        data = source.read()
    if _FORMULA.search(data) is None and b"mergeCell" not in data:
        return marks
    for _, element in iterparse(io.BytesIO(data)):
        tag = element.tag.rpartition("}")[2]
        if tag == "c":
            parts = {child.tag.rpartition("}")[2]: child for child in element}
            value = parts.get("v")
            empty = value is None or not value.text
            formula = "f" in parts and empty and element.get("t") not in _TEXT_RESULTS
            if formula and element.get("r"):
                marks.uncalculated.add(coordinate_to_tuple(element.get("r")))
            element.clear()
        elif tag == "row":
            element.clear()
        elif tag == "mergeCell" and element.get("ref"):
            ref = element.get("ref")
            min_col, min_row, max_col, max_row = range_boundaries(ref)
            if max_row < 2:
                continue
            max_row = min(max_row, min_row + 100_000)  # a whole column merged: enough
            max_col = min(max_col, min_col + 1_000)
            for row in range(min_row, max_row + 1):
                for col in range(min_col, max_col + 1):
                    if (row, col) != (min_row, min_col):
                        marks.merged[(ws.title, row, col)] = ref
    return marks


def read_workbook(
    path: Path, layout: Layout, vocabularies: dict[str, Vocabulary], *, file: str
) -> Reading:
    """Read the workbook at ``path``; problems name ``file`` and each cell."""
    with warnings.catch_warnings():
        # openpyxl warns in English (a date serial out of range, an unknown extension);
        # what matters is reported at its cell.
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(path, data_only=True, read_only=True)
        except Exception:  # not a zip, not a workbook, unreadable: one answer
            problem = Problem.make(file, 1, 1, "workbook-unreadable", name=path.name)
            return Reading(problems=[problem], usable=False)
        try:
            return _Reader(file, layout, vocabularies, book).read()
        finally:
            book.close()
