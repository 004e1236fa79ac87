"""Stage 5b, render downloads: outlines as PDF and DOCX.

:func:`_topic_blocks` says what a topic outline contains; the PDF and DOCX
writers say how it looks, so both formats carry the same text. PDFs (fpdf2) embed
a subset of Be Vietnam Pro, registered as a TTF because fpdf2's core fonts are
Latin-1 only. YAML text is drawn with ``markdown=False`` and the total-pages alias
``{nb}`` is live only inside the footer, so no YAML text is ever markup. DOCX files
use real Word headings and lists so trainers can edit them. Same content, same
bytes: dates come from ``data_as_of`` and the DOCX zip gets fixed timestamps.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from fpdf import FPDF, FontFace, XPos, YPos
from fpdf.enums import MethodReturnValue
from fpdf.outline import OutlineSection

from .. import messages
from ..content.catalogue import Catalogue
from ..content.derive import Curriculum, audiences_by_level, topic_order
from ..content.models import Topic
from ..content.models.plan import Plan
from ..messages import plan_reference
from ..reproducible import moment, vn_date, zip_entry

FONT_FAMILY = "Be Vietnam Pro"
_FONT_FILES = {"": "Regular", "B": "Bold", "I": "Italic"}
RGB = tuple[int, int, int]
_BLACK: RGB = (0, 0, 0)
_ACCENT: RGB = (27, 94, 32)  # dark green, as on the site
_MUTED: RGB = (90, 90, 90)
_BOXES: dict[str, tuple[RGB, RGB]] = {  # status -> (fill, border) of the notice box
    "drafted": ((255, 243, 205), (199, 124, 0)),
    "local": ((227, 242, 253), (21, 101, 192)),
}
_BODY_PT = 10.5
_LINE_MM = 5.4
_TOC_NUMBER_MM = 14.0


# --- what an outline says -------------------------------------------------------------------


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _header_text(catalogue: Catalogue) -> str:
    cfg = catalogue.config
    sample = ["Dữ liệu mẫu"] if cfg.sample_data else []
    return " · ".join([_capital(cfg.province), cfg.site_name, *sample])


def _group_name(catalogue: Catalogue, topic: Topic) -> str:
    return {g.id: g.name for g in catalogue.config.topic_groups}.get(topic.group, topic.group)


def _as_of(catalogue: Catalogue) -> str:
    return f"Số liệu cập nhật đến ngày {vn_date(catalogue.config.data_as_of)}."


@dataclass(frozen=True)
class _Block:
    """One piece of an outline; the PDF and DOCX writers decide how it looks."""

    kind: Literal["label", "title", "notice", "para", "heading", "section", "item", "note"]
    text: str
    lead: str = ""  # bold words before the text; a notice's title; a section's number
    depth: int = 0  # list nesting
    status: str = ""  # for notices: the topic status


def _topic_blocks(topic: Topic, catalogue: Catalogue) -> list[_Block]:
    """The content of one topic outline, in reading order."""
    b = _Block
    blocks = [b("label", f"{topic.label} · {_group_name(catalogue, topic)}")]
    blocks.append(b("title", topic.title))
    if topic.status in _BOXES:
        title = messages.TOPIC_STATUSES[topic.status]
        blocks.append(b("notice", topic.source, title, status=topic.status))
    else:
        blocks.append(b("note", f"Nguồn tiêu đề: {topic.source}"))
    blocks += [b("para", topic.summary), b("heading", "Mục tiêu")]
    blocks.append(b("para", "Sau chuyên đề, học viên:"))
    blocks += [b("item", objective) for objective in topic.objectives]
    blocks.append(b("heading", "Đề cương"))
    for number, section in enumerate(topic.outline, 1):
        blocks.append(b("section", section.title, f"{number}."))
        blocks += [b("item", point, depth=1) for point in section.points]
    blocks += [b("para", f"{topic.duration} buổi", "Thời lượng: "), b("heading", "Đối tượng")]
    for level, audiences in audiences_by_level(catalogue, topic):
        names = "; ".join(a.name for a in audiences)
        blocks.append(b("item", names, f"{level.name}: " if names else level.name))
    methods = ", ".join(messages.SESSION_KINDS[m] for m in topic.methods)
    blocks += [b("heading", "Phương pháp"), b("para", methods + ".")]
    blocks.append(b("heading", "Văn bản tham khảo"))
    for ref in topic.references:
        day = f" ngày {vn_date(ref.date)}" if ref.date else ""
        blocks.append(b("item", f"{ref.number}{day}: {ref.title}"))
    reviewed = f"Rà soát lần cuối: {vn_date(topic.reviewed)}. {_as_of(catalogue)}"
    return [*blocks, b("note", reviewed)]


# --- PDF ------------------------------------------------------------------------------------


class _Pdf(FPDF):
    """A4 portrait, 20 mm margins, header line, 'Trang x/y' footer, Be Vietnam Pro."""

    def __init__(self, catalogue: Catalogue, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.header_text = _header_text(catalogue)
        folder = resources.files("fontpkg_be_vietnam_pro") / "files"
        for style, weight in _FONT_FILES.items():
            self.add_font(FONT_FAMILY, style, str(folder / f"BeVietnamPro-{weight}.ttf"))
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(moment(catalogue.config.data_as_of))
        self.set_title(title)
        self.set_author(catalogue.config.province)
        self.set_creator(catalogue.config.site_name)
        self.set_lang("vi")
        self.alias_nb_pages("")  # live only inside footer(): YAML text "{nb}" stays text
        self.add_page()

    def header(self) -> None:
        self.alias_nb_pages("")
        with self.local_context(font_family=FONT_FAMILY, font_style="", font_size_pt=8):
            self.set_text_color(*_MUTED)
            self.set_xy(self.l_margin, 10)
            text = self.header_text
            while self.get_string_width(text) > self.epw and len(text) > 1:
                text = text[:-2] + "…"
            self.cell(self.epw, 5, text)
            self.set_draw_color(*_ACCENT)
            self.set_line_width(0.3)
            self.line(self.l_margin, 15.5, self.w - self.r_margin, 15.5)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        self.alias_nb_pages("{nb}")
        with self.local_context(font_family=FONT_FAMILY, font_style="", font_size_pt=8):
            self.set_text_color(*_MUTED)
            self.set_y(-13)
            self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align="C")

    def style(self, style: str = "", size: float = _BODY_PT, color: RGB = _BLACK) -> None:
        self.set_font(FONT_FAMILY, style, size)
        self.set_text_color(*color)

    def block(self, text: str, style: str = "", size: float = _BODY_PT, **kw: Any) -> None:
        """Text across the full width; ``kw`` goes to multi_cell (color is the text colour)."""
        self.style(style, size, kw.pop("color", _BLACK))
        kw.setdefault("align", "L")
        self.multi_cell(
            0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, markdown=False, **kw
        )

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` millimetres still fit on this one."""
        if self.will_page_break(height):
            self.add_page()

    def item(self, text: str, lead: str = "", marker: str = "", indent: float = 0) -> None:
        """A paragraph with a hanging indent after ``marker``; ``lead`` is printed in bold."""
        self.keep(_LINE_MM)
        left = self.l_margin
        self.set_x(left + indent)
        self.style("B" if marker[:1].isdigit() else "")
        if marker:
            self.cell(6, _LINE_MM, marker)
        self.set_left_margin(self.get_x())
        if lead:
            self.style("B")
            self.write(_LINE_MM, lead)
            self.style()
        self.write(_LINE_MM, text)
        self.ln(_LINE_MM + 0.8)
        self.set_left_margin(left)
        self.set_x(left)

    def render(self, blocks: list[_Block]) -> None:
        for block in blocks:
            kind, text = block.kind, block.text
            if kind == "label":
                self.block(text, "B", 10, color=_ACCENT)
                self.ln(1)
            elif kind == "title":
                self.block(text, "B", 18)
                self.ln(3)
            elif kind == "notice":
                fill, border = _BOXES[block.status]
                self.set_fill_color(*fill)
                self.set_draw_color(*border)
                self.set_line_width(0.4)
                box: dict[str, Any] = {"fill": True, "border": "LTR", "padding": (2.5, 3, 1, 3)}
                self.block(block.lead, "B", color=border, **box)
                self.block(text, **(box | {"border": "LBR", "padding": (0, 3, 2.5, 3)}))
                self.ln(3)
            elif kind == "heading":
                self.keep(6.5 + 2 * _LINE_MM + 4)
                self.ln(2)
                self.block(text, "B", 13, color=_ACCENT)
                self.ln(1.5)
            elif kind == "section":
                self.keep(2 * _LINE_MM + 2)
                self.item(text, marker=block.lead)
            elif kind == "item":
                self.item(text, block.lead, "–" if block.depth else "•", 6 * block.depth)
            elif kind == "note":
                self.ln(2)
                self.block(text, "I", 9, color=_MUTED)
                self.ln(2)
            elif block.lead:
                self.ln(2)
                self.item(text, block.lead)
            else:
                self.block(text, align="J")
                self.ln(1)

    def to_bytes(self) -> bytes:
        return bytes(self.output())


