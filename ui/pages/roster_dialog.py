"""The roster preview: every row with what importing it would do, or what is wrong; nothing is imported until OK."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ui.errors import core_text
from ui.models.rows import RowsTableModel


class RosterDialog(QDialog):
    """A roster's preview, a row per line with what importing it would do or what is wrong; accepting imports the good rows."""

    def __init__(self, preview: Any, cohort_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a roster into {cohort}").format(cohort=cohort_title))
        self.model = RowsTableModel(lambda: [self.tr("Line"), self.tr("Staff ID"), self.tr("Name"), self.tr("What happens")])
        rows = [[row.line, row.staff_id, row.full_name, self._what(row)] for row in preview.rows]
        self.model.set_rows(rows, [bool(row.errors) for row in preview.rows])
        table = QTableView()
        table.setModel(self.model)
        table.setTabKeyNavigation(False)  # Tab leaves the table (no trap)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAccessibleName(self.tr("Roster rows"))
        good, bad = len(preview.good), len(preview.bad)
        message = self.tr("%n row(s) ready to import;", "", good) + " " + self.tr("%n row(s) with errors will be skipped.", "", bad)
        warned = sum(1 for row in preview.good if row.formula_columns)
        if warned:
            message += " " + self.tr(
                "%n row(s) have a cell that starts like a spreadsheet formula (=, +, - or @): it is imported as text; check it.", "", warned
            )
        self.summary = QLabel(message + " " + self.tr("Nothing is imported until you press Import."))
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import %n row(s)", "", good))
        self.import_button.setEnabled(good > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)

    def _what(self, row: Any) -> str:
        if row.errors:
            return "; ".join(core_text(error) for error in row.errors)  # the core's words in the interface language
        if row.existing:
            what = self.tr("add the existing account {username}").format(username=row.existing)
        else:
            what = self.tr("create the trainee account {username}").format(username=row.username)
        columns = {
            "staff_id": self.tr("Staff ID"), "full_name": self.tr("Name"), "username": self.tr("Username"),
            "rank": self.tr("Rank"), "unit": self.tr("Unit"), "agency": self.tr("Agency"),
        }  # fmt: skip
        if row.formula_columns:
            named = ", ".join(columns.get(column, column) for column in row.formula_columns)
            what += "; " + self.tr("looks like a formula: {columns}").format(columns=named)
        return what
