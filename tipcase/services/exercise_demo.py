"""``tipcase demo``'s team exercise: the bundled team case published, demo trainees for its roles, a session.

Idempotent like the rest of the demo: accounts, the published version and the session are made only
when missing. The session (``demo-team``) is started, so each role's workstation can play at once;
``demo-trainee`` plays the investigator, a demo account of its own plays each other role.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase import bundled
from tipcase.services import exercises
from tipcase.services.accounts import NewUser, create_user
from tipcase.services.team_cases import publish_team_file
from tipcase.store.models import ExerciseSession, Role, User

DEMO_EXERCISE = "demo-team"
DEMO_TEAM_CASE = "cold-storage-team"
DEMO_TEAM_ACCOUNTS = [
    NewUser(
        "demo-inspector",
        "Yosef Lado, S.T.",
        Role.TRAINEE,
        staff_id="199004152015031002",
        unit="Pengawas Ketenagakerjaan",
        agency="Disnakertrans",
    ),
    NewUser("demo-caseworker", "Natalia Kaunang, S.Sos.", Role.TRAINEE, unit="UPTD PPA Kota Bitung", agency="DP3A"),
    NewUser("demo-lpsk", "Rahmat Hidayat, S.H.", Role.TRAINEE, unit="Biro Penelaahan Permohonan", agency="LPSK"),
    NewUser("demo-prosecutor", "Theresia Mandagi, S.H.", Role.TRAINEE, unit="Kejaksaan Negeri Bitung", agency="Kejaksaan"),
]
DEMO_ROLES = {
    "labour-inspector": "demo-inspector",
    "investigator": "demo-trainee",
    "case-worker": "demo-caseworker",
    "lpsk-officer": "demo-lpsk",
    "prosecutor": "demo-prosecutor",
}


def seed_demo_exercise(session: Session, trainer: User, password_of: Callable[[str], str]) -> list[NewUser]:
    """The demo team session, with whatever of it is missing; returns the demo accounts of its other roles.

    ``password_of(username)`` gives a new account's password. Raises ServiceError when the bundled team
    case cannot be published (a broken install).
    """
    users = {}
    for new in DEMO_TEAM_ACCOUNTS:
        user = session.scalars(select(User).where(User.username == new.username)).first()
        users[new.username] = user if user is not None else create_user(session, new, password_of(new.username))
    if session.scalars(select(ExerciseSession.id).where(ExerciseSession.name == DEMO_EXERCISE)).first() is not None:
        return DEMO_TEAM_ACCOUNTS
    path = next((p for p in bundled.bundled_team_cases() if p.stem == DEMO_TEAM_CASE), None)
    if path is None:  # pragma: no cover - a broken install
        return DEMO_TEAM_ACCOUNTS
    version = publish_team_file(session, None, path)
    exercise = exercises.create_session(session, trainer, version, DEMO_EXERCISE)
    for role, username in DEMO_ROLES.items():
        user = users.get(username) or session.scalars(select(User).where(User.username == username)).one()
        exercises.assign(session, trainer, exercise, role, user)
    exercises.start(session, trainer, exercise)
    return DEMO_TEAM_ACCOUNTS
