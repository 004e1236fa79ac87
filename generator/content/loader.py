"""Stage 1, load: read a YAML file into plain data that remembers positions.

The file is read as a stream of parser events (libyaml when available), and
the data is built from them by a loop with an explicit stack — never by
recursion — so that no file, however deep, can exhaust the interpreter's stack
or crash libyaml's recursive composer. While building we record the line and
column of every key and value, refuse duplicate keys (PyYAML silently keeps
the last), refuse tags, nesting deeper than :data:`MAX_DEPTH`, aliases that
refer to themselves, and bound the work an alias bomb could cause. Text is
normalised to Unicode NFC and checked for characters no writer accepts
(control characters, lone surrogates, bidirectional overrides).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from ..problems import LoadError, Problem
from . import textcheck
from .syntax import explain

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64
"""Nesting limit; the deepest real file (a course's sessions) is 4 levels."""

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Document:
    """A loaded YAML file: its data and where each value came from.

    ``marks`` maps a location path such as ``("sessions", 2, "date")`` to the
    1-based (line, column) of that value; ``key_marks`` gives the position of
    the key itself (used for unknown-key errors).
    """

    file: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    raws: dict[Loc, str] = field(default_factory=dict)
    """The text as typed of values YAML read as something else (numbers, dates, true)."""

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of ``loc``, or of its nearest recorded ancestor."""
        table = self.key_marks if key else self.marks
        probe = tuple(loc)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.key_marks:
                return self.key_marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, loc: Loc, code: str, *, key: bool = False, **values: object) -> Problem:
        """A problem located at ``loc`` in this document."""
        line, col = self.where(loc, key=key)
        return Problem.make(self.file, line, col, code, **values)


def _nfc(value: str) -> str:
    if unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


@dataclass
class _Frame:
    """An open mapping or sequence while the event stream is read."""

    container: dict[str, Any] | list[Any]
    loc: Loc
    anchor: str | None
    count_at_start: int
    key: str | None = None  # a mapping's key waiting for its value
    first_line: dict[str, int] = field(default_factory=dict)


@dataclass
class _Anchor:
    value: Any = None
    size: int = 0
    open: bool = True


class _Builder:
    """Turns parser events into data, positions and located problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.doc = Document(file, None)
        self.count = 0
        self.constructor = SafeConstructor()
        self.resolver = Resolver()
        self.anchors: dict[str, _Anchor] = {}
        self.stack: list[_Frame] = []
        self.documents = 0
        self.done = False

    def fail(self, event: Event, code: str, **values: object) -> LoadError:
        line, col = _position(event)
        return LoadError(Problem.make(self.file, line, col, code, **values))

    def run(self, events: Iterator[Event]) -> Document:
        for event in events:
            if isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(event, "yaml-multiple-documents")
            elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                self.open(event)
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                self.close()
            elif isinstance(event, ScalarEvent):
                self.scalar(event)
            elif isinstance(event, AliasEvent):
                self.alias(event)
        if not self.done:
            raise LoadError(Problem.make(self.file, 1, 1, "file-empty"))
        return self.doc

    # --- where a new value goes ------------------------------------------------------

    def _slot(self, event: NodeEvent) -> tuple[Loc, bool]:
        """The location of the next value and whether it is a mapping key."""
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(event, "yaml-too-complex", limit=MAX_NODES)
        if not self.stack:
            return (), False
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.loc, len(frame.container)), False
        if frame.key is None:
            return frame.loc, True
        return (*frame.loc, frame.key), False

    def _place(self, loc: Loc, value: Any, event: Event) -> None:
        self.doc.marks[loc] = _position(event)
        if not self.stack:
            self.doc.data = value
            self.done = True
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            assert frame.key is not None
            frame.container[frame.key] = value
            frame.key = None

    def _key(self, event: ScalarEvent, value: Any) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        key = _nfc(str(value))
        if key in frame.container:
            raise self.fail(event, "yaml-duplicate-key", key=key, first_line=frame.first_line[key])
        position = _position(event)
        frame.first_line[key] = position[0]
        frame.key = key
        self.doc.key_marks[(*frame.loc, key)] = position

    # --- events ----------------------------------------------------------------------

    def open(self, event: MappingStartEvent | SequenceStartEvent) -> None:
        loc, is_key = self._slot(event)
        if is_key:
            raise self.fail(
                event, "yaml-bad-key", key="{…}" if isinstance(event, MappingStartEvent) else "[…]"
            )
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, "yaml-too-deep", limit=MAX_DEPTH)
        mapping = isinstance(event, MappingStartEvent)
        tag = event.tag
        if tag is not None and tag not in ("!", _MAP if mapping else _SEQ):
            raise self.fail(event, "yaml-tag", tag=_short_tag(tag))
        container: dict[str, Any] | list[Any] = {} if mapping else []
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor()
        self._place(loc, container, event)
        self.stack.append(_Frame(container, loc, event.anchor, self.count))

    def close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = _Anchor(
                frame.container, self.count - frame.count_at_start + 1, open=False
            )

    def scalar(self, event: ScalarEvent) -> None:
        loc, is_key = self._slot(event)
        value = self._construct(event)
        if isinstance(value, str):
            self._check_text(event, value)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(value, 1, open=False)
        if is_key:
            if self._resolve(event) == "tag:yaml.org,2002:merge":
                raise self.fail(event, "yaml-bad-key", key=event.value)
            self._key(event, value)
        else:
            self._place(loc, value, event)
            if not isinstance(value, str):
                self.doc.raws[loc] = event.value

    def alias(self, event: AliasEvent) -> None:
        loc, is_key = self._slot(event)
        anchor = self.anchors.get(str(event.anchor))
        if anchor is None:
            raise self.fail(event, "yaml-syntax", detail=explain("found undefined alias")[0])
        if anchor.open:
            raise self.fail(event, "yaml-recursive-alias", name=event.anchor)
        self.count += anchor.size - 1
        if self.count > MAX_NODES:
            raise self.fail(event, "yaml-too-complex", limit=MAX_NODES)
        if is_key:
            raise self.fail(event, "yaml-bad-key", key=f"*{event.anchor}")
        self._place(loc, anchor.value, event)

    # --- scalars -----------------------------------------------------------------------

    def _resolve(self, event: ScalarEvent) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            resolved: str = self.resolver.resolve(  # type: ignore[no-untyped-call]
                ScalarNode, event.value, event.implicit
            )
            return resolved
        return str(tag)

    def _construct(self, event: ScalarEvent) -> Any:
        tag = self._resolve(event)
        if tag == _STR:  # most values: no constructor needed
            return _nfc(event.value)
        if tag == "tag:yaml.org,2002:merge":
            return event.value
        if tag not in _SAFE_TAGS:
            raise self.fail(event, "yaml-tag", tag=_short_tag(tag))
        node = ScalarNode(tag, event.value, None, None, event.style)
        try:
            value = self.constructor.construct_object(node)
        except (ValueError, ConstructorError, OverflowError):
            if tag == "tag:yaml.org,2002:timestamp":
                raise self.fail(event, "yaml-bad-date", value=event.value) from None
            raise self.fail(event, "invalid-value", value=event.value) from None
        if isinstance(value, datetime.datetime):
            value = value.date() if value.time() == datetime.time() else value
        return value

    def _check_text(self, event: ScalarEvent, value: str) -> None:
        bad = textcheck.first_forbidden(value, allow="\t\n")
        if bad is not None:
            raise self.fail(event, "text-control-char", char=textcheck.describe(value[bad]))


