"""The forms of the scenario editor: a stage, a choice, and the case's own details.

Each form builds its rows from its table in ``ui.editor.fields``, shows one item of the document, and
turns what is typed into the changes to make (the text is read by ``tipcase.format.form_text``). A form
knows the item it shows, so its changes go to that item even after the selection moved on; ``changes``
raises ``FormProblem`` with a translated sentence when the text stands for no value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget

from tipcase.format.document import Edit, ScenarioDocument
from tipcase.format.edits import SetCaseField, SetChoiceField, SetStageField
from tipcase.format.form_text import (
    FormTextError,
    bilingual,
    edited_text,
    format_effects,
    format_hours,
    format_ids,
    format_scores,
    parse_effects,
    parse_hours,
    parse_ids,
    parse_scores,
    text_of,
)
from tipcase.format.roles import ROLE_IDS, role_name
from tipcase.format.schema_kinds import MAX_ANALYSIS_STATES

from ui.editor.fields import CASE_FIELDS, CHOICE_FIELDS, STAGE_FIELDS, FieldRows, FieldSpec, label_of
from ui.editor.pathway_names import pathway_titles

Changes = list[tuple[str, Any]]
MakeEdit = Callable[[str, Any], Edit]


class FormHost(Protocol):
    """What a form needs of the editor: the document, and a way to make edits and to warn."""

    document: ScenarioDocument

    def apply_changes(self, changes: Changes, make: MakeEdit, text: str) -> bool: ...

    def push(self, edit: Edit, text: str, *, from_form: bool = False) -> bool: ...

    def save(self) -> bool: ...

    def warn(self, text: str) -> None: ...

    def language(self) -> str: ...


class FormProblem(Exception):
    """What a form holds stands for no value; the message (translated) says which field and why."""


def field_text(widget: QWidget) -> str:
    """The text a line or a multi-line field holds."""
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def set_field_text(widget: QWidget, text: str) -> None:
    """Show a text in a line or a multi-line field, from its beginning."""
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
        return
    assert isinstance(widget, QLineEdit)
    widget.setText(text)
    widget.setCursorPosition(0)  # a long text shows its beginning


def problem_text(exc: FormTextError) -> str:
    """A FormTextError as a translated sentence."""
    translate = QCoreApplication.translate
    template = {
        "variable-pair": translate("EditorForms", "'{part}': write variable: value"),
        "score-pair": translate("EditorForms", "'{part}': write competency: points"),
        "number": translate("EditorForms", "'{part}': the value must be a whole number"),
        "value": translate("EditorForms", "'{part}': the value must be true, false or a whole number"),
        "points": translate("EditorForms", "'{part}': the points must be a whole number"),
        "hours": translate("EditorForms", "'{part}': write a number, such as 1.5"),
    }[exc.problem]
    return template.format(part=exc.part)


def max_states_of(analysis: object) -> int | None:
    """The whole number of states an ``analysis`` mapping sets as ``max_states`` (None: the default, or none a form can show).

    A value the validator refuses (E002: not 1 to ``MAX_ANALYSIS_STATES``) is none the form shows, so it stays as written.
    """
    value = analysis.get("max_states") if isinstance(analysis, dict) else None
    valid = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ANALYSIS_STATES
    return value if valid else None


def with_max_states(analysis: object, states: int | None) -> object:
    """``analysis`` with ``max_states`` set to ``states`` (None: taken out, and the mapping with it when nothing else is left).

    What the form cannot show (a value the validator refuses, another key) is kept as the file has it until changed.
    """
    if states == max_states_of(analysis):
        return analysis
    rest = {key: value for key, value in analysis.items() if key != "max_states"} if isinstance(analysis, dict) else {}
    return {**rest, "max_states": states} if states is not None else rest or None


class Form(QWidget):
    """A form of fields from a table, with an Apply button; subclasses show one item and say its changes."""

    FIELDS: tuple[FieldSpec, ...] = ()

    def __init__(self, host: FormHost) -> None:
        super().__init__()
        self.host = host
        self.layout_ = QFormLayout(self)
        # a field too wide to sit beside its label in the pane (a role's long name) goes under it, rather than be cut
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rows = FieldRows(self.layout_, self.FIELDS, self.beside())
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply)

    def beside(self) -> dict[str, QWidget]:
        """Widgets to put to the right of fields, by field name."""
        return {}

    def __getitem__(self, name: str) -> QWidget:
        return self.rows[name]

    def field(self, key: str, language: str | None = None) -> QWidget | None:
        """The widget editing ``key`` (in ``language``; the first language when not given), None when the form has none."""
        matching = [spec for spec in self.FIELDS if spec.key == key]
        chosen = next((spec for spec in matching if spec.language == language), matching[0] if matching else None)
        return self.rows[chosen.name] if chosen is not None else None

    def text(self, name: str) -> str:
        return field_text(self.rows[name])

    def combo(self, name: str) -> QComboBox:
        widget = self.rows[name]
        assert isinstance(widget, QComboBox)
        return widget

    def spin(self, name: str) -> QSpinBox:
        widget = self.rows[name]
        assert isinstance(widget, QSpinBox)
        return widget

    def parsed(self, name: str, read: Callable[[str], Any]) -> Any:
        """A field's text read into a value; FormProblem (naming the field by its label) when it stands for none."""
        try:
            return read(self.text(name))
        except FormTextError as exc:
            spec = next(spec for spec in self.FIELDS if spec.name == name)
            raise FormProblem(f"{label_of([spec], spec.key)}: {problem_text(exc)}") from None

    def changes(self) -> Changes:
        """The (key, value) changes that applying the form would make; raises FormProblem."""
        raise NotImplementedError

    def has_changes(self) -> bool:
        """Whether the form holds anything not yet applied (including text that stands for no value)."""
        try:
            return bool(self.changes())
        except FormProblem:
            return True

    def apply(self) -> bool:
        """Apply the form's changes as one undoable step; False (with a warning) when its text stands for no value."""
        try:
            changes = self.changes()
        except FormProblem as problem:
            self.host.warn(str(problem))
            return False
        return self.commit(changes) if changes else True

    def commit(self, changes: Changes) -> bool:
        """Make the changes (already checked) on the item the form shows."""
        raise NotImplementedError

    def retranslate(self) -> None:
        self.rows.retranslate()


