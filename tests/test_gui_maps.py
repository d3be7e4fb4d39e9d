"""The maps a trainee and a trainer read, in a window of 1366x768: the pathway trail in the player, the debrief's
route and pathway, the editor's canvas.

Each map: labels at least 9 points at the default zoom, the route fitted on open and on 0, the zoom kept between
choices, a legend whose entries are exactly what the map draws (with the map's own pens), nodes reachable one by
one with the keyboard and named to a screen reader, and a text equivalent that follows the focus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, CASE, route
from tests.test_gui_trainee import play_with_clicks, sign_in
from tipcase import bundled

from ui.main_window import MainWindow
from ui.models.map_steps import NODE_ROLE
from ui.widgets.graph_view import GraphView, nodes_in_sight
from ui.widgets.map_legend import MapLegend, legend_keys, sample
from ui.widgets.map_style import SMALLEST_ON_SCREEN, map_colours, node_look

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.resize(1366, 768)
    QApplication.processEvents()
    return window


def label_points(view: GraphView) -> float:
    """The size node titles are drawn at on screen, in points: their font's size times the view's zoom."""
    item = next(iter(view._nodes.values()))
    return item._font.pointSizeF() * view.transform().m11()


def on_route(view: GraphView) -> set[str]:
    return {node for node in view.node_ids() if view._nodes[node].spec.state}


def assert_route_fitted(view: GraphView, anchor: str | None = None) -> None:
    """The whole route is in sight, or, when it cannot be at a readable size, the view is at that size and shows
    ``anchor`` (where the trainee is, else the route's first node)."""
    assert label_points(view) >= SMALLEST_ON_SCREEN - 1e-6
    route = on_route(view) or set(view.node_ids())
    if route <= set(nodes_in_sight(view)):
        return
    assert label_points(view) == pytest.approx(SMALLEST_ON_SCREEN)  # as large a part as a readable size allows
    first = anchor or next(node for node in view.reading_order() if node in route)
    assert first in nodes_in_sight(view)


def look(pen: QPen) -> tuple[str, tuple[float, ...]]:
    """What tells two lines apart on screen: the colour and the dashes (a width is a share on the heat map)."""
    return pen.color().name(), tuple(pen.dashPattern()) if pen.style() != Qt.PenStyle.SolidLine else ()


def assert_legend_explains(view: GraphView, legend: MapLegend) -> None:
    """The legend lists exactly what the map draws, and every line and node on the map looks like a legend sample."""
    styles = view.drawn_styles()
    assert legend.entries == legend_keys(styles, words=legend.words)
    assert legend.entries
    palette = map_colours()
    samples = [sample(key, palette) for key in legend.entries]
    lines = {look(pen) for s in samples if s.line is not None for pen in s.line if pen is not None}
    borders = {look(s.box[0]) for s in samples if s.box is not None}
    fills = {s.box[1].name() for s in samples if s.box is not None}
    plain_border, plain_fill = node_look("normal", "", palette)  # a node nothing happened at needs no entry
    for edge in view._edges.values():
        assert look(edge.line_pen) in lines, (edge.spec, legend.entries)
        if edge.overlay is not None:
            assert look(edge.overlay) in lines, edge.spec
    for node in view._nodes.values():
        border, fill = node_look(node.spec.kind, node.spec.state, palette)
        assert look(border) in borders | {look(plain_border)}, node.spec
        assert fill.name() in fills | {plain_fill.name()}, node.spec
    description = legend.accessibleDescription()
    assert description.count(";") == len(legend.entries) - 1  # a screen reader reads every entry


def test_the_trail_is_readable_fitted_and_keeps_its_zoom_between_choices(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    play_with_clicks(qtbot, window, BEST[:2])
    player = window.player_page()
    player.side.setCurrentIndex(1)
    QApplication.processEvents()
    view, panel = player.trail_map, player.trail_panel
    assert label_points(view) >= SMALLEST_ON_SCREEN
    current = next(node for node in view.node_ids() if view._nodes[node].spec.state == "current")
    assert_route_fitted(view, current)  # the whole trail so far on open, as far as 9 points allow
    assert_legend_explains(view, panel.legend)
    assert set(panel.legend.entries) == {"trail", "current", "plain-referral"}
    rows = [panel.steps.index(row).data() for row in range(panel.steps.rowCount())]
    assert rows[0] == "Your trail so far"
    assert len(rows) == 1 + len(on_route(view))

    view.zoom(1.3)
    view.centerOn(view._nodes[current])
    zoomed = view.transform().m11()
    play_with_clicks(qtbot, window, BEST[2:3])
    assert view.transform().m11() == pytest.approx(zoomed)  # the trainee's zoom survives the choice
    now = next(node for node in view.node_ids() if view._nodes[node].spec.state == "current")
    assert now in nodes_in_sight(view)  # and where the trail went is in sight

    qtbot.mouseClick(player._choice_buttons[BEST[3] - 1], Qt.MouseButton.LeftButton)
    assert player.feedback.isVisible()
    view.setFocus()
    view.focus_node(now)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # on the trail a node does nothing: Enter stays the page's Continue
    assert not player.feedback.isVisible()
    now = next(node for node in view.node_ids() if view._nodes[node].spec.state == "current")

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert_route_fitted(view, now)  # 0 fits the trail again
    assert view.transform().m11() != pytest.approx(zoomed)


def test_the_debrief_maps_read_by_eye_by_keyboard_and_as_a_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    play_with_clicks(qtbot, window, route(CASE, {"medical": "Screen him now"}))  # a poor second choice: the routes part
    qtbot.mouseClick(window.player_page().end_button, Qt.MouseButton.LeftButton)
    debrief = window.debrief_page()
    for tab, panel, trail in ((1, debrief.route_panel, False), (2, debrief.pathway_panel, True)):
        debrief.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        view = panel.view
        assert label_points(view) >= SMALLEST_ON_SCREEN, tab
        assert_legend_explains(view, panel.legend)
        trail_words, route_words = {"trail", "best-trail", "plain-referral"}, {"route", "best", "plain"}
        assert not set(panel.legend.entries) & (route_words if trail else trail_words)  # a pathway speaks of trails
        assert "both" in panel.legend.entries
        qtbot.keyClick(view, Qt.Key.Key_Plus)
        qtbot.keyClick(view, Qt.Key.Key_0)  # fitted again: the route from its start, never below 9 points
        assert_route_fitted(view)

    # the route by keyboard: node by node, each named, the list following, Enter showing the decision there
    debrief.tabs.setCurrentIndex(1)
    view, panel = debrief.route_map, debrief.route_panel
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    first = view.focused_node()
    assert first == view.reading_order()[0] == "arrival"
    assert view.accessibleName().startswith(view.describe("arrival"))
    assert "On your route, step 1." in view.accessibleName()
    assert panel.step_list.currentIndex().data(NODE_ROLE) == "arrival"
    visited = [first]
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        visited.append(view.focused_node())
    assert len(set(visited)) == 5  # each press a new node
    xs = [view.positions()[node][0] for node in visited]
    assert xs == sorted(xs)
    target = next(node for node in visited[1:] if panel.steps.rows_of(str(node)))
    view.focus_node(target)
    assert panel.step_list.currentIndex().data(NODE_ROLE) == target
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.focused_node() is not None
    view.focus_node(target)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    chosen = debrief.debrief.play.decisions[debrief.decision_list.currentIndex().row()]
    assert chosen.stage == target
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.focused_node() == view.reading_order()[-1]

    # the list drives the map: a step chosen there puts the focus ring on its node
    row = panel.steps.rowCount() - 1
    assert panel.step_list.currentIndex().row() != row
    panel.step_list.setCurrentIndex(panel.steps.index(row))
    assert view.focused_node() == panel.steps.index(row).data(NODE_ROLE)


def test_the_pathway_is_a_map_of_agencies_with_a_lane_each(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    play_with_clicks(qtbot, window, BEST)
    qtbot.mouseClick(window.player_page().end_button, Qt.MouseButton.LeftButton)
    debrief = window.debrief_page()
    view = debrief.pathway_map
    pathway = debrief.debrief.play.pathway
    lanes = view._lanes
    assert lanes is not None
    agencies = {window.context.text(node.agency) for node in pathway.nodes.values() if node.agency is not None}
    assert {lane.name for lane in lanes.lanes} == agencies
    for lane in lanes.lanes:
        for node in lane.nodes:
            assert lane.top < view.positions()[node][1] < lane.bottom
    trail = [step.node for step in debrief.debrief.play.trail]
    xs = [view.positions()[node][0] for node in dict.fromkeys(trail)]
    assert xs[-1] > xs[0]  # the steps read left to right across the agencies


def test_the_editor_canvas_is_readable_with_a_legend_and_a_small_minimap(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_editor(bundled.bundled_dir() / "returnee-domestic-violence.yaml")
    page = window.editor_page()
    QApplication.processEvents()
    view = page.graph
    assert label_points(view) >= SMALLEST_ON_SCREEN
    assert_legend_explains(view, page.graph_legend)
    assert {"critical", "start", "choice"} <= set(page.graph_legend.entries)  # a choice, not a "choice not taken"
    minimap = view.minimap
    assert minimap is not None
    assert minimap.isVisible()
    viewport = view.viewport().geometry()
    assert minimap.width() * minimap.height() <= viewport.width() * viewport.height() / 12
    assert minimap.geometry().right() > viewport.center().x()
    assert minimap.geometry().bottom() > viewport.center().y()
    view.zoom(2.0)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert_route_fitted(view, page.document.data["start"])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.focused_node() == page.document.data["start"]
    assert "intake" in view.accessibleName()
