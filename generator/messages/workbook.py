"""Words of the Excel workbook (``handbook excel``): sheets, columns, guide, rules, command line.

The structure of the workbook — which sheet holds which record, which column
maps to which field and how its value is read — is declared once in
:mod:`generator.commands.excel.layout`; it takes each sheet's name and each
column's header and explanation from here, by key, so every word a clerk reads
stays in the message catalogue. A key missing here fails at import time.
"""

from __future__ import annotations

from typing import Final

from .rule import Rule

SHEET_NAMES: Final[dict[str, str]] = {
    "courses": "Khóa học",
    "sessions": "Buổi học",
    "audiences": "Học viên",
    "results": "Kết quả tổng hợp",
    "result_audiences": "Kết quả theo đối tượng",
    "annual_plans": "Kế hoạch năm",
    "annual_rows": "Kế hoạch năm theo cấp",
    "lists": "Danh mục",
    "guide": "Hướng dẫn",
}

_BUDGET_SOURCE = (
    "Nguồn kinh phí",
    "Ngân sách trung ương, Ngân sách địa phương hoặc Nguồn khác. Bắt buộc khi có ghi kinh phí "
    "dự kiến hoặc đã chi; để trống cả ba cột kinh phí nếu không theo dõi kinh phí.",
)
_BUDGET_PLANNED = (
    "Kinh phí dự kiến (đồng)",
    "Số tiền dự kiến, tính bằng đồng, chỉ ghi số (ví dụ 120000000 hoặc 120.000.000).",
)
_BUDGET_SPENT = ("Kinh phí đã chi (đồng)", "Số tiền đã chi, tính bằng đồng, chỉ ghi số.")
_PRIORITY_AREAS = (
    "Địa bàn ưu tiên",
    "Mã các địa bàn ưu tiên, cách nhau bằng dấu phẩy, ví dụ: nang-cao, kieu-mau (các mã có ở "
    "trang Danh mục). Để trống nếu không có.",
)
_LEVEL = (
    "Cấp tổ chức",
    "Cấp tổ chức, chọn trong danh sách (ví dụ «xa · Cấp xã»); cũng có thể chỉ ghi mã, ví dụ xa.",
)
_KIND = ("Loại khóa", "Tập huấn hoặc Tham quan học tập; để trống là Tập huấn.")
_COURSE_ID = (
    "Mã khóa học",
    "Mã của một khóa học ở trang Khóa học (chọn trong danh sách); dòng này thuộc khóa học đó.",
)
_AUDIENCE = (
    "Đối tượng",
    "Đối tượng học viên, chọn trong danh sách (ví dụ «xa-bcd · …»); cũng có thể chỉ ghi mã. "
    "Mỗi đối tượng ghi một dòng.",
)
_NEW_PERSONS = (
    "Số người học lần đầu",
    "Trong số học viên thực tế, số người lần đầu được tập huấn trong kỳ kế hoạch (mỗi người chỉ "
    "tính một lần cho chỉ tiêu). Để trống thì coi bằng số học viên thực tế (số ước tính).",
)
_NOTE = ("Ghi chú", "Ghi chú đăng kèm trên trang web; có thể xuống dòng trong ô (Alt+Enter).")
_UPDATED = (
    "Ngày cập nhật",
    "Ngày sửa thông tin lần cuối, chỉ dùng khi dự án không có lịch sử git; thường để trống.",
)

