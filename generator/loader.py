"""Stage 1, load: read a YAML file into plain data that remembers positions.

PyYAML composes the file into nodes (safe loader: no object construction);
we turn the nodes into dicts, lists and scalars ourselves so that we can record
the line and column of every key and value, refuse duplicate keys (PyYAML
silently keeps the last), refuse tags, and bound the work an alias bomb could
cause. Text is normalised to Unicode NFC so the same word typed on different
systems is the same word.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
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


class LoadError(Exception):
    """A file could not be read into data; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _nfc(value: Any) -> Any:
    if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
        return unicodedata.normalize("NFC", value)
    return value


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.doc = Document(file, None)
        self.count = 0
        self.constructor = SafeConstructor()

    def fail(self, node: Node, code: str, **values: object) -> LoadError:
        if isinstance(values.get("tag"), str):
            values["tag"] = str(values["tag"]).replace("tag:yaml.org,2002:", "!!")
        mark = node.start_mark
        return LoadError(Problem.make(self.file, mark.line + 1, mark.column + 1, code, **values))

    def build(self, node: Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, "yaml-too-complex", limit=MAX_NODES)
        self.doc.marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise self.fail(node, "yaml-tag", tag=node.tag)
            result: dict[str, Any] = {}
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if (
                    not isinstance(key_node, ScalarNode)
                    or key_node.tag == "tag:yaml.org,2002:merge"
                ):
                    raise self.fail(key_node, "yaml-bad-key", key=getattr(key_node, "value", "?"))
                key = _nfc(str(key_node.value))
                if key in result:
                    raise self.fail(
                        key_node, "yaml-duplicate-key", key=key, first_line=first_line[key]
                    )
                first_line[key] = key_node.start_mark.line + 1
                self.doc.key_marks[(*loc, key)] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[key] = self.build(value_node, (*loc, key))
            return result
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, "yaml-tag", tag=node.tag)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.tag == _STR:  # most values: no constructor needed
            return _nfc(node.value)
        if node.tag not in _SAFE_TAGS:
            raise self.fail(node, "yaml-tag", tag=node.tag)
        try:
            value = self.constructor.construct_object(node)
        except (ValueError, ConstructorError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                raise self.fail(node, "yaml-bad-date", value=node.value) from None
            raise self.fail(node, "invalid-value", value=node.value) from None
        if isinstance(value, datetime.datetime):
            value = value.date() if value.time() == datetime.time() else value
        return _nfc(value)


def parse_yaml(text: str, file: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`LoadError`.

    >>> parse_yaml("title: Nông thôn mới\\n", "t.yml").marks[("title",)]
    (1, 8)
    """
    text = unicodedata.normalize("NFC", text)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise LoadError(Problem.make(file, 1, 1, "file-empty"))
    try:
        nodes = list(yaml.compose_all(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        nodes = _compose_slowly(text, file)
    return _document(nodes, file)


# libyaml composes about ten times faster; the pure-Python parser, used again
# only when a file has a mistake, gives the detailed messages we translate.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_slowly(text: str, file: str) -> list[Node]:
    """Compose with the pure-Python parser, turning its errors into problems."""
    try:
        return list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = str(exc.problem or exc.context or "không đọc được")
        code = "yaml-tab" if "'\\t'" in detail else "yaml-syntax"
        raise LoadError(Problem.make(file, line, col, code, detail=_yaml_detail(detail))) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) have no mark
        raise LoadError(Problem.make(file, 1, 1, "yaml-syntax", detail=str(exc))) from None


def _document(nodes: list[Node], file: str) -> Document:
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise LoadError(Problem.make(file, 1, 1, "file-empty"))
    if len(nodes) > 1:
        second = nodes[1].start_mark
        raise LoadError(
            Problem.make(file, second.line + 1, second.column + 1, "yaml-multiple-documents")
        )
    builder = _Builder(file)
    builder.doc.data = builder.build(nodes[0], ())
    return builder.doc


_YAML_DETAILS = {
    "mapping values are not allowed here": "dấu hai chấm đặt sai chỗ hoặc thụt lề không đều",
    "could not find expected ':'": "thiếu dấu hai chấm sau tên trường",
    "found unexpected end of stream": "tệp kết thúc khi dấu ngoặc kép chưa đóng",
    "found character '\\t' that cannot start any token": "có ký tự Tab",
    "expected <block end>, but found": "thụt lề không đều",
    "did not find expected key": "thụt lề không đều hoặc thiếu dấu '- ' trước phần tử",
    "did not find expected '-' indicator": "thiếu dấu '- ' trước phần tử danh sách",
    "found undefined alias": "bí danh (*) không có neo (&) tương ứng",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong ngoặc kép",
}


def _yaml_detail(detail: str) -> str:
    for english, vietnamese in _YAML_DETAILS.items():
        if detail.startswith(english):
            return vietnamese
    return detail


def load_file(path: Path, display: str) -> Document:
    """Read and parse one YAML file; raise :class:`LoadError` on any problem."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(
            Problem.make(display, 1, 1, "file-too-large", size=len(raw), limit=MAX_FILE_BYTES)
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError(
            Problem.make(display, line, 1, "file-encoding", position=exc.start)
        ) from None
    return parse_yaml(text, display)
