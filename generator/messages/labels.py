"""Words readers see: vocabularies, page titles, headings, column headers.

Templates, the navigation, the outlines (PDF, DOCX), calendars and open data
all name things with these, so a page and its download say the same thing.
"""

from __future__ import annotations

from typing import Final

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
    # Seen in published course reports; its group and number were not confirmed.
    "attested": "Tiêu đề đã thấy trong báo cáo các lớp tập huấn chính thức",
    "drafted": "Tiêu đề dự thảo, chưa đối chiếu văn bản gốc",
    "local": "Chuyên đề bổ sung của địa phương",
}
MONTHS: Final[dict[int, str]] = {m: f"Tháng {m}" for m in range(1, 13)}


# Titles of the generated pages, as in the navigation and the page headings.
PAGE_TITLES: Final[dict[str, str]] = {
    "home": "Trang chủ",
    "catalogue": "Danh mục chuyên đề",
    "curricula": "Chương trình tập huấn theo cấp",
    "schedule": "Lịch tập huấn",
    "tags": "Tra cứu theo thẻ",
    "progress": "Tiến độ thực hiện",
    "news": "Tin tức",
    "changes": "Thay đổi gần đây",
}
# Sections of the navigation.
NAV: Final[dict[str, str]] = {
    "home": "Trang chủ",
    "pages": "Hướng dẫn và tài liệu",
    "plans": "Kế hoạch và báo cáo",
    "topics": "Chuyên đề",
    "curricula": "Chương trình theo cấp",
    "schedule": "Lịch tập huấn",
    "progress": "Tiến độ",
    "news": "Tin tức",
    "changes": "Thay đổi gần đây",
}


def curriculum_title(level_name: str) -> str:
    """ "Chương trình tập huấn cấp xã" """
    return f"Chương trình tập huấn {level_name.lower()}"


def schedule_level_title(level_name: str) -> str:
    return f"Các khóa học {level_name.lower()}"


def schedule_year_title(year: int) -> str:
    return f"Lịch tập huấn năm {year}"


def topic_label(group: str, number: int) -> str:
    """The short name of a topic: "Chuyên đề II.3", or "Chuyên đề địa phương 1"."""
    if group == "local":
        return f"Chuyên đề địa phương {number}"
    return f"Chuyên đề {group}.{number}"


# Sections of a topic, shared by the topic page and its PDF/DOCX outline.
TOPIC_SECTIONS: Final[dict[str, str]] = {
    "source": "Nguồn tiêu đề",
    "objectives": "Mục tiêu",
    "objectives_lead": "Sau chuyên đề, học viên:",
    "outline": "Đề cương",
    "duration": "Thời lượng",
    "audiences": "Đối tượng",
    "methods": "Phương pháp",
    "references": "Văn bản tham khảo",
    "courses": "Các khóa học có chuyên đề này",
    "reviewed": "Rà soát lần cuối",
}
HALF_DAY_UNIT: Final = "buổi"

# The "what changed" page.
CHANGE_ACTIONS: Final[dict[str, str]] = {"A": "Thêm mới", "M": "Cập nhật", "D": "Xóa"}
CHANGE_KINDS: Final[dict[str, str]] = {
    "topic": "Chuyên đề",
    "course": "Khóa học",
    "config": "Cài đặt",
    "plan": "Kế hoạch",
    "annual_plan": "Kế hoạch năm",
    "result": "Kết quả tổng hợp",
}
CONFIG_CHANGE_TITLE: Final = "Kế hoạch, chỉ tiêu và các cấp (site_config.yml)"

# Calendars (.ics).
CALENDAR: Final[dict[str, str]] = {
    "schedule": "Lịch tập huấn",
    "half": "Buổi",
    "kind": "Hình thức",
    "trainer": "Giảng viên",
    "organiser": "Đơn vị tổ chức",
    "status": "Trạng thái khóa học",
}

