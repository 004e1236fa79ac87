"""What the command line says to the person running it."""

from __future__ import annotations

from typing import Final

# Command-line messages.
CLI: Final[dict[str, str]] = {
    "build-ok": "Đã tạo trang web trong {site} ({pages} trang Markdown, {seconds:.1f} giây).",
    "build-mode-dirty": "Chỉ dựng lại {count} tệp đã thay đổi; các trang khác giữ như lần trước.",
    "build-mode-none": "Nội dung không đổi so với lần trước: không cần dựng lại trang nào.",
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
        "Đang xem trước tại {url} — sửa nội dung là trang tự cập nhật (Ctrl+C để dừng)."
    ),
    "serve-building": "Đang tạo trang xem trước…",
    "serve-changed": "Nội dung thay đổi, đang tạo lại…",
    "serve-rebuilt": "Đã cập nhật trang xem trước ({pages} trang, {seconds:.1f} giây).",
    "serve-invalid": (
        "Nội dung có {count} lỗi; trình duyệt đang hiện danh sách lỗi thay cho trang web."
    ),
    "serve-addr": "Địa chỉ {addr!r} không hợp lệ; viết dạng 127.0.0.1:8000.",
    "serve-port-busy": (
        "Không mở được {addr} ({reason}). Cổng có thể đang được dùng; thử --addr 127.0.0.1:8001."
    ),
    "interrupted": "Đã dừng.",
    "deprecated-no-strict": (
        "Lưu ý: --no-strict nay có tên --allow-mkdocs-warnings; --strict là coi cảnh báo "
        "nội dung là lỗi."
    ),
    "schema-written": "Đã ghi {path}",
    "new-created": "Đã tạo {path}. Điền các chỗ [CẦN ĐIỀN: …] rồi chạy: handbook validate",
    "new-no-config": (
        "Chưa đọc được site_config.yml nên chưa biết các cấp và đối tượng; "
        "sửa lỗi trong tệp này trước (chạy: handbook validate)."
    ),
    "new-level-unknown": ("Không có cấp {level!r}. Các cấp dùng được ngày {start}: {valid}."),
    "new-level-ended": (
        "{name} chỉ có đến hết ngày {until} nên không tạo khóa học bắt đầu ngày {start} được. "
        "Các cấp dùng được ngày {start}: {valid}."
    ),
    "new-level-not-yet": (
        "{name} chỉ có từ {since} nên không tạo khóa học bắt đầu ngày {start} được. "
        "Các cấp dùng được ngày {start}: {valid}."
    ),
    "new-level-not-in-plan": ("{plan} không tập huấn {name}. Các cấp của kế hoạch: {valid}."),
    "new-outside-plans": (
        "Lưu ý: ngày {start} không thuộc kế hoạch nào ({plans}); khóa học sẽ được ghi là "
        "ngoài kế hoạch."
    ),
    "init-created": (
        "Đã tạo dự án cho {province} trong {path} ({count} tệp). Tiếp theo:\n"
        "  cd {path}\n"
        "  handbook validate\n"
        "  handbook serve\n"
        "Đọc README.md: cần điền gì trước (địa chỉ trang, kế hoạch, số người cần tập huấn)."
    ),
    "init-not-empty": "Thư mục {path} đã có tệp; chọn một thư mục mới hoặc trống.",
    "init-is-file": "{path} là một tệp, không phải thư mục; chọn một thư mục mới hoặc trống.",
    "init-cannot-create": (
        "Không tạo được dự án trong {path} ({reason}). Kiểm tra đường dẫn (thư mục cha phải là "
        "thư mục, không phải tệp) và quyền ghi, hoặc chọn thư mục khác."
    ),
    "init-province-char": (
        "Tên tỉnh có ký tự điều khiển {char} không hiển thị được; gõ lại tên tỉnh."
    ),
    "init-province-long": 'Tên tỉnh dài quá {limit} ký tự; ghi tên ngắn gọn, ví dụ "tỉnh Hà Tĩnh".',
    "init-no-province": 'Cần tên tỉnh, ví dụ --province "tỉnh Hà Tĩnh".',
    "init-no-levels": "Cần ít nhất một cấp tập huấn, ví dụ --levels tinh,xa,thon.",
    "init-level-unknown": "Không có cấp {level!r}. Các cấp: {known}.",
    "init-level-ended": (
        "Cấp {level!r} không còn hiệu lực từ ngày {date}. Các cấp dùng được hôm nay: {valid}."
    ),
    "init-level-not-yet": (
        "Cấp {level!r} chỉ có hiệu lực từ ngày {date}. Các cấp dùng được hôm nay: {valid}."
    ),
    "init-config-header": (
        "# Cài đặt trang cẩm nang tập huấn của {province},\n"
        "# tạo bằng lệnh handbook init ngày {date}.\n"
        "# Sửa site_url thành địa chỉ thật của trang, điền khối documents (cơ quan ban hành,\n"
        "# người ký) và đặt sample_data: false khi kế hoạch và số liệu đã là số liệu thật.\n"
    ),
    "init-sample-notice": (
        "Trang đang được xây dựng: kế hoạch, chỉ tiêu và số liệu chưa phải bản chính thức "
        "của {province}."
    ),
    "init-plan-issuer": "Ban Chỉ đạo các chương trình mục tiêu quốc gia {province}",
    "init-plan-denominator-source": (
        "chưa có số liệu: thay 0 bằng số người cần tập huấn của từng cấp và nhóm đối tượng"
    ),
    "init-plan-note": (
        "Bản khung do lệnh handbook init tạo ngày {date}: chưa có số và ngày ban hành (thêm "
        "number và date khi kế hoạch được ban hành), cơ quan ban hành và số người cần tập huấn "
        "chưa phải của kế hoạch thật; chỉ tiêu và danh mục chuyên đề lấy theo khung chương "
        "trình. Sửa theo kế hoạch đã ban hành rồi xóa ghi chú này."
    ),
    "init-requirements": (
        "# Phiên bản công cụ handbook dùng cho dự án này; mọi máy và CI cài đúng bản này.\n"
        "# Nâng cấp: đổi số phiên bản, chạy python -m pip install -r requirements.txt,\n"
        "# rồi handbook validate và handbook build trước khi gửi lên.\n"
        "{requirement}\n"
    ),
}


