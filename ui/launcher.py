"""The ``tipcase`` command: a subcommand runs the Qt-free core command line; no subcommand opens the app.

This module lives in the UI layer so that the dependency points from the UI to the core. It imports
nothing from Qt until the desktop app is actually wanted, so ``tipcase validate`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_OPTIONS = frozenset({"--quit-after-start"})


def wants_gui(args: Sequence[str]) -> bool:
    """No arguments, or only options of the desktop app."""
    return all(arg in GUI_OPTIONS for arg in args)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args):
        from tipcase.ui.app import main as gui_main  # noqa: PLC0415 - Qt loads only when the app is wanted

        sys.exit(gui_main(args))
    from tipcase.cli import main as cli_main  # noqa: PLC0415 - likewise, the CLI loads only when used

    sys.exit(cli_main(args))
