"""Incremental builds: only what an edit touches is rebuilt, and the site is the same bytes
as a cold build of the edited project (issue 16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import paths
from generator.downloads import render_downloads
from generator.pipeline import check
from generator.site import incremental

from .conftest import REPO, Edit, copy_project, handbook, tree_digest

DIRTY = "Chỉ dựng lại"
NO_CHANGE = "Nội dung không đổi"

# (what, file, old text, new text, how MkDocs must run)
MINI_EDITS = [
    (
        "course",
        "content/courses/kh-01.yml",
        "place: Hội trường tỉnh",
        "place: Hội trường số 2",
        "dirty",
    ),
    (
        "topic body",
        "topics/cd-i-01.yml",
        "      - Yêu cầu mới.",
        "      - Yêu cầu mới của giai đoạn 2026–2030.",
        "dirty",
    ),
    (
        "topic title",
        "topics/cd-i-01.yml",
        "title: Tổng quan về nông thôn mới",
        "title: Tổng quan về xây dựng nông thôn mới",
        "full",
    ),
    (
        "config",
        "site_config.yml",
        "site_name: Cẩm nang thử nghiệm",
        "site_name: Cẩm nang thử nghiệm mới",
        "full",
    ),
]

SAMPLE_EDITS = [
    (
        "course",
        "content/courses/2023/kh-2023-h05.yml",
        "place: Hội trường Trung tâm Chính trị huyện Phú Lộc",
        "place: Hội trường Trung tâm Chính trị huyện Phú Lộc (cơ sở 2)",
        "dirty",
    ),
    (
        "topic body",
        "topics/cd-i-01.yml",
        "những bài học kinh nghiệm chủ yếu.",
        "những bài học kinh nghiệm chủ yếu, rút ra cho giai đoạn mới.",
        "dirty",
    ),
    (
        "topic title",
        "topics/cd-i-01.yml",
        'định hướng đến năm 2030"',
        'định hướng đến năm 2035"',
        "full",
    ),
    (
        "config",
        "site_config.yml",
        "site_name: Cẩm nang tập huấn cán bộ xây dựng nông thôn mới",
        "site_name: Cẩm nang tập huấn cán bộ nông thôn mới",
        "full",
    ),
]


def _replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _build(root: Path) -> str:
    result = handbook(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _mode(stdout: str) -> str:
    if DIRTY in stdout:
        return "dirty"
    return "none" if NO_CHANGE in stdout else "full"


def _edit_and_compare(
    project: Path, tmp: Path, edits: list[tuple[str, str, str, str, str]]
) -> None:
    _build(project)
    assert _mode(_build(project)) == "none", "a rebuild with no change runs MkDocs"
    for what, rel, old, new, mode in edits:
        _replace(project, rel, old, new)
        assert _mode(_build(project)) == mode, what
        cold = copy_project(project, tmp / f"cold-{what.replace(' ', '-')}")
        _build(cold)
        incremental_site, cold_site = tree_digest(project / "site"), tree_digest(cold / "site")
        differ = sorted(
            name
            for name in incremental_site.keys() | cold_site.keys()
            if incremental_site.get(name) != cold_site.get(name)
        )
        assert differ == [], f"after the {what} edit these files differ from a cold build"
        shutil.rmtree(cold)


def test_each_kind_of_edit_matches_a_cold_build_mini(mini: Path, tmp_path: Path) -> None:
    _edit_and_compare(mini, tmp_path, MINI_EDITS)


@pytest.mark.slow
def test_each_kind_of_edit_matches_a_cold_build_sample(tmp_path: Path) -> None:
    """The issue's test at the sample's size: course, topic body, topic title, config."""
    project = copy_project(REPO, tmp_path / "sample")
    _edit_and_compare(project, tmp_path, SAMPLE_EDITS)


def test_a_removed_anchor_fails_a_dirty_build_as_it_fails_a_full_one(
    mini: Path, edit: Edit, tmp_path: Path
) -> None:
    """A page that is not rebuilt still has its links checked against the changed page."""
    topic = "topics/cd-i-01.yml"
    second = "  - title: Yêu cầu mới\n    points:\n      - Bộ tiêu chí 2026–2030.\n"
    edit(topic, "      - Yêu cầu mới.\n", "      - Yêu cầu mới.\n" + second)
    page = "content/pages/huong-dan.md"
    edit(page, "Trang tự do.", "Trang tự do. Xem [yêu cầu mới](chuyen-de/cd-i-01.md#muc-2).")
    _build(mini)
    before = tree_digest(mini / "site")
    edit(topic, second, "")  # the section, and its anchor #muc-2, go
    result = handbook(mini, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "muc-2" in result.stdout + result.stderr
    assert tree_digest(mini / "site") == before
    cold = copy_project(mini, tmp_path / "cold")
    assert handbook(cold, "build").returncode == 1  # a full build fails the same way
    # Put right, the build after a failed dirty run is whole again.
    edit(page, " Xem [yêu cầu mới](chuyen-de/cd-i-01.md#muc-2).", "")
    _build(mini)
    shutil.rmtree(cold)
    cold = copy_project(mini, tmp_path / "cold")
    _build(cold)
    assert tree_digest(mini / "site") == tree_digest(cold / "site")


def test_a_front_matter_title_shown_in_navigation_builds_in_full(
    mini: Path, edit: Edit, tmp_path: Path
) -> None:
    """The navigation shows a page's front-matter title over its H1 (found by review)."""
    _build(mini)
    edit(
        "content/pages/huong-dan.md",
        "# Hướng dẫn",
        "---\ntitle: Hướng dẫn sử dụng\n---\n# Hướng dẫn",
    )
    assert _mode(_build(mini)) == "full"
    cold = copy_project(mini, tmp_path / "cold")
    _build(cold)
    assert tree_digest(mini / "site") == tree_digest(cold / "site")


