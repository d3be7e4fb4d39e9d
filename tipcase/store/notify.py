"""Waiting for a session's new events without Qt: PostgreSQL LISTEN/NOTIFY, or a cheap poll on SQLite.

Whoever inserts exercise events calls ``notify`` in the same transaction; PostgreSQL delivers the
notification to every listener when (and only when) that transaction commits (postgresql.org/docs/
current/sql-notify.html). ``EventWatcher`` is what a workstation keeps while its role waits:

- on PostgreSQL it holds its own autocommit connection that has run ``LISTEN`` on the session's
  channel and sleeps in psycopg's ``Connection.notifies`` until a notification or the timeout;
- on SQLite (one file, several windows or processes on one machine) it polls ``PRAGMA data_version``
  on its own connection every ``POLL_SECONDS``: SQLite changes that number whenever another connection
  commits to the file (sqlite.org/pragma.html#pragma_data_version), so a poll costs no read of the tables.

Either way the watcher then reads the newest event number itself, so a notification that raced the
``LISTEN``, or several commits between two polls, are never missed. The app's records-changed notifier
can reuse ``EventWatcher`` (or the channel names) on a worker thread.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from typing import Any

from sqlalchemy import func, select

from tipcase.store.database import Database
from tipcase.store.models import ExerciseEvent

POLL_SECONDS = 0.05


def channel(session_id: int) -> str:
    """The LISTEN/NOTIFY channel of an exercise session."""
    return f"tipcase_exercise_{int(session_id)}"


class EventWatcher:
    """Waits for events of one exercise session newer than a given number. Close it (or use ``with``)."""

    def __init__(self, db: Database, session_id: int) -> None:
        self.db = db
        self.session_id = session_id
        self._pg: Any = None
        self._sqlite: sqlite3.Connection | None = None
        if db.is_sqlite:
            path = db.url.database or ""
            self._sqlite = (
                sqlite3.connect(path, check_same_thread=False) if path not in ("", ":memory:") else None
            )  # it only reads a pragma
            self._version = self._data_version()
        else:
            import psycopg  # noqa: PLC0415 - PostgreSQL only

            url = db.url.set(drivername="postgresql")
            self._pg = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
            self._pg.execute(f"LISTEN {channel(session_id)}")

    def newest(self) -> int:
        """The newest event number of the session (0 before any)."""
        with self.db.reading() as session:
            return int(
                session.scalar(select(func.coalesce(func.max(ExerciseEvent.seq), 0)).where(ExerciseEvent.session_id == self.session_id))
                or 0
            )

    def wait(self, after_seq: int, timeout: float) -> int:
        """Block until the session has an event numbered above ``after_seq`` or ``timeout`` seconds pass.

        Returns the newest event number (``after_seq`` or less when it timed out).
        """
        deadline = time.monotonic() + max(0.0, timeout)
        newest = self.newest()
        while newest <= after_seq:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            if self._pg is not None:
                for _ in self._pg.notifies(timeout=left, stop_after=1):
                    break
            else:
                self._poll(left)
            newest = self.newest()
        return newest

    def _data_version(self) -> int:
        if self._sqlite is None:
            return 0
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _poll(self, seconds: float) -> None:
        """Sleep until another connection has committed to the file (checked every ``POLL_SECONDS``) or ``seconds`` pass."""
        deadline = time.monotonic() + seconds
        while True:
            version = self._data_version()
            if version != self._version:
                self._version = version
                return
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(POLL_SECONDS, left))

    def close(self) -> None:
        if self._pg is not None:
            with contextlib.suppress(Exception):
                self._pg.close()
            self._pg = None
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None

    def __enter__(self) -> EventWatcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def wait_for_events(db: Database, session_id: int, after_seq: int, timeout: float) -> int:
    """``EventWatcher(db, session_id).wait(after_seq, timeout)`` for one wait (a loop should keep a watcher)."""
    with EventWatcher(db, session_id) as watcher:
        return watcher.wait(after_seq, timeout)
