"""Stage 4, derive: figures and groupings computed from validated content.

Nothing here reads files or formats text: it turns records into the numbers
and lists the pages show (progress against targets, curricula per level, the
schedule by year and month).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from .models import Audience, Course, Level, SiteConfig, Target, TargetGroup, Topic


@dataclass(frozen=True)
class Catalogue:
    """The validated content, indexed for rendering."""

    config: SiteConfig
    topics: list[Topic]
    audiences: list[Audience]
    courses: list[Course]
    denominators: dict[tuple[str, str], int]
    denominators_as_of: datetime.date
    denominators_source: str

    @property
    def levels(self) -> dict[str, Level]:
        return {lv.id: lv for lv in self.config.levels}

    @property
    def target_groups(self) -> dict[str, TargetGroup]:
        return {g.id: g for g in self.config.target_groups}

    @property
    def topics_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @property
    def audiences_by_id(self) -> dict[str, Audience]:
        return {a.id: a for a in self.audiences}


def topic_order(catalogue: Catalogue) -> list[Topic]:
    """Topics in framework order: group (as listed in the config), then number."""
    rank = {g.id: i for i, g in enumerate(catalogue.config.topic_groups)}
    return sorted(catalogue.topics, key=lambda t: (rank.get(t.group, 99), t.number, t.id))


# --- progress ----------------------------------------------------------------


@dataclass(frozen=True)
class ProgressRow:
    """People trained in one target group at one level, against the target."""

    level: Level | None  # None for the all-levels total of a target group
    group: TargetGroup
    denominator: int | None
    persons: int
    turns: int
    target: Target | None

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return 100.0 * self.persons / self.denominator

    @property
    def met(self) -> bool | None:
        if self.target is None or self.percent is None:
            return None
        return self.percent >= self.target.percent


def _target_for(config: SiteConfig, group_id: str, level_id: str | None) -> Target | None:
    for target in config.targets:
        if target.target_group != group_id:
            continue
        if level_id is None or target.levels is None or level_id in target.levels:
            return target
    return None


def progress_by_level(catalogue: Catalogue) -> list[ProgressRow]:
    """Rows per (level, target group), then a total row per target group.

    People are counted from held courses by the level of their audience (a
    provincial course may train commune cadres), using ``new_persons`` so one
    cadre at two courses counts once when the office records it so.

    >>> # see tests/test_derive.py for worked examples
    """
    persons: dict[tuple[str, str], int] = defaultdict(int)
    turns: dict[tuple[str, str], int] = defaultdict(int)
    audiences = catalogue.audiences_by_id
    for course in catalogue.courses:
        if course.status != "held":
            continue
        for entry in course.audiences:
            audience = audiences[entry.audience]
            key = (audience.level, audience.target_group)
            persons[key] += entry.persons
            turns[key] += entry.actual or 0
    config = catalogue.config
    keys = set(catalogue.denominators) | set(persons)
    level_rank = {lv.id: i for i, lv in enumerate(config.levels)}
    group_rank = {g.id: i for i, g in enumerate(config.target_groups)}
    rows: list[ProgressRow] = []
    for level_id, group_id in sorted(keys, key=lambda k: (group_rank[k[1]], level_rank[k[0]])):
        rows.append(
            ProgressRow(
                level=catalogue.levels[level_id],
                group=catalogue.target_groups[group_id],
                denominator=catalogue.denominators.get((level_id, group_id)),
                persons=persons[(level_id, group_id)],
                turns=turns[(level_id, group_id)],
                target=_target_for(config, group_id, level_id),
            )
        )
    return rows


def progress_totals(rows: list[ProgressRow], catalogue: Catalogue) -> list[ProgressRow]:
    """One all-levels row per target group, in config order."""
    totals = []
    for group in catalogue.config.target_groups:
        mine = [r for r in rows if r.group.id == group.id]
        if not mine:
            continue
        denominators = [r.denominator for r in mine if r.denominator is not None]
        totals.append(
            ProgressRow(
                level=None,
                group=group,
                denominator=sum(denominators) if denominators else None,
                persons=sum(r.persons for r in mine),
                turns=sum(r.turns for r in mine),
                target=_target_for(catalogue.config, group.id, None),
            )
        )
    return totals


# --- curricula ---------------------------------------------------------------


@dataclass(frozen=True)
class CurriculumItem:
    topic: Topic
    audiences: list[Audience]


@dataclass(frozen=True)
class Curriculum:
    level: Level
    items: list[CurriculumItem]

    @property
    def half_days(self) -> int:
        return sum(item.topic.duration for item in self.items)


def curriculum_for_level(catalogue: Catalogue, level: Level) -> Curriculum:
    """The topics that serve ``level``, in framework order, with their audiences there."""
    audiences = catalogue.audiences_by_id
    items = []
    for topic in topic_order(catalogue):
        if level.id not in topic.levels:
            continue
        served = [audiences[a] for a in topic.audiences if audiences[a].level == level.id]
        items.append(CurriculumItem(topic, served))
    return Curriculum(level, items)


# --- schedule ----------------------------------------------------------------


@dataclass
class Month:
    year: int
    month: int
    courses: list[Course] = field(default_factory=list)


@dataclass
class Year:
    year: int
    months: list[Month] = field(default_factory=list)

    @property
    def courses(self) -> list[Course]:
        return [c for m in self.months for c in m.courses]


def course_order(course: Course) -> tuple[datetime.date, datetime.date, str]:
    return (course.start, course.end, course.id)


def schedule_by_year(courses: list[Course]) -> list[Year]:
    """Courses grouped by the year and month they start, in date order."""
    years: dict[int, Year] = {}
    for course in sorted(courses, key=course_order):
        year = years.setdefault(course.start.year, Year(course.start.year))
        if not year.months or year.months[-1].month != course.start.month:
            year.months.append(Month(course.start.year, course.start.month))
        year.months[-1].courses.append(course)
    return [years[y] for y in sorted(years)]


def audiences_by_level(catalogue: Catalogue, topic: Topic) -> list[tuple[Level, list[Audience]]]:
    """The topic's levels, each with the topic's audiences at that level."""
    audiences = catalogue.audiences_by_id
    levels = catalogue.levels
    return [
        (levels[lv], [audiences[a] for a in topic.audiences if audiences[a].level == lv])
        for lv in topic.levels
    ]


def courses_by_topic(catalogue: Catalogue) -> dict[str, list[Course]]:
    """Courses with at least one session on each topic, in date order (one pass)."""
    found: dict[str, list[Course]] = defaultdict(list)
    for course in sorted(catalogue.courses, key=course_order):
        for topic_id in course.topic_ids:
            found[topic_id].append(course)
    return found


@dataclass(frozen=True)
class Headline:
    topics_framework: int
    topics_local: int
    topics_drafted: int
    courses_held: int
    courses_planned: int
    courses_cancelled: int
    trainee_turns: int
    persons: int


def headline(catalogue: Catalogue) -> Headline:
    """The few numbers the home page leads with."""
    status = [c.status for c in catalogue.courses]
    held = [c for c in catalogue.courses if c.status == "held"]
    return Headline(
        topics_framework=sum(1 for t in catalogue.topics if t.group != "local"),
        topics_local=sum(1 for t in catalogue.topics if t.group == "local"),
        topics_drafted=sum(1 for t in catalogue.topics if t.status == "drafted"),
        courses_held=status.count("held"),
        courses_planned=status.count("planned"),
        courses_cancelled=status.count("cancelled"),
        trainee_turns=sum(a.actual or 0 for c in held for a in c.audiences),
        persons=sum(a.persons for c in held for a in c.audiences),
    )


# --- what changed ------------------------------------------------------------


@dataclass(frozen=True)
class ChangeItem:
    """One line of the "what changed" page."""

    day: datetime.date
    action: str  # "Thêm mới", "Cập nhật", "Xóa"
    kind: str  # "Chuyên đề", "Khóa học", "Cài đặt"
    title: str
    page: str | None  # the page to link to, when it still exists


@dataclass(frozen=True)
class Timeline:
    """Last-updated dates of topic and course pages, and recent changes."""

    updated: dict[str, datetime.date] = field(default_factory=dict)  # page path -> date
    changes: list[ChangeItem] = field(default_factory=list)
    from_git: bool = False
