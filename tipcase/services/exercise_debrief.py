"""The joint debrief of an exercise session and its after-action report (issue 17 item 4).

``debrief`` replays the session's log and returns a ``tipcase.team.debrief.JointDebrief``: a lane per
role on the case clock with each decision's rating, feedback and provisions, the hand-overs, injects and
messages, the team's result, the rules broken, the objectives and the strengths and areas to improve;
each moment carries when it was stored and who decided. ``write_after_action_report`` prints it as a
PDF (``tipcase.team.after_action``); ``debrief_view`` gives the app's joint debrief page the same
debrief with where each role stands, so the page, the PDF and ``tipcase exercise report`` say the same
thing. All are for whoever directs or reads exercises, and for the trainees who took part (as
``exercises.report``); the session may be running, paused or ended.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.format.loader import bundled_register
from tipcase.format.model import Pathway
from tipcase.home_folder import claim_private
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import exercises
from tipcase.services.debrief_access import refuse_if_closed
from tipcase.services.desktop import _user
from tipcase.services.errors import ServiceError
from tipcase.services.exercise_log import keep_play, take_play
from tipcase.services.exercise_views import RoleState, SessionRow, _players, _row, _state
from tipcase.services.exercises import _may_read
from tipcase.store.database import Database
from tipcase.store.models import ExerciseEvent, ExerciseSession, User
from tipcase.team.after_action import SessionFacts, write_after_action_report
from tipcase.team.debrief import JointDebrief, Stamp, joint_debrief
from tipcase.team.model import TeamCase
from tipcase.team.play import CONSUMED, DECISION, DELIVERED, INJECT, MESSAGE, TeamEvent

_PLAYED = (DECISION, DELIVERED, CONSUMED, INJECT, MESSAGE)


def _stamps(events: list[TeamEvent], rows: list[ExerciseEvent], names: dict[int, str]) -> list[Stamp | None]:
    """One stamp per event of the play's log: the stored row that recorded it (same kind, role, order), or None."""
    stored = [row for row in rows if row.kind in _PLAYED]
    stamps: list[Stamp | None] = []
    index = 0
    for event in events:
        row = stored[index] if index < len(stored) else None
        if row is not None and row.kind == event.kind and row.role == event.role:
            stamps.append(Stamp(row.at, names.get(row.user_id) if row.user_id is not None else None))
            index += 1
        else:
            stamps.append(None)  # an event the log does not hold (an inject due at the very start)
    return stamps


def debrief(session: Session, actor: User, exercise: ExerciseSession, *, language: str | None = None) -> JointDebrief:
    """The session's joint debrief in ``language`` (default: the session's).

    Raises PermissionDenied for someone who neither directs, reads all attempts nor takes part, or for whom
    the debrief is not open yet (``tipcase.services.debrief_access``: a trainee's before the session ends;
    a director may still read a draft's, empty), and ServiceError for a language the team case is not written in.
    """
    _may_read(session, actor, exercise)
    refuse_if_closed(exercise.status, role=actor.role)  # a director's draft: empty
    play, seq = take_play(session, exercise)
    try:
        if language is not None and language not in play.team.languages:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{team} is written in {languages}, not {language!r}"),
                team=play.team.id,
                languages=", ".join(play.team.languages),
                language=language,
            )
        rows = list(session.scalars(select(ExerciseEvent).where(ExerciseEvent.session_id == exercise.id).order_by(ExerciseEvent.seq)))
        ids = {row.user_id for row in rows if row.user_id is not None}
        names = {user.id: user.username for user in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
        stamps = _stamps(play.log, rows, names)
        return joint_debrief(play, bundled_register(), language=language, stamps=stamps, running=exercise.status != exercises.ENDED_STATUS)
    finally:
        keep_play(session, exercise, play, seq)


def session_facts(exercise: ExerciseSession) -> SessionFacts:
    """The session's name, status, times and who played each role (full names), for the report's head."""
    users: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for assignment in exercise.assignments:
        users.setdefault(assignment.role, []).append(assignment.user.full_name or assignment.user.username)
        names[assignment.user.username] = assignment.user.full_name or assignment.user.username
    sorted_users = {r: sorted(u) for r, u in users.items()}
    return SessionFacts(exercise.name, exercise.status, exercise.started_at, exercise.ended_at, sorted_users, names)


def write_report_pdf(
    session: Session, actor: User, exercise: ExerciseSession, target: Path | IO[bytes], *, language: str | None = None
) -> JointDebrief:
    """Write the after-action report (PDF, A4) of a session in ``language``; returns the debrief it prints.

    Raises what ``debrief`` raises, and OSError when ``target`` cannot be written.
    """
    joint = debrief(session, actor, exercise, language=language)
    if isinstance(target, Path):
        claim_private(target)  # the trainees' names, per role: readable by the owner only
    write_after_action_report(joint, session_facts(exercise), target)
    return joint


@dataclasses.dataclass(frozen=True)
class DebriefView:
    """The app's joint debrief of a session: the core's ``debrief``, and the session, case and roles it is drawn with.

    ``roles``: where each role stands (its pathway node, trail, clock and who plays it), in the case's
    order; ``last_seq``: the newest event the debrief includes (the page re-reads when the log grows).
    """

    session: SessionRow
    team: TeamCase
    pathway: Pathway | None
    roles: tuple[RoleState, ...]
    debrief: JointDebrief
    last_seq: int


def debrief_view(db: Database, account_id: int, name: str, *, language: str | None = None) -> DebriefView:
    """Session ``name``'s joint debrief for the app, in ``language`` when the team case is written in it (else the session's).

    Raises NotFound for an unknown session and PermissionDenied as ``debrief`` does.
    """
    with db.reading() as session:
        user = _user(session, account_id)
        exercise = exercises.get_session(session, name)
        play, seq = take_play(session, exercise)
        players = _players(exercise)
        roles = tuple(_state(play.team, state, players.get(role_id, ())) for role_id, state in play.roles.items())
        team, pathway = play.team, play.pathway
        keep_play(session, exercise, play, seq)
        chosen = language if language in team.languages else None
        joint = debrief(session, user, exercise, language=chosen)
        return DebriefView(_row(session, user, exercise), team, pathway, roles, joint, seq)


def save_report_pdf(db: Database, account_id: int, name: str, target: Path, *, language: str | None = None) -> Path:
    """The app's *Save the after-action report*: session ``name``'s report written to ``target`` (A4 PDF).

    ``language`` falls back to the session's when the team case is not written in it (the interface may be
    in a language the case lacks). Returns ``target``. Raises NotFound for an unknown session, what
    ``debrief`` raises, and OSError when ``target`` cannot be written; a half-written file is removed.
    """
    with db.reading() as session:
        user = _user(session, account_id)
        exercise = exercises.get_session(session, name)
        play, seq = take_play(session, exercise)
        languages = play.team.languages
        keep_play(session, exercise, play, seq)
        chosen = language if language in languages else None
        try:
            write_report_pdf(session, user, exercise, target, language=chosen)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    return target
