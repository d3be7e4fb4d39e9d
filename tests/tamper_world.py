"""A recorded world to tamper with, built once per backend and cloned for each test.

The world: the demo course (one case), a passed attempt, a failed one, an unfinished one, a
certificate issued then revoked, and another issued in its place. Each test attacks it inside a transaction that is rolled back, from a
workstation whose home (audit key and checkpoint of the database) is a fresh copy.

``attacker`` is someone with full SQL access who first gets the triggers out of the way: on SQLite they
are dropped (and put back afterwards, so the schema shows no trace); on PostgreSQL a superuser's
``session_replication_role = replica`` skips them (and foreign keys) for the transaction.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from tests.records import BEST, CASE, SENT_HOME, play_through, route, seed
from tipcase.certificates.signing import init_keys
from tipcase.services import accounts, audit, audit_keys, certificates, courses, records_check
from tipcase.store import protection
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry


@dataclasses.dataclass(frozen=True)
class Facts:
    passed: int  # finished and passed: demo-trainee, the best route
    failed: int  # finished and failed: other-trainee, sent home (one decision)
    open: int  # unfinished: demo-trainee, two decisions
    serial: str  # a certificate issued to demo-trainee, then revoked
    revoked_seq: int  # the "certificate revoked" entry
    entries: int  # audit entries in all
    other_user: int  # other-trainee's id
    current: str  # the certificate issued to demo-trainee after the revoked one: in force


@dataclasses.dataclass
class World:
    db: Database
    home: Path
    facts: Facts

    def report(self, connection: Connection | None = None, **options: Any) -> records_check.RecordsReport:
        """The verification, in ``connection``'s transaction (to see an attack not committed) or a new one."""
        if connection is None:
            with self.db.reading() as session:
                return records_check.check_records(session, **options)
        with Session(bind=connection) as session:
            return records_check.check_records(session, **options)

    def lines(self, connection: Connection | None = None, **options: Any) -> list[str]:
        """What ``tipcase audit verify`` finds, one line per fault (the chain's first)."""
        report = self.report(connection, **options)
        chain = [] if report.chain.ok else [f"audit entry {report.chain.broken_seq}: {report.chain.reason}"]
        return chain + [str(p) for p in report.problems]


def build(db: Database, home: Path) -> Facts:
    init_keys(home)
    with db.transaction() as session:
        seed(session)
    passed = play_through(db, "demo-trainee", BEST)
    failed = play_through(db, "other-trainee", SENT_HOME)  # sent home: a critical error
    open_attempt = play_through(db, "demo-trainee", route(CASE, {"medical": "Screen him now"})[:2])
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        trainee = accounts.get_user(session, "demo-trainee")
        issued = certificates.issue(session, registrar, trainee, courses.get_course(session, "demo"), home_dir=home)
        serial = issued.serial
    with db.transaction() as session:
        certificates.revoke(session, accounts.get_user(session, "demo-registrar"), serial, "issued in error")
        session.flush()
        revoked_seq = session.scalars(select(AuditEntry.seq).where(AuditEntry.action == "certificate revoked")).one()
    with db.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        trainee = accounts.get_user(session, "demo-trainee")
        current = certificates.issue(session, registrar, trainee, courses.get_course(session, "demo"), home_dir=home).serial
    with db.transaction() as session:
        accounts.sign_in(session, "demo-trainee", "demo-trainee")  # the revocation is not the newest entry
    with db.transaction() as session:
        entries = session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)).one()
        other = accounts.get_user(session, "other-trainee").id
    with db.reading() as session:
        assert records_check.check_records(session).ok
    return Facts(passed, failed, open_attempt, serial, revoked_seq, entries, other, current)


@dataclasses.dataclass
class Template:
    db: Database
    home: Path
    facts: Facts


def make_template(backend: str, folder: Path, server: Any) -> Template:
    """The world, recorded once: every test attacks it inside a transaction that is rolled back."""
    home = folder / "home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIPCASE_HOME", str(home))
        db = Database(f"sqlite:///{folder / 'world.sqlite3'}" if backend == "sqlite" else server.create_database())
        db.upgrade()
        facts = build(db, home)
    return Template(db, home, facts)


