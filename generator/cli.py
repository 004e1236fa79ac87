"""The ``handbook`` command: validate, build, serve.

Exit codes: 0 success, 1 invalid content or failed build, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import pipeline, sitebuild
from .messages import SUMMARY_OK, cli_text
from .problems import Problem, format_github, format_text
from .project import CONFIG_FILE

_ARGPARSE_VI = (
    ("the following arguments are required: ", "thiếu tham số bắt buộc: "),
    ("unrecognized arguments: ", "tham số không hợp lệ: "),
    ("invalid choice: ", "lựa chọn không hợp lệ: "),
    ("choose from ", "chọn một trong "),
    ("expected one argument", "cần một giá trị"),
    ("argument ", "tham số "),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        for english, vietnamese in _ARGPARSE_VI:
            message = message.replace(english, vietnamese)
        self.print_usage(sys.stderr)
        print(f"{self.prog}: lỗi: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="handbook", description="Cẩm nang tập huấn nông thôn mới: kiểm tra và tạo trang web."
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="thư mục dự án (mặc định: thư mục hiện tại)"
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    validate = sub.add_parser("validate", help="kiểm tra nội dung YAML")
    validate.add_argument(
        "--format", choices=("text", "github"), default="text", help="định dạng báo cáo lỗi"
    )
    build = sub.add_parser("build", help="kiểm tra rồi tạo trang web trong site/")
    build.add_argument("--format", choices=("text", "github"), default="text")
    build.add_argument(
        "--no-strict", action="store_true", help="không coi cảnh báo của MkDocs là lỗi"
    )
    serve = sub.add_parser("serve", help="xem trước, tự cập nhật khi YAML thay đổi")
    serve.add_argument(
        "--addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)"
    )
    return parser


def _report(problems: Sequence[Problem], fmt: str) -> None:
    print(format_github(problems) if fmt == "github" else format_text(problems))


def _root_ok(root: Path) -> bool:
    if not (root / CONFIG_FILE).is_file():
        print(cli_text("not-a-project", name=CONFIG_FILE, root=root.resolve()), file=sys.stderr)
        return False
    return True


def cmd_validate(root: Path, fmt: str) -> int:
    checked = pipeline.check(root)
    if checked.problems:
        _report(checked.problems, fmt)
        return 1
    c = checked.content
    print(
        SUMMARY_OK.format(topics=len(c.topics), audiences=len(c.audiences), courses=len(c.courses))
    )
    return 0


def cmd_build(root: Path, fmt: str, strict: bool) -> int:
    result = pipeline.build(root, strict=strict)
    site = root / sitebuild.SITE_DIR
    if result.problems:
        _report(result.problems, fmt)
        print(cli_text("build-failed-validation", site=site), file=sys.stderr)
        return 1
    if not result.mkdocs_ok:
        print(result.mkdocs_output, file=sys.stderr)
        print(cli_text("build-failed-mkdocs", site=site), file=sys.stderr)
        return 1
    print(cli_text("build-ok", site=site, pages=result.pages, seconds=result.seconds))
    return 0


def _snapshot(root: Path) -> dict[str, float]:
    files = [root / CONFIG_FILE, *(root / "topics").rglob("*"), *(root / "content").rglob("*")]
    return {str(p): p.stat().st_mtime for p in files if p.is_file()}


def cmd_serve(root: Path, addr: str) -> int:
    """Regenerate Markdown when YAML changes; MkDocs' own server reloads the page."""
    checked = pipeline.check(root)
    if checked.catalogue is None:
        _report(checked.problems, "text")
        return 1
    pipeline.generate(root, checked)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-a",
        addr,
        "-f",
        str(root / sitebuild.GENERATED_CONFIG),
    ]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(command, cwd=root, env=env)
    print(cli_text("serve-start", addr=addr))
    seen = _snapshot(root)
    try:
        while server.poll() is None:
            time.sleep(1.0)
            now = _snapshot(root)
            if now == seen:
                continue
            seen = now
            checked = pipeline.check(root)
            if checked.catalogue is None:
                print(cli_text("serve-invalid"))
                _report(checked.problems, "text")
                continue
            sync = pipeline.generate(root, checked).sync
            print(cli_text("serve-rebuilt", changed=len(sync.written) + len(sync.removed)))
    except KeyboardInterrupt:
        print(cli_text("interrupted"))
    finally:
        server.terminate()
        server.wait()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``handbook`` command."""
    args = _parser().parse_args(argv)
    root: Path = args.root.resolve()
    if not _root_ok(root):
        return 2
    if args.command == "validate":
        return cmd_validate(root, args.format)
    if args.command == "build":
        return cmd_build(root, args.format, not args.no_strict)
    return cmd_serve(root, args.addr)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
