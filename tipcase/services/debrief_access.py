"""Who may open a session's joint debrief, and when: one rule for the control room, the sessions list and the service.

Those who direct exercises (and whoever reads every attempt) follow the joint debrief from the moment
the session starts: a running or paused session's debrief grows as it is played. A trainee who takes
part reads it once the session has ended: during play the decisions are not rated to the players
(docs/team-exercises.md, "Live play"), and the debrief would show each role every other role's ratings
and feedback. Nobody reads a draft's: nothing has happened yet. ``debrief_closed`` says why not, as a
core message the app shows in the interface language (``ui.errors.core_text``); the service
``tipcase.services.exercise_debrief.debrief`` refuses with the same words. Qt-free.
"""

from __future__ import annotations

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services.errors import PermissionDenied
from tipcase.services.permissions import MATRIX, Permission
from tipcase.store.models import Role


def follows_from_the_start(role: str) -> bool:
    """Whether an account of ``role`` follows a debrief while its session runs: it directs exercises or reads every attempt."""
    return Role(role) in MATRIX[Permission.RUN_EXERCISES] | MATRIX[Permission.READ_ALL_ATTEMPTS]


def debrief_closed(status: str, *, role: str) -> Message | None:
    """Why the joint debrief of a session in ``status`` (draft, running, paused, ended) is closed to its reader, or None when open.

    ``role``: the reader's account role (trainee, trainer, registrar, admin). Whether a trainee takes part
    in the session is the service's check, not this one's.
    """
    if status == "draft":
        return Message(QT_TRANSLATE_NOOP("core", "The joint debrief opens once the session has started: nothing has been played yet."))
    if status == "ended" or follows_from_the_start(role):
        return None
    return Message(QT_TRANSLATE_NOOP("core", "The joint debrief opens to the trainees once the trainer ends the session."))


def refuse_if_closed(status: str, *, role: str) -> None:
    """Raise PermissionDenied (carrying :func:`debrief_closed`'s words) when the session's results are closed to ``role``.

    The joint debrief, the after-action report and ``tipcase exercise report`` show every role's ratings, so
    they share this rule; a director may still open a draft's (empty).
    """
    closed = debrief_closed(status, role=role)
    if closed is not None and (status != "draft" or not follows_from_the_start(role)):
        raise PermissionDenied.carrying(closed)
