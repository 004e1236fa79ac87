"""The lists the workbook's dropdowns offer, and how a typed value is read back as a code.

Fixed vocabularies (half-days, statuses…) are shown by their Vietnamese label
("Sáng"); records of another kind by "code · name" ("xa · Cấp xã"), so a clerk
sees what a code means and the import still gets the code. Either form, or the
bare code, is accepted on import, and so is a name the site itself shows for a
record (an alias: "Tỉnh" for the level ``tinh`` named "Cấp tỉnh", "Chuyên đề
I.1" for the topic ``cd-i-01``) when it stands for exactly one code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ... import messages
from ...content.project import Content
from ...messages import workbook as words

SEPARATOR = " · "
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def fold(text: str) -> str:
    """Text compared loosely: NFC, case-folded, spaces collapsed.

    >>> fold("  Đã  tổ chức ") == fold("đã tổ chức")
    True
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class Vocabulary:
    """One list of the "Danh mục" sheet: its codes and how each is shown."""

    name: str
    header: str
    items: tuple[tuple[str, str], ...]
    """(code, shown) pairs, in the order the dropdown offers them."""
    fixed: bool
    """A fixed vocabulary (labels) rather than ids of records (codes · names)."""
    aliases: dict[str, str] = field(default_factory=dict, compare=False)
    """Other names of a code, folded: "tỉnh" → tinh (only names that stand for one code)."""

    @property
    def codes(self) -> list[str]:
        return [code for code, _ in self.items]

    @property
    def labels(self) -> list[str]:
        return [shown for _, shown in self.items]

    def shown(self, code: str) -> str:
        """The dropdown value of ``code`` (the code itself when it is not in the list)."""
        return next((shown for c, shown in self.items if c == code), code)

    def read(self, text: str) -> str | None:
        """The code a typed value stands for.

        A label, a "code · name", a bare code or an alias is recognised; for
        ids, an unknown value written like a code is returned as typed (the
        reference check reports it with the list of ids); anything else is None.

        >>> v = Vocabulary("half", "Buổi", (("sang", "Sáng"), ("chieu", "Chiều")), fixed=True)
        >>> v.read("chiều"), v.read("sang"), v.read("Chiu")
        ('chieu', 'sang', None)
        >>> lv = _ids("level", [("tinh", "Cấp tỉnh")], [("Tỉnh", "tinh")])
        >>> lv.read("tỉnh"), lv.read("tinh-x"), lv.read("Huyện")
        ('tinh', 'tinh-x', None)
        """
        wanted = fold(text)
        for code, shown in self.items:
            if wanted in (fold(code), fold(shown)):
                return code
            if not self.fixed and wanted == fold(shown.partition(SEPARATOR)[2]):
                return code  # the name alone
        if wanted in self.aliases:
            return self.aliases[wanted]
        if "·" in text:
            code = text.partition("·")[0].strip()
            return code if not self.fixed or code in self.codes else None
        typed = text.strip()
        return None if self.fixed or not _ID.fullmatch(typed) else typed


def _fixed(name: str, labels: Mapping[str, str]) -> Vocabulary:
    return Vocabulary(name, words.LIST_HEADERS[name], tuple(labels.items()), True)


def _ids(
    name: str, pairs: list[tuple[str, str]], aliases: Iterable[tuple[str, str]] = ()
) -> Vocabulary:
    items = tuple((code, f"{code}{SEPARATOR}{label}") for code, label in pairs)
    codes = {fold(code) for code, _ in pairs}
    found: dict[str, set[str]] = {}
    for alias, code in aliases:
        found.setdefault(fold(alias), set()).add(code)
    unique = {a: next(iter(c)) for a, c in found.items() if len(c) == 1 and a not in codes}
    return Vocabulary(name, words.LIST_HEADERS[name], items, False, unique)


def _level_aliases(levels: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """ "Tỉnh" for the level named "Cấp tỉnh"."""
    prefix = fold(words.LEVEL_PREFIX)
    return [(fold(n).removeprefix(prefix).strip(), code) for code, n in levels]


def vocabularies(content: Content) -> dict[str, Vocabulary]:
    """Every list the dropdowns read, from the project's configuration and records."""
    config = content.config.record if content.config else None
    # Topics in framework order (group as the configuration lists them, then number).
    rank = {g.id: i for i, g in enumerate(config.topic_groups)} if config else {}
    topics = sorted(
        (t.record for t in content.topics), key=lambda t: (rank.get(t.group, 99), t.number, t.id)
    )
    plans = sorted((p.record for p in content.of("plan")), key=lambda p: p.period.start)
    levels = [(lv.id, lv.name) for lv in config.levels] if config else []
    found = [
        _ids("level", levels, _level_aliases(levels)),
        _ids("audience", [(a.record.id, a.record.name) for a in content.audiences]),
        _ids("topic", [(t.id, t.title) for t in topics], [(t.label, t.id) for t in topics]),
        _ids("plan", [(p.id, p.short_title) for p in plans]),
        _ids("priority_area", [(a.id, a.name) for a in config.priority_areas] if config else []),
        _fixed("course_kind", messages.COURSE_KINDS),
        _fixed("delivery_mode", messages.DELIVERY_MODES),
        _fixed("course_status", messages.COURSE_STATUSES),
        _fixed("half", messages.HALF_DAYS),
        _fixed("session_kind", messages.SESSION_KINDS),
        _fixed("funding_source", messages.FUNDING_SOURCES),
    ]
    return {v.name: v for v in found}
