"""The ``tipcase`` command: a subcommand runs the Qt-free core command line; no subcommand opens the app.

This module lives in the UI layer so that the dependency points from the UI to the core. It imports
nothing from Qt until the desktop app is actually wanted, so ``tipcase validate`` starts fast.

Both end without tearing the interpreter down (``exit_now``): once the command or the app has returned,
the exit handlers run and the standard streams are flushed, and the process ends there. Unloading
SQLAlchemy, Qt and the rest module by module cost about 0.15 s of CPU at every exit, spent after the
work was done and before the terminal's prompt came back. PySide6's own exit handler is that teardown
for Qt (it deletes the application and every widget one by one: 13 ms of CPU after the first window,
``make bench ONLY=startup``), so it is taken out before the others run.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

GUI_FLAGS = frozenset({"--quit-after-start", "--quit-after-first-window", "--quit-after-preload"})


def wants_gui(args: Sequence[str]) -> bool:
    """No subcommand: only options of the desktop app (``--quit-after-start``, ``--quit-after-first-window``, ``--database URL``)."""
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--database" and rest:
            rest.pop(0)
        elif not (arg in GUI_FLAGS or arg.startswith("--database=")):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> None:
    """The ``tipcase`` command: open the app when no subcommand is given, else run the core's command line; never returns."""
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args):
        gc.disable()  # loading Qt and the app makes thousands of lasting objects and no garbage: scanning them costs
        import PySide6.QtCore  # noqa: PLC0415, F401 - Qt loads only when the app is wanted; it installs the hook removed next

        from ui.import_hook import remove_feature_import_hook  # noqa: PLC0415

        remove_feature_import_hook()  # the app's own modules and the records layer import at Python's cost
        from ui.app import main as gui_main  # noqa: PLC0415

        gc.freeze()  # ... and are kept for good: resumed without it, the collector's next pass scanned them all (ui.records_start)
        gc.enable()
        exit_now(gui_main(args))
    from tipcase.cli import freeze_what_loads  # noqa: PLC0415 - likewise, the CLI loads only when used
    from tipcase.cli import main as cli_main  # noqa: PLC0415

    freeze_what_loads()  # this process is the command's own: what its modules load is kept for good, as the app's is
    exit_now(cli_main(args))


def exit_now(code: int) -> NoReturn:
    """End the process with ``code`` after the exit handlers (the log's, temporary folders') and a flush of stdout and stderr.

    What Python's own shutdown would add is freeing every module and object one by one, which the
    operating system does at once; PySide6's exit handler (``QtCore.__moduleShutdown``, which deletes the
    QApplication and every Qt object) is the same for Qt, and does not run. Files, databases and settings
    are closed by the commands and the app before they return (the app syncs its settings and disposes of
    its database; commands close theirs).
    """
    qt_core = sys.modules.get("PySide6.QtCore")
    qt_teardown = getattr(qt_core, "__moduleShutdown", None)
    if qt_teardown is not None:
        atexit.unregister(qt_teardown)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (tipcase ... | head): nothing left to say
            stream.flush()
    os._exit(code)
