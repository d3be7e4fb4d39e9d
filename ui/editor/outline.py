"""The editor's outline: the stages in file order, each with its choices, as a Qt tree model with a search filter.

``OutlineModel`` reads the document; its stage rows carry ``internalId`` 0 and its choice rows the key of
their stage (a number that stays with the stage through renames and moves), so an index survives
rows inserted above it. ``OutlineFilter`` keeps the stages whose id, marks, title or choices hold the
searched text (case does not matter), with all their choices.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from tipcase.format.document import Change, ScenarioDocument
from tipcase.format.form_text import text_of

from ui.editor.fields import value_text

Index = QModelIndex | QPersistentModelIndex
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1  # (stage id, choice index or None)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # the lower-case text the search box looks in
# Every row's flags, made once: the tree view asks for each row's flags and children when it lays its rows out
# again (after a stage is added or deleted), 5,000 times for a 5,000-stage case, so these calls are kept lean.
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
NO_FLAGS = Qt.ItemFlag.NoItemFlags


class OutlineModel(QAbstractItemModel):
    """Stages (top level) and their choices (children) of a ``ScenarioDocument``."""

    def __init__(self, document: ScenarioDocument, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._serial = itertools.count(1)
        self.document = document
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._key_of: dict[str, int] = {}
        self._stage_of: dict[int, str] = {}
        self._counts: dict[str, int] = {}
        self._mirror()

    # -- following the document ------------------------------------------------------------------
    def set_document(self, document: ScenarioDocument) -> None:
        self.beginResetModel()
        self.document = document
        self._mirror()
        self.endResetModel()

    def apply(self, changes: list[Change]) -> None:
        """Follow an edit's change notices: insert, remove and change only the rows they name.

        The notices are replayed on the model's own list of stage ids, so every row operation is told to
        the views in the order it happened; should the list then differ from the document's (it never
        should), the model resets.
        """
        stages = self.document.stages
        for change in changes:
            if change.kind == "stage-added" and change.stage is not None and change.index is not None:
                row = min(change.index, len(self._ids))
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, change.stage)
                self._key_of[change.stage] = key = next(self._serial)
                self._stage_of[key] = change.stage
                self._counts[change.stage] = len((stages.get(change.stage) or {}).get("choices") or [])
                self._renumber(row)
                self.endInsertRows()
            elif change.kind == "stage-removed" and change.stage in self._row_of:
                row = self._row_of[change.stage]
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self._stage_of.pop(self._key_of.pop(change.stage), None)
                self._counts.pop(change.stage, None)
                self._row_of.pop(change.stage, None)
                self._renumber(row)
                self.endRemoveRows()
            elif change.kind == "stage-renamed" and change.stage in self._row_of and change.new_id is not None:
                row = self._row_of.pop(change.stage)
                self._ids[row] = change.new_id
                self._row_of[change.new_id] = row
                self._key_of[change.new_id] = key = self._key_of.pop(change.stage)
                self._stage_of[key] = change.new_id
                self._counts[change.new_id] = self._counts.pop(change.stage)
                self._stage_changed(change.new_id)
            elif change.kind == "stage-changed" and change.key != "layout" and change.stage in self._row_of:  # no row shows a place
                if change.key == "choices":
                    self._sync_choices(change.stage)
                self._stage_changed(change.stage)
        if self._ids != list(stages):  # pragma: no cover - a notice the model did not follow
            self.refresh()

    def refresh(self) -> None:
        """Show the document as it now stands, rebuilding every row."""
        self.set_document(self.document)

    def _renumber(self, first: int) -> None:
        for row in range(first, len(self._ids)):
            self._row_of[self._ids[row]] = row

    def _stage_changed(self, stage_id: str) -> None:
        index = self.index(self._row_of[stage_id], 0)
        self.dataChanged.emit(index, index)

    def _sync_choices(self, stage_id: str) -> None:
        """A stage's choices changed: as many child rows as it has choices, each shown afresh."""
        parent = self.index(self._row_of[stage_id], 0)
        before = self._counts[stage_id]
        after = len((self.document.stages.get(stage_id) or {}).get("choices") or [])
        if after > before:
            self.beginInsertRows(parent, before, after - 1)
            self._counts[stage_id] = after
            self.endInsertRows()
        elif after < before:
            self.beginRemoveRows(parent, after, before - 1)
            self._counts[stage_id] = after
            self.endRemoveRows()
        if min(before, after):
            self.dataChanged.emit(self.index(0, 0, parent), self.index(min(before, after) - 1, 0, parent))

    def retranslate(self) -> None:
        """Every row again in the interface language (choice labels are shown in it)."""
        if not self._ids:
            return
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))
        for row, stage_id in enumerate(self._ids):
            if self._counts[stage_id]:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(self._counts[stage_id] - 1, 0, parent))

    def _mirror(self) -> None:
        stages = self.document.stages
        self._ids = list(stages)
        self._row_of = {stage_id: row for row, stage_id in enumerate(self._ids)}
        self._key_of = {stage_id: self._key_of.get(stage_id) or next(self._serial) for stage_id in self._ids}
        self._stage_of = {key: stage_id for stage_id, key in self._key_of.items()}
        self._counts = {stage_id: len(stages[stage_id].get("choices") or []) for stage_id in self._ids}

    # -- lookups ---------------------------------------------------------------------------------
    def index_of(self, stage_id: str, choice: int | None = None) -> QModelIndex:
        """The index of a stage (or of one of its choices); invalid when there is none."""
        row = self._row_of.get(stage_id)
        if row is None:
            return QModelIndex()
        stage_index = self.index(row, 0)
        if choice is None:
            return stage_index
        return self.index(choice, 0, stage_index) if 0 <= choice < self._counts[stage_id] else QModelIndex()

    def location(self, index: Index) -> tuple[str, int | None] | None:
        """The (stage id, choice index or None) an index shows."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return (self._ids[index.row()], None) if index.row() < len(self._ids) else None
        stage_id = self._stage_of.get(index.internalId())
        return (stage_id, index.row()) if stage_id is not None else None

    # -- the model -------------------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's default
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._ids) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._ids):
            return QModelIndex()
        stage_id = self._ids[parent.row()]
        return self.createIndex(row, 0, self._key_of[stage_id]) if row < self._counts[stage_id] else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's default
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        stage_id = self._stage_of.get(index.internalId())
        row = self._row_of.get(stage_id) if stage_id is not None else None
        return self.createIndex(row, 0, 0) if row is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        if not parent.isValid():
            return len(self._ids)
        if parent.internalId() == 0 and parent.row() < len(self._ids):
            return self._counts[self._ids[parent.row()]]
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else NO_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        where = self.location(index)
        if where is None:
            return None
        stage_id, choice = where
        if role == LOCATION_ROLE:
            return where
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # a label cut by the narrow outline is whole on hover
            return self._stage_text(stage_id) if choice is None else self._choice_text(stage_id, choice)
        if role == SEARCH_ROLE and choice is None:
            stage = self.document.stages.get(stage_id, {})
            texts = [self._stage_text(stage_id), text_of(stage.get("title"), self._language())]
            texts += [self._choice_text(stage_id, number) for number in range(self._counts.get(stage_id, 0))]
            return "\n".join(texts).lower()
        return None

    def _stage_text(self, stage_id: str) -> str:
        stage = self.document.stages.get(stage_id, {})
        start = " ▶" if stage_id == self.document.data.get("start") else ""
        end = f" [{value_text(str(stage['end']))}]" if stage.get("end") else ""
        return f"{stage_id}{start}{end}"

    def _choice_text(self, stage_id: str, index: int) -> str:
        choices = self.document.stages.get(stage_id, {}).get("choices") or []
        if index >= len(choices):
            return ""
        choice = choices[index]
        label = text_of(choice.get("label"), self._language()) or text_of(choice.get("label"), "en")
        critical = " ⚠" if choice.get("critical") else ""
        return f"→ {choice.get('to', '?')}: {label}{critical}"


class OutlineFilter(QSortFilterProxyModel):
    """Only the stages whose id, marks, title or choices hold the searched text (case does not matter)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._wanted = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt's name
        if not self._wanted or source_parent.isValid():
            return True  # a shown stage shows all its choices
        source = self.sourceModel()
        return self._wanted in str(source.data(source.index(source_row, 0), SEARCH_ROLE) or "")
