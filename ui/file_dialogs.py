"""Open and save dialogs that start in a sensible folder: the last one used for that kind of file, else Documents.

Qt's static dialogs start in the process's working folder when given no folder, which for an installed app
is the program's own folder (or wherever a shortcut started it). Here each kind of file (scenarios,
stories to import, rosters, reports, certificates...) remembers the folder it was last opened from or
saved to, in the workstation's settings (``FOLDERS``), and starts in the user's Documents folder (their
home when there is none) the first time.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.settings import FOLDERS, Settings

_settings: Settings | None = None


def use_settings(settings: Settings | None) -> None:
    """Remember folders in ``settings`` from now on (the app's context sets it; None forgets nothing and remembers nothing)."""
    global _settings  # noqa: PLW0603 - one workstation, one place to remember
    _settings = settings


def documents_folder() -> Path:
    """The user's Documents folder, or their home folder when the platform has none or it does not exist."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _remembered() -> dict[str, str]:
    if _settings is None:
        return {}
    try:
        found = json.loads(_settings.get(FOLDERS) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def start_folder(kind: str) -> Path:
    """Where a dialog for ``kind`` files starts: the folder last used for them if it still exists, else Documents."""
    last = _remembered().get(kind)
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember(kind: str, chosen: Path) -> None:
    """Note the folder of ``chosen`` as the one to start in next time for ``kind`` files."""
    if _settings is None:
        return
    folders = _remembered()
    folders[kind] = str(chosen.parent)
    _settings.set(FOLDERS, json.dumps(folders, sort_keys=True))


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> Path | None:
    """Ask for a file to open, starting in ``kind``'s folder; None when cancelled. The folder is remembered."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if not name:
        return None
    remember(kind, Path(name))
    return Path(name)


def save_file(parent: QWidget | None, kind: str, title: str, suggested: str | Path, filters: str) -> Path | None:
    """Ask where to save, offering ``suggested`` (a bare name goes into ``kind``'s folder); None when cancelled.

    A ``suggested`` path with a folder of its own (the file being edited) is offered as it is.
    """
    offered = Path(suggested)
    if not offered.is_absolute():
        offered = start_folder(kind) / offered.name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(offered), filters)
    if not name:
        return None
    remember(kind, Path(name))
    return Path(name)
