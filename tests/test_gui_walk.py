"""Every path a user can take works, for every role: a walk presses every menu action, toolbar action and
button of every page and dialog the role reaches (tests/walker.py), on the records as `make run` leaves them
(the demo seed, and a workstation that can issue) with one trainee who completed the course; and the sign-in
page and every team exercise page (the list, the new-session dialog, the control room and its tabs, a role's
workstation, the joint debrief) on the demo's team session. Any exception
in a slot, any Qt warning (pytest-qt's ``qt_log_level_fail``) or any "something unexpected" sentence fails it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.exercise_gui import team_demo
from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tests.walker import Walker
from tipcase import bundled
from tipcase.services import accounts, certificates, courses
from tipcase.services.demo import prepare_issuing
from tipcase.services.exercise_demo import DEMO_EXERCISE, DEMO_ROLES
from tipcase.store.database import Database
from tipcase.store.models import Certificate

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

UNEXPECTED = ("TIPCase met a problem it did not expect", "TIPCase menemui masalah")


EXPECTED_PAGES = {
    "trainee": {"HomePage", "PlayerPage", "DebriefPage", "VerifyPage"},
    "trainer": {"HomePage", "VerifyPage", "CohortsPage", "EditorPage"},
    "registrar": {"HomePage", "VerifyPage", "RegisterPage"},
    "admin": {"HomePage", "VerifyPage", "RegisterPage", "CohortsPage", "EditorPage", "AccountsPage"},
}


def pages(window: MainWindow, role: str, case: Path) -> list[Callable[[], None]]:
    """How the role reaches each page from the menus."""
    entries: list[Callable[[], None]] = [window.show_home, window.show_verify]
    if role in ("registrar", "admin"):
        entries.append(window.show_register)
    if role in ("trainer", "admin"):
        entries += [window.show_cohorts, lambda: window.show_editor(case)]
    if role == "admin":
        entries.append(window.administration.show_accounts)
    return entries


@pytest.mark.parametrize(("role", "language"), [("trainee", "en"), ("trainer", "en"), ("registrar", "en"), ("admin", "id")])
def test_every_menu_action_and_button_of_every_page_and_dialog_works(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, role: str, language: str
) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = seeded_url(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        prepare_issuing(session)  # as `tipcase demo` (and so `make run`) does
    play_through(db, "demo-trainee", BEST)  # someone to issue a certificate to
    if role == "trainee":  # a certificate of their own to save and print
        with db.transaction() as session:
            registrar = accounts.get_user(session, "demo-registrar")
            course = courses.get_course(session, "demo")
            certificates.issue(session, registrar, accounts.get_user(session, "demo-trainee"), course)
    db.dispose()
    case = tmp_path / "case.yaml"
    case.write_bytes((bundled.bundled_dir() / "scam-compound-return.yaml").read_bytes())
    window = open_window(qtbot, make_context(tmp_path, url, language))
    walker = Walker(qtbot, window, tmp_path / "walk", monkeypatch)
    window.sign_in(f"demo-{role}", f"demo-{role}")
    assert window.context.account is not None
    walker.walk_menus()  # the language menu included: the walk goes on in the other language, then back
    window.context.set_language(language)
    for enter in pages(window, role, case):
        walker.walk_page(enter)
    window.sign_out()
    walk = walker.walk
    assert [text for title, text in walk.boxes if text.startswith(UNEXPECTED) or title == "unhandled"] == []
    assert set(walk.pages) >= EXPECTED_PAGES[role]
    assert sorted(walk.clashes) == [], "\n".join(
        sorted(walk.clashes)
    )  # each Alt+letter in view reaches one control (menus, buttons, tabs, labels)
    assert window.current_page() is window.sign_in_page
    if role in ("registrar", "admin"):  # issued in the app, for one person and for a cohort
        assert {"IssuePersonDialog", "IssueCohortDialog"} <= set(walk.dialogs)
        with Database(url).transaction() as session:
            issued = session.scalars(select(Certificate)).all()
        assert len(issued) >= 1


def test_the_sign_in_page_and_every_team_exercise_page_work(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The sign-in page before anyone signs in; then, on the demo's team session as `make run` leaves it, the
    trainer's exercise list (the new-session dialog from it), the control room with each of its tabs, a
    trainee's workstation at their role, and the joint debrief once the session has ended."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = team_demo(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url, "en"))
    walker = Walker(qtbot, window, tmp_path / "walk", monkeypatch)
    walker.walk_page(lambda: None)  # the sign-in page: what it offers before anyone signs in
    assert window.context.account is None
    role, username = next(iter(DEMO_ROLES.items()))
    window.sign_in(username, username)  # a trainee at their role while the session runs
    walker.walk_page(lambda: window.exercises.show_workstation(DEMO_EXERCISE, role))
    window.sign_out()
    window.sign_in("demo-trainer", "demo-trainer")
    walker.walk_page(lambda: window.exercises.show_control_room(DEMO_EXERCISE))  # its tabs, then End, then the debrief
    walker.walk.pages.remove("ExercisesPage")  # the trainee's list was walked: now the trainer's (New session…)
    walker.walk_page(window.exercises.show_list)
    walker.walk_page(lambda: window.exercises.show_debrief(DEMO_EXERCISE))
    window.sign_out()
    walk = walker.walk
    assert [text for title, text in walk.boxes if text.startswith(UNEXPECTED) or title == "unhandled"] == []
    assert {"SignInPage", "ExercisesPage", "ControlRoomPage", "WorkstationPage", "TeamDebriefPage"} <= set(walk.pages)
    assert "NewSessionDialog" in walk.dialogs
    pressed = set(walk.pressed)
    assert {"ControlRoomPage: Fire now", "ControlRoomPage: Send", "ControlRoomPage: Resume", "ControlRoomPage: End"} <= pressed
    assert any(press.startswith("WorkstationPage: 1. ") for press in pressed)  # the trainee decided at their role
