"""Start-up of the desktop app: the QApplication, the application context and the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tipcase import __version__
from tipcase.ui.context import ApplicationContext
from tipcase.ui.main_window import MainWindow


def create_app(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("TIPCase")
    app.setOrganizationName("TIPCase")
    app.setApplicationVersion(__version__)
    return app


def missing_display() -> str | None:
    """Why Qt cannot open a window here (Linux without X11 or Wayland), or None when it can."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set. "
        "Start TIPCase from a desktop session (or set QT_QPA_PLATFORM=offscreen for a headless check)."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Open the app; with ``--quit-after-start``, show the first window, let the loop go idle once, exit 0."""
    args = list(sys.argv[1:] if argv is None else argv)
    problem = missing_display()
    if problem is not None:
        print(f"tipcase: {problem}", file=sys.stderr)
        return 1
    app = create_app([a for a in args if a != "--quit-after-start"])
    window = MainWindow(ApplicationContext())
    window.load_library()
    window.show()
    if "--quit-after-start" in args:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
