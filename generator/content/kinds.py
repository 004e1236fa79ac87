"""Every kind of content, declared once.

A :class:`Kind` says where a kind's files are, how records sit in them (one
file, one record per file in a folder, a list in one file, a list inside
another kind's record, or Markdown with front matter), its model, its id
field, its editor schema, whether ``handbook new`` scaffolds it, and whether
its git history feeds "last updated". Loading (:mod:`.project`), reference
checks (:mod:`.refs`), ``handbook schema``, ``handbook new``, the history of
changes and the kind names in messages all read :data:`KINDS`; adding a kind
of record is a new entry here, its model, its template and its tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .. import messages, paths
from .models import (
    AggregateResult,
    AnnualPlan,
    Audience,
    AudienceFile,
    Course,
    Level,
    NewsPost,
    PageMeta,
    Plan,
    PriorityArea,
    Record,
    SiteConfig,
    TargetGroup,
    Topic,
    TopicGroup,
)

Layout = Literal["file", "folder", "list", "nested", "markdown"]


@dataclass(frozen=True)
class Kind:
    """How one kind of content is stored, validated and published."""

    name: str
    layout: Layout
    model: type[Record]
    path: str = ""
    """The file (``file``, ``list``) or folder (``folder``, ``markdown``), from the project root."""
    file_model: type[Record] | None = None
    """For ``list``: the model of the whole file (the list and what surrounds it)."""
    key: str | None = None
    """For ``list`` and ``nested``: the key holding the list."""
    parent: str | None = None
    """For ``nested``: the kind whose record holds the list."""
    id_field: str | None = "id"
    schema: str | None = None
    """The editor schema, ``schemas/<schema>.schema.json``; None for nested kinds."""
    required: bool = True
    """A missing file or an empty folder is a problem."""
    history: bool = False
    """Git history of the kind's files feeds "last updated" and the changes page."""
    page: Callable[[str], str] | None = None
    """The page of a record, by id."""
    scaffold: bool = False
    """``handbook new <name>`` writes a new file of this kind."""

    @property
    def label(self) -> str:
        """The kind's name in messages, in Vietnamese ("chuyên đề")."""
        return messages.KIND_NAMES[self.name]

    @property
    def schema_title(self) -> str:
        return messages.SCHEMA_TITLES.get(self.schema or "", self.label)


CONFIG_FILE = "site_config.yml"

KINDS: tuple[Kind, ...] = (
    Kind(
        "config", "file", SiteConfig, CONFIG_FILE, id_field=None, schema="site_config", history=True
    ),
    Kind("level", "nested", Level, parent="config", key="levels"),
    Kind("target_group", "nested", TargetGroup, parent="config", key="target_groups"),
    Kind("topic_group", "nested", TopicGroup, parent="config", key="topic_groups"),
    Kind("priority_area", "nested", PriorityArea, parent="config", key="priority_areas"),
    Kind(
        "plan",
        "folder",
        Plan,
        "content/plans",
        schema="plan",
        history=True,
        page=paths.plan_page,
    ),
    Kind(
        "topic",
        "folder",
        Topic,
        "topics",
        schema="topic",
        history=True,
        page=paths.topic_page,
        scaffold=True,
    ),
    Kind(
        "audience",
        "list",
        Audience,
        "content/audiences.yml",
        file_model=AudienceFile,
        key="audiences",
        schema="audiences",
    ),
    Kind(
        "course",
        "folder",
        Course,
        "content/courses",
        schema="course",
        required=False,
        history=True,
        page=paths.course_page,
        scaffold=True,
    ),
    Kind(
        "annual_plan",
        "folder",
        AnnualPlan,
        "content/annual-plans",
        schema="annual_plan",
        required=False,
        history=True,
    ),
    Kind(
        "result",
        "folder",
        AggregateResult,
        "content/results",
        schema="result",
        required=False,
        history=True,
    ),
    Kind(
        "page", "markdown", PageMeta, "content/pages", id_field=None, schema="page", required=False
    ),
    Kind(
        "news", "markdown", NewsPost, "content/news", id_field=None, schema="news", required=False
    ),
)
"""Every kind, in the order it is loaded and reported."""

BY_NAME = {kind.name: kind for kind in KINDS}


def kind(name: str) -> Kind:
    """The kind called ``name``."""
    return BY_NAME[name]
