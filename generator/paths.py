"""Where every generated file lives: the one place that names them.

Pages, templates, downloads, calendars and the build itself name files through
these constants and functions, so a link and the file it points to cannot
drift apart, and free pages cannot take a generated name (:data:`RESERVED`).
Page paths are relative to the docs folder and end in ``.md``; :func:`html`
gives the built file. This module imports nothing from the package.
"""

from __future__ import annotations

# --- the project folder ----------------------------------------------------------------

BUILD_DIR = "build"
DOCS_DIR = f"{BUILD_DIR}/docs"
CACHE_DIR = f"{BUILD_DIR}/cache"
# MkDocs' own output, kept for incremental builds, and what it was built from.
MKDOCS_OUTPUT = f"{CACHE_DIR}/mkdocs-site"
MKDOCS_MANIFEST = f"{CACHE_DIR}/mkdocs-site.json"
GENERATED_CONFIG = f"{BUILD_DIR}/mkdocs.yml"
LOCK_FILE = f"{BUILD_DIR}/handbook.lock"
PREVIEW_DIR = f"{BUILD_DIR}/preview"  # what `handbook serve` shows
SITE_DIR = "site"
MKDOCS_FILE = "mkdocs.yml"
SCHEMA_DIR = "schemas"

# --- pages -----------------------------------------------------------------------------

HOME = "index.md"
CATALOGUE = "chuyen-de/index.md"
CURRICULA = "chuong-trinh/index.md"
SCHEDULE = "lich/index.md"
TAGS = "lich/the.md"
PROGRESS = "tien-do.md"
CHANGES = "thay-doi.md"
NEWS_INDEX = "tin-tuc/index.md"
NEWS_FEED = "tin-tuc/feed.xml"
SITEMAP = "sitemap.xml"  # written by MkDocs
ROBOTS = "robots.txt"
COURSES_DIR = "khoa-hoc/"
"""Course pages: reached from schedules, tags and topics, not listed in the navigation."""


def topic_page(topic_id: str) -> str:
    return f"chuyen-de/{topic_id}.md"


def course_page(course_id: str) -> str:
    return f"{COURSES_DIR}{course_id}.md"


def curriculum_page(level_id: str) -> str:
    return f"chuong-trinh/{level_id}.md"


def schedule_year(year: int) -> str:
    return f"lich/{year}.md"


def schedule_level(level_id: str) -> str:
    return f"lich/cap-{level_id}.md"


def news_page(slug: str) -> str:
    return f"tin-tuc/{slug}.md"


PLANS_DIR = "ke-hoach"


def plan_page(plan_id: str) -> str:
    """A plan: its targets, levels, framework, denominators, annual plans and reports."""
    return f"{PLANS_DIR}/{plan_id}/index.md"


def plan_progress(plan_id: str) -> str:
    return f"{PLANS_DIR}/{plan_id}/tien-do.md"


def year_report(plan_id: str, year: int) -> str:
    """The report of one year of a plan, by organising level."""
    return f"{PLANS_DIR}/{plan_id}/bao-cao-{year}.md"


def period_report(plan_id: str) -> str:
    """The cumulative report of a plan's whole period against its targets."""
    return f"{PLANS_DIR}/{plan_id}/bao-cao-tong-hop.md"


# --- downloads -------------------------------------------------------------------------

DOWNLOADS_DIR = "tai-ve"
HANDBOOK_PDF = f"{DOWNLOADS_DIR}/cam-nang-chuyen-de.pdf"
SCHEDULE_ICS = f"{DOWNLOADS_DIR}/lich-tap-huan.ics"
WORKBOOK = f"{DOWNLOADS_DIR}/du-lieu/du-lieu-tap-huan.xlsx"
OFFLINE_ZIP = f"{DOWNLOADS_DIR}/cam-nang-ngoai-tuyen.zip"
OFFLINE_FOLDER = "cam-nang-ntm"
"""The one top folder inside the offline zip."""

