"""Stage 3, validate: checks across files and the plan's own rules.

Each check is a named function that takes the loaded :class:`Content` and
yields located problems. :func:`validate` runs them all; a check never stops
the others, so the office sees every mistake in one report.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import messages
from .models import WINDOWS_RESERVED
from .pages import unsafe_html
from .problems import Problem, listing, suggest
from .project import Content, Located

Check = Callable[[Content], Iterator[Problem]]

_KIND_NAMES = {
    "Topic": "chuyên đề",
    "Audience": "đối tượng",
    "Course": "khóa học",
    "levels": "cấp",
    "target_groups": "nhóm đối tượng",
}


def _ids(content: Content, kind: str, records: Iterable[Any]) -> set[str]:
    valid = {r.record.id for r in records}
    return valid | content.seen_ids.get(kind, set())


def _ref(
    content: Content,
    where: Located[Any],
    loc: tuple[Any, ...],
    value: str,
    kind: str,
    ids: set[str],
) -> Iterator[Problem]:
    if kind in content.unreadable:
        return  # the file defining these ids is broken and reported on its own
    if value not in ids:
        yield where.problem(
            loc,
            "unknown-ref",
            kind=_KIND_NAMES[kind],
            value=value,
            suggestion=suggest(value, ids),
            allowed=listing(ids) or "(chưa có)",
        )


def check_unique_ids(content: Content) -> Iterator[Problem]:
    """Ids are unique within each kind of record."""
    groups: list[tuple[str, list[Located[Any]]]] = [
        ("Topic", list(content.topics)),
        ("Audience", list(content.audiences)),
        ("Course", list(content.courses)),
    ]
    if content.config:
        cfg = content.config
        groups.append(
            (
                "levels",
                [Located(lv, cfg.doc, ("levels", i)) for i, lv in enumerate(cfg.record.levels)],
            )
        )
        groups.append(
            (
                "target_groups",
                [
                    Located(g, cfg.doc, ("target_groups", i))
                    for i, g in enumerate(cfg.record.target_groups)
                ],
            )
        )
    for kind, records in groups:
        first: dict[str, Located[Any]] = {}
        for item in records:
            rid = item.record.id
            if rid in first:
                other = first[rid]
                yield item.problem(
                    ("id",),
                    "duplicate-id",
                    id=rid,
                    other=f"{other.doc.file}:{other.line(('id',))}",
                    kind=_KIND_NAMES[kind],
                )
            else:
                first[rid] = item


def check_file_names(content: Content) -> Iterator[Problem]:
    """A topic or course file is named after its id, so people can find it."""
    items: list[Located[Any]] = [*content.topics, *content.courses]
    for item in items:
        name = item.doc.file.rsplit("/", 1)[-1]
        stem = name.rsplit(".", 1)[0]
        if stem != item.record.id:
            yield item.problem(("id",), "file-name-id", name=name, id=item.record.id)


def check_config(content: Content) -> Iterator[Problem]:
    """Levels, targets and the plan period are consistent."""
    if not content.config:
        return
    cfg = content.config
    plan = cfg.record.plan
    if plan.period.end < plan.period.start:
        yield cfg.problem(
            ("plan", "period", "end"), "period-order", start=plan.period.start, end=plan.period.end
        )
    for i, level in enumerate(cfg.record.levels):
        if level.valid_from and level.valid_until and level.valid_until < level.valid_from:
            yield cfg.problem(
                ("levels", i, "valid_until"),
                "level-dates",
                level=level.id,
                since=level.valid_from,
                until=level.valid_until,
            )
    groups = _ids(content, "target_groups", [])
    levels = _ids(content, "levels", [])
    for i, target in enumerate(cfg.record.targets):
        yield from _ref(
            content,
            cfg,
            ("targets", i, "target_group"),
            target.target_group,
            "target_groups",
            groups,
        )
        for j, level_id in enumerate(target.levels or []):
            yield from _ref(content, cfg, ("targets", i, "levels", j), level_id, "levels", levels)


def check_topics(content: Content) -> Iterator[Problem]:
    """Topic references exist, audiences match levels, numbering is unique."""
    if not content.config:
        return
    cfg = content.config.record
    levels = _ids(content, "levels", [])
    audience_ids = _ids(content, "Audience", content.audiences)
    audiences = {a.record.id: a.record for a in content.audiences}
    group_ids = {g.id for g in cfg.topic_groups}
    numbers: dict[tuple[str, int], Located[Any]] = {}
    for item in sorted(content.topics, key=lambda t: t.doc.file):
        topic = item.record
        if topic.group not in group_ids:
            yield item.problem(
                ("group",),
                "wrong-choice",
                value=topic.group,
                suggestion=suggest(topic.group, group_ids),
                allowed=listing(group_ids),
            )
        if (topic.group == "local") != (topic.status == "local"):
            yield item.problem(
                ("status",), "status-group-mismatch", status=topic.status, group=topic.group
            )
        key = (topic.group, topic.number)
        if key in numbers:
            yield item.problem(
                ("number",),
                "topic-number-twice",
                number=topic.number,
                group=topic.group,
                other=numbers[key].doc.file,
            )
        else:
            numbers[key] = item
        for i, level_id in enumerate(topic.levels):
            yield from _ref(content, item, ("levels", i), level_id, "levels", levels)
        for i, audience_id in enumerate(topic.audiences):
            yield from _ref(content, item, ("audiences", i), audience_id, "Audience", audience_ids)
            audience = audiences.get(audience_id)
            if audience and audience.level in levels and audience.level not in topic.levels:
                yield item.problem(
                    ("audiences", i),
                    "audience-level-mismatch",
                    audience=audience_id,
                    level=audience.level,
                    levels=", ".join(topic.levels),
                )


def check_framework(content: Content) -> Iterator[Problem]:
    """Each framework group holds the number of topics the plan says (6/9/4)."""
    if not content.config:
        return
    cfg = content.config
    counts = Counter(t.record.group for t in content.topics)
    broken = content.invalid.get("Topic", 0) > 0
    for i, group in enumerate(cfg.record.topic_groups):
        if group.expected is None or broken:
            continue  # a broken topic file is reported on its own; don't guess its group
        if counts[group.id] != group.expected:
            yield cfg.problem(
                ("topic_groups", i, "expected"),
                "group-count",
                group=group.id,
                count=counts[group.id],
                expected=group.expected,
            )


def check_audiences(content: Content) -> Iterator[Problem]:
    """Each audience's level and target group exist."""
    levels = _ids(content, "levels", [])
    groups = _ids(content, "target_groups", [])
    for item in content.audiences:
        yield from _ref(content, item, ("level",), item.record.level, "levels", levels)
        yield from _ref(
            content, item, ("target_group",), item.record.target_group, "target_groups", groups
        )


