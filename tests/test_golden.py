"""Golden files: the mini fixture's YAML in, the expected Markdown out, compared exactly.

Run with UPDATE_GOLDEN=1 to rewrite the expected files after an intended change,
then review the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from generator import pipeline
from generator.site import sitebuild

from .conftest import GOLDEN, MINI

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _rendered() -> dict[str, str]:
    checked = pipeline.check(MINI)
    assert checked.problems == []
    assert checked.catalogue is not None
    rendered = pipeline.render(checked.catalogue, checked.content.pages)
    pages = dict(rendered.pages)
    pages["generated.yml"] = sitebuild.generated_config(
        checked.catalogue, rendered.nav, "/project/mkdocs.yml", "/generator/theme/overrides"
    )
    return pages


PAGES = _rendered()

# One page of every kind the generator makes.
KINDS = {
    "home": "index.md",
    "catalogue": "chuyen-de/index.md",
    "topic (attested)": "chuyen-de/cd-i-01.md",
    "topic (drafted, hostile text)": "chuyen-de/cd-ii-01.md",
    "topic (local)": "chuyen-de/cd-dp-01.md",
    "curricula": "chuong-trinh/index.md",
    "curriculum (ended level)": "chuong-trinh/huyen.md",
    "curriculum": "chuong-trinh/xa.md",
    "schedule": "lich/index.md",
    "schedule year": "lich/2023.md",
    "schedule level": "lich/cap-tinh.md",
    "tags index": "lich/the.md",
    "course (held)": "khoa-hoc/kh-01.md",
    "course (cancelled)": "khoa-hoc/kh-02.md",
    "course (planned)": "khoa-hoc/kh-03.md",
    "progress": "tien-do.md",
    "plan": "ke-hoach/kh-thu-nghiem/index.md",
    "plan progress": "ke-hoach/kh-thu-nghiem/tien-do.md",
    "year report": "ke-hoach/kh-thu-nghiem/bao-cao-2023.md",
    "period report": "ke-hoach/kh-thu-nghiem/bao-cao-tong-hop.md",
    "free page": "huong-dan.md",
    "mkdocs config": "generated.yml",
}


def test_every_rendered_page_has_a_golden_kind() -> None:
    """A new page kind must come with a golden file."""
    assert set(PAGES) >= set(KINDS.values())


@pytest.mark.parametrize("path", list(KINDS.values()), ids=list(KINDS))
def test_golden(path: str) -> None:
    golden = GOLDEN / "mini" / path
    actual = PAGES[path]
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), str(golden), "rendered", lineterm=""
            )
        )
        pytest.fail(f"{path} differs from its golden file:\n{diff}")


def test_all_pages_deterministic() -> None:
    """Rendering twice gives the same text (no dict-order or time dependence)."""
    assert _rendered() == PAGES


def test_golden_files_have_no_orphans() -> None:
    known = {GOLDEN / "mini" / p for p in KINDS.values()}
    on_disk = {p for p in (GOLDEN / "mini").rglob("*") if p.is_file()}
    assert on_disk <= known, f"stale golden files: {sorted(map(str, on_disk - known))}"


def test_golden_dir_exists() -> None:
    assert Path(GOLDEN / "mini").is_dir()
