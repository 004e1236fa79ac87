"""What the command line says to the person running it."""

from __future__ import annotations

from typing import Final

# Command-line messages.
CLI: Final[dict[str, str]] = {
    "build-ok": "Đã tạo trang web trong {site} ({pages} trang Markdown, {seconds:.1f} giây).",
    "build-failed-validation": (
        "Chưa tạo trang web vì nội dung có lỗi; trang cũ trong {site} giữ nguyên."
    ),
    "build-failed-mkdocs": "MkDocs báo lỗi khi tạo trang web; trang cũ trong {site} giữ nguyên.",
    "build-failed-audit": (
        "Trang web vừa tạo có mã có thể chạy trên máy người đọc; chưa xuất bản, "
        "trang cũ trong {site} giữ nguyên. Hãy báo cho nhóm phát triển kèm các dòng trên."
    ),
    "audit-breach": "site/{page}: {what}",
    "build-waiting": "Một lần tạo trang khác đang chạy trong thư mục này; đang chờ nó xong…",
    "build-busy": (
        "Lần tạo trang khác vẫn đang chạy sau 15 phút; chưa tạo trang, {site} giữ nguyên. "
        "Thử lại sau."
    ),
    "not-a-project": "Không tìm thấy {name} trong {root}. Chạy lệnh trong thư mục dự án "
    "hoặc dùng --root.",
    "serve-start": (
        "Đang xem trước tại http://{addr}/ — sửa YAML là trang tự cập nhật (Ctrl+C để dừng)."
    ),
    "serve-rebuilt": "Đã cập nhật {changed} trang sau khi nội dung thay đổi.",
    "serve-invalid": "Nội dung có lỗi, trang xem trước giữ bản trước:",
    "interrupted": "Đã dừng.",
    "deprecated-no-strict": (
        "Lưu ý: --no-strict nay có tên --allow-mkdocs-warnings; --strict là coi cảnh báo "
        "nội dung là lỗi."
    ),
    "schema-written": "Đã ghi {path}",
    "new-created": "Đã tạo {path}. Điền các chỗ [CẦN ĐIỀN: …] rồi chạy: handbook validate",
}


# Why mkdocs.yml could not be used to render pages.
MKDOCS_CONFIG_DETAILS: Final[dict[str, str]] = {
    "extension": "chưa cài phần mở rộng Markdown {name!r}",
    "other": "tệp hoặc phần mở rộng Markdown có lỗi ({kind})",
}


def cli_text(code: str, **values: object) -> str:
    """Return a command-line message, filled in."""
    return CLI[code].format(**values)
