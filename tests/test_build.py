"""End to end: the `handbook` command on the sample content and the fixture."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.site import lock

from .conftest import MINI, REPO, Edit, copy_project, handbook, tree_digest


def test_sample_validates() -> None:
    """The sample is valid; its only warnings are the three courses kept to show them."""
    result = handbook(REPO, "validate")
    assert result.returncode == 0, result.stdout
    warned = sorted(set(re.findall(r"^  (content/\S+?\.yml):", result.stdout, re.M)))
    assert warned == [
        "content/courses/2023/kh-2023-h07.yml",
        "content/courses/2024/kh-2024-h33.yml",
        "content/courses/2026/kh-2026-x08.yml",
    ]
    assert "0 lỗi, 4 cảnh báo" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("Nội dung hợp lệ")


def test_sample_site_has_every_page_kind(sample_site: Path) -> None:
    site = sample_site / "site"
    for page in [
        "index.html",
        "chuyen-de/index.html",
        "chuyen-de/cd-i-01.html",
        "chuong-trinh/xa.html",
        "lich/index.html",
        "lich/2023.html",
        "khoa-hoc/kh-2023-t02.html",
        "tien-do.html",
        "search/search_index.json",
    ]:
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in home
    assert "Dữ liệu mẫu" in home  # the sample-data flag shows on every page
    # Vietnamese headings get readable ASCII anchors: "Đối tượng" -> #doi-tuong
    assert 'id="doi-tuong"' in (site / "chuyen-de/cd-i-01.html").read_text(encoding="utf-8")
    drafted = (site / "chuyen-de/cd-ii-03.html").read_text(encoding="utf-8")
    assert "Tiêu đề dự thảo, chưa đối chiếu văn bản gốc" in drafted


def test_sample_site_loads_nothing_from_other_hosts(sample_site: Path) -> None:
    """No web fonts, CDNs or trackers: every src/href is relative or an in-page anchor."""
    tag = re.compile(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>")
    remote = re.compile(r"""(?:src|href|data)=["']?(?:https?:)?//""")
    offenders = {}
    for page in (sample_site / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # the canonical link names the public URL but loads nothing
        found = [t for t in tag.findall(text) if remote.search(t) and "canonical" not in t]
        if found:
            offenders[page.name] = found
    for css in (sample_site / "site").rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"(?:url\(|@import)\s*[\"']?(?:https?:)?//", text), css.name
    html = (sample_site / "site/index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "unpkg.com" not in html
    assert not offenders, offenders


def test_build_is_deterministic(sample_site: Path, tmp_path: Path) -> None:
    again = copy_project(REPO, tmp_path / "again")
    assert handbook(again, "build").returncode == 0
    assert tree_digest(again / "site") == tree_digest(sample_site / "site")


def test_mini_builds_strict(mini: Path) -> None:
    result = handbook(mini, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã tạo trang web" in result.stdout


def test_invalid_content_keeps_previous_site(mini: Path, edit: Edit) -> None:
    assert handbook(mini, "build").returncode == 0
    before = tree_digest(mini / "site")
    edit("content/courses/kh-01.yml", "level: tinh", "level: tinhh")
    result = handbook(mini, "build")
    assert result.returncode == 1
    assert "content/courses/kh-01.yml:3:8:" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "trang cũ" in result.stderr
    assert tree_digest(mini / "site") == before


def test_mkdocs_failure_keeps_previous_site(mini: Path) -> None:
    """A page MkDocs rejects in --strict (a broken link) fails the build, site untouched."""
    assert handbook(mini, "build").returncode == 0
    before = tree_digest(mini / "site")
    page = mini / "content/pages/huong-dan.md"
    page.write_text(
        "# Hướng dẫn\n\n[liên kết hỏng](khong-co.md)\n\n[mục](#khong-co-muc)\n", encoding="utf-8"
    )
    result = handbook(mini, "build")
    assert result.returncode == 1
    # MkDocs' warnings come back as the office's own file and line, in Vietnamese.
    assert "content/pages/huong-dan.md:3:1: Liên kết 'khong-co.md' không dẫn tới" in result.stdout
    assert "content/pages/huong-dan.md:5:1: Liên kết '#khong-co-muc' trỏ tới mục" in result.stdout
    assert "MkDocs báo lỗi" in result.stderr
    assert tree_digest(mini / "site") == before


def test_validate_exit_codes_and_github_format(mini: Path, edit: Edit) -> None:
    assert handbook(mini, "validate").returncode == 0
    edit("topics/cd-i-01.yml", "duration: 2", "duration: hai")
    result = handbook(mini, "validate", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        "::error file=topics/cd-i-01.yml,line=15,col=11,"
    )
    assert result.stdout.splitlines()[-1] == "1 lỗi trong 1 tệp."


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert handbook(MINI, "frobnicate").returncode == 2
    assert handbook(MINI, "validate", "--format", "xml").returncode == 2
    missing = handbook(tmp_path, "validate")
    assert missing.returncode == 2
    assert "site_config.yml" in missing.stderr
    assert "Traceback" not in missing.stderr


@pytest.mark.parametrize("stage", ["run_mkdocs", "postprocess", "publish-rename"])
def test_interrupted_build_keeps_previous_site(
    mini: Path, stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build stopped at any stage (here: an exception, like Ctrl+C) leaves site/ as it was."""
    from generator import pipeline
    from generator.site import sitebuild

    assert handbook(mini, "build").returncode == 0
    before = tree_digest(mini / "site")
    (mini / "content/courses/kh-01.yml").write_text(
        (mini / "content/courses/kh-01.yml")
        .read_text(encoding="utf-8")
        .replace("Lớp cấp tỉnh 2023", "Lớp mới"),
        encoding="utf-8",
    )

    def stop(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    if stage == "run_mkdocs":
        monkeypatch.setattr(sitebuild, "run_mkdocs", stop)
    elif stage == "postprocess":
        monkeypatch.setattr(pipeline, "postprocess", stop)
    else:
        real_replace = Path.replace

        def fail_second_rename(self: Path, target: Path) -> Path:
            if self.name.startswith("site-new"):
                raise KeyboardInterrupt
            return real_replace(self, target)

        monkeypatch.setattr(Path, "replace", fail_second_rename)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(mini)
    monkeypatch.undo()
    assert tree_digest(mini / "site") == before


def test_site_moved_aside_by_a_killed_build_is_restored(mini: Path) -> None:
    assert handbook(mini, "build").returncode == 0
    before = tree_digest(mini / "site")
    (mini / "site").replace(mini / "build" / "site-old")  # killed between the two renames
    (mini / "content/courses/kh-01.yml").write_text("id: [broken\n", encoding="utf-8")
    assert handbook(mini, "build").returncode == 1
    assert tree_digest(mini / "site") == before


# The index every first visit downloads, gzipped (benchmarks/page_weight.py):
# with the page, CSS and JavaScript (about 86.5 KB) a first visit to a topic page
# must stay at or under 130 KB. Raise it only with a reason, and new figures.
SEARCH_INDEX_GZIP_BUDGET = 43 * 1024


def test_search_index_stays_small(sample_site: Path) -> None:
    """One compact entry per course, no folded copies, no markup, tags once per page."""
    import gzip
    import json

    raw = (sample_site / "site/search/search_index.json").read_bytes()
    index = json.loads(raw)
    assert set(index["config"]["fields"]) == {"title", "text", "tags"}
    assert index["config"]["fields"]["tags"]["boost"] == 1.0
    docs = index["docs"]
    assert not any("<" in doc["text"] for doc in docs)
    assert not any("tags" in doc for doc in docs if "#" in doc["location"])
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert "chuyen-de/cd-i-01.html" in locations
    assert "huong-dan-cap-nhat.html" not in locations  # hide: [search]
    assert "thay-doi.html" not in locations
    assert not any(
        loc.startswith("lich/") and loc not in ("lich/index.html", "lich/the.html")
        for loc in locations
    )
    courses = [doc for doc in docs if doc["location"].startswith("khoa-hoc/")]
    assert len(courses) == len(list((sample_site / "site/khoa-hoc").glob("*.html")))
    assert all("#" not in doc["location"] and len(doc["text"]) < 200 for doc in courses)
    phu_hai = [doc for doc in courses if "Phú Hải" in doc["text"]]
    assert [doc["location"] for doc in phu_hai] == ["khoa-hoc/kh-2026-x06.html"]
    assert phu_hai[0]["boost"] == 0.25
    assert next(doc for doc in docs if doc["location"] == "index.html")["boost"] == 2
    size = len(gzip.compress(raw, compresslevel=6, mtime=0))
    assert size <= SEARCH_INDEX_GZIP_BUDGET, f"search index {size / 1024:.1f} KB gzipped"


def test_two_builds_at_once_publish_one_whole_site(mini: Path, tmp_path: Path) -> None:
    """Two `handbook build` in the same folder: the second waits, both succeed, no partial site."""
    reference = copy_project(MINI, tmp_path / "reference")
    assert handbook(reference, "build").returncode == 0
    command = [sys.executable, "-m", "generator", "--root", str(mini), "build"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [(*p.communicate(timeout=300), p.returncode) for p in (first, second)]
    assert [code for _, _, code in results] == [0, 0], results
    assert "đang chờ" in results[1][1]  # the second one said why it waited
    assert tree_digest(mini / "site") == tree_digest(reference / "site")
    assert not list((mini / "build").glob("site-new-*"))  # no staging folder left behind


def test_a_build_that_cannot_get_the_lock_changes_nothing(mini: Path) -> None:
    assert handbook(mini, "build").returncode == 0
    before = tree_digest(mini / "site")
    with lock.exclusive(mini):
        result = pipeline.build(mini, wait=0.5)
    assert result.busy and not result.ok
    assert tree_digest(mini / "site") == before


def test_an_unreadable_file_is_a_located_problem(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied (root can read anything, so the denial is simulated)."""
    real_open = open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("kh-02.yml"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", deny)
    problems = pipeline.check(mini).problems
    assert [(p.file, p.line, p.code) for p in problems] == [
        ("content/courses/kh-02.yml", 1, "file-unreadable")
    ]