COLUMNS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    # Each column: (header in row 1, explanation on the "Hướng dẫn" sheet).
    "courses": {
        "id": (
            "Mã khóa học",
            "Mã riêng của khóa học: chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "
            "kh-2026-x15. Mã là tên tệp YAML của khóa học; trang Buổi học và trang Học viên ghi "
            "mã này ở cột đầu.",
        ),
        "title": ("Tên khóa học", "Tên đầy đủ của khóa tập huấn, viết trên một dòng."),
        "kind": _KIND,
        "mode": (
            "Hình thức tổ chức",
            "Trực tiếp, Trực tuyến, hoặc Kết hợp trực tiếp và trực tuyến; để trống là Trực tiếp.",
        ),
        "level": _LEVEL,
        "place": (
            "Địa điểm",
            "Nơi tổ chức lớp (hội trường, xã), hoặc điểm cầu chính nếu học trực tuyến.",
        ),
        "organiser": ("Đơn vị tổ chức", "Cơ quan, đơn vị tổ chức lớp."),
        "start": ("Ngày bắt đầu", "Ngày khai giảng, dạng NGÀY/THÁNG/NĂM, ví dụ 15/03/2026."),
        "end": ("Ngày kết thúc", "Ngày bế giảng, không trước ngày bắt đầu."),
        "status": (
            "Trạng thái",
            "Dự kiến, Đã tổ chức hoặc Đã hủy. Số học viên thực tế chỉ ghi khi khóa học đã tổ chức.",
        ),
        "priority_areas": _PRIORITY_AREAS,
        "budget_source": _BUDGET_SOURCE,
        "budget_planned": _BUDGET_PLANNED,
        "budget_spent": _BUDGET_SPENT,
        "pre_test": (
            "Điểm kiểm tra đầu khóa",
            "Điểm trung bình bài kiểm tra đầu khóa, thang điểm 10, ví dụ 5,4.",
        ),
        "post_test": (
            "Điểm kiểm tra cuối khóa",
            "Điểm trung bình bài kiểm tra cuối khóa, thang điểm 10.",
        ),
        "satisfied_percent": (
            "Tỷ lệ hài lòng (%)",
            "Phần trăm học viên hài lòng với khóa học, từ 0 đến 100, ví dụ 92 (ghi 92% cũng "
            "được hiểu là 92).",
        ),
        "certificates": ("Số chứng nhận đã cấp", "Số giấy chứng nhận hoàn thành khóa học đã cấp."),
        "exception": (
            "Lý do ngoại lệ",
            "Lý do khóa học được phép khác quy định của kế hoạch (ít ngày hơn, ít buổi thực hành "
            "hơn); khóa học được đăng kèm lý do này thay cho cảnh báo. Để trống nếu không có.",
        ),
        "note": _NOTE,
        "updated": _UPDATED,
    },
    "sessions": {
        "course": _COURSE_ID,
        "date": ("Ngày", "Ngày học, dạng NGÀY/THÁNG/NĂM, trong thời gian của khóa học."),
        "half": ("Buổi", "Sáng hoặc Chiều; mỗi buổi của một ngày chỉ xếp một nội dung."),
        "topic": (
            "Chuyên đề",
            "Chuyên đề giảng dạy, chọn trong danh sách (ví dụ «cd-i-01 · …»); cũng có thể chỉ "
            "ghi mã, ví dụ cd-i-01.",
        ),
        "kind": (
            "Phương pháp",
            "Lý thuyết, Thảo luận, Khảo sát thực tế, Thực hành hoặc Tham quan học tập.",
        ),
        "trainer": ("Giảng viên", "Họ tên (kèm học hàm, học vị) của giảng viên, báo cáo viên."),
    },
    "audiences": {
        "course": _COURSE_ID,
        "audience": _AUDIENCE,
        "planned": ("Số học viên dự kiến", "Số người dự kiến triệu tập, ghi số nguyên."),
        "actual": (
            "Số học viên thực tế",
            "Số lượt học viên thực tế tham dự; chỉ ghi khi khóa học đã tổ chức.",
        ),
        "new_persons": _NEW_PERSONS,
    },
    "results": {
        "id": (
            "Mã kết quả",
            "Mã riêng của báo cáo kết quả, chữ thường không dấu và dấu gạch ngang, ví dụ "
            "kq-2026-q1-xa-hung-long. Trang Kết quả theo đối tượng ghi mã này ở cột đầu.",
        ),
        "title": ("Tên báo cáo kết quả", "Tên của kết quả tổng hợp, viết trên một dòng."),
        "kind": _KIND,
        "level": _LEVEL,
        "organiser": ("Đơn vị tổ chức", "Đơn vị báo cáo, đã tổ chức các lớp."),
        "start": ("Từ ngày", "Ngày đầu của kỳ báo cáo, dạng NGÀY/THÁNG/NĂM."),
        "end": ("Đến ngày", "Ngày cuối của kỳ báo cáo."),
        "classes": ("Số lớp", "Số lớp đã tổ chức trong kỳ."),
        "cancelled": ("Số lớp hủy", "Số lớp đã hủy trong kỳ; để trống là 0."),
        "turns": ("Lượt học viên", "Tổng số lượt học viên của các lớp."),
        "new_persons": (
            "Số người học lần đầu",
            "Số người lần đầu được tập huấn trong kỳ kế hoạch; để trống nếu đơn vị không tách.",
        ),
        "budget_source": _BUDGET_SOURCE,
        "budget_planned": _BUDGET_PLANNED,
        "budget_spent": _BUDGET_SPENT,
        "priority_areas": _PRIORITY_AREAS,
        "note": _NOTE,
        "updated": _UPDATED,
    },
    "result_audiences": {
        "result": (
            "Mã kết quả",
            "Mã của một báo cáo ở trang Kết quả tổng hợp (chọn trong danh sách).",
        ),
        "audience": _AUDIENCE,
        "turns": ("Lượt học viên", "Số lượt học viên thuộc đối tượng này."),
        "new_persons": (
            "Số người học lần đầu",
            "Số người thuộc đối tượng này lần đầu được tập huấn; để trống thì coi bằng số lượt.",
        ),
    },
    "annual_plans": {
        "id": (
            "Mã kế hoạch năm",
            "Mã riêng của kế hoạch năm, ví dụ ke-hoach-nam-2026. Trang Kế hoạch năm theo cấp "
            "ghi mã này ở cột đầu.",
        ),
        "plan": (
            "Thuộc kế hoạch",
            "Kế hoạch giai đoạn mà kế hoạch năm này thực hiện, chọn trong danh sách.",
        ),
        "year": ("Năm", "Năm của kế hoạch, ví dụ 2026."),
        "number": ("Số văn bản", "Số, ký hiệu văn bản kế hoạch năm, ví dụ 27/KH-BCĐ."),
        "date": ("Ngày ban hành", "Ngày ký văn bản kế hoạch năm, dạng NGÀY/THÁNG/NĂM."),
        "priority_areas": _PRIORITY_AREAS,
        "note": _NOTE,
    },
    "annual_rows": {
        "plan": (
            "Mã kế hoạch năm",
            "Mã của một kế hoạch năm ở trang Kế hoạch năm (chọn trong danh sách).",
        ),
        "level": _LEVEL,
        "classes": ("Số lớp", "Số lớp cấp này dự kiến tổ chức trong năm."),
    },
}

