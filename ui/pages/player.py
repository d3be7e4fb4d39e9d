"""The player: one stage at a time, the case file, the trail on the pathway, and the choices.

A decision is final once made: it is committed before the next stage shows. Choices are taken by
click or with the keys 1-9. When the course asks for it, the feedback on each choice shows before
moving on; otherwise it waits for the debrief.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tipcase.format.roles import role_name
from tipcase.play.engine import Play

from ui.context import ApplicationContext
from ui.models.exhibits import ExhibitListModel
from ui.widgets.graph_view import EdgeSpec, GraphView, NodeSpec


class ChoiceButton(QPushButton):
    """A choice: its number and a wrapped label (a plain QPushButton cannot wrap text)."""

    def __init__(self, number: int, label: str) -> None:
        super().__init__()
        self.number = number
        self.label = QLabel(f"<b>{number}</b>&nbsp;&nbsp;{html.escape(label)}")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(f"{number}. {label}")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        box = self.parentWidget()
        width = max(320, (box.width() if box is not None else 640) - 40)
        return QSize(width, max(34, self.label.heightForWidth(width - 20) + 14))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, self.sizeHint().height())


class PlayerPage(QWidget):
    finished = Signal(int)  # attempt id, when the case reaches an end
    leave_requested = Signal()

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.play: Play | None = None
        self.media: dict[str, Any] = {}  # the attempt's exhibit files (tipcase.services.scenarios.Media)
        self.attempt_id = 0
        self.feedback_after_choice = False
        self._timer = QElapsedTimer()
        self._choice_buttons: list[ChoiceButton] = []
        self._warning_accepted = False

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

        self.warning = QFrame()
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning_text = QLabel()
        self.warning_text.setWordWrap(True)
        self.warning_continue = QPushButton()
        self.warning_continue.clicked.connect(self._accept_warning)
        self.warning_back = QPushButton()
        self.warning_back.clicked.connect(self.leave_requested)
        warning_buttons = QHBoxLayout()
        warning_buttons.addStretch(1)
        warning_buttons.addWidget(self.warning_back)
        warning_buttons.addWidget(self.warning_continue)
        warning_layout = QVBoxLayout(self.warning)
        warning_layout.addWidget(self.warning_text)
        warning_layout.addLayout(warning_buttons)

        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        reading = self.text.font()
        reading.setPointSizeF(reading.pointSizeF() * 1.25)
        self.text.setFont(reading)
        self.feedback = QFrame()
        self.feedback.setFrameShape(QFrame.Shape.StyledPanel)
        self.feedback_text = QLabel()
        self.feedback_text.setWordWrap(True)
        self.feedback_continue = QPushButton()
        self.feedback_continue.clicked.connect(self._after_feedback)
        feedback_layout = QVBoxLayout(self.feedback)
        feedback_layout.addWidget(self.feedback_text)
        feedback_layout.addWidget(self.feedback_continue, 0, Qt.AlignmentFlag.AlignRight)
        self.choices_box = QGroupBox()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.end_button = QPushButton()
        self.end_button.clicked.connect(lambda: self.finished.emit(self.attempt_id))

        story = QWidget()
        story_layout = QVBoxLayout(story)
        story_layout.setContentsMargins(0, 0, 0, 0)
        story_layout.addWidget(self.text, 3)
        story_layout.addWidget(self.feedback)
        story_layout.addWidget(self.choices_box)
        story_layout.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignRight)

        self.exhibits = ExhibitListModel(context.language)
        self.exhibit_list = QListView()
        self.exhibit_list.setModel(self.exhibits)
        self.exhibit_list.selectionModel().currentChanged.connect(lambda current, _previous: self._show_exhibit(current.row()))
        self.exhibit_view = QTextBrowser()
        self._refit = QTimer(self)  # a picture is refitted to the pane once a resize settles
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(lambda: self._show_exhibit(self.exhibit_list.currentIndex().row()))
        self.exhibit_view.viewport().installEventFilter(self)
        case_file = QWidget()
        case_layout = QVBoxLayout(case_file)
        case_layout.addWidget(self.exhibit_list, 1)
        case_layout.addWidget(self.exhibit_view, 2)
        self.trail_map = GraphView()
        self.side = QTabWidget()
        self.side.addTab(case_file, "")
        self.side.addTab(self.trail_map, "")

        splitter = QSplitter()
        splitter.addWidget(story)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)

        self._shortcuts = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda number=number: self.choose(number))
            self._shortcuts.append(shortcut)
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
        self.side.setTabText(0, self.tr("Case &file"))
        self.side.setTabText(1, self.tr("&Pathway"))
        self.warning_continue.setText(self.tr("&Continue to the case"))
        self.warning_back.setText(self.tr("&Back to my courses"))
        self.feedback_continue.setText(self.tr("C&ontinue"))
        self.end_button.setText(self.tr("See the &debrief"))
        self.refresh_view()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing a play --------------------------------------------------------------------------
    def load(self, opened: Any) -> None:
        """Show an opened attempt (``workstation.OpenAttempt``)."""
        self.play = opened.play
        self.media = opened.media
        self.attempt_id = opened.attempt_id
        self.feedback_after_choice = opened.feedback_after_choice
        self.feedback.hide()
        self._warning_accepted = bool(self.play.decisions) or self.play.scenario.content_warning is None
        self.exhibits.set_exhibits([])
        self.refresh_view()

    def refresh_view(self) -> None:
        play = self.play
        if play is None:
            return
        text = self.context.text
        language = self.context.language
        play.language = language
        scenario = play.scenario
        stage = play.stage
        self.case_title.setText(f"<h2>{html.escape(text(scenario.title))}</h2>")
        role = role_name(scenario.role, self.context.language)
        self.role_label.setText(self.tr("You play: {role}").format(role=html.escape(role)) if role else "")
        self.role_label.setVisible(bool(role))
        self.stage_title.setText(f"<h3>{html.escape(text(stage.title))}</h3>" if stage.title else "")
        self.clock.setText(self.tr("Case clock: {hours} h").format(hours=f"{play.clock:g}"))
        self.clock.setAccessibleName(self.clock.text())
        self.warning.setVisible(not self._warning_accepted)
        if not self._warning_accepted:
            self.warning_continue.setFocus()
        self.warning_text.setText(
            "<b>" + self.tr("Content warning") + "</b><br>" + html.escape(text(scenario.content_warning))
            if scenario.content_warning
            else ""
        )
        self.text.setHtml("".join(f"<p>{html.escape(p)}</p>" for p in text(stage.text).split("\n") if p.strip()))
        self.exhibits.language = language
        self.exhibits.set_exhibits([scenario.exhibits[e] for e in play.revealed])
        if self.exhibits.rowCount() and not self.exhibit_list.currentIndex().isValid():
            self.exhibit_list.setCurrentIndex(self.exhibits.index(self.exhibits.rowCount() - 1))
        self._show_exhibit(self.exhibit_list.currentIndex().row())
        self._draw_trail()
        self._show_choices()

    def _show_choices(self) -> None:
        play = self.play
        assert play is not None
        for button in self._choice_buttons:  # out of the layout now, not at the next loop pass
            self.choices_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._choice_buttons = []
        waiting = self.feedback.isVisible() or not self._warning_accepted
        self.choices_box.setVisible(not play.finished and not waiting)
        self.end_button.setVisible(play.finished and not self.feedback.isVisible())
        if play.finished or waiting:
            if play.finished and not self.feedback.isVisible():
                self.end_button.setFocus()
            return
        for number, option in enumerate(play.offered(), 1):
            button = ChoiceButton(number, self.context.text(option.choice.label))
            button.clicked.connect(lambda _checked=False, number=number: self.choose(number))
            self.choices_layout.addWidget(button)
            self._choice_buttons.append(button)
        if self._choice_buttons:
            self._choice_buttons[0].setFocus()
        self._timer.start()

    def _show_exhibit(self, row: int) -> None:
        exhibit = self.exhibits.exhibit_at(row)
        if exhibit is None:
            self.exhibit_view.setHtml(self.tr("<i>Nothing in the case file yet.</i>"))
            return
        body = self.context.text(exhibit.text) if exhibit.text else ""
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n") if line.strip())
        self.exhibit_view.setHtml(f"<h3>{html.escape(self.context.text(exhibit.title))}</h3>{self._media_html(exhibit)}{lines}")

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

    def _draw_trail(self) -> None:
        play = self.play
        assert play is not None
        pathway = play.pathway
        self.side.setTabEnabled(1, pathway is not None)
        if pathway is None:
            return
        visited = [step.node for step in play.trail]
        current = visited[-1] if visited else None
        nodes = [
            NodeSpec(
                node.id, self.context.text(node.title), state="current" if node.id == current else ("route" if node.id in visited else "")
            )
            for node in pathway.nodes.values()
        ]
        steps = set(itertools.pairwise(visited))
        edges = [EdgeSpec(a, b, "route" if (a, b) in steps else "plain") for a, b in sorted(pathway.referrals)]
        start = visited[0] if visited else next(iter(pathway.nodes))
        self.trail_map.set_graph(nodes, edges, start)
        if current is not None:
            self.trail_map.select_node(current)

    # -- deciding --------------------------------------------------------------------------------
    def _accept_warning(self) -> None:
        self._warning_accepted = True
        self.refresh_view()

    def choose(self, number: int) -> None:
        play, db, account = self.play, self.context.db, self.context.account
        if play is None or db is None or account is None or not self.choices_box.isVisible():
            return
        if not 1 <= number <= len(self._choice_buttons):
            return
        for button in self._choice_buttons:
            button.setEnabled(False)
        elapsed = int(self._timer.elapsed()) if self._timer.isValid() else 0
        attempt_id, step, stage = self.attempt_id, len(play.decisions) + 1, play.stage.id

        def work() -> Any:
            from tipcase.services.desktop import decide  # noqa: PLC0415

            return decide(db, account.id, attempt_id, number, elapsed, step=step, stage=stage)

        def done(recorded: Any) -> None:  # tipcase.services.attempts.Recorded: what was stored, and the play after it
            self.play = recorded.play
            taken = recorded.choice
            if self.feedback_after_choice and taken.feedback is not None:
                ref = f"<br><i>{html.escape(self.context.text(taken.ref))}</i>" if taken.ref else ""
                heading = self.tr("Feedback")
                self.feedback_text.setText(f"<b>{heading}</b><br>{html.escape(self.context.text(taken.feedback))}{ref}")
                self.feedback.show()
                self.feedback_continue.setFocus()
            self.refresh_view()

        def failed(error: BaseException) -> None:
            from tipcase.services.attempts import StaleDecision  # noqa: PLC0415

            if isinstance(error, StaleDecision):
                self._show_where_it_stands(attempt_id)
                return
            for button in self._choice_buttons:
                button.setEnabled(True)
            self.window().show_error(error)  # type: ignore[attr-defined]

        self.context.tasks.run(work, done, failed)

    def _show_where_it_stands(self, attempt_id: int) -> None:
        """Another window or workstation decided first: show the attempt as it is now, and say so."""
        db, account, language = self.context.db, self.context.account, self.context.language
        if db is None or account is None:
            return

        def work() -> Any:
            from tipcase.services.desktop import reopen_attempt  # noqa: PLC0415

            return reopen_attempt(db, account.id, attempt_id, language)

        def done(opened: Any) -> None:
            self.load(opened)
            notice = self.tr("This case moved on in another window, so your last choice was not recorded. Here is where it stands now.")
            self.feedback_text.setText(f"<b>{html.escape(notice)}</b>")
            self.feedback.show()
            self.feedback_continue.setFocus()
            self.refresh_view()

        self.context.tasks.run(work, done, self.window().show_error)  # type: ignore[attr-defined]

    def _after_feedback(self) -> None:
        self.feedback.hide()
        self.refresh_view()
