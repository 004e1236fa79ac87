"""One test per validation rule: a small bad edit to the mini fixture, and the
exact problem (code, file, line) it must produce — and no other problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline

from .conftest import Edit

COURSE = "content/courses/kh-01.yml"
CONFIG = "site_config.yml"
TOPIC = "topics/cd-i-01.yml"
AUD = "content/audiences.yml"
DEN = "content/denominators.yml"

# (id, file, old text, new text, expected code, expected file, expected line[, other
# codes the same mistake legitimately causes])
CASES = [
    # --- loading ---
    ("yaml-unclosed-quote", TOPIC, "title: Tổng", "title: 'Tổng", "yaml-unclosed-quote", TOPIC, 4),
    ("yaml-tab", TOPIC, "  - title: Bối cảnh", "\t- title: Bối cảnh", "yaml-tab", TOPIC, 11),
    (
        "duplicate key",
        TOPIC,
        "number: 1\n",
        "number: 1\nnumber: 2\n",
        "yaml-duplicate-key",
        TOPIC,
        4,
    ),
    (
        "impossible date",
        TOPIC,
        "reviewed: 2022-10-15",
        "reviewed: 2023-02-30",
        "yaml-bad-date",
        TOPIC,
        23,
    ),
    (
        "python tag",
        TOPIC,
        "duration: 2",
        "duration: !!python/object:os.system 2",
        "yaml-tag",
        TOPIC,
        15,
    ),
    # --- shape ---
    ("missing field", TOPIC, "duration: 2\n", "", "missing-field", TOPIC, 1),
    ("unknown key", TOPIC, "summary:", "sumary:", "unknown-key", TOPIC, 7, ("missing-field",)),
    ("wrong choice", TOPIC, "status: attested", "status: atested", "wrong-choice", TOPIC, 5),
    ("wrong type int", TOPIC, "duration: 2", "duration: hai", "wrong-type-int", TOPIC, 15),
    ("date format", TOPIC, "reviewed: 2022-10-15", "reviewed: 15/10/2022", "wrong-date", TOPIC, 23),
    ("bad id", TOPIC, "id: cd-i-01", "id: CD I 01", "wrong-id", TOPIC, 1),
    ("empty list", TOPIC, "methods: [ly_thuyet, khao_sat]", "methods: []", "too-short", TOPIC, 18),
    (
        "not a list",
        TOPIC,
        "levels: [tinh, huyen, xa]",
        "levels: tinh",
        "wrong-type-list",
        TOPIC,
        16,
    ),
    ("negative", COURSE, "planned: 5,", "planned: -5,", "too-small", COURSE, 14),
    # --- across files ---
    (
        "duplicate id",
        "topics/cd-iii-01.yml",
        "id: cd-iii-01",
        "id: cd-ii-01",
        "duplicate-id",
        "topics/cd-iii-01.yml",
        1,
        ("file-name-id",),
    ),
    ("unknown topic", COURSE, "topic: cd-ii-01", "topic: cd-ii-1", "unknown-ref", COURSE, 10),
    ("unknown audience", COURSE, "audience: xa-bcd", "audience: xa-bdc", "unknown-ref", COURSE, 16),
    (
        "unknown level",
        AUD,
        "level: xa\n    name: Ban",
        "level: xaa\n    name: Ban",
        "unknown-ref",
        AUD,
        15,
    ),
    (
        "unknown target group",
        AUD,
        "target_group: co-so",
        "target_group: coso",
        "unknown-ref",
        AUD,
        17,
    ),
    (
        "audience level vs topic",
        "topics/cd-iii-01.yml",
        "levels: [huyen, xa]",
        "levels: [huyen]",
        "audience-level-mismatch",
        "topics/cd-iii-01.yml",
        16,
    ),
    (
        "file name vs id",
        "content/courses/kh-03.yml",
        "id: kh-03",
        "id: kh-04",
        "file-name-id",
        "content/courses/kh-03.yml",
        1,
    ),
    (
        "level ended",
        "content/courses/kh-02.yml",
        "start: 2024-05-06\nend: 2024-05-07",
        "start: 2025-07-06\nend: 2025-07-07",
        "level-not-valid",
        "content/courses/kh-02.yml",
        6,
        ("level-not-valid",),
    ),
    (
        "end before start",
        COURSE,
        "end: 2023-03-15",
        "end: 2023-03-13",
        "end-before-start",
        COURSE,
        7,
    ),
    (
        "session outside course",
        COURSE,
        "{date: 2023-03-15, half: sang",
        "{date: 2023-03-16, half: sang",
        "session-outside-course",
        COURSE,
        10,
    ),
    (
        "half-day twice",
        COURSE,
        "{date: 2023-03-14, half: chieu",
        "{date: 2023-03-14, half: sang",
        "session-twice",
        COURSE,
        12,
    ),
    (
        "audience twice",
        COURSE,
        "audience: xa-bcd",
        "audience: xa-cong-chuc",
        "audience-twice",
        COURSE,
        16,
    ),
    (
        "actual on planned",
        "content/courses/kh-03.yml",
        "planned: 30}",
        "planned: 30, actual: 28}",
        "actual-not-held",
        "content/courses/kh-03.yml",
        13,
    ),
    (
        "actual missing",
        COURSE,
        "planned: 90, actual: 85",
        "planned: 90",
        "actual-missing",
        COURSE,
        16,
    ),
    (
        "new persons > actual",
        COURSE,
        "new_persons: 16",
        "new_persons: 19",
        "new-exceeds-actual",
        COURSE,
        15,
    ),
    (
        "held in the future",
        "content/courses/kh-03.yml",
        "status: planned",
        "status: held",
        "held-in-future",
        "content/courses/kh-03.yml",
        8,
        ("actual-missing",),
    ),
    (
        "topic number twice",
        "topics/cd-dp-01.yml",
        "group: local\nnumber: 1\ntitle: Tiêu chí của tỉnh\nstatus: local",
        "group: II\nnumber: 1\ntitle: Tiêu chí của tỉnh\nstatus: drafted",
        "topic-number-twice",
        "topics/cd-ii-01.yml",
        3,
        ("group-count",),
    ),
    (
        "status vs group",
        "topics/cd-dp-01.yml",
        "status: local",
        "status: drafted",
        "status-group-mismatch",
        "topics/cd-dp-01.yml",
        5,
    ),
    (
        "denominator twice",
        DEN,
        "    people: 20\n",
        "    people: 20\n  - level: xa\n    target_group: chuyen-trach\n    people: 21\n",
        "denominator-twice",
        DEN,
        13,
    ),
    (
        "level dates",
        CONFIG,
        "valid_until: 2025-06-30",
        "valid_from: 2026-01-01\n    valid_until: 2025-06-30",
        "level-dates",
        CONFIG,
        35,
        ("level-not-valid",),
    ),
    (
        "plan period",
        CONFIG,
        "end: 2025-12-31\ntarget",
        "end: 2021-12-31\ntarget",
        "period-order",
        CONFIG,
        14,
    ),
    (
        "target group unknown",
        CONFIG,
        "  - target_group: co-so",
        "  - target_group: coso",
        "unknown-ref",
        CONFIG,
        26,
    ),
    (
        "unknown page in order",
        CONFIG,
        "course_rules:",
        "pages: [huong-dan.md, hoi-dap.md]\ncourse_rules:",
        "unknown-ref",
        CONFIG,
        49,
    ),
    # --- plan rules ---
    (
        "course too short",
        "content/courses/kh-03.yml",
        "{date: 2025-12-10, half: sang",
        "{date: 2025-12-09, half: chieu",
        "course-too-short",
        "content/courses/kh-03.yml",
        10,
    ),
    ("no practice", COURSE, "kind: thuc_hanh", "kind: ly_thuyet", "course-no-practice", COURSE, 10),
    (
        "no sessions",
        "content/courses/kh-03.yml",
        "sessions:\n"
        "  - {date: 2025-12-09, half: sang, topic: cd-dp-01, kind: ly_thuyet, trainer: Giảng viên C}\n"
        "  - {date: 2025-12-10, half: sang, topic: cd-iii-01, kind: thuc_hanh, trainer: Giảng viên C}",
        "sessions: []",
        "course-no-sessions",
        "content/courses/kh-03.yml",
        9,
    ),
    (
        "framework 6/9/4",
        CONFIG,
        "expected: 1\n  - id: III",
        "expected: 2\n  - id: III",
        "group-count",
        CONFIG,
        43,
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "code", "where", "line", "also"),
    [(*c[1:7], c[7] if len(c) > 7 else ()) for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_rule(
    mini: Path,
    edit: Edit,
    file: str,
    old: str,
    new: str,
    code: str,
    where: str,
    line: int,
    also: tuple[str, ...],
) -> None:
    assert pipeline.check(mini).problems == [], "the fixture itself must be valid"
    edit(file, old, new)
    problems = pipeline.check(mini).problems
    found = [(p.code, p.file, p.line) for p in problems]
    assert (code, where, line) in found, found
    assert all(p.code in (code, *also) for p in problems), f"unexpected extra problems: {found}"
    for p in problems:
        assert p.message and p.hint
        assert "Traceback" not in p.message
