"""Every sentence the tool says to a person, kept in one place.

Validation problems are looked up here by a short code: each code has a message
(what is wrong, quoting the bad value) and a hint (how to fix it). Both are
Vietnamese because the office that edits the YAML reads them. Placeholders use
``str.format`` names; ``text("unknown-key", key="titel", hint_suffix="")``.

Labels for fixed vocabularies (session kinds, half-days, course statuses) live
here too, so that templates and messages name things the same way.
"""

from __future__ import annotations

from typing import Final

# code -> (message, hint)
PROBLEMS: Final[dict[str, tuple[str, str]]] = {
    # --- reading files -------------------------------------------------------
    "file-encoding": (
        "Tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {position}).",
        "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8.",
    ),
    "file-too-large": (
        "Tệp quá lớn ({size} byte, tối đa {limit} byte).",
        "Tách nội dung thành nhiều tệp nhỏ hơn.",
    ),
    "file-empty": (
        "Tệp rỗng, không có nội dung.",
        "Điền nội dung theo mẫu hoặc xóa tệp nếu không dùng đến.",
    ),
    "file-not-regular": (
        "{name!r} là {kind}, không phải tệp nội dung.",
        "Đổi tên hoặc chuyển {kind} này ra khỏi thư mục nội dung.",
    ),
    "file-broken-link": (
        "{name!r} là liên kết tắt (symlink) hỏng hoặc trỏ vòng.",
        "Xóa liên kết tắt và chép tệp thật vào chỗ này.",
    ),
    "file-unreadable": (
        "Không đọc được tệp {name!r} (không có quyền đọc hoặc lỗi đĩa).",
        "Kiểm tra quyền đọc của tệp (chmod, hoặc Thuộc tính › Bảo mật trên Windows).",
    ),
    "text-control-char": (
        "Có ký tự điều khiển {char} không hiển thị được.",
        "Xóa ký tự này (thường do dán từ phần mềm khác); gõ lại đoạn văn bản nếu cần.",
    ),
    "text-multiline": (
        "Giá trị {value!r} phải nằm trên một dòng.",
        "Viết trên một dòng; nếu cần xuống dòng trong tệp, dùng dạng '>-' để các dòng "
        "được nối lại thành một.",
    ),
    "yaml-syntax": (
        "Lỗi cú pháp YAML: {detail}.",
        "Kiểm tra thụt lề (chỉ dùng dấu cách, không dùng Tab), dấu hai chấm sau tên trường "
        "và dấu ngoặc kép đóng mở đủ cặp.",
    ),
    "yaml-colon-space": (
        "Lỗi cú pháp YAML: {detail}.",
        "Viết 'tên: giá trị' với một dấu cách sau dấu hai chấm, ví dụ 'start: 2026-03-17'.",
    ),
    "yaml-colon-in-value": (
        "Lỗi cú pháp YAML: {detail}.",
        'Giá trị có chứa ": " phải đặt trong dấu ngoặc kép, ví dụ title: "Lớp 1: Tổng quan"; '
        "nếu không, kiểm tra thụt lề của dòng này.",
    ),
    "yaml-unclosed-quote": (
        "Lỗi cú pháp YAML: {detail}.",
        "Dấu ngoặc kép (hoặc ngoặc đơn) mở ở đây phải được đóng ở cuối giá trị.",
    ),
    "yaml-text-after-quote": (
        "Lỗi cú pháp YAML: {detail}.",
        "Đặt cả giá trị trong một cặp ngoặc kép, ví dụ title: \"Lớp 'A' mở rộng\"; "
        "hoặc bỏ dấu ngoặc ở đầu giá trị.",
    ),
    "yaml-indent": (
        "Lỗi cú pháp YAML: {detail}.",
        "Các trường cùng cấp phải thẳng cột; mỗi cấp lùi vào 2 dấu cách.",
    ),
    "yaml-flow": (
        "Lỗi cú pháp YAML: {detail}.",
        "Đóng ngoặc trên cùng dòng, ví dụ 'levels: [tinh, xa]', và ngăn các phần tử bằng dấu phẩy.",
    ),
    "yaml-escape": (
        "Lỗi cú pháp YAML: {detail}.",
        "Trong ngoặc kép, dấu '\\' phải viết hai lần; hoặc dùng ngoặc đơn '...'.",
    ),
    "yaml-special-start": (
        "Lỗi cú pháp YAML: {detail}.",
        'Đặt cả giá trị trong dấu ngoặc kép, ví dụ "@ Hội trường xã".',
    ),
    "yaml-tag-syntax": (
        "Lỗi cú pháp YAML: {detail}.",
        "Giá trị bắt đầu bằng dấu '!' phải đặt trong ngoặc kép, ví dụ \"!Quan trọng\".",
    ),
    "yaml-too-deep": (
        "Nội dung lồng nhau quá sâu (hơn {limit} cấp).",
        "Xem tệp mẫu cùng loại; nội dung chỉ lồng vài cấp.",
    ),
    "yaml-recursive-alias": (
        "Bí danh *{name} trỏ vào chính phần nội dung chứa nó.",
        "Không dùng neo và bí danh YAML (& và *); viết nội dung trực tiếp.",
    ),
    "yaml-tab": (
        "Dùng ký tự Tab để thụt lề.",
        "YAML chỉ chấp nhận dấu cách để thụt lề; thay mỗi Tab bằng 2 dấu cách.",
    ),
    "yaml-multiple-documents": (
        "Tệp chứa nhiều tài liệu YAML (có dòng '---' ở giữa).",
        "Mỗi tệp chỉ chứa một tài liệu; tách phần sau dấu '---' sang tệp khác.",
    ),
    "yaml-duplicate-key": (
        "Trường {key!r} xuất hiện hai lần (lần đầu ở dòng {first_line}).",
        "Xóa một trong hai dòng hoặc gộp nội dung lại.",
    ),
    "yaml-bad-key": (
        "Tên trường {key!r} không hợp lệ.",
        "Tên trường phải là chữ, ví dụ 'title:'.",
    ),
    "yaml-tag": (
        "Thẻ YAML {tag!r} không được phép.",
        "Xóa thẻ bắt đầu bằng '!'; nội dung chỉ dùng văn bản, số, ngày, danh sách.",
    ),
    "yaml-bad-date": (
        "Ngày {value!r} không tồn tại.",
        "Kiểm tra lại ngày và tháng; ngày viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-05-10.",
    ),
    "yaml-too-complex": (
        "Tệp có quá nhiều phần tử (hơn {limit}), có thể do bí danh (alias) lồng nhau.",
        "Không dùng neo và bí danh YAML (& và *); viết nội dung trực tiếp.",
    ),
    # --- shape of a file -----------------------------------------------------
    "file-not-mapping": (
        "Tệp phải là một nhóm trường (tên: giá trị), không phải {kind}.",
        "Mỗi dòng cấp ngoài cùng có dạng 'tên_trường: giá trị', không bắt đầu bằng '- '. "
        "Xem tệp mẫu cùng loại.",
    ),
    "missing-field": (
        "Thiếu trường bắt buộc {field!r}.",
        "Thêm dòng '{field}: ...' vào {where}.",
    ),
    "unknown-key": (
        "Trường {name!r} không có trong mẫu.",
        "{suggestion}Các trường hợp lệ: {allowed}.",
    ),
    "wrong-type-text": (
        "Giá trị {value!r} phải là văn bản.",
        'Đặt giá trị trong dấu ngoặc kép, ví dụ "...".',
    ),
    "wrong-type-int": (
        "Giá trị {value!r} phải là số nguyên.",
        "Viết số không có dấu chấm hay chữ, ví dụ 40.",
    ),
    "wrong-type-number": (
        "Giá trị {value!r} phải là số.",
        "Viết số, ví dụ 80 hoặc 82.5.",
    ),
    "wrong-type-bool": (
        "Giá trị {value!r} phải là true hoặc false.",
        "Viết true (có) hoặc false (không).",
    ),
    "wrong-type-list": (
        "Giá trị {value!r} phải là một danh sách.",
        "Mỗi phần tử viết trên một dòng, bắt đầu bằng '- '.",
    ),
    "wrong-type-mapping": (
        "Giá trị {value!r} phải là một nhóm trường (tên: giá trị).",
        "Xem tệp mẫu cùng loại để biết các trường cần có.",
    ),
    "wrong-date": (
        "Giá trị {value!r} không phải là ngày hợp lệ.",
        "Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-05-10.",
    ),
    "wrong-choice": (
        "Giá trị {value!r} không nằm trong danh sách cho phép.",
        "{suggestion}Chọn một trong: {allowed}.",
    ),
    "wrong-id": (
        "Mã {value!r} không đúng quy tắc.",
        "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ 'cd-i-01'.",
    ),
    "wrong-url": (
        "Địa chỉ {value!r} không hợp lệ.",
        "Viết địa chỉ trang web bắt đầu bằng https://, chỉ gồm tên miền và đường dẫn "
        "(không dấu cách, ngoặc kép, dấu < >, dấu ? hay #), ví dụ https://ntm.tinh.gov.vn/.",
    ),
    "reserved-file-name": (
        "Tên tệp {name!r} là tên dành riêng của Windows.",
        "Windows không tạo được tệp tên con, prn, aux, nul, com1…, lpt1… (với bất kỳ đuôi nào); "
        "đổi tên tệp.",
    ),
    "reserved-name": (
        "Mã {value!r} trùng với tên tệp dành riêng của Windows.",
        "Windows không tạo được tệp tên con, prn, aux, nul, com1…, lpt1…; chọn mã khác.",
    ),
    "wrong-page-name": (
        "Tên trang {value!r} không hợp lệ.",
        "Ghi tên tệp trong content/pages/, chữ thường không dấu, kết thúc bằng .md, "
        "ví dụ ke-hoach.md.",
    ),
    "wrong-time": (
        "Giờ {value!r} không hợp lệ.",
        'Viết giờ theo dạng GIỜ:PHÚT (24 giờ), trong ngoặc kép, ví dụ "07:30".',
    ),
    "too-short": (
        "Danh sách hoặc văn bản {value!r} quá ngắn (cần ít nhất {min}).",
        "Bổ sung nội dung cho trường này.",
    ),
    "too-long": (
        "Giá trị quá dài (tối đa {max}).",
        "Rút gọn nội dung hoặc chuyển phần chi tiết sang trang Markdown.",
    ),
    "too-small": (
        "Giá trị {value!r} quá nhỏ (phải {op} {limit}).",
        "Kiểm tra lại con số.",
    ),
    "too-large": (
        "Giá trị {value!r} quá lớn (phải {op} {limit}).",
        "Kiểm tra lại con số.",
    ),
    "placeholder": (
        "Trường vẫn còn nội dung mẫu {value!r}.",
        "Thay cả đoạn [CẦN ĐIỀN: …] bằng nội dung thật.",
    ),
    "invalid-value": (
        "Giá trị {value!r} không hợp lệ.",
        "Xem tệp mẫu cùng loại để biết cách viết trường này.",
    ),
    # --- across files --------------------------------------------------------
    "duplicate-id": (
        "Mã {id!r} đã được dùng ở {other}.",
        "Mỗi {kind} cần một mã riêng; đổi mã ở một trong hai nơi.",
    ),
    "unknown-ref": (
        "Không có {kind} nào mang mã {value!r}.",
        "{suggestion}Các mã hiện có: {allowed}.",
    ),
    "file-name-id": (
        "Tên tệp {name!r} không khớp với mã {id!r}.",
        "Đổi tên tệp thành '{id}.yml' để dễ tìm.",
    ),
    "level-not-valid": (
        "Cấp {level!r} không còn hiệu lực vào ngày {day} (hiệu lực {validity}).",
        "Sau khi một cấp hành chính kết thúc, khóa học phải do cấp khác tổ chức; "
        "kiểm tra lại cấp hoặc ngày.",
    ),
    "end-before-start": (
        "Ngày kết thúc {end} trước ngày bắt đầu {start}.",
        "Đổi lại ngày bắt đầu hoặc ngày kết thúc.",
    ),
    "session-outside-course": (
        "Buổi học ngày {day} nằm ngoài thời gian khóa học ({start} – {end}).",
        "Sửa ngày của buổi học hoặc thời gian của khóa học.",
    ),
    "session-twice": (
        "Buổi {half} ngày {day} được xếp hai lần (lần đầu ở dòng {first_line}).",
        "Mỗi buổi sáng hoặc chiều chỉ xếp một nội dung; đổi ngày hoặc buổi.",
    ),
    "course-too-short": (
        "Khóa học chỉ có {days} ngày học, kế hoạch yêu cầu ít nhất {min} ngày.",
        "Thêm buổi học vào ngày khác hoặc ghi rõ lý do trong kế hoạch.",
    ),
    "course-no-practice": (
        "Khóa học có {count} buổi {kinds}, kế hoạch yêu cầu ít nhất {min}.",
        "Thêm buổi với loại 'khao_sat' (khảo sát thực tế) hoặc 'thuc_hanh' (thực hành).",
    ),
    "course-no-sessions": (
        "Khóa học chưa có buổi học nào.",
        "Thêm danh sách 'sessions:' với ngày, buổi, chuyên đề, loại và giảng viên.",
    ),
    "actual-not-held": (
        "Khóa học có trạng thái {status!r} nhưng đã ghi số học viên thực tế.",
        "Chỉ ghi 'actual' khi khóa học đã tổ chức (status: held).",
    ),
    "actual-missing": (
        "Khóa học đã tổ chức nhưng thiếu số học viên thực tế cho đối tượng {audience!r}.",
        "Thêm 'actual: <số người>' cho đối tượng này.",
    ),
    "new-exceeds-actual": (
        "Số người học lần đầu ({new}) lớn hơn số học viên thực tế ({actual}).",
        "'new_persons' là số người lần đầu được tập huấn, không thể lớn hơn 'actual'.",
    ),
    "held-in-future": (
        "Khóa học ghi đã tổ chức nhưng kết thúc ngày {end}, sau ngày số liệu {as_of}.",
        "Đổi trạng thái thành 'planned' hoặc cập nhật 'data_as_of' trong site_config.yml.",
    ),
    "audience-level-mismatch": (
        "Đối tượng {audience!r} thuộc {level!r}, không nằm trong các cấp của chuyên đề ({levels}).",
        "Thêm cấp vào 'levels' hoặc bỏ đối tượng khỏi 'audiences'.",
    ),
    "audience-twice": (
        "Đối tượng {audience!r} được ghi hai lần trong khóa học.",
        "Gộp số học viên vào một dòng.",
    ),
    "group-count": (
        "Nhóm {group} có {count} chuyên đề, khung chương trình quy định {expected}.",
        "Kiểm tra lại trường 'group' của các chuyên đề; chuyên đề địa phương dùng 'group: local'.",
    ),
    "topic-number-twice": (
        "Số thứ tự {number} của nhóm {group} đã dùng cho {other}.",
        "Mỗi chuyên đề trong một nhóm cần một số thứ tự riêng.",
    ),
    "status-group-mismatch": (
        "Chuyên đề có trạng thái {status!r} nhưng thuộc nhóm {group!r}.",
        "Chuyên đề địa phương dùng 'group: local' và 'status: local'; "
        "chuyên đề của khung dùng 'attested' hoặc 'drafted'.",
    ),
    "denominator-twice": (
        "Đã có số người cần tập huấn cho {level!r} – {group!r} (dòng {first_line}).",
        "Mỗi cặp cấp – nhóm đối tượng chỉ ghi một lần.",
    ),
    "level-dates": (
        "Cấp {level!r} có ngày kết thúc hiệu lực {until} trước ngày bắt đầu {since}.",
        "Sửa 'valid_from' hoặc 'valid_until'.",
    ),
    "period-order": (
        "Kỳ kế hoạch kết thúc ({end}) trước khi bắt đầu ({start}).",
        "Sửa 'plan.period'.",
    ),
    "missing-file": (
        "Thiếu tệp bắt buộc {name!r}.",
        "Tạo tệp theo mẫu trong README.",
    ),
    "no-topics": (
        "Thư mục {folder!r} không có chuyên đề nào.",
        "Mỗi chuyên đề là một tệp .yml trong thư mục topics/.",
    ),
    "front-matter-missing": (
        "Thiếu phần đầu (front matter) giữa hai dòng '---', hoặc thiếu dòng '---' đóng.",
        "Mở đầu tệp bằng '---', các dòng 'title: ...' (bản tin thêm 'date: NĂM-THÁNG-NGÀY'), "
        "rồi một dòng '---'.",
    ),
    "mkdocs-config": (
        "Không đọc được mkdocs.yml: {detail}.",
        "Sửa mkdocs.yml theo tệp mẫu của dự án; các phần mở rộng Markdown phải được cài đặt.",
    ),
    "page-broken-link": (
        "Liên kết {target!r} không dẫn tới trang nào của trang web.",
        "Kiểm tra tên tệp trong liên kết (ví dụ 'ke-hoach.md', 'hoi-dap.md#muc') "
        "hoặc dùng địa chỉ đầy đủ bắt đầu bằng https://.",
    ),
    "page-broken-anchor": (
        "Liên kết {target!r} trỏ tới mục không có trong trang.",
        "Mục (#...) là tên tiêu đề viết thường, không dấu, nối bằng dấu gạch ngang; "
        "xem địa chỉ khi bấm vào biểu tượng ¶ cạnh tiêu đề.",
    ),
    "news-file-name": (
        "Tên tệp bản tin {name!r} không bắt đầu bằng ngày của bản tin ({day}).",
        "Đặt tên tệp theo dạng {day}-ten-ban-tin.md để bản tin được sắp xếp đúng.",
    ),
    "page-unsafe": (
        "Trang chứa {what}, không được phép trên trang công khai.",
        "Trang chỉ dùng tiêu đề, đoạn văn, danh sách, bảng, chữ đậm/nghiêng, mã, trích dẫn, "
        "hộp ghi chú, hình ảnh trong thư mục của trang và liên kết tới trang này hoặc "
        "https:, mailto:, tel:. Không dùng <script>, <iframe>, <style>, <form>, thuộc tính "
        "on...=, style=, liên kết javascript:/data: hay tài nguyên từ trang khác.",
    ),
    "file-outside": (
        "Tệp {name!r} trỏ ra ngoài thư mục dự án.",
        "Chép nội dung vào thư mục content/pages/ thay vì dùng liên kết tắt (symlink).",
    ),
    "page-outside": (
        "Trang {name!r} có tên trùng với trang do hệ thống tạo.",
        "Đổi tên tệp trong content/pages/.",
    ),
}

