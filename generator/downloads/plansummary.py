"""Stage 5b, render downloads: a plan's summary (tóm tắt kế hoạch), PDF and DOCX.

An office files it with the plan or hands it to a meeting: one or two A4 pages
in the administrative format (:mod:`.officedoc`, :mod:`.officeword`) with the
plan's number and date (or that it is a draft), issuer, programme, period and
levels; its targets; the topic framework by group; the course rules; the
denominators in use with their date and source; the plan's note; a QR code to
the plan page; and the signature block. What it says is built once
(:func:`summary`) and written by both formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from fpdf import FontFace

from .. import messages, paths
from ..content.catalogue import Catalogue
from ..content.derive import topic_order
from ..content.models import Plan
from ..content.progress import denominators_on, figures_date
from ..messages import documents as words
from ..reproducible import vn_date
from .officedoc import BODY_PT, OfficePdf
from .officeword import OfficeWord
from .outlines import capital
from .pdfdoc import SERIF

TOPIC_WIDTHS = (14.0, 121.0, 30.0)
PEOPLE_WIDTHS = (22.0, 55.0, 20.0, 68.0)


@dataclass(frozen=True)
class Summary:
    """What a plan summary says, for both formats."""

    heading: str  # the title's second line
    under: str  # which plan, or that it is a draft
    sections: list[tuple[str, list[str]]]  # heading, paragraphs ("- " starts an item)
    topics: list[tuple[str, str, str]]  # number, topic, length; a group row has no number
    people: list[tuple[str, str, str, str]]
    people_total: str
    closing: str
    url: str
    title: str  # of the file


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def summary(plan: Plan, catalogue: Catalogue) -> Summary:
    levels, groups = catalogue.levels, catalogue.target_groups
    topic_groups = catalogue.topic_groups
    date_text = vn_date(plan.date) if plan.date else None
    reference = messages.plan_reference(plan.number, date_text)
    facts = words.PLAN_FACTS
    period = f"{vn_date(plan.period.start)} – {vn_date(plan.period.end)}"
    general = [
        f"- {facts['reference']}: {reference}.",
        f"- {facts['issuer']}: {plan.issuer}.",
        f"- {facts['programme']}: {plan.programme}.",
        f"- {facts['period']}: {period}.",
        f"- {facts['levels']}: {', '.join(levels[lv].name for lv in plan.levels)}.",
    ]
    targets = [
        "- "
        + words.plan_target(
            _number(t.percent),
            groups[t.target_group].name.lower(),
            ", ".join(levels[lv].name.lower() for lv in t.levels or []),
            vn_date(t.by),
        )
        for t in plan.targets
    ]
    ordered = topic_order(catalogue, plan)
    local = sum(1 for t in ordered if t.group == "local")
    parts = []
    for g in plan.framework:
        name = topic_groups[g.group].name
        parts.append(f"{g.expected} chuyên đề {name[:1].lower()}{name[1:]}")
    framework = [words.plan_framework(parts, local)] if plan.framework else []
    rules = plan.course_rules
    kinds = " hoặc ".join(messages.SESSION_KINDS[k].lower() for k in rules.practice_kinds)
    dset = denominators_on(plan, figures_date(catalogue, plan))
    sections = [
        (words.PLAN_SECTIONS["general"], general),
        (words.PLAN_SECTIONS["targets"], targets),
        (words.PLAN_SECTIONS["framework"], framework),
        (
            words.PLAN_SECTIONS["rules"],
            [words.plan_course_rules(rules.min_days, rules.min_practice_sessions, kinds)],
        ),
        (words.PLAN_SECTIONS["people"], [words.plan_people(vn_date(dset.as_of), dset.source)]),
    ]
    if plan.note:
        sections.append((words.PLAN_SECTIONS["note"], [plan.note]))
    unit = messages.HALF_DAY_UNIT
    topics: list[tuple[str, str, str]] = []
    shown_group = None
    for number, topic in enumerate(ordered, 1):
        if topic.group != shown_group:
            shown_group = topic.group
            topics.append(("", topic_groups[topic.group].name, ""))
        topics.append((str(number), f"{topic.label}. {topic.title}", f"{topic.duration} {unit}"))
    audiences = catalogue.audiences_by_id
    people = [
        (
            levels[d.level].name,
            groups[d.target_group].name,
            _number(d.people),
            "; ".join(audiences[a].name for a in d.covers if a in audiences)
            or words.PLAN_ALL_AUDIENCES,
        )
        for d in dset.counts
    ]
    kind = "Kế hoạch "
    heading = plan.title
    if heading.lower().startswith(kind.lower()) and len(heading) > len(kind):
        heading = capital(heading[len(kind) :])
    return Summary(
        heading=heading,
        under=words.plan_under_title(
            messages.plan_reference(plan.number, date_text) if plan.number else None, plan.issuer
        ),
        sections=sections,
        topics=topics,
        people=people,
        people_total=_number(sum(d.people for d in dset.counts)),
        closing=words.plan_summary_from(vn_date(catalogue.config.data_as_of)),
        url=paths.absolute(catalogue.config.site_url, paths.plan_page(plan.id)),
        title=f"{words.PLAN_SUMMARY_KIND} – {plan.short_title}",
    )


def _after(heading: str) -> str:
    """Which table follows a section's text."""
    if heading == words.PLAN_SECTIONS["framework"]:
        return "topics"
    return "people" if heading == words.PLAN_SECTIONS["people"] else ""