# Columns made from the configuration: one per target group, one per funding source.
PARTICIPANTS_COLUMN: Final = (
    "Số người: {name}",
    "Số người thuộc nhóm «{name}» cấp này dự kiến tập huấn trong năm; để trống nếu không có.",
)
BUDGET_LINE_COLUMN: Final = (
    "Kinh phí: {name} (đồng)",
    "Kinh phí từ {name_lower} cấp này dự kiến trong năm, tính bằng đồng; để trống nếu không có.",
)

# A level's name without this is also read as the level ("Tỉnh" for "Cấp tỉnh").
LEVEL_PREFIX: Final = "Cấp "

# The "Danh mục" sheet: one column per list the dropdowns read.
LIST_HEADERS: Final[dict[str, str]] = {
    "level": "Cấp",
    "audience": "Đối tượng",
    "topic": "Chuyên đề",
    "plan": "Kế hoạch",
    "priority_area": "Địa bàn ưu tiên",
    "course_kind": "Loại khóa",
    "delivery_mode": "Hình thức tổ chức",
    "course_status": "Trạng thái",
    "half": "Buổi",
    "session_kind": "Phương pháp",
    "funding_source": "Nguồn kinh phí",
}

# What a column holds, as the guide names it.
VALUE_KINDS: Final[dict[str, str]] = {
    "text": "Văn bản",
    "long_text": "Văn bản (nhiều dòng)",
    "int": "Số nguyên",
    "money": "Số tiền (đồng)",
    "number": "Số",
    "percent": "Số phần trăm (0 đến 100; ô định dạng % như 92% cũng được)",
    "date": "Ngày",
    "choice": "Chọn trong danh sách",
    "ref": "Chọn trong danh sách (hoặc ghi mã)",
    "refs": "Các mã, cách nhau bằng dấu phẩy",
    "parent": "Mã ở trang {parent}",
}
REQUIRED: Final[dict[str, str]] = {
    "yes": "Có",
    "no": "Không",
    "with_group": "Khi có kinh phí",
}

