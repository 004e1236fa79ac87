"""Stage 3, validate: checks across files and the plan's own rules.

Each check is a named function that takes the loaded :class:`Content` and
yields located problems; their words and severities are in the rule catalogue
(:mod:`generator.messages.rules`). References between records are checked by
one walker (:func:`.refs.check_refs`); "given twice" checks share
:func:`first_seen`. :func:`validate` runs them all; a check never stops the
others, so the office sees every mistake in one report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, TypeVar

from .. import messages, paths
from ..problems import Problem, listing, suggest
from .kinds import KINDS
from .models import WINDOWS_RESERVED, Level
from .pages import unsafe_html
from .project import Content, Located
from .refs import known_ids

Check = Callable[[Content], Iterator[Problem]]
T = TypeVar("T")


def first_seen(items: Iterable[T], key: Callable[[T], Hashable]) -> Iterator[tuple[T, T]]:
    """Each item whose key an earlier item already had, with that earlier item.

    >>> list(first_seen(["a", "b", "a"], key=str))
    [('a', 'a')]
    """
    first: dict[Hashable, T] = {}
    for item in items:
        k = key(item)
        if k in first:
            yield item, first[k]
        else:
            first[k] = item


def check_unique_ids(content: Content) -> Iterator[Problem]:
    """Ids are unique within each kind of record."""
    for kind in KINDS:
        if kind.id_field is None:
            continue
        field = kind.id_field
        records = content.of(kind.name)
        for item, other in first_seen(records, key=lambda r: getattr(r.record, field)):
            yield item.problem(
                (field,),
                "duplicate-id",
                id=getattr(item.record, field),
                other=f"{other.doc.file}:{other.line((field,))}",
                kind=kind.label,
            )


def check_file_names(content: Content) -> Iterator[Problem]:
    """A record kept one per file is named after its id, so people can find it."""
    for kind in KINDS:
        if kind.layout != "folder" or kind.id_field is None:
            continue
        for item in content.of(kind.name):
            name = item.doc.file.rsplit("/", 1)[-1]
            record_id = getattr(item.record, kind.id_field)
            if name.rsplit(".", 1)[0] != record_id:
                yield item.problem((kind.id_field,), "file-name-id", name=name, id=record_id)


def check_rule_names(content: Content) -> Iterator[Problem]:
    """Rules named in ``rules:`` (of the site or of a plan) exist."""
    owners: list[Located[Any]] = [*content.of("config"), *content.of("plan")]
    for item in owners:
        for code in item.record.rules:
            if code not in messages.RULES:
                yield item.problem(
                    ("rules", code),
                    "unknown-key",
                    key=True,
                    name=code,
                    suggestion=suggest(code, messages.RULES),
                    allowed=listing(messages.RULES, limit=8),
                )


def check_config(content: Content) -> Iterator[Problem]:
    """The levels' dates are in order."""
    if not content.config:
        return
    cfg = content.config
    for i, level in enumerate(cfg.record.levels):
        if level.valid_from and level.valid_until and level.valid_until < level.valid_from:
            yield cfg.problem(
                ("levels", i, "valid_until"),
                "level-dates",
                level=level.id,
                since=level.valid_from,
                until=level.valid_until,
            )


def check_topics(content: Content) -> Iterator[Problem]:
    """Status matches group, numbering is unique, audiences match the topic's levels."""
    audiences = {a.record.id: a.record for a in content.audiences}
    levels = known_ids(content).get("level") or set()
    topics = sorted(content.topics, key=lambda t: t.doc.file)
    for item in topics:
        topic = item.record
        if (topic.group == "local") != (topic.status == "local"):
            yield item.problem(
                ("status",), "status-group-mismatch", status=topic.status, group=topic.group
            )
        for i, audience_id in enumerate(topic.audiences):
            audience = audiences.get(audience_id)
            if audience and audience.level in levels and audience.level not in topic.levels:
                yield item.problem(
                    ("audiences", i),
                    "audience-level-mismatch",
                    audience=audience_id,
                    level=audience.level,
                    levels=", ".join(topic.levels),
                )
    for item, other in first_seen(topics, key=lambda t: (t.record.group, t.record.number)):
        yield item.problem(
            ("number",),
            "topic-number-twice",
            number=item.record.number,
            group=item.record.group,
            other=other.doc.file,
        )


