"""The editor's undo stack entries: a core edit (``tipcase.format.document``) as a ``QUndoCommand``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from tipcase.format.document import Edit, ScenarioDocument


class EditCommand(QUndoCommand):
    """A core edit on the undo stack; it has already been made once when pushed."""

    def __init__(self, document: ScenarioDocument, edit: Edit, text: str, changed: Callable[[], None]) -> None:
        super().__init__(text)
        self.document, self.edit, self.changed = document, edit, changed
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
        else:
            self.edit.redo(self.document)
        self.changed()

    def undo(self) -> None:
        self.edit.undo(self.document)
        self.changed()
