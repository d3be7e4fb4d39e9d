"""The scenario editor: build a case from nothing, undo every edit back to the empty case and redo it, save, reload, publish."""

from __future__ import annotations

import copy
import gc
import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QPointF, QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.format.document import ScenarioDocument
from tipcase.format.edits import RenameStage, SetStageField
from tipcase.format.validator import check_text
from tipcase.play.state_space import Analysis

from ui.editor import EditorPage
from ui.main_window import MainWindow

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
    monkeypatch.setattr("ui.editor.page.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
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


def checked(page: EditorPage) -> list:  # type: ignore[type-arg]
    """The findings of the document as it stands (without waiting for the editor's short pause after a change)."""
    page.checking.check_now()
    return page.last_findings


def finding_texts(page: EditorPage) -> list[str]:
    model = page.findings.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def click_finding(page: EditorPage, row: int) -> None:
    page.findings.clicked.emit(page.findings.model().index(row, 0))


def shown_stages(page: EditorPage) -> list[str]:
    """The stages the outline shows (the search box may hide some)."""
    model = page.outline.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    qtbot.keyClicks(widget, text)


def build_case(qtbot, page: EditorPage) -> None:  # type: ignore[no-untyped-def]
    page.select("start")
    type_into(qtbot, page.stage_form["text.en"], "Three women wait by the boat with a man who holds their passports.")
    type_into(qtbot, page.stage_form["text.id"], "Tiga perempuan menunggu di dekat kapal bersama pria yang memegang paspor mereka.")
    qtbot.mouseClick(page.stage_form.apply_button, Qt.MouseButton.LeftButton)
    page.edits.add_stage()
    assert page.selection() == ("stage", None)
    type_into(qtbot, page.stage_form["text.en"], "The PPA unit takes the case.")
    type_into(qtbot, page.stage_form["text.id"], "Unit PPA menangani perkara ini.")
    qtbot.mouseClick(page.stage_form.apply_button, Qt.MouseButton.LeftButton)
    page.select("start")
    page.edits.add_choice()
    assert page.selection() == ("start", 0)
    type_into(qtbot, page.choice_form["label.en"], "Separate them and speak to each alone")
    type_into(qtbot, page.choice_form["label.id"], "Pisahkan dan ajak bicara masing-masing")
    page.choice_form.combo("to").setCurrentText("stage")
    type_into(qtbot, page.choice_form["score"], "identification: 2")
    type_into(qtbot, page.choice_form["feedback.en"], "Separating them lets each speak freely.")
    type_into(qtbot, page.choice_form["feedback.id"], "Dipisahkan agar masing-masing bebas berbicara.")
    qtbot.mouseClick(page.choice_form.apply_button, Qt.MouseButton.LeftButton)
    page.edits.rename("stage", "referred")


def test_build_undo_to_empty_redo_save_reload_publish(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    assert window.current_page() is page
    empty = copy.deepcopy(page.document.data)
    assert empty == ScenarioDocument.new().data
    build_case(qtbot, page)
    built = copy.deepcopy(page.document.data)
    assert built["stages"]["start"]["choices"][0]["to"] == "referred"  # the rename followed the choice
    assert [f for f in checked(page) if f.is_error] == []
    assert page.findings_model.rowCount() >= 1
    steps = page.undo_stack.count()
    assert steps == 6  # start text, add stage, its text, add choice, the choice fields (one macro), rename
    assert_undoes_to_and_redoes(page, empty, built)
    target = tmp_path / "harbour.yaml"
    assert page.session.save_to(target)
    assert page.undo_stack.isClean()
    page.open_file(target)
    assert page.document.data == built
    assert page.document.validate().ok
    page.session.publish()
    assert window.statusBar().currentMessage() == "Published “New case” (new-case) version 1"  # the case by its title, its id beside it


def test_delete_asks_nothing_when_told_and_undo_brings_the_choices_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    before = copy.deepcopy(page.document.data)
    page.select("referred")
    page.edits.delete_selected(confirm=False)
    assert "referred" not in page.document.stages
    assert page.document.stages["start"]["choices"] == []
    assert any(f.code == "E002" or f.is_error for f in checked(page))  # the start now leads nowhere
    page.undo_stack.undo()
    assert page.document.data == before


def test_a_bad_edit_is_a_message_not_a_change(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown = captured_warnings(monkeypatch)
    page = editor_with_case(qtbot, window)
    count = page.undo_stack.count()
    page.edits.rename("start", "referred")
    assert shown == ["A stage 'referred' already exists"]
    assert page.undo_stack.count() == count


def test_saving_is_written_by_the_checker_and_a_failed_save_says_so_and_keeps_the_star(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = captured_warnings(monkeypatch)
    page = editor_with_case(qtbot, window)

    def on_the_ui_thread(_document: ScenarioDocument) -> str:
        raise AssertionError("the readable YAML emitter ran in the window's process (seconds at 5,000 stages)")

    monkeypatch.setattr(ScenarioDocument, "to_yaml", on_the_ui_thread)
    target = tmp_path / "saved.yaml"
    assert page.session.save_to(target)
    assert page.session.wait_for_saves()
    assert ScenarioDocument.load(target).data == page.document.data
    assert page.undo_stack.isClean()
    assert "*" not in page.heading.text()
    page.select("referred")
    page.edits.add_stage()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    page.session.save_to(blocked / "case.yaml")  # its folder cannot be made
    assert not page.session.wait_for_saves()
    assert not page.undo_stack.isClean()
    assert page.heading.text().endswith(" *</h2>")  # not saved: the star stays, and the autosave keeps the work
    assert shown[-1].startswith(f"The case could not be saved to {blocked / 'case.yaml'}: ")
    assert page.session.autosave.isActive()


def test_a_save_that_fails_before_another_case_opens_keeps_this_one(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = captured_warnings(monkeypatch)
    monkeypatch.setattr("ui.editor.session.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Save)
    page = editor_with_case(qtbot, window)
    built = copy.deepcopy(page.document.data)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    page.document.path = blocked / "case.yaml"
    page.new_document()  # Save chosen, and the write fails
    assert page.document.data == built
    assert not page.undo_stack.isClean()
    assert shown[-1].startswith("The case could not be saved to")


def test_a_check_keeps_nothing_of_the_model_it_built() -> None:
    """The editor's checker checks after every edit: each check's model is freed once answered (it was kept in the
    play engine's cache of analyses, and the checker grew to 1.1 GiB after 20 edits at 5,000 stages)."""
    checked = check_text(CASE.read_text(encoding="utf-8"), str(CASE))
    assert checked.analysis is not None
    analysis = id(checked.analysis)
    del checked
    gc.collect()
    assert not any(id(thing) == analysis and isinstance(thing, Analysis) for thing in gc.get_objects())


def test_unsaved_work_is_autosaved(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    target = tmp_path / "case.yaml"
    page.session.save_to(target)
    build_case(qtbot, page)
    page.session.write_autosave()
    autosaved = ScenarioDocument.load(target.with_name(".case.yaml.autosave"))
    assert autosaved.data == page.document.data
    page.session.save_to(target)
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
        page.choice_form.apply()
    page.select(stage_id)
    page.stage_form.apply()
    assert page.undo_stack.count() == 0
    assert page.document.data == before
    critical_index = next(i for i, c in enumerate(page.document.stages[stage_id]["choices"]) if c.get("critical"))
    page.select(stage_id, critical_index)
    type_into(qtbot, page.choice_form["critical"], "A family settlement sends her back to the violence.")
    page.choice_form.apply()
    critical = page.document.stages[stage_id]["choices"][critical_index]["critical"]
    assert critical["en"] == "A family settlement sends her back to the violence."
    assert critical["id"] == before["stages"][stage_id]["choices"][critical_index]["critical"]["id"]


def test_autosave_is_offered_back(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    target = tmp_path / "case.yaml"
    page.session.save_to(target)
    build_case(qtbot, page)
    built = copy.deepcopy(page.document.data)
    page.session.write_autosave()  # as if the workstation died here
    page.set_document(ScenarioDocument.new())
    monkeypatch.setattr("ui.editor.page.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Yes)
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
    page.edits.arrange_automatically()
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
    far_right = minimap.map_from_scene(QPointF(page.graph.node_position("end-success")[0], 0))  # type: ignore[index]
    qtbot.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=QPoint(int(far_right.x()), minimap.height() // 2))
    shown = page.graph.mapToScene(page.graph.viewport().rect()).boundingRect()
    assert shown.left() < page.graph.node_position("end-success")[0] < shown.right()  # type: ignore[index]


def test_play_from_here_walks_the_case_and_records_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    page.select("statement")
    page.edits.play_from_selected()
    dialog = page.edits.play_from_here
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
    type_into(qtbot, page.choice_form["when"], "trust >= 1")  # no variable 'trust' declared: E009
    page.choice_form.apply()
    page.edits.play_from_selected()
    assert len(shown) == 1
    assert "E009" in shown[0]


def editor_held_for_play(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[EditorPage, HeldPool, list[str], list[object]]:
    """The editor on a copy of the case, ``statement`` selected, its task runner holding every job until the test lets
    it run (``HeldPool``); the status lines said and the play dialogs opened are collected."""
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    page.checking.check_now()
    held = HeldPool()
    monkeypatch.setattr(page.context.tasks, "_pool", held)
    said: list[str] = []
    page.context.signals.status_message.connect(said.append)
    opened: list[object] = []
    page.edits.play_opened.connect(opened.append)
    page.select("statement")
    return page, held, said, opened


def test_play_from_here_plays_the_case_as_it_stood_at_f5_once_however_often_pressed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, held, said, opened = editor_held_for_play(window, tmp_path, monkeypatch)
    text = page.document.stages["statement"]["text"]
    page.push(SetStageField("statement", "text", {**text, "en": "Edited just before F5."}), "edit")  # not checked yet
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.edits.preparing_play
    assert QApplication.overrideCursor() is not None  # the busy cursor while the checker prepares the play
    assert any("Preparing the play from statement" in line for line in said)
    qtbot.keyClick(page, Qt.Key.Key_F5)  # again, before the answer: nothing more is asked
    page.push(RenameStage("statement", "statement-renamed"), "rename")  # edited meanwhile: not what is played
    held.run_held()
    assert len(opened) == 1
    dialog = page.edits.play_from_here
    assert dialog is opened[0]
    assert dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.play.stage.id == "statement"
    assert "Edited just before F5." in dialog.view.toPlainText()
    assert not page.edits.preparing_play
    assert QApplication.overrideCursor() is None


def test_play_from_here_prepared_for_a_case_closed_meanwhile_opens_no_dialog(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, held, said, opened = editor_held_for_play(window, tmp_path, monkeypatch)
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.edits.preparing_play
    other = tmp_path / "other"
    other.mkdir()
    page.session.open_file(copied_case(other))  # another case opened while the play is prepared
    held.run_held()
    assert opened == []  # the play of the case no longer on screen is dropped
    assert page.edits.play_from_here is None
    assert any("another case is open now" in line for line in said)
    assert not page.edits.preparing_play
    assert QApplication.overrideCursor() is None


def test_play_from_here_says_in_one_line_when_the_checker_fails(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    page.checking.check_now()

    class Broken:
        def request(self, _payload: bytes) -> object:
            raise RuntimeError("the checker broke")

        def close(self) -> None:
            pass

    page.checking._checker = Broken()  # type: ignore[assignment]
    said: list[str] = []
    page.context.signals.status_message.connect(said.append)
    page.select("statement")
    page.edits.play_from_selected()
    failures = [line for line in said if line.startswith("Play from here failed:")]
    assert len(failures) == 1
    assert "\n" not in failures[0]
    assert "Traceback" not in failures[0]
    assert page.edits.play_from_here is None
    assert not page.edits.preparing_play
    assert QApplication.overrideCursor() is None


def test_effects_and_case_details_are_edited_in_forms_and_undone(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown = captured_warnings(monkeypatch)
    page = editor_with_case(qtbot, window)
    built = copy.deepcopy(page.document.data)
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    assert page.form.currentIndex() == 3
    type_into(qtbot, page.case_form["variables"], "trust: 0, consent: false")
    type_into(qtbot, page.case_form["title.id"], "Pelabuhan")
    page.case_form.combo("pathway").setCurrentText("id-tip-referral")
    page.case_form.apply()
    data = page.document.data
    assert data["variables"] == {"trust": 0, "consent": False}
    assert data["title"] == {"en": "New case", "id": "Pelabuhan"}
    assert data["pathway"] == "id-tip-referral"
    pathway = page.case_form.combo("pathway")  # shown by its title, its id beside it (it read "id-tip-referral" alone)
    assert pathway.currentText() == "Trafficking in persons: Indonesian referral pathway (id-tip-referral)"
    pathway.setCurrentIndex(pathway.findData("id-gbv-integrated-services"))
    page.case_form.apply()
    assert page.document.data["pathway"] == "id-gbv-integrated-services"  # the file keeps the id
    pathway.setCurrentIndex(pathway.findData("id-tip-referral"))
    page.case_form.apply()
    assert page.document.data["pathway"] == "id-tip-referral"
    page.select("start", 0)
    type_into(qtbot, page.choice_form["set"], "consent: yes")
    page.choice_form.apply()
    assert shown
    assert "true, false or a whole number" in shown[-1]
    type_into(qtbot, page.choice_form["set"], "consent: true")
    type_into(qtbot, page.choice_form["add"], "trust: 2")
    page.choice_form.apply()
    choice = page.document.stages["start"]["choices"][0]
    assert choice["set"] == {"consent": True}
    assert choice["add"] == {"trust": 2}
    page.select("referred")
    type_into(qtbot, page.stage_form["at"], "investigation")
    page.stage_form.apply()
    assert page.document.stages["referred"]["at"] == "investigation"
    assert not [f for f in checked(page) if f.is_error]  # the pathway was found and has that node
    page.select("start", 0)
    assert page.choice_form["set"].text() == "consent: true"
    while page.undo_stack.index() > 6:
        page.undo_stack.undo()
    assert page.document.data == built


def test_every_kind_of_edit_undoes_to_the_empty_case_and_redoes(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("ui.editor.page.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.show_editor()
    page = window.editor_page()
    empty = copy.deepcopy(page.document.data)
    build_case(qtbot, page)  # stage text, add stage, choice fields, rename
    page.edits.add_stage()
    qtbot.mouseClick(page.buttons["delete"], Qt.MouseButton.LeftButton)  # delete, confirmed
    assert set(page.document.stages) == {"start", "referred"}
    drag(qtbot, page.graph, "referred", QPoint(0, 80))  # move
    page.select("referred")
    qtbot.mouseClick(page.buttons["start"], Qt.MouseButton.LeftButton)  # set start
    assert page.document.data["start"] == "referred"
    page.select("start")
    qtbot.mouseClick(page.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)  # the case's own details
    type_into(qtbot, page.case_form["id"], "harbour-case")
    page.case_form.apply()
    page.select("start", 0)
    page.edits.delete_selected(confirm=False)  # delete a choice
    built = copy.deepcopy(page.document.data)
    assert built["id"] == "harbour-case"
    assert "layout" in built["stages"]["referred"]
    assert_undoes_to_and_redoes(page, empty, built)


def test_a_click_on_a_finding_selects_the_choice_it_names(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    page.edits.add_stage()
    page.select("start")
    page.edits.add_choice()
    page.choice_form.combo("to").setCurrentText("stage")
    type_into(qtbot, page.choice_form["label.en"], "Wait")
    page.choice_form.apply()
    page.select("referred")
    checked(page)
    texts = finding_texts(page)  # in the form's words: the stage, the choice and the field's label
    click_finding(page, texts.index("W103 Stage start, choice 2 › Feedback (English): no feedback"))
    assert page.selection() == ("start", 1)
    assert page.form.currentIndex() == 2
    assert page.choice_form["feedback.en"].hasFocus()  # the field to write in
    click_finding(page, texts.index("W101 Stage stage › Text (English): no text in English or Bahasa Indonesia"))
    assert page.selection() == ("stage", None)
    assert page.stage_form["text.en"].hasFocus()
    click_finding(page, texts.index("W101 Stage start, choice 2 › Label (Indonesian): no text in this language"))
    assert page.selection() == ("start", 1)
    assert page.choice_form["label.id"].hasFocus()
    tooltip = page.findings.model().index(texts.index("W101 Stage start, choice 2 › Label (Indonesian): no text in this language"), 0)
    assert tooltip.data(Qt.ItemDataRole.ToolTipRole).endswith("W101 stages.start.choices[2].label: no text in id")  # the file's words


def test_the_case_file_is_edited_and_reveals_follow(qtbot, window: MainWindow, tmp_path: Path, tmp_path_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    original = copy.deepcopy(page.document.data)
    qtbot.mouseClick(page.buttons["case_file"], Qt.MouseButton.LeftButton)
    assert page.form.currentIndex() == 4
    assert page.case_file.model.rowCount() == len(original["exhibits"])
    page.show_case_file_form("visum")
    type_into(qtbot, page.case_file.form["id"], "medical-report")
    type_into(qtbot, page.case_file.form["title.id"], "Visum (ringkasan)")
    qtbot.mouseClick(page.case_file.form.apply_button, Qt.MouseButton.LeftButton)
    exhibits = page.document.data["exhibits"]
    assert "visum" not in exhibits
    assert exhibits["medical-report"]["title"] == {"en": "Visum et repertum (summary)", "id": "Visum (ringkasan)"}
    assert any(stage.get("reveal") == ["medical-report"] for stage in page.document.stages.values())
    assert page.case_file.selected_exhibit() == "medical-report"
    qtbot.mouseClick(page.case_file.add_button, Qt.MouseButton.LeftButton)
    assert page.case_file.selected_exhibit() == "exhibit"
    type_into(qtbot, page.case_file.form["title.en"], "Employment contract")
    page.case_file.form.combo("kind").setCurrentIndex(page.case_file.form.combo("kind").findData("photo"))
    picture = tmp_path_factory.mktemp("downloads") / "contract.png"  # outside the case's folder
    shutil.copy(bundled.bundled_dir() / "media" / "fake-internship-brochure.png", picture)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *_args: (str(picture), ""))
    qtbot.mouseClick(page.case_file.form.choose, Qt.MouseButton.LeftButton)
    assert page.case_file.form["file"].text() == "media/contract.png"  # copied beside the case, named relative to it
    assert (tmp_path / "media" / "contract.png").is_file()
    page.case_file.apply()
    assert page.document.data["exhibits"]["exhibit"]["kind"] == "photo"
    assert page.document.data["exhibits"]["exhibit"]["file"] == "media/contract.png"
    monkeypatch.setattr("ui.editor.page.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.case_file.delete_button, Qt.MouseButton.LeftButton)
    assert "exhibit" not in page.document.data["exhibits"]
    assert page.document.validate().ok
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert page.document.data == original
    assert page.case_file.model.rowCount() == len(original["exhibits"])  # the list follows undo


def test_fields_that_name_things_say_what_this_case_has(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    checked(page)
    assert "victim_care: " in page.choice_form["score"].toolTip()
    assert page.choice_form["set"].toolTip() == "Variables of this case: trust, witness, psych"
    assert page.stage_form["reveal"].toolTip() == "Exhibits of this case: visum, transfers, neighbour-statement"
    assert page.stage_form["at"].toolTip() == (  # the pathway by its title, as Case details names it
        "A step of the pathway “Sexual and domestic violence: integrated services”; start typing to see them."
    )
    page.set_document(ScenarioDocument.new())
    checked(page)
    assert "none yet" in page.choice_form["set"].toolTip()
    assert page.stage_form["at"].toolTip() == "Choose the case's referral pathway under Case details first."


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
    qtbot.mouseClick(page.form.choice_up, Qt.MouseButton.LeftButton)
    assert [c["label"]["en"] for c in page.document.stages["intake"]["choices"]] == labels
    type_into(qtbot, page.outline_filter, "CASEWORK-copy")  # case does not matter
    assert shown_stages(page) == ["casework-copy"]
    type_into(qtbot, page.outline_filter, "wait outside")  # a choice's words find its stage
    assert shown_stages(page) == ["intake ▶"]
    page.outline_filter.clear()
    assert len(shown_stages(page)) == len(page.document.stages)
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert page.document.data == original


def test_sign_out_asks_to_save_and_can_stay(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("ui.editor.page.QMessageBox.question", answer)
    target = tmp_path / "case.yaml"
    page = editor_with_case(qtbot, window)
    page.session.save_to(target)
    page.edits.rename("referred", "handed-over")
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
    monkeypatch.setattr("ui.editor.page.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    assert not page.undo_stack.isClean()  # nothing lost


def test_every_model_of_the_editor_passes_the_model_tester(qtbot, qtmodeltester, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_editor(copied_case(tmp_path))
    page = window.editor_page()
    qtmodeltester.check(page.outline_model)
    page.outline_filter.setText("statement")
    qtmodeltester.check(page.outline_filter_model)
    checked(page)
    qtmodeltester.check(page.findings_model)
    page.show_case_file_form()
    qtmodeltester.check(page.case_file.model)
    page.edits.add_stage()  # the models stay sound through edits and undo
    page.select("intake", 0)
    page.edits.delete_selected(confirm=False)
    page.undo_stack.undo()
    page.undo_stack.undo()
    qtmodeltester.check(page.outline_model)
    qtmodeltester.check(page.outline_filter_model)


def test_a_file_that_is_not_yaml_is_one_line_that_says_where(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown = captured_warnings(monkeypatch)
    page = editor_with_case(qtbot, window)
    before = copy.deepcopy(page.document.data)
    broken = tmp_path / "broken.yaml"
    broken.write_text("tipcase: 1\nid: harbour\ntitle: [unclosed\nstart: a\n", encoding="utf-8")
    page.open_file(broken)
    assert len(shown) == 1
    assert shown[0].startswith(f"{broken}:")
    assert ": E001 YAML syntax: " in shown[0]
    assert "\n" not in shown[0]
    other_kind = tmp_path / "list.yaml"
    other_kind.write_text("- just\n- a list\n", encoding="utf-8")
    page.open_file(other_kind)
    assert shown[1] == f"{other_kind}: not a scenario file"
    assert page.document.data == before  # what was open stays open


def test_a_form_with_several_changes_is_one_step_and_one_update(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    page.select("start", 0)
    notices: list[list] = []  # type: ignore[type-arg]
    page.document.subscribe(notices.append)
    resets: list[bool] = []
    page.outline_model.modelReset.connect(lambda: resets.append(True))
    steps = page.undo_stack.count()
    type_into(qtbot, page.choice_form["label.en"], "Separate them first")
    type_into(qtbot, page.choice_form["score"], "identification: 3")
    node = page.graph._nodes["start"]
    page.choice_form.apply()
    assert page.undo_stack.count() == steps + 1
    assert len(notices) == 1  # the views and the checker follow the two changes once
    assert page.document.stages["start"]["choices"][0]["score"] == {"identification": 3}
    assert shown_stages(page)  # the outline shows the new label without being rebuilt
    assert page.outline_model.index_of("start", 0).data() == "→ referred: Separate them first"
    assert resets == []
    page.select("referred")
    type_into(qtbot, page.stage_form["title.en"], "Handed over")
    page.stage_form.apply()
    assert page.graph._nodes["start"] is node  # the canvas is updated in place, not drawn again
    assert page.graph._nodes["referred"].spec.label == "referred\nHanded over"


def test_no_edit_is_lost_when_the_editor_moves_on(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    page.select("referred")
    type_into(qtbot, page.stage_form["text.en"], "Typed, never applied.")
    page.select("start")  # another stage: what was typed is applied first
    assert page.document.stages["referred"]["text"]["en"] == "Typed, never applied."
    page.select("start", 0)
    type_into(qtbot, page.choice_form["feedback.en"], "Applied by the undo.")
    page.undo()  # undo takes back the typing, as one step
    assert page.document.stages["start"]["choices"][0]["feedback"]["en"] == "Separating them lets each speak freely."
    type_into(qtbot, page.choice_form["score"], "identification: lots")  # stands for no value: the editor asks
    asked: list[str] = []

    def go_back(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr("ui.editor.page.QMessageBox.question", go_back)
    page.select("referred")
    assert "identification: lots" in asked[0]
    assert page.selection() == ("start", 0)  # stayed, to fix it
    assert page.choice_form["score"].text() == "identification: lots"
    type_into(qtbot, page.choice_form["score"], "identification: 1")
    target = tmp_path / "case.yaml"
    page.document.path = target
    page.session.save()  # saving applies the form first
    assert ScenarioDocument.load(target).stages["start"]["choices"][0]["score"] == {"identification": 1}


def test_long_texts_have_several_lines_and_tab_leaves_them(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = editor_with_case(qtbot, window)
    page.select("start", 0)
    for form, names in (
        (page.stage_form, ("text.en", "text.id")),
        (page.choice_form, ("feedback.en", "feedback.id")),
        (page.case_form, ("summary.en", "summary.id", "content_warning.en", "content_warning.id")),
        (page.case_file.form, ("text.en", "text.id")),
    ):
        for name in names:
            field = form[name]
            assert isinstance(field, QPlainTextEdit), name
            assert field.tabChangesFocus(), name  # no Tab trap
    field = page.choice_form["feedback.en"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()
    assert "\t" not in field.toPlainText()


class HeldPool(QThreadPool):
    """A pool that holds each job until the test lets it run: a check still in flight when the document changes."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[QRunnable] = []

    def start(self, runnable: QRunnable, priority: int = 0) -> None:  # type: ignore[override]
        self.held.append(runnable)

    def run_held(self) -> None:
        while self.held:
            self.held.pop(0).run()


def test_a_check_overtaken_by_an_edit_is_dropped_and_the_edit_is_checked(qtbot) -> None:  # type: ignore[no-untyped-def]
    from tipcase.format.document_check import LocalChecker
    from tipcase.format.edits import SetChoiceField

    from ui.editor.checking import BackgroundCheck
    from ui.tasks import TaskRunner

    pool = HeldPool()
    checking = BackgroundCheck(TaskRunner(pool), LocalChecker)
    reports: list = []  # type: ignore[type-arg]
    checking.checked.connect(reports.append)
    document = ScenarioDocument.load(CASE)
    checking.follow(document)
    checking.check_now()
    assert len(pool.held) == 1  # the first check is in flight...
    intake = next(iter(document.stages))
    document.apply(SetChoiceField(intake, 0, "feedback", None))  # ...when the author changes the case
    checking.check_now()  # waits for the one in flight: one request at a time, in order
    assert len(pool.held) == 1
    pool.run_held()  # the first answers, then the second is sent and answers
    assert len(reports) == 1  # the first check's findings described a case that no longer is: dropped
    assert [f.code for f in reports[0].findings] == ["W103"]
    assert checking.timer.isActive() is False
    checking.close()


def test_the_bundled_cases_are_one_click_from_open_and_stay_as_installed(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    window.show_editor()
    page = window.editor_page()
    page.bundled_menu.aboutToShow.emit()
    titles = [action.text() for action in page.bundled_menu.actions()]
    assert "Coming home" in titles  # by title, not file name
    assert len(titles) == len(bundled.bundled_scenarios())
    page.bundled_menu.actions()[titles.index("Coming home")].trigger()
    assert page.document.path == CASE
    installed = CASE.read_bytes()
    page.select("intake")
    type_into(qtbot, page.stage_form["title.en"], "Coming home, adapted")
    page.session.write_autosave()
    assert (tmp_path / "home" / "autosave" / "returnee-domestic-violence.yaml").is_file()  # not in the library
    target = tmp_path / "mine.yaml"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *_args: (str(target), ""))
    assert page.session.save()  # a bundled case asks where: the library is kept as installed
    assert CASE.read_bytes() == installed
    assert ScenarioDocument.load(target).stages["intake"]["title"]["en"] == "Coming home, adapted"
    assert page.document.path == target
