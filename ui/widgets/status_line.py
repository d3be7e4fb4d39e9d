"""The main window's status bar: who is signed in, whether work runs, and whether the records can be heard.

``StatusLine`` puts its three parts into a ``QStatusBar`` and follows the task runner (``busy_changed``)
and the records-changed notifier (``connection_changed``), so the window only tells it who is signed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

if TYPE_CHECKING:
    from ui.context import ApplicationContext

SHOWN_MS = 8000
"""How long a passing message stays in the status bar, in milliseconds."""


class StatusLine(QObject):
    """The signed-in person on the left; on the right a note while the records cannot be heard and a busy bar."""

    def __init__(self, bar: QStatusBar, context: ApplicationContext) -> None:
        super().__init__(bar)
        self.bar = bar
        self.user = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setVisible(False)
        self.connection = QLabel()  # shown while the records cannot be heard (ui.notifier)
        self.connection.setVisible(False)
        bar.addWidget(self.user, 1)
        bar.addPermanentWidget(self.connection)
        bar.addPermanentWidget(self.busy)
        context.notifier.connection_changed.connect(self._connection_changed)
        context.tasks.busy_changed.connect(self.busy.setVisible)
        context.signals.status_message.connect(lambda text: bar.showMessage(text, SHOWN_MS))

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.busy.setAccessibleName(self.tr("Working"))
        self.connection.setText(self.tr("Not connected to the records: the pages show what was last read"))

    def _connection_changed(self, connected: bool) -> None:
        self.connection.setVisible(not connected)
        if connected:
            self.bar.showMessage(self.tr("Connected to the records again"), SHOWN_MS)
