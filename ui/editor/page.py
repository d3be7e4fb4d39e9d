"""The scenario editor's page: the toolbar, the undo stack, and the outline, canvas, form and findings side by side.

Every change goes through the core's reversible edits (``tipcase.format.document``) wrapped in commands on a
``QUndoStack``, so add, delete, rename, set-start and every field change can be undone and redone. The
rooms it holds: the forms (``ui.editor.forms``, ``ui.editor.case_file``), the outline and findings models
(``ui.editor.outline``, ``ui.editor.findings_list``), the canvas (``ui.editor.graph``) and the file
session (``ui.editor.session``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tipcase.format.document import Edit, EditError, ScenarioDocument
from tipcase.format.findings import Location

from ui.context import ApplicationContext
from ui.editor.case_file import CaseFileForm
from ui.editor.commands import EditCommand
from ui.editor.findings_list import LOCATION_ROLE, FindingsModel
from ui.editor.forms import CaseForm, Changes, ChoiceForm, Form, StageForm
from ui.editor.graph import CaseGraph
from ui.editor.outline import OutlineFilter, OutlineModel
from ui.editor.session import FileSession
from ui.editor.structure import StructureEdits
from ui.widgets.graph_view import GraphView

NOTHING, STAGE, CHOICE, CASE, CASE_FILE = range(5)  # the pages of the form stack


class EditorPage(QWidget):
    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.document = ScenarioDocument.new()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.session = FileSession(self)
        self.edits = StructureEdits(self)
        self.heading = QLabel()
        self.buttons: dict[str, QToolButton] = {}
        self.toolbar = self._build_toolbar()

        language = self._language
        self.outline_model = OutlineModel(self.document, language, self)
        self.outline_filter_model = OutlineFilter(self)
        self.outline_filter_model.setSourceModel(self.outline_model)
        self.outline_filter = QLineEdit()
        self.outline_filter.setClearButtonEnabled(True)
        self.outline_filter.textChanged.connect(self.outline_filter_model.set_text)
        self.outline = QTreeView()
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(True)
        self.outline.setModel(self.outline_filter_model)
        self.outline.selectionModel().currentChanged.connect(lambda *_: self._show_form())
        self.outline_filter_model.rowsInserted.connect(self._expand)
        self.outline_filter_model.modelReset.connect(self.outline.expandAll)
        self.outline_filter_model.layoutChanged.connect(self.outline.expandAll)
        self.graph = GraphView(editable=True, minimap=True)
        self.graph.node_activated.connect(self.select_stage)
        self.graph.nodes_moved.connect(self.edits.move_stages)
        self.graph.scene().selectionChanged.connect(self._graph_selection_changed)
        self.case_graph = CaseGraph(self.graph, language)
        self.stage_form = StageForm(self)
        self.choice_form = ChoiceForm(self)
        self.case_form = CaseForm(self)
        self.case_file = CaseFileForm(self, language)
        self.form = QStackedWidget()
        for page in (QLabel(), self.stage_form, self._choice_page(), self.case_form, self.case_file):
            self.form.addWidget(page)
        self.at_completer = QCompleter([], self)
        at_field = self.stage_form["at"]
        assert isinstance(at_field, QLineEdit)
        at_field.setCompleter(self.at_completer)
        self.findings_model = FindingsModel(self)
        self.findings = QListView()
        self.findings.setModel(self.findings_model)
        self.findings.setMaximumHeight(150)
        self.findings.activated.connect(self.go_to_finding)
        self.findings.clicked.connect(self.go_to_finding)
        self.last_findings: list[Any] = []

        middle = QSplitter()
        outline_side = QWidget()
        outline_layout = QVBoxLayout(outline_side)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.addWidget(self.outline_filter)
        outline_layout.addWidget(self.outline, 1)
        middle.addWidget(outline_side)
        middle.addWidget(self.graph)
        middle.addWidget(self.form)
        middle.setStretchFactor(1, 3)
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(middle)
        vertical.addWidget(self.findings)
        vertical.setStretchFactor(0, 4)
        vertical.setSizes([620, 110])
        middle.setSizes([260, 620, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.toolbar)
        layout.addWidget(vertical, 1)
        self.retranslate()
        self.document_changed()

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()  # buttons that do not fit (a small screen, longer Indonesian words) go under "»"
        groups_end = {"publish", "start", "arrange"}
        for name, slot in (
            ("new", self.new_document),
            ("open", self.session.choose_file),
            ("import", self.import_case),
            ("save", self.session.save),
            ("save_as", self.session.save_as),
            ("publish", self.session.publish),
            ("add_stage", self.edits.add_stage),
            ("duplicate", self.edits.duplicate_selected),
            ("add_choice", self.edits.add_choice),
            ("delete", self.edits.delete_selected),
            ("rename", self.edits.rename_selected),
            ("start", self.edits.set_start_selected),
            ("case", self.show_case_form),
            ("case_file", lambda: self.show_case_file_form()),  # noqa: PLW0108 - not the button's bool
            ("play", self.edits.play_from_selected),
            ("arrange", self.edits.arrange_automatically),
        ):
            button = QToolButton()
            button.clicked.connect(slot)
            self.buttons[name] = button
            bar.addWidget(button)
            if name in groups_end:
                bar.addSeparator()
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
        self.buttons["save"].setShortcut(QKeySequence.StandardKey.Save)
        return bar

    def _choice_page(self) -> QWidget:
        """The choice form with the buttons that move the choice in its stage's list."""
        order = QHBoxLayout()
        self.choice_up, self.choice_down = QPushButton(), QPushButton()
        self.choice_up.clicked.connect(lambda: self.edits.move_selected_choice(-1))
        self.choice_down.clicked.connect(lambda: self.edits.move_selected_choice(1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):  # anywhere in the editor, the outline included
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.edits.move_selected_choice(step))
        order.addWidget(self.choice_up)
        order.addWidget(self.choice_down)
        order.addStretch(1)
        self.choice_form.layout_.addRow(order)
        return self.choice_form

    def _language(self) -> str:
        return self.context.language

    def retranslate(self) -> None:
        self.show_title()
        texts = {
            "new": self.tr("New"),
            "open": self.tr("Open…"),
            "import": self.tr("Import…"),
            "save": self.tr("Save"),
            "save_as": self.tr("Save as…"),
            "publish": self.tr("Publish"),
            "add_stage": self.tr("Add stage"),
            "duplicate": self.tr("Duplicate stage"),
            "add_choice": self.tr("Add choice"),
            "delete": self.tr("Delete"),
            "rename": self.tr("Rename…"),
            "start": self.tr("Set as start"),
            "case": self.tr("Case details"),
            "case_file": self.tr("Case file"),
            "play": self.tr("Play from here"),
            "arrange": self.tr("Arrange automatically"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        for form in (self.stage_form, self.choice_form, self.case_form, self.case_file):
            form.retranslate()
        self.choice_up.setText(self.tr("Move up"))
        self.choice_down.setText(self.tr("Move down"))
        self.choice_up.setToolTip(self.tr("Earlier in the list trainees see (Alt+Up)"))
        self.choice_down.setToolTip(self.tr("Later in the list trainees see (Alt+Down)"))
        self.outline_filter.setPlaceholderText(self.tr("Find a stage or choice…"))
        self.outline_filter.setAccessibleName(self.tr("Find a stage or choice"))
        self.outline.setAccessibleName(self.tr("Stages and choices"))
        self.outline_model.retranslate()
        self.findings_model.retranslate()
        self.findings.setAccessibleName(self.tr("Validation findings"))
        self.graph.setAccessibleName(self.tr("Scenario graph"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self.graph.fit)  # the view has its real size only once shown

    def _clean_changed(self, _clean: bool) -> None:
        if shiboken6.isValid(self.undo_stack):  # the stack also reports while the page is being destroyed
            self.show_title()

    def show_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("unsaved case")
        changed = "" if self.undo_stack.isClean() else " *"
        self.heading.setText(f"<h2>{self.tr('Scenario editor')}: {name}{changed}</h2>")

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Scenario editor"), text)

    # -- the document ----------------------------------------------------------------------------
    def push(self, edit: Edit, text: str) -> bool:
        """Make an edit and put it on the undo stack; an edit that cannot be made is a message instead."""
        try:
            edit.redo(self.document)
        except EditError as exc:
            self.warn(str(exc))
            return False
        self.undo_stack.push(EditCommand(self.document, edit, text, self.document_changed))
        return True

    def apply_changes(self, changes: Changes, make: Callable[[str, Any], Edit], text: str) -> bool:
        """Make a form's changes as one step on the undo stack."""
        if not changes:
            return True
        self.undo_stack.beginMacro(text)
        made = all([self.push(make(key, value), text) for key, value in changes])  # noqa: C419 - every change, not up to a failure
        self.undo_stack.endMacro()
        return made

    def commit_form(self) -> bool:
        """Apply what the form shown holds before the editor moves on; False when the user chose to stay."""
        return True

    def save(self) -> bool:
        return self.session.save()

    def document_changed(self) -> None:
        """Show the document as it now stands in the outline, the canvas, the findings and the form."""
        selected = self.selection()
        self.outline_model.refresh()
        self.choice_form.set_stage_ids(list(self.document.stages))
        self.case_graph.draw(self.document)
        self.check()
        if selected is not None:
            self.select(*selected, centre=False)
        elif self.form.currentIndex() == CASE:  # the case's own forms show what undo or redo made of them
            self.show_case_form()
        elif self.form.currentIndex() == CASE_FILE:
            self.show_case_file_form(self.case_file.selected_exhibit())
        self.show_title()
        self.session.changed()

    def check(self) -> None:
        """Validate the document and show what was found."""
        checked = self.document.validate()
        nodes = sorted(checked.pathway.nodes) if checked.pathway is not None else []
        self.at_completer.setModel(QStringListModel(nodes, self.at_completer))
        self._show_what_can_be_named(checked)
        self.last_findings = checked.findings
        self.findings_model.set_findings(checked.findings)

    def _show_what_can_be_named(self, checked: Any) -> None:
        """Tooltips on the fields that name things: the competencies, variables and exhibits this case has."""
        scenario = checked.scenario
        if scenario is None:
            return
        competencies = "\n".join(f"{c_id}: {self.context.text(c.title)}" for c_id, c in scenario.competencies.items())
        self.choice_form["score"].setToolTip(self.tr("Competencies of this case:\n{list}").format(list=competencies))
        variables = ", ".join(scenario.variables) or self.tr("none yet (declare them under Case details)")
        for name in ("when", "set", "add"):
            self.choice_form[name].setToolTip(self.tr("Variables of this case: {list}").format(list=variables))
        exhibits = ", ".join(scenario.exhibits) or self.tr("none yet (add them under Case file)")
        self.stage_form["reveal"].setToolTip(self.tr("Exhibits of this case: {list}").format(list=exhibits))
        if checked.pathway is None:
            self.stage_form["at"].setToolTip(self.tr("Choose the case's referral pathway under Case details first."))
        else:
            self.stage_form["at"].setToolTip(self.tr("A node of the pathway {id}; start typing to see them.").format(id=checked.pathway.id))

    def go_to_finding(self, index: QModelIndex) -> None:
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
        if form is not None and location.field is not None:
            field = form.field(location.field, location.language)
            if field is not None:
                field.setFocus()

    # -- selection and forms ---------------------------------------------------------------------
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
        self.graph.select_node(stage_id, centre=centre)

    def select_stage(self, stage_id: str) -> None:
        self.select(stage_id)

    def select_in_outline(self, stage_id: str) -> None:
        """Select a stage in the outline without moving the graph (the user is working on it)."""
        shown = self._proxy_index(stage_id)
        if shown.isValid():
            self.outline.setCurrentIndex(shown)

    def _expand(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.outline.expand(self.outline_filter_model.index(row, 0))

    def _show_form(self) -> None:
        selected = self.selection()
        if selected is None or selected[0] not in self.document.stages:
            self.form.setCurrentIndex(NOTHING)
            return
        stage_id, index = selected
        if index is None:
            self.stage_form.show_stage(stage_id)
            self.form.setCurrentIndex(STAGE)
        else:
            self.choice_form.show_choice(stage_id, index)
            self.form.setCurrentIndex(CHOICE)

    def _clear_selection(self) -> None:
        self.outline.selectionModel().blockSignals(True)
        self.outline.setCurrentIndex(QModelIndex())
        self.outline.selectionModel().blockSignals(False)

    def show_case_form(self) -> None:
        """The case's own details (id, version, titles, pathway, pass mark, variables) in the form."""
        self._clear_selection()
        self.case_form.show_case()
        self.form.setCurrentIndex(CASE)

    def show_case_file_form(self, selected: str | None = None) -> None:
        """The case file: every exhibit, and the fields of the selected one (or of the first)."""
        self._clear_selection()
        self.case_file.show_case_file(selected)
        self.form.setCurrentIndex(CASE_FILE)

    # -- the file --------------------------------------------------------------------------------
    def new_document(self) -> None:
        if self.confirm_discard():
            self.set_document(ScenarioDocument.new())

    def set_document(self, document: ScenarioDocument) -> None:
        self.document = document
        self.undo_stack.clear()
        self.outline_model.set_document(document)
        self.case_graph.fit_next = True
        self.document_changed()
        self.select(str(document.data.get("start", "")))

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

    def import_case(self) -> None:
        """Import a Twine story or an H5P scenario; once saved it opens here (after asking about unsaved changes)."""
        self.window().import_twine()  # type: ignore[attr-defined]

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
