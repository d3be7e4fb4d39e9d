"""A walk through the app as a user would take it: every menu action, toolbar action and button of every page
and dialog a role can reach, pressed through its real signal (``click()`` / ``trigger()``).

Modal dialogs cannot run in a test, so the static helpers (``QMessageBox.question``, ``QFileDialog``,
``QInputDialog.getText``) and ``QDialog.exec`` are patched: they answer as a user going ahead would
(Yes, a fitting file, a reason typed, OK) and record what they were shown. A dialog opened with ``open()``
is walked in turn (its own buttons, then OK), and closed if it is still open. Every sentence a message box
shows is kept, so a test can fail on the "something unexpected" sentence; exceptions in slots and Qt's
warnings fail the test through pytest-qt (``qt_log_level_fail``).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from tests.mnemonics import clashes
from tests.teams import write_team
from tipcase import bundled

from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
LAST = {"end_button"}  # pressed after every other control of its page: ending a session disables what acts on it
Key = tuple[str, ...]


@dataclass
class Walk:
    """What a walk pressed and what it was told."""

    pressed: list[str] = field(default_factory=list)
    boxes: list[tuple[str, str]] = field(default_factory=list)  # (title, text) of every message box
    statuses: list[str] = field(default_factory=list)  # every status bar message
    dialogs: list[str] = field(default_factory=list)  # class names of the dialogs walked
    pages: list[str] = field(default_factory=list)  # class names of the pages walked
    clashes: set[str] = field(default_factory=set)  # Alt+letter shared by two controls in view (tests/mnemonics.py)


def _first_leaf(model: QAbstractItemModel) -> QModelIndex:
    index = model.index(0, 0)
    while index.isValid() and model.rowCount(index) > 0:
        index = model.index(0, 0, index)
    return index


def _shown(button: QWidget) -> bool:
    """Visible, or in a toolbar's overflow (reached under its arrow)."""
    bar = button.parent()
    if button.isVisible() or not isinstance(bar, QToolBar) or not bar.isVisible():
        return button.isVisible()
    return any(bar.widgetForAction(action) is button and action.isVisible() for action in bar.actions())


def _label(control: QAbstractButton | QAction) -> str:
    text = control.text().replace("&", "")
    return text or control.toolTip() or control.accessibleName() if isinstance(control, QWidget) else text or control.toolTip()


def _names(root: QWidget) -> dict[int, str]:
    """The attribute names that hold ``root``'s buttons (``start_button``): a button keeps its name when its text changes."""
    names: dict[int, str] = {}
    todo: list[tuple[object, str, int]] = [(root, "", 0)]
    seen: set[int] = set()
    while todo:
        obj, prefix, depth = todo.pop()
        if id(obj) in seen or depth > 3:
            continue
        seen.add(id(obj))
        for attr, value in list(getattr(obj, "__dict__", {}).items()):
            if isinstance(value, QAbstractButton | QAction):
                names.setdefault(id(value), prefix + attr)
            elif isinstance(value, dict):
                for item, held in value.items():
                    if isinstance(held, QAbstractButton):
                        names.setdefault(id(held), f"{prefix}{attr}[{item}]")
            elif isinstance(value, QWidget) and not attr.startswith("__"):
                todo.append((value, f"{prefix}{attr}.", depth + 1))
    return names


