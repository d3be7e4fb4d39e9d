"""Waiting for a session's new events without Qt, on the records-changed notifier (``tipcase.store.changes``).

Whoever appends exercise events announces the topic ``exercise`` with ``{"session": id, "seq": newest}``
in the same transaction (``changes.announce``): on PostgreSQL a NOTIFY delivered when, and only if,
that transaction commits; on SQLite nothing is written, because every commit by another connection
changes ``PRAGMA data_version``, which the watcher reads. ``EventWatcher`` is what a workstation keeps
while its role waits: a ``changes.ChangeWatcher`` thread (LISTEN on PostgreSQL, its connection checked
every ``KEEPALIVE_SECONDS``; ``data_version`` every ``POLL_SECONDS`` on SQLite) that wakes ``wait``, which
then reads the session's newest event number itself, so a notification that came before the wait, or
several commits between two polls, are never missed. The app's notifier hears the same topic
(``ui.notifier``: subscribe to ``exercise``).
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tipcase.store.changes import ANY, Change, ChangeWatcher, announce
from tipcase.store.database import Database
from tipcase.store.models import ExerciseEvent

TOPIC = "exercise"
POLL_SECONDS = 0.05  # SQLite: a few microseconds a poll; well inside the second an arrival may take
KEEPALIVE_SECONDS = 1.0  # PostgreSQL: a NOTIFY wakes the watcher at once; this only paces its check that the server is there
CONNECT_SECONDS = 5.0
RECHECK_SECONDS = 2.0  # the newest event is read again this often even without a notification (a lost one costs no more)


def announce_events(session: Session, session_id: int, seq: int) -> None:
    """Tell every workstation, when this transaction commits, that the session's log grew to ``seq``."""
    announce(session, TOPIC, {"session": session_id, "seq": seq})


def newest_event(db: Database, session_id: int) -> int:
    """The newest event number of an exercise session (0 before any)."""
    with db.reading() as session:
        query = select(func.coalesce(func.max(ExerciseEvent.seq), 0)).where(ExerciseEvent.session_id == session_id)
        return int(session.scalar(query) or 0)


class EventWatcher:
    """Waits for events of one exercise session newer than a given number. Close it (or use ``with``)."""

    def __init__(self, db: Database, session_id: int) -> None:
        self.db = db
        self.session_id = session_id
        self._heard = threading.Event()
        poll = KEEPALIVE_SECONDS if db.engine.dialect.name == "postgresql" else POLL_SECONDS
        self._watcher = ChangeWatcher(db, self._hear, poll_seconds=poll).start()
        deadline = time.monotonic() + CONNECT_SECONDS
        while self._watcher.connected is None and time.monotonic() < deadline:  # listening before the first read
            time.sleep(0.01)

    def _hear(self, change: Change) -> None:
        if change.topic == ANY or (change.topic == TOPIC and change.payload.get("session") == self.session_id):
            self._heard.set()

    def wait(self, after_seq: int, timeout: float) -> int:
        """Block until the session has an event numbered above ``after_seq`` or ``timeout`` seconds pass.

        Returns the newest event number (``after_seq`` or less when it timed out).
        """
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            self._heard.clear()
            newest = newest_event(self.db, self.session_id)
            left = deadline - time.monotonic()
            if newest > after_seq or left <= 0:
                return newest
            self._heard.wait(min(left, RECHECK_SECONDS))

    def close(self) -> None:
        """Stop listening (also on leaving a ``with`` block)."""
        self._watcher.stop()

    def __enter__(self) -> EventWatcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def wait_for_events(db: Database, session_id: int, after_seq: int, timeout: float) -> int:
    """``EventWatcher(db, session_id).wait(after_seq, timeout)`` for one wait (a loop should keep a watcher)."""
    with EventWatcher(db, session_id) as watcher:
        return watcher.wait(after_seq, timeout)
