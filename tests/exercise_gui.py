"""Helpers for the team exercise GUI tests: a migrated SQLite file, a signed-in window per person, the pages."""

from __future__ import annotations

from pathlib import Path

from tests.exercises import PASSWORDS
from tests.gui import make_context, open_window
from tipcase import bundled
from tipcase.services.demo import seed_demo
from tipcase.store.database import Database

from ui.main_window import MainWindow
from ui.pages.control_room import ControlRoomPage
from ui.pages.team_debrief import TeamDebriefPage

WITHIN = 2.0  # seconds from another workstation's commit to the page showing it (arrivals take well under one; CI's machine is shared)


def migrated(tmp_path: Path) -> str:
    """A migrated, empty SQLite file for the session: one file for every window, as at a demonstration workstation."""
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    db = Database(url)
    db.upgrade()
    db.dispose()
    return url


def window_for(qtbot, tmp_path: Path, url: str, username: str, *, live: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window signed in as ``username`` (tests.exercises.users); ``live``: it hears other windows' changes."""
    folder = tmp_path / username
    folder.mkdir(exist_ok=True)
    window = open_window(qtbot, make_context(folder, url, watch_changes=live))
    window.sign_in(username, "password-trainer-1" if username == "trainer" else PASSWORDS[username])
    assert window.context.account is not None
    return window


def room_of(window: MainWindow) -> ControlRoomPage:
    page = window.exercises.control_room()
    assert window.stack.currentWidget() is page
    return page


def select_role(room: ControlRoomPage, role: str) -> None:
    ids = [state.id for state in room.room.roles]
    room.roles.selectRow(ids.index(role))


def trainers_debrief(qtbot, tmp_path: Path, url: str, language: str) -> TeamDebriefPage:  # type: ignore[no-untyped-def]
    """The trainer's joint debrief of session "drill" at 1366x768 in ``language``, its view loaded and painted."""
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.resize(1366, 768)
    window.exercises.show_debrief("drill")
    page = window.exercises.debrief()
    qtbot.waitUntil(lambda: page.view is not None and page.view.debrief.language == language, timeout=10_000)
    return page


def team_demo(tmp_path: Path) -> str:
    """The demo with one case and its running team exercise ``demo-team`` in a SQLite file under ``tmp_path``."""
    url = f"sqlite:///{tmp_path / 'gui.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed_demo(session, scenarios=[bundled.bundled_dir() / "scam-compound-return.yaml"], team_exercise=True)
    db.dispose()
    return url
