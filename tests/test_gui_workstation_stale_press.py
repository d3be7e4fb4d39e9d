"""A press meant for one stage is never recorded on the next (walk F, finding 27): two trainees share a role, one
decides at her workstation, and the other's window, slow for a moment, catches up; the key her trainee presses then
(twice, as people do when nothing seems to happen) is not recorded, and the page says who decided and that the press
was not. A moment later, once the new stage could have been read, a press is recorded as it should be."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.exercise_gui import WITHIN, migrated, window_for
from tests.exercises import decide, started_session
from tipcase.services import accounts, exercises
from tipcase.store.database import Database

from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.pages import press_guard
from ui.pages.workstation import WorkstationPage

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    # the presses below must land within the hold however slowly CI's shared machine runs: the hold is longer here
    monkeypatch.setattr(press_guard, "SETTLE_MS", 2500)
    Translations().apply("en")  # the sentences are read in English, whatever an earlier test left installed
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        exercise = started_session(session, tmp_path)
        trainer, worker = accounts.get_user(session, "trainer"), accounts.get_user(session, "case-worker")
        exercises.assign(session, trainer, exercise, "investigator", worker)
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)  # the referral: the investigator's first stage opens
    db.dispose()
    return url


def at_role(qtbot, window: MainWindow) -> WorkstationPage:  # type: ignore[no-untyped-def]
    """The investigator's role at this window (the case worker shares it), past its briefing."""
    window.exercises.show_workstation("drill", "investigator")
    page = window.exercises.workstation()
    qtbot.waitUntil(lambda: page.state() in ("briefing", "choosing"), timeout=5000)
    if page.state() == "briefing":
        page.begin_button.click()
    assert (page.state(), page.station.step) == ("choosing", 1)
    return page


def press_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The key 1, as the trainee presses it: to whatever has the keyboard focus."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_1)


def activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def decisions(url: str) -> list[tuple[int | None, str | None]]:
    db = Database(url)
    with db.reading() as session:
        rows = exercises.events(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
        people = {user.id: user.username for user in (accounts.get_user(session, name) for name in ("investigator", "case-worker"))}
        made = [(row.step, people.get(row.user_id or 0)) for row in rows if row.kind == "decision" and row.role == "investigator"]
    db.dispose()
    return made


def test_a_key_pressed_just_after_another_workstation_moved_the_role_on_is_not_recorded(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    sari = at_role(qtbot, window_for(qtbot, tmp_path, url, "investigator", live=False))
    rina_window = window_for(qtbot, tmp_path, url, "case-worker")  # hears the other workstations' changes
    rina = at_role(qtbot, rina_window)
    activate(qtbot, rina_window)
    sari.choose(2)  # "Take the statement now": the role moves on to the statement stage
    qtbot.waitUntil(lambda: rina.station.step == 2, timeout=int(WITHIN * 1000))  # Rina's window catches up on its own
    assert rina.press_guard.holding()
    press_one(qtbot)  # meant for the stage she had read ("A referral arrives."), not the one now shown
    qtbot.wait(200)
    press_one(qtbot)
    assert rina.station.step == 2
    assert decisions(url) == [(1, "investigator")]
    banner = rina.banner.text()
    assert "Trainee investigator took decision 1 at " in banner
    assert "Your press was not recorded: Trainee investigator had just taken decision 1 for your role" in banner
    assert banner.count("Your press was not recorded") == 1  # said once, however many presses
    assert rina_window.statusBar().currentMessage() == rina.notice().replace("\n", " ")
    # a click where a choice is takes nothing either while the choices are held
    button = rina._choice_buttons[0]
    assert not button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert decisions(url) == [(1, "investigator")]
    # once she could have read the new stage the choices take presses again, the first one focused
    qtbot.waitUntil(lambda: not rina.press_guard.holding(), timeout=6000)
    assert rina._choice_buttons[0].isEnabled()
    assert QApplication.focusWidget() is rina._choice_buttons[0]
    press_one(qtbot)
    qtbot.waitUntil(lambda: rina.station.step == 3, timeout=5000)
    assert "Decision 2 recorded." in rina.banner.text()
    assert decisions(url) == [(1, "investigator"), (2, "case-worker")]


def test_keys_queued_before_the_window_caught_up_are_not_recorded_on_the_new_stage(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    rina_window = window_for(qtbot, tmp_path, url, "case-worker", live=False)  # a window that has not caught up yet
    rina = at_role(qtbot, rina_window)
    activate(qtbot, rina_window)
    db = Database(url)
    with db.transaction() as session:
        decide(session, "investigator", "drill", "investigator", 2)  # decided at another workstation
    db.dispose()
    press_one(qtbot)  # the page still shows decision 1: the service refuses it, and the page moves on saying who decided
    qtbot.waitUntil(lambda: rina.station.step == 2, timeout=5000)
    press_one(qtbot)  # the second press, 0.2 s later: it lands on the page just shown, so it is held
    assert decisions(url) == [(1, "investigator")]
    banner = rina.banner.text()
    assert "has moved on: decision 1, at the stage “" in banner  # the stage the press answered, and who took it (walk G, 23)
    assert "was already taken by Trainee investigator, so yours was not recorded" in banner
    assert "Trainee investigator took decision 1 at " in banner
    assert "Your press was not recorded: Trainee investigator had just taken decision 1 for your role" in banner
