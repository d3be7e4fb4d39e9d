"""The trainee's day by keyboard: focus on each page's main control, a whole case by keys after a crash,
the content warning alone, ratings in words kept across a resume, the end screen and the sign-in's messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, CASE, route

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def url(tmp_path: Path) -> str:
    return seeded_url(tmp_path)


def activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Make the window the active one, so that keys go where the focus is (as on a desktop)."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, text: str = "") -> None:  # type: ignore[no-untyped-def]
    """A key typed by a person: it goes to whatever has the focus."""
    qtbot.keyClick(focused(), key)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)


def digit(number: int) -> Qt.Key:
    return Qt.Key(Qt.Key.Key_0.value + number)


def sign_in_by_keys(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    assert focused() is page.first_empty_field()
    if focused() is page.username:
        type_text(qtbot, "demo-trainee")
        press(qtbot, Qt.Key.Key_Return)
    assert focused() is page.password
    type_text(qtbot, "demo-trainee")
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_page() is window.home_page()


def test_a_whole_case_by_keyboard_after_a_crash(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, make_context(tmp_path, url))
    activate(qtbot, first)
    sign_in_by_keys(qtbot, first)
    home = first.home_page()
    assert focused() is home.tree
    press(qtbot, Qt.Key.Key_Return)  # starts the selected case
    player = first.player_page()
    assert player.state() == "warning"
    assert focused() is player.warning_continue
    press(qtbot, Qt.Key.Key_Return)  # Enter accepts the warning
    for number in BEST[:3]:
        assert player.state() == "choosing"
        assert focused() is player._choice_buttons[0]
        press(qtbot, digit(number))
        assert player.state() == "feedback"
        assert focused() is player.feedback_continue
        press(qtbot, Qt.Key.Key_Return)  # Enter presses Continue
    # the workstation dies mid-case: the window goes without finishing, another opens on the same records
    first.close()
    (tmp_path / "restarted").mkdir()
    second = open_window(qtbot, make_context(tmp_path / "restarted", url))
    activate(qtbot, second)
    sign_in_by_keys(qtbot, second)
    assert second.home_page().start_button.text() == "&Resume"
    press(qtbot, Qt.Key.Key_Return)
    player = second.player_page()
    assert player.state() == "feedback"  # the last choice's feedback, as it was on screen
    assert "Good practice" in player.feedback_text.text()
    assert focused() is player.feedback_continue
    press(qtbot, Qt.Key.Key_Space)  # Space presses the focused button: Continue, never My courses
    assert second.current_page() is player
    for position, number in enumerate(BEST[3:]):
        assert player.state() == "choosing"
        if position % 2:
            press(qtbot, digit(number))  # a choice by its number
        else:
            assert focused() is player._choice_buttons[0]  # each stage starts on its first choice
            for _ in range(number - 1):
                press(qtbot, Qt.Key.Key_Tab)  # Tab walks the choices in order
            assert focused() is player._choice_buttons[number - 1]
            press(qtbot, Qt.Key.Key_Space)  # or by the focused choice button
        assert player.state() == "feedback"
        press(qtbot, Qt.Key.Key_Return if position % 2 else Qt.Key.Key_Space)
    assert player.state() == "end"
    assert focused() is player.end_button
    press(qtbot, Qt.Key.Key_Return)  # See the debrief
    debrief = second.debrief_page()
    assert second.current_page() is debrief
    assert focused() is debrief.decision_list
    assert "Passed" in debrief.verdict.text()
    assert debrief.decisions.rowCount() == len(BEST)


def test_keys_reach_the_choices_wherever_the_focus_is_in_the_player(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url))
    activate(qtbot, window)
    sign_in_by_keys(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    player = window.player_page()
    press(qtbot, Qt.Key.Key_Return)
    player.exhibit_list.setFocus()
    press(qtbot, digit(BEST[0]))  # from the case file
    assert player.state() == "feedback"
    player.text.setFocus()
    press(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter, from the stage text: the state's button
    assert player.state() == "choosing"
    press(qtbot, Qt.Key.Key_9)  # not offered: nothing happens
    assert player.state() == "choosing"
    assert player.play is not None
    assert len(player.play.decisions) == 1


def test_the_content_warning_is_alone_until_accepted(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url))
    activate(qtbot, window)
    sign_in_by_keys(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    player = window.player_page()
    assert player.warning.isVisible()
    assert "forced labour" in player.warning.panel.body.text()
    for hidden in (player.text, player.choices_box, player.exhibit_list, player.side, player.stage_title, player.clock):
        assert not hidden.isVisible(), hidden  # nothing of the case can be read yet
    assert "forced labour" in player.warning_continue.accessibleDescription()  # read with the focused button
    press(qtbot, Qt.Key.Key_Return)
    assert not player.warning.isVisible()
    assert player.text.isVisible()
    assert player.choices_box.isVisible()


def test_each_choice_is_rated_in_words_and_the_end_says_the_outcome(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url))
    activate(qtbot, window)
    sign_in_by_keys(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    player = window.player_page()
    press(qtbot, Qt.Key.Key_Return)
    arrival = player.text.toPlainText()
    assert arrival in player._choice_buttons[0].accessibleDescription()  # the stage is read with the focused choice
    # care first, then screening in the clinic corridor (a point lost), then naming him a suspect (a critical error)
    corridor = route(CASE, {"medical": "Screen him now", "non-punishment": "Name him a suspect"})
    press(qtbot, digit(corridor[0]))
    assert "Good practice" in player.feedback_text.text()
    assert player.text.toPlainText() == arrival  # the feedback shows over the stage where the choice was taken
    assert "Good practice" in player.feedback_continue.accessibleDescription()
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, digit(corridor[1]))  # screening in the clinic corridor: loses a point
    assert "Poor" in player.feedback_text.text()
    window.language_actions["id"].trigger()
    assert "Buruk" in player.feedback_text.text()
    window.language_actions["en"].trigger()
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, digit(corridor[2]))
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, digit(corridor[3]))  # name him a suspect: a critical error, and the case ends
    assert "Critical error" in player.feedback_text.text()
    press(qtbot, Qt.Key.Key_Return)
    assert player.state() == "end"
    assert player.ending.isVisible()
    assert "The case has ended: not passed." in player.ending.body.text()
    assert "ending: failure." in player.ending.body.text()  # the story's ending, after the verdict
    assert "Dimas is charged with fraud" in player.text.toPlainText()  # the last stage's own text
    assert "Dimas is charged with fraud" in player.end_button.accessibleDescription()
    assert focused() is player.end_button
    press(qtbot, Qt.Key.Key_Return)
    debrief = window.debrief_page()
    assert "Not passed" in debrief.verdict.text()
    labels = [debrief.decisions.data(debrief.decisions.index(row)) for row in range(debrief.decisions.rowCount())]
    assert [label.split(" ")[0] for label in labels] == ["✓", "✗", "✓", "‼"]  # the same ratings as the player's
    # what was earned stays in view: a critical error fails the attempt, not every competency
    assert "Victim identification: 100 %" in debrief.chart.accessibleDescription()


def test_sign_in_focuses_the_first_empty_field_and_keeps_no_stale_message(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url))
    activate(qtbot, window)
    page = window.sign_in_page
    assert focused() is page.username  # nothing remembered: the username is the first empty field
    press(qtbot, Qt.Key.Key_Return)
    assert page.status.text() == "Type your username."
    assert focused() is page.username
    type_text(qtbot, "demo-trainee")
    assert page.status.text() == ""  # typing made the message untrue
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "wrong")
    press(qtbot, Qt.Key.Key_Return)
    assert page.status.text() == "Wrong username or password."
    page.username.setFocus()
    page.username.selectAll()
    press(qtbot, Qt.Key.Key_Delete)  # an empty username now
    assert page.status.text() == ""
    page.password.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert page.status.text() == "Type your username."
    assert focused() is page.username  # where it can be put right
    type_text(qtbot, "demo-trainee")
    page.password.clear()
    press(qtbot, Qt.Key.Key_Return)  # Enter in the username goes on to the password
    assert focused() is page.password
    press(qtbot, Qt.Key.Key_Return)
    assert page.status.text() == "Type your password."
    assert focused() is page.password


def test_the_chart_keeps_what_was_earned_when_penalties_take_it(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import PATHWAY
    from tests.test_scoring import CASE
    from tipcase.format.validator import check_file
    from tipcase.play.engine import Play

    from ui.pages.debrief import DebriefPage

    (tmp_path / "pathways").mkdir()
    (tmp_path / "pathways" / "mini.yaml").write_text(PATHWAY, encoding="utf-8")
    (tmp_path / "hand.yaml").write_text(CASE, encoding="utf-8")
    checked = check_file(tmp_path / "hand.yaml")
    assert checked.scenario is not None
    play = Play(checked.scenario, checked.pathway)
    play.replay([2, 1])  # questioning (identification +1), then detaining: identification -2, a critical error
    page = DebriefPage(make_context(tmp_path, url))
    qtbot.addWidget(page)
    page._show_competencies(play)
    described = page.chart.accessibleDescription()
    assert "Identification: 0 % (Earned, then lost to mistakes: 33.3 %)" in described  # earned stays in view
    assert "Identification: earned 33.3 %, counted 0 % (lost 2 points)" in page.summary.toPlainText()


def test_what_comes_into_the_case_file_is_shown(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url))
    activate(qtbot, window)
    sign_in_by_keys(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    player = window.player_page()
    press(qtbot, Qt.Key.Key_Return)
    assert player.exhibits.rowCount() == 1
    press(qtbot, digit(BEST[0]))  # to the airport clinic, which reveals the doctor's note
    assert player.exhibits.rowCount() == 1  # the feedback shows over the stage where the choice was taken
    press(qtbot, Qt.Key.Key_Return)
    assert player.exhibits.rowCount() == 2
    assert player.exhibit_list.currentIndex().row() == 1
    assert "Airport clinic note" in player.exhibit_view.toPlainText()
