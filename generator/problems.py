"""Located validation problems and the report that lists them.

A :class:`Problem` remembers the file, line and column it is about and carries
the message and hint from :mod:`generator.messages`. A report lists every
problem, sorted, then a one-line summary; ``format_github`` writes GitHub
annotation lines so problems show inline on a pull request.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import messages


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at ``file:line:col`` (1-based)."""

    file: str
    line: int
    col: int
    code: str
    message: str
    hint: str

    @classmethod
    def make(cls, file: str, line: int, col: int, code: str, **values: object) -> Problem:
        """Build a problem from a message-catalogue code.

        >>> Problem.make("a.yml", 3, 1, "file-empty").message
        'Tệp rỗng, không có nội dung.'
        """
        message, hint = messages.problem_text(code, **values)
        return cls(file, line, col, code, message, hint)


class LoadError(Exception):
    """A file could not be read into data; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def suggest(value: str, candidates: Iterable[str]) -> str:
    """Return a "did you mean" sentence for the nearest candidate, or ''.

    >>> suggest("titel", ["title", "summary"])
    "Có phải ý bạn là 'title'? "
    """
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return messages.DID_YOU_MEAN.format(candidate=close[0]) if close else ""


def listing(values: Iterable[str], limit: int = 12) -> str:
    """Join allowed values for a hint, shortening long lists."""
    items = sorted(set(values))
    if len(items) > limit:
        return ", ".join(items[:limit]) + f", … ({len(items)} mã)"
    return ", ".join(items)


def summary(problems: Sequence[Problem]) -> str:
    """One line: how many problems in how many files."""
    files = len({p.file for p in problems})
    return messages.SUMMARY_ERRORS.format(errors=len(problems), files=files)


def format_text(problems: Sequence[Problem]) -> str:
    """The human report: ``file:line:col: message`` then an indented hint."""
    lines: list[str] = []
    for p in sorted(set(problems)):
        lines.append(f"{p.file}:{p.line}:{p.col}: {p.message}")
        lines.append(f"    {messages.HINT_PREFIX}: {p.hint}")
    lines.append(summary(problems))
    return "\n".join(lines)


def _escape_github(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions annotation lines, one per problem, then the summary."""
    lines = []
    for p in sorted(set(problems)):
        text = _escape_github(f"{p.message}\n{messages.HINT_PREFIX}: {p.hint}")
        title = _escape_github(p.code, prop=True)
        file = _escape_github(p.file, prop=True)
        lines.append(f"::error file={file},line={p.line},col={p.col},title={title}::{text}")
    lines.append(summary(problems))
    return "\n".join(lines)
