"""The control room at the default window size (1366x768), in both languages, for the bundled five-role case in
the middle of a session (walkthrough findings 7 and 17): every role's row in sight and every cell whole (the
roles, the trainees, where each stands); the map says where the roles are to the trainer who watches them (not
"You are here") and opens readable (labels of 9 points at the least); and the joint debrief is open or closed by one rule, the same in
the control room, the sessions list and a trainee's workstation, saying why when it is closed."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tests.exercise_gui import migrated, window_for
from tests.gui import make_context, open_window
from tests.team_session import ROUTES, play_on, played
from tipcase.services.debrief_access import debrief_closed

from ui.widgets.graph_view import nodes_in_sight
from ui.widgets.map_legend import entry_text
from ui.widgets.map_style import SMALLEST_ON_SCREEN

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url, ROUTES, most=4, end=False)  # every role up to four decisions in, or waiting for a hand-over
    return url


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_control_room_shows_five_roles_whole_at_1366x768(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.resize(1366, 768)
    window.exercises.show_control_room("drill")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    qtbot.wait(50)
    table = room.roles
    assert table.rowCount() == 5
    viewport = table.viewport().rect()
    for row in range(5):  # every role in sight, none under a scroll bar
        cell = table.visualRect(table.model().index(row, 5))
        assert viewport.contains(cell), f"row {row} not in sight"
    assert not table.verticalScrollBar().isVisible()
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    for column in range(6):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), table.horizontalHeaderItem(column).text()
        if column != 2:  # each column as wide as its widest cell
            assert table.columnWidth(column) >= table.sizeHintForColumn(column), table.horizontalHeaderItem(column).text()
    metrics, width = table.fontMetrics(), room.roles_wrap.text_width(2)
    for row in range(5):  # where a role stands: wrapped whole in its row
        item = table.item(row, 2)
        font = item.font()
        needed = type(metrics)(font).boundingRect(0, 0, width, 100_000, int(Qt.TextFlag.TextWordWrap), item.text()).height()
        assert table.rowHeight(row) >= needed, item.text()
    # the master log: the number, time and who whole, however long a name arrives later
    play_on(url, ROUTES)  # every role on to the end: the prosecutor's decisions arrive (theresia, the longest name)
    room.refresh()
    log = room.log_view
    qtbot.waitUntil(lambda: log.model().rowCount() > 40, timeout=10_000)
    log.scrollToBottom()
    for column in (0, 1, 3):
        assert log.columnWidth(column) >= log.sizeHintForColumn(column), column
    # the map: the roles in the observer's words, readable as it opens (walk D, finding 6: labels of 9 points at the
    # least, not the whole pathway squeezed into the pane), with a node where a role stands in sight
    legend = room.map.legend.accessibleDescription()
    assert entry_text("team-current") in legend
    assert entry_text("current") not in legend
    assert entry_text("trail") not in legend
    view = room.map.view
    view.fit()
    assert view.label_points() >= SMALLEST_ON_SCREEN - 0.01
    standing = {state.node for state in room.room.roles if state.node}
    assert standing & set(nodes_in_sight(view))


def test_one_rule_opens_the_joint_debrief_everywhere(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.exercises.show_control_room("drill")
    room = trainer.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    trainer.exercises.show_list()
    sessions = trainer.exercises.list_page()
    qtbot.waitUntil(lambda: sessions.table.rowCount() == 1, timeout=10_000)
    # the session runs: the trainer follows the debrief from the control room and from the list alike
    assert room.debrief_button.isEnabled()
    assert sessions.debrief_button.isEnabled()
    # a trainee who plays in it waits for the end, and is told so beside the button
    (tmp_path / "dewi").mkdir()
    trainee = open_window(qtbot, make_context(tmp_path / "dewi", url))
    trainee.sign_in("dewi", "password-trainee-1")
    trainee.exercises.show_list()
    theirs = trainee.exercises.list_page()
    qtbot.waitUntil(lambda: theirs.table.rowCount() == 1, timeout=10_000)
    closed = debrief_closed("running", role="trainee")
    assert closed is not None
    assert not theirs.debrief_button.isEnabled()
    assert theirs.debrief_button.toolTip() == str(closed)
    assert theirs.debrief_hint.text() == str(closed)
    assert debrief_closed("draft", role="trainer") is not None
    assert debrief_closed("ended", role="trainee") is None
