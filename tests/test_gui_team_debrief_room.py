"""The joint debrief gives its lists and its map room at 1366x768 (walk F, finding 10), in both languages.

A team that did not pass has areas to improve: they fold under a button that says how many, so the decisions,
their feedback and the pathway keep their room; the time line shows whole at first above a splitter handle that
can be seen (and says what it does) and dragged to give the lists more room; the map takes the Pathway tab's width.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt

from tests.exercise_gui import migrated, trainers_debrief
from tests.team_session import played

from ui.widgets.folded import MOST_LINES

pytestmark = [pytest.mark.gui]


@pytest.mark.parametrize(("language", "title"), [("en", "Areas to improve"), ("id", "Hal yang perlu diperbaiki")])
def test_the_debrief_folds_its_areas_and_gives_the_lists_room(qtbot, tmp_path: Path, monkeypatch, language: str, title: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url, most=6)  # ended six decisions in: the team did not pass, with areas to improve
    page = trainers_debrief(qtbot, tmp_path, url, language)
    qtbot.wait(50)
    areas = page.view.debrief.areas
    assert len(areas) >= 2
    button = page.areas.button
    assert button.isVisible()
    assert button.text() == f"{title} ({len(areas)})"
    assert not page.areas.label.isVisible()  # folded: the lists keep their room
    assert page.timeline_area.height() >= page.timeline.minimumHeight()  # the time line whole at first
    assert page.decisions.height() >= 150
    assert page.decisions.height() + page.detail.height() >= 280  # was about 170 px with the areas unfolded
    handle = page.body.handle(1)
    assert handle.height() >= 8  # a handle to see and grab
    assert handle.toolTip()
    before = page.decisions.height()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(handle.width() // 2, handle.height() // 2))
    qtbot.mouseMove(handle, QPoint(handle.width() // 2, -120))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(handle.width() // 2, -120))
    qtbot.wait(20)
    assert page.decisions.height() > before + 60  # dragged up: the lists take the time line's room
    button.click()
    assert page.areas.label.isVisible()
    most = MOST_LINES * page.areas.label.fontMetrics().lineSpacing() + 4  # a few lines at most, scrolling (walk H, 11)
    assert page.areas.area.height() <= most
    qtbot.waitUntil(lambda: page.decisions.height() >= 100, timeout=3_000)  # unfolded, the list keeps rows (it was one row high)
    assert page.areas.label.text() == "<br>".join(html.escape(area) for area in areas)  # each area whole, one a line
    button.click()
    assert not page.areas.label.isVisible()
    page.views.setCurrentIndex(1)  # the pathway, a page of its own: readable at 1366 x 768 (walk F, finding 10)
    qtbot.waitUntil(lambda: page.map.view.height() >= 400, timeout=5_000)  # laid out once shown (a loaded machine takes a while)
    assert page.map.view.width() >= page.width() // 2  # was a 540 x 150 px stamp in a tab beside the decisions
