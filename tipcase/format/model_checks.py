"""Checks that need the whole model rather than one file's shape.

References between parts (E003, E004, E005, E010), conditions and effects (E009), off-pathway
referrals (W102), missing feedback (W103), provisions a ``ref`` names that the register does not hold
(W106), and the checks that read the analysis of every route (E006, E007, E008, E011, W104).
"""

from __future__ import annotations

from collections.abc import Mapping

from tipcase.format import conditions
from tipcase.format.findings import Findings, Location, Pos
from tipcase.format.model import Choice, Competency, Pathway, Scenario
from tipcase.format.provisions import Register, describe_unknown, unknown
from tipcase.format.schema import Text
from tipcase.messages import one_or_many
from tipcase.play.engine import Play
from tipcase.play.state_space import MOST_CHOICES, MOST_STATES, Analysis


def check_pathway_nodes(pathway: Pathway, findings: Findings) -> None:
    """Nodes named by referrals and rules exist (E004)."""
    for (source, target), (source_pos, target_pos) in pathway.referral_positions.items():
        for node, where in ((source, source_pos), (target, target_pos)):
            if node not in pathway.nodes:
                findings.add("E004", where, f"referral names no pathway node {node!r}")
    for rule in pathway.rules:
        for node in rule.nodes():
            if node and node not in pathway.nodes:
                findings.add("E004", rule.node_pos.get(node, rule.pos), f"rule '{rule.id}' names no pathway node {node!r}")


def check_rule_competencies(pathway: Pathway, findings: Findings, competencies: Mapping[str, Competency], whose: str) -> None:
    """Rules name competencies that exist where they are scored (E005)."""
    for rule in pathway.rules:
        if rule.competency is not None and rule.competency not in competencies:
            findings.add(
                "E005", rule.competency_pos, f"rule '{rule.id}' names competency {rule.competency!r}, which {whose} does not define"
            )


def _check_ref(ref: Text | None, where_pos: Pos, where: str, register: Register, findings: Findings, *, at: Location | None = None) -> None:
    for citation in unknown(ref, register):
        findings.add("W106", where_pos, f"ref names {describe_unknown(citation, register)}", where=where, at=at)


def check_references(scenario: Scenario, register: Register, findings: Findings) -> None:
    """W106: every provision a choice's ``ref`` names is in the register (docs/scenario-format.md)."""
    for stage, choice in scenario.choices():
        where = f"stage '{stage.id}', choice {choice.index + 1}"
        _check_ref(choice.ref, choice.ref_pos, where, register, findings, at=_at(stage.id, choice, "ref"))


def check_pathway_references(pathway: Pathway, register: Register, findings: Findings) -> None:
    """W106 for the refs of a pathway's nodes and rules."""
    for node in pathway.nodes.values():
        _check_ref(node.ref, node.pos, f"node '{node.id}'", register, findings)
    for rule in pathway.rules:
        _check_ref(rule.ref, rule.pos, f"rule '{rule.id}'", register, findings)


