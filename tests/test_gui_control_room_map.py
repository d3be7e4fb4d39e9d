"""The control room's pathway map with every role at its end (walk F, finding 12), in both languages: every role's
name and every agency's name whole on the map (never "Labour inspector, provincial manpower o…"), each role on a line
of its own under the step it stands at, and the map opening (and following the roles) where it shows the most of
them, not at the pathway's start."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QFontMetricsF

from tests.exercise_gui import migrated, window_for
from tests.team_session import ROUTES, play_on, played

from ui.widgets.graph_items import MARK, NAME_LINES, NAME_PADDING, NAMES_WIDTH, wrap
from ui.widgets.graph_view import nodes_in_sight
from ui.widgets.team_map import lead

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url, most=4, end=False)  # every role a few decisions in, the session running
    return url


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_map_names_every_role_whole_and_opens_on_the_roles(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.context.set_language(language)
    window.resize(1366, 768)
    window.exercises.show_control_room("drill")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    room.body.setCurrentIndex(1)  # the trainer watches the Pathway tab while the roles play on to their ends
    qtbot.wait(50)
    play_on(url, ROUTES)
    room.refresh()
    qtbot.waitUntil(lambda: all(state.finished for state in room.room.roles), timeout=10_000)
    qtbot.wait(50)
    view = room.map.view
    names = [room.roles.item(row, 0).text() for row in range(room.roles.rowCount())]
    drawn = dict(view._nodes)
    marked = [line for item in drawn.values() for line in item.lines if line.startswith(MARK)]
    assert not any(line.endswith("…") for item in drawn.values() for line in item.lines if MARK in "".join(item.lines)), marked
    for name in names:  # each role whole, on lines of its own after its mark
        assert any(" ".join(item.lines).count(f"{MARK} {lead(name)}") for item in drawn.values()), name
    metrics = QFontMetricsF(room.map.view._lanes.name_font)
    for lane in room.map.view._lanes.lanes:  # every agency's name whole in the names column
        lines = wrap(lane.name, metrics, NAMES_WIDTH - 2 * NAME_PADDING, NAME_LINES)
        assert not lines[-1].endswith("…"), lane.name
    standing = {state.node for state in room.room.roles if state.node}
    assert len(standing) >= 2
    sight = set(nodes_in_sight(view))
    assert len(standing & sight) >= 2, (standing, sight)  # followed the roles: not just the start's one role
    view.fit()  # as the map opens (and 0 fits again)
    sight = set(nodes_in_sight(view))
    assert len(standing & sight) >= 2, (standing, sight)
