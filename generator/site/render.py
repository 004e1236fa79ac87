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
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .. import messages, paths
from ..content.catalogue import Catalogue
from ..content.derive import (
    Curriculum,
    Timeline,
    all_curricula,
    audiences_by_level,
    courses_by_topic,
    schedule_by_year,
    topic_order,
    upcoming_courses,
)
from ..content.pages import News, Page
from ..content.planrules import course_departures
from ..content.progress import Progress, headline, plan_of, plan_progress, results_of
from ..content.reports import compliance, period_report, report_years, year_report
from ..messages import documents as document_words
from .markup import free_page, md_escape, vn_date, vn_number, vn_percent, yaml_string
from .pagemeta import shorten

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
    # Percent-encoded for the URL context: a path is never markup, even one
    # holding ")" or "<" (page names are checked too).
    return quote(posixpath.relpath(target, folder), safe="/-._~")


def _finalize(value: Any) -> Markup:
    # Autoescape is on so macros return Markup; everything else is escaped for
    # Markdown here (Jinja's own HTML escaping then leaves Markup alone).
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(md_escape(value))


def _bar_width(value: float) -> Markup:
    """A percentage for a CSS width, clamped to 0–100: a number, nothing else."""
    return Markup(f"{max(0.0, min(float(value), 100.0)):.1f}")


