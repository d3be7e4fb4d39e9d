"""The control room's master events list: every inject with its trigger, whom it has fired for, and *Fire now*.

The trigger is said in words (``ui.models.inject_trigger``): by hand, at a case time, or its condition with what
sets each of its values. The selected inject shows whom it goes to, its text, when it fires, the expected action
and the note only controllers read (``expect`` and ``note`` in the team case; never shown to trainees). *To* chooses whom it fires for:
every role it goes to, has not fired for yet and that has not reached its end, or one of them. *Fire now* is enabled while the session
runs or is paused and the inject has not fired yet for every role it goes to; the control room fires it
(``ControlRoomPage.fire``, for ``targets()``).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import ApplicationContext
from ui.models.exercise_log import inject_title, role_title
from ui.models.inject_trigger import condition_sources, fires_words
from ui.widgets.wrapping import wrap_column


class InjectPanel(QWidget):
    """The control room's master events list (the module docstring says what it shows and when *Fire now* is enabled)."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.room: Any = None  # tipcase.services.exercise_desk.Room
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no trap)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # the title and the trigger share the width; whom it fired for is as wide as its header (walk G 12: "Sudah dipicu
        # untuk" was cut), each cell wrapped whole, so the table never scrolls sideways
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for column in range(3):
            wrap_column(self.table, column)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())  # after the rows re-wrapped
        self.table.itemSelectionChanged.connect(self._inject_selected)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.fire_button = QPushButton()
        self.fire_to = QComboBox()
        self.fire_to_label = QLabel()
        self.fire_to_label.setBuddy(self.fire_to)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_area = QScrollArea()  # the details scroll: the list keeps room for every inject (walk G, finding 4)
        self.detail_area.setWidget(self.detail)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QScrollArea.Shape.NoFrame)
        inject_layout = QVBoxLayout(self)
        inject_layout.addWidget(self.table, 3)
        inject_layout.addWidget(self.detail_area, 2)
        fire_row = QHBoxLayout()
        fire_row.addWidget(self.fire_to_label)
        fire_row.addWidget(self.fire_to, 1)
        fire_row.addWidget(self.fire_button)
        inject_layout.addLayout(fire_row)

        self.retranslate()

    def retranslate(self) -> None:
        # one word for the trigger, in the header and the details (walk G finding 12: "Dipicu" above, "Muncul:" below)
        labels = [self.tr("Inject"), self.tr("Trigger"), self.tr("Fired for")]
        self.table.setHorizontalHeaderLabels(labels)
        header = self.table.horizontalHeader()
        margins = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 12
        header.resizeSection(2, max(header.fontMetrics().horizontalAdvance(labels[2]) + margins, 160))
        self.table.setAccessibleName(self.tr("Master events list"))
        self.fire_button.setText(self.tr("Fire n&ow"))  # Alt+F is the File menu
        self.fire_to_label.setText(self.tr("To:"))  # Alt+O is Fire now, the panel's action
        self.fire_to.setAccessibleName(self.tr("Whom the inject fires for"))
        self.detail_area.setAccessibleName(self.tr("The selected inject: its text, trigger, expected action and note"))
        if self.room is not None:
            self.show_room(self.room)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """The rows sized again for the columns' widths now: laid out in a hidden tab, they were sized for other widths."""
        super().showEvent(event)
        self.table.resizeRowsToContents()
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """The table as tall as its rows, up to three quarters of the panel; the details below scroll instead.

        Walk H finding 18: once injects had fired for several roles, "Fired for" wrapped over more lines and the fourth
        row was cut at the table's bottom while the details kept their share of the height.
        """
        table = self.table
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        needed = table.horizontalHeader().height() + rows + 2 * table.frameWidth()
        table.setMinimumHeight(min(needed, max(120, self.height() * 3 // 4)))

    def show_room(self, room: Any) -> None:
        """Show the session's injects, keeping the selected one; what each fired for; whether it can fire now."""
        self.room = room
        text, language = self.context.text, self.context.language
        selected = self.selected()
        team = room.team
        self.table.setRowCount(len(team.injects))
        for row, inject in enumerate(team.injects):
            fires = fires_words(team, inject, language)  # the condition in words, each variable by its title (walk G, finding 12)
            fired = room.fired.get(inject.id, ())
            titles = "; ".join(role_title(team, r, text, language) for r in fired) or "—"
            every = len(inject.to) > 1 and set(fired) >= set(inject.to)  # five titles wrapped over nine lines (walk H, 18)
            cells = [
                inject_title(team, inject.id, text),
                fires,
                self.tr("every role it goes to ({count})").format(count=len(fired)) if every else titles,
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, inject.id)
                item.setToolTip(titles if column == 2 else value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._fit_rows()
        ids = [inject.id for inject in team.injects]
        self.table.blockSignals(True)
        if selected in ids:
            self.table.selectRow(ids.index(selected))
        elif ids:
            self.table.selectRow(0)
        self.table.blockSignals(False)
        if ids:  # the selected inject whole in sight, after a fire made its row taller
            self.table.scrollTo(self.table.model().index(ids.index(selected) if selected in ids else 0, 0))
        self._inject_selected()

    def selected(self) -> str | None:
        """The id of the selected inject, or None."""
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def targets(self) -> list[str]:
        """The roles *Fire now* fires the selected inject for: the one chosen under *To*, or every role left."""
        chosen = self.fire_to.currentData()
        if chosen:
            return [str(chosen)]
        return [str(self.fire_to.itemData(index)) for index in range(1, self.fire_to.count())]

    def _show_targets(self, room: Any, left: list[str]) -> None:
        """*To*: every role the inject has still to fire for, then each of them (the choice kept when still there)."""
        current = self.fire_to.currentData()
        text, language = self.context.text, self.context.language
        self.fire_to.blockSignals(True)
        self.fire_to.clear()
        if left:
            self.fire_to.addItem(self.tr("Every role not yet reached ({count})").format(count=len(left)), "")
            for role in left:
                self.fire_to.addItem(role_title(room.team, role, text, language), role)
        self.fire_to.setCurrentIndex(max(0, self.fire_to.findData(current)))
        self.fire_to.blockSignals(False)

    def _inject_selected(self) -> None:
        room = self.room
        ident = self.selected()
        inject = room.team.inject(ident) if room is not None and ident is not None else None
        if room is None or inject is None:
            self.detail.setText(self.tr("<i>This case has no injects.</i>") if room is not None else "")
            self.fire_button.setEnabled(False)
            self._show_targets(room, [])
            self.fire_to.setEnabled(False)
            return
        text, language = self.context.text, self.context.language
        to = "; ".join(role_title(room.team, r, text, language) for r in inject.to)
        to_line = self.tr("To: {roles}").format(roles=to)
        expected, controllers = self.tr("Expected action:"), self.tr("Controllers only:")
        sender = html.escape(self.tr("From: {sender}").format(sender=text(inject.sender))) + "<br>" if inject.sender is not None else ""
        parts = [f"<p><b>{html.escape(to_line)}</b><br>{sender}{html.escape(text(inject.text))}</p>"]
        fires = html.escape(self.tr("Trigger: {when}").format(when=fires_words(room.team, inject, language)))
        sources = "".join(f"<br>{html.escape(line)}" for line in condition_sources(room.team, inject, text, language))
        parts.append(f"<p><b>{fires}</b>{sources}</p>")
        if inject.expect is not None:
            parts.append(f"<p><b>{html.escape(expected)}</b> {html.escape(text(inject.expect))}</p>")
        if inject.note is not None:
            parts.append(f"<p><i>{html.escape(controllers)} {html.escape(text(inject.note))}</i></p>")
        self.detail.setText("".join(parts))
        finished = {state.id for state in room.roles if state.finished}  # an inject can change nothing there (the service refuses it)
        left = [r for r in inject.to if r not in room.fired.get(inject.id, ()) and r not in finished]
        self._show_targets(room, left)
        live = room.session.status in ("running", "paused") and bool(left)
        self.fire_button.setEnabled(live)
        self.fire_to.setEnabled(live)
