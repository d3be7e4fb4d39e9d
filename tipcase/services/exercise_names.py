"""Naming a session's roles and injects as people read them, and whom an inject fired by hand may still reach.

A refusal names a role by its title in the case (``role_names``: a ``tipcase.messages.Names``, said in the
interface language by the app and in the command's language by the command line), never by its id; the names
come from ``tipcase.team.names``. ``still_playing`` is the rule the app and the command line share for an inject
fired by hand: never at a role that has reached its end.
"""

from __future__ import annotations

from tipcase.messages import QT_TRANSLATE_NOOP, Names
from tipcase.services.errors import ServiceError
from tipcase.team.model import Inject, Track
from tipcase.team.names import inject_names, roles_names, track_names
from tipcase.team.play import TeamPlay


def role_names(track: Track) -> Names:
    """A role's name in each language the app speaks: its title in the case, else its name in the roles' vocabulary."""
    return track_names(track)


def inject_name(inject: Inject) -> Names:
    """An inject's title in each language of the case (an untitled one by the first line of its text)."""
    return inject_names(inject)


def still_playing(play: TeamPlay, inject_id: str, to: list[str] | None) -> list[str] | None:
    """The roles an inject fired by hand goes to: ``to``, refused when one has finished; else those not reached and still playing."""
    inject = play.team.inject(inject_id)
    if inject is None:
        return to  # play.fire names the unknown inject
    if to is not None:
        for role_id in to:
            if role_id in play.roles and play.roles[role_id].finished:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("core", "{role} has reached the end of the role: inject “{inject}” can change nothing there"),
                    role=role_names(play.team.roles[role_id]),
                    inject=inject_name(inject),
                )
        return to
    waiting = [role_id for role_id in inject.to if not play.has_fired(role_id, inject_id)]
    playing = [role_id for role_id in waiting if not play.role(role_id).finished]
    if waiting and not playing:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "inject “{inject}” can change nothing: every role it has not reached has ended ({roles})"),
            inject=inject_name(inject),
            roles=roles_names(play.team, waiting),
        )
    return playing or None
