"""Appending to the audit chain through SQLAlchemy's Core: the one way an entry is written, with or without the ORM.

``tipcase.services.audit`` (its module docstring says what the chain is and why) appends every entry
here, on its Session's connection; the sign-in (``tipcase.services.signing_in``) appends here on a Core
connection, so a workstation can sign a person in before the ORM has loaded. An append takes the chain's
lock (PostgreSQL's advisory lock; SQLite's write lock is the transaction's), reads the newest entry,
computes the entry's keyed hash under the log's key and inserts it; the workstation's checkpoint moves to
it once the transaction commits (``after_commit``), never before. A log not keyed yet is sealed by the
ORM's ``audit.seal`` (it anchors every finished attempt): here that is ``NotKeyed``.

``state`` is where an append remembers what its transaction still has to do after the commit: a
Session's ``info`` (``audit`` passes it; the Session's commit hook then finishes), or a dict of the
caller's, which calls ``after_commit(state)`` or ``after_rollback(state)`` itself.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import Connection, insert, select, text

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import audit_keys
from tipcase.services.audit_keys import AuditKey, AuditKeyError
from tipcase.store.changes import announce_on
from tipcase.store.columns import utcnow
from tipcase.store.tables import audit_log

GENESIS = "0" * 64
LOCK_KEY = 7_310_002  # an arbitrary application-wide advisory lock number
PENDING_CHECKPOINT = "tipcase.audit.checkpoint"
CHECKPOINT_HOLDS = "tipcase.audit.checkpoint_holds"


class NotKeyed(Exception):
    """The log has no keyed entry yet: ``audit.seal`` must key it (with the ORM) before anything is appended."""


@dataclasses.dataclass(frozen=True)
class Tail:
    """The newest entry, as an append needs it: its number, hash and key (None: written before the log was keyed)."""

    seq: int
    hash: str
    key_id: str | None


def content(
    *, seq: int, at: dt.datetime, actor: str | None, action: str, target: str | None, details: dict[str, Any], key_id: str | None
) -> str:
    """An entry's canonical content: sorted-key JSON of its number, UTC time, actor, action, target, details (and key)."""
    body: dict[str, Any] = {
        "seq": seq,
        "at": at.astimezone(dt.UTC).isoformat(),
        "actor": actor,
        "action": action,
        "target": target,
        "details": details,
    }
    if key_id is not None:
        body["key"] = key_id
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(
    prev_hash: str, *, seq: int, at: dt.datetime, actor: str | None, action: str, target: str | None, details: dict[str, Any]
) -> str:
    """The public SHA-256 of an entry written before TIPCase keyed its log (anybody can compute it)."""
    body = content(seq=seq, at=at, actor=actor, action=action, target=target, details=details, key_id=None)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def keyed_hash(
    key: AuditKey, prev_hash: str, *, seq: int, at: dt.datetime, actor: str | None, action: str, target: str | None, details: dict[str, Any]
) -> str:
    """HMAC-SHA256 under ``key`` of the previous hash and the entry's content (64 hex digits)."""
    body = content(seq=seq, at=at, actor=actor, action=action, target=target, details=details, key_id=key.id)
    return key.mac((prev_hash + body).encode("utf-8"))


def missing_key_message(ident: str) -> Message:
    """The one-line explanation (and the remedy, export and import of the key) when this workstation lacks audit key ``ident``."""
    return Message(
        QT_TRANSLATE_NOOP(
            "core",
            "this database's records are sealed with audit key {ident}, which this workstation does not hold: "
            "run 'tipcase audit key export FILE' on a workstation that has it and 'tipcase audit key import FILE' here",
        ),
        ident=ident,
    )


def database_identity(connection: Connection) -> str:
    """The connection's database named as ``audit_keys.database_identity`` names it (for its checkpoint on this workstation)."""
    return audit_keys.database_identity(connection.engine.url)


