"""Same content, same bytes: the fixed clock and formats every writer uses.

A build takes its date from ``data_as_of`` (never the machine's clock), zip
files carry one fixed timestamp, dates are written dd/mm/yyyy and times carry
Vietnam's +07:00 offset. Every writer gets these from here, so two builds of
the same content are byte-identical and a git diff of the site shows real
changes only. This module imports nothing from the package.
"""

from __future__ import annotations

import datetime
import io
import zipfile

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The timestamp of every zip entry (the earliest a zip can hold)."""

VIETNAM = datetime.timezone(datetime.timedelta(hours=7), "+07")
"""Vietnam has kept UTC+7 without daylight saving since 1975."""

TIMEZONE_NAME = "Asia/Ho_Chi_Minh"


def moment(day: datetime.date) -> datetime.datetime:
    """Midnight UTC of ``day``: the build's clock for documents and calendars."""
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def source_date_epoch(day: datetime.date) -> str:
    """``SOURCE_DATE_EPOCH`` for tools that honour it (MkDocs' sitemap dates).

    >>> source_date_epoch(datetime.date(2025, 11, 30))
    '1764460800'
    """
    return str(int(moment(day).timestamp()))


def vn_date(day: datetime.date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write dates.

    >>> vn_date(datetime.date(2026, 3, 7))
    '07/03/2026'
    """
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def vn_long_date(day: datetime.date) -> str:
    """ "ngày 07 tháng 3 năm 2026", as the date line of an official document.

    >>> vn_long_date(datetime.date(2026, 3, 7))
    'ngày 07 tháng 3 năm 2026'
    """
    return f"ngày {day.day:02d} tháng {day.month} năm {day.year}"


def local_stamp(day: datetime.date) -> str:
    """Midnight in Vietnam, ISO 8601 with its offset (feeds).

    >>> local_stamp(datetime.date(2025, 3, 1))
    '2025-03-01T00:00:00+07:00'
    """
    return f"{day.isoformat()}T00:00:00+07:00"


def fixed_zip(data: bytes, *, compress: bool = False) -> bytes:
    """A zip rewritten with every entry dated :data:`ZIP_EPOCH`, in the same order.

    ``compress`` deflates every entry; otherwise each keeps its compression.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", allowZip64=True) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED if compress else info.compress_type
            fixed.external_attr = info.external_attr or 0o644 << 16
            fixed.create_system = 0
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def zip_entry(name: str) -> zipfile.ZipInfo:
    """A zip entry header with the fixed date, deflated, readable by all."""
    info = zipfile.ZipInfo(name, ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info
