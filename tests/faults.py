"""Helpers that provoke database faults for real: a read-only file, a lock held by another connection, a full
database, a PostgreSQL server that is read-only, stopped, or that drops the connection."""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

# What must never reach a screen or a terminal: SQL, bound parameters, driver and exception names, stacks.
LEAKS = ("SELECT", "INSERT", "UPDATE ", "[parameters", "[SQL", "(sqlite3", "psycopg", "OperationalError", "Traceback", "sqlalche.me")


def leaks(text: str) -> list[str]:
    return [word for word in LEAKS if word in text]


@contextlib.contextmanager
def read_only_file(path: Path) -> Iterator[str]:
    """Make the SQLite file at ``path`` read-only to this process; yields its URL.

    An ordinary user loses write permission (``chmod 444``); root, whom permissions do not stop, gets
    an immutable file (``chattr +i``, on ext4 and most Linux file systems). Where neither applies,
    SQLite is asked to open the file read-only (``mode=ro``), which is what it does with a file it may
    not write.
    """
    url = f"sqlite:///{path}"
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield url
        finally:
            path.chmod(0o600)
        return
    immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode == 0
    try:
        yield url if immutable else f"sqlite:///file:{path}?mode=ro&uri=true"
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=True)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection holds the SQLite file's write lock (an exclusive transaction) until the block ends."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield holder
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@contextlib.contextmanager
def no_room_to_grow(path: Path) -> Iterator[None]:
    """Every connection TIPCase opens to ``path`` may not grow the file (``PRAGMA max_page_count`` at its size):
    a write that needs a new page fails as on a full disk (SQLITE_FULL)."""
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    def limit(connection: Any, _record: Any) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


def terminate_backends(admin_dsn: str, database: str) -> int:
    """Close every connection to ``database`` from the server side, as a server restart or an administrator would."""
    import psycopg

    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (database,)
        ).fetchall()
    return len(rows)


def unreachable_postgresql() -> str:
    """The address of a PostgreSQL server that is not there: a port on this machine nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql+psycopg://tipcase:SECRET@127.0.0.1:{port}/records?connect_timeout=3"
