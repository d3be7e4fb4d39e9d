"""The editor's map follows structural edits in place: a stage added, a choice added or retargeted, a stage
deleted or renamed moves no other stage, each undo puts the map back as it was, and *Arrange automatically*
lays the whole map out again as one undoable step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.format.graph_layout import LAYER_GAP, layered_layout

from ui.editor import EditorPage
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
CASE = bundled.bundled_dir() / "returnee-domestic-violence.yaml"


@pytest.fixture
def page(qtbot, tmp_path: Path) -> EditorPage:  # type: ignore[no-untyped-def]
    window: MainWindow = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    case = tmp_path / CASE.name  # a copy: the editor autosaves beside the file it edits
    shutil.copy(CASE, case)
    window.show_editor(case)
    return window.editor_page()


def others_kept(before: dict[str, tuple[float, float]], after: dict[str, tuple[float, float]]) -> None:
    """Every stage drawn before is drawn where it was."""
    assert {stage: after.get(stage) for stage in before} == before


def test_a_stage_added_goes_beside_the_selected_one_and_nothing_else_moves(page: EditorPage) -> None:
    before = page.graph.positions()
    page.select("casework")
    page.edits.add_stage()
    after = page.graph.positions()
    new = next(stage for stage in after if stage not in before)
    assert page.document.stages[new]  # the document has it, the map draws it
    others_kept(before, after)
    x, y = after[new]
    near_x, near_y = before["casework"]
    assert x == pytest.approx(near_x + LAYER_GAP)  # the next column: the step after the selected stage
    assert abs(y - near_y) <= 3 * 96  # a free row near it
    assert all(abs(x - ox) >= LAYER_GAP / 2 or abs(y - oy) >= 95 for stage, (ox, oy) in before.items())  # on no other stage
    page.undo_stack.undo()
    assert page.graph.positions() == before
    page.undo_stack.redo()
    assert page.graph.positions() == after  # redone where it was put


def test_a_stage_deleted_takes_its_node_and_edges_and_undo_puts_them_back(page: EditorPage) -> None:
    before, edges, bends = page.graph.positions(), set(page.graph.edge_pairs()), page.graph.bends()
    page.select("casework")
    page.edits.delete_selected(confirm=False)
    after = page.graph.positions()
    assert "casework" not in after
    others_kept({stage: place for stage, place in before.items() if stage != "casework"}, after)
    assert not any("casework" in pair for pair in page.graph.edge_pairs())
    page.undo_stack.undo()
    assert page.graph.positions() == before
    assert set(page.graph.edge_pairs()) == edges
    assert page.graph.bends() == bends  # long edges pass between the stages again, as before


def test_a_choice_added_and_retargeted_draws_one_edge_and_moves_nothing(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    before, edges = page.graph.positions(), set(page.graph.edge_pairs())
    target = next(stage for stage in before if stage != "intake" and ("intake", stage) not in edges)
    page.select("intake")
    page.edits.add_choice()
    assert set(page.graph.edge_pairs()) == edges  # a new choice leads back to its own stage: no edge yet
    page.choice_form.combo("to").setCurrentText(target)
    page.choice_form.apply()
    assert set(page.graph.edge_pairs()) == edges | {("intake", target)}
    assert page.graph.positions() == before
    page.undo_stack.undo()  # the retargeting
    assert set(page.graph.edge_pairs()) == edges
    page.undo_stack.undo()  # the choice
    assert page.graph.positions() == before
    assert set(page.graph.edge_pairs()) == edges


def test_a_renamed_stage_keeps_its_place_and_its_edges(page: EditorPage) -> None:
    before, edges = page.graph.positions(), set(page.graph.edge_pairs())
    page.edits.rename("casework", "case-work")
    after = page.graph.positions()
    assert after["case-work"] == before["casework"]
    others_kept({stage: place for stage, place in before.items() if stage != "casework"}, after)
    assert set(page.graph.edge_pairs()) == {tuple("case-work" if end == "casework" else end for end in pair) for pair in edges}


def test_arrange_automatically_lays_the_map_out_again_and_undo_puts_it_back(page: EditorPage) -> None:
    laid_out = page.graph.positions()
    page.select("casework")
    page.edits.add_stage()
    page.select("intake")
    page.edits.add_stage()
    placed = page.graph.positions()
    steps = page.undo_stack.count()
    page.edits.arrange_automatically()
    assert page.undo_stack.count() == steps + 1  # one step, even with nothing dragged
    arranged = page.graph.positions()
    stages = page.document.stages
    successors = {stage_id: [c["to"] for c in stage.get("choices") or [] if c.get("to") in stages] for stage_id, stage in stages.items()}
    assert arranged == layered_layout(successors, page.document.data["start"])  # the layered layout, whole
    assert {stage: arranged[stage] for stage in laid_out} == laid_out  # new stages of their own go below the case
    page.undo_stack.undo()
    assert page.graph.positions() == placed
    page.undo_stack.redo()
    assert page.graph.positions() == arranged


def test_arrange_after_a_drag_forgets_every_place_and_draws_the_layered_map_with_its_bends(page: EditorPage) -> None:
    laid_out, bends = page.graph.positions(), page.graph.bends()
    x, y = laid_out["casework"]
    page.edits.move_stages([("casework", x + LAYER_GAP, y + 300.0)])
    assert all("layout" in stage for stage in page.document.stages.values())  # the first drag pins every stage
    dragged, dragged_bends = page.graph.positions(), page.graph.bends()
    assert dragged["casework"] == (x + LAYER_GAP, y + 300.0)
    page.edits.arrange_automatically()
    assert not any("layout" in stage for stage in page.document.stages.values())
    assert page.graph.positions() == laid_out
    assert page.graph.bends() == bends  # long edges pass between the stages again
    page.undo_stack.undo()
    assert page.graph.positions() == dragged
    assert page.graph.bends() == dragged_bends


def drawn_edges(page: EditorPage) -> dict[tuple[str, str], tuple[object, object]]:
    """Each edge as the map paints it: its line's points and its arrow head's, by (source, target)."""
    view = page.graph
    return {key: ([item.path.elementAt(i) for i in range(item.path.elementCount())], list(item.arrow)) for key, item in view._edges.items()}


def plain(
    drawn: dict[tuple[str, str], tuple[object, object]],
) -> dict[tuple[str, str], tuple[list[tuple[float, float]], list[tuple[float, float]]]]:
    return {key: ([(e.x, e.y) for e in line], [(p.x(), p.y()) for p in arrow]) for key, (line, arrow) in drawn.items()}  # type: ignore[attr-defined]


def test_undoing_an_arrangement_paints_every_edge_as_it_was_before(page: EditorPage) -> None:
    x, y = page.graph.positions()["casework"]
    page.edits.move_stages([("casework", x + LAYER_GAP, y + 300.0)])
    page.select("intake")
    page.edits.add_stage()  # a new shape: the arrangement lays the map out again
    before = plain(drawn_edges(page))
    page.edits.arrange_automatically()
    assert plain(drawn_edges(page)) != before
    page.undo_stack.undo()  # the edges are set back as they ran, not routed again
    assert plain(drawn_edges(page)) == before
    page.undo_stack.redo()
    page.undo_stack.undo()
    assert plain(drawn_edges(page)) == before


def test_a_stage_dragged_on_the_map_takes_its_edges_along_while_it_moves(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    view = page.graph
    page.select("casework")
    edges = [key for key in view._edges if "casework" in key]
    assert edges
    before = plain(drawn_edges(page))
    start = view.mapFromScene(*view.node_position("casework"))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(40, 60))
    moving = plain(drawn_edges(page))  # before the drop: the edges already follow the node
    assert all(moving[key] != before[key] for key in edges)
    assert all(moving[key] == before[key] for key in before if "casework" not in key)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 60))


def test_a_stage_dragged_while_the_view_scrolls_takes_its_edges_along(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    """The wheel or a scroll bar moved mid-drag: Qt moves the held stage with the view, and its edges go with it."""
    from PySide6.QtCore import QPoint, Qt

    view = page.graph
    page.select("casework")
    edges = [key for key in view._edges if "casework" in key]
    start = view.mapFromScene(*view.node_position("casework"))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(20, 20))
    held, before = view.node_position("casework"), plain(drawn_edges(page))
    bar = view.horizontalScrollBar()
    assert bar.maximum() > bar.minimum()  # the map is wider than the view
    bar.setValue(bar.value() + 40 if bar.value() + 40 <= bar.maximum() else bar.value() - 40)
    assert view.node_position("casework") != held  # the stage stays under the mouse: it moved in the scene
    scrolled = plain(drawn_edges(page))
    assert all(scrolled[key] != before[key] for key in edges)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(20, 20))


def test_an_arrangement_undone_after_the_labels_changed_routes_its_edges_to_the_boxes_as_they_are(page: EditorPage) -> None:
    x, y = page.graph.positions()["casework"]
    page.edits.move_stages([("casework", x + LAYER_GAP, y + 300.0)])
    before = plain(drawn_edges(page))
    page.edits.arrange_automatically()
    page.case_graph.restyle(page.document)  # the language changed: every node's text, and its box, again
    page.undo_stack.undo()  # the routes kept before the change are not put back: the edges are routed to today's boxes
    assert plain(drawn_edges(page)) == before  # the same texts here, so the same lines


def test_after_an_arrangement_and_its_undo_a_click_on_a_stage_selects_it(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    """Both move every stage with the scene's index set aside and build it afresh: a click still finds what is under it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QGraphicsScene

    view = page.graph
    x, y = view.positions()["casework"]
    page.edits.move_stages([("casework", x + LAYER_GAP, y + 300.0)])

    def clicked(stage: str) -> list[str]:
        view.centerOn(*view.node_position(stage))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(*view.node_position(stage)))
        return [item.spec.id for item in view.scene().selectedItems()]

    for step in (page.edits.arrange_automatically, page.undo_stack.undo, page.undo_stack.redo):
        step()
        assert view.scene().itemIndexMethod() == QGraphicsScene.ItemIndexMethod.BspTreeIndex
        for stage in ("casework", "intake", page.document.data["start"]):
            assert clicked(stage) == [stage], step


def test_a_stage_s_tooltip_on_the_map_is_its_text_in_the_language_shown() -> None:
    """In Bahasa Indonesia the map's tooltip showed the English text under the Indonesian title (a walkthrough)."""
    from ui.editor.graph import node_spec

    stage = {"title": {"en": "Alone", "id": "Berdua saja"}, "text": {"en": "Alone, Wati rolls up", "id": "Berdua saja, Wati menggulung"}}
    assert node_spec("casework", stage, "intake", "id").tooltip == "Berdua saja, Wati menggulung"
    assert node_spec("casework", stage, "intake", "en").tooltip == "Alone, Wati rolls up"
    assert node_spec("casework", {"text": "Only English"}, "intake", "id").tooltip == "Only English"  # none in Indonesian: English
