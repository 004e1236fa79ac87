"""Stage 5b, render downloads: topic outlines as PDF and DOCX, and the whole handbook.

:func:`topic_blocks` says what a topic outline contains; the writers
(:mod:`.pdfdoc`, :mod:`.worddoc`) say how it looks, so both formats carry the
same text. The look follows ``documents.outline_style``: the administrative
format by default, the site's look on request. A printed outline ends with a QR
code to its page online; the handbook's cover has one to the site. Same content,
same bytes: dates come from ``data_as_of``, never the clock.
"""

from __future__ import annotations

from fpdf import FPDF, YPos
from fpdf.enums import MethodReturnValue
from fpdf.outline import OutlineSection

from .. import messages, paths
from ..content.catalogue import Catalogue
from ..content.derive import audiences_by_level, topic_order
from ..content.models import Topic
from ..content.models.plan import Plan
from ..messages import documents as words
from ..messages import plan_reference
from ..reproducible import moment, vn_date
from .pdfdoc import LOOKS, Block, Look, OutlinePdf, describe
from .worddoc import WordDoc

_TOC_NUMBER_MM = 14.0
_NOTICES = ("drafted", "local")  # topic statuses that print a notice box
TOOL = "ntm-handbook"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def look_of(catalogue: Catalogue) -> Look:
    return LOOKS[catalogue.config.documents.outline_style]


def author_of(catalogue: Catalogue) -> str:
    """Who the documents name as their author: the issuing body, else the province."""
    docs = catalogue.config.documents
    return docs.issuing_body or capital(catalogue.config.province)


def header_text(catalogue: Catalogue) -> str:
    cfg = catalogue.config
    sample = [messages.SAMPLE_DATA] if cfg.sample_data else []
    return " · ".join([capital(cfg.province), cfg.site_name, *sample])


def group_name(catalogue: Catalogue, topic: Topic) -> str:
    return {g.id: g.name for g in catalogue.config.topic_groups}.get(topic.group, topic.group)


def as_of(catalogue: Catalogue) -> str:
    return words.as_of(vn_date(catalogue.config.data_as_of))


def reference(plan: Plan) -> str:
    return plan_reference(plan.number, vn_date(plan.date) if plan.date else None)


def topic_blocks(topic: Topic, catalogue: Catalogue) -> list[Block]:
    """The content of one topic outline, in reading order."""
    b = Block
    blocks = [b("label", f"{topic.label} · {group_name(catalogue, topic)}")]
    blocks.append(b("title", topic.title))
    if topic.status in _NOTICES:
        title = messages.TOPIC_STATUSES[topic.status]
        blocks.append(b("notice", topic.source, title, status=topic.status))
    else:
        blocks.append(b("note", f"{words.TITLE_SOURCE}{topic.source}"))
    blocks += [b("para", topic.summary), b("heading", words.OBJECTIVES)]
    blocks.append(b("para", words.OBJECTIVES_LEAD))
    blocks += [b("item", objective) for objective in topic.objectives]
    blocks.append(b("heading", words.OUTLINE))
    for number, section in enumerate(topic.outline, 1):
        blocks.append(b("section", section.title, f"{number}."))
        blocks += [b("item", point, depth=1) for point in section.points]
    unit = messages.HALF_DAY_UNIT
    blocks += [b("para", f"{topic.duration} {unit}", words.DURATION), b("heading", words.AUDIENCES)]
    for level, audiences in audiences_by_level(catalogue, topic):
        names = "; ".join(a.name for a in audiences)
        blocks.append(b("item", names, f"{level.name}: " if names else level.name))
    methods = ", ".join(messages.SESSION_KINDS[m] for m in topic.methods)
    blocks += [b("heading", words.METHODS), b("para", methods + ".")]
    blocks.append(b("heading", words.REFERENCES))
    for ref in topic.references:
        day = f" ngày {vn_date(ref.date)}" if ref.date else ""
        blocks.append(b("item", f"{ref.number}{day}: {ref.title}"))
    reviewed = words.reviewed(vn_date(topic.reviewed), vn_date(catalogue.config.data_as_of))
    return [*blocks, b("note", reviewed)]


def topic_url(catalogue: Catalogue, topic: Topic) -> str:
    return paths.absolute(catalogue.config.site_url, paths.topic_page(topic.id))


def _pdf(catalogue: Catalogue, title: str, subject: str) -> OutlinePdf:
    pdf = OutlinePdf(look_of(catalogue), header_text(catalogue))
    cfg = catalogue.config
    describe(
        pdf,
        title=title,
        subject=subject,
        author=author_of(catalogue),
        keywords=f"{cfg.site_name}; {cfg.province}",
        when=moment(cfg.data_as_of),
        tool=TOOL,
    )
    return pdf


