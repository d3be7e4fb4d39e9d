"""A child process for tests/test_gui_screen_fit.py: every role's windows on a screen of its own.

Usage: QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/screen_fit_child.py FOLDER LANGUAGE
FOLDER holds the seeded records (gui.sqlite3) and the issuing key (home/). Prints one line per window
shown: ``fit WHERE AVAILABLE_W AVAILABLE_H FRAME_X FRAME_Y FRAME_W FRAME_H MIN_W MIN_H`` in logical pixels.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget

from tests.gui import make_context
from tests.window_tour import every_window

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


def _legend(editor: Any) -> None:
    if not editor.legend_box.is_open():  # folded on a small screen (tests/test_gui_legend_share.py): opened, it is whole
        editor.legend_box.toggle.click()
    report_legend("editor-legend", editor.graph_legend)


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
    every_window(window, folder, report, editor_look=_legend)
    print("pages", window.stack.count())


if __name__ == "__main__":
    main()
