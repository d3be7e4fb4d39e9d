"""Team exercise sessions: created from a published team case, roles assigned, directed, played, reported.

Trainers (and admins) create a session, assign trainees to its roles (several may share a role),
start, pause, resume and end it, fire injects and send messages; a trainee plays only a role they are
assigned to, only while the session runs. Every change is an event in the session's log
(``tipcase.services.exercise_log``), and a role's state is the replay of that log: a workstation that
crashes rejoins where its role stood. A decision names the step it answers (and may name the stage and
the role's position, its count of moves) and is refused with ``StaleTeamDecision`` when the role has
moved on, so two trainees at one role never interleave. The session row is locked for every change
(PostgreSQL: FOR UPDATE; SQLite: the transaction's write lock). What a session reads as (``report``,
``role_result``, ``status``, ``events``) lives in ``tipcase.services.exercise_results`` and is re-exported here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.play.compiled_scenario import CompiledChoice
from tipcase.play.engine import Play, PlayError
from tipcase.services import audit
from tipcase.services.attempt_seals import digest
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.exercise_access import (
    MAX_NAME_CHARS,
    may_direct,
    may_play,
    may_read,
    message_text,
    near_names,
    refuse_taken,
    session_name,
)
from tipcase.services.exercise_access import roles_of as roles_of  # noqa: PLC0414 - re-exported: callers read exercises.roles_of
from tipcase.services.exercise_log import ENDED, PAUSED, RESUMED, STARTED, append, keep_play, take_play
from tipcase.services.exercise_names import still_playing
from tipcase.services.exercise_results import events as events  # noqa: PLC0414 - re-exported, as the three below
from tipcase.services.exercise_results import newest_event as newest_event  # noqa: PLC0414
from tipcase.services.exercise_results import report as report  # noqa: PLC0414
from tipcase.services.exercise_results import role_result as role_result  # noqa: PLC0414
from tipcase.services.exercise_results import status as status  # noqa: PLC0414
from tipcase.services.exercise_stale import stale_refusal
from tipcase.services.permissions import Permission, allowed, require
from tipcase.services.team_cases import playable_team
from tipcase.store.models import ExerciseAssignment, ExerciseEvent, ExerciseSession, Role, TeamCaseVersion, User, utcnow
from tipcase.team.model import Track
from tipcase.team.names import role_names, roles_names
from tipcase.team.play import InboxItem, TeamPlay
from tipcase.team.result import session_result

DRAFT, RUNNING, PAUSED_STATUS, ENDED_STATUS = "draft", "running", "paused", "ended"
# A session's status as a refusal says it (tipcase.messages: the app translates the word too).
STATUS_WORDS = (
    QT_TRANSLATE_NOOP("core", "draft"),
    QT_TRANSLATE_NOOP("core", "running"),
    QT_TRANSLATE_NOOP("core", "paused"),
    QT_TRANSLATE_NOOP("core", "ended"),
)
_may_direct, _may_play, _may_read = may_direct, may_play, may_read  # the rules, in tipcase.services.exercise_access


class StaleTeamDecision(ServiceError):
    """The decision answers a step or position the role has already moved past (another trainee at the role decided)."""


class SessionNotRunning(ServiceError):
    """The session is a draft, paused or ended: it takes no decisions now."""


@dataclasses.dataclass(frozen=True)
class RoleView:
    """What a role's workstation shows: where the role stands, what it is offered, its inbox. The play is the caller's copy."""

    session_id: int
    session_name: str
    status: str
    role: str
    track: Track
    play: Play
    waits_for: str | None
    position: int  # the role's moves so far: a decision names the one it saw
    inbox: tuple[InboxItem, ...]
    last_seq: int  # the newest event of the session when this was read

    @property
    def step(self) -> int:
        """The number of the next decision (1-based)."""
        return len(self.play.decisions) + 1

    @property
    def finished(self) -> bool:
        """Whether the role's track has reached an end."""
        return self.play.finished

    def offered(self) -> list[CompiledChoice]:
        """The choices the role may take now; none while it waits for a hand-over."""
        return [] if self.waits_for is not None else self.play.offered()


# -- finding sessions and who may touch them ----------------------------------------------------
def get_session(session: Session, name: str, *, lock: bool = False) -> ExerciseSession:
    """The exercise session named ``name`` (with ``lock``, its row locked for the transaction); NotFound when there is none.

    A name no session can have (longer than the records keep, or holding NUL, which PostgreSQL refuses in
    a query) is not looked up; the refusal quotes at most its first 100 characters, and names the sessions
    whose names are near it (``exercise_access.near_names``).
    """
    found = None
    if len(name) <= MAX_NAME_CHARS and "\x00" not in name:
        query = select(ExerciseSession).where(ExerciseSession.name == name)
        found = session.scalars(query.with_for_update() if lock else query).first()
    if found is None:
        shown = name if len(name) <= MAX_NAME_CHARS else name[: MAX_NAME_CHARS - 1] + "…"
        near = near_names(session, shown)  # a mistyped name: the ones meant (walk F, finding 21)
        if near:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no exercise session {name!r}; did you mean {near}?"), name=shown, near=near)
        raise NotFound(QT_TRANSLATE_NOOP("core", "no exercise session {name!r}"), name=shown)
    return found


