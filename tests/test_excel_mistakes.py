"""``handbook excel import``: every mistake in a workbook, shown at its cell.

Each case is a small edit of a copy of the mini fixture's exported workbook,
made with openpyxl as a clerk would make it in Excel, with the exact problems
expected as ``(code, cell)``, in report order, and nothing written.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from generator.commands.excel.import_ import import_workbook
from generator.commands.excel.layout import workbook_layout
from generator.commands.excel.locate import Generated, relocate
from generator.commands.excel.read import CellRef, Draft
from generator.content.loader import parse_yaml
from generator.problems import Problem, format_github

from .conftest import copy_project, tree_digest
from .workbook import (
    Edit,
    add_sheet,
    cell,
    delete_rows,
    edit_book,
    error_cell,
    formatted,
    handbook,
    merge,
    remove_sheet,
)


def _content(root: Path) -> dict[str, str]:
    return {k: v for k, v in tree_digest(root).items() if k.startswith(("content/", "topics/"))}


# --- mistakes, each at its cell --------------------------------------------------------


MISTAKES: list[tuple[str, list[Edit], list[tuple[str, str]]]] = [
    (
        "half-day-typo",
        [cell("Buổi học", "C5", "Chiu")],
        [("workbook-choice", "Buổi học!C5")],
    ),
    (
        "unknown-topic",
        [cell("Buổi học", "D2", "cd-i-99")],
        [("unknown-ref", "Buổi học!D2")],
    ),
    (
        "unknown-topic-with-name",
        [cell("Buổi học", "D2", "cd-i-99 · Tổng quan")],
        [("unknown-ref", "Buổi học!D2")],
    ),
    (
        "impossible-date",
        [cell("Buổi học", "B5", "31/02/2026")],
        [("workbook-bad-date", "Buổi học!B5")],
    ),
    (
        "session-of-unknown-course",
        [cell("Buổi học", "A6", "kh-99")],
        [
            # kh-03 is left with one session: what that means is reported too
            ("course-no-practice", "Buổi học!A5"),
            ("course-too-short", "Buổi học!A5"),
            ("workbook-orphan-row", "Buổi học!A6"),
        ],
    ),
    (
        "end-before-start",
        [cell("Khóa học", "I4", "01/12/2025")],
        [("end-before-start", "Khóa học!I4")],
    ),
    (
        "planned-in-words",
        [cell("Học viên", "C3", "mười")],
        [("wrong-type-int", "Học viên!C3")],
    ),
    (
        "session-outside-course",
        [cell("Buổi học", "B5", "15/03/2026")],
        [("session-outside-course", "Buổi học!B5")],
    ),
    (
        "session-twice",
        [cell("Buổi học", "C3", "Sáng")],
        [("session-twice", "Buổi học!C4")],
    ),
    (
        "actual-on-planned-course",
        [cell("Học viên", "D6", 28)],
        [("actual-not-held", "Học viên!D6")],
    ),
    (
        "bad-id",
        [cell("Khóa học", "A3", "KH 02"), cell("Học viên", "A5", "KH 02")],
        [("wrong-id", "Khóa học!A3")],
    ),
    (
        "missing-header",
        [cell("Buổi học", "F1", "Giang vien")],
        [("workbook-missing-header", "Buổi học!A1"), ("workbook-unknown-header", "Buổi học!F1")],
    ),
    (
        "header-twice",
        [cell("Học viên", "F1", "Đối tượng")],
        [("workbook-header-twice", "Học viên!F1")],
    ),
    (
        "unknown-sheet",
        [add_sheet("Khoa hoc 2026")],
        [("workbook-unknown-sheet", "Khoa hoc 2026!A1")],
    ),
    (
        "missing-sheet",
        [remove_sheet("Học viên")],
        [("workbook-missing-sheet", "Khóa học!A1")],
    ),
    (
        "blank-required-cell",
        [cell("Khóa học", "F2", None)],
        [("workbook-missing-value", "Khóa học!F2")],
    ),
    (
        "budget-without-source",
        [cell("Khóa học", "M2", 1_000_000)],
        [("workbook-missing-value", "Khóa học!L2")],
    ),
    (
        "id-twice",
        [cell("Khóa học", "A3", "kh-01")],
        [
            ("workbook-duplicate-id", "Khóa học!A3"),
            ("workbook-orphan-row", "Học viên!A5"),
        ],
    ),
    (
        "course-without-audiences",
        [delete_rows("Học viên", 6)],
        [("workbook-no-rows", "Khóa học!A4")],
    ),
    (
        # A VLOOKUP that found nothing: never published as a title "#N/A"
        "excel-error-values",
        [error_cell("Khóa học", "B2", "#N/A"), error_cell("Buổi học", "F2", "#DIV/0!")],
        [("workbook-error-value", "Khóa học!B2"), ("workbook-error-value", "Buổi học!F2")],
    ),
    (
        # Saved by a program that does not calculate: not silently blank (the note kept)
        "formula-never-calculated",
        [cell("Khóa học", "T3", '="Ghi chú "&A3'), cell("Khóa học", "B4", "=A4")],
        [
            ("workbook-formula-no-value", "Khóa học!T3"),
            ("workbook-formula-no-value", "Khóa học!B4"),
        ],
    ),
    (
        # Pasted from a PDF or Word: reported at the cell, not a traceback
        "invisible-control-characters",
        [cell("Buổi học", "F3", "TS. A\u202eB"), cell("Khóa học", "B2", "Tập\u2028huấn")],
        [("text-control-char", "Khóa học!B2"), ("text-control-char", "Buổi học!F3")],
    ),
    (
        "id-too-long",
        [
            cell("Khóa học", "A4", "a" * 300),
            cell("Buổi học", "A5", "a" * 300),
            cell("Buổi học", "A6", "a" * 300),
            cell("Học viên", "A6", "a" * 300),
        ],
        [("too-long", "Khóa học!A4")],
    ),
    (
        # The course id merged over its sessions: one message naming the merge
        "merged-cells",
        [merge("Buổi học", "A2:A4"), merge("Khóa học", "F2:G2")],
        [("workbook-merged-cell", "Khóa học!G2"), ("workbook-merged-cell", "Buổi học!A3")],
    ),
    (
        "zero-width-space-only",
        [cell("Buổi học", "F2", "\u200b")],
        [("workbook-missing-value", "Buổi học!F2")],
    ),
    (
        "topic-name-not-in-the-list",
        [cell("Buổi học", "D5", "Chuyên đề IX.9")],
        [("workbook-choice", "Buổi học!D5")],
    ),
]


@pytest.mark.parametrize(
    ("edits", "expected"), [(e, x) for _, e, x in MISTAKES], ids=[n for n, *_ in MISTAKES]
)
def test_workbook_mistake(
    mini_copy: tuple[Path, Path], edits: list[Edit], expected: list[tuple[str, str]]
) -> None:
    root, book = mini_copy
    edit_book(book, *edits)
    before = tree_digest(root)
    outcome = import_workbook(root, book, file="sua.xlsx")
    assert [(p.code, p.place) for p in outcome.problems] == expected
    for problem in outcome.problems:
        assert problem.file == "sua.xlsx" and problem.message and problem.hint
    assert not outcome.ok and not outcome.written
    assert tree_digest(root) == before  # nothing written


def test_reports_read_like_the_yaml_ones(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    edit_book(book, cell("Buổi học", "C5", "Chiu"), cell("Học viên", "C3", "mười"))
    code, out, _ = handbook(root, "excel", "import", str(book))
    assert code == 1
    assert out == (
        "Lỗi [wrong-type-int], 1 chỗ:\n"
        "  Học viên!C3: Giá trị 'mười' phải là số nguyên.\n"
        "      gợi ý: Viết số không có dấu chấm hay chữ, ví dụ 40.\n"
        "Lỗi [workbook-choice], 1 chỗ:\n"
        "  Buổi học!C5: Giá trị 'Chiu' không có trong danh sách của cột 'Buổi'.\n"
        "      gợi ý: Có phải ý bạn là 'Chiều'? Chọn trong danh sách thả xuống: Sáng, Chiều.\n"
        "2 lỗi trong 1 tệp.\n"
    )


def test_a_line_named_in_a_message_becomes_a_cell(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    edit_book(book, cell("Buổi học", "C3", "Sáng"))
    (problem,) = import_workbook(root, book, file="sua.xlsx").problems
    assert problem.message == (
        "Buổi sáng ngày 2023-03-14 được xếp hai lần (lần đầu ở ô Buổi học!A3)."
    )


def test_github_annotations_name_the_cell(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    edit_book(book, cell("Buổi học", "C5", "Chiu"))
    problems = import_workbook(root, book, file="sua.xlsx").problems
    first = format_github(problems).splitlines()[0]
    assert first.startswith(
        "::error file=sua.xlsx,title=workbook-choice::Buổi học!C5: Giá trị 'Chiu' không có"
    )


def test_a_file_that_is_not_a_workbook(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    book.write_bytes(b"not a workbook")
    outcome = import_workbook(root, book, file="sua.xlsx")
    assert [p.code for p in outcome.problems] == ["workbook-unreadable"]
    code, _, err = handbook(root, "excel", "import", str(book.with_name("khong-co.xlsx")))
    assert code == 2 and "Không tìm thấy tệp" in err


def test_problems_elsewhere_are_reported_as_they_are(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    topic = root / "topics/cd-i-01.yml"
    topic.write_text(topic.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    before = tree_digest(root)
    outcome = import_workbook(root, book, file="sua.xlsx")
    assert [(p.code, p.file, p.place) for p in outcome.problems] == [
        ("unknown-key", "topics/cd-i-01.yml", "")
    ]
    assert not outcome.ok and tree_digest(root) == before


def test_a_mistake_in_an_annual_plan_is_shown_at_its_cell(
    excel_sample: tuple[Path, Path], tmp_path: Path
) -> None:
    root = copy_project(excel_sample[0], tmp_path / "project")
    book = tmp_path / "sua.xlsx"
    shutil.copy(excel_sample[1], book)
    edit_book(book, cell("Kế hoạch năm theo cấp", "C3", "mười"), cell("Kế hoạch năm", "B5", "kh-x"))
    before = _content(root)
    outcome = import_workbook(root, book, file="sua.xlsx")
    # (in row order, whatever the sheet)
    assert [(p.code, p.place) for p in outcome.problems if p.is_error] == [
        ("wrong-type-int", "Kế hoạch năm theo cấp!C3"),
        ("unknown-ref", "Kế hoạch năm!B5"),
    ]
    assert _content(root) == before


def test_a_folder_linking_out_of_the_project_is_not_written_through(
    mini_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    root, book = mini_copy
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "content/courses/2025").symlink_to(outside)
    # kh-03 (starts 2025) is a new course: its file would go to content/courses/2025/
    (root / "content/courses/kh-03.yml").unlink()
    before = tree_digest(root)
    for dry_run in (True, False):
        outcome = import_workbook(root, book, file="sua.xlsx", dry_run=dry_run)
        assert [(p.code, p.place) for p in outcome.problems] == [
            ("workbook-outside-project", "Khóa học!A4")
        ]
        assert "content/courses/2025" in outcome.problems[0].message
        assert not outcome.written and list(outside.iterdir()) == []
    assert tree_digest(root) == before


# --- what a clerk types, read as meant ----------------------------------------------------


def test_a_name_the_site_shows_is_read_as_its_id(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    # "Xã" for the level named "Cấp xã"; "Chuyên đề III.1" as topic pages name cd-iii-01
    edit_book(book, cell("Khóa học", "E4", "Xã"), cell("Buổi học", "D5", "Chuyên đề III.1"))
    outcome = import_workbook(root, book, file="sua.xlsx")
    assert outcome.ok and not outcome.problems, outcome.problems
    assert outcome.written == ["content/courses/kh-03.yml"]
    text = (root / "content/courses/kh-03.yml").read_text(encoding="utf-8")
    assert "level: xa" in text and text.count("topic: cd-iii-01") == 2


def test_a_value_not_in_a_list_of_ids_lists_the_ids(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    edit_book(book, cell("Khóa học", "E4", "Thành phố"))
    (problem,) = import_workbook(root, book, file="sua.xlsx").problems
    assert (problem.code, problem.place) == ("workbook-choice", "Khóa học!E4")
    assert problem.message == "Giá trị 'Thành phố' không có trong danh sách của cột 'Cấp tổ chức'."
    assert problem.hint.endswith("Chọn trong danh sách thả xuống: tinh, huyen, xa.")


def test_a_percentage_is_read_as_the_clerk_typed_it(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    # "92%" typed in Excel is stored as 0.92 formatted "0%"; "85,5%" typed as text
    edit_book(
        book,
        formatted("Khóa học", "Q2", 0.92, "0%"),
        cell("Khóa học", "Q4", "85,5%"),
    )
    outcome = import_workbook(root, book, file="sua.xlsx")
    assert outcome.ok, outcome.problems
    assert "satisfied_percent: 92}" in (root / "content/courses/kh-01.yml").read_text("utf-8")
    assert "satisfied_percent: 85.5}" in (root / "content/courses/kh-03.yml").read_text("utf-8")


def test_an_invisible_note_is_no_note(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy
    edit_book(book, cell("Khóa học", "T2", "\u200b\u200b"), cell("Khóa học", "T3", "\ufeff "))
    outcome = import_workbook(root, book, file="sua.xlsx")
    assert outcome.ok, outcome.problems
    # kh-02's note ("Trùng lịch bầu cử.") emptied: written without one; kh-01 unchanged
    assert outcome.written == ["content/courses/kh-02.yml"]
    assert "note" not in (root / "content/courses/kh-02.yml").read_text(encoding="utf-8")


def test_a_stray_cell_at_the_last_row_is_read_quickly(mini_copy: tuple[Path, Path]) -> None:
    root, book = mini_copy

    def stray(wb: Any) -> None:  # Ctrl+↓ then a space: row 1 048 576
        wb["Buổi học"].cell(1_048_576, 6).value = " "
        wb["Buổi học"].cell(1_048_576, 6).number_format = "@"

    edit_book(book, stray)
    started = time.perf_counter()
    outcome = import_workbook(root, book, file="sua.xlsx", dry_run=True)
    assert outcome.ok and not outcome.written, outcome.problems
    assert time.perf_counter() - started < 15  # was a minute and more, and 1.6 GB


def test_many_problems_are_moved_to_their_cells_in_linear_time() -> None:
    # A block of sessions pasted twice: one problem per row, each naming a line of a
    # course file of thousands of values (was 373 s for 10 000 rows).
    name = "content/courses/kh.yml"
    rows = 20_000
    text = "sessions:\n" + "".join(f"  - {{date: 2026-01-01, n: {i}}}\n" for i in range(rows))
    sheet = workbook_layout(None).sheet("courses")
    cells = {(): CellRef("Khóa học", 2, 1), ("sessions",): CellRef("Buổi học", 2, 1)}
    for i in range(rows):
        cells[("sessions", i)] = CellRef("Buổi học", 2 + i, 1)
    generated = {name: Generated(Draft(sheet, "kh", {}, cells), parse_yaml(text, name))}
    problems = [
        Problem.make(name, 2 + i, 5, "session-twice", half="sáng", day="x", first_line=2 + i - 1)
        for i in range(1, rows, 4)
    ]
    started = time.perf_counter()
    moved = relocate(problems, generated, "sua.xlsx")
    assert time.perf_counter() - started < 5
    assert moved[0].place == "Buổi học!A3"
    assert moved[0].message.endswith("(lần đầu ở ô Buổi học!A2).")
