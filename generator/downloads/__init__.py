"""Stage 5b, render downloads: every file trainers and offices can download.

Outlines (PDF, DOCX), curricula and the whole handbook as PDF, calendars
(.ics) and open data (CSV, JSON, XLSX) are rendered from the same validated
catalogue as the pages, into ``tai-ve/`` of the site. Rendering a PDF costs far
more than a page, so each file is cached under ``build/cache`` by a hash of
its inputs (the records it shows, the settings it uses, and the code that
draws it): a one-topic edit renders that topic's files again and nothing else.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel

from .. import messages, paths
from ..content.catalogue import Catalogue
from ..content.derive import all_curricula
from ..content.models import Plan, Record
from ..content.reports import PeriodReport, YearReport, period_report, report_years, year_report
from ..messages import documents as document_words
from . import (
    calendars,
    curricula,
    docxclean,
    feeds,
    notices,
    officedoc,
    officeword,
    opendata,
    outlines,
    pdfdoc,
    plansummary,
    qrcodes,
    reportdocs,
    reports,
    sharecards,
    worddoc,
)

# The open-data tables, by file name.
TABLES = {
    "chuyen-de": opendata.catalogue_table,
    "lich-tap-huan": opendata.schedule_table,
    "tien-do": opendata.progress_table,
}


@dataclass
class Cache:
    """Content-addressed store of rendered files under ``build/cache``."""

    folder: Path | None
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def get(self, path: str, key: str, make: Callable[[], bytes]) -> bytes:
        """Return the cached bytes for ``key``, rendering them only on a miss."""
        if self.folder is None:
            self.rendered.append(path)
            return make()
        entry = self.folder / f"{key}.bin"
        self.used.add(entry.name)
        if entry.is_file():
            self.reused.append(path)
            return entry.read_bytes()
        data = make()
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(entry)
        self.rendered.append(path)
        return data

    def prune(self) -> None:
        """Remove entries this build did not use, so the cache does not grow."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in self.folder.glob("*.bin"):
            if entry.name not in self.used:
                entry.unlink()


def _code_hash(*modules: object) -> str:
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(str(getattr(module, "__file__", ""))).read_bytes())
    return digest.hexdigest()


def _key(kind: str, code: str, parts: Iterable[BaseModel | str]) -> str:
    digest = hashlib.sha256(f"{kind}\n{code}\n".encode())
    for part in parts:
        text = part.model_dump_json() if isinstance(part, BaseModel) else part
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Downloads:
    files: dict[str, bytes]
    rendered: list[str]
    reused: list[str]


def _report_files(catalogue: Catalogue, plan: Plan) -> dict[str, bytes]:
    """Each year report and the period report of ``plan``, in every format."""
    found: dict[str, bytes] = {}
    made: list[tuple[int | None, YearReport | PeriodReport]] = [
        (year, year_report(catalogue, plan, year)) for year in report_years(catalogue, plan)
    ]
    made.append((None, period_report(catalogue, plan)))
    for year, report in made:
        headers, rows = reports.table(report)
        name = paths.report_file(plan.id, year, "json").rsplit("/", 1)[-1].removesuffix(".json")
        found[paths.report_file(plan.id, year, "csv")] = opendata.to_csv(headers, rows)
        found[paths.report_file(plan.id, year, "json")] = opendata.to_json(name, headers, rows)
        found[paths.report_file(plan.id, year, "xlsx")] = reports.workbook(report, catalogue)
        found[paths.report_file(plan.id, year, "pdf")] = reportdocs.report_pdf(report, catalogue)
        found[paths.report_file(plan.id, year, "docx")] = reportdocs.report_docx(report, catalogue)
    return found


