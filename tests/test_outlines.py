"""Downloads: topic outlines (PDF, DOCX), level curricula and the handbook PDF.

Every file is opened with a real reader (pypdf, python-docx), never by grepping bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator import messages, pipeline
from generator.content import derive
from generator.content.catalogue import Catalogue
from generator.content.models import Topic
from generator.downloads import curricula, outlines
from generator.reproducible import ZIP_EPOCH

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
REPO = HERE.parent
DRAFTED = messages.TOPIC_STATUSES["drafted"]
LOCAL = messages.TOPIC_STATUSES["local"]


def _catalogue(root: Path) -> Catalogue:
    checked = pipeline.check(root)
    assert checked.catalogue is not None, checked.problems
    return checked.catalogue


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return _catalogue(MINI)


def with_style(catalogue: Catalogue, style: str) -> Catalogue:
    """The same catalogue with ``documents.outline_style`` set."""
    config = catalogue.config
    documents = config.documents.model_copy(update={"outline_style": style})
    return dataclasses.replace(catalogue, config=config.model_copy(update={"documents": documents}))


@pytest.fixture(scope="module")
def modern(cat: Catalogue) -> Catalogue:
    """The mini fixture with outlines in the site's look (``hien-dai``)."""
    return with_style(cat, "hien-dai")


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return _catalogue(REPO)


@pytest.fixture(scope="module")
def handbook(sample: Catalogue) -> PdfReader:
    return PdfReader(io.BytesIO(outlines.handbook_pdf(sample)))


def topic(catalogue: Catalogue, topic_id: str) -> Topic:
    return catalogue.topics_by_id[topic_id]


def flat(text: str) -> str:
    """NFC, without whitespace: line breaks of the layout do not matter."""
    return "".join(unicodedata.normalize("NFC", text).split())


def folded(text: str) -> str:
    """:func:`flat` and case-folded: the administrative look prints titles in capitals."""
    return flat(text).casefold()


def pdf_text(data: bytes | PdfReader) -> str:
    reader = data if isinstance(data, PdfReader) else PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


# --- topic PDF ---------------------------------------------------------------------------------


def test_topic_pdf_has_the_outline_in_vietnamese(modern: Catalogue) -> None:
    cat = modern
    text = flat(pdf_text(outlines.topic_pdf(topic(cat, "cd-i-01"), cat)))
    for expected in [
        "Tỉnh Thử Nghiệm · Cẩm nang thử nghiệm",
        "Chuyên đề I.1 · Nhóm I – Cơ bản",
        "Tổng quan về nông thôn mới",
        "Giới thiệu Chương trình.",
        "Mục tiêu",
        "Nắm được mục tiêu của Chương trình.",
        "Đề cương",
        "1. Bối cảnh",
        "Kết quả giai đoạn trước.",
        "Thời lượng: 2 buổi",
        "Đối tượng",
        "Cấp tỉnh: Cán bộ Văn phòng Điều phối tỉnh",
        "Cấp xã: Công chức xã chuyên trách",
        "Phương pháp",
        "Lý thuyết, Khảo sát thực tế.",
        "Văn bản tham khảo",
        "263/QĐ-TTg ngày 22/02/2022: Quyết định phê duyệt Chương trình",
        "Số liệu cập nhật đến ngày 30/11/2025",
        "Trang 1/1",
    ]:
        assert flat(expected) in text, expected
    assert flat(DRAFTED) not in text


def test_drafted_and_local_topics_carry_their_notice(cat: Catalogue) -> None:
    drafted = flat(pdf_text(outlines.topic_pdf(topic(cat, "cd-ii-01"), cat)))
    assert flat(DRAFTED) in drafted
    assert flat("Tiêu đề dự thảo của tỉnh.") in drafted
    assert folded("Phát triển sản phẩm OCOP") in drafted.casefold()
    local = flat(pdf_text(outlines.topic_pdf(topic(cat, "cd-dp-01"), cat)))
    assert flat("Chuyên đề địa phương 1 · Chuyên đề địa phương") in local
    assert flat(LOCAL) in local
    assert flat(DRAFTED) not in local


