"""Front matter of Markdown pages and news posts: plain text only."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Day, LongText, Record, Text


class NewsPost(Record):
    """The front matter of an announcement: what and when."""

    title: Text
    date: Day
    summary: LongText | None = None


# Material's hide values, and "search": the page is left out of the search
# index (a page for the office's staff, say), which every first visit downloads.
Hidden = Literal["navigation", "toc", "footer", "path", "tags", "feedback", "search"]


class PageMeta(Record):
    """The front matter a free page may have; every other key is refused.

    Material prints front-matter values into pages without escaping them, so
    only these plain-text keys are accepted (and escaped when written).
    """

    title: Text | None = None
    description: Text | None = None
    hide: list[Hidden] = Field(default_factory=list)
    tags: list[Text] = Field(default_factory=list)
