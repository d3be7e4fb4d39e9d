"""Every role's pages and dialogs by keyboard and screen reader: each control named, Tab without a trap
and round the whole page, every text colour at WCAG AA contrast, and every editor command on a key.

(The trainee's pages are walked state by state in tests/test_gui_focus_chain.py.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit, QTableView, QTextEdit, QWidget

from tests.accessibility import accessible_name, check_page, interactive_widgets, palette_pairs
from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, play_through
from tests.test_gui_editor import copied_case
from tests.test_gui_trainee_day import activate
from tests.test_import_twine import LINK_FORMS
from tipcase.certificates.signing import init_keys
from tipcase.store.database import Database

from ui.main_window import MainWindow
from ui.pages.player_panels import plain
from ui.theme import AA, colours, contrast, readable_palette

pytestmark = pytest.mark.gui


@pytest.fixture(params=["en", "id"])
def window(request, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    url = seeded_url(tmp_path)
    db = Database(url)
    play_through(db, "other-trainee", BEST)
    db.dispose()
    window = open_window(qtbot, make_context(tmp_path, url, request.param))
    window.resize(1366, 768)
    activate(qtbot, window)
    return window


def in_modal(qtbot, opens: Callable[[], object], check: Callable[[QDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Run ``check`` on the modal dialog that ``opens`` shows with exec(), then close it."""
    seen: list[QDialog] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), "no dialog opened"
        seen.append(dialog)
        try:
            check(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, inspect)
    opens()
    assert seen


def first_field(dialog: QWidget) -> QWidget:
    return next(w for w in dialog.findChildren(QWidget) if w.isVisible() and w.focusPolicy() and isinstance(w, QLineEdit | QTextEdit))


def ok_button(dialog: QDialog) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.buttons()[0]


