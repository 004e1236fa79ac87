"""Vietnamese search in a real browser: what a reader types, and the page that must come first.

The sample site is served over HTTP and opened from file:// (the offline copy,
where Material's worker runs in the iframe shim); in both, each query is typed
with the keyboard, as a reader does, and the first result is read only once the
search worker has answered every query sent (each keystroke sends one, and the
list may still show the answer to a prefix). Nothing may be logged to the
console: lunr warns about unregistered pipeline functions, for one.

The ranking comes from the theme's lunr.vi.min.js and the search settings in
mkdocs-base.yml (see generator/site/postprocess.py). In CI these tests always
run; without Chromium they are skipped with a message.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import chromium, require_browser, serve

pytestmark = pytest.mark.slow

require_browser()

QUERY = "input[data-md-component=search-query]"
START = "chuyen-de/cd-i-01.html"
TOPIC = "chuyen-de/cd-{}.html"

# (query, page that must come first). Accented and plain, phrases whose
# syllables are ambiguous without accents, a word still being typed, a
# decision number, a commune and a venue that only a course names.
CASES = [
    ("chuyển đổi số", TOPIC.format("ii-05")),
    ("chuyen doi so", TOPIC.format("ii-05")),
    (unicodedata.normalize("NFD", "chuyển đổi số"), TOPIC.format("ii-05")),
    ("chuyen doi so cap xa", TOPIC.format("ii-05")),
    ("doi so", TOPIC.format("ii-05")),
    ("xa hoi so", TOPIC.format("ii-05")),
    ("924/QĐ-TTg", TOPIC.format("ii-05")),
    ("nong thon moi", "index.html"),
    ("nông thôn mới nâng cao", TOPIC.format("ii-06")),
    ("ocop", TOPIC.format("ii-02")),
    ("hop tac xa", TOPIC.format("ii-03")),
    ("du lich nong th", TOPIC.format("ii-04")),
    ("thu gom rac", TOPIC.format("ii-07")),
    ("doi song van hoa", TOPIC.format("ii-08")),
    ("an ninh trat tu", TOPIC.format("ii-09")),
    ("họp cộng đồng", TOPIC.format("iii-02")),
    ("giam sat cong dong", TOPIC.format("iii-04")),
    ("phòng, chống thiên tai", TOPIC.format("dp-02")),
    ("giai thich tu ngu", "thuat-ngu.html"),
    ("ke hoach", "ke-hoach.html"),
    ("chuong trinh cap xa", "chuong-trinh/xa.html"),
    ("lich tap huan", "lich/index.html"),
    ("doi dia diem", "tin-tuc/2025-10-20-doi-dia-diem-lop-tan-lap.html"),
    ("Phú Hải", "khoa-hoc/kh-2026-x06.html"),  # a commune
    ("phu hai", "khoa-hoc/kh-2026-x06.html"),
    ("Nhà văn hóa xã Phú Hải", "khoa-hoc/kh-2026-x06.html"),  # a venue
]

# Counts the queries Material posts to its search worker and the answers it
# gets, for a real Worker (http) and for the iframe shim (file://).
COUNT_MESSAGES = """(() => {
  let sent = 0, answered = 0
  const query = data => { if (data && data.type === 2) sent++ }
  const answer = data => { if (data && data.type === 3) answered++ }
  window.__searchMessages = () => ({ sent, answered })
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(...args) { super(...args); this.addEventListener("message", e => answer(e.data)) }
    postMessage(data, ...rest) { query(data); return super.postMessage(data, ...rest) }
  }
  addEventListener("message", e => answer(e.data))
  let shim
  Object.defineProperty(window, "IFrameWorker", {
    configurable: true,
    get: () => shim,
    set: cls => {
      const post = cls.prototype.postMessage
      cls.prototype.postMessage = function (data) { query(data); return post.call(this, data) }
      shim = cls
    },
  })
})()"""


class Search:
    """One open page of the site, its search box, and everything logged to its console."""

    def __init__(self, browser: object, base: str) -> None:
        self.base = base
        self.logged: list[str] = []
        context = browser.new_context(viewport={"width": 360, "height": 740})  # type: ignore[attr-defined]
        context.add_init_script(COUNT_MESSAGES)
        context.on("console", self._console)
        self.page = context.new_page()
        self.page.on("pageerror", lambda error: self.logged.append(f"pageerror: {error}"))
        self.page.goto(base + START)
        self.page.locator("label[for=__search]").first.click()
        self.page.wait_for_selector(QUERY)
        self.first("xã", timeout=90)  # the worker builds its index before it answers

    def _console(self, message: object) -> None:
        if message.type in ("warning", "error"):  # type: ignore[attr-defined]
            self.logged.append(f"{message.type}: {message.text}")  # type: ignore[attr-defined]

    def first(self, query: str, timeout: float = 30) -> str | None:
        """Type ``query``; the page of the first result once the worker has answered it all."""
        box = self.page.locator(QUERY)
        box.fill("")
        box.press("End")  # Material reads the value on keyup
        box.type(query, delay=20)
        box.press("End")
        self.page.wait_for_function(
            "() => { const m = window.__searchMessages(); return m.sent > 0 && m.sent === m.answered }",
            timeout=timeout * 1000,
            polling=20,
        )
        self.page.wait_for_timeout(150)  # Material renders the answer
        href = self.page.evaluate(
            "() => document.querySelector('.md-search-result__item a')?.href ?? null"
        )
        if href is None:
            return None
        path = str(href).split("?")[0].split("#")[0]
        return path.removeprefix(self.base)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="module", params=["http", "file"])
def search(request: pytest.FixtureRequest, browser: object, sample_site: Path) -> Iterator[Search]:
    site = sample_site / "site"
    if request.param == "http":
        with serve(site) as base:
            yield Search(browser, base)
    else:
        yield Search(browser, site.as_uri() + "/")


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[q for q, _ in CASES])
def test_search_puts_the_expected_page_first(search: Search, query: str, expected: str) -> None:
    assert search.first(query) == expected


def test_search_logs_nothing_to_the_console(search: Search) -> None:
    search.first("chuyen doi so")
    assert search.logged == []


def test_the_worker_runs_the_theme_vi_file(search: Search) -> None:
    """Material's lunr.vi.min.js is replaced by the theme's, over http and file:// alike."""
    if search.base.startswith("file:"):  # the iframe shim runs the worker in a hidden frame
        folded = search.page.evaluate(
            "() => document.querySelector('iframe').contentWindow.lunr.vi.fold('Đổi Mới')"
        )
        assert folded == "doi moi"
    else:
        served = search.page.evaluate(
            "() => fetch('../assets/javascripts/lunr/min/lunr.vi.min.js').then(r => r.text())"
        )
        assert "fold-vi" in served
