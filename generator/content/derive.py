"""Stage 4, derive: groupings computed from validated content.

Nothing here reads files or formats text: it turns records into the lists the
pages show (curricula per level, the schedule by year and month, courses per
topic). Progress against targets is in :mod:`.progress`, reports in
:mod:`.reports`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from .catalogue import Catalogue
from .models import Audience, Course, Level, Plan, Topic


def topic_order(catalogue: Catalogue, plan: Plan | None = None) -> list[Topic]:
    """Topics in framework order (group as listed in the config, then number); a plan's only."""
    rank = {g.id: i for i, g in enumerate(catalogue.config.topic_groups)}
    topics = catalogue.topics
    if plan is not None:
        wanted = set(plan.topics)
        topics = [t for t in topics if t.id in wanted]
    return sorted(topics, key=lambda t: (rank.get(t.group, 99), t.number, t.id))


# --- curricula ---------------------------------------------------------------


@dataclass(frozen=True)
class CurriculumItem:
    topic: Topic
    audiences: list[Audience]


@dataclass(frozen=True)
class Curriculum:
    level: Level
    items: list[CurriculumItem]
    plan: Plan | None = None

    @property
    def half_days(self) -> int:
        return sum(item.topic.duration for item in self.items)


def curriculum_for_level(
    catalogue: Catalogue, level: Level, plan: Plan | None = None
) -> Curriculum:
    """The topics (of ``plan``, else all) that serve ``level``, in framework order."""
    audiences = catalogue.audiences_by_id
    items = []
    for topic in topic_order(catalogue, plan):
        if level.id not in topic.levels:
            continue
        served = [audiences[a] for a in topic.audiences if audiences[a].level == level.id]
        items.append(CurriculumItem(topic, served))
    return Curriculum(level, items, plan)


def all_curricula(catalogue: Catalogue) -> list[Curriculum]:
    """A curriculum per level: the current plan's topics, or for a level it no longer
    uses, the topics of the last plan that did."""
    found = []
    for level in catalogue.config.levels:
        plans = [p for p in catalogue.plans if level.id in p.levels]
        if not plans:
            continue
        plan = catalogue.current_plan if catalogue.current_plan in plans else plans[-1]
        curriculum = curriculum_for_level(catalogue, level, plan)
        if curriculum.items:
            found.append(curriculum)
    return found


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


UPCOMING_COURSES = 5
"""How many of the next courses the home page and the schedule list."""


def upcoming_courses(courses: list[Course], as_of: datetime.date) -> list[Course]:
    """The next planned courses from the data date on (those under way included)."""
    ahead = [c for c in courses if c.status == "planned" and c.end >= as_of]
    return sorted(ahead, key=course_order)[:UPCOMING_COURSES]


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