def topic_pdf(topic: Topic, catalogue: Catalogue) -> bytes:
    """The outline of one topic as an A4 PDF."""
    pdf = _Pdf(catalogue, f"{topic.label}. {topic.title}")
    pdf.render(_topic_blocks(topic, catalogue))
    return pdf.to_bytes()


def curriculum_pdf(curriculum: Curriculum, catalogue: Catalogue) -> bytes:
    """A level's curriculum: its topics in order, with duration and audiences, and the total."""
    title = f"Chương trình tập huấn {curriculum.level.name.lower()}"
    pdf = _Pdf(catalogue, title)
    pdf.render([_Block("title", title)])
    plan = curriculum.plan or catalogue.current_plan
    pdf.block(f"Theo {plan.title} ({_reference(plan)}).", size=9.5, color=_MUTED)
    pdf.ln(4)
    pdf.style(size=9.5)
    bold = FontFace(emphasis="BOLD")
    with pdf.table(
        col_widths=(11, 78, 22, 59),
        text_align=("CENTER", "LEFT", "CENTER", "LEFT"),
        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 245, 233)),
        line_height=5,
        padding=1.5,
        borders_layout="HORIZONTAL_LINES",
    ) as table:
        table.row(["STT", "Chuyên đề", "Thời lượng", "Đối tượng"])
        for number, item in enumerate(curriculum.items, 1):
            row = table.row()
            row.cell(str(number))
            row.cell(f"{item.topic.label}. {item.topic.title}")
            row.cell(f"{item.topic.duration} buổi")
            row.cell("; ".join(a.name for a in item.audiences) or "—")
        total = table.row()
        total.cell("Tổng cộng", colspan=2, align="RIGHT", style=bold)
        total.cell(f"{curriculum.half_days} buổi", style=bold)
        total.cell("")
    pdf.ln(3)
    total_text = f"{curriculum.half_days} buổi ({len(curriculum.items)} chuyên đề)."
    pdf.render([_Block("para", total_text, "Tổng: "), _Block("note", _as_of(catalogue))])
    return pdf.to_bytes()


