"""Archiving an ended team exercise session: put away from the sessions lists, nothing of its record touched.

Trainers' lists filled up with ended exercises that could not be put away. An ended session can be
archived, and unarchived, by the trainer who created it (who directs it) or an administrator (the command
line's operator is one); another trainer, a trainee and a registrar are refused. An archived session leaves
the default lists (the trainers' sessions, a trainee's team exercises and their home page); the app's
*Show archived* lists it again. Its record stays whole and readable: the mark is a row of its own
(``exercise_archive``, migration 0008), never a change to the session (an ended session never changes:
``tipcase.store.protection``), so its assignments, log, scores and after-action report read as before.
Both changes are audited. Only an ended session is archived: one still a draft, running or paused is
refused in one line.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import audit, desktop
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.services.exercises import ENDED_STATUS, _locked, get_session
from tipcase.services.permissions import Permission, allowed, require
from tipcase.store.columns import Role
from tipcase.store.database import Database
from tipcase.store.models import ExerciseArchive, ExerciseSession, User, utcnow


def may_archive(actor: User, exercise: ExerciseSession) -> bool:
    """Whether ``actor`` may archive and unarchive ``exercise`` (once ended): its creator, if they run exercises, or an administrator."""
    if not allowed(actor, Permission.RUN_EXERCISES):
        return False
    return actor.role == Role.ADMIN.value or (exercise.created_by_id is not None and actor.id == exercise.created_by_id)


def _may_archive(session: Session, actor: User, exercise: ExerciseSession) -> None:
    """PermissionDenied unless :func:`may_archive` (a trainee or a registrar: they may not direct team exercises at all)."""
    require(actor, Permission.RUN_EXERCISES)
    if may_archive(actor, exercise):
        return
    creator = session.get(User, exercise.created_by_id) if exercise.created_by_id is not None else None
    raise PermissionDenied(
        QT_TRANSLATE_NOOP(
            "core",
            "only the trainer who created exercise {exercise!r} ({creator}) or an administrator may archive or unarchive it, "
            "not {username}",
        ),
        exercise=exercise.name,
        creator=creator.username if creator is not None else Message(QT_TRANSLATE_NOOP("core", "the command line's operator")),
        username=actor.username,
    )


def is_archived(session: Session, exercise: ExerciseSession) -> bool:
    """Whether ``exercise`` is archived."""
    return session.get(ExerciseArchive, exercise.id) is not None


def archived_ids(session: Session) -> set[int]:
    """The ids of every archived session (one query: for a list)."""
    return set(session.scalars(select(ExerciseArchive.session_id)))


def archive(session: Session, actor: User, exercise: ExerciseSession) -> bool:
    """Archive ended session ``exercise``; audited. Returns False, recording nothing, when it is archived already.

    Raises PermissionDenied (see the module docstring: the creator or an administrator) and ServiceError
    when the session has not ended (draft, running or paused: end it first).
    """
    _may_archive(session, actor, exercise)
    exercise = _locked(session, exercise.id)
    if exercise.status != ENDED_STATUS:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "exercise {exercise!r} is {status}: only an ended session can be archived"),
            exercise=exercise.name,
            status=Message(exercise.status),
        )
    if is_archived(session, exercise):
        return False
    session.add(ExerciseArchive(session_id=exercise.id, archived_at=utcnow(), archived_by=actor.username[:64]))
    session.flush()
    audit.record(session, actor, "exercise archived", exercise.name)
    return True


def unarchive(session: Session, actor: User, exercise: ExerciseSession) -> bool:
    """List archived session ``exercise`` again; audited. Returns False, recording nothing, when it was not archived.

    Raises PermissionDenied as :func:`archive` does.
    """
    _may_archive(session, actor, exercise)
    exercise = _locked(session, exercise.id)
    if not is_archived(session, exercise):
        return False
    session.execute(delete(ExerciseArchive).where(ExerciseArchive.session_id == exercise.id))
    session.flush()
    audit.record(session, actor, "exercise unarchived", exercise.name)
    return True


def set_archived(db: Database, account_id: int, name: str, *, archived: bool) -> bool:
    """:func:`archive` (or, ``archived`` False, :func:`unarchive`) session ``name`` in a transaction of its own, for the app."""
    with db.transaction() as session:
        act = archive if archived else unarchive
        return act(session, desktop._user(session, account_id), get_session(session, name))
