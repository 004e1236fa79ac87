"""The load stage: positions, duplicate keys, dates, encodings, safety limits."""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pytest

from generator.content.loader import LoadError, parse_yaml
from generator.content.project import load_file


def test_positions_of_keys_and_values() -> None:
    doc = parse_yaml("id: a\nsessions:\n  - date: 2023-05-10\n    half: sang\n", "c.yml")
    assert doc.data["sessions"][0]["date"] == datetime.date(2023, 5, 10)
    assert doc.marks[("sessions", 0, "half")] == (4, 11)
    assert doc.key_marks[("sessions", 0, "half")] == (4, 5)
    # an unknown location falls back to its nearest ancestor
    assert doc.where(("sessions", 0, "missing")) == (3, 5)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\na: 2\n", "yaml-duplicate-key", 2),
        ("a: 2023-02-30\n", "yaml-bad-date", 1),
        ("a: !!python/object/apply:os.system ['ls']\n", "yaml-tag", 1),
        ("a: !custom x\n", "yaml-tag", 1),
        ("a: 1\n---\nb: 2\n", "yaml-multiple-documents", 2),
        ("# only a comment\n", "file-empty", 1),
        ("", "file-empty", 1),
        ("a: 'unclosed\n", "yaml-unclosed-quote", 1),
        ("a:\n\t- b\n", "yaml-tab", 2),
        ("a: &x [1]\nb: *y\n", "yaml-syntax", 2),
    ],
)
def test_load_errors(text: str, code: str, line: int) -> None:
    with pytest.raises(LoadError) as info:
        parse_yaml(text, "f.yml")
    assert (info.value.problem.code, info.value.problem.line) == (code, line)


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]")
    with pytest.raises(LoadError) as info:
        parse_yaml("\n".join(lines) + "\n", "bomb.yml")
    assert info.value.problem.code == "yaml-too-complex"


def test_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "title: Nông thôn mới\n")
    doc = parse_yaml(decomposed, "t.yml")
    assert doc.data["title"] == unicodedata.normalize("NFC", "Nông thôn mới")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "t.yml"
    path.write_bytes("\ufefftitle: Đảng ủy\r\nnumber: 3\r\n".encode())
    doc = load_file(tmp_path, path)
    assert doc.data == {"title": "Đảng ủy", "number": 3}


def test_non_utf8_reports_line(tmp_path: Path) -> None:
    path = tmp_path / "t.yml"
    path.write_bytes(b"a: 1\nb: " + "Nông".encode("cp1258"))
    with pytest.raises(LoadError) as info:
        load_file(tmp_path, path)
    assert (info.value.problem.code, info.value.problem.line) == ("file-encoding", 2)


@pytest.mark.parametrize(
    ("text", "code", "line", "detail"),
    [
        # a key without a space after its colon: the line of the mistake, not the next one
        ("id: a\nstart:2026-03-17\nend: 2026-03-18\n", "yaml-colon-space", 2, "thiếu dấu cách"),
        ("id: a\nstart:2026-03-17\n", "yaml-colon-space", 2, "thiếu dấu cách"),
        ("title: Lớp: tập huấn\n", "yaml-colon-in-value", 1, "dấu hai chấm"),
        ("id: a\n  title: b\n", "yaml-indent", 2, "thụt lề sâu hơn"),
        ('a: "abc\nb: 1\n', "yaml-unclosed-quote", 1, "ngoặc chưa được đóng"),
        ("a:\n  b: 1\n c: 2\n", "yaml-indent", 3, "thụt lề không đều"),
        ("a: 1\n- b\n", "yaml-indent", 2, "thụt lề không đều"),
        ("a: [1, 2\nb: 3\n", "yaml-flow", 1, "ngoặc vuông"),
        ("a: {x: 1\nb: 3\n", "yaml-flow", 1, "ngoặc nhọn"),
        ('a: "\\q"\n', "yaml-escape", 1, "ký tự thoát"),
        ("a: @x\n", "yaml-special-start", 1, "'@'"),
        ("a: `x\n", "yaml-special-start", 1, "'`'"),
        ("a: &\n", "yaml-special-start", 1, "dấu '&'"),
        ("a: }\n", "yaml-special-start", 1, "'}'"),
        ("a: |x\n  b\n", "yaml-syntax", 1, "sau dấu '|'"),
        ("a: !x!y z\n", "yaml-tag-syntax", 1, "thẻ YAML"),
        ("a: 'x' y\n", "yaml-text-after-quote", 1, "sau dấu ngoặc đóng"),
        ("a: &x [1, *x]\n", "yaml-recursive-alias", 1, "chính phần nội dung"),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "yaml-too-deep", 1, "lồng nhau"),
        ("a: b\x01c\n", "text-control-char", 1, "U+0001"),
        ('a: "b\\x01c"\n', "text-control-char", 1, "U+0001"),
        ("a: 1\nb: 2\x0b\n", "text-control-char", 2, "U+000B"),
    ],
)
def test_syntax_mistakes_are_explained_in_vietnamese(
    text: str, code: str, line: int, detail: str
) -> None:
    with pytest.raises(LoadError) as info:
        parse_yaml(text, "f.yml")
    problem = info.value.problem
    assert (problem.code, problem.line) == (code, line), problem
    assert detail in problem.message, problem.message


def test_depth_30000_is_refused_without_crashing() -> None:
    """Once a segmentation fault in libyaml's composer; now refused from the event stream."""
    with pytest.raises(LoadError) as info:
        parse_yaml("a: " + "[" * 30000 + "]" * 30000 + "\n", "deep.yml")
    assert info.value.problem.code == "yaml-too-deep"
