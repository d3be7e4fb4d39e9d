"""Open and save dialogs that start in a sensible folder: the last one used for that kind of file, else Documents.

Qt's static dialogs start in the process's working folder when given no folder, which for an installed app
is the program's own folder (or wherever a shortcut started it). Here each kind of file (scenarios,
stories to import, rosters, reports, certificates...) remembers the folder it was last opened from or
saved to, in the workstation's settings (``FOLDERS``), and starts in the user's Documents folder (their
home when there is none) the first time.

Where the desktop offers no dialog of its own (Linux without a desktop portal, a test's X server), Qt draws
one, about 620 pixels wide: names, kinds and dates were cut to "Acadia-Universi…", "Do…ML", "30 11 2…6 13:07".
``install`` makes each such dialog, as it opens, as large as its screen allows (at most ``WIDTH`` x
``HEIGHT``), with its size, kind and date columns sized to their contents and the name taking the rest. It
hears the dialog open through the application's ``focusChanged`` (a dialog takes the focus when it opens),
not through a filter on every event. Qt's dialog and view classes (and ``json``) load when a dialog is
first asked for, not with the app's first window, which opens none. Its words (Look in, Files of type...) are Qt's, translated by
``resources/translations/qtbase_<lang>.ts`` (``ui.i18n``). A desktop's native dialog is not a QWidget and is
left as the desktop draws it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from ui.settings import FOLDERS, Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

_settings: Settings | None = None


def use_settings(settings: Settings | None) -> None:
    """Remember folders in ``settings`` from now on (the app's context sets it; None forgets nothing and remembers nothing)."""
    global _settings  # noqa: PLW0603 - one workstation, one place to remember
    _settings = settings


def documents_folder() -> Path:
    """The user's Documents folder, or their home folder when the platform has none or it does not exist."""
    from PySide6.QtCore import QStandardPaths  # noqa: PLC0415 - see the module's docstring

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _remembered() -> dict[str, str]:
    import json  # noqa: PLC0415

    if _settings is None:
        return {}
    try:
        found = json.loads(_settings.get(FOLDERS) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def remembered_folder(kind: str) -> Path | None:
    """The folder last used for ``kind`` files when it still exists, else None."""
    last = _remembered().get(kind)
    return Path(last) if last and Path(last).is_dir() else None


def start_folder(kind: str) -> Path:
    """Where a dialog for ``kind`` files starts: the folder last used for them if it still exists, else Documents."""
    return remembered_folder(kind) or documents_folder()


def remember(kind: str, chosen: Path) -> None:
    """Note the folder of ``chosen`` as the one to start in next time for ``kind`` files."""
    import json  # noqa: PLC0415

    if _settings is None:
        return
    folders = _remembered()
    folders[kind] = str(chosen.parent)
    _settings.set(FOLDERS, json.dumps(folders, sort_keys=True))


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> Path | None:
    """Ask for a file to open, starting in ``kind``'s folder; None when cancelled. The folder is remembered."""
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if not name:
        return None
    remember(kind, Path(name))
    return Path(name)


def save_file(parent: QWidget | None, kind: str, title: str, suggested: str | Path, filters: str) -> Path | None:
    """Ask where to save, offering ``suggested`` (a bare name goes into ``kind``'s folder); None when cancelled.

    A ``suggested`` path with a folder of its own (the file being edited) is offered as it is.
    """
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

    offered = Path(suggested)
    if not offered.is_absolute():
        offered = start_folder(kind) / offered.name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(offered), filters)
    if not name:
        return None
    remember(kind, Path(name))
    return Path(name)


WIDTH, HEIGHT = 960, 560  # pixels: room for a long name and the size, kind and date columns on a 1366x768 screen
FITTED = "tipcaseFitted"  # the dynamic property of a dialog already fitted (the user may resize it after)


def fit(dialog: QFileDialog) -> None:
    """Size ``dialog`` to its screen (``WIDTH`` x ``HEIGHT`` at most, whole on it) and its detail columns to their contents."""
    from PySide6.QtWidgets import QHeaderView, QTreeView  # noqa: PLC0415

    area = dialog.screen().availableGeometry()
    width, height = min(WIDTH, area.width() - 40), min(HEIGHT, area.height() - 60)
    if dialog.width() < width or dialog.height() < height:
        dialog.resize(max(dialog.width(), width), max(dialog.height(), height))
        frame = dialog.frameGeometry()
        owner = dialog.parentWidget()
        frame.moveCenter(owner.window().frameGeometry().center() if owner is not None else area.center())
        frame.moveLeft(max(area.left(), min(frame.left(), area.right() - frame.width())))
        frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height())))
        dialog.move(frame.topLeft())
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        if header.count() < 2:
            continue
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes what the others leave
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def _focus_moved(_old: QWidget | None, now: QWidget | None) -> None:
    """The focus moved to ``now``: when it is in one of Qt's file dialogs not fitted yet, fit it."""
    dialog = now.window() if now is not None else None
    if dialog is not None and dialog.inherits("QFileDialog") and not dialog.property(FITTED):  # by name: QFileDialog loads with a dialog
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        assert isinstance(dialog, QFileDialog)
        dialog.setProperty(FITTED, True)
        fit(dialog)


_installed: list[QApplication] = []


def install() -> None:
    """Fit each of Qt's file dialogs as it opens, from now on (once per application; nothing without one)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app in _installed:
        return
    app.focusChanged.connect(_focus_moved)
    _installed.append(app)