class StageForm(Form):
    """A stage: its title and text in both languages, whether it ends the case, its pathway step, what it reveals."""

    FIELDS = STAGE_FIELDS

    def __init__(self, host: FormHost) -> None:
        super().__init__(host)
        self.stage_id: str | None = None
        self.layout_.addRow(self.apply_button)

    def show_stage(self, stage_id: str) -> None:
        self.stage_id = stage_id
        stage = self.host.document.stages[stage_id]
        for language in ("en", "id"):
            set_field_text(self["title." + language], text_of(stage.get("title"), language))
            set_field_text(self["text." + language], text_of(stage.get("text"), language))
        end = self.combo("end")
        end.setCurrentIndex(max(0, end.findData(stage.get("end", ""))))
        set_field_text(self["at"], str(stage.get("at") or ""))
        set_field_text(self["reveal"], format_ids(stage.get("reveal")))

    def changes(self) -> Changes:
        stage = self.host.document.stages.get(self.stage_id or "")
        if stage is None:
            return []
        wanted = {
            "title": bilingual(stage.get("title"), self.text("title.en").strip(), self.text("title.id").strip()),
            "text": bilingual(stage.get("text"), self.text("text.en"), self.text("text.id")) or "",
            "end": self.combo("end").currentData() or None,
            "at": self.text("at").strip() or None,
            "reveal": parse_ids(self.text("reveal")),
        }
        changes = [(key, value) for key, value in wanted.items() if stage.get(key) != value]
        if "end" in dict(changes) and wanted["end"] and stage.get("choices"):
            raise FormProblem(self.tr("An end stage has no choices: delete its choices first."))
        return changes

    def commit(self, changes: Changes) -> bool:
        stage_id = self.stage_id
        if stage_id is None:
            return True
        text = self.tr("Change stage {id}").format(id=stage_id)
        return self.host.apply_changes(changes, lambda key, value: SetStageField(stage_id, key, value), text)

    def retranslate(self) -> None:
        super().retranslate()
        self.apply_button.setText(self.tr("Apply to the stage"))


