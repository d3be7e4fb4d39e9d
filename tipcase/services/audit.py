"""The audit log: append-only and hash-chained, so an edited or deleted row is detected.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's own canonical content
(sequence number, time, actor, action, target, details). ``verify`` walks the chain and reports the
first broken link. Appends are serialised (PostgreSQL advisory lock; SQLite's write lock), so two
workstations never fork the chain.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tipcase.store.models import AuditEntry, User, utcnow

GENESIS = "0" * 64
_LOCK_KEY = 7_310_002  # an arbitrary application-wide advisory lock number


def entry_hash(
    prev_hash: str, *, seq: int, at: dt.datetime, actor: str | None, action: str, target: str | None, details: dict[str, Any]
) -> str:
    content = json.dumps(
        {"seq": seq, "at": at.astimezone(dt.UTC).isoformat(), "actor": actor, "action": action, "target": target, "details": details},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def record(session: Session, actor: User | str | None, action: str, target: str | None = None, **details: Any) -> AuditEntry:
    """Append one entry to the chain (inside the caller's transaction)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq = last.seq + 1 if last else 1
    prev_hash = last.hash if last else GENESIS
    at = utcnow()
    actor_name = actor.username if isinstance(actor, User) else actor
    clean = json.loads(json.dumps(details, default=str))  # what the database will give back
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor_name,
        action=action,
        target=target,
        details=clean,
        prev_hash=prev_hash,
        hash=entry_hash(prev_hash, seq=seq, at=at, actor=actor_name, action=action, target=target, details=clean),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclasses.dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    broken_seq: int | None = None
    reason: str = ""


def verify(session: Session) -> ChainCheck:
    """Walk the chain from the start; the first entry that does not fit is reported."""
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(1000):
        count += 1
        if entry.seq != expected_seq:
            return ChainCheck(False, count, expected_seq, f"entry {expected_seq} is missing (deleted?); the next is {entry.seq}")
        if entry.prev_hash != prev_hash:
            return ChainCheck(
                False, count, entry.seq, f"entry {entry.seq} does not follow entry {entry.seq - 1} (an entry was deleted or replaced)"
            )
        recomputed = entry_hash(
            entry.prev_hash, seq=entry.seq, at=entry.at, actor=entry.actor, action=entry.action, target=entry.target, details=entry.details
        )
        if recomputed != entry.hash:
            return ChainCheck(
                False, count, entry.seq, f"entry {entry.seq} was changed after it was written ({entry.action} by {entry.actor})"
            )
        prev_hash = entry.hash
        expected_seq += 1
    return ChainCheck(True, count)
