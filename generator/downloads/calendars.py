"""Calendar downloads: the course schedule as iCalendar (RFC 5545) files.

Each half-day session becomes one event in the site's time zone, with a
VTIMEZONE so that calendar programs without the tz database place it right.
Cancelled courses are published with ``STATUS:CANCELLED`` rather than
dropped, so a calendar that subscribed earlier removes or strikes them.

Output is deterministic: UIDs come from the course, date and half-day, and
DTSTAMP from ``data_as_of``, so two builds of the same content give the same
bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import STATUS, Calendar, Event, Timezone, TimezoneStandard

from .. import messages
from ..content.catalogue import Catalogue
from ..content.derive import course_order
from ..content.models import Course, HalfDayTimes, Session
from ..paths import course_page, html

PRODID = "-//NTM handbook//vi"
"""Product identifier written into every calendar."""


def course_calendar(
    course: Course, catalogue: Catalogue, updated: datetime.date | None = None
) -> bytes:
    """One course's sessions as an iCalendar file (UTF-8 bytes)."""
    host = _host(catalogue)
    calendar = _calendar(course.title, f"{course.id}@{host}")
    for event in _events(course, catalogue, host, updated):
        calendar.add_component(event)
    return _finish(calendar, catalogue.config.timezone)


def schedule_calendar(
    catalogue: Catalogue, updated: dict[str, datetime.date] | None = None
) -> bytes:
    """Every course's sessions, courses in date order, as one iCalendar file.

    ``updated`` gives the day each course last changed, by course id.
    """
    updated = updated or {}
    host = _host(catalogue)
    name = f"{catalogue.config.site_name} – {messages.CALENDAR['schedule']}"
    calendar = _calendar(name, f"lich-tap-huan@{host}")
    for course in sorted(catalogue.courses, key=course_order):
        for event in _events(course, catalogue, host, updated.get(course.id)):
            calendar.add_component(event)
    return _finish(calendar, catalogue.config.timezone)


def join_schedule(catalogue: Catalogue, course_files: Mapping[str, bytes]) -> bytes:
    """The whole schedule, joined from the courses' own calendar files.

    ``course_files`` holds each course's ``course_calendar`` bytes, by course id. Both
    files serialise the same events the same way, so cutting each course's VEVENT
    lines out and placing them, courses in date order, between the schedule's own
    header (properties and VTIMEZONE) and its end gives the bytes
    ``schedule_calendar`` would render, without drawing a single event again.
    """
    host = _host(catalogue)
    name = f"{catalogue.config.site_name} – {messages.CALENDAR['schedule']}"
    empty = _finish(_calendar(name, f"lich-tap-huan@{host}"), catalogue.config.timezone)
    if not empty.endswith(_END_CALENDAR):
        raise ValueError("unexpected calendar ending")
    parts = [empty[: -len(_END_CALENDAR)]]
    for course in sorted(catalogue.courses, key=course_order):
        parts.append(_event_lines(course_files[course.id]))
    parts.append(_END_CALENDAR)
    return b"".join(parts)


_END_CALENDAR = b"END:VCALENDAR\r\n"
_BEGIN_EVENT = b"BEGIN:VEVENT\r\n"
_END_EVENT = b"END:VEVENT\r\n"


def _event_lines(data: bytes) -> bytes:
    """The lines of every VEVENT in one serialised calendar, from the first to the last.

    Events follow the VTIMEZONE and are the calendar's last components, so the span from
    the first ``BEGIN:VEVENT`` line to the last ``END:VEVENT`` line is exactly them.
    Property lines are folded with a leading space, so these markers never occur mid-value.
    """
    start = data.find(b"\r\n" + _BEGIN_EVENT)
    if start < 0:
        return b""
    end = data.rfind(b"\r\n" + _END_EVENT)
    return data[start + 2 : end + 2 + len(_END_EVENT)]


# --- building blocks ---------------------------------------------------------


def _host(catalogue: Catalogue) -> str:
    """The host name of the site, used to make event UIDs globally unique."""
    return urlsplit(catalogue.config.site_url).hostname or "localhost"


