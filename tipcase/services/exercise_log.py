"""A session's event log: appending events (sealed, notified), and the session's play rebuilt from them.

The log is append-only (the database refuses changes: ``tipcase.store.protection``). Its *causes*
(decisions, injects fired by a trainer, messages) replay into a ``TeamPlay``; everything else in it
(deliveries, deliveries taken, scripted injects, changes of status) is written as it happened, and a
replay gives the same (``tipcase audit verify`` checks it). A process keeps the play of each session
it serves and brings it up to date with the events after the one it last saw, so a decision costs the
same late in a session as early.

Each row carries a MAC (``<key id>:<HMAC-SHA256>`` under the audit key, as ``decisions.mac``) over its
content and its session. Every append announces the topic ``exercise`` with the session and its newest
event number in the same transaction (``tipcase.store.notify``, on the records-changed notifier).
"""

from __future__ import annotations

import collections
import dataclasses
import json
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, event, select
from sqlalchemy.orm import Mapper, Session

from tipcase.services.attempt_seals import canonical_json, seal, sealing_key
from tipcase.services.audit_keys import AuditKey
from tipcase.services.team_cases import playable_team
from tipcase.store.models import ExerciseEvent, ExerciseSession, utcnow
from tipcase.store.notify import announce_events
from tipcase.team.play import DECISION, INJECT, MESSAGE, TeamEvent, TeamPlay

STARTED, PAUSED, RESUMED, ENDED = "started", "paused", "resumed", "ended"
CACHED_PLAYS = 64


def event_message(row: ExerciseEvent) -> bytes:
    """What an event's MAC covers, as bytes."""
    content = {
        "session": row.session_id,
        "seq": row.seq,
        "kind": row.kind,
        "role": row.role,
        "user": row.user_id,
        "step": row.step,
        "stage": row.stage,
        "choice_number": row.choice_number,
        "details": row.details,
        "at": row.at,
    }
    return canonical_json(content)


def event_mac(key: AuditKey, row: ExerciseEvent) -> str:
    """An event's seal: ``"<key id>:<HMAC-SHA256 hex>"`` over ``event_message(row)`` under the audit key."""
    return seal(key, event_message(row))


@event.listens_for(ExerciseEvent, "before_insert")
def _seal_event(_mapper: Mapper[ExerciseEvent], connection: Connection, target: ExerciseEvent) -> None:
    """Every event inserted gets its MAC once the audit log is keyed (before that: none, as decisions)."""
    key = sealing_key(connection)
    if key is None:
        return
    if getattr(target, "at", None) is None:
        target.at = utcnow()
    target.mac = event_mac(key, target)


def is_cause(row: ExerciseEvent) -> bool:
    """Whether a stored event is one the replay applies (the rest follow from these)."""
    return row.kind in (DECISION, MESSAGE) or (row.kind == INJECT and (row.details or {}).get("by") == "trainer")


def apply_row(play: TeamPlay, row: ExerciseEvent) -> list[TeamEvent]:
    """Replay one stored event on a play; returns what followed (nothing for an event that is not a cause)."""
    if not is_cause(row):
        return []
    return play.apply(row.kind, row.role, dict(row.details or {}))


def new_play(exercise: ExerciseSession) -> TeamPlay:
    """A team play of the session's published team case from its start, in the session's language (no events applied)."""
    ready = playable_team(exercise.team_case_version)
    return TeamPlay(ready.team, ready.pathway, compiled=ready.compiled, language=exercise.language)


# -- the plays this process keeps, one per session ------------------------------------------------
@dataclasses.dataclass
class _Kept:
    play: TeamPlay
    seq: int
    event_id: int | None  # the id of event ``seq`` when it was kept: a rolled-back append leaves none


_plays: collections.OrderedDict[tuple[str, int], _Kept] = collections.OrderedDict()
_lock = threading.Lock()


def _key(session: Session, exercise: ExerciseSession) -> tuple[str, int]:
    return (f"{session.get_bind().engine.url}|{exercise.created_at.isoformat()}|{exercise.team_case_version_id}", exercise.id)


def who(row: ExerciseEvent, names: dict[int, str]) -> str | None:
    """Who caused the event ``row``: its account's username, else the command line's operator it names; None if nobody.

    ``names`` maps account ids to usernames. The operator (``cli:<system user>``) is no account, so it is
    named in ``details["operator"]``. Events that followed from the play (an arrival, a scripted inject) have nobody.
    """
    if row.user_id is not None:
        return names.get(row.user_id)
    named = (row.details or {}).get("operator")
    return str(named) if named else None


