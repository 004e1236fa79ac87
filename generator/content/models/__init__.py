"""Stage 2, model: typed records for every kind of content file.

Each class mirrors one YAML shape. Unknown keys are refused (``extra="forbid"``)
and every field error is reported at once (see :mod:`generator.content.errors`).
Fields that name a record of another kind are marked with :class:`Ref`; one
walker checks them all (:mod:`generator.content.refs`). Which file holds which
model is declared once, in :mod:`generator.content.kinds`.
"""

from __future__ import annotations

from .audience import Audience, AudienceFile, Denominator, DenominatorFile
from .base import WINDOWS_RESERVED, Id, LongText, Record, Ref, Text
from .config import (
    CourseRules,
    HalfDayTimes,
    Level,
    Period,
    Plan,
    SessionTimes,
    SiteConfig,
    Target,
    TargetGroup,
    TopicGroup,
)
from .course import Course, CourseAudience, Session
from .front import NewsPost, PageMeta
from .topic import Reference, Section, Topic

__all__ = [
    "WINDOWS_RESERVED",
    "Audience",
    "AudienceFile",
    "Course",
    "CourseAudience",
    "CourseRules",
    "Denominator",
    "DenominatorFile",
    "HalfDayTimes",
    "Id",
    "Level",
    "LongText",
    "NewsPost",
    "PageMeta",
    "Period",
    "Plan",
    "Record",
    "Ref",
    "Reference",
    "Section",
    "Session",
    "SessionTimes",
    "SiteConfig",
    "Target",
    "TargetGroup",
    "Text",
    "Topic",
    "TopicGroup",
]
