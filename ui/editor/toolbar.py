"""The editor's commands: the toolbar, the Scenario menu of the main window, and a key for each command.

Every toolbar command has a key (shown in its tooltip and in the Scenario menu), so none is reached only
through the toolbar's overflow. The keys are active while the focus is in the editor; Delete only in the
outline and on the canvas, where it cannot be meant for a character of a field. Undo and Redo name what
they would undo or redo in their tooltips, from the page's ``QUndoStack``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.editor.page import EditorPage

SHORTCUTS: dict[str, QKeySequence.StandardKey | str] = {
    "new": QKeySequence.StandardKey.New,
    "open": QKeySequence.StandardKey.Open,
    "import": "Ctrl+I",
    "save": QKeySequence.StandardKey.Save,
    "save_as": "Ctrl+Shift+S",
    "publish": "Ctrl+Shift+P",
    "add_stage": "Ctrl+Shift+N",
    "duplicate": "Ctrl+D",
    "add_choice": "Ctrl+Shift+A",
    "delete": QKeySequence.StandardKey.Delete,
    "rename": "F2",
    "start": "Ctrl+Shift+T",
    "case": "Ctrl+Shift+D",
    "case_file": "Ctrl+Shift+F",
    "play": "F5",
    "arrange": "Ctrl+Shift+L",
}
"""Each command's key, by the command's name."""

GROUPS_END = {"publish", "start", "arrange"}
"""The commands after which the toolbar and the menu draw a separator (file, structure, view)."""


class EditorCommands(QObject):
    """The editor page's actions, its toolbar (with Undo and Redo) and the Scenario menu listing them all."""

    def __init__(self, page: EditorPage) -> None:
        super().__init__(page)
        self.page = page
        self.toolbar = QToolBar()  # buttons that do not fit (a small screen, longer Indonesian words) go under "»"
        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        slots: tuple[tuple[str, Callable[[], object]], ...] = (
            ("new", page.new_document),
            ("open", page.session.choose_file),
            ("import", page.import_case),
            ("save", page.session.save),
            ("save_as", page.session.save_as),
            ("publish", page.session.publish),
            ("add_stage", page.edits.add_stage),
            ("duplicate", page.edits.duplicate_selected),
            ("add_choice", page.edits.add_choice),
            ("delete", page.edits.delete_selected),
            ("rename", page.edits.rename_selected),
            ("start", page.edits.set_start_selected),
            ("case", page.show_case_form),
            ("case_file", lambda: page.show_case_file_form()),  # noqa: PLW0108 - not the button's bool
            ("play", page.edits.play_from_selected),
            ("arrange", page.edits.arrange_automatically),
        )
        for name, slot in slots:
            action = QAction(page)
            action.setShortcut(QKeySequence(SHORTCUTS[name]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.actions_by_name[name] = action
            if name != "delete":
                page.addAction(action)
            self.buttons[name] = self._button(action)
            if name in GROUPS_END:
                self.toolbar.addSeparator()
        self.undo_action, self.redo_action = QAction(page), QAction(page)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action.triggered.connect(page.undo)
        self.redo_action.triggered.connect(page.redo)
        stack = page.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda _text: self.name_undo())
        stack.redoTextChanged.connect(lambda _text: self.name_undo())
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            page.addAction(action)
            self._button(action)
        self.menu = QMenu(page)  # the Scenario menu of the main window: every command by name and key
        for name, action in self.actions_by_name.items():
            self.menu.addAction(action)
            if name in GROUPS_END:
                self.menu.addSeparator()
        self.menu.addActions([self.undo_action, self.redo_action])
        overflow = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        self.overflow_button = overflow if isinstance(overflow, QToolButton) else None
        self.bundled_menu = QMenu(page)  # the arrow beside Open…: the bundled cases, one click away
        self.bundled_menu.aboutToShow.connect(lambda: page.session.fill_bundled_menu(self.bundled_menu))
        self.buttons["open"].setMenu(self.bundled_menu)
        self.buttons["open"].setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        self.toolbar.addWidget(button)
        return button

    def retranslate(self) -> None:
        """Each command's text, and its tooltip with its key, in the interface language."""
        texts = {
            "new": self.tr("New"),
            "open": self.tr("Open…"),
            "import": self.tr("Import…"),
            "save": self.tr("Save"),
            "save_as": self.tr("Save as…"),
            "publish": self.tr("Publish"),
            "add_stage": self.tr("Add stage"),
            "duplicate": self.tr("Duplicate stage"),
            "add_choice": self.tr("Add choice"),
            "delete": self.tr("Delete"),
            "rename": self.tr("Rename…"),
            "start": self.tr("Set as start"),
            "case": self.tr("Case details"),
            "case_file": self.tr("Case file"),
            "play": self.tr("Play from here"),
            "arrange": self.tr("Arrange automatically"),
        }
        tips = {
            "open": self.tr("Open a scenario file; the arrow lists the bundled cases"),
            "arrange": self.tr(
                "Lay the whole map out again in layers from the start, forgetting where stages were dragged "
                "(an edit places only what it adds, so the map can grow untidy); one step to undo"
            ),
        }
        for name, text in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tips.get(name, text)} ({key})")
        self.menu.setTitle(self.tr("&Scenario"))
        if self.overflow_button is not None:
            self.overflow_button.setAccessibleName(self.tr("More commands"))
            self.overflow_button.setToolTip(self.tr("More commands (each is also in the Scenario menu, with its key)"))
        self.bundled_menu.setTitle(self.tr("Bundled cases"))
        self.name_undo()

    def name_undo(self) -> None:
        """Undo and Redo short on the toolbar, with what they would undo or redo in their tooltips."""
        stack = self.page.undo_stack
        if not shiboken6.isValid(stack):  # the stack also reports while the page is being destroyed
            return
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.undo_action.setToolTip(self.tr("Undo: {what}").format(what=undo) if undo else self.tr("Nothing to undo"))
        self.redo_action.setToolTip(self.tr("Redo: {what}").format(what=redo) if redo else self.tr("Nothing to redo"))