def render_downloads(
    catalogue: Catalogue, root: Path | None, updated: dict[str, datetime.date] | None = None
) -> Downloads:
    """Render (or reuse) every download; ``root=None`` disables the cache.

    ``updated`` gives the day each course last changed, by course id (for calendars).
    """
    updated = updated or {}
    cache = Cache(root / paths.CACHE_DIR if root is not None else None)
    config = catalogue.config
    # The code that draws a document: its module and the shared layout it uses.
    layout = (pdfdoc, worddoc, docxclean, qrcodes, officedoc, officeword, document_words)
    outline_code = _code_hash(outlines, *layout)
    curriculum_code = _code_hash(curricula, outlines, *layout)
    # Everything an outline shows besides its topic: names of levels, groups,
    # audiences, the province and the data date.
    context = [config, *catalogue.audiences]
    files: dict[str, bytes] = {}

    for topic in catalogue.topics:
        pdf, docx = paths.topic_pdf(topic.id), paths.topic_docx(topic.id)
        parts = [topic, *context]
        files[pdf] = cache.get(
            pdf,
            _key("topic-pdf", outline_code, parts),
            partial(outlines.topic_pdf, topic, catalogue),
        )
        files[docx] = cache.get(
            docx,
            _key("topic-docx", outline_code, parts),
            partial(outlines.topic_docx, topic, catalogue),
        )
    for curriculum in all_curricula(catalogue):
        path = paths.curriculum_pdf(curriculum.level.id)
        owner: list[Record] = [curriculum.plan] if curriculum.plan else []
        parts = [*owner, *(item.topic for item in curriculum.items), *context]
        files[path] = cache.get(
            path,
            _key(f"curriculum-{curriculum.level.id}", curriculum_code, parts),
            partial(curricula.curriculum_pdf, curriculum, catalogue),
        )
    files[paths.HANDBOOK_PDF] = cache.get(
        paths.HANDBOOK_PDF,
        _key("handbook", outline_code, [*catalogue.topics, *context]),
        partial(outlines.handbook_pdf, catalogue),
    )

    # A course's calendar depends on the course, the config and its topics'
    # labels and titles; cached too, since a province has thousands of courses.
    calendar_code = _code_hash(calendars)
    topics = catalogue.topics_by_id
    for course in catalogue.courses:
        path = paths.course_ics(course.id)
        shown = [topics[t] for t in course.topic_ids if t in topics]
        day = updated.get(course.id)
        files[path] = cache.get(
            path,
            _key("course-ics", calendar_code, [course, config, *shown, str(day)]),
            partial(calendars.course_calendar, course, catalogue, day),
        )
    # A planned course's notice: the course, the config, its topics and audiences.
    notice_code = _code_hash(notices, *layout)
    audiences = catalogue.audiences_by_id
    for course in catalogue.courses:
        if course.status != "planned":
            continue
        shown = [topics[t] for t in course.topic_ids if t in topics]
        invited = [audiences[a.audience] for a in course.audiences if a.audience in audiences]
        parts = [course, config, *shown, *invited]
        for suffix, make in (("pdf", notices.notice_pdf), ("docx", notices.notice_docx)):
            path = paths.course_notice(course.id, suffix)
            files[path] = cache.get(
                path, _key(f"notice-{suffix}", notice_code, parts), partial(make, course, catalogue)
            )
    # A plan's summary: the plan, the config (levels, groups, documents, data date),
    # its topics and the audiences its denominators name.
    summary_code = _code_hash(plansummary, *layout)
    for plan in catalogue.plans:
        shown = [topics[t] for t in plan.topics if t in topics]
        parts = [plan, config, *shown, *catalogue.audiences]
        for suffix, draw in (("pdf", plansummary.summary_pdf), ("docx", plansummary.summary_docx)):
            path = paths.plan_summary(plan.id, suffix)
            files[path] = cache.get(
                path,
                _key(f"plan-summary-{suffix}", summary_code, parts),
                partial(draw, plan, catalogue),
            )
    # Pictures of shared links: one per topic, one for the site (see sharecards).
    # Pillow's version and layout engine change the pixels: part of the key.
    card_code = _code_hash(sharecards) + sharecards.ENGINE
    domain = urlsplit(config.site_url).netloc
    site_card = [config.site_name, outlines.capital(config.province), config.site_name, domain]
    files[paths.SHARE_SITE] = cache.get(
        paths.SHARE_SITE,
        _key("share-site", card_code, site_card),
        partial(sharecards.card, *site_card),
    )
    for topic in catalogue.topics:
        group = outlines.group_name(catalogue, topic)
        unit = messages.HALF_DAY_UNIT
        text = [topic.title, f"{topic.label} · {group} · {topic.duration} {unit}"]
        text += [config.site_name, domain]
        path = paths.share_card(topic.id)
        files[path] = cache.get(
            path, _key("share-topic", card_code, text), partial(sharecards.card, *text)
        )
    # The whole schedule is joined from the course calendars above (cached), not drawn
    # again: same bytes as calendars.schedule_calendar (tests/test_calendars_opendata.py).
    course_files = {course.id: files[paths.course_ics(course.id)] for course in catalogue.courses}
    files[paths.SCHEDULE_ICS] = calendars.join_schedule(catalogue, course_files)
    # The tables depend on everything: always rendered.
    for plan in catalogue.plans:
        files.update(_report_files(catalogue, plan))
    for name, table in TABLES.items():
        headers, rows = table(catalogue)
        files[paths.table_csv(name)] = opendata.to_csv(headers, rows)
        files[paths.table_json(name)] = opendata.to_json(name, headers, rows)
    files[paths.WORKBOOK] = opendata.workbook(catalogue)
    files[paths.ROBOTS] = feeds.robots_txt(catalogue)
    cache.prune()
    return Downloads(files, cache.rendered, cache.reused)