GUIDE_TITLE: Final = "Hướng dẫn dùng bảng tính"
GUIDE_HEADERS: Final = ["Trang", "Cột", "Bắt buộc", "Giá trị", "Giải thích"]
GUIDE_PARAGRAPHS: Final = [
    "Bảng tính ghi các khóa học, kết quả tổng hợp và kế hoạch năm của cẩm nang tập huấn. Sửa "
    "hoặc thêm dòng, lưu lại dạng Sổ làm việc Excel (.xlsx), rồi chạy lệnh: "
    "handbook excel import <tên tệp>.xlsx",
    "Mỗi dòng ở trang Khóa học là một khóa học. Các buổi học ghi ở trang Buổi học và các đối "
    "tượng học viên ghi ở trang Học viên, mỗi dòng một buổi (một đối tượng), cột đầu ghi mã "
    "khóa học. Kết quả tổng hợp (với trang Kết quả theo đối tượng) và kế hoạch năm (với trang "
    "Kế hoạch năm theo cấp) ghi theo cùng cách.",
    "Ô có mũi tên thả xuống: chọn trong danh sách lấy từ trang Danh mục, hoặc gõ đúng mã (ví "
    "dụ xa, cd-i-01). Ngày ghi dạng NGÀY/THÁNG/NĂM, ví dụ 15/03/2026. Số tiền ghi bằng đồng, "
    "chỉ ghi số.",
    "Khi nhập, lệnh kiểm tra cả bảng tính như kiểm tra tệp YAML: mỗi lỗi được báo kèm trang và "
    "ô (ví dụ Khóa học!D7) và gợi ý cách sửa. Còn lỗi thì không tệp nào được ghi. Chỉ các khóa "
    "học, kết quả, kế hoạch năm có nội dung thay đổi mới được ghi lại.",
    "Xóa một dòng ở bảng tính không xóa khóa học khỏi dự án: lệnh nhập chỉ liệt kê những gì có "
    "trong dự án mà không có trong bảng tính. Muốn xóa hẳn, xóa tệp YAML của nó. Trang nào không "
    "có trong bảng tính thì loại dữ liệu đó giữ nguyên.",
    "Giữ nguyên tên các trang và tiêu đề cột ở dòng 1; được đổi thứ tự cột, lọc và sắp xếp "
    "dòng (các buổi học của một khóa được ghi theo thứ tự dòng). Trang Danh mục và trang Hướng "
    "dẫn không được nhập: chúng được tạo lại mỗi lần xuất.",
]
DROPDOWN_ERROR_TITLE: Final = "Giá trị không có trong danh sách"
DROPDOWN_ERROR: Final = (
    "Nên chọn trong danh sách thả xuống. Nếu gõ tay, ghi đúng mã (ví dụ xa hoặc cd-i-01); "
    "lệnh nhập sẽ báo ô có giá trị không dùng được."
)

