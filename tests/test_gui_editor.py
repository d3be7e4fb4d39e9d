"""The scenario editor: build a case from nothing, undo every edit back to the empty case and redo it, save, reload, publish."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.format.document import ScenarioDocument

from ui.main_window import MainWindow
from ui.pages.editor import EditorPage

pytestmark = pytest.mark.gui
CASE = bundled.bundled_dir() / "returnee-domestic-violence.yaml"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


def captured_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The editor's warning boxes, recorded instead of shown (a modal box would stall the test)."""
    shown: list[str] = []
    monkeypatch.setattr("ui.pages.editor.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    return shown


def editor_with_case(qtbot, window: MainWindow) -> EditorPage:  # type: ignore[no-untyped-def]
    """The editor, showing the small case ``build_case`` makes."""
    window.show_editor()
    page = window.editor_page()
    build_case(qtbot, page)
    return page


def assert_undoes_to_and_redoes(page: EditorPage, before: dict, after: dict) -> None:
    """Undo every step back to ``before``, then redo every one forward to ``after``."""
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert page.document.data == before
    while page.undo_stack.canRedo():
        page.undo_stack.redo()
    assert page.document.data == after


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    qtbot.keyClicks(widget, text)


def build_case(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    page.select("start")
    type_into(qtbot, page.stage_text_en, "Three women wait by the boat with a man who holds their passports.")
    type_into(qtbot, page.stage_text_id, "Tiga perempuan menunggu di dekat kapal bersama pria yang memegang paspor mereka.")
    qtbot.mouseClick(page.stage_apply, Qt.MouseButton.LeftButton)
    page.add_stage()
    assert page.selection() == ("stage", None)
    type_into(qtbot, page.stage_text_en, "The PPA unit takes the case.")
    type_into(qtbot, page.stage_text_id, "Unit PPA menangani perkara ini.")
    qtbot.mouseClick(page.stage_apply, Qt.MouseButton.LeftButton)
    page.select("start")
    page.add_choice()
    assert page.selection() == ("start", 0)
    type_into(qtbot, page.choice_label_en, "Separate them and speak to each alone")
    type_into(qtbot, page.choice_label_id, "Pisahkan dan ajak bicara masing-masing")
    page.choice_to.setCurrentText("stage")
    type_into(qtbot, page.choice_score, "identification: 2")
    type_into(qtbot, page.choice_feedback_en, "Separating them lets each speak freely.")
    type_into(qtbot, page.choice_feedback_id, "Dipisahkan agar masing-masing bebas berbicara.")
    qtbot.mouseClick(page.choice_apply, Qt.MouseButton.LeftButton)
    page.rename("stage", "referred")


def test_build_undo_to_empty_redo_save_reload_publish(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    assert window.current_page() is page
    empty = copy.deepcopy(page.document.data)
    assert empty == ScenarioDocument.new().data
    build_case(qtbot, page)
    built = copy.deepcopy(page.document.data)
    assert built["stages"]["start"]["choices"][0]["to"] == "referred"  # the rename followed the choice
    assert [f for f in page.last_findings if f.is_error] == []
    assert page.findings.count() >= 1
    steps = page.undo_stack.count()
    assert steps == 6  # start text, add stage, its text, add choice, the choice fields (one macro), rename
    assert_undoes_to_and_redoes(page, empty, built)
    target = tmp_path / "harbour.yaml"
    assert page.save_to(target)
    assert page.undo_stack.isClean()
    page.open_file(target)
    assert page.document.data == built
    assert page.document.validate().ok
    page.publish()
    assert window.statusBar().currentMessage() == "Published new-case version 1"


def test_delete_asks_nothing_when_told_and_undo_brings_the_choices_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    before = copy.deepcopy(page.document.data)
    page.select("referred")
    page.delete_selected(confirm=False)
    assert "referred" not in page.document.stages
    assert page.document.stages["start"]["choices"] == []
    assert any(f.code == "E002" or f.is_error for f in page.last_findings)  # the start now leads nowhere: shown at once
    page.undo_stack.undo()
    assert page.document.data == before


def test_a_bad_edit_is_a_message_not_a_change(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown = captured_warnings(monkeypatch)
    page = editor_with_case(qtbot, window)
    count = page.undo_stack.count()
    page.rename("start", "referred")
    assert shown == ["a stage 'referred' already exists"]
    assert page.undo_stack.count() == count


def test_unsaved_work_is_autosaved(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    target = tmp_path / "case.yaml"
    page.save_to(target)
    build_case(qtbot, page)
    page.write_autosave()
    autosaved = ScenarioDocument.load(target.with_name(".case.yaml.autosave"))
    assert autosaved.data == page.document.data
    page.save_to(target)
    assert not target.with_name(".case.yaml.autosave").exists()


def test_applying_an_untouched_form_changes_nothing_and_edits_keep_the_other_language(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / CASE.name  # a copy: the editor autosaves beside the file it edits
    shutil.copy(CASE, case)
    window.show_editor(case)
    page = window.editor_page()
    before = copy.deepcopy(page.document.data)
    stage_id = page.document.data["start"]
    for index in range(len(page.document.stages[stage_id]["choices"])):
        page.select(stage_id, index)
        page.apply_choice_form()
    page.select(stage_id)
    page.apply_stage_form()
    assert page.undo_stack.count() == 0
    assert page.document.data == before
    critical_index = next(i for i, c in enumerate(page.document.stages[stage_id]["choices"]) if c.get("critical"))
    page.select(stage_id, critical_index)
    type_into(qtbot, page.choice_critical, "A family settlement sends her back to the violence.")
    page.apply_choice_form()
    critical = page.document.stages[stage_id]["choices"][critical_index]["critical"]
    assert critical["en"] == "A family settlement sends her back to the violence."
    assert critical["id"] == before["stages"][stage_id]["choices"][critical_index]["critical"]["id"]


def test_autosave_is_offered_back(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    target = tmp_path / "case.yaml"
    page.save_to(target)
    build_case(qtbot, page)
    built = copy.deepcopy(page.document.data)
    page.write_autosave()  # as if the workstation died here
    page.set_document(ScenarioDocument.new())
    monkeypatch.setattr("ui.pages.editor.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Yes)
    page.open_file(target)
    assert page.document.data == built
    assert page.document.path == target
    assert not page.undo_stack.isClean()
    assert page.heading.text().endswith("case.yaml *</h2>")


def copied_case(tmp_path: Path) -> Path:
    case = tmp_path / CASE.name  # a copy: the editor autosaves beside the file it edits
    shutil.copy(CASE, case)
    return case


def drag(qtbot, view, node_id: str, offset: QPoint) -> None:  # type: ignore[no-untyped-def]
    view.select_node(node_id)
    x, y = view.node_position(node_id)
    start = view.mapFromScene(x, y)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + offset * step / 5)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + offset)


def test_dragging_a_stage_pins_the_layout_and_undo_and_arrange_bring_it_back(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    original = copy.deepcopy(page.document.data)
    assert not any("layout" in stage for stage in original["stages"].values())
    before = page.graph.positions()
    drag(qtbot, page.graph, "casework", QPoint(60, 90))
    stages = page.document.stages
    assert all("layout" in stage for stage in stages.values())  # the first move pins every stage
    moved = stages["casework"]["layout"]
    assert moved["y"] > before["casework"][1] + 20  # dropped lower, where the mouse left it
    assert (stages["intake"]["layout"]["x"], stages["intake"]["layout"]["y"]) == pytest.approx(before["intake"], abs=0.1)
    assert page.graph.node_position("casework") == pytest.approx((moved["x"], moved["y"]))
    assert page.undo_stack.count() == 1  # one drag, one step to undo
    assert page.document.validate().ok
    page.undo_stack.undo()
    assert page.document.data == original
    page.undo_stack.redo()
    drag(qtbot, page.graph, "intake", QPoint(-40, 0))
    assert page.undo_stack.count() == 2
    assert {k for k, s in stages.items() if s["layout"] != original["stages"][k].get("layout")} == set(stages)
    page.arrange_automatically()
    assert page.document.data == original
    assert page.graph.positions() == before
    page.undo_stack.undo()
    assert all("layout" in stage for stage in page.document.stages.values())


def test_the_minimap_shows_an_overflowing_graph_and_moves_the_view(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    qtbot.wait(20)
    minimap = page.graph.minimap
    assert minimap is not None
    page.graph.fit()
    page.graph.zoom(2.0)
    assert minimap.isVisible()  # 24 stages do not fit at this zoom
    far_right = minimap.mapFromScene(page.graph.node_position("end-success")[0], 0)  # type: ignore[index]
    qtbot.mouseClick(minimap.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(far_right.x(), minimap.height() // 2))
    shown = page.graph.mapToScene(page.graph.viewport().rect()).boundingRect()
    assert shown.left() < page.graph.node_position("end-success")[0] < shown.right()  # type: ignore[index]


def test_play_from_here_walks_the_case_and_records_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    page.select("statement")
    page.play_from_selected()
    dialog = page.play_from_here
    qtbot.addWidget(dialog)
    assert dialog.reached
    assert dialog.play.stage.id == "statement"
    assert dialog.play.route[0] == "intake"
    assert dialog.state.text().endswith("Case file: transfers.")  # what the shortest route there revealed
    first_choice = dialog._buttons[0].text()
    qtbot.mouseClick(dialog._buttons[0], Qt.MouseButton.LeftButton)
    assert dialog.play.stage.id != "statement"
    assert "Chosen:" in dialog.last.text()
    qtbot.mouseClick(dialog.back, Qt.MouseButton.LeftButton)
    assert dialog.play.stage.id == "statement"
    assert not dialog.back.isEnabled()  # it never goes back past the stage it started from
    assert dialog._buttons[0].text() == first_choice
    while not dialog.play.finished:
        qtbot.mouseClick(dialog._buttons[0], Qt.MouseButton.LeftButton)
    assert "The case ends here" in dialog.view.toPlainText()
    qtbot.mouseClick(dialog.again, Qt.MouseButton.LeftButton)
    assert dialog.play.stage.id == "statement"
    assert page.undo_stack.count() == 0  # playing changes nothing


def test_play_from_here_refuses_a_case_it_cannot_run(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown = captured_warnings(monkeypatch)
    page = editor_with_case(qtbot, window)
    page.select("start", 0)
    type_into(qtbot, page.choice_when, "trust >= 1")  # no variable 'trust' declared: E009
    page.apply_choice_form()
    page.play_from_selected()
    assert len(shown) == 1
    assert "E009" in shown[0]


def test_effects_and_case_details_are_edited_in_forms_and_undone(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown = captured_warnings(monkeypatch)
    page = editor_with_case(qtbot, window)
    built = copy.deepcopy(page.document.data)
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    assert page.form.currentIndex() == 3
    type_into(qtbot, page.case_variables, "trust: 0, consent: false")
    type_into(qtbot, page.case_title_id, "Pelabuhan")
    page.case_pathway.setCurrentText("id-tip-referral")
    page.apply_case_form()
    data = page.document.data
    assert data["variables"] == {"trust": 0, "consent": False}
    assert data["title"] == {"en": "New case", "id": "Pelabuhan"}
    assert data["pathway"] == "id-tip-referral"
    page.select("start", 0)
    type_into(qtbot, page.choice_set, "consent: yes")
    page.apply_choice_form()
    assert shown
    assert "true, false or a whole number" in shown[-1]
    type_into(qtbot, page.choice_set, "consent: true")
    type_into(qtbot, page.choice_add, "trust: 2")
    page.apply_choice_form()
    choice = page.document.stages["start"]["choices"][0]
    assert choice["set"] == {"consent": True}
    assert choice["add"] == {"trust": 2}
    page.select("referred")
    type_into(qtbot, page.stage_at, "investigation")
    page.apply_stage_form()
    assert page.document.stages["referred"]["at"] == "investigation"
    assert not [f for f in page.last_findings if f.is_error]  # the pathway was found and has that node
    page.select("start", 0)
    assert page.choice_set.text() == "consent: true"
    while page.undo_stack.index() > 6:
        page.undo_stack.undo()
    assert page.document.data == built


def test_every_kind_of_edit_undoes_to_the_empty_case_and_redoes(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("ui.pages.editor.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.show_editor()
    page = window.editor_page()
    empty = copy.deepcopy(page.document.data)
    build_case(qtbot, page)  # stage text, add stage, choice fields, rename
    page.add_stage()
    qtbot.mouseClick(page.buttons["delete"], Qt.MouseButton.LeftButton)  # delete, confirmed
    assert set(page.document.stages) == {"start", "referred"}
    drag(qtbot, page.graph, "referred", QPoint(0, 80))  # move
    page.select("referred")
    qtbot.mouseClick(page.buttons["start"], Qt.MouseButton.LeftButton)  # set start
    assert page.document.data["start"] == "referred"
    page.select("start")
    qtbot.mouseClick(page.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)  # the case's own details
    type_into(qtbot, page.case_id, "harbour-case")
    page.apply_case_form()
    page.select("start", 0)
    page.delete_selected(confirm=False)  # delete a choice
    built = copy.deepcopy(page.document.data)
    assert built["id"] == "harbour-case"
    assert "layout" in built["stages"]["referred"]
    assert_undoes_to_and_redoes(page, empty, built)


def test_a_click_on_a_finding_selects_the_choice_it_names(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    page.add_stage()
    page.select("start")
    page.add_choice()
    page.choice_to.setCurrentText("stage")
    type_into(qtbot, page.choice_label_en, "Wait")
    page.apply_choice_form()
    page.select("referred")
    row = next(r for r in range(page.findings.count()) if "stage 'start', choice 2: no feedback" in page.findings.item(r).text())
    page.findings.itemClicked.emit(page.findings.item(row))
    assert page.selection() == ("start", 1)
    assert page.form.currentIndex() == 2
    texts = [page.findings.item(r).text() for r in range(page.findings.count())]
    page.findings.itemClicked.emit(page.findings.item(texts.index("W101 stages.stage.text: no text in en, id")))
    assert page.selection() == ("stage", None)
    page.findings.itemClicked.emit(page.findings.item(texts.index("W101 stages.start.choices[2].label: no text in id")))
    assert page.selection() == ("start", 1)


def test_the_case_file_is_edited_and_reveals_follow(qtbot, window: MainWindow, tmp_path: Path, tmp_path_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    original = copy.deepcopy(page.document.data)
    qtbot.mouseClick(page.buttons["case_file"], Qt.MouseButton.LeftButton)
    assert page.form.currentIndex() == 4
    assert page.exhibit_list.count() == len(original["exhibits"])
    page.show_case_file_form("visum")
    type_into(qtbot, page.exhibit_id, "medical-report")
    type_into(qtbot, page.exhibit_title_id, "Visum (ringkasan)")
    qtbot.mouseClick(page.exhibit_apply, Qt.MouseButton.LeftButton)
    exhibits = page.document.data["exhibits"]
    assert "visum" not in exhibits
    assert exhibits["medical-report"]["title"] == {"en": "Visum et repertum (summary)", "id": "Visum (ringkasan)"}
    assert any(stage.get("reveal") == ["medical-report"] for stage in page.document.stages.values())
    assert page.selected_exhibit() == "medical-report"
    qtbot.mouseClick(page.exhibit_add, Qt.MouseButton.LeftButton)
    assert page.selected_exhibit() == "exhibit"
    type_into(qtbot, page.exhibit_title_en, "Employment contract")
    page.exhibit_kind.setCurrentIndex(page.exhibit_kind.findData("photo"))
    picture = tmp_path_factory.mktemp("downloads") / "contract.png"  # outside the case's folder
    shutil.copy(bundled.bundled_dir() / "media" / "fake-internship-brochure.png", picture)
    monkeypatch.setattr("ui.pages.editor.QFileDialog.getOpenFileName", lambda *_args: (str(picture), ""))
    qtbot.mouseClick(page.exhibit_choose, Qt.MouseButton.LeftButton)
    assert page.exhibit_file.text() == "media/contract.png"  # copied beside the case, named relative to it
    assert (tmp_path / "media" / "contract.png").is_file()
    page.apply_exhibit_form()
    assert page.document.data["exhibits"]["exhibit"]["kind"] == "photo"
    assert page.document.data["exhibits"]["exhibit"]["file"] == "media/contract.png"
    monkeypatch.setattr("ui.pages.editor.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.exhibit_delete, Qt.MouseButton.LeftButton)
    assert "exhibit" not in page.document.data["exhibits"]
    assert page.document.validate().ok
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert page.document.data == original
    assert page.exhibit_list.count() == len(original["exhibits"])  # the list follows undo


def test_fields_that_name_things_say_what_this_case_has(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    assert "victim_care: " in page.choice_score.toolTip()
    assert page.choice_set.toolTip() == "Variables of this case: trust, witness, psych"
    assert page.stage_reveal.toolTip() == "Exhibits of this case: visum, transfers, neighbour-statement"
    assert page.stage_at.toolTip() == "A node of the pathway id-gbv-integrated-services; start typing to see them."
    page.set_document(ScenarioDocument.new())
    assert "none yet" in page.choice_set.toolTip()
    assert page.stage_at.toolTip() == "Choose the case's referral pathway under Case details first."


def test_duplicate_a_stage_reorder_choices_and_find_a_stage(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    original = copy.deepcopy(page.document.data)
    page.select("casework")
    qtbot.mouseClick(page.buttons["duplicate"], Qt.MouseButton.LeftButton)
    stages = list(page.document.stages)
    assert stages[stages.index("casework") + 1] == "casework-copy"  # beside its original
    assert page.selection() == ("casework-copy", None)
    labels = [c["label"]["en"] for c in page.document.stages["intake"]["choices"]]
    page.select("intake", 0)
    qtbot.keyClick(page, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # Alt+Down moves the choice later
    assert [c["label"]["en"] for c in page.document.stages["intake"]["choices"]] == [labels[1], labels[0], *labels[2:]]
    assert page.selection() == ("intake", 1)  # the selection follows the choice
    qtbot.mouseClick(page.choice_up, Qt.MouseButton.LeftButton)
    assert [c["label"]["en"] for c in page.document.stages["intake"]["choices"]] == labels
    type_into(qtbot, page.outline_filter, "CASEWORK-copy")  # case does not matter
    items = [page.outline.topLevelItem(r) for r in range(page.outline.topLevelItemCount())]
    assert [item.text(0) for item in items if not item.isHidden()] == ["casework-copy"]
    type_into(qtbot, page.outline_filter, "wait outside")  # a choice's words find its stage
    assert [item.text(0) for item in items if not item.isHidden()] == ["intake ▶"]
    page.outline_filter.clear()
    assert not any(page.outline.topLevelItem(r).isHidden() for r in range(page.outline.topLevelItemCount()))
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert page.document.data == original


def test_sign_out_asks_to_save_and_can_stay(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("ui.pages.editor.QMessageBox.question", answer)
    target = tmp_path / "case.yaml"
    page = editor_with_case(qtbot, window)
    page.save_to(target)
    page.rename("referred", "handed-over")
    window.sign_out()  # Cancel: the trainer stays, still signed in, the change still there
    assert asked == ["Save the changes to case.yaml?"]
    assert window.context.account is not None
    assert "handed-over" in page.document.stages
    window.sign_out()  # Save: written, then the editor is emptied for whoever signs in next
    assert "handed-over" in ScenarioDocument.load(target).stages
    assert window.context.account is None
    assert page.document.data == ScenarioDocument.new().data
    assert page.undo_stack.count() == 0


def test_closing_the_window_with_an_edited_case_can_be_cancelled(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    monkeypatch.setattr("ui.pages.editor.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    assert not page.undo_stack.isClean()  # nothing lost
