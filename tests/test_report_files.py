"""Report downloads read back: the XLSX laid out for printing and signing, CSV and
JSON with a totals row, and the PDF in the administrative format."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.content.catalogue import Catalogue
from generator.content.reports import period_report, year_report
from generator.downloads import opendata, reportdocs, reports

from .test_plans import _project


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    root: Path = _project(tmp_path_factory.mktemp("reports"))
    checked = pipeline.check(root)
    assert checked.catalogue is not None
    return checked.catalogue


def test_csv_and_json_end_with_the_totals_row(cat: Catalogue) -> None:
    report = year_report(cat, cat.current_plan, 2026)
    headers, rows = reports.table(report)
    data = opendata.to_csv(headers, rows).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(data)))
    assert lines[0][:3] == ["Cấp tổ chức", "Số lớp kế hoạch", "Số lớp đã tổ chức"]
    assert lines[-1][0] == "Tổng cộng"
    document = json.loads(opendata.to_json("r", headers, rows))
    assert document["du_lieu"][-1]["Cấp tổ chức"] == "Tổng cộng"
    assert document["du_lieu"][-1]["Số lớp đã tổ chức"] == report.total.classes_held


def test_workbook_is_a_report_table_ready_to_print(cat: Catalogue) -> None:
    report = period_report(cat, cat.plans[0])
    data = reports.workbook(report, cat)
    assert data == reports.workbook(report, cat)  # same content, same bytes
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert "BÁO CÁO TỔNG HỢP GIAI ĐOẠN 2022–2025" in ws["A2"].value
    assert ws["A6"].value == "Năm" and ws["A6"].font.b
    assert ws.auto_filter.ref.startswith("A6:")
    assert ws.print_title_rows == "$6:$6"  # the header row on every printed page
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    totals = next(r for r in ws.iter_rows(min_row=7) if r[0].value == "Tổng cộng")
    assert all(c.font.b for c in totals if c.value is not None)
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "So với mục tiêu của kế hoạch" in texts
    assert "(Ký, ghi rõ họ tên, đóng dấu)" in texts  # the signature block
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert not any("<f>" in zf.read(n).decode() for n in zf.namelist() if n.endswith(".xml"))


def test_pdf_is_an_administrative_document(cat: Catalogue) -> None:
    report = year_report(cat, cat.current_plan, 2026)
    data = reportdocs.report_pdf(report, cat)
    assert data == reportdocs.report_pdf(report, cat)
    pdf = PdfReader(io.BytesIO(data))
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = pdf.pages[0].extract_text()
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO"):
        assert words in text, words
    assert "Báo cáo kết quả tập huấn năm 2026" in text
    fonts = {
        str(f["/BaseFont"])
        for page in pdf.pages
        for f in page["/Resources"]["/Font"].values()  # type: ignore[union-attr]
    }
    assert all("LiberationSerif" in name for name in fonts), fonts
    assert pdf.metadata is not None and pdf.metadata.title and "2026" in pdf.metadata.title
    full = "".join(p.extract_text() for p in pdf.pages)
    assert "Nơi nhận:" in full