def _toc_width(pdf: FPDF, level: int) -> float:
    return pdf.epw - _TOC_NUMBER_MM - 6 * level


def _toc_height(pdf: FPDF, level: int, text: str) -> float:
    """Height of one table-of-contents entry (group headings bold, with space above)."""
    pdf.set_font(FONT_FAMILY, "" if level else "B", _BODY_PT)
    lines = pdf.multi_cell(
        _toc_width(pdf, level), _LINE_MM, text, dry_run=True, output=MethodReturnValue.LINES
    )
    assert isinstance(lines, list)
    return len(lines) * _LINE_MM + (1.2 if level else 3.0)


def _render_toc(pdf: FPDF, outline: list[OutlineSection]) -> None:
    pdf.alias_nb_pages("")
    for section in outline:
        link = pdf.add_link(page=section.page_number)
        if pdf.will_page_break(_toc_height(pdf, section.level, section.name)):
            pdf.add_page()  # the next page reserved by insert_toc_placeholder
        pdf.ln(0 if section.level else 1.8)
        pdf.set_x(pdf.l_margin + 6 * section.level)
        width = _toc_width(pdf, section.level)
        pdf.multi_cell(width, _LINE_MM, section.name, align="L", link=link, new_y=YPos.LAST)
        pdf.set_x(pdf.w - pdf.r_margin - _TOC_NUMBER_MM)
        pdf.cell(_TOC_NUMBER_MM, _LINE_MM, str(section.page_number), align="R", link=link)
        pdf.set_xy(pdf.l_margin, pdf.get_y() + _LINE_MM + 1.2)
    pdf.alias_nb_pages("{nb}")


