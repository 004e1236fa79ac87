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
from pathlib import Path
from typing import Any
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
    pool,
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
    """Content-addressed store of rendered files under ``build/cache``.

    Files are asked for with :meth:`want`; :meth:`resolve` then draws every
    miss at once, in parallel (:mod:`.pool`), and returns all the files.
    """

    folder: Path | None
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    found: dict[str, bytes] = field(default_factory=dict)
    missing: list[tuple[pool.Job, Path | None]] = field(default_factory=list)

    def want(
        self, path: str, key: str, draw: Callable[..., bytes], *args: Any, weight: int = 1
    ) -> None:
        """Ask for ``path``: reused when ``key`` is cached, else drawn by ``draw(*args)``.

        ``args`` may hold :data:`pool.CATALOGUE` for the build's catalogue.
        """
        entry = None
        if self.folder is not None:
            entry = self.folder / f"{key}.bin"
            self.used.add(entry.name)
            if entry.is_file():
                self.reused.append(path)
                self.found[path] = entry.read_bytes()
                return
        self.missing.append((pool.Job(path, draw, args, weight), entry))

    def resolve(self, catalogue: Catalogue) -> dict[str, bytes]:
        """Draw what is missing (cached for next time); every file asked for, by path."""
        jobs = [job for job, _ in self.missing]
        for (job, entry), data in zip(self.missing, pool.draw_all(jobs, catalogue), strict=True):
            if entry is not None:
                entry.parent.mkdir(parents=True, exist_ok=True)
                tmp = entry.with_suffix(".tmp")
                tmp.write_bytes(data)
                tmp.replace(entry)
            self.rendered.append(job.path)
            self.found[job.path] = data
        self.missing = []
        return self.found

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


