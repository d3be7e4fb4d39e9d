"""What other workstations change, heard within a second: PostgreSQL LISTEN/NOTIFY, SQLite's data_version.

**Announcing.** ``track_changes(sessions)`` (``Database`` installs it) makes every transaction that
writes rows announce the tables it touched, as topics (``"certificates"``, ``"attempts"``...), with
no change to the services. Code may also announce a topic of its own inside its transaction with
``announce(session, topic, payload)`` (a team exercise's hand-over, say). On PostgreSQL an
announcement is a ``NOTIFY`` on the channel ``tipcase_changes`` inside the writing transaction, so it
is delivered when, and only if, the transaction commits. On SQLite nothing is written: every commit
by another connection changes ``PRAGMA data_version``, which a watcher reads.

**Hearing.** ``ChangeWatcher(db, deliver)`` runs a daemon thread with a connection of its own
(``LISTEN`` on PostgreSQL; ``PRAGMA data_version`` every ``poll_seconds`` on SQLite, 0.4 s by
default, a few microseconds each) and calls ``deliver(change)`` *from that thread* for each change.
When its connection is lost it says so (``Change.connected`` False), retries every few seconds, and
once back delivers ``ANY`` with ``resumed`` set: what was missed meanwhile is unknown.

**What a change says.** A ``Change`` names its topic and carries the announcer's small JSON payload
and origin (a token per process, so a process can tell its own writes). Payloads are hints, never
the data: a subscriber re-reads the records. On SQLite every change is ``ANY`` with an empty payload
(data_version says *that* something was committed, not what): a subscriber of any topic hears it.
PostgreSQL limits a payload to 8,000 bytes; ``announce`` refuses more.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from tipcase.store.database import Database

log = logging.getLogger(__name__)

CHANNEL = "tipcase_changes"
ANY = "*"  # the topic of a change whose tables are not known (SQLite; after a reconnection)
ORIGIN = uuid.uuid4().hex[:12]  # this process
MAX_PAYLOAD = 7_900  # bytes of JSON: PostgreSQL's limit is 8,000 for the whole notification
RETRY_SECONDS = 3.0
_PENDING = "tipcase_changes_announced"  # session.info: topics this transaction already announced


@dataclasses.dataclass(frozen=True)
class Change:
    """One change heard.

    ``topic``: a table name, a topic of one's own, or ``ANY``; ``payload``: JSON; ``origin``: the
    announcing process's token ("" when unknown); ``connected``: False when the watcher lost its
    connection (this is then not a change but that news); ``resumed``: the first change after a loss.
    """

    topic: str
    payload: dict[str, Any] = dataclasses.field(default_factory=dict)
    origin: str = ""
    connected: bool = True
    resumed: bool = False

    @property
    def own(self) -> bool:
        """Announced by this process (only known on PostgreSQL)."""
        return self.origin == ORIGIN


# -- announcing ------------------------------------------------------------------------------------
def announce(session: Session, topic: str, payload: dict[str, Any] | None = None) -> None:
    """Tell other workstations, when this transaction commits, that ``topic`` changed.

    On PostgreSQL a NOTIFY; on SQLite nothing (a commit is heard anyway). ``payload``: a small JSON
    object, a hint for subscribers. Raises ValueError when the payload is over ``MAX_PAYLOAD`` bytes as JSON.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    _notify(session.connection(), topic, payload)


def announce_on(connection: Connection, state: dict[str, Any], topic: str) -> None:
    """``announce`` a table's ``topic`` for a write made through SQLAlchemy's Core, once in the transaction.

    ``state``: the transaction's memory (a Session's ``info``, which ``track_changes`` clears when its
    transaction ends, or a dict of the caller's for one transaction); a table written by both the ORM and
    the Core in one transaction is announced once.
    """
    announced = state.setdefault(_PENDING, set())
    if topic in announced or connection.dialect.name != "postgresql":
        return
    _notify(connection, topic, None)
    announced.add(topic)


def _notify(connection: Connection, topic: str, payload: dict[str, Any] | None) -> None:
    body = json.dumps({"topic": topic, "origin": ORIGIN, "payload": payload or {}}, separators=(",", ":"), ensure_ascii=False)
    if len(body.encode("utf-8")) > MAX_PAYLOAD:
        raise ValueError(f"a change's payload is at most {MAX_PAYLOAD} bytes as JSON (got {len(body.encode('utf-8'))})")
    connection.execute(text("SELECT pg_notify(:channel, :body)"), {"channel": CHANNEL, "body": body})


