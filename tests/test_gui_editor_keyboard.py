"""The editor's canvas by keyboard: Ctrl+arrow keys move the selected stage(s), one undoable step per burst."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tests.test_gui_editor import copied_case, window  # noqa: F401 - the editor's window fixture

from ui.main_window import MainWindow
from ui.widgets.node_nudge import BIG_STEP, STEP

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_arrows_move_the_selected_stage_as_one_undoable_step(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    view = page.graph
    original = copy.deepcopy(page.document.data)
    page.select("casework")
    view.select_node("casework")
    view.setFocus()
    x, y = view.node_position("casework")
    for _ in range(3):  # Ctrl held down: QTest's keyClick would release it after each press
        qtbot.keyPress(view, Qt.Key.Key_Right, CTRL)
    qtbot.keyPress(view, Qt.Key.Key_Down, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Shift: a bigger step
    assert view.node_position("casework") == pytest.approx((x + 3 * STEP, y + BIG_STEP))
    assert page.undo_stack.count() == 0  # the burst is not over while Ctrl is held
    qtbot.keyRelease(view, Qt.Key.Key_Control)
    assert page.undo_stack.count() == 1  # four presses, one step to undo
    layout = page.document.stages["casework"]["layout"]
    assert (layout["x"], layout["y"]) == pytest.approx((x + 3 * STEP, y + BIG_STEP))
    assert page.document.validate().ok
    qtbot.keyPress(view, Qt.Key.Key_Left, CTRL)  # a second burst, ended by the pause
    qtbot.waitUntil(lambda: page.undo_stack.count() == 2, timeout=3000)
    assert page.document.stages["casework"]["layout"]["x"] == pytest.approx(x + 2 * STEP)
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert page.document.data == original
    assert view.node_position("casework") == pytest.approx((x, y))


def test_arrows_alone_still_move_the_focus_ring_not_the_stage(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    view = page.graph
    view.select_node("intake")
    view.setFocus()
    before = view.positions()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.focused_node() not in (None, "intake")
    assert view.positions() == before
    assert page.undo_stack.count() == 0
