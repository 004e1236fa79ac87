"""`handbook new topic|course`: start a correctly shaped file.

The file gets the next free id, the editor schema comment, and Vietnamese
placeholders marked "[CẦN ĐIỀN: …]". Validation reports every placeholder left
in a file (once each), so a half-written file can never be published by mistake.

A new course is checked against the project before it is written: the level
may be given by id or by name ("xã", "Cấp xã"), must exist on the start date and
belong to the plan that covers it. The file lists, as comments, the codes its
fields accept — half-days, session kinds, the audiences of that level and the
plan's topics — so a clerk fills it in without opening other files.
"""

from __future__ import annotations

import datetime
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from .. import messages
from ..content.kinds import kind
from ..content.models.config import Level, SiteConfig
from ..content.models.plan import Plan
from ..content.project import PLACEHOLDER, Content, load_content
from ..messages import cli_text
from ..site.slug import fold
from .schemas import schema_comment

TOPICS_DIR = kind("topic").path
COURSES_DIR = kind("course").path
_COMMENT_WIDTH = 72


class ScaffoldError(Exception):
    """The file cannot be created as asked; the message says why and what would work."""


def _todo(what: str) -> str:
    return f'"{PLACEHOLDER}: {what}]"'


def _short(text: str, width: int = _COMMENT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrapped(text: str, prefix: str) -> str:
    return "\n".join(
        textwrap.wrap(text, _COMMENT_WIDTH, initial_indent=prefix, subsequent_indent=prefix)
    )


def _codes(vocabulary: dict[str, str]) -> str:
    """``sang (Sáng), chieu (Chiều)``"""
    return ", ".join(f"{code} ({label})" for code, label in vocabulary.items())


# --- what the project knows ------------------------------------------------------------


@dataclass
class Project:
    """The parts of a project a scaffold needs, read leniently (other files may be broken)."""

    config: SiteConfig
    plans: list[Plan]
    content: Content

    @classmethod
    def load(cls, root: Path) -> Project:
        content = load_content(root)
        if content.config is None:
            raise ScaffoldError(cli_text("new-no-config"))
        plans = sorted((p.record for p in content.of("plan")), key=lambda p: p.period.start)
        return cls(content.config.record, plans, content)

    def plan_on(self, day: datetime.date) -> Plan | None:
        return next((p for p in self.plans if p.period.start <= day <= p.period.end), None)


def _level_names(levels: list[Level]) -> str:
    return ", ".join(f"{level.id} ({level.name})" for level in levels) or "—"


def _matches(text: str, level: Level) -> bool:
    """``xa``, ``xã``, ``Cấp xã``, ``cap xa`` all name the level ``xa`` named "Cấp xã"."""

    def norm(value: str) -> str:
        return " ".join(fold(value).lower().split())

    wanted = norm(text)
    name = norm(level.name)
    return wanted in {level.id, name, name.removeprefix("cap ")}


def resolve_level(project: Project, text: str, start: datetime.date) -> Level:
    """The configured level ``text`` names, valid on ``start`` and in the plan of that day."""
    levels = project.config.levels
    plan = project.plan_on(start)
    valid = [
        level
        for level in levels
        if level.valid_on(start) and (plan is None or level.id in plan.levels)
    ]
    found = next((level for level in levels if _matches(text, level)), None)
    common = {"start": f"{start:%d/%m/%Y}", "valid": _level_names(valid)}
    if found is None:
        raise ScaffoldError(cli_text("new-level-unknown", level=text, **common))
    if found.valid_until and start > found.valid_until:
        raise ScaffoldError(
            cli_text(
                "new-level-ended", name=found.name, until=f"{found.valid_until:%d/%m/%Y}", **common
            )
        )
    if found.valid_from and start < found.valid_from:
        raise ScaffoldError(
            cli_text(
                "new-level-not-yet", name=found.name, since=f"{found.valid_from:%d/%m/%Y}", **common
            )
        )
    if plan is not None and found.id not in plan.levels:
        raise ScaffoldError(
            cli_text(
                "new-level-not-in-plan",
                plan=plan.short_title or plan.title,
                name=found.name.lower(),
                valid=_level_names(valid),
            )
        )
    return found


# --- topics ----------------------------------------------------------------------------


def next_topic(root: Path, group: str) -> tuple[str, int]:
    """The next free id and number in a topic group ("I", "II", "III", "local")."""
    prefix = "cd-dp" if group == "local" else f"cd-{group.lower()}"
    numbers = [
        int(m.group(1))
        for p in (root / TOPICS_DIR).glob(f"{prefix}-*.yml")
        if (m := re.fullmatch(rf"{prefix}-(\d+)", p.stem))
    ]
    number = max(numbers, default=0) + 1
    return f"{prefix}-{number:02d}", number


def new_topic(root: Path, group: str) -> Path:
    """Create ``topics/<next id>.yml`` for ``group``; return its path."""
    project = Project.load(root)
    today = datetime.date.today()
    current = [level for level in project.config.levels if level.valid_on(today)]
    topic_id, number = next_topic(root, group)
    path = root / TOPICS_DIR / f"{topic_id}.yml"
    status = "local" if group == "local" else "drafted"
    audience_lines = "".join(
        f"#   {a.record.id}  ({a.record.level}) {_short(a.record.name, 60)}\n"
        for a in project.content.audiences
        if a.record.level in {level.id for level in current}
    )
    text = f"""{schema_comment("topic", path, root)}id: {topic_id}
group: {group}
number: {number}
title: {_todo("tên đầy đủ của chuyên đề")}
status: {status}  # {_codes(messages.TOPIC_STATUSES)}
source: {_todo("tên chuyên đề lấy từ đâu; nếu là dự thảo, ghi rõ chưa đối chiếu văn bản gốc")}
summary: {_todo("2–4 câu giới thiệu chuyên đề")}
objectives:
  - {_todo("mục tiêu 1, bắt đầu bằng động từ: Nắm được…, Thực hiện được…")}
  - {_todo("mục tiêu 2")}
  - {_todo("mục tiêu 3")}
outline:
  - title: {_todo("tên phần 1")}
    points:
      - {_todo("ý chính")}
duration: 2  # số buổi (nửa ngày)
levels: [{current[-1].id if current else "xa"}]  # {_level_names(current)}
# Mã đối tượng (cấp) tên:
{audience_lines}audiences:
  - {_todo("mã đối tượng trong danh sách trên")}
methods: [ly_thuyet, thao_luan, thuc_hanh]  # {", ".join(messages.SESSION_KINDS)}
references:
  - number: {_todo("số văn bản, ví dụ 263/QĐ-TTg")}
    date: {_todo("ngày văn bản, dạng NĂM-THÁNG-NGÀY")}
    title: {_todo("tên văn bản")}
reviewed: {today.isoformat()}
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- courses ---------------------------------------------------------------------------


def course_prefix(levels: list[Level], level_id: str) -> str:
    """The letters of a level in course ids: its first letter, longer when taken.

    ``tinh`` → ``t`` and then ``thon`` → ``th``, so their ids never collide.
    """
    taken: set[str] = set()
    for level in levels:
        prefix = next(
            (level.id[:n] for n in range(1, len(level.id) + 1) if level.id[:n] not in taken),
            level.id,
        )
        if level.id == level_id:
            return prefix
        taken.add(prefix)
    return level_id


def next_course(root: Path, prefix: str, year: int) -> str:
    """The next free course id for a level prefix and year, e.g. ``kh-2026-x03``."""
    pattern = re.compile(rf"kh-{year}-{re.escape(prefix)}(\d+)")
    numbers = [
        int(m.group(1))
        for p in (root / COURSES_DIR).rglob("*.yml")
        if (m := pattern.fullmatch(p.stem))
    ]
    return f"kh-{year}-{prefix}{max(numbers, default=0) + 1:02d}"


def _topic_lines(project: Project, plan: Plan | None) -> str:
    topics = {t.record.id: t.record for t in project.content.topics}
    ids = plan.topics if plan is not None else sorted(topics)
    title = plan.short_title or plan.title if plan is not None else "mọi chuyên đề"
    lines = [f"#   topic (chuyên đề) của {title}:"]
    for topic_id in ids:
        topic = topics.get(topic_id)
        label = _short(topic.title, 58) if topic else ""
        lines.append(f"#     {topic_id:<10} {label}".rstrip())
    return "\n".join(lines) + "\n"


def _audience_lines(project: Project, level: Level) -> str:
    mine = [a.record for a in project.content.audiences if a.record.level == level.id]
    lines = [f"# audience (đối tượng) của {level.name.lower()}:"]
    lines += [f"#   {a.id:<22} {_short(a.name, 48)}" for a in mine]
    return "\n".join(lines) + "\n"


@dataclass
class NewCourse:
    path: Path
    notes: list[str]


def new_course(root: Path, level_text: str, start: datetime.date) -> NewCourse:
    """Create ``content/courses/<year>/<next id>.yml``; raise :class:`ScaffoldError`."""
    project = Project.load(root)
    level = resolve_level(project, level_text, start)
    plan = project.plan_on(start)
    notes = []
    if plan is None and project.plans:
        periods = ", ".join(p.short_title or p.title for p in project.plans)
        notes.append(cli_text("new-outside-plans", start=f"{start:%d/%m/%Y}", plans=periods))
    course_id = next_course(root, course_prefix(project.config.levels, level.id), start.year)
    path = root / COURSES_DIR / str(start.year) / f"{course_id}.yml"
    day2 = start + datetime.timedelta(days=1)
    topic = _todo("mã chuyên đề trong danh sách trên")
    trainer = _todo("họ tên giảng viên")
    practice = "khao_sat"
    text = f"""{schema_comment("course", path, root)}id: {course_id}
title: {_todo("tên khóa tập huấn")}
kind: tap_huan  # {_codes(messages.COURSE_KINDS)}
mode: truc_tiep  # {_codes(messages.DELIVERY_MODES)}
level: {level.id}  # {level.name}
place: {_todo("địa điểm")}
organiser: {_todo("đơn vị tổ chức")}
start: {start.isoformat()}
end: {day2.isoformat()}
status: planned  # {_codes(messages.COURSE_STATUSES)}
# Mỗi buổi (nửa ngày) một dòng; ngày dạng NĂM-THÁNG-NGÀY.
#   half (buổi): {_codes(messages.HALF_DAYS)}
#   kind (hình thức):
{_wrapped(_codes(messages.SESSION_KINDS), "#     ")}
{_topic_lines(project, plan)}sessions:
  - {{date: {start.isoformat()}, half: sang, topic: {topic}, kind: ly_thuyet, trainer: {trainer}}}
  - {{date: {start.isoformat()}, half: chieu, topic: {topic}, kind: thao_luan, trainer: {trainer}}}
  - {{date: {day2.isoformat()}, half: sang, topic: {topic}, kind: ly_thuyet, trainer: {trainer}}}
  - {{date: {day2.isoformat()}, half: chieu, topic: {topic}, kind: {practice}, trainer: {trainer}}}
{_audience_lines(project, level)}audiences:
  - audience: {_todo("mã đối tượng trong danh sách trên")}
    planned: 30  # số học viên dự kiến
    actual:  # số học viên thực tế tham dự, điền sau khi tổ chức
    new_persons:  # trong đó số người lần đầu được tập huấn trong kế hoạch (để tính chỉ tiêu)
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return NewCourse(path, notes)
