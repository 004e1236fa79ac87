"""Stage 2, model: typed records for every kind of content file.

Each class mirrors one YAML shape. Unknown keys are refused (``extra="forbid"``)
and every field error is reported at once (see :mod:`generator.content.errors`).
Fields that name a record of another kind are marked with :class:`Ref`; one
walker checks them all (:mod:`generator.content.refs`). Which file holds which
model is declared once, in :mod:`generator.content.kinds`.
"""

from __future__ import annotations

from .audience import Audience, AudienceFile
from .base import WINDOWS_RESERVED, Id, LongText, Record, Ref, Text
from .config import (
    HalfDayTimes,
    Level,
    PriorityArea,
    SessionTimes,
    SiteConfig,
    TargetGroup,
    TopicGroup,
)
from .course import Budget, Course, CourseAudience, Evaluation, Session
from .front import NewsPost, PageMeta
from .plan import (
    AnnualPlan,
    AnnualRow,
    BudgetLine,
    Closing,
    CourseRules,
    Denominator,
    DenominatorSet,
    FrameworkGroup,
    Participants,
    Period,
    Plan,
    Target,
)
from .result import AggregateResult, ResultAudience
from .topic import Reference, Section, Topic

__all__ = [
    "WINDOWS_RESERVED",
    "AggregateResult",
    "AnnualPlan",
    "AnnualRow",
    "Audience",
    "AudienceFile",
    "Budget",
    "BudgetLine",
    "Closing",
    "Course",
    "CourseAudience",
    "CourseRules",
    "Denominator",
    "DenominatorSet",
    "Evaluation",
    "FrameworkGroup",
    "HalfDayTimes",
    "Id",
    "Level",
    "LongText",
    "NewsPost",
    "PageMeta",
    "Participants",
    "Period",
    "Plan",
    "PriorityArea",
    "Record",
    "Ref",
    "Reference",
    "ResultAudience",
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
