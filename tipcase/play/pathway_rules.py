"""Pathway rules and off-pathway referrals, judged on a route's pathway trail.

The trail is the ``at`` nodes of the stages a route visits, in order, each with the case clock on
arrival. ``before`` rules need the earlier node first, ``deadline`` rules need the clock at most so
many hours on first arrival, ``requires`` rules need the node reached before the end (judged only
on a complete route). A step between two different nodes that the pathway's referrals do not allow
is an off-pathway referral.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence

from tipcase.format.model import Pathway, Rule


@dataclasses.dataclass(frozen=True, slots=True)
class TrailStep:
    """A visit on the pathway trail: the node, the case clock on arrival (hours), the stage at it (in a team case, and whose)."""

    node: str
    clock: float
    stage: str
    role: str | None = None  # in a team case's trail, the role whose stage it is


@dataclasses.dataclass(frozen=True, slots=True)
class Violation:
    """A pathway rule a route broke, with the stage where it was found broken (None when judged at the end of the route)."""

    rule: Rule
    stage: str | None  # the stage where the rule was found broken (None: at the end of the route)
    role: str | None = None  # on a team trail, the role at that stage

    def as_json(self) -> dict[str, object]:
        """``{"rule", "competency", "points"}`` (points negative, as in ``rule_violations``); on a team trail also role and stage."""
        found: dict[str, object] = {"rule": self.rule.id, "competency": self.rule.competency, "points": -self.rule.points}
        if self.role is not None:
            found.update(role=self.role, stage=self.stage)
        return found


def broken_rules(pathway: Pathway, trail: Sequence[TrailStep], end_stage: str | None, end_role: str | None = None) -> list[Violation]:
    """The rules a trail breaks, in the pathway's rule order; each rule at most once.

    ``end_stage`` is the end the route reached, or None while it is unfinished (``requires`` rules
    are judged only on a finished route); on a team trail ``end_role`` is the role that ended last.
    """
    first: dict[str, TrailStep] = {}
    for step in trail:
        first.setdefault(step.node, step)
    order = {node: i for i, node in reversed(list(enumerate(s.node for s in trail)))}
    violations = []
    for rule in pathway.rules:
        if rule.before:
            for earlier, later in itertools.pairwise(rule.before):
                if later in first and (earlier not in order or order[earlier] > order[later]):
                    violations.append(Violation(rule, first[later].stage, first[later].role))
                    break
        elif rule.deadline_node:
            arrival = first.get(rule.deadline_node)
            if arrival is not None and arrival.clock > rule.deadline_hours + 1e-9:
                violations.append(Violation(rule, arrival.stage, arrival.role))
        elif rule.requires and end_stage is not None and rule.requires not in first:
            violations.append(Violation(rule, end_stage, end_role))
    return violations


def off_pathway_steps(pathway: Pathway, trail: Sequence[TrailStep]) -> list[tuple[str, str]]:
    """Steps between different nodes that the pathway's referrals do not allow, in route order."""
    steps = []
    for previous, current in itertools.pairwise(trail):
        if not pathway.allows(previous.node, current.node):
            steps.append((previous.node, current.node))
    return steps
