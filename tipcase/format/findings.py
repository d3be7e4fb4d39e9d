"""Validator findings: the codes of the scenario format and the one-line form they print in.

A finding is where (path, 1-based line and column) and what (code and message). Codes starting
with ``E`` are errors (the file cannot be played), codes starting with ``W`` are warnings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

CODES: dict[str, str] = {
    "E001": "not readable as YAML (syntax), or not UTF-8",
    "E002": "schema: a missing required key, an unknown key, a wrong type or a bad id",
    "E003": "`start` or a choice's `to` names no stage",
    "E004": "`at`, a referral or a rule names no pathway node; or `pathway` names no pathway",
    "E005": "a score, a weight or a rule names no competency",
    "E006": "a stage no route from `start` reaches",
    "E007": "a dead end: a stage from which no end can be reached",
    "E008": "a score loop: a cycle of choices along which some competency's points keep rising",
    "E009": "a bad `when` (or effect): does not parse, undeclared variable, or a boolean compared with < or >",
    "E010": "`reveal` names no exhibit",
    "E011": "the reachable state space is over 100,000 states",
    "E012": "an exhibit's `file` can never be one: not a kind TIPCase shows, or a path outside the scenario's folder",
    "W101": "a text lacks one of `languages`",
    "W102": "a choice makes an off-pathway referral",
    "W103": "a choice has no feedback",
    "W104": "the best route breaks a pathway rule",
    "W105": "an exhibit's file is missing, too big, a link, or not what its name says: publishing refuses it",
}

Pos = tuple[int, int]
"""A 1-based (line, column) position in a file."""


@dataclasses.dataclass(frozen=True, order=True)
class Finding:
    """One validator finding, printed as ``PATH:LINE:COL: CODE message``."""

    path: str
    line: int
    col: int
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "message": self.message,
        }


class Findings:
    """Collects findings for one file; the loader and the checks append to it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Finding] = []

    def add(self, code: str, pos: Pos, message: str) -> None:
        if code not in CODES:  # pragma: no cover - a programming error, not bad input
            raise ValueError(f"unknown finding code {code}")
        self.items.append(Finding(self.path, pos[0], pos[1], code, message))

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.items)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings; within each, by path, line, column and code. Duplicates go."""
    unique = set(findings)
    return sorted(unique, key=lambda f: (not f.is_error, f.path, f.line, f.col, f.code, f.message))
