"""The certificate register as a table model: serial, code, name, staff ID, course, dates, status.

The course is shown by its title in the interface language (``text``: ``ApplicationContext.text``),
as the rest of the app shows it; the code stays in the tooltip and the export.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tipcase.services.registrar_desktop import RegisterEntry

from ui.numbers import date_text

Index = QModelIndex | QPersistentModelIndex


SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what a column sorts by: the ISO date, not the words shown


class RegisterTableModel(QAbstractTableModel):
    """The certificate register as a table, one certificate per row (``COLUMNS``)."""

    COLUMNS = ("serial", "code", "name", "staff_id", "course", "issued", "expires", "status")

    def __init__(self, text: Callable[[Any], str] | None = None) -> None:
        super().__init__()
        self._rows: list[RegisterEntry] = []
        self._text = text or (lambda value: str(value.get("en", "")) if isinstance(value, dict) else str(value))

    def set_rows(self, rows: list[RegisterEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        """The language changed: headers, statuses and course titles are asked again (and columns re-measured)."""
        self.layoutAboutToBeChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        self.layoutChanged.emit()

    def status_sentence(self, entry: RegisterEntry) -> str:
        """The certificate's standing in words: valid (until when), expired (when), or revoked (when and why)."""
        if entry.status == "revoked":
            reason = entry.detail.partition(": ")[2]
            return self.tr("Revoked on {date}: {reason}").format(date=date_text(revoked_on(entry)), reason=reason)
        if entry.status == "expired":
            return self.tr("Expired on {date}").format(date=date_text(entry.expires))
        if entry.expires:
            return self.tr("Valid until {date}").format(date=date_text(entry.expires))
        return self.tr("Valid, with no expiry")

    def rows(self) -> list[RegisterEntry]:
        return list(self._rows)

    def entry(self, row: int) -> RegisterEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self.COLUMNS):
            return None
        labels = (
            self.tr("Serial"),
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Staff ID"),
            self.tr("Course"),
            self.tr("Issued"),
            self.tr("Valid until"),
            self.tr("Status"),
        )
        return labels[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = self.COLUMNS[index.column()]
        if column == "course" and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            title = self._text(entry.course_title) if entry.course_title else ""
            return (
                (title or entry.course) if role == Qt.ItemDataRole.DisplayRole else f"{title} ({entry.course})"
            )  # a cut title is whole here
        if column == "status" and role == Qt.ItemDataRole.DisplayRole:  # short, so the column fits; the reason is in the tooltip
            words = {"valid": self.tr("Valid"), "expired": self.tr("Expired"), "revoked": self.tr("Revoked")}
            day = revoked_on(entry)
            return words[entry.status] + (f" {date_text(day)}" if day else "")
        if column == "status" and role == Qt.ItemDataRole.ToolTipRole:
            return self.status_sentence(entry)
        if column == "expires" and not entry.expires and role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self.tr("No expiry") if role == Qt.ItemDataRole.DisplayRole else "9999"  # a word, not an empty cell; last by date
        if column in ("issued", "expires") and role == SORT_ROLE:
            return getattr(entry, column)  # ISO dates sort by date
        if column in ("issued", "expires") and role == Qt.ItemDataRole.DisplayRole:
            return date_text(getattr(entry, column))
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return getattr(entry, column)
        if role == Qt.ItemDataRole.UserRole:
            return entry.serial
        return None


def revoked_on(entry: RegisterEntry) -> str:
    """The ISO day a revoked certificate was revoked ("" otherwise): the start of ``entry.detail`` ("2026-11-30: reason")."""
    return entry.detail.partition(": ")[0] if entry.status == "revoked" else ""
