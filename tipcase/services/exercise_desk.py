"""What the app's team exercise pages ask of the records, as plain data: the control room and a role's workstation.

Each function opens its own transaction on a ``Database`` and returns frozen dataclasses (a role's
``Play`` is a copy that holds no database state), so the app's worker threads can call them and hand
the results to widgets without a Session crossing threads, as ``tipcase.services.desktop`` does for
one player. Every permission is the exercise services' own (``tipcase.services.exercises``): trainers
and admins direct, a trainee plays only the roles they are assigned to and reads only the sessions
they take part in. The joint debrief is ``tipcase.services.exercise_debrief``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tipcase.format.model import Exhibit, Pathway
from tipcase.format.schema import Text
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.play.engine import Play
from tipcase.services import accounts, exercise_archive, exercise_names, exercise_presence, exercises, team_cases
from tipcase.services.desktop import _user
from tipcase.services.errors import NotFound, PermissionDenied
from tipcase.services.exercise_log import keep_play, take_play, who
from tipcase.services.exercise_presence import Presence
from tipcase.services.permissions import Permission, allowed
from tipcase.store.database import Database
from tipcase.store.models import ExerciseAssignment, ExerciseEvent, ExerciseSession, Role, TeamCaseVersion, User, utcnow
from tipcase.team.model import TeamCase, Track
from tipcase.team.play import InboxItem, RolePlay, TeamPlay


@dataclasses.dataclass(frozen=True)
class TeamCaseRow:
    """A published team case version a session can be created from."""

    version_id: int
    team_id: str
    version: int
    title: dict[str, str]
    roles: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class SessionRow:
    """A session in the list: for a trainee, ``my_roles`` are the roles they play in it."""

    id: int
    name: str
    status: str  # draft | running | paused | ended
    team_id: str
    version: int
    title: dict[str, str]
    my_roles: tuple[str, ...]
    role_names: dict[str, dict[str, str]]  # every role's name by language (its title, else the role's name in the vocabulary)
    created_at: dt.datetime
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    trainees: int = 0  # how many trainees are assigned (one counted once however many roles they play)
    result: tuple[bool, float] | None = None  # once ended: whether the team passed, and its percent
    archived: bool = False  # put away from the default lists (tipcase.services.exercise_archive)
    may_archive: bool = False  # whether the reader may archive it and unarchive it once it has ended


@dataclasses.dataclass(frozen=True)
class Person:
    """An account as the exercise pages list it (to assign to a role): its id, username and full name."""

    id: int
    username: str
    full_name: str


@dataclasses.dataclass(frozen=True)
class InboxEntry:
    """What reached a role, resolved for reading: a hand-over taken, an inject, or a trainer's message.

    ``title``/``text`` are the case's texts (``Text``) or, for a message, the trainer's words (str);
    ``sender`` is the sending role of a hand-over; ``clock`` the role's case clock on arrival (hours).
    """

    kind: str  # handover | inject | message
    ident: str
    clock: float
    title: Text | str | None
    text: Text | str | None
    sender: str | None = None
    number: int = 0
    recorded: tuple[Text, ...] = ()  # a hand-over's sentences of what the sender recorded (its ``recorded`` texts that hold)


@dataclasses.dataclass(frozen=True)
class RoleState:
    """Where one role stands: its stage, pathway node, what it waits for, its clock and inbox, and who plays it."""

    id: str
    track: Track
    users: tuple[Person, ...]
    stage: str
    node: str | None  # the pathway node the role stands at (its stage's, else its last step's)
    waits_for: str | None  # a hand-over id
    finished: bool
    end: str | None  # the end's outcome (success | partial | failure) once finished
    clock: float
    decisions: int
    inbox: tuple[InboxEntry, ...]
    trail: tuple[str, ...]  # the pathway nodes it has visited, in order


@dataclasses.dataclass(frozen=True)
class LogEntry:
    """One event of the master log: ``details`` as stored (docs/team-exercises.md, "Sessions and records")."""

    seq: int
    kind: str
    role: str | None
    user: str | None  # the username of whoever caused it
    at: dt.datetime
    details: dict[str, Any]
    full_name: str | None = None  # their full name (the username when the account has none; the operator's name as ``user``)


@dataclasses.dataclass(frozen=True)
class Room:
    """Everything the control room shows of a session, as it stood at event ``last_seq``."""

    session: SessionRow
    language: str
    team: TeamCase
    pathway: Pathway | None
    roles: tuple[RoleState, ...]
    queued: dict[str, int]  # hand-over id -> deliveries sent and not yet taken
    fired: dict[str, tuple[str, ...]]  # inject id -> the roles it has fired for
    log: tuple[LogEntry, ...]  # the events after the ``after`` the caller gave
    last_seq: int
    presence: dict[int, Presence] = dataclasses.field(default_factory=dict)  # user id -> their app as last heard
    read_at: dt.datetime | None = None  # when this was read (UTC): a presence is fresh against it


@dataclasses.dataclass(frozen=True)
class DecisionMade:
    """A decision of a role, as its workstations tell it: who took it (full name, username) and when (UTC), which step, what."""

    step: int
    stage: str
    choice: int  # the choice's place in its stage (0-based, file order)
    number: int  # its place among the choices offered (1-based)
    username: str | None
    full_name: str
    at: dt.datetime


@dataclasses.dataclass(frozen=True)
class Station:
    """A role's workstation: the session, the role, its play (a copy) and inbox, what it waits for."""

    session: SessionRow
    team: TeamCase
    pathway: Pathway | None
    role: RoleState
    play: Play
    position: int  # the role's moves so far: a decision names the one it saw
    exhibits: dict[str, Exhibit]
    last_seq: int
    decided: tuple[DecisionMade, ...] = ()  # the role's decisions, in order: several trainees may share a role

    @property
    def step(self) -> int:
        """The number of the next decision (1-based)."""
        return len(self.play.decisions) + 1


