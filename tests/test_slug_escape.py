"""Slugs keep Vietnamese letters readable; YAML text never becomes markup."""

from __future__ import annotations

import pytest

from generator.site.render import md_escape, vn_number
from generator.site.slug import fold, slugify


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Điện", "dien"),
        ("Tiêu chí 4: Điện", "tieu-chi-4-dien"),
        ("Đảng ủy xã", "dang-uy-xa"),
        ("Nhóm II – Trọng tâm", "nhom-ii-trong-tam"),
    ],
)
def test_slugify(heading: str, slug: str) -> None:
    assert slugify(heading, "-") == slug


def test_fold() -> None:
    assert fold("nông thôn mới ĐẢNG ỦY") == "nong thon moi DANG UY"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("a | b", "a \\| b"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("Tiêu đề {onclick=x}", "Tiêu đề \\{onclick=x\\}"),
        ("dòng 1\n\ndòng 2", "dòng 1 dòng 2"),
        ("125/KH-BCĐ", "125/KH-BCĐ"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_vietnamese_numbers() -> None:
    assert (str(vn_number(10230)), str(vn_number(82.5)), str(vn_number(3))) == (
        "10.230",
        "82,5",
        "3",
    )
