"""``handbook excel export|import``: courses, results and annual plans through an Excel workbook.

- :mod:`.layout` declares the sheets and columns (both directions read it);
- :mod:`.vocab` the lists behind the dropdowns; :mod:`.cells` one cell's value both ways;
- :mod:`.export` writes the workbook; :mod:`.read` reads one back into drafts;
- :mod:`.canonical` writes a draft as YAML; :mod:`.locate` shows problems at their cells;
- :mod:`.import_` checks a workbook as content and writes the files.

:func:`add_commands` and :func:`run` are all the command line needs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ... import pipeline
from ...messages import CHANGE_KINDS
from ...messages import workbook as words
from ...problems import format_github, format_text
from .export import export_workbook
from .import_ import WriteError, import_workbook, replace_file

__all__ = ["add_commands", "run"]


def add_commands(sub: Any, parser: type[argparse.ArgumentParser]) -> None:
    """Add ``excel export FILE [--force]`` and ``excel import FILE [--dry-run]``."""
    help_ = words.EXCEL_HELP
    excel = sub.add_parser("excel", help=help_["excel"], description=help_["excel"])
    actions: Any = excel.add_subparsers(dest="excel_action", required=True, parser_class=parser)
    export = actions.add_parser("export", help=help_["export"], description=help_["export"])
    export.add_argument("file", type=Path, help=help_["file"])
    export.add_argument("--force", action="store_true", help=help_["force"])
    load = actions.add_parser("import", help=help_["import"], description=help_["import"])
    load.add_argument("file", type=Path, help=help_["file"])
    load.add_argument("--dry-run", action="store_true", help=help_["dry-run"])
    load.add_argument("--format", choices=("text", "github"), default="text", help=help_["format"])


def run(root: Path, args: argparse.Namespace) -> int:
    """Run ``handbook excel …``; exit 0 done, 1 mistakes found (or not written), 2 wrong path."""
    if args.excel_action == "export":
        return cmd_export(root, args.file, force=args.force)
    return cmd_import(root, args.file, dry_run=args.dry_run, fmt=args.format)


def _say(code: str, **values: object) -> str:
    return words.EXCEL_CLI[code].format(**values)


def cmd_export(root: Path, out: Path, *, force: bool = False) -> int:
    if out.suffix.lower() != ".xlsx":
        print(_say("not-xlsx", path=out), file=sys.stderr)
        return 2
    if out.is_dir():
        print(_say("is-folder", path=out), file=sys.stderr)
        return 2
    if not out.parent.is_dir():
        print(_say("no-folder", path=out.parent), file=sys.stderr)
        return 2
    if (out.exists() or out.is_symlink()) and not force:
        print(_say("exists", path=out), file=sys.stderr)
        return 2
    checked = pipeline.check(root)
    if checked.errors:
        print(format_text(checked.problems))
        print(_say("export-invalid"), file=sys.stderr)
        return 1
    data, counts = export_workbook(checked.content)
    try:
        replace_file(out, data)
    except OSError:  # on Windows, a workbook open in Excel cannot be replaced
        print(_say("write-failed", path=out), file=sys.stderr)
        return 1
    print(
        _say(
            "exported",
            path=out,
            courses=counts["courses"],
            sessions=counts["sessions"],
            audiences=counts["audiences"],
            results=counts["results"],
            annual_plans=counts["annual_plans"],
        )
    )
    return 0


def cmd_import(root: Path, workbook: Path, *, dry_run: bool, fmt: str) -> int:
    if workbook.is_dir():
        print(_say("is-folder", path=workbook), file=sys.stderr)
        return 2
    if not workbook.is_file():
        print(_say("no-file", path=workbook), file=sys.stderr)
        return 2
    try:
        outcome = import_workbook(root, workbook, file=str(workbook), dry_run=dry_run)
    except WriteError as exc:
        print(_say("import-write-failed", path=exc.path, reason=exc.reason), file=sys.stderr)
        return 1
    if outcome.problems:
        print(format_github(outcome.problems) if fmt == "github" else format_text(outcome.problems))
    if not outcome.ok:
        print(_say("refused"), file=sys.stderr)
        return 1
    for path in outcome.written:
        print(_say("would-write" if dry_run else "written", path=path))
    for kind_name, ids in outcome.kept.items():
        print(_say("kept", kind=CHANGE_KINDS[kind_name], ids=", ".join(ids)))
    counts = {"written": len(outcome.written), "unchanged": len(outcome.unchanged)}
    print(_say("dry-run", **counts) if dry_run else _say("imported", path=workbook, **counts))
    return 0
