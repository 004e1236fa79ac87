"""Shared helpers for the ``handbook excel`` tests: run the command, edit a workbook.

An edit is a small function of an openpyxl workbook (``cell("Buổi học", "C5",
"Chiu")``), so a case reads as the change a clerk would make.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from generator.commands.cli import main

Edit = Callable[[Any], None]


def handbook(root: Path, *args: str) -> tuple[int, str, str]:
    """Run the command in this process (quicker than a subprocess); (exit code, out, err)."""
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def edit_book(book: Path, *edits: Edit) -> None:
    """Apply ``edits`` to the workbook at ``book`` and save it."""
    wb = load_workbook(book)
    for edit in edits:
        edit(wb)
    wb.save(book)


def cell(sheet: str, ref: str, value: object) -> Edit:
    def edit(wb: Any) -> None:
        wb[sheet][ref] = value

    return edit


def delete_rows(sheet: str, row: int, count: int = 1) -> Edit:
    return lambda wb: wb[sheet].delete_rows(row, count)


def add_sheet(name: str) -> Edit:
    return lambda wb: wb.create_sheet(name)


def remove_sheet(name: str) -> Edit:
    return lambda wb: wb.remove(wb[name])


def error_cell(sheet: str, ref: str, code: str) -> Edit:
    """A cell holding an Excel error value, as a formula that failed leaves it (#N/A)."""

    def edit(wb: Any) -> None:
        wb[sheet][ref].value = code
        wb[sheet][ref].data_type = "e"

    return edit


def merge(sheet: str, cells: str) -> Edit:
    return lambda wb: wb[sheet].merge_cells(cells)


def formatted(sheet: str, ref: str, value: object, number_format: str) -> Edit:
    """A value with a number format, as Excel stores "92%" typed in a cell (0.92, "0%")."""

    def edit(wb: Any) -> None:
        wb[sheet][ref].value = value
        wb[sheet][ref].number_format = number_format

    return edit
