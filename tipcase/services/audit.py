"""The audit log: append-only and chained with a keyed hash, so an edited, inserted or deleted entry is detected.

Each entry's ``hash`` is HMAC-SHA256, under the database's audit key (``tipcase.services.audit_keys``,
kept in the home's keys folder, never in the database), over the previous entry's hash and the entry's
own canonical content (number, time, actor, action, target, details, key id). Without the key nobody
can write an entry that verifies, so a rewritten or re-chained log is caught at its first changed
entry. Deleting the newest entries leaves no gap; each workstation keeps a checkpoint (the newest
entry it wrote or verified) in its keys folder and ``verify`` compares the log with it.

The first keyed entry, ``audit log keyed``, seals what came before: entries written before TIPCase
keyed its log (chained with the public SHA-256, ``key_id`` NULL) are pinned from then on, and every
attempt already finished gets an ``attempt finished`` entry as it stood. A new key (``rekey``, after a
key was lost) is introduced by an ``audit key changed`` entry under the new key.

Appends are serialised (PostgreSQL advisory lock; SQLite's write lock), so two workstations never
fork the chain.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, counted, one_or_many
from tipcase.services import audit_chain, audit_keys
from tipcase.services.attempt_seals import finish_details
from tipcase.services.audit_chain import Tail
from tipcase.services.audit_keys import AuditKey, Checkpoint
from tipcase.services.errors import ServiceError
from tipcase.store.models import Attempt, AuditEntry, Decision, User

GENESIS = audit_chain.GENESIS
KEYED = "audit log keyed"
KEY_CHANGED = "audit key changed"
ATTEMPT_FINISHED = "attempt finished"
SYSTEM_ACTOR = "tipcase"
entry_hash = audit_chain.entry_hash  # the public hash of an entry written before the log was keyed
keyed_hash = audit_chain.keyed_hash  # HMAC-SHA256 under the audit key


class AuditTampered(ServiceError):
    """The log shows tampering that appending would hide: nothing is recorded until it is resolved."""


def _stored_hash(entry: AuditEntry, key: AuditKey | None) -> str:
    fields: dict[str, Any] = {"seq": entry.seq, "at": entry.at, "actor": entry.actor, "action": entry.action, "target": entry.target}
    if key is None:
        return entry_hash(entry.prev_hash, details=entry.details, **fields)
    return keyed_hash(key, entry.prev_hash, details=entry.details, **fields)


def details_of(entry: AuditEntry) -> dict[str, Any]:
    """An entry's details, or {} when a tampered row holds something else."""
    value: Any = entry.details
    return value if isinstance(value, dict) else {}


def database_identity(session: Session) -> str:
    """The session's database named as ``audit_keys.database_identity`` names it (for its checkpoint on this workstation)."""
    return audit_keys.database_identity(session.get_bind().engine.url)


# -- appending ------------------------------------------------------------------------------------
def _tail(session: Session) -> Tail | None:
    """Take the append lock, then the newest entry (``audit_chain.tail``, on the session's connection).

    What the session changed is flushed first, as the ORM's own read of the tail did (autoflush): the
    entry is written after the change it records.
    """
    session.flush()
    return audit_chain.tail(session.connection())


def _append(
    session: Session, last: Tail | None, key: AuditKey, *, actor: str | None, action: str, target: str | None, details: dict[str, Any]
) -> Tail:
    """``audit_chain.append`` on the session's connection; the checkpoint moves when the session commits."""
    return audit_chain.append(session.connection(), session.info, last, key, actor=actor, action=action, target=target, details=details)


def _writing_key(session: Session, last: Tail | None) -> tuple[Tail, AuditKey]:
    """The key to append with (the log's), sealing the log first if it is not keyed yet."""
    try:
        key = audit_chain.writing_key(last)
    except audit_chain.NotKeyed:
        return _seal(session, last)
    assert last is not None
    return last, key


def _seal(session: Session, last: Tail | None) -> tuple[Tail, AuditKey]:
    """Key the log with a new key: pin what came before and anchor every attempt already finished."""
    seen = audit_keys.read_checkpoint(database_identity(session))
    if seen is not None:
        raise AuditTampered(
            QT_TRANSLATE_NOOP(
                "core",
                "the audit log has no keyed entry although this workstation saw entry {seq} keyed on {at}: it was rewritten or emptied. "
                "Run 'tipcase audit verify'; nothing is recorded until an administrator resolves it "
                "(if this database was replaced on purpose, e.g. by restoring a backup: 'tipcase audit forget-checkpoint')",
            ),
            seq=seen.seq,
            at=seen.at,
        )
    finished = list(session.scalars(select(Attempt).where(Attempt.finished_at.is_not(None)).order_by(Attempt.id)))
    if last is None and finished:
        raise AuditTampered(
            one_or_many(
                len(finished),
                QT_TRANSLATE_NOOP(
                    "core",
                    "the audit log is empty but {count} attempt is finished: it was emptied. "
                    "Run 'tipcase audit verify'; nothing is recorded until an administrator resolves it",
                ),
                QT_TRANSLATE_NOOP(
                    "core",
                    "the audit log is empty but {count} attempts are finished: it was emptied. "
                    "Run 'tipcase audit verify'; nothing is recorded until an administrator resolves it",
                ),
            ),
            count=len(finished),
        )
    key = audit_keys.create_key()
    legacy_decisions = session.scalar(select(func.max(Decision.id)).where(Decision.mac.is_(None))) or 0
    details = {
        "key": key.id,
        "legacy_entries": last.seq if last else 0,
        "legacy_decisions_to_id": legacy_decisions,
        "attempts": len(finished),
    }
    entry = _append(session, last, key, actor=SYSTEM_ACTOR, action=KEYED, target=None, details=details)
    for attempt in finished:
        pinned = finish_details(session, attempt, backfilled=True)
        entry = _append(session, entry, key, actor=SYSTEM_ACTOR, action=ATTEMPT_FINISHED, target=f"attempt {attempt.id}", details=pinned)
    return entry, key


