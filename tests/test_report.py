"""Snapshot of a whole validation report, text and GitHub formats, so the
wording, order and hints of messages cannot silently regress."""

from __future__ import annotations

import os
from pathlib import Path

from generator import pipeline
from generator.problems import format_github, format_text

from .conftest import GOLDEN, Edit

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _break(mini: Path, edit: Edit) -> None:
    edit("topics/cd-i-01.yml", "status: attested", "status: atested")
    edit("topics/cd-i-01.yml", "summary:", "sumary:")
    edit("content/courses/kh-01.yml", "topic: cd-ii-01", "topic: cd-ii-1")
    edit(
        "content/courses/kh-01.yml",
        "{date: 2023-03-14, half: chieu",
        "{date: 2023-03-14, half: sang",
    )
    edit(
        "content/courses/kh-02.yml",
        "start: 2024-05-06\nend: 2024-05-07",
        "start: 2025-07-06\nend: 2025-07-07",
    )
    edit("content/courses/kh-03.yml", "kind: thuc_hanh", "kind: ly_thuyet")
    (mini / "content/courses/kh-04.yml").write_text(
        "id: kh-04\n  title: Lớp mới\n", encoding="utf-8"
    )


def _snapshot(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_text_report_snapshot(mini: Path, edit: Edit) -> None:
    _break(mini, edit)
    problems = pipeline.check(mini).problems
    _snapshot("report.txt", format_text(problems) + "\n")


def test_github_report_snapshot(mini: Path, edit: Edit) -> None:
    _break(mini, edit)
    problems = pipeline.check(mini).problems
    report = format_github(problems)
    lines = report.splitlines()[:-1]
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    assert any(line.startswith("::warning file=") for line in lines)  # plan rules are warnings
    _snapshot("report-github.txt", report + "\n")
