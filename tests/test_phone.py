"""The sample site on a 360 x 740 phone (Debian Chromium driven by Playwright):
figures on the first screen, verdicts without sideways scrolling, what comes
next, controls big enough to tap, axe with every rule, no overflow at the
largest text size, and the small things a reader or a crawler meets (404,
feed link, descriptions, robots.txt, the offline copy's home page).
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from generator import paths, pipeline
from generator.content.derive import UPCOMING_COURSES, upcoming_courses
from generator.site.pagemeta import shorten

from .browser import require_browser
from .conftest import REPO

pytestmark = pytest.mark.slow

playwright_api = require_browser()
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# One page of each kind the site has.
PAGE_KINDS = [
    "index.html",
    "chuyen-de/cd-ii-05.html",
    "chuyen-de/index.html",
    "chuong-trinh/xa.html",
    "khoa-hoc/kh-2026-x01.html",
    "lich/index.html",
    "lich/2026.html",
    "tien-do.html",
    "ke-hoach/ke-hoach-2026-2030/index.html",
    "ke-hoach/ke-hoach-2026-2030/bao-cao-2026.html",
    "ke-hoach/ke-hoach-2021-2025/bao-cao-tong-hop.html",
    "tin-tuc/index.html",
    "huong-dan-cap-nhat.html",
    "404.html",
]


def _page(browser: object, viewport: dict[str, int] = PHONE, **context: object) -> object:
    ctx = browser.new_context(viewport=viewport, **context)  # type: ignore[attr-defined]
    return ctx.new_page()


def _open(page: object, url: str) -> None:
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]


def _overflow(page: object) -> int:
    return int(page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth"))  # type: ignore[attr-defined]


def test_every_page_kind_exists(sample_site: Path) -> None:
    missing = [p for p in PAGE_KINDS if not (sample_site / "site" / p).is_file()]
    assert not missing


@pytest.mark.parametrize("path", ["index.html", "tien-do.html"])
def test_status_and_bars_are_on_the_first_screen(browser: object, server: str, path: str) -> None:
    page = _page(browser)
    _open(page, server + path)
    lines = page.evaluate(  # type: ignore[attr-defined]
        "[...document.querySelectorAll('.hb-status li')].map(li => "
        "({text: li.innerText, bottom: li.getBoundingClientRect().bottom,"
        "  bar: !!li.querySelector('.hb-bar__fill')}))"
    )
    assert len(lines) == 2  # one per target group with a target
    for line in lines:
        assert re.search(r"\d+(,\d+)?% / mục tiêu \d+% — (chưa )?đạt", line["text"]), line
        assert line["bar"]
    assert lines[0]["bottom"] <= PHONE["height"], lines  # the answer before any scrolling


def test_progress_verdicts_fit_the_phone_without_scrolling(browser: object, server: str) -> None:
    page = _page(browser)
    for path in ("tien-do.html", "ke-hoach/ke-hoach-2026-2030/bao-cao-2026.html"):
        _open(page, server + path)
        assert _overflow(page) <= 0, path
        cells = page.evaluate(  # type: ignore[attr-defined]
            "[...document.querySelectorAll('.hb-cards td')].map(td => {"
            " const r = td.getBoundingClientRect();"
            " return {label: td.dataset.label || '', text: td.innerText, left: r.left,"
            "  right: r.right, before: getComputedStyle(td, '::before').content}; })"
        )
        assert cells, path
        for cell in cells:
            assert cell["left"] >= 0 and cell["right"] <= PHONE["width"], (path, cell)
        if path == "tien-do.html":
            verdicts = [c for c in cells if c["label"] == "Đánh giá"]
            assert verdicts and all(c["text"].strip() in {"Đạt", "Chưa đạt", "—"} for c in verdicts)
            # the card shows the column's name next to the value
            assert all(c["before"] == '"Đánh giá"' for c in verdicts)


def test_upcoming_courses_on_home_and_schedule(
    browser: object, server: str, sample_site: Path
) -> None:
    catalogue = pipeline.check(REPO).catalogue
    assert catalogue is not None
    page = _page(browser)
    for path in ("index.html", "lich/index.html"):
        _open(page, server + path)
        heading = page.locator("h2", has_text="Khóa học sắp tới")  # type: ignore[attr-defined]
        assert heading.count() == 1, path
        items = page.evaluate(  # type: ignore[attr-defined]
            "[...document.querySelectorAll('.hb-upcoming li')].map(li =>"
            " ({text: li.innerText, links: [...li.querySelectorAll('a')]"
            "   .map(a => a.getAttribute('href'))}))"
        )
        # exactly the next planned courses from the data date, as the data says
        expected = upcoming_courses(catalogue.courses, catalogue.config.data_as_of)
        assert 0 < len(expected) <= UPCOMING_COURSES
        assert [i["links"][0].rsplit("/", 1)[-1] for i in items] == [
            f"{c.id}.html" for c in expected
        ], path
        starts = []
        for item in items:
            day, month, year = re.match(r"(\d\d)/(\d\d)/(\d{4})", item["text"]).groups()  # type: ignore[union-attr]
            starts.append((year, month, day))
            course, calendar = item["links"]
            assert calendar.endswith(".ics")
            folder = (sample_site / "site" / path).parent
            assert (folder / calendar).resolve().is_file(), calendar
            assert (folder / course).resolve().is_file(), course
        assert starts == sorted(starts) and starts[0] >= ("2026", "11", "30")  # the data date


def test_course_page_shows_clock_times(browser: object, server: str) -> None:
    page = _page(browser)
    _open(page, server + "khoa-hoc/kh-2026-x01.html")
    times = page.locator("td", has_text=re.compile(r"(sáng|chiều) \d\d:\d\d–\d\d:\d\d"))  # type: ignore[attr-defined]
    assert times.count() >= 4


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_no_page_is_wider_than_the_phone_at_any_text_size(
    browser: object, server: str, scale: str
) -> None:
    page = _page(browser)
    _open(page, server + "index.html")
    page.evaluate(f"localStorage.setItem('handbook.textScale', '{scale}')")  # type: ignore[attr-defined]
    wide = {}
    for path in PAGE_KINDS:
        _open(page, server + path)
        if (extra := _overflow(page)) > 0:
            wide[path] = extra
    assert not wide, wide
    search = page.locator("label.md-header__button[for=__search]").bounding_box()  # type: ignore[attr-defined]
    assert search and search["x"] + search["width"] <= PHONE["width"]


def test_reader_controls_are_big_enough_to_tap(browser: object, server: str) -> None:
    for viewport in (PHONE, DESKTOP):
        page = _page(browser, viewport)
        _open(page, server + "chuyen-de/cd-ii-05.html")
        boxes = page.evaluate(  # type: ignore[attr-defined]
            "[...document.querySelectorAll('.handbook-size, .handbook-contrast,"
            " .md-header__button[for=__search], form[data-md-component=palette] label')]"
            ".filter(b => b.offsetParent !== null)"
            ".map(b => { const r = b.getBoundingClientRect();"
            " return {name: b.getAttribute('aria-label') || b.title, w: r.width, h: r.height}; })"
        )
        assert len(boxes) >= 4, (viewport, boxes)
        small = [b for b in boxes if b["w"] < 44 or b["h"] < 44]
        assert not small, (viewport, small)


def test_high_contrast_is_one_tap_away_with_a_label_that_says_so(
    browser: object, server: str
) -> None:
    for scheme in ("light", "dark"):
        page = _page(browser, color_scheme=scheme)
        _open(page, server + "index.html")
        button = page.locator("button.handbook-contrast")  # type: ignore[attr-defined]
        assert button.get_attribute("aria-label") == "Bật chế độ tương phản cao"
        button.click()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "contrast"  # type: ignore[attr-defined]
        assert button.get_attribute("aria-pressed") == "true"
        assert button.get_attribute("aria-label") == "Tắt chế độ tương phản cao"
        _open(page, server + "tien-do.html")  # the choice is kept
        assert page.evaluate("document.body.dataset.mdColorScheme") == "contrast"  # type: ignore[attr-defined]
        page.locator("button.handbook-contrast").click()  # type: ignore[attr-defined]
        back = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == back  # type: ignore[attr-defined]


def test_wide_tables_say_they_scroll_and_take_the_keyboard(browser: object, server: str) -> None:
    page = _page(browser)
    for path in ("lich/2026.html", "chuyen-de/index.html", "khoa-hoc/kh-2026-x01.html"):
        _open(page, server + path)
        tables = page.evaluate(  # type: ignore[attr-defined]
            "[...document.querySelectorAll('.md-content .md-typeset__scrollwrap')].map(w => {"
            " const t = w.querySelector('table');"
            " return {scrolls: t.scrollWidth > t.clientWidth + 1,"
            "  tab: t.getAttribute('tabindex'), label: t.getAttribute('aria-label'),"
            "  hint: !!(w.previousElementSibling"
            "   && w.previousElementSibling.matches('.hb-scroll-hint'))}; })"
        )
        scrolling = [t for t in tables if t["scrolls"]]
        assert scrolling, (path, tables)
        assert all(t["tab"] == "0" and t["label"] and t["hint"] for t in scrolling), path
        assert not any(t["hint"] or t["tab"] for t in tables if not t["scrolls"]), path
    # key columns first: the schedule's date, place and status come before the rest
    _open(page, server + "lich/2026.html")
    heads = page.locator("article table").first.locator("th").all_inner_texts()  # type: ignore[attr-defined]
    assert heads[:3] == ["Thời gian", "Địa điểm", "Trạng thái"]


@pytest.mark.parametrize("scheme", ["default", "slate", "contrast"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_axe_all_rules_no_serious_violation(
    browser: object, server: str, scheme: str, viewport: dict[str, int]
) -> None:
    axe = axe_module.Axe()
    page = _page(browser, viewport)
    _open(page, server + "index.html")
    page.evaluate(  # type: ignore[attr-defined]
        "s => { const i = document.querySelector("
        "`input[name=__palette][data-md-color-scheme=${s}]`); i.click(); }",
        scheme,
    )
    problems = {}
    for path in PAGE_KINDS:
        _open(page, server + path)
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme, path  # type: ignore[attr-defined]
        results = axe.run(page)  # every rule, not only the WCAG tags
        serious = [
            (v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[path] = serious
    assert not problems, problems


def test_the_404_page_is_vietnamese_and_shows_the_ways_on(browser: object, server: str) -> None:
    page = _page(browser)
    _open(page, server + "404.html")
    text = page.locator("article").inner_text()  # type: ignore[attr-defined]
    assert "Không tìm thấy trang" in text and "404" not in text and "Not found" not in text
    links = page.locator("article a")  # type: ignore[attr-defined]
    assert links.all_inner_texts() == [
        "Về trang chủ",
        "Tìm kiếm trong cẩm nang",
        "Xem lịch tập huấn",
    ]
    links.nth(1).click()
    page.wait_for_function("document.getElementById('__search').checked")  # type: ignore[attr-defined]


def test_feed_link_descriptions_and_robots(sample_site: Path) -> None:
    site = sample_site / "site"
    descriptions = set()
    for path in PAGE_KINDS[:-1]:
        page = (site / path).read_text(encoding="utf-8")
        feed = re.findall(
            r'<link rel="alternate feed" type="application/atom\+xml"[^>]*href="([^"]+)"', page
        )
        assert len(feed) == 1, path
        assert ((site / path).parent / feed[0]).resolve() == (site / paths.NEWS_FEED).resolve()
        found = re.findall(r'<meta name="description" content="([^"]*)">', page)
        assert len(found) == 1 and 20 <= len(found[0]) <= 170, (path, found)
        descriptions.add(found[0])
    assert len(descriptions) == len(PAGE_KINDS) - 1  # each page its own
    topic = (site / "chuyen-de/cd-ii-05.html").read_text(encoding="utf-8")
    summary = yaml.safe_load((REPO / "topics/cd-ii-05.yml").read_text(encoding="utf-8"))["summary"]
    own = re.search(r'<meta name="description" content="([^"]*)">', topic)
    assert own and html.unescape(own.group(1)) == shorten(" ".join(summary.split()))
    robots = (site / paths.ROBOTS).read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *\n")
    assert "Sitemap: https://ntm.anhoa.example.gov.vn/sitemap.xml" in robots


def test_the_offline_home_page_does_not_offer_the_zip_it_came_in(sample_site: Path) -> None:
    site = sample_site / "site"
    online = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{paths.OFFLINE_ZIP}"' in online
    with zipfile.ZipFile(site / paths.OFFLINE_ZIP) as zf:
        home = zf.read(f"{paths.OFFLINE_FOLDER}/index.html").decode("utf-8")
    assert paths.OFFLINE_ZIP not in home
    assert "bạn đang đọc bản này" in home