def test_yaml_text_is_never_markup(modern: Catalogue) -> None:
    cat = modern
    original = topic(cat, "cd-ii-01")
    odd = original.model_copy(update={"objectives": ["Có {nb} trang, **đậm**, <b>thẻ</b>"]})
    data = outlines.topic_pdf(odd, cat)
    text = flat(pdf_text(data))
    assert flat("<OCOP> & chuỗi giá trị | *thử* [liên kết](javascript:alert(1))") in text
    assert flat("Có {nb} trang, **đậm**, <b>thẻ</b>") in text
    assert flat("- Dòng bắt đầu bằng gạch ngang.") not in text  # replaced objective
    assert "Trang1/1" in text  # the footer's alias still works
    for page in PdfReader(io.BytesIO(data)).pages:
        assert "/Annots" not in page  # no link was made from the [text](url)
    docx_data = docx_text(outlines.topic_docx(odd, cat))
    assert "Có {nb} trang, **đậm**, <b>thẻ</b>" in docx_data


def test_pdf_is_a4_with_page_numbers(sample: Catalogue) -> None:
    sample = with_style(sample, "hien-dai")
    reader = PdfReader(io.BytesIO(outlines.topic_pdf(topic(sample, "cd-i-02"), sample)))
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, 1):
        assert abs(float(page.mediabox.width) - 595) <= 1
        assert abs(float(page.mediabox.height) - 842) <= 1
        assert f"Trang{number}/{len(reader.pages)}" in flat(page.extract_text())


def test_pdf_embeds_be_vietnam_pro(modern: Catalogue) -> None:
    cat = modern
    reader = PdfReader(io.BytesIO(outlines.topic_pdf(topic(cat, "cd-ii-01"), cat)))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert names and all("BeVietnamPro" in name for name in names), names
    assert any(name.endswith("BeVietnamProBold") for name in names)
    info = reader.metadata
    assert info is not None and info.author == "Tỉnh Thử Nghiệm"


# --- topic DOCX --------------------------------------------------------------------------------


def test_docx_has_word_headings_lists_and_font(modern: Catalogue) -> None:
    cat = modern
    drafted = topic(cat, "cd-ii-01")
    document = Document(io.BytesIO(outlines.topic_docx(drafted, cat)))
    paragraphs = document.paragraphs
    by_style: dict[str, list[str]] = {}
    for paragraph in paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Heading 1"] == ["Phát triển sản phẩm OCOP"]
    assert by_style["Heading 2"] == [
        "Mục tiêu",
        "Đề cương",
        "Đối tượng",
        "Phương pháp",
        "Văn bản tham khảo",
    ]
    assert by_style["Heading 3"] == ["1. Chu trình OCOP"]
    assert "Hiểu chu trình OCOP." in by_style["List Bullet"]
    assert "- Dòng bắt đầu bằng gạch ngang." in by_style["List Bullet"]
    assert by_style["List Bullet 2"] == ["Sáu bước."]
    text = "\n".join(p.text for p in paragraphs)
    assert DRAFTED in text and "Thời lượng: 1 buổi" in text
    assert "Số liệu cập nhật đến ngày 30/11/2025." in text
    heading = next(p for p in paragraphs if p.style.name == "Heading 1")
    for run in heading.runs:
        assert run.font.name == "Be Vietnam Pro"
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:cs")) == "Be Vietnam Pro"
    section = document.sections[0]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    assert document.core_properties.author == "Tỉnh Thử Nghiệm"
    assert document.core_properties.title == "Chuyên đề II.1. Phát triển sản phẩm OCOP"
    attested = docx_text(outlines.topic_docx(topic(cat, "cd-i-01"), cat))
    assert "Tổng quan về nông thôn mới" in attested and DRAFTED not in attested


