"""Validating a team case: each role's track as a scenario, the hand-overs and injects, then the joint analysis.

Codes (docs/team-exercises.md, "Validation"): a role's track gets the scenario checks and codes (E003,
E004, E005, E009, E010, W102, W103, W106), its messages and places naming the role; the wiring gets
E013 (a hand-over or inject naming no role, a hand-over nobody sends or nobody waits for) and the
scenario codes where the fault is the same kind (E009 a bad condition or an undeclared variable, E010
an exhibit, E005 a competency, E002 the shape); the joint analysis gives E006, E007, E008, E011,
E014 (a role can wait for ever), E015 (a hand-over queues past the bound) and W104.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from tipcase.format import conditions
from tipcase.format.findings import Finding, Findings, Location, Pos
from tipcase.format.loader import register_for
from tipcase.format.media import check_exhibit_files
from tipcase.format.model import Pathway, Scenario
from tipcase.format.model_checks import check_references, check_scenario
from tipcase.messages import one_or_many
from tipcase.play.state_space import MOST_STATES
from tipcase.team import joint_space
from tipcase.team.compiled import compile_team
from tipcase.team.joint import JointAnalysis, analyze_team
from tipcase.team.joint_space import MAX_JOINT_CELLS, MAX_QUEUE
from tipcase.team.model import Inject, TeamCase, Track

if TYPE_CHECKING:
    from tipcase.format.validator import _PathwayCache


def check_team(
    team: TeamCase, findings: Findings, extra: list[Finding], cache: _PathwayCache, max_states: int | None = None
) -> tuple[Pathway | None, JointAnalysis | None]:
    """Every check of a team case; returns its pathway (when usable) and the joint analysis (when it ran).

    ``max_states``: the joint states the analysis may explore (``--max-states``); None: the case's own
    ``analysis: {max_states: N}``, else ``MAX_JOINT_STATES`` (``joint_space.asked_budget``).
    """
    from tipcase.format.validator import _on_disk, pathway_of  # noqa: PLC0415 - the validator calls this module

    pathway = None
    if team.pathway is not None:
        pathway = pathway_of(team.path, team.pathway, team.pathway_pos, team.competencies, f"team case '{team.id}'", findings, extra, cache)
    if not team.roles and not findings.has_errors:  # else its roles were refused, each at its own place
        findings.add("E002", team.roles_pos, "a team case needs at least one role under 'roles'", at=Location(field="roles"))
    register = register_for(_on_disk(team.path))
    for track in team.roles.values():
        scratch = Findings(findings.path)
        check_scenario(track.scenario, pathway, scratch)
        check_references(track.scenario, register, scratch)
        for finding in scratch.items:
            location = dataclasses.replace(finding.location or Location(), role=track.id)
            message = (
                f"role '{track.id}', {finding.message}" if finding.message.startswith("stage ") else f"role '{track.id}': {finding.message}"
            )
            findings.keep(dataclasses.replace(finding, message=message, location=location))
        _check_track_wiring(team, track, findings)
    _check_handovers(team, findings)
    _check_injects(team, findings)
    _check_objectives(team, pathway, findings)
    analysis = None
    pathway_missing = team.pathway is not None and pathway is None
    if team.roles and not findings.has_errors and not pathway_missing and not any(f.is_error for f in extra):
        compiled = compile_team(team)
        analysis = analyze_team(compiled, max_states)
        _check_joint(team, pathway, analysis, findings, held=analysis.budget < joint_space.asked_budget(compiled, max_states))
    if team.roles:
        check_exhibit_files(_first_track(team), findings)
    return pathway, analysis


def _over_budget(team: TeamCase, analysis: JointAnalysis, *, held: bool) -> str:
    """E011's message for a team case: which bound was passed, and what the author can do (docs/team-exercises.md)."""
    if analysis.inject_overflow:
        return (
            f"the injects' conditions would be checked more than {joint_space.MAX_INJECT_CHECKS:,} times: injects whose effects make "
            "one another fire in a long chain (list them in the order they fire, or make fewer)"
        )
    if held:  # a wide team: its states hold many values each
        return (
            f"over {analysis.budget:,} joint states, the most the analysis holds for {len(team.roles):,} roles and "
            f"{len(team.handovers):,} hand-overs ({MAX_JOINT_CELLS:,} values): the roles' choices combine into more "
            "(fewer roles, or bound a variable, clock or hand-over with a condition)"
        )
    whose = ", the most the case's 'analysis: max_states' allows" if team.max_states == analysis.budget else ""
    message = (
        f"over {analysis.budget:,} joint states{whose}: some variable, clock or hand-over grows without bound (bound it with a condition)"
    )
    if analysis.budget < MOST_STATES:
        message += (
            f", or the roles' choices combine into more (then raise the budget: 'analysis: {{max_states: N}}' at the top of the case, "
            f"N up to {MOST_STATES:,})"
        )
    return message


