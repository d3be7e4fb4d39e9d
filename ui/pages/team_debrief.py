"""The joint debrief of a team exercise: who did what and when, how each decision is rated, and how the team did.

At the top the team's verdict: its score against the pass mark, the pathway rules the team broke,
hand-overs sent incomplete or never taken, critical errors. Under it the time line, a lane per role on
its case clock (``ui.widgets.timeline``); then every decision by role, with who took
it, its rating, the feedback, the legal reference and what the cited provisions say; beside it the
team on the referral pathway and each role's score. Read on the task runner from
``tipcase.services.exercise_review``, and re-read when the session's log grows (a debrief opened
while the session still runs follows it).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import ApplicationContext
from ui.models.decisions import provision_notes, rating_text
from ui.models.exercise_log import handover_title, hours_text, inject_title, role_title, stage_title, status_text, track_title
from ui.notifier import Follower
from ui.numbers import percent_text
from ui.pages.control_room import TOPICS
from ui.pages.player_panels import MARKS, paragraphs
from ui.theme import colours
from ui.widgets.team_map import RoleMark, TeamMap
from ui.widgets.timeline import Arrow, Bar, Mark, Timeline

translate = QCoreApplication.translate


class TeamDebriefPage(QWidget):
    """The joint debrief of one session (see the module's docstring); ``load(name)`` reads it."""

    back_requested = Signal()

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.name = ""
        self.debrief: Any = None  # tipcase.services.exercise_review.JointDebrief

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.save_report = QPushButton()
        self.save_report.clicked.connect(self.choose_report_file)
        header = QHBoxLayout()
        header.addWidget(self.verdict, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.save_report)
        buttons.addStretch(1)
        header.addLayout(buttons)

        self.timeline = Timeline()
        self.timeline.decision_clicked.connect(self._select_decision)
        self.decisions = QTreeWidget()
        self.decisions.setColumnCount(5)
        self.decisions.setRootIsDecorated(False)
        self.decisions.setUniformRowHeights(True)
        self.decisions.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.decisions.header().setStretchLastSection(True)
        self.decisions.currentItemChanged.connect(lambda current, _previous: self._show_decision(current))
        self.detail = QTextBrowser()
        self.detail.setTabChangesFocus(True)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.decisions)
        left.addWidget(self.detail)
        self.map = TeamMap()
        self.scores = QTextBrowser()
        self.scores.setTabChangesFocus(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scores, "")
        self.tabs.addTab(self.map, "")
        lower = QSplitter()
        lower.addWidget(left)
        lower.addWidget(self.tabs)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.timeline)
        body.addWidget(lower)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(body, 1)

        self.follower = Follower(self, context.notifier, TOPICS, self._refresh_quietly)
        context.signals.language_changed.connect(lambda _language: self.show_debrief())
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText(self.tr("&Back to the sessions"))
        self.save_report.setText(self.tr("Save the &after-action report..."))
        self.save_report.setToolTip(self.tr("The objectives, strengths and areas to improve, per role and for the team, as a PDF"))
        self.decisions.setHeaderLabels([self.tr("Role"), self.tr("Clock"), self.tr("Trainee"), self.tr("Rating"), self.tr("Decision")])
        self.decisions.setAccessibleName(self.tr("Every decision, by role"))
        self.timeline.setAccessibleName(self.tr("Time line: a lane per role on its case clock"))
        self.detail.setAccessibleName(self.tr("The decision's feedback and law"))
        self.tabs.setTabText(0, self.tr("&Scores"))
        self.tabs.setTabText(1, self.tr("&Pathway"))
        self.map.setAccessibleName(self.tr("The team on the referral pathway"))
        self.show_debrief()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- reading ---------------------------------------------------------------------------------
    def load(self, name: str) -> None:
        self.name = name
        self.debrief = None
        self._read(quiet=False)

    def _read(self, *, quiet: bool, done: Any = None) -> None:
        name = self.name

        def work(db: Any, account_id: int) -> Any:
            from tipcase.services.exercise_review import joint_debrief  # noqa: PLC0415

            return joint_debrief(db, account_id, name)

        def shown(debrief: Any) -> None:
            if debrief.session.name != self.name:
                return
            if (
                self.debrief is not None
                and self.debrief.last_seq == debrief.last_seq
                and self.debrief.session.status == debrief.session.status
            ):
                return
            self.debrief = debrief
            self.show_debrief()

        if quiet:
            self.context.run_quietly(work, shown, done or (lambda: None))
        else:
            self.context.run_signed_in(work, shown, self.window().show_error)  # type: ignore[attr-defined]

    def _refresh_quietly(self, done: Any) -> None:
        if not self.name or (self.debrief is not None and self.debrief.session.status == "ended"):
            done()  # an ended session's debrief is final
            return
        self._read(quiet=True, done=done)

    # -- the after-action report -----------------------------------------------------------------
    def choose_report_file(self) -> None:
        """Ask where to save the after-action report (Documents by default), then write it."""
        if not self.name:
            return
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the after-action report"), str(folder / f"{self.name}-after-action.pdf"), self.tr("PDF document (*.pdf)")
        )
        if chosen:
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
        return role_title(self.debrief.team, role, self.context.text, self.context.language)

    def show_debrief(self) -> None:
        debrief = self.debrief
        if debrief is None:
            self.verdict.setText("")
            return
        self._show_verdict()
        self._show_timeline()
        self._show_decisions()
        self._show_scores()
        self._show_map()

    def _show_verdict(self) -> None:
        debrief, text = self.debrief, self.context.text
        team = debrief.report["team"]
        palette = colours()
        passed = bool(team["passed"])
        colour = (palette.good if passed else palette.bad).name()
        verdict = self.tr("The team passed") if passed else self.tr("The team did not pass")
        lines = [
            "<h2>{}: {} — {}</h2>".format(
                html.escape(self.tr("Joint debrief")), html.escape(debrief.session.name), html.escape(text(debrief.session.title))
            ),
            f"<p><b style='color:{colour}'>{html.escape(verdict)}</b>: "
            + html.escape(
                self.tr("{percent} of the best joint route (pass mark {mark}). Session {status}.").format(
                    percent=percent_text(float(team["total_percent"])),
                    mark=percent_text(float(team["pass_mark"])),
                    status=status_text(debrief.session.status).lower(),
                )
            )
            + "</p>",
        ]
        problems = self._problems(team)
        if problems:
            lines.append("<p>" + "<br>".join(html.escape(p) for p in problems) + "</p>")
        self.verdict.setText("".join(lines))

    def _problems(self, team: dict[str, Any]) -> list[str]:
        """The rules broken, incomplete and undelivered hand-overs and critical errors, one sentence each."""
        debrief, text = self.debrief, self.context.text
        rules = {rule.id: rule for rule in debrief.pathway.rules} if debrief.pathway is not None else {}
        found = []
        for violation in team.get("rule_violations", []):
            rule = rules.get(violation["rule"])
            title = text(rule.title) if rule is not None and rule.title is not None else violation["rule"]
            found.append(
                self.tr("Rule broken: {rule} ({role}, {points} points).").format(
                    rule=title, role=self._role(violation.get("role")), points=violation.get("points", 0)
                )
            )
        for item in team.get("incomplete_handovers", []):
            found.append(
                self.tr("Incomplete hand-over: “{title}” from {sender} to {receiver}.").format(
                    title=handover_title(debrief.team, item["handover"], text),
                    sender=self._role(item["from"]),
                    receiver=self._role(item["to"]),
                )
            )
        for item in team.get("undelivered", []):
            found.append(
                self.tr("Never taken: “{title}” from {sender} to {receiver}.").format(
                    title=handover_title(debrief.team, item["handover"], text),
                    sender=self._role(item["from"]),
                    receiver=self._role(item["to"]),
                )
            )
        for error in team.get("critical_errors", []):
            found.append(self.tr("Critical error ({role}): {text}").format(role=self._role(error.get("role")), text=error.get("text", "")))
        return found

    def _show_timeline(self) -> None:
        debrief, text = self.debrief, self.context.text
        order = [state.id for state in debrief.roles]
        bars = []
        for index, decision in enumerate(debrief.decisions):
            tip = self.tr("{role}, decision {step} ({start}–{end}): {choice} — {rating}").format(
                role=self._role(decision.role),
                step=decision.step,
                start=hours_text(decision.start),
                end=hours_text(decision.clock),
                choice=text(decision.choice.label),
                rating=rating_text(decision.rating),
            )
            bars.append(Bar(index, order.index(decision.role), decision.start, decision.clock, decision.step, str(decision.rating), tip))
        arrows = []
        for sent in debrief.handovers:
            status = self.tr("complete") if sent.complete else self.tr("incomplete")
            taken = hours_text(sent.taken) if sent.taken is not None else self.tr("never taken")
            tip = self.tr("Hand-over “{title}” from {sender} at {sent} to {receiver} at {taken} ({status})").format(
                title=handover_title(debrief.team, sent.handover, text),
                sender=self._role(sent.sender),
                sent=hours_text(sent.sent),
                receiver=self._role(sent.receiver),
                taken=taken,
                status=status,
            )
            arrows.append(Arrow(order.index(sent.sender), order.index(sent.receiver), sent.sent, sent.taken, sent.complete, tip))
        marks = []
        for arrival in debrief.arrivals:
            if arrival.kind == "inject":
                tip = self.tr("Inject “{title}” at {hours}").format(
                    title=inject_title(debrief.team, arrival.ident, text), hours=hours_text(arrival.clock)
                )
                marks.append(Mark(order.index(arrival.role), arrival.clock, "diamond", tip))
            else:
                tip = self.tr("Message from the trainer: {text}").format(text=arrival.text)
                marks.append(Mark(order.index(arrival.role), arrival.clock, "square", tip))
        lanes = [track_title(state.track, text, self.context.language) for state in debrief.roles]
        self.timeline.set_content(lanes, bars, arrows, marks, hours=debrief.hours, hours_label=translate("Exercise", "{hours} h"))

    def _show_decisions(self) -> None:
        debrief, text = self.debrief, self.context.text
        selected = self.decisions.currentItem()
        current = self.decisions.indexOfTopLevelItem(selected) if selected is not None else 0
        self.decisions.clear()
        palette = colours()
        for index, decision in enumerate(debrief.decisions):
            item = QTreeWidgetItem(
                [
                    self._role(decision.role),
                    hours_text(decision.start),
                    self._full_name(decision.user),
                    f"{MARKS[decision.rating]} {rating_text(decision.rating)}",
                    f"{decision.step}. {text(decision.choice.label)}",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setForeground(3, {"good": palette.good, "acceptable": palette.warning}.get(str(decision.rating), palette.bad))
            item.setToolTip(4, text(decision.choice.label))
            self.decisions.addTopLevelItem(item)
        if debrief.decisions:
            first = self.decisions.topLevelItem(min(max(current, 0), len(debrief.decisions) - 1))
            if first is not None:
                self.decisions.setCurrentItem(first)
        else:
            self.detail.setHtml(self.tr("<i>No decision has been taken yet.</i>"))

    def _select_decision(self, index: int) -> None:
        item = self.decisions.topLevelItem(index)
        if item is not None:
            self.decisions.setCurrentItem(item)
            self.decisions.scrollToItem(item)

    def _show_decision(self, item: QTreeWidgetItem | None) -> None:
        debrief = self.debrief
        if debrief is None or item is None:
            return
        index = int(item.data(0, Qt.ItemDataRole.UserRole))
        self.timeline.select(index)
        decision = debrief.decisions[index]
        text, language = self.context.text, self.context.language
        choice = decision.choice
        parts = [
            "<h3>{}</h3>".format(
                html.escape(
                    self.tr("{role}, decision {step} at “{stage}”").format(
                        role=self._role(decision.role),
                        step=decision.step,
                        stage=stage_title(debrief.team, decision.role, decision.stage, text),
                    )
                )
            ),
            "<p>{}</p>".format(
                html.escape(
                    self.tr("{who} chose at {hours} on the role's clock: {choice}").format(
                        who=self._full_name(decision.user) or self.tr("Someone"),
                        hours=hours_text(decision.start),
                        choice=text(choice.label),
                    )
                )
            ),
            f"<p><b>{MARKS[decision.rating]} {html.escape(rating_text(decision.rating))}</b></p>",
        ]
        if choice.feedback is not None:
            parts.append(paragraphs(text(choice.feedback)))
        if choice.critical is not None:
            critical = self.tr("Critical:")
            parts.append(f"<p><b>{html.escape(critical)}</b> {html.escape(text(choice.critical))}</p>")
        if choice.ref is not None:
            parts.append(f"<p><i>{html.escape(text(choice.ref))}</i></p>")
        for note in provision_notes(decision.provisions, language):
            law = f" — {html.escape(note.law)}" if note.law else ""
            parts.append(
                f"<p><b>{html.escape(note.citation)}</b>{law}<br>{html.escape(note.summary)} <i>{html.escape(note.caveat)}</i></p>"
            )
        self.detail.setHtml("".join(parts))

    def _full_name(self, username: str | None) -> str:
        names = {person.username: person.full_name for state in self.debrief.roles for person in state.users}
        return str(names.get(username or "", username or ""))

    def _show_scores(self) -> None:
        debrief, text, language = self.debrief, self.context.text, self.context.language
        rows = []
        for state in debrief.roles:
            result = debrief.report["roles"].get(state.id, {})
            players = ", ".join(person.full_name for person in state.users)
            verdict = self.tr("passed") if result.get("passed") else self.tr("not passed")
            done = self.tr("finished") if result.get("complete") else self.tr("not finished")
            rows.append(
                "<tr><td><b>{}</b><br><small>{}</small></td><td align='right'>{}</td><td>{}, {}</td></tr>".format(
                    html.escape(track_title(state.track, text, language)),
                    html.escape(players),
                    html.escape(percent_text(float(result.get("total_percent", 0)))),
                    html.escape(verdict),
                    html.escape(done),
                )
            )
        team = debrief.report["team"]
        competencies = []
        for competency, percent in team.get("percent", {}).items():
            found = debrief.team.competencies.get(competency)
            title = text(found.title) if found is not None else competency
            competencies.append(f"<tr><td>{html.escape(title)}</td><td align='right'>{html.escape(percent_text(float(percent)))}</td></tr>")
        self.scores.setHtml(
            "<h3>{}</h3><table cellpadding='4'>{}</table><h3>{}</h3><table cellpadding='4'>{}</table>".format(
                html.escape(self.tr("Each role")), "".join(rows), html.escape(self.tr("The team, by competency")), "".join(competencies)
            )
        )

    def _show_map(self) -> None:
        debrief, text, language = self.debrief, self.context.text, self.context.language
        marks = [
            RoleMark(track_title(state.track, text, language), state.node, state.trail, hours_text(state.clock)) for state in debrief.roles
        ]
        self.map.show_team(debrief.pathway, marks, text)
