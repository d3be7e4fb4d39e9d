"""The editor's "Play from here": test-play the case being edited from any stage, recording nothing.

The play stands at the chosen stage after the shortest route there (``tipcase.play.engine.play_from``), so
variables, clock and score are what a trainee would have; a stage that cannot be reached is played
with the case's starting variables, and the dialog says so. Each choice shows its feedback, points,
reference and critical error at once (the author wants to see everything), with the variables after
it. "Back" undoes the last choice; "Start again" returns to the chosen stage.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from tipcase.format.model import Pathway, Scenario
from tipcase.play.engine import Play, play_from

from ui.context import ApplicationContext
from ui.focus import focus_visibly
from ui.numbers import number_text, percent_text
from ui.pages.player_panels import ChoiceButton, plain
from ui.theme import colours


class PlayFromHereDialog(QDialog):
    """A scratch play of a scenario from one stage."""

    def __init__(
        self,
        context: ApplicationContext,
        scenario: Scenario,
        pathway: Pathway | None,
        stage_id: str,
        parent: QWidget | None = None,
        *,
        prepared: tuple[Play, bool] | None = None,
    ) -> None:
        """``prepared``: ``engine.play_from(scenario, stage_id, pathway)`` made already (off the GUI thread), else made here."""
        super().__init__(parent)
        self.context = context
        self.scenario, self.pathway, self.stage_id = scenario, pathway, stage_id
        self.setWindowTitle(self.tr("Play from {id}").format(id=stage_id))
        self.resize(760, 640)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(False)
        self.view.setAccessibleName(self.tr("Stage"))
        self.view.setTabChangesFocus(True)  # Tab leaves the stage text (no trap)
        self.choices = QVBoxLayout()
        self.last = QLabel()
        self.last.setWordWrap(True)
        self.last.setTextFormat(Qt.TextFormat.RichText)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.back = QPushButton(self.tr("&Back one choice"))
        self.back.clicked.connect(self.step_back)
        self.again = QPushButton(self.tr("&Start again from {id}").format(id=stage_id))
        self.again.clicked.connect(self.restart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addWidget(self.again)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.choices)
        layout.addWidget(self.last)
        layout.addWidget(self.state)
        layout.addLayout(bottom)
        self._buttons: list[QPushButton] = []
        self.play, self.reached = prepared or play_from(scenario, stage_id, pathway, language=context.language)
        self._from = len(self.play.decisions)  # "Back" stops at the chosen stage
        self._show_note()
        self.refresh()
        if self._buttons:
            self._buttons[0].setFocus()

    def _show_note(self) -> None:
        if self.reached:
            self.note.setText(
                self.tr(
                    "Reached by the shortest route from the start (%n choice(s)), so the variables and score are a trainee's.",
                    "",
                    self._from,
                )
            )
        else:
            self.note.setText(self.tr("This stage cannot be reached from the start: it is played with the case's starting variables."))

    # -- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        play, text = self.play, self.context.text
        stage = play.stage
        title = f"<h3>{html.escape(text(stage.title))}</h3>" if stage.title else ""
        body = html.escape(text(stage.text)).replace("\n", "<br>")
        ending = ""
        if play.finished:
            scored = play.score()
            outcome = {"success": self.tr("success"), "partial": self.tr("partial"), "failure": self.tr("failure")}.get(
                str(stage.end), str(stage.end)
            )
            verdict = self.tr("passed") if scored.passed else self.tr("not passed")
            ending = "<hr><p><b>{}</b></p>".format(
                html.escape(
                    self.tr("The case ends here: {outcome}. Score {percent} ({verdict}).").format(
                        outcome=outcome, percent=percent_text(scored.total_percent), verdict=verdict
                    )
                )
            )
            errors = play.critical_errors(self.context.language)
            if errors:
                ending += "<p>" + "<br>".join("⚠ " + html.escape(error.text) for error in errors) + "</p>"
        muted = colours().muted.name()
        self.view.setHtml(f"<p style='color:{muted}'>{html.escape(stage.id)}</p>{title}<p>{body}</p>{ending}")
        for button in self._buttons:
            self.choices.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons = []
        for number, offered in enumerate(play.offered(), 1):
            button = ChoiceButton(number, f"{text(offered.choice.label)}  →  {offered.choice.to}")  # wraps: fits at 200 %
            if number <= 9:
                button.setShortcut(str(number))
            button.clicked.connect(lambda _checked=False, n=number: self.choose(n))
            self.choices.addWidget(button)
            if self.isVisible():
                button.show()  # now, so that it can take the focus at once
            self._buttons.append(button)
        if not play.finished and not self._buttons:
            self.last.setText(html.escape(self.tr("No choice is offered here: the case is stuck (a dead end).")))
        variables = ", ".join(f"{name} = {_shown(value)}" for name, value in play.variables.items())
        case_file = ", ".join(play.revealed) or "—"
        self.state.setText(
            self.tr("Variables: {variables}. Case clock: {hours} h. Case file: {exhibits}.").format(
                variables=variables or "—", hours=number_text(play.clock), exhibits=case_file
            )
        )
        self.back.setEnabled(len(play.decisions) > self._from)
        # What the last choice brought and the stage are read with the control that takes the focus.
        described = [plain(self.last.text()), self.view.toPlainText()]
        target: QPushButton = self._buttons[0] if self._buttons else self.back if self.back.isEnabled() else self.again
        for button in [*self._buttons, self.back, self.again]:
            button.setAccessibleDescription("")
        target.setAccessibleDescription("\n".join(part for part in described if part))
        if self.isVisible():
            focus_visibly(target)

    def choose(self, number: int) -> None:
        decision = self.play.choose(number)
        choice, text = decision.choice, self.context.text
        chosen = self.tr("Chosen:")  # a plain literal: lupdate reads no tr() inside an f-string
        parts = [f"<b>{html.escape(chosen)}</b> {html.escape(text(choice.label))}"]
        if choice.score:
            parts.append(html.escape(", ".join(f"{self._competency(name)} {points:+d}" for name, points in choice.score.items())))
        if choice.feedback is not None:
            parts.append(html.escape(text(choice.feedback)))
        if choice.ref is not None:
            parts.append(f"<i>{html.escape(text(choice.ref))}</i>")
        if choice.critical is not None:
            parts.append(f"<span style='color:{colours().bad.name()}'>⚠ {html.escape(text(choice.critical))}</span>")
        self.last.setText("<br>".join(parts))
        self.refresh()

    def _competency(self, competency: str) -> str:
        """A competency by its title in the interface language, as the debrief and the analytics name it (its id if undeclared)."""
        declared = self.scenario.competencies.get(competency)
        return self.context.text(declared.title) if declared is not None else competency

    def step_back(self) -> None:
        numbers = [d.number for d in self.play.decisions][:-1]
        self._replay(numbers)

    def restart(self) -> None:
        self._replay([d.number for d in self.play.decisions][: self._from])

    def _replay(self, numbers: list[int]) -> None:
        start = None if self.reached else self.stage_id
        play = Play(self.scenario, self.pathway, compiled=self.play.compiled, language=self.context.language, start=start)
        play.replay(numbers)
        self.play = play
        self.last.clear()
        self.refresh()


def _shown(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