WORKBOOK_RULES: Final[dict[str, Rule]] = {
    "workbook-unreadable": Rule(
        "Không mở được {name!r} như một bảng tính Excel.",
        "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng Sổ làm việc Excel (.xlsx); tệp .xls "
        "hay .ods cần lưu lại thành .xlsx.",
    ),
    "workbook-unknown-sheet": Rule(
        "Trang {name!r} không có trong mẫu bảng tính nên không được nhập.",
        "{suggestion}Các trang được nhập: {allowed}. Đổi lại đúng tên trang, hoặc xóa trang "
        "nếu không dùng.",
    ),
    "workbook-missing-sheet": Rule(
        "Có trang {present!r} nhưng thiếu trang {name!r} đi kèm.",
        "Các trang của cùng một loại dữ liệu đi cùng nhau: thêm lại trang {name!r} với đúng tên "
        "(xem bảng tính xuất bằng lệnh handbook excel export), hoặc bỏ cả nhóm trang nếu không "
        "nhập loại dữ liệu này.",
    ),
    "workbook-missing-header": Rule(
        "Trang {sheet!r} thiếu cột {header!r}.",
        "Dòng 1 phải có đủ tiêu đề các cột như trang Hướng dẫn liệt kê; thêm lại cột này với "
        "đúng tiêu đề (các ô có thể để trống).",
    ),
    "workbook-header-twice": Rule(
        "Cột {header!r} có hai lần ở dòng tiêu đề (lần đầu ở ô {first}).",
        "Xóa hoặc đổi tên một trong hai cột.",
    ),
    "workbook-unknown-header": Rule(
        "Cột {header!r} không có trong mẫu nên không được nhập.",
        "{suggestion}Cột ghi chú riêng có thể để nguyên, nội dung của nó không được ghi vào "
        "dữ liệu.",
        "warning",
    ),
    "workbook-missing-value": Rule(
        "Ô để trống nhưng cột {header!r} bắt buộc phải có giá trị.",
        "Điền giá trị cho ô này; trang Hướng dẫn giải thích từng cột.",
    ),
    "workbook-merged-cell": Rule(
        "Ô nằm trong vùng ô gộp {range}: chỉ ô đầu của vùng có giá trị, các ô khác coi như trống.",
        "Bỏ gộp ô (Merge & Center → Unmerge Cells) rồi ghi giá trị vào từng ô, mỗi dòng "
        "ghi đủ giá trị của dòng đó.",
    ),
    "workbook-error-value": Rule(
        "Ô có giá trị lỗi {value} của Excel, không phải giá trị dùng được.",
        "Sửa công thức của ô để ra giá trị đúng (ví dụ VLOOKUP không tìm thấy thì ra #N/A), "
        "hoặc xóa công thức và gõ giá trị vào ô.",
    ),
    "workbook-formula-no-value": Rule(
        "Ô có công thức chưa được tính nên chưa có giá trị.",
        "Mở tệp bằng Excel hoặc LibreOffice và lưu lại (công thức sẽ được tính), hoặc gõ "
        "giá trị thay cho công thức.",
    ),
    "workbook-outside-project": Rule(
        "Thư mục {folder} là liên kết dẫn ra ngoài dự án nên không ghi {path} vào đó.",
        "Thay liên kết {folder} bằng một thư mục thật trong dự án (hoặc xóa liên kết) rồi nhập "
        "lại; lệnh nhập chỉ ghi tệp bên trong dự án.",
    ),
    "workbook-bad-date": Rule(
        "Ngày {value!r} không đọc được hoặc không có thật.",
        "Ghi ngày dạng NGÀY/THÁNG/NĂM, ví dụ 15/03/2026 (hoặc 2026-03-15); kiểm tra lại ngày "
        "và tháng.",
    ),
    "workbook-choice": Rule(
        "Giá trị {value!r} không có trong danh sách của cột {header!r}.",
        "{suggestion}Chọn trong danh sách thả xuống: {allowed}.",
    ),
    "workbook-orphan-row": Rule(
        "Mã {value!r} không có ở trang {parent!r}.",
        "{suggestion}Cột đầu của dòng này phải ghi mã của một dòng ở trang {parent!r}; sửa mã "
        "hoặc thêm dòng đó ở trang {parent!r}.",
    ),
    "workbook-duplicate-id": Rule(
        "Mã {id!r} đã có ở ô {other}.",
        "Mỗi mã chỉ ghi một dòng ở trang {sheet!r}; xóa dòng lặp hoặc đổi mã.",
    ),
    "workbook-no-rows": Rule(
        "Mã {id!r} chưa có dòng nào ở trang {sheet!r}.",
        "Thêm ít nhất một dòng ở trang {sheet!r} với mã {id!r} ở cột đầu.",
    ),
}

