"""Stage 3, validate: run every check, then give each problem its severity.

A problem's severity comes from its rule in the catalogue, changed by the
site's ``rules:`` and, for the files of one plan (the plan, its courses,
results and annual plans), by that plan's ``rules:``; ``--strict`` makes every
warning an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..messages.rules import Severity
from ..problems import Problem, with_severities
from . import checks, planchecks
from .models import Plan
from .project import Content
from .refs import check_refs

Check = Callable[[Content], Iterator[Problem]]

CHECKS: tuple[Check, ...] = (
    checks.check_unique_ids,
    checks.check_file_names,
    check_refs,
    checks.check_rule_names,
    checks.check_config,
    checks.check_topics,
    checks.check_courses,
    checks.check_pages,
    checks.check_news,
    planchecks.check_plans,
    planchecks.check_course_plans,
    planchecks.check_annual_plans,
    planchecks.check_results,
    planchecks.check_figures,
)


def _plan_rules(content: Content) -> dict[str, dict[str, Severity]]:
    """The severities each file's plan sets, by file."""
    by_file: dict[str, dict[str, Severity]] = {}
    plans = {p.record.id: p.record for p in content.of("plan")}
    owners: list[tuple[str, Plan | None]] = [(p.doc.file, p.record) for p in content.of("plan")]
    owners += [(c.doc.file, planchecks.plan_for(content, c.record.start)) for c in content.courses]
    owners += [
        (r.doc.file, planchecks.plan_for(content, r.record.period.start))
        for r in content.of("result")
    ]
    owners += [(a.doc.file, plans.get(a.record.plan)) for a in content.of("annual_plan")]
    for file, owner in owners:
        if owner is not None:
            by_file[file] = dict(owner.rules)
    return by_file


def _placeholders_once(problems: list[Problem]) -> list[Problem]:
    """A value still holding a placeholder is reported once, as a placeholder.

    The placeholder text also fails the field's own rule (an id pattern, a
    date); saying so again only doubles the list a clerk has to read.
    """
    spots = {(p.file, p.line, p.col) for p in problems if p.code == "placeholder"}
    return [p for p in problems if p.code == "placeholder" or (p.file, p.line, p.col) not in spots]


def validate(content: Content, *, strict: bool = False) -> list[Problem]:
    """Run every check; return all problems (loading and cross-file), sorted.

    Each problem has its rule's severity as the site and its plan set it;
    ``strict`` makes every warning an error.
    """
    problems = list(content.problems)
    for check in CHECKS:
        problems.extend(check(content))
    problems = _placeholders_once(problems)
    site = dict(content.config.record.rules) if content.config else {}
    by_file = _plan_rules(content)
    resolved: list[Problem] = []
    for file in sorted({p.file for p in problems}):
        mine = [p for p in problems if p.file == file]
        resolved += with_severities(mine, site | by_file.get(file, {}), strict=strict)
    return sorted(set(resolved))