class ChoiceForm(Form):
    """A choice: its label, where it leads, its feedback, scores, critical error, condition, effects, hours and reference."""

    FIELDS = CHOICE_FIELDS

    def __init__(self, host: FormHost) -> None:
        super().__init__(host)
        self.target: tuple[str, int] | None = None
        self.layout_.addRow(self.apply_button)

    def show_choice(self, stage_id: str, index: int) -> None:
        self.target = (stage_id, index)
        choice = self.host.document.stages[stage_id]["choices"][index]
        for key in ("label", "feedback"):
            for language in ("en", "id"):
                set_field_text(self[f"{key}.{language}"], text_of(choice.get(key), language))
        self.combo("to").setCurrentText(str(choice.get("to", "")))
        set_field_text(self["score"], format_scores(choice.get("score")))
        set_field_text(self["critical"], text_of(choice.get("critical"), "en"))
        set_field_text(self["when"], str(choice.get("when", "")))
        set_field_text(self["set"], format_effects(choice.get("set")))
        set_field_text(self["add"], format_effects(choice.get("add")))
        set_field_text(self["hours"], format_hours(choice.get("hours")))
        set_field_text(self["ref"], text_of(choice.get("ref"), "en"))

    def set_stage_ids(self, stage_ids: list[str]) -> None:
        """The stages a choice can lead to (the list follows adds, deletes and renames)."""
        combo = self.combo("to")
        shown = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(stage_ids)
        combo.setCurrentText(shown)
        combo.blockSignals(False)

    def _choice(self) -> dict[str, Any] | None:
        if self.target is None:
            return None
        choices = self.host.document.stages.get(self.target[0], {}).get("choices") or []
        return choices[self.target[1]] if self.target[1] < len(choices) else None

    def changes(self) -> Changes:
        choice = self._choice()
        if choice is None:
            return []
        wanted = {
            "label": bilingual(choice.get("label"), self.text("label.en"), self.text("label.id")) or "",
            "to": self.combo("to").currentText(),
            "score": self.parsed("score", parse_scores) or None,
            "feedback": bilingual(choice.get("feedback"), self.text("feedback.en"), self.text("feedback.id")),
            "critical": edited_text(choice.get("critical"), text_of(choice.get("critical"), "en"), self.text("critical").strip()),
            "when": self.text("when").strip() or None,
            "set": self.parsed("set", lambda text: parse_effects(text, booleans=True)) or None,
            "add": self.parsed("add", lambda text: parse_effects(text, booleans=False)) or None,
            "hours": self.parsed("hours", parse_hours),
            "ref": edited_text(choice.get("ref"), text_of(choice.get("ref"), "en"), self.text("ref").strip()),
        }
        return [(key, value) for key, value in wanted.items() if choice.get(key) != value]

    def commit(self, changes: Changes) -> bool:
        if self.target is None:
            return True
        stage_id, index = self.target
        text = self.tr("Change choice {n} of {id}").format(n=index + 1, id=stage_id)
        return self.host.apply_changes(changes, lambda key, value: SetChoiceField(stage_id, index, key, value), text)

    def retranslate(self) -> None:
        super().retranslate()
        self.apply_button.setText(self.tr("Apply to the choice"))