def topic_pdf(topic: Topic, catalogue: Catalogue) -> bytes:
    """The outline of one topic as an A4 PDF, ending with a QR code to its page."""
    title = f"{topic.label}. {topic.title}"
    pdf = _pdf(catalogue, title, f"{words.OUTLINE_KIND} · {catalogue.config.site_name}")
    pdf.render(topic_blocks(topic, catalogue))
    pdf.qr(topic_url(catalogue, topic), words.QR_TOPIC)
    return pdf.to_bytes()


def topic_docx(topic: Topic, catalogue: Catalogue) -> bytes:
    """The outline of one topic as an editable Word document (real headings and lists)."""
    cfg = catalogue.config
    document = WordDoc(
        look_of(catalogue),
        title=f"{topic.label}. {topic.title}",
        subject=f"{words.OUTLINE_KIND} · {cfg.site_name}",
        author=author_of(catalogue),
        keywords=f"{cfg.site_name}; {cfg.province}",
        when=moment(cfg.data_as_of),
        header_text=header_text(catalogue),
    )
    document.render(topic_blocks(topic, catalogue))
    document.qr(topic_url(catalogue, topic), words.QR_TOPIC)
    return document.to_bytes()


# --- the whole handbook ---------------------------------------------------------------------


def _toc_width(pdf: FPDF, level: int) -> float:
    return pdf.epw - _TOC_NUMBER_MM - 6 * level


def _toc_height(pdf: OutlinePdf, level: int, text: str) -> float:
    """Height of one table-of-contents entry (group headings bold, with space above)."""
    pdf.style("" if level else "B")
    line = pdf.look.line_mm
    lines = pdf.multi_cell(
        _toc_width(pdf, level), line, text, dry_run=True, output=MethodReturnValue.LINES
    )
    assert isinstance(lines, list)
    return len(lines) * line + (1.2 if level else 3.0)


def _render_toc(pdf: FPDF, outline: list[OutlineSection]) -> None:
    """The table of contents; each entry and its page number link to the topic's page."""
    assert isinstance(pdf, OutlinePdf)
    line = pdf.look.line_mm
    pdf.alias_nb_pages("")
    for section in outline:
        link = pdf.add_link(page=section.page_number)
        if pdf.will_page_break(_toc_height(pdf, section.level, section.name)):
            pdf.add_page()  # the next page reserved by insert_toc_placeholder
        pdf.ln(0 if section.level else 1.8)
        pdf.set_x(pdf.l_margin + 6 * section.level)
        width = _toc_width(pdf, section.level)
        pdf.multi_cell(width, line, section.name, align="L", link=link, new_y=YPos.LAST)
        pdf.set_x(pdf.w - pdf.r_margin - _TOC_NUMBER_MM)
        pdf.cell(_TOC_NUMBER_MM, line, str(section.page_number), align="R", link=link)
        pdf.set_xy(pdf.l_margin, pdf.get_y() + line + 1.2)
    pdf.alias_nb_pages("{nb}")


def handbook_pdf(catalogue: Catalogue) -> bytes:
    """Every topic outline in framework order, after a cover block and a table of contents."""
    cfg, plan = catalogue.config, catalogue.current_plan
    topics = topic_order(catalogue)
    pdf = _pdf(catalogue, cfg.site_name, f"{words.OUTLINE_KIND} · {capital(cfg.province)}")
    look = pdf.look
    pdf.block(cfg.site_name, "B", look.title_pt + 2)
    pdf.ln(2)
    pdf.block(capital(cfg.province), "B", look.body_pt + 1.5)
    pdf.ln(2)
    intro = (
        f"Đề cương {len(topics)} chuyên đề theo {plan.title} ({reference(plan)}) "
        f"của {plan.issuer}. {as_of(catalogue)}"
    )
    pdf.block(intro, size=look.note_pt + 0.5, color=look.muted)
    pdf.qr(paths.absolute(cfg.site_url, paths.HOME), words.QR_HANDBOOK, size=22)
    pdf.render([Block("heading", words.CONTENTS)])
    entries: list[tuple[int, str, Topic]] = []  # (outline level, text, topic)
    for topic in topics:
        if not entries or entries[-1][2].group != topic.group:
            entries.append((0, group_name(catalogue, topic), topic))
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
            pdf.render(topic_blocks(topic, catalogue))
    return pdf.to_bytes()
