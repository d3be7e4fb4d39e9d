"""Scoring a route exactly as the scenario format specifies.

``points[c]`` is the sum of the chosen choices' scores plus the penalties of the pathway rules the
route breaks; ``percent[c]`` is ``100 * points[c] / max[c]`` clamped to 0..100 for every competency the
scenario assesses (``max[c] > 0``); ``total`` is the weighted sum of points and ``total_percent`` is
``100 * total / max_total`` clamped. Percentages are rounded to one decimal. A route passes when it is
complete, has no critical error and reaches the pass mark.
"""

from __future__ import annotations

import dataclasses

from tipcase.play.pathway_rules import Violation


def number(value: int | float) -> int | float:
    """A whole float as an int (``3.0`` prints as ``3``), anything else unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def percent(part: float, whole: float) -> float:
    """``100 * part / whole`` clamped to 0..100 and rounded to one decimal."""
    if whole <= 0:
        return 100.0 if part >= whole else 0.0
    return round(min(100.0, max(0.0, 100.0 * part / whole)), 1)


@dataclasses.dataclass(frozen=True, slots=True)
class CriticalError:
    """A critical error of a route: a critical choice taken (``choice``: its offered number) or a critical pathway rule broken (``rule``).

    ``text`` is the case's explanation in the language asked for; ``stage`` where it happened.
    """

    stage: str | None
    choice: int | None  # the offered-choice number; None for a critical pathway rule
    text: str
    rule: str | None = None

    def as_json(self) -> dict[str, object]:
        """The format's ``critical_errors`` item: ``{"stage", "choice", "text"}`` for a choice, ``{"stage", "rule", "text"}`` for a rule."""
        if self.rule is not None:
            return {"stage": self.stage, "rule": self.rule, "text": self.text}
        return {"stage": self.stage, "choice": self.choice, "text": self.text}


@dataclasses.dataclass(frozen=True, slots=True)
class Score:
    """A route's score as the format defines it (see the module docstring).

    Raw points, maxima and percents per competency, the weighted total against its maximum, and whether the route passed.
    """

    points: dict[str, int | float]
    max: dict[str, int | float]
    percent: dict[str, float]
    total: int | float
    max_total: int | float
    total_percent: float
    passed: bool


def score(
    *,
    choice_points: dict[str, int],
    violations: list[Violation],
    maxima: dict[str, float],
    weights: dict[str, float],
    max_total: float,
    pass_mark: float,
    critical: bool,
    complete: bool,
) -> Score:
    """Score a route from the points its choices earned and the rules it broke."""
    totals: dict[str, float] = {c: float(p) for c, p in choice_points.items()}
    for violation in violations:
        competency = violation.rule.competency
        if competency is not None and violation.rule.points:
            totals[competency] = totals.get(competency, 0.0) - violation.rule.points
    assessed = {c: m for c, m in maxima.items() if m > 0}
    shown = {c: totals.get(c, 0.0) for c in assessed}
    shown.update({c: p for c, p in totals.items() if p != 0 and c not in shown})
    total = sum(weights.get(c, 1.0) * p for c, p in totals.items())
    total_percent = percent(total, max_total)
    return Score(
        points={c: number(p) for c, p in shown.items()},
        max={c: number(m) for c, m in assessed.items()},
        percent={c: percent(totals.get(c, 0.0), m) for c, m in assessed.items()},
        total=number(total),
        max_total=number(max_total),
        total_percent=total_percent,
        passed=complete and not critical and total_percent >= pass_mark,
    )
