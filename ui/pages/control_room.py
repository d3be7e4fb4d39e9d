"""The trainer's exercise control room: one session directed live.

At the top the session, its team case and status (how many trainees are at their workstations; a word when
every role has reached its end), the controls: Start, Pause, Resume, End, Archive (``ui.pages.session_archive``),
and the joint debrief (``show_debrief_button``'s rule). Under them, across the page, every role: who plays it (each name after its
presence mark: ``ui.pages.control_room_trainees``), where it stands, what it waits for, its case clock,
decisions and inbox; the rows keep their height whatever is assigned, so nothing moves under the mouse.
Below, two tabs. *Directing*: the master log, growing as it happens, beside the trainer's tools in tabs (the
trainees to assign, the injects to fire by hand with what is expected and the controllers' note, an ad-hoc
message), each with room to read (walk D, finding 5). *Pathway*: every role on the referral pathway, readable
(labels of 9 points at the least), with the map as a list beside it.

Everything is read and written through ``tipcase.services.exercise_desk`` on the task runner (never on
the UI thread); the services enforce who may do what. The page follows the records through the app's
notifier (topic ``exercise``, and the exercise tables): what another workstation does shows within a
second, re-read quietly, keeping the selected role, the log's scroll and the focus.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import ApplicationContext
from ui.models.exercise_log import ExerciseLogModel, hours_text, inject_title, role_status, role_title, status_text, track_title
from ui.notifier import Follower
from ui.pages.control_room_injects import InjectPanel
from ui.pages.control_room_roles import RolesTable
from ui.pages.control_room_trainees import TraineesPanel, at_workstations
from ui.pages.exercise_flow import show_debrief_button
from ui.pages.session_archive import ArchiveButton, archived_status
from ui.widgets.team_map import RoleMark, TeamMap
from ui.widgets.wrapping import wrap_column
from ui.wording import sentence

TOPICS = ("exercise", "exercise_events", "exercise_sessions", "exercise_assignments", "exercise_presence", "exercise_archive")
PRESENCE_CHECK_MS = 30_000  # the room is read again this often, so an app that stopped saying it is open shows it


class ControlRoomPage(QWidget):
    """The trainer's control room for one session (the module docstring says what it shows)."""

    back_requested = Signal()
    debrief_requested = Signal(str)  # the session's name

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.name = ""
        self.room: Any = None  # tipcase.services.exercise_desk.Room
        self.people: list[Any] = []  # exercise_desk.Person: the trainees who can be assigned

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)  # a long name or title wraps: the page never grows wider than the screen (walk G, 17)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumHeight(2 * self.status_label.fontMetrics().lineSpacing())  # room for the all-done line: nothing moves
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.start_button = QPushButton()
        self.pause_button = QPushButton()
        self.resume_button = QPushButton()
        self.end_button = QPushButton()
        self.archive_button = ArchiveButton(context)  # once ended: put away from the sessions list, and back
        self.archive_button.archived_changed.connect(lambda *_: self._read(quiet=False))
        self.debrief_button = QPushButton()
        self.back = QPushButton()
        self.start_button.clicked.connect(lambda: self.control("start"))
        self.pause_button.clicked.connect(lambda: self.control("pause"))
        self.resume_button.clicked.connect(lambda: self.control("resume"))
        self.end_button.clicked.connect(self._confirm_end)
        self.debrief_button.clicked.connect(lambda: self.debrief_requested.emit(self.name))
        self.back.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.status_label)
        header.addLayout(titles, 1)
        for button in (self.start_button, self.pause_button, self.resume_button, self.end_button, self.archive_button, self.debrief_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)

        self.roles = RolesTable()  # every role across the page
        self.roles.most_height = lambda: self.height() // 2
        self.roles_wrap = self.roles.wrap  # the Where column's wrapping
        self.roles.itemSelectionChanged.connect(self._role_selected)

        # assigning trainees, and whether each is at their workstation
        self.trainees = TraineesPanel(context)
        self.person, self.assign_button, self.unassign_button = (
            self.trainees.person,
            self.trainees.assign_button,
            self.trainees.unassign_button,
        )
        self.assign_button.clicked.connect(lambda: self.assign(remove=False))
        self.unassign_button.clicked.connect(lambda: self.assign(remove=True))

        # the master events list
        self.inject_panel = InjectPanel(context)
        self.inject_panel.fire_button.clicked.connect(self.fire)
        self.injects, self.fire_button = self.inject_panel.table, self.inject_panel.fire_button

        # an ad-hoc message
        self.message = QLineEdit()
        self.message.returnPressed.connect(self.send_message)
        self.message_to = QComboBox()
        self.send_button = QPushButton()
        self.send_button.clicked.connect(self.send_message)
        self.message_label = QLabel()
        self.message_label.setBuddy(self.message)
        self.message_to_label = QLabel()
        self.message_to_label.setBuddy(self.message_to)
        messaging = QWidget()
        message_layout = QVBoxLayout(messaging)
        message_layout.addWidget(self.message_label)
        message_layout.addWidget(self.message)
        to_row = QHBoxLayout()
        to_row.addWidget(self.message_to_label)
        to_row.addWidget(self.message_to, 1)
        to_row.addWidget(self.send_button)
        message_layout.addLayout(to_row)
        message_layout.addStretch(1)

        self.map = TeamMap(observer=True)  # every role on it, the whole pathway in sight
        self.log = ExerciseLogModel()
        self.log_view = QTableView()
        self.log_view.setModel(self.log)
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.setTabKeyNavigation(False)  # Tab leaves the log (no trap)
        self.log_view.verticalHeader().setVisible(False)
        self.log_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # a long role title wraps
        self.log_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # what happened: the rest, wrapped
        self.log_view.setColumnWidth(2, 190)
        wrap_column(self.log_view, 2)
        wrap_column(self.log_view, 4)
        self.log_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # each entry whole
        self.log_label = QLabel()
        self.log_label.setBuddy(self.log_view)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(self.log_label)
        log_layout.addWidget(self.log_view)
        self.tools = QTabWidget()
        self.tools.addTab(self.trainees, "")
        self.tools.addTab(self.inject_panel, "")
        self.tools.addTab(messaging, "")
        directing = QSplitter()  # the master log beside the tools, each with room to read
        directing.addWidget(log_box)
        directing.addWidget(self.tools)
        directing.setStretchFactor(0, 3)
        directing.setStretchFactor(1, 2)
        directing.setSizes([1200, 800])
        self.map.splitter.setSizes([2600, 1400])  # the map as a list beside it, wide enough to read a role's line
        self.body = QTabWidget()
        self.body.addTab(directing, "")
        self.body.addTab(self.map, "")
        self.tools.currentChanged.connect(lambda _index: self.body.setCurrentIndex(0))  # a tool chosen (Alt+I): in sight
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.roles)
        layout.addWidget(self.body, 1)

        self.follower = Follower(self, context.notifier, TOPICS, self._refresh_quietly)
        self.presence_timer = QTimer(self)  # a workstation closed without a word goes stale with nothing else written
        self.presence_timer.setInterval(PRESENCE_CHECK_MS)
        self.presence_timer.timeout.connect(lambda: self._refresh_quietly(lambda: None) if self.isVisible() else None)
        self.presence_timer.start()
        context.signals.language_changed.connect(lambda _language: self._language_changed())
        self.retranslate()

    # -- text ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.start_button.setText(self.tr("&Start"))
        self.pause_button.setText(self.tr("&Pause"))
        self.resume_button.setText(self.tr("Res&ume"))
        self.end_button.setText(self.tr("&End"))
        self.debrief_button.setText(self.tr("Joint &debrief"))
        self.back.setText(self.tr("&Back to the sessions"))
        self.tools.setTabText(0, self.tr("Trai&nees"))
        self.tools.setTabText(1, self.tr("&Injects"))
        self.tools.setTabText(2, self.tr("&Message"))
        self.log_label.setText(self.tr("Master &log"))
        self.body.setTabText(0, self.tr("Di&recting"))
        self.body.setTabText(1, self.tr("Path&way"))
        self.message_label.setText(self.tr("Message te&xt (no effect on the case):"))  # Alt+M is the Message tab
        self.message_to_label.setText(self.tr("T&o:"))
        self.send_button.setText(self.tr("&Send"))  # Alt+N is the Trainees tab (Start, on S too, is for drafts only)
        self.map.view.setAccessibleName(self.tr("The roles on the referral pathway"))  # the view takes the focus
        self.log_view.setAccessibleName(self.tr("Master log"))
        self.show_room()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self) -> None:
        if self.room is not None:
            self.log.reset(self.room.team, self.context.text, self.context.language)
        self.show_room()

    def clear(self) -> None:
        """Forget the session shown (at sign-out: nothing of it stays for the next person at the workstation)."""
        self.name, self.room, self.people = "", None, []
        self.log.reset(None, self.context.text, self.context.language)
        self.roles.setRowCount(0)
        self.show_room()

    # -- reading ---------------------------------------------------------------------------------
    def load(self, name: str) -> None:
        """Show session ``name``: its state, the log from the start, and the trainees who can be assigned."""
        if name != self.name:  # another session: its first role, and the trainee fitting it (walk H, finding 16), on Directing
            self.roles.clearSelection()
            self.trainees.reconsider()
            self.body.setCurrentIndex(0)
        self.name = name
        self.room = None
        self.log.reset(None, self.context.text, self.context.language)
        self._read(quiet=False)

    def _read(self, *, quiet: bool, done: Any = None) -> None:
        name, after, want_people = self.name, self.log.last_seq, not self.people

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            room = exercise_desk.room(db, account_id, name, after)
            people = exercise_desk.trainees(db, account_id) if want_people else None
            return room, people

        def shown(result: Any) -> None:
            room, people = result
            if room.session.name != self.name:
                return  # another session was opened meanwhile
            if people is not None:
                self.people = people
            fresh = self.room is None
            self.room = room
            if fresh:
                self.log.reset(room.team, self.context.text, self.context.language)
                if room.session.status == "draft":  # a new draft: the trainees to assign in sight (walk G, finding 21)
                    self.tools.setCurrentIndex(0)
                    self.body.setCurrentIndex(0)
            self._append_log(room.log)
            self.show_room()

        if quiet:
            self.context.run_quietly(work, shown, done or (lambda: None))
        else:
            self.context.run_signed_in(work, shown, self.window().show_error)  # type: ignore[attr-defined]

    def _refresh_quietly(self, done: Any) -> None:
        if not self.name:
            done()
            return
        self._read(quiet=True, done=done)

    def refresh(self) -> None:
        if self.name:
            self._read(quiet=False)

    def _append_log(self, entries: Any) -> None:
        bar = self.log_view.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 2
        if self.log.append(entries):
            self.log_view.horizontalHeader().resizeSections()  # a longer name or time than before widens its column
            if at_bottom:
                self.log_view.scrollToBottom()

    # -- showing ---------------------------------------------------------------------------------
    def show_room(self) -> None:
        room = self.room
        self.archive_button.show_row(room.session if room is not None else None)
        if room is None:
            self.heading.setText("")
            self.status_label.setText("")
            for button in (self.start_button, self.pause_button, self.resume_button, self.end_button, self.debrief_button):
                button.setEnabled(False)
            return
        text, language = self.context.text, self.context.language
        status = room.session.status
        self.heading.setText(f"<h2>{html.escape(room.session.name)} — {html.escape(text(room.session.title))}</h2>")
        self.status_label.setText(self._status_html(room))
        self.start_button.setEnabled(status == "draft")
        self.pause_button.setEnabled(status == "running")
        self.resume_button.setEnabled(status == "paused")
        self.end_button.setEnabled(status in ("running", "paused"))
        show_debrief_button(self.debrief_button, self.context, status)
        self.roles.show_roles(room, text, language)
        self.trainees.show_room(room, self.people, self.selected_role())
        self.inject_panel.show_room(room)
        self._show_message_targets(room, text, language)
        marks = [
            RoleMark(track_title(state.track, text, language), state.node, state.trail, self._mark_status(room, state, text, language))
            for state in room.roles
        ]
        self.map.show_team(room.pathway, marks, text)

    def _status_html(self, room: Any) -> str:
        """The status line: the session's status, roles, events and who is here; a word when every role has reached its end."""
        status = room.session.status
        here, assigned = at_workstations(room)
        parts = [
            self.tr("Status: {status}").format(status=archived_status(status_text(status), archived=room.session.archived)),
            self.tr("%n role(s)", "", len(room.roles)),
            self.tr("%n event(s)", "", room.last_seq),
        ]
        if status != "ended" and assigned:
            parts.append(self.tr("at their workstations: {here} of {assigned} trainees").format(here=here, assigned=assigned))
        line = html.escape(" · ".join(parts))
        if status in ("running", "paused") and room.roles and all(state.finished for state in room.roles):
            done = self.tr("Every role has reached its end: end the session to open the joint debrief for everyone.")
            line += f"<br><b>{html.escape(done)}</b>"
        return line

    def _mark_status(self, room: Any, state: Any, text: Any, language: str) -> str:
        parts = [hours_text(state.clock), role_status(room, state, text, language)]
        if state.inbox:
            parts.append(self.tr("inbox {count}").format(count=len(state.inbox)))
        return " · ".join(parts)

    def selected_role(self) -> str | None:
        return self.roles.selected_role()

    def _role_selected(self) -> None:
        if self.room is not None:
            self.trainees.show_room(self.room, self.people, self.selected_role())

    def _show_message_targets(self, room: Any, text: Any, language: str) -> None:
        current = self.message_to.currentData()
        self.message_to.blockSignals(True)
        self.message_to.clear()
        self.message_to.addItem(self.tr("Every role"), "")
        for state in room.roles:  # a role at its end gets no message (it plays no more): the list says so
            title = track_title(state.track, text, language)
            self.message_to.addItem(self.tr("{role} (reached its end)").format(role=title) if state.finished else title, state.id)
        self.message_to.setCurrentIndex(max(0, self.message_to.findData(current)))
        self.message_to.blockSignals(False)
        running = room.session.status in ("running", "paused")
        self.send_button.setEnabled(running)
        self.message.setEnabled(running)

    # -- directing -------------------------------------------------------------------------------
    def _write(self, work: Any, said: Any) -> None:
        """Run a change on the task runner, then re-read the room and say what was done in the status bar.

        ``said``: the sentence, or a function of the change's result that gives it.
        """

        def done(result: Any) -> None:
            self.context.signals.status_message.emit(said(result) if callable(said) else said)
            self._read(quiet=False)

        self.context.run_signed_in(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.window().show_error(error)  # type: ignore[attr-defined]
        self._read(quiet=False)

    def control(self, action: str) -> None:
        name = self.name
        said = {
            "start": self.tr("The session has started."),
            "pause": self.tr("The session is paused: the workstations take no decisions until you resume."),
            "resume": self.tr("The session runs again."),
            "end": self.tr("The session has ended."),
        }[action]

        def work(db: Any, account_id: int) -> None:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            exercise_desk.control(db, account_id, name, action)

        self._write(work, said)

    def _confirm_end(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("End the session"),
            self.tr("End session {name}? Its log becomes read-only and the team is scored as it stands.").format(name=self.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.control("end")

    def assign(self, *, remove: bool) -> None:
        name, role, user_id = self.name, self.selected_role(), self.person.currentData()
        if role is None or user_id is None:
            return
        question = None if remove else self.trainees.mismatch()  # another agency's trainee: asked first (walk F, finding 13)
        if question is not None:
            answer = QMessageBox.question(self, self.trainees.question_title(), question)
            if answer != QMessageBox.StandardButton.Yes:
                return

        def work(db: Any, account_id: int) -> bool:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.assign(db, account_id, name, role, int(user_id), remove=remove)

        said = self.trainees.said_assigned

        def changed(result: bool) -> str:
            self.trainees.reconsider()  # the role's own trainee (or a fitting one) offered again with what changed
            return said(bool(result), remove=remove)

        self._write(work, changed)

    def fire(self) -> None:
        name, ident = self.name, self.inject_panel.selected()
        room = self.room
        if ident is None or room is None:
            return
        to = self.inject_panel.targets()
        if not to:
            return

        def work(db: Any, account_id: int) -> int:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.fire(db, account_id, name, ident, to)

        text, language = self.context.text, self.context.language
        whom = "; ".join(role_title(room.team, role, text, language) for role in to)
        said = sentence(self.tr("Inject “{title}” fired for {roles}."), title=inject_title(room.team, ident, text), roles=whom)
        self._write(work, said)

    def send_message(self) -> None:
        name, words, to = self.name, self.message.text().strip(), self.message_to.currentData()
        if not words or self.room is None:
            return

        def work(db: Any, account_id: int) -> int:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.message(db, account_id, name, words, [to] if to else None)

        self.message.clear()
        text, language = self.context.text, self.context.language
        meant = [state for state in self.room.roles if not to or state.id == to]
        reached = "; ".join(track_title(state.track, text, language) for state in meant if not state.finished)
        if any(state.finished for state in meant) and reached:  # walk H, finding 9: "Message sent." to roles that had ended
            said = sentence(self.tr("Message sent to {roles} only: the other roles have reached their end."), roles=reached)
        else:
            said = sentence(self.tr("Message sent to {roles}."), roles=reached)
        self._write(work, said)