def _tables(session: Session) -> set[str]:
    found = set()
    for instance in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(instance), "__tablename__", None)
        if table:
            found.add(str(table))
    return found


def track_changes(sessions: sessionmaker[Session]) -> None:
    """Announce, on PostgreSQL, the tables each flush of these sessions writes (once per table and transaction)."""

    @event.listens_for(sessions, "before_flush")
    def remember(session: Session, _context: Any, _instances: Any) -> None:
        if session.get_bind().dialect.name == "postgresql":
            session.info.setdefault("tipcase_changes_flushing", set()).update(_tables(session))

    @event.listens_for(sessions, "after_flush")
    def notify(session: Session, _context: Any) -> None:
        touched = session.info.pop("tipcase_changes_flushing", set())
        announced = session.info.setdefault(_PENDING, set())
        for table in sorted(touched - announced):
            announce(session, table)
            announced.add(table)

    @event.listens_for(sessions, "do_orm_execute")
    def bulk(state: Any) -> None:  # insert(), update() and delete() statements run through the session
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(getattr(state.statement, "table", None), "name", None)
            announced = state.session.info.setdefault(_PENDING, set())
            if table and table not in announced:
                announce(state.session, str(table))
                announced.add(table)

    @event.listens_for(sessions, "after_transaction_end")
    def forget(session: Session, transaction: Any) -> None:
        if transaction.parent is None:
            session.info.pop(_PENDING, None)
            session.info.pop("tipcase_changes_flushing", None)


# -- hearing ---------------------------------------------------------------------------------------
class ChangeWatcher:
    """A daemon thread that hears changes to ``db`` and calls ``deliver(change)`` from that thread."""

    def __init__(self, db: Database, deliver: Callable[[Change], None], *, poll_seconds: float = 0.4) -> None:
        self.db = db
        self.deliver = deliver
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tipcase-change-watcher", daemon=True)
        self._connected: bool | None = None

    def start(self) -> ChangeWatcher:
        """Start the watching thread; returns the watcher (``ChangeWatcher(...).start()``)."""
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop hearing; returns once the thread has ended (at most ``timeout`` seconds plus one poll)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        """Whether the watching thread is alive."""
        return self._thread.is_alive()

    @property
    def connected(self) -> bool | None:
        """True once its connection listens (or polls), False after a loss, None before the first attempt."""
        return self._connected

    def _connect_args(self) -> tuple[list[Any], dict[str, Any]]:
        args, kwargs = self.db.engine.dialect.create_connect_args(self.db.engine.url)
        return list(args), dict(kwargs)

    def _run(self) -> None:
        listen = self._listen_postgresql if self.db.engine.dialect.name == "postgresql" else self._poll_sqlite
        while not self._stop.is_set():
            try:
                listen()
            except Exception as exc:  # a lost connection, a vanished file: say so, wait, try again
                log.warning("change watcher: %s", type(exc).__name__, exc_info=exc)
                self._set_connected(False)
                self._stop.wait(RETRY_SECONDS)

    def _set_connected(self, connected: bool) -> None:
        was = self._connected
        self._connected = connected
        if not connected and was is not False:
            self.deliver(Change(ANY, connected=False))
        elif connected and was is False:
            self.deliver(Change(ANY, resumed=True))

    def _poll_sqlite(self) -> None:
        args, kwargs = self._connect_args()
        connection = sqlite3.connect(*args, **{**kwargs, "isolation_level": None, "check_same_thread": True})
        try:
            version = connection.execute("PRAGMA data_version").fetchone()[0]
            self._set_connected(True)
            while not self._stop.wait(self.poll_seconds):
                now = connection.execute("PRAGMA data_version").fetchone()[0]
                if now != version:
                    version = now
                    self.deliver(Change(ANY))
        finally:
            connection.close()

    def _listen_postgresql(self) -> None:
        import psycopg  # noqa: PLC0415 - only on PostgreSQL

        args, kwargs = self._connect_args()
        with psycopg.connect(*args, **{**kwargs, "autocommit": True, "connect_timeout": 5}) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self._set_connected(True)
            while not self._stop.is_set():
                for notice in connection.notifies(timeout=self.poll_seconds):
                    self.deliver(_parse(notice.payload))
                    if self._stop.is_set():
                        break
                connection.execute("SELECT 1")  # a dropped server is noticed here, within a poll


def _parse(body: str) -> Change:
    try:
        content = json.loads(body)
        return Change(str(content["topic"]), dict(content.get("payload") or {}), str(content.get("origin", "")))
    except (ValueError, KeyError, TypeError):
        return Change(ANY)  # a notification not of ours on the channel: something changed