def take_play(session: Session, exercise: ExerciseSession) -> tuple[TeamPlay, int]:
    """The session's play as stored now, owned by the caller until ``keep_play``, and the newest event number.

    The kept play brought up to date with the events after it, when its last event is still stored;
    else a replay of the whole log.
    """
    with _lock:
        kept = _plays.pop(_key(session, exercise), None)
    if kept is not None and kept.seq > 0:
        stored = session.scalar(select(ExerciseEvent.id).where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.seq == kept.seq))
        if stored != kept.event_id:
            kept = None
    play, seq = (kept.play, kept.seq) if kept is not None else (new_play(exercise), 0)
    for row in session.scalars(
        select(ExerciseEvent).where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.seq > seq).order_by(ExerciseEvent.seq)
    ):
        apply_row(play, row)
        seq = row.seq
    return play, seq


def keep_play(session: Session, exercise: ExerciseSession, play: TeamPlay, seq: int) -> None:
    """Keep ``play`` as the session's state after event ``seq`` (checked against the stored events before its next use).

    At most ``CACHED_PLAYS`` sessions are kept per process, the least recently kept dropped first.
    """
    event_id = (
        session.scalar(select(ExerciseEvent.id).where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.seq == seq)) if seq else None
    )
    with _lock:
        _plays[_key(session, exercise)] = _Kept(play, seq, event_id)
        while len(_plays) > CACHED_PLAYS:
            _plays.popitem(last=False)


def newest_seq(session: Session, exercise_id: int) -> int:
    """The number of the session's newest event, 0 before any."""
    from sqlalchemy import func  # noqa: PLC0415

    return int(session.scalar(select(func.coalesce(func.max(ExerciseEvent.seq), 0)).where(ExerciseEvent.session_id == exercise_id)) or 0)


def concerns_role(session: Session, exercise_id: int, role: str, after: int, upto: int) -> bool:
    """Whether an event numbered in (``after``, ``upto``] concerns ``role``; one query.

    Its own events (a delivery to it, an inject for it, its decisions) and the whole session's (started,
    paused, resumed, ended, a message) concern it; other roles' do not.
    """
    query = select(ExerciseEvent.id).where(
        ExerciseEvent.session_id == exercise_id,
        ExerciseEvent.seq > after,
        ExerciseEvent.seq <= upto,
        (ExerciseEvent.role == role) | ExerciseEvent.role.is_(None),
    )
    return session.scalars(query.limit(1)).first() is not None


def append(
    session: Session,
    exercise: ExerciseSession,
    after: int,
    events: Iterable[TeamEvent],
    *,
    user_id: int | None = None,
    control: Sequence[tuple[str, dict[str, Any]]] = (),
    operator: str | None = None,
) -> int:
    """Append control events (``started``...) then the play's events after event ``after``; returns the newest number.

    The actor (``user_id``) is recorded on the causes it made (a decision, an inject fired by hand, a
    message); the command line's operator, who is no account, by name in those causes' details (``operator``,
    ``cli:<system user>``: :func:`who`). Announces the new events (heard by other workstations when the transaction commits).
    """
    seq = after
    for kind, details in control:
        seq += 1
        session.add(ExerciseEvent(session_id=exercise.id, seq=seq, kind=kind, role=None, user_id=user_id, details=details, at=utcnow()))
    for item in events:
        seq += 1
        caused = item.kind in (DECISION, MESSAGE) or (item.kind == INJECT and item.details.get("by") == "trainer")
        details = json.loads(json.dumps(item.details))  # what the database gives back
        if caused and operator is not None:
            details["operator"] = operator
        row = ExerciseEvent(
            session_id=exercise.id,
            seq=seq,
            kind=item.kind,
            role=item.role,
            user_id=user_id if caused else None,
            step=details.get("step") if item.kind == DECISION else None,
            stage=details.get("stage") if item.kind == DECISION else None,
            choice_number=details.get("number") if item.kind == DECISION else None,
            details=details,
            at=utcnow(),
        )
        session.add(row)
    session.flush()
    if seq > after:
        announce_events(session, exercise.id, seq)
    return seq
