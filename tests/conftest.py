"""Shared test helpers: the fixture projects and a way to edit a copy of one."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
MINI = TESTS / "fixtures" / "mini"
GOLDEN = TESTS / "golden"

IGNORE = shutil.ignore_patterns(
    "site", "build", ".venv", ".git", "__pycache__", "*.egg-info", ".*cache"
)


def copy_project(src: Path, dest: Path) -> Path:
    """Copy a project's sources (not its build output) to ``dest``."""
    shutil.copytree(src, dest, ignore=IGNORE)
    return dest


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the mini fixture project."""
    return copy_project(MINI, tmp_path / "mini")


Edit = Callable[[str, str, str], None]


@pytest.fixture
def edit(mini: Path) -> Edit:
    """Replace exactly one occurrence of ``old`` by ``new`` in a file of the mini copy."""

    def _edit(rel: str, old: str, new: str) -> None:
        path = mini / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return _edit


def handbook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own sample content, built once with --strict."""
    root = copy_project(REPO, tmp_path_factory.mktemp("sample") / "project")
    result = handbook(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


# Modules whose every test builds a whole site with MkDocs.
_SLOW_MODULES = {"test_build", "test_downloads"}
# Tests that build a site although their module is mostly quick.
_SLOW_TESTS = {
    "test_two_level_example_builds",
    "test_the_workflow_commands_work",
    "test_last_updated_dates_come_from_git",
    "test_without_git_pages_fall_back_to_their_own_dates",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what builds a whole site as slow, so `pytest -m "not slow"` is a quick loop."""
    for item in items:
        module = getattr(item, "module", None)
        module_name = module.__name__.rsplit(".", 1)[-1] if module else ""
        uses_site = "sample_site" in getattr(item, "fixturenames", ())
        if uses_site or module_name in _SLOW_MODULES or item.name in _SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


# --- handbook excel: a sample and a mini project with their exported workbooks ----------


@pytest.fixture(scope="module")
def excel_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the repository's sample and its exported workbook."""
    from .workbook import handbook as run

    folder = tmp_path_factory.mktemp("excel-sample")
    root = copy_project(REPO, folder / "project")
    book = folder / "mau.xlsx"
    code, out, err = run(root, "excel", "export", str(book))
    assert code == 0, out + err
    assert out.startswith(f"Đã xuất {book}: 93 khóa học (411 buổi học, 310 dòng học viên)")
    return root, book


@pytest.fixture(scope="module")
def mini_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini fixture's exported workbook."""
    from .workbook import handbook as run

    folder = tmp_path_factory.mktemp("excel-mini")
    book = folder / "mini.xlsx"
    assert run(copy_project(MINI, folder / "mini"), "excel", "export", str(book))[0] == 0
    return book


@pytest.fixture
def mini_copy(tmp_path: Path, mini_book: Path) -> tuple[Path, Path]:
    """A fresh mini project and a copy of its workbook, to edit."""
    book = tmp_path / "sua.xlsx"
    shutil.copy(mini_book, book)
    return copy_project(MINI, tmp_path / "mini"), book


@pytest.fixture(scope="module")
def server(sample_site: Path) -> Iterator[str]:
    """The built sample site, served over http for one browser-test module."""
    from .browser import serve

    with serve(sample_site / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for a browser-test module."""
    from .browser import chromium

    with chromium() as b:
        yield b
