"""The editor's findings: what the validator found in the case as it stands, as a Qt list model.

Each row is one finding, placed in the form's words (``Stage intake, choice 2 › Feedback (English): no
feedback``) from the location the validator gives as data (``tipcase.format.findings.Location``); its
tooltip is the validator's own line. A click takes the editor to the place (``LOCATION_ROLE``). With no
findings, one row says the case is ready to publish.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tipcase.format.findings import Finding, Location

from ui.editor.fields import CASE_FIELDS, CHOICE_FIELDS, EXHIBIT_FIELDS, STAGE_FIELDS, label_of
from ui.theme import colours

Index = QModelIndex | QPersistentModelIndex
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1  # the finding's Location, or None


class FindingsModel(QAbstractListModel):
    """The findings of the last check, errors first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.checking = True  # no check of this document has come back yet
        self.stale = False  # the document changed since the findings were checked (they are shown greyed)

    def set_stale(self, stale: bool, *, checking: bool = False) -> None:
        """The findings no longer describe the case (it changed, or another was opened): grey until the next check."""
        if (stale, checking) != (self.stale, self.checking):
            self.stale, self.checking = stale, checking
            self.retranslate()

    def set_findings(self, findings: list[Finding]) -> None:
        """Show new findings, changing only the rows that differ (a view keeps its place and selection)."""
        new = list(findings)
        old = self.findings
        self.set_stale(False)
        if not old or not new:
            self.beginResetModel()
            self.findings = new
            self.endResetModel()
            return
        start = 0
        while start < min(len(old), len(new)) and _same(old[start], new[start]):
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and _same(old[end_old - 1], new[end_new - 1]):
            end_old, end_new = end_old - 1, end_new - 1
        if end_old > start:
            self.beginRemoveRows(QModelIndex(), start, end_old - 1)
            self.findings = old[:start] + old[end_old:]
            self.endRemoveRows()
        if end_new > start:
            self.beginInsertRows(QModelIndex(), start, end_new - 1)
            self.findings = new
            self.endInsertRows()
        self.findings = new

    def retranslate(self) -> None:
        """Every row again in the interface language (a view repaints them)."""
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

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
        if role == Qt.ItemDataRole.ForegroundRole and self.stale:
            return colours().muted
        if not self.findings:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return self.tr("Checking the case…") if self.checking else self.tr("No findings: the case is ready to publish.")
        finding = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            place = self.place(finding.location)
            return f"{finding.code} {place}: {finding.detail or finding.message}" if place else f"{finding.code} {finding.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(finding)
        if role == LOCATION_ROLE:
            return finding.location
        return None

    def place(self, location: Location | None) -> str:
        """Where a finding is, in the form's words: the stage, choice, exhibit or case details, and the field's label."""
        if location is None:
            return ""
        if location.stage is not None and location.choice is not None:
            where = self.tr("Stage {id}, choice {n}").format(id=location.stage, n=location.choice + 1)
            fields = CHOICE_FIELDS
        elif location.stage is not None:
            where, fields = self.tr("Stage {id}").format(id=location.stage), STAGE_FIELDS
        elif location.exhibit is not None:
            where, fields = self.tr("Case file › {id}").format(id=location.exhibit), EXHIBIT_FIELDS
        elif location.field is not None:
            where, fields = self.tr("Case details"), CASE_FIELDS
        else:
            return ""
        if location.field is None:
            return where
        return f"{where} › {label_of(fields, location.field, location.language) or location.field}"


def _same(first: Finding, second: Finding) -> bool:
    return first == second and first.location == second.location