def world_of(template: Template, home: Path) -> World:
    """The template seen from a workstation whose home (key and checkpoint) is a fresh copy at ``home``."""
    shutil.copytree(template.home, home)
    return World(template.db, home, template.facts)


class _Attack:
    """The attacker's connection; ``done()`` ends the attack (SQLite: the triggers go back)."""

    def __init__(self, connection: Connection, db: Database) -> None:
        self.connection, self.db, self.finished = connection, db, False

    def done(self) -> Connection:
        if self.finished:
            return self.connection
        self.finished = True
        if self.db.is_sqlite:
            protection.install(self.connection)
        else:
            self.connection.exec_driver_sql("SET LOCAL session_replication_role = origin")
        return self.connection


@contextmanager
def attacker(db: Database, *, commit: bool = False) -> Iterator[_Attack]:
    """A transaction with the protective triggers out of the way (see the module's docstring).

    On SQLite the triggers are back in place when the attack is done (no trace in the schema). The
    transaction is rolled back when the block ends (unless ``commit``), so the next test finds the
    world untouched.
    """
    with db.engine.connect() as connection:
        transaction = connection.begin()
        attack = _Attack(connection, db)
        try:
            if db.is_sqlite:
                protection.remove(connection)
            else:
                connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            yield attack
            if commit:
                attack.done()
                transaction.commit()
        finally:
            if transaction.is_active:
                transaction.rollback()


@contextmanager
def plain(db: Database) -> Iterator[Connection]:
    """A transaction as anyone with write access to the database makes it (the triggers in place)."""
    with db.engine.begin() as connection:
        yield connection


# -- what attackers write -------------------------------------------------------------------------
def entries(connection: Connection, from_seq: int = 1) -> list[Any]:
    table = AuditEntry.__table__
    return list(connection.execute(select(table).where(table.c.seq >= from_seq).order_by(table.c.seq)))


def rechain_public(connection: Connection, from_seq: int = 1, to_seq: int | None = None) -> None:
    """Recompute every hash from ``from_seq`` (to ``to_seq``) with the public SHA-256, as the old log was chained."""
    prev = connection.execute(text("SELECT hash FROM audit_log WHERE seq = :s"), {"s": from_seq - 1}).scalar() or audit.GENESIS
    for row in entries(connection, from_seq):
        if to_seq is not None and row.seq > to_seq:
            break
        digest = audit.entry_hash(prev, seq=row.seq, at=row.at, actor=row.actor, action=row.action, target=row.target, details=row.details)
        connection.execute(
            text("UPDATE audit_log SET prev_hash = :p, hash = :h, key_id = NULL WHERE seq = :s"), {"p": prev, "h": digest, "s": row.seq}
        )
        prev = digest


def rechain_keyed(connection: Connection, key: audit_keys.AuditKey, from_seq: int) -> None:
    """Recompute every hash from ``from_seq`` under ``key`` (the attacker's own)."""
    prev = connection.execute(text("SELECT hash FROM audit_log WHERE seq = :s"), {"s": from_seq - 1}).scalar() or audit.GENESIS
    for row in entries(connection, from_seq):
        fields = {"seq": row.seq, "at": row.at, "actor": row.actor, "action": row.action, "target": row.target, "details": row.details}
        digest = audit.keyed_hash(key, prev, **fields)
        connection.execute(
            text("UPDATE audit_log SET prev_hash = :p, hash = :h, key_id = :k WHERE seq = :s"),
            {"p": prev, "h": digest, "k": key.id, "s": row.seq},
        )
        prev = digest


def delete_entry_and_renumber(connection: Connection, seq: int) -> None:
    connection.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": seq})
    for row in entries(connection, seq + 1):
        connection.execute(text("UPDATE audit_log SET seq = :n WHERE seq = :s"), {"n": row.seq - 1, "s": row.seq})
