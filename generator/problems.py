"""Located validation problems and the report that lists them.

A :class:`Problem` remembers the file, line and column it is about and carries
the message, hint and severity of its rule from the catalogue
(:mod:`generator.messages.rules`). The text report groups problems by rule,
errors first, prints each hint once for the problems that share it, and ends
with a one-line summary; ``format_github`` writes GitHub annotation lines
(``::error`` / ``::warning``) so problems show inline on a pull request.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from . import messages
from .messages.rules import Severity


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at ``file:line:col`` (1-based).

    A problem in a spreadsheet also names its cell in ``place`` ("Khóa học!D7"),
    shown instead of the line and column (which then hold the cell's row and
    column, for sorting).
    """

    file: str
    line: int
    col: int
    code: str
    message: str
    hint: str
    severity: Severity = "error"
    place: str = ""

    @classmethod
    def make(cls, file: str, line: int, col: int, code: str, **values: object) -> Problem:
        """Build a problem from a rule of the catalogue, with the rule's severity.

        >>> Problem.make("a.yml", 3, 1, "file-empty").message
        'Tệp rỗng, không có nội dung.'
        """
        message, hint = messages.problem_text(code, **values)
        return cls(file, line, col, code, message, hint, messages.RULES[code].severity)

    @classmethod
    def in_cell(
        cls, file: str, row: int, column: int, place: str, code: str, **values: object
    ) -> Problem:
        """A problem about a cell of the workbook ``file``, shown as ``place``."""
        return replace(cls.make(file, row, column, code, **values), place=place)

    @property
    def where(self) -> str:
        """Where the problem is, as reports show it: ``file:line:col`` or the cell.

        >>> Problem.make("a.yml", 3, 1, "file-empty").where
        'a.yml:3:1'
        >>> Problem.in_cell("x.xlsx", 7, 4, "Khóa học!D7", "file-empty").where
        'Khóa học!D7'
        """
        return self.place or f"{self.file}:{self.line}:{self.col}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


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


def with_severities(
    problems: Iterable[Problem], overrides: dict[str, Severity], *, strict: bool = False
) -> list[Problem]:
    """Problems with the configured severity of their rule; ``strict`` makes warnings errors."""
    changed = []
    for p in problems:
        severity = "error" if strict else overrides.get(p.code, p.severity)
        changed.append(p if severity == p.severity else replace(p, severity=severity))
    return sorted(set(changed))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems that stop a build."""
    return [p for p in problems if p.is_error]


def summary(problems: Sequence[Problem]) -> str:
    """One line: how many errors (and warnings) in how many files."""
    files = len({p.file for p in problems})
    count = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - count
    if not warnings:
        return messages.SUMMARY_ERRORS.format(errors=count, files=files)
    return messages.SUMMARY_WITH_WARNINGS.format(errors=count, warnings=warnings, files=files)


def _rule_order(problem: Problem) -> tuple[int, str, int, int, str, str]:
    p = problem
    return (0 if p.is_error else 1, p.file, p.line, p.col, p.code, p.message)


def format_text(problems: Sequence[Problem]) -> str:
    """The human report, grouped by rule: errors first, each hint once per run of problems.

    ``file:line:col: message`` lines stay clickable in editors and terminals.
    """
    lines: list[str] = []
    unique = sorted(set(problems), key=_rule_order)
    first: dict[tuple[str, str], tuple[int, str, int, int, str, str]] = {}
    for p in unique:
        first.setdefault((p.severity, p.code), _rule_order(p))
    ordered = sorted(unique, key=lambda p: (first[(p.severity, p.code)], _rule_order(p)))
    for (severity, code), group in groupby(ordered, key=lambda p: (p.severity, p.code)):
        items = list(group)
        label = messages.SEVERITY_LABELS[severity]
        lines.append(messages.RULE_HEADER.format(label=label, code=code, count=len(items)))
        for hint, same in groupby(items, key=lambda p: p.hint):
            for p in same:
                lines.append(f"  {p.where}: {p.message}")
            lines.append(f"      {messages.HINT_PREFIX}: {hint}")
    lines.append(summary(unique))
    return "\n".join(lines)


def _escape_github(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions annotation lines (``::error`` or ``::warning``), then the summary."""
    lines = []
    for p in sorted(set(problems)):
        text = _escape_github(f"{p.message}\n{messages.HINT_PREFIX}: {p.hint}")
        title = _escape_github(p.code, prop=True)
        file = _escape_github(p.file, prop=True)
        if p.place:  # a cell of a workbook: GitHub cannot point into it, the text names it
            text = _escape_github(f"{p.place}: ") + text
            lines.append(f"::{p.severity} file={file},title={title}::{text}")
            continue
        lines.append(f"::{p.severity} file={file},line={p.line},col={p.col},title={title}::{text}")
    lines.append(summary(problems))
    return "\n".join(lines)