def record(session: Session, actor: User | str | None, action: str, target: str | None = None, **details: Any) -> Tail:
    """Append one entry to the chain (inside the caller's transaction).

    Raises AuditKeyError when the log is keyed with a key this workstation does not hold, and
    AuditTampered when sealing the log would hide tampering this workstation can see.
    """
    last, key = _writing_key(session, _tail(session))
    actor_name = actor.username if isinstance(actor, User) else actor
    return _append(session, last, key, actor=actor_name, action=action, target=target, details=details)


def record_attempt_finished(session: Session, attempt: Attempt) -> Tail:
    """Anchor a just-finished (flushed) attempt: its decisions, result and score rows, by digest."""
    last, key = _writing_key(session, _tail(session))
    details = finish_details(session, attempt)
    return _append(
        session, last, key, actor=attempt.user.username, action=ATTEMPT_FINISHED, target=f"attempt {attempt.id}", details=details
    )


def seal(session: Session) -> Tail | None:
    """Key the log now if it is not keyed yet (``tipcase db upgrade``); returns the newest entry written, if any."""
    last = _tail(session)
    if last is not None and last.key_id is not None:
        return None
    return _seal(session, last)[0]


def rekey(session: Session, actor: User | str, reason: str) -> Tail:
    """Continue the log under a new key (the old one lost, or routine rotation); entries before stay as written.

    A workstation that holds the old key still verifies the entries made under it; one that does not
    reports them as not verifiable here. Other workstations must import the new key to write.
    """
    if not reason.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a new audit key needs a reason"))
    last = _tail(session)
    if last is None or last.key_id is None:
        return _seal(session, last)[0]
    key = audit_keys.create_key()
    actor_name = actor.username if isinstance(actor, User) else actor
    details = {"key": key.id, "previous_key": last.key_id, "reason": reason.strip()}
    return _append(session, last, key, actor=actor_name, action=KEY_CHANGED, target=None, details=details)


def rekey_if_not_held(session: Session, actor: User | str | None, reason: str) -> Tail | None:
    """Continue under a new key (``rekey``) where this workstation lacks the log's key; else do nothing.

    For a backup restored without its sealed keys: the restore can then be recorded, and the entries
    before are verified wherever the old key is kept. Returns the ``audit key changed`` entry, or None.
    """
    last = _tail(session)
    if last is None or last.key_id is None or audit_keys.load_key(last.key_id) is not None:
        return None
    return rekey(session, actor or SYSTEM_ACTOR, reason)


@event.listens_for(Session, "after_commit")
def _advance_checkpoint(session: Session) -> None:
    """After a commit (never before: a rolled-back entry must not become a checkpoint)."""
    audit_chain.after_commit(session.info)


@event.listens_for(Session, "after_rollback")
def _drop_checkpoint(session: Session) -> None:
    audit_chain.after_rollback(session.info)


# -- verifying ------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class ChainCheck:
    """What ``verify`` found: ``broken_seq`` is the first entry at fault, ``reason`` says how."""

    ok: bool
    entries: int
    broken_seq: int | None = None
    reason: str = ""
    legacy_entries: int = 0  # written before the log was keyed (public hash)
    keyed_from: int | None = None
    key_ids: tuple[str, ...] = ()
    unverified: tuple[tuple[int, int, str], ...] = ()  # (first, last, key id) under keys not held here
    checkpoint: Checkpoint | None = None
    first_seal: dict[str, Any] | None = None  # the details of the ``audit log keyed`` entry


