"""A child process for tests/test_gui_legend_share.py: every map's legend on a screen of its own.

Usage: QT_SCALE_FACTOR=S QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/legend_share_child.py FOLDER LANGUAGE
FOLDER holds the seeded records (gui.sqlite3, a finished attempt of demo-trainee) and case.yaml. The main
window fills the screen. Prints one line per map: ``legend WHERE OPEN SHARE WIDTH HEIGHT NEEDED RIGHTMOST``
(SHARE: the part of the map's room its legend takes, in thousandths), then, for the editor, the same after
its fold button is pressed (``editor-opened``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from tests.gui import make_context

from ui.main_window import MainWindow
from ui.widgets.map_legend import SPACING, LegendBox

app = QApplication.instance() or QApplication(sys.argv[:1])


def settle() -> None:
    for _ in range(6):
        app.processEvents()


def report(where: str, box: LegendBox) -> None:
    settle()
    legend = box.legend
    rightmost = max((sum(size for _, size, _ in row[:-1]) + row[-1][1] - SPACING for _, row in legend.rows(legend.width())), default=0)
    needed = legend.heightForWidth(legend.width())
    print("legend", where, int(box.is_open()), round(1000 * box.share()), legend.width(), legend.height(), needed, round(rightmost))


def main() -> None:
    folder, language = Path(sys.argv[1]), sys.argv[2]
    os.environ["TIPCASE_HOME"] = str(folder / "home")
    context = make_context(folder, f"sqlite:///{folder / 'gui.sqlite3'}", language)
    window = MainWindow(context)
    window.setGeometry(window.screen().availableGeometry())
    window.show()
    window.open_database()
    window.sign_in("demo-trainee", "demo-trainee")
    home = window.home_page()
    _, case = home.selected()
    assert case is not None
    assert case.last_finished_attempt_id is not None
    window.show_debrief(case.last_finished_attempt_id)
    debrief = window.debrief_page()
    for tab, panel in ((1, debrief.route_panel), (2, debrief.pathway_panel)):
        debrief.tabs.setCurrentIndex(tab)
        report(f"debrief-{tab}", panel.legend_box)
    window.show_home()
    settle()
    home.start_button.click()
    player = window.player_page()
    player.warning_continue.click()
    player.side.setCurrentIndex(1)
    report("trail", player.trail_panel.legend_box)
    window.sign_out()
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_cohorts()
    cohorts = window.cohorts_page()
    cohorts.tabs.setCurrentWidget(cohorts.heat_panel)
    report("heat", cohorts.heat_panel.legend_box)
    window.show_editor(folder / "case.yaml")
    editor = window.editor_page()
    editor.select("arrival", 0)
    report("editor", editor.legend_box)
    if not editor.legend_box.is_open():
        editor.legend_box.toggle.click()
    report("editor-opened", editor.legend_box)


if __name__ == "__main__":
    main()
