"""Words of the printed documents: outlines, curricula, reports and course notices."""

from __future__ import annotations

from typing import Final

NATION: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"
DOTS: Final = "……"
"""Printed where the office has not set a value, to be filled in by hand."""
RECIPIENTS: Final = "Nơi nhận:"
FILED: Final = "Lưu: VT."
SIGN_HERE: Final = "(Ký, ghi rõ họ tên, đóng dấu)"

# Outlines
OUTLINE_KIND: Final = "Đề cương chuyên đề"
OBJECTIVES: Final = "Mục tiêu"
OBJECTIVES_LEAD: Final = "Sau chuyên đề, học viên:"
OUTLINE: Final = "Đề cương"
DURATION: Final = "Thời lượng: "
AUDIENCES: Final = "Đối tượng"
METHODS: Final = "Phương pháp"
REFERENCES: Final = "Văn bản tham khảo"
TITLE_SOURCE: Final = "Nguồn tiêu đề: "
CONTENTS: Final = "Mục lục"
PAGE_OF: Final = "Trang {page}/{{nb}}"


def reviewed(day: str, as_of: str) -> str:
    return f"Rà soát lần cuối: {day}. Số liệu cập nhật đến ngày {as_of}."


def as_of(day: str) -> str:
    return f"Số liệu cập nhật đến ngày {day}."


# QR codes: the caption beside the symbol names what it opens.
QR_TOPIC: Final = "Bản điện tử của chuyên đề (quét mã QR):"
QR_CURRICULUM: Final = "Bản điện tử của chương trình (quét mã QR):"
QR_HANDBOOK: Final = "Cẩm nang trực tuyến (quét mã QR):"
QR_COURSE: Final = "Trang khóa học"
QR_CALENDAR: Final = "Thêm vào lịch điện thoại"

# Curricula
CURRICULUM_KIND: Final = "Chương trình tập huấn"
CURRICULUM_HEADERS: Final = ("STT", "Chuyên đề", "Thời lượng", "Đối tượng")


def curriculum_for(level_name: str) -> str:
    """ "Cấp xã" → "Dành cho cán bộ cấp xã"."""
    return f"Dành cho cán bộ {level_name[:1].lower()}{level_name[1:]}"


# Course notices (thông báo mở lớp)
NOTICE_KIND: Final = "Thông báo"
NOTICE_LINK: Final = "Thông báo mở lớp"
NOTICE_PDF: Final = "bản PDF để in, gửi các đơn vị"
NOTICE_DOCX: Final = "bản Word (DOCX) để ghi số, ký ban hành"


def notice_summary(title: str) -> str:
    return f"Về việc mở lớp {title[:1].lower()}{title[1:]}"


NOTICE_INTRO: Final = "{organiser} thông báo mở lớp {title} như sau:"
NOTICE_SECTIONS: Final = {
    "time": "1. Thời gian",
    "place": "2. Địa điểm",
    "topics": "3. Nội dung và lịch học",
    "audiences": "4. Thành phần, số lượng học viên",
    "bring": "5. Học viên mang theo",
    "contact": "6. Liên hệ",
}
NOTICE_SCHEDULE_HEADERS: Final = ("Ngày", "Buổi", "Giờ", "Chuyên đề", "Giảng viên")
NOTICE_AUDIENCE_HEADERS: Final = ("Đối tượng", "Cấp", "Số lượng")
NOTICE_TOTAL: Final = "Tổng số học viên dự kiến"
NOTICE_BRING_DEFAULT: Final = (
    "Giấy giới thiệu của cơ quan, đơn vị cử đi học",
    "Tài liệu chuyên đề (tải về theo mã QR trên thông báo)",
    "Sổ, bút ghi chép",
)
NOTICE_CLOSING: Final = (
    "Đề nghị các cơ quan, đơn vị cử đúng thành phần, đủ số lượng học viên tham dự lớp học "
    "đầy đủ, đúng thời gian./."
)
NOTICE_NO_CONTACT: Final = "Đơn vị tổ chức lớp học (chưa ghi số điện thoại liên hệ)."


