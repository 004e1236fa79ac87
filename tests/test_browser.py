"""The built site in a real browser (Debian Chromium driven by Playwright):
Vietnamese search, text size, high contrast, no requests to other hosts
(served and from an unzipped offline copy opened by file://). axe-core with
every rule at 360 and 1280 px is in test_phone.py.

In CI these tests always run (.ci/run installs Chromium); on a machine without
Chromium they are skipped with a message saying so.
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import paths

from .browser import require_browser

pytestmark = pytest.mark.slow

playwright_api = require_browser()


def _page(browser: object, **context: object) -> object:
    ctx = browser.new_context(**context)  # type: ignore[attr-defined]
    return ctx.new_page()


def _search(page: object, base: str, query: str) -> list[str]:
    page.goto(base + "index.html")  # type: ignore[attr-defined]
    box = page.locator("input[data-md-component=search-query]")  # type: ignore[attr-defined]
    box.focus()
    box.fill(query)
    page.keyboard.press("End")  # type: ignore[attr-defined]
    page.wait_for_selector(".md-search-result__item", timeout=15000)  # type: ignore[attr-defined]
    return page.locator(".md-search-result__item > a h1").all_inner_texts()  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (("du lịch nông thôn", "du lich nong thon"), "Phát triển du lịch nông thôn"),
        (("phòng, chống thiên tai", "phong chong thien tai"), "Phòng, chống thiên tai"),
        (("giải thích từ ngữ", "giai thich tu ngu"), "Giải thích từ ngữ"),
        (("giám sát cộng đồng", "giam sat cong dong"), "Quản lý, giám sát công trình"),
    ],
)
def test_search_with_and_without_diacritics(
    browser: object, server: str, queries: tuple[str, str], expected: str
) -> None:
    page = _page(browser, viewport={"width": 1280, "height": 900})
    accented, plain = queries
    decomposed = unicodedata.normalize("NFD", accented)
    tops = [_search(page, server, q)[0] for q in (accented, plain, decomposed)]
    for query, top in zip((accented, plain, "NFD " + accented), tops, strict=True):
        assert top.startswith(expected), (query, top)


def test_text_size_controls_persist(browser: object, server: str) -> None:
    page = _page(browser, viewport={"width": 360, "height": 740})
    page.goto(server + "chuyen-de/cd-i-01.html")  # type: ignore[attr-defined]

    def body_px() -> float:
        css = page.evaluate(
            "getComputedStyle(document.querySelector('article.md-typeset')).fontSize"
        )  # type: ignore[attr-defined]
        return float(css.removesuffix("px"))

    before = body_px()
    page.click("[data-handbook-size=up]")  # type: ignore[attr-defined]
    enlarged = body_px()
    assert enlarged > before * 1.1
    page.goto(server + "tien-do.html")  # type: ignore[attr-defined]
    assert body_px() == pytest.approx(enlarged)
    page.click("[data-handbook-size=down]")  # type: ignore[attr-defined]
    assert body_px() == pytest.approx(before)
    page.click("[data-handbook-size=down]")  # type: ignore[attr-defined]
    assert body_px() < before
    # "A" (back to the default size) is shown where the header has room for it
    page.set_viewport_size({"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.click("[data-handbook-size=reset]")  # type: ignore[attr-defined]
    assert body_px() == pytest.approx(before)


def test_header_fits_a_360px_phone(browser: object, server: str) -> None:
    page = _page(browser, viewport={"width": 360, "height": 740})
    page.goto(server + "index.html")  # type: ignore[attr-defined]
    overflow = page.evaluate(  # type: ignore[attr-defined]
        "(() => { const h = document.querySelector('.md-header__inner');"
        " return h.scrollWidth - h.clientWidth; })()"
    )
    assert overflow <= 0
    for control in ("[data-handbook-size=down]", "[data-handbook-size=up]", ".handbook-contrast"):
        box = page.locator(control).bounding_box()  # type: ignore[attr-defined]
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360


def test_high_contrast(browser: object, server: str) -> None:
    page = _page(browser, contrast="more")
    page.goto(server + "index.html")  # type: ignore[attr-defined]
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # type: ignore[attr-defined]
    assert scheme == "contrast"
    colour = page.evaluate("getComputedStyle(document.querySelector('article.md-typeset')).color")  # type: ignore[attr-defined]
    assert colour == "rgb(0, 0, 0)"
    # chosen by the reader with the palette toggle, it survives navigation
    page = _page(browser)
    page.goto(server + "index.html")  # type: ignore[attr-defined]
    _choose_scheme(page, "contrast")
    page.goto(server + "tien-do.html")  # type: ignore[attr-defined]
    assert _scheme(page) == "contrast"


def _scheme(page: object) -> str:
    return str(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))  # type: ignore[attr-defined]


def _choose_scheme(page: object, scheme: str) -> None:
    """Click the palette toggle until ``scheme`` is active (Material stores the choice)."""
    for _ in range(4):
        if _scheme(page) == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").first.click()  # type: ignore[attr-defined]
    raise AssertionError(f"could not switch to {scheme}")


def _requests(page: object) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))  # type: ignore[attr-defined]
    return seen


def test_no_request_leaves_the_local_server(browser: object, server: str) -> None:
    page = _page(browser)
    seen = _requests(page)
    for path in (
        "index.html",
        "chuyen-de/cd-ii-02.html",
        "khoa-hoc/kh-2023-t02.html",
        "tien-do.html",
    ):
        page.goto(server + path)  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    _search(page, server, "nong thon")
    own = urlsplit(server).netloc
    foreign = [
        u for u in seen if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own
    ]
    assert seen and not foreign, foreign


def test_offline_copy_works_from_file_urls(
    browser: object, sample_site: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(sample_site / "site" / paths.OFFLINE_ZIP) as zf:
        zf.extractall(tmp_path)
    index = tmp_path / "cam-nang-ntm" / "index.html"
    page = _page(browser, viewport={"width": 1280, "height": 900})
    seen = _requests(page)
    top = _search(page, index.as_uri().removesuffix("index.html"), "du lich nong thon")[0]
    assert top.startswith("Phát triển du lịch nông thôn")
    page.goto((tmp_path / "cam-nang-ntm" / "chuyen-de" / "cd-i-01.html").as_uri())  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert seen and all(u.startswith(("file:", "data:", "blob:", "about:")) for u in seen), [
        u for u in seen if not u.startswith(("file:", "data:", "blob:", "about:"))
    ]


def test_wide_tables_scroll_inside_the_page_on_phones(browser: object, server: str) -> None:
    page = _page(browser, viewport={"width": 360, "height": 740})
    for path in ("khoa-hoc/kh-2023-t02.html", "lich/2026.html", "chuong-trinh/xa.html"):
        page.goto(server + path)  # type: ignore[attr-defined]
        page_overflow = page.evaluate(  # type: ignore[attr-defined]
            "document.scrollingElement.scrollWidth - window.innerWidth"
        )
        assert page_overflow <= 0, path
        wrappers = page.evaluate(  # type: ignore[attr-defined]
            "[...document.querySelectorAll('article .md-typeset__scrollwrap')]"
            ".filter(w => !w.closest('.hb-cards'))"
            ".map(w => getComputedStyle(w).overflowX)"
        )
        assert wrappers and set(wrappers) == {"auto"}, (path, wrappers)


def test_print_stylesheet_keeps_only_the_content(browser: object, server: str) -> None:
    page = _page(browser)
    for path in ("chuyen-de/cd-ii-03.html", "chuong-trinh/xa.html"):
        page.goto(server + path)  # type: ignore[attr-defined]
        page.emulate_media(media="print")  # type: ignore[attr-defined]
        hidden = page.evaluate(  # type: ignore[attr-defined]
            "['.md-header', '.md-sidebar--primary', '.md-footer', '.handbook-sizes']"
            ".map(s => document.querySelector(s))"
            ".map(e => !e || getComputedStyle(e).display === 'none')"
        )
        assert all(hidden), (path, hidden)
        assert page.locator("article h1").is_visible()  # type: ignore[attr-defined]
