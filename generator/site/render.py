"""Stage 5, render: Jinja2 templates turn the catalogue into Markdown pages.

Every ``{{ value }}`` is escaped for Markdown and HTML unless a filter marked it
safe (links, formatted dates), so text from YAML can never become markup (see
:mod:`.markup`). Pages are registered in a :class:`Site` together with their
place in the navigation, so a page and its menu entry cannot drift apart.
Nothing is written here.
"""

from __future__ import annotations

import functools
import html
import posixpath
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup

from .. import messages, paths
from ..content import derive
from ..content.catalogue import Catalogue
from ..content.derive import Timeline
from ..content.pages import News, Page
from .markup import free_page, md_escape, vn_date, vn_number, vn_percent, yaml_string

RECENT_COURSES = 10
"""A topic page lists this many of its latest courses, so it (and the search index)
does not grow with the schedule."""


@dataclass(frozen=True)
class NavItem:
    """One entry of the navigation: a page (its own title when ``title`` is None) or a section."""

    title: str | None
    path: str | None = None
    children: tuple[NavItem, ...] = ()

    def to_mkdocs(self) -> Any:
        """The nav entry as MkDocs expects it in YAML (titles HTML-escaped: MkDocs does not)."""
        title = html.escape(self.title) if self.title is not None else None
        if self.children:
            return {title: [c.to_mkdocs() for c in self.children]}
        return self.path if title is None else {title: self.path}


@dataclass
class _Section:
    title: str | None
    path: str | None = None
    children: list[_Section] = field(default_factory=list)

    def child(self, title: str) -> _Section:
        for node in self.children:
            if node.path is None and node.title == title:
                return node
        node = _Section(title)
        self.children.append(node)
        return node

    def item(self) -> NavItem:
        return NavItem(self.title, self.path, tuple(c.item() for c in self.children))


@dataclass
class Site:
    """The pages of the site and the navigation, registered together.

    >>> site = Site()
    >>> site.add("a.md", "# A", section=("Nhóm",))
    >>> site.nav()[0].to_mkdocs()
    {'Nhóm': ['a.md']}
    """

    pages: dict[str, str] = field(default_factory=dict)
    _root: _Section = field(default_factory=lambda: _Section(None))

    def add(
        self,
        path: str,
        text: str,
        *,
        section: tuple[str, ...] = (),
        title: str | None = None,
        in_nav: bool = True,
    ) -> None:
        """Add a page; unless ``in_nav`` is False it is listed under ``section`` in order."""
        if path in self.pages:
            raise ValueError(f"page {path!r} rendered twice")
        self.pages[path] = text
        if in_nav:
            node = self._root
            for name in section:
                node = node.child(name)
            node.children.append(_Section(title, path))

    def nav(self) -> list[NavItem]:
        return [child.item() for child in self._root.children]


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]
    nav: list[NavItem]


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def _finalize(value: Any) -> Markup:
    # Autoescape is on so macros return Markup; everything else is escaped for
    # Markdown here (Jinja's own HTML escaping then leaves Markup alone).
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(md_escape(value))


