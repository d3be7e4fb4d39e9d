"""How each decision is rated, and what each competency earned: the rules the player, debrief and exports share.

A decision's **rating** compares the chosen choice with the other choices offered at the same moment:

- ``critical``: the choice carries a ``critical`` text (a critical error, whatever its points);
- ``good``: its weighted points equal the best weighted points among the choices offered;
- ``acceptable``: below the best, but it still earns points (weighted points above 0);
- ``poor``: below the best and earns nothing or loses points.

The weighted points of a choice are ``sum(weight[c] * score[c])`` over its competencies, the same sum
the format's ``total`` adds up (``docs/scenario-format.md``, Scoring), so "best" means what the score
rewards most at that step. Ties with the best are all good practice.

A competency's **figures** separate what the route's choices earned (their positive points) from what
it lost (negative points of choices, and the penalties of broken pathway rules). The format's
``percent`` is the net of the two, clamped to 0..100, so one critical choice with heavy penalties can
wipe a competency the trainee did well in to 0 %; ``earned_percent`` keeps what was earned in view
beside it. Neither changes the verdict: passing still needs no critical error and the pass mark.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping

from tipcase.format.model import Choice, Scenario
from tipcase.play.pathway_rules import Violation
from tipcase.play.scoring import number, percent


class Rating(enum.StrEnum):
    """A decision's rating among the choices offered with it: good practice, acceptable, poor or critical error (the module's rules)."""

    GOOD = "good"
    ACCEPTABLE = "acceptable"
    POOR = "poor"
    CRITICAL = "critical"


def weighted_points(choice: Choice, weights: Mapping[str, float]) -> float:
    """``sum(weight[c] * score[c])`` over the choice's scores; a competency without a weight counts 1."""
    return sum(weights.get(c, 1.0) * p for c, p in choice.score.items())


def rate_choice(choice: Choice, offered: Iterable[Choice], weights: Mapping[str, float]) -> Rating:
    """The rating of ``choice`` among the choices ``offered`` with it (``choice`` counts as offered).

    ``weights``: competency id -> weight (``Scenario.competencies[c].weight``).
    """
    if choice.critical is not None:
        return Rating.CRITICAL
    mine = weighted_points(choice, weights)
    best = max([mine, *(weighted_points(other, weights) for other in offered)])
    if mine >= best:
        return Rating.GOOD
    return Rating.ACCEPTABLE if mine > 0 else Rating.POOR


def scenario_weights(scenario: Scenario) -> dict[str, float]:
    """Competency id -> weight, as the scenario declares them."""
    return {c: float(competency.weight) for c, competency in scenario.competencies.items()}


def rate_decision(scenario: Scenario, stage_id: str, choice_index: int, offered: Iterable[int]) -> Rating:
    """The rating of the choice at ``choice_index`` of stage ``stage_id``, among the file indexes ``offered``.

    Takes what the records keep of a decision (stage, choice index, offered indexes), so a stored
    decision is rated as the player rated it. Raises KeyError or IndexError when the stage or an index
    is not in the scenario.
    """
    choices = scenario.stages[stage_id].choices
    return rate_choice(choices[choice_index], [choices[i] for i in offered], scenario_weights(scenario))


@dataclasses.dataclass(frozen=True, slots=True)
class CompetencyFigures:
    """One assessed competency on a route. Points are raw (unweighted), percents rounded to one decimal."""

    competency: str
    max: int | float  # the most any route can earn (the format's max[c])
    earned: int | float  # the positive points of the choices taken
    lost: int | float  # negative points of the choices taken plus broken rules' penalties, as a positive number
    earned_percent: float  # 100 * earned / max, clamped to 0..100
    percent: float  # the format's percent[c]: 100 * (earned - lost) / max, clamped to 0..100


def competency_figures(choices: Iterable[Choice], violations: Iterable[Violation], maxima: Mapping[str, float]) -> list[CompetencyFigures]:
    """The figures of each assessed competency (``max > 0``), in ``maxima``'s order.

    ``choices``: the choices the route took; ``violations``: the pathway rules it broke; ``maxima``:
    competency id -> the format's ``max`` (``Analysis.max``).
    """
    earned: dict[str, float] = {}
    lost: dict[str, float] = {}
    for choice in choices:
        for competency, points in choice.score.items():
            if points > 0:
                earned[competency] = earned.get(competency, 0.0) + points
            else:
                lost[competency] = lost.get(competency, 0.0) - points
    for violation in violations:
        rule = violation.rule
        if rule.competency is not None and rule.points:
            lost[rule.competency] = lost.get(rule.competency, 0.0) + rule.points
    figures = []
    for competency, top in maxima.items():
        if top <= 0:
            continue
        gained, taken = earned.get(competency, 0.0), lost.get(competency, 0.0)
        figures.append(
            CompetencyFigures(competency, number(top), number(gained), number(taken), percent(gained, top), percent(gained - taken, top))
        )
    return figures
