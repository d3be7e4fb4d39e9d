"""A map's text equivalent as a list model: the trail or route step by step, under headings, in reading order.

Each step row names the map node it stands for (``NODE_ROLE``), so the list and the map follow each
other; headings ("Your route", "The best route") are rows that cannot be selected.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

Index = QModelIndex | QPersistentModelIndex
NODE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclasses.dataclass(frozen=True)
class StepRow:
    """One line of the list: its text, and the map node it stands for (None for a heading)."""

    text: str
    node: str | None = None

    @property
    def heading(self) -> bool:
        return self.node is None


class MapStepsModel(QAbstractListModel):
    """The rows of a map's text equivalent (``set_rows``)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[StepRow] = []

    def set_rows(self, rows: list[StepRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> StepRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows_of(self, node: str) -> list[int]:
        """The rows that stand for ``node`` (a node the route passed twice has two)."""
        return [number for number, item in enumerate(self._rows) if item.node == node]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return item.text
        if role == NODE_ROLE:
            return item.node
        if role == Qt.ItemDataRole.FontRole and item.heading:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].heading:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