def test_the_trainer_s_pages_and_dialogs(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    page = window.cohorts_page()
    for tab in range(page.tabs.count()):  # each tab's view is a stop in the chain, and Tab leaves the tables
        page.tabs.setCurrentIndex(tab)
        names = check_page(qtbot, page, page.cohort_box)
        assert names[:3] == [accessible_name(page.cohort_box), accessible_name(page.course_box), accessible_name(page.scenario_box)]
        shown = page.tabs.currentWidget()
        stops = [w for w in interactive_widgets(shown) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        assert stops
        assert {accessible_name(w) for w in stops} <= set(names)
    in_modal(qtbot, page.new_cohort, lambda dialog: check_page(qtbot, dialog, first_field(dialog)))
    in_modal(qtbot, page.choose_course_to_assign, lambda dialog: check_page(qtbot, dialog, ok_button(dialog)))
    page.new_course()
    check_page(qtbot, page.course_dialog, page.course_dialog.code)
    page.course_dialog.reject()
    roster = tmp_path / "roster.csv"
    roster.write_text("staff_id,full_name,rank\n90010999,Sri Wahyuni,Bripka\n", "utf-8")
    page.preview_roster(roster)
    check_page(qtbot, page.roster_dialog, page.roster_dialog.import_button)
    page.roster_dialog.accept()
    passwords = page.passwords_dialog.findChild(QTableView)
    assert passwords is not None
    check_page(qtbot, page.passwords_dialog, passwords)
    page.passwords_dialog.reject()

    story = tmp_path / "story.twee"
    story.write_text(LINK_FORMS, encoding="utf-8")
    window.import_twine_file(story)
    check_page(qtbot, window.twine_dialog, window.twine_dialog.notes)
    window.twine_dialog.reject()

    window.show_editor(copied_case(tmp_path))
    editor = window.editor_page()
    editor.select("arrival")
    check_page(qtbot, editor, editor.outline)  # the stage's form
    editor.select("arrival", 0)
    names = check_page(qtbot, editor, editor.outline)  # a choice's form: feedback in several lines, Tab leaves it
    assert any(isinstance(w, QPlainTextEdit) for w in editor.choice_form.findChildren(QPlainTextEdit))
    assert accessible_name(editor.outline_filter) in names
    editor.show_case_form()
    check_page(qtbot, editor, editor.outline)
    editor.show_case_file_form()
    check_page(qtbot, editor, editor.outline)
    editor.select("arrival")
    editor.edits.play_from_selected()
    dialog = editor.edits.play_from_here
    check_page(qtbot, dialog, dialog._buttons[0])
    assert dialog.view.toPlainText() in dialog._buttons[0].accessibleDescription()  # the stage, read with the first choice
    qtbot.keyClick(dialog._buttons[0], Qt.Key.Key_Space)
    focus = QApplication.focusWidget()
    assert focus is not None
    assert plain(dialog.last.text()) in focus.accessibleDescription()  # what the choice brought, read with the next one
    assert dialog.view.toPlainText() in focus.accessibleDescription()
    dialog.reject()
    editor.undo_stack.setClean()


def test_every_editor_command_has_a_key_and_a_menu_entry(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_editor(copied_case(tmp_path))
    editor = window.editor_page()
    assert editor.menu.menuAction().isVisible()
    keys = [action.shortcut() for action in editor.actions_by_name.values()]
    assert all(not key.isEmpty() for key in keys)
    assert len({key.toString() for key in keys}) == len(keys)
    window_keys = {a.shortcut().toString() for a in window.findChildren(type(editor.undo_action)) if a.parent() is window}
    assert not window_keys & {key.toString() for key in keys}, "an editor key is also a window's key"
    in_menu = editor.menu.actions()
    assert all(action in in_menu for action in [*editor.actions_by_name.values(), editor.undo_action, editor.redo_action])
    assert all(action.text() for action in in_menu if not action.isSeparator())
    for name, key in zip(editor.actions_by_name, keys, strict=True):
        assert key.toString(QKeySequence.SequenceFormat.NativeText) in editor.buttons[name].toolTip()
    editor.select("arrival")
    editor.outline.setFocus()
    stages = len(editor.document.stages)
    qtbot.keyClick(editor.outline, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Duplicate stage, by its key
    assert len(editor.document.stages) == stages + 1
    window.show_home()
    assert not editor.menu.menuAction().isVisible()
    editor.undo_stack.setClean()


def test_the_registrar_s_pages_and_dialogs(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.sign_in("demo-registrar", "demo-registrar")
    window.show_register()
    page = window.register_page()
    page.issue_for_cohort()
    check_page(qtbot, page.cohort_dialog, page.cohort_dialog.course)
    page.cohort_dialog.accept()
    check_page(qtbot, page, page.search)
    page.issue_for_person()
    check_page(qtbot, page.person_dialog, page.person_dialog.search)
    page.person_dialog.reject()
    page.export_report()
    check_page(qtbot, page.period_dialog, page.period_dialog.start)
    page.period_dialog.reject()
    window.show_verify()
    verify = window.verify_page()
    verify.verify("TC-NOTHING")
    names = check_page(qtbot, verify, verify.entry)
    assert accessible_name(verify.result) in names  # the verdict is a stop of its own, read with its text
    assert verify.result.accessibleDescription()
    window.sign_out()
    window.sign_in("demo-admin", "demo-admin")
    window.show_register()
    check_page(qtbot, page, page.search)


def test_every_text_colour_meets_wcag_aa_in_light_and_dark_schemes(qapp) -> None:  # type: ignore[no-untyped-def]
    """The palette the app uses (Fusion's, made readable) and a dark one: every text role and the app's own colours."""
    light = readable_palette(qapp.style().standardPalette())
    dark = QPalette(QColor("#353535"), QColor("#2a2a2a"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#2a82da"))
    dark.setColor(QPalette.ColorRole.Link, QColor("#2a82da"))
    dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#80ffffff"))
    before = dict(palette_pairs(qapp.style().standardPalette()))
    assert before["Active HighlightedText on Highlight"] < AA  # as Fusion ships it: what readable_palette mends
    original = qapp.palette()
    try:
        for palette in (light, readable_palette(dark)):
            assert all(ratio >= AA for _pair, ratio in palette_pairs(palette)), palette_pairs(palette)
            qapp.setPalette(palette)
            scheme = colours()
            for background in (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)):
                for name in ("good", "bad", "warning", "route", "best", "muted"):
                    assert contrast(getattr(scheme, name), background) >= AA, (name, background.name())
    finally:
        qapp.setPalette(original)


def test_the_trainee_s_pages_by_name_and_contrast(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Sign-in, My courses (with a certificate to save and print) and the debrief, in both languages."""
    check_page(qtbot, window.sign_in_page, window.sign_in_page.username)
    play_through(window.context.db, "demo-trainee", BEST)
    window.sign_in("demo-trainee", "demo-trainee")
    home = window.home_page()
    names = check_page(qtbot, home, home.tree)
    assert accessible_name(home.debrief_button) in names
    home.debrief_button.click()
    debrief = window.debrief_page()
    assert window.current_page() is debrief
    check_page(qtbot, debrief, debrief.decision_list)
