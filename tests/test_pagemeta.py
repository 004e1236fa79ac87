"""Small parts of the phone pass that need no browser: table labels, page
descriptions, status bars, upcoming courses."""

from __future__ import annotations

import datetime
from pathlib import Path

import markdown
import pytest

from generator import pipeline
from generator.content.derive import UPCOMING_COURSES, upcoming_courses
from generator.site import pagemeta
from generator.site.render import _bar_width


def _md(text: str) -> str:
    md = markdown.Markdown(extensions=["tables", "md_in_html", "generator.site.tablelabels"])
    return str(md.convert(text))


def test_each_cell_carries_its_column_heading_as_plain_text() -> None:
    out = _md(
        '<div class="hb-cards" markdown>\n\n| Cấp | Tỷ **lệ** <b>x</b> |\n|---|--:|\n'
        "| Xã | 9 |\n\n</div>"
    )
    assert '<td data-label="Cấp">Xã</td>' in out
    assert 'data-label="Tỷ lệ x"' in out  # the heading's text, without its markup
    assert "\x02" not in out


def test_a_table_without_a_heading_row_is_left_alone() -> None:
    assert "data-label" not in _md("<table><tr><td>x</td></tr></table>")


@pytest.mark.parametrize(
    ("value", "width"), [(59.5, "59.5"), (-3, "0.0"), (140.0, "100.0"), (100, "100.0")]
)
def test_bars_are_clamped_numbers(value: float, width: str) -> None:
    assert str(_bar_width(value)) == width


PAGE = """<html><head><meta name="description" content="Kế hoạch &amp; chung"></head><body>
<article class="md-content__inner md-typeset"><h1>Tiêu đề</h1>
<div class="admonition warning"><p>Dữ liệu mẫu: không phải số liệu thật.</p></div>
<p><strong>Tải về:</strong> <a href="a.pdf">PDF</a> · <a href="a.csv">Bảng CSV của trang</a></p>
<ul><li><p>Một mục</p></li></ul>
<p>Nội dung <em>riêng</em> của trang "này" &lt;b&gt;, dài vừa phải.</p>
</article></body></html>"""


def test_the_description_is_the_pages_first_own_paragraph(tmp_path: Path) -> None:
    assert pagemeta.page_description(PAGE) == 'Nội dung riêng của trang "này" <b>, dài vừa phải.'
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    assert pagemeta.describe_pages(tmp_path, "Kế hoạch & chung") == 1
    assert (
        '<meta name="description" content="Nội dung riêng của trang &quot;này&quot; '
        '&lt;b&gt;, dài vừa phải.">' in page.read_text(encoding="utf-8")
    )
    # A page with a description of its own (front matter) keeps it.
    assert pagemeta.describe_pages(tmp_path, "Kế hoạch & chung") == 0


def test_descriptions_are_cut_at_a_word() -> None:
    text = "chữ " * 100
    short = pagemeta.shorten(text)
    assert len(short) <= pagemeta.DESCRIPTION_LENGTH and short.endswith("chữ…")


def test_upcoming_courses_start_at_the_data_date(mini: Path) -> None:
    checked = pipeline.check(mini)
    assert checked.catalogue is not None
    courses = checked.catalogue.courses
    as_of = checked.catalogue.config.data_as_of
    chosen = upcoming_courses(courses, as_of)
    expected = sorted(
        (c for c in courses if c.status == "planned" and c.end >= as_of),
        key=lambda c: (c.start, c.end, c.id),
    )[:UPCOMING_COURSES]
    assert chosen == expected and chosen  # the mini fixture has one
    assert upcoming_courses(courses, datetime.date(2099, 1, 1)) == []


def test_the_offline_zip_is_reused_only_when_nothing_changed(tmp_path: Path) -> None:
    from generator import paths
    from generator.site.postprocess import write_offline_zip

    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "chuyen-de").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<a href="{paths.OFFLINE_ZIP}" download>Bản ngoại tuyến</a>', encoding="utf-8"
    )
    (site / "chuyen-de/a.html").write_text("A", encoding="utf-8")
    assert write_offline_zip(site, "x", cache) is False
    first = (site / paths.OFFLINE_ZIP).read_bytes()
    assert write_offline_zip(site, "x", cache) is True  # nothing changed: copied
    assert (site / paths.OFFLINE_ZIP).read_bytes() == first
    (site / "chuyen-de/a.html").write_text("B", encoding="utf-8")
    assert write_offline_zip(site, "x", cache) is False  # a change: made again
    assert len(list(cache.glob("offline-*.zip"))) == 1
    fresh = tmp_path / "fresh"
    import shutil
    import zipfile

    shutil.copytree(site, fresh)
    (fresh / paths.OFFLINE_ZIP).unlink()
    write_offline_zip(fresh, "x")  # no cache: the same bytes as the cached path
    assert (fresh / paths.OFFLINE_ZIP).read_bytes() == (site / paths.OFFLINE_ZIP).read_bytes()
    with zipfile.ZipFile(site / paths.OFFLINE_ZIP) as zf:
        assert zf.read("x/chuyen-de/a.html") == b"B"
        assert paths.OFFLINE_ZIP not in zf.read("x/index.html").decode("utf-8")
