"""The start-up baseline: a bare PySide6 window of the app's size that shows, idles once and quits."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("TIPCase"))
window.menuBar().addMenu("&File")
window.statusBar().showMessage("ready")
window.resize(1180, 760)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
