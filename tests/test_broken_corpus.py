"""A corpus of broken content: every kind of file, every kind of mistake.

Each case breaks a copy of the mini fixture (whose site was already built)
and runs `handbook build` in-process. It must exit 1 with the exact report
stored in tests/golden/broken/<case>.txt (file, line, column, message, hint),
print no traceback, and leave the previously built site byte-for-byte as it
was. UPDATE_GOLDEN=1 rewrites the reports; review the diff.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import cli

from .conftest import GOLDEN, MINI, copy_project, tree_digest

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
Mutation = Callable[[Path], None]

TOPIC = "topics/cd-i-01.yml"
COURSE = "content/courses/kh-01.yml"
CONFIG = "site_config.yml"
AUD = "content/audiences.yml"
DEN = "content/denominators.yml"
PAGE = "content/pages/huong-dan.md"


def replace(file: str, old: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (file, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return mutate


def write(file: str, data: str | bytes) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return mutate


def copy(src: str, dest: str) -> Mutation:
    def mutate(root: Path) -> None:
        shutil.copy(root / src, root / dest)

    return mutate


def alias_bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


CASES: dict[str, Mutation] = {
    # site_config.yml
    "config-empty": write(CONFIG, ""),
    "config-list": write(CONFIG, "- province: tỉnh A\n- language: vi\n"),
    "config-missing-field": replace(CONFIG, "province: tỉnh Thử Nghiệm\n", ""),
    "config-unknown-key": replace(CONFIG, "sample_data: true", "sample_date: true"),
    "config-bad-url": replace(
        CONFIG, "site_url: https://example.org/ntm/", "site_url: example.org"
    ),
    "config-percent": replace(CONFIG, "percent: 80", "percent: 180"),
    "config-bool": replace(CONFIG, "sample_data: true", "sample_data: có"),
    "config-date-format": replace(CONFIG, "valid_until: 2025-06-30", "valid_until: 30/06/2025"),
    "config-time": replace(
        CONFIG,
        "course_rules:",
        'session_times:\n  sang: {start: "7h30", end: "11:30"}\ncourse_rules:',
    ),
    # topics/*.yml
    "topic-tab": replace(TOPIC, "  - title: Bối cảnh", "\t- title: Bối cảnh"),
    "topic-unclosed-quote": replace(TOPIC, "title: Tổng quan", 'title: "Tổng quan'),
    "topic-duplicate-key": replace(TOPIC, "number: 1\n", "number: 1\nnumber: 2\n"),
    "topic-impossible-date": replace(TOPIC, "reviewed: 2022-10-15", "reviewed: 2023-02-30"),
    "topic-date-format": replace(TOPIC, "reviewed: 2022-10-15", "reviewed: 15-10-2022"),
    "topic-list": write(TOPIC, "- id: cd-i-01\n- group: I\n"),
    "topic-empty": write(TOPIC, "\n# chưa viết\n"),
    "topic-missing-objectives": replace(
        TOPIC, "objectives:\n  - Nắm được mục tiêu của Chương trình.\n", ""
    ),
    "topic-unknown-key": replace(TOPIC, "summary:", "tom_tat:"),
    "topic-wrong-type": replace(TOPIC, "duration: 2", "duration: hai buổi"),
    "topic-null": replace(TOPIC, "title: Tổng quan về nông thôn mới", "title:"),
    "topic-very-long": replace(
        TOPIC, "title: Tổng quan về nông thôn mới", "title: " + "Tổng quan " * 70
    ),
    "topic-non-utf8": write(TOPIC, b"id: cd-i-01\ntitle: T\xf4ng quan\n"),
    "topic-python-tag": replace(
        TOPIC, "duration: 2", "duration: !!python/object/apply:os.system ['ls']"
    ),
    "topic-alias-bomb": write(TOPIC, alias_bomb()),
    "topic-huge": write(TOPIC, "summary: |\n" + ("  " + "x" * 98 + "\n") * 25_000),
    "topic-two-documents": replace(
        TOPIC, "reviewed: 2022-10-15", "reviewed: 2022-10-15\n---\nid: khac"
    ),
    "topic-duplicate-id": copy(TOPIC, "topics/cd-i-01-ban-sao.yml"),
    "topic-dangling-audience": replace(
        TOPIC,
        "audiences: [tinh-vpdp, huyen-vpdp, xa-cong-chuc]",
        "audiences: [tinh-vpdp, huyen-vpdp, xa-cong-chuc, thon-truong]",
    ),
    "topic-group": replace(TOPIC, "group: I\n", "group: IV\n"),
    "topic-framework-count": write(
        "topics/cd-i-02.yml",
        (MINI / TOPIC)
        .read_text(encoding="utf-8")
        .replace("cd-i-01", "cd-i-02")
        .replace("number: 1", "number: 2"),
    ),
    # content/audiences.yml
    "audiences-not-list": write(AUD, "audiences: đối tượng cấp xã\n"),
    "audiences-missing-level": replace(AUD, "  - id: xa-bcd\n    level: xa\n", "  - id: xa-bcd\n"),
    "audiences-duplicate-id": replace(AUD, "id: huyen-vpdp", "id: tinh-vpdp"),
    "audiences-unknown-group": replace(AUD, "target_group: co-so", "target_group: co-so-xa"),
    # content/denominators.yml
    "denominators-negative": replace(DEN, "people: 100", "people: -100"),
    "denominators-text": replace(DEN, "people: 100", "people: một trăm"),
    "denominators-twice": replace(
        DEN,
        "    people: 20\n",
        "    people: 20\n  - level: xa\n    target_group: chuyen-trach\n    people: 21\n",
    ),
    "denominators-missing-file": lambda root: (root / DEN).unlink(),
    # content/courses/*.yml
    "course-session-outside": replace(
        COURSE, "{date: 2023-03-15, half: sang", "{date: 2023-03-17, half: sang"
    ),
    "course-half-twice": replace(
        COURSE, "{date: 2023-03-14, half: chieu", "{date: 2023-03-14, half: sang"
    ),
    "course-half-typo": replace(
        COURSE, "{date: 2023-03-14, half: chieu", "{date: 2023-03-14, half: chiu"
    ),
    "course-too-short": replace(
        "content/courses/kh-03.yml",
        "{date: 2025-12-10, half: sang",
        "{date: 2025-12-09, half: chieu",
    ),
    "course-no-practice": replace(COURSE, "kind: thuc_hanh", "kind: ly_thuyet"),
    "course-district-after-reform": replace(
        "content/courses/kh-02.yml",
        "start: 2024-05-06\nend: 2024-05-07",
        "start: 2025-09-08\nend: 2025-09-09",
    ),
    "course-end-before-start": replace(COURSE, "end: 2023-03-15", "end: 2023-03-13"),
    "course-unknown-topic": replace(COURSE, "topic: cd-ii-01", "topic: cd-ii-02"),
    "course-actual-on-planned": replace(
        "content/courses/kh-03.yml", "planned: 30}", "planned: 30, actual: 28}"
    ),
    "course-status-typo": replace(COURSE, "status: held", "status: da to chuc"),
    "course-crlf-and-error": lambda root: (root / COURSE).write_bytes(
        (root / COURSE)
        .read_bytes()
        .replace(b"\n", b"\r\n")
        .replace(b"level: tinh", b"level: tinhh")
    ),
    # content/pages/*.md
    "page-non-utf8": write(PAGE, "# Hướng dẫn\n".encode("utf-16")),
    "page-empty": write(PAGE, "  \n"),
    "page-script": write(PAGE, "# Hướng dẫn\n\nXin chào.\n<script>alert('x')</script>\n"),
    "page-event-handler": write(PAGE, '# Hướng dẫn\n\n<img src="a.png" onerror="alert(1)">\n'),
    "page-javascript-link": write(PAGE, "# Hướng dẫn\n\n[Bấm vào đây](javascript:alert(1))\n"),
    "page-reserved-name": write("content/pages/tien-do.md", "# Tiến độ\n"),
}


@pytest.fixture(scope="module")
def built_mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(MINI, tmp_path_factory.mktemp("built") / "mini")
    assert cli.main(["--root", str(root), "build"]) == 0
    return root


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_content(
    case: str, built_mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "mini"
    shutil.copytree(built_mini, root)
    before = tree_digest(root / "site")
    CASES[case](root)
    capsys.readouterr()
    code = cli.main(["--root", str(root), "build"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert tree_digest(root / "site") == before
    report = out.replace(str(root), "<root>")
    golden = GOLDEN / "broken" / f"{case}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(report, encoding="utf-8")
    assert report == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "mutation",
    [
        lambda root: (root / TOPIC).write_bytes(b"\xef\xbb\xbf" + (root / TOPIC).read_bytes()),
        lambda root: (root / COURSE).write_bytes(
            (root / COURSE).read_bytes().replace(b"\n", b"\r\n")
        ),
    ],
    ids=["bom", "crlf"],
)
def test_bom_and_windows_line_endings_are_accepted(
    mutation: Mutation, built_mini: Path, tmp_path: Path
) -> None:
    root = tmp_path / "mini"
    shutil.copytree(built_mini, root)
    mutation(root)
    assert cli.main(["--root", str(root), "validate"]) == 0