def check_scenario(scenario: Scenario, pathway: Pathway | None, findings: Findings) -> None:
    """Every check that does not need the analysis of routes."""
    stages = scenario.stages
    if scenario.start not in stages:
        findings.add("E003", scenario.start_pos, f"start names no stage {scenario.start!r}", at=Location(field="start"))
    for stage in stages.values():
        if stage.at is not None:
            at = Location(stage=stage.id, field="at")
            if pathway is not None and stage.at not in pathway.nodes:
                findings.add(
                    "E004", stage.at_pos, f"'at' names no node {stage.at!r} of pathway '{pathway.id}'", where=f"stage '{stage.id}'", at=at
                )
            elif pathway is None and scenario.pathway is None:
                message = f"'at' names pathway node {stage.at!r} but the scenario names no pathway"
                findings.add("E004", stage.at_pos, message, where=f"stage '{stage.id}'", at=at)
        for exhibit, exhibit_pos in zip(stage.reveal, stage.reveal_pos, strict=True):
            if exhibit not in scenario.exhibits:
                at = Location(stage=stage.id, field="reveal")
                findings.add("E010", exhibit_pos, f"reveal names no exhibit {exhibit!r}", where=f"stage '{stage.id}'", at=at)
        for choice in stage.choices:
            where = f"stage '{stage.id}', choice {choice.index + 1}"
            if choice.to and choice.to not in stages:
                findings.add("E003", choice.to_pos, f"'to' names no stage {choice.to!r}", where=where, at=_at(stage.id, choice, "to"))
            for competency in choice.score:
                if competency not in scenario.competencies:
                    at = _at(stage.id, choice, "score")
                    findings.add("E005", choice.score_pos[competency], f"score names no competency {competency!r}", where=where, at=at)
            if choice.when is not None:
                _check_condition(scenario, choice.when, choice.when_pos, where, findings, at=_at(stage.id, choice, "when"))
            _check_effects(scenario, stage.id, choice, where, findings)
            if choice.feedback is None:
                findings.add("W103", choice.pos, "no feedback", where=where, at=_at(stage.id, choice, "feedback"))
    if pathway is not None:
        _check_off_pathway(scenario, pathway, findings)


def _at(stage_id: str, choice: Choice, field: str | None = None) -> Location:
    return Location(stage=stage_id, choice=choice.index, field=field)


def _check_condition(
    scenario: Scenario, source: str, where_pos: tuple[int, int], where: str, findings: Findings, *, at: Location | None = None
) -> None:
    try:
        conditions.check(conditions.parse(source), scenario.variables)
    except conditions.ConditionError as exc:
        line, col = where_pos
        findings.add("E009", (line, col), f"bad when {source!r}: {exc} (at character {exc.offset + 1})", where=where, at=at)


def _check_effects(scenario: Scenario, stage_id: str, choice: Choice, where: str, findings: Findings) -> None:
    variables, positions = scenario.variables, choice.effect_pos
    for name, value in choice.set.items():
        pos, at = positions[f"set.{name}"], _at(stage_id, choice, "set")
        if name not in variables:
            findings.add("E009", pos, f"set names an undeclared variable {name!r}", where=where, at=at)
        elif isinstance(variables[name], bool) != isinstance(value, bool):
            wanted = "true or false" if isinstance(variables[name], bool) else "an integer"
            findings.add("E002", pos, f"set {name!r} needs {wanted}, as declared in variables", where=where, at=at)
    for name in choice.add:
        pos, at = positions[f"add.{name}"], _at(stage_id, choice, "add")
        if name not in variables:
            findings.add("E009", pos, f"add names an undeclared variable {name!r}", where=where, at=at)
        elif isinstance(variables[name], bool):
            findings.add("E002", pos, f"cannot add to the boolean variable {name!r} (use set)", where=where, at=at)


def _check_off_pathway(scenario: Scenario, pathway: Pathway, findings: Findings) -> None:
    """W102: a choice whose step on the trail (from the last ``at`` node before it) is not a referral."""
    stages = scenario.stages
    last: dict[str, set[str]] = {stage_id: set() for stage_id in stages}
    if scenario.start not in stages:
        return
    # the possible last trail node on arrival at each stage, propagated to a fixed point
    pending = list(stages)
    while pending:
        stage = stages[pending.pop()]
        leaving = {stage.at} if stage.at in pathway.nodes else last[stage.id]
        for choice in stage.choices:
            if choice.to in last and not leaving <= last[choice.to]:
                last[choice.to] |= leaving
                pending.append(choice.to)
    for stage in stages.values():
        leaving = {stage.at} if stage.at in pathway.nodes else last[stage.id]
        for choice in stage.choices:
            target = stages.get(choice.to)
            if target is None or target.at not in pathway.nodes:
                continue
            bad = sorted(node for node in leaving if not pathway.allows(node, target.at))
            if bad:
                findings.add(
                    "W102",
                    choice.pos,
                    f"off-pathway referral {bad[0]} -> {target.at} (pathway '{pathway.id}' has no such referral)",
                    where=f"stage '{stage.id}', choice {choice.index + 1}",
                    at=_at(stage.id, choice, "to"),
                )