def check_denominators(content: Content) -> Iterator[Problem]:
    """Each (level, target group) denominator is given once and refers to real ids."""
    levels = _ids(content, "levels", [])
    groups = _ids(content, "target_groups", [])
    first: dict[tuple[str, str], Located[Any]] = {}
    for item in content.denominators:
        d = item.record
        yield from _ref(content, item, ("level",), d.level, "levels", levels)
        yield from _ref(content, item, ("target_group",), d.target_group, "target_groups", groups)
        key = (d.level, d.target_group)
        if key in first:
            yield item.problem(
                ("level",),
                "denominator-twice",
                level=d.level,
                group=d.target_group,
                first_line=first[key].line(),
            )
        else:
            first[key] = item


def _validity(level: Any) -> str:
    since = level.valid_from.isoformat() if level.valid_from else "…"
    until = level.valid_until.isoformat() if level.valid_until else "…"
    return f"{since} – {until}"


def check_courses(content: Content) -> Iterator[Problem]:
    """References, dates and trainee counts of every course."""
    if not content.config:
        return
    cfg = content.config.record
    levels = {lv.id: lv for lv in cfg.levels}
    level_ids = _ids(content, "levels", [])
    topic_ids = _ids(content, "Topic", content.topics)
    audience_ids = _ids(content, "Audience", content.audiences)
    audiences = {a.record.id: a.record for a in content.audiences}
    for item in content.courses:
        course = item.record
        yield from _ref(content, item, ("level",), course.level, "levels", level_ids)
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
                        validity=_validity(level),
                    )
                    break
        if course.status == "held" and course.end > cfg.data_as_of:
            yield item.problem(("status",), "held-in-future", end=course.end, as_of=cfg.data_as_of)
        yield from _check_sessions(content, item, topic_ids, check_dates=dates_ok)
        seen: set[str] = set()
        for i, entry in enumerate(course.audiences):
            yield from _ref(
                content,
                item,
                ("audiences", i, "audience"),
                entry.audience,
                "Audience",
                audience_ids,
            )
            if entry.audience in seen:
                yield item.problem(
                    ("audiences", i, "audience"), "audience-twice", audience=entry.audience
                )
            seen.add(entry.audience)
            audience = audiences.get(entry.audience)
            if (
                audience
                and audience.level in levels
                and not all(levels[audience.level].valid_on(d) for d in (course.start, course.end))
            ):
                yield item.problem(
                    ("audiences", i, "audience"),
                    "level-not-valid",
                    level=audience.level,
                    day=course.start,
                    validity=_validity(levels[audience.level]),
                )
            if course.status != "held" and (
                entry.actual is not None or entry.new_persons is not None
            ):
                yield item.problem(
                    ("audiences", i, "actual"), "actual-not-held", status=course.status
                )
            if course.status == "held" and entry.actual is None:
                yield item.problem(("audiences", i), "actual-missing", audience=entry.audience)
            if (
                entry.new_persons is not None
                and entry.actual is not None
                and entry.new_persons > entry.actual
            ):
                yield item.problem(
                    ("audiences", i, "new_persons"),
                    "new-exceeds-actual",
                    new=entry.new_persons,
                    actual=entry.actual,
                )