def _locked(session: Session, exercise_id: int) -> ExerciseSession:
    found = session.scalars(select(ExerciseSession).where(ExerciseSession.id == exercise_id).with_for_update()).first()
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no exercise session {exercise_id}"), exercise_id=exercise_id)
    session.refresh(found)
    return found


def list_sessions(session: Session, actor: User) -> list[ExerciseSession]:
    """Every session for those who direct exercises; a trainee's own (assigned) sessions otherwise.

    Raises PermissionDenied for a disabled account (as ``team_cases.list_team_versions``).
    """
    require(actor, Permission.PLAY)
    query = select(ExerciseSession).order_by(ExerciseSession.created_at, ExerciseSession.id)
    if not allowed(actor, Permission.RUN_EXERCISES):
        mine = select(ExerciseAssignment.session_id).where(ExerciseAssignment.user_id == actor.id)
        query = query.where(ExerciseSession.id.in_(mine))
    return list(session.scalars(query))


# -- directing --------------------------------------------------------------------------------
def create_session(session: Session, actor: User, version: TeamCaseVersion, name: str, *, language: str | None = None) -> ExerciseSession:
    """A draft session of a published team case.

    Raises PermissionDenied, or ServiceError for a taken name (or one differing only by capitals), a name
    ``exercise_access.session_name`` refuses (empty, over 100 characters, a control or invisible character, a
    character a terminal needs quoted) or a language the case lacks.
    """
    _may_direct(actor)
    name = session_name(name)
    team = playable_team(version).team
    if language is not None and language not in team.languages:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{team} is written in {languages}, not {language!r}"),
            team=team.id,
            languages=", ".join(team.languages),
            language=language,
        )
    refuse_taken(session, name)  # the same name, or one that differs only by capitals
    exercise = ExerciseSession(
        name=name, team_case_version_id=version.id, status=DRAFT, language=language or team.languages[0], created_by_id=actor.id
    )
    try:
        with session.begin_nested():
            session.add(exercise)
    except IntegrityError:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "an exercise session {name!r} already exists"), name=name) from None
    audit.record(session, actor, "exercise created", name, team_case=f"{version.team_id} v{version.version}")
    return exercise


def assign(session: Session, actor: User, exercise: ExerciseSession, role: str, user: User) -> bool:
    """Assign a user to a role (before or during play; several users may share a role).

    Idempotent: returns False, and records nothing, when the user is already on the role. ServiceError for a
    user who is not a trainee (the app offers only trainees; ``tipcase exercise start --assign`` took anyone).
    """
    _may_direct(actor)
    team = playable_team(exercise.team_case_version).team
    if role not in team.roles:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "team case {team} has no role {role!r} (roles: {roles})"),
            team=team.id,
            role=role,
            roles=", ".join(team.roles),
        )
    if exercise.status == ENDED_STATUS:
        raise SessionNotRunning(QT_TRANSLATE_NOOP("core", "exercise {exercise!r} has ended"), exercise=exercise.name)
    if not user.active:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{username}'s account is disabled"), username=user.username)
    if user.role != Role.TRAINEE:  # a trainer or registrar on a role reads every rating while playing (walk G, 13)
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) is not a trainee: only trainees play a role in a team exercise"),
            username=user.username,
            role=Message(user.role),
        )
    if session.get(ExerciseAssignment, (exercise.id, role, user.id)) is None:
        session.add(ExerciseAssignment(session_id=exercise.id, role=role, user_id=user.id))
        session.flush()
        audit.record(session, actor, "exercise role assigned", exercise.name, role=role, user=user.username)
        return True
    return False


def unassign(session: Session, actor: User, exercise: ExerciseSession, role: str, user: User) -> bool:
    """Take a user off a role; only before the session starts (afterwards the record of who played stays).

    Returns False when the user was not on the role.
    """
    _may_direct(actor)
    if exercise.status != DRAFT:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "exercise {exercise!r} has started: its assignments are part of the record"), exercise=exercise.name
        )
    found = session.get(ExerciseAssignment, (exercise.id, role, user.id))
    if found is not None:
        session.delete(found)
        session.flush()
        audit.record(session, actor, "exercise role unassigned", exercise.name, role=role, user=user.username)
        return True
    return False


