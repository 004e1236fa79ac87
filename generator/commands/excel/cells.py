"""One cell's value, both ways: a record's value as a cell, a cell as the value YAML holds.

Reading is lenient where a clerk's habits are unambiguous — a date typed as
text ("15/03/2026" or "2026-03-15") or left as an Excel serial number,
"120.000.000" đồng, "5,4" points, a label or "code · name" for a code — and
otherwise hands the value on as typed, so the content's own checks report it
with the same words as in a YAML file ("'mười' phải là số nguyên"). Only what
the workbook alone can get wrong (an impossible date, a dropdown value not in
its list) is reported here, as a :class:`Fault`.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]

from ...content.textcheck import describe, first_forbidden
from ...problems import suggest
from ...reproducible import vn_date
from .layout import Column, Value
from .vocab import Vocabulary

Cell = str | int | float | datetime.date | None
"""What export writes into a cell."""


@dataclass(frozen=True)
class Fault:
    """A cell the workbook reader cannot use: a rule code and the values of its message."""

    code: str
    values: dict[str, object] = field(default_factory=dict)


# Spaces and the invisible characters a paste brings (zero-width space/joiners, BOM, soft
# hyphen, word joiner): a cell holding only these looks empty and is read as empty.
_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]*")


def blank(raw: object) -> bool:
    """Whether a cell is empty to the eye (nothing, spaces, zero-width characters).

    >>> blank(None), blank("  "), blank("\u200b"), blank(0), blank("x")
    (True, True, True, False, False)
    """
    return raw is None or (isinstance(raw, str) and _INVISIBLE.fullmatch(raw) is not None)


# --- record → cell --------------------------------------------------------------------


def to_cell(value: Any, column: Column, vocabulary: Vocabulary | None) -> Cell:
    """The cell showing ``value`` of ``column`` (a label, "code · name", a number, a date)."""
    if value is None:
        return None
    if column.value in (Value.CHOICE, Value.REF) and vocabulary is not None:
        return vocabulary.shown(value)
    if column.value is Value.REFS:
        return ", ".join(value) or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (str, int, float, datetime.date)):
        return value
    return str(value)


# --- cell → value ---------------------------------------------------------------------


def from_cell(
    raw: object,
    column: Column,
    vocabulary: Vocabulary | None,
    epoch: datetime.datetime,
    number_format: str = "General",
) -> tuple[Any, Fault | None]:
    """The value a non-blank cell gives the record, or a fault.

    >>> day = Column("start", "Ngày bắt đầu", "", Value.DATE)
    >>> from_cell("15/03/2026", day, None, EPOCH)
    (datetime.date(2026, 3, 15), None)
    >>> from_cell("31/02/2026", day, None, EPOCH)[1].code
    'workbook-bad-date'
    """
    kind = column.value
    if isinstance(raw, str):
        found = first_forbidden(raw, allow="\t\n\r")
        if found is not None:
            return None, Fault("text-control-char", {"char": describe(raw[found])})
    if kind is Value.DATE:
        return _date(raw, epoch)
    if kind in (Value.INT, Value.MONEY):
        return _integer(raw), None
    if kind is Value.NUMBER:
        return _number(raw), None
    if kind is Value.PERCENT:
        return _percent(raw, number_format), None
    text = _text(raw, keep_lines=kind is Value.LONG_TEXT)
    if kind is Value.REF and vocabulary is not None:
        code = vocabulary.read(text)
        if code is None:  # neither a code nor a label of the list: say what the list holds
            return None, _not_listed(text, column, vocabulary)
        return code, None
    if kind is Value.CHOICE and vocabulary is not None:
        code = vocabulary.read(text)
        if code is None:
            return None, _not_listed(text, column, vocabulary)
        return code, None
    if kind is Value.REFS:
        items = [item.strip() for item in re.split(r"[,;\n]", text) if item.strip()]
        return [(vocabulary.read(item) if vocabulary else None) or item for item in items], None
    if kind is Value.PARENT:
        return text.partition("·")[0].strip(), None
    return text, None


def _not_listed(text: str, column: Column, vocabulary: Vocabulary) -> Fault:
    """A value not in a dropdown's list; the hint lists its labels (for records, their ids)."""
    shown = vocabulary.labels if vocabulary.fixed else vocabulary.codes
    return Fault(
        "workbook-choice",
        {
            "value": text,
            "header": column.header,
            "suggestion": suggest(text, vocabulary.labels),
            "allowed": ", ".join(shown),
        },
    )


EPOCH = datetime.datetime(1899, 12, 30)
"""Day 0 of Excel's (Windows) serial dates."""

_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MIDNIGHT = re.compile(r"[ T]0?0:00(?::00)?$")


def _date(raw: object, epoch: datetime.datetime) -> tuple[Any, Fault | None]:
    if isinstance(raw, datetime.datetime):
        return raw.date(), None
    if isinstance(raw, datetime.date):
        return raw, None
    shown = raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if 0 < raw < 2_958_466:  # serials Excel can show as dates (to 31/12/9999)
            return from_excel(raw, epoch).date(), None
    elif isinstance(raw, str):
        shown = raw.strip()
        text = _MIDNIGHT.sub("", shown)  # "2026-03-15 00:00:00", as some programs paste it
        for pattern, order in ((_DMY, (3, 2, 1)), (_YMD, (1, 2, 3))):
            found = pattern.fullmatch(text)
            if found:
                year, month, day = (int(found.group(i)) for i in order)
                try:
                    return datetime.date(year, month, day), None
                except ValueError:
                    break
    return None, Fault("workbook-bad-date", {"value": shown})


# Thousands written with dots, commas or spaces: "120.000.000", "1,200", "2 400".
_GROUPED = re.compile(r"\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*")


def _integer(raw: object) -> Any:
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        text = raw.strip()
        if re.fullmatch(r"[+-]?\d+", text):
            return int(text)
        if _GROUPED.fullmatch(text):
            return int(re.sub(r"\D", "", text))
        return _text(text, keep_lines=False)
    return _plain(raw)


def _number(raw: object) -> Any:
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        text = raw.strip()
        if re.fullmatch(r"[+-]?\d+", text):
            return int(text)
        if re.fullmatch(r"[+-]?\d+[.,]\d+", text):
            return float(text.replace(",", "."))
        return _text(text, keep_lines=False)
    return _plain(raw)


def _percent(raw: object, number_format: str) -> Any:
    """A percentage as the number of percent: 92 for a cell showing 92 %.

    Excel stores "92%" typed in a cell as 0.92 with a percent format; the
    record holds 92, as the column's header says. "92%" typed as text is read
    the same way.
    """
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and "%" in number_format:
        return _number(round(raw * 100, 9))
    if isinstance(raw, str):
        text = raw.strip()
        if text.endswith("%"):
            text = text[:-1].strip()
        return _number(text)
    return _number(raw)


def _plain(raw: object) -> Any:
    """A value as YAML would hold it: booleans as Excel shows them, dates as dd/mm/yyyy."""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, datetime.datetime):
        return vn_date(raw.date())
    return raw


def _text(raw: object, *, keep_lines: bool) -> str:
    value = _plain(raw)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.date):
        value = vn_date(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    if keep_lines:
        return "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text.strip()