# The page `handbook serve` shows instead of the site while the content has errors.
PREVIEW_PAGE: Final[dict[str, str]] = {
    "title": "Nội dung có lỗi — trang xem trước chưa cập nhật",
    "lead": (
        "Sửa các lỗi dưới đây rồi lưu tệp; trang này tự thay bằng trang web ngay khi "
        "nội dung hợp lệ. Trang web đã xuất bản không bị ảnh hưởng."
    ),
    "errors": "{count} lỗi",
    "warnings": "{count} cảnh báo (không chặn việc tạo trang)",
    "hint": "Gợi ý",
    "mkdocs": "MkDocs không tạo được trang",
    "audit": "Trang tạo ra có mã có thể chạy trên máy người đọc nên chưa hiển thị",
    "crash": "Công cụ gặp lỗi không lường trước ({kind}). Hãy báo cho nhóm phát triển.",
    "busy": "Một lần tạo trang khác đang chạy trong thư mục này quá lâu; lưu lại tệp để thử lại.",
}


# Why mkdocs.yml could not be used to render pages.
MKDOCS_CONFIG_DETAILS: Final[dict[str, str]] = {
    "extension": "chưa cài phần mở rộng Markdown {name!r}",
    "other": "tệp hoặc phần mở rộng Markdown có lỗi ({kind})",
}


def cli_text(code: str, **values: object) -> str:
    """Return a command-line message, filled in."""
    return CLI[code].format(**values)