# --- PDF ------------------------------------------------------------------------------


def summary_pdf(plan: Plan, catalogue: Catalogue) -> bytes:
    """The plan summary as an A4 PDF in the administrative format."""
    s = summary(plan, catalogue)
    doc = OfficePdf(catalogue, title=s.title, subject=plan.title)
    doc.add_page()
    doc.heading_block(catalogue, catalogue.config.data_as_of, None, numbered=False)
    doc.title_block(words.PLAN_SUMMARY_KIND, s.heading, s.under)
    bold = FontFace(emphasis="BOLD")
    for heading, lines in s.sections:
        table = _after(heading)
        if doc.will_page_break(40 if table else 16):  # a heading with its first lines
            doc.add_page()
        doc.paragraph(heading, style="B")
        for line in lines:
            doc.paragraph(line)
        doc.set_font(SERIF, "", 11.5)
        if table == "topics":
            with doc.table(
                col_widths=TOPIC_WIDTHS,
                text_align=("CENTER", "LEFT", "CENTER"),
                **doc.table_style(),
            ) as grid:
                grid.row(list(words.PLAN_TOPIC_HEADERS))
                for number, name, length in s.topics:
                    row = grid.row()
                    if number:
                        row.cell(number)
                        row.cell(name)
                        row.cell(length)
                    else:
                        row.cell(name, colspan=3, style=bold)
        elif table == "people":
            with doc.table(
                col_widths=PEOPLE_WIDTHS,
                text_align=("LEFT", "LEFT", "RIGHT", "LEFT"),
                **doc.table_style(),
            ) as grid:
                grid.row(list(words.PLAN_PEOPLE_HEADERS))
                for values in s.people:
                    grid.row(list(values))
                total = grid.row()
                total.cell(messages.TOTAL, colspan=2, style=bold)
                total.cell(s.people_total, style=bold)
                total.cell("")
        if table:
            doc.ln(3)
        doc.set_font(SERIF, "", BODY_PT)
    # The closing line, the signature and the QR code stay together on one page.
    if doc.will_page_break(12 + 48 + 28):
        doc.add_page()
    doc.paragraph(s.closing, style="I", size=12)
    doc.signature_block(catalogue)
    top = doc.get_y() + 4
    doc.qr(s.url, words.QR_PLAN, doc.l_margin - 2.5, top, beside=120)
    return doc.to_bytes()


# --- DOCX -----------------------------------------------------------------------------


def summary_docx(plan: Plan, catalogue: Catalogue) -> bytes:
    """The plan summary as a Word file in Times New Roman, for the office to edit and sign."""
    s = summary(plan, catalogue)
    doc = OfficeWord(catalogue, title=s.title, subject=plan.title)
    doc.heading_block(catalogue.config.data_as_of, numbered=False)
    doc.title_block(words.PLAN_SUMMARY_KIND, s.heading, s.under)
    for heading, lines in s.sections:
        doc.para(heading, bold=True)
        for line in lines:
            doc.para(line)
        table = _after(heading)
        if table == "topics":
            rows = [list(row) if row[0] else [row[1], "", ""] for row in s.topics]
            grid = doc.table(words.PLAN_TOPIC_HEADERS, rows, TOPIC_WIDTHS, size=11.5, centre={0, 2})
            for index, (number, _, _) in enumerate(s.topics, 1):
                if not number:  # a group: one bold cell across the table
                    cells = grid.rows[index].cells
                    merged = cells[0].merge(cells[2])
                    for run in merged.paragraphs[0].runs:
                        run.bold = True
        elif table == "people":
            rows = [list(row) for row in s.people]
            rows.append([messages.TOTAL, "", s.people_total, ""])
            grid = doc.table(
                words.PLAN_PEOPLE_HEADERS,
                rows,
                PEOPLE_WIDTHS,
                size=11.5,
                right={2},
                bold_rows={len(rows) - 1},
            )
            last = grid.rows[len(rows)].cells
            last[0].merge(last[1])
    doc.para(s.closing, italic=True, size=12).paragraph_format.keep_with_next = True
    doc.signature_block()
    doc.qr_codes((s.url, words.QR_PLAN))
    return doc.to_bytes()
