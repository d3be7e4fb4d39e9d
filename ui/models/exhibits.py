"""The case file as a list model: the exhibits revealed so far, newest last."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from tipcase.format.model import Exhibit

Index = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class ExhibitListModel(QAbstractListModel):
    """The case file so far: the exhibits revealed, in the order they came in, titled in the model's language."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self._exhibits: list[Exhibit] = []
        self.language = language

    def set_exhibits(self, exhibits: list[Exhibit]) -> None:
        if [e.id for e in exhibits[: len(self._exhibits)]] == [e.id for e in self._exhibits] and len(exhibits) > len(self._exhibits):
            self.beginInsertRows(QModelIndex(), len(self._exhibits), len(exhibits) - 1)
            self._exhibits = list(exhibits)
            self.endInsertRows()
            return
        self.beginResetModel()
        self._exhibits = list(exhibits)
        self.endResetModel()

    def exhibit_at(self, row: int) -> Exhibit | None:
        return self._exhibits[row] if 0 <= row < len(self._exhibits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._exhibits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        exhibit = self.exhibit_at(index.row()) if index.isValid() else None
        if exhibit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return exhibit.title.get(self.language, ["en", "id"])
        if role == KIND_ROLE:
            return exhibit.kind
        return None