EXCEL_HELP: Final[dict[str, str]] = {
    "excel": "xuất, nhập khóa học, kết quả tổng hợp và kế hoạch năm bằng bảng tính Excel",
    "export": "ghi bảng tính Excel (.xlsx) có danh sách chọn và trang hướng dẫn",
    "import": "kiểm tra bảng tính rồi ghi mỗi khóa học, kết quả, kế hoạch năm thành một tệp YAML",
    "file": "tệp bảng tính .xlsx",
    "dry-run": "chỉ kiểm tra và cho biết tệp nào sẽ thay đổi, không ghi gì",
    "force": "ghi đè nếu tệp đã có",
    "format": "định dạng báo cáo lỗi",
}

EXCEL_CLI: Final[dict[str, str]] = {
    "exported": (
        "Đã xuất {path}: {courses} khóa học ({sessions} buổi học, {audiences} dòng học viên), "
        "{results} kết quả tổng hợp, {annual_plans} kế hoạch năm."
    ),
    "no-file": "Không tìm thấy tệp {path}.",
    "is-folder": "{path} là một thư mục, không phải tệp bảng tính; ghi cả tên tệp, ví dụ "
    "{path}/du-lieu.xlsx.",
    "not-xlsx": "Tên tệp {path} phải có đuôi .xlsx (Sổ làm việc Excel), ví dụ du-lieu.xlsx.",
    "exists": (
        "Tệp {path} đã có; chưa ghi đè để không mất những gì đã sửa trong đó. Nếu muốn nhập "
        "bảng tính này, dùng lệnh handbook excel import {path}; nếu muốn xuất đè lên nó, "
        "thêm --force; hoặc chọn tên tệp khác."
    ),
    "import-write-failed": (
        "Không ghi được {path} ({reason}): tệp hoặc thư mục có thể đang mở trong chương trình "
        "khác hoặc chỉ cho đọc. Chưa tệp nào của dự án thay đổi; sửa rồi nhập lại."
    ),
    "no-folder": "Không có thư mục {path} để ghi bảng tính.",
    "write-failed": (
        "Không ghi được {path}: tệp có thể đang mở trong Excel hoặc LibreOffice; đóng tệp rồi "
        "chạy lại."
    ),
    "export-invalid": "Chưa xuất bảng tính vì nội dung có lỗi; sửa các lỗi trên rồi chạy lại.",
    "written": "Đã ghi {path}",
    "would-write": "Sẽ ghi {path}",
    "kept": "{kind} có trong dự án nhưng không có trong bảng tính (giữ nguyên, không xóa): {ids}",
    "refused": "Bảng tính có lỗi; chưa ghi tệp nào. Sửa các ô nêu trên rồi nhập lại.",
    "imported": "Đã nhập {path}: ghi {written} tệp, {unchanged} tệp không thay đổi.",
    "dry-run": "Chạy thử: không ghi tệp nào ({written} tệp sẽ được ghi, {unchanged} tệp không "
    "thay đổi).",
}
