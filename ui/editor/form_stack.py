"""The form beside the editor's canvas: nothing, a stage, a choice, the case details or the case file.

No edit is lost: before the editor moves on (another stage selected, another form, a save, closing,
undo) ``commit`` applies what the shown form holds, as one undoable step; text that stands for no
value (``'trust: lots'``) is not applied silently or dropped silently: the editor asks whether to go
back and fix it or discard it. After each edit the shown form shows its item as it now stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tipcase.format.competency_edits import declared_competencies
from tipcase.format.document import Change
from tipcase.format.document_check import CheckReport

from ui.editor.case_file import CaseFileForm
from ui.editor.competencies import CompetenciesForm
from ui.editor.forms import CaseForm, ChoiceForm, Form, FormProblem, StageForm

if TYPE_CHECKING:
    from ui.editor.page import EditorPage

NOTHING, STAGE, CHOICE, CASE, CASE_FILE = range(5)  # the pages of the stack


def _scrolled(form: QWidget) -> QScrollArea:
    """A form that scrolls when the window is too low for it, rather than squeezing its fields."""
    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the focus; Qt scrolls to the focused one
    area.setWidget(form)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class FormStack(QStackedWidget):
    """The editor's forms, one shown at a time, each knowing the item it shows."""

    def __init__(self, page: EditorPage) -> None:
        super().__init__()
        self.page = page
        self.stage_form = StageForm(page)
        self.choice_form = ChoiceForm(page)
        self.case_form = CaseForm(page)
        self.case_file = CaseFileForm(page, page.language)
        self.competencies = CompetenciesForm(page, page.language)
        case_details = QWidget()  # the case's own fields, then its competencies
        case_layout = QVBoxLayout(case_details)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.addWidget(self.case_form)
        case_layout.addWidget(self.competencies)
        case_layout.addStretch(1)
        self._add_choice_order()
        for form in (QLabel(), self.stage_form, self.choice_form, case_details, self.case_file):
            self.addWidget(_scrolled(form))
        self.shown_items: dict[int, object] = {}  # each page's item last shown (``show``: another item shows at its top)
        self.at_completer = QCompleter([], self)
        self._names_shown: tuple[object, ...] | None = None  # what ``show_names`` last showed (shown again on a change)
        self._nodes_shown: list[str] = []  # the pathway's nodes the completer offers
        at_field = self.stage_form["at"]
        assert isinstance(at_field, QLineEdit)
        at_field.setCompleter(self.at_completer)

    def _add_choice_order(self) -> None:
        """The buttons (and Alt+Up/Down anywhere in the editor) that move a choice in its stage's list."""
        order = QHBoxLayout()
        self.choice_up, self.choice_down = QPushButton(), QPushButton()
        self.choice_up.clicked.connect(lambda: self.page.edits.move_selected_choice(-1))
        self.choice_down.clicked.connect(lambda: self.page.edits.move_selected_choice(1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.page, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.page.edits.move_selected_choice(step))
        order.addWidget(self.choice_up)
        order.addWidget(self.choice_down)
        order.addStretch(1)
        self.choice_form.layout_.addRow(order)

    def shown_form(self) -> Form | None:
        """The form whose fields are on screen (the case file's exhibit form; under Case details the case's own), or None."""
        return {STAGE: self.stage_form, CHOICE: self.choice_form, CASE: self.case_form, CASE_FILE: self.case_file.form}.get(
            self.currentIndex()
        )

    def shown_forms(self) -> list[Form]:
        """Every form on screen: Case details shows the case's fields and the selected competency's."""
        shown = self.shown_form()
        if shown is None:
            return []
        return [shown, self.competencies.form] if shown is self.case_form else [shown]

    # -- showing ---------------------------------------------------------------------------------
    def show_page(self, page: int, item: object) -> None:
        """Show ``page`` with ``item`` in it: at its top for another item, where it was left for the same one.

        A form is reused from one stage (choice, case) to the next; scrolled down for one, it would show the
        next one's last fields first, as if its first ones were missing.
        """
        if self.shown_items.get(page) != item:
            self.shown_items[page] = item
            area = self.widget(page)
            if isinstance(area, QScrollArea):
                area.verticalScrollBar().setValue(0)
        self.setCurrentIndex(page)

    def forget_items(self) -> None:
        """Another document: whatever each form shows next is another item (at its top)."""
        self.shown_items.clear()

    def show_item(self, selected: tuple[str, int | None] | None) -> None:
        """The form of a stage or a choice (or none), showing its values."""
        stages = self.page.document.stages
        if selected is None or selected[0] not in stages:
            self.setCurrentIndex(NOTHING)
            return
        stage_id, index = selected
        if index is None:
            self.stage_form.show_stage(stage_id)
            self.show_page(STAGE, stage_id)
        elif index < len(stages[stage_id].get("choices") or []):
            self.choice_form.show_choice(stage_id, index)
            self.show_page(CHOICE, (stage_id, index))
        else:
            self.setCurrentIndex(NOTHING)

    def show_case(self) -> None:
        self.case_form.show_case()
        self.competencies.show_competencies()
        self.show_page(CASE, "case")

    def show_case_file(self, selected: str | None = None) -> None:
        self.case_file.show_case_file(selected)
        self.show_page(CASE_FILE, "case file")

    def follow(self, changes: list[Change]) -> None:
        """After an edit: the shown form shows its item as it now stands (a rename follows the item)."""
        shown = self.currentIndex()
        if shown == CASE:
            if any(change.kind == "case-changed" and change.key != "competencies" for change in changes):
                self.case_form.show_case()
            if any(change.key == "competencies" for change in changes):
                competencies = declared_competencies(self.page.document)
                listed = self.competencies.model.ids()
                appeared = [key for key in competencies if key not in listed]  # a rename undone or redone: follow it
                chosen = [self.competencies.selected_competency(), self.competencies.form.text("id").strip(), *appeared]
                self.competencies.show_competencies(next((key for key in chosen if key in competencies), None))
            return
        if shown == CASE_FILE:
            if any(change.key == "exhibits" for change in changes):
                exhibits = self.page.document.data.get("exhibits") or {}
                chosen = [self.case_file.selected_exhibit(), self.case_file.form.text("id").strip()]
                self.case_file.show_case_file(next((key for key in chosen if key in exhibits), None))
            return
        if shown not in (STAGE, CHOICE):
            return
        current = self.stage_form.stage_id if shown == STAGE else (self.choice_form.target or ("", 0))[0]
        touched = False
        for change in changes:
            if change.kind == "stage-renamed" and change.stage == current and change.new_id is not None:
                self._renamed(current, change.new_id)
                current, touched = change.new_id, True
            elif change.stage == current and change.key != "layout":
                touched = True
        if touched:
            self.show_item(self.page.selection())

    def _renamed(self, old: str | None, new: str) -> None:
        """A renamed stage is the same item: its form stays where it was scrolled."""
        if self.shown_items.get(STAGE) == old:
            self.shown_items[STAGE] = new
        choice = self.shown_items.get(CHOICE)
        if isinstance(choice, tuple) and choice[0] == old:
            self.shown_items[CHOICE] = (new, choice[1])

    def show_names(self, report: CheckReport) -> None:
        """Tooltips on the fields that name things: the competencies, variables, exhibits and pathway nodes this case has.

        Called with every check's report; the completer and the tooltips are made again only when the names
        they show changed (most edits change none), so the checker's answer costs the GUI thread little.
        """
        names: tuple[object, ...] = (report.pathway_nodes, report.scenario_loaded, report.competencies, report.variables)
        names += (report.exhibits, report.pathway, report.pathway_title, self.page.context.language)
        if names == self._names_shown:
            return
        self._names_shown = names
        if report.pathway_nodes != self._nodes_shown:
            self._nodes_shown = list(report.pathway_nodes)
            self.at_completer.setModel(QStringListModel(report.pathway_nodes, self.at_completer))
        if not report.scenario_loaded:
            return
        text = self.page.context.text
        competencies = "\n".join(f"{key}: {text(title)}" for key, title in report.competencies.items())
        self.choice_form["score"].setToolTip(self.tr("Competencies of this case:\n{list}").format(list=competencies))
        variables = ", ".join(report.variables) or self.tr("none yet (declare them under Case details)")
        for name in ("when", "set", "add"):
            self.choice_form[name].setToolTip(self.tr("Variables of this case: {list}").format(list=variables))
        exhibits = ", ".join(report.exhibits) or self.tr("none yet (add them under Case file)")
        self.stage_form["reveal"].setToolTip(self.tr("Exhibits of this case: {list}").format(list=exhibits))
        if report.pathway is None:
            self.stage_form["at"].setToolTip(self.tr("Choose the case's referral pathway under Case details first."))
        else:
            pathway = text(report.pathway_title) or report.pathway  # its title, as Case details names it
            self.stage_form["at"].setToolTip(
                self.tr("A step of the pathway “{pathway}”; start typing to see them.").format(pathway=pathway)
            )

    # -- no edit lost ----------------------------------------------------------------------------
    def commit(self) -> bool:
        """Apply what the shown forms hold, if anything; False when the user chose to go back and fix it."""
        return all(self._commit(form) for form in self.shown_forms())

    def _commit(self, form: Form) -> bool:
        if not form.has_changes():
            return True
        try:
            form.changes()
        except FormProblem as problem:
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self.page,
                self.tr("Scenario editor"),
                self.tr("This form holds text that cannot be applied:\n{problem}\n\nGo back and fix it, or discard it?").format(
                    problem=problem
                ),
                buttons.Discard | buttons.Cancel,
                buttons.Cancel,
            )
            if answer != buttons.Discard:
                return False
            self._reload(form)
            return True
        return form.apply()

    def _reload(self, form: Form) -> None:
        """Show the form's item as it stands (what was typed is discarded)."""
        if form is self.stage_form and self.stage_form.stage_id in self.page.document.stages:
            self.stage_form.show_stage(self.stage_form.stage_id)
        elif form is self.choice_form:
            self.show_item(self.choice_form.target)
        elif form is self.case_form:
            self.case_form.show_case()
        elif form is self.competencies.form:
            self.competencies.form.show_competency(self.competencies.form.competency_id)
        else:
            self.case_file.form.show_exhibit(self.case_file.form.exhibit_id)

    def retranslate(self) -> None:
        for form in (self.stage_form, self.choice_form, self.case_form, self.case_file, self.competencies):
            form.retranslate()
        self.choice_up.setText(self.tr("Move up"))
        self.choice_down.setText(self.tr("Move down"))
        self.choice_up.setToolTip(self.tr("Earlier in the list trainees see (Alt+Up)"))
        self.choice_down.setToolTip(self.tr("Later in the list trainees see (Alt+Down)"))
