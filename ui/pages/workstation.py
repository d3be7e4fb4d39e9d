"""A role's workstation: a trainee plays their role in a team exercise, beside the other agencies' workstations.

The page is in one of these states, each with one control that holds the keyboard focus:

- **briefing**: the case's content warning and the role's briefing (*Begin*), until the role's first decision;
- **choosing**: the stage, the choices (keys 1 to the last: 1-9 at most), and at the side the inbox, the case file and the pathway;
- **waiting**: the role waits for a hand-over from another role: the page says which and from whom, and
  the choices come the moment it arrives (within a second: the app's notifier, topic ``exercise``);
- **paused** / **not started**: the trainer has paused the session, or not started it yet: no choices;
- **end**: the role has reached an end; the joint debrief opens once the trainer ends the session.

A trainee on several roles sees the others under the titles, each with its standing, and switches to one
(``ui.pages.workstation_others``); when this role waits or has ended and another has a decision waiting, the
switch takes the focus.

The role's state is always read from the records (``tipcase.services.exercise_desk.station``), never
kept here: a workstation that crashed or lost the network rejoins where its role stood. A decision
names the step, stage and position it answers; when another trainee at the role decided first, or an
arrival moved the role on, nothing is recorded and the page shows where the role stands now. There is
no feedback during play: each decision's rating, feedback and law are in the joint debrief, as in a
live exercise's hot wash.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.context import ApplicationContext
from ui.focus import focus_visibly
from ui.models.exercise_log import stage_title, status_text, track_title
from ui.notifier import Follower
from ui.numbers import number_text
from ui.pages.control_room import TOPICS
from ui.pages.exercise_flow import show_debrief_button
from ui.pages.player_panels import ChoiceButton, Panel, paragraphs
from ui.pages.press_guard import PressGuard
from ui.pages.workstation_others import OtherRoles
from ui.pages.workstation_side import StationSide, briefing_html
from ui.pages.workstation_words import arrival_notice, decided_by, no_such_choice, resumed_notice, state_line
from ui.theme import colours

translate = QCoreApplication.translate


class WorkstationPage(QWidget):
    """One role of one session at this workstation (see the module's docstring); ``join(name, role)`` opens it."""

    back_requested = Signal()
    debrief_requested = Signal(str)  # the session's name
    role_requested = Signal(str, str)  # the session's name, another role of the trainee's to play now

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.name = ""
        self.role = ""
        self.station: Any = None  # tipcase.services.exercise_desk.Station
        self._briefed: set[tuple[str, str]] = set()  # (session, role) whose briefing was read in this window
        self._deciding = False
        # the sentences over the stage: a decision recorded, another trainee's decision, an arrival, why a press was not
        # recorded; each said when shown (a language switch says them again in the new language), until the role changes again
        self._notices: list[Callable[[], str]] = []
        self._inbox_seen = 0
        self._inbox_shown: dict[tuple[str, str], int] = {}  # (session, role) -> inbox items this window has shown
        self._choice_buttons: list[ChoiceButton] = []
        self.press_guard = PressGuard(self, refused=self._press_refused, released=self._release_choices)  # the choices wait a moment

        self.case_title = QLabel()
        self.role_label = QLabel()
        self.role_label.setTextFormat(Qt.TextFormat.RichText)
        self.stage_title = QLabel()
        self.clock = QLabel()
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.case_title)
        titles.addWidget(self.role_label)
        titles.addWidget(self.stage_title)
        header.addLayout(titles, 1)
        side_header = QVBoxLayout()
        side_header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignRight)
        side_header.addWidget(self.clock)
        header.addLayout(side_header)
        self.others = OtherRoles()  # the trainee's other roles in the session, and the way to switch (walk G, finding 14)
        self.others.switch_requested.connect(lambda role: self.role_requested.emit(self.name, role))

        self.begin_button = QPushButton()
        self.begin_button.clicked.connect(self._begin)
        self.briefing = Panel(self.begin_button)
        self.briefing.setMaximumWidth(760)
        briefing_row = QHBoxLayout()
        briefing_row.addStretch(1)
        briefing_row.addWidget(self.briefing, 4)
        briefing_row.addStretch(1)
        self.briefing_page = QWidget()
        briefing_layout = QVBoxLayout(self.briefing_page)
        briefing_layout.addStretch(1)
        briefing_layout.addLayout(briefing_row)
        briefing_layout.addStretch(2)

        self.banner = QLabel()  # waiting, paused, an arrival, a decision not recorded
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setFrameShape(QLabel.Shape.StyledPanel)
        self.banner.setMargin(8)
        self.waiting_bar = QProgressBar()  # moves while the role waits: the workstation is listening, not stuck
        self.waiting_bar.setRange(0, 0)
        self.waiting_bar.setMaximumHeight(6)
        self.waiting_bar.setTextVisible(False)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setTabChangesFocus(True)
        reading = self.text.font()
        reading.setPointSizeF(reading.pointSizeF() * 1.2)
        self.text.setFont(reading)
        self.choices_box = QGroupBox()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.debrief_button = QPushButton()
        self.debrief_button.clicked.connect(lambda: self.debrief_requested.emit(self.name))
        story = QWidget()
        story_layout = QVBoxLayout(story)
        story_layout.setContentsMargins(0, 0, 0, 0)
        story_layout.addWidget(self.banner)
        story_layout.addWidget(self.waiting_bar)
        story_layout.addWidget(self.text, 3)
        story_layout.addWidget(self.choices_box)
        story_layout.addWidget(self.debrief_button, 0, Qt.AlignmentFlag.AlignRight)

        self.side = StationSide(context)
        self.inbox, self.inbox_view, self.exhibits = self.side.inbox, self.side.inbox_view, self.side.exhibits
        self.body = QSplitter()
        self.body.addWidget(story)
        self.body.addWidget(self.side)
        self.body.setSizes([780, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.others)
        layout.addWidget(self.briefing_page, 1)
        layout.addWidget(self.body, 1)

        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setAutoRepeat(False)  # a key held down decides once, never again on the stages it leads to (walk H, 26)
            shortcut.activated.connect(lambda number=number: self.choose(number))
        self.follower = Follower(self, context.notifier, TOPICS, self._refresh_quietly)
        context.signals.language_changed.connect(lambda _language: self._language_changed())
        self.retranslate()

    # -- text ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.back.setText(self.tr("&Back to the sessions"))
        self.begin_button.setText(self.tr("Begi&n"))  # Alt+B is Back to the sessions
        self.choices_box.setAccessibleName(self.tr("Choices"))
        self.text.setAccessibleName(self.tr("Stage"))
        self.banner.setAccessibleName(self.tr("Status of your role"))
        self.debrief_button.setText(self.tr("See the joint &debrief"))
        self.show_station()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self) -> None:
        self.show_station()
        self._tell()

    def notice(self) -> str:
        """The sentences over the stage (the banner's last lines), in the interface language, one a line."""
        return "\n".join(say() for say in self._notices)

    def _tell(self) -> None:
        """Put the notice in the status bar too (the same words as the banner's, never an older notice)."""
        if self.station is not None and self.isVisible():
            self.context.signals.status_message.emit(" ".join(say() for say in self._notices))

    def clear(self) -> None:
        """Forget the role played here (at sign-out: nothing of it stays for the next person at the workstation)."""
        self.name, self.role, self.station, self._notices = "", "", None, []
        self.press_guard.stop()
        self._briefed.clear()
        self._inbox_shown.clear()
        self.show_station()

    # -- reading ---------------------------------------------------------------------------------
    def join(self, name: str, role: str) -> None:
        """Play ``role`` in session ``name``: read where the role stands (a rejoin after a crash is the same)."""
        self.name, self.role = name, role
        self.station = None
        self._notices = []
        self.press_guard.stop()
        # back at a role this window showed before (one person on two roles): what arrived meanwhile is announced
        self._inbox_seen = self._inbox_shown.get((name, role), -1)  # as a live arrival is (walk H, finding 10)
        self._read(quiet=False)

    def _read(self, *, quiet: bool, done: Any = None, notice: Callable[[], str] | None = None) -> None:
        name, role = self.name, self.role

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.station(db, account_id, name, role)

        def shown(station: Any) -> None:
            if (station.session.name, station.role.id) != (self.name, self.role):
                return
            self._take(station, notice)

        if quiet:
            self.context.run_quietly(work, shown, done or (lambda: None))
        else:
            self.context.run_signed_in(work, shown, self.window().show_error)  # type: ignore[attr-defined]

    def _refresh_quietly(self, done: Any) -> None:
        if not self.name or self._deciding:
            done()
            return
        self._read(quiet=True, done=done)

    def refresh(self) -> None:
        if self.name:
            self._read(quiet=False)

    def _take(self, station: Any, notice: Callable[[], str] | None = None, *, own_step: int = 0) -> None:
        """Show a station read from the records, saying what changed since the last one shown.

        ``notice``: what this workstation did (a decision recorded, a press not recorded); ``own_step``: the
        decision this workstation just recorded. Decisions another workstation took for the role since (a
        trainee sharing the role, or the same account in another window) are told with who took them and
        when; arrivals are told. Anything else that changed clears the old sentences.
        """
        before = self.station
        before_position = before.position if before is not None else -1
        if before is not None and notice is None and _seen(before) == _seen(station):
            if station.session.my_states != before.session.my_states:  # another role of the trainee's moved on
                self.station = station
                self._show_others()
            return  # another role moved: nothing new for this workstation, so the page (and the focus) stays as it is
        arrived = list(station.role.inbox[max(0, self._inbox_seen) :]) if self._inbox_seen >= 0 else []
        self._inbox_seen = self._inbox_shown[(self.name, self.role)] = len(station.role.inbox)
        others = [made for made in station.decided[len(before.decided) :] if made.step != own_step] if before is not None else []
        self.station = station
        if station.play.decisions:
            self._briefed.add((self.name, self.role))
        notices: list[Callable[[], str]] = [notice] if notice is not None else []
        notices += [functools.partial(decided_by, station, self.role, made, self.context.text) for made in others]
        if others and not own_step:  # the page moves on under the trainee: a press on its way was meant for the stage before
            self.press_guard.hold(others[-1])
        elif own_step and station.position != before_position:  # so does the trainee's own decision: a second press of an
            self.press_guard.hold(None)  # impatient or bouncing key would answer a stage never read (walk H, finding 26)
        if arrived:
            title_of, language = self.side.entry_title, self.context.language
            notices.append(functools.partial(arrival_notice, station, arrived, title_of, self.context.text, language))
        if before is not None and (before.session.status, station.session.status) == ("paused", "running"):
            notices.append(resumed_notice)  # the choices are back: say why (walk H, finding 7)
        self._notices = notices  # what is new; what was said before no longer holds
        self.show_station()
        if arrived:
            self.inbox.setCurrentRow(self.inbox.count() - 1)  # what just came in
        self._tell()

    # -- showing ---------------------------------------------------------------------------------
    def state(self) -> str:
        """briefing | choosing | waiting | paused | draft | end | ended (| empty)."""
        station = self.station
        if station is None:
            return "empty"
        status = station.session.status
        if station.role.finished:
            return "end"
        if status == "ended":
            return "ended"
        if (self.name, self.role) not in self._briefed:
            return "briefing"
        if status in ("draft", "paused"):
            return str(status)
        return "waiting" if station.role.waits_for is not None else "choosing"

    def show_station(self) -> None:
        station = self.station
        if station is None:
            self.briefing_page.setVisible(False)
            self.body.setVisible(False)
            return
        text, language = self.context.text, self.context.language
        state = self.state()
        team, play = station.team, station.play
        self.case_title.setText(f"<h2>{html.escape(text(team.title))}</h2>")
        role = track_title(station.role.track, text, language)
        self.role_label.setText(
            self.tr("You play: <b>{role}</b> · session {name} ({status})").format(
                role=html.escape(role), name=html.escape(station.session.name), status=html.escape(status_text(station.session.status))
            )
        )
        title = stage_title(team, self.role, play.stage.id, text) if play.stage.title is not None else ""
        self.stage_title.setText(f"<h3>{html.escape(title)}</h3>" if title and state != "briefing" else "")
        self.clock.setText(self.tr("Case clock: {hours} h").format(hours=number_text(station.role.clock)))
        self.briefing_page.setVisible(state == "briefing")
        self.body.setVisible(state != "briefing")
        briefing = briefing_html(station, text)
        self.briefing.show_text(briefing)
        # a waiting stage's text is the role's turn: shown (its text, its choices) once the hand-over is in
        waiting = "<p><i>{}</i></p>".format(
            html.escape(
                self.tr("The session ended before the hand-over arrived.")  # nothing will come any more (walk H, finding 30)
                if state == "ended"
                else self.tr("The stage opens once the hand-over arrives.")
            )
        )
        self.text.setHtml(waiting if station.role.waits_for is not None else paragraphs(text(play.stage.text)))
        self._show_banner(state)
        self.side.show_station(station, briefing)
        self._show_others(focus=False)
        self._show_choices(state)
        show_debrief_button(self.debrief_button, self.context, station.session.status)  # the one rule, as the control room's
        self.debrief_button.setVisible(self.debrief_button.isEnabled())
        self._focus_main_control()

    def _show_banner(self, state: str) -> None:
        station = self.station
        # what just happened first (a decision recorded, an arrival), then where that left the role (walk H, finding 4)
        lines = [say() for say in self._notices]
        said = state_line(station, state, self.context.text, self.context.language)
        lines += [said] if said else []
        self.banner.setText("<br>".join(f"<b>{html.escape(line)}</b>" for line in lines))
        self.banner.setVisible(bool(lines))
        palette = colours()
        tone = palette.warning if state in ("waiting", "paused", "draft", "ended") else palette.route
        self.banner.setStyleSheet(f"QLabel {{ border: 2px solid {tone.name()}; border-radius: 4px; }}")
        self.waiting_bar.setVisible(state == "waiting")
        self.waiting_bar.setAccessibleName(self.tr("Waiting for a hand-over"))

    def _show_choices(self, state: str) -> None:
        station = self.station
        for button in self._choice_buttons:
            self.choices_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._choice_buttons = []
        self.press_guard.arm(self._choice_buttons)  # none: those just removed are deleted
        self.choices_box.setVisible(state == "choosing")
        if state != "choosing":
            return
        offered = station.play.offered()  # the keys there are: "keys 1-2" over two choices (walk G, finding 22)
        keys = self.tr("What do you do? (keys 1-{last})") if len(offered) > 1 else self.tr("What do you do? (key 1)")
        self.choices_box.setTitle(keys.format(last=len(offered)))
        for number, option in enumerate(offered, 1):
            button = ChoiceButton(number, self.context.text(option.choice.label))
            button.clicked.connect(lambda _checked=False, number=number, step=station.step: self.choose(number, step=step))
            self.choices_layout.addWidget(button)
            self._choice_buttons.append(button)
        self.press_guard.arm(self._choice_buttons)

    def _show_others(self, *, focus: bool = True) -> None:
        """The trainee's other roles in the session; a decision newly waiting there is said in the status bar too."""
        station = self.station
        newly = self.others.show_for(station.session, self.role, self.context.text)
        if newly and self.isVisible():
            self.context.signals.status_message.emit(self.others.said(newly, station.session, self.context.text))
            if focus and self.focusWidget() in (None, self.inbox):  # this role waits or has ended: the switch is what to do
                self._focus_main_control()

    def main_control(self) -> QWidget | None:
        state = self.state()
        if state in ("waiting", "end") and self.others.waiting_decision() and self.station.session.status == "running":
            return self.others.button  # another role of theirs has a decision waiting: Enter switches to it
        if state == "briefing":
            return self.begin_button
        if state == "choosing" and self._choice_buttons:
            return self.text if self.press_guard.holding() else self._choice_buttons[0]  # held: read the new stage first
        if state in ("end", "ended") and self.debrief_button.isVisible():
            return self.debrief_button
        return self.inbox if state in ("waiting", "paused", "draft") else None

    def _focus_main_control(self) -> None:
        target = self.main_control()
        if target is not None and self.isVisible() and target.isVisible():
            focus_visibly(target)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._focus_main_control()

    # -- playing ---------------------------------------------------------------------------------
    def _begin(self) -> None:
        self._briefed.add((self.name, self.role))
        self.show_station()

    def _press_refused(self) -> None:  # a press while held, or on a stage no longer shown: nothing recorded, and why
        if self.press_guard.notice not in self._notices:
            self._notices.append(self.press_guard.notice)
            self._show_banner(self.state())
        self._tell()

    def _no_such_choice(self, number: int) -> None:
        last = len(self._choice_buttons)
        said = functools.partial(no_such_choice, number, last)
        self._notices = [notice for notice in self._notices if getattr(notice, "func", None) is not no_such_choice] + [said]
        self._show_banner(self.state())
        self._tell()

    def _release_choices(self) -> None:
        if self.state() == "choosing" and self.focusWidget() in (None, self.text):
            self._focus_main_control()

    def choose(self, number: int, *, step: int | None = None) -> None:
        """Choice ``number`` (1-based) of the stage shown; ``step``: a button's stage. Refused while held (ui.pages.press_guard)."""
        station = self.station
        if station is not None and self.state() == "choosing" and (self.press_guard.holding() or step not in (None, station.step)):
            self._press_refused()
            return
        if station is not None and self.state() == "choosing" and not self._deciding and number > len(self._choice_buttons):
            self._no_such_choice(number)  # a key with no choice says so (walk G finding 22, seen again in walk H)
            return
        if station is None or self.state() != "choosing" or self._deciding or not 1 <= number <= len(self._choice_buttons):
            return
        self._deciding = True  # a second key before the first is recorded is not a second decision
        for button in self._choice_buttons:
            button.setEnabled(False)
        name, role, step, stage, position = self.name, self.role, station.step, station.play.stage.id, station.position

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services import exercise_desk  # noqa: PLC0415

            return exercise_desk.decide(db, account_id, name, role, number, step=step, stage=stage, position=position)

        def done(after: Any) -> None:
            self._deciding = False
            if (name, role) != (self.name, self.role):
                return
            self._take(after, lambda: self.tr("Decision {step} recorded.").format(step=step), own_step=step)

        def failed(error: BaseException) -> None:
            from tipcase.services.exercises import SessionNotRunning, StaleTeamDecision  # noqa: PLC0415

            self._deciding = False
            if isinstance(error, StaleTeamDecision):  # the service's line says what happened: who took the step, at which stage
                self._read(quiet=False, notice=lambda: self.context.describe(error))  # (walk G, finding 23: it guessed)
                return
            if isinstance(error, SessionNotRunning):
                self._read(quiet=False, notice=lambda: self.tr("The session is not running, so your choice was not recorded."))
                return
            self.press_guard.arm(self._choice_buttons)  # enabled again (unless held)
            self.window().show_error(error)  # type: ignore[attr-defined]

        self.context.run_signed_in(work, done, failed)


def _seen(station: Any) -> tuple[object, ...]:
    """What a workstation shows of its role: a re-read that changes none of it changes nothing on the page."""
    return (station.position, station.session.status, len(station.role.inbox), station.role.waits_for, station.role.finished)
