"""The debrief: what the trainee did against what good practice asks.

Passed or not and why, percent per competency, the route against the best route on the case graph
and on the referral pathway, and every decision with its feedback, its legal reference and what the
provisions it cites say (from the register of provisions, in the interface language).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QSplitter, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from tipcase.format.provisions import CitedProvision
from tipcase.play.engine import Play
from tipcase.play.result import PlayResult

from ui.context import ApplicationContext
from ui.focus import focus_visibly
from ui.maps.pathway import pathway_content
from ui.maps.route import route_content
from ui.models.decisions import DecisionListModel, DecisionRow, provision_notes, rating_text
from ui.numbers import number_text, percent_text
from ui.pages.player_panels import plain
from ui.theme import colours
from ui.widgets.charts import CompetencyChart, scrolled
from ui.widgets.map_panel import MapContent, MapPanel
from ui.widgets.scroll_start import to_start


class DebriefPage(QWidget):
    """The debrief of one attempt (the module docstring says what it shows)."""

    back_requested = Signal()

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.debrief: Any = None
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        header.addWidget(self.verdict, 1)
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)

        self.decisions = DecisionListModel()
        self.decision_list = QListView()
        self.decision_list.setModel(self.decisions)
        self.decision_list.setWordWrap(True)
        self.decision_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.decision_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.decision_list.setSpacing(2)
        self.decision_list.selectionModel().currentChanged.connect(lambda current, _previous: self._show_decision(current.row()))
        self.detail = QTextBrowser()
        self.detail.setTabChangesFocus(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.decision_list)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.decision_list, 2)
        left_layout.addWidget(self.detail, 3)

        self.chart = CompetencyChart()
        self.summary = QTextBrowser()  # a wrapped QLabel here would make the window grow to fit it
        self.summary.setMaximumHeight(90)
        self.summary.setTabChangesFocus(True)
        competencies = QWidget()
        competencies_layout = QVBoxLayout(competencies)
        self.chart_area = scrolled(self.chart)
        competencies_layout.addWidget(self.chart_area, 1)  # its labels whole, scrolled when the pane is too low
        competencies_layout.addWidget(self.summary)
        self.route_panel = MapPanel(minimap=True)  # each map with its legend and its route as a list
        self.route_map = self.route_panel.view
        self.route_panel.node_activated.connect(self._show_decision_at)
        self.pathway_panel = MapPanel(minimap=True)
        self.pathway_map = self.pathway_panel.view
        self.pathway_panel.node_activated.connect(self._show_decision_at)
        self.tabs = QTabWidget()
        self.tabs.addTab(competencies, "")
        self.tabs.addTab(self.route_panel, "")
        self.tabs.addTab(self.pathway_panel, "")

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        context.signals.language_changed.connect(lambda _language: self.refresh_view())
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText(self.tr("&Back to my courses"))
        self.list_label.setText(self.tr("Your &decisions (✓ good practice, ~ acceptable, ✗ poor, ‼ critical error)"))
        self.decision_list.setAccessibleName(self.tr("Your decisions"))
        self.detail.setAccessibleName(self.tr("Feedback on the decision"))
        self.tabs.setTabText(0, self.tr("Co&mpetencies"))
        self.tabs.setTabText(1, self.tr("&Route"))
        self.tabs.setTabText(2, self.tr("R&eferral pathway"))
        self.tabs.tabBar().setAccessibleName(self.tr("Debrief views"))
        self.chart.setAccessibleName(self.tr("Percent per competency"))
        self.summary.setAccessibleName(self.tr("Competency figures"))
        self.route_map.setAccessibleName(self.tr("Your route and the best route through the case"))
        self.pathway_map.setAccessibleName(self.tr("Your trail and the best trail on the referral pathway"))
        self.refresh_view()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        """Forget the debrief shown (at sign-out: the next person at the workstation sees nothing of it)."""
        self.debrief = None
        self.verdict.clear()
        self.decisions.set_rows([], self.context.language)
        self.detail.clear()
        self.summary.clear()
        self.chart.show_percents([], self.tr("Percent per competency"))
        for panel in (self.route_panel, self.pathway_panel):
            panel.show_content(MapContent([], [], ""))

    def load(self, debrief: Any) -> None:
        """Show a ``desktop.Debrief``; the list of decisions takes the focus, on its first decision."""
        self.debrief = debrief
        to_start(self.chart_area, self.summary, self.detail, self.decision_list)  # another attempt: each pane from its top
        self.decision_list.setCurrentIndex(self.decisions.index(-1))
        self.refresh_view()
        if self.decisions.rowCount():
            self.decision_list.setCurrentIndex(self.decisions.index(0))
        if self.isVisible():
            focus_visibly(self.decision_list)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        focus_visibly(self.decision_list)

    def refresh_view(self) -> None:
        debrief = self.debrief
        if debrief is None:
            return
        play: Play = debrief.play
        language = self.context.language
        self._render_verdict(play, debrief.result)
        provisions = debrief.provisions
        rows = [DecisionRow(d, play.rating(d), provisions.get((d.stage, d.choice.index), ())) for d in play.decisions]
        current = self.decision_list.currentIndex().row()
        self.decisions.set_rows(rows, language)
        if 0 <= current < len(rows):
            self.decision_list.setCurrentIndex(self.decisions.index(current))
        self._show_competencies(play)
        self._draw_route(play, debrief.best_play)
        self._draw_pathway(play, debrief.best_play)

    def _show_competencies(self, play: Play) -> None:
        """The chart and its text: what each competency earned, and beside it what counts once penalties are taken."""
        figures = play.competency_figures()
        titles = [self.context.text(play.scenario.competencies[f.competency].title) for f in figures]
        penalised = any(f.earned_percent != f.percent for f in figures)
        self.chart.show_percents(
            list(zip(titles, [f.percent for f in figures], strict=True)),
            self.tr("Percent per competency"),
            earned=[f.earned_percent for f in figures] if penalised else None,
            names=(self.tr("Counted"), self.tr("Earned, then lost to mistakes")),
        )
        parts = []
        for title, f in zip(titles, figures, strict=True):
            if f.earned_percent != f.percent:
                whole = float(f.lost).is_integer()  # "lost 1 point", "lost 2 points"; a fraction of a point: "lost 1,5 points"
                template = (
                    self.tr("earned {earned} %, counted {counted} % (lost %n point(s))", "", int(f.lost))
                    if whole
                    else self.tr("earned {earned} %, counted {counted} % (lost {lost} points)")
                )
                figure = template.format(
                    earned=f"<b>{number_text(f.earned_percent)}</b>", counted=number_text(f.percent), lost=number_text(f.lost)
                )
            else:
                figure = f"<b>{percent_text(f.percent)}</b>"
            parts.append(f"{html.escape(title)}: {figure}")
        self.summary.setHtml(" · ".join(parts))

    def _render_verdict(self, play: Play, result: PlayResult) -> None:
        palette = colours()
        text = self.context.text
        passed = result.passed
        colour = (palette.good if passed else palette.bad).name()
        verdict = self.tr("Passed") if passed else self.tr("Not passed")
        reasons = [
            self.tr("Your score: {score} (pass mark {mark}).").format(
                score=percent_text(result.total_percent), mark=percent_text(play.scenario.pass_mark)
            )
        ]
        for error in play.critical_errors(self.context.language):
            reasons.append(self.tr("Critical error: {text}").format(text=html.escape(error.text)))
        for violation in play.violations():
            rule = violation.rule
            competency = play.scenario.competencies.get(rule.competency or "")
            cost = f" (−{rule.points} {html.escape(text(competency.title))})" if competency is not None and rule.points else ""
            reasons.append(self.tr("Pathway rule broken: {rule}{cost}").format(rule=html.escape(text(rule.title) or rule.id), cost=cost))
        if play.pathway is not None:
            for source, target in play.off_pathway():
                names = {n: text(play.pathway.nodes[n].title) for n in (source, target)}
                reasons.append(
                    self.tr("Off-pathway referral: {a} → {b}").format(a=html.escape(names[source]), b=html.escape(names[target]))
                )
        self.verdict.setText(
            f"<h2>{html.escape(text(play.scenario.title))}: <span style='color:{colour}'>{verdict}</span></h2>"
            + "<ul>"
            + "".join(f"<li>{reason}</li>" for reason in reasons)
            + "</ul>"
        )
        self.verdict.setAccessibleName(f"{verdict}. " + " ".join(reasons))
        self.decision_list.setAccessibleDescription(plain(f"{verdict}. " + " ".join(reasons)))  # read with the list, which takes the focus

    def _show_decision(self, row: int) -> None:
        debrief = self.debrief
        item = self.decisions.row_at(row)
        if debrief is None or item is None:
            self.detail.clear()
            return
        play: Play = debrief.play
        text = self.context.text
        decision = item.decision
        choice = decision.choice
        stage = play.scenario.stages[decision.stage]
        you_chose, critical, reference, good_practice = (
            self.tr("You chose"),
            self.tr("Critical error"),
            self.tr("Reference"),
            self.tr("Good practice here"),
        )
        parts = [f"<h3>{html.escape(self._stage_label(stage))}</h3>"]
        parts.append(f"<p><b>{you_chose}:</b> {html.escape(text(choice.label))}</p>")
        if choice.critical is None:  # a critical error is said below, with why
            parts.append(f"<p><b>{html.escape(rating_text(item.rating))}</b></p>")
        if choice.critical is not None:
            parts.append(f"<p style='color:{colours().bad.name()}'><b>{critical}:</b> {html.escape(text(choice.critical))}</p>")
        if choice.feedback is not None:
            parts.append(f"<p>{html.escape(text(choice.feedback))}</p>")
        if choice.ref is not None:
            parts.append(f"<p><i>{reference}: {html.escape(text(choice.ref))}</i></p>")
        provisions = debrief.provisions
        parts.append(self._provisions_html(item.provisions))
        best = next((d for d in debrief.best_play.decisions if d.stage == decision.stage), None)
        if best is not None and best.choice.index != choice.index:
            parts.append(f"<p><b>{good_practice}:</b> {html.escape(text(best.choice.label))}</p>")
            if best.choice.feedback is not None:
                parts.append(f"<p>{html.escape(text(best.choice.feedback))}</p>")
            parts.append(self._provisions_html(provisions.get((best.stage, best.choice.index), ())))
        self.detail.setHtml("".join(parts))
        self.route_map.select_node(decision.stage)
        if stage.at is not None:
            self.pathway_map.select_node(stage.at)

    def _provisions_html(self, cited: tuple[CitedProvision, ...]) -> str:
        """What the cited provisions say, as a small list under the reference ('' when it cites none)."""
        notes = provision_notes(cited, self.context.language)
        if not notes:
            return ""
        muted = colours().muted.name()
        items = []
        for note in notes:
            law = f" <span style='color:{muted}'>({html.escape(note.law)})</span>" if note.law else ""
            caveat = f"<br><i>{html.escape(note.caveat)}</i>" if note.caveat else ""
            items.append(f"<li><b>{html.escape(note.citation)}</b>{law}<br>{html.escape(note.summary)}{caveat}</li>")
        heading = self.tr("What the law says")
        return f"<p><b>{heading}</b></p><ul>{''.join(items)}</ul>"

    def _draw_route(self, play: Play, best: Play) -> None:
        self.route_panel.show_content(route_content(play, best, self.context.text, self._stage_label))

    def _show_decision_at(self, node: str) -> None:
        """A stage (or a pathway step) chosen on a map: show the decision taken there, if one was."""
        debrief = self.debrief
        if debrief is None:
            return
        play: Play = debrief.play
        for row, decision in enumerate(play.decisions):
            stage = play.scenario.stages[decision.stage]
            if node in (decision.stage, stage.at):
                self.decision_list.setCurrentIndex(self.decisions.index(row))
                return

    def _stage_label(self, stage: Any) -> str:
        """A stage's title; an untitled end is named by its outcome (ids are for authors, not trainees)."""
        if stage.title is not None:
            return str(self.context.text(stage.title))
        outcomes = {"success": self.tr("End: success"), "partial": self.tr("End: partial success"), "failure": self.tr("End: failure")}
        return str(outcomes.get(stage.end or "", stage.id))

    def _draw_pathway(self, play: Play, best: Play) -> None:
        self.tabs.setTabEnabled(2, play.pathway is not None)
        if play.pathway is not None:
            self.pathway_panel.show_content(pathway_content(play, self.context.text, best=best))
