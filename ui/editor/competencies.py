"""The competencies of the case, edited under Case details: a list, and the fields of the one selected.

Adding one, changing its titles in both languages or its weight, renaming its id (followed into every
choice's scores) and removing it are each one undoable ``SetCompetency``
(``tipcase.format.competency_edits``). A case on the bundled framework lists the framework's
competencies (the heading says so); its first change makes them the case's own. Removing one that a
choice still scores is refused with the choices named, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QListView, QMessageBox, QPushButton, QVBoxLayout, QWidget

from tipcase.format.competency_edits import NEW_COMPETENCY, SetCompetency, declared_competencies
from tipcase.format.form_text import bilingual, text_of

from ui.editor.fields import COMPETENCY_FIELDS
from ui.editor.forms import Changes, Form, FormHost, set_field_text
from ui.numbers import number_text

Index = QModelIndex | QPersistentModelIndex


class CompetenciesModel(QAbstractListModel):
    """The case's competencies, one row each: ``title (id), weight`` in the interface language."""

    def __init__(self, language: Callable[[], str]) -> None:
        super().__init__()
        self._language = language
        self._rows: list[tuple[str, dict[str, Any]]] = []

    def set_competencies(self, competencies: dict[str, Any]) -> None:
        self.beginResetModel()
        self._rows = [(key, value if isinstance(value, dict) else {}) for key, value in competencies.items()]
        self.endResetModel()

    def ids(self) -> list[str]:
        """The ids listed, in the file's order."""
        return [key for key, _ in self._rows]

    def competency_id(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, competency_id: str | None) -> int:
        return next((row for row, (key, _) in enumerate(self._rows) if key == competency_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, competency = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = text_of(competency.get("title"), self._language()) or text_of(competency.get("title"), "en")
            weight = competency.get("weight", 1)
            return self.tr("{title} ({id}), weight {weight}").format(
                title=title, id=key, weight=number_text(float(weight)) if isinstance(weight, int | float) else weight
            )
        return None


class CompetencyForm(Form):
    """The fields of one competency: its id, its title in both languages and its weight in the total."""

    FIELDS = COMPETENCY_FIELDS

    def __init__(self, host: FormHost) -> None:
        super().__init__(host)
        self.competency_id: str | None = None

    def _competency(self) -> dict[str, Any] | None:
        if self.competency_id is None:
            return None
        found = declared_competencies(self.host.document).get(self.competency_id)
        return found if isinstance(found, dict) else None

    def _weight(self) -> QDoubleSpinBox:
        widget = self["weight"]
        assert isinstance(widget, QDoubleSpinBox)
        return widget

    def show_competency(self, competency_id: str | None) -> None:
        self.competency_id = competency_id
        competency = self._competency()
        self.setEnabled(competency is not None)
        competency = competency or {}
        set_field_text(self["id"], competency_id or "")
        for language in ("en", "id"):
            set_field_text(self[f"title.{language}"], text_of(competency.get("title"), language))
        weight = competency.get("weight", 1)
        self._weight().setValue(float(weight) if isinstance(weight, int | float) else 1.0)

    def changes(self) -> Changes:
        competency = self._competency()
        if competency is None:
            return []
        weight = self._weight().value()
        value = dict(competency)
        value["title"] = bilingual(competency.get("title"), self.text("title.en").strip(), self.text("title.id").strip()) or ""
        if weight != competency.get("weight", 1):
            value["weight"] = int(weight) if weight.is_integer() else weight
        new_id = self.text("id").strip()
        return [] if value == competency and new_id == self.competency_id else [("competency", (new_id, value))]

    def commit(self, changes: Changes) -> bool:
        new_id, value = changes[0][1]
        text = self.tr("Change competency {id}").format(id=new_id)
        return self.host.push(SetCompetency(self.competency_id, new_id, value), text, from_form=True)

    def retranslate(self) -> None:
        super().retranslate()
        self.apply_button.setText(self.tr("Apply to the competency"))


class CompetenciesForm(QWidget):
    """Under Case details: the competencies the case assesses, a list with Add and Remove, and the selected one's fields."""

    def __init__(self, host: FormHost, language: Callable[[], str]) -> None:
        super().__init__()
        self.host = host
        self.title = QLabel()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.model = CompetenciesModel(language)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setMaximumHeight(130)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_competency)
        self.remove_button.clicked.connect(lambda: self.remove_competency())  # noqa: PLW0108 - never pass `checked` on
        self.form = CompetencyForm(host)
        self.form.apply_button.clicked.disconnect()
        self.form.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.form)
        layout.addWidget(self.form.apply_button)
        self.own = False  # whether the case declares its own competencies (else the framework's are listed)

    def show_competencies(self, selected: str | None = None) -> None:
        """Every competency of the case, and the fields of ``selected`` (or of the first)."""
        self.own = isinstance(self.host.document.data.get("competencies"), dict)
        self.model.set_competencies(declared_competencies(self.host.document))
        row = self.model.row_of(selected)
        self.list.setCurrentIndex(self.model.index(row if row >= 0 else 0, 0))
        self._show_selected()
        self._say_whose()

    def selected_competency(self) -> str | None:
        return self.model.competency_id(self.list.currentIndex().row())

    def _show_selected(self) -> None:
        competency_id = self.selected_competency()
        self.form.show_competency(competency_id)
        self.form.apply_button.setEnabled(competency_id is not None)
        self.remove_button.setEnabled(competency_id is not None)

    def add_competency(self) -> None:
        taken = set(declared_competencies(self.host.document))
        competency_id, number = "competency", 2
        while competency_id in taken:
            competency_id, number = f"competency-{number}", number + 1
        if self.host.push(SetCompetency(None, competency_id, NEW_COMPETENCY), self.tr("Add competency {id}").format(id=competency_id)):
            self.show_competencies(competency_id)
            self.form["title.en"].setFocus()

    def remove_competency(self, *, confirm: bool = True) -> None:
        competency_id = self.selected_competency()
        if competency_id is None:
            return
        question = self.tr("Remove competency {id}? The case no longer assesses it.").format(id=competency_id)
        if confirm and QMessageBox.question(self, self.tr("Remove"), question) != QMessageBox.StandardButton.Yes:
            return
        if self.host.push(SetCompetency(competency_id, None, None), self.tr("Remove competency {id}").format(id=competency_id)):
            self.show_competencies()

    def apply(self) -> bool:
        new_id = self.form.text("id").strip()
        if not self.form.apply():
            return False
        competencies = declared_competencies(self.host.document)
        self.show_competencies(new_id if new_id in competencies else self.form.competency_id)
        return True

    def _say_whose(self) -> None:
        if self.own:
            words = self.tr("What this case assesses. The choices' scores name each by its id.")
        else:
            words = self.tr(
                "This case is assessed on the bundled competency framework. A change here makes the framework's "
                "competencies the case's own, written into its file."
            )
        self.heading.setText(words)

    def retranslate(self) -> None:
        self.form.retranslate()
        self.title.setText("<h3>" + self.tr("Competencies") + "</h3>")
        self._say_whose()
        self.add_button.setText(self.tr("Add a competency"))
        self.remove_button.setText(self.tr("Remove the competency"))
        self.list.setAccessibleName(self.tr("Competencies of the case"))
        self.model.layoutChanged.emit()  # the titles in the interface language
