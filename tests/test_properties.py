"""Property-based tests: whatever YAML arrives, loading and validation return
either a valid model or located problems — never an exception."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.content.errors import parse
from generator.content.loader import LoadError, parse_yaml
from generator.content.models import (
    AggregateResult,
    AnnualPlan,
    AudienceFile,
    Course,
    Plan,
    SiteConfig,
    Topic,
)

from .conftest import MINI, copy_project

MODELS = (SiteConfig, Topic, Course, AudienceFile, Plan, AnnualPlan, AggregateResult)
KEYS = [
    "id", "title", "level", "start", "end", "status", "sessions", "audiences", "date", "half",
    "topic", "kind", "group", "number", "levels", "outline", "points", "percent", "people",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.dates(),
    st.sampled_from(["sang", "chieu", "held", "xa", "cd-i-01", "2023-02-30", "15/10/2022"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=10)), children, max_size=6
        ),
    ),
    max_leaves=30,
)


_ENGLISH = re.compile(r"\b(expected|found|while|could not|but|scanning|parsing)\b")


def _check_located(problems: list[Any]) -> None:
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1
        assert problem.message and problem.hint
        # every parser message is Vietnamese: no English leaks through
        if problem.code.startswith(("yaml-", "text-")):
            assert not _ENGLISH.search(problem.message), problem.message


@settings(max_examples=300, deadline=None)
@given(documents)
def test_generated_documents_never_raise(data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        doc = parse_yaml(text, "f.yml")
    except LoadError as exc:
        _check_located([exc.problem])
        return
    for model in MODELS:
        record, problems = parse(doc, model)
        assert (record is None) == bool(problems)
        _check_located(problems)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    try:
        doc = parse_yaml(text, "f.yml")
    except LoadError as exc:
        _check_located([exc.problem])
        return
    for model in MODELS:
        _check_located(parse(doc, model)[1])


FILES = [
    "site_config.yml",
    "topics/cd-i-01.yml",
    "content/audiences.yml",
    "content/plans/kh-thu-nghiem.yml",
    "content/courses/kh-01.yml",
]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    file = draw(st.sampled_from(FILES))
    lines = (MINI / file).read_text(encoding="utf-8").splitlines(keepends=True)
    kind = draw(st.sampled_from(["delete", "duplicate", "indent", "truncate", "replace", "insert"]))
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "indent":
        lines[i] = draw(st.sampled_from(["  ", "\t", " "])) + lines[i]
    elif kind == "truncate":
        lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    elif kind == "replace":
        line = lines[i]
        j = draw(st.integers(0, max(0, len(line) - 1)))
        lines[i] = line[:j] + draw(st.text(max_size=3)) + line[j + 1 :]
    else:
        lines.insert(i, draw(st.text(max_size=20)) + "\n")
    return file, "".join(lines)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(mutations())
def test_mutated_content_gives_located_problems(tmp_path: Path, mutation: tuple[str, str]) -> None:
    root = tmp_path / "p"
    if root.exists():
        shutil.rmtree(root)
    copy_project(MINI, root)
    file, text = mutation
    (root / file).write_text(text, encoding="utf-8")
    checked = pipeline.check(root)
    _check_located(checked.problems)
    known = {
        "site_config.yml",
        "mkdocs.yml",
        "topics",
        *(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()),
    }
    assert all(p.file in known for p in checked.problems)
    if not checked.problems:
        assert checked.catalogue is not None
