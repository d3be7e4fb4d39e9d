"""The Tab chain of the trainee's pages: every control it reaches is named for a screen reader, and Tab
always leaves a control and comes back round (no trap), on sign-in, home, each state of the player and
the debrief."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui import make_context, open_window, seeded_url
from tests.records import CASE, route
from tests.test_gui_trainee_day import activate, digit, focused, press, sign_in_by_keys

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says: the accessible name given, else Qt's (a button's text, a field's buddy label).

    (On Linux Qt names a combo box by its current text and leaves its label to a relation, so the
    name given comes first.)
    """
    if widget.accessibleName():
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def walk(qtbot, start: QWidget, limit: int = 60) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press Tab from ``start`` until the focus comes back to it; fail on a trap or a chain that never closes."""
    assert focused() is start, f"{start} should have the focus, {focused()} has it"
    chain = [start]
    for _ in range(limit):
        before = focused()
        press(qtbot, Qt.Key.Key_Tab)
        now = focused()
        assert now is not before, f"Tab is trapped in {type(before).__name__} {accessible_name(before)!r}"
        if now is start:
            return chain
        chain.append(now)
    pytest.fail("Tab never came back to where it started: " + ", ".join(type(w).__name__ for w in chain))


def check_chain(qtbot, start: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    chain = walk(qtbot, start)
    names = [accessible_name(widget) for widget in chain]
    unnamed = [type(w).__name__ for w, name in zip(chain, names, strict=True) if not name.strip()]
    assert not unnamed, f"unnamed controls in the Tab chain: {unnamed}"
    assert all(widget.isVisible() for widget in chain)
    backwards = focused()
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is chain[-1] or len(chain) == 1, "Shift+Tab goes back the same way"
    focused().setFocus() if backwards is None else backwards.setFocus()
    return names


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.resize(1366, 768)
    activate(qtbot, window)
    return window


def test_the_focus_chain_of_every_trainee_page(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    names = check_chain(qtbot, page.username)
    assert names == ["Username", "Password", "Language", "Sign in"]
    sign_in_by_keys(qtbot, window)
    home = window.home_page()
    names = check_chain(qtbot, home.tree)
    assert names[0] == "Courses and cases"
    assert "Start" in names
    press(qtbot, Qt.Key.Key_Return)
    player = window.player_page()
    assert check_chain(qtbot, player.warning_continue) == ["Continue to the case", "Back to my courses"]
    press(qtbot, Qt.Key.Key_Return)
    names = check_chain(qtbot, player._choice_buttons[0])
    assert player.play is not None
    assert names[0].startswith(f"1. {player.play.offered()[0].choice.label.get('en')}")  # the first choice, by its number
    assert {"Stage", "Case file", "Exhibit"} <= set(names)
    assert player.text.toPlainText() in player._choice_buttons[0].accessibleDescription()
    # care first, then screening in the clinic corridor, then naming him a suspect (a critical error)
    route_ = route(CASE, {"medical": "Screen him now", "non-punishment": "Name him a suspect"})
    press(qtbot, digit(route_[0]))
    names = check_chain(qtbot, player.feedback_continue)
    assert names[0] == "Continue"
    assert "Good practice" in player.feedback_continue.accessibleDescription()
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, digit(route_[1]))
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, digit(route_[2]))
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, digit(route_[3]))  # a critical error ends the case
    press(qtbot, Qt.Key.Key_Return)
    assert check_chain(qtbot, player.end_button)[0] == "See the debrief"
    press(qtbot, Qt.Key.Key_Return)
    debrief = window.debrief_page()
    names = check_chain(qtbot, debrief.decision_list)
    assert names[0] == "Your decisions"
    assert {"Feedback on the decision", "Debrief views", "Percent per competency", "Back to my courses"} <= set(names)
    assert "Not passed" in debrief.decision_list.accessibleDescription()  # the verdict is read with the list
    assert QApplication.focusWidget() is not None
