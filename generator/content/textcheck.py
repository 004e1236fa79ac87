"""Characters that no output format accepts, found before anything is written.

Control characters (C0 except tab and line breaks, DEL, C1), lone surrogates,
Unicode line and paragraph separators, bidirectional overrides (which can make
text read differently from what it is) and the non-characters U+FFFE/U+FFFF
crash or corrupt one writer or another (XML, XLSX, calendars, PDF). They are
refused where they are typed, with their position, so that content which
passes validation can always be built.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ufffe\uffff"
)
# Raw text keeps its line breaks; values keep tab and newline but not CR.
_PATTERNS = {
    allow: re.compile(f"[{_FORBIDDEN}{'' if chr(13) in allow else chr(13)}]")
    for allow in ("\t\n\r", "\t\n")
}
_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x85\x0b\x0c]")


def first_forbidden(text: str, allow: str = "\t\n\r") -> int | None:
    """Index of the first character no writer accepts, or None.

    >>> first_forbidden("Đảng ủy\\x01"), first_forbidden("Nông thôn\\tmới")
    (7, None)
    """
    match = _PATTERNS[allow].search(text)
    return match.start() if match else None


def has_line_break(text: str) -> bool:
    """True when a single-line value holds a line break of any kind."""
    return _LINE_BREAKS.search(text) is not None


def describe(char: str) -> str:
    """How a refused character is named in messages: ``U+0001 (SOH)``.

    >>> describe("\\x00"), describe("\\u202e")
    ('U+0000', 'U+202E (RIGHT-TO-LEFT OVERRIDE)')
    """
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} ({name})" if name else code


def position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of ``text[index]``, counting LF, CRLF and CR as breaks.

    >>> position("a\\nbc\\x01", 4)
    (2, 3)
    """
    before = text[:index].replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1