def test_docx_zip_has_fixed_timestamps(modern: Catalogue) -> None:
    cat = modern
    data = outlines.topic_docx(topic(cat, "cd-i-01"), cat)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert {info.date_time for info in archive.infolist()} == {ZIP_EPOCH}
        assert b"Be Vietnam Pro" in archive.read("word/fontTable.xml")


# --- curriculum and handbook -------------------------------------------------------------------


def test_curriculum_pdf_lists_the_level_topics_and_total(cat: Catalogue) -> None:
    curriculum = derive.curriculum_for_level(cat, cat.levels["xa"])
    assert len(curriculum.items) == 4
    text = flat(pdf_text(curricula.curriculum_pdf(curriculum, cat)))
    assert flat("CHƯƠNG TRÌNH TẬP HUẤN Dành cho cán bộ cấp xã") in text
    assert flat("STT Chuyên đề Thời lượng Đối tượng") in text
    positions = []
    for item in curriculum.items:
        label = flat(f"{item.topic.label}. {item.topic.title}")
        assert label in text
        positions.append(text.index(label))
    assert positions == sorted(positions)  # in framework order
    assert flat("Tổng cộng 5 buổi") in text
    assert flat("Tổng: 5 buổi (4 chuyên đề).") in text


def test_handbook_has_every_topic_and_a_table_of_contents(
    sample: Catalogue, handbook: PdfReader
) -> None:
    """The handbook in the administrative look: numbers in the top margin from page 2."""
    topics = derive.topic_order(sample)
    assert len(topics) == len(sample.topics) >= 21
    text = flat(pdf_text(handbook))
    for item in topics:
        assert folded(item.title) in text.casefold(), item.title
    toc = flat(handbook.pages[0].extract_text() + handbook.pages[1].extract_text())
    assert "Mụclục" in toc
    for item in topics:
        assert flat(item.label) in toc
    # The bookmarks point at the page that starts each topic, and the ToC prints that number.
    bookmarks = [entry for entry in handbook.outline if isinstance(entry, list)]
    starts = {b.title: handbook.get_destination_page_number(b) for g in bookmarks for b in g}
    assert len(starts) == len(topics)
    for item in topics:
        page = starts[f"{item.label}. {item.title}"]
        assert folded(item.title) in folded(handbook.pages[page].extract_text())
        assert flat(f"{item.title}{page + 1}") in toc
    total = len(handbook.pages)
    assert flat(handbook.pages[-1].extract_text()).startswith(str(total))


# --- determinism -------------------------------------------------------------------------------


def test_same_input_gives_the_same_bytes(cat: Catalogue) -> None:
    curriculum = derive.curriculum_for_level(cat, cat.levels["xa"])
    for make in [
        lambda: outlines.topic_pdf(topic(cat, "cd-ii-01"), cat),
        lambda: outlines.topic_docx(topic(cat, "cd-ii-01"), cat),
        lambda: curricula.curriculum_pdf(curriculum, cat),
        lambda: outlines.handbook_pdf(cat),
    ]:
        assert make() == make()


def test_same_bytes_in_another_process(cat: Catalogue) -> None:
    """Hash seeds and clock differ between processes; the files must not."""
    script = (
        "import hashlib, sys; from pathlib import Path; from generator import pipeline; from generator.downloads import outlines;"
        "c = pipeline.check(Path(sys.argv[1])).catalogue; t = c.topics_by_id['cd-ii-01'];"
        "print(hashlib.sha256(outlines.topic_pdf(t, c)).hexdigest(),"
        " hashlib.sha256(outlines.topic_docx(t, c)).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(MINI)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    here = [
        hashlib.sha256(outlines.topic_pdf(topic(cat, "cd-ii-01"), cat)).hexdigest(),
        hashlib.sha256(outlines.topic_docx(topic(cat, "cd-ii-01"), cat)).hexdigest(),
    ]
    assert result.stdout.split() == here
