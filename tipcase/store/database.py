"""Opening the database: SQLite (WAL, foreign keys, busy timeout, immediate write locks) or PostgreSQL.

``open_database`` creates the engine, applies pending migrations (Alembic) and hands out sessions.
Callers own the transaction: ``with db.session() as session, session.begin(): ...``.

Opening an up-to-date database never imports Alembic (about a third of the app's start-up before
sign-in): the schema's revision is read from ``alembic_version`` with plain SQL and compared with the
newest revision of the migration scripts (``schema_head``, read from their ``revision`` lines); only a
database that needs an upgrade (or is newer than this TIPCase) goes through Alembic.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, ProgrammingError

from tipcase.home_folder import database_url, prepare_sqlite_file
from tipcase.store.faults import Fault, classify, sentence, where_of

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
POSTGRESQL_LOCK_TIMEOUT_MS = SQLITE_BUSY_TIMEOUT_MS  # a lock held longer is a "records busy" message, not an endless wait
READ_ONLY = "tipcase_read_only"
VERSION_TABLE = "alembic_version"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


class DatabaseError(Exception):
    """The database cannot be reached or used: one line for the user.

    ``kind`` names the fault (``tipcase.store.faults.Fault``), so the app can say it in the interface
    language; ``where`` is the file or server (never a password); the message is the English line.
    """

    def __init__(self, message: str, kind: Fault = Fault.OTHER, where: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.where = where

    @classmethod
    def from_error(cls, error: BaseException, where: str) -> DatabaseError:
        """The one-line error for a driver's or SQLAlchemy's exception (its SQL and parameters left out)."""
        kind = classify(error) or Fault.OTHER
        return cls(sentence(kind, where), kind, where)


def normalise_url(url: str) -> URL:
    """``postgresql://`` means psycopg 3 here; everything else is taken as given."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not pysqlite, opens transactions
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")  # a committed decision survives a power cut
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # Writers take the write lock at the start: a transaction that read and then writes can
        # otherwise fail with SQLITE_BUSY_SNAPSHOT when another process wrote in between. Readers
        # (reports, exports) begin deferred and never block a trainee's next decision.
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def create_db_engine(url: str) -> Engine:
    """The engine for ``url``.

    An error's text never carries the values of a statement (``hide_parameters``): names, password
    hashes and case data stay out of messages and the log.
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            prepare_sqlite_file(Path(parsed.database))  # owner-only before SQLite makes it 0644 (and its -wal, -shm alike)
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
        _configure_sqlite(engine)
        return engine
    return create_engine(
        parsed, pool_pre_ping=True, hide_parameters=True, connect_args={"options": f"-c lock_timeout={POSTGRESQL_LOCK_TIMEOUT_MS}"}
    )


@functools.cache
def schema_head() -> str:
    """The newest schema revision this TIPCase knows: the one migration script no other names as its ``down_revision``.

    Read from the scripts' ``revision = "..."`` and ``down_revision = "..."`` lines (a millisecond, no
    Alembic); ``tests/test_store.py`` checks it is Alembic's own head. Raises RuntimeError unless the
    scripts form one line of revisions (PROTOCOL: exactly one head).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_ASSIGNMENT.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        revisions.add(found["revision"].strip("\"'"))
        parents.update(re.findall(r"[\"']([^\"']+)[\"']", found.get("down_revision", "None")))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts have {len(heads)} heads ({', '.join(sorted(heads))}); there must be one")
    return heads.pop()


def stored_revisions(connection: Connection) -> list[str]:
    """The revisions recorded in ``alembic_version`` (none for an empty database), read with plain SQL."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return []
    return [str(row[0]) for row in connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}")]


def alembic_config(connection: Any = None) -> Config:
    """An Alembic configuration for TIPCase's migrations, run on ``connection`` when given (Alembic is imported only here)."""
    from alembic.config import Config  # noqa: PLC0415 - Alembic loads only when the schema changes

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