def _control(
    session: Session, actor: User, exercise: ExerciseSession, *, allowed_from: tuple[str, ...], status: str, kind: str
) -> ExerciseSession:
    _may_direct(actor)
    exercise = _locked(session, exercise.id)
    if exercise.status not in allowed_from:
        cannot = {
            STARTED: QT_TRANSLATE_NOOP("core", "exercise {exercise!r} is {status}: it cannot be started"),
            PAUSED: QT_TRANSLATE_NOOP("core", "exercise {exercise!r} is {status}: it cannot be paused"),
            RESUMED: QT_TRANSLATE_NOOP("core", "exercise {exercise!r} is {status}: it cannot be resumed"),
            ENDED: QT_TRANSLATE_NOOP("core", "exercise {exercise!r} is {status}: it cannot be ended"),
        }
        raise SessionNotRunning.carrying(Message(cannot[kind], exercise=exercise.name, status=Message(exercise.status)))
    play, seq = take_play(session, exercise)
    details: dict[str, Any] = {}
    if kind == ENDED:
        result = session_result(play)
        details = {"passed": result["team"]["passed"], "total_percent": result["team"]["total_percent"]}
    exercise.status = status
    if kind == STARTED:
        exercise.started_at = utcnow()
    if kind == ENDED:
        exercise.ended_at = utcnow()
    by: dict[str, Any] = {"operator": operator} if (operator := _operator(actor)) is not None else {}
    seq = append(session, exercise, seq, [], user_id=actor.id, control=[(kind, details | by)])
    keep_play(session, exercise, play, seq)
    if kind == ENDED:
        rows = session.scalars(select(ExerciseEvent).where(ExerciseEvent.session_id == exercise.id).order_by(ExerciseEvent.seq)).all()
        log = [[r.seq, r.kind, r.role, r.user_id, r.step, r.stage, r.choice_number, r.details, r.at, r.mac] for r in rows]
        audit.record(session, actor, "exercise ended", exercise.name, events=len(rows), events_sha256=digest(log), **details)
    else:
        audit.record(session, actor, f"exercise {kind}", exercise.name)
    return exercise


def start(session: Session, actor: User, exercise: ExerciseSession) -> ExerciseSession:
    """Draft to running; every role needs at least one assigned user whose account is active (a disabled one plays nothing).

    Raises PermissionDenied (before saying anything of the session) unless ``actor`` directs exercises.
    """
    _may_direct(actor)
    team = playable_team(exercise.team_case_version).team
    active = select(ExerciseAssignment.role).join(User, User.id == ExerciseAssignment.user_id).where(User.active.is_(True))
    assigned = set(session.scalars(active.where(ExerciseAssignment.session_id == exercise.id)))
    missing = [role for role in team.roles if role not in assigned]
    if missing:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "every role needs a trainee before the session starts; still without one: {missing}"),
            missing=roles_names(team, missing),
        )
    return _control(session, actor, exercise, allowed_from=(DRAFT,), status=RUNNING, kind=STARTED)


def pause(session: Session, actor: User, exercise: ExerciseSession) -> ExerciseSession:
    """Pause a running session (audited, a ``paused`` event appended).

    Raises PermissionDenied unless ``actor`` runs exercises, SessionNotRunning when it is not running.
    """
    return _control(session, actor, exercise, allowed_from=(RUNNING,), status=PAUSED_STATUS, kind=PAUSED)


def resume(session: Session, actor: User, exercise: ExerciseSession) -> ExerciseSession:
    """Resume a paused session (audited, a ``resumed`` event appended).

    Raises PermissionDenied unless ``actor`` runs exercises, SessionNotRunning when it is not paused.
    """
    return _control(session, actor, exercise, allowed_from=(PAUSED_STATUS,), status=RUNNING, kind=RESUMED)


def end(session: Session, actor: User, exercise: ExerciseSession) -> ExerciseSession:
    """Running or paused to ended: read-only from then on; its result is pinned in the audit log."""
    return _control(session, actor, exercise, allowed_from=(RUNNING, PAUSED_STATUS), status=ENDED_STATUS, kind=ENDED)


def fire_inject(session: Session, actor: User, exercise: ExerciseSession, inject_id: str, to: list[str] | None = None) -> int:
    """Fire an inject by hand (a manual one, or a scripted one early) while the session runs or is paused.

    ``to`` None: every role the inject goes to that it has not reached and that is still playing.
    Returns the newest event number; raises ServiceError for an unknown inject, one already fired, or a
    role that has reached its end (an inject can change nothing there: the app and the command line
    refuse it alike).
    """

    def fire(play: TeamPlay) -> list[Any]:
        return play.fire(inject_id, still_playing(play, inject_id, to))

    return _trainer_event(session, actor, exercise, fire)


