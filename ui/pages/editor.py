"""The scenario editor (trainers and admins): the case as a graph, an outline, a form, live validation.

Every change goes through the core's reversible edits (``tipcase.format.document``) wrapped in commands on a
``QUndoStack``, so add, delete, rename, set-start and every field change can be undone and redone. The
validator runs after each change and lists its findings; a click on one selects the stage at fault.
The document is autosaved beside the file (``.autosave``) a few seconds after each change.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tipcase.format.document import (
    AddChoice,
    AddStage,
    DeleteChoice,
    DeleteStage,
    Edit,
    EditError,
    MoveChoice,
    MoveStage,
    RenameStage,
    ScenarioDocument,
    SetCaseField,
    SetChoiceField,
    SetExhibit,
    SetStageField,
    SetStart,
)
from tipcase.format.media import MEDIA_TYPES, MediaError, adopt

from ui.context import ApplicationContext
from ui.widgets.graph_view import EdgeSpec, GraphView, NodeSpec

AUTOSAVE_MS = 3000
EXHIBIT_KINDS = ("document", "photo", "chat", "statement", "report", "audio")
PLAYABLE_ERRORS = ("E006", "E007")  # unreached stages and dead ends: a case half-built can still be test-played
# "stage 'x', choice 2: ..." and "stages.x.choices[2].label: ..." (choices counted from 1 in both)
_STAGE_IN_MESSAGE = re.compile(r"stages?[ .]'?([a-z0-9_][a-z0-9_-]*)'?(?:, choice (\d+)|\.choices\[(\d+)\])?")


class EditCommand(QUndoCommand):
    """A core edit on the undo stack; it has already been made once when pushed."""

    def __init__(self, editor: EditorPage, edit: Edit, text: str) -> None:
        super().__init__(text)
        self.editor, self.edit, self._made = editor, edit, True

    def redo(self) -> None:
        if self._made:
            self._made = False
        else:
            self.edit.redo(self.editor.document)
        self.editor.document_changed()

    def undo(self) -> None:
        self.edit.undo(self.editor.document)
        self.editor.document_changed()


def _name_rows(labels: list[QLabel], texts: tuple[str, ...]) -> None:
    """Put the (translated) names on a form's labels, in the order ``_labelled_rows`` made them."""
    for label, text in zip(labels, texts, strict=True):
        label.setText(text)


def _line_edit(placeholder: str) -> QLineEdit:
    """A one-line field showing an example of what it takes."""
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    return field


def _labelled_rows(form: QFormLayout, fields: tuple[QWidget, ...]) -> list[QLabel]:
    """A row per field with a label as its buddy (Alt+letter reaches the field); the labels, to translate."""
    labels = [QLabel() for _ in fields]
    for label, field in zip(labels, fields, strict=True):
        label.setBuddy(field)
        form.addRow(label, field)
    return labels


def _text_of(value: Any, language: str) -> str:
    if isinstance(value, dict):
        return str(value.get(language, ""))
    return str(value or "") if language == "en" else ""


def _bilingual(original: Any, english: str, indonesian: str) -> Any:
    """The text with its English and Indonesian set, keeping any other language it has; None when empty."""
    if isinstance(original, str) and english == original and not indonesian:
        return original  # a plain string is the first language; untouched, it stays as written
    value = dict(original) if isinstance(original, dict) else {}
    value.update({"en": english, "id": indonesian})
    return value if any(value.values()) else None


def _edited_text(original: Any, shown: str, typed: str) -> Any:
    """A one-line field showing a text's English: unchanged if not edited, else its English replaced."""
    if typed == shown:
        return original
    if not typed:
        return None
    if isinstance(original, dict):
        return {**original, "en": typed}
    return typed


