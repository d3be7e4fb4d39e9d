"""A child process for tests/test_gui_screen_fit.py: every role's windows on a screen of its own.

Usage: QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/screen_fit_child.py FOLDER LANGUAGE
FOLDER holds the seeded records (gui.sqlite3) and the issuing key (home/). Prints one line per window
shown: ``fit WHERE AVAILABLE_W AVAILABLE_H FRAME_X FRAME_Y FRAME_W FRAME_H MIN_W MIN_H`` in logical pixels.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tests.gui import make_context
from tests.test_import_twine import LINK_FORMS

from ui.main_window import MainWindow
from ui.settings import GEOMETRY
from ui.widgets.map_legend import SPACING, MapLegend

app = QApplication.instance() or QApplication(sys.argv[:1])


def settle() -> None:
    for _ in range(4):
        app.processEvents()


def report(where: str, window: QWidget) -> None:
    settle()
    area, frame, least = window.screen().availableGeometry(), window.frameGeometry(), window.minimumSizeHint()
    print("fit", where, area.width(), area.height(), frame.x(), frame.y(), frame.width(), frame.height(), least.width(), least.height())


def report_legend(where: str, legend: MapLegend) -> None:
    """``legend WHERE WIDTH HEIGHT NEEDED_HEIGHT RIGHTMOST``: how much a map legend needs against what it has."""
    settle()
    rightmost = max((sum(size for _, size, _ in row[:-1]) + row[-1][1] - SPACING for _, row in legend.rows(legend.width())), default=0)
    print("legend", where, legend.width(), legend.height(), legend.heightForWidth(legend.width()), round(rightmost))


def in_modal(where: str, opens: object) -> None:
    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog | QMessageBox):
            report(where, dialog)
            dialog.reject()

    QTimer.singleShot(0, inspect)
    opens()  # type: ignore[operator]


def main() -> None:
    folder, language = Path(sys.argv[1]), sys.argv[2]
    os.environ["TIPCASE_HOME"] = str(folder / "home")
    context = make_context(folder, f"sqlite:///{folder / 'gui.sqlite3'}", language)
    window = MainWindow(context)
    window.show()
    report("first-window", window)
    window.resize(1366, 768)  # as a window left large on a bigger screen
    context.settings.set(GEOMETRY, window.saveGeometry())
    window.hide()
    window = MainWindow(context)
    window.show()
    report("restored-window", window)
    window.open_database()
    in_modal("about", window._about)
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    cohorts = window.cohorts_page()
    report("cohorts", window)
    in_modal("new-cohort", cohorts.new_cohort)
    cohorts.new_course()
    report("course", cohorts.course_dialog)
    cohorts.course_dialog.reject()
    roster = folder / "roster.csv"
    roster.write_text("staff_id,full_name,rank\n90010999,Sri Wahyuni,Bripka\n", "utf-8")
    cohorts.preview_roster(roster)
    report("roster", cohorts.roster_dialog)
    cohorts.roster_dialog.accept()
    report("passwords", cohorts.passwords_dialog)
    cohorts.passwords_dialog.reject()
    story = folder / "story.twee"
    story.write_text(LINK_FORMS, encoding="utf-8")
    window.import_twine_file(story)
    report("twine", window.twine_dialog)
    window.twine_dialog.reject()
    window.show_editor(folder / "case.yaml")
    editor = window.editor_page()
    editor.select("arrival", 0)
    report("editor", window)
    if not editor.legend_box.is_open():  # folded on a small screen (tests/test_gui_legend_share.py): opened, it is whole
        editor.legend_box.toggle.click()
    report_legend("editor-legend", editor.graph_legend)
    editor.select("arrival")
    editor.edits.play_from_selected()
    report("play-from-here", editor.edits.play_from_here)
    editor.edits.play_from_here.reject()
    window.sign_out()
    window.sign_in("demo-registrar", "demo-registrar")
    window.show_register()
    register = window.register_page()
    report("register", window)
    register.issue_for_cohort()
    report("issue-cohort", register.cohort_dialog)
    register.cohort_dialog.reject()
    register.issue_for_person()
    report("issue-person", register.person_dialog)
    register.person_dialog.reject()
    register.export_report()
    report("period", register.period_dialog)
    register.period_dialog.reject()
    window.show_verify()
    report("verify", window)
    window.sign_out()
    window.sign_in("demo-admin", "demo-admin")
    window.administration.show_accounts()
    accounts = window.current_page()
    report("accounts", window)
    accounts.new_account()
    report("new-account", accounts.new_dialog)
    accounts.new_dialog.reject()
    accounts.select("demo-trainee")
    accounts.edit_account()
    report("edit-account", accounts.edit_dialog)
    accounts.edit_dialog.reject()
    window.administration.edit_institution()
    report("institution", window.administration.institution_dialog)
    window.administration.institution_dialog.reject()
    window.sign_out()
    window.sign_in("demo-trainee", "demo-trainee")
    home = window.home_page()
    report("home", window)
    QTest.keyClick(home.tree, Qt.Key.Key_Return)  # starts the selected case
    player = window.player_page()
    player.warning_continue.click()
    report("player", window)
    print("pages", window.stack.count())


if __name__ == "__main__":
    main()
