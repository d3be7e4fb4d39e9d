"""What other workstations write is heard within a second: PostgreSQL LISTEN/NOTIFY sent by the writing
transaction (tables as topics, topics of one's own with a payload, nothing for a rollback), SQLite's
data_version polled, and a lost connection said and recovered. The writer is another process."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults import terminate_backends
from tests.records import seed
from tipcase.services import accounts
from tipcase.store import changes
from tipcase.store.changes import ANY, ORIGIN, Change, ChangeWatcher, announce
from tipcase.store.database import Database

CHILD = Path(__file__).with_name("change_child.py")


def write_elsewhere(url: str, *action: str) -> float:
    """Another process writes; returns the time it committed."""
    done = subprocess.run(
        [sys.executable, str(CHILD), url, *action], capture_output=True, text=True, check=True, env={**os.environ}, timeout=120
    )
    return float(done.stdout.split()[-1])


def heard(inbox: queue.Queue[tuple[float, Change]], within: float, wanted: str | None = None) -> tuple[float, Change]:
    deadline = time.monotonic() + within
    while True:
        at, change = inbox.get(timeout=max(0.01, deadline - time.monotonic()))
        if wanted is None or change.topic == wanted:
            return at, change


def watch(db: Database) -> tuple[ChangeWatcher, queue.Queue[tuple[float, Change]]]:
    inbox: queue.Queue[tuple[float, Change]] = queue.Queue()
    watcher = ChangeWatcher(db, lambda change: inbox.put((time.time(), change)), poll_seconds=0.2).start()
    time.sleep(0.5)  # listening
    return watcher, inbox


@pytest.mark.slow
def test_another_process_writing_is_heard_within_a_second(db: Database) -> None:
    with db.transaction() as session:
        seed(session)
    url = db.url.render_as_string(hide_password=False)
    watcher, inbox = watch(db)
    try:
        committed = write_elsewhere(url, "start", "other-trainee")
        if db.is_sqlite:
            at, change = heard(inbox, 5)
            assert change.topic == ANY  # data_version says that someone committed, not what
        else:
            at, change = heard(inbox, 5, "attempts")
            assert not change.own
            assert change.origin
            assert change.origin != ORIGIN
        assert at - committed < 1.0
        if not db.is_sqlite:
            committed = write_elsewhere(url, "announce", "exercise:12")
            at, change = heard(inbox, 5, "exercise:12")
            assert change.payload == {"handed_over_to": "prosecutor", "exercise": 12}
            assert at - committed < 1.0
    finally:
        watcher.stop()
    assert not watcher.running


def test_postgresql_announces_at_commit_and_never_for_a_rollback(pg_server) -> None:  # type: ignore[no-untyped-def]
    db = Database(pg_server.create_database())
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    watcher, inbox = watch(db)
    try:
        with db.session() as session:
            session.begin()
            accounts.get_user(session, "demo-trainee").full_name = "Changed, then rolled back"
            session.flush()
            announce(session, "exercise:1", {"n": 1})
            session.rollback()
        with pytest.raises(ValueError, match="at most 7900 bytes"), db.transaction() as session:
            announce(session, "exercise:1", {"text": "x" * 8000})
        with db.transaction() as session:
            accounts.get_user(session, "demo-trainee").rank = "Briptu"
        _at, change = heard(inbox, 5)
        assert (change.topic, change.own) == ("users", True)  # the first heard is the commit, not the rollback
        time.sleep(0.5)
        assert inbox.empty()  # once per table and transaction
    finally:
        watcher.stop()
        db.dispose()


def test_a_lost_connection_is_said_and_recovered(pg_server, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(changes, "RETRY_SECONDS", 0.3)
    url = pg_server.create_database()
    db = Database(url)
    db.upgrade()
    watcher, inbox = watch(db)
    try:
        terminate_backends(pg_server.admin_dsn, url.rsplit("/", 1)[1])  # as a server restart would
        _at, lost = heard(inbox, 5)
        assert not lost.connected
        _at, back = heard(inbox, 5)
        assert (back.topic, back.resumed, back.connected) == (ANY, True, True)  # what was missed is unknown: re-read
    finally:
        watcher.stop()
        db.dispose()
