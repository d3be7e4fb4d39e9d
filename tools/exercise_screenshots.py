"""Screenshots of a team exercise for the README: the sessions, the control room, the workstations, the joint debrief.

Usage: DISPLAY=:N python tools/exercise_screenshots.py [OUTPUT_FOLDER] (default: docs/screenshots)
Run it on a real X server at 1366x768 (``Xvfb :N -screen 0 1366x768x24``); each window fills the screen.
Builds a temporary home and database (``TIPCASE_HOME``), publishes the bundled team case (the cold store
at Bitung, five roles), and plays a session through the services as a class would: the inspector refers
the case after a slow start at the payroll, the prosecutor's workstation waits for the police's SPDP, the
trainer fires the company lawyer's call by hand at the investigator only, the investigator (two
trainees sharing the role: Agus's workstation says that Yohanes took the role's second decision) reads
the referral and what the inspector recorded in the inbox; then every role plays to the end (the
investigator misses one step of good practice) and the trainer ends the session for the joint debrief.
The pages are grabbed in English and Bahasa Indonesia.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HOME = tempfile.mkdtemp(prefix="tipcase-shots-")
os.environ["TIPCASE_HOME"] = HOME  # never the real home

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tipcase.services import accounts, exercise_desk  # noqa: E402
from tipcase.store.database import Database  # noqa: E402
from tipcase.store.models import Role  # noqa: E402
from tools.png_size import save_small  # noqa: E402

from ui.app import create_app, create_context  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.tasks import InlineThreadPool, TaskRunner  # noqa: E402

PEOPLE = [
    ("ratna", "Ratna Sari", Role.TRAINER),
    ("dewi", "Dewi Lestari", Role.TRAINEE),
    ("agus", "Agus Santoso", Role.TRAINEE),
    ("yohanes", "Yohanes Manurung", Role.TRAINEE),
    ("siti", "Siti Rahmawati", Role.TRAINEE),
    ("rahmat", "Rahmat Hidayat", Role.TRAINEE),
    ("theresia", "Theresia Mandagi", Role.TRAINEE),
]
PASSWORD = "screenshots-1"
SESSION = "monday-drill"  # one word, as a trainee types it after --session
TEAM_CASE = ROOT / "scenarios" / "teams" / "cold-storage-team.yaml"
PLAYERS = {  # role -> who plays it (the investigator's role is shared by two trainees)
    "labour-inspector": ["dewi"],
    "investigator": ["agus", "yohanes"],
    "case-worker": ["siti"],
    "lpsk-officer": ["rahmat"],
    "prosecutor": ["theresia", "rahmat"],  # Rahmat plays two roles: LPSK and, with Theresia, the prosecutor
}
# Each role's choices (numbers as offered): tipcase analyze's best route, except the inspector starts at the
# payroll (then recovers) and the investigator's second decision falls short of good practice.
ROUTES = {
    "labour-inspector": [1, 1, 2, 1, 2],
    "investigator": [1, 1, 1, 1, 2, 1, 2, 1, 1, 2, 1],
    "case-worker": [2, 1, 3, 1, 2],
    "lpsk-officer": [2, 2, 1, 2, 2, 1],
    "prosecutor": [2, 1, 1, 1, 3, 1, 2],
}


def ids(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {username: accounts.get_user(session, username).id for username, _name, _role in PEOPLE}


def prepare(url: str) -> None:
    """The session of the bundled team case with every role assigned, started."""
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        for username, name, role in PEOPLE:
            accounts.create_user(session, accounts.NewUser(username, name, role), PASSWORD)
    people = ids(db)
    trainer = people["ratna"]
    published = exercise_desk.publish(db, trainer, TEAM_CASE)
    exercise_desk.create(db, trainer, published.version_id, SESSION)
    for role, usernames in PLAYERS.items():
        for username in usernames:
            exercise_desk.assign(db, trainer, SESSION, role, people[username])
    exercise_desk.control(db, trainer, SESSION, "start")
    db.dispose()


def play(url: str, left: dict[str, list[int]], roles: list[str], most: int = 99, by: dict[str, str] | None = None) -> None:
    """Each of ``roles`` takes up to ``most`` of its choices left while it can move (by turns, as workstations do).

    ``by``: role -> the username who decides for it (default: the role's first trainee).
    """
    db = Database(url)
    people = ids(db)
    taken = dict.fromkeys(roles, 0)
    moved = True
    while moved:
        moved = False
        for role in roles:
            if not left[role] or taken[role] >= most:
                continue
            account = people[(by or {}).get(role, PLAYERS[role][0])]
            where = exercise_desk.station(db, account, SESSION, role)
            if where.role.waits_for is not None or where.role.finished:
                continue
            number = left[role].pop(0)
            exercise_desk.decide(db, account, SESSION, role, number, step=where.step, stage=where.play.stage.id, position=where.position)
            taken[role] += 1
            moved = True
    db.dispose()


def standing(url: str, username: str, role: str) -> str:
    """Where ``role`` stands for ``username`` now (``SessionRow.my_states``: deciding, waiting or end)."""
    db = Database(url)
    station = exercise_desk.station(db, ids(db)[username], SESSION, role)
    db.dispose()
    return station.session.my_states.get(role, "")


def window(app: QApplication, url: str, folder: Path, username: str, language: str) -> MainWindow:
    settings = Settings(QSettings(str(folder / f"{username}.ini"), QSettings.Format.IniFormat))
    context = create_context(url, settings, TaskRunner(InlineThreadPool()), watch_changes=False)
    context.set_language(language)
    shown = MainWindow(context)
    shown.setGeometry(0, 0, 1366, 768)
    shown.show()
    shown.open_database()
    shown.sign_in(username, PASSWORD)
    app.processEvents()
    return shown


def shoot(app: QApplication, shown: MainWindow, path: Path) -> None:
    for _ in range(3):
        app.processEvents()
    save_small(shown.grab(), path)
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def run(app: QApplication, language: str, out: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"team-{language}-", dir=HOME))
    url = f"sqlite:///{folder / 'shots.sqlite3'}"
    prepare(url)
    left = {role: list(numbers) for role, numbers in ROUTES.items()}
    trainer = window(app, url, folder, "ratna", language)
    trainer.exercises.show_list()
    shoot(app, trainer, out / f"{language}-30-team-sessions.png")

    play(url, left, ["labour-inspector"])  # the inspector inspects and refers the case to the police
    waiting = window(app, url, folder, "theresia", language)
    waiting.exercises.show_workstation(SESSION, "prosecutor")
    waiting.exercises.workstation().begin_button.click()
    shoot(app, waiting, out / f"{language}-32-team-waiting.png")

    trainer.exercises.show_control_room(SESSION)
    room = trainer.exercises.control_room()
    room.tools.setCurrentWidget(room.inject_panel)
    ids_ = [inject.id for inject in room.room.team.injects]
    room.injects.selectRow(ids_.index("company-lawyer"))
    room.inject_panel.fire_to.setCurrentIndex(room.inject_panel.fire_to.findData("investigator"))
    room.fire()  # the company lawyer calls the investigator's superior: fired by hand, at one role
    play(url, left, ["investigator", "case-worker"], most=1)
    station = window(app, url, folder, "agus", language)
    station.exercises.show_workstation(SESSION, "investigator")
    play(url, left, ["investigator", "case-worker"], most=1, by={"investigator": "yohanes"})  # the role's other trainee decides
    station.exercises.workstation().refresh()  # Agus's workstation says who took the decision, and when
    station.exercises.workstation().inbox.setCurrentRow(0)  # the referral, with what the inspector recorded
    room.refresh()
    shoot(app, station, out / f"{language}-33-team-workstation.png")
    room.injects.selectRow(ids_.index("company-lawyer"))
    shoot(app, trainer, out / f"{language}-31-team-control-room.png")
    back = window(app, url, folder, "yohanes", language)  # back after a crash: My courses offers the role first
    shoot(app, back, out / f"{language}-35-team-rejoin.png")

    for _ in range(12):  # on until the SPDP reaches the prosecutor while LPSK still waits for its request
        if standing(url, "rahmat", "prosecutor") == "deciding" and standing(url, "rahmat", "lpsk-officer") == "waiting":
            break
        play(url, left, ["investigator", "case-worker"], most=1)
    both = window(app, url, folder, "rahmat", language)
    both.exercises.show_workstation(SESSION, "lpsk-officer")
    both.exercises.workstation().begin_button.click()
    shoot(app, both, out / f"{language}-34-team-two-roles.png")

    play(url, left, list(ROUTES))  # every role to the end
    room.control("end")
    trainer.exercises.show_debrief(SESSION)
    debrief = trainer.exercises.debrief()
    debrief.timeline.decision_clicked.emit(6)  # the investigator's second decision: short of good practice
    shoot(app, trainer, out / f"{language}-36-team-debrief.png")
    debrief.tabs.setCurrentIndex(1)
    shoot(app, trainer, out / f"{language}-37-team-debrief-review.png")
    debrief.views.setCurrentIndex(1)  # the team on the pathway, opened where the roles stand
    shoot(app, trainer, out / f"{language}-38-team-debrief-pathway.png")
    for shown in (trainer, waiting, station, back, both):
        shown.close()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = create_app([])
    for language in ("en", "id"):
        run(app, language, out)
    app.quit()


if __name__ == "__main__":
    main()
