"""Every sentence and label the tool shows to a person, kept in one place.

- :mod:`.rules`: the rule catalogue — code, message, hint, severity;
- :mod:`.labels`: what readers see — vocabularies, titles, headings, headers;
- :mod:`.cli`: what the command line says;
- :mod:`.workbook`: the Excel workbook's sheets, columns, guide and rules.
"""

from __future__ import annotations

from .cli import CLI, MKDOCS_CONFIG_DETAILS, PREVIEW_PAGE, cli_text
from .labels import *  # noqa: F403
from .rules import (
    DID_YOU_MEAN,
    HINT_PREFIX,
    RULE_HEADER,
    RULES,
    SEVERITY_LABELS,
    SUMMARY_ERRORS,
    SUMMARY_OK,
    SUMMARY_WITH_WARNINGS,
    Rule,
    problem_text,
)

__all__ = [
    "CLI",
    "DID_YOU_MEAN",
    "HINT_PREFIX",
    "MKDOCS_CONFIG_DETAILS",
    "PREVIEW_PAGE",
    "RULES",
    "RULE_HEADER",
    "SEVERITY_LABELS",
    "SUMMARY_ERRORS",
    "SUMMARY_OK",
    "SUMMARY_WITH_WARNINGS",
    "Rule",
    "cli_text",
    "problem_text",
]
