"""The benchmark still runs: its smallest scale, end to end, with every figure present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow

STAGES = ("load", "validate", "render", "downloads", "write", "mkdocs", "postprocess")


def test_benchmark_sample_scale(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    command = [sys.executable, str(REPO / "benchmarks" / "run.py"), "--scales", "sample"]
    # --no-verify: tests/test_incremental.py compares incremental and cold builds itself.
    command += ["--repeat", "1", "--no-verify", "--json", str(out)]
    proc = subprocess.run(
        command,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1200,  # five rebuilds and a memory pass; minutes on a busy 2-core machine
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "load (project.load_content)" in proc.stdout  # the table was printed

    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["machine"]["nproc"] >= 1
    (result,) = report["scales"]
    assert result["scale"] == "sample"
    assert result["courses"] > 0 and result["topics"] > 0
    for stage in STAGES:
        figures = result["stages"][stage]
        assert figures["seconds"] > 0, stage
        assert figures["peak_bytes"] > 0, stage
    assert result["markdown_pages"] > 0
    assert result["site"]["html_pages"] >= result["markdown_pages"]
    assert result["site"]["bytes"] > 0
    assert result["site"]["search_index_bytes"] > result["site"]["search_index_gzip_bytes"] > 0
    for key in ("cold_build_seconds", "bare_mkdocs_seconds"):
        assert result[key] > 0, key
    kinds = {"no_change", "topic_body", "topic_title", "course", "config"}
    assert set(result["rebuild_seconds"]) == kinds
    assert all(seconds > 0 for seconds in result["rebuild_seconds"].values())
    assert all(ratio > 0 for ratio in result["rebuild_ratio"].values())
    # How MkDocs ran in each rebuild: the incremental paths are taken.
    modes = result["rebuild_mkdocs_modes"]
    assert modes["no_change"] == "none"
    assert modes["topic_body"] == modes["course"] == "dirty"
    assert modes["topic_title"] == modes["config"] == "full"
    assert result["no_change_ratio_to_bare"] > 0
    assert result["pre_mkdocs_percent_of_bare"] > 0
    assert result["total_ratio_to_bare"] > 1
    assert result["peak_memory_bytes"] > 0
    assert set(report["targets"]) >= {
        "pre_mkdocs_under_10_percent_of_bare_mkdocs",
        "cold_build_at_most_3x_bare_mkdocs_on_sample",
        "no_change_rebuild_at_most_1.3x_bare_mkdocs_on_sample",
        "one_topic_edit_at_most_0.35_of_cold_on_sample",
        "one_course_edit_at_most_0.25_of_cold_at_100x",
        "peak_memory_at_most_800_MB_at_100x",
    }