# Open data: column headers of the CSV, JSON and XLSX tables, and sheet names.
CATALOGUE_HEADERS: Final = [
    "Mã",
    "Nhóm",
    "Số",
    "Tên chuyên đề",
    "Tình trạng tiêu đề",
    "Thời lượng (buổi)",
    "Cấp",
    "Phương pháp",
    "Rà soát lần cuối",
]
SCHEDULE_HEADERS: Final = [
    "Mã khóa học",
    "Tên khóa học",
    "Cấp",
    "Địa điểm",
    "Đơn vị tổ chức",
    "Bắt đầu",
    "Kết thúc",
    "Số ngày học",
    "Trạng thái",
    "Chuyên đề",
    "Học viên dự kiến",
    "Học viên thực tế",
]
PROGRESS_HEADERS: Final = [
    "Nhóm đối tượng",
    "Cấp",
    "Số người cần tập huấn",
    "Đã tập huấn (người)",
    "Lượt học viên",
    "Tỷ lệ (%)",
    "Mục tiêu (%)",
    "Đánh giá",
]
SHEETS: Final = ("Chuyên đề", "Lịch tập huấn", "Tiến độ")
ALL_LEVELS: Final = "Tất cả các cấp"
MET: Final = "Đạt"
NOT_MET: Final = "Chưa đạt"
LOCAL_GROUP: Final = "Địa phương"
SAMPLE_DATA: Final = "Dữ liệu mẫu"
SAMPLE_NOTICE: Final = (
    "Trang này dùng dữ liệu mẫu của một tỉnh giả định để minh họa; các con số, khóa học "
    "và giảng viên không phải số liệu thật."
)
# The heading when the office wrote its own notice (a new site being filled in).
DRAFT_DATA: Final = "Dữ liệu chưa chính thức"
PLAN_NOT_ISSUED: Final = "dự thảo, chưa có số và ngày ban hành"


def plan_reference(number: str | None, date_text: str | None) -> str:
    """ "số 18/KH-BCĐ ngày 10/03/2026", or that the plan is not issued yet."""
    if not number:
        return PLAN_NOT_ISSUED
    return f"số {number} ngày {date_text}" if date_text else f"số {number}"


def sample_notice(custom: str | None) -> tuple[str, str]:
    """Heading and text of the notice shown on every page while ``sample_data`` is on."""
    return (DRAFT_DATA, custom) if custom else (SAMPLE_DATA, SAMPLE_NOTICE)


# Kinds of content, as messages name them ("Không có chuyên đề nào mang mã …").
KIND_NAMES: Final[dict[str, str]] = {
    "config": "cài đặt",
    "level": "cấp",
    "target_group": "nhóm đối tượng",
    "topic_group": "nhóm chuyên đề",
    "topic": "chuyên đề",
    "audience": "đối tượng",
    "priority_area": "địa bàn ưu tiên",
    "plan": "kế hoạch",
    "annual_plan": "kế hoạch năm",
    "result": "kết quả tổng hợp",
    "course": "khóa học",
    "page": "trang",
    "news": "bản tin",
}
# Titles of the editor schemas (shown on hover in the editor).
SCHEMA_TITLES: Final[dict[str, str]] = {
    "site_config": "Cài đặt trang: tỉnh, các cấp, nhóm đối tượng, nhóm chuyên đề",
    "topic": "Một chuyên đề tập huấn (topics/<mã>.yml)",
    "course": "Một khóa tập huấn (content/courses/<năm>/<mã>.yml)",
    "audiences": "Đối tượng tập huấn theo cấp (content/audiences.yml)",
    "plan": "Một kế hoạch tập huấn: kỳ, chỉ tiêu, khung chuyên đề, số người cần tập huấn",
    "annual_plan": "Kế hoạch một năm theo cấp tổ chức (content/annual-plans/<mã>.yml)",
    "result": "Kết quả tổng hợp của một đơn vị cho một kỳ (content/results/<mã>.yml)",
    "news": "Phần đầu của một bản tin (content/news/*.md)",
    "page": "Phần đầu của một trang (content/pages/*.md)",
}