def _role_names(track: Track) -> dict[str, str]:
    return dict(exercise_names.role_names(track).values)


# -- lists ------------------------------------------------------------------------------------------
def _row(session: Any, user: User, exercise: ExerciseSession, archived: bool | None = None) -> SessionRow:
    version = exercise.team_case_version
    mine = tuple(exercises.roles_of(session, user, exercise))
    return SessionRow(
        exercise.id,
        exercise.name,
        exercise.status,
        version.team_id,
        version.version,
        dict(version.title),
        mine,
        {role_id: _role_names(track) for role_id, track in team_cases.playable_team(version).team.roles.items()},
        exercise.created_at,
        exercise.started_at,
        exercise.ended_at,
        len({assignment.user_id for assignment in exercise.assignments}),
        _result(session, exercise),
        exercise_archive.is_archived(session, exercise) if archived is None else archived,
        exercise_archive.may_archive(user, exercise),
    )


def _result(session: Any, exercise: ExerciseSession) -> tuple[bool, float] | None:
    """An ended session's team result as its ``ended`` event pinned it; None before the end."""
    if exercise.status != exercises.ENDED_STATUS:
        return None
    details = session.scalars(
        select(ExerciseEvent.details).where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.kind == "ended")
    ).first()
    if not details or "passed" not in details:
        return None
    return bool(details["passed"]), float(details.get("total_percent") or 0.0)


def sessions(db: Database, account_id: int, *, archived: bool = False) -> list[SessionRow]:
    """Every session for those who direct exercises, newest first; a trainee's own sessions otherwise.

    Archived sessions only with ``archived`` (the lists' *Show archived*): by default they are put away.
    """
    with db.reading() as session:
        user, put_away = _user(session, account_id), exercise_archive.archived_ids(session)
        found = [exercise for exercise in reversed(exercises.list_sessions(session, user)) if archived or exercise.id not in put_away]
        return [_row(session, user, exercise, exercise.id in put_away) for exercise in found]


def published_team_cases(db: Database, account_id: int) -> list[TeamCaseRow]:
    """The latest published version of each team case (PermissionDenied for those who may not play)."""
    with db.reading() as session:
        latest: dict[str, TeamCaseVersion] = {}
        for version in team_cases.list_team_versions(session, _user(session, account_id)):
            latest[version.team_id] = version  # ordered by team, then version
        return [
            TeamCaseRow(v.id, v.team_id, v.version, dict(v.title), tuple(team_cases.playable_team(v).team.roles)) for v in latest.values()
        ]


def publish(db: Database, account_id: int, path: Path) -> TeamCaseRow:
    """Publish a team case file (``team_cases.publish_team_file``: PermissionDenied, or ServiceError naming PATH:LINE:COL)."""
    with db.transaction() as session:
        version = team_cases.publish_team_file(session, _user(session, account_id), path)
        session.flush()
        return TeamCaseRow(
            version.id, version.team_id, version.version, dict(version.title), tuple(team_cases.playable_team(version).team.roles)
        )


def trainees(db: Database, account_id: int) -> list[Person]:
    """The active trainees a trainer can assign (PermissionDenied for those who may not list users)."""
    with db.reading() as session:
        users = accounts.list_users(session, _user(session, account_id), Role.TRAINEE)
        return [Person(u.id, u.username, u.full_name) for u in users if u.active]