def level_validity(level: Level) -> str:
    """When a level is in force, for messages: "2021-01-01 – 2025-06-30"."""
    since = level.valid_from.isoformat() if level.valid_from else "…"
    until = level.valid_until.isoformat() if level.valid_until else "…"
    return f"{since} – {until}"


def check_courses(content: Content) -> Iterator[Problem]:
    """Dates, levels in force, sessions and trainee counts of every course."""
    if not content.config:
        return
    cfg = content.config.record
    levels = {lv.id: lv for lv in cfg.levels}
    audiences = {a.record.id: a.record for a in content.audiences}
    for item in content.courses:
        course = item.record
        dates_ok = course.start <= course.end
        if not dates_ok:
            yield item.problem(("end",), "end-before-start", start=course.start, end=course.end)
        level = levels.get(course.level)
        if level is not None:
            for field, day in (("start", course.start), ("end", course.end)):
                if not level.valid_on(day):
                    yield item.problem(
                        (field,),
                        "level-not-valid",
                        level=level.id,
                        day=day,
                        validity=level_validity(level),
                    )
                    break
        if course.status == "held" and course.end > cfg.data_as_of:
            yield item.problem(("status",), "held-in-future", end=course.end, as_of=cfg.data_as_of)
        yield from _check_sessions(item, check_dates=dates_ok)
        yield from _check_audiences(item, levels, audiences)


def _check_sessions(item: Located[Any], *, check_dates: bool) -> Iterator[Problem]:
    course = item.record
    for i, session in enumerate(course.sessions):
        if check_dates and not course.start <= session.date <= course.end:
            yield item.problem(
                ("sessions", i, "date"),
                "session-outside-course",
                day=session.date,
                start=course.start,
                end=course.end,
            )
    numbered = list(enumerate(course.sessions))
    for (i, session), (j, _) in first_seen(numbered, key=lambda s: (s[1].date, s[1].half)):
        yield item.problem(
            ("sessions", i, "half"),
            "session-twice",
            half=messages.HALF_DAYS[session.half].lower(),
            day=session.date,
            first_line=item.line(("sessions", j)),
        )


def _check_audiences(
    item: Located[Any], levels: dict[str, Level], audiences: dict[str, Any]
) -> Iterator[Problem]:
    course = item.record
    numbered = list(enumerate(course.audiences))
    for (i, entry), _ in first_seen(numbered, key=lambda e: e[1].audience):
        yield item.problem(("audiences", i, "audience"), "audience-twice", audience=entry.audience)
    for i, entry in numbered:
        audience = audiences.get(entry.audience)
        level = levels.get(audience.level) if audience else None
        if level and not all(level.valid_on(d) for d in (course.start, course.end)):
            yield item.problem(
                ("audiences", i, "audience"),
                "level-not-valid",
                level=level.id,
                day=course.start,
                validity=level_validity(level),
            )
        if course.status != "held" and (entry.actual is not None or entry.new_persons is not None):
            yield item.problem(("audiences", i, "actual"), "actual-not-held", status=course.status)
        if course.status == "held" and entry.actual is None:
            yield item.problem(("audiences", i), "actual-missing", audience=entry.audience)
        new, actual = entry.new_persons, entry.actual
        if new is not None and actual is not None and new > actual:
            yield item.problem(
                ("audiences", i, "new_persons"), "new-exceeds-actual", new=new, actual=actual
            )


def check_pages(content: Content) -> Iterator[Problem]:
    """Free pages and their files: names free, nothing unsafe."""
    for name in [p.path for p in content.pages] + [a.path for a in content.assets]:
        source = f"{_pages_folder()}/{name}"
        if paths.is_reserved(name):
            yield Problem.make(source, 1, 1, "page-outside", name=name)
        if any(part.split(".", 1)[0].lower() in WINDOWS_RESERVED for part in name.split("/")):
            yield Problem.make(source, 1, 1, "reserved-file-name", name=name)
    for page in content.pages:
        yield from unsafe_html(page.source, page.body, page.body_line, page.html)


def _pages_folder() -> str:
    return next(k.path for k in KINDS if k.name == "page")


def check_news(content: Content) -> Iterator[Problem]:
    """Posts are named after their date and contain nothing that runs code."""
    for news in content.news:
        day = news.post.date.isoformat()
        if not news.slug.startswith(day) or not re.fullmatch(r"[0-9a-z-]+", news.slug):
            yield Problem.make(news.source, 1, 1, "news-file-name", name=news.slug + ".md", day=day)
        yield from unsafe_html(news.source, news.body, news.body_line, news.html)
