"""Start-up of the desktop app: the QApplication, settings, language, the context and the main window.

``main`` also starts the log file (``tipcase.logs``) and installs the one handler of unexpected
exceptions and Qt's messages (``ui.errors.ErrorHandler``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tipcase import __version__
from tipcase.logs import keep_early_records, start_file_log

from ui.context import ApplicationContext
from ui.errors import ErrorHandler
from ui.i18n import Translations, system_language
from ui.import_hook import remove_feature_import_hook
from ui.main_window import MainWindow
from ui.records_start import freeze_what_loads
from ui.settings import LANGUAGE, Settings
from ui.tasks import TaskRunner


def create_app(argv: Sequence[str]) -> QApplication:
    """The QApplication (the existing one, else a new one with ``argv``), named TIPCase with the package's version."""
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("TIPCase")
    app.setOrganizationName("TIPCase")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("TIPCase")
    return app


def create_context(
    database_url: str | None = None, settings: Settings | None = None, tasks: TaskRunner | None = None, *, watch_changes: bool = True
) -> ApplicationContext:
    """The context of a running app: settings, the remembered (or system) language, a task runner.

    ``watch_changes``: hear what other workstations change once the records are open (``ui.notifier``).
    """
    settings = settings or Settings()
    from ui import file_dialogs  # noqa: PLC0415 - Qt's widgets are loaded by now

    file_dialogs.use_settings(settings)  # open and save dialogs start where that kind of file was last
    file_dialogs.install()  # Qt's own file dialog at a size whose columns are read whole
    translations = Translations()
    translations.apply(settings.get(LANGUAGE) or system_language())
    return ApplicationContext(
        settings=settings, tasks=tasks or TaskRunner(), translations=translations, database_url=database_url, watch_changes=watch_changes
    )


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


def _option(args: list[str], name: str) -> str | None:
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Open the app; returns its exit status.

    ``--quit-after-start`` exits once a sign-in could complete (the records open, their schema checked,
    the sign-in service loaded): 0, or 1 with the reason when the records cannot be opened. That is
    what a trainee waits for, and what ``make bench`` times. ``--quit-after-first-window`` exits once the
    first window has painted and the loop has gone idle once (a check that the display works).
    ``--quit-after-preload`` (not in the help: for ``make bench``) exits once the worker that loads what the pages
    after the sign-in read with has finished too (``ui.records_start``): a start left at the sign-in page until
    its background loading is over.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    remove_feature_import_hook()  # done by the launcher already; here for ``tipcase-gui``, before the records layer loads
    problem = missing_display()
    if problem is not None:
        print(f"tipcase: {problem}", file=sys.stderr)
        return 1
    app = create_app([])
    freeze_what_loads()  # this process is the app: what the records layer loads is kept for good (ui.records_start)
    keep_early_records()  # the log file itself opens after the first paint (below): tipcase.logs says why
    context = create_context(database_url=_option(args, "--database"))
    window = MainWindow(context)
    errors = ErrorHandler(where=lambda: context.db.where if context.db is not None else "", keep_work=window.keep_work)
    errors.install()
    context.tasks.unhandled.connect(errors.show)
    window.show()
    if "--quit-after-first-window" in args:
        QTimer.singleShot(0, app.quit)
    # opens the records once the loop runs: after the first paint
    window.start(quit_when_ready="--quit-after-start" in args, quit_when_preloaded="--quit-after-preload" in args)
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, start_file_log))  # likewise, with what was logged until then
    code = app.exec()
    context.notifier.stop()
    context.tasks.wait(10_000)
    errors.uninstall()
    context.settings.store.sync()  # written now: the launcher ends the process without Qt's teardown
    if context.db is not None:
        context.db.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