class Walker:
    """Walks ``window`` for the signed-in role; ``files`` is a folder for what the walk opens and saves."""

    def __init__(self, qtbot: Any, window: MainWindow, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.qtbot = qtbot
        self.window = window
        self.files = files
        self.walk = Walk()
        self._depth = 0
        files.mkdir(parents=True, exist_ok=True)
        self._patch(monkeypatch)
        window.context.tasks.unhandled.connect(lambda error: self.walk.boxes.append(("unhandled", repr(error))))
        window.context.signals.status_message.connect(self.walk.statuses.append)

    # -- modal dialogs answered ------------------------------------------------------------------
    def _patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def box(answer: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
            def shown(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
                self.walk.boxes.append((title, text))
                return answer

            return shown

        def question(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
            self.walk.boxes.append((title, text))
            default = kwargs.get("defaultButton", args[1] if len(args) > 1 else None)
            return default if default not in (None, QMessageBox.StandardButton.NoButton) else QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", question)
        monkeypatch.setattr(QMessageBox, "warning", box(QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "information", box(QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "critical", box(QMessageBox.StandardButton.Close))
        monkeypatch.setattr(QMessageBox, "about", box(QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Walked through by the test", True))
        monkeypatch.setattr(
            QInputDialog, "getItem", lambda _parent, _title, _label, items, *_a, **_k: (items[0] if items else "", bool(items))
        )
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(self._open_file(a, k)), ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(self._save_file(a, k)), ""))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(self.files))
        walker = self

        def exec_(dialog: QDialog) -> int:
            walker._walk_dialog(dialog, modal=True)
            return int(QDialog.DialogCode.Accepted)

        monkeypatch.setattr(QDialog, "exec", exec_)
        monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: int(QDialog.DialogCode.Rejected))  # no printer here

    @staticmethod
    def _filter(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        return str(kwargs.get("filter") or (args[3] if len(args) > 3 else ""))

    def _open_file(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Path:
        """A file of the kind the dialog asks for."""
        wanted = self._filter(args, kwargs).lower()
        if "team case" in wanted:  # a team case, with the pathway it names beside it
            return write_team(self.files / "team")
        if "*.twee" in wanted or "h5p" in wanted:
            target = self.files / "story.twee"
            target.write_text(":: StoryTitle\nWalk\n\n:: Start\nA first passage. [[On->Next]]\n\n:: Next\nThe end.\n", encoding="utf-8")
            return target
        if "*.yaml" in wanted:
            target = self.files / "case.yaml"
            shutil.copyfile(bundled.bundled_dir() / "scam-compound-return.yaml", target)
            return target
        if "*.pdf" in wanted:
            return ROOT / "docs" / "sample" / "certificate.pdf"
        if "*.csv" in wanted or "*.xlsx" in wanted:
            target = self.files / "roster.csv"
            target.write_text(
                "username,full_name,rank,staff_id,unit\nwalk-trainee,Bripda Walk Test,Bripda,99887766,Unit PPA\n", encoding="utf-8"
            )
            return target
        if "*.png" in wanted or "*.jpg" in wanted or "image" in wanted:
            return ROOT / "docs" / "sample" / "certificate.png"
        raise AssertionError(f"the walk has no file for an open dialog asking for {wanted!r}")

    def _save_file(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Path:
        suffix = re.search(r"\*(\.\w+)", self._filter(args, kwargs))
        return self.files / f"saved-{len(self.walk.pressed)}{suffix.group(1) if suffix else ''}"

    # -- pressing --------------------------------------------------------------------------------
    def settle(self) -> None:
        for _ in range(3):
            QApplication.processEvents()
        self._close_open_dialogs()

    def press(self, control: QAbstractButton | QAction, where: str) -> None:
        self.note_clashes(where)
        self.walk.pressed.append(f"{where}: {_label(control)}")
        if isinstance(control, QAction):
            control.trigger()
        else:
            control.click()
        self.settle()

    def note_clashes(self, where: str) -> None:
        """Keep the Alt+letter shortcuts two controls share in the window and in each dialog open now."""
        shown = [self.window, *(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())]
        for root in shown:
            for letter, texts in clashes(root).items():
                self.walk.clashes.add(f"{where} ({type(root).__name__}): Alt+{letter.upper()} {', '.join(sorted(texts))}")

    def _close_open_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and not isinstance(widget, QMessageBox):
                self._walk_dialog(widget, modal=False)
            elif isinstance(widget, QMessageBox) and widget.isVisible():
                self.walk.boxes.append((widget.windowTitle(), widget.text()))
                widget.close()

    def _walk_dialog(self, dialog: QDialog, *, modal: bool) -> None:
        """Press the dialog's own buttons once, then its OK (or Close), then close it if it stayed open."""
        name = type(dialog).__name__
        self.walk.dialogs.append(name)
        if self._depth > 2:
            dialog.reject()
            return
        self._depth += 1
        try:
            self._select_rows(dialog)
            box_buttons: list[QAbstractButton] = []
            for box in dialog.findChildren(QDialogButtonBox):
                box_buttons.extend(box.buttons())
            for button in self._buttons(dialog):
                if button in box_buttons or not dialog.isVisible():
                    continue
                if button.isVisible() and button.isEnabled():
                    self.press(button, name)
            self._choose_a_row_that_works(dialog)
            for box in dialog.findChildren(QDialogButtonBox):
                for role in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.ApplyRole):
                    for button in box.buttons():
                        if dialog.isVisible() and box.buttonRole(button) == role and button.isVisible() and button.isEnabled():
                            self.press(button, name)
        finally:
            self._depth -= 1
        if dialog.isVisible() and not modal:
            dialog.reject()
            QApplication.processEvents()

    @staticmethod
    def _choose_a_row_that_works(dialog: QDialog) -> None:
        """As a user would: when OK is greyed out, try the rows of the dialog's lists until it is not."""

        def ready() -> bool:
            return any(
                box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole and b.isEnabled()
                for box in dialog.findChildren(QDialogButtonBox)
                for b in box.buttons()
            )

        for view in dialog.findChildren(QAbstractItemView):
            model = view.model()
            for row in range(min(model.rowCount() if model is not None else 0, 20)):
                if ready() or not view.isVisible():
                    return
                view.setCurrentIndex(model.index(row, 0))
                QApplication.processEvents()

    @staticmethod
    def _buttons(root: QWidget) -> list[QAbstractButton]:
        """The buttons of ``root`` a user presses: not a toolbar's overflow arrow nor a tab bar's scroll arrows."""
        found = []
        for button in root.findChildren(QAbstractButton):
            if button.objectName() in ("qt_toolbar_ext_button", "ScrollLeftButton", "ScrollRightButton"):
                continue
            if isinstance(button, QToolButton) and button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup and button.menu():
                continue  # its menu's actions are the commands (pressing it would open the menu and wait)
            if not button.isCheckable() or isinstance(button, QToolButton):
                found.append(button)
        return found

    @staticmethod
    def _select_rows(root: QWidget, mode: str = "leaf") -> None:
        """Select the first row (``top``) or the first row's first leaf (``leaf``) of every view in ``root``."""
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if model is None or not view.isVisible():
                continue
            index = _first_leaf(model) if mode == "leaf" else model.index(0, 0)
            if index.isValid() and index != view.currentIndex():
                view.setCurrentIndex(index)

    # -- pages -----------------------------------------------------------------------------------
    def controls(self, page: QWidget, modes: tuple[str, ...] = ("leaf", "top")) -> list[Key]:
        """Every control of ``page`` with the first row or the first leaf selected, in every tab:
        (selection, tab widget, tab, kind, name)."""
        keys: list[Key] = []
        tabs = page.findChildren(QTabWidget)
        tab_states = [("", "")] + [(str(t), str(i)) for t, widget in enumerate(tabs) for i in range(widget.count())]
        for mode in modes:
            for tab_state in tab_states:
                state = (mode, *tab_state)
                self._set_state(page, state)
                for bar in page.findChildren(QToolBar):
                    for action in bar.actions():
                        if action.isVisible() and action.isEnabled() and not action.isSeparator() and action.text():
                            keys.append((*state, "action", action.text()))
                        menu = action.menu()
                        if menu is not None:
                            keys.extend((*state, "action", sub.text()) for sub in menu.actions() if sub.text() and sub.isEnabled())
                for button, name in self._named_buttons(page):
                    if _shown(button) and button.isEnabled():
                        keys.append((*state, "button", name))
                        menu = button.menu()
                        if menu is not None:
                            keys.append((*state, "menu", name))
        unique: dict[Key, Key] = {}
        for key in keys:  # a button outside the tabs is pressed once, not once for each tab
            unique.setdefault(key[-2:], key)
        return list(unique.values())

    def _set_state(self, page: QWidget, state: tuple[str, ...]) -> None:
        mode, tab, index = state[:3]
        if mode:  # "" leaves the selection as the presses before made it
            self._select_rows(page, mode)
        if tab:
            page.findChildren(QTabWidget)[int(tab)].setCurrentIndex(int(index))

    def _named_buttons(self, root: QWidget) -> list[tuple[QAbstractButton, str]]:
        """Each button with its attribute name, else its class and place among the unnamed ones (choice buttons)."""
        names = _names(root)
        counts: dict[str, int] = {}
        found = []
        for button in self._buttons(root):
            name = names.get(id(button))
            if name is None and _shown(button):
                kind = type(button).__name__
                counts[kind] = counts.get(kind, 0) + 1
                name = f"{kind}#{counts[kind]}"
            if name is not None:
                found.append((button, name))
        return found

    def find(self, page: QWidget, key: Key) -> QAbstractButton | QAction | None:
        *state, kind, label = key
        self._set_state(page, tuple(state))
        if kind == "action":
            for bar in page.findChildren(QToolBar):
                for action in bar.actions():
                    menu = action.menu()
                    for candidate in [action, *(menu.actions() if menu is not None else [])]:
                        if candidate.text() == label and candidate.isEnabled():
                            return candidate
            return None
        for button, name in self._named_buttons(page):
            if name == label and _shown(button) and button.isEnabled():
                if kind == "menu":  # the first of the commands under the button's arrow
                    menu = button.menu()
                    menu.aboutToShow.emit()
                    return next((a for a in menu.actions() if a.isEnabled() and not a.isSeparator()), None)
                return button
        return None

    def walk_page(self, enter: Callable[[], None], path: tuple[Key, ...] = (), seen: set[str] | None = None) -> None:
        """Press every control of the page ``enter`` (then the presses of ``path``) leads to, afresh each time;
        controls a press shows on the same page are pressed in turn, and a press that leads to a page not
        walked yet walks that page."""
        seen = seen if seen is not None else set(self.walk.pages)

        def go(steps: tuple[Key, ...] = ()) -> QWidget:
            enter()
            self.settle()
            for step in (*path, *steps):
                page = self.window.current_page()
                assert page is not None
                control = self.find(page, step)
                if control is None:
                    break
                self.press(control, type(page).__name__)
            page = self.window.current_page()
            assert page is not None
            return page

        page = go()
        name = type(page).__name__
        if name in seen:
            return
        seen.add(name)
        self.walk.pages.append(name)
        todo: list[tuple[tuple[Key, ...], Key]] = []
        _queue(todo, [((), key) for key in self.controls(page)])
        done: set[Key] = set()
        while todo:
            before, key = todo.pop(0)
            if key[-2:] in done:
                continue
            page = go(before)
            if type(page).__name__ != name:
                continue
            control = self.find(page, key)
            if control is None:
                continue
            done.add(key[-2:])
            self.press(control, name)
            after = self.window.current_page()
            if after is page:  # what the press showed or enabled on the page is pressed next, after the same presses
                _queue(todo, [((*before, key), new) for new in self.controls(page, ("",)) if new[-2:] not in done])
            elif after is not None and type(after).__name__ not in seen and after is not self.window.sign_in_page:
                self.walk_page(enter, (*path, *before, key), seen)

    def walk_menus(self) -> None:
        """Trigger every menu action the role sees (not Quit, nor Sign out: the walk ends with it)."""
        skip = {self.window.quit_action, self.window.sign_out_action}
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if menu is None or not menu_action.isVisible():
                continue
            for action in _menu_actions(menu):
                if action in skip or not action.isVisible() or not action.isEnabled():
                    continue
                self.press(action, menu_action.text().replace("&", ""))


def _queue(todo: list[tuple[tuple[Key, ...], Key]], presses: list[tuple[tuple[Key, ...], Key]]) -> None:
    """Add ``presses`` to ``todo``, keeping the controls of ``LAST`` after every other."""
    for press in presses:
        last = next((at for at, (_, key) in enumerate(todo) if key[-1] in LAST), len(todo))
        todo.insert(len(todo) if press[1][-1] in LAST else last, press)


def _menu_actions(menu: Any) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu()))
        elif not action.isSeparator():
            found.append(action)
    return found
