"""What went wrong with the database, as a kind a person can act on: read-only, unreachable, locked, full...

``classify(error)`` reads an exception from SQLAlchemy, the SQLite driver (``sqlite3``'s result codes,
https://www.sqlite.org/rescode.html) or psycopg (PostgreSQL's SQLSTATE codes, Appendix A of the
PostgreSQL manual) and names its ``Fault``; ``None`` when the error is not the database's. The
command line prints ``sentence(fault, where)``; the app says the same kinds in the interface
language (``ui.errors``). Neither ever shows the exception's own text, which carries SQL, bound
parameters and driver names: that goes to the log.
"""

from __future__ import annotations

import enum
import sqlite3

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url


class Fault(enum.StrEnum):
    """What went wrong with the records, by kind, so the app says it in one sentence of the user's language (``ui.errors``)."""

    READ_ONLY = "read-only"  # the file, its folder or the server accepts no writes
    UNREACHABLE = "unreachable"  # the file cannot be opened, or the server cannot be reached
    LOGIN_REFUSED = "login refused"  # the server refused the database user or password
    LOCKED = "locked"  # another connection holds the lock past the wait, or a conflict to retry
    FULL = "full"  # no space left for the records
    CONNECTION_LOST = "connection lost"  # the server went away (or the file's disk) during work
    DAMAGED = "damaged"  # not a database, or a damaged one
    NOT_PERMITTED = "not permitted"  # the database user may not do this (a PostgreSQL role)
    REFUSED = "refused"  # a rule of the records (a constraint or a protecting trigger) refused the change
    NEWER_SCHEMA = "newer schema"  # the records were migrated by a newer TIPCase
    UPGRADE_NEEDED = "upgrade needed"  # the records need a migration this database user may not run
    BAD_ADDRESS = "bad address"  # a database URL TIPCase cannot use
    OTHER = "other"  # any other database error


