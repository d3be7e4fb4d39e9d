"""Team exercises: the sessions a trainer directs, or the ones a trainee is assigned to, and the way into each.

A trainer sees every session (newest first), creates one from a published team case (or publishes a
team case file first), and opens its control room or its joint debrief. A trainee sees the sessions
they play a role in and joins their role's workstation (choosing the role when they play several), or
reads the joint debrief once the session has ended. An ended session can be archived by the trainer
who created it (or an administrator): it leaves the list, and the trainees' lists, with an Undo at hand,
and *Show archived* lists it again (``ui.pages.session_archive``). The list follows the records: a
session created or started at another workstation appears within a second, the selection kept.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import ApplicationContext
from ui.models.exercise_log import status_text
from ui.notifier import Follower
from ui.numbers import datetime_text, percent_text
from ui.pages.control_room import TOPICS
from ui.pages.exercise_flow import show_debrief_button
from ui.pages.new_session_dialog import NewSessionDialog
from ui.pages.session_archive import ArchiveButton, UndoBar, archived_status
from ui.pages.team_rejoin import choose_role
from ui.wording import names_list


class ExercisesPage(QWidget):
    """The team exercise sessions a trainer directs or a trainee plays in, and the way into each (see the module docstring)."""

    control_room_requested = Signal(str)  # a session's name
    workstation_requested = Signal(str, str)  # a session's name, the role
    debrief_requested = Signal(str)
    draft_deleted = Signal(str)  # a draft's name, once deleted

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[Any] = []  # tipcase.services.exercise_desk.SessionRow
        self.directs = False
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no trap)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_session)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton()  # a draft never started: nothing of the record is lost
        self.delete_button.clicked.connect(self.delete_selected)
        self.debrief_button = QPushButton()
        self.debrief_button.clicked.connect(self._debrief_selected)
        self.debrief_hint = QLabel()  # why the joint debrief is not open yet, beside its button
        self.debrief_hint.setWordWrap(True)
        self.debrief_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.archive_button = ArchiveButton(context)  # an ended session: put away, and back
        self.archive_button.archived_changed.connect(self._archived)
        self.show_archived = QCheckBox()
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.undo_bar = UndoBar()  # what was archived, and the way back
        self.undo_bar.undo_requested.connect(lambda name, archived: self.archive_button.set_archived(name, archived=archived))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.show_archived)
        buttons.addWidget(self.debrief_hint, 1)
        buttons.addWidget(self.debrief_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)
        self._wanted: str | None = None  # a session to select once listed (ExerciseFlow.show_list)
        self.follower = Follower(self, context.notifier, TOPICS, self._refresh_quietly)
        context.signals.language_changed.connect(lambda _language: self._show())
        self.retranslate()

    def retranslate(self) -> None:
        title = self.tr("Team exercises")
        self.heading.setText(f"<h2>{html.escape(title)}</h2>")
        self.new_button.setText(self.tr("&New session…"))
        self.delete_button.setText(self.tr("De&lete draft…"))
        self.debrief_button.setText(self.tr("Joint &debrief"))
        self.show_archived.setText(self.tr("Show &archived"))
        self.show_archived.setToolTip(self.tr("List the archived sessions too: their records, logs and debriefs stay whole"))
        self.undo_bar.retranslate()
        self.table.setAccessibleName(self.tr("Sessions"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        """Forget the sessions listed (at sign-out: the next person's are read afresh)."""
        self.rows, self.directs = [], False
        self.undo_bar.clear()
        self.show_archived.blockSignals(True)  # the next person at the workstation starts with the default list
        self.show_archived.setChecked(False)
        self.show_archived.blockSignals(False)
        self._show()

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        account = self.context.account
        self.directs = account is not None and account.role in ("trainer", "admin")
        self._show()  # the words and buttons for who is signed in at once, before the sessions are read
        self.context.run_signed_in(self._reader(), self._shown, self.window().show_error)  # type: ignore[attr-defined]

    def _reader(self) -> Any:
        """The work that reads the sessions listed now (the archived ones too when *Show archived* is on)."""
        archived = self.show_archived.isChecked()

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.sessions(db, account_id, archived=archived)

        return work

    def _refresh_quietly(self, done: Any) -> None:
        self.context.run_quietly(self._reader(), self._shown, done)

    def _shown(self, rows: list[Any]) -> None:
        self.rows = rows
        self._show()

    def remember(self, name: str) -> None:
        """Select session ``name`` once the list shows it (the one the user comes back from, or just created)."""
        self._wanted = name

    def _show(self) -> None:
        self.intro.setText(
            self.tr(
                "Direct a team exercise: create a session from a published team case, assign trainees to its roles, start it and "
                "follow every role on the pathway from its control room."
            )
            if self.directs
            else self.tr(
                "The team exercises you take part in. Join your role when the trainer tells you; "
                "the others play theirs at their own workstations."
            )
        )
        if not self.rows and self.context.account is not None:  # an empty list says why, and where the rest are (walk G, finding 8)
            empty = (
                self.tr("No session yet: New session… creates one from a published team case.")
                if self.directs
                else self.tr("No team exercise for you now: the trainer assigns you to a role in one.")
            )
            if not self.show_archived.isChecked():
                empty += " " + self.tr("Ended sessions that were archived are listed with Show archived.")
            self.intro.setText(self.intro.text() + "\n\n" + empty)
        self.new_button.setVisible(self.directs)
        self.delete_button.setVisible(self.directs)
        self.open_button.setText(self.tr("&Open the control room") if self.directs else self.tr("&Join my role"))
        headers = [
            self.tr("Session"),
            self.tr("Team case"),
            self.tr("Status"),
            self.tr("My roles") if not self.directs else self.tr("Created"),
            self.tr("Started"),
            self.tr("Trainees"),
            self.tr("Result"),
        ]
        self.table.setHorizontalHeaderLabels(headers)
        for column in (4, 5, 6):  # when it ran, with how many, and how the team did: for those who direct sessions
            self.table.setColumnHidden(column, not self.directs)
        selected = self.selected()
        self.table.setRowCount(len(self.rows))
        for row, session in enumerate(self.rows):
            status = archived_status(status_text(session.status), archived=session.archived)
            cells = [session.name, self.context.text(session.title), status]
            if self.directs:
                cells += [
                    datetime_text(session.created_at),
                    datetime_text(session.started_at) if session.started_at is not None else "—",
                    str(session.trainees),
                    self._result_text(session),
                ]
            else:
                cells.append(names_list([self._role_name(session, role) for role in session.my_roles]))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, session.name)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        names = [session.name for session in self.rows]
        if self._wanted in names:
            selected, self._wanted = self._wanted, None
        if selected in names:
            self.table.selectRow(names.index(selected))
        elif names:  # a trainee (back after a crash, say) finds the session they can join selected (walk F, finding 24)
            live = [row for row, session in enumerate(self.rows) if session.status in ("running", "paused")]
            self.table.selectRow(live[0] if live and not self.directs else 0)
        self._update_buttons()

    def _result_text(self, session: Any) -> str:
        if session.result is None:
            return "—"
        passed, percent = session.result
        return (self.tr("passed, {percent}") if passed else self.tr("not passed, {percent}")).format(percent=percent_text(percent, 1))

    def _role_name(self, session: Any, role: str) -> str:
        return self.context.text(session.role_names.get(role)) or role

    def selected(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def selected_row(self) -> Any:
        name = self.selected()
        return next((row for row in self.rows if row.name == name), None)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        waits = not self.directs and row is not None and row.status == "draft"  # the role opens at the start (the service's rule)
        self.open_button.setEnabled(row is not None and (self.directs or row.status not in ("ended", "draft")))
        opens = self.tr("Your role opens when the trainer starts the session.") if waits else ""
        self.delete_button.setEnabled(self.directs and row is not None and row.status == "draft")
        self.delete_button.setToolTip(self.tr("Only a draft never started can be deleted: a session once started is part of the record."))
        self.archive_button.show_row(row)
        self.archive_button.setVisible(self.directs)
        self.open_button.setToolTip(opens)
        show_debrief_button(self.debrief_button, self.context, row.status if row is not None else None)
        # why Archive is grey for an ended session another trainer created, in sight (walk H, finding 20: a tooltip only)
        others = self.directs and row is not None and row.status == "ended" and not row.may_archive
        self.debrief_hint.setText(
            opens
            or (self.debrief_button.toolTip() if not self.debrief_button.isEnabled() and row is not None else "")
            or (self.archive_button.toolTip() if others else "")
        )

    # -- actions ---------------------------------------------------------------------------------
    def open_selected(self) -> None:
        self.undo_bar.clear()  # the trainer moved on: an Undo pressed later would surprise (walk G, finding 18)
        row = self.selected_row()
        if row is None:
            return
        if self.directs:
            self.control_room_requested.emit(row.name)
            return
        if row.status == "ended":
            self.debrief_requested.emit(row.name)
            return
        role = choose_role(self, row, self.context.text)  # each role said with its standing (walk G, finding 14)
        if role is not None:
            self.workstation_requested.emit(row.name, role)

    def delete_selected(self) -> None:
        """Delete the selected draft, after the trainer confirms."""
        self.undo_bar.clear()  # the trainer moved on: an Undo pressed later would surprise (walk G, finding 18)
        row = self.selected_row()
        if row is None or row.status != "draft":
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the draft"),
            self.tr("Delete draft session {name} and its assignments? Nothing was played in it.").format(name=row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = row.name

        def work(db: Any, account_id: int) -> None:
            from tipcase.services import exercise_drafts  # noqa: PLC0415

            exercise_drafts.delete_draft_named(db, account_id, name)

        def done(_result: Any) -> None:
            self.context.signals.status_message.emit(self.tr("Draft session {name} deleted.").format(name=name))
            self.draft_deleted.emit(name)
            self.refresh()

        self.context.run_signed_in(work, done, self.window().show_error)  # type: ignore[attr-defined]

    def _archived(self, name: str, archived: bool) -> None:
        """Session ``name`` was archived (or listed again): the way back beside the list, and the list read again."""
        self.undo_bar.done(name, archived)
        self.refresh()

    def _debrief_selected(self) -> None:
        self.undo_bar.clear()  # the trainer moved on: an Undo pressed later would surprise (walk G, finding 18)
        row = self.selected_row()
        if row is not None:
            self.debrief_requested.emit(row.name)

    def new_session(self) -> None:
        self.undo_bar.clear()  # the trainer moved on: an Undo pressed later would surprise (walk G, finding 18)

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.published_team_cases(db, account_id)

        def done(cases: list[Any]) -> None:
            self.dialog = NewSessionDialog(self.context, cases, self)
            self.dialog.on_create = self._create  # the dialog stays open until the session is made (walk H, finding 17)
            self.dialog.open()

        self.context.run_signed_in(work, done, self.window().show_error)  # type: ignore[attr-defined]

    def _create(self) -> None:
        dialog = self.dialog
        version_id, name = dialog.version_id, dialog.name.text().strip()
        if version_id is None or not name:
            return

        def refused(error: BaseException) -> None:
            self.window().show_error(error)  # type: ignore[attr-defined]
            dialog.refused()

        self.create_session(version_id, name, dialog.session_language, created=dialog.created, refused=refused)

    def create_session(self, version_id: int, name: str, language: str | None = None, *, created: Any = None, refused: Any = None) -> None:
        """Create a draft session in ``language`` (None: the case's first) and open its control room.

        ``created()`` runs once it is made, ``refused(error)`` instead of the error box when it is not (the dialog's).
        """

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.create(db, account_id, version_id, name, language=language)

        def done(row: Any) -> None:
            if created is not None:
                created()
            self.control_room_requested.emit(row.name)

        self.context.run_signed_in(work, done, refused or self.window().show_error)  # type: ignore[attr-defined]