def _position(event: Event) -> tuple[int, int]:
    """1-based (line, column) where an event starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def parse_yaml(text: str, file: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`LoadError`.

    >>> parse_yaml("title: Nông thôn mới\\n", "t.yml").marks[("title",)]
    (1, 8)
    """
    bad = textcheck.first_forbidden(text, allow="\t\n\r")
    if bad is not None:
        line, col = textcheck.position(text, bad)
        char = textcheck.describe(text[bad])
        raise LoadError(Problem.make(file, line, col, "text-control-char", char=char))
    text = _nfc(text)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise LoadError(Problem.make(file, 1, 1, "file-empty"))
    builder = _Builder(file)
    try:
        return builder.run(yaml.parse(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        pass
    # libyaml found a mistake: read again with the pure-Python parser, whose
    # messages and positions are the ones explained in Vietnamese.
    builder = _Builder(file)
    try:
        return builder.run(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        raise LoadError(_syntax_problem(exc, text, file)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - the reader was satisfied above
        raise LoadError(Problem.make(file, 1, 1, "yaml-syntax", detail=str(exc))) from None


# libyaml parses about ten times faster; both parsers emit the same events.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A located, Vietnamese problem for a parser error."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    # "could not find expected ':'" is found on the line after the mistake: the
    # key that started it is the context.
    lines = text.splitlines()
    if exc.context_mark is not None and _AT_CONTEXT.search(problem):
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    detail, code = explain(problem, source, col, context=context)
    return Problem.make(file, line, col, code, detail=detail)


# Mistakes found only further on (a key without its colon, an unclosed quote
# or bracket) are reported where the construct started.
_AT_CONTEXT = re.compile(r"expected ':'|end of stream|expected ',' or")


def read_text(raw: bytes, display: str, *, limit: int = MAX_FILE_BYTES) -> str:
    """Decode a file's bytes as UTF-8 (a BOM is allowed); raise :class:`LoadError`."""
    if len(raw) > limit:
        raise LoadError(Problem.make(display, 1, 1, "file-too-large", size=len(raw), limit=limit))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError(
            Problem.make(display, line, 1, "file-encoding", position=exc.start)
        ) from None
