"""The ``handbook`` command: validate, build, serve.

Exit codes: 0 success, 1 invalid content or failed build, 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import paths, pipeline
from ..content.project import CONFIG_FILE
from ..messages import SUMMARY_OK, cli_text
from ..paths import SCHEMA_DIR
from ..problems import Problem, errors, format_github, format_text
from ..site import sitebuild
from . import excel, init, scaffold, serve
from .schemas import write_schemas

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


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày {text!r} không hợp lệ (dạng 2026-03-17)") from None


STRICT_HELP = "coi mọi cảnh báo là lỗi (không tạo trang khi còn cảnh báo)"


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
    validate.add_argument("--strict", action="store_true", help=STRICT_HELP)
    build = sub.add_parser("build", help="kiểm tra rồi tạo trang web trong site/")
    build.add_argument("--format", choices=("text", "github"), default="text")
    build.add_argument("--strict", action="store_true", help=STRICT_HELP)
    # --no-strict is the old name, kept so existing scripts keep working.
    build.add_argument(
        "--allow-mkdocs-warnings",
        "--no-strict",
        dest="allow_mkdocs_warnings",
        action="store_true",
        help="vẫn tạo trang khi MkDocs cảnh báo (ví dụ liên kết hỏng)",
    )
    build.add_argument(
        "--builder",
        choices=sitebuild.BUILDERS,
        default="mkdocs",
        help="công cụ tạo trang (mặc định mkdocs; properdocs là bản kế tục của MkDocs)",
    )
    schema = sub.add_parser("schema", help="ghi JSON Schema cho các loại tệp YAML (gợi ý khi soạn)")
    schema.add_argument("--out", type=Path, default=None, help="thư mục ghi (mặc định: schemas/)")
    new = sub.add_parser("new", help="tạo tệp mới đúng mẫu với mã kế tiếp")
    new_sub = new.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    new_topic = new_sub.add_parser("topic", help="chuyên đề mới")
    new_topic.add_argument("--group", choices=("I", "II", "III", "local"), default="local")
    new_course = new_sub.add_parser("course", help="khóa học mới")
    new_course.add_argument(
        "--level", required=True, help='mã hoặc tên cấp, ví dụ xa hoặc "Cấp xã"'
    )
    new_course.add_argument(
        "--start", required=True, type=_date, help="ngày bắt đầu, dạng NĂM-THÁNG-NGÀY"
    )
    preview = sub.add_parser(
        "serve", help="xem trước, tự cập nhật khi nội dung thay đổi và hiện lỗi trong trình duyệt"
    )
    preview.add_argument(
        "--addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)"
    )
    preview.add_argument("--builder", choices=sitebuild.BUILDERS, default="mkdocs")
    excel.add_commands(sub, _Parser)
    start = sub.add_parser("init", help="tạo dự án nội dung mới cho một tỉnh")
    start.add_argument("folder", type=Path, help="thư mục mới của dự án")
    start.add_argument("--province", required=True, help='tên tỉnh, ví dụ "tỉnh Hà Tĩnh"')
    start.add_argument(
        "--levels",
        default=None,
        help="các cấp tập huấn của kế hoạch, ví dụ tinh,xa,thon (mặc định: như kế hoạch hiện hành)",
    )
    start.add_argument(
        "--requirement",
        default=None,
        help="dòng cài công cụ trong requirements.txt (mặc định: ntm-handbook==<bản đang dùng>)",
    )
    return parser


def _report(problems: Sequence[Problem], fmt: str) -> None:
    print(format_github(problems) if fmt == "github" else format_text(problems))


def _root_ok(root: Path) -> bool:
    if not (root / CONFIG_FILE).is_file():
        print(cli_text("not-a-project", name=CONFIG_FILE, root=root.resolve()), file=sys.stderr)
        return False
    return True


def cmd_validate(root: Path, fmt: str, strict: bool = False) -> int:
    checked = pipeline.check(root, strict=strict)
    if checked.problems:
        _report(checked.problems, fmt)
    if checked.errors:
        return 1
    c = checked.content
    print(
        SUMMARY_OK.format(topics=len(c.topics), audiences=len(c.audiences), courses=len(c.courses))
    )
    return 0


def cmd_build(
    root: Path, fmt: str, *, strict: bool, mkdocs_strict: bool, builder: str = "mkdocs"
) -> int:
    def waiting() -> None:
        print(cli_text("build-waiting"), file=sys.stderr, flush=True)

    result = pipeline.build(
        root, strict=strict, mkdocs_strict=mkdocs_strict, builder=builder, on_wait=waiting
    )
    site = root / paths.SITE_DIR
    if result.busy:
        print(cli_text("build-busy", site=site), file=sys.stderr)
        return 1
    if result.problems:
        _report(result.problems, fmt)
    if errors(result.problems):
        if result.mkdocs_output:
            print(result.mkdocs_output, file=sys.stderr)
        # Problems before any page was written come from validation; after, from MkDocs.
        key = "build-failed-mkdocs" if result.pages else "build-failed-validation"
        print(cli_text(key, site=site), file=sys.stderr)
        return 1
    if not result.mkdocs_ok:
        print(result.mkdocs_output, file=sys.stderr)
        print(cli_text("build-failed-mkdocs", site=site), file=sys.stderr)
        return 1
    if result.breaches:
        for breach in result.breaches:
            print(cli_text("audit-breach", page=breach.page, what=breach.what), file=sys.stderr)
        print(cli_text("build-failed-audit", site=site), file=sys.stderr)
        return 1
    print(cli_text("build-ok", site=site, pages=result.pages, seconds=result.seconds))
    if result.mkdocs_mode == "dirty":
        print(cli_text("build-mode-dirty", count=result.changed))
    elif result.mkdocs_mode == "none":
        print(cli_text("build-mode-none"))
    return 0


def cmd_schema(root: Path, out: Path | None) -> int:
    for path in write_schemas(out or root / SCHEMA_DIR):
        print(cli_text("schema-written", path=path))
    return 0


def cmd_new(root: Path, kind: str, group: str, level: str, start: datetime.date | None) -> int:
    notes: list[str] = []
    try:
        if kind == "topic":
            path = scaffold.new_topic(root, group)
        else:
            assert start is not None
            course = scaffold.new_course(root, level, start)
            path, notes = course.path, course.notes
    except scaffold.ScaffoldError as exc:
        print(f"handbook: lỗi: {exc}", file=sys.stderr)
        return 2
    for note in notes:
        print(note)
    print(cli_text("new-created", path=path.relative_to(root).as_posix()))
    return 0


def cmd_init(folder: Path, province: str, levels: str | None, requirement: str | None) -> int:
    try:
        written = init.init(folder.resolve(), province, levels, requirement=requirement)
    except init.InitError as exc:
        print(f"handbook: lỗi: {exc}", file=sys.stderr)
        return 2
    print(cli_text("init-created", province=province, path=folder, count=len(written)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``handbook`` command."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader closed the pipe (``handbook validate | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "init":
        return cmd_init(args.folder, args.province, args.levels, args.requirement)
    root: Path = args.root.resolve()
    if not _root_ok(root):
        return 2
    if args.command == "validate":
        return cmd_validate(root, args.format, args.strict)
    if args.command == "build":
        if "--no-strict" in (argv if argv is not None else sys.argv):
            print(cli_text("deprecated-no-strict"), file=sys.stderr)
        return cmd_build(
            root,
            args.format,
            strict=args.strict,
            mkdocs_strict=not args.allow_mkdocs_warnings,
            builder=args.builder,
        )
    if args.command == "schema":
        return cmd_schema(root, args.out)
    if args.command == "excel":
        return excel.run(root, args)
    if args.command == "new":
        return cmd_new(
            root,
            args.kind,
            getattr(args, "group", "local"),
            getattr(args, "level", ""),
            getattr(args, "start", None),
        )
    return serve.serve(root, args.addr, args.builder)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
