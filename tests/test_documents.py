"""Documents that leave the site, read back: the administrative format of Decree 30
(page, margins, fonts, page numbers), clean metadata, and QR codes that decode to
the right page."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator import pipeline
from generator.content import derive
from generator.content.catalogue import Catalogue
from generator.content.reports import year_report
from generator.downloads import curricula, outlines, qrcodes, reportdocs

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
MM = 72 / 25.4  # points per millimetre
A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    checked = pipeline.check(MINI)
    assert checked.catalogue is not None, checked.problems
    return checked.catalogue


def flat(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def text_spans(page: object) -> list[tuple[float, float, str]]:
    """(x, y, text) of every piece of text on a page, in points from the bottom left."""
    spans: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            spans.append((x, y, text))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return spans


def assert_decree_30_page(reader: PdfReader, *, landscape: bool = False) -> None:
    """A4; text inside margins left 30, right 15, top and bottom 20 mm; numbers from page 2."""
    width, height = (A4[1], A4[0]) if landscape else A4
    for number, page in enumerate(reader.pages, 1):
        assert abs(float(page.mediabox.width) - width) < 1
        assert abs(float(page.mediabox.height) - height) < 1
        spans = text_spans(page)
        body = [s for s in spans if s[1] < height - 20 * MM]
        top = [s for s in spans if s[1] >= height - 20 * MM]
        assert min(x for x, _, _ in body) >= 30 * MM - 8  # the QR's quiet zone may sit outside
        assert max(y for _, y, _ in body) <= height - 20 * MM
        assert min(y for _, y, _ in body) >= 20 * MM - 1
        if number == 1:
            assert top == []  # no page number on page 1
        else:
            ((x, _, text),) = top
            assert text.strip() == str(number)
            assert abs(x - (30 * MM + (width - 45 * MM) / 2)) < 10  # centred in the text width


def font_names(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # embedded
    return names


# --- the administrative format ------------------------------------------------------------


def test_outline_pdf_is_in_the_administrative_format(cat: Catalogue) -> None:
    data = outlines.topic_pdf(cat.topics_by_id["cd-ii-01"], cat)
    reader = PdfReader(io.BytesIO(data))
    assert_decree_30_page(reader)
    names = font_names(reader)
    assert names <= {f"LiberationSerif{s}" for s in ("", "Bold", "Italic", "BoldItalic")}
    assert {"LiberationSerif", "LiberationSerifBold"} <= names


def test_long_outline_numbers_its_pages_in_the_top_margin(cat: Catalogue) -> None:
    topic = cat.topics_by_id["cd-i-01"]
    long = topic.model_copy(
        update={"objectives": [f"Mục tiêu số {i} của chuyên đề." for i in range(60)]}
    )
    reader = PdfReader(io.BytesIO(outlines.topic_pdf(long, cat)))
    assert len(reader.pages) >= 2
    assert_decree_30_page(reader)


def test_curriculum_and_report_are_in_the_administrative_format(cat: Catalogue) -> None:
    curriculum = derive.curriculum_for_level(cat, cat.levels["xa"])
    reader = PdfReader(io.BytesIO(curricula.curriculum_pdf(curriculum, cat)))
    assert_decree_30_page(reader)
    text = flat(reader.pages[0].extract_text())
    assert flat("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") in text
    assert flat("Độc lập - Tự do - Hạnh phúc") in text
    report = year_report(cat, cat.current_plan, 2025)
    reader = PdfReader(io.BytesIO(reportdocs.report_pdf(report, cat)))
    assert_decree_30_page(reader, landscape=True)


def test_outline_docx_uses_times_new_roman_and_decree_30_margins(cat: Catalogue) -> None:
    document = Document(io.BytesIO(outlines.topic_docx(cat.topics_by_id["cd-i-01"], cat)))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [section.left_margin, section.top_margin, section.right_margin, section.bottom_margin]
    assert [round(m.mm) for m in margins] == [30, 20, 15, 20]
    assert section.different_first_page_header_footer  # page 1 without a number
    assert "PAGE" in section.header._element.xml
    assert section.first_page_header.paragraphs[0].text == ""
    fonts = set()
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if not run.text:
                continue  # the QR code's picture
            r_fonts = run._r.rPr.find(qn("w:rFonts"))
            fonts |= {r_fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")}
    assert fonts == {"Times New Roman"}
    normal = document.styles["Normal"].font
    assert normal.size.pt in (13, 14)


# --- clean metadata -----------------------------------------------------------------------

LEFTOVERS = (b"python-docx", b"Macintosh", b"Normal.dotm", b"2013-12-23", b"thumbnail")


def assert_clean_docx(data: bytes, *, title: str, author: str, created: str) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
        assert "word/stylesWithEffects.xml" not in names
        assert names[0] == "[Content_Types].xml"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        everything = b"".join(archive.read(n) for n in names)
        assert [s for s in LEFTOVERS if s in everything] == []
        assert b"<Application>ntm-handbook</Application>" in archive.read("docProps/app.xml")
        settings = archive.read("word/settings.xml")
        assert b"rsid" not in settings and b"savePreviewPicture" not in settings
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == title and props.author == author
    assert props.language == "vi-VN" and props.subject
    assert props.created.isoformat().startswith(created)
    assert props.modified == props.created
    assert props.last_modified_by == "" and props.comments == ""


def test_outline_docx_metadata_is_clean(cat: Catalogue) -> None:
    data = outlines.topic_docx(cat.topics_by_id["cd-i-01"], cat)
    assert_clean_docx(
        data,
        title="Chuyên đề I.1. Tổng quan về nông thôn mới",
        author="Tỉnh Thử Nghiệm",
        created="2025-11-30",  # data_as_of, never the clock
    )


def test_pdf_metadata_is_set(cat: Catalogue) -> None:
    reader = PdfReader(io.BytesIO(outlines.topic_pdf(cat.topics_by_id["cd-i-01"], cat)))
    info = reader.metadata
    assert info is not None
    assert info.title == "Chuyên đề I.1. Tổng quan về nông thôn mới"
    assert info.author == "Tỉnh Thử Nghiệm"
    assert info.subject == "Đề cương chuyên đề · Cẩm nang thử nghiệm"
    assert info.creation_date is not None and info.creation_date.date().isoformat() == "2025-11-30"
    assert reader.trailer["/Root"]["/Lang"] == "vi-VN"
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.dc_language == ["vi-VN"]
    assert xmp.dc_title == {"x-default": "Chuyên đề I.1. Tổng quan về nông thôn mới"}


def test_handbook_table_of_contents_links_to_the_topics(cat: Catalogue) -> None:
    reader = PdfReader(io.BytesIO(outlines.handbook_pdf(cat)))
    bookmarks = [b for entry in reader.outline if isinstance(entry, list) for b in entry]
    starts = {reader.get_destination_page_number(b) for b in bookmarks}
    targets = set()
    for page in reader.pages[:2]:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] != "/Link":
                continue
            destination = annotation.get("/Dest") or annotation["/A"]["/D"]
            targets.add(reader.get_page_number(destination[0].get_object()))
    assert starts and starts <= targets  # every topic's entry is a link to its first page


# --- QR codes -----------------------------------------------------------------------------


def pdf_qr_matrices(page: object, reader: PdfReader) -> list[tuple[tuple[int, ...], ...]]:
    """The QR symbols drawn on a page, read back from its filled rectangles.

    Every dark module run is one ``re f``; runs of one symbol share their module
    height and touch each other's grid, so they are grouped by height and nearness.
    """
    from pypdf.generic import ContentStream

    ops = ContentStream(page.get_contents(), reader).operations  # type: ignore[attr-defined]
    rects = []
    for index, (operands, op) in enumerate(ops[:-1]):
        if op == b"re" and ops[index + 1][1] == b"f":
            x, y, w, h = (float(v) for v in operands)
            rects.append((x, min(y, y + h), w, abs(h)))
    groups: list[list[tuple[float, float, float, float]]] = []
    for rect in sorted(rects, key=lambda r: (-r[1], r[0])):
        for group in groups:
            unit = group[0][3]
            if abs(rect[3] - unit) < 0.05 and any(
                abs(rect[1] - g[1]) < 1.5 * unit
                and rect[0] < g[0] + g[2] + 30 * unit
                and g[0] < rect[0] + rect[2] + 30 * unit
                for g in group
            ):
                group.append(rect)
                break
        else:
            groups.append([rect])
    found = []
    for group in groups:
        if len(group) < 20:
            continue  # a table rule or a box, not a symbol
        unit = group[0][3]
        left = min(r[0] for r in group)
        top = max(r[1] + r[3] for r in group)
        size = round((max(r[0] + r[2] for r in group) - left) / unit)
        grid = [[0] * size for _ in range(size)]
        for x, y, w, h in group:
            row = round((top - y - h) / unit)
            first = round((x - left) / unit)
            for column in range(first, first + round(w / unit)):
                grid[row][column] = 1
        found.append(tuple(tuple(row) for row in grid))
    return found


def expected_matrix(url: str) -> tuple[tuple[int, ...], ...]:
    """The module matrix of a fresh encoding of ``url`` (what the symbol must be)."""
    return tuple(tuple(v & 1 for v in row) for row in qrcodes.make(url).matrix)


def decode(matrix: tuple[tuple[int, ...], ...]) -> str:
    """Decode a module matrix with a real reader (zxing-cpp), from a rendered image."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    scale, border = 6, 4
    size = (len(matrix) + 2 * border) * scale
    image = Image.new("L", (size, size), 255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                x, y = (c + border) * scale, (r + border) * scale
                image.paste(0, (x, y, x + scale, y + scale))
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1
    return str(results[0].text)


def test_outline_pdf_qr_code_opens_the_topic_page(cat: Catalogue) -> None:
    url = "https://example.org/ntm/chuyen-de/cd-i-01.html"
    reader = PdfReader(io.BytesIO(outlines.topic_pdf(cat.topics_by_id["cd-i-01"], cat)))
    (matrix,) = pdf_qr_matrices(reader.pages[-1], reader)
    assert matrix == expected_matrix(url)
    assert decode(matrix) == url
    assert url in flat(reader.pages[-1].extract_text())  # printed too, for typing it in


def test_curriculum_and_handbook_qr_codes(cat: Catalogue) -> None:
    curriculum = derive.curriculum_for_level(cat, cat.levels["xa"])
    reader = PdfReader(io.BytesIO(curricula.curriculum_pdf(curriculum, cat)))
    (matrix,) = [m for p in reader.pages for m in pdf_qr_matrices(p, reader)]
    assert decode(matrix) == "https://example.org/ntm/chuong-trinh/xa.html"
    reader = PdfReader(io.BytesIO(outlines.handbook_pdf(cat)))
    (matrix,) = pdf_qr_matrices(reader.pages[0], reader)  # on the cover
    assert decode(matrix) == "https://example.org/ntm/index.html"


def docx_qr_urls(data: bytes) -> list[str]:
    """Decode every picture of a Word file that is a QR code."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    urls = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if name.startswith("word/media/"):
                image = Image.open(io.BytesIO(archive.read(name)))
                urls += [r.text for r in zxingcpp.read_barcodes(image)]
    return urls


def test_outline_docx_qr_code_opens_the_topic_page(cat: Catalogue) -> None:
    data = outlines.topic_docx(cat.topics_by_id["cd-ii-01"], cat)
    assert docx_qr_urls(data) == ["https://example.org/ntm/chuyen-de/cd-ii-01.html"]


# --- course notices -----------------------------------------------------------------------


def test_course_notice_pdf_says_what_a_commune_needs(cat: Catalogue) -> None:
    from generator.downloads import notices

    course = next(c for c in cat.courses if c.status == "planned")
    reader = PdfReader(io.BytesIO(notices.notice_pdf(course, cat)))
    assert len(reader.pages) <= 2
    assert_decree_30_page(reader)
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: ……/……",  # no number suffix in the mini config: placeholders
        "THÔNG BÁO",
        f"Về việc mở lớp {course.title[:1].lower()}{course.title[1:]}",
        course.organiser,
        course.place,
        "Sáng: từ 07:30 đến 11:30",  # session_times
        "Thành phần, số lượng học viên",
        "Học viên mang theo",
        "Giấy giới thiệu của cơ quan, đơn vị cử đi học",
        "Liên hệ",
        "Nơi nhận:",
        "Lưu: VT.",
    ]:
        assert flat(expected) in text, expected
    course_url = f"https://example.org/ntm/khoa-hoc/{course.id}.html"
    calendar_url = f"https://example.org/ntm/tai-ve/lich/{course.id}.ics"
    matrices = [m for p in reader.pages for m in pdf_qr_matrices(p, reader)]
    assert sorted(decode(m) for m in matrices) == sorted([course_url, calendar_url])
    assert reader.metadata is not None and reader.metadata.author == course.organiser


def test_course_notice_docx_is_clean_and_scans(cat: Catalogue) -> None:
    from generator.downloads import notices

    course = next(c for c in cat.courses if c.status == "planned")
    data = notices.notice_docx(course, cat)
    assert data == notices.notice_docx(course, cat)
    assert_clean_docx(
        data,
        title=f"Thông báo về việc mở lớp {course.title[:1].lower()}{course.title[1:]}",
        author=course.organiser,
        created="2025-11-30",
    )
    assert sorted(docx_qr_urls(data)) == [
        f"https://example.org/ntm/khoa-hoc/{course.id}.html",
        f"https://example.org/ntm/tai-ve/lich/{course.id}.ics",
    ]
    document = Document(io.BytesIO(data))
    assert_docx_office_blocks(document, number="Số: ……/……")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Học viên mang theo" in text and "Liên hệ" in text


def test_a_curriculum_with_very_long_audience_names_is_still_drawn(mini: Path) -> None:
    """Each audience name may be 500 characters; a table cell cannot be taller than a page."""
    from generator.content.derive import all_curricula
    from generator.downloads.curricula import curriculum_pdf

    path = mini / "content/audiences.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for audience in data["audiences"]:
        audience["name"] = ("Cán bộ phụ trách công tác xây dựng nông thôn mới " * 9)[:480]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    checked = pipeline.check(mini)
    assert checked.catalogue is not None, checked.problems
    for curriculum in all_curricula(checked.catalogue):
        reader = PdfReader(io.BytesIO(curriculum_pdf(curriculum, checked.catalogue)))
        assert "…" in "".join(page.extract_text() for page in reader.pages)


def assert_docx_office_blocks(document: object, *, number: str | None) -> None:
    """The header block (body, nation, motto, number, place and date) and the signature block
    with its recipients, in borderless tables; the mini config sets none: placeholders."""
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]  # type: ignore[attr-defined]
    assert "……\n……\n" in cells  # parent and issuing body, then the rule under them
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" in cells
    assert "……, ngày 30 tháng 11 năm 2025" in cells
    assert (number in cells) if number else ("" in cells)
    assert "Nơi nhận:\n- ……\n- Lưu: VT." in cells
    assert "……\n……\n\n\n\n\n……" in cells  # on behalf of, title, room to sign, name
    section = document.sections[0]  # type: ignore[attr-defined]
    margins = [section.left_margin, section.top_margin, section.right_margin, section.bottom_margin]
    assert [round(m.mm) for m in margins] == [30, 20, 15, 20]
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml


# --- plan summaries -----------------------------------------------------------------------

PLAN_URL = "https://example.org/ntm/ke-hoach/kh-thu-nghiem/index.html"
PLAN_SAYS = [
    "TÓM TẮT KẾ HOẠCH",
    "Tập huấn thử nghiệm",  # the title without its leading "Kế hoạch"
    "(Kế hoạch số 1/KH-TN ngày 15/11/2022 của Ban Chỉ đạo thử nghiệm tỉnh Thử Nghiệm)",
    "Thời gian thực hiện: 15/11/2022 – 31/12/2025.",
    "Các cấp tổ chức: Cấp tỉnh, Cấp huyện, Cấp xã.",
    "100% cán bộ chuyên trách",
    "Ít nhất 80% cán bộ cơ sở",
    "Nhóm I – Cơ bản",
    "Chuyên đề địa phương",  # the local group, with its topic
    "I.1. Tổng quan về nông thôn mới",
    "Mỗi khóa tập huấn kéo dài không dưới 2 ngày, có ít nhất 1 buổi khảo sát thực tế hoặc thực hành",
    "Tính đến ngày 31/12/2022; nguồn: số liệu thử nghiệm.",
    "Tổng cộng",
    "135",  # 5 + 10 + 20 + 100 people
    PLAN_URL,
]


def test_plan_summary_pdf_is_an_office_document(cat: Catalogue) -> None:
    from generator.downloads import plansummary

    plan = cat.current_plan
    data = plansummary.summary_pdf(plan, cat)
    assert data == plansummary.summary_pdf(plan, cat)  # deterministic
    reader = PdfReader(io.BytesIO(data))
    assert_decree_30_page(reader)
    assert {"LiberationSerif", "LiberationSerifBold"} <= font_names(reader)
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "……, ngày 30 tháng 11 năm 2025",  # no place in the mini config: a placeholder
        *PLAN_SAYS,
        "Nơi nhận:",
        "Lưu: VT.",
    ]:
        assert flat(expected) in text, expected
    assert "Số:" not in text  # a summary is not a numbered document of its own
    (matrix,) = [m for p in reader.pages for m in pdf_qr_matrices(p, reader)]
    assert matrix == expected_matrix(PLAN_URL) and decode(matrix) == PLAN_URL
    assert reader.metadata is not None
    assert reader.metadata.title == "Tóm tắt kế hoạch – Kế hoạch thử nghiệm"
    assert reader.metadata.subject == plan.title
    assert reader.metadata.author == "Cẩm nang thử nghiệm"  # the issuing body, else the site


def test_plan_summary_says_a_draft_is_not_issued_and_prints_the_note(cat: Catalogue) -> None:
    from generator.downloads import plansummary

    draft = cat.current_plan.model_copy(
        update={"number": None, "date": None, "note": "Ghi chú riêng của kế hoạch."}
    )
    reader = PdfReader(io.BytesIO(plansummary.summary_pdf(draft, cat)))
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    assert flat("(Dự thảo kế hoạch của Ban Chỉ đạo thử nghiệm tỉnh Thử Nghiệm,") in text
    assert flat("Số, ngày ban hành: dự thảo, chưa có số và ngày ban hành.") in text
    assert flat("6. Ghi chú") in text and flat("Ghi chú riêng của kế hoạch.") in text


def test_plan_summary_docx_is_an_office_document(cat: Catalogue) -> None:
    from generator.downloads import plansummary

    plan = cat.current_plan
    data = plansummary.summary_docx(plan, cat)
    assert data == plansummary.summary_docx(plan, cat)
    assert_clean_docx(
        data,
        title="Tóm tắt kế hoạch – Kế hoạch thử nghiệm",
        author="Cẩm nang thử nghiệm",  # no issuing body in the mini config: the site
        created="2025-11-30",
    )
    assert docx_qr_urls(data) == [PLAN_URL]
    document = Document(io.BytesIO(data))
    assert_docx_office_blocks(document, number=None)
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for expected in PLAN_SAYS:
        assert flat(expected) in flat(paragraphs + cells), expected
    fonts = set()
    for element in document.element.body.iter(qn("w:rFonts")):
        fonts |= {element.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")}
    assert fonts == {"Times New Roman"}


# --- reports ------------------------------------------------------------------------------


def test_report_pdf_has_a_qr_code_to_its_page(cat: Catalogue) -> None:
    from generator.content.reports import period_report

    for report, page in [
        (year_report(cat, cat.current_plan, 2023), "bao-cao-2023"),
        (period_report(cat, cat.current_plan), "bao-cao-tong-hop"),
    ]:
        url = f"https://example.org/ntm/ke-hoach/kh-thu-nghiem/{page}.html"
        reader = PdfReader(io.BytesIO(reportdocs.report_pdf(report, cat)))
        assert_decree_30_page(reader, landscape=True)
        (matrix,) = [m for p in reader.pages for m in pdf_qr_matrices(p, reader)]
        assert matrix == expected_matrix(url) and decode(matrix) == url
        text = flat("\n".join(p.extract_text() for p in reader.pages))
        assert flat(url) in text and "Nơinhận:" in text


def test_report_docx_is_a_landscape_office_document(cat: Catalogue) -> None:
    from generator.content.reports import period_report

    report = period_report(cat, cat.current_plan)
    data = reportdocs.report_docx(report, cat)
    assert data == reportdocs.report_docx(report, cat)
    assert_clean_docx(
        data,
        title="Báo cáo tổng hợp giai đoạn 2022–2025 – Kế hoạch thử nghiệm",
        author="Cẩm nang thử nghiệm",
        created="2025-11-30",
    )
    url = "https://example.org/ntm/ke-hoach/kh-thu-nghiem/bao-cao-tong-hop.html"
    assert docx_qr_urls(data) == [url]
    document = Document(io.BytesIO(data))
    assert_docx_office_blocks(document, number="Số: ……/……")
    section = document.sections[0]
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert section.orientation == 1  # landscape
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Tổng cộng" in cells and "So với mục tiêu của kế hoạch" in [
        p.text for p in document.paragraphs
    ]
    assert any(url in c for c in cells)  # printed under the code
    header = document.tables[1].rows[0]._tr
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None  # repeats per page
