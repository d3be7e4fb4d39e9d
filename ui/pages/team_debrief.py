"""The joint debrief of a team exercise: who did what and when, how each decision is rated, and how the team did.

At the top the team's verdict: its score against the pass mark, and folded under a button (``FoldedText``)
its areas to improve: the pathway rules the team broke, hand-overs sent incomplete or never taken, critical
errors. Under it the time line, a lane per role on its case clock (``ui.widgets.timeline``), whole at first,
above a visible splitter handle that gives the lists more room when dragged up; then every decision by role, with who took it, its rating,
the feedback, a better choice, the legal reference and what the cited provisions say; beside it the
objectives and each role's score, and the strengths and areas to improve per role and for the team. The
team on the referral pathway is a page of its own (*Pathway*, beside *Time line and decisions*), the map as
wide as the window with its list beside it, as in the control room. Everything comes from the core's joint debrief
(``tipcase.team.debrief.JointDebrief``, read on the task runner by
``tipcase.services.exercise_debrief.debrief_view`` in the interface language when the case has it),
the very data the after-action report prints and ``tipcase exercise report`` scores; it is re-read
when the session's log grows (a debrief opened while the session still runs follows it) and when the
interface language changes.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tipcase.team.debrief import label

from ui import file_dialogs
from ui.context import ApplicationContext
from ui.models.decisions import provision_notes, rating_text
from ui.models.exercise_log import hour_mark, hours_text, stage_title, status_text, track_title
from ui.notifier import Follower
from ui.numbers import percent_text
from ui.pages.control_room import TOPICS
from ui.pages.player_panels import MARKS, paragraphs
from ui.pages.team_timeline import timeline_content
from ui.theme import colours
from ui.widgets.folded import FoldedText
from ui.widgets.scroll_start import to_start
from ui.widgets.team_map import RoleMark, TeamMap, clock_line
from ui.widgets.timeline import Timeline
from ui.widgets.wrapping import wrap_column

translate = QCoreApplication.translate
HANDLE_WIDTH = 9  # pixels: a splitter's handle, wide enough to see and to grab
HANDLE_STYLE = "QSplitter::handle { background: palette(mid); margin: 3px; border-radius: 1px; }"
TIMELINE_LEAST = 90  # pixels: the time line dragged smallest still shows a lane and its scroll bar


class TeamDebriefPage(QWidget):
    """The joint debrief of one session (see the module's docstring); ``load(name)`` reads it."""

    back_requested = Signal()

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.name = ""
        self.view: Any = None  # tipcase.services.exercise_debrief.DebriefView

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.save_report = QPushButton()
        self.save_report.clicked.connect(self.choose_report_file)
        self.areas = FoldedText()  # the team's areas to improve, folded (walk F, finding 10: they took the lists' room)
        verdict_box = QVBoxLayout()
        verdict_box.addWidget(self.verdict)
        verdict_box.addWidget(self.areas)
        header = QHBoxLayout()
        header.addLayout(verdict_box, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.save_report)
        buttons.addStretch(1)
        header.addLayout(buttons)

        self.timeline = Timeline()
        self.timeline.decision_clicked.connect(self._select_decision)
        self.timeline_area = QScrollArea()  # a case with many quick decisions is wider than the window: it scrolls
        self.timeline_area.setWidget(self.timeline)
        self.timeline_area.setWidgetResizable(True)
        self.timeline_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # dragged smaller: it scrolls
        self.timeline_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # every decision under its role (a row spanning the list: the role's title and who plays it), each with
        # its clock, trainee, rating and the decision, whole (wrapped), the columns as wide as their contents
        self.decisions = QTreeWidget()
        self.decisions.setColumnCount(4)
        self.decisions.setRootIsDecorated(False)
        self.decisions.setItemsExpandable(False)
        self.decisions.setIndentation(0)
        self.decisions.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.decisions.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the decision: the rest, wrapped
        self.decision_wrap = wrap_column(self.decisions, 3)
        self.decisions.currentItemChanged.connect(lambda current, _previous: self._show_decision(current))
        self.detail = QTextBrowser()
        self.detail.setTabChangesFocus(True)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.decisions)
        left.addWidget(self.detail)
        left.setStretchFactor(0, 3)  # the list of decisions the larger part, the one chosen's feedback under it
        left.setStretchFactor(1, 2)
        # the pathway a page of its own beside the time line, as the control room has it: the map the window's width
        # with its list beside it (walk F, finding 10: in a tab beside the decisions it was a 540 x 150 px stamp)
        self.map = TeamMap(observer=True)
        self.map.splitter.setSizes([2600, 1400])  # the map the larger part, the list wide enough to read a role's line
        self.scores = QTextBrowser()
        self.scores.setTabChangesFocus(True)
        self.review = QTextBrowser()
        self.review.setTabChangesFocus(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scores, "")
        self.tabs.addTab(self.review, "")
        lower = QSplitter()
        lower.addWidget(left)
        lower.addWidget(self.tabs)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([780, 560])  # the decisions and their feedback get the larger part
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.timeline_area)
        body.addWidget(lower)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        for splitter in (body, lower, left):  # a handle that shows it can be dragged (the style's was invisible)
            splitter.setHandleWidth(HANDLE_WIDTH)
            splitter.setStyleSheet(HANDLE_STYLE)
        self.body = body
        self._split = False  # the time line's share set once, at the first read; then the user's drag is kept
        self.views = QTabWidget()  # the time line and decisions; the team on the pathway
        self.views.addTab(body, "")
        self.views.addTab(self.map, "")
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.views, 1)

        self.follower = Follower(self, context.notifier, TOPICS, self._refresh_quietly)
        context.signals.language_changed.connect(lambda _language: self._reread())
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText(self.tr("&Back to the sessions"))
        self.body.handle(1).setToolTip(self.tr("Drag to give the time line or the decisions more room"))
        self.save_report.setText(self.tr("Save the &after-action report..."))
        self.save_report.setToolTip(self.tr("The objectives, strengths and areas to improve, per role and for the team, as a PDF"))
        self.decisions.setHeaderLabels([self.tr("Clock"), self.tr("Trainee"), self.tr("Rating"), self.tr("Decision")])
        self.decisions.setAccessibleName(self.tr("Every decision, by role"))
        self.timeline.setAccessibleName(self.tr("Time line: a lane per role on its case clock"))
        self.detail.setAccessibleName(self.tr("The decision's feedback and law"))
        self.tabs.setTabText(0, self.tr("&Scores"))
        self.tabs.setTabText(1, self.tr("Strengths and a&reas"))
        self.views.setTabText(0, self.tr("&Time line and decisions"))
        self.views.setTabText(1, self.tr("&Pathway"))
        self.scores.setAccessibleName(self.tr("The objectives and each role's score"))
        self.review.setAccessibleName(self.tr("Strengths and areas to improve, for the team and each role"))
        self.map.setAccessibleName(self.tr("The team on the referral pathway"))
        self.show_debrief()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- reading ---------------------------------------------------------------------------------
    def load(self, name: str) -> None:
        """Read session ``name``'s joint debrief (on the task runner) and show it."""
        if name != self.name:  # another session: each pane from its start, on the time line and scores (walk H, finding 19)
            to_start(self.timeline_area, self.detail, self.scores, self.review)
            self.views.setCurrentIndex(0)
            self.tabs.setCurrentIndex(0)
            self.decisions.clear()  # its first decision chosen, not the number chosen in the session before (walk H)
            vars(self).pop("_decision_items", None)  # (their rows went with the list)
        self.name, self.view, self._split = name, None, False
        self._read(quiet=False)

    def clear(self) -> None:
        """Forget the debrief shown (at sign-out: the next person at the workstation may not read it)."""
        self.name, self.view = "", None
        self.show_debrief()

    def _reread(self) -> None:
        """The interface language changed: the debrief's sentences are read again in it (a hidden page is re-read by ``load``)."""
        if self.name and self.isVisible():
            self.view = None
            self._read(quiet=False)

    def _read(self, *, quiet: bool, done: Any = None) -> None:
        name, language = self.name, self.context.language

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services.exercise_debrief import debrief_view  # noqa: PLC0415 - loads with the page

            return debrief_view(db, account_id, name, language=language)

        def shown(view: Any) -> None:
            if view.session.name != self.name:
                return
            if self.view is not None and self.view.last_seq == view.last_seq and self.view.session.status == view.session.status:
                return
            self.view = view
            self.show_debrief()

        if quiet:
            self.context.run_quietly(work, shown, done or (lambda: None))
        else:
            self.context.run_signed_in(work, shown, self.window().show_error)  # type: ignore[attr-defined]

    def _refresh_quietly(self, done: Any) -> None:
        if not self.name or (self.view is not None and self.view.session.status == "ended"):
            done()  # an ended session's debrief is final
            return
        self._read(quiet=True, done=done)

    # -- the after-action report -----------------------------------------------------------------
    def choose_report_file(self) -> None:
        """Ask where to save the after-action report (Documents by default), then write it."""
        if not self.name:
            return
        path = file_dialogs.save_file(
            self,
            "report",
            self.tr("Save the after-action report"),
            self.tr("{name}-after-action.pdf").format(name=self.name),
            self.tr("PDF document (*.pdf)"),
        )
        if path is not None:
            chosen = str(path)
            self.write_report(Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf"))

    def write_report(self, target: Path) -> None:
        """Write the session's after-action report to ``target`` in the interface language, off the UI thread."""
        name, language = self.name, self.context.language

        def work(db: Any, account_id: int) -> Path:
            from tipcase.services.exercise_debrief import save_report_pdf  # noqa: PLC0415 - reportlab loads here

            return save_report_pdf(db, account_id, name, target, language=language)

        def saved(path: Path) -> None:
            self.context.signals.status_message.emit(self.tr("Saved {path}").format(path=path))

        self.context.run_signed_in(work, saved, self.window().show_error)  # type: ignore[attr-defined]

    # -- showing ---------------------------------------------------------------------------------
    def _role(self, role: str | None) -> str:
        """A role's title as the debrief names it (its lane's), or the id of a role the case lacks."""
        if role is None:
            return ""
        lane = next((lane for lane in self.view.debrief.lanes if lane.role == role), None)
        return lane.title if lane is not None else role

    def decision_moments(self) -> list[Any]:
        """Every decision of the debrief, by role in the case's order, then step: the rows and the time line's bars."""
        return [moment for lane in self.view.debrief.lanes for moment in lane.moments if moment.kind == "decision"]

    def show_debrief(self) -> None:
        """Show what was read (nothing before the first read)."""
        if self.view is None:
            self.verdict.setText("")
            self.areas.set_content("", "")
            return
        self._show_verdict()
        self._show_timeline()
        self._show_decisions()
        self._show_scores()
        self._show_review()
        self._show_map()

    def _show_verdict(self) -> None:
        view = self.view
        debrief, team = view.debrief, view.debrief.team
        palette = colours()
        passed, ended = bool(team["passed"]), view.session.status == "ended"
        if ended:
            colour = (palette.good if passed else palette.bad).name()
            verdict = self.tr("The team passed") if passed else self.tr("The team did not pass")
        else:  # a session still played has no verdict yet: the page may be on the projector while the teams play
            colour, verdict = palette.warning.name(), self.tr("So far")
        lines = [
            "<h2>{}: {} — {}</h2>".format(
                html.escape(self.tr("Joint debrief")), html.escape(view.session.name), html.escape(debrief.title)
            ),
            f"<p><b style='color:{colour}'>{html.escape(verdict)}</b>: "
            + html.escape(
                (
                    self.tr("{percent} of the best joint route (pass mark {mark}). Session {status}.")
                    if ended
                    else self.tr("{percent} of the best joint route (pass mark {mark}). Session {status}: the verdict comes when it ends.")
                ).format(
                    percent=percent_text(float(team["total_percent"])),
                    mark=percent_text(float(team["pass_mark"])),
                    status=status_text(view.session.status).lower(),
                )
            )
            + "</p>",
        ]
        areas = debrief.areas  # the critical errors first: the after-action report's summary
        self.areas.set_content(self.tr("Areas to improve (%n)", "", len(areas)), "<br>".join(html.escape(p) for p in areas))
        self.verdict.setText("".join(lines))

    def _show_timeline(self) -> None:
        lanes, bars, arrows, marks = timeline_content(self.view.debrief, self._role)
        hours_label = translate("Exercise", "{hours} h")
        self.timeline.set_content(lanes, bars, arrows, marks, hours=self.view.debrief.hours, hours_label=hours_label)
        height = self.timeline.minimumHeight() + self.timeline_area.horizontalScrollBar().sizeHint().height()
        self.timeline_area.setMaximumHeight(height)  # every lane in sight, and room for the scroll bar a long case needs
        self.timeline_area.setMinimumHeight(min(height, TIMELINE_LEAST))
        if not self._split:  # at first the whole time line; the handle under it gives the lists more room
            self._split = True
            total = sum(self.body.sizes()) or self.body.height()
            self.body.setSizes([height, max(total - height, 1)])

    def _show_decisions(self) -> None:
        current = self._decision_index(self.decisions.currentItem())
        self.decisions.clear()
        self._decision_items: list[QTreeWidgetItem] = []
        palette = colours()
        moments = self.decision_moments()
        players = {state.id: ", ".join(person.full_name for person in state.users) for state in self.view.roles}
        heading = self.decisions.font()
        heading.setBold(True)
        for lane in self.view.debrief.lanes:
            group = QTreeWidgetItem([f"{lane.title} — {players[lane.role]}" if players.get(lane.role) else lane.title])
            group.setFont(0, heading)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a decision: not selectable
            group.setToolTip(0, group.text(0))
            self.decisions.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for index, moment in enumerate(moments):
                if moment.role != lane.role:
                    continue
                item = QTreeWidgetItem(
                    [
                        hours_text(moment.clock),  # the hour the PDF and the report give it: done, after its hours
                        self._full_name(moment.user),
                        f"{MARKS[moment.rating]} {rating_text(moment.rating)}",
                        f"{moment.step}. {moment.title}",
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, index)
                item.setForeground(2, {"good": palette.good, "acceptable": palette.warning}.get(str(moment.rating), palette.bad))
                for column in range(4):
                    item.setToolTip(column, item.text(column))
                group.addChild(item)
                self._decision_items.append(item)
        self.decisions.expandAll()
        if moments:
            self.decisions.setCurrentItem(self._decision_items[min(max(current, 0), len(moments) - 1)])
        else:
            self.detail.setHtml(self.tr("<i>No decision has been taken yet.</i>"))

    def decision_item(self, index: int) -> QTreeWidgetItem | None:
        """The list's row of decision ``index`` (``decision_moments``' order), or None."""
        items = getattr(self, "_decision_items", [])
        return items[index] if 0 <= index < len(items) else None

    @staticmethod
    def _decision_index(item: QTreeWidgetItem | None) -> int:
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(data) if data is not None else 0

    def _select_decision(self, index: int) -> None:
        item = self.decision_item(index)
        if item is not None:
            self.decisions.setCurrentItem(item)
            self.decisions.scrollToItem(item)
            QTimer.singleShot(0, self, lambda: self._scroll_to(index))  # again once the wrapped rows have their heights

    def _scroll_to(self, index: int) -> None:
        item = self.decision_item(index)
        if item is not None:
            self.decisions.scrollToItem(item)

    def _show_decision(self, item: QTreeWidgetItem | None) -> None:
        if self.view is None or item is None or item.data(0, Qt.ItemDataRole.UserRole) is None:
            return
        index = int(item.data(0, Qt.ItemDataRole.UserRole))
        self.timeline.select(index)
        moment = self.decision_moments()[index]
        language = self.view.debrief.language
        parts = [
            "<h3>{}</h3>".format(
                html.escape(
                    self.tr("{role}, decision {step}, stage “{stage}”").format(
                        role=self._role(moment.role),
                        step=moment.step,
                        stage=stage_title(self.view.team, moment.role, moment.stage, self.context.text),
                    )
                )
            ),
            "<p>{}</p>".format(
                html.escape(
                    self.tr("{who} chose “{choice}”, done at {hours} on the role's clock (chosen at {start}).").format(
                        who=self._full_name(moment.user) or self.tr("Someone"),
                        choice=moment.title,
                        hours=hour_mark(moment.clock),
                        start=hour_mark(moment.start or 0.0),
                    )
                )
            ),
            f"<p><b>{MARKS[moment.rating]} {html.escape(rating_text(moment.rating))}</b></p>",
        ]
        if moment.text:
            parts.append(paragraphs(moment.text))
        if moment.better:
            parts.append(f"<p><b>{html.escape(label('better', language, label=moment.better))}</b></p>")
        if moment.critical:
            critical = self.tr("Critical:")
            parts.append(f"<p><b>{html.escape(critical)}</b> {html.escape(moment.critical)}</p>")
        if moment.ref:
            parts.append(f"<p><i>{html.escape(moment.ref)}</i></p>")
        for note in provision_notes(moment.provisions, language):
            law = f" — {html.escape(note.law)}" if note.law else ""
            parts.append(
                f"<p><b>{html.escape(note.citation)}</b>{law}<br>{html.escape(note.summary)} <i>{html.escape(note.caveat)}</i></p>"
            )
        self.detail.setHtml("".join(parts))

    def _full_name(self, username: str | None) -> str:
        names = {person.username: person.full_name for state in self.view.roles for person in state.users}
        return str(names.get(username or "", username or ""))

    def _show_scores(self) -> None:
        view = self.view
        debrief = view.debrief
        players = {state.id: ", ".join(person.full_name for person in state.users) for state in view.roles}
        rows = []
        for lane in debrief.lanes:
            result = lane.result
            verdict = self.tr("passed") if result.get("passed") else self.tr("not passed")
            done = self.tr("reached its end") if result.get("complete") else self.tr("not at its end")
            rows.append(
                "<tr><td><b>{}</b><br><small>{}</small></td><td align='right'>{}</td><td>{}, {}</td></tr>".format(
                    html.escape(lane.title),
                    html.escape(players.get(lane.role, "")),
                    html.escape(percent_text(float(result.get("total_percent", 0)))),
                    html.escape(verdict),
                    html.escape(done),
                )
            )
        competencies = []
        for competency, percent in debrief.team.get("percent", {}).items():
            title, figure = debrief.competency_titles.get(competency, competency), percent_text(float(percent))
            competencies.append(f"<tr><td>{html.escape(title)}</td><td align='right'>{html.escape(figure)}</td></tr>")
        parts = []
        if debrief.objectives:
            objectives = self.tr("Objectives")
            parts.append(f"<h3>{html.escape(objectives)}</h3><table cellpadding='3'>")
            for objective in debrief.objectives:
                mark, colour = ("✓", colours().good) if objective.met else ("✗", colours().bad)
                met = self.tr("met") if objective.met else self.tr("not met")
                if view.session.status != "ended":  # while it is played: where it stands, not a verdict
                    mark, colour = ("✓", colours().good) if objective.met else ("…", colours().warning)
                    met = self.tr("met so far") if objective.met else self.tr("not met yet")
                why = "".join(f"<br><small>{html.escape(reason)}</small>" for reason in objective.reasons)
                parts.append(
                    f"<tr><td style='color:{colour.name()}'><b>{mark}</b></td>"
                    f"<td><b>{html.escape(objective.title)}</b> ({html.escape(met)}){why}</td></tr>"
                )
            parts.append("</table>")
        each_role, by_competency = self.tr("Each role"), self.tr("The team, by competency")
        parts.append(f"<h3>{html.escape(each_role)}</h3><table cellpadding='4'>{''.join(rows)}</table>")
        parts.append(f"<h3>{html.escape(by_competency)}</h3><table cellpadding='4'>{''.join(competencies)}</table>")
        self.scores.setHtml("".join(parts))

    def _show_review(self) -> None:
        """Strengths and areas to improve for the team, then for each role: the after-action report's sentences."""
        debrief = self.view.debrief
        parts, none = [], self.tr("None")
        for title, strengths, areas in [(self.tr("The team"), debrief.strengths, debrief.areas)] + [
            (lane.title, lane.strengths, lane.areas) for lane in debrief.lanes
        ]:
            parts.append(f"<h3>{html.escape(title)}</h3>")
            for heading, items in ((self.tr("Strengths"), strengths), (self.tr("Areas to improve"), areas)):
                listed = "".join(f"<li>{html.escape(item)}</li>" for item in items) or f"<li><i>{html.escape(none)}</i></li>"
                parts.append(f"<p><b>{html.escape(heading)}</b></p><ul>{listed}</ul>")
        self.review.setHtml("".join(parts))

    def _show_map(self) -> None:
        view, text, language = self.view, self.context.text, self.context.language
        marks = [RoleMark(track_title(state.track, text, language), state.node, state.trail, clock_line(state)) for state in view.roles]
        self.map.show_team(view.pathway, marks, text)