def _first_track(team: TeamCase) -> Scenario:
    return next(iter(team.roles.values())).scenario


def _role_at(track: Track, stage: str | None = None, choice: int | None = None, field: str | None = None) -> Location:
    return Location(role=track.id, stage=stage, choice=choice, field=field)


def _check_track_wiring(team: TeamCase, track: Track, findings: Findings) -> None:
    """E013 for a ``send`` or ``wait`` naming no hand-over of this role; E002 for an end stage that waits."""
    for stage_id, handover_id in track.waits.items():
        where, at = f"role '{track.id}', stage '{stage_id}'", _role_at(track, stage_id, field="wait")
        handover = team.handovers.get(handover_id)
        if handover is None:
            findings.add("E013", track.wait_pos[stage_id], f"'wait' names no hand-over {handover_id!r}", where=where, at=at)
        elif handover.receiver != track.id and handover.receiver in team.roles:
            message = f"waits for hand-over '{handover_id}', which goes to role {handover.receiver!r}, not '{track.id}'"
            findings.add("E013", track.wait_pos[stage_id], message, where=where, at=at)
        stage = track.scenario.stages.get(stage_id)
        if stage is not None and stage.is_end:
            findings.add("E002", track.wait_pos[stage_id], "an end stage does not wait (remove 'wait' or 'end')", where=where, at=at)
    for (stage_id, index), names in track.sends.items():
        where, at = f"role '{track.id}', stage '{stage_id}', choice {index + 1}", _role_at(track, stage_id, index, "send")
        for name, name_pos in zip(names, track.send_pos[(stage_id, index)], strict=True):
            handover = team.handovers.get(name)
            if handover is None:
                findings.add("E013", name_pos, f"'send' names no hand-over {name!r}", where=where, at=at)
            elif handover.sender != track.id and handover.sender in team.roles:
                findings.add(
                    "E013",
                    name_pos,
                    f"sends hand-over '{name}', which role {handover.sender!r} sends, not '{track.id}'",
                    where=where,
                    at=at,
                )


