"""A session of the bundled five-role team case (the cold store at Bitung) played through the services, for the
layout tests of the control room and the joint debrief: five trainees and a trainer, each role playing its
choices while it can move (by turns, as workstations do)."""

from __future__ import annotations

from tipcase import bundled
from tipcase.services import accounts, exercise_desk
from tipcase.store.database import Database
from tipcase.store.models import Role

PLAYERS = {  # role -> (username, full name); the trainer is 'trainer'
    "labour-inspector": ("dewi", "Dewi Lestari"),
    "investigator": ("agus", "Agus Santoso"),
    "case-worker": ("siti", "Siti Rahmawati"),
    "lpsk-officer": ("rahmat", "Rahmat Hidayat"),
    "prosecutor": ("theresia", "Theresia Mandagi"),
}
ROUTES = {  # a class that passes after a slow start (as tools/exercise_screenshots.py plays it)
    "labour-inspector": [1, 1, 2, 1, 2],
    "investigator": [1, 1, 1, 1, 2, 1, 2, 1, 1, 2, 1],
    "case-worker": [2, 1, 3, 1, 2],
    "lpsk-officer": [2, 2, 1, 2, 2, 1],
    "prosecutor": [2, 1, 1, 1, 3, 1, 2],
}


def _ids(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {user: accounts.get_user(session, user).id for user in ["trainer", *(u for u, _ in PLAYERS.values())]}


def played(url: str, routes: dict[str, list[int]] | None = None, *, most: int = 99, end: bool = True) -> None:
    """The bundled team case published and a session of it started; each role plays up to ``most`` of its
    ``routes`` (default ``ROUTES``, to the end) while it can move; then the session is ended unless ``end`` is False."""
    db = Database(url)
    with db.transaction() as session:
        accounts.create_user(session, accounts.NewUser("trainer", "Ratna Sari", Role.TRAINER), "password-trainer-1")
        for username, name in PLAYERS.values():
            accounts.create_user(session, accounts.NewUser(username, name, Role.TRAINEE), "password-trainee-1")
    ids = _ids(db)
    [path] = bundled.bundled_team_cases()
    published = exercise_desk.publish(db, ids["trainer"], path)
    exercise_desk.create(db, ids["trainer"], published.version_id, "drill")
    for role, (username, _name) in PLAYERS.items():
        exercise_desk.assign(db, ids["trainer"], "drill", role, ids[username])
    exercise_desk.control(db, ids["trainer"], "drill", "start")
    db.dispose()
    play_on(url, ROUTES if routes is None else routes, most=most, end=end)


def play_on(url: str, routes: dict[str, list[int]], *, most: int = 99, end: bool = False) -> None:
    """Each role of the running session plays up to ``most`` more of ``routes`` (their next choices) while it can move."""
    db = Database(url)
    ids = _ids(db)
    taken = dict.fromkeys(routes, 0)
    moved = True
    while moved:
        moved = False
        for role, numbers in routes.items():
            account = ids[PLAYERS[role][0]]
            where = exercise_desk.station(db, account, "drill", role)
            if len(where.play.decisions) < len(numbers) and taken[role] < most and where.role.waits_for is None and not where.role.finished:
                taken[role] += 1
                number = numbers[len(where.play.decisions)]
                exercise_desk.decide(
                    db, account, "drill", role, number, step=where.step, stage=where.play.stage.id, position=where.position
                )
                moved = True
    if end:
        exercise_desk.control(db, ids["trainer"], "drill", "end")
    db.dispose()