TABLE_CATALOGUE = "chuyen-de"
TABLE_SCHEDULE = "lich-tap-huan"
TABLE_PROGRESS = "tien-do"


def report_file(plan_id: str, year: int | None, suffix: str) -> str:
    """A report as a download (xlsx, pdf, docx, csv, json); ``year`` None for the whole period."""
    name = f"{plan_id}-{year}" if year is not None else f"{plan_id}-tong-hop"
    return f"{DOWNLOADS_DIR}/bao-cao/{name}.{suffix}"


def plan_summary(plan_id: str, suffix: str) -> str:
    """A plan's summary in the administrative format (tóm tắt kế hoạch), as pdf or docx."""
    return f"{DOWNLOADS_DIR}/ke-hoach/{plan_id}-tom-tat.{suffix}"


def topic_pdf(topic_id: str) -> str:
    return f"{DOWNLOADS_DIR}/de-cuong/{topic_id}.pdf"


def topic_docx(topic_id: str) -> str:
    return f"{DOWNLOADS_DIR}/de-cuong/{topic_id}.docx"


def curriculum_pdf(level_id: str) -> str:
    return f"{DOWNLOADS_DIR}/chuong-trinh/{level_id}.pdf"


def course_ics(course_id: str) -> str:
    return f"{DOWNLOADS_DIR}/lich/{course_id}.ics"


def course_notice(course_id: str, suffix: str) -> str:
    """The notice that a planned course opens (thông báo mở lớp), as pdf or docx."""
    return f"{DOWNLOADS_DIR}/thong-bao/{course_id}.{suffix}"


def table_csv(name: str) -> str:
    return f"{DOWNLOADS_DIR}/du-lieu/{name}.csv"


def table_json(name: str) -> str:
    return f"{DOWNLOADS_DIR}/du-lieu/{name}.json"


SHARE_DIR = "assets/chia-se"
"""Pictures a shared link shows (Open Graph), made at build time."""
SHARE_SITE = f"{SHARE_DIR}/trang.png"


def share_card(topic_id: str) -> str:
    return f"{SHARE_DIR}/{topic_id}.png"


# --- the built site --------------------------------------------------------------------

ASSETS_DIR = "assets"
SEARCH_JSON = "search/search_index.json"
SEARCH_JS = "search/search_index.js"
"""The offline plugin's copy of the search index, inlined for file:// use."""


def html(page: str) -> str:
    """The built HTML file of a Markdown page ("khoa-hoc/x.md" → "khoa-hoc/x.html")."""
    return page.removesuffix(".md") + ".html"


def absolute(site_url: str, page_or_file: str) -> str:
    """The address of a page (``.md``, given as its HTML) or a file on the published site.

    >>> absolute("https://example.org/ntm/", "chuyen-de/cd-1.md")
    'https://example.org/ntm/chuyen-de/cd-1.html'
    """
    target = html(page_or_file) if page_or_file.endswith(".md") else page_or_file
    return site_url.rstrip("/") + "/" + target


def _top(path: str) -> str:
    return path.split("/", 1)[0]


RESERVED = frozenset(
    {
        _top(p)
        for p in (
            HOME,
            PLANS_DIR,
            CATALOGUE,
            CURRICULA,
            SCHEDULE,
            PROGRESS,
            CHANGES,
            NEWS_INDEX,
            COURSES_DIR,
            DOWNLOADS_DIR,
            ASSETS_DIR,
            SEARCH_JSON,
            "404.md",
            SITEMAP,
            "sitemap.xml.gz",
            ROBOTS,
        )
    }
)
"""Top-level names the generator owns; a free page may not use them.

>>> sorted(RESERVED)[:4]
['404.md', 'assets', 'chuong-trinh', 'chuyen-de']
"""


def is_reserved(path: str) -> bool:
    """True when a free page's path would collide with a generated one."""
    return path in RESERVED or _top(path) in RESERVED
