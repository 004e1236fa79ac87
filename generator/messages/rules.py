"""The rule catalogue: every problem the tool can report, as data.

Each rule has a code, a message (what is wrong, quoting the bad value), a hint
(how to fix it) and a severity: an ``error`` stops the build; a ``warning`` is
printed (and annotated on a pull request) but the site is still published,
unless ``--strict`` is given or the configuration raises it to an error
(``rules:`` in ``site_config.yml``). Both texts are Vietnamese because the
office that edits the content reads them; placeholders use ``str.format`` names.
"""

from __future__ import annotations

from typing import Final

from .planrules import PLAN_RULES
from .rule import Rule, Severity
from .workbook import WORKBOOK_RULES

__all__ = ["RULES", "Rule", "Severity", "problem_text"]

_CONTENT_RULES: Final[dict[str, Rule]] = {
    # --- reading files -------------------------------------------------------
    "file-encoding": Rule(
        "Tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {position}).",
        "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8.",
    ),
    "file-too-large": Rule(
        "Tệp quá lớn ({size} byte, tối đa {limit} byte).",
        "Tách nội dung thành nhiều tệp nhỏ hơn.",
    ),
    "file-empty": Rule(
        "Tệp rỗng, không có nội dung.",
        "Điền nội dung theo mẫu hoặc xóa tệp nếu không dùng đến.",
    ),
    "file-not-regular": Rule(
        "{name!r} là {kind}, không phải tệp nội dung.",
        "Đổi tên hoặc chuyển {kind} này ra khỏi thư mục nội dung.",
    ),
    "file-broken-link": Rule(
        "{name!r} là liên kết tắt (symlink) hỏng hoặc trỏ vòng.",
        "Xóa liên kết tắt và chép tệp thật vào chỗ này.",
    ),
    "file-unreadable": Rule(
        "Không đọc được tệp {name!r} (không có quyền đọc hoặc lỗi đĩa).",
        "Kiểm tra quyền đọc của tệp (chmod, hoặc Thuộc tính › Bảo mật trên Windows).",
    ),
    "text-control-char": Rule(
        "Có ký tự điều khiển {char} không hiển thị được.",
        "Xóa ký tự này (thường do dán từ phần mềm khác); gõ lại đoạn văn bản nếu cần.",
    ),
    "text-multiline": Rule(
        "Giá trị {value!r} phải nằm trên một dòng.",
        "Viết trên một dòng; nếu cần xuống dòng trong tệp, dùng dạng '>-' để các dòng "
        "được nối lại thành một.",
    ),
    "yaml-syntax": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Kiểm tra thụt lề (chỉ dùng dấu cách, không dùng Tab), dấu hai chấm sau tên trường "
        "và dấu ngoặc kép đóng mở đủ cặp.",
    ),
    "yaml-colon-space": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Viết 'tên: giá trị' với một dấu cách sau dấu hai chấm, ví dụ 'start: 2026-03-17'.",
    ),
    "yaml-colon-in-value": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        'Giá trị có chứa ": " phải đặt trong dấu ngoặc kép, ví dụ title: "Lớp 1: Tổng quan"; '
        "nếu không, kiểm tra thụt lề của dòng này.",
    ),
    "yaml-unclosed-quote": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Dấu ngoặc kép (hoặc ngoặc đơn) mở ở đây phải được đóng ở cuối giá trị.",
    ),
    "yaml-text-after-quote": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Đặt cả giá trị trong một cặp ngoặc kép, ví dụ title: \"Lớp 'A' mở rộng\"; "
        "hoặc bỏ dấu ngoặc ở đầu giá trị.",
    ),
    "yaml-indent": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Các trường cùng cấp phải thẳng cột; mỗi cấp lùi vào 2 dấu cách.",
    ),
    "yaml-flow": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Đóng ngoặc trên cùng dòng, ví dụ 'levels: [tinh, xa]', và ngăn các phần tử bằng dấu phẩy.",
    ),
    "yaml-escape": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Trong ngoặc kép, dấu '\\' phải viết hai lần; hoặc dùng ngoặc đơn '...'.",
    ),
    "yaml-special-start": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        'Đặt cả giá trị trong dấu ngoặc kép, ví dụ "@ Hội trường xã".',
    ),
    "yaml-tag-syntax": Rule(
        "Lỗi cú pháp YAML: {detail}.",
        "Giá trị bắt đầu bằng dấu '!' phải đặt trong ngoặc kép, ví dụ \"!Quan trọng\".",
    ),
    "yaml-too-deep": Rule(
        "Nội dung lồng nhau quá sâu (hơn {limit} cấp).",
        "Xem tệp mẫu cùng loại; nội dung chỉ lồng vài cấp.",
    ),
    "yaml-recursive-alias": Rule(
        "Bí danh *{name} trỏ vào chính phần nội dung chứa nó.",
        "Không dùng neo và bí danh YAML (& và *); viết nội dung trực tiếp.",
    ),
    "yaml-tab": Rule(
        "Dùng ký tự Tab để thụt lề.",
        "YAML chỉ chấp nhận dấu cách để thụt lề; thay mỗi Tab bằng 2 dấu cách.",
    ),
    "yaml-multiple-documents": Rule(
        "Tệp chứa nhiều tài liệu YAML (có dòng '---' ở giữa).",
        "Mỗi tệp chỉ chứa một tài liệu; tách phần sau dấu '---' sang tệp khác.",
    ),
    "yaml-duplicate-key": Rule(
        "Trường {key!r} xuất hiện hai lần (lần đầu ở dòng {first_line}).",
        "Xóa một trong hai dòng hoặc gộp nội dung lại.",
    ),
    "yaml-bad-key": Rule(
        "Tên trường {key!r} không hợp lệ.",
        "Tên trường phải là chữ, ví dụ 'title:'.",
    ),
    "yaml-tag": Rule(
        "Thẻ YAML {tag!r} không được phép.",
        "Xóa thẻ bắt đầu bằng '!'; nội dung chỉ dùng văn bản, số, ngày, danh sách.",
    ),
    "yaml-bad-date": Rule(
        "Ngày {value!r} không tồn tại.",
        "Kiểm tra lại ngày và tháng; ngày viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-05-10.",
    ),
    "yaml-too-complex": Rule(
        "Tệp có quá nhiều phần tử (hơn {limit}), có thể do bí danh (alias) lồng nhau.",
        "Không dùng neo và bí danh YAML (& và *); viết nội dung trực tiếp.",
    ),
    # --- shape of a file -----------------------------------------------------
    "file-not-mapping": Rule(
        "Tệp phải là một nhóm trường (tên: giá trị), không phải {kind}.",
        "Mỗi dòng cấp ngoài cùng có dạng 'tên_trường: giá trị', không bắt đầu bằng '- '. "
        "Xem tệp mẫu cùng loại.",
    ),
    "missing-field": Rule(
        "Thiếu trường bắt buộc {field!r}.",
        "Thêm dòng '{field}: ...' vào {where}.",
    ),
    "unknown-key": Rule(
        "Trường {name!r} không có trong mẫu.",
        "{suggestion}Các trường hợp lệ: {allowed}.",
    ),
    "wrong-type-text": Rule(
        "Giá trị {value!r} phải là văn bản.",
        'Đặt giá trị trong dấu ngoặc kép, ví dụ "...".',
    ),
    "wrong-type-int": Rule(
        "Giá trị {value!r} phải là số nguyên.",
        "Viết số không có dấu chấm hay chữ, ví dụ 40.",
    ),
    "wrong-type-number": Rule(
        "Giá trị {value!r} phải là số.",
        "Viết số, ví dụ 80 hoặc 82.5.",
    ),
    "wrong-type-bool": Rule(
        "Giá trị {value!r} phải là true hoặc false.",
        "Viết true (có) hoặc false (không).",
    ),
    "wrong-type-list": Rule(
        "Giá trị {value!r} phải là một danh sách.",
        "Mỗi phần tử viết trên một dòng, bắt đầu bằng '- '.",
    ),
    "wrong-type-mapping": Rule(
        "Giá trị {value!r} phải là một nhóm trường (tên: giá trị).",
        "Xem tệp mẫu cùng loại để biết các trường cần có.",
    ),
    "wrong-date": Rule(
        "Giá trị {value!r} không phải là ngày hợp lệ.",
        "Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-05-10.",
    ),
    "wrong-choice": Rule(
        "Giá trị {value!r} không nằm trong danh sách cho phép.",
        "{suggestion}Chọn một trong: {allowed}.",
    ),
    "wrong-id": Rule(
        "Mã {value!r} không đúng quy tắc.",
        "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ 'cd-i-01'.",
    ),
    "wrong-url": Rule(
        "Địa chỉ {value!r} không hợp lệ.",
        "Viết địa chỉ trang web bắt đầu bằng https://, chỉ gồm tên miền và đường dẫn "
        "(không dấu cách, ngoặc kép, dấu < >, dấu ? hay #), ví dụ https://ntm.tinh.gov.vn/.",
    ),
    "reserved-file-name": Rule(
        "Tên tệp {name!r} là tên dành riêng của Windows.",
        "Windows không tạo được tệp tên con, prn, aux, nul, com1…, lpt1… (với bất kỳ đuôi nào); "
        "đổi tên tệp.",
    ),
    "reserved-name": Rule(
        "Mã {value!r} trùng với tên tệp dành riêng của Windows.",
        "Windows không tạo được tệp tên con, prn, aux, nul, com1…, lpt1…; chọn mã khác.",
    ),
    "wrong-page-name": Rule(
        "Tên trang {value!r} không hợp lệ.",
        "Ghi tên tệp trong content/pages/, chữ thường không dấu, kết thúc bằng .md, "
        "ví dụ ke-hoach.md.",
    ),
    "date-range": Rule(
        "Ngày {value} nằm ngoài khoảng 1945–2099.",
        "Kiểm tra lại năm (ví dụ 2025, không phải 2205).",
    ),
    "time-order": Rule(
        "Giờ kết thúc không sau giờ bắt đầu.",
        'Sửa giờ bắt đầu và kết thúc của buổi, ví dụ {{start: "07:30", end: "11:30"}}.',
    ),
    "wrong-time": Rule(
        "Giờ {value!r} không hợp lệ.",
        'Viết giờ theo dạng GIỜ:PHÚT (24 giờ), trong ngoặc kép, ví dụ "07:30".',
    ),
    "too-short": Rule(
        "Danh sách hoặc văn bản {value!r} quá ngắn (cần ít nhất {min}).",
        "Bổ sung nội dung cho trường này.",
    ),
    "too-long": Rule(
        "Giá trị quá dài (tối đa {max}).",
        "Rút gọn nội dung hoặc chuyển phần chi tiết sang trang Markdown.",
    ),
    "too-small": Rule(
        "Giá trị {value!r} quá nhỏ (phải {op} {limit}).",
        "Kiểm tra lại con số.",
    ),
    "too-large": Rule(
        "Giá trị {value!r} quá lớn (phải {op} {limit}).",
        "Kiểm tra lại con số.",
    ),
    "placeholder": Rule(
        "Trường vẫn còn nội dung mẫu {value!r}.",
        "Thay cả đoạn [CẦN ĐIỀN: …] bằng nội dung thật.",
    ),
    "invalid-value": Rule(
        "Giá trị {value!r} không hợp lệ.",
        "Xem tệp mẫu cùng loại để biết cách viết trường này.",
    ),
    # --- across files --------------------------------------------------------
    "duplicate-id": Rule(
        "Mã {id!r} đã được dùng ở {other}.",
        "Mỗi {kind} cần một mã riêng; đổi mã ở một trong hai nơi.",
    ),
    "unknown-ref": Rule(
        "Không có {kind} nào mang mã {value!r}.",
        "{suggestion}Các mã hiện có: {allowed}.",
    ),
    "file-name-id": Rule(
        "Tên tệp {name!r} không khớp với mã {id!r}.",
        "Đổi tên tệp thành '{id}.yml' để dễ tìm.",
    ),
    "level-not-valid": Rule(
        "Cấp {level!r} không còn hiệu lực vào ngày {day} (hiệu lực {validity}).",
        "Sau khi một cấp hành chính kết thúc, khóa học phải do cấp khác tổ chức; "
        "kiểm tra lại cấp hoặc ngày.",
    ),
    "end-before-start": Rule(
        "Ngày kết thúc {end} trước ngày bắt đầu {start}.",
        "Đổi lại ngày bắt đầu hoặc ngày kết thúc.",
    ),
    "session-outside-course": Rule(
        "Buổi học ngày {day} nằm ngoài thời gian khóa học ({start} – {end}).",
        "Sửa ngày của buổi học hoặc thời gian của khóa học.",
    ),
    "session-twice": Rule(
        "Buổi {half} ngày {day} được xếp hai lần (lần đầu ở dòng {first_line}).",
        "Mỗi buổi sáng hoặc chiều chỉ xếp một nội dung; đổi ngày hoặc buổi.",
    ),
    "actual-not-held": Rule(
        "Khóa học có trạng thái {status!r} nhưng đã ghi số học viên thực tế.",
        "Chỉ ghi 'actual' khi khóa học đã tổ chức (status: held).",
    ),
    "actual-missing": Rule(
        "Khóa học đã tổ chức nhưng thiếu số học viên thực tế cho đối tượng {audience!r}.",
        "Thêm 'actual: <số người>' cho đối tượng này.",
    ),
    "new-exceeds-actual": Rule(
        "Số người học lần đầu ({new}) lớn hơn số học viên thực tế ({actual}).",
        "'new_persons' là số người lần đầu được tập huấn, không thể lớn hơn 'actual'.",
    ),
    "held-in-future": Rule(
        "Khóa học ghi đã tổ chức nhưng kết thúc ngày {end}, sau ngày số liệu {as_of}.",
        "Đổi trạng thái thành 'planned' hoặc cập nhật 'data_as_of' trong site_config.yml.",
    ),
    "audience-level-mismatch": Rule(
        "Đối tượng {audience!r} thuộc {level!r}, không nằm trong các cấp của chuyên đề ({levels}).",
        "Thêm cấp vào 'levels' hoặc bỏ đối tượng khỏi 'audiences'.",
    ),
    "audience-twice": Rule(
        "Đối tượng {audience!r} được ghi hai lần trong khóa học.",
        "Gộp số học viên vào một dòng.",
    ),
    "topic-number-twice": Rule(
        "Số thứ tự {number} của nhóm {group} đã dùng cho {other}.",
        "Mỗi chuyên đề trong một nhóm cần một số thứ tự riêng.",
    ),
    "status-group-mismatch": Rule(
        "Chuyên đề có trạng thái {status!r} nhưng thuộc nhóm {group!r}.",
        "Chuyên đề địa phương dùng 'group: local' và 'status: local'; "
        "chuyên đề của khung dùng 'attested' hoặc 'drafted'.",
    ),
    "level-dates": Rule(
        "Cấp {level!r} có ngày kết thúc hiệu lực {until} trước ngày bắt đầu {since}.",
        "Sửa 'valid_from' hoặc 'valid_until'.",
    ),
    "missing-file": Rule(
        "Thiếu tệp bắt buộc {name!r}.",
        "Tạo tệp theo mẫu trong README.",
    ),
    "no-records": Rule(
        "Thư mục {folder!r} không có {kind} nào.",
        "Mỗi {kind} là một tệp .yml trong thư mục {folder}; tạo tệp mới bằng lệnh handbook new.",
    ),
    "front-matter-missing": Rule(
        "Thiếu phần đầu (front matter) giữa hai dòng '---', hoặc thiếu dòng '---' đóng.",
        "Mở đầu tệp bằng '---', các dòng 'title: ...' (bản tin thêm 'date: NĂM-THÁNG-NGÀY'), "
        "rồi một dòng '---'.",
    ),
    "file-suffix-case": Rule(
        "Tệp {name!r} có đuôi viết hoa nên không được đọc.",
        "Đổi đuôi tệp sang chữ thường ({allowed}).",
        "warning",
    ),
    "file-ignored": Rule(
        "Tệp {name!r} không được đọc cũng không được đăng.",
        "Thư mục này chỉ nhận các tệp {allowed}. Hình SVG và trang HTML không được đăng vì có "
        "thể chứa mã chạy trên máy người đọc; dùng hình PNG hoặc JPG.",
        "warning",
    ),
    "news-nested": Rule(
        "Bản tin nằm trong thư mục con nên không được đọc.",
        "Đặt mọi bản tin ngay trong content/news/.",
        "warning",
    ),
    "page-too-much-markup": Rule(
        "Trang có quá nhiều ký tự {char!r} (hơn {limit}).",
        "Tách trang thành nhiều trang nhỏ; một trang hướng dẫn thường chỉ có vài trăm liên kết.",
    ),
    "page-directive": Rule(
        "Trang có chỉ thị '<!-- material/… -->' dành cho phần mở rộng của MkDocs.",
        "Xóa chỉ thị này; danh sách thẻ đã có ở trang Tra cứu theo thẻ.",
    ),
    "page-file-name": Rule(
        "Tên tệp {name!r} không dùng được làm địa chỉ trang.",
        "Đặt tên bằng chữ thường không dấu, chữ số, dấu '-' hoặc '_', tối đa 80 ký tự, "
        "ví dụ 'huong-dan-bao-cao.md' hoặc 'hinh/so-do-1.png'.",
    ),
    "page-too-deep": Rule(
        "Trang có danh sách hoặc khối lồng nhau quá sâu.",
        "Giảm số cấp lồng nhau (danh sách trong danh sách, khối trong khối).",
    ),
    "page-unclosed-tags": Rule(
        "Trang có hơn {limit} thẻ HTML không đóng (thiếu dấu '>').",
        "Đóng mỗi thẻ bằng '>' (ví dụ <small>…</small>); muốn viết dấu '<' như chữ thì viết "
        "'&lt;'.",
    ),
    "mkdocs-config": Rule(
        "Không đọc được mkdocs.yml: {detail}.",
        "Sửa mkdocs.yml theo tệp mẫu của dự án; các phần mở rộng Markdown phải được cài đặt.",
    ),
    "page-broken-link": Rule(
        "Liên kết {target!r} không dẫn tới trang nào của trang web.",
        "Kiểm tra tên tệp trong liên kết (ví dụ 'ke-hoach.md', 'hoi-dap.md#muc') "
        "hoặc dùng địa chỉ đầy đủ bắt đầu bằng https://.",
    ),
    "page-broken-anchor": Rule(
        "Liên kết {target!r} trỏ tới mục không có trong trang.",
        "Mục (#...) là tên tiêu đề viết thường, không dấu, nối bằng dấu gạch ngang; "
        "xem địa chỉ khi bấm vào biểu tượng ¶ cạnh tiêu đề.",
    ),
    "news-file-name": Rule(
        "Tên tệp bản tin {name!r} không bắt đầu bằng ngày của bản tin ({day}).",
        "Đặt tên tệp theo dạng {day}-ten-ban-tin.md để bản tin được sắp xếp đúng.",
    ),
    "page-unsafe": Rule(
        "Trang chứa {what}, không được phép trên trang công khai.",
        "Trang chỉ dùng tiêu đề, đoạn văn, danh sách, bảng, chữ đậm/nghiêng, mã, trích dẫn, "
        "hộp ghi chú, hình ảnh trong thư mục của trang và liên kết tới trang này hoặc "
        "https:, mailto:, tel:. Không dùng <script>, <iframe>, <style>, <form>, thuộc tính "
        "on...=, style=, liên kết javascript:/data: hay tài nguyên từ trang khác.",
    ),
    "file-outside": Rule(
        "Tệp {name!r} trỏ ra ngoài thư mục nội dung của nó, hoặc vào thư mục ẩn như .git.",
        "Chép nội dung vào thư mục content/pages/ thay vì dùng liên kết tắt (symlink).",
    ),
    "page-outside": Rule(
        "Trang {name!r} có tên trùng với trang do hệ thống tạo.",
        "Đổi tên tệp trong content/pages/.",
    ),
}

RULES: Final[dict[str, Rule]] = {**_CONTENT_RULES, **PLAN_RULES, **WORKBOOK_RULES}
"""Every rule, by code."""

# Summary lines printed after a report.
SUMMARY_OK: Final = (
    "Nội dung hợp lệ: {topics} chuyên đề, {audiences} đối tượng, {courses} khóa học."
)
SUMMARY_ERRORS: Final = "{errors} lỗi trong {files} tệp."
SUMMARY_WITH_WARNINGS: Final = "{errors} lỗi, {warnings} cảnh báo trong {files} tệp."
SEVERITY_LABELS: Final[dict[str, str]] = {"error": "Lỗi", "warning": "Cảnh báo"}
RULE_HEADER: Final = "{label} [{code}], {count} chỗ:"
HINT_PREFIX: Final = "gợi ý"
DID_YOU_MEAN: Final = "Có phải ý bạn là {candidate!r}? "


def problem_text(code: str, **values: object) -> tuple[str, str]:
    """Return the (message, hint) pair for a problem code, filled in.

    >>> problem_text("file-empty")[0]
    'Tệp rỗng, không có nội dung.'
    """
    rule = RULES[code]
    return rule.message.format(**values), rule.hint.format(**values)
