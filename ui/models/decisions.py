"""The decisions of an attempt as a list model, each marked good, poor or critical by its points."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from tipcase.play.engine import Decision

Index = QModelIndex | QPersistentModelIndex
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclasses.dataclass(frozen=True)
class DecisionRow:
    decision: Decision
    best: bool  # the same choice the best route takes at this point
    weighted: float  # the choice's weighted points

    @property
    def verdict(self) -> str:
        if self.decision.choice.critical is not None:
            return "critical"
        if self.best or self.weighted > 0:
            return "good"
        return "poor"


class DecisionListModel(QAbstractListModel):
    MARKS: ClassVar[dict[str, str]] = {"good": "✓", "poor": "✗", "critical": "‼"}

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DecisionRow] = []
        self.language = "en"

    def set_rows(self, rows: list[DecisionRow], language: str) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.language = language
        self.endResetModel()

    def row_at(self, row: int) -> DecisionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            label = row.decision.choice.label.get(self.language, ["en", "id"])
            return f"{self.MARKS[row.verdict]} {index.row() + 1}. {label}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = {"good": self.tr("good practice"), "poor": self.tr("could be better"), "critical": self.tr("critical error")}
            return f"{index.row() + 1}. {row.decision.choice.label.get(self.language, ['en', 'id'])}: {words[row.verdict]}"
        if role == VERDICT_ROLE:
            return row.verdict
        return None
