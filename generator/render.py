"""Stage 5, render: Jinja2 templates turn the catalogue into Markdown pages.

Every ``{{ value }}`` is escaped for Markdown and HTML unless a filter marked it
safe (links, formatted dates), so text from YAML can never become markup.
The result is a mapping from page path (relative to the docs folder) to text,
plus the navigation MkDocs needs; nothing is written here.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import posixpath
import re
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from . import derive, messages, paths
from .derive import Catalogue, Timeline
from .pages import News, Page

# Paths the generator owns; free pages may not use them.
RESERVED_PATHS = frozenset(
    {
        "index.md",
        "chuyen-de",
        "chuong-trinh",
        "lich",
        "khoa-hoc",
        "tien-do.md",
        "assets",
        "search",
        paths.DOWNLOADS_DIR,
        paths.NEWS_INDEX.split("/", 1)[0],
        paths.CHANGES_PAGE,
    }
)

# Characters that start Markdown syntax anywhere in a line ("<" and "&" become
# entities), and the ones that matter only at the start of a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_MD_LINE_START = re.compile(r"^([-+#>=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_WHITESPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def _escape_text(text: str) -> str:
    text = _WHITESPACE.sub(" ", text).strip()
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\\\1", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def md_escape(value: object) -> str:
    """Escape text so Markdown and HTML show it literally, on one line.

    >>> md_escape("<b>a|b</b> *x* 125/KH-BCĐ")
    '&lt;b&gt;a\\\\|b&lt;/b&gt; \\\\*x\\\\* 125/KH-BCĐ'
    """
    # Names, places and labels repeat across thousands of pages: cached.
    return _escape_text(str(value))


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


def vn_date(day: datetime.date) -> Markup:
    """dd/mm/yyyy, as Vietnamese documents write dates."""
    return Markup(f"{day.day:02d}/{day.month:02d}/{day.year}")


def vn_number(value: float | int) -> Markup:
    """Thousands with '.', decimals with ',' (Vietnamese convention).

    >>> str(vn_number(10230)), str(vn_number(82.5))
    ('10.230', '82,5')
    """
    if isinstance(value, int) or float(value).is_integer():
        text = f"{int(value):,}".replace(",", ".")
    else:
        text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return Markup(text)


def vn_percent(value: float | None) -> Markup:
    if value is None:
        return Markup("—")
    return Markup(f"{vn_number(round(value, 1))}%")


def yaml_string(value: object) -> Markup:
    """A quoted YAML string for front matter (JSON strings are valid YAML).

    HTML-escaped too, quotes included: MkDocs and Material print front-matter
    values into the page (<title>, navigation, tag chips, attributes such as
    ``content="…"``) without escaping them.

    >>> str(yaml_string('<b title="x">Đảng ủy</b>'))
    '"&lt;b title=&quot;x&quot;&gt;Đảng ủy&lt;/b&gt;"'
    """
    text = html.escape(_WHITESPACE.sub(" ", str(value)).strip())
    return Markup(json.dumps(text, ensure_ascii=False))


def free_page(page: Page) -> str:
    """A free page as MkDocs reads it: front matter from the validated fields, then the body.

    The office's front matter is never copied: only the allowed keys, escaped.
    """
    lines = ["---", f"title: {yaml_string(page.title)}"]
    meta = page.meta
    if meta.description:
        lines.append(f"description: {yaml_string(meta.description)}")
    for key, values in (("hide", meta.hide), ("tags", meta.tags)):
        if values:
            lines.append(f"{key}:")
            lines += [f"  - {yaml_string(v)}" for v in values]
    return "\n".join([*lines, "---", "", page.body.strip("\n"), ""])


@dataclass(frozen=True)
class NavItem:
    title: str | None
    path: str | None = None
    children: tuple[NavItem, ...] = ()

    def to_mkdocs(self) -> Any:
        """The nav entry as MkDocs expects it in YAML (titles HTML-escaped: MkDocs does not)."""
        title = html.escape(self.title) if self.title is not None else None
        if self.children:
            return {title: [c.to_mkdocs() for c in self.children]}
        return self.path if title is None else {title: self.path}


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]
    nav: list[NavItem]


class Renderer:
    """Holds the Jinja environment and the catalogue; renders one page at a time."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("generator", "templates"),
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
            # A topic page lists this many of its latest courses, so its size
            # (and the search index) does not grow with the schedule.
            recent_courses=10,
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
    """Render every page of the site and its navigation."""
    news = sorted(news or [], key=lambda n: (n.post.date, n.slug), reverse=True)
    timeline = timeline or Timeline()
    r = Renderer(catalogue)
    r.env.globals["updated"] = timeline.updated
    cfg = catalogue.config
    pages: dict[str, str] = {}
    topics = derive.topic_order(catalogue)
    by_topic = derive.courses_by_topic(catalogue)
    rows = derive.progress_by_level(catalogue)
    totals = derive.progress_totals(rows, catalogue)
    years = derive.schedule_by_year(catalogue.courses)
    head = derive.headline(catalogue)
    curricula = [derive.curriculum_for_level(catalogue, lv) for lv in cfg.levels]
    curricula = [c for c in curricula if c.items]
    course_levels = [lv for lv in cfg.levels if any(c.level == lv.id for c in catalogue.courses)]

    pages["index.md"] = r.page(
        "home.md.j2",
        "index.md",
        headline=head,
        totals=totals,
        free_pages=free_pages,
        curricula=curricula,
        news=news[:3],
    )
    pages["chuyen-de/index.md"] = r.page("catalogue.md.j2", "chuyen-de/index.md", topics=topics)
    for topic in topics:
        path = paths.topic_page(topic.id)
        pages[path] = r.page(
            "topic.md.j2",
            path,
            topic=topic,
            served=derive.audiences_by_level(catalogue, topic),
            courses=by_topic.get(topic.id, []),
        )
    pages["chuong-trinh/index.md"] = r.page(
        "curricula.md.j2", "chuong-trinh/index.md", curricula=curricula
    )
    for curriculum in curricula:
        path = f"chuong-trinh/{curriculum.level.id}.md"
        pages[path] = r.page("curriculum.md.j2", path, curriculum=curriculum)
    pages["lich/index.md"] = r.page(
        "schedule.md.j2", "lich/index.md", years=years, course_levels=course_levels
    )
    for year in years:
        path = f"lich/{year.year}.md"
        pages[path] = r.page("schedule_year.md.j2", path, year=year)
    for level in course_levels:
        path = f"lich/cap-{level.id}.md"
        mine = derive.schedule_by_year([c for c in catalogue.courses if c.level == level.id])
        pages[path] = r.page("schedule_level.md.j2", path, level=level, years=mine)
    pages["lich/the.md"] = r.page("tags.md.j2", "lich/the.md")
    for course in catalogue.courses:
        path = paths.course_page(course.id)
        pages[path] = r.page("course.md.j2", path, course=course)
    pages["tien-do.md"] = r.page(
        "progress.md.j2",
        "tien-do.md",
        rows=rows,
        totals=totals,
        headline=head,
        as_of=catalogue.denominators_as_of,
        source=catalogue.denominators_source,
    )
    for page in free_pages:
        pages[page.path] = free_page(page)
    if news:
        pages[paths.NEWS_INDEX] = r.page("news_index.md.j2", paths.NEWS_INDEX, news=news)
        for item in news:
            path = paths.news_page(item.slug)
            pages[path] = r.page("news.md.j2", path, item=item) + "\n" + item.body
    pages[paths.CHANGES_PAGE] = r.page("changes.md.j2", paths.CHANGES_PAGE, timeline=timeline)

    groups = [g for g in cfg.topic_groups if any(t.group == g.id for t in topics)]
    nav = [
        NavItem("Trang chủ", "index.md"),
        *(
            [
                NavItem(
                    "Kế hoạch và hướng dẫn",
                    children=tuple(NavItem(None, p.path) for p in free_pages),
                )
            ]
            if free_pages
            else []
        ),
        NavItem(
            "Chuyên đề",
            children=(
                NavItem(None, "chuyen-de/index.md"),
                *(
                    NavItem(
                        g.name,
                        children=tuple(
                            NavItem(None, paths.topic_page(t.id)) for t in topics if t.group == g.id
                        ),
                    )
                    for g in groups
                ),
            ),
        ),
        NavItem(
            "Chương trình theo cấp",
            children=(
                NavItem(None, "chuong-trinh/index.md"),
                *(NavItem(None, f"chuong-trinh/{c.level.id}.md") for c in curricula),
            ),
        ),
        NavItem(
            "Lịch tập huấn",
            children=(
                NavItem(None, "lich/index.md"),
                *(NavItem(None, f"lich/{y.year}.md") for y in years),
                *(NavItem(None, f"lich/cap-{lv.id}.md") for lv in course_levels),
                NavItem(None, "lich/the.md"),
            ),
        ),
        NavItem("Tiến độ", "tien-do.md"),
        *([NavItem("Tin tức", paths.NEWS_INDEX)] if news else []),
        NavItem("Thay đổi gần đây", paths.CHANGES_PAGE),
    ]
    return Rendered(pages, nav)