def _calendar(name: str, uid: str) -> Calendar:
    """An empty calendar with the fixed calendar-level properties."""
    return Calendar.new(
        prodid=PRODID,
        method="PUBLISH",
        name=name,
        uid=uid,
    )


def _finish(calendar: Calendar, tzid: str) -> bytes:
    """Add the VTIMEZONE the events use and serialise.

    The zone is written by hand rather than from the machine's tz database, so
    the file is byte-identical on every machine. Vietnam has kept UTC+7 with
    no daylight saving since 1975, so one STANDARD rule describes it.
    """
    offset = ZoneInfo(tzid).utcoffset(datetime.datetime(2000, 1, 1))
    zone = Timezone()
    zone.add("tzid", tzid)
    rule = TimezoneStandard()
    rule.add("dtstart", datetime.datetime(1975, 6, 13))
    rule.add("tzoffsetfrom", offset)
    rule.add("tzoffsetto", offset)
    rule.add("tzname", "+07")
    zone.add_component(rule)
    calendar.subcomponents.insert(0, zone)
    data: bytes = calendar.to_ical()
    return data


def _clock(day: datetime.date, hhmm: str, zone: ZoneInfo) -> datetime.datetime:
    """``day`` at the clock time ``hhmm`` ("07:30") in ``zone``."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def _times(session: Session, catalogue: Catalogue) -> HalfDayTimes:
    times = catalogue.config.session_times
    return times.sang if session.half == "sang" else times.chieu


SEQUENCE_EPOCH = datetime.date(2020, 1, 1)
"""SEQUENCE counts days from here to the course's last change: it grows with every
change, so a calendar that imported the course takes the new place or the cancellation."""

_STATUSES = {"held": STATUS.CONFIRMED, "cancelled": STATUS.CANCELLED, "planned": STATUS.TENTATIVE}


def revision(course: Course, updated: datetime.date | None, as_of: datetime.date) -> datetime.date:
    """The day ``course`` last changed: its history (or ``updated``) date, else the data date."""
    return updated or course.updated or as_of


def _events(
    course: Course, catalogue: Catalogue, host: str, updated: datetime.date | None = None
) -> list[Event]:
    """One event per session of ``course``, morning before afternoon."""
    config = catalogue.config
    zone = ZoneInfo(config.timezone)
    stamp = datetime.datetime.combine(config.data_as_of, datetime.time(), tzinfo=datetime.UTC)
    changed = revision(course, updated, config.data_as_of)
    modified = datetime.datetime.combine(changed, datetime.time(), tzinfo=datetime.UTC)
    sequence = max(0, (changed - SEQUENCE_EPOCH).days)
    topics = catalogue.topics_by_id
    url = config.site_url.rstrip("/") + "/" + html(course_page(course.id))
    # Planned courses are tentative: the place or date may still change.
    status = _STATUSES[course.status]
    words = messages.CALENDAR
    events = []
    for session in course.ordered_sessions:
        topic = topics.get(session.topic)
        label = topic.label if topic else session.topic
        times = _times(session, catalogue)
        lines = [
            f"{label}: {topic.title}" if topic else label,
            f"{words['half']}: {messages.HALF_DAYS[session.half]} ({times.start}–{times.end})",
            f"{words['kind']}: {messages.SESSION_KINDS[session.kind]}",
            f"{words['trainer']}: {session.trainer}",
            f"{words['organiser']}: {course.organiser}",
            f"{words['status']}: {messages.COURSE_STATUSES[course.status]}",
        ]
        events.append(
            Event.new(
                uid=f"{course.id}-{session.date:%Y%m%d}-{session.half}@{host}",
                stamp=stamp,
                start=_clock(session.date, times.start, zone),
                end=_clock(session.date, times.end, zone),
                summary=f"{course.title} – {label}",
                description="\n".join(lines),
                location=course.place,
                status=status,
                url=url,
                sequence=sequence,
                last_modified=modified,
            )
        )
    return events
