"""Team cases and sessions as JSON: the analysis ``tipcase analyze TEAMFILE --json`` prints (docs/team-exercises.md)."""

from __future__ import annotations

from typing import Any

from tipcase.play.scoring import number
from tipcase.team.joint import JointAnalysis
from tipcase.team.model import TeamCase


def analysis_json(team: TeamCase, analysis: JointAnalysis) -> dict[str, Any]:
    """The analysis as ``tipcase analyze TEAMFILE --json`` prints it.

    ``{"team_case", "version", "states", "roles": {role: {stages, ends, max, max_total, best_route,
    best_choices}}, "max", "max_total", "best_choices_by_role", "best_route_by_role"}``: each role's part in
    the shape of a scenario's ``tipcase analyze --json``, then the team's maxima and best joint route.
    """
    roles = {
        role_id: {
            "stages": part.stages,
            "ends": part.ends,
            "max": {c: number(m) for c, m in part.assessed().items()},
            "max_total": number(part.max_total),
            "best_route": part.best_route,
            "best_choices": part.best_choices,
        }
        for role_id, part in analysis.roles.items()
    }
    return {
        "team_case": team.id,
        "version": team.version,
        "states": analysis.states,
        "roles": roles,
        "max": {c: number(m) for c, m in analysis.assessed().items()},
        "max_total": number(analysis.max_total),
        "best_choices_by_role": {role_id: part["best_choices"] for role_id, part in roles.items()},
        "best_route_by_role": {role_id: part["best_route"] for role_id, part in roles.items()},
    }