def handbook_pdf(catalogue: Catalogue) -> bytes:
    """Every topic outline in framework order, after a title block and a table of contents."""
    cfg, plan = catalogue.config, catalogue.current_plan
    topics = topic_order(catalogue)
    pdf = _Pdf(catalogue, cfg.site_name)
    pdf.block(cfg.site_name, "B", 20)
    pdf.ln(2)
    pdf.block(_capital(cfg.province), "B", 12)
    pdf.ln(2)
    intro = (
        f"Đề cương {len(topics)} chuyên đề theo {plan.title} ({_reference(plan)}) "
        f"của {plan.issuer}. {_as_of(catalogue)}"
    )
    pdf.block(intro, size=9.5, color=_MUTED)
    pdf.render([_Block("heading", "Mục lục")])
    entries: list[tuple[int, str, Topic]] = []  # (outline level, text, topic)
    for topic in topics:
        if not entries or entries[-1][2].group != topic.group:
            entries.append((0, _group_name(catalogue, topic), topic))
        entries.append((1, f"{topic.label}. {topic.title}", topic))
    pages, y = 1, pdf.get_y()
    for level, text, _ in entries:
        height = _toc_height(pdf, level, text)
        if y + height > pdf.page_break_trigger:
            pages, y = pages + 1, pdf.t_margin
        y += height
    pdf.insert_toc_placeholder(_render_toc, pages=pages)
    for index, (level, text, topic) in enumerate(entries):
        if level == 0 or entries[index - 1][0] == 1:  # a group's first topic shares its page
            pdf.add_page()
        pdf.start_section(text, level)
        if level == 1:
            pdf.render(_topic_blocks(topic, catalogue))
    return pdf.to_bytes()


# --- DOCX -----------------------------------------------------------------------------------


