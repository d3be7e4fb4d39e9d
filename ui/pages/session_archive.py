"""Archiving an ended team exercise session from the app: the button of the sessions list and of the control room, and its Undo.

``ArchiveButton`` reads *Archive* for a session that is not archived and *Unarchive* for one that is; it is
enabled for an ended session the reader may put away (its creator, or an administrator: the rule is
``tipcase.services.exercise_archive``'s, which the service enforces) and says in its tooltip why it is not
otherwise. Pressing it archives or unarchives on the task runner, says so in the status bar and reports
``archived_changed``. ``UndoBar`` is the line the sessions list shows after either: what was done and an
*Undo* that does the opposite, since an archived session leaves the list (unless *Show archived* is on) and
the way back must be where the trainer is looking.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.context import ApplicationContext

translate = QCoreApplication.translate


class ArchiveButton(QPushButton):
    """*Archive* / *Unarchive* for the session ``show_row`` was given (an ``exercise_desk.SessionRow``)."""

    archived_changed = Signal(str, bool)  # the session's name, and whether it is archived now

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.row: Any = None
        self.clicked.connect(self.toggle)
        self.show_row(None)

    def show_row(self, row: Any) -> None:
        """Word and enable the button for ``row`` (None: no session chosen)."""
        self.row = row
        archived = row is not None and row.archived
        self.setText(self.tr("Unarc&hive") if archived else self.tr("Arc&hive"))
        if row is None:
            tip = self.tr("Choose a session first.")
        elif not row.may_archive:
            tip = self.tr("Only the trainer who created this session, or an administrator, may archive it.")
        elif row.status != "ended":
            tip = self.tr("Only an ended session can be archived.")
        elif archived:
            tip = self.tr("List this session again with the others.")
        else:
            tip = self.tr(
                "Put this ended session away from the sessions list: its log, scores and after-action report stay whole and "
                "readable, and Show archived lists it again."
            )
        self.setEnabled(row is not None and row.may_archive and row.status == "ended")
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)

    def toggle(self) -> None:
        """Archive the session shown, or unarchive it when it is archived."""
        if self.row is not None:
            self.set_archived(self.row.name, archived=not self.row.archived)

    def set_archived(self, name: str, *, archived: bool) -> None:
        """Archive (or unarchive) session ``name`` off the UI thread; then the status bar says so and ``archived_changed``."""

        def work(db: Any, account_id: int) -> bool:
            from tipcase.services import exercise_archive  # noqa: PLC0415

            return exercise_archive.set_archived(db, account_id, name, archived=archived)

        def done(_changed: Any) -> None:
            self.context.signals.status_message.emit(said(name, archived=archived))
            self.archived_changed.emit(name, archived)

        self.context.run_signed_in(work, done, self.window().show_error)  # type: ignore[attr-defined]


def said(name: str, *, archived: bool) -> str:
    """What the status bar and the Undo line say once session ``name`` is archived (or listed again)."""
    if archived:
        return translate("SessionArchive", "Session {name} archived: Show archived lists it.").format(name=name)
    return translate("SessionArchive", "Session {name} is listed again.").format(name=name)


def archived_status(status: str, *, archived: bool) -> str:
    """A session's ``status`` in words, with "archived" after it when it is."""
    return translate("SessionArchive", "{status}, archived").format(status=status) if archived else status


class UndoBar(QWidget):
    """After an archive or an unarchive: what was done, and *Undo*, which does the opposite (``undo_requested``)."""

    undo_requested = Signal(str, bool)  # the session's name, and whether to archive it

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self.last: tuple[str, bool] | None = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("&Undo"))
        if self.last is not None:
            self.label.setText(said(self.last[0], archived=self.last[1]))
            self.undo_button.setToolTip(
                self.tr("List session {name} again").format(name=self.last[0])
                if self.last[1]
                else self.tr("Archive session {name} again").format(name=self.last[0])
            )

    def done(self, name: str, archived: bool) -> None:
        """Show what was done to session ``name``, with the way back."""
        self.last = (name, archived)
        self.retranslate()
        self.show()

    def clear(self) -> None:
        self.last = None
        self.hide()

    def _undo(self) -> None:
        if self.last is not None:
            name, archived = self.last
            self.clear()
            self.undo_requested.emit(name, not archived)
