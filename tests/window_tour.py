"""A tour of every window a user can open, role by role: each page and each dialog, shown once and handed to a look.

``every_window(window, folder, look)`` signs in as the trainer, the registrar, the administrator and a
trainee in turn on the seeded records (``tests.gui.seeded_url``, one trainee who completed the course, an
issuing key in TIPCASE_HOME) and calls ``look(where, widget)`` with each window as it is shown: the page in
the main window, or the dialog itself. tests/screen_fit_child.py measures each against the screen; the
mnemonics test checks that no two of its controls answer to one Alt+letter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tests.test_import_twine import LINK_FORMS

from ui.main_window import MainWindow

Look = Callable[[str, QWidget], None]


def in_modal(where: str, opens: Callable[[], object], look: Look) -> None:
    """Open a dialog that runs modally (``exec``): look at it once shown, then close it."""

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog | QMessageBox):
            look(where, dialog)
            dialog.reject()

    QTimer.singleShot(0, inspect)
    opens()


def every_window(window: MainWindow, folder: Path, look: Look, *, editor_look: Callable[[object], None] | None = None) -> None:
    """Show every page and dialog of every role once (``look`` at each); ``folder`` holds case.yaml and takes the tour's files.

    ``editor_look`` is given the editor page once it shows ``folder``/case.yaml (the screen test reads its legend).
    """
    in_modal("about", window._about, look)
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    cohorts = window.cohorts_page()
    look("cohorts", window)
    in_modal("new-cohort", cohorts.new_cohort, look)
    cohorts.new_course()
    look("course", cohorts.course_dialog)
    cohorts.course_dialog.reject()
    roster = folder / "roster.csv"
    roster.write_text("staff_id,full_name,rank\n90010999,Sri Wahyuni,Bripka\n", "utf-8")
    cohorts.preview_roster(roster)
    look("roster", cohorts.roster_dialog)
    cohorts.roster_dialog.accept()
    look("passwords", cohorts.passwords_dialog)
    cohorts.passwords_dialog.reject()
    story = folder / "story.twee"
    story.write_text(LINK_FORMS, encoding="utf-8")
    window.import_twine_file(story)
    look("twine", window.twine_dialog)
    window.twine_dialog.reject()
    window.show_editor(folder / "case.yaml")
    editor = window.editor_page()
    editor.select("arrival", 0)
    look("editor", window)
    if editor_look is not None:
        editor_look(editor)
    editor.show_case_form()
    look("editor-case-details", window)
    editor.select("arrival")
    editor.edits.play_from_selected()
    look("play-from-here", editor.edits.play_from_here)
    editor.edits.play_from_here.reject()
    window.sign_out()
    window.sign_in("demo-registrar", "demo-registrar")
    window.show_register()
    register = window.register_page()
    look("register", window)
    register.issue_for_cohort()
    look("issue-cohort", register.cohort_dialog)
    register.cohort_dialog.reject()
    register.issue_for_person()
    look("issue-person", register.person_dialog)
    register.person_dialog.reject()
    register.export_report()
    look("period", register.period_dialog)
    register.period_dialog.reject()
    window.show_verify()
    look("verify", window)
    window.sign_out()
    window.sign_in("demo-admin", "demo-admin")
    window.administration.show_accounts()
    accounts = window.current_page()
    look("accounts", window)
    accounts.new_account()
    look("new-account", accounts.new_dialog)
    accounts.new_dialog.reject()
    accounts.select("demo-trainee")
    accounts.edit_account()
    look("edit-account", accounts.edit_dialog)
    accounts.edit_dialog.reject()
    window.administration.edit_institution()
    look("institution", window.administration.institution_dialog)
    window.administration.institution_dialog.reject()
    window.sign_out()
    window.sign_in("demo-trainee", "demo-trainee")
    home = window.home_page()
    look("home", window)
    QTest.keyClick(home.tree, Qt.Key.Key_Return)  # starts the selected case
    player = window.player_page()
    player.warning_continue.click()
    look("player", window)