def _check_handovers(team: TeamCase, findings: Findings) -> None:
    sent = {name for track in team.roles.values() for names in track.sends.values() for name in names}
    awaited = {name for track in team.roles.values() for name in track.waits.values()}
    for handover in team.handovers.values():
        where = f"hand-over '{handover.id}'"
        at = Location(handover=handover.id)
        sender, receiver = team.roles.get(handover.sender), team.roles.get(handover.receiver)
        for role_id, role_pos, track, key in (
            (handover.sender, handover.sender_pos, sender, "from"),
            (handover.receiver, handover.receiver_pos, receiver, "to"),
        ):
            if track is None:
                message = f"'{key}' names no role {role_id!r} (roles: {', '.join(team.roles)})"
                findings.add("E013", role_pos, message, where=where, at=dataclasses.replace(at, field=key))
        if sender is not None and handover.id not in sent:
            findings.add(
                "E013", handover.pos, f"no choice of role '{sender.id}' sends it (add 'send: {handover.id}' to one)", where=where, at=at
            )
        if receiver is not None and handover.id not in awaited:
            findings.add(
                "E013",
                handover.pos,
                f"no stage of role '{receiver.id}' waits for it (add 'wait: {handover.id}' to one)",
                where=where,
                at=at,
            )
        for exhibit, exhibit_pos in zip(handover.exhibits, handover.exhibits_pos, strict=True):
            if exhibit not in team.exhibits:
                findings.add(
                    "E010",
                    exhibit_pos,
                    f"'exhibits' names no exhibit {exhibit!r}",
                    where=where,
                    at=dataclasses.replace(at, field="exhibits"),
                )
        carried: dict[str, int | bool] = {}
        for name, name_pos in zip(handover.carries, handover.carries_pos, strict=True):
            for track in (sender, receiver):
                if track is not None and name not in track.scenario.variables:
                    message = f"'carries' names {name!r}, which role '{track.id}' does not declare in its variables"
                    findings.add("E009", name_pos, message, where=where, at=dataclasses.replace(at, field="carries"))
            kinds = {
                isinstance(track.scenario.variables[name], bool)
                for track in (sender, receiver)
                if track and name in track.scenario.variables
            }
            if len(kinds) == 2:
                message = f"{name!r} is an integer in one role and true/false in the other: a carried value keeps its type"
                findings.add("E002", name_pos, message, where=where, at=dataclasses.replace(at, field="carries"))
            if sender is not None and name in sender.scenario.variables:
                carried[name] = sender.scenario.variables[name]
        if handover.complete_when is not None:
            _condition(
                handover.complete_when,
                carried,
                handover.complete_when_pos,
                where=where,
                key="complete_when",
                findings=findings,
                at=dataclasses.replace(at, field="complete_when"),
                whose="carried values",
            )
        for note in handover.recorded:
            _condition(
                note.when,
                carried,
                note.pos,
                where=where,
                key="recorded when",
                findings=findings,
                at=dataclasses.replace(at, field="recorded"),
                whose="carried values",
            )
        if handover.competency is not None and handover.competency not in team.competencies:
            findings.add(
                "E005",
                handover.competency_pos,
                f"names no competency {handover.competency!r}",
                where=where,
                at=dataclasses.replace(at, field="competency"),
            )
        if handover.points and handover.competency is None:
            findings.add("E002", handover.pos, "a hand-over with points names the competency that loses them", where=where, at=at)


def _condition(
    source: str, variables: dict[str, int | bool], where_pos: Pos, *, where: str, key: str, findings: Findings, at: Location, whose: str
) -> None:
    try:
        conditions.check(conditions.parse(source), variables)
    except conditions.ConditionError as exc:
        findings.add(
            "E009",
            where_pos,
            f"bad {key} {source!r}: {exc} (at character {exc.offset + 1}; it may read only the {whose})",
            where=where,
            at=at,
        )


def _check_injects(team: TeamCase, findings: Findings) -> None:
    seen: set[str] = set()
    for inject in team.injects:
        where, at = f"inject '{inject.id}'", Location(inject=inject.index)
        if inject.id in seen:
            findings.add(
                "E002", inject.pos, "another inject has this id (ids name injects when the trainer fires them)", where=where, at=at
            )
        seen.add(inject.id)
        triggers = [name for name, present in (("at", inject.at_hours is not None), ("when", inject.when is not None)) if present]
        if inject.manual and triggers:
            findings.add("E002", inject.pos, f"a manual inject fires only by hand: remove {' and '.join(triggers)}", where=where, at=at)
        elif not inject.manual and len(triggers) != 1:
            found = " and ".join(triggers) or "neither"
            findings.add("E002", inject.pos, f"an inject has one of 'at', 'when' or 'manual: true' (found {found})", where=where, at=at)
        if not inject.to_all:
            for role_id, role_pos in zip(inject.to, inject.to_pos, strict=True):
                if role_id not in team.roles:
                    message = f"'to' names no role {role_id!r} (roles: {', '.join(team.roles)}, or all)"
                    findings.add("E013", role_pos, message, where=where, at=dataclasses.replace(at, field="to"))
        for exhibit, exhibit_pos in zip(inject.reveal, inject.reveal_pos, strict=True):
            if exhibit not in team.exhibits:
                findings.add(
                    "E010", exhibit_pos, f"reveal names no exhibit {exhibit!r}", where=where, at=dataclasses.replace(at, field="reveal")
                )
        for role_id in inject.to:
            track = team.roles.get(role_id)
            if track is not None:
                _check_inject_for(inject, track, where, at, findings)
    _check_titles(team, findings)


