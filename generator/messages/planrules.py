"""Rules about plans, annual plans, results and honest figures: words and severities.

The plan's rules for courses (length, practice, time per topic) are warnings
by default: such a course is published and listed in the plan's compliance
section. A plan (or the site) may make them errors with ``rules:``.
"""

from __future__ import annotations

from typing import Final

from .rule import Rule

PLAN_RULES: Final[dict[str, Rule]] = {
    "course-too-short": Rule(
        "Khóa học chỉ có {days} ngày học, kế hoạch yêu cầu ít nhất {min} ngày.",
        "Thêm buổi học vào ngày khác, hoặc ghi lý do vào trường 'exception' của khóa học.",
        "warning",
    ),
    "course-no-practice": Rule(
        "Khóa học có {count} buổi {kinds}, kế hoạch yêu cầu ít nhất {min}.",
        "Thêm buổi với loại 'khao_sat' (khảo sát thực tế) hoặc 'thuc_hanh' (thực hành).",
        "warning",
    ),
    "course-no-sessions": Rule(
        "Khóa học chưa có buổi học nào.",
        "Thêm danh sách 'sessions:' với ngày, buổi, chuyên đề, loại và giảng viên.",
        "warning",
    ),
    "group-count": Rule(
        "Nhóm {group} có {count} chuyên đề, khung chương trình quy định {expected}.",
        "Kiểm tra lại trường 'group' của các chuyên đề; chuyên đề địa phương dùng 'group: local'.",
    ),
    "denominator-twice": Rule(
        "Đã có số người cần tập huấn cho {level!r} – {group!r} (dòng {first_line}).",
        "Mỗi cặp cấp – nhóm đối tượng chỉ ghi một lần.",
    ),
    "period-order": Rule(
        "Kỳ kế hoạch kết thúc ({end}) trước khi bắt đầu ({start}).",
        "Sửa 'plan.period'.",
    ),
    "topic-too-short": Rule(
        "{topic} chỉ có {given} buổi trong khóa học, đề cương cần {duration} buổi.",
        "Thêm buổi cho chuyên đề, hoặc ghi lý do vào trường 'exception' của khóa học.",
        "warning",
    ),
    "plan-overlap": Rule(
        "Kế hoạch {plan!r} bắt đầu trước khi kế hoạch {other!r} kết thúc ({end}).",
        "Kỳ của các kế hoạch không được chồng nhau: mỗi khóa học thuộc đúng một kế hoạch.",
    ),
    "plan-level-not-valid": Rule(
        "Cấp {level!r} không còn hiệu lực trong kỳ của kế hoạch (hiệu lực {validity}).",
        "Bỏ cấp này khỏi 'levels' của kế hoạch, hoặc sửa ngày hiệu lực của cấp "
        "trong site_config.yml.",
    ),
    "listed-twice": Rule(
        "{value!r} được ghi hai lần trong danh sách.",
        "Xóa dòng lặp lại.",
    ),
    "denominator-cover-mismatch": Rule(
        "Đối tượng {audience!r} không thuộc {level!r} – {group!r} của dòng số người cần tập huấn "
        "này.",
        "'covers' chỉ ghi đối tượng cùng cấp và cùng nhóm đối tượng với dòng đó.",
    ),
    "planned-in-past": Rule(
        "Khóa học vẫn ghi dự kiến nhưng đã kết thúc ngày {end}, trước ngày số liệu {as_of}.",
        "Đổi trạng thái thành 'held' (kèm số học viên thực tế) hoặc 'cancelled' (kèm lý do trong "
        "'note').",
        "warning",
    ),
    "outside-plans": Rule(
        "Ngày {day} không thuộc kỳ của kế hoạch nào; số liệu này không được tính vào chỉ tiêu.",
        "Kiểm tra ngày, hoặc thêm kế hoạch có kỳ chứa ngày này trong content/plans/.",
        "warning",
    ),
    "level-not-in-plan": Rule(
        "Cấp {level!r} không có trong các cấp của kế hoạch {plan!r}.",
        "Kiểm tra cấp tổ chức, hoặc thêm cấp vào 'levels' của kế hoạch.",
        "warning",
    ),
    "annual-plan-year": Rule(
        "Năm {year} nằm ngoài kỳ của kế hoạch {plan!r}.",
        "Sửa 'year' hoặc 'plan' của kế hoạch năm.",
    ),
    "annual-plan-twice": Rule(
        "Đã có kế hoạch năm {year} của kế hoạch này ở {other}.",
        "Mỗi năm của một kế hoạch chỉ có một kế hoạch năm; gộp hai tệp lại.",
    ),
    "result-breakdown": Rule(
        "Tổng lượt học viên theo đối tượng ({parts}) lớn hơn tổng lượt học viên ({total}).",
        "Sửa 'turns' cho khớp: tổng theo đối tượng không lớn hơn tổng chung.",
    ),
    "progress-over-denominator": Rule(
        "Số người đã tập huấn ({persons}) nhiều hơn số người cần tập huấn ({people}) của {level!r} "
        "– {group!r}.",
        "Kiểm tra 'new_persons' của các khóa học (một người học hai khóa chỉ tính một lần) hoặc "
        "cập nhật số người cần tập huấn; tỷ lệ trên 100% được ghi chú trên trang.",
        "warning",
    ),
    "count-over-denominator": Rule(
        "Số học viên {count} của đối tượng {audience!r} lớn hơn số người cần tập huấn của cả nhóm "
        "({people}).",
        "Kiểm tra số học viên, đối tượng, hoặc số người cần tập huấn của kế hoạch.",
        "warning",
    ),
    "audience-outside-denominator": Rule(
        "Đối tượng {audience!r} không nằm trong số người cần tập huấn của kế hoạch {plan!r}; người "
        "học không được tính vào tỷ lệ.",
        "Thêm đối tượng vào 'covers' (hoặc thêm dòng cho cấp và nhóm đó) trong 'denominators' của "
        "kế hoạch, để tử số và mẫu số tính cùng những người.",
        "warning",
    ),
}
