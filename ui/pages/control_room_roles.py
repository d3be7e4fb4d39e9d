"""The control room's roles table: every role across the page, one row each, and which one the trainer chose.

The columns: the role, who plays it (each name after its presence mark: ``ui.pages.control_room_trainees``),
where it stands (what it waits for in italics), its case clock, decisions and inbox. Every cell is whole:
the columns as wide as their contents, the trainees a fixed width and where a role stands the rest, both
wrapped; the rows keep one height whatever is assigned and the table is as tall as its rows, so nothing
moves under the mouse (walk D, finding 10). Tab leaves the table; the arrow keys move between roles.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ui.models.exercise_log import hours_text, role_status, track_title
from ui.pages.control_room_trainees import marked_names, presence
from ui.widgets.wrapping import wrap_column

ROW_LINES = 2  # every role's row is this many lines tall (more only when a cell needs it): the page never moves


class RolesTable(QTableWidget):
    """Every role of the session shown (``show_roles``), the selected one's id from ``selected_role``."""

    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab leaves the table (no trap); the arrow keys move between roles
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, self.fontMetrics().averageCharWidth() * 34)
        self.wrap = wrap_column(self, 2)
        wrap_column(self, 1)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.most_height: Callable[[], int] = lambda: 400  # the page's (half its height): the table never takes more
        header.sectionResized.connect(lambda *_: self.fit_height())
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Role"), self.tr("Trainees"), self.tr("Where"), self.tr("Clock"), self.tr("Decisions"), self.tr("Inbox")]
        )
        self.setAccessibleName(self.tr("Roles"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_roles(self, room: Any, text: Any, language: str) -> None:
        """Show every role of ``room`` (an ``exercise_desk.Room``), keeping the selected role (the first when it is gone)."""
        selected = self.selected_role()
        self.setRowCount(len(room.roles))
        for row, state in enumerate(room.roles):
            people = marked_names(room, state) or self.tr("nobody yet")
            cells = [
                track_title(state.track, text, language),
                people,
                role_status(room, state, text, language),
                hours_text(state.clock),
                str(state.decisions),
                str(len(state.inbox)),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, state.id)
                item.setToolTip(value if column != 1 else self._presence_tip(room, state))
                if column == 2 and state.waits_for is not None:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.setItem(row, column, item)
        ids = [state.id for state in room.roles]
        self.blockSignals(True)
        self.selectRow(ids.index(selected) if selected in ids else 0)
        self.blockSignals(False)
        self.resizeRowsToContents()
        lines = ROW_LINES * self.fontMetrics().lineSpacing() + 8
        for row in range(self.rowCount()):  # one height for every row, whatever is assigned: nothing moves
            self.setRowHeight(row, max(lines, self.rowHeight(row)))
        self.fit_height()

    def _presence_tip(self, room: Any, state: Any) -> str:
        return "\n".join(f"{person.full_name}: {presence(room, person, state.id)[1]}" for person in state.users) or self.tr("nobody yet")

    def fit_height(self) -> None:
        """As tall as the header and rows (each role in sight, no scroll bar), at most ``most_height()``."""
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(min(height, max(120, self.most_height())))

    def selected_role(self) -> str | None:
        """The id of the role chosen in the table (None: no session shown)."""
        items = self.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None
