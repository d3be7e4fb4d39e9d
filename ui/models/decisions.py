"""The decisions of an attempt as a list model, each marked good, poor or critical by its points.

Each row also carries the provisions its choice's reference cites, with their register summaries
(``PROVISIONS_ROLE``; the tooltip shows them in the model's language).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from tipcase.format.provisions import CitedProvision
from tipcase.play.engine import Decision

Index = QModelIndex | QPersistentModelIndex
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 1
PROVISIONS_ROLE = Qt.ItemDataRole.UserRole + 2

FALLBACKS = ["en", "id"]


@dataclasses.dataclass(frozen=True)
class ProvisionNote:
    """One cited provision as the trainee reads it: the citation, the law's name, what it says, and any caveat."""

    citation: str
    law: str
    summary: str
    caveat: str


def provision_notes(cited: tuple[CitedProvision, ...], language: str) -> list[ProvisionNote]:
    """The provisions a decision cites, in ``language`` (falling back to English), with caveats translated."""
    translate = QCoreApplication.translate
    notes = []
    for item in cited:
        provision = item.provision
        if provision is None:
            notes.append(ProvisionNote(item.text(language), "", "", translate("Provisions", "Not in the register of provisions.")))
            continue
        caveats = []
        if provision.repealed:
            caveats.append(translate("Provisions", "No longer in force."))
        if provision.status is not None:
            caveats.append(provision.status.get(language, FALLBACKS))
        if not provision.confirmed:
            caveats.append(translate("Provisions", "Not confirmed against the law's text."))
        summary = provision.summary.get(language, FALLBACKS) if provision.summary is not None else ""
        notes.append(ProvisionNote(item.text(language), provision.law_title.get(language, FALLBACKS), summary, " ".join(caveats)))
    return notes


@dataclasses.dataclass(frozen=True)
class DecisionRow:
    decision: Decision
    best: bool  # the same choice the best route takes at this point
    weighted: float  # the choice's weighted points
    provisions: tuple[CitedProvision, ...] = ()  # what the choice's reference cites

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
        if role == PROVISIONS_ROLE:
            return provision_notes(row.provisions, self.language)
        if role == Qt.ItemDataRole.ToolTipRole and row.provisions:
            notes = provision_notes(row.provisions, self.language)
            return "\n\n".join(f"{n.citation}: {n.summary or n.caveat}" for n in notes)
        return None