def _check_sessions(
    content: Content, item: Located[Any], topic_ids: set[str], *, check_dates: bool
) -> Iterator[Problem]:
    course = item.record
    slots: dict[tuple[datetime.date, str], int] = {}
    for i, session in enumerate(course.sessions):
        yield from _ref(content, item, ("sessions", i, "topic"), session.topic, "Topic", topic_ids)
        if check_dates and not course.start <= session.date <= course.end:
            yield item.problem(
                ("sessions", i, "date"),
                "session-outside-course",
                day=session.date,
                start=course.start,
                end=course.end,
            )
        slot = (session.date, session.half)
        if slot in slots:
            yield item.problem(
                ("sessions", i, "half"),
                "session-twice",
                half=messages.HALF_DAYS[session.half].lower(),
                day=session.date,
                first_line=slots[slot],
            )
        else:
            slots[slot] = item.line(("sessions", i))


def check_course_rules(content: Content) -> Iterator[Problem]:
    """Held and planned courses meet the plan's minimum length and practice."""
    if not content.config:
        return
    rules = content.config.record.course_rules
    kinds = set(rules.practice_kinds)
    kind_names = " hoặc ".join(messages.SESSION_KINDS[k].lower() for k in rules.practice_kinds)
    for item in content.courses:
        course = item.record
        if course.status == "cancelled":
            continue
        if not course.sessions:
            yield item.problem(("sessions",), "course-no-sessions")
            continue
        if course.days < rules.min_days:
            yield item.problem(
                ("sessions",), "course-too-short", days=course.days, min=rules.min_days
            )
        practice = sum(1 for s in course.sessions if s.kind in kinds)
        if practice < rules.min_practice_sessions:
            yield item.problem(
                ("sessions",),
                "course-no-practice",
                count=practice,
                kinds=kind_names,
                min=rules.min_practice_sessions,
            )


def check_pages(content: Content) -> Iterator[Problem]:
    """Free pages must not take the name of a generated page; listed pages exist."""
    from .render import RESERVED_PATHS  # the renderer owns the generated names

    if content.config:
        existing = {page.path for page in content.pages}
        for i, name in enumerate(content.config.record.pages):
            if name not in existing:
                yield content.config.problem(
                    ("pages", i),
                    "unknown-ref",
                    kind="trang",
                    value=name,
                    suggestion=suggest(name, existing),
                    allowed=listing(existing) or "(chưa có)",
                )
    for name in [p.path for p in content.pages] + [a.path for a in content.assets]:
        if any(part.split(".", 1)[0].lower() in WINDOWS_RESERVED for part in name.split("/")):
            yield Problem.make(f"content/pages/{name}", 1, 1, "reserved-file-name", name=name)
    for asset in content.assets:
        top = asset.path.split("/", 1)[0]
        if asset.path in RESERVED_PATHS or top in RESERVED_PATHS:
            yield Problem.make(f"content/pages/{asset.path}", 1, 1, "page-outside", name=asset.path)
    for page in content.pages:
        top = page.path.split("/", 1)[0]
        if page.path in RESERVED_PATHS or top in RESERVED_PATHS:
            yield Problem.make(page.source, 1, 1, "page-outside", name=page.path)
        yield from unsafe_html(page.source, page.body, page.body_line, page.html)


def check_news(content: Content) -> Iterator[Problem]:
    """Posts are named after their date and contain nothing that runs code."""
    for news in content.news:
        day = news.post.date.isoformat()
        if not news.slug.startswith(day) or not re.fullmatch(r"[0-9a-z-]+", news.slug):
            yield Problem.make(news.source, 1, 1, "news-file-name", name=news.slug + ".md", day=day)
        yield from unsafe_html(news.source, news.body, news.body_line, news.html)


CHECKS: tuple[Check, ...] = (
    check_unique_ids,
    check_file_names,
    check_config,
    check_topics,
    check_framework,
    check_audiences,
    check_denominators,
    check_courses,
    check_course_rules,
    check_pages,
    check_news,
)


def validate(content: Content) -> list[Problem]:
    """Run every check; return all problems (loading and cross-file), sorted."""
    problems = list(content.problems)
    for check in CHECKS:
        problems.extend(check(content))
    return sorted(set(problems))
