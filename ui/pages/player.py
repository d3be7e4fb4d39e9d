"""The player: one stage at a time, the case file, the trail on the pathway, and the choices.

The page is in one of four states, each with one control that holds the keyboard focus:

- **warning**: the case's content warning alone on the page (*Continue to the case*);
- **choosing**: the stage, the case file, the trail and the choices (the first choice; keys 1-9 take one);
- **feedback**: when the course asks for it, the rating of the choice in words with its feedback, shown
  over the stage where it was taken (*Continue*); after a resume, the last choice's feedback again;
- **end**: the last stage's text and its outcome in words (*See the debrief*).

Enter presses the focused button, or the state's button when focus is elsewhere on the page; Space
presses the focused button. A decision is final once made: it is committed before the next stage shows.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tipcase.format.roles import role_name
from tipcase.play.engine import Play

from ui.context import ApplicationContext
from ui.focus import focus_visibly
from ui.maps.pathway import pathway_content
from ui.models.exhibits import ExhibitListModel
from ui.numbers import number_text
from ui.pages.player_panels import ChoiceButton, EndPanel, FeedbackPanel, WarningPanel, paragraphs, plain
from ui.widgets.map_panel import MapContent, MapPanel

if TYPE_CHECKING:
    from tipcase.services.attempts import Recorded


class PlayerPage(QWidget):
    """The player of one attempt (the module docstring says its states and keys)."""

    finished = Signal(int)  # attempt id, when the case reaches an end
    leave_requested = Signal()

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.play: Play | None = None  # the attempt as recorded
        self.shown: Play | None = None  # what the page shows: the play, or where the last choice was taken while its feedback shows
        self.media: dict[str, Any] = {}  # the attempt's exhibit files (tipcase.services.scenarios.Media)
        self.attempt_id = 0
        self.feedback_after_choice = False
        self._timer = QElapsedTimer()
        self._choice_buttons: list[ChoiceButton] = []
        self._warning_accepted = False
        self._begin: tuple[int | None, int] | None = None  # (course id, version id): the attempt begins at Continue
        self._feedback: Recorded | str | None = None  # the decision whose feedback shows, as recorded, or a notice
        self._deciding = False
        self._resumed = False  # the case was resumed and its last feedback shows again
        self._focus_number = 1  # the choice that takes the focus (kept when the language changes)

        self.case_title = QLabel()
        self.role_label = QLabel()
        self.stage_title = QLabel()
        self.clock = QLabel()
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.case_title)
        titles.addWidget(self.role_label)
        titles.addWidget(self.stage_title)
        header.addLayout(titles, 1)
        header.addWidget(self.clock)

        self.warning = WarningPanel()
        self.warning_continue = self.warning.accept
        self.warning_continue.clicked.connect(self._accept_warning)
        self.warning_back = self.warning.back
        self.warning_back.clicked.connect(self.leave_requested)

        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setTabChangesFocus(True)
        reading = self.text.font()
        reading.setPointSizeF(reading.pointSizeF() * 1.25)
        self.text.setFont(reading)
        self.feedback = FeedbackPanel()
        self.feedback_text = self.feedback.body
        self.feedback_continue = self.feedback.continue_button
        self.feedback_continue.clicked.connect(self._after_feedback)
        self.ending = EndPanel()
        self.end_button = self.ending.debrief_button
        self.end_button.clicked.connect(lambda: self.finished.emit(self.attempt_id))
        self.choices_box = QGroupBox()
        self.choices_layout = QVBoxLayout(self.choices_box)

        story = QWidget()
        story_layout = QVBoxLayout(story)
        story_layout.setContentsMargins(0, 0, 0, 0)
        story_layout.addWidget(self.text, 3)
        story_layout.addWidget(self.feedback)
        story_layout.addWidget(self.ending)
        story_layout.addWidget(self.choices_box)

        self.exhibits = ExhibitListModel(context.language)
        self.exhibit_list = QListView()
        self.exhibit_list.setModel(self.exhibits)
        self.exhibit_list.selectionModel().currentChanged.connect(lambda current, _previous: self._show_exhibit(current.row()))
        self.exhibit_view = QTextBrowser()
        self.exhibit_view.setTabChangesFocus(True)
        self._refit = QTimer(self)  # a picture is refitted to the pane once a resize settles
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(lambda: self._show_exhibit(self.exhibit_list.currentIndex().row()))
        self.exhibit_view.viewport().installEventFilter(self)
        case_file = QWidget()
        case_layout = QVBoxLayout(case_file)
        case_layout.addWidget(self.exhibit_list, 1)
        case_layout.addWidget(self.exhibit_view, 2)
        self.trail_panel = MapPanel(orientation=Qt.Orientation.Vertical)  # the trail, its legend and its steps as a list
        self.trail_map = self.trail_panel.view
        self._trail_of = 0  # the attempt whose trail is drawn: its zoom is kept from choice to choice
        self.side = QTabWidget()
        self.side.addTab(case_file, "")
        self.side.addTab(self.trail_panel, "")

        self.body = QSplitter()
        self.body.addWidget(story)
        self.body.addWidget(self.side)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.warning, 1)
        layout.addWidget(self.body, 1)

        self._shortcuts = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda number=number: self.choose(number))
            self._shortcuts.append(shortcut)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(self._press_enter)
            self._shortcuts.append(enter)
        context.signals.language_changed.connect(lambda _language: self.refresh_view())
        self.retranslate()

    # -- text ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.text.setAccessibleName(self.tr("Stage"))
        self.choices_box.setTitle(self.tr("What do you do? (keys 1-9)"))
        self.choices_box.setAccessibleName(self.tr("Choices"))
        self.exhibit_list.setAccessibleName(self.tr("Case file"))
        self.exhibit_view.setAccessibleName(self.tr("Exhibit"))
        self.trail_map.setAccessibleName(self.tr("Your trail on the referral pathway"))
        self.side.tabBar().setAccessibleName(self.tr("Case file and pathway"))
        self.side.setTabText(0, self.tr("Cas&e file"))
        self.side.setTabText(1, self.tr("&Pathway"))
        self.warning_continue.setText(self.tr("C&ontinue to the case"))
        self.warning_back.setText(self.tr("&Back to my courses"))
        self.feedback_continue.setText(self.tr("C&ontinue"))
        self.end_button.setText(self.tr("See the &debrief"))
        self.feedback.setAccessibleName(self.tr("Feedback"))
        self.ending.setAccessibleName(self.tr("End of the case"))
        self.refresh_view()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing a play --------------------------------------------------------------------------
    def clear(self) -> None:
        """Forget the case on the page (at sign-out: the next person at the workstation sees nothing of it)."""
        self.play, self.shown, self.media, self.attempt_id, self._trail_of, self._feedback, self._begin = None, None, {}, 0, 0, None, None
        shown = (self.case_title, self.role_label, self.stage_title, self.clock, self.text, self.exhibit_view)
        for widget in (*shown, self.feedback.body, self.ending.body, self.warning.panel.body):
            widget.clear()
        self.exhibits.set_exhibits([])
        self._drop_choices()
        self.trail_panel.show_content(MapContent([], [], ""))

    def load(self, opened: Any) -> None:
        """Show an opened attempt (``desktop.OpenAttempt``); a resumed one shows its last choice's feedback again."""
        self.play = opened.play
        self.shown = self.play
        self.media = opened.media
        self.attempt_id = opened.attempt_id  # 0 while the content warning is read: nothing is stored until Continue
        self._begin = opened.begin
        self.feedback_after_choice = opened.feedback_after_choice
        self._deciding = False
        self._feedback = None
        play = self.play
        self._warning_accepted = bool(play.decisions) or play.scenario.content_warning is None
        self._resumed = bool(play.decisions)
        if self.feedback_after_choice and opened.last is not None and not play.finished:
            self._feedback = opened.last  # on screen when the case was left, perhaps when the workstation died
            self.shown = opened.last.before
        self.exhibits.set_exhibits([])
        self.refresh_view()

    def state(self) -> str:
        """warning | feedback | end | choosing (| empty before a case is loaded)."""
        if self.play is None:
            return "empty"
        if not self._warning_accepted:
            return "warning"
        if self._feedback is not None:
            return "feedback"
        return "end" if self.play.finished else "choosing"

    def refresh_view(self) -> None:
        play, shown = self.play, self.shown
        if play is None or shown is None:
            return
        language = self.context.language
        state = self.state()
        self._render_header(shown, state)
        self.warning.setVisible(state == "warning")
        self.body.setVisible(state != "warning")
        if state == "warning":
            self._render_warning(play)
        self.text.setHtml(paragraphs(self.context.text(shown.stage.text)))
        self.exhibits.language = language
        before = self.exhibits.rowCount()
        self.exhibits.set_exhibits([shown.scenario.exhibits[e] for e in shown.revealed])
        grew = self.exhibits.rowCount() > before
        if self.exhibits.rowCount() and (grew or not self.exhibit_list.currentIndex().isValid()):
            self.exhibit_list.setCurrentIndex(self.exhibits.index(self.exhibits.rowCount() - 1))  # what just came in
        self._show_exhibit(self.exhibit_list.currentIndex().row())
        self._draw_trail(shown)
        self._render_feedback(state)
        self._render_end(state, play)
        self._show_choices(state)
        self._focus_main_control()

    def _render_header(self, shown: Play, state: str) -> None:
        text = self.context.text
        scenario = shown.scenario
        self.case_title.setText(f"<h2>{html.escape(text(scenario.title))}</h2>")
        role = role_name(scenario.role, self.context.language)
        self.role_label.setText(self.tr("You play: {role}").format(role=html.escape(role)) if role else "")
        self.role_label.setVisible(bool(role))
        stage = shown.stage
        title = text(stage.title) if stage.title else (self.tr("The end of the case") if stage.end else "")
        self.stage_title.setText(f"<h3>{html.escape(title)}</h3>" if title else "")
        self.stage_title.setVisible(state != "warning" and bool(title))
        self.clock.setText(self.tr("Case clock: {hours} h").format(hours=number_text(shown.clock)))
        self.clock.setAccessibleName(self.clock.text())
        self.clock.setVisible(state != "warning")

    def _render_warning(self, play: Play) -> None:
        self.warning.show_warning(
            self.tr("Content warning"),
            self.context.text(play.scenario.content_warning),
            self.tr("The case begins when you continue. You can leave it at any time and resume it later where you stopped."),
        )

    def _render_feedback(self, state: str) -> None:
        self.feedback.setVisible(state == "feedback")
        shown_feedback = self._feedback
        if state != "feedback" or self.play is None:
            return
        if isinstance(shown_feedback, str):
            self.feedback.show_notice(shown_feedback)
            return
        assert shown_feedback is not None
        text, choice = self.context.text, shown_feedback.choice
        self.feedback.show_feedback(
            self.tr("You chose"),
            text(choice.label),
            shown_feedback.rating,
            feedback=text(choice.feedback) if choice.feedback is not None else "",
            reference=text(choice.ref) if choice.ref is not None else "",
            note=self.tr("You are back where you left this case.") if self._resumed else "",
        )

    def _render_end(self, state: str, play: Play) -> None:
        self.ending.setVisible(state == "end")
        if state != "end":
            return
        self.ending.show_end(
            play, self.tr("The debrief shows how each of your decisions was rated, what good practice asks and what the law says.")
        )
        self.end_button.setAccessibleDescription(plain(self.text.toHtml()) + "\n" + self.end_button.accessibleDescription())

    def _drop_choices(self) -> None:
        for button in self._choice_buttons:  # out of the layout now, not at the next loop pass
            self.choices_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._choice_buttons = []

    def _show_choices(self, state: str) -> None:
        play = self.play
        assert play is not None
        focused = next((b.number for b in self._choice_buttons if b.hasFocus()), 1)
        self._drop_choices()
        self.choices_box.setVisible(state == "choosing")
        if state != "choosing":
            return
        stage_text = self.context.text(play.stage.text)
        stage_title = self.context.text(play.stage.title) if play.stage.title else ""
        for number, option in enumerate(play.offered(), 1):
            button = ChoiceButton(number, self.context.text(option.choice.label))
            button.setAccessibleDescription(f"{stage_title}\n{stage_text}".strip())  # read with the focused choice
            button.clicked.connect(lambda _checked=False, number=number: self.choose(number))
            self.choices_layout.addWidget(button)
            if self.choices_box.isVisible():
                button.show()
            self._choice_buttons.append(button)
        self._focus_number = min(focused, len(self._choice_buttons)) if self._choice_buttons else 0
        self._timer.start()

    def main_control(self) -> QWidget | None:
        """The control that takes the keyboard focus in the page's state."""
        state = self.state()
        if state == "warning":
            return self.warning_continue
        if state == "feedback":
            return self.feedback_continue
        if state == "end":
            return self.end_button
        if state == "choosing" and self._choice_buttons:
            return self._choice_buttons[max(0, self._focus_number - 1)]
        return None

    def _focus_main_control(self) -> None:
        target = self.main_control()
        if target is not None and self.isVisible():
            focus_visibly(target)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._focus_main_control()

    def _press_enter(self) -> None:
        """Enter presses the focused button, or the state's own button when the focus is on something else."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and focused.isVisible() and focused.isEnabled() and self.isAncestorOf(focused):
            focused.click()
            return
        target = self.main_control()
        if self.state() != "choosing" and isinstance(target, QAbstractButton):
            target.click()

    def _show_exhibit(self, row: int) -> None:
        exhibit = self.exhibits.exhibit_at(row)
        if exhibit is None:
            self.exhibit_view.setHtml(self.tr("<i>Nothing in the case file yet.</i>"))
            return
        body = self.context.text(exhibit.text) if exhibit.text else ""
        self.exhibit_view.setHtml(f"<h3>{html.escape(self.context.text(exhibit.title))}</h3>{self._media_html(exhibit)}{paragraphs(body)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.exhibit_view.viewport() and event.type() == QEvent.Type.Resize and self.media:
            self._refit.start()
        return super().eventFilter(watched, event)

    def _media_html(self, exhibit: Any) -> str:
        """The exhibit's picture, fitted to the case-file pane (its text, below, describes it for screen readers)."""
        media = self.media.get(exhibit.file) if exhibit.file else None
        if media is None:
            return ""
        if not media.is_image:
            return "<p><i>{}</i></p>".format(html.escape(self.tr("A sound recording; its transcript follows.")))
        image = QImage.fromData(media.data)
        if image.isNull():
            return ""
        url = QUrl(f"exhibit:{exhibit.id}")
        self.exhibit_view.document().addResource(QTextDocument.ResourceType.ImageResource, url, image)
        width = min(image.width(), max(120, self.exhibit_view.viewport().width() - 24))
        alt = html.escape(self.context.text(exhibit.title))
        return f'<p><img src="{url.toString()}" width="{width}" alt="{alt}"></p>'

    def _draw_trail(self, play: Play) -> None:
        """The trail so far on the pathway's map (the zoom kept between choices of one attempt)."""
        self.side.setTabEnabled(1, play.pathway is not None)
        if play.pathway is None:
            return
        keep = self._trail_of == self.attempt_id
        self._trail_of = self.attempt_id
        self.trail_panel.show_content(pathway_content(play, self.context.text), keep_view=keep)

    # -- deciding --------------------------------------------------------------------------------
    def _accept_warning(self) -> None:
        if self._begin is not None:
            self._begin_attempt(*self._begin)
            return
        self._warning_accepted = True
        self.refresh_view()

    def _begin_attempt(self, course_id: int | None, version_id: int) -> None:
        """Continue past the content warning: now the attempt begins (is stored), and its first stage shows."""
        db, account = self.context.db, self.context.account
        if db is None or account is None:
            return
        self.warning_continue.setEnabled(False)  # one attempt, however often Continue is pressed
        language = self.context.language

        def work() -> Any:
            from tipcase.services.desktop import open_attempt  # noqa: PLC0415

            return open_attempt(db, account.id, course_id, version_id, language)

        def done(opened: Any) -> None:
            self.warning_continue.setEnabled(True)
            self.load(opened)
            self._warning_accepted = True
            self.refresh_view()

        def failed(error: BaseException) -> None:
            self.warning_continue.setEnabled(True)
            self.window().show_error(error)  # type: ignore[attr-defined]

        self.context.tasks.run(work, done, failed)

    def choose(self, number: int) -> None:
        play, db, account = self.play, self.context.db, self.context.account
        if play is None or db is None or account is None or self.state() != "choosing" or self._deciding:
            return
        if not 1 <= number <= len(self._choice_buttons):
            return
        self._deciding = True  # a second key press before the first is recorded is not a second decision
        for button in self._choice_buttons:
            button.setEnabled(False)
        elapsed = int(self._timer.elapsed()) if self._timer.isValid() else 0
        attempt_id, step, stage = self.attempt_id, len(play.decisions) + 1, play.stage.id

        def work() -> Any:
            from tipcase.services.desktop import decide  # noqa: PLC0415

            return decide(db, account.id, attempt_id, number, elapsed, step=step, stage=stage)

        def done(recorded: Recorded) -> None:  # what was stored: the choice, its rating, the play before and after it
            self._deciding = False
            if attempt_id != self.attempt_id:
                return  # another case was opened meanwhile
            self.play = recorded.play
            self.shown = recorded.play
            if self.feedback_after_choice:
                self._feedback = recorded
                self._resumed = False
                self.shown = recorded.before  # the stage where the choice was taken, until Continue
            self.refresh_view()

        def failed(error: BaseException) -> None:
            from tipcase.services.attempts import StaleDecision  # noqa: PLC0415

            self._deciding = False
            if isinstance(error, StaleDecision):
                self._show_where_it_stands(attempt_id)
                return
            for button in self._choice_buttons:
                button.setEnabled(True)
            self.window().show_error(error)  # type: ignore[attr-defined]

        self.context.tasks.run(work, done, failed)

    def _show_where_it_stands(self, attempt_id: int) -> None:
        """Another window or workstation decided first: show the attempt as it is now, and say so."""
        db, account = self.context.db, self.context.account
        if db is None or account is None:
            return

        def work() -> Any:
            from tipcase.services.desktop import reopen_attempt  # noqa: PLC0415

            return reopen_attempt(db, account.id, attempt_id)

        def done(opened: Any) -> None:
            self.load(opened)
            self.shown = self.play
            self._warning_accepted = True
            self._feedback = self.tr(
                "This case moved on in another window, so your last choice was not recorded. Here is where it stands now."
            )
            self.refresh_view()

        self.context.tasks.run(work, done, self.window().show_error)  # type: ignore[attr-defined]

    def _after_feedback(self) -> None:
        self._feedback = None
        self._resumed = False
        self.shown = self.play
        self.refresh_view()