# -- directing --------------------------------------------------------------------------------------
def create(db: Database, account_id: int, version_id: int, name: str) -> SessionRow:
    """A draft session of a published team case (``exercises.create_session``'s errors)."""
    with db.transaction() as session:
        user = _user(session, account_id)
        version = session.get(TeamCaseVersion, version_id)
        if version is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no published team case version {version_id}"), version_id=version_id)
        exercise = exercises.create_session(session, user, version, name)
        session.flush()
        return _row(session, user, exercise)


def assign(db: Database, account_id: int, name: str, role: str, user_id: int, *, remove: bool = False) -> bool:
    """Assign a user to a role of session ``name`` (or, with ``remove``, take them off while it is a draft).

    Returns False when nothing changed (already on the role; not on it).
    """
    with db.transaction() as session:
        actor = _user(session, account_id)
        exercise = exercises.get_session(session, name)
        person = session.get(User, user_id)
        if person is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no user {user_id}"), user_id=user_id)
        return (exercises.unassign if remove else exercises.assign)(session, actor, exercise, role, person)


def control(db: Database, account_id: int, name: str, action: str) -> None:
    """``start``, ``pause``, ``resume`` or ``end`` session ``name`` (``exercises``' errors: SessionNotRunning, ServiceError)."""
    act = {"start": exercises.start, "pause": exercises.pause, "resume": exercises.resume, "end": exercises.end}[action]
    with db.transaction() as session:
        act(session, _user(session, account_id), exercises.get_session(session, name))


def fire(db: Database, account_id: int, name: str, inject_id: str, to: list[str] | None = None) -> int:
    """Fire an inject by hand; returns the newest event number."""
    with db.transaction() as session:
        return exercises.fire_inject(session, _user(session, account_id), exercises.get_session(session, name), inject_id, to)


def message(db: Database, account_id: int, name: str, text: str, to: list[str] | None = None) -> int:
    """Send an ad-hoc message (no effects) to some roles or all; returns the newest event number."""
    with db.transaction() as session:
        return exercises.send_message(session, _user(session, account_id), exercises.get_session(session, name), text, to)


# -- reading ----------------------------------------------------------------------------------------
def _inbox(team: TeamCase, state: RolePlay) -> tuple[InboxEntry, ...]:
    return tuple(_entry(team, item) for item in state.inbox)


def _entry(team: TeamCase, item: InboxItem) -> InboxEntry:
    if item.kind == "handover":
        handover = team.handovers.get(item.ident)
        if handover is not None:
            recorded = handover.recorded_for(dict(item.carried))
            return InboxEntry(item.kind, item.ident, item.clock, handover.title, handover.text, handover.sender, item.number, recorded)
    if item.kind == "inject":
        inject = team.inject(item.ident)
        if inject is not None:
            return InboxEntry(item.kind, item.ident, item.clock, inject.title, inject.text, None)
    return InboxEntry(item.kind, item.ident, item.clock, None, item.text)


def _state(team: TeamCase, state: RolePlay, users: tuple[Person, ...]) -> RoleState:
    play = state.play
    trail = tuple(step.node for step in play.trail)
    node = play.stage.at or (trail[-1] if trail else None)
    return RoleState(
        state.id,
        team.roles[state.id],
        users,
        play.stage.id,
        node,
        state.waits_for,
        state.finished,
        play.stage.end if state.finished else None,
        play.clock,
        len(play.decisions),
        _inbox(team, state),
        trail,
    )


def _players(exercise: ExerciseSession) -> dict[str, tuple[Person, ...]]:
    found: dict[str, list[Person]] = {}
    for assignment in exercise.assignments:
        user = assignment.user
        found.setdefault(assignment.role, []).append(Person(user.id, user.username, user.full_name))
    return {role: tuple(sorted(people, key=lambda p: p.username)) for role, people in found.items()}


def _log(session: Any, exercise: ExerciseSession, after: int) -> tuple[LogEntry, ...]:
    names, full_names = {}, {}
    rows = session.scalars(
        select(ExerciseEvent).where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.seq > after).order_by(ExerciseEvent.seq)
    ).all()
    for user_id in {row.user_id for row in rows if row.user_id is not None}:
        user = session.get(User, user_id)
        names[user_id] = user.username if user is not None else str(user_id)
        full_names[user_id] = (user.full_name or user.username) if user is not None else str(user_id)
    return tuple(
        LogEntry(row.seq, row.kind, row.role, who(row, names), row.at, dict(row.details or {}), who(row, full_names)) for row in rows
    )


def _play(session: Any, exercise: ExerciseSession) -> tuple[TeamPlay, int]:
    play, seq = take_play(session, exercise)
    keep_play(session, exercise, play, seq)
    return play, seq


