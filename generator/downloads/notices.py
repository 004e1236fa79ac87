"""Stage 5b, render downloads: the notice that a planned course opens (thông báo mở lớp).

A commune office receives it on paper or in a chat: one or two A4 pages in the
administrative format (:mod:`.officedoc`) with the title, the organiser, the
dates and the half-day schedule with clock times (``session_times``), the
place, who is invited and how many, what to bring, the contact line of the
config, and two QR codes: the course page and its calendar file. The same text
as an editable Word file (:mod:`.officeword`), for an office that adds its number
and signs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import messages, paths
from ..content.catalogue import Catalogue
from ..content.models import Course
from ..messages import documents as words
from ..reproducible import vn_date
from .officedoc import BODY_PT, OfficePdf
from .officeword import OfficeWord
from .pdfdoc import SERIF


@dataclass(frozen=True)
class Notice:
    """What a course notice says, for both formats."""

    title: str
    summary: str
    intro: str
    sections: list[tuple[str, list[str]]]  # heading, paragraphs ("- " starts an item)
    schedule: list[tuple[str, ...]]
    audiences: list[tuple[str, ...]]
    total: str
    course_url: str
    calendar_url: str
    author: str


def notice(course: Course, catalogue: Catalogue) -> Notice:
    cfg, docs = catalogue.config, catalogue.config.documents
    times = {"sang": cfg.session_times.sang, "chieu": cfg.session_times.chieu}
    halves = sorted({s.half for s in course.sessions}, key=["sang", "chieu"].index)
    clock = [
        words.half_day(messages.HALF_DAYS[h], times[h].start, times[h].end) + "." for h in halves
    ]
    topics = catalogue.topics_by_id
    schedule: list[tuple[str, ...]] = [
        (
            vn_date(s.date),
            messages.HALF_DAYS[s.half],
            f"{times[s.half].start}–{times[s.half].end}",
            f"{topics[s.topic].label}. {topics[s.topic].title}",
            s.trainer,
        )
        for s in course.ordered_sessions
    ]
    audiences: list[tuple[str, ...]] = []
    for entry in course.audiences:
        audience = catalogue.audiences_by_id[entry.audience]
        level = catalogue.levels[audience.level].name
        audiences.append((audience.name, level, f"{entry.planned:,}".replace(",", ".")))
    planned = sum(entry.planned for entry in course.audiences)
    bring = docs.bring or list(words.NOTICE_BRING_DEFAULT)
    s = words.NOTICE_SECTIONS
    sections = [
        (s["time"], [words.notice_days(vn_date(course.start), vn_date(course.end), course.days)])
    ]
    sections[0][1].extend(f"- {line}" for line in clock)
    sections += [
        (s["place"], [course.place + "."]),
        (s["topics"], []),
        (s["audiences"], []),
        (s["bring"], [f"- {item}." for item in bring]),
        (s["contact"], [(docs.contact or words.NOTICE_NO_CONTACT).rstrip(".") + "."]),
    ]
    return Notice(
        title=course.title,
        summary=words.notice_summary(course.title),
        intro=words.NOTICE_INTRO.format(organiser=course.organiser, title=f"“{course.title}”"),
        sections=sections,
        schedule=schedule,
        audiences=audiences,
        total=f"{words.NOTICE_TOTAL}: {planned:,} người.".replace(",", "."),
        course_url=paths.absolute(cfg.site_url, paths.course_page(course.id)),
        calendar_url=paths.absolute(cfg.site_url, paths.course_ics(course.id)),
        author=course.organiser,
    )


# --- PDF ------------------------------------------------------------------------------


def notice_pdf(course: Course, catalogue: Catalogue) -> bytes:
    """The notice as an A4 PDF in the administrative format."""
    n = notice(course, catalogue)
    title = f"{words.NOTICE_KIND} {n.summary[:1].lower()}{n.summary[1:]}"
    doc = OfficePdf(catalogue, title=title, subject=n.title, author=n.author)
    doc.add_page()
    suffix = catalogue.config.documents.notice_number_suffix
    doc.heading_block(catalogue, catalogue.config.data_as_of, None, suffix=suffix or words.DOTS)
    doc.title_block(words.NOTICE_KIND, n.summary)
    doc.paragraph(n.intro)
    for heading, lines in n.sections:
        tabled = heading in (words.NOTICE_SECTIONS["topics"], words.NOTICE_SECTIONS["audiences"])
        if doc.will_page_break(40 if tabled else 14):  # a heading with its table's first rows
            doc.add_page()
        doc.paragraph(heading, style="B")
        for line in lines:
            doc.paragraph(line)
        if heading == words.NOTICE_SECTIONS["topics"]:
            _table(doc, words.NOTICE_SCHEDULE_HEADERS, n.schedule, (24, 15, 27, 64, 35))
        elif heading == words.NOTICE_SECTIONS["audiences"]:
            _table(doc, words.NOTICE_AUDIENCE_HEADERS, n.audiences, (95, 40, 30))
            doc.paragraph(n.total)
    doc.paragraph(words.NOTICE_CLOSING)
    doc.signature_block(catalogue)
    size = 24.0
    if doc.will_page_break(size + 12):
        doc.add_page()
    top = doc.get_y() + 4
    doc.qr(n.course_url, words.QR_COURSE, doc.l_margin - 2.5, top, size)
    doc.qr(n.calendar_url, words.QR_CALENDAR, doc.l_margin + 40, top, size)
    doc.set_xy(doc.l_margin + 72, top + 6)
    doc.set_font(SERIF, "I", 10)
    doc.multi_cell(doc.epw - 72, 4.4, f"{n.course_url}\n{n.calendar_url}", markdown=False)
    return doc.to_bytes()


def _table(
    doc: OfficePdf, headers: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[int, ...]
) -> None:
    doc.set_font(SERIF, "", 11.5)
    with doc.table(col_widths=widths, text_align="LEFT", **doc.table_style()) as grid:
        grid.row(list(headers))
        for row in rows:
            grid.row(list(row))
    doc.ln(2)
    doc.set_font(SERIF, "", BODY_PT)


# --- DOCX -----------------------------------------------------------------------------


def notice_docx(course: Course, catalogue: Catalogue) -> bytes:
    """The notice as a Word file in Times New Roman, for the office to number and sign."""
    n = notice(course, catalogue)
    doc = OfficeWord(
        catalogue,
        title=f"{words.NOTICE_KIND} {n.summary[:1].lower()}{n.summary[1:]}",
        subject=n.title,
        author=n.author,
    )
    suffix = catalogue.config.documents.notice_number_suffix
    doc.heading_block(catalogue.config.data_as_of, suffix=suffix or words.DOTS)
    doc.title_block(words.NOTICE_KIND, n.summary)
    doc.para(n.intro)
    for heading, lines in n.sections:
        doc.para(heading, bold=True)
        for line in lines:
            doc.para(line)
        if heading == words.NOTICE_SECTIONS["topics"]:
            doc.table(words.NOTICE_SCHEDULE_HEADERS, n.schedule, (24, 15, 27, 64, 35), size=11.5)
        elif heading == words.NOTICE_SECTIONS["audiences"]:
            doc.table(
                words.NOTICE_AUDIENCE_HEADERS, n.audiences, (95, 40, 30), size=11.5, right={2}
            )
            doc.para(n.total)
    doc.para(words.NOTICE_CLOSING)
    doc.signature_block()
    doc.qr_codes((n.course_url, words.QR_COURSE), (n.calendar_url, words.QR_CALENDAR))
    return doc.to_bytes()