def send_message(session: Session, actor: User, exercise: ExerciseSession, text: str, to: list[str] | None = None) -> int:
    """An ad-hoc message (no effects) to some roles or all; returns the newest event number.

    ServiceError for a message that is empty, longer than ``exercise_access.MAX_MESSAGE_CHARS`` or holds a control
    character other than a line break or a tab (``exercise_access.message_text``), or that only roles at their end
    would get (it reaches the roles still playing: ``TeamPlay.message_targets``).
    """
    text = message_text(text)
    return _trainer_event(session, actor, exercise, lambda play: play.message(text, play.message_targets(to)))


def _operator(actor: User) -> str | None:
    """The command line's operator's name (``cli:<system user>``) when ``actor`` is the operator, no account; else None."""
    account: int | None = actor.id
    return actor.username if account is None else None


def _trainer_event(session: Session, actor: User, exercise: ExerciseSession, act: Any) -> int:
    _may_direct(actor)
    exercise = _locked(session, exercise.id)
    if exercise.status not in (RUNNING, PAUSED_STATUS):
        raise SessionNotRunning(
            QT_TRANSLATE_NOOP("core", "exercise {exercise!r} is {status}"), exercise=exercise.name, status=Message(exercise.status)
        )
    play, seq = take_play(session, exercise)
    try:
        events = act(play)
    except PlayError as exc:
        raise ServiceError.carrying(exc) from None  # the play is dropped: the next reader replays the log
    seq = append(session, exercise, seq, events, user_id=actor.id, operator=_operator(actor))
    keep_play(session, exercise, play, seq)
    return seq


# -- playing ------------------------------------------------------------------------------------
def _view(exercise: ExerciseSession, play: TeamPlay, role: str, seq: int) -> RoleView:
    state = play.role(role)
    return RoleView(
        exercise.id,
        exercise.name,
        exercise.status,
        role,
        state.compiled.track,
        state.play.copy(),
        state.waits_for,
        state.position,
        tuple(state.inbox),
        seq,
    )


def role_view(session: Session, actor: User, exercise: ExerciseSession, role: str) -> RoleView:
    """A role as it stands now; for a user assigned to it, or whoever directs exercises.

    Raises PermissionDenied (not assigned), and SessionNotRunning for a trainee while the session is a
    draft: the role's first stage is the exercise's first inject of sorts, read only once the trainer starts.
    """
    if not allowed(actor, Permission.RUN_EXERCISES):
        _may_play(session, actor, exercise, role)
        if exercise.status == DRAFT:
            raise SessionNotRunning(
                QT_TRANSLATE_NOOP("core", "exercise {exercise!r} has not started yet: your role opens when the trainer starts it"),
                exercise=exercise.name,
            )
    play, seq = take_play(session, exercise)
    try:
        return _view(exercise, play, role, seq)
    except PlayError as exc:
        raise ServiceError.carrying(exc) from None
    finally:
        keep_play(session, exercise, play, seq)


def decide(
    session: Session,
    actor: User,
    exercise: ExerciseSession,
    role: str,
    number: int,
    *,
    step: int,
    stage: str | None = None,
    position: int | None = None,
) -> RoleView:
    """Take the ``number``-th offered choice (1-based) as decision ``step`` of ``role``; the caller commits at once.

    Raises PermissionDenied (not assigned to the role), SessionNotRunning (draft, paused, ended),
    StaleTeamDecision (the role is past ``step``, ``stage`` or ``position``: the line names the stage the
    decision answered by its title and who took it, ``tipcase.services.exercise_stale``) and ServiceError (the role
    waits for a hand-over, has ended, or the choice is not offered).
    """
    _may_play(session, actor, exercise, role)
    exercise = _locked(session, exercise.id)
    if exercise.status != RUNNING:
        raise SessionNotRunning(
            QT_TRANSLATE_NOOP("core", "exercise {exercise!r} is {status}: decision {step} of the role “{role}” was not recorded"),
            exercise=exercise.name,
            status=Message(exercise.status),
            step=step,
            role=role_names(playable_team(exercise.team_case_version).team, role),
        )
    play, seq = take_play(session, exercise)
    state = play.role(role)
    made = len(state.play.decisions)
    if step != made + 1 or (stage is not None and stage != state.play.stage.id) or (position is not None and position != state.position):
        keep_play(session, exercise, play, seq)  # refused under the session's lock: of two deciders on a step, one is recorded
        raise StaleTeamDecision.carrying(stale_refusal(session, exercise, play, role, step))
    try:
        events = play.choose(role, number)
    except PlayError as exc:
        raise ServiceError.carrying(exc) from None  # the play is dropped: the next reader replays the log
    seq = append(session, exercise, seq, events, user_id=actor.id)
    keep_play(session, exercise, play, seq)
    return _view(exercise, play, role, seq)
