"""`handbook new topic|course`: start a correctly shaped file.

The file gets the next free id, the editor schema comment, and Vietnamese
placeholders marked "[CẦN ĐIỀN: …]". Validation reports every placeholder left
in a file, so a half-written file can never be published by mistake.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from ..content.kinds import kind
from ..content.project import PLACEHOLDER
from .schemas import schema_comment

TOPICS_DIR = kind("topic").path
COURSES_DIR = kind("course").path


def _todo(what: str) -> str:
    return f'"{PLACEHOLDER}: {what}]"'


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
    topic_id, number = next_topic(root, group)
    path = root / TOPICS_DIR / f"{topic_id}.yml"
    status = "local" if group == "local" else "drafted"
    text = f"""{schema_comment("topic", path, root)}id: {topic_id}
group: {group}
number: {number}
title: {_todo("tên đầy đủ của chuyên đề")}
status: {status}
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
levels: [xa]  # tinh, huyen, xa, thon
audiences:
  - {_todo("mã đối tượng trong content/audiences.yml")}
methods: [ly_thuyet, thao_luan, thuc_hanh]  # ly_thuyet, thao_luan, khao_sat, thuc_hanh, tham_quan
references:
  - number: {_todo("số văn bản, ví dụ 263/QĐ-TTg")}
    date: {_todo("ngày văn bản, dạng NĂM-THÁNG-NGÀY")}
    title: {_todo("tên văn bản")}
reviewed: {datetime.date.today().isoformat()}
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def next_course(root: Path, level: str, year: int) -> str:
    """The next free course id for a level and year, e.g. ``kh-2026-x03``."""
    letter = level[:1]
    pattern = re.compile(rf"kh-{year}-{letter}(\d+)")
    numbers = [
        int(m.group(1))
        for p in (root / COURSES_DIR).rglob("*.yml")
        if (m := pattern.fullmatch(p.stem))
    ]
    return f"kh-{year}-{letter}{max(numbers, default=0) + 1:02d}"


def new_course(root: Path, level: str, start: datetime.date) -> Path:
    """Create ``content/courses/<year>/<next id>.yml``; return its path."""
    course_id = next_course(root, level, start.year)
    path = root / COURSES_DIR / str(start.year) / f"{course_id}.yml"
    day2 = start + datetime.timedelta(days=1)
    topic = _todo("mã chuyên đề, ví dụ cd-i-01")
    trainer = _todo("họ tên giảng viên")
    text = f"""{schema_comment("course", path, root)}id: {course_id}
title: {_todo("tên khóa tập huấn")}
level: {level}
place: {_todo("địa điểm")}
organiser: {_todo("đơn vị tổ chức")}
start: {start.isoformat()}
end: {day2.isoformat()}
status: planned  # planned (dự kiến), held (đã tổ chức), cancelled (đã hủy)
sessions:
  - {{date: {start.isoformat()}, half: sang, topic: {topic}, kind: ly_thuyet, trainer: {trainer}}}
  - {{date: {start.isoformat()}, half: chieu, topic: {topic}, kind: thao_luan, trainer: {trainer}}}
  - {{date: {day2.isoformat()}, half: sang, topic: {topic}, kind: ly_thuyet, trainer: {trainer}}}
  - {{date: {day2.isoformat()}, half: chieu, topic: {topic}, kind: khao_sat, trainer: {trainer}}}
audiences:
  - {{audience: {_todo("mã đối tượng")}, planned: 30}}
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
