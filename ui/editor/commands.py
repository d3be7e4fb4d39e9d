"""The editor's undo stack entries: a core edit (``tipcase.format.edits``) as a ``QUndoCommand``.

The views follow the document's own change notices, so a command only makes and takes back its edit.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from tipcase.format.document import Edit, ScenarioDocument


class EditCommand(QUndoCommand):
    """A core edit on the undo stack; it has already been made once when pushed."""

    def __init__(self, document: ScenarioDocument, edit: Edit, text: str) -> None:
        super().__init__(text)
        self.document, self.edit = document, edit
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
        else:
            self.edit.redo(self.document)

    def undo(self) -> None:
        self.edit.undo(self.document)
