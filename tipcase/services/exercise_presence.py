"""Who is at a team exercise's workstations: each trainee's app says every ``BEACON_SECONDS`` that it is open.

The control room cannot see the workstations, so a trainee's app (``ui.pages.exercise_presence``) tells the
records, for every session the trainee plays in and that has not ended, that it is open and which role's
workstation it shows (``beacon``); at sign-out it says it has gone (``gone``). The control room reads each
trainee's ``Presence`` and says, per person, "at the workstation", "signed in" (the app is open elsewhere: the
sessions list before the start, say), "last seen at ..." or "not signed in yet" (walk D, finding 4: hand-overs
were taken for roles nobody had opened). A row older than ``FRESH_SECONDS`` is a workstation closed without a
word (a crash, a pulled cable). The rows are not evidence and are overwritten; the master log is the record.

A trainee may play from the command line instead (``tipcase exercise play``): it says which role it plays when it
signs in, every ``BEACON_SECONDS`` while it waits for a hand-over, and when it finishes (``terminal``), in a table of
its own, since the trainee's app, open elsewhere, overwrites ``exercise_presence`` with "no role" every half minute
(walk F, finding 22: the control room said "signed in elsewhere" of trainees who were playing). A person at a
terminal reads and thinks between two commands, so such a row counts for ``TERMINAL_FRESH_SECONDS``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tipcase.services import desktop
from tipcase.services.exercises import ENDED_STATUS
from tipcase.store.database import Database
from tipcase.store.models import ExerciseAssignment, ExercisePresence, ExerciseSession, ExerciseTerminal, User, utcnow

BEACON_SECONDS = 30  # how often a trainee's app says it is open
FRESH_SECONDS = 75  # a beacon older than this (two missed, and some) means the app is no longer open
TERMINAL_FRESH_SECONDS = 600  # the command line's last word older than this (ten minutes without a command) is away


@dataclasses.dataclass(frozen=True)
class Presence:
    """A trainee's app as last heard for one session: the role whose workstation it showed (None: elsewhere), and when (UTC)."""

    role: str | None
    seen_at: dt.datetime | None  # None: the app was never heard for this session (only a terminal was)
    terminal: Mapping[str, dt.datetime] = dataclasses.field(default_factory=dict)  # role -> when ``play`` last said it plays it

    def fresh(self, now: dt.datetime) -> bool:
        """Whether the app was heard within ``FRESH_SECONDS`` of ``now`` (UTC)."""
        return self.seen_at is not None and (now - self.seen_at).total_seconds() <= FRESH_SECONDS

    def at_terminal(self, role: str, now: dt.datetime) -> bool:
        """Whether ``tipcase exercise play`` said within ``TERMINAL_FRESH_SECONDS`` of ``now`` (UTC) that it plays ``role``."""
        heard = self.terminal.get(role)
        return heard is not None and (now - heard).total_seconds() <= TERMINAL_FRESH_SECONDS


def beacon(session: Session, user: User, at: tuple[str, str] | None = None) -> int:
    """Say that ``user``'s app is open, for every session they play in that has not ended; returns how many.

    ``at``: (session name, role) of the workstation it shows, if any. Nothing is said for staff.
    """
    playing = session.execute(
        select(ExerciseSession.id, ExerciseSession.name, ExerciseAssignment.role)
        .join(ExerciseAssignment, ExerciseAssignment.session_id == ExerciseSession.id)
        .where(ExerciseAssignment.user_id == user.id, ExerciseSession.status != ENDED_STATUS)
    ).all()
    roles: dict[int, set[str]] = {}
    names: dict[int, str] = {}
    for session_id, name, role in playing:
        roles.setdefault(session_id, set()).add(role)
        names[session_id] = name
    now = utcnow()
    for session_id, assigned in roles.items():
        showing = at[1] if at is not None and at[0] == names[session_id] and at[1] in assigned else None
        row = session.get(ExercisePresence, (session_id, user.id))
        if row is None:
            session.add(ExercisePresence(session_id=session_id, user_id=user.id, role=showing, seen_at=now))
        else:
            row.role, row.seen_at = showing, now
    session.flush()
    return len(roles)


def gone(session: Session, user: User) -> None:
    """Say that ``user``'s app has closed or signed out: no session shows them as present any more."""
    session.execute(delete(ExercisePresence).where(ExercisePresence.user_id == user.id))


def terminal(session: Session, user: User, exercise: ExerciseSession, role: str) -> None:
    """Say that ``user`` plays ``role`` of ``exercise`` from the command line now (``tipcase exercise play``)."""
    row = session.get(ExerciseTerminal, (exercise.id, user.id, role))
    if row is None:
        session.add(ExerciseTerminal(session_id=exercise.id, user_id=user.id, role=role, seen_at=utcnow()))
    else:
        row.seen_at = utcnow()
    session.flush()


def presence_in(session: Session, exercise: ExerciseSession) -> dict[int, Presence]:
    """Each trainee's app and terminals as last heard for ``exercise``, by user id (a trainee never heard has no entry)."""
    rows = session.scalars(select(ExercisePresence).where(ExercisePresence.session_id == exercise.id))
    apps = {row.user_id: (row.role, row.seen_at) for row in rows}
    terminals: dict[int, dict[str, dt.datetime]] = {}
    for row in session.scalars(select(ExerciseTerminal).where(ExerciseTerminal.session_id == exercise.id)):
        terminals.setdefault(row.user_id, {})[row.role] = row.seen_at
    found = {}
    for user_id in apps.keys() | terminals.keys():
        role, seen_at = apps.get(user_id, (None, None))
        found[user_id] = Presence(role, seen_at, terminals.get(user_id, {}))
    return found


def beacon_for(db: Database, account_id: int, at: tuple[str, str] | None = None) -> int:
    """``beacon`` in a transaction of its own, for the app's worker thread (``account_id``: the signed-in account)."""
    with db.transaction() as session:
        return beacon(session, desktop._user(session, account_id), at)


def gone_for(db: Database, account_id: int) -> None:
    """``gone`` in a transaction of its own, for the app's worker thread."""
    with db.transaction() as session:
        gone(session, desktop._user(session, account_id))
