"""Which pathway rules a team may be told it kept: the judgement behind the debrief's "Rule kept: ..." strengths.

A pathway rule judges the team trail by node order and deadlines only. The trail can keep a rule's order
while the team broke what the rule stands for at a stage the rule cannot see (walk G finding 1: the
investigator questioned the injured workers in the yard, a stage at first contact, before any care; the
screening node still came after the care node, so "Care before questions" was not broken). The report
then praised the team for the rule its own objectives and decisions say it broke.

A rule counts as **kept** (docs/team-exercises.md, "The joint debrief") only when all of these hold:

1. the team trail reached every node it names (a ``before`` rule's nodes, a deadline's node) and did not
   break it (``requires`` rules are never listed: reaching a node is no strength);
2. every objective of the case that names it is met: the objectives are where the case ties a rule to its
   competencies and hand-overs, and an objective not met says why, once;
3. no decision rated poor or a critical error took points off the rule's competency while the rule was in
   play, that is, chosen before the trail reached the rule's last node (the care the yard questioning
   skipped, a protection the team delayed).

Qt-free; no words here (the debrief says them in its language).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tipcase.format.model import Rule
from tipcase.play.ratings import Rating

if TYPE_CHECKING:
    from tipcase.play.pathway_rules import TrailStep
    from tipcase.team.debrief import Moment

AGAINST = (Rating.POOR, Rating.CRITICAL)  # the ratings that count a decision against a rule's competency


def rule_nodes(rule: Rule) -> list[str]:
    """The pathway nodes a rule names and the trail must reach for it to count as kept: a deadline's node, a ``before`` rule's nodes."""
    return [rule.deadline_node] if rule.deadline_node else [node for node in rule.before if node]


def kept_rules(
    rules: Iterable[Rule],
    trail: Sequence[TrailStep],
    broken: set[str],
    unmet_objective_rules: set[str],
    decisions: Iterable[Moment],
) -> list[Rule]:
    """The rules of ``rules`` the team kept, in their order (the three conditions of this module's docstring).

    ``trail``: the team trail (``TeamPlay.trail()``, merged by clock); ``broken``: ids of the rules it broke;
    ``unmet_objective_rules``: ids of the rules named by an objective that is not met; ``decisions``: every
    role's decision moments (``Moment`` of kind decision: ``rating``, ``points`` per competency, ``start``
    and ``clock`` in case hours).
    """
    reached: dict[str, float] = {}
    for step in trail:
        reached.setdefault(step.node, step.clock)  # the first time the team reached the node, on the case clock
    against = [m for m in decisions if m.rating in AGAINST]
    kept = []
    for rule in rules:
        nodes = rule_nodes(rule)
        if rule.id in broken or rule.id in unmet_objective_rules or not nodes or any(n not in reached for n in nodes):
            continue
        last = max(reached[n] for n in nodes)
        competency = rule.competency
        if competency is not None and any(
            m.points.get(competency, 0) < 0 and (m.start if m.start is not None else m.clock) <= last for m in against
        ):
            continue
        kept.append(rule)
    return kept
