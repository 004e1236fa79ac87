"""The final audit of built pages: what it must catch, found by attacking the site."""

from __future__ import annotations

import pytest

from generator.site.audit import THEME_SCRIPTS, audit_page, script_digest
from generator.site.markup import md_escape


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ('<script src="../x.pdf"></script>', "<script src> không thuộc giao diện"),
        ('<script src="/ntm/tai-ve/x.pdf"></script>', "<script src> không thuộc giao diện"),
        ('<a href="javascript:&#47; &#47;[0]%0aalert(1)">x</a>', "địa chỉ javascript:"),
        ('<a href=" \x01java\tscr\nipt:alert(1)">x</a>', "địa chỉ javascript:"),
        ('<img srcset="https://evil.example/a.png 2x" alt="">', "tải tài nguyên từ trang khác"),
        ('<picture><source srcset="//evil.example/a.png"></picture>', "tải tài nguyên"),
        ('<video poster="https://evil.example/p.png"></video>', "tải tài nguyên"),
        ('<table background="https://evil.example/b.png"></table>', "tải tài nguyên"),
        ('<svg><image href="https://evil.example/i.png"/></svg>', "tải tài nguyên"),
        ('<svg><use href="https://evil.example/s.svg#a"/></svg>', "tải tài nguyên"),
        ('<div style="background:u\\72l(https://evil.example/x)">x</div>', "style="),
        ("<div style=\"background-image:image-set('https://e.x/a.png' 1x)\">x</div>", "style="),
        ("<style>@import 'https://evil.example/x.css';</style>", "<style>"),
        ('<pre class="mermaid">graph TD; A-->B</pre>', "mermaid"),
        ("<script>alert(1)</script>", "đoạn mã <script>"),
        ('<img src="x" onerror="alert(1)">', "thuộc tính sự kiện onerror="),
        ('<iframe src="https://example.org"></iframe>', "thẻ <iframe>"),
        ('<a title="&lt;img src=x onerror=alert(1)&gt;">x</a>', "title="),
    ],
)
def test_the_audit_catches(body: str, found: str) -> None:
    breaches = audit_page(_page(body), "chuyen-de/a.html", "/ntm/")
    assert any(found in b for b in breaches), breaches


@pytest.mark.parametrize(
    "body",
    [
        '<script src="../assets/javascripts/bundle.min.js"></script>',
        '<script src="/ntm/assets/handbook.js"></script>',
        '<script id="__config" type="application/json">{"a": 1}</script>',
        '<a href="https://example.org/">x</a> <img src="../hinh/a.png" alt="">',
        '<form class="md-search__form"></form>',
        # a space inside is kept by browsers: a relative link, not a scheme
        '<a href="java    script:alert(1)">x</a>',
    ],
)
def test_the_audit_lets_the_theme_be(body: str) -> None:
    assert audit_page(_page(body), "chuyen-de/a.html", "/ntm/") == []


def test_theme_scripts_are_listed_by_digest() -> None:
    assert len(THEME_SCRIPTS) == 4
    assert script_digest('__md_scope=new URL("..",location)') == script_digest(
        '__md_scope=new URL(".",location)'
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('!!! danger "Nguy hiểm"', '\\!!! danger "Nguy hiểm"'),
        ("??? note", "\\??? note"),
        ("~~~ mã", "\\~~~ mã"),
        (": định nghĩa", "\\: định nghĩa"),
    ],
)
def test_text_that_would_open_a_block_is_escaped(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped
