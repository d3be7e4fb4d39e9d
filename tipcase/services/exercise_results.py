"""What a team exercise session reads as: each role's and the team's result, where every role stands, the master log.

Split from ``tipcase.services.exercises`` (which re-exports every function here, so callers read
``exercises.report`` as before): these only read, under the same rules (``tipcase.services.exercise_access``;
a trainee's ratings closed until the session ends, ``tipcase.services.debrief_access``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.play.engine import PlayError
from tipcase.services.debrief_access import refuse_if_closed
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.services.exercise_access import may_play, may_read
from tipcase.services.exercise_log import keep_play, newest_seq, take_play
from tipcase.services.permissions import Permission, allowed
from tipcase.store.models import ExerciseEvent, ExerciseSession, User
from tipcase.team.result import role_result as single_role_result
from tipcase.team.result import session_result


def report(session: Session, actor: User, exercise: ExerciseSession) -> dict[str, Any]:
    """``tipcase exercise report --json``: each role's result as ``tipcase play --json`` gives it, and the team's.

    Raises PermissionDenied for a trainee before the session has ended (every role's ratings: the joint
    debrief's rule, ``tipcase.services.debrief_access``).
    """
    may_read(session, actor, exercise)
    refuse_if_closed(exercise.status, role=actor.role)
    play, seq = take_play(session, exercise)
    keep_play(session, exercise, play, seq)
    version = exercise.team_case_version
    return {"session": exercise.name, "status": exercise.status, "events": seq, **session_result(play)} | {
        "team_case": version.team_id,
        "version": version.version,
    }


def role_result(session: Session, actor: User, exercise: ExerciseSession, role: str) -> dict[str, Any]:
    """One role's result as ``tipcase play --json`` gives it (``role`` added): for its users and whoever reads exercises.

    Raises PermissionDenied for a trainee of the role before the session has ended: the result rates its
    decisions, which the players read in the joint debrief once the trainer ends it (``debrief_access``).
    """
    if not (allowed(actor, Permission.RUN_EXERCISES) or allowed(actor, Permission.READ_ALL_ATTEMPTS)):
        may_play(session, actor, exercise, role)
        refuse_if_closed(exercise.status, role=actor.role)
    play, seq = take_play(session, exercise)
    keep_play(session, exercise, play, seq)
    try:
        return single_role_result(play, role)
    except PlayError as exc:  # no such role
        raise ServiceError.carrying(exc) from None


def status(session: Session, actor: User, exercise: ExerciseSession) -> dict[str, Any]:
    """Every role's position, inbox and clock, the queued deliveries, who plays which role."""
    may_read(session, actor, exercise)
    play, seq = take_play(session, exercise)
    keep_play(session, exercise, play, seq)
    users: dict[str, list[str]] = {}
    for assignment in exercise.assignments:
        users.setdefault(assignment.role, []).append(assignment.user.username)
    roles = {}
    for role_id, state in play.roles.items():
        roles[role_id] = {
            "stage": state.play.stage.id,
            "at": state.play.stage.at,
            "waiting_for": state.waits_for,
            "finished": state.finished,
            "clock": state.play.clock,
            "decisions": len(state.play.decisions),
            "position": state.position,
            "inbox": len(state.inbox),
            "users": sorted(users.get(role_id, [])),
        }
    queued = {delivery.handover: 0 for delivery in play.deliveries}
    for delivery in play.deliveries:
        if not delivery.taken:
            queued[delivery.handover] += 1
    return {"session": exercise.name, "status": exercise.status, "events": seq, "roles": roles, "queued": queued}


def events(session: Session, actor: User, exercise: ExerciseSession, after_seq: int = 0) -> list[ExerciseEvent]:
    """The master log: the session's events after ``after_seq``, in order (for those who direct or read exercises)."""
    if not (allowed(actor, Permission.RUN_EXERCISES) or allowed(actor, Permission.READ_ALL_ATTEMPTS)):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may not read an exercise's master log"),
            username=actor.username,
            role=Message(actor.role),
        )
    query = select(ExerciseEvent).where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.seq > after_seq).order_by(ExerciseEvent.seq)
    return list(session.scalars(query))


def newest_event(session: Session, exercise: ExerciseSession) -> int:
    """The number of the session's newest event (0 before any): a waiting role waits for a larger one."""
    return newest_seq(session, exercise.id)
