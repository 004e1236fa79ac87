"""Cases as files: each ``tests/cases/<name>.yml`` breaks (or safely edits) a copy
of the mini fixture and says exactly what must come of it.

A case holds:

- ``about``: what it is about;
- ``steps``: edits to the fixture (see :data:`STEPS`);
- ``expect``: every problem the build reports, as ``[code, file, line]``
  (empty, or warnings only: the build must succeed and publish);
- ``report``: the exact text report printed for those problems.

Each case runs ``handbook build`` in-process on a copy of the fixture whose
site was already built. A failing case must exit 1, print no traceback, give
the same verdict as ``handbook validate`` for content problems, and leave the
previous site byte-for-byte as it was; a passing case must publish a site that
passes the final audit. ``UPDATE_GOLDEN=1`` rewrites ``expect`` and
``report`` from what the build says; review the diff. Adding a case needs no
Python.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import messages, pipeline
from generator.messages.workbook import WORKBOOK_RULES
from generator.problems import format_text

from .conftest import MINI, TESTS, copy_project, tree_digest

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = TESTS / "cases"
Step = Callable[[Path, dict[str, Any]], None]


def _replace(root: Path, a: dict[str, Any]) -> None:
    path = root / a["file"]
    text = path.read_text(encoding="utf-8")
    assert text.count(a["old"]) == 1, f"{a['old']!r} must occur once in {a['file']}"
    path.write_text(text.replace(a["old"], a["new"]), encoding="utf-8")


def _write(root: Path, a: dict[str, Any]) -> None:
    path = root / a["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    # "parts": [[text, times], …] writes long or deep files from a short case.
    text = a.get("text", "") + "".join(part * times for part, times in a.get("parts", []))
    # "surrogatepass": a case may write a lone surrogate, as a broken editor would.
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def _write_hex(root: Path, a: dict[str, Any]) -> None:
    path = root / a["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes.fromhex(a["hex"]))


def _crlf(root: Path, a: dict[str, Any]) -> None:
    path = root / a["file"]
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _symlink(root: Path, a: dict[str, Any]) -> None:
    path = root / a["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(a["target"], path)


STEPS: dict[str, Step] = {
    "replace": _replace,
    "write": _write,
    "write_hex": _write_hex,
    "crlf": _crlf,
    "bom": lambda root, a: (root / a["file"]).write_bytes(
        b"\xef\xbb\xbf" + (root / a["file"]).read_bytes()
    ),
    "copy": lambda root, a: shutil.copy(root / a["from"], root / a["to"]),
    "delete": lambda root, a: (root / a["file"]).unlink(),
    "mkdir": lambda root, a: (root / a["file"]).mkdir(parents=True),
    "fifo": lambda root, a: os.mkfifo(root / a["file"]),
    "symlink": _symlink,
}


def _load(name: str) -> dict[str, Any]:
    case: dict[str, Any] = yaml.safe_load((CASES / f"{name}.yml").read_text(encoding="utf-8"))
    return case


def _save(name: str, case: dict[str, Any]) -> None:
    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        block = "\n" in value and value == value.rstrip(" ") and "\t" not in value
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if block else None)

    class Dumper(yaml.SafeDumper):
        pass

    class Flow(list[Any]):
        pass

    Dumper.add_representer(str, text)
    Dumper.add_representer(
        Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
    )
    ordered = {k: case[k] for k in ("about", "steps", "expect", "report") if k in case}
    ordered["expect"] = [Flow(item) for item in ordered.get("expect", [])]
    data = yaml.dump(ordered, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
    (CASES / f"{name}.yml").write_text(data, encoding="utf-8")


NAMES = sorted(p.stem for p in CASES.glob("*.yml"))
# Cases whose build runs MkDocs (they pass validation) take seconds each.
PARAMS = [
    pytest.param(name, marks=pytest.mark.slow) if not _load(name).get("expect", True) else name
    for name in NAMES
]

# Rules no case file can produce, and the test that produces each.
PRODUCED_ELSEWHERE = {
    # root reads any file, so permission-denied is simulated in Python
    "file-unreadable": "tests/test_build.py::test_an_unreadable_file_is_a_located_problem",
    # mistakes only a workbook can make are produced by workbooks
    **{code: "tests/test_excel_mistakes.py::test_workbook_mistake" for code in WORKBOOK_RULES},
    "workbook-unreadable": "tests/test_excel_mistakes.py::test_a_file_that_is_not_a_workbook",
}


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a FIFO read, a quadratic check)."""

    def stop(*_: object) -> None:
        raise TimeoutError(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def built_mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(MINI, tmp_path_factory.mktemp("built") / "mini")
    assert pipeline.build(root).ok
    return root


def test_there_are_many_cases() -> None:
    assert len(NAMES) >= 100


def test_every_rule_is_produced_by_a_test() -> None:
    """A rule in the catalogue that no test produces is a rule nobody checked."""
    produced = {e[0] for name in NAMES for e in _load(name)["expect"]}
    for code, test in PRODUCED_ELSEWHERE.items():
        file, function = test.split("::")
        assert f"def {function}(" in (TESTS.parent / file).read_text(encoding="utf-8")
        assert f'"{code}"' in (TESTS.parent / file).read_text(encoding="utf-8")
        produced.add(code)
    assert set(messages.RULES) - produced == set()
    assert produced <= set(messages.RULES)


@pytest.mark.parametrize("name", PARAMS)
def test_case(name: str, built_mini: Path, tmp_path: Path) -> None:
    case = _load(name)
    root = tmp_path / "mini"
    shutil.copytree(built_mini, root, symlinks=True)
    before = tree_digest(root / "site")
    for step in case["steps"]:
        ((kind, args),) = step.items()
        STEPS[kind](root, args)
    with _deadline(120):
        checked = pipeline.check(root)
        result = pipeline.build(root)
    found = [[p.code, p.file, p.line] for p in result.problems]
    report = format_text(result.problems) if result.problems else ""
    if UPDATE:
        _save(name, {**case, "expect": found, "report": report})
        return
    assert found == case["expect"], report
    assert report == case["report"]
    for problem in result.problems:
        assert problem.message and problem.hint and "Traceback" not in problem.message
    if result.problems and result.pages == 0:
        # content problems: validate says exactly what build says
        assert checked.problems == result.problems
    if any(p.is_error for p in result.problems):
        assert not result.ok
        assert tree_digest(root / "site") == before
    else:  # nothing, or only warnings: the site is published
        assert result.ok, result.mkdocs_output + str(result.breaches)
        assert checked.problems == result.problems