def notice_days(start: str, end: str, days: int) -> str:
    if start == end:
        return f"Ngày {start} (1 ngày)."
    return f"Từ ngày {start} đến ngày {end} ({days} ngày học)."


def half_day(name: str, start: str, end: str) -> str:
    return f"{name}: từ {start} đến {end}"


# Share cards (Open Graph images)
SHARE_TOPIC: Final = "Chuyên đề tập huấn"


def course_description(kind: str, level: str, dates: str, place: str, organiser: str) -> str:
    """What a shared course link says under its title."""
    return (
        f"{kind} {level[:1].lower()}{level[1:]}, {dates}, tại {place}. Đơn vị tổ chức: {organiser}."
    )


# Plan summaries (tóm tắt kế hoạch)
PLAN_SUMMARY_KIND: Final = "Tóm tắt kế hoạch"
PLAN_SUMMARY_LINK: Final = "Tải về"
PLAN_SUMMARY_PDF: Final = "Tóm tắt kế hoạch (PDF)"
PLAN_SUMMARY_DOCX: Final = "Tóm tắt kế hoạch (DOCX)"
PLAN_SECTIONS: Final = {
    "general": "1. Thông tin chung",
    "targets": "2. Mục tiêu",
    "framework": "3. Khung chuyên đề",
    "rules": "4. Quy định về khóa tập huấn",
    "people": "5. Số người cần tập huấn",
    "note": "6. Ghi chú",
}
PLAN_FACTS: Final = {
    "reference": "Số, ngày ban hành",
    "issuer": "Cơ quan ban hành",
    "programme": "Thuộc chương trình",
    "period": "Thời gian thực hiện",
    "levels": "Các cấp tổ chức",
}
PLAN_TOPIC_HEADERS: Final = ("STT", "Chuyên đề", "Thời lượng")
PLAN_PEOPLE_HEADERS: Final = ("Cấp", "Nhóm đối tượng", "Số người", "Gồm các đối tượng")
PLAN_ALL_AUDIENCES: Final = "Tất cả đối tượng của cấp và nhóm này"
QR_PLAN: Final = "Nội dung đầy đủ và tiến độ thực hiện kế hoạch (quét mã QR):"


def plan_under_title(reference: str | None, issuer: str) -> str:
    """The line under the title: which plan this summarises, or that it is a draft."""
    if reference is None:
        return f"(Dự thảo kế hoạch của {issuer}, chưa có số và ngày ban hành)"
    return f"(Kế hoạch {reference} của {issuer})"


def plan_target(percent: str, group: str, levels: str, by: str) -> str:
    """ "Ít nhất 80% cán bộ cơ sở (cấp xã) được tập huấn, bồi dưỡng (đến 31/12/2030)." """
    share = "100%" if percent == "100" else f"Ít nhất {percent}%"
    where = f" ({levels})" if levels else ""
    return f"{share} {group}{where} được tập huấn, bồi dưỡng (đến {by})."


def plan_framework(parts: list[str], local: int) -> str:
    """ "Khung gồm 6 chuyên đề nhóm I – …; 9 chuyên đề nhóm II – …, cùng 3 chuyên đề bổ sung …" """
    extra = f", cùng {local} chuyên đề bổ sung của địa phương" if local else ""
    return f"Khung gồm {'; '.join(parts)}{extra}."


def plan_course_rules(days: int, sessions: int, kinds: str) -> str:
    return (
        f"Mỗi khóa tập huấn kéo dài không dưới {days} ngày, có ít nhất {sessions} buổi {kinds}, "
        "và mỗi chuyên đề được dạy đủ số buổi của đề cương."
    )


def plan_people(day: str, source: str) -> str:
    return f"Tính đến ngày {day}; nguồn: {source}."


def plan_summary_from(day: str) -> str:
    return (
        f"Bản tóm tắt lập từ dữ liệu của cẩm nang cập nhật đến ngày {day}; "
        "nội dung đầy đủ, tiến độ và báo cáo xem tại trang kế hoạch."
    )


# Reports
QR_REPORT: Final = "Báo cáo trực tuyến (quét mã QR):"
REPORT_KIND: Final = "Báo cáo"