def test_damaged_output_or_site_is_built_again(mini: Path, edit: Edit, tmp_path: Path) -> None:
    """MkDocs' kept output and the published site are checked, not trusted (found by review)."""
    _build(mini)
    before = tree_digest(mini / "site")
    (mini / paths.SITE_DIR / "khoa-hoc" / "kh-02.html").unlink()
    with (mini / paths.SITE_DIR / "index.html").open("a", encoding="utf-8") as page:
        page.write("x")
    assert _mode(_build(mini)) == "none"
    assert tree_digest(mini / "site") == before  # put right without running MkDocs
    raw = incremental.raw_dir(mini)
    (raw / "chuyen-de" / "cd-ii-01.html").unlink()
    (raw / paths.SEARCH_JSON).unlink()
    edit("content/courses/kh-01.yml", "place: Hội trường tỉnh", "place: Hội trường số 2")
    assert _mode(_build(mini)) == "full"
    cold = copy_project(mini, tmp_path / "cold")
    _build(cold)
    assert tree_digest(mini / "site") == tree_digest(cold / "site")


def test_a_project_config_with_its_own_files_always_builds_in_full(mini: Path) -> None:
    hook = mini / "hooks.py"
    hook.write_text("def on_page_content(html, **kw):\n    return html + '<!--A-->'\n")
    (mini / "mkdocs.yml").write_text(f"hooks:\n  - {hook.as_posix()}\n", encoding="utf-8")
    _build(mini)
    hook.write_text("def on_page_content(html, **kw):\n    return html + '<!--B-->'\n")
    assert _mode(_build(mini)) == "full"
    assert "<!--B-->" in (mini / "site" / "index.html").read_text(encoding="utf-8")


def test_a_relative_root_builds_where_it_should(
    mini: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import pipeline

    monkeypatch.chdir(mini.parent)
    assert pipeline.build(Path(mini.name)).ok
    edit("content/courses/kh-01.yml", "place: Hội trường tỉnh", "place: Hội trường số 2")
    result = pipeline.build(Path(mini.name))
    assert result.ok and result.mkdocs_mode == "dirty"
    assert "Hội trường số 2" in (mini / "site" / "khoa-hoc" / "kh-01.html").read_text("utf-8")
    assert not (mini / "build" / "build").exists()


def test_a_failed_mkdocs_run_leaves_no_manifest(mini: Path, edit: Edit) -> None:
    _build(mini)
    assert incremental.read_manifest(mini) is not None
    edit("content/pages/huong-dan.md", "Trang tự do.", "[Hỏng](khong-co.md)")
    assert handbook(mini, "build").returncode == 1
    assert incremental.read_manifest(mini) is None  # the next build is a full one


def test_a_deleted_site_is_published_again(mini: Path) -> None:
    _build(mini)
    before = tree_digest(mini / "site")
    shutil.rmtree(mini / "site")
    assert _mode(_build(mini)) == "none"  # MkDocs need not run, but the site is rebuilt
    assert tree_digest(mini / "site") == before


def test_plan_modes(mini: Path) -> None:
    _build(mini)
    manifest = incremental.read_manifest(mini)
    assert manifest is not None
    sources, sign = manifest["sources"], manifest["signature"]
    assert incremental.plan(mini, sources, "mkdocs", sign).mode == "none"
    assert incremental.plan(mini, sources, "properdocs", sign).mode == "full"
    assert incremental.plan(mini, sources, "mkdocs", sign + "x").mode == "full"
    changed = dict(sources, **{"index.md": "0" * 64})
    plan = incremental.plan(mini, changed, "mkdocs", sign)
    assert plan.mode == "dirty" and plan.dirty == ["index.md", paths.TAGS]
    added = dict(sources, **{"moi.md": "0" * 64})
    assert incremental.plan(mini, added, "mkdocs", sign).mode == "full"


def test_downloads_drawn_in_parallel_are_the_same_bytes(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = check(mini).catalogue
    assert catalogue is not None
    monkeypatch.setenv("HANDBOOK_JOBS", "1")
    serial = render_downloads(catalogue, None)
    monkeypatch.setenv("HANDBOOK_JOBS", "2")
    parallel = render_downloads(catalogue, None)
    assert parallel.files == serial.files
    assert parallel.rendered == serial.rendered