def room(db: Database, account_id: int, name: str, after: int = 0) -> Room:
    """The control room's view of session ``name``, with the master log after event ``after``.

    For those who direct exercises or read every attempt (PermissionDenied otherwise: the log holds
    the controllers' notes).
    """
    with db.reading() as session:
        user = _user(session, account_id)
        exercise = exercises.get_session(session, name)
        if not (allowed(user, Permission.RUN_EXERCISES) or allowed(user, Permission.READ_ALL_ATTEMPTS)):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("core", "{username} ({role}) may not read an exercise's master log"),
                username=user.username,
                role=Message(user.role),
            )  # as exercises.events
        play, seq = _play(session, exercise)
        players = _players(exercise)
        team = play.team
        roles = tuple(_state(team, state, players.get(role_id, ())) for role_id, state in play.roles.items())
        queued: dict[str, int] = dict.fromkeys(team.handovers, 0)
        for delivery in play.deliveries:
            if not delivery.taken:
                queued[delivery.handover] = queued.get(delivery.handover, 0) + 1
        fired: dict[str, list[str]] = {}
        for state in play.roles.values():
            for item in state.inbox:
                if item.kind == "inject":
                    fired.setdefault(item.ident, []).append(state.id)
        return Room(
            _row(session, user, exercise),
            exercise.language,
            team,
            play.pathway,
            roles,
            queued,
            {key: tuple(value) for key, value in fired.items()},
            _log(session, exercise, after),
            seq,
            exercise_presence.presence_in(session, exercise),
            utcnow(),
        )


def station(db: Database, account_id: int, name: str, role: str) -> Station:
    """Role ``role``'s workstation in session ``name``, as the role stands now (a rejoin after a crash reads this).

    PermissionDenied unless the account plays the role (or directs exercises).
    """
    with db.reading() as session:
        user = _user(session, account_id)
        exercise = exercises.get_session(session, name)
        view = exercises.role_view(session, user, exercise, role)
        return _station(session, user, exercise, view)


def _decided(session: Any, exercise: ExerciseSession, role: str) -> tuple[DecisionMade, ...]:
    """The role's stored decisions in order, each with who took it and when (the log's, whichever workstation it came from)."""
    rows = session.scalars(
        select(ExerciseEvent)
        .where(ExerciseEvent.session_id == exercise.id, ExerciseEvent.kind == "decision", ExerciseEvent.role == role)
        .order_by(ExerciseEvent.seq)
    ).all()
    people = {row.user_id: session.get(User, row.user_id) for row in rows if row.user_id is not None}
    made: list[DecisionMade] = []
    for row in rows:
        details, person = dict(row.details or {}), people.get(row.user_id)
        made.append(
            DecisionMade(
                int(details.get("step", len(made) + 1)),
                str(details.get("stage", "")),
                int(details.get("choice", 0)),
                int(details.get("number", 0)),
                person.username if person is not None else None,
                (person.full_name or person.username) if person is not None else "",
                row.at,
            )
        )
    return tuple(made)


def _station(session: Any, user: User, exercise: ExerciseSession, view: exercises.RoleView) -> Station:
    ready = team_cases.playable_team(exercise.team_case_version)
    play, _seq = _play(session, exercise)
    players = _players(exercise)
    state = _state(ready.team, play.role(view.role), players.get(view.role, ()))
    return Station(
        _row(session, user, exercise),
        ready.team,
        ready.pathway,
        state,
        view.play,
        view.position,
        dict(ready.team.exhibits),
        view.last_seq,
        _decided(session, exercise, view.role),
    )


def decide(db: Database, account_id: int, name: str, role: str, number: int, *, step: int, stage: str, position: int) -> Station:
    """Take the ``number``-th offered choice as decision ``step`` of ``role``, committed at once; the station after it.

    Raises what ``exercises.decide`` raises: StaleTeamDecision when the role moved on (another trainee
    at the role, or an arrival), SessionNotRunning while paused or ended, PermissionDenied.
    """
    with db.transaction() as session:
        user = _user(session, account_id)
        exercise = exercises.get_session(session, name)
        view = exercises.decide(session, user, exercise, role, number, step=step, stage=stage, position=position)
        return _station(session, user, exercise, view)


def my_role_in(db: Database, account_id: int, name: str) -> list[str]:
    """The roles the account plays in session ``name`` (in the case's order)."""
    with db.reading() as session:
        user = _user(session, account_id)
        return exercises.roles_of(session, user, exercises.get_session(session, name))


def directs(db: Database, account_id: int) -> bool:
    with db.reading() as session:
        return allowed(_user(session, account_id), Permission.RUN_EXERCISES)


__all__ = [
    "DecisionMade",
    "ExerciseAssignment",
    "InboxEntry",
    "LogEntry",
    "Person",
    "RoleState",
    "Room",
    "SessionRow",
    "Station",
    "TeamCaseRow",
]
