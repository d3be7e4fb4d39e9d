"""Each Alt+letter reaches one control: no two controls in view share a mnemonic, in either language.

The walkthrough found Alt+C opening the Certificates menu instead of "Continue to the case" on the content
warning, and Alt+F opening File instead of the player's "Case file" tab. The walk of every page and dialog
(tests/test_gui_walk.py) checks each state it presses in; this test takes the trainee through every state
of the player and the debrief's tabs, and the sign-in page, in English and Bahasa Indonesia; the tour of every
page and dialog of every role (tests/window_tour.py) and the team exercise's pages look at each under each of
its tabs, in both languages too (the walk presses in one language per role).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from tests.exercise_gui import team_demo
from tests.gui import make_context, open_window, seeded_url
from tests.mnemonics import clashes, clashes_in_every_tab, mnemonic
from tests.records import BEST, play_through
from tests.window_tour import every_window
from tipcase import bundled
from tipcase.certificates.signing import init_keys
from tipcase.services.exercise_demo import DEMO_EXERCISE, DEMO_ROLES
from tipcase.store.database import Database

pytestmark = pytest.mark.gui


def test_a_mnemonic_is_the_letter_after_one_ampersand() -> None:
    assert mnemonic("C&ontinue to the case") == "o"
    assert mnemonic("Save && quit") is None
    assert mnemonic("Tom && &Jerry") == "j"
    assert mnemonic("Plain") is None


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_two_controls_share_an_alt_letter_on_the_trainees_pages(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path), language))
    window.resize(1366, 768)
    found: dict[str, dict[str, list[str]]] = {}

    def check(where: str) -> None:
        QApplication.processEvents()
        shared = clashes(window)
        if shared:
            found[where] = shared

    window.sign_in_page.show()
    check("sign-in")
    window.sign_in("demo-trainee", "demo-trainee")
    check("home")
    window.home_page().start_button.click()
    player = window.player_page()
    assert player.state() == "warning"
    check("content warning")
    player.warning_continue.click()
    for tab in range(player.side.count()):
        player.side.setCurrentIndex(tab)
        check(f"choosing, tab {tab}")
    for number in BEST:
        if player.state() == "feedback":
            check("feedback")
            player.feedback_continue.click()
        if player.state() == "end":
            break
        player.choose(number)
    if player.state() == "feedback":
        player.feedback_continue.click()
    assert player.state() == "end"
    check("end")
    player.end_button.click()
    debrief = window.debrief_page()
    for tab in range(debrief.tabs.count()):
        debrief.tabs.setCurrentIndex(tab)
        check(f"debrief, tab {tab}")
    window.show_verify()
    check("verify")
    assert found == {}


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_two_controls_share_an_alt_letter_in_any_window_of_any_role(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Every page and dialog of the trainer, registrar, administrator and trainee, each under each of its tabs."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "other-trainee", BEST)  # someone to issue a certificate to
    db.dispose()
    shutil.copy(bundled.bundled_dir() / "returnee-domestic-violence.yaml", tmp_path / "case.yaml")
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.resize(1366, 768)
    found: dict[str, dict[str, list[str]]] = {}
    seen: list[str] = []

    def look(where: str, widget: QWidget) -> None:
        seen.append(where)
        for state, shared in clashes_in_every_tab(widget).items():
            found[f"{where}, {state}"] = shared

    every_window(window, tmp_path, look)
    assert {"institution", "new-account", "edit-account", "issue-cohort", "issue-person", "editor-case-details", "player"} <= set(seen)
    assert found == {}, "\n".join(f"{where}: {shared}" for where, shared in found.items())


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_two_controls_share_an_alt_letter_on_the_team_exercise_pages(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """A role's workstation, the control room and the sessions list with its new-session dialog, under each tab."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = team_demo(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.resize(1366, 768)
    found: dict[str, dict[str, list[str]]] = {}

    def look(where: str, widget: QWidget) -> None:
        for state, shared in clashes_in_every_tab(widget).items():
            found[f"{where}, {state}"] = shared

    role, username = next(iter(DEMO_ROLES.items()))
    window.sign_in(username, username)
    window.exercises.show_workstation(DEMO_EXERCISE, role)
    look("workstation", window)
    window.sign_out()
    window.sign_in("demo-trainer", "demo-trainer")
    window.exercises.show_control_room(DEMO_EXERCISE)
    look("control room", window)
    window.exercises.show_list()
    look("sessions", window)
    sessions = window.exercises.list_page()
    sessions.new_session()
    look("new session", sessions.dialog)
    sessions.dialog.reject()
    assert found == {}, "\n".join(f"{where}: {shared}" for where, shared in found.items())
