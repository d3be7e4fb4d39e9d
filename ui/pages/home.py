"""Home: the trainee's courses and cases with their status, the way into a case or its debrief.

The certificate of a completed course shows with the course, saved as PDF or printed by its holder.
A trainee who also (or only) takes part in a team exercise is told which, as whom, and how to join it,
with a button to the team exercises. While a role of theirs is still to be played in a running or paused
session, the rejoin bar stands at the top and takes the focus, so a trainee back after a crash presses
Enter and is at their role again (``ui.pages.team_rejoin``); otherwise the list takes the focus whenever
the page shows. Staff who take no course are told what their own pages are.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTreeView, QVBoxLayout, QWidget

from tipcase.format.roles import role_name
from tipcase.services.desktop import CourseRow, ScenarioRow

from ui.context import ApplicationContext
from ui.focus import focus_visibly
from ui.models.courses import CourseTreeModel, status_text
from ui.models.exercise_log import status_text as exercise_status
from ui.notifier import Follower
from ui.numbers import percent_text
from ui.pages.own_certificate import CertificateActions
from ui.pages.team_rejoin import RejoinBar, choose_role
from ui.wording import names_list, sentence

# What another workstation changes that this page shows (``ui.notifier`` topics: table names).
HOME_TOPICS = (
    "attempts",
    "courses",
    "cohorts",
    "scenario_versions",
    "certificates",
    "exercise_sessions",
    "exercise_assignments",
    "exercise_archive",
)
SIDE_WIDTH = 330  # the least the selected case's text beside the list keeps (pixels)


class HomePage(QWidget):
    """The trainee's home: their courses and cases, start or resume a case, open a debrief, save a certificate."""

    open_requested = Signal(object, int)  # course id (or None), scenario version id
    debrief_requested = Signal(int)  # attempt id
    exercises_requested = Signal()  # the trainee's team exercises (File > Team exercises)
    team_role_requested = Signal(str, str)  # a session's name, the role: back to that role's workstation

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self._shown_for: int | None = None  # the account whose courses the list shows
        self.model = CourseTreeModel(context.language)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        for column in (0, 1, 2, 3):  # whole titles; the role takes the rest (the splitter gives the list the room it needs)
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().currentChanged.connect(lambda current, _previous: self._show(current))
        self.tree.activated.connect(self._activate)
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._start)
        self.debrief_button = QPushButton()
        self.debrief_button.clicked.connect(self._debrief)
        self.certificate = CertificateActions(context, self)
        self.sessions: list[Any] = []  # the team exercise sessions the trainee plays a role in (exercise_desk.SessionRow)
        self.exercises_button = QPushButton()
        self.exercises_button.clicked.connect(self.exercises_requested)
        self.exercises_button.hide()
        self.exercises_note = QLabel()  # a trainee with courses: the team sessions they play in, over the button
        self.exercises_note.setWordWrap(True)
        self.exercises_note.setTextFormat(Qt.TextFormat.RichText)
        self.exercises_note.hide()
        self.rejoin = RejoinBar()  # a team exercise role still to be played: the first thing on the page (walk G, finding 6)
        self.rejoin.rejoin_requested.connect(self._rejoin)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.detail_title)
        side_layout.addWidget(self.detail)
        side_layout.addWidget(self.certificate)
        side_layout.addWidget(self.exercises_note)
        side_layout.addWidget(self.exercises_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.debrief_button)
        side_layout.addLayout(buttons)
        self.splitter = splitter = QSplitter()
        self._sized = False
        splitter.addWidget(self.tree)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._moved_by_hand = False  # once the trainee drags the splitter, the list keeps the width they chose
        splitter.splitterMoved.connect(lambda _position, _index: setattr(self, "_moved_by_hand", True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.rejoin)
        layout.addWidget(splitter, 1)
        context.signals.language_changed.connect(self._language_changed)
        self.retranslate()
        self.follower = Follower(self, context.notifier, HOME_TOPICS, self.refresh_quietly)

    def retranslate(self) -> None:
        account = self.context.account
        name = account.full_name if account else ""
        cases = [case for course in self.model.courses() for case in course.scenarios]
        self.rejoin.show_sessions(self.sessions, self.context.text)
        if self.rejoin.name or not cases:  # Enter rejoins the team exercise (the bar says so); a case is chosen from the list
            welcome = self.tr("Welcome, {name}.")
        elif any(case.unfinished_attempt_id is not None for case in cases):
            welcome = self.tr("Welcome, {name}. Press Enter to resume the case you left, or choose another case.")
        else:
            welcome = self.tr("Welcome, {name}. Choose a case and press Enter to start it.")
        self.heading.setText("<h2>" + self.tr("My courses") + "</h2>" + sentence(welcome, name=name))
        self.tree.setAccessibleName(self.tr("Courses and cases"))
        self.debrief_button.setText(self.tr("See the &debrief"))
        self.exercises_button.setText(self.tr("Go to my team e&xercises"))
        self.detail.setAccessibleName(self.tr("About the selected course or case"))
        self._show(self.tree.currentIndex())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, language: str) -> None:
        """The titles in the new language; the row selected stays selected (a course's as a case's), its text beside the list."""
        current = self.tree.currentIndex()
        path = (current.parent().row(), current.row()) if current.isValid() else None
        self.model.set_language(language)
        self._span_courses()
        if path is not None and self._index_at(path).isValid():
            self.tree.setCurrentIndex(self._index_at(path))
        self._show(self.tree.currentIndex())

    # -- data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        db, account = self.context.db, self.context.account
        if db is None or account is None:
            return

        trainee = account.role == "trainee"
        self.context.tasks.run(lambda: _read(db, account.id, trainee=trainee), self._set_read)

    def clear(self) -> None:
        """Forget the courses shown (at sign-out: the next person's list is read afresh, nothing of this one's kept)."""
        self._shown_for = None
        self.model.set_courses([])
        self.certificate.show_for(None)  # shown for a case row too: a reset model does not change the current row
        self.retranslate()

    def refresh_quietly(self, done: Callable[[], None]) -> None:
        """Re-read after another workstation's change: only what changed moves; the selection and focus stay."""
        trainee = self.context.account is not None and self.context.account.role == "trainee"
        self.context.run_quietly(lambda db, account_id: _read(db, account_id, trainee=trainee), self._update_read, done)

    def _set_read(self, read: tuple[list[CourseRow], list[Any]]) -> None:
        self.sessions = read[1]
        self.set_courses(read[0])

    def _update_read(self, read: tuple[list[CourseRow], list[Any]]) -> None:
        courses, sessions = read
        if sessions != self.sessions:
            rejoined_before = self.rejoin.name
            self.sessions = sessions
            self.retranslate()
            if self.rejoin.name and not rejoined_before and self.isVisible() and self.tree.hasFocus():
                focus_visibly(self.rejoin.button)  # a session started meanwhile: Enter now rejoins it, as the bar says
        self._update_courses(courses)

    def _update_courses(self, courses: list[CourseRow]) -> None:
        if courses == self.model.courses():
            return
        course, scenario = self.selected()
        chosen = (course.course_id if course else None, scenario.version_id if scenario else None)
        self.model.set_courses(courses)
        self._span_courses()
        for row, item in enumerate(courses):
            if item.course_id != chosen[0]:
                continue
            parent = self.model.index(row, 0)
            index = parent
            for child, case in enumerate(item.scenarios):
                if case.version_id == chosen[1]:
                    index = self.model.index(child, 0, parent)
            self.tree.setCurrentIndex(index)
            break
        self._show(self.tree.currentIndex())

    def set_courses(self, courses: list[CourseRow]) -> None:
        current = self.tree.currentIndex()
        account = self.context.account
        fresh = account is None or account.id != self._shown_for  # just signed in: no row of before to keep
        self._shown_for = account.id if account else None
        path = (current.parent().row(), current.row()) if current.isValid() and not fresh else None
        self.model.set_courses(courses)
        self.retranslate()
        self._span_courses()
        if path is not None and self._index_at(path).isValid():  # the same row as before a refresh
            self.tree.setCurrentIndex(self._index_at(path))
        elif courses:
            self.tree.setCurrentIndex(self._first_choice(courses))
        self._show(self.tree.currentIndex())
        if fresh and self._sized:
            self._size_splitter()
        if self.isVisible():
            focus_visibly(self.main_control())

    def _first_choice(self, courses: list[CourseRow]) -> QModelIndex:
        """The case left unfinished (what Enter should resume after a sign-in), else the first case, else the first course."""
        cases = [(row, child, case) for row, course in enumerate(courses) for child, case in enumerate(course.scenarios)]
        unfinished = [(row, child) for row, child, case in cases if case.unfinished_attempt_id is not None]
        if unfinished or cases:
            row, child = (unfinished or [(cases[0][0], cases[0][1])])[0]
            return self.model.index(child, 0, self.model.index(row, 0))
        return self.model.index(0, 0)

    def _index_at(self, path: tuple[int, int]) -> QModelIndex:
        parent, row = path
        return self.model.index(row, 0, self.model.index(parent, 0)) if parent >= 0 else self.model.index(row, 0)

    def _span_courses(self) -> None:
        """A course's row spans the columns, so its title and status are read whole."""
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._sized:  # the list gets the room its titles and columns need (the text beside it wraps)
            self._sized = True
            self._size_splitter()
        focus_visibly(self.main_control())

    def main_control(self) -> QWidget:
        """What Enter presses when the page opens: the rejoin bar's button while a team role waits, else the list."""
        return self.rejoin.button if self.rejoin.isVisibleTo(self) else self.tree

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._sized and not self._moved_by_hand:  # a maximised or resized window: the list again as wide as it needs
            self._size_splitter()

    def _size_splitter(self) -> None:
        """The list as wide as its titles and columns need (two thirds at least), leaving ``SIDE_WIDTH`` to the text beside it."""
        width = self.splitter.width()
        columns = sum(self.tree.sizeHintForColumn(column) for column in range(self.model.columnCount()))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        titles = max((metrics.horizontalAdvance(str(self.model.index(row, 0).data())) for row in range(self.model.rowCount())), default=0)
        chrome = 2 * self.tree.frameWidth() + self.tree.verticalScrollBar().sizeHint().width() + 16
        needed = max(columns, titles + self.tree.indentation()) + chrome
        tree = max(width * 2 // 3, min(needed, width - SIDE_WIDTH))
        self.splitter.setSizes([tree, width - tree])

    def selected(self) -> tuple[CourseRow | None, ScenarioRow | None]:
        index = self.tree.currentIndex()
        return self.model.course_at(index), self.model.scenario_at(index)

    def _show(self, index: QModelIndex) -> None:
        course, scenario = self.model.course_at(index), self.model.scenario_at(index)
        text = self.context.text
        self.certificate.show_for(course)  # the course's certificate, on its heading and on each of its cases
        self.start_button.setVisible(scenario is not None)
        self.debrief_button.setVisible(scenario is not None and scenario.last_finished_attempt_id is not None)
        self.exercises_button.setVisible(bool(self.sessions))
        self.exercises_note.setVisible(bool(self.sessions) and course is not None)
        if self.sessions and course is not None:
            self.exercises_note.setText(self._team_sessions(self.tr("You also take part in %n team exercise(s):", "", len(self._listed()))))
        if course is None:
            self.detail_title.setText("")
            self.detail.setText(self._nothing_to_play())
            return
        if scenario is None:
            rule = (
                self.tr("Pass every case in the course.")
                if course.pass_rule == "all"
                else self.tr("Reach a mean of {mean} over the cases.").format(mean=percent_text(course.pass_mean or 0))
            )
            lines = [rule]
            if course.mean_percent is not None:
                lines.append(self.tr("Your mean over the cases: {mean}.").format(mean=percent_text(course.mean_percent, 1)))
            self.detail_title.setText(f"<h3>{html.escape(text(course.title))}</h3>")
            self.detail.setText("<p>" + "</p><p>".join(lines) + "</p>")
            return
        self.detail_title.setText(f"<h3>{html.escape(text(scenario.title))}</h3>")
        lines = [text(scenario.summary)]
        if scenario.role is not None:
            role = html.escape(role_name(scenario.role, self.context.language))
            lines.insert(0, self.tr("You play: {role}").format(role=f"<b>{role}</b>"))
        if course.max_attempts is not None:
            lines.append(self.tr("Attempts used: {used} of {allowed}.").format(used=scenario.attempts, allowed=course.max_attempts))
        lines += self._elsewhere(course, scenario)
        self.detail.setText("<p>" + "</p><p>".join(lines) + "</p>")
        if scenario.unfinished_attempt_id is not None:
            self.start_button.setText(self.tr("&Resume"))
            self.start_button.setEnabled(True)
        elif scenario.attempts:
            self.start_button.setText(self.tr("&Try again"))
            self.start_button.setEnabled(scenario.may_start)
        else:
            self.start_button.setText(self.tr("&Start"))
            self.start_button.setEnabled(scenario.may_start)

    def _nothing_to_play(self) -> str:
        """What the page says when the list is empty: the team exercises the trainee has, or what staff do instead."""
        account = self.context.account
        role = account.role if account is not None else "trainee"
        if role == "registrar":
            return self.tr(
                "You take no course yourself. Your work is the certificate register (Certificates › Register, Ctrl+R) "
                "and verifying the certificates people present (Certificates › Verify a certificate)."
            )
        if role != "trainee":  # trainers and admins see every course elsewhere, but play only those of their own cohorts
            return self.tr(
                "You take no course yourself: a course is played by the members of its cohorts. "
                "To try one as a trainee would, add yourself to one of its cohorts."
            )
        if not self.sessions:
            return self.tr("You have no courses yet. Ask your trainer to add you to a cohort.")
        return self._team_sessions(self.tr("You have no course yet, but you take part in %n team exercise(s):", "", len(self._listed())))

    def _team_sessions(self, opening: str) -> str:
        """``opening``, then each team session the trainee plays in (as whom, its status) and how to join it or them."""
        lines = [opening]
        language, text = self.context.language, self.context.text
        listed = self._listed()
        for session in listed:
            roles = names_list([session.role_names.get(r, {}).get(language) or r for r in session.my_roles])
            lines.append(
                sentence(
                    self.tr("<b>{session}</b> ({case}): you play {roles}; {status}."),
                    session=html.escape(session.name),
                    case=html.escape(text(session.title)),
                    roles=html.escape(roles),
                    status=exercise_status(session.status).lower(),
                )
            )
        put_by = len(self.sessions) - len(listed)
        if put_by:  # ended ones are counted, not listed: after a month of drills the page ran off (walk H, finding 31)
            lines.append(self.tr("%n more that ended: their joint debriefs are in your team exercises.", "", put_by))
        one = len(listed) == 1
        if all(session.status == "ended" for session in listed):
            lines.append(
                self.tr("It has ended: its joint debrief is in your team exercises.")
                if one
                else self.tr("They have ended: their joint debriefs are in your team exercises.")
            )
        elif self.rejoin.name:  # the bar above says how (Enter): the long way would only confuse
            lines.append(
                self.tr(
                    "Rejoin my role, above (or Enter), takes you back to your role; "
                    "your team exercises list every session you take part in."
                )
            )
        elif one:
            lines.append(
                self.tr(
                    "To join it, go to your team exercises (the button below, or File › Team exercises, Ctrl+Shift+X), "
                    "choose the session and press Join my role when your trainer tells you."
                )
            )
        else:
            lines.append(
                self.tr(
                    "To join one, go to your team exercises (the button below, or File › Team exercises, Ctrl+Shift+X), "
                    "choose the session your trainer names and press Join my role when they tell you."
                )
            )
        return "<p>" + "</p><p>".join(lines) + "</p>"

    def _listed(self) -> list[Any]:
        """The team sessions the page lists: those not ended (ended ones are counted), or every one when all have ended."""
        live = [session for session in self.sessions if session.status != "ended"]
        return live or list(self.sessions)

    def _elsewhere(self, course: CourseRow, scenario: ScenarioRow) -> list[str]:
        """When the case is in other courses too: that each course counts its own attempts, and where it stands there."""
        others = [
            (other, case)
            for other in self.model.courses()
            if other.course_id != course.course_id
            for case in other.scenarios
            if case.scenario_id == scenario.scenario_id
        ]
        if not others:
            return []
        text = self.context.text
        lines = [self.tr("Each course counts its own attempts: this case's status here is for this course only.")]
        for other, case in others:
            title = html.escape(text(other.title))
            lines.append(self.tr("In {course}: {status}.").format(course=f"<i>{title}</i>", status=status_text(case.status).lower()))
        return lines

    def _activate(self, index: QModelIndex) -> None:
        if self.model.scenario_at(index) is not None and self.start_button.isEnabled():
            self._start()

    def _start(self) -> None:
        course, scenario = self.selected()
        if scenario is not None:
            self.open_requested.emit(course.course_id if course else None, scenario.version_id)

    def _rejoin(self, name: str) -> None:
        """Back to the trainee's role in session ``name`` (asked which when they play several, each said with its standing)."""
        row = next((session for session in self.sessions if session.name == name), None)
        if row is None:
            return
        role = choose_role(self, row, self.context.text)
        if role is not None:
            self.team_role_requested.emit(name, role)

    def _debrief(self) -> None:
        _, scenario = self.selected()
        if scenario is not None and scenario.last_finished_attempt_id is not None:
            self.debrief_requested.emit(scenario.last_finished_attempt_id)


def _read(db: Any, account_id: int, *, trainee: bool) -> tuple[list[CourseRow], list[Any]]:
    """The account's courses (``desktop.home``) and, for a trainee, the team exercise sessions they play a role in.

    Staff get no sessions here: the team exercises page lists every session for those who direct them.
    """
    from tipcase.services import exercise_desk  # noqa: PLC0415 - loaded with the records
    from tipcase.services.desktop import home  # noqa: PLC0415

    return home(db, account_id), exercise_desk.sessions(db, account_id) if trainee else []
