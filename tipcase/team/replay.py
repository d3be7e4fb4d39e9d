"""Team sessions played from lists of choice numbers: the best joint route, and scripted rehearsals.

``play_scripted`` plays each role's numbers (1-based among the choices offered, as ``tipcase play
--choose`` takes them) round by round in the roles' order, each role moving when it can; by the
determinism principle any other order gives the same result (a property the tests check).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tipcase.format.model import Pathway
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.play.engine import PlayError
from tipcase.team.joint import JointAnalysis
from tipcase.team.model import TeamCase
from tipcase.team.names import role_names
from tipcase.team.play import TeamPlay


def best_route_play(team: TeamCase, pathway: Pathway | None, analysis: JointAnalysis) -> TeamPlay:
    """The session that takes the best joint route (deliveries are taken as they come)."""
    play = TeamPlay(team, pathway)
    for move in analysis.best_moves:
        if move.choice is not None:
            play.choose(team.role_ids()[move.role], move.number)
    return play


def play_scripted(
    team: TeamCase, pathway: Pathway | None, numbers: Mapping[str, Sequence[int]], *, language: str | None = None
) -> TeamPlay:
    """Play every role's numbers until each list is used up or no role with numbers left can move.

    Raises PlayError for an unknown role or a number not offered (naming the role, stage and choices).
    """
    play = TeamPlay(team, pathway, language=language)
    for role_id in numbers:
        play.role(role_id)
    left = {role_id: list(values) for role_id, values in numbers.items()}
    moved = True
    while moved:
        moved = False
        for role_id in team.roles:
            queue = left.get(role_id)
            if queue and play.can_move(role_id):
                try:
                    play.choose(role_id, queue.pop(0))
                except PlayError as exc:
                    raise PlayError(QT_TRANSLATE_NOOP("core", "{role}: {reason}"), role=role_names(team, role_id), reason=exc) from None
                moved = True
    return play
