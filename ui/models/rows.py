"""A read-only table of plain rows with translated headers; rows can be flagged (drawn in the warning colour).

Used for the trainer's tables (roster preview, hardest stages, choices, errors), where each row is
already a list of display values computed by the core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.numbers import number_text
from ui.theme import colours

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A read-only table of rows given as lists, some flagged (shown as faults), with headers in the interface language."""

    def __init__(self, headers: Callable[[], Sequence[str]]) -> None:
        """``headers`` is called for each paint, so a language change shows at once."""
        super().__init__()
        self._headers = headers
        self._rows: list[Sequence[Any]] = []
        self._flagged: list[bool] = []

    def set_rows(self, rows: Sequence[Sequence[Any]], flagged: Sequence[bool] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._flagged = list(flagged) if flagged is not None else [False] * len(self._rows)
        self.endResetModel()

    def row(self, index: int) -> Sequence[Any] | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        headers = self._headers()
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(headers):
            return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):  # a share or mean, one decimal, the interface language's way (33,3 in Bahasa Indonesia)
                return number_text(value, 1)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and self._flagged[index.row()]:
            return colours().bad
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
