"""The editor's Case details edit the case's competencies: add, rename in both languages (and the id, followed
into the scores), reweigh, remove when unused, refuse with the choices named when one still scores it; each
change one undoable step; a case on the bundled framework says so and gets it as its own on the first change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QMessageBox

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.format.competency_edits import framework_entries, scored_by
from tipcase.format.document import ScenarioDocument
from tipcase.format.validator import validate_paths

from ui.editor.page import EditorPage
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
CASE = bundled.bundled_dir() / "returnee-domestic-violence.yaml"  # on the bundled framework


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


def _case_details(qtbot, window: MainWindow, path: Path) -> EditorPage:  # type: ignore[no-untyped-def]
    shutil.copy(CASE, path)
    window.show_editor(path)
    page = window.editor_page()
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    return page


def _select(page: EditorPage, competency: str) -> None:
    section = page.form.competencies
    section.list.setCurrentIndex(section.model.index(section.model.row_of(competency), 0))


def test_add_rename_in_both_languages_and_reweigh_each_one_undoable_step(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "coming-home.yaml"
    page = _case_details(qtbot, window, path)
    section = page.form.competencies
    assert section.isVisible()
    assert "bundled competency framework" in section.heading.text()
    assert section.model.rowCount() == len(framework_entries())
    assert "competencies" not in page.document.data
    assert page.form.commit()  # showing the section changes nothing
    assert page.undo_stack.count() == 0

    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert list(page.document.data["competencies"])[-1] == "competency"
    assert page.undo_stack.undoText() == "Add competency competency"
    assert section.selected_competency() == "competency"
    assert "What this case assesses" in section.heading.text()  # its own now

    form = section.form
    form["id"].setText("interpreting")
    form["title.en"].setText("Working with interpreters")
    form["title.id"].setText("Bekerja dengan juru bahasa")
    weight = form["weight"]
    assert isinstance(weight, QDoubleSpinBox)
    weight.setValue(2)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    added = page.document.data["competencies"]["interpreting"]
    assert added == {"title": {"en": "Working with interpreters", "id": "Bekerja dengan juru bahasa"}, "weight": 2}
    assert page.undo_stack.undoText() == "Change competency interpreting"
    assert section.selected_competency() == "interpreting"

    page.undo_stack.undo()  # one step: the id, both titles and the weight back together
    assert "interpreting" not in page.document.data["competencies"]
    assert section.selected_competency() == "competency"
    assert section.form.text("title.en") == "New competency"
    page.undo_stack.undo()  # and the add: the case is on the framework again
    assert "competencies" not in page.document.data
    page.undo_stack.redo()
    page.undo_stack.redo()
    assert page.document.data["competencies"]["interpreting"]["weight"] == 2

    scoring = scored_by(page.document, "victim_care")
    _select(page, "victim_care")
    section.form["id"].setText("safety")
    section.form["title.id"].setText("Keselamatan korban")
    assert section.apply()
    assert scored_by(page.document, "safety") == scoring  # the id followed into every score
    assert page.document.data["competencies"]["safety"]["title"]["id"] == "Keselamatan korban"
    assert page.session.save()
    saved = ScenarioDocument.load(path).data
    assert saved["competencies"]["interpreting"]["title"]["id"] == "Bekerja dengan juru bahasa"
    assert [str(f) for f in validate_paths([str(path)]) if f.is_error and "E005" not in str(f)] == []


def test_remove_an_unused_one_and_refuse_one_a_choice_scores(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _case_details(qtbot, window, tmp_path / "coming-home.yaml")
    section = page.form.competencies
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert "competency" not in page.document.data["competencies"]
    assert page.undo_stack.undoText() == "Remove competency competency"

    warned: list[str] = []
    monkeypatch.setattr(page, "warn", warned.append)
    stage, number = scored_by(page.document, "victim_care")[0]
    _select(page, "victim_care")
    before = page.undo_stack.count()
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert "victim_care" in page.document.data["competencies"]
    assert page.undo_stack.count() == before  # nothing changed, nothing to undo
    assert len(warned) == 1
    assert f"{stage} #{number}" in warned[0]
    assert "change their scores first" in warned[0]


def test_the_section_speaks_the_interface_language(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _case_details(qtbot, window, tmp_path / "coming-home.yaml")
    section = page.form.competencies
    window.context.set_language("id")
    try:
        QApplication.processEvents()
        assert section.add_button.text() == "Tambah kompetensi"
        first = section.model.index(0, 0).data()
        assert first.startswith("Identifikasi korban (identification)")
        assert section.form.rows.labels["weight"].text() == "Bobot dalam nilai total"
    finally:
        window.context.set_language("en")


@pytest.mark.parametrize(("language", "half"), [("en", "1.5"), ("id", "1,5")])
def test_the_weight_reads_as_the_list_writes_it(qtbot, window: MainWindow, tmp_path: Path, language: str, half: str) -> None:  # type: ignore[no-untyped-def]
    """One number format: the list says "weight 1" and the field "1" (it said "1.0"); a half is "1,5" in Bahasa Indonesia."""
    page = _case_details(qtbot, window, tmp_path / "coming-home.yaml")
    window.context.set_language(language)
    try:
        QApplication.processEvents()
        section = page.form.competencies
        _select(page, "identification")
        weight = section.form["weight"]
        assert isinstance(weight, QDoubleSpinBox)
        listed = section.model.index(section.model.row_of("identification"), 0).data()
        assert listed.endswith(f" {weight.text()}")
        assert weight.text() == "1"
        weight.setValue(1.5)
        assert weight.text() == half
    finally:
        window.context.set_language("en")
