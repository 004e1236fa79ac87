"""Where every generated file lives, relative to the docs folder.

Pages, templates, downloads and calendars all name files through these
functions, so a link and the file it points to cannot drift apart.
"""

from __future__ import annotations

DOWNLOADS_DIR = "tai-ve"
HANDBOOK_PDF = f"{DOWNLOADS_DIR}/cam-nang-chuyen-de.pdf"
SCHEDULE_ICS = f"{DOWNLOADS_DIR}/lich-tap-huan.ics"
WORKBOOK = f"{DOWNLOADS_DIR}/du-lieu/du-lieu-tap-huan.xlsx"
OFFLINE_ZIP = f"{DOWNLOADS_DIR}/cam-nang-ngoai-tuyen.zip"
NEWS_INDEX = "tin-tuc/index.md"
NEWS_FEED = "tin-tuc/feed.xml"
CHANGES_PAGE = "thay-doi.md"


def news_page(slug: str) -> str:
    return f"tin-tuc/{slug}.md"


def topic_page(topic_id: str) -> str:
    return f"chuyen-de/{topic_id}.md"


def course_page(course_id: str) -> str:
    return f"khoa-hoc/{course_id}.md"


def topic_pdf(topic_id: str) -> str:
    return f"{DOWNLOADS_DIR}/de-cuong/{topic_id}.pdf"


def topic_docx(topic_id: str) -> str:
    return f"{DOWNLOADS_DIR}/de-cuong/{topic_id}.docx"


def curriculum_pdf(level_id: str) -> str:
    return f"{DOWNLOADS_DIR}/chuong-trinh/{level_id}.pdf"


def course_ics(course_id: str) -> str:
    return f"{DOWNLOADS_DIR}/lich/{course_id}.ics"


def table_csv(name: str) -> str:
    return f"{DOWNLOADS_DIR}/du-lieu/{name}.csv"


def table_json(name: str) -> str:
    return f"{DOWNLOADS_DIR}/du-lieu/{name}.json"


def html(page: str) -> str:
    """The built HTML file of a Markdown page ("khoa-hoc/x.md" → "khoa-hoc/x.html")."""
    return page.removesuffix(".md") + ".html"
