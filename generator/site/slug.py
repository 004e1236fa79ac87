"""Readable ASCII slugs for Vietnamese headings and file names.

Python-Markdown's default slugify drops every letter it cannot decompose, so
``## Điện`` becomes ``#ien``. Here diacritics are removed and đ/Đ become d,
so the anchor is ``#dien``. The signature matches Markdown's ``toc.slugify``.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[-\s]+")


def fold(text: str) -> str:
    """Remove Vietnamese diacritics: decompose, drop combining marks, đ→d.

    >>> fold("Đảng ủy xã Nông Thôn")
    'Dang uy xa Nong Thon'
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(value: str, separator: str = "-", unicode: bool = False) -> str:
    """Slug for an anchor or path.

    >>> slugify("Tiêu chí 4: Điện")
    'tieu-chi-4-dien'
    """
    del unicode  # accepted for compatibility with pymdownx; output is always ASCII
    text = fold(value).encode("ascii", "ignore").decode("ascii")
    text = _NON_WORD.sub("", text).strip().lower()
    return _SPACES.sub(separator, text)
