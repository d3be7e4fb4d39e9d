"""What the app's team exercise pages ask of the records, as plain data: the control room and a role's workstation.

Each function opens its own transaction on a ``Database`` and returns frozen dataclasses (a role's
``Play`` is a copy that holds no database state), so the app's worker threads can call them and hand
the results to widgets without a Session crossing threads, as ``tipcase.services.desktop`` does for
one player. Every permission is the exercise services' own (``tipcase.services.exercises``): trainers
and admins direct, a trainee plays only the roles they are assigned to and reads only the sessions
they take part in. The joint debrief is ``tipcase.services.exercise_debrief``; the dataclasses returned, and how records
become them, are ``tipcase.services.exercise_views`` (re-exported here).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import func, select

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import accounts, exercise_archive, exercise_presence, exercises, team_cases
from tipcase.services.desktop import _user
from tipcase.services.errors import NotFound, PermissionDenied
from tipcase.services.exercise_views import (
    DecisionMade,
    InboxEntry,
    LogEntry,
    Person,
    RoleState,
    Room,
    SessionRow,
    Station,
    TeamCaseRow,
    _log,
    _play,
    _players,
    _row,
    _state,
    _station,
    person_of,
    team_case_row,
)
from tipcase.services.permissions import Permission, allowed
from tipcase.store.database import Database
from tipcase.store.models import ExerciseAssignment, Role, TeamCaseVersion, User, utcnow


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
        return [team_case_row(v) for v in latest.values()]


def publish(db: Database, account_id: int, path: Path) -> TeamCaseRow:
    """Publish a team case file (``team_cases.publish_team_file``: PermissionDenied, or ServiceError naming PATH:LINE:COL).

    The row's ``new`` is False when those very bytes were published already (nothing changed).
    """
    with db.transaction() as session:
        before = session.scalar(select(func.count(TeamCaseVersion.id)))
        version = team_cases.publish_team_file(session, _user(session, account_id), path)
        session.flush()
        return dataclasses.replace(team_case_row(version), new=session.scalar(select(func.count(TeamCaseVersion.id))) != before)


def trainees(db: Database, account_id: int) -> list[Person]:
    """The active trainees a trainer can assign (PermissionDenied for those who may not list users)."""
    with db.reading() as session:
        users = accounts.list_users(session, _user(session, account_id), Role.TRAINEE)
        return [person_of(u) for u in users if u.active]


# -- directing --------------------------------------------------------------------------------------
def create(db: Database, account_id: int, version_id: int, name: str, *, language: str | None = None) -> SessionRow:
    """A draft session of a published team case, in ``language`` (None: the case's first; ``exercises.create_session``'s errors)."""
    with db.transaction() as session:
        user = _user(session, account_id)
        version = session.get(TeamCaseVersion, version_id)
        if version is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no published team case version {version_id}"), version_id=version_id)
        exercise = exercises.create_session(session, user, version, name, language=language)
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