def _check_titles(team: TeamCase, findings: Findings) -> None:
    """W107: a variable an inject's condition reads has a title in some role (the control room says the condition in words).

    Reported once per role and variable, at its declaration in the receiving role, where the title goes.
    """
    reported: set[tuple[str, str]] = set()
    for inject in team.injects:
        if inject.when is None:
            continue
        try:
            names = sorted(conditions.names(conditions.parse(inject.when)) - {conditions.CLOCK})
        except conditions.ConditionError:
            continue  # E009 above
        for role_id in inject.to:
            track = team.roles.get(role_id)
            for name in names:
                if track is None or name not in track.scenario.variables or (role_id, name) in reported:
                    continue
                if team.variable_title(role_id, name) is None:
                    reported.add((role_id, name))
                    value = str(track.scenario.variables[name]).lower()
                    findings.add(
                        "W107",
                        track.scenario.variable_pos.get(name, track.scenario.variables_pos),
                        f"variable {name!r} has no title, and inject '{inject.id}' reads it: the control room would say the "
                        f"condition with the id (give it one: {name}: {{initial: {value}, title: {{...}}}})",
                        where=f"role '{role_id}'",
                        at=Location(role=role_id, field="variables"),
                    )


def _check_inject_for(inject: Inject, track: Track, where: str, at: Location, findings: Findings) -> None:
    """The inject's ``when`` and effects against one receiving role's own variables."""
    variables = track.scenario.variables
    if inject.when is not None:
        whose = f"own variables of the receiving role ('{track.id}')"
        at_when = dataclasses.replace(at, field="when")
        _condition(inject.when, variables, inject.when_pos, where=where, key="when", findings=findings, at=at_when, whose=whose)
    for name, value in inject.set.items():
        name_pos = inject.effect_pos[f"set.{name}"]
        if name not in variables:
            findings.add(
                "E009",
                name_pos,
                f"set names {name!r}, which role '{track.id}' does not declare",
                where=where,
                at=dataclasses.replace(at, field="set"),
            )
        elif isinstance(variables[name], bool) != isinstance(value, bool):
            wanted = "true or false" if isinstance(variables[name], bool) else "an integer"
            findings.add(
                "E002",
                name_pos,
                f"set {name!r} needs {wanted}, as role '{track.id}' declares it",
                where=where,
                at=dataclasses.replace(at, field="set"),
            )
    for name in inject.add:
        name_pos = inject.effect_pos[f"add.{name}"]
        if name not in variables:
            findings.add(
                "E009",
                name_pos,
                f"add names {name!r}, which role '{track.id}' does not declare",
                where=where,
                at=dataclasses.replace(at, field="add"),
            )
        elif isinstance(variables[name], bool):
            findings.add(
                "E002",
                name_pos,
                f"cannot add to the boolean variable {name!r} of role '{track.id}'",
                where=where,
                at=dataclasses.replace(at, field="add"),
            )


def _check_objectives(team: TeamCase, pathway: Pathway | None, findings: Findings) -> None:
    rules = {rule.id for rule in pathway.rules} if pathway is not None else None
    for objective in team.objectives.values():
        where = f"objective '{objective.id}'"
        for competency in objective.competencies:
            if competency not in team.competencies:
                findings.add("E005", objective.ref_pos[f"competencies.{competency}"], f"names no competency {competency!r}", where=where)
        for rule in objective.rules:
            if rules is not None and rule not in rules:
                findings.add("E004", objective.ref_pos[f"rules.{rule}"], f"names no rule {rule!r} of pathway '{team.pathway}'", where=where)
            elif rules is None and team.pathway is None:
                findings.add(
                    "E004", objective.ref_pos[f"rules.{rule}"], f"names rule {rule!r} but the team case names no pathway", where=where
                )
        for handover in objective.handovers:
            if handover not in team.handovers:
                findings.add("E013", objective.ref_pos[f"handovers.{handover}"], f"names no hand-over {handover!r}", where=where)


