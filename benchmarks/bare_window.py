"""The start-up baseline: a bare PySide6 window of the app's size that shows, idles once and quits.

``--exit-now`` ends it as ``tipcase`` ends (``ui.launcher.exit_now``: flush, then ``os._exit``), without
Python's teardown of the modules or PySide6's exit handler: the baseline that times the same work as the app,
up to its exit (the app also runs its own exit handlers, the log's and temporary folders', which this window
has none of).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("TIPCase"))
window.menuBar().addMenu("&File")
window.statusBar().showMessage("ready")
window.resize(1180, 760)
window.show()
QTimer.singleShot(0, app.quit)
code = app.exec()
if "--exit-now" in sys.argv:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
sys.exit(code)