class Renderer:
    """Holds the Jinja environment and the catalogue; renders one page at a time."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("generator.site", "templates"),
            # Compiled templates are kept between builds (about 0.7 s of each build on the
            # sample), like Python's __pycache__: in Jinja's own per-user folder (checked to
            # belong to the user), keyed by the template's text.
            bytecode_cache=jinja2.FileSystemBytecodeCache(),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            finalize=_finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            date=vn_date,
            number=vn_number,
            percent=vn_percent,
            yaml=yaml_string,
            bar_width=_bar_width,
            shorten=shorten,
        )
        self.env.globals.update(
            m=messages,
            words=document_words,
            cfg=catalogue.config,
            levels=catalogue.levels,
            target_groups=catalogue.target_groups,
            topics_by_id=catalogue.topics_by_id,
            audiences_by_id=catalogue.audiences_by_id,
            topic_groups=catalogue.topic_groups,
            plans_by_id=catalogue.plans_by_id,
            plans=catalogue.plans,
            current_plan=catalogue.current_plan,
            priority_areas=catalogue.priority_areas,
            paths=paths,
            recent_courses=RECENT_COURSES,
            upcoming=upcoming_courses(catalogue.courses, catalogue.config.data_as_of),
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
    nav = messages.NAV
    site = Site()
    current = catalogue.current_plan
    progress = {p.id: plan_progress(catalogue, p) for p in catalogue.plans}
    head = headline(catalogue, current)
    curricula = all_curricula(catalogue)

    site.add(
        paths.HOME,
        r.page(
            "home.md.j2",
            paths.HOME,
            plan=current,
            headline=head,
            progress=progress[current.id],
            free_pages=free_pages,
            curricula=curricula,
            news=news[:3],
        ),
        title=nav["home"],
    )
    for page in free_pages:
        site.add(page.path, free_page(page), section=(nav["pages"],))
    _plans(r, site, catalogue, progress)
    _topics(r, site, catalogue)
    _curriculum_pages(r, site, curricula)
    _schedule(r, site, catalogue)
    site.add(
        paths.PROGRESS,
        r.page("progress.md.j2", paths.PROGRESS, progress=progress[current.id], current=True),
        title=nav["progress"],
    )
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
        title=messages.PAGE_TITLES["changes"],
    )
    return Rendered(site.pages, site.nav())


def _plans(r: Renderer, site: Site, catalogue: Catalogue, progress: dict[str, Progress]) -> None:
    """Each plan: its page, its progress, its year reports and its period report."""
    for plan in reversed(catalogue.plans):  # the current plan first
        section = (messages.NAV["plans"], plan.short_title)
        years = report_years(catalogue, plan)
        path = paths.plan_page(plan.id)
        text = r.page(
            "plan.md.j2",
            path,
            plan=plan,
            progress=progress[plan.id],
            years=years,
            annual=[a for a in catalogue.annual_plans if a.plan == plan.id],
            results=sorted(results_of(catalogue, plan), key=lambda x: (x.period.start, x.id)),
            compliance=compliance(catalogue, plan),
            topics=topic_order(catalogue, plan),
        )
        titles = messages.PLAN_NAV
        site.add(path, text, section=section, title=titles["plan"])
        path = paths.plan_progress(plan.id)
        text = r.page("progress.md.j2", path, progress=progress[plan.id], current=False)
        site.add(path, text, section=section, title=titles["progress"])
        path = paths.period_report(plan.id)
        text = r.page("report_period.md.j2", path, report=period_report(catalogue, plan))
        site.add(path, text, section=section, title=titles["period"])
        for year in reversed(years):
            path = paths.year_report(plan.id, year)
            text = r.page("report_year.md.j2", path, report=year_report(catalogue, plan, year))
            site.add(path, text, section=section, title=titles["year"].format(year=year))


def _topics(r: Renderer, site: Site, catalogue: Catalogue) -> None:
    section = (messages.NAV["topics"],)
    topics = topic_order(catalogue)
    by_topic = courses_by_topic(catalogue)
    plans_of = {t.id: [p for p in catalogue.plans if t.id in p.topics] for t in topics}
    text = r.page(
        "catalogue.md.j2",
        paths.CATALOGUE,
        topics=topics,
        plan=catalogue.current_plan,
        plans_of=plans_of,
    )
    site.add(paths.CATALOGUE, text, section=section)
    groups = {g.id: g.name for g in catalogue.config.topic_groups}
    for topic in topics:
        path = paths.topic_page(topic.id)
        text = r.page(
            "topic.md.j2",
            path,
            topic=topic,
            served=audiences_by_level(catalogue, topic),
            courses=by_topic.get(topic.id, []),
            plans=plans_of[topic.id],
        )
        site.add(path, text, section=(*section, groups[topic.group]))


def _curriculum_pages(r: Renderer, site: Site, curricula: list[Curriculum]) -> None:
    section = (messages.NAV["curricula"],)
    text = r.page("curricula.md.j2", paths.CURRICULA, curricula=curricula)
    site.add(paths.CURRICULA, text, section=section)
    for curriculum in curricula:
        path = paths.curriculum_page(curriculum.level.id)
        site.add(path, r.page("curriculum.md.j2", path, curriculum=curriculum), section=section)


def _schedule(r: Renderer, site: Site, catalogue: Catalogue) -> None:
    section = (messages.NAV["schedule"],)
    years = schedule_by_year(catalogue.courses)
    levels = [
        lv for lv in catalogue.config.levels if any(c.level == lv.id for c in catalogue.courses)
    ]
    text = r.page("schedule.md.j2", paths.SCHEDULE, years=years, course_levels=levels)
    site.add(paths.SCHEDULE, text, section=section)
    for year in years:
        path = paths.schedule_year(year.year)
        site.add(path, r.page("schedule_year.md.j2", path, year=year), section=section)
    for level in levels:
        path = paths.schedule_level(level.id)
        mine = schedule_by_year([c for c in catalogue.courses if c.level == level.id])
        text = r.page("schedule_level.md.j2", path, level=level, years=mine)
        site.add(path, text, section=section)
    site.add(paths.TAGS, r.page("tags.md.j2", paths.TAGS), section=section)
    plan_of_course = {c.id: plan_of(catalogue, c.start) for c in catalogue.courses}
    departures = {
        c.id: course_departures(c, p.course_rules, catalogue.topics_by_id)
        for c in catalogue.courses
        if (p := plan_of_course[c.id]) is not None
    }
    for course in catalogue.courses:
        path = paths.course_page(course.id)
        text = r.page(
            "course.md.j2",
            path,
            course=course,
            plan=plan_of_course[course.id],
            departures=departures.get(course.id, []),
        )
        site.add(path, text, in_nav=False)
