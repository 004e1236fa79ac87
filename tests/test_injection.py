"""Text from YAML is data, never markup or code — proved in a real browser.

Every plain-text field of the mini fixture (topics, courses, audiences, the
plan and its denominators, an annual plan, an aggregate result, the site
settings, news and page front matter) is filled with
hostile text: quotes of both kinds, angle brackets, ampersands, entity-encoded
schemes, Markdown links, attribute lists, template syntax and formula starts.
The site must build, and then:

- in Chromium, on every page, nothing the payloads would run runs: no dialog
  opens and the marker they set stays unset, after hovering every element with
  a title and every link, and tabbing through the page; no link has a script
  scheme;
- the built HTML, parsed as a browser parses it, has no event attribute and no
  script but the theme's (the final audit);
- the downloads (PDF, DOCX, ICS, CSV, XLSX, JSON, the Atom feed) carry the text
  literally, and no spreadsheet cell is a formula.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import yaml
from icalendar import Calendar
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from generator import paths, pipeline
from generator.site.audit import audit_site

from .browser import chromium, serve
from .conftest import MINI, copy_project

pytestmark = pytest.mark.slow

MARK = "window.__pwn"
HOSTILE = (
    f'"\'><script>{MARK}=1;alert(1)</script><img src=x onerror="{MARK}=2;alert(2)">'
    f"<svg onload={MARK}=3> &lt;b&gt;x&lt;/b&gt; &#106;avascript:alert(4) "
    f'[bấm](javascript:{MARK}=5) {{: onclick="{MARK}=6" }} *đậm* </title>'
    "</textarea>{{7*7}} ${7*7} <!-- x --> `mã` \\u0022"
)
# Starts a spreadsheet would read as a formula, ASCII and full-width.
FORMULA = '=HYPERLINK("http://x","bấm")'
FULLWIDTH = "＝1+1"
LONG_EXTRA = f"\n\n# Tiêu đề\n\n<script>{MARK}=7</script>\n\n- [x](javascript:alert(8))"

# Plain-text fields, by file kind: (path of keys, long text?)
TEXT_FIELDS: dict[str, list[tuple[tuple[Any, ...], bool]]] = {
    "topic": [
        (("title",), False),
        (("source",), True),
        (("summary",), True),
        (("objectives", 0), False),
        (("outline", 0, "title"), False),
        (("outline", 0, "points", 0), False),
        (("references", 0, "number"), False),
        (("references", 0, "title"), False),
    ],
    "course": [
        (("title",), False),
        (("place",), False),
        (("organiser",), False),
        (("sessions", 0, "trainer"), False),
    ],
    "config": [
        (("site_name",), False),
        (("province",), False),
        (("target_groups", 0, "name"), False),
        (("target_groups", 1, "description"), True),
        (("levels", 0, "name"), False),
        (("topic_groups", 0, "name"), False),
    ],
    "plan": [
        (("title",), False),
        (("short_title",), False),
        (("number",), False),
        (("issuer",), False),
        (("programme",), False),
        (("note",), True),
        (("denominators", 0, "source"), False),
    ],
}


def _set(data: Any, keys: tuple[Any, ...], value: str) -> None:
    for key in keys[:-1]:
        data = data[key]
    data[keys[-1]] = value


def _poison(path: Path, fields: list[tuple[tuple[Any, ...], bool]], prefix: str = "") -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for keys, long in fields:
        _set(data, keys, prefix + HOSTILE + (LONG_EXTRA if long else ""))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(MINI, tmp_path_factory.mktemp("hostile") / "mini")
    for topic in sorted((root / "topics").glob("*.yml")):
        _poison(topic, TEXT_FIELDS["topic"])
    courses = sorted((root / "content/courses").glob("*.yml"))
    _poison(courses[0], TEXT_FIELDS["course"], prefix=FORMULA + " ")
    _poison(courses[2], TEXT_FIELDS["course"], prefix=FULLWIDTH + " ")
    course = yaml.safe_load(courses[1].read_text(encoding="utf-8"))  # the cancelled one
    course["note"] = HOSTILE + LONG_EXTRA
    course["exception"] = HOSTILE
    courses[1].write_text(yaml.safe_dump(course, allow_unicode=True), encoding="utf-8")
    _poison(root / "site_config.yml", TEXT_FIELDS["config"])
    audiences = yaml.safe_load((root / "content/audiences.yml").read_text(encoding="utf-8"))
    for audience in audiences["audiences"]:
        audience["name"] = HOSTILE
    (root / "content/audiences.yml").write_text(
        yaml.safe_dump(audiences, allow_unicode=True), encoding="utf-8"
    )
    _poison(root / "content/plans/kh-thu-nghiem.yml", TEXT_FIELDS["plan"])
    (root / "content/annual-plans").mkdir()
    annual = {
        "id": "ke-hoach-nam-2024",
        "plan": "kh-thu-nghiem",
        "year": 2024,
        "number": HOSTILE,
        "rows": [
            {"level": "xa", "classes": 2, "participants": [{"target_group": "co-so", "people": 60}]}
        ],
        "note": HOSTILE + LONG_EXTRA,
    }
    (root / "content/annual-plans/ke-hoach-nam-2024.yml").write_text(
        yaml.safe_dump(annual, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (root / "content/results").mkdir()
    result = {
        "id": "kq-2024-xa",
        "title": FORMULA + " " + HOSTILE,
        "level": "xa",
        "organiser": HOSTILE,
        "period": {"start": "2024-10-01", "end": "2024-12-31"},
        "classes": 1,
        "turns": 30,
        "new_persons": 20,
        "note": HOSTILE + LONG_EXTRA,
    }
    text = yaml.safe_dump(result, allow_unicode=True, sort_keys=False)
    text = text.replace("'2024-10-01'", "2024-10-01").replace("'2024-12-31'", "2024-12-31")
    (root / "content/results/kq-2024-xa.yml").write_text(text, encoding="utf-8")
    front = yaml.safe_dump(
        {"title": HOSTILE, "description": HOSTILE, "tags": [HOSTILE]}, allow_unicode=True
    )
    (root / "content/pages/huong-dan.md").write_text(
        f"---\n{front}---\n\n# Hướng dẫn\n\nTrang tự do.\n", encoding="utf-8"
    )
    news = yaml.safe_dump(
        {"title": HOSTILE, "date": "2025-11-01", "summary": HOSTILE + LONG_EXTRA},
        allow_unicode=True,
    ).replace("'2025-11-01'", "2025-11-01")
    (root / "content/news").mkdir()
    (root / "content/news/2025-11-01-tin.md").write_text(
        f"---\n{news}---\n\nNội dung tin.\n", encoding="utf-8"
    )
    result = pipeline.build(root)
    assert result.ok, (result.problems, result.mkdocs_output, result.breaches)
    return root / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def test_hostile_text_runs_nothing_in_a_browser(hostile_site: Path, browser: Any) -> None:
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) >= 25
    dialogs: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran: dict[str, Any] = {}
    with serve(hostile_site) as base:
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            for selector in ("[title]", "article a"):
                for element in page.locator(selector).all()[:40]:
                    if element.is_visible():
                        element.hover(force=True, timeout=2000)
            for _ in range(8):
                page.keyboard.press("Tab")
            marker = page.evaluate(f"typeof {MARK} === 'undefined' ? null : {MARK}")
            schemes = page.evaluate(
                "[...document.links].map(a => a.protocol)"
                ".filter(p => ['javascript:', 'data:', 'vbscript:'].includes(p))"
            )
            if marker is not None or schemes:
                ran[path] = (marker, schemes)
    context.close()
    assert not dialogs and not ran, (dialogs, ran)


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    assert audit_site(hostile_site, "/ntm/") == []
    for path in ("chuyen-de/cd-ii-01.html", "khoa-hoc/kh-01.html", "index.html"):
        tree = LexborHTMLParser((hostile_site / path).read_text(encoding="utf-8"))
        article = tree.css_first("article")
        assert article is not None
        text = article.text(separator="")
        # The reader sees what the office typed, character for character.
        assert f"<script>{MARK}=1;alert(1)</script>" in text, path
        assert "*đậm*" in text and "&lt;b&gt;" in text, path
        for node in tree.root.traverse() if tree.root else []:
            assert not any(name.startswith("on") for name in node.attributes), (path, node.tag)
    head = LexborHTMLParser((hostile_site / "huong-dan.html").read_text(encoding="utf-8"))
    description = head.css_first('meta[name="description"]')
    assert description is not None
    # Its description is the same text as the site's (the hostile plan title), so the
    # page is described by its own first paragraph instead (site/pagemeta.py).
    assert description.attributes["content"] == "Trang tự do."
    og_title = head.css_first('meta[property="og:title"]')
    assert og_title is not None and og_title.attributes["content"] == " ".join(HOSTILE.split())


def test_downloads_carry_hostile_text_literally(hostile_site: Path) -> None:
    pdf = PdfReader(hostile_site / paths.topic_pdf("cd-ii-01"))
    text = "".join(p.extract_text() for p in pdf.pages).replace("\n", " ")
    assert f"<script>{MARK}=1;alert(1)</script>" in text
    document = docx.Document(str(hostile_site / paths.topic_docx("cd-ii-01")))
    assert any(HOSTILE in p.text for p in document.paragraphs)

    calendar = Calendar.from_ical((hostile_site / paths.course_ics("kh-01")).read_bytes())
    places = {str(e.get("LOCATION")) for e in calendar.walk("VEVENT")}
    assert places == {f"{FORMULA} {HOSTILE}"}

    rows = list(
        csv.reader(
            io.StringIO(
                (hostile_site / paths.table_csv("lich-tap-huan")).read_text(encoding="utf-8-sig")
            )
        )
    )
    titles = [row[1] for row in rows[1:]]
    assert f"'{FORMULA} {HOSTILE}" in titles  # a leading apostrophe: text, not a formula
    assert f"'{FULLWIDTH} {HOSTILE}" in titles
    data = json.loads((hostile_site / paths.table_json("lich-tap-huan")).read_text("utf-8"))
    assert any(row["Tên khóa học"] == f"{FORMULA} {HOSTILE}" for row in data["du_lieu"])

    book = openpyxl.load_workbook(hostile_site / paths.WORKBOOK)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert any(c.value == f"{FORMULA} {HOSTILE}" for c in cells)
    assert all(c.data_type != "f" for c in cells)
    with zipfile.ZipFile(hostile_site / paths.WORKBOOK) as zf:
        assert not any("<f>" in zf.read(n).decode() for n in zf.namelist() if n.endswith(".xml"))

    # every spreadsheet the site offers (reports, open data), not only the workbook
    for table in sorted(hostile_site.rglob("*.xlsx")):
        with zipfile.ZipFile(table) as zf:
            sheets = [zf.read(n).decode() for n in zf.namelist() if n.endswith(".xml")]
        assert not any("<f>" in x for x in sheets), table
    starts = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
    for table in sorted(hostile_site.rglob("*.csv")):
        for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))):
            formulas = [
                c for c in row if c.startswith(starts) and not c[1:].replace(".", "").isdigit()
            ]
            assert not formulas, (table, row)
    reports = sorted((hostile_site / "tai-ve/bao-cao").glob("*.xlsx"))
    assert reports, "the plan's reports are published as spreadsheets"
    sheet = openpyxl.load_workbook(reports[0]).worksheets[0]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert any(isinstance(v, str) and HOSTILE in v for v in values)

    feed = ET.fromstring((hostile_site / paths.NEWS_FEED).read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.find("a:entry/a:title", ns).text == HOSTILE  # type: ignore[union-attr]
    ET.fromstring((hostile_site / "sitemap.xml").read_bytes())  # still well-formed
