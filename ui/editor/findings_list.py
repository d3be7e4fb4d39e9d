"""The editor's findings: what the validator found in the case as it stands, as a Qt list model.

Each row is one finding; a click on it takes the editor to the stage or choice at fault
(``LOCATION_ROLE``). With no findings, one row says the case is ready to publish.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tipcase.format.findings import Finding

Index = QModelIndex | QPersistentModelIndex
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1  # (stage id, choice index or None), or None
# "stage 'x', choice 2: ..." and "stages.x.choices[2].label: ..." (choices counted from 1 in both)
_STAGE_IN_MESSAGE = re.compile(r"stages?[ .]'?([a-z0-9_][a-z0-9_-]*)'?(?:, choice (\d+)|\.choices\[(\d+)\])?")


class FindingsModel(QAbstractListModel):
    """The findings of the last check, errors first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else max(1, len(self.findings))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.findings:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if not self.findings:
            return self.tr("No findings: the case is ready to publish.") if role == Qt.ItemDataRole.DisplayRole else None
        finding = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{finding.code} {finding.message}"
        if role == LOCATION_ROLE:
            match = _STAGE_IN_MESSAGE.search(finding.message)
            if match is None:
                return None
            number = match.group(2) or match.group(3)
            return (match.group(1), int(number) - 1 if number else None)
        return None
