"""QR codes on printed documents, so a sheet of paper leads back to its page online.

segno is pure Python (no image library, no network). Level M, and the level is
never raised behind our back (``boost_error=False``), so a symbol's size depends
on its URL alone. In a PDF the symbol is drawn as vector rectangles (one per run
of dark modules): exact at any zoom and printer resolution, no image object; in
a DOCX it is segno's 1-bit PNG, which carries no time or text chunks.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Protocol

import segno

QUIET = 4
"""Modules of white border around the symbol, as the standard asks."""


def make(url: str) -> segno.QRCode:
    """The QR code of ``url`` (byte mode, error correction level M)."""
    return segno.make_qr(url, error="m", boost_error=False)


def dark_runs(code: segno.QRCode) -> Iterator[tuple[int, int, int]]:
    """(row, first column, length) of each horizontal run of dark modules."""
    for row, cells in enumerate(code.matrix):
        column, width = 0, len(cells)
        while column < width:
            if cells[column] & 1:
                start = column
                while column < width and cells[column] & 1:
                    column += 1
                yield row, start, column - start
            else:
                column += 1


class _Canvas(Protocol):
    def rect(self, x: float, y: float, w: float, h: float, style: str | None = None) -> None: ...

    def set_fill_color(self, r: int, g: int = -1, b: int = -1) -> None: ...


def draw(pdf: _Canvas, url: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``url`` in the square at (x, y), quiet zone included (mm)."""
    code = make(url)
    modules = code.symbol_size(border=0)[0]
    unit = size / (modules + 2 * QUIET)
    left, top = x + QUIET * unit, y + QUIET * unit
    pdf.set_fill_color(0, 0, 0)
    for row, column, length in dark_runs(code):
        pdf.rect(left + column * unit, top + row * unit, length * unit, unit, style="F")


def png(url: str, scale: int = 4) -> bytes:
    """The QR code of ``url`` as a 1-bit PNG with its quiet zone (for Word documents)."""
    buffer = io.BytesIO()
    make(url).save(buffer, kind="png", scale=scale, border=QUIET)
    return buffer.getvalue()