def check_routes(scenario: Scenario, pathway: Pathway | None, analysis: Analysis, findings: Findings) -> None:
    """E006, E007, E008, E011 and W104 from the analysis of every route."""
    if analysis.overflow:
        findings.add("E011", scenario.variables_pos, over_budget(scenario, analysis), at=Location(field="variables"))
        return
    for stage in scenario.stages.values():
        if stage.id not in analysis.reachable_stages:
            message = f"stage '{stage.id}' is not reached by any route from start '{scenario.start}'"
            findings.add("E006", stage.pos, message, at=Location(stage=stage.id))
    for stage_id, values in analysis.dead_ends.items():
        stage = scenario.stages[stage_id]
        state = ", ".join(f"{k}={str(v).lower()}" for k, v in zip(scenario.variables, values, strict=True))
        detail = f" (when {state})" if state else ""
        message = f"stage '{stage_id}' is a dead end: no end stage can be reached from it{detail}"
        findings.add("E007", stage.pos, message, at=Location(stage=stage_id))
    for loop in analysis.score_loops:
        choice = loop.choice.choice
        findings.add(
            "E008",
            choice.pos,
            f"score loop: a cycle through this choice raises {loop.competency!r} every time round",
            where=f"stage '{loop.stage}', choice {choice.index + 1}",
            at=_at(loop.stage, choice, "score"),
        )
    if pathway is not None and analysis.has_route:
        play = Play(scenario, pathway)
        play.replay(analysis.best_choices)
        broken = [v.rule.id for v in play.violations()]
        if broken:
            rules = one_or_many(len(broken), "rule", "rules")
            message = f"the best route breaks pathway {rules} {', '.join(broken)}: replaying it will not reach 100%"
            findings.add("W104", scenario.pathway_pos, message, at=Location(field="pathway"))


def over_budget(scenario: Scenario, analysis: Analysis) -> str:
    """E011's message: the budget passed, where it came from, and what the author can do (docs/scenario-format.md).

    An unbounded variable or clock is bounded with a condition; combinations that are merely many are fewer
    variables, or a larger budget in the case (``analysis: {max_states: N}``, up to ``MOST_STATES``) or for one run.
    """
    if scenario.max_states == analysis.budget:
        budget = f"over {analysis.budget:,} reachable states, the most the case's 'analysis: max_states' allows"
    else:
        budget = f"over {analysis.budget:,} reachable states, the most analysed for a case of {analysis.stages:,} stages"
    if analysis.too_many_choices:
        return (
            f"its {analysis.states:,} reachable states offer more than {MOST_CHOICES:,} choices in all, the most analysed "
            "whatever the budget: use fewer choices at a stage, or fewer variables"
        )
    if analysis.unbounded:
        return f"{budget}: some variable or the clock grows without bound (bound it with a condition)"
    if analysis.budget >= MOST_STATES:
        ceiling = f"more states than any case may have analysed ({MOST_STATES:,})"
        return f"{budget}: its variables combine into {ceiling}; use fewer or reset them"
    return (
        f"{budget}: its variables combine into too many states to check every route (use fewer, reset them, or raise the "
        f"budget: 'analysis: {{max_states: N}}' at the top of the case, N up to {MOST_STATES:,}; for one run, "
        "'tipcase validate --max-states N' and 'tipcase analyze --max-states N')"
    )


def check_reachable_stages(scenario: Scenario, findings: Findings) -> None:
    """E006 on the stage graph alone (used when errors prevent the analysis of routes)."""
    if scenario.start not in scenario.stages:
        return
    reached = {scenario.start}
    pending = [scenario.start]
    while pending:
        for choice in scenario.stages[pending.pop()].choices:
            if choice.to in scenario.stages and choice.to not in reached:
                reached.add(choice.to)
                pending.append(choice.to)
    for stage in scenario.stages.values():
        if stage.id not in reached:
            message = f"stage '{stage.id}' is not reached by any route from start '{scenario.start}'"
            findings.add("E006", stage.pos, message, at=Location(stage=stage.id))
