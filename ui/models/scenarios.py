"""A table model of scenario files: id, title, version, stages and what the validator says of each."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tipcase.validator import check_file

Index = QModelIndex | QPersistentModelIndex


@dataclasses.dataclass(frozen=True)
class ScenarioRow:
    path: Path
    scenario_id: str
    title: dict[str, str]
    version: int
    stages: int
    errors: int
    warnings: int

    def title_in(self, language: str) -> str:
        return self.title.get(language) or next(iter(self.title.values()), self.scenario_id)


def read_rows(paths: list[Path]) -> list[ScenarioRow]:
    """Check each file with the core validator and keep what the table shows."""
    rows = []
    for path in paths:
        checked = check_file(path)
        scenario = checked.scenario
        errors = sum(f.is_error for f in checked.findings)
        rows.append(
            ScenarioRow(
                path=path,
                scenario_id=scenario.id if scenario else path.stem,
                title=dict(scenario.title.values) if scenario else {"en": path.name},
                version=scenario.version if scenario else 0,
                stages=len(scenario.stages) if scenario else 0,
                errors=errors,
                warnings=len(checked.findings) - errors,
            )
        )
    return rows


class ScenarioTableModel(QAbstractTableModel):
    """Rows of scenarios; the title column follows the interface language."""

    COLUMNS = ("title", "id", "version", "stages", "status")

    def __init__(self, rows: list[ScenarioRow] | None = None, language: str = "en") -> None:
        super().__init__()
        self._rows = list(rows or [])
        self._language = language

    def set_rows(self, rows: list[ScenarioRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def row_at(self, row: int) -> ScenarioRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        labels = {
            "title": self.tr("Case"),
            "id": self.tr("Id"),
            "version": self.tr("Version"),
            "stages": self.tr("Stages"),
            "status": self.tr("Status"),
        }
        return labels[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return row.title_in(self._language)
            if column == "id":
                return row.scenario_id
            if column == "version":
                return row.version
            if column == "stages":
                return row.stages
            if row.errors:
                return self.tr("%n error(s)", "", row.errors)
            return self.tr("Ready") if not row.warnings else self.tr("Ready, %n warning(s)", "", row.warnings)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(row.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("version", "stages"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