class CaseForm(Form):
    """The case's own details: id, version, role, titles, summary, content warning, pathway, pass mark, variables, analysis budget.

    The role is chosen from the format's fixed vocabulary (``tipcase.format.roles``), named in the
    interface language; "—" leaves the key out. A role the file names that is not in the vocabulary (an
    E002 the findings list shows) is kept in the list as written, so showing the form changes nothing.
    """

    FIELDS = CASE_FIELDS

    def __init__(self, host: FormHost) -> None:
        super().__init__(host)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.layout_.addRow(self.note)
        self.layout_.addRow(self.apply_button)
        self.shown = False  # whether the form has shown the document (and so holds its values)

    def show_case(self) -> None:
        document = self.host.document
        data = document.data
        self.shown = True
        set_field_text(self["id"], str(data.get("id", "")))
        self.spin("version").setValue(int(data["version"]) if isinstance(data.get("version"), int) else 1)
        for key in ("title", "summary", "content_warning"):
            for language in ("en", "id"):
                set_field_text(self[f"{key}.{language}"], text_of(data.get(key), language))
        self.show_roles(data.get("role"))
        self.show_pathways(str(data.get("pathway") or ""))
        pass_mark = data.get("pass_mark")
        self.spin("pass_mark").setValue(int(pass_mark) if isinstance(pass_mark, int | float) else 70)
        set_field_text(self["variables"], format_effects(data.get("variables")))
        self.spin("analysis").setValue(max_states_of(data.get("analysis")) or 0)

    def show_pathways(self, current: str) -> None:
        """Fill the pathway list (each by its title in the interface language, its id beside it) and select ``current``.

        The box stays editable: a pathway id typed that no file here holds is kept as typed (the validator says so).
        """
        combo = self.combo("pathway")
        combo.clear()
        combo.addItem("", "")
        language = self.host.language()
        for pathway_id, title in pathway_titles(self.host.document.path).items():  # the folders listed once, for ids and titles
            name = title.get(language) or title.get("en")
            combo.addItem(f"{name} ({pathway_id})" if name else pathway_id, pathway_id)
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setCurrentText(current)

    def chosen_pathway(self) -> str | None:
        """The pathway id the box holds: the chosen item's id, or the text typed when it is none of the items."""
        combo = self.combo("pathway")
        typed = combo.currentText().strip()
        index = combo.findText(combo.currentText())
        if index >= 0:
            return str(combo.itemData(index) or "") or None
        return typed or None

    def show_roles(self, current: object) -> None:
        """Fill the role list in the interface language and select ``current`` (None: no role)."""
        combo = self.combo("role")
        combo.clear()
        combo.addItem("—", "")
        language = self.host.language()
        for role in ROLE_IDS:
            combo.addItem(role_name(role, language), role)
        if isinstance(current, str) and current and current not in ROLE_IDS:
            combo.addItem(current, current)
        combo.setCurrentIndex(max(0, combo.findData(current if isinstance(current, str) else "")))

    def changes(self) -> Changes:
        if not self.shown:
            return []
        data = self.host.document.data
        pass_mark = self.spin("pass_mark").value()
        wanted: dict[str, Any] = {
            "id": self.text("id").strip(),
            "version": self.spin("version").value(),
            "role": self.combo("role").currentData() or None,
        }
        for key in ("title", "summary", "content_warning"):
            wanted[key] = bilingual(data.get(key), self.text(f"{key}.en").strip(), self.text(f"{key}.id").strip())
        wanted["pathway"] = self.chosen_pathway()
        wanted["pass_mark"] = None if pass_mark == 70 and "pass_mark" not in data else pass_mark
        wanted["variables"] = self.parsed("variables", lambda text: parse_effects(text, booleans=True)) or None
        wanted["analysis"] = with_max_states(data.get("analysis"), self.spin("analysis").value() or None)
        return [(key, value) for key, value in wanted.items() if data.get(key) != value]

    def commit(self, changes: Changes) -> bool:
        return self.host.apply_changes(changes, SetCaseField, self.tr("Change the case details"))

    def retranslate(self) -> None:
        super().retranslate()
        if self.shown:  # the roles' and pathways' names follow the interface language; the choice stays
            self.show_roles(self.combo("role").currentData() or None)
            self.show_pathways(self.chosen_pathway() or "")
        self.note.setText(self.tr("The case's competencies are below. The exhibits have a form of their own: Case file."))
        self.apply_button.setText(self.tr("Apply to the case"))
