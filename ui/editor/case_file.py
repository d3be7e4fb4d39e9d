"""The editor's case file form: the exhibits as a list, and the fields of the one selected.

An exhibit is added, changed, renamed or deleted as one undoable ``SetExhibit``; a rename or a delete
follows into every stage's ``reveal`` (the core does that). A picture or recording chosen for an
exhibit is copied into ``media/`` beside the case (``tipcase.format.media``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QListView, QMessageBox, QPushButton, QVBoxLayout, QWidget

from tipcase.format.edits import SetExhibit
from tipcase.format.form_text import bilingual, text_of
from tipcase.format.media import MEDIA_TYPES, MediaError, adopt

from ui import file_dialogs
from ui.editor.fields import EXHIBIT_FIELDS
from ui.editor.forms import Changes, Form, FormHost, set_field_text
from ui.errors import user_message

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ExhibitsModel(QAbstractListModel):
    """The case file's exhibits, one row each: ``id (kind): title`` in the interface language."""

    def __init__(self, language: Callable[[], str]) -> None:
        super().__init__()
        self._language = language
        self._exhibits: list[tuple[str, dict[str, Any]]] = []

    def set_exhibits(self, exhibits: dict[str, Any]) -> None:
        self.beginResetModel()
        self._exhibits = [(key, value if isinstance(value, dict) else {}) for key, value in exhibits.items()]
        self.endResetModel()

    def exhibit_id(self, row: int) -> str | None:
        return self._exhibits[row][0] if 0 <= row < len(self._exhibits) else None

    def row_of(self, exhibit_id: str | None) -> int:
        return next((row for row, (key, _) in enumerate(self._exhibits) if key == exhibit_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else len(self._exhibits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._exhibits):
            return None
        exhibit_id, exhibit = self._exhibits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = text_of(exhibit.get("title"), self._language()) or text_of(exhibit.get("title"), "en")
            return f"{exhibit_id} ({exhibit.get('kind', '?')}): {title}"
        if role == ID_ROLE:
            return exhibit_id
        return None


class ExhibitForm(Form):
    """The fields of one exhibit: id, kind, title and content in both languages, and an optional file."""

    FIELDS = EXHIBIT_FIELDS

    def __init__(self, host: FormHost) -> None:
        super().__init__(host)
        self.exhibit_id: str | None = None

    def beside(self) -> dict[str, QWidget]:
        self.choose = QPushButton()
        return {"file": self.choose}

    def _exhibit(self) -> dict[str, Any] | None:
        exhibits = self.host.document.data.get("exhibits") or {}
        return exhibits.get(self.exhibit_id) if self.exhibit_id is not None else None

    def show_exhibit(self, exhibit_id: str | None) -> None:
        self.exhibit_id = exhibit_id
        exhibit = self._exhibit()
        self.setEnabled(exhibit is not None)
        exhibit = exhibit or {}
        set_field_text(self["id"], exhibit_id or "")
        kind = self.combo("kind")
        kind.setCurrentIndex(max(0, kind.findData(exhibit.get("kind", "document"))))
        for key in ("title", "text"):
            for language in ("en", "id"):
                set_field_text(self[f"{key}.{language}"], text_of(exhibit.get(key), language))
        set_field_text(self["file"], str(exhibit.get("file") or ""))

    def changes(self) -> Changes:
        exhibit = self._exhibit()
        if exhibit is None:
            return []
        kept = {key: item for key, item in exhibit.items() if key not in ("kind", "title", "text", "file")}
        wanted = {
            "kind": self.combo("kind").currentData(),
            "title": bilingual(exhibit.get("title"), self.text("title.en").strip(), self.text("title.id").strip()) or "",
            "text": bilingual(exhibit.get("text"), self.text("text.en"), self.text("text.id")),
            "file": self.text("file").strip() or None,
        }
        value = {**{key: item for key, item in wanted.items() if item is not None}, **kept}
        new_id = self.text("id").strip()
        return [] if value == exhibit and new_id == self.exhibit_id else [("exhibit", (new_id, value))]

    def commit(self, changes: Changes) -> bool:
        new_id, value = changes[0][1]
        text = self.tr("Change exhibit {id}").format(id=new_id)
        return self.host.push(SetExhibit(self.exhibit_id, new_id, value), text, from_form=True)

    def retranslate(self) -> None:
        super().retranslate()
        self.choose.setText(self.tr("Choose…"))
        self.choose.setToolTip(self.tr("Choose a picture or recording…"))
        self.choose.setAccessibleName(self.tr("Choose a picture or recording…"))
        self.apply_button.setText(self.tr("Apply to the exhibit"))


class CaseFileForm(QWidget):
    """Form 4 of the editor: the case file's exhibits, a list and the fields of the one selected."""

    def __init__(self, host: FormHost, language: Callable[[], str]) -> None:
        super().__init__()
        self.host = host
        self.model = ExhibitsModel(language)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setMaximumHeight(110)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.add_button, self.delete_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_exhibit)
        self.delete_button.clicked.connect(self.delete_exhibit)
        self.form = ExhibitForm(host)
        self.form.choose.clicked.connect(self.choose_file)
        self.form.apply_button.clicked.disconnect()
        self.form.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.form.apply_button)

    def show_case_file(self, selected: str | None = None) -> None:
        """Every exhibit, and the fields of ``selected`` (or of the first)."""
        exhibits = self.host.document.data.get("exhibits") or {}
        self.model.set_exhibits(exhibits)
        row = self.model.row_of(selected)
        self.list.setCurrentIndex(self.model.index(row if row >= 0 else 0, 0))
        self._show_selected()

    def selected_exhibit(self) -> str | None:
        return self.model.exhibit_id(self.list.currentIndex().row())

    def _show_selected(self) -> None:
        exhibit_id = self.selected_exhibit()
        self.form.show_exhibit(exhibit_id)
        self.form.apply_button.setEnabled(exhibit_id is not None)
        self.delete_button.setEnabled(exhibit_id is not None)

    def add_exhibit(self) -> None:
        taken = set(self.host.document.data.get("exhibits") or {})
        exhibit_id, number = "exhibit", 2
        while exhibit_id in taken:
            exhibit_id, number = f"exhibit-{number}", number + 1
        value = {"kind": "document", "title": {"en": "", "id": ""}, "text": {"en": "", "id": ""}}
        if self.host.push(SetExhibit(None, exhibit_id, value), self.tr("Add exhibit {id}").format(id=exhibit_id)):
            self.show_case_file(exhibit_id)

    def delete_exhibit(self, *, confirm: bool = True) -> None:
        exhibit_id = self.selected_exhibit()
        if exhibit_id is None:
            return
        question = self.tr("Delete exhibit {id}? Stages stop revealing it.").format(id=exhibit_id)
        if confirm and QMessageBox.question(self, self.tr("Delete"), question) != QMessageBox.StandardButton.Yes:
            return
        if self.host.push(SetExhibit(exhibit_id, None, None), self.tr("Delete exhibit {id}").format(id=exhibit_id)):
            self.show_case_file()

    def apply(self) -> bool:
        new_id = self.form.text("id").strip()
        if not self.form.apply():
            return False
        self.show_case_file(new_id if new_id in (self.host.document.data.get("exhibits") or {}) else self.form.exhibit_id)
        return True

    def choose_file(self) -> None:
        """Pick an image or sound file; it is copied into ``media/`` beside the case (saved first if need be)."""
        document = self.host.document
        if document.path is None and not self.host.save():
            return
        chosen = file_dialogs.open_file(
            self,
            "exhibit",
            self.tr("Choose a picture or recording"),
            self.tr("Pictures and recordings ({patterns})").format(patterns=" ".join(f"*{suffix}" for suffix in MEDIA_TYPES)),
        )
        if chosen is not None:
            self.use_file(chosen)

    def use_file(self, chosen: Path) -> None:
        path = self.host.document.path
        assert path is not None
        try:
            set_field_text(self.form["file"], adopt(path, chosen))
        except (MediaError, OSError) as exc:
            self.host.warn(user_message(exc))

    def retranslate(self) -> None:
        self.form.retranslate()
        self.add_button.setText(self.tr("Add an exhibit"))
        self.delete_button.setText(self.tr("Delete the exhibit"))
        self.list.setAccessibleName(self.tr("Exhibits in the case file"))
