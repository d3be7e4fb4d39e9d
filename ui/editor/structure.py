"""The editor's structural edits: stages and choices added, duplicated, moved, deleted, renamed; the start; the canvas.

Each is one step on the page's undo stack (a drag of several stages, or an automatic arrangement, one
macro). "Play from here" test-plays the case as it stands from the selected stage, recording nothing.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from tipcase.format.document import Edit, ScenarioDocument
from tipcase.format.document_check import PlayReady
from tipcase.format.edits import AddChoice, AddStage, DeleteChoice, DeleteStage, MoveChoice, RenameStage, SetStart
from tipcase.format.form_text import has_layout
from tipcase.format.layout_edits import Place, PlaceStages

from ui.editor.checking import PlayLost
from ui.editor.commands import ArrangeCommand
from ui.errors import user_message

if TYPE_CHECKING:
    from tipcase.format.model import Pathway, Scenario
    from tipcase.play.engine import Play

    from ui.editor.page import EditorPage
    from ui.editor.play_from_here import PlayFromHereDialog


class StructureEdits(QObject):
    """The toolbar's edits of the case's shape, on the page's selection; ``play_opened`` brings each play-from-here dialog, shown."""

    play_opened = Signal(object)  # the PlayFromHereDialog, once shown

    def __init__(self, page: EditorPage) -> None:
        super().__init__(page)
        self.page = page
        self.play_from_here: PlayFromHereDialog | None = None
        self.preparing_play = False  # the checker is readying a play: another F5 waits for it

    def add_stage(self) -> None:
        """A new stage, an end until it has choices, drawn beside the selected stage (its next step, most often)."""
        if not self.page.commit_form():
            return
        stage_id = self.page.document.free_id("stage")
        selected = self.page.selection()
        self.page.case_graph.place_near = (selected[0], True) if selected is not None else None
        if self.page.push(
            AddStage(stage_id, {"text": {"en": "", "id": ""}, "end": "success"}), self.tr("Add stage {id}").format(id=stage_id)
        ):
            self.page.select(stage_id)

    def duplicate_selected(self) -> None:
        """A copy of the selected stage, choices and all, right after it (to write a variant of a moment)."""
        selected = self.page.selection()
        if selected is None or not self.page.commit_form():
            return
        original = selected[0]
        copy_id = self.page.document.free_id(f"{original}-copy")
        stage = {key: value for key, value in self.page.document.stages[original].items() if key != "layout"}
        self.page.case_graph.place_near = (original, False)  # drawn under its original
        if self.page.push(AddStage(copy_id, stage, after=original), self.tr("Duplicate {id}").format(id=original)):
            self.page.select(copy_id)

    def add_choice(self) -> None:
        selected = self.page.selection()
        if selected is None:
            return
        stage_id = selected[0]
        choice = {"label": {"en": "", "id": ""}, "to": stage_id}
        if self.page.push(AddChoice(stage_id, choice), self.tr("Add a choice to {id}").format(id=stage_id)):
            self.page.select(stage_id, len(self.page.document.stages[stage_id]["choices"]) - 1)

    def move_selected_choice(self, step: int) -> None:
        selected = self.page.selection()
        if selected is None or selected[1] is None:
            return
        stage_id, index = selected[0], int(selected[1])
        target = index + step
        if not 0 <= target < len(self.page.document.stages[stage_id].get("choices") or []):
            return
        if self.page.push(MoveChoice(stage_id, index, target), self.tr("Move choice {n} of {id}").format(n=index + 1, id=stage_id)):
            self.page.select(stage_id, target)

    def delete_selected(self, *, confirm: bool = True) -> None:
        selected = self.page.selection()
        if selected is None:
            return
        stage_id, index = selected
        what = (
            self.tr("stage {id} and every choice leading to it").format(id=stage_id)
            if index is None
            else self.tr("choice {n} of {id}").format(n=index + 1, id=stage_id)
        )
        question = self.tr("Delete {what}?").format(what=what)
        if confirm and QMessageBox.question(self.page, self.tr("Delete"), question) != QMessageBox.StandardButton.Yes:
            return
        edit: Edit = DeleteStage(stage_id) if index is None else DeleteChoice(stage_id, index)
        self.page.push(edit, self.tr("Delete {what}").format(what=what))

    def rename_selected(self) -> None:
        selected = self.page.selection()
        if selected is None:
            return
        new, accepted = QInputDialog.getText(
            self.page, self.tr("Rename"), self.tr("New id for {id}:").format(id=selected[0]), text=selected[0]
        )
        if accepted and new.strip():
            self.rename(selected[0], new.strip())

    def rename(self, old: str, new: str) -> None:
        if self.page.push(RenameStage(old, new), self.tr("Rename {old} to {new}").format(old=old, new=new)):
            self.page.select(new)

    def set_start_selected(self) -> None:
        selected = self.page.selection()
        if selected is not None:
            self.page.push(SetStart(selected[0]), self.tr("Start at {id}").format(id=selected[0]))

    def move_stages(self, moved: list[tuple[str, float, float]]) -> None:
        """Stages dragged on the canvas: keep where they were dropped, as one undoable move.

        The first move in a case laid out automatically also pins every other stage where it is drawn,
        so nothing else jumps; "Arrange automatically" undoes that.
        """
        wanted = self.page.graph.positions()
        for stage_id, x, y in moved:
            wanted[stage_id] = (x, y)
        places: dict[str, Place] = {}
        for stage_id, (x, y) in wanted.items():
            stage = self.page.document.stages.get(stage_id)
            if stage is None:
                continue
            current = stage.get("layout") if has_layout(stage) else None
            if current is None or (round(float(current["x"]), 1), round(float(current["y"]), 1)) != (round(x, 1), round(y, 1)):
                places[stage_id] = (x, y)
        if not places:
            return
        names = [stage_id for stage_id, _, _ in moved]
        text = self.tr("Move {id}").format(id=names[0]) if len(names) == 1 else self.tr("Move {n} stages").format(n=len(names))
        self.page.push(PlaceStages(places), text)

    def arrange_automatically(self) -> None:
        """Lay the whole map out in layers again, forgetting where stages were dragged, shown whole (one undoable step).

        Edits place what they add where it is (``CaseGraph``), so after many the map may be untidy: this
        tidies it. The undo puts every stage back where it was drawn.
        """
        if not self.page.commit_form():
            return
        forgotten: dict[str, Place] = {stage_id: None for stage_id, stage in self.page.document.stages.items() if "layout" in stage}
        before = self.page.case_graph.snapshot()
        self.page.case_graph.lay_out_next = True  # the arrangement shows every stage once, after the edit
        try:
            self.page.push(
                PlaceStages(forgotten), self.tr("Arrange automatically"), command=functools.partial(ArrangeCommand, before=before)
            )
        finally:
            self.page.case_graph.lay_out_next = False

    def play_from_selected(self) -> None:
        """Test-play the case as it stands from the selected stage (or the start), recording nothing.

        The checker process checks the case and sends back the loaded Scenario (``BackgroundCheck.play``), so
        the window never stalls on a validation: meanwhile the busy cursor shows and the status line says a
        play is being prepared, and another F5 does nothing. What is played is the case as it stood when F5
        was pressed, even if it is edited before the answer comes; a case with an error that stops a play
        (any but ``PLAYABLE_ERRORS``) says its first such error instead. A new play closes the one open. When
        another case was opened meanwhile, the answer is dropped and the status line says so: a play is only
        ever of the case on screen.
        """
        if self.preparing_play or not self.page.commit_form():
            return
        selected = self.page.selection()
        stage_id = selected[0] if selected is not None else str(self.page.document.data.get("start", ""))
        self.preparing_play = True
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        self.page.context.signals.status_message.emit(self.tr("Preparing the play from {id}…").format(id=stage_id))
        self.page.checking.play(functools.partial(self._play_ready, self.page.document, stage_id), self._play_failed)

    def _prepared(self) -> None:
        if self.preparing_play:
            self.preparing_play = False
            QApplication.restoreOverrideCursor()
            self.page.context.signals.status_message.emit("")

    def _play_failed(self, error: BaseException) -> None:
        self._prepared()
        lost = self.tr("the checker restarted before it had the case; press F5 again")
        detail = lost if isinstance(error, PlayLost) else user_message(error)
        self.page.context.signals.status_message.emit(self.tr("Play from here failed: {detail}").format(detail=detail))

    def _still_shown(self, document: ScenarioDocument) -> bool:
        """Whether ``document`` (the case F5 was pressed on) is still the one on screen; if not, the play is dropped."""
        if self.page.document is document:
            return True
        self._prepared()
        self.page.context.signals.status_message.emit(self.tr("The play was not opened: another case is open now."))
        return False

    def _play_ready(self, document: ScenarioDocument, stage_id: str, ready: PlayReady) -> None:
        """The checker's answer: an error to say, or the case loaded; the play to the stage is then made on the task runner.

        Compiling the case and finding the shortest route to the stage (``engine.play_from``) takes 0.2 s at 5,000
        stages: it runs off the GUI thread too, and the dialog opens with the play made.
        """
        if not self._still_shown(document):
            return
        if ready.blocking is not None or ready.scenario is None:
            self._prepared()
            first = ready.blocking
            detail = f"{first.code} {first.message}" if first is not None else ""
            QMessageBox.warning(
                self.page,
                self.tr("Play from here"),
                self.tr("The case has errors; fix them before playing it:\n{detail}").format(detail=detail),
            )
            return
        if stage_id not in ready.scenario.stages:
            self._prepared()
            return
        from tipcase.play.engine import play_from  # noqa: PLC0415 - the play engine loads when a case is first played

        scenario, pathway, language = ready.scenario, ready.pathway, self.page.context.language
        self.page.context.tasks.run(
            lambda: play_from(scenario, stage_id, pathway, language=language),
            lambda prepared: self._show_play(document, stage_id, scenario, pathway, prepared),
            self._play_failed,
        )

    def _show_play(
        self, document: ScenarioDocument, stage_id: str, scenario: Scenario, pathway: Pathway | None, prepared: tuple[Play, bool]
    ) -> None:
        from ui.editor.play_from_here import PlayFromHereDialog  # noqa: PLC0415

        if not self._still_shown(document):
            return
        self._prepared()
        if self.play_from_here is not None:
            self.play_from_here.close()
        self.play_from_here = PlayFromHereDialog(self.page.context, scenario, pathway, stage_id, self.page, prepared=prepared)
        self.play_from_here.show()
        self.play_opened.emit(self.play_from_here)
