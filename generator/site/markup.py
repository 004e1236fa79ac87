"""Text from the content, made safe for the page it goes into.

Every value the templates print passes through :func:`md_escape` (Markdown and
HTML text) or :func:`yaml_string` (front matter, which the theme prints into
both text and attributes), so text from YAML can never become markup. Numbers
and dates are formatted the Vietnamese way.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import re

from markupsafe import Markup

from ..content.pages import Page
from ..reproducible import vn_date as _vn_date

# Characters that start Markdown syntax anywhere in a line ("<" and "&" become
# entities), and the ones that matter only at the start of a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
# "!!!" and "???" open admonitions, "~~~" a code fence, ":" a definition.
_MD_LINE_START = re.compile(r"^([-+#>=!?~:])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_WHITESPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def _escape_text(text: str) -> str:
    text = _WHITESPACE.sub(" ", text).strip()
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\\\1", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def md_escape(value: object) -> str:
    """Escape text so Markdown and HTML show it literally, on one line.

    >>> md_escape("<b>a|b</b> *x* 125/KH-BCĐ")
    '&lt;b&gt;a\\\\|b&lt;/b&gt; \\\\*x\\\\* 125/KH-BCĐ'
    """
    # Names, places and labels repeat across thousands of pages: cached.
    return _escape_text(str(value))


def vn_date(day: datetime.date) -> Markup:
    """dd/mm/yyyy, as Vietnamese documents write dates."""
    return Markup(_vn_date(day))


def vn_number(value: float | int) -> Markup:
    """Thousands with '.', decimals with ',' (Vietnamese convention).

    >>> str(vn_number(10230)), str(vn_number(82.5))
    ('10.230', '82,5')
    """
    if isinstance(value, int) or float(value).is_integer():
        text = f"{int(value):,}".replace(",", ".")
    else:
        text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return Markup(text)


def vn_percent(value: float | None) -> Markup:
    if value is None:
        return Markup("—")
    return Markup(f"{vn_number(round(value, 1))}%")


def yaml_string(value: object) -> Markup:
    """A quoted YAML string for front matter (JSON strings are valid YAML).

    HTML-escaped too, quotes included: MkDocs and Material print front-matter
    values into the page (<title>, navigation, tag chips, attributes such as
    ``content="…"``) without escaping them.

    >>> str(yaml_string('<b title="x">Đảng ủy</b>'))
    '"&lt;b title=&quot;x&quot;&gt;Đảng ủy&lt;/b&gt;"'
    """
    text = html.escape(_WHITESPACE.sub(" ", str(value)).strip())
    return Markup(json.dumps(text, ensure_ascii=False))


def free_page(page: Page) -> str:
    """A free page as MkDocs reads it: front matter from the validated fields, then the body.

    The office's front matter is never copied: only the allowed keys, escaped.
    ``hide: [search]`` becomes Material's ``search: {exclude: true}``.
    """
    lines = ["---", f"title: {yaml_string(page.title)}"]
    meta = page.meta
    if meta.description:
        lines.append(f"description: {yaml_string(meta.description)}")
    hide = [h for h in meta.hide if h != "search"]
    for key, values in (("hide", hide), ("tags", meta.tags)):
        if values:
            lines.append(f"{key}:")
            lines += [f"  - {yaml_string(v)}" for v in values]
    if "search" in meta.hide:
        lines += ["search:", "  exclude: true"]
    return "\n".join([*lines, "---", "", page.body.strip("\n"), ""])