class Renderer:
    """Holds the Jinja environment and the catalogue; renders one page at a time."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("generator.site", "templates"),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            finalize=_finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            date=vn_date, number=vn_number, percent=vn_percent, yaml=yaml_string
        )
        self.env.globals.update(
            m=messages,
            cfg=catalogue.config,
            levels=catalogue.levels,
            target_groups=catalogue.target_groups,
            topics_by_id=catalogue.topics_by_id,
            audiences_by_id=catalogue.audiences_by_id,
            topic_groups={g.id: g for g in catalogue.config.topic_groups},
            paths=paths,
            recent_courses=RECENT_COURSES,
            updated={},
        )

    def page(self, template: str, path: str, **context: Any) -> str:
        folder = posixpath.dirname(path) or "."

        def url(target: str, anchor: str = "") -> Markup:
            return Markup(_relative(target, folder) + (f"#{anchor}" if anchor else ""))

        text = self.env.get_template(template).render(page_path=path, url=url, **context)
        return text.rstrip("\n") + "\n"


def render_site(
    catalogue: Catalogue,
    free_pages: list[Page],
    news: list[News] | None = None,
    timeline: Timeline | None = None,
) -> Rendered:
    """Render every page of the site and register it in the navigation."""
    news = sorted(news or [], key=lambda n: (n.post.date, n.slug), reverse=True)
    timeline = timeline or Timeline()
    r = Renderer(catalogue)
    r.env.globals["updated"] = timeline.updated
    cfg = catalogue.config
    nav, titles = messages.NAV, messages.PAGE_TITLES
    site = Site()
    topics = derive.topic_order(catalogue)
    by_topic = derive.courses_by_topic(catalogue)
    rows = derive.progress_by_level(catalogue)
    totals = derive.progress_totals(rows, catalogue)
    years = derive.schedule_by_year(catalogue.courses)
    head = derive.headline(catalogue)
    curricula = [derive.curriculum_for_level(catalogue, lv) for lv in cfg.levels]
    curricula = [c for c in curricula if c.items]
    course_levels = [lv for lv in cfg.levels if any(c.level == lv.id for c in catalogue.courses)]

    site.add(
        paths.HOME,
        r.page(
            "home.md.j2",
            paths.HOME,
            headline=head,
            totals=totals,
            free_pages=free_pages,
            curricula=curricula,
            news=news[:3],
        ),
        title=nav["home"],
    )
    for page in free_pages:
        site.add(page.path, free_page(page), section=(nav["pages"],))

    section = (nav["topics"],)
    site.add(paths.CATALOGUE, r.page("catalogue.md.j2", paths.CATALOGUE, topics=topics), section=section)
    groups = {g.id: g.name for g in cfg.topic_groups}
    for topic in topics:
        path = paths.topic_page(topic.id)
        text = r.page(
            "topic.md.j2",
            path,
            topic=topic,
            served=derive.audiences_by_level(catalogue, topic),
            courses=by_topic.get(topic.id, []),
        )
        site.add(path, text, section=(*section, groups[topic.group]))

    section = (nav["curricula"],)
    site.add(
        paths.CURRICULA,
        r.page("curricula.md.j2", paths.CURRICULA, curricula=curricula),
        section=section,
    )
    for curriculum in curricula:
        path = paths.curriculum_page(curriculum.level.id)
        site.add(path, r.page("curriculum.md.j2", path, curriculum=curriculum), section=section)

    section = (nav["schedule"],)
    site.add(
        paths.SCHEDULE,
        r.page("schedule.md.j2", paths.SCHEDULE, years=years, course_levels=course_levels),
        section=section,
    )
    for year in years:
        path = paths.schedule_year(year.year)
        site.add(path, r.page("schedule_year.md.j2", path, year=year), section=section)
    for level in course_levels:
        path = paths.schedule_level(level.id)
        mine = derive.schedule_by_year([c for c in catalogue.courses if c.level == level.id])
        site.add(
            path,
            r.page("schedule_level.md.j2", path, level=level, years=mine),
            section=section,
        )
    site.add(paths.TAGS, r.page("tags.md.j2", paths.TAGS), section=section)
    for course in catalogue.courses:
        path = paths.course_page(course.id)
        site.add(path, r.page("course.md.j2", path, course=course), in_nav=False)

    progress = r.page(
        "progress.md.j2",
        paths.PROGRESS,
        rows=rows,
        totals=totals,
        headline=head,
        as_of=catalogue.denominators_as_of,
        source=catalogue.denominators_source,
    )
    site.add(paths.PROGRESS, progress, title=nav["progress"])
    if news:
        site.add(
            paths.NEWS_INDEX,
            r.page("news_index.md.j2", paths.NEWS_INDEX, news=news),
            title=nav["news"],
        )
        for item in news:
            path = paths.news_page(item.slug)
            text = r.page("news.md.j2", path, item=item) + "\n" + item.body
            site.add(path, text, in_nav=False)
    site.add(
        paths.CHANGES,
        r.page("changes.md.j2", paths.CHANGES, timeline=timeline),
        title=titles["changes"],
    )
    return Rendered(site.pages, site.nav())
