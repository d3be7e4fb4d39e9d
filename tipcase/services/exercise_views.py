"""The plain data the team exercise pages read, and how the records become it (``tipcase.services.exercise_desk``'s rows).

Frozen dataclasses (a session in a list, a person, a role's state, the control room's ``Room``, a
workstation's ``Station``) and the helpers that build them from a Session's records. Nothing here opens a
transaction or checks a permission: ``exercise_desk`` (the app's calls) and ``exercise_debrief`` do, then
build their answers with these.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select

from tipcase.format.model import Exhibit, Pathway
from tipcase.format.role_agencies import profession_of
from tipcase.format.schema import Text
from tipcase.play.engine import Play
from tipcase.services import exercise_archive, exercise_names, exercises, team_cases
from tipcase.services.exercise_log import keep_play, take_play, who
from tipcase.services.exercise_presence import Presence
from tipcase.store.models import ExerciseEvent, ExerciseSession, TeamCaseVersion, User
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
    languages: tuple[str, ...] = ("en",)  # the languages the case is written in (a session plays in one of them)
    new: bool = False  # from ``exercise_desk.publish``: whether this call published it (False: those bytes were already)


def team_case_row(version: TeamCaseVersion) -> TeamCaseRow:
    """A published version as the new-session dialog lists it."""
    team = team_cases.playable_team(version).team
    return TeamCaseRow(version.id, version.team_id, version.version, dict(version.title), tuple(team.roles), tuple(team.languages))


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
    # the reader's own roles while the session runs or is paused, each as it stands (``role_standing``): a trainee back
    # after a crash is offered the role to rejoin, and one on two roles sees which of them has a decision waiting
    my_states: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Person:
    """An account as the exercise pages list it (to assign to a role): its id, username and full name.

    ``agency`` is the account's agency as written (else its unit); ``profession`` the role of the scenario
    format's vocabulary that agency does (``tipcase.format.role_agencies.profession_of``), None when it
    names none: the control room offers a role the trainee whose profession it is, and asks before
    putting someone on another agency's desk.
    """

    id: int
    username: str
    full_name: str
    agency: str = ""
    profession: str | None = None


def person_of(user: User) -> Person:
    """``user`` as a ``Person``, with the profession its agency or unit names."""
    return Person(user.id, user.username, user.full_name, user.agency or user.unit or "", profession_of(user.agency, user.unit))


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
        _standings(session, exercise, mine),
    )


DECIDING, WAITING, AT_END = "deciding", "waiting", "end"  # a role's standing (``role_standing``)


def role_standing(state: RolePlay) -> str:
    """``"end"`` once the role has reached an end, ``"waiting"`` while it waits for a hand-over, else ``"deciding"``.

    Deciding: choices are offered, so the role's next decision is its player's to take (the session's own
    status, paused or running, is the row's ``status``).
    """
    if state.finished:
        return AT_END
    return WAITING if state.waits_for is not None else DECIDING


def _standings(session: Any, exercise: ExerciseSession, roles: tuple[str, ...]) -> dict[str, str]:
    """Each of ``roles`` as it stands (``role_standing``) while the session runs or is paused; empty otherwise."""
    if not roles or exercise.status not in (exercises.RUNNING, exercises.PAUSED_STATUS):
        return {}
    play, _seq = _play(session, exercise)
    return {role: role_standing(play.role(role)) for role in roles if role in play.roles}


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


# -- reading ----------------------------------------------------------------------------------------
def _inbox(team: TeamCase, state: RolePlay) -> tuple[InboxEntry, ...]:
    return tuple(_entry(team, item) for item in state.inbox)


def _entry(team: TeamCase, item: InboxItem) -> InboxEntry:
    if item.kind == "handover":
        handover = team.handovers.get(item.ident)
        if handover is not None:
            carried = dict(item.carried)
            title = handover.title_for(carried)  # names the outcome that came (P-19 or P-21), walk G finding 2
            recorded = handover.recorded_for(carried)
            return InboxEntry(item.kind, item.ident, item.clock, title, handover.text, handover.sender, item.number, recorded)
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
        found.setdefault(assignment.role, []).append(person_of(user))
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
