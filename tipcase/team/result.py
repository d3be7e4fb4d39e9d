"""Scoring a team session: each role's result as ``tipcase play --json`` gives one player's, and the team's.

A role is scored on its own decisions exactly as one player is (``tipcase.play.scoring``), against
its maxima over every joint route the team can take (``tipcase.team.joint``); its ``off_pathway`` are
the referral steps of its own trail. The pathway's rules are the team's: they are judged on the team
trail (every role's steps merged by clock), and an incomplete hand-over costs the team its ``points``.
Team ``total`` = the weighted sum of every role's points, rule penalties and hand-over penalties;
``max_total`` is the best joint route's (penalties ignored); ``passed`` needs every role at an end, no
critical error anywhere and ``total_percent >= pass_mark`` (docs/team-exercises.md, "Scoring").
"""

from __future__ import annotations

import functools
from typing import Any

from tipcase.play.compiled_scenario import CompiledScenario
from tipcase.play.pathway_rules import Violation, broken_rules, off_pathway_steps
from tipcase.play.scoring import CriticalError, number, score
from tipcase.team.compiled import CompiledTeam
from tipcase.team.joint import JointAnalysis, analyze_team
from tipcase.team.play import RolePlay, TeamPlay


@functools.lru_cache(maxsize=16)
def _cached_analysis(compiled: CompiledTeam) -> JointAnalysis:
    return analyze_team(compiled)


def joint_analysis(compiled: CompiledTeam) -> JointAnalysis:
    """The (cached) joint analysis of a compiled team case: its maxima are every result's denominators."""
    return _cached_analysis(compiled)


def _choice_points(role: RolePlay) -> dict[str, int]:
    points: dict[str, int] = {}
    for decision in role.play.decisions:
        for competency, value in decision.choice.score.items():
            points[competency] = points.get(competency, 0) + value
    return points


def _weights(cs: CompiledScenario) -> dict[str, float]:
    return {c: comp.weight for c, comp in cs.scenario.competencies.items()}


def role_result(session: TeamPlay, role_id: str, analysis: JointAnalysis | None = None) -> dict[str, Any]:
    """One role's result in the shape of ``tipcase play --json`` (docs/scenario-format.md), plus ``role``."""
    analysis = analysis or joint_analysis(session.compiled)
    role = session.role(role_id)
    play = role.play
    maxima = analysis.roles[role_id]
    critical = play.critical_errors(session.language)
    scored = score(
        choice_points=_choice_points(role),
        violations=[],
        maxima=maxima.max,
        weights=_weights(play.compiled),
        max_total=maxima.max_total,
        pass_mark=session.team.pass_mark,
        critical=bool(critical),
        complete=play.finished,
    )
    off_pathway = off_pathway_steps(session.pathway, play.trail) if session.pathway is not None else []
    return {
        "scenario": session.team.id,
        "version": session.team.version,
        "sha256": session.team.sha256,
        "role": role_id,
        "complete": play.finished,
        "route": list(play.route),
        "choices": [d.number for d in play.decisions],
        "end": play.stage.id if play.finished else None,
        "outcome": play.stage.end if play.finished else None,
        "hours": number(play.clock),
        "points": scored.points,
        "max": scored.max,
        "percent": scored.percent,
        "total": scored.total,
        "max_total": scored.max_total,
        "total_percent": scored.total_percent,
        "critical_errors": [e.as_json() for e in critical],
        "rule_violations": [],
        "off_pathway": [list(step) for step in off_pathway],
        "passed": scored.passed,
    }


def team_violations(session: TeamPlay) -> list[Violation]:
    """The pathway's rules the team trail breaks (``requires`` judged once every role has ended)."""
    if session.pathway is None:
        return []
    end_stage = end_role = None
    if session.finished:
        last = max(session.roles.values(), key=lambda role: role.play.clock)
        end_stage, end_role = last.play.stage.id, last.id
    return broken_rules(session.pathway, session.trail(), end_stage, end_role)


def team_result(session: TeamPlay, analysis: JointAnalysis | None = None) -> dict[str, Any]:
    """The team's result: points summed over roles with the team's penalties, against the best joint route."""
    analysis = analysis or joint_analysis(session.compiled)
    language, fallbacks = session.language, session.team.languages
    points: dict[str, int] = {}
    critical: list[dict[str, Any]] = []
    for role in session.roles.values():
        for competency, value in _choice_points(role).items():
            points[competency] = points.get(competency, 0) + value
        for error in role.play.critical_errors(language):
            critical.append({"role": role.id, **error.as_json()})
    incomplete = []
    for delivery in session.deliveries:
        handover = session.team.handovers[delivery.handover]
        if delivery.complete:
            continue
        incomplete.append(
            {"handover": delivery.handover, "number": delivery.number, "from": delivery.sender, "to": delivery.receiver,
             "competency": handover.competency, "points": -handover.points}
        )  # fmt: skip
        if handover.competency is not None and handover.points:
            points[handover.competency] = points.get(handover.competency, 0) - handover.points
    violations = team_violations(session)
    for violation in violations:
        if violation.rule.critical:
            text = violation.rule.feedback.get(language, fallbacks) if violation.rule.feedback else violation.rule.id
            critical.append({"role": violation.role, **CriticalError(violation.stage, None, text, violation.rule.id).as_json()})
    scored = score(
        choice_points=points,
        violations=violations,
        maxima=analysis.max,
        weights={c: comp.weight for c, comp in session.team.competencies.items()},
        max_total=analysis.max_total,
        pass_mark=session.team.pass_mark,
        critical=bool(critical),
        complete=session.finished,
    )
    return {
        "complete": session.finished,
        "hours": number(max((role.play.clock for role in session.roles.values()), default=0.0)),
        "points": scored.points,
        "max": scored.max,
        "percent": scored.percent,
        "total": scored.total,
        "max_total": scored.max_total,
        "total_percent": scored.total_percent,
        "pass_mark": number(session.team.pass_mark),
        "passed": scored.passed,
        "critical_errors": critical,
        "rule_violations": [v.as_json() for v in violations],
        "incomplete_handovers": incomplete,
        "undelivered": [
            {"handover": d.handover, "number": d.number, "from": d.sender, "to": d.receiver} for d in session.deliveries if not d.taken
        ],
        "waiting": {role.id: role.waits_for for role in session.roles.values() if role.waits_for is not None},
        "trail": [[step.node, number(step.clock), step.role, step.stage] for step in session.trail()],
    }


def session_result(session: TeamPlay) -> dict[str, Any]:
    """``{"team_case", "version", "sha256", "roles": {role: result}, "team": {...}}`` (``tipcase exercise report --json``)."""
    analysis = joint_analysis(session.compiled)
    return {
        "team_case": session.team.id,
        "version": session.team.version,
        "sha256": session.team.sha256,
        "roles": {role_id: role_result(session, role_id, analysis) for role_id in session.roles},
        "team": team_result(session, analysis),
    }
