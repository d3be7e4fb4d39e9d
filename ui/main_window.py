"""The main window. For now: the scenario library with what the validator says of each case.

The trainee's player, the debrief and the trainer's workspace grow from here (later issues).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

from tipcase import __version__, library
from tipcase.ui.context import ApplicationContext
from tipcase.ui.models.scenarios import ScenarioTableModel, read_rows


class MainWindow(QMainWindow):
    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("TIPCase {version}").format(version=__version__))
        self.model = ScenarioTableModel(language=context.language)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        heading = QLabel(self.tr("<h2>Scenario library</h2>"))
        intro = QLabel(self.tr("Training cases on trafficking in persons and gender-based violence, checked against the scenario format."))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search cases"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Scenarios"))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.resize(900, 560)

    def load_library(self) -> None:
        """Read the bundled cases (a handful of small files: fast enough for start-up)."""
        self.model.set_rows(read_rows(library.bundled_scenarios()))
        self.statusBar().showMessage(self.tr("%n case(s) in the library", "", self.model.rowCount()))