def _report_files(catalogue: Catalogue, plan: Plan, cache: Cache, code: str) -> dict[str, bytes]:
    """Each year report and the period report of ``plan``, in every format.

    The figures are computed every time (cheap); the files are drawn again only
    when a report's figures, the settings or the code changed, so editing a
    course's place does not redraw every report.
    """
    found: dict[str, bytes] = {}
    made: list[tuple[int | None, YearReport | PeriodReport]] = [
        (year, year_report(catalogue, plan, year)) for year in report_years(catalogue, plan)
    ]
    made.append((None, period_report(catalogue, plan)))
    context = [catalogue.config, *catalogue.audiences]
    for year, report in made:
        headers, rows = reports.table(report)
        name = paths.report_file(plan.id, year, "json").rsplit("/", 1)[-1].removesuffix(".json")
        found[paths.report_file(plan.id, year, "csv")] = opendata.to_csv(headers, rows)
        found[paths.report_file(plan.id, year, "json")] = opendata.to_json(name, headers, rows)
        drawn: tuple[tuple[str, Callable[[Any, Catalogue], bytes], int], ...] = (
            ("xlsx", reports.workbook, 2),
            ("pdf", reportdocs.report_pdf, 8),
            ("docx", reportdocs.report_docx, 4),
        )
        for suffix, draw, weight in drawn:
            path = paths.report_file(plan.id, year, suffix)
            key = _key(f"report-{suffix}", code, [repr(report), *context])
            cache.want(path, key, draw, report, pool.CATALOGUE, weight=weight)
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
    C = pool.CATALOGUE

    for topic in catalogue.topics:
        pdf, docx = paths.topic_pdf(topic.id), paths.topic_docx(topic.id)
        parts = [topic, *context]
        key = _key("topic-pdf", outline_code, parts)
        cache.want(pdf, key, outlines.topic_pdf, topic, C, weight=8)
        key = _key("topic-docx", outline_code, parts)
        cache.want(docx, key, outlines.topic_docx, topic, C, weight=4)
    for curriculum in all_curricula(catalogue):
        path = paths.curriculum_pdf(curriculum.level.id)
        owner: list[Record] = [curriculum.plan] if curriculum.plan else []
        parts = [*owner, *(item.topic for item in curriculum.items), *context]
        key = _key(f"curriculum-{curriculum.level.id}", curriculum_code, parts)
        cache.want(path, key, curricula.curriculum_pdf, curriculum, C, weight=20)
    key = _key("handbook", outline_code, [*catalogue.topics, *context])
    weight = 5 * len(catalogue.topics)  # the longest: drawn first
    cache.want(paths.HANDBOOK_PDF, key, outlines.handbook_pdf, C, weight=weight)

    # A course's calendar depends on the course, the config and its topics'
    # labels and titles; cached too, since a province has thousands of courses.
    calendar_code = _code_hash(calendars)
    topics = catalogue.topics_by_id
    for course in catalogue.courses:
        path = paths.course_ics(course.id)
        shown = [topics[t] for t in course.topic_ids if t in topics]
        day = updated.get(course.id)
        key = _key("course-ics", calendar_code, [course, config, *shown, str(day)])
        cache.want(path, key, calendars.course_calendar, course, C, day)
    # A planned course's notice: the course, the config, its topics and audiences.
    notice_code = _code_hash(notices, *layout)
    audiences = catalogue.audiences_by_id
    for course in catalogue.courses:
        if course.status != "planned":
            continue
        shown = [topics[t] for t in course.topic_ids if t in topics]
        invited = [audiences[a.audience] for a in course.audiences if a.audience in audiences]
        parts = [course, config, *shown, *invited]
        for suffix, make, weight in (
            ("pdf", notices.notice_pdf, 6),
            ("docx", notices.notice_docx, 3),
        ):
            path = paths.course_notice(course.id, suffix)
            key = _key(f"notice-{suffix}", notice_code, parts)
            cache.want(path, key, make, course, C, weight=weight)
    # A plan's summary: the plan, the config (levels, groups, documents, data date),
    # its topics and the audiences its denominators name.
    summary_code = _code_hash(plansummary, *layout)
    for plan in catalogue.plans:
        shown = [topics[t] for t in plan.topics if t in topics]
        parts = [plan, config, *shown, *catalogue.audiences]
        for suffix, draw, weight in (
            ("pdf", plansummary.summary_pdf, 8),
            ("docx", plansummary.summary_docx, 4),
        ):
            path = paths.plan_summary(plan.id, suffix)
            key = _key(f"plan-summary-{suffix}", summary_code, parts)
            cache.want(path, key, draw, plan, C, weight=weight)
    # Pictures of shared links: one per topic, one for the site (see sharecards).
    # Pillow's version and layout engine change the pixels: part of the key.
    card_code = _code_hash(sharecards) + sharecards.ENGINE
    domain = urlsplit(config.site_url).netloc
    site_card = [config.site_name, outlines.capital(config.province), config.site_name, domain]
    key = _key("share-site", card_code, site_card)
    cache.want(paths.SHARE_SITE, key, sharecards.card, *site_card, weight=5)
    for topic in catalogue.topics:
        group = outlines.group_name(catalogue, topic)
        unit = messages.HALF_DAY_UNIT
        text = [topic.title, f"{topic.label} · {group} · {topic.duration} {unit}"]
        text += [config.site_name, domain]
        key = _key("share-topic", card_code, text)
        cache.want(paths.share_card(topic.id), key, sharecards.card, *text, weight=5)
    # Reports: figures computed here, files drawn (or reused) with the rest.
    report_code = _code_hash(reports, reportdocs, *layout)
    report_tables: dict[str, bytes] = {}
    for plan in catalogue.plans:
        report_tables.update(_report_files(catalogue, plan, cache, report_code))

    files = cache.resolve(catalogue)
    files.update(report_tables)
    # The whole schedule is joined from the course calendars above (cached), not drawn
    # again: same bytes as calendars.schedule_calendar (tests/test_calendars_opendata.py).
    course_files = {course.id: files[paths.course_ics(course.id)] for course in catalogue.courses}
    files[paths.SCHEDULE_ICS] = calendars.join_schedule(catalogue, course_files)
    # The open-data tables depend on everything: always made (they are quick).
    for name, table in TABLES.items():
        headers, rows = table(catalogue)
        files[paths.table_csv(name)] = opendata.to_csv(headers, rows)
        files[paths.table_json(name)] = opendata.to_json(name, headers, rows)
    files[paths.WORKBOOK] = opendata.workbook(catalogue)
    files[paths.ROBOTS] = feeds.robots_txt(catalogue)
    cache.prune()
    return Downloads(files, cache.rendered, cache.reused)
