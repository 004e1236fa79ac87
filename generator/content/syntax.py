"""YAML parser messages, explained in Vietnamese.

PyYAML's scanner and parser say what went wrong in English ("could not find
expected ':'"). :func:`explain` maps each of their messages to a problem code
of the message catalogue and a Vietnamese detail; a message not in the table
still gets a Vietnamese sentence, never the English text.
"""

from __future__ import annotations

import re

# (English message pattern, problem code, Vietnamese detail); the first match wins.
# A ``{0}`` in the detail is the character the parser quoted.
_TABLE: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), code, detail)
    for pattern, code, detail in (
        (r"found character '\\t'", "yaml-tab", "có ký tự Tab"),
        (r"could not find expected ':'", "yaml-syntax", "thiếu dấu hai chấm sau tên trường"),
        (
            r"mapping values are not allowed",
            "yaml-colon-in-value",
            "có dấu hai chấm và dấu cách (': ') trong giá trị, hoặc thụt lề không đều",
        ),
        (r"found unexpected end of stream", "yaml-unclosed-quote", "dấu ngoặc chưa được đóng"),
        (
            r"found character (.+) that cannot start any token",
            "yaml-special-start",
            "ký tự {0} không được đứng đầu một giá trị",
        ),
        (
            r"expected the node content, but found (.+)",
            "yaml-special-start",
            "ký tự {0} đặt sai chỗ",
        ),
        (
            r"expected alphabetic or numeric character",
            "yaml-special-start",
            "dấu '&' hoặc '*' đứng đầu giá trị có nghĩa riêng trong YAML",
        ),
        (r"expected <block end>", "yaml-indent", "thụt lề không đều"),
        (r"sequence entries are not allowed", "yaml-indent", "dấu '- ' đặt sai chỗ"),
        (r"did not find expected key", "yaml-indent", "thụt lề không đều"),
        (r"did not find expected '-'", "yaml-indent", "thiếu dấu '- ' trước phần tử danh sách"),
        (r"expected ',' or '\]'", "yaml-flow", "danh sách trong ngoặc vuông [ ] chưa đóng"),
        (r"expected ',' or '\}'", "yaml-flow", "nhóm trong ngoặc nhọn {{ }} chưa đóng"),
        (r"unknown escape character (.+)", "yaml-escape", "ký tự thoát \\{0} không hợp lệ"),
        (r"expected escape sequence", "yaml-escape", "mã ký tự sau dấu '\\' không đủ chữ số"),
        (r"found undefined alias", "yaml-syntax", "bí danh (*) không có neo (&) tương ứng"),
        (r"found duplicate anchor", "yaml-syntax", "hai neo (&) trùng tên"),
        (
            r"tag|URI",
            "yaml-tag-syntax",
            "giá trị bắt đầu bằng '!' là một thẻ YAML",
        ),
        (
            r"chomping or indentation indicators|indentation indicator",
            "yaml-syntax",
            "sau dấu '|' hoặc '>' phải xuống dòng",
        ),
        (
            r"document start|document separator",
            "yaml-syntax",
            "dòng '---', '...' hoặc '%' đặt sai chỗ",
        ),
        (r"mapping keys are not allowed", "yaml-special-start", "dấu '?' đứng đầu giá trị"),
        (r"expected a comment or a line break", "yaml-syntax", "có ký tự thừa ở cuối dòng"),
    )
)
_GENERIC = "không đọc được cấu trúc YAML ở đây"
_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:-\s+)?[\w.-]+:[^\s:/]")
_BARE_KEY = re.compile(r"\s+(?:-\s+)?[\w.-]+")


def explain(
    message: str, source_line: str = "", column: int = 0, *, context: str = ""
) -> tuple[str, str]:
    """The Vietnamese detail and problem code for a PyYAML message.

    ``source_line`` is the line the problem is reported on and ``column`` the
    1-based column: a key written without a space after its colon
    (``start:2026-03-17``) and a key indented too deep get their own codes.

    >>> explain("could not find expected ':'", "start:2026-03-17")
    ('thiếu dấu cách sau dấu hai chấm', 'yaml-colon-space')
    >>> explain("something new")
    ('không đọc được cấu trúc YAML ở đây', 'yaml-syntax')
    """
    if _KEY_WITHOUT_SPACE.match(source_line) and "expected ':'" in message:
        return "thiếu dấu cách sau dấu hai chấm", "yaml-colon-space"
    if "mapping values are not allowed" in message and _BARE_KEY.fullmatch(
        source_line[: max(column - 1, 0)]
    ):
        # "  title: x" under "id: a": a key indented deeper than its neighbours.
        return "dòng này thụt lề sâu hơn các trường cùng cấp", "yaml-indent"
    if "but found '<scalar>'" in message and source_line[: max(column - 1, 0)].rstrip().endswith(
        ("'", '"')
    ):
        return "có chữ nằm sau dấu ngoặc đóng", "yaml-text-after-quote"
    for text in (message, context):  # what went wrong, else what was being read
        for pattern, code, detail in _TABLE:
            match = pattern.search(text)
            if match:
                return detail.format(*match.groups()), code
    return _GENERIC, "yaml-syntax"
