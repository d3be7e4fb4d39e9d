"""The ``tipcase`` command: a subcommand runs the Qt-free core command line; no subcommand opens the app.

This module lives in the UI layer so that the dependency points from the UI to the core. It imports
nothing from Qt until the desktop app is actually wanted, so ``tipcase validate`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_FLAGS = frozenset({"--quit-after-start"})


def wants_gui(args: Sequence[str]) -> bool:
    """No subcommand: only options of the desktop app (``--quit-after-start``, ``--database URL``)."""
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--database" and rest:
            rest.pop(0)
        elif not (arg in GUI_FLAGS or arg.startswith("--database=")):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args):
        from ui.app import main as gui_main  # noqa: PLC0415 - Qt loads only when the app is wanted

        sys.exit(gui_main(args))
    from tipcase.cli import main as cli_main  # noqa: PLC0415 - likewise, the CLI loads only when used

    sys.exit(cli_main(args))
