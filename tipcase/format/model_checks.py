"""Checks that need the whole model rather than one file's shape.

References between parts (E003, E004, E005, E010), conditions and effects (E009), off-pathway
referrals (W102), missing feedback (W103), and the checks that read the analysis of every route
(E006, E007, E008, E011, W104).
"""

from __future__ import annotations

from collections.abc import Mapping

from tipcase.format import conditions
from tipcase.format.findings import Findings
from tipcase.format.model import Choice, Competency, Pathway, Scenario
from tipcase.play.engine import Play
from tipcase.play.state_space import Analysis


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


def check_scenario(scenario: Scenario, pathway: Pathway | None, findings: Findings) -> None:
    """Every check that does not need the analysis of routes."""
    stages = scenario.stages
    if scenario.start not in stages:
        findings.add("E003", scenario.start_pos, f"start names no stage {scenario.start!r}")
    for stage in stages.values():
        if stage.at is not None:
            if pathway is not None and stage.at not in pathway.nodes:
                findings.add("E004", stage.at_pos, f"stage '{stage.id}': 'at' names no node {stage.at!r} of pathway '{pathway.id}'")
            elif pathway is None and scenario.pathway is None:
                findings.add(
                    "E004", stage.at_pos, f"stage '{stage.id}': 'at' names pathway node {stage.at!r} but the scenario names no pathway"
                )
        for exhibit, exhibit_pos in zip(stage.reveal, stage.reveal_pos, strict=True):
            if exhibit not in scenario.exhibits:
                findings.add("E010", exhibit_pos, f"stage '{stage.id}': reveal names no exhibit {exhibit!r}")
        for choice in stage.choices:
            where = f"stage '{stage.id}', choice {choice.index + 1}"
            if choice.to and choice.to not in stages:
                findings.add("E003", choice.to_pos, f"{where}: 'to' names no stage {choice.to!r}")
            for competency in choice.score:
                if competency not in scenario.competencies:
                    findings.add("E005", choice.score_pos[competency], f"{where}: score names no competency {competency!r}")
            if choice.when is not None:
                _check_condition(scenario, choice.when, choice.when_pos, where, findings)
            _check_effects(scenario, choice, where, findings)
            if choice.feedback is None:
                findings.add("W103", choice.pos, f"{where}: no feedback")
    if pathway is not None:
        _check_off_pathway(scenario, pathway, findings)


def _check_condition(scenario: Scenario, source: str, where_pos: tuple[int, int], where: str, findings: Findings) -> None:
    try:
        conditions.check(conditions.parse(source), scenario.variables)
    except conditions.ConditionError as exc:
        line, col = where_pos
        findings.add("E009", (line, col), f"{where}: bad when {source!r}: {exc} (at character {exc.offset + 1})")


def _check_effects(scenario: Scenario, choice: Choice, where: str, findings: Findings) -> None:
    variables, positions = scenario.variables, choice.effect_pos
    for name, value in choice.set.items():
        at = positions[f"set.{name}"]
        if name not in variables:
            findings.add("E009", at, f"{where}: set names an undeclared variable {name!r}")
        elif isinstance(variables[name], bool) != isinstance(value, bool):
            wanted = "true or false" if isinstance(variables[name], bool) else "an integer"
            findings.add("E002", at, f"{where}: set {name!r} needs {wanted}, as declared in variables")
    for name in choice.add:
        at = positions[f"add.{name}"]
        if name not in variables:
            findings.add("E009", at, f"{where}: add names an undeclared variable {name!r}")
        elif isinstance(variables[name], bool):
            findings.add("E002", at, f"{where}: cannot add to the boolean variable {name!r} (use set)")


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
                    f"stage '{stage.id}', choice {choice.index + 1}: off-pathway referral {bad[0]} -> {target.at} "
                    f"(pathway '{pathway.id}' has no such referral)",
                )


def check_routes(scenario: Scenario, pathway: Pathway | None, analysis: Analysis, findings: Findings) -> None:
    """E006, E007, E008, E011 and W104 from the analysis of every route."""
    if analysis.overflow:
        findings.add(
            "E011",
            scenario.variables_pos,
            f"over {analysis.states - 1:,} reachable states: some variable or the clock grows without bound (bound it with a condition)",
        )
        return
    for stage in scenario.stages.values():
        if stage.id not in analysis.reachable_stages:
            findings.add("E006", stage.pos, f"stage '{stage.id}' is not reached by any route from start '{scenario.start}'")
    for stage_id, values in analysis.dead_ends.items():
        stage = scenario.stages[stage_id]
        state = ", ".join(f"{k}={str(v).lower()}" for k, v in zip(scenario.variables, values, strict=True))
        detail = f" (when {state})" if state else ""
        findings.add("E007", stage.pos, f"stage '{stage_id}' is a dead end: no end stage can be reached from it{detail}")
    for loop in analysis.score_loops:
        choice = loop.choice.choice
        findings.add(
            "E008",
            choice.pos,
            f"stage '{loop.stage}', choice {choice.index + 1}: score loop: "
            f"a cycle through this choice raises {loop.competency!r} every time round",
        )
    if pathway is not None and analysis.has_route:
        play = Play(scenario, pathway)
        play.replay(analysis.best_choices)
        broken = [v.rule.id for v in play.violations()]
        if broken:
            findings.add(
                "W104", scenario.pathway_pos, f"the best route breaks pathway rule(s) {', '.join(broken)}: replaying it will not reach 100%"
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
            findings.add("E006", stage.pos, f"stage '{stage.id}' is not reached by any route from start '{scenario.start}'")
