"""The decisions of an attempt as a list model, each marked with its rating (``tipcase.play.ratings``) in a sign and in words.

Each row also carries the provisions its choice's reference cites, with their register summaries
(``PROVISIONS_ROLE``; the tooltip shows them in the model's language).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from tipcase.format.provisions import CitedProvision
from tipcase.play.engine import Decision
from tipcase.play.ratings import Rating

Index = QModelIndex | QPersistentModelIndex
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 1  # the rating: good | acceptable | poor | critical
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


def rating_text(rating: Rating | str) -> str:
    """A rating in words, in the interface language ("Good practice", "Acceptable", "Poor", "Critical error")."""
    translate = QCoreApplication.translate
    return {
        Rating.GOOD: translate("Rating", "Good practice"),
        Rating.ACCEPTABLE: translate("Rating", "Acceptable"),
        Rating.POOR: translate("Rating", "Poor"),
        Rating.CRITICAL: translate("Rating", "Critical error"),
    }[Rating(rating)]


@dataclasses.dataclass(frozen=True)
class DecisionRow:
    """One decision in the debrief's list: the decision, its rating, and the provisions its reference cites."""

    decision: Decision
    rating: Rating  # against the choices offered with it (tipcase.play.ratings)
    provisions: tuple[CitedProvision, ...] = ()  # what the choice's reference cites


class DecisionListModel(QAbstractListModel):
    """The debrief's decisions, each shown as its rating's mark and the choice's label, with the law it cites in the tooltip."""

    MARKS: ClassVar[dict[Rating, str]] = {Rating.GOOD: "✓", Rating.ACCEPTABLE: "~", Rating.POOR: "✗", Rating.CRITICAL: "‼"}

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
        label = row.decision.choice.label.get(self.language, FALLBACKS)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.MARKS[row.rating]} {index.row() + 1}. {label}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{index.row() + 1}. {label}: {rating_text(row.rating)}"
        if role == VERDICT_ROLE:
            return str(row.rating)
        if role == PROVISIONS_ROLE:
            return provision_notes(row.provisions, self.language)
        if role == Qt.ItemDataRole.ToolTipRole and row.provisions:
            notes = provision_notes(row.provisions, self.language)
            return "\n\n".join(f"{n.citation}: {n.summary or n.caveat}" for n in notes)
        return None