# Titles of a plan's pages in the navigation (the pages' own titles are longer).
PLAN_NAV: Final[dict[str, str]] = {
    "plan": "Nội dung kế hoạch",
    "progress": "Tiến độ",
    "period": "Báo cáo tổng hợp",
    "year": "Báo cáo năm {year}",
}
COURSE_KINDS: Final[dict[str, str]] = {"tap_huan": "Tập huấn", "tham_quan": "Tham quan học tập"}
DELIVERY_MODES: Final[dict[str, str]] = {
    "truc_tiep": "Trực tiếp",
    "truc_tuyen": "Trực tuyến",
    "ket_hop": "Kết hợp trực tiếp và trực tuyến",
}
FUNDING_SOURCES: Final[dict[str, str]] = {
    "trung_uong": "Ngân sách trung ương",
    "dia_phuong": "Ngân sách địa phương",
    "khac": "Nguồn khác",
}
PLAN_STATES: Final[dict[str, str]] = {
    "current": "Đang thực hiện",
    "closed": "Đã kết thúc",
    "past": "Đã hết kỳ, chưa có số liệu tổng kết",
    "future": "Chưa đến kỳ thực hiện",
}


def plan_progress_title(short_title: str) -> str:
    return f"Tiến độ thực hiện – {short_title}"


def year_report_title(year: int) -> str:
    return f"Báo cáo kết quả tập huấn năm {year}"


def period_report_title(start: int, end: int) -> str:
    return f"Báo cáo tổng hợp giai đoạn {start}–{end}"


# Columns of a report, in pages, spreadsheets, CSV/JSON and PDF.
REPORT_COLUMNS: Final[dict[str, str]] = {
    "label": "Cấp tổ chức",
    "year": "Năm",
    "classes_planned": "Số lớp kế hoạch",
    "participants_planned": "Số người kế hoạch",
    "classes_held": "Số lớp đã tổ chức",
    "study_tours": "Trong đó: tham quan học tập",
    "from_aggregates": "Trong đó: theo báo cáo tổng hợp",
    "classes_cancelled": "Số lớp hủy",
    "classes_to_come": "Số lớp chưa tổ chức",
    "turns": "Lượt học viên",
    "persons": "Số người học lần đầu",
    "persons_estimated": "Trong đó: ước tính",
    "budget_planned": "Kinh phí kế hoạch (đồng)",
    "budget_spent": "Kinh phí đã chi (đồng)",
    "classes_percent": "Lớp đã tổ chức so với kế hoạch (%)",
    "persons_percent": "Số người so với kế hoạch (%)",
}
TOTAL: Final = "Tổng cộng"
ESTIMATE: Final = "ước tính"


UPCOMING_HEADING: Final = "Khóa học sắp tới"
ADD_TO_CALENDAR: Final = "Thêm vào lịch (.ics)"


def upcoming_intro(as_of: str) -> str:
    """The line above the upcoming courses: they are counted from the data date."""
    return (
        f"Các khóa học dự kiến tính từ ngày {as_of} (ngày cập nhật số liệu), theo thứ tự ngày học:"
    )


def upcoming_none(as_of: str) -> str:
    return f"Chưa có khóa học nào được lên lịch từ ngày {as_of} (ngày cập nhật số liệu)."


FEED_TITLE: Final = "Tin tức"
NOT_FOUND: Final[dict[str, str]] = {
    "title": "Không tìm thấy trang",
    "text": (
        "Trang bạn mở không có hoặc đã được chuyển sang địa chỉ khác. "
        "Bạn có thể về trang chủ, tìm theo từ khóa hoặc xem lịch tập huấn."
    ),
    "home": "Về trang chủ",
    "search": "Tìm kiếm trong cẩm nang",
    "schedule": "Xem lịch tập huấn",
}


def home_description(site_name: str, plan: str, province: str) -> str:
    return (
        f"{site_name} của {province}: chuyên đề, chương trình tập huấn theo cấp, "
        f"lịch tập huấn và tiến độ thực hiện {plan}."
    )


def plan_description(title: str, reference: str, issuer: str) -> str:
    return f"{title} ({reference} của {issuer}): chỉ tiêu, chuyên đề, kết quả và báo cáo."


def schedule_year_description(year: int, count: int) -> str:
    return f"Lịch tập huấn năm {year}: {count} khóa học, theo tháng, với địa điểm và trạng thái."


def schedule_level_description(level: str, count: int) -> str:
    return (
        f"Các khóa tập huấn {level.lower()} theo năm: {count} khóa học, với địa điểm và trạng thái."
    )
