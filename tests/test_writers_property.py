"""Validate passes ⇒ every writer succeeds, for any text at all.

Hypothesis types arbitrary Unicode (control characters, lone surrogates, line
separators, bidirectional overrides, emoji, combining marks alone) into a
topic title, a course's place, an audience name, the site name and a news
title, through YAML escapes as an editor could. When validation accepts the
content, every writer must accept it too: the Markdown pages and their HTML,
the PDF and DOCX outlines and curricula, the calendars, CSV, JSON, XLSX, the
Atom feed and the generated MkDocs configuration — and the XML and calendar
outputs must read back.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from generator import pipeline
from generator.content.derive import curriculum_for_level
from generator.downloads import TABLES, calendars, curricula, opendata, outlines
from generator.downloads.feeds import atom_feed
from generator.site import sitebuild

from .conftest import MINI, copy_project

pytestmark = pytest.mark.slow

NASTY = [
    "\x00", "\x01", "\x1b", "\x7f", "\x85", "\r", "\n", "\t", "\u2028", "\u2029", "\ud800",
    "\udfff", "\ufeff", "\ufffe", "\u202e", "\u2066", "＝1+1", "=1+1", "😀", "\u0301", "𝔸",
    "\u00a0", "\u200b", "<", "&", '"', "'", "{nb}", "%", "\\",
]  # fmt: skip
texts = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=30),
    st.lists(st.sampled_from(NASTY), min_size=1, max_size=4).map("x".join),
)


def _yaml_string(text: str) -> str:
    """A double-quoted YAML string that spells every character as an escape if needed."""
    out = []
    for char in text:
        if " " <= char <= "~" and char not in '"\\':
            out.append(char)
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def _put(path: Path, old: str, key: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert content.count(old) == 1
    path.write_text(content.replace(old, f"{key}: {_yaml_string(text)}"), encoding="utf-8")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts)
def test_valid_content_is_written_by_every_writer(tmp_path: Path, text: str) -> None:
    root = tmp_path / "p"
    if root.exists():
        shutil.rmtree(root)
    copy_project(MINI, root)
    _put(root / "topics/cd-i-01.yml", "title: Tổng quan về nông thôn mới", "title", text)
    _put(root / "content/courses/kh-01.yml", "place: Hội trường tỉnh", "place", text)
    _put(root / "content/audiences.yml", "name: Ban Chỉ đạo xã", "name", text)
    _put(root / "site_config.yml", "site_name: Cẩm nang thử nghiệm", "site_name", text)
    news = root / "content/news/2025-11-01-tin.md"
    news.parent.mkdir(parents=True)
    news.write_text(
        f"---\ntitle: {_yaml_string(text)}\ndate: 2025-11-01\nsummary: {_yaml_string(text)}\n"
        "---\n\nNội dung.\n",
        encoding="utf-8",
    )
    checked = pipeline.check(root)
    if checked.catalogue is None:
        assert checked.problems  # refused, with located problems
        return
    catalogue = checked.catalogue
    content = checked.content

    rendered = pipeline.render(catalogue, content.pages, content.news)
    converter = markdown.Markdown(extensions=["tables", "attr_list", "admonition", "md_in_html"])
    for page in rendered.pages.values():
        converter.reset()
        converter.convert(page)
    yaml.safe_load(
        sitebuild.generated_config(catalogue, rendered.nav, "/p/mkdocs.yml", "/t/overrides")
    )

    topic = catalogue.topics_by_id["cd-i-01"]
    outlines.topic_pdf(topic, catalogue)
    outlines.topic_docx(topic, catalogue)
    outlines.handbook_pdf(catalogue)
    for level in catalogue.config.levels:
        curriculum = curriculum_for_level(catalogue, level)
        if curriculum.items:
            curricula.curriculum_pdf(curriculum, catalogue)

    for course in catalogue.courses:
        Calendar.from_ical(calendars.course_calendar(course, catalogue))
    Calendar.from_ical(calendars.schedule_calendar(catalogue))

    for name, table in TABLES.items():
        headers, rows = table(catalogue)
        opendata.to_csv(headers, rows).decode("utf-8-sig")
        opendata.to_json(name, headers, rows).decode("utf-8")
    opendata.workbook(catalogue)

    ET.fromstring(atom_feed(catalogue, content.news))
