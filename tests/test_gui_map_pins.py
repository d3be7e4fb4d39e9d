"""The pathway map never hides part of itself: the agencies' column and the phases' band stay pinned while it
scrolls, but no node is left half under the column, no lane half under the band, no phase name cut to a
fragment, no blank strip left of the column; and the minimap sits in a strip of its own under the map,
never over a node. Checked at each step of a case in the player, at its end, and in the debrief, at 1366x768."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST

from ui.main_window import MainWindow
from ui.widgets.graph_items import NAMES_WIDTH
from ui.widgets.graph_view import GraphView

pytestmark = pytest.mark.gui


def problems(view: GraphView, where: str) -> list[str]:
    """What the pinned names hide by half, and a minimap over the map."""
    lanes = view._lanes
    assert lanes is not None
    found = []
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    if view.sceneRect().left() < lanes.boundingRect().left() - 0.5:
        found.append(f"{where}: a blank strip left of the agencies' column")
    under, edge = shown.top() + lanes.header, shown.left() + NAMES_WIDTH
    for lane in lanes.lanes:
        if lane.top + 1 < under < lane.bottom - 1:
            found.append(f"{where}: lane {lane.name!r} half under the phases' names")
    for node, item in view._nodes.items():
        box: QRectF = item.sceneBoundingRect()
        if box.left() + 1 < edge < box.right() - 1 and box.bottom() > under and box.top() < shown.bottom():
            found.append(f"{where}: node {node!r} half under the agencies' names")
    minimap = view.minimap
    if minimap is not None and minimap.isVisible() and minimap.geometry().intersects(view.viewport().geometry()):
        found.append(f"{where}: the minimap is over the map")
    return found


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.resize(1366, 768)
    window.sign_in("demo-trainee", "demo-trainee")
    return window


def test_the_pathway_map_hides_nothing_by_half_from_start_to_debrief(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.home_page().start_button.click()
    player = window.player_page()
    player.warning_continue.click()
    player.side.setCurrentIndex(1)
    QApplication.processEvents()
    found = problems(player.trail_map, "start")
    for step, number in enumerate(BEST, 1):
        if player.state() == "feedback":
            player.feedback_continue.click()
        if player.state() == "end":
            break
        player.choose(number)
        QApplication.processEvents()
        found += problems(player.trail_map, f"after choice {step}")
    if player.state() == "feedback":
        player.feedback_continue.click()
    assert player.state() == "end"
    QApplication.processEvents()
    found += problems(player.trail_map, "end")
    player.end_button.click()
    debrief = window.debrief_page()
    debrief.tabs.setCurrentWidget(debrief.pathway_panel)
    QApplication.processEvents()
    view = debrief.pathway_map
    found += problems(view, "debrief")
    assert view.minimap is not None
    for node in view.reading_order():  # the map walked node by node, as by keyboard
        view.select_node(node)
        QApplication.processEvents()
        found += problems(view, f"debrief at {node}")
    assert found == [], "\n".join(found)


def test_the_editors_minimap_is_never_over_a_stage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tipcase import bundled

    window.sign_out()
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_editor(bundled.bundled_dir() / "returnee-domestic-violence.yaml")
    view = window.editor_page().graph
    QApplication.processEvents()
    minimap = view.minimap
    assert minimap is not None
    assert minimap.isVisible()  # the case overflows the canvas
    assert not minimap.geometry().intersects(view.viewport().geometry())
    assert minimap.geometry().right() <= view.width()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to the bottom: the lowest stage is still above the minimap
    QApplication.processEvents()
    assert not minimap.geometry().intersects(view.viewport().geometry())
    for _ in range(6):
        view.zoom(0.5)  # until the whole case fits: the minimap and its strip are gone
    QApplication.processEvents()
    assert not minimap.isVisible()
    assert view.viewportMargins().bottom() == 0