def _set_fonts(rpr: BaseOxmlElement) -> None:
    """Be Vietnam Pro for Latin, East-Asian and complex scripts; drop theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT_FAMILY)


def _run(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    run.font.name = FONT_FAMILY
    _set_fonts(run._r.get_or_add_rPr())


def _element(tag: str, *children: BaseOxmlElement, **attrs: str) -> BaseOxmlElement:
    element = OxmlElement(tag, {qn(f"w:{k}"): v for k, v in attrs.items()})
    element.extend(children)
    return element


# Lets Word pick a similar sans-serif face (e.g. Arial) where Be Vietnam Pro is missing.
_FONT_ENTRY = (
    f'<w:font w:name="{FONT_FAMILY}"><w:charset w:val="00"/><w:family w:val="swiss"/>'
    '<w:pitch w:val="variable"/></w:font></w:fonts>'
).encode()


_DOCX_STYLES = {"title": "Heading 1", "heading": "Heading 2", "section": "Heading 3"}
_DOCX_STYLES["item"] = "List Bullet"


class _Docx:
    """A Word document: A4, 20 mm margins, Be Vietnam Pro, header line, 'Trang x/y' footer."""

    def __init__(self, catalogue: Catalogue, title: str) -> None:
        self.when = moment(catalogue.config.data_as_of)
        self.doc = docx.Document()
        styles = self.doc.styles
        for rpr in styles.element.iter(qn("w:rPr")):  # defaults and every style
            if rpr.find(qn("w:rFonts")) is not None or rpr.getparent().tag == qn("w:rPrDefault"):
                _set_fonts(rpr)
            for lang in rpr.iterfind(qn("w:lang")):
                lang.set(qn("w:val"), "vi-VN")
        styles["Normal"].font.size = Pt(11)
        for level in (1, 2, 3):
            styles[f"Heading {level}"].font.color.rgb = RGBColor(*_ACCENT)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))
        _run(section.header.paragraphs[0], _header_text(catalogue), italic=True)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text, field in (("Trang ", "PAGE"), ("/", "NUMPAGES")):
            _run(footer, text)
            run = _element("w:r", _element("w:t"))
            run[0].text = "1"
            footer._p.append(_element("w:fldSimple", run, instr=field))
        props, cfg = self.doc.core_properties, catalogue.config
        clip = [t if len(t) <= 255 else t[:254] + "…" for t in (title, cfg.site_name, cfg.province)]
        props.title, props.subject, props.comments = clip[0], clip[1], ""
        props.author = props.last_modified_by = clip[2]  # Word allows 255 characters
        props.language, props.revision = "vi-VN", 1
        props.created = props.modified = props.last_printed = self.when.replace(tzinfo=None)

    def render(self, blocks: list[_Block]) -> None:
        for block in blocks:
            text, lead = block.text, block.lead
            if block.kind == "section":
                text, lead = f"{lead} {text}", ""
            elif block.kind == "notice":
                text = "\n" + text
            style = "List Bullet 2" if block.depth else _DOCX_STYLES.get(block.kind)
            paragraph = self.doc.add_paragraph(style=style)
            if lead:
                _run(paragraph, lead, bold=True)
            _run(paragraph, text, bold=block.kind == "label", italic=block.kind == "note")
            if block.kind == "notice":
                fill, border = (f"{r:02X}{g:02X}{b:02X}" for r, g, b in _BOXES[block.status])
                sides = ("top", "left", "bottom", "right")
                edges = [
                    _element(f"w:{s}", val="single", sz="8", space="4", color=border) for s in sides
                ]
                ppr = paragraph._p.get_or_add_pPr()
                ppr.append(_element("w:pBdr", *edges))
                ppr.append(_element("w:shd", val="clear", color="auto", fill=fill))

    def to_bytes(self) -> bytes:
        """Save, then rewrite the zip with fixed timestamps (same order); declare the font."""
        saved, out = io.BytesIO(), io.BytesIO()
        self.doc.save(saved)
        with zipfile.ZipFile(saved) as src, zipfile.ZipFile(out, "w") as dst:
            for name in src.namelist():
                info = zip_entry(name)
                blob = src.read(name)
                if name == "word/fontTable.xml":
                    blob = blob.replace(b"</w:fonts>", _FONT_ENTRY, 1)
                dst.writestr(info, blob)
        return out.getvalue()


def topic_docx(topic: Topic, catalogue: Catalogue) -> bytes:
    """The outline of one topic as an editable Word document (real headings and lists)."""
    document = _Docx(catalogue, f"{topic.label}. {topic.title}")
    document.render(_topic_blocks(topic, catalogue))
    return document.to_bytes()


def _reference(plan: Plan) -> str:
    return plan_reference(plan.number, vn_date(plan.date) if plan.date else None)
