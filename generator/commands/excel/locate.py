"""Problems the content checks found in generated YAML, moved to the cells the values came from.

The import writes each draft as YAML and checks the project as it will be.
A problem in one of those files carries a line and column; the file's parsed
:class:`~generator.content.loader.Document` says which value starts there
(``("sessions", 2, "date")``), and the draft says which cell that value came
from (``Buổi học!B14``). The problem keeps its code, message and hint, so a
clerk reads the same words as someone editing the YAML; a message naming a
generated file or one of its lines ("lần đầu ở dòng 14") names the cell instead.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ...content.loader import Document, Loc
from ...messages import RULES
from ...problems import Problem
from .read import CellRef, Draft

# The checks name files after ids; the import names them so too, so a file
# named otherwise only means the id itself is wrong, which is reported at its cell.
_DROPPED = {"file-name-id"}


@dataclass
class Generated:
    """A draft written as YAML, and where each of its values starts in that text."""

    draft: Draft
    doc: Document
    _starts: list[tuple[int, int, int]] = field(default_factory=list)
    _locs: list[Loc] = field(default_factory=list)
    _outermost: dict[int, Loc] = field(default_factory=dict)
    """By line: the outermost value starting on it (indexed once, not searched per problem)."""

    def __post_init__(self) -> None:
        ordered = sorted((pos[0], pos[1], len(loc), loc) for loc, pos in self.doc.marks.items())
        self._starts = [(line, col, depth) for line, col, depth, _ in ordered]
        self._locs = [loc for *_, loc in ordered]
        for line, _, depth, loc in ordered:
            known = self._outermost.get(line)
            if known is None or depth < len(known):
                self._outermost[line] = loc

    def loc_at(self, line: int, col: int) -> Loc:
        """The value starting at, or last before, a position (the deepest on a tie)."""
        index = bisect.bisect_right(self._starts, (line, col, 10**6)) - 1
        return self._locs[index] if index >= 0 else ()

    def cell_of_line(self, line: int) -> CellRef:
        """The cell of the outermost value starting on ``line`` ("lần đầu ở dòng 14")."""
        loc = self._outermost.get(line)
        return self.draft.anchor if loc is None else self.draft.cell(loc)


def _moved(problem: Problem, cell: CellRef, file: str, message: str) -> Problem:
    return replace(
        problem, file=file, line=cell.row, col=cell.column, place=cell.place, message=message
    )


def _dropped(problem: Problem, loc: Loc, draft: Draft) -> bool:
    """Whether the reader already reported this problem at its cell."""
    if problem.code in _DROPPED:
        return True
    if problem.code == "missing-field":  # a value left out after a blank or unreadable cell
        return any(omitted[:-1] == loc for omitted in draft.omitted)
    return problem.code == "too-short" and loc in draft.omitted  # a list with no rows


# A file name a message may hold ("content/courses/kh-01.yml:14"); looked up among the
# generated files, so that the work per problem does not grow with their number.
_FILE_NAME = re.compile(r"([\w./-]+?\.ya?ml)(?::(\d+))?")


def _message(problem: Problem, here: Generated | None, generated: dict[str, Generated]) -> str:
    """The message, with generated files and their lines named by cell."""
    message = problem.message
    if generated:

        def cell(match: re.Match[str]) -> str:
            other = generated.get(match.group(1))
            if other is None:
                return match.group(0)
            line = match.group(2)
            return (other.cell_of_line(int(line)) if line else other.draft.anchor).place

        message = _FILE_NAME.sub(cell, message)
    if here is not None and "{first_line}" in RULES[problem.code].message:
        message = re.sub(
            r"dòng (\d+)", lambda m: f"ô {here.cell_of_line(int(m.group(1))).place}", message
        )
    return message


def relocate(problems: list[Problem], generated: dict[str, Generated], file: str) -> list[Problem]:
    """Each problem of a generated file at its cell of the workbook ``file``; others as they are."""
    moved = []
    for problem in problems:
        here = generated.get(problem.file)
        message = _message(problem, here, generated)
        if here is None:
            moved.append(replace(problem, message=message))
            continue
        loc = here.loc_at(problem.line, problem.col)
        if _dropped(problem, loc, here.draft):
            continue
        moved.append(_moved(problem, here.draft.cell(loc), file, message))
    return moved
