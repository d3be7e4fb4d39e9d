"""Screenshots of a team exercise for the README: the control room, a role's workstation (waiting, then playing), the joint debrief.

Usage: DISPLAY=:N python tools/exercise_screenshots.py [OUTPUT_FOLDER] (default: docs/screenshots)
Run it on a real X server at 1366x768 (``Xvfb :N -screen 0 1366x768x24``); each window fills the screen.
Builds a temporary home and database (``TIPCASE_HOME``), publishes the bundled team case (the test
suite's small one while none is bundled), plays part of a session through the services and grabs the
pages in English and Bahasa Indonesia.
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
]
PASSWORD = "screenshots-1"


def team_file(folder: Path) -> Path:
    """The first bundled team case, else the test suite's mini team case written into ``folder``."""
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        if path.read_text(encoding="utf-8").lstrip().startswith("tipcase-team:"):
            return path
    from tests.teams import write_team  # noqa: PLC0415

    return write_team(folder)


def ids(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {username: accounts.get_user(session, username).id for username, _name, _role in PEOPLE}


def prepare(url: str, folder: Path) -> tuple[str, list[str]]:
    """A session with every role assigned (two trainees share the second role), started and partly played."""
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        for username, name, role in PEOPLE:
            accounts.create_user(session, accounts.NewUser(username, name, role), PASSWORD)
    people = ids(db)
    trainer = people["ratna"]
    published = exercise_desk.publish(db, trainer, team_file(folder))
    roles = list(published.roles)
    exercise_desk.create(db, trainer, published.version_id, "Monday drill")
    players = ["dewi", "agus", "siti"]
    for index, role in enumerate(roles):
        exercise_desk.assign(db, trainer, "Monday drill", role, people[players[min(index, len(players) - 1)]])
    exercise_desk.assign(db, trainer, "Monday drill", roles[1], people["yohanes"])
    exercise_desk.control(db, trainer, "Monday drill", "start")
    db.dispose()
    return "Monday drill", roles


def step(url: str, username: str, role: str, number: int) -> None:
    db = Database(url)
    account = ids(db)[username]
    where = exercise_desk.station(db, account, "Monday drill", role)
    exercise_desk.decide(db, account, "Monday drill", role, number, step=where.step, stage=where.play.stage.id, position=where.position)
    db.dispose()


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
    shown.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def run(app: QApplication, language: str, out: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"team-{language}-", dir=HOME))
    url = f"sqlite:///{folder / 'shots.sqlite3'}"
    name, roles = prepare(url, folder)
    first, second, third = roles[0], roles[1], roles[2]
    trainer = window(app, url, folder, "ratna", language)
    trainer.exercises.show_list()
    shoot(app, trainer, out / f"{language}-21-team-sessions.png")
    step(url, "dewi", first, 2)  # the inspector refers at once: the slips are lost, the referral incomplete
    step(url, "agus", second, 1)
    db = Database(url)
    trainer_id = ids(db)["ratna"]
    manual = [inject.id for inject in exercise_desk.room(db, trainer_id, name).team.injects if inject.manual]
    if manual:
        exercise_desk.fire(db, trainer_id, name, manual[0])  # the trainer fires an unscripted event by hand
    db.dispose()
    station = window(app, url, folder, "agus", language)
    station.exercises.show_workstation(name, second)
    station.exercises.workstation().begin_button.click()
    shoot(app, station, out / f"{language}-23-team-waiting.png")
    trainer.exercises.show_control_room(name)
    room = trainer.exercises.control_room()
    room.tools.setCurrentIndex(1)
    shoot(app, trainer, out / f"{language}-22-team-control-room.png")
    worker = window(app, url, folder, "siti", language)
    worker.exercises.show_workstation(name, third)
    worker.exercises.workstation().begin_button.click()
    shoot(app, worker, out / f"{language}-24-team-workstation.png")
    step(url, "siti", third, 1)
    step(url, "siti", third, 1)
    step(url, "agus", second, 1)
    step(url, "agus", second, 1)
    room.control("end")
    trainer.exercises.show_debrief(name)
    debrief = trainer.exercises.debrief()
    debrief.timeline.decision_clicked.emit(1)
    shoot(app, trainer, out / f"{language}-25-team-debrief.png")
    for shown in (trainer, station, worker):
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
