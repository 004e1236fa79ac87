"""Links that preview when shared: Open Graph tags on every page, escaped, with
pictures made at build time, the same bytes each build."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from generator import paths, pipeline
from generator.downloads import sharecards

from .conftest import Edit, handbook

HOSTILE = 'Tổng quan "trích dẫn" <script>alert(1)</script> & nông thôn mới'


def og(page: Path) -> dict[str, str]:
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    found = {}
    for meta in tree.css("meta[property^='og:'], meta[name^='twitter:']"):
        key = meta.attributes.get("property") or meta.attributes.get("name")
        found[str(key)] = str(meta.attributes.get("content"))
    return found


@pytest.mark.slow
def test_every_page_has_open_graph_tags_escaped(mini: Path, edit: Edit) -> None:
    edit("topics/cd-i-01.yml", "title: Tổng quan về nông thôn mới", f"title: '{HOSTILE}'")
    result = handbook(mini, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = mini / "site"
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert pages
    for page in pages:
        tags = og(page)
        assert tags["og:locale"] == "vi_VN" and tags["twitter:card"] == "summary_large_image"
        assert tags["og:title"] and tags["og:description"]
        url = tags["og:url"]
        assert url == "https://example.org/ntm/" + page.relative_to(site).as_posix()
        image = tags["og:image"]
        assert image.startswith("https://example.org/ntm/assets/chia-se/")
        local = site / image.removeprefix("https://example.org/ntm/")
        assert Image.open(local).size == (1200, 630)
    topic = og(site / "chuyen-de" / "cd-i-01.html")
    assert topic["og:title"] == HOSTILE  # parsed back: the quotes and tags stayed text
    assert topic["og:description"] == "Giới thiệu Chương trình."
    assert topic["og:image"].endswith(paths.share_card("cd-i-01"))
    html = (site / "chuyen-de" / "cd-i-01.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    course = og(site / "khoa-hoc" / "kh-03.html")
    assert "Đơn vị tổ chức:" in course["og:description"]
    assert og(site / "index.html")["og:image"].endswith(paths.SHARE_SITE)
    # The pictures do not change when nothing changed, and match a fresh drawing.
    card = (site / paths.share_card("cd-i-01")).read_bytes()
    assert handbook(mini, "build").returncode == 0
    assert (site / paths.share_card("cd-i-01")).read_bytes() == card


def test_share_cards_are_deterministic_png_without_time_chunks() -> None:
    args = (HOSTILE * 3, "Chuyên đề I.1 · Nhóm I – Cơ bản · 2 buổi", "Cẩm nang", "example.org")
    first = sharecards.card(*args)
    assert first == sharecards.card(*args)
    image = Image.open(io.BytesIO(first))
    assert image.size == (1200, 630) and image.mode == "P"
    chunks, at = [], 8
    while at < len(first):
        length = int.from_bytes(first[at : at + 4], "big")
        chunks.append(first[at + 4 : at + 8].decode())
        at += 12 + length
    assert chunks == ["IHDR", "PLTE", "IDAT", "IEND"]


def test_downloads_hold_one_card_per_topic_and_the_site_card() -> None:
    checked = pipeline.check(Path(__file__).parent / "fixtures" / "mini")
    assert checked.catalogue is not None
    from generator.downloads import render_downloads

    files = render_downloads(checked.catalogue, None).files
    cards = {p for p in files if p.startswith(paths.SHARE_DIR)}
    expected = {paths.share_card(t.id) for t in checked.catalogue.topics} | {paths.SHARE_SITE}
    assert cards == expected
