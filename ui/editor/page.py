"""The scenario editor's page: the toolbar, the undo stack, and the outline, canvas, form and findings side by side.

Every change goes through the core's reversible edits (``tipcase.format.edits``) wrapped in commands on a
``QUndoStack``, so add, delete, rename, set-start and every field change can be undone and redone; a form
applies as one command. The views follow the document's change notices (``ScenarioDocument.subscribe``):
the outline and findings are Qt models updated row by row, the canvas node by node, and validation and
the autosave run in the checker process (``ui.editor.checking``), so an edit reaches the screen in a time
that does not depend on the validator. The rooms: the forms (``ui.editor.form_stack``), the outline and
findings models (``ui.editor.outline``, ``ui.editor.findings_list``), the canvas (``ui.editor.graph``),
the file session (``ui.editor.session``) and the structural edits (``ui.editor.structure``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tipcase.format.document import Change, Edit, EditError, EditGroup, ScenarioDocument
from tipcase.format.document_check import CheckReport
from tipcase.format.findings import Location

from ui.context import ApplicationContext
from ui.editor.checking import BackgroundCheck
from ui.editor.commands import EditCommand
from ui.editor.findings_list import LOCATION_ROLE, FindingsModel
from ui.editor.form_stack import FormStack
from ui.editor.forms import Changes, Form, MakeEdit
from ui.editor.graph import CaseGraph
from ui.editor.outline import OutlineFilter, OutlineModel
from ui.editor.session import FileSession
from ui.editor.structure import StructureEdits
from ui.editor.toolbar import EditorCommands
from ui.errors import user_message
from ui.widgets.graph_view import GraphView
from ui.widgets.map_legend import LegendBox, MapLegend

EXPANDED_STAGES = 400  # up to this many stages the outline shows every stage's choices


class EditorPage(QWidget):
    """The case editor: a scenario document edited through an undo stack, with its outline, forms, graph and findings."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.document = ScenarioDocument.new()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.session = FileSession(self)
        self.edits = StructureEdits(self)
        self.checking = BackgroundCheck(context.tasks, parent=self)
        self.checking.checked.connect(self._show_check)
        self.checking.failed.connect(
            lambda detail: context.signals.status_message.emit(self.tr("Checking stopped: {detail}").format(detail=detail))
        )
        self.heading = QLabel()
        self.commands = EditorCommands(self)  # the toolbar and the Scenario menu, every command with its key
        self.toolbar = self.commands.toolbar
        self.buttons, self.actions_by_name = self.commands.buttons, self.commands.actions_by_name
        self.undo_action, self.redo_action = self.commands.undo_action, self.commands.redo_action
        self.menu, self.bundled_menu = self.commands.menu, self.commands.bundled_menu
        self.overflow_button = self.commands.overflow_button

        self.outline_model = OutlineModel(self.document, self.language, self)
        self.outline_filter_model = OutlineFilter(self)
        self.outline_filter_model.setSourceModel(self.outline_model)
        self.outline_filter = QLineEdit()
        self.outline_filter.setClearButtonEnabled(True)
        self.outline_filter.textChanged.connect(self.outline_filter_model.set_text)
        self.outline = QTreeView()
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(True)
        self.outline.setModel(self.outline_filter_model)
        self.outline.selectionModel().currentChanged.connect(self._current_changed)
        self.outline_filter_model.rowsInserted.connect(self._expand)
        self.outline_filter_model.modelReset.connect(self._expand_all)
        self.outline_filter_model.layoutChanged.connect(self._expand_all)
        self._reselecting = False
        self.graph = GraphView(editable=True, minimap=True)
        self.graph.node_activated.connect(self.select_stage)
        self.graph.nodes_moved.connect(self.edits.move_stages)
        self.graph.scene().selectionChanged.connect(self._graph_selection_changed)
        delete = self.actions_by_name["delete"]  # Delete deletes a stage only where no character can be meant
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.outline.addAction(delete)
        self.graph.addAction(delete)
        self.case_graph = CaseGraph(self.graph, self.language)
        self.graph_legend = MapLegend()  # what each line and border on the canvas means
        self.graph_legend.follow(self.graph, words="editor")
        self.legend_box = LegendBox(self.graph_legend, self.graph)  # folds when it would take much of the canvas
        self.form = FormStack(self)
        self.stage_form, self.choice_form = self.form.stage_form, self.form.choice_form
        self.case_form, self.case_file = self.form.case_form, self.form.case_file
        self.findings_model = FindingsModel(self)
        self.findings = QListView()
        self.findings.setModel(self.findings_model)
        self.findings.setUniformItemSizes(True)  # one line each: the list does not ask every row for its size
        self.findings.setMaximumHeight(150)
        self.findings.activated.connect(self.go_to_finding)
        self.findings.clicked.connect(self.go_to_finding)
        self.last_findings: list[Any] = []
        self._lay_out()
        self.retranslate()
        self.set_document(self.document)

    def _lay_out(self) -> None:
        middle = QSplitter()
        outline_side = QWidget()
        outline_layout = QVBoxLayout(outline_side)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.addWidget(self.outline_filter)
        outline_layout.addWidget(self.outline, 1)
        middle.addWidget(outline_side)
        graph_side = QWidget()
        graph_layout = QVBoxLayout(graph_side)
        graph_layout.setContentsMargins(0, 0, 0, 0)
        graph_layout.addWidget(self.graph, 1)
        graph_layout.addWidget(self.legend_box)
        middle.addWidget(graph_side)
        middle.addWidget(self.form)
        middle.setStretchFactor(1, 3)
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(middle)
        vertical.addWidget(self.findings)
        vertical.setStretchFactor(0, 4)
        vertical.setSizes([640, 90])
        middle.setSizes([250, 600, 470])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.toolbar)
        layout.addWidget(vertical, 1)

    def language(self) -> str:
        return self.context.language

    def undo(self) -> None:
        """Undo the last step (what the form holds is applied first, so undo takes that back)."""
        if self.commit_form():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.commit_form():
            self.undo_stack.redo()

    def _check_failed(self, detail: str) -> None:
        self.context.signals.status_message.emit(self.tr("Checking stopped: {detail}").format(detail=detail))

    def retranslate(self) -> None:
        self.show_title()
        self.commands.retranslate()
        self.form.retranslate()
        self.outline_filter.setPlaceholderText(self.tr("Find a stage or choice…"))
        self.outline_filter.setAccessibleName(self.tr("Find a stage or choice"))
        self.outline.setAccessibleName(self.tr("Stages and choices"))
        self.outline_model.retranslate()
        self.findings_model.retranslate()
        self.findings.setAccessibleName(self.tr("Validation findings"))
        self.graph.setAccessibleName(self.tr("Scenario graph"))
        self.graph.setToolTip(
            self.tr(
                "Arrow keys: from stage to stage. Ctrl+arrow keys: move the selected stage (with Shift, further). Drag to move a stage."
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.case_graph.restyle(self.document)  # stage titles in the new language, where they are
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self.graph.fit)  # the view has its real size only once shown

    def _clean_changed(self, _clean: bool) -> None:
        if shiboken6.isValid(self.undo_stack):  # the stack also reports while the page is being destroyed
            self.show_title()

    def _stack_moved(self, _index: int) -> None:
        if shiboken6.isValid(self.undo_stack):
            self.show_title()
            self.session.changed()

    def show_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("unsaved case")
        changed = "" if self.undo_stack.isClean() else " *"
        self.heading.setText(f"<h2>{self.tr('Scenario editor')}: {name}{changed}</h2>")

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Scenario editor"), text)

    # -- the document ----------------------------------------------------------------------------
    def push(self, edit: Edit, text: str, *, from_form: bool = False, command: Callable[..., EditCommand] = EditCommand) -> bool:
        """Make an edit and put it on the undo stack; an edit that cannot be made is a message instead.

        What the shown form holds is applied first (unless the edit is the form's own), so no typing is
        lost and the undo stack keeps the order things happened in. ``command``: the stack's entry for it
        (``ArrangeCommand`` for *Arrange automatically*).
        """
        if not from_form and not self.commit_form():
            return False
        try:
            edit.redo(self.document)
        except EditError as exc:
            self.warn(user_message(exc))
            return False
        self.undo_stack.push(command(self.document, edit, text, self))
        return True

    def apply_changes(self, changes: Changes, make: MakeEdit, text: str) -> bool:
        """Make a form's changes as one step on the undo stack (one change notice, one update of the views)."""
        if not changes:
            return True
        return self.push(EditGroup([make(key, value) for key, value in changes]), text, from_form=True)

    def commit_form(self) -> bool:
        """Apply what the form shown holds before the editor moves on; False when the user chose to stay."""
        return self.form.commit()

    def save(self) -> bool:
        return self.session.save()

    def _document_changed(self, changes: list[Change]) -> None:
        """Follow an edit (made, undone or redone): the outline, the canvas, the form; the checker is told too."""
        self.outline_model.apply(changes)
        if any(change.kind != "stage-changed" and change.stage is not None for change in changes):
            self.choice_form.set_stage_ids(list(self.document.stages))
        self.case_graph.apply(self.document, changes)
        self.form.follow(changes)
        self.findings_model.set_stale(True)  # until the checker has looked at the case as it now stands

    def _show_check(self, report: CheckReport) -> None:
        """What the checker found in the document as it stands."""
        self.last_findings = report.findings
        self.findings_model.set_findings(report.findings)
        self.session.check_publication()
        self.form.show_names(report)

    def go_to_finding(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Go to the place a finding is about: select its stage, choice, exhibit or the case details, and its field."""
        location = index.data(LOCATION_ROLE)
        if not isinstance(location, Location):
            return
        form: Form | None = None
        if location.stage is not None:
            if location.stage not in self.document.stages:
                return
            choices = self.document.stages[location.stage].get("choices") or []
            choice = location.choice if location.choice is not None and location.choice < len(choices) else None
            self.select(location.stage, choice)
            form = self.stage_form if choice is None else self.choice_form
        elif location.exhibit is not None:
            self.show_case_file_form(location.exhibit)
            form = self.case_file.form
        elif location.field is not None:
            self.show_case_form()
            form = self.case_form
        if form is not None and form is self.form.shown_form() and location.field is not None:
            field = form.field(location.field, location.language)
            if field is not None:
                field.setFocus()

    # -- selection -------------------------------------------------------------------------------
    def selection(self) -> tuple[str, int | None] | None:
        return self.outline_model.location(self.outline_filter_model.mapToSource(self.outline.currentIndex()))

    def _proxy_index(self, stage_id: str, index: int | None = None) -> QModelIndex:
        source = self.outline_model.index_of(stage_id, index)
        if not source.isValid():
            return QModelIndex()
        shown = self.outline_filter_model.mapFromSource(source)
        if not shown.isValid():  # filtered out: show everything again rather than select nothing
            self.outline_filter.clear()
            shown = self.outline_filter_model.mapFromSource(source)
        return shown

    def select(self, stage_id: str, index: int | None = None, *, centre: bool = True) -> None:
        """Select a stage (or one of its choices) in the outline and the graph; ``centre`` scrolls the graph to it."""
        shown = self._proxy_index(stage_id, index)
        if not shown.isValid():
            return
        self.outline.setCurrentIndex(shown)
        if index is not None or self.outline_model.rowCount() > EXPANDED_STAGES:
            self.outline.expand(shown.parent() if index is not None else shown)
        if self.selection() == (stage_id, index):
            self.graph.select_node(stage_id, centre=centre)

    def select_stage(self, stage_id: str) -> None:
        self.select(stage_id)

    def select_in_outline(self, stage_id: str) -> None:
        """Select a stage in the outline without moving the graph (the user is working on it)."""
        shown = self._proxy_index(stage_id)
        if shown.isValid():
            self.outline.setCurrentIndex(shown)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        """Another stage or choice selected: the form applies what it holds first, or the selection stays."""
        if self._reselecting:
            return
        if self.form.shown_form() is not None and not self.commit_form():
            self._reselecting = True
            self.outline.setCurrentIndex(previous)
            self._reselecting = False
            return
        self.form.show_item(self.selection())

    def _expand_all(self) -> None:
        """Every stage shows its choices (beyond ``EXPANDED_STAGES`` stages, only the selected one does).

        A case that large is a list to search and scroll; collapsed, it stays as quick as a short one.
        """
        if self.outline_model.rowCount() <= EXPANDED_STAGES:
            self.outline.expandAll()

    def _expand(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid() and self.outline_model.rowCount() <= EXPANDED_STAGES:
            for row in range(first, last + 1):
                self.outline.expand(self.outline_filter_model.index(row, 0))

    def _clear_selection(self) -> None:
        self.outline.selectionModel().blockSignals(True)
        self.outline.setCurrentIndex(QModelIndex())
        self.outline.selectionModel().blockSignals(False)

    def show_case_form(self) -> None:
        """The case's own details (id, version, titles, pathway, pass mark, variables) in the form."""
        if self.commit_form():
            self._clear_selection()
            self.form.show_case()

    def show_case_file_form(self, selected: str | None = None) -> None:
        """The case file: every exhibit, and the fields of the selected one (or of the first)."""
        if self.commit_form():
            self._clear_selection()
            self.form.show_case_file(selected)

    def _graph_selection_changed(self) -> None:
        """A click on a stage in the graph selects it in the outline (and shows its form)."""
        try:
            chosen = [item for item in self.graph.scene().selectedItems() if hasattr(item, "spec")]
        except RuntimeError:  # the scene is being rebuilt
            return
        if len(chosen) == 1:
            stage_id = chosen[0].spec.id
            selected = self.selection()
            if selected is None or selected[0] != stage_id:
                self.select_in_outline(stage_id)

    # -- the file --------------------------------------------------------------------------------
    def new_document(self) -> None:
        if self.confirm_discard():
            self.set_document(ScenarioDocument.new())

    def set_document(self, document: ScenarioDocument) -> None:
        """Edit another document: every view shows it, the checker follows it, the undo stack starts empty.

        A save on its way is written first (the checker writes the document it follows).
        """
        self.session.wait_for_saves()
        self.document.unsubscribe(self._document_changed)
        self.document = document
        document.subscribe(self._document_changed)
        self.undo_stack.clear()
        self.outline_model.set_document(document)
        self.choice_form.set_stage_ids(list(document.stages))
        self.case_graph.fit_next = True
        self.case_graph.draw(document)
        self.checking.follow(document)
        self.findings_model.set_findings([])
        self.findings_model.set_stale(True, checking=True)
        self.form.forget_items()
        self.form.setCurrentIndex(0)
        self.select(str(document.data.get("start", "")))
        self.show_title()

    def confirm_discard(self) -> bool:
        """Before the document is replaced or the editor left: save, discard or stay. True to go on."""
        return self.session.confirm_discard()

    def open_file(self, path: Path) -> None:
        self.session.open_file(path)

    def reset(self) -> None:
        """An empty editor (after sign-out, so the next person at a shared workstation starts afresh)."""
        self.set_document(ScenarioDocument.new())
        if self.edits.play_from_here is not None:
            self.edits.play_from_here.close()

    clear = reset  # what every page does at sign-out (MainWindow.sign_out)

    def shut_down(self) -> None:
        """The window closes: a save on its way is written, then the checker process ends."""
        self.session.wait_for_saves()
        self.checking.close()

    def import_case(self) -> None:
        """Import a Twine story or an H5P scenario; once saved it opens here (after asking about unsaved changes)."""
        self.window().import_twine()  # type: ignore[attr-defined]
