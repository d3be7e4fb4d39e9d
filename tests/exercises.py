"""Shared set-up for the team exercise tests: users, the mini team case published, a session started."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from tests.teams import BEST, write_team
from tipcase.services import accounts, exercises, team_cases
from tipcase.store.models import ExerciseSession, Role, User

PASSWORDS = {role: f"password-{role}-1" for role in BEST}


def users(session: Session) -> dict[str, User]:
    """A trainer, and a trainee per role of the mini team case (username = the role's id)."""
    made = {"trainer": accounts.create_user(session, accounts.NewUser("trainer", "Trainer", Role.TRAINER), "password-trainer-1")}
    for role, password in PASSWORDS.items():
        made[role] = accounts.create_user(session, accounts.NewUser(role, f"Trainee {role}", Role.TRAINEE), password)
    return made


def started_session(session: Session, folder: Path, name: str = "drill", *, start: bool = True) -> ExerciseSession:
    """The mini team case published, a session created with each role's trainee assigned, and started."""
    people = users(session)
    version = team_cases.publish_team_file(session, people["trainer"], write_team(folder))
    exercise = exercises.create_session(session, people["trainer"], version, name)
    for role in BEST:
        exercises.assign(session, people["trainer"], exercise, role, people[role])
    if start:
        exercises.start(session, people["trainer"], exercise)
    return exercise


def decide(session: Session, username: str, name: str, role: str, number: int) -> exercises.RoleView:
    """The user decides at the role's current step, as a workstation does after reading where it stands."""
    user = accounts.get_user(session, username)
    exercise = exercises.get_session(session, name)
    view = exercises.role_view(session, user, exercise, role)
    return exercises.decide(session, user, exercise, role, number, step=view.step, stage=view.play.stage.id, position=view.position)
