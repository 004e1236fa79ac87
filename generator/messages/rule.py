"""What a rule is: its words and how much it matters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    """One check's words: what is wrong, how to fix it, and how much it matters."""

    message: str
    hint: str
    severity: Severity = "error"