def tail(connection: Connection) -> Tail | None:
    """Take the append lock, then the newest entry (None for an empty log)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    row = connection.execute(
        select(audit_log.c.seq, audit_log.c.hash, audit_log.c.key_id).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    return Tail(row.seq, row.hash, row.key_id) if row is not None else None


def writing_key(last: Tail | None) -> AuditKey:
    """The key to append with after ``last``: the log's. NotKeyed when it is not keyed yet; AuditKeyError when not held here."""
    if last is None or last.key_id is None:
        raise NotKeyed
    key = audit_keys.load_key(last.key_id)
    if key is None:
        raise AuditKeyError.carrying(missing_key_message(last.key_id))
    return key


def append(
    connection: Connection,
    state: dict[str, Any],
    last: Tail | None,
    key: AuditKey,
    *,
    actor: str | None,
    action: str,
    target: str | None,
    details: dict[str, Any],
) -> Tail:
    """Insert the entry after ``last`` under ``key`` (inside the caller's transaction); returns it as the new tail.

    Announces ``audit_log`` to other workstations (PostgreSQL, once a transaction) and remembers in
    ``state`` the checkpoint to move to it after the commit, while this workstation's checkpoint still
    holds (``checkpoint_still_holds``).
    """
    seq = last.seq + 1 if last else 1
    prev_hash = last.hash if last else GENESIS
    at = utcnow()
    clean = json.loads(json.dumps(details, default=str))  # what the database will give back
    entry_hash_ = keyed_hash(key, prev_hash, seq=seq, at=at, actor=actor, action=action, target=target, details=clean)
    connection.execute(
        insert(audit_log).values(
            seq=seq, at=at, actor=actor, action=action, target=target, details=clean, prev_hash=prev_hash, hash=entry_hash_, key_id=key.id
        )
    )
    announce_on(connection, state, "audit_log")
    identity = database_identity(connection)
    if checkpoint_still_holds(connection, state, identity, before=seq):
        state[PENDING_CHECKPOINT] = (identity, seq, entry_hash_)
    return Tail(seq, entry_hash_, key.id)


def record(
    connection: Connection, state: dict[str, Any], *, actor: str | None, action: str, target: str | None, details: dict[str, Any]
) -> Tail:
    """Append one entry to a keyed log (``tail``, ``writing_key``, ``append``). NotKeyed, AuditKeyError as they say."""
    last = tail(connection)
    return append(connection, state, last, writing_key(last), actor=actor, action=action, target=target, details=details)


def checkpoint_still_holds(connection: Connection, state: dict[str, Any], identity: str, *, before: int) -> bool:
    """Whether this workstation's checkpoint is still in the log (then the new entry may replace it).

    A checkpoint the log no longer holds (entries deleted or rewritten) is the evidence: it is never
    moved, so a log truncated and then grown past it again is still caught. Checked once a transaction.
    """
    known = state.get(CHECKPOINT_HOLDS)
    if known is not None:
        return bool(known)
    try:
        seen = audit_keys.read_checkpoint(identity)
    except AuditKeyError:
        seen = None
    if seen is None:
        holds = True
    elif seen.seq >= before:
        holds = False  # the log ends before what this workstation saw: truncated
    else:
        stored = connection.execute(select(audit_log.c.hash).where(audit_log.c.seq == seen.seq)).scalar()
        holds = stored == seen.hash
    state[CHECKPOINT_HOLDS] = holds
    return holds


def after_commit(state: dict[str, Any]) -> None:
    """After a commit (never before: a rolled-back entry must not become a checkpoint), move the checkpoint."""
    state.pop(CHECKPOINT_HOLDS, None)
    pending = state.pop(PENDING_CHECKPOINT, None)
    if pending is not None:
        with contextlib.suppress(OSError, AuditKeyError):  # a checkpoint is a lower bound: a missed one weakens, never breaks
            audit_keys.advance_checkpoint(*pending)


def after_rollback(state: dict[str, Any]) -> None:
    """After a rollback: nothing to move."""
    state.pop(PENDING_CHECKPOINT, None)
    state.pop(CHECKPOINT_HOLDS, None)