@dataclasses.dataclass
class _Walk:
    keys: dict[str, AuditKey]
    checkpoint: Checkpoint | None
    entries: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS
    legacy: int = 0
    key_id: str | None = None
    keyed_from: int | None = None
    key_ids: list[str] = dataclasses.field(default_factory=list)
    unverified: list[list[Any]] = dataclasses.field(default_factory=list)
    first_seal: dict[str, Any] | None = None
    hash_at_checkpoint: str | None = None

    def step(self, entry: AuditEntry) -> str | None:
        """Check one entry; returns why it is at fault, or None."""
        expected = self.last_seq + 1
        if entry.seq != expected:
            return f"entry {expected} is missing (deleted?); the next is {entry.seq}"
        if entry.prev_hash != self.last_hash:
            return f"entry {entry.seq} does not follow entry {entry.seq - 1} (an entry was deleted, inserted or replaced)"
        fault = self._keyed(entry) if entry.key_id is not None else self._legacy(entry)
        if fault is None:
            self.entries, self.last_seq, self.last_hash = self.entries + 1, entry.seq, entry.hash
            if self.checkpoint is not None and entry.seq == self.checkpoint.seq:
                self.hash_at_checkpoint = entry.hash
        return fault

    def _legacy(self, entry: AuditEntry) -> str | None:
        if self.keyed_from is not None:
            return (
                f"entry {entry.seq} carries the public hash although the log is keyed from entry {self.keyed_from}: "
                "it was written or re-chained without the key"
            )
        if _stored_hash(entry, None) != entry.hash:
            return f"entry {entry.seq} was changed after it was written ({entry.action} by {entry.actor})"
        self.legacy += 1
        return None

    def _keyed(self, entry: AuditEntry) -> str | None:
        assert entry.key_id is not None
        if entry.key_id != self.key_id:
            fault = self._key_switch(entry, entry.key_id)
            if fault:
                return fault
        key = self.keys.get(entry.key_id)
        if key is None:
            if self.unverified and self.unverified[-1][1] == entry.seq - 1:
                self.unverified[-1][1] = entry.seq
            else:
                self.unverified.append([entry.seq, entry.seq, entry.key_id])
        elif _stored_hash(entry, key) != entry.hash:
            return f"entry {entry.seq} was changed after it was written, or written without the key ({entry.action} by {entry.actor})"
        return None

    def _key_switch(self, entry: AuditEntry, key_id: str) -> str | None:
        details = details_of(entry)
        introduces = entry.action == (KEYED if self.key_id is None else KEY_CHANGED)
        if not introduces or details.get("key") != key_id or details.get("previous_key") != self.key_id:
            return f"entry {entry.seq} is keyed with {key_id} but no key change introduces it (forged or re-chained)"
        if self.keyed_from is None:
            self.keyed_from, self.first_seal = entry.seq, details
        self.key_id = key_id
        self.key_ids.append(key_id)
        return None

    def checkpoint_fault(self, complete: bool) -> tuple[int, str] | None:
        """The checkpoint's verdict on the entries that passed (``complete``: the walk reached the end)."""
        seen = self.checkpoint
        if seen is None:
            return None
        if seen.seq <= self.last_seq:
            if self.hash_at_checkpoint != seen.hash:
                return seen.seq, f"entry {seen.seq} is not the entry this workstation saw on {seen.at}: the log was rewritten"
            return None
        if not complete:
            return None
        return self.last_seq + 1, (
            f"the log ends at entry {self.last_seq} but this workstation saw entry {seen.seq} on {seen.at}: the newest entries were deleted"
        )


def verify(session: Session, *, keys: dict[str, AuditKey] | None = None, use_checkpoint: bool = True) -> ChainCheck:
    """Walk the chain from the start; the first entry at fault is reported.

    ``keys`` defaults to the keys this workstation holds; the workstation's checkpoint of this
    database (unless ``use_checkpoint`` is False) catches deleted newest entries, and is moved to
    the newest entry when everything verified.
    """
    identity = database_identity(session)
    walk = _Walk(keys if keys is not None else audit_keys.held_keys(), audit_keys.read_checkpoint(identity) if use_checkpoint else None)
    fault: tuple[int, str] | None = None
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(1000):
        reason = walk.step(entry)
        if reason is not None:
            fault = (min(entry.seq, walk.last_seq + 1), reason)
            break
    complete = fault is None
    if fault is None and walk.entries and walk.keyed_from is None:
        entries = counted(walk.entries, "entry", "entries")
        fault = (1, f"no entry is keyed: the log holds {entries}, each with only the public hash (not keyed yet, or rewritten)")
    if fault is None and walk.unverified and walk.unverified[-1][1] == walk.last_seq:
        first, _, ident = walk.unverified[-1]
        fault = (first, f"entries {first}–{walk.last_seq} are keyed with audit key {ident}, which this workstation does not hold")
    seen = walk.checkpoint_fault(complete)
    if seen is not None and (fault is None or seen[0] < fault[0]):
        fault = seen
    check = ChainCheck(
        ok=fault is None,
        entries=walk.entries if fault is None else walk.entries + 1,
        broken_seq=fault[0] if fault else None,
        reason=fault[1] if fault else "",
        legacy_entries=walk.legacy,
        keyed_from=walk.keyed_from,
        key_ids=tuple(walk.key_ids),
        unverified=tuple((int(a), int(b), str(k)) for a, b, k in walk.unverified),
        checkpoint=walk.checkpoint,
        first_seal=walk.first_seal,
    )
    if check.ok and use_checkpoint and walk.last_seq:
        with contextlib.suppress(OSError):  # a read-only home: the check itself stands
            audit_keys.advance_checkpoint(identity, walk.last_seq, walk.last_hash)
    return check
