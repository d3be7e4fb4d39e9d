"""Deleting a team exercise session that is still a draft: nothing was played, so nothing of the record is lost.

A session is evidence once started (its log, its result pinned in the audit log) and is never deleted; a
draft never started holds only its name and who was assigned, and a trainer who made one by mistake (or
an empty one to try the page) must be able to remove it (walk D, finding 20). The service refuses anything
but a draft never started, and the database's trigger refuses it too (``tipcase.store.protection``).
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import audit, desktop
from tipcase.services.exercises import DRAFT, SessionNotRunning, _locked, get_session
from tipcase.services.permissions import Permission, require
from tipcase.store.database import Database
from tipcase.store.models import ExercisePresence, ExerciseSession, ExerciseTerminal, User


def delete_draft(session: Session, actor: User, exercise: ExerciseSession) -> None:
    """Delete session ``exercise``, a draft never started, with its assignments; audited.

    Raises PermissionDenied unless ``actor`` runs exercises, SessionNotRunning once it has started (its
    record is kept: end it instead).
    """
    require(actor, Permission.RUN_EXERCISES)
    exercise = _locked(session, exercise.id)
    if exercise.status != DRAFT or exercise.started_at is not None:
        raise SessionNotRunning(
            QT_TRANSLATE_NOOP("core", "exercise {exercise!r} has started: it is part of the record and is never deleted"),
            exercise=exercise.name,
        )
    name = exercise.name
    roles = sorted({assignment.role for assignment in exercise.assignments})
    session.execute(delete(ExercisePresence).where(ExercisePresence.session_id == exercise.id))
    session.execute(delete(ExerciseTerminal).where(ExerciseTerminal.session_id == exercise.id))
    session.delete(exercise)  # its assignments go with it (the relationship's cascade)
    session.flush()  # the row is locked and a draft: the trigger agrees
    audit.record(session, actor, "exercise draft deleted", name, roles=", ".join(roles))


def delete_draft_named(db: Database, account_id: int, name: str) -> None:
    """``delete_draft`` of session ``name`` in a transaction of its own, for the app's worker thread."""
    with db.transaction() as session:
        delete_draft(session, desktop._user(session, account_id), get_session(session, name))
