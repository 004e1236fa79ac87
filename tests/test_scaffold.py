"""`handbook new topic|course`: files that know the project's codes and validate once filled in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.commands import cli, scaffold
from generator.content.models.config import Level

FILL = {
    "tên đầy đủ của chuyên đề": "Chuyên đề mới của tỉnh",
    "mã đối tượng trong danh sách trên": "xa-bcd",
    "mã chuyên đề trong danh sách trên": "cd-dp-01",
    "số văn bản, ví dụ 263/QĐ-TTg": "263/QĐ-TTg",
    "ngày văn bản, dạng NĂM-THÁNG-NGÀY": "2022-02-22",
}


def _new(root: Path, *args: str) -> int:
    return cli.main(["--root", str(root), "new", *args])


def _fill(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for what, value in FILL.items():
        text = text.replace(f'"[CẦN ĐIỀN: {what}]"', value)
    text = re.sub(r'"\[CẦN ĐIỀN: [^]]*\]"', '"Nội dung đã điền"', text)
    path.write_text(text, encoding="utf-8")


def test_scaffolded_files_fail_until_filled_in(mini: Path) -> None:
    assert _new(mini, "topic", "--group", "local") == 0
    assert _new(mini, "course", "--level", "xa", "--start", "2025-12-15") == 0
    topic = mini / "topics/cd-dp-02.yml"
    course = mini / "content/courses/2025/kh-2025-x01.yml"
    problems = pipeline.check(mini).problems
    assert {p.file for p in problems if p.code == "placeholder"} == {
        "topics/cd-dp-02.yml",
        "content/courses/2025/kh-2025-x01.yml",
    }
    for path in (topic, course):
        _fill(path)
    assert pipeline.check(mini).problems == []
    assert scaffold.next_topic(mini, "local") == ("cd-dp-03", 3)
    assert scaffold.next_course(mini, "x", 2025) == "kh-2025-x02"


def test_each_placeholder_is_reported_once(mini: Path) -> None:
    """A placeholder in an id field is not also a "wrong id" at the same place."""
    assert _new(mini, "course", "--level", "xa", "--start", "2025-12-15") == 0
    problems = [p for p in pipeline.check(mini).problems if "kh-2025-x01" in p.file]
    spots = [(p.line, p.col) for p in problems]
    assert len(spots) == len(set(spots)), problems
    assert {p.code for p in problems} == {"placeholder"}
    # 3 header fields, 4 sessions × (topic, trainer), 1 audience
    assert len(problems) == 3 + 8 + 1


@pytest.mark.parametrize("given", ["xa", "xã", "Cấp xã", "cấp XÃ", "cap xa", " Cấp  xã "])
def test_level_by_id_or_name(mini: Path, given: str) -> None:
    assert _new(mini, "course", "--level", given, "--start", "2025-12-15") == 0
    data = yaml.safe_load((mini / "content/courses/2025/kh-2025-x01.yml").read_text("utf-8"))
    assert data["level"] == "xa"
    assert data["id"] == "kh-2025-x01"


@pytest.mark.parametrize(
    ("level", "start", "says"),
    [
        ("huyen", "2025-07-01", "Cấp huyện chỉ có đến hết ngày 30/06/2025"),
        ("Cấp huyện", "2026-03-17", "Cấp huyện chỉ có đến hết ngày 30/06/2025"),
        ("quan", "2025-03-17", "Không có cấp 'quan'"),
    ],
)
def test_level_refused_with_the_valid_ones_listed(
    mini: Path, capsys: pytest.CaptureFixture[str], level: str, start: str, says: str
) -> None:
    before = sorted(p.name for p in (mini / "content/courses").rglob("*.yml"))
    assert _new(mini, "course", "--level", level, "--start", start) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert "xa (Cấp xã)" in err and "tinh (Cấp tỉnh)" in err
    if start >= "2025-07-01":
        assert "huyen (" not in err
    assert sorted(p.name for p in (mini / "content/courses").rglob("*.yml")) == before


def test_level_not_in_the_plan_is_refused(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = mini / "content/plans/kh-thu-nghiem.yml"
    plan.write_text(
        plan.read_text("utf-8").replace("levels: [tinh, huyen, xa]", "levels: [tinh, xa]"),
        encoding="utf-8",
    )
    assert _new(mini, "course", "--level", "huyen", "--start", "2024-03-18") == 2
    err = capsys.readouterr().err
    assert "Kế hoạch thử nghiệm không tập huấn cấp huyện" in err
    assert "tinh (Cấp tỉnh), xa (Cấp xã)" in err


def test_course_outside_every_plan_is_created_with_a_note(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _new(mini, "course", "--level", "xa", "--start", "2027-03-15") == 0
    out = capsys.readouterr().out
    assert "không thuộc kế hoạch nào (Kế hoạch thử nghiệm)" in out
    assert (mini / "content/courses/2027/kh-2027-x01.yml").is_file()


def test_the_course_file_lists_the_codes_it_accepts(mini: Path) -> None:
    assert _new(mini, "course", "--level", "Cấp xã", "--start", "2025-12-15") == 0
    text = (mini / "content/courses/2025/kh-2025-x01.yml").read_text("utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for code in ("sang (Sáng)", "chieu (Chiều)", "ly_thuyet (Lý thuyết)", "khao_sat (Khảo sát"):
        assert code in comments
    # the audiences of that level only, and the plan's topics
    assert "xa-bcd" in comments and "xa-cong-chuc" in comments
    assert "tinh-vpdp" not in comments and "huyen-vpdp" not in comments
    for topic in ("cd-i-01", "cd-ii-01", "cd-iii-01", "cd-dp-01"):
        assert topic in comments
    data = yaml.safe_load(text)
    audience = data["audiences"][0]
    assert "actual" in audience and "new_persons" in audience
    assert audience["actual"] is None and audience["new_persons"] is None
    assert [s["half"] for s in data["sessions"]] == ["sang", "chieu", "sang", "chieu"]
    assert data["sessions"][-1]["kind"] == "khao_sat"  # meets the half-day of practice


def test_course_ids_of_levels_with_the_same_first_letter_do_not_collide() -> None:
    levels = [
        Level(id="tinh", name="Cấp tỉnh"),
        Level(id="xa", name="Cấp xã"),
        Level(id="thon", name="Thôn, bản"),
    ]
    assert [scaffold.course_prefix(levels, lv.id) for lv in levels] == ["t", "x", "th"]


def test_new_in_a_project_with_a_broken_config(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini / "site_config.yml").write_text("site_name: [\n", encoding="utf-8")
    assert _new(mini, "course", "--level", "xa", "--start", "2025-12-15") == 2
    assert "site_config.yml" in capsys.readouterr().err
