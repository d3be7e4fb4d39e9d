"""Seals on what a trainee did: each decision's HMAC, and the digest of a finished attempt.

Each decision row carries ``mac``: ``<key id>:<HMAC-SHA256>`` under the database's audit key over the
decision and the attempt it belongs to (trainee and scenario version), computed as the row is
inserted, so a decision edited, moved to another attempt or forged without the key no longer matches.
A finished attempt is anchored in the keyed audit chain by an ``attempt finished`` entry whose
details hold digests (SHA-256 of canonical JSON) of the attempt, its decisions, its result and its
score rows, and the hashes of the scenario and pathway texts it was played on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import Connection, event, select
from sqlalchemy.orm import Mapper, Session

from tipcase.services import audit_keys
from tipcase.services.audit_chain import missing_key_message
from tipcase.services.audit_keys import AuditKey, AuditKeyError
from tipcase.store.models import Attempt, AttemptScore, AuditEntry, Decision, ScenarioVersion, utcnow


def canonical(value: Any) -> Any:
    """A JSON value both databases give back identically: numbers as floats, times as UTC ISO 8601."""
    kind = type(value)
    if kind is str or kind is float or kind is bool or value is None:
        return value
    if kind is int:
        return float(value)
    if kind is dict:
        return {str(k): canonical(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [canonical(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, int | float):  # subclasses (numpy-like, IntEnum)
        return float(value)
    raise TypeError(f"{type(value).__name__} has no canonical form")


def canonical_json(value: Any) -> bytes:
    """``value``'s canonical JSON as UTF-8 bytes (``canonical``; sorted keys, no spaces): what digests and seals cover."""
    return json.dumps(canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def digest(value: Any) -> str:
    """SHA-256 (hex) of ``value``'s canonical JSON (sorted keys, no spaces, UTF-8)."""
    return hashlib.sha256(canonical_json(value)).hexdigest()


# -- seals on rows ----------------------------------------------------------------------------------
def seal(key: AuditKey, message: bytes) -> str:
    """A row's seal: ``"<key id>:<HMAC-SHA256 hex>"`` over ``message`` under ``key`` (decisions, exercise events)."""
    return f"{key.id}:{key.mac(message)}"


def sealing_key(connection: Connection) -> AuditKey | None:
    """The key a row inserted now is sealed with: the audit log's current key (None before the log is keyed).

    For ``before_insert`` hooks. Raises AuditKeyError, with the remedy, when this workstation lacks that key.
    """
    ident = current_key_id(connection)
    if ident is None:
        return None
    key = audit_keys.load_key(ident)
    if key is None:
        raise AuditKeyError.carrying(missing_key_message(ident))
    return key


def text_sha256(text: str | None) -> str | None:
    """Hex SHA-256 of ``text``'s UTF-8 bytes; None for None."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else None


# -- decisions ------------------------------------------------------------------------------------
def decision_message(decision: Decision, user_id: int, scenario_version_id: int) -> bytes:
    """What a decision's MAC covers, as bytes (canonical JSON: numbers as floats, the time in UTC ISO 8601)."""
    content = {
        "attempt": float(decision.attempt_id),
        "user": float(user_id),
        "version": float(scenario_version_id),
        "sequence": float(decision.sequence),
        "stage": decision.stage,
        "offered": [float(n) for n in decision.offered],
        "choice_number": float(decision.choice_number),
        "choice_index": float(decision.choice_index),
        "time_taken_ms": float(decision.time_taken_ms),
        "clock": float(decision.clock),
        "made_at": decision.made_at,
    }
    return canonical_json(content)


def decision_mac(key: AuditKey, decision: Decision, user_id: int, scenario_version_id: int) -> str:
    """A decision's seal: ``"<key id>:<HMAC-SHA256 hex>"`` over the decision, its trainee and scenario version (``decision_message``)."""
    return seal(key, decision_message(decision, user_id, scenario_version_id))


def current_key_id(connection: Connection) -> str | None:
    """The key the audit log is chained with now (its newest entry's), or None before it is keyed."""
    return connection.execute(select(AuditEntry.key_id).order_by(AuditEntry.seq.desc()).limit(1)).scalar()


@event.listens_for(Decision, "before_insert")
def _seal_decision(_mapper: Mapper[Decision], connection: Connection, target: Decision) -> None:
    """Every decision inserted through the ORM gets its MAC (before the log is keyed: none)."""
    key = sealing_key(connection)
    if key is None:
        return
    if getattr(target, "made_at", None) is None:  # column defaults apply after this hook
        target.made_at = utcnow()
    target.time_taken_ms = target.time_taken_ms or 0
    attempt = target.__dict__.get("attempt")  # loaded already when the service made it (no query)
    if attempt is not None and attempt.id == target.attempt_id:
        user_id, version_id = attempt.user_id, attempt.scenario_version_id
    else:
        user_id, version_id = connection.execute(
            select(Attempt.user_id, Attempt.scenario_version_id).where(Attempt.id == target.attempt_id)
        ).one()
    target.mac = decision_mac(key, target, user_id, version_id)


# -- finished attempts ----------------------------------------------------------------------------
def _decision_rows(decisions: list[Decision]) -> list[list[Any]]:
    return [
        [d.sequence, d.stage, list(d.offered), d.choice_number, d.choice_index, d.time_taken_ms, d.clock, d.made_at, d.mac]
        for d in sorted(decisions, key=lambda d: d.sequence)
    ]


def _score_rows(scores: list[AttemptScore]) -> list[list[Any]]:
    return [[s.competency, s.points, s.max, s.percent] for s in sorted(scores, key=lambda s: s.competency)]


def attempt_digests(attempt: Attempt, decisions: list[Decision], scores: list[AttemptScore]) -> dict[str, str]:
    """The digests a finish entry pins: the attempt's own fields, its decisions, result and score rows."""
    own = [
        attempt.id,
        attempt.user_id,
        attempt.scenario_version_id,
        attempt.course_id,
        attempt.language,
        attempt.started_at,
        attempt.finished_at,
        attempt.total_percent,
        attempt.passed,
    ]
    return {
        "attempt_sha256": digest(own),
        "decisions_sha256": digest(_decision_rows(decisions)),
        "result_sha256": digest(attempt.result),
        "scores_sha256": digest(_score_rows(scores)),
    }


def finish_details(session: Session, attempt: Attempt, *, backfilled: bool = False) -> dict[str, Any]:
    """The details of an ``attempt finished`` entry for a finished, flushed attempt."""
    version = session.get(ScenarioVersion, attempt.scenario_version_id)
    assert version is not None
    decisions = list(session.scalars(select(Decision).where(Decision.attempt_id == attempt.id)))
    scores = list(session.scalars(select(AttemptScore).where(AttemptScore.attempt_id == attempt.id)))
    details: dict[str, Any] = {
        "attempt": attempt.id,
        "user": attempt.user.username,
        "scenario": f"{version.scenario_id} v{version.version}",
        "source_sha256": text_sha256(version.source),
        "pathway_sha256": text_sha256(version.pathway_source),
        "decisions": len(decisions),
        "total_percent": attempt.total_percent,
        "passed": attempt.passed,
        **attempt_digests(attempt, decisions, scores),
    }
    if backfilled:
        details["anchored_when_keyed"] = True  # finished before the log was keyed: pinned as it stood then
    return details