class EditorPage(QWidget):
    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.document = ScenarioDocument.new()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write_autosave)
        self.heading = QLabel()
        self.buttons: dict[str, QToolButton] = {}
        bar = QToolBar()  # buttons that do not fit (a small screen, longer Indonesian words) go under "»"
        groups_end = {"publish", "start", "arrange"}
        for name, slot in (
            ("new", self.new_document),
            ("open", self.choose_file),
            ("import", self.import_case),
            ("save", self.save),
            ("save_as", self.save_as),
            ("publish", self.publish),
            ("add_stage", self.add_stage),
            ("duplicate", self.duplicate_selected),
            ("add_choice", self.add_choice),
            ("delete", self.delete_selected),
            ("rename", self.rename_selected),
            ("start", self.set_start_selected),
            ("case", self.show_case_form),
            ("case_file", self.show_case_file_form),
            ("play", self.play_from_selected),
            ("arrange", self.arrange_automatically),
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

        self.outline_filter = QLineEdit()
        self.outline_filter.setClearButtonEnabled(True)
        self.outline_filter.textChanged.connect(self._filter_outline)
        self.outline = QTreeWidget()
        self.outline.setHeaderHidden(True)
        self.outline.currentItemChanged.connect(lambda *_: self._show_form())
        self.graph = GraphView(editable=True, minimap=True)
        self.graph.node_activated.connect(self.select_stage)
        self.graph.nodes_moved.connect(self.move_stages)
        self.graph.scene().selectionChanged.connect(self._graph_selection_changed)
        self._fit_next_draw = True
        self.form = QStackedWidget()
        self._build_forms()
        self.findings = QListWidget()
        self.findings.setMaximumHeight(150)
        self.findings.itemActivated.connect(self._finding_activated)
        self.findings.itemClicked.connect(self._finding_activated)

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
        layout.addWidget(bar)
        layout.addWidget(vertical, 1)
        self.retranslate()
        self.document_changed()

    # -- forms -----------------------------------------------------------------------------------
    def _build_forms(self) -> None:
        self.form.addWidget(QLabel())  # nothing selected
        stage_page = QWidget()
        stage_form = QFormLayout(stage_page)
        self.stage_title_en, self.stage_title_id = QLineEdit(), QLineEdit()
        self.stage_text_en, self.stage_text_id = QPlainTextEdit(), QPlainTextEdit()
        self.stage_end = QComboBox()
        for value in ("", "success", "partial", "failure"):
            self.stage_end.addItem(value or "—", value)
        self.stage_at = _line_edit("investigation")
        self.stage_reveal = _line_edit("chat-log, contract")
        self.stage_apply = QPushButton()
        self.stage_apply.clicked.connect(self.apply_stage_form)
        stage_fields = (
            self.stage_title_en,
            self.stage_title_id,
            self.stage_text_en,
            self.stage_text_id,
            self.stage_end,
            self.stage_at,
            self.stage_reveal,
        )
        self.stage_labels = _labelled_rows(stage_form, stage_fields)
        stage_form.addRow(self.stage_apply)
        self.form.addWidget(stage_page)
        choice_page = QWidget()
        choice_form = QFormLayout(choice_page)
        self.choice_label_en, self.choice_label_id = QLineEdit(), QLineEdit()
        self.choice_to = QComboBox()
        self.choice_feedback_en, self.choice_feedback_id = QLineEdit(), QLineEdit()
        self.choice_score = _line_edit("identification: 2, victim_care: -1")
        self.choice_critical = QLineEdit()
        self.choice_when = _line_edit("trust >= 1 and not consent")
        self.choice_hours = _line_edit("1.5")
        self.choice_ref = _line_edit("UU 21/2007 Pasal 18")
        self.choice_set = _line_edit("consent: true, referred: false")
        self.choice_add = _line_edit("trust: 1, risk: -1")
        self.choice_apply = QPushButton()
        self.choice_apply.clicked.connect(self.apply_choice_form)
        fields = (
            self.choice_label_en,
            self.choice_label_id,
            self.choice_to,
            self.choice_feedback_en,
            self.choice_feedback_id,
            self.choice_score,
            self.choice_critical,
            self.choice_when,
            self.choice_set,
            self.choice_add,
            self.choice_hours,
            self.choice_ref,
        )
        self.choice_labels = _labelled_rows(choice_form, fields)
        order = QHBoxLayout()
        self.choice_up, self.choice_down = QPushButton(), QPushButton()
        self.choice_up.clicked.connect(lambda: self.move_selected_choice(-1))
        self.choice_down.clicked.connect(lambda: self.move_selected_choice(1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):  # anywhere in the editor, the outline included
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move_selected_choice(step))
        order.addWidget(self.choice_up)
        order.addWidget(self.choice_down)
        order.addStretch(1)
        choice_form.addRow(self.choice_apply)
        choice_form.addRow(order)
        self.form.addWidget(choice_page)
        case_page = QWidget()
        case_form = QFormLayout(case_page)
        self.case_id = QLineEdit()
        self.case_version = QSpinBox()
        self.case_version.setRange(1, 99999)
        self.case_title_en, self.case_title_id = QLineEdit(), QLineEdit()
        self.case_summary_en, self.case_summary_id = QLineEdit(), QLineEdit()
        self.case_warning_en, self.case_warning_id = QLineEdit(), QLineEdit()
        self.case_pathway = QComboBox()
        self.case_pathway.setEditable(True)
        self.case_pass_mark = QSpinBox()
        self.case_pass_mark.setRange(0, 100)
        self.case_pass_mark.setSuffix(" %")
        self.case_variables = _line_edit("trust: 0, consent: false")
        self.case_apply = QPushButton()
        self.case_apply.clicked.connect(self.apply_case_form)
        case_fields = (
            self.case_id,
            self.case_version,
            self.case_title_en,
            self.case_title_id,
            self.case_summary_en,
            self.case_summary_id,
            self.case_warning_en,
            self.case_warning_id,
            self.case_pathway,
            self.case_pass_mark,
            self.case_variables,
        )
        self.case_labels = _labelled_rows(case_form, case_fields)
        self.case_note = QLabel()
        self.case_note.setWordWrap(True)
        case_form.addRow(self.case_note)
        case_form.addRow(self.case_apply)
        self.form.addWidget(case_page)
        self._build_case_file_form()
        self.stage_at_completer = QCompleter([], self)
        self.stage_at.setCompleter(self.stage_at_completer)

    def _build_case_file_form(self) -> None:
        """Form 4: the case file's exhibits, a list and the fields of the one selected."""
        page = QWidget()
        layout = QVBoxLayout(page)
        self.exhibit_list = QListWidget()
        self.exhibit_list.setMaximumHeight(140)
        self.exhibit_list.currentRowChanged.connect(lambda _row: self._show_exhibit())
        row = QHBoxLayout()
        self.exhibit_add, self.exhibit_delete = QPushButton(), QPushButton()
        self.exhibit_add.clicked.connect(self.add_exhibit)
        self.exhibit_delete.clicked.connect(self.delete_exhibit)
        row.addWidget(self.exhibit_add)
        row.addWidget(self.exhibit_delete)
        row.addStretch(1)
        form = QFormLayout()
        self.exhibit_id = QLineEdit()
        self.exhibit_kind = QComboBox()
        for kind in EXHIBIT_KINDS:
            self.exhibit_kind.addItem(kind, kind)
        self.exhibit_title_en, self.exhibit_title_id = QLineEdit(), QLineEdit()
        self.exhibit_text_en, self.exhibit_text_id = QPlainTextEdit(), QPlainTextEdit()
        self.exhibit_file = _line_edit("media/photo.jpg")
        self.exhibit_choose = QPushButton()
        self.exhibit_choose.clicked.connect(self.choose_exhibit_file)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.exhibit_file, 1)
        file_layout.addWidget(self.exhibit_choose)
        fields = (
            self.exhibit_id,
            self.exhibit_kind,
            self.exhibit_title_en,
            self.exhibit_title_id,
            self.exhibit_text_en,
            self.exhibit_text_id,
            file_row,
        )
        self.exhibit_labels = _labelled_rows(form, fields)
        self.exhibit_labels[-1].setBuddy(self.exhibit_file)
        self.exhibit_apply = QPushButton()
        self.exhibit_apply.clicked.connect(self.apply_exhibit_form)
        self.exhibit_fields = QWidget()
        self.exhibit_fields.setLayout(form)
        layout.addWidget(self.exhibit_list)
        layout.addLayout(row)
        layout.addWidget(self.exhibit_fields, 1)
        layout.addWidget(self.exhibit_apply)
        self.form.addWidget(page)

    def retranslate(self) -> None:
        self._show_title()
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
        stage_texts = (
            self.tr("Title (English)"),
            self.tr("Title (Indonesian)"),
            self.tr("Text (English)"),
            self.tr("Text (Indonesian)"),
            self.tr("End"),
            self.tr("Pathway step"),
            self.tr("Reveals exhibits"),
        )
        _name_rows(self.stage_labels, stage_texts)
        choice_texts = (
            self.tr("Label (English)"),
            self.tr("Label (Indonesian)"),
            self.tr("Leads to"),
            self.tr("Feedback (English)"),
            self.tr("Feedback (Indonesian)"),
            self.tr("Scores"),
            self.tr("Critical error (why)"),
            self.tr("Offered when"),
            self.tr("Sets variables"),
            self.tr("Adds to variables"),
            self.tr("Hours it takes"),
            self.tr("Legal reference"),
        )
        _name_rows(self.choice_labels, choice_texts)
        case_texts = (
            self.tr("Case id"),
            self.tr("Version"),
            self.tr("Title (English)"),
            self.tr("Title (Indonesian)"),
            self.tr("Summary (English)"),
            self.tr("Summary (Indonesian)"),
            self.tr("Content warning (English)"),
            self.tr("Content warning (Indonesian)"),
            self.tr("Referral pathway"),
            self.tr("Pass mark"),
            self.tr("Variables (starting values)"),
        )
        _name_rows(self.case_labels, case_texts)
        self.case_note.setText(self.tr("Competencies and the case file's exhibits are kept as they are in the file; edit them there."))
        self.case_apply.setText(self.tr("Apply to the case"))
        exhibit_texts = (
            self.tr("Exhibit id"),
            self.tr("Kind"),
            self.tr("Title (English)"),
            self.tr("Title (Indonesian)"),
            self.tr("Content (English)"),
            self.tr("Content (Indonesian)"),
            self.tr("File (optional)"),
        )
        _name_rows(self.exhibit_labels, exhibit_texts)
        self.exhibit_add.setText(self.tr("Add an exhibit"))
        self.exhibit_choose.setText(self.tr("Choose a picture or recording…"))
        self.exhibit_delete.setText(self.tr("Delete the exhibit"))
        self.exhibit_apply.setText(self.tr("Apply to the exhibit"))
        self.exhibit_list.setAccessibleName(self.tr("Exhibits in the case file"))
        self.stage_apply.setText(self.tr("Apply to the stage"))
        self.choice_apply.setText(self.tr("Apply to the choice"))
        self.choice_up.setText(self.tr("Move up"))
        self.choice_down.setText(self.tr("Move down"))
        self.choice_up.setToolTip(self.tr("Earlier in the list trainees see (Alt+Up)"))
        self.choice_down.setToolTip(self.tr("Later in the list trainees see (Alt+Down)"))
        self.outline_filter.setPlaceholderText(self.tr("Find a stage or choice…"))
        self.outline_filter.setAccessibleName(self.tr("Find a stage or choice"))
        self.outline.setAccessibleName(self.tr("Stages and choices"))
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
            self._show_title()

    def _show_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("unsaved case")
        changed = "" if self.undo_stack.isClean() else " *"
        self.heading.setText(f"<h2>{self.tr('Scenario editor')}: {name}{changed}</h2>")

    # -- document --------------------------------------------------------------------------------
    def push(self, edit: Edit, text: str) -> bool:
        """Make an edit and put it on the undo stack; an edit that cannot be made is a message instead."""
        try:
            edit.redo(self.document)
        except EditError as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), str(exc))
            return False
        self.undo_stack.push(EditCommand(self, edit, text))
        return True

    def document_changed(self) -> None:
        """Redraw the outline, the graph and the findings from the document as it now stands."""
        selected = self.selection()
        self._fill_outline()
        self._draw_graph()
        self._validate()
        if selected is not None:
            self.select(*selected, centre=False)
        elif self.form.currentIndex() == 3:  # the case's own forms show what undo or redo made of them
            self.show_case_form()
        elif self.form.currentIndex() == 4:
            self.show_case_file_form(self.selected_exhibit())
        self._show_title()
        if not self.undo_stack.isClean():
            self.autosave.start()

    def _fill_outline(self) -> None:
        self.outline.blockSignals(True)
        self.outline.clear()
        start = self.document.data.get("start")
        for stage_id, stage in self.document.stages.items():
            marks = (" ▶" if stage_id == start else "") + (f" [{stage['end']}]" if stage.get("end") else "")
            item = QTreeWidgetItem([f"{stage_id}{marks}"])
            item.setData(0, Qt.ItemDataRole.UserRole, (stage_id, None))
            for index, choice in enumerate(stage.get("choices") or []):
                critical = " ⚠" if choice.get("critical") else ""
                label = _text_of(choice.get("label"), self.context.language) or _text_of(choice.get("label"), "en")
                child = QTreeWidgetItem([f"→ {choice.get('to', '?')}: {label}{critical}"])
                child.setData(0, Qt.ItemDataRole.UserRole, (stage_id, index))
                item.addChild(child)
            self.outline.addTopLevelItem(item)
        self.outline.expandAll()
        self.outline.blockSignals(False)
        self._filter_outline(self.outline_filter.text())
        self.choice_to.clear()
        self.choice_to.addItems(list(self.document.stages))

    def _draw_graph(self) -> None:
        start = str(self.document.data.get("start", ""))
        nodes, edges = [], []
        for stage_id, stage in self.document.stages.items():
            kind = stage.get("end") or ("start" if stage_id == start else "normal")
            title = _text_of(stage.get("title"), self.context.language) or _text_of(stage.get("title"), "en")
            label = f"{stage_id}\n{title}" if title else stage_id
            nodes.append(NodeSpec(stage_id, label, _text_of(stage.get("text"), "en")[:300], kind=str(kind)))
            for choice in stage.get("choices") or []:
                if choice.get("to") in self.document.stages:
                    edges.append(EdgeSpec(stage_id, str(choice["to"]), "critical" if choice.get("critical") else "plain"))
        positions = {
            stage_id: (float(stage["layout"]["x"]), float(stage["layout"]["y"]))
            for stage_id, stage in self.document.stages.items()
            if _has_layout(stage)
        }
        self.graph.set_graph(nodes, edges, start, positions=positions, keep_view=not self._fit_next_draw)
        self._fit_next_draw = False

    def _validate(self) -> None:
        checked = self.document.validate()
        nodes = sorted(checked.pathway.nodes) if checked.pathway is not None else []
        self.stage_at_completer.setModel(QStringListModel(nodes, self.stage_at_completer))
        self._show_what_can_be_named(checked)
        self.findings.clear()
        self.last_findings = checked.findings
        for finding in checked.findings:
            item = QListWidgetItem(f"{finding.code} {finding.message}")
            match = _STAGE_IN_MESSAGE.search(finding.message)
            if match is not None:  # the stage at fault, and the choice when the finding names one
                number = match.group(2) or match.group(3)
                item.setData(Qt.ItemDataRole.UserRole, (match.group(1), int(number) - 1 if number else None))
            self.findings.addItem(item)
        if not checked.findings:
            self.findings.addItem(self.tr("No findings: the case is ready to publish."))

    def _show_what_can_be_named(self, checked: Any) -> None:
        """Tooltips on the fields that name things: the competencies, variables and exhibits this case has."""
        scenario = checked.scenario
        if scenario is None:
            return
        competencies = "\n".join(f"{c_id}: {self.context.text(c.title)}" for c_id, c in scenario.competencies.items())
        self.choice_score.setToolTip(self.tr("Competencies of this case:\n{list}").format(list=competencies))
        variables = ", ".join(scenario.variables) or self.tr("none yet (declare them under Case details)")
        for field in (self.choice_when, self.choice_set, self.choice_add):
            field.setToolTip(self.tr("Variables of this case: {list}").format(list=variables))
        exhibits = ", ".join(scenario.exhibits) or self.tr("none yet (add them under Case file)")
        self.stage_reveal.setToolTip(self.tr("Exhibits of this case: {list}").format(list=exhibits))
        if checked.pathway is None:
            self.stage_at.setToolTip(self.tr("Choose the case's referral pathway under Case details first."))
        else:
            self.stage_at.setToolTip(self.tr("A node of the pathway {id}; start typing to see them.").format(id=checked.pathway.id))

    def _finding_activated(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if not where or where[0] not in self.document.stages:
            return
        stage_id, index = where
        choices = self.document.stages[stage_id].get("choices") or []
        self.select(stage_id, index if index is not None and index < len(choices) else None)

    # -- selection and forms ---------------------------------------------------------------------
    def selection(self) -> tuple[str, int | None] | None:
        item = self.outline.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, stage_id: str, index: int | None = None, *, centre: bool = True) -> None:
        """Select a stage (or one of its choices) in the outline and the graph; ``centre`` scrolls the graph to it."""
        for row in range(self.outline.topLevelItemCount()):
            item = self.outline.topLevelItem(row)
            if item is None or item.data(0, Qt.ItemDataRole.UserRole)[0] != stage_id:
                continue
            child = item.child(index) if index is not None else None
            self.outline.setCurrentItem(child or item)
            self.graph.select_node(stage_id, centre=centre)
            return

    def select_stage(self, stage_id: str) -> None:
        self.select(stage_id)

    def select_in_outline(self, stage_id: str) -> None:
        """Select a stage in the outline without moving the graph (the user is working on it)."""
        for row in range(self.outline.topLevelItemCount()):
            item = self.outline.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole)[0] == stage_id:
                self.outline.setCurrentItem(item)
                return

    def _show_form(self) -> None:
        selected = self.selection()
        if selected is None or selected[0] not in self.document.stages:
            self.form.setCurrentIndex(0)
            return
        stage_id, index = selected
        stage = self.document.stages[stage_id]
        if index is None:
            self.stage_title_en.setText(_text_of(stage.get("title"), "en"))
            self.stage_title_id.setText(_text_of(stage.get("title"), "id"))
            self.stage_text_en.setPlainText(_text_of(stage.get("text"), "en"))
            self.stage_text_id.setPlainText(_text_of(stage.get("text"), "id"))
            self.stage_end.setCurrentIndex(max(0, self.stage_end.findData(stage.get("end", ""))))
            self.stage_at.setText(str(stage.get("at") or ""))
            self.stage_reveal.setText(", ".join(str(e) for e in stage.get("reveal") or []))
            self.stage_title_en.setCursorPosition(0)
            self.stage_title_id.setCursorPosition(0)
            self.form.setCurrentIndex(1)
            return
        choice = (stage.get("choices") or [])[index]
        self.choice_label_en.setText(_text_of(choice.get("label"), "en"))
        self.choice_label_id.setText(_text_of(choice.get("label"), "id"))
        self.choice_to.setCurrentText(str(choice.get("to", "")))
        self.choice_feedback_en.setText(_text_of(choice.get("feedback"), "en"))
        self.choice_feedback_id.setText(_text_of(choice.get("feedback"), "id"))
        self.choice_score.setText(", ".join(f"{c}: {n}" for c, n in (choice.get("score") or {}).items()))
        self.choice_critical.setText(_text_of(choice.get("critical"), "en"))
        self.choice_when.setText(str(choice.get("when", "")))
        self.choice_set.setText(_format_effects(choice.get("set")))
        self.choice_add.setText(_format_effects(choice.get("add")))
        self.choice_hours.setText(f"{choice['hours']:g}" if isinstance(choice.get("hours"), int | float) else "")
        self.choice_ref.setText(_text_of(choice.get("ref"), "en"))
        for field in (
            self.choice_label_en,
            self.choice_label_id,
            self.choice_feedback_en,
            self.choice_feedback_id,
            self.choice_score,
            self.choice_critical,
            self.choice_when,
            self.choice_set,
            self.choice_add,
            self.choice_ref,
        ):
            field.setCursorPosition(0)  # long texts show their beginning
        self.form.setCurrentIndex(2)

    def apply_stage_form(self) -> None:
        selected = self.selection()
        if selected is None or selected[1] is not None:
            return
        stage_id = selected[0]
        stage = self.document.stages[stage_id]
        wanted = {
            "title": _bilingual(stage.get("title"), self.stage_title_en.text().strip(), self.stage_title_id.text().strip()),
            "text": _bilingual(stage.get("text"), self.stage_text_en.toPlainText(), self.stage_text_id.toPlainText()) or "",
            "end": self.stage_end.currentData() or None,
            "at": self.stage_at.text().strip() or None,
            "reveal": [e.strip() for e in self.stage_reveal.text().split(",") if e.strip()] or None,
        }
        changes = [(key, value) for key, value in wanted.items() if stage.get(key) != value]
        if "end" in dict(changes) and wanted["end"] and stage.get("choices"):
            QMessageBox.warning(self, self.tr("Scenario editor"), self.tr("An end stage has no choices: delete its choices first."))
            return
        text = self.tr("Change stage {id}").format(id=stage_id)
        self._apply_changes(changes, lambda key, value: SetStageField(stage_id, key, value), text)

    def apply_choice_form(self) -> None:
        selected = self.selection()
        if selected is None or selected[1] is None:
            return
        stage_id, index = selected[0], int(selected[1])
        choice = self.document.stages[stage_id]["choices"][index]
        try:
            score = _parse_scores(self.choice_score.text())
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), self.tr("Scores: {detail}").format(detail=exc))
            return
        try:
            assigned = _parse_effects(self.choice_set.text(), booleans=True)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), self.tr("Sets variables: {detail}").format(detail=exc))
            return
        try:
            added = _parse_effects(self.choice_add.text(), booleans=False)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), self.tr("Adds to variables: {detail}").format(detail=exc))
            return
        critical = self.choice_critical.text().strip()
        hours_text = self.choice_hours.text().strip().replace(",", ".")
        try:
            hours = float(hours_text) if hours_text else None
        except ValueError:
            QMessageBox.warning(self, self.tr("Scenario editor"), self.tr("Hours: write a number, such as 1.5"))
            return
        wanted = {
            "label": _bilingual(choice.get("label"), self.choice_label_en.text(), self.choice_label_id.text()) or "",
            "to": self.choice_to.currentText(),
            "score": score or None,
            "feedback": _bilingual(choice.get("feedback"), self.choice_feedback_en.text(), self.choice_feedback_id.text()),
            "critical": _edited_text(choice.get("critical"), _text_of(choice.get("critical"), "en"), critical),
            "when": self.choice_when.text().strip() or None,
            "set": assigned or None,
            "add": added or None,
            "hours": (int(hours) if hours is not None and hours.is_integer() else hours) or None,
            "ref": _edited_text(choice.get("ref"), _text_of(choice.get("ref"), "en"), self.choice_ref.text().strip()),
        }
        changes = [(key, value) for key, value in wanted.items() if choice.get(key) != value]
        self._apply_changes(
            changes,
            lambda key, value: SetChoiceField(stage_id, index, key, value),
            self.tr("Change choice {n} of {id}").format(n=index + 1, id=stage_id),
        )

    def _apply_changes(self, changes: list[tuple[str, Any]], make: Any, text: str) -> None:
        if not changes:
            return
        self.undo_stack.beginMacro(text)
        for key, value in changes:
            self.push(make(key, value), text)
        self.undo_stack.endMacro()

    # -- commands --------------------------------------------------------------------------------
    def new_document(self) -> None:
        if self.confirm_discard():
            self.set_document(ScenarioDocument.new())

    def set_document(self, document: ScenarioDocument) -> None:
        self.document = document
        self.undo_stack.clear()
        self._fit_next_draw = True
        self.document_changed()
        self.select(str(document.data.get("start", "")))

    def confirm_discard(self) -> bool:
        """Before the document is replaced or the editor left: save, discard or stay. True to go on."""
        if self.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        name = self.document.path.name if self.document.path else self.tr("the unsaved case")
        answer = QMessageBox.question(
            self,
            self.tr("Scenario editor"),
            self.tr("Save the changes to {name}?").format(name=name),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        if answer == buttons.Discard:
            self.autosave.stop()
            self.autosave_path().unlink(missing_ok=True)  # discarded: not offered back next time
            self.undo_stack.setClean()
            return True
        return False

    def reset(self) -> None:
        """An empty editor (after sign-out, so the next person at a shared workstation starts afresh)."""
        self.set_document(ScenarioDocument.new())
        if getattr(self, "play_from_here", None) is not None:
            self.play_from_here.close()

    def choose_file(self) -> None:
        if not self.confirm_discard():
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a scenario"), "", self.tr("Scenario (*.yaml *.yml)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Open a scenario; when an autosave newer than the file is beside it, offer to restore it."""
        try:
            document = ScenarioDocument.load(path)
        except (OSError, EditError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), str(exc))
            return
        autosaved = path.with_name(f".{path.name}.autosave")
        restore = False
        if autosaved.exists() and autosaved.stat().st_mtime > path.stat().st_mtime:
            answer = QMessageBox.question(
                self,
                self.tr("Scenario editor"),
                self.tr("Changes to {name} that were never saved were kept automatically. Restore them?").format(name=path.name),
            )
            restore = answer == QMessageBox.StandardButton.Yes
        if restore:
            try:
                document = ScenarioDocument(ScenarioDocument.load(autosaved).data, path)
            except (OSError, EditError, ValueError) as exc:
                QMessageBox.warning(self, self.tr("Scenario editor"), str(exc))
        self.set_document(document)
        if restore:
            self.undo_stack.resetClean()  # restored work is not yet saved in the file
            self._show_title()

    def import_case(self) -> None:
        """Import a Twine story or an H5P scenario; once saved it opens here (after asking about unsaved changes)."""
        self.window().import_twine()  # type: ignore[attr-defined]

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = f"{self.document.data.get('id', 'case')}.yaml"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the scenario"), suggested, self.tr("Scenario (*.yaml)"))
        return self.save_to(Path(name)) if name else False

    def save_to(self, path: Path) -> bool:
        from tipcase.importers import save_text  # noqa: PLC0415

        try:
            save_text(path, self.document.to_yaml())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), self.tr("The scenario cannot be saved: {detail}").format(detail=exc))
            return False
        self.document.path = path
        self.undo_stack.setClean()
        self.autosave_path().unlink(missing_ok=True)
        self._show_title()
        return True

    def autosave_path(self) -> Path:
        if self.document.path is not None:
            return self.document.path.with_name(f".{self.document.path.name}.autosave")
        from tipcase.home_folder import home  # noqa: PLC0415

        return home() / "autosave" / f"{self.document.data.get('id', 'case')}.yaml"

    def write_autosave(self) -> None:
        """Write the document as it stands beside its file, so a crash loses at most a few seconds."""
        from tipcase.importers import save_text  # noqa: PLC0415

        target = self.autosave_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            save_text(target, self.document.to_yaml())
        except OSError as exc:
            self.context.signals.status_message.emit(self.tr("Autosave failed: {detail}").format(detail=exc))

    def publish(self) -> None:
        from tipcase.services.trainer_desktop import publish  # noqa: PLC0415

        if not self.save():
            return
        path = self.document.path
        db, account = self.context.db, self.context.account
        if path is None or db is None or account is None:
            return
        self.context.tasks.run(
            lambda: publish(db, account.id, path),
            lambda item: self.context.signals.status_message.emit(
                self.tr("Published {id} version {version}").format(id=item.scenario_id, version=item.version)
            ),
            self._warn,
        )

    def _warn(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Scenario editor"), str(error))

    def add_stage(self) -> None:
        stage_id = self.document.free_id("stage")
        if self.push(AddStage(stage_id, {"text": {"en": "", "id": ""}, "end": "success"}), self.tr("Add stage {id}").format(id=stage_id)):
            self.select(stage_id)

    def duplicate_selected(self) -> None:
        """A copy of the selected stage, choices and all, right after it (to write a variant of a moment)."""
        selected = self.selection()
        if selected is None:
            return
        original = selected[0]
        copy_id = self.document.free_id(f"{original}-copy")
        stage = {key: value for key, value in self.document.stages[original].items() if key != "layout"}
        if self.push(AddStage(copy_id, stage, after=original), self.tr("Duplicate {id}").format(id=original)):
            self.select(copy_id)

    def move_selected_choice(self, step: int) -> None:
        selected = self.selection()
        if selected is None or selected[1] is None:
            return
        stage_id, index = selected[0], int(selected[1])
        target = index + step
        if not 0 <= target < len(self.document.stages[stage_id].get("choices") or []):
            return
        if self.push(MoveChoice(stage_id, index, target), self.tr("Move choice {n} of {id}").format(n=index + 1, id=stage_id)):
            self.select(stage_id, target)

    def _filter_outline(self, text: str) -> None:
        """Show only the stages whose id, marks or choices contain the text (case does not matter)."""
        wanted = text.strip().lower()
        for row in range(self.outline.topLevelItemCount()):
            item = self.outline.topLevelItem(row)
            if item is None:
                continue
            stage_id = item.data(0, Qt.ItemDataRole.UserRole)[0]
            title = _text_of(self.document.stages.get(stage_id, {}).get("title"), self.context.language)
            children = (item.child(i) for i in range(item.childCount()))
            texts = [item.text(0), title, *(child.text(0) for child in children if child is not None)]
            item.setHidden(bool(wanted) and not any(wanted in t.lower() for t in texts))

    def add_choice(self) -> None:
        selected = self.selection()
        if selected is None:
            return
        stage_id = selected[0]
        choice = {"label": {"en": "", "id": ""}, "to": stage_id}
        if self.push(AddChoice(stage_id, choice), self.tr("Add a choice to {id}").format(id=stage_id)):
            self.select(stage_id, len(self.document.stages[stage_id]["choices"]) - 1)

    def delete_selected(self, *, confirm: bool = True) -> None:
        selected = self.selection()
        if selected is None:
            return
        stage_id, index = selected
        what = (
            self.tr("stage {id} and every choice leading to it").format(id=stage_id)
            if index is None
            else self.tr("choice {n} of {id}").format(n=index + 1, id=stage_id)
        )
        question = self.tr("Delete {what}?").format(what=what)
        if confirm and QMessageBox.question(self, self.tr("Delete"), question) != QMessageBox.StandardButton.Yes:
            return
        edit: Edit = DeleteStage(stage_id) if index is None else DeleteChoice(stage_id, index)
        self.push(edit, self.tr("Delete {what}").format(what=what))

    def rename_selected(self) -> None:
        selected = self.selection()
        if selected is None:
            return
        new, accepted = QInputDialog.getText(self, self.tr("Rename"), self.tr("New id for {id}:").format(id=selected[0]), text=selected[0])
        if accepted and new.strip():
            self.rename(selected[0], new.strip())

    def rename(self, old: str, new: str) -> None:
        if self.push(RenameStage(old, new), self.tr("Rename {old} to {new}").format(old=old, new=new)):
            self.select(new)

    def show_case_file_form(self, selected: str | None = None) -> None:
        """The case file: every exhibit, and the fields of the selected one (or of the first)."""
        self.outline.blockSignals(True)
        self.outline.setCurrentIndex(QModelIndex())
        self.outline.blockSignals(False)
        exhibits = self.document.data.get("exhibits") or {}
        self.exhibit_list.blockSignals(True)
        self.exhibit_list.clear()
        for exhibit_id, exhibit in exhibits.items():
            title = _text_of(exhibit.get("title"), self.context.language) or _text_of(exhibit.get("title"), "en")
            item = QListWidgetItem(f"{exhibit_id} ({exhibit.get('kind', '?')}): {title}")
            item.setData(Qt.ItemDataRole.UserRole, exhibit_id)
            self.exhibit_list.addItem(item)
        self.exhibit_list.blockSignals(False)
        ids = list(exhibits)
        self.exhibit_list.setCurrentRow(ids.index(selected) if selected in ids else (0 if ids else -1))
        self._show_exhibit()
        self.form.setCurrentIndex(4)

    def selected_exhibit(self) -> str | None:
        if self.exhibit_list.currentRow() < 0:
            return None
        return str(self.exhibit_list.currentItem().data(Qt.ItemDataRole.UserRole))

    def _show_exhibit(self) -> None:
        exhibit_id = self.selected_exhibit()
        exhibit = (self.document.data.get("exhibits") or {}).get(exhibit_id) if exhibit_id else None
        self.exhibit_fields.setEnabled(exhibit is not None)
        self.exhibit_apply.setEnabled(exhibit is not None)
        self.exhibit_delete.setEnabled(exhibit is not None)
        exhibit = exhibit or {}
        self.exhibit_id.setText(exhibit_id or "")
        self.exhibit_kind.setCurrentIndex(max(0, self.exhibit_kind.findData(exhibit.get("kind", "document"))))
        self.exhibit_title_en.setText(_text_of(exhibit.get("title"), "en"))
        self.exhibit_title_id.setText(_text_of(exhibit.get("title"), "id"))
        self.exhibit_text_en.setPlainText(_text_of(exhibit.get("text"), "en"))
        self.exhibit_text_id.setPlainText(_text_of(exhibit.get("text"), "id"))
        self.exhibit_file.setText(str(exhibit.get("file") or ""))

    def choose_exhibit_file(self) -> None:
        """Pick an image or sound file; it is copied into ``media/`` beside the case (saved first if need be)."""
        if self.document.path is None and not self.save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a picture or recording"),
            "",
            self.tr("Pictures and recordings ({patterns})").format(patterns=" ".join(f"*{suffix}" for suffix in MEDIA_TYPES)),
        )
        if name:
            self.use_exhibit_file(Path(name))

    def use_exhibit_file(self, chosen: Path) -> None:
        assert self.document.path is not None
        try:
            self.exhibit_file.setText(adopt(self.document.path, chosen))
        except (MediaError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), str(exc))

    def add_exhibit(self) -> None:
        taken = set(self.document.data.get("exhibits") or {})
        exhibit_id, number = "exhibit", 2
        while exhibit_id in taken:
            exhibit_id, number = f"exhibit-{number}", number + 1
        value = {"kind": "document", "title": {"en": "", "id": ""}, "text": {"en": "", "id": ""}}
        if self.push(SetExhibit(None, exhibit_id, value), self.tr("Add exhibit {id}").format(id=exhibit_id)):
            self.show_case_file_form(exhibit_id)

    def delete_exhibit(self, *, confirm: bool = True) -> None:
        exhibit_id = self.selected_exhibit()
        if exhibit_id is None:
            return
        question = self.tr("Delete exhibit {id}? Stages stop revealing it.").format(id=exhibit_id)
        if confirm and QMessageBox.question(self, self.tr("Delete"), question) != QMessageBox.StandardButton.Yes:
            return
        if self.push(SetExhibit(exhibit_id, None, None), self.tr("Delete exhibit {id}").format(id=exhibit_id)):
            self.show_case_file_form()

    def apply_exhibit_form(self) -> None:
        exhibit_id = self.selected_exhibit()
        exhibits = self.document.data.get("exhibits") or {}
        if exhibit_id is None or exhibit_id not in exhibits:
            return
        exhibit = exhibits[exhibit_id]
        value = {key: item for key, item in exhibit.items() if key not in ("kind", "title", "text", "file")}
        wanted = {
            "kind": self.exhibit_kind.currentData(),
            "title": _bilingual(exhibit.get("title"), self.exhibit_title_en.text().strip(), self.exhibit_title_id.text().strip()) or "",
            "text": _bilingual(exhibit.get("text"), self.exhibit_text_en.toPlainText(), self.exhibit_text_id.toPlainText()),
            "file": self.exhibit_file.text().strip() or None,
        }
        value = {**{k: v for k, v in wanted.items() if v is not None}, **value}
        new_id = self.exhibit_id.text().strip()
        if value == exhibit and new_id == exhibit_id:
            return
        if self.push(SetExhibit(exhibit_id, new_id, value), self.tr("Change exhibit {id}").format(id=new_id)):
            self.show_case_file_form(new_id)

    def show_case_form(self) -> None:
        """The case's own details (id, version, titles, pathway, pass mark, variables) in the form."""
        from tipcase import bundled  # noqa: PLC0415

        data = self.document.data
        self.outline.blockSignals(True)
        self.outline.setCurrentIndex(QModelIndex())
        self.outline.blockSignals(False)
        self.case_id.setText(str(data.get("id", "")))
        self.case_version.setValue(int(data["version"]) if isinstance(data.get("version"), int) else 1)
        for key, english, indonesian in (
            ("title", self.case_title_en, self.case_title_id),
            ("summary", self.case_summary_en, self.case_summary_id),
            ("content_warning", self.case_warning_en, self.case_warning_id),
        ):
            english.setText(_text_of(data.get(key), "en"))
            indonesian.setText(_text_of(data.get(key), "id"))
            english.setCursorPosition(0)
            indonesian.setCursorPosition(0)
        self.case_pathway.clear()
        self.case_pathway.addItems(["", *bundled.pathway_ids(self.document.path)])
        self.case_pathway.setCurrentText(str(data.get("pathway") or ""))
        self.case_pass_mark.setValue(int(data["pass_mark"]) if isinstance(data.get("pass_mark"), int | float) else 70)
        self.case_variables.setText(_format_effects(data.get("variables")))
        self.form.setCurrentIndex(3)

    def apply_case_form(self) -> None:
        data = self.document.data
        try:
            variables = _parse_effects(self.case_variables.text(), booleans=True)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Scenario editor"), self.tr("Variables: {detail}").format(detail=exc))
            return
        pass_mark = self.case_pass_mark.value()
        wanted = {
            "id": self.case_id.text().strip(),
            "version": self.case_version.value(),
            "title": _bilingual(data.get("title"), self.case_title_en.text().strip(), self.case_title_id.text().strip()),
            "summary": _bilingual(data.get("summary"), self.case_summary_en.text().strip(), self.case_summary_id.text().strip()),
            "content_warning": _bilingual(
                data.get("content_warning"), self.case_warning_en.text().strip(), self.case_warning_id.text().strip()
            ),
            "pathway": self.case_pathway.currentText().strip() or None,
            "pass_mark": None if pass_mark == 70 and "pass_mark" not in data else pass_mark,
            "variables": variables or None,
        }
        changes = [(key, value) for key, value in wanted.items() if data.get(key) != value]
        self._apply_changes(changes, SetCaseField, self.tr("Change the case details"))
        self.show_case_form()

    def play_from_selected(self) -> None:
        """Test-play the case as it stands from the selected stage (or the start), recording nothing."""
        from ui.pages.play_from_here import PlayFromHereDialog  # noqa: PLC0415

        selected = self.selection()
        stage_id = selected[0] if selected is not None else str(self.document.data.get("start", ""))
        checked = self.document.validate()
        blocking = [f for f in checked.findings if f.is_error and f.code not in PLAYABLE_ERRORS]
        if blocking or checked.scenario is None:
            first = next(iter(blocking), None)
            detail = f"{first.code} {first.message}" if first is not None else ""
            QMessageBox.warning(
                self,
                self.tr("Play from here"),
                self.tr("The case has errors; fix them before playing it:\n{detail}").format(detail=detail),
            )
            return
        if stage_id not in checked.scenario.stages:
            return
        self.play_from_here = PlayFromHereDialog(self.context, checked.scenario, checked.pathway, stage_id, self)
        self.play_from_here.show()

    def move_stages(self, moved: list[tuple[str, float, float]]) -> None:
        """Stages dragged on the canvas: keep where they were dropped, as one undoable move.

        The first move in a case laid out automatically also pins every other stage where it is drawn,
        so nothing else jumps; "Arrange automatically" undoes that.
        """
        wanted = self.graph.positions()
        for stage_id, x, y in moved:
            wanted[stage_id] = (x, y)
        edits = []
        for stage_id, (x, y) in wanted.items():
            stage = self.document.stages.get(stage_id)
            if stage is None:
                continue
            current = stage.get("layout") if _has_layout(stage) else None
            if current is None or (round(float(current["x"]), 1), round(float(current["y"]), 1)) != (round(x, 1), round(y, 1)):
                edits.append(MoveStage(stage_id, x, y))
        if not edits:
            return
        names = [stage_id for stage_id, _, _ in moved]
        text = self.tr("Move {id}").format(id=names[0]) if len(names) == 1 else self.tr("Move {n} stages").format(n=len(names))
        self.undo_stack.beginMacro(text)
        for edit in edits:
            self.push(edit, text)
        self.undo_stack.endMacro()

    def arrange_automatically(self) -> None:
        """Forget where stages were dragged: the graph is laid out in layers again (undoable)."""
        placed = [stage_id for stage_id, stage in self.document.stages.items() if "layout" in stage]
        if not placed:
            return
        text = self.tr("Arrange automatically")
        self.undo_stack.beginMacro(text)
        for stage_id in placed:
            self.push(SetStageField(stage_id, "layout", None), text)
        self.undo_stack.endMacro()
        self._fit_next_draw = True
        self._draw_graph()

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

    def set_start_selected(self) -> None:
        selected = self.selection()
        if selected is not None:
            self.push(SetStart(selected[0]), self.tr("Start at {id}").format(id=selected[0]))


def _has_layout(stage: dict[str, Any]) -> bool:
    layout = stage.get("layout")
    return isinstance(layout, dict) and all(isinstance(layout.get(axis), int | float) for axis in ("x", "y"))


def _format_effects(effects: Any) -> str:
    if not isinstance(effects, dict):
        return ""
    return ", ".join(f"{name}: {str(value).lower() if isinstance(value, bool) else value}" for name, value in effects.items())


def _parse_effects(text: str, *, booleans: bool) -> dict[str, int | bool]:
    """``consent: true, trust: 1`` as a mapping (``true``/``false`` only where ``booleans``); ValueError says what is wrong."""
    effects: dict[str, int | bool] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, separator, value = (piece.strip() for piece in part.partition(":"))
        if not separator or not name:
            raise ValueError(f"'{part}': write variable: value")
        if booleans and value.lower() in ("true", "false"):
            effects[name] = value.lower() == "true"
            continue
        try:
            effects[name] = int(value)
        except ValueError:
            wanted = "true, false or a whole number" if booleans else "a whole number"
            raise ValueError(f"'{part}': the value must be {wanted}") from None
    return effects


def _parse_scores(text: str) -> dict[str, int]:
    """``identification: 2, victim_care: -1`` as a mapping; raises ValueError with what is wrong."""
    scores: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, separator, number = part.partition(":")
        if not separator:
            raise ValueError(f"'{part}': write competency: points")
        try:
            scores[name.strip()] = int(number.strip())
        except ValueError:
            raise ValueError(f"'{part}': the points must be a whole number") from None
    return scores
