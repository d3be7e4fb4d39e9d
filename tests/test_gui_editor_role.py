"""The editor's case form edits the role the trainee plays: from the format's vocabulary, undoable, in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled
from tipcase.format.document import ScenarioDocument
from tipcase.format.roles import ROLE_IDS, ROLES
from tipcase.format.validator import validate_paths

from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
CASE = bundled.bundled_dir() / "returnee-domestic-violence.yaml"  # role: case-worker


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, seeded_url(tmp_path)))
    window.sign_in("demo-trainer", "demo-trainer")
    return window


def test_the_role_is_chosen_in_the_case_form_undone_redone_and_saved(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "coming-home.yaml"
    shutil.copy(CASE, path)
    window.show_editor(path)
    page = window.editor_page()
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    combo = page.case_form.combo("role")
    assert combo.currentData() == "case-worker"
    assert combo.currentText() == ROLES["case-worker"]["en"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["", *ROLE_IDS]  # no role, then the vocabulary
    assert page.case_form.rows.labels["role"].buddy() is combo  # Alt+letter and screen readers reach it by its label
    assert combo.accessibleName() == "Role the trainee plays"
    assert not page.case_form.has_changes()  # showing the form changes nothing

    combo.setCurrentIndex(combo.findData("prosecutor"))
    assert page.case_form.apply()
    assert page.document.data["role"] == "prosecutor"
    assert page.undo_stack.undoText() == "Change the case details"
    page.undo_stack.undo()
    assert page.document.data["role"] == "case-worker"
    assert page.case_form.combo("role").currentData() == "case-worker"  # the form follows the undo
    page.undo_stack.redo()
    assert page.document.data["role"] == "prosecutor"

    combo.setCurrentIndex(combo.findData(""))  # no role: the key goes
    assert page.case_form.apply()
    assert "role" not in page.document.data
    combo.setCurrentIndex(combo.findData("immigration-officer"))
    assert page.case_form.apply()
    assert page.session.save()
    saved = ScenarioDocument.load(path).data
    assert saved["role"] == "immigration-officer"
    assert list(saved).index("role") == list(saved).index("version") + 1  # where the format's example puts it
    assert [str(f) for f in validate_paths([str(path)]) if f.is_error] == []


def test_the_roles_are_named_in_the_interface_language(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "coming-home.yaml"
    shutil.copy(CASE, path)
    window.show_editor(path)
    page = window.editor_page()
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    window.context.set_language("id")
    try:
        combo = page.case_form.combo("role")
        assert combo.currentData() == "case-worker"  # the choice stays when the language changes
        assert combo.currentText() == ROLES["case-worker"]["id"]
        assert page.case_form.rows.labels["role"].text() == "Peran yang dimainkan peserta"
        assert not page.case_form.has_changes()
    finally:
        window.context.set_language("en")


def test_a_role_outside_the_vocabulary_is_kept_as_written(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "coming-home.yaml"
    path.write_text(CASE.read_text(encoding="utf-8").replace("role: case-worker", "role: midwife"), encoding="utf-8")
    window.show_editor(path)
    page = window.editor_page()
    qtbot.mouseClick(page.buttons["case"], Qt.MouseButton.LeftButton)
    assert page.case_form.combo("role").currentText() == "midwife"  # the findings list says E002; the form loses nothing
    assert not page.case_form.has_changes()