# SQLite primary result codes (the low byte of an extended code).
_SQLITE = {
    3: Fault.READ_ONLY,  # SQLITE_PERM
    5: Fault.LOCKED,  # SQLITE_BUSY
    6: Fault.LOCKED,  # SQLITE_LOCKED
    8: Fault.READ_ONLY,  # SQLITE_READONLY
    10: Fault.CONNECTION_LOST,  # SQLITE_IOERR: the disk or network share failed under the file
    11: Fault.DAMAGED,  # SQLITE_CORRUPT
    13: Fault.FULL,  # SQLITE_FULL
    14: Fault.UNREACHABLE,  # SQLITE_CANTOPEN
    19: Fault.REFUSED,  # SQLITE_CONSTRAINT (a protecting trigger's RAISE(ABORT) included)
    23: Fault.NOT_PERMITTED,  # SQLITE_AUTH
    26: Fault.DAMAGED,  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATE codes, exact first, then by class (the first two characters).
_SQLSTATE = {
    "25006": Fault.READ_ONLY,  # read_only_sql_transaction (a hot standby, default_transaction_read_only)
    "28000": Fault.LOGIN_REFUSED,  # invalid_authorization_specification
    "28P01": Fault.LOGIN_REFUSED,  # invalid_password
    "3D000": Fault.UNREACHABLE,  # invalid_catalog_name: no such database on the server
    "08001": Fault.UNREACHABLE,  # sqlclient_unable_to_establish_sqlconnection
    "08004": Fault.UNREACHABLE,  # sqlserver_rejected_establishment_of_sqlconnection
    "57P03": Fault.UNREACHABLE,  # cannot_connect_now (starting up, shutting down)
    "53300": Fault.UNREACHABLE,  # too_many_connections
    "53100": Fault.FULL,  # disk_full
    "42501": Fault.NOT_PERMITTED,  # insufficient_privilege
    "55P03": Fault.LOCKED,  # lock_not_available (lock_timeout)
    "40P01": Fault.LOCKED,  # deadlock_detected
    "40001": Fault.LOCKED,  # serialization_failure
    "XX001": Fault.DAMAGED,  # data_corrupted
    "XX002": Fault.DAMAGED,  # index_corrupted
    "P0001": Fault.REFUSED,  # raise_exception: a protecting trigger
}
_SQLSTATE_CLASS = {
    "08": Fault.CONNECTION_LOST,  # connection_exception
    "57": Fault.CONNECTION_LOST,  # operator_intervention: admin_shutdown, crash_shutdown
    "23": Fault.REFUSED,  # integrity_constraint_violation
    "53": Fault.FULL,  # insufficient_resources
    "58": Fault.CONNECTION_LOST,  # system_error: I/O error on the server
}

# psycopg raises OperationalError with no SQLSTATE when the connection itself fails; libpq's words say which.
_LOST_WORDS = ("server closed the connection", "connection is lost", "consuming input failed", "terminating connection", "ssl syscall")
_SQLITE_WORDS = (
    ("readonly database", Fault.READ_ONLY),
    ("database is locked", Fault.LOCKED),
    ("disk is full", Fault.FULL),
    ("unable to open database", Fault.UNREACHABLE),
    ("not a database", Fault.DAMAGED),
    ("malformed", Fault.DAMAGED),
    ("disk i/o error", Fault.CONNECTION_LOST),
)


def classify(error: BaseException) -> Fault | None:
    """The database fault behind ``error`` (looking through SQLAlchemy's wrapper), or None if it is not one.

    Recognises ``DatabaseError`` (its own kind), SQLAlchemy's ``DBAPIError`` family, ``sqlite3.Error``
    and ``psycopg.Error``, SQLAlchemy's pool time-out and disconnection errors, and Alembic's unknown
    revision (the records are newer than this program); an error raised while handling one of these
    (a commit after a failed flush raises ``PendingRollbackError``) is classified by its cause.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < 8:
        seen.add(id(current))
        found = _classify_one(current)
        if found is not None:
            return found
        current = current.__cause__ or current.__context__
    return None


def _classify_one(error: BaseException) -> Fault | None:
    kind = getattr(error, "kind", None)
    if isinstance(kind, Fault):
        return kind
    if isinstance(error, sa_exc.TimeoutError):
        return Fault.LOCKED  # every pooled connection busy for the pool's whole wait
    if isinstance(error, sa_exc.DisconnectionError):
        return Fault.CONNECTION_LOST
    if type(error).__name__ == "CommandError" and "Can't locate revision" in str(error):
        return Fault.NEWER_SCHEMA  # alembic.util.exc.CommandError; not imported here (Alembic loads with the database)
    if isinstance(error, sa_exc.DBAPIError):
        found = _driver_fault(error.orig, invalidated=error.connection_invalidated)
        if found is not None:
            return found
        if isinstance(error, sa_exc.IntegrityError):
            return Fault.REFUSED
        return Fault.OTHER
    if isinstance(error, sa_exc.SQLAlchemyError):
        return None  # a mistake in a query or mapping: the program's fault, not the database's
    return _driver_fault(error, invalidated=False)


def _driver_fault(error: BaseException | None, *, invalidated: bool) -> Fault | None:
    if error is None:
        return None
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in _SQLITE:
            return _SQLITE[code & 0xFF]
        text = str(error).lower()
        return next((fault for words, fault in _SQLITE_WORDS if words in text), Fault.OTHER)
    module = type(error).__module__ or ""
    if not module.startswith("psycopg"):
        return None
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str) and state:
        return _SQLSTATE.get(state) or _SQLSTATE_CLASS.get(state[:2]) or Fault.OTHER
    text = str(error).lower()
    if invalidated or any(words in text for words in _LOST_WORDS):
        return Fault.CONNECTION_LOST
    if type(error).__name__ == "OperationalError":
        return Fault.UNREACHABLE  # refused, no such host, timed out: the connection never came up
    return Fault.OTHER


SENTENCES = {
    Fault.READ_ONLY: "the records database is read-only here, so nothing new can be saved: give this account write access to {where}",
    Fault.UNREACHABLE: "the records database at {where} cannot be reached or opened: check that the server is running "
    "(or the drive is connected) and the address is right, then try again",
    Fault.LOGIN_REFUSED: "the database server at {where} refused the user name or password in the database address",
    Fault.LOCKED: "the records are busy with other work (another workstation or program holds them): try again in a moment",
    Fault.FULL: "the disk that holds the records ({where}) is full: free some space, then try again; what was saved is safe",
    Fault.CONNECTION_LOST: "the connection to the records ({where}) was lost: what was saved is safe; try again once it is back",
    Fault.DAMAGED: "the records at {where} are damaged or are not a TIPCase database: restore them from a backup",
    Fault.NOT_PERMITTED: "the database user of this workstation may not make this change ({where}): ask the database administrator",
    Fault.REFUSED: "the records refused this change because it would break one of their rules; nothing was saved",
    Fault.NEWER_SCHEMA: "the records at {where} were last used by a newer TIPCase: update TIPCase here",
    Fault.UPGRADE_NEEDED: "the records at {where} need a schema upgrade that this database user may not make: "
    "the database owner runs 'tipcase db upgrade'",
    Fault.BAD_ADDRESS: "the database address is not one TIPCase can use: it starts sqlite:/// or postgresql://",
    Fault.OTHER: "the records database at {where} reported a fault; nothing was saved",
}


def sentence(fault: Fault, where: str) -> str:
    """One English line for the command line (lower-case start, no full stop: it follows ``tipcase: error:``)."""
    return SENTENCES[fault].format(where=where)


def where_of(url: str | URL) -> str:
    """Where the records are, to name in a message: the SQLite file's path, or host:port/database (never a password)."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except sa_exc.ArgumentError:
        return "the configured database"
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database or "memory")
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.host or 'localhost'}{port}/{parsed.database or ''}"
