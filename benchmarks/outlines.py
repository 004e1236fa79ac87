"""Time to render every download (outlines, curricula, handbook PDF, calendars,
open data) cold, and again after a one-topic edit with the cache warm.

    .venv/bin/python benchmarks/outlines.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import downloads, pipeline  # noqa: E402

SOURCES = ("site_config.yml", "mkdocs.yml", "topics", "content")


def copy_sources(dest: Path) -> Path:
    for name in SOURCES:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy(src, dest / name)
    return dest


def timed(root: Path) -> tuple[float, downloads.Downloads]:
    checked = pipeline.check(root)
    assert checked.catalogue is not None, checked.problems[:3]
    started = time.perf_counter()
    result = downloads.render_downloads(checked.catalogue, root)
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cold, edit = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            root = copy_sources(Path(tmp))
            seconds, result = timed(root)
            cold.append(seconds)
            files = len(result.files)
            rendered_cold = len(result.rendered)
            topic = root / "topics" / "cd-ii-04.yml"
            topic.write_text(
                topic.read_text(encoding="utf-8").replace("reviewed:", "# sửa\nreviewed:"),
                encoding="utf-8",
            )
            text = topic.read_text(encoding="utf-8")
            topic.write_text(text.replace("gắn với", "gắn kết với", 1), encoding="utf-8")
            seconds, result = timed(root)
            edit.append(seconds)
            rendered_edit = sorted(result.rendered)
    print(f"downloads: {files} files; cached outlines rendered cold: {rendered_cold}")
    print(f"cold render, all downloads:      median {statistics.median(cold):.2f} s  {cold}")
    print(f"after editing one topic (warm):  median {statistics.median(edit):.2f} s  {edit}")
    print(f"re-rendered after the edit: {rendered_edit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
