"""The plan's rules for a course: at least N days, at least N half-days of practice,
every topic given the half-days its outline needs.

Used twice: by the checks, which report each departure as a warning (an error
if the plan says so), and by the reports, which list the courses that departed
and why. A course may say why it knowingly departs (``exception``); it is then
listed with that reason instead of a warning. Study tours (``kind: tham_quan``)
are visits throughout and are not held to the rules for training courses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .. import messages
from .models import Course, CourseRules, Topic


@dataclass(frozen=True)
class Departure:
    """One way a course departs from the rules: a rule code and the values of its message."""

    code: str
    values: dict[str, Any]
    loc: tuple[str | int, ...] = ("sessions",)

    @property
    def text(self) -> str:
        return messages.problem_text(self.code, **self.values)[0]


def course_departures(
    course: Course, rules: CourseRules, topics: dict[str, Topic]
) -> list[Departure]:
    """How ``course`` departs from ``rules`` (nothing for a cancelled course or a study tour)."""
    if course.status == "cancelled" or course.kind == "tham_quan":
        return []
    if not course.sessions:
        return [Departure("course-no-sessions", {})]
    found = []
    if course.days < rules.min_days:
        found.append(Departure("course-too-short", {"days": course.days, "min": rules.min_days}))
    kinds = set(rules.practice_kinds)
    practice = sum(1 for s in course.sessions if s.kind in kinds)
    if practice < rules.min_practice_sessions:
        names = " hoặc ".join(messages.SESSION_KINDS[k].lower() for k in rules.practice_kinds)
        found.append(
            Departure(
                "course-no-practice",
                {"count": practice, "kinds": names, "min": rules.min_practice_sessions},
            )
        )
    given = Counter(s.topic for s in course.sessions)
    for topic_id in course.topic_ids:
        topic = topics.get(topic_id)
        if topic is not None and given[topic_id] < topic.duration:
            found.append(
                Departure(
                    "topic-too-short",
                    {"topic": topic.label, "given": given[topic_id], "duration": topic.duration},
                )
            )
    return found
