"""The scenario editor: build a case from nothing, undo every edit back to the empty case and redo it, save, reload, publish."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui import make_context, open_window, seeded_url
from tipcase import library
from tipcase.document import ScenarioDocument
from tipcase.ui.main_window import MainWindow
from tipcase.ui.pages.editor import EditorPage

pytestmark = pytest.mark.gui
CASE = library.bundled_dir() / "returnee-domestic-violence.yaml"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


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
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert page.document.data == empty
    while page.undo_stack.canRedo():
        page.undo_stack.redo()
    assert page.document.data == built
    target = tmp_path / "harbour.yaml"
    assert page.save_to(target)
    assert page.undo_stack.isClean()
    page.open_file(target)
    assert page.document.data == built
    assert page.document.validate().ok
    page.publish()
    assert window.statusBar().currentMessage() == "Published new-case version 1"


def test_delete_asks_nothing_when_told_and_undo_brings_the_choices_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_editor()
    page = window.editor_page()
    build_case(qtbot, page)
    before = copy.deepcopy(page.document.data)
    page.select("referred")
    page.delete_selected(confirm=False)
    assert "referred" not in page.document.stages
    assert page.document.stages["start"]["choices"] == []
    assert any(f.code == "E002" or f.is_error for f in page.last_findings)  # the start now leads nowhere: shown at once
    page.undo_stack.undo()
    assert page.document.data == before


def test_a_bad_edit_is_a_message_not_a_change(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("tipcase.ui.pages.editor.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    window.show_editor()
    page = window.editor_page()
    build_case(qtbot, page)
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
    monkeypatch.setattr("tipcase.ui.pages.editor.QMessageBox.question", lambda *_args: QMessageBox.StandardButton.Yes)
    page.open_file(target)
    assert page.document.data == built
    assert page.document.path == target
    assert not page.undo_stack.isClean()
    assert page.heading.text().endswith("case.yaml *</h2>")