class Database:
    """An engine, its sessions, and its schema revision.

    The ORM (``sqlalchemy.orm``: 6 MiB and about 0.1 s of CPU to load) is loaded with the first session;
    ``reading_connection`` reads through SQLAlchemy's Core alone, as ``tipcase cohorts report`` does.
    """

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = create_db_engine(url)

    @functools.cached_property
    def sessions(self) -> sessionmaker[Session]:
        """The factory of writing sessions (each change they commit is announced: ``tipcase.store.changes``)."""
        from sqlalchemy.orm import sessionmaker  # noqa: PLC0415 - the ORM loads with the first session

        from tipcase.store.changes import track_changes  # noqa: PLC0415

        sessions = sessionmaker(self.engine, expire_on_commit=False)
        track_changes(sessions)  # other workstations hear what these sessions write (tipcase.store.changes)
        return sessions

    @functools.cached_property
    def read_sessions(self) -> sessionmaker[Session]:
        """The factory of reading sessions (on SQLite they take no write lock)."""
        from sqlalchemy.orm import sessionmaker  # noqa: PLC0415

        return sessionmaker(self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)

    @property
    def display_url(self) -> str:
        """The database's URL with any password masked, for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    @property
    def where(self) -> str:
        """The file or the server, for messages (``tipcase.store.faults.where_of``)."""
        return where_of(self.url)

    @property
    def is_sqlite(self) -> bool:
        """Whether the records are an SQLite file (else a PostgreSQL server)."""
        return self.url.get_backend_name() == "sqlite"

    def session(self) -> Session:
        """A new session, not in a transaction yet; the caller commits and closes it (prefer ``transaction`` and ``reading``)."""
        return self.sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside a transaction: committed on success, rolled back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only (reports, exports): on SQLite it takes no write lock."""
        with self.read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def reading_connection(self) -> Iterator[Connection]:
        """A Core connection for reading only, without the ORM (on SQLite it takes no write lock); rolled back at the end."""
        with self.engine.execution_options(**{READ_ONLY: True}).connect() as connection:
            try:
                yield connection
            finally:
                connection.rollback()

    def revision(self) -> str | None:
        """The schema revision the database is at (None when it has none yet); RuntimeError for several.

        Read without the write lock (on SQLite a deferred BEGIN), so that opening the records never waits for
        another workstation's write: with the lock taken here, a command that only reads failed after the busy
        timeout whenever another process held the lock (findings/break-17.md).
        """
        with self.engine.execution_options(**{READ_ONLY: True}).connect() as connection:
            stored = stored_revisions(connection)
        if len(stored) > 1:
            raise RuntimeError(f"the database records several schema revisions ({', '.join(stored)})")
        return stored[0] if stored else None

    @staticmethod
    def head() -> str:
        """The newest schema revision the migration scripts know (``schema_head``)."""
        return schema_head()

    def upgrade(self, revision: str = "head") -> None:
        """Apply migrations up to ``revision`` (with Alembic, imported here)."""
        from alembic import command  # noqa: PLC0415 - only when the schema changes

        with self.engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)

    def table_names(self) -> list[str]:
        """The tables the database holds now."""
        return inspect(self.engine).get_table_names()

    def dispose(self) -> None:
        """Close every pooled connection (call when done with the database, and in tests)."""
        self.engine.dispose()


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (and by default migrate) the database; raises DatabaseError with one clear line."""
    try:
        db = Database(database_url(url))
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:  # never echo the address: it may hold a password
        raise DatabaseError(sentence(Fault.BAD_ADDRESS, ""), Fault.BAD_ADDRESS) from exc
    try:
        current = db.revision()  # touches the database: an unreachable server fails here, clearly
        if upgrade and current != db.head():
            try:
                db.upgrade()
            except ProgrammingError as exc:  # a workstation role may not change the schema (PostgreSQL)
                raise DatabaseError(
                    f"the database at {db.display_url} is at schema revision {current} and this TIPCase needs {db.head()}: "
                    f"this role may not change the schema ({_first_line(exc)}); the database owner runs 'tipcase db upgrade'",
                    Fault.UPGRADE_NEEDED,
                    db.where,
                ) from None
    except DatabaseError:
        db.dispose()
        raise
    except Exception as exc:
        db.dispose()
        if classify(exc) is None:
            raise
        raise DatabaseError.from_error(exc, db.where) from exc
    return db


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