def _check_joint(team: TeamCase, pathway: Pathway | None, analysis: JointAnalysis, findings: Findings, *, held: bool = False) -> None:
    """E011, E015, E006, E014, E007, E008 and W104 from the joint analysis.

    ``held``: the budget asked was lowered to the bound of values a wide team's states hold (``joint_space.state_budget``).
    """
    if analysis.overflow:
        message = _over_budget(team, analysis, held=held)
        findings.add("E011", team.roles_pos, message, at=Location(field="roles"))
        return
    if analysis.queue_overflow is not None:
        handover_id, sender = analysis.queue_overflow
        handover = team.handovers[handover_id]
        message = (
            f"role '{sender}' can send it more than {MAX_QUEUE} times before role '{handover.receiver}' takes one: "
            "bound the sending with a condition, or make the sender wait for an answer"
        )
        findings.add("E015", handover.pos, message, where=f"hand-over '{handover_id}'", at=Location(handover=handover_id))
        return
    for track in team.roles.values():
        reached = analysis.roles[track.id].reachable_stages
        for stage in track.scenario.stages.values():
            if stage.id not in reached:
                message = f"stage '{stage.id}' is not reached by any joint route from the start"
                findings.add("E006", stage.pos, message, where=f"role '{track.id}'", at=_role_at(track, stage.id))
    for blocked in analysis.deadlocks:
        track = team.roles[blocked.role]
        others = "; ".join(blocked.others) or "no other role"
        message = f"waits for hand-over '{blocked.handover}', which can never arrive: no role can move ({others})"
        findings.add(
            "E014",
            track.wait_pos[blocked.stage],
            message,
            where=f"role '{track.id}', stage '{blocked.stage}'",
            at=_role_at(track, blocked.stage, field="wait"),
        )
    for blocked in analysis.dead_ends:
        track = team.roles[blocked.role]
        state = ", ".join(f"{k}={str(v).lower()}" for k, v in zip(track.scenario.variables, blocked.values, strict=True))
        detail = f" when {state}" if state else ""
        message = f"stage '{blocked.stage}' is a dead end: no choice is offered there{detail}"
        findings.add(
            "E007", track.scenario.stages[blocked.stage].pos, message, where=f"role '{track.id}'", at=_role_at(track, blocked.stage)
        )
    for blocked in analysis.loops:
        track = team.roles[blocked.role]
        message = f"stage '{blocked.stage}' is a dead end: from it the role only loops and never reaches an end"
        findings.add(
            "E007", track.scenario.stages[blocked.stage].pos, message, where=f"role '{track.id}'", at=_role_at(track, blocked.stage)
        )
    for loop in analysis.score_loops:
        track = team.roles[loop.role]
        choice = loop.choice.choice
        message = f"score loop: a cycle through this choice raises {loop.competency!r} every time round"
        where = f"role '{track.id}', stage '{loop.stage}', choice {choice.index + 1}"
        findings.add("E008", choice.pos, message, where=where, at=_role_at(track, loop.stage, choice.index, "score"))
    if analysis.has_route:
        _check_best_route(team, pathway, analysis, findings)


def _check_best_route(team: TeamCase, pathway: Pathway | None, analysis: JointAnalysis, findings: Findings) -> None:
    """W104 when replaying the best joint route breaks a team rule or sends an incomplete hand-over."""
    from tipcase.team.replay import best_route_play  # noqa: PLC0415 - the player is heavier than the checks
    from tipcase.team.result import team_violations  # noqa: PLC0415

    play = best_route_play(team, pathway, analysis)
    broken = [violation.rule.id for violation in team_violations(play)]
    incomplete = sorted({delivery.handover for delivery in play.deliveries if not delivery.complete})
    parts = []
    if broken:
        parts.append(f"breaks pathway {one_or_many(len(broken), 'rule', 'rules')} {', '.join(broken)}")
    if incomplete:
        parts.append(f"sends {one_or_many(len(incomplete), 'hand-over', 'hand-overs')} {', '.join(incomplete)} incomplete")
    if parts:
        message = f"the best joint route {' and '.join(parts)}: replaying it will not reach 100%"
        findings.add("W104", team.pathway_pos if team.pathway is not None else team.pos, message, at=Location(field="pathway"))