# Summary lines printed after a report.
SUMMARY_OK: Final = (
    "Nội dung hợp lệ: {topics} chuyên đề, {audiences} đối tượng, {courses} khóa học."
)
SUMMARY_ERRORS: Final = "{errors} lỗi trong {files} tệp."
HINT_PREFIX: Final = "gợi ý"
DID_YOU_MEAN: Final = "Có phải ý bạn là {candidate!r}? "

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
    "schema-written": "Đã ghi {path}",
    "new-created": "Đã tạo {path}. Điền các chỗ [CẦN ĐIỀN: …] rồi chạy: handbook validate",
}

# Vocabulary shown to readers.
SESSION_KINDS: Final[dict[str, str]] = {
    "ly_thuyet": "Lý thuyết",
    "thao_luan": "Thảo luận",
    "khao_sat": "Khảo sát thực tế",
    "thuc_hanh": "Thực hành",
    "tham_quan": "Tham quan học tập",
}
HALF_DAYS: Final[dict[str, str]] = {"sang": "Sáng", "chieu": "Chiều"}
COURSE_STATUSES: Final[dict[str, str]] = {
    "planned": "Dự kiến",
    "held": "Đã tổ chức",
    "cancelled": "Đã hủy",
}
TOPIC_STATUSES: Final[dict[str, str]] = {
    "attested": "Tên chuyên đề đã đối chiếu",
    "drafted": "Tiêu đề dự thảo, chưa đối chiếu văn bản gốc",
    "local": "Chuyên đề bổ sung của địa phương",
}
MONTHS: Final[dict[int, str]] = {m: f"Tháng {m}" for m in range(1, 13)}


def problem_text(code: str, **values: object) -> tuple[str, str]:
    """Return the (message, hint) pair for a problem code, filled in.

    >>> problem_text("file-empty")[0]
    'Tệp rỗng, không có nội dung.'
    """
    message, hint = PROBLEMS[code]
    return message.format(**values), hint.format(**values)


def cli_text(code: str, **values: object) -> str:
    """Return a command-line message, filled in."""
    return CLI[code].format(**values)
