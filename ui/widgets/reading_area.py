"""Long text in a dialog that scrolls rather than being cut, and the dialog grown to show it while the screen has room.

Word-wrapped labels ask a height for their width, which Qt does not enforce on a top-level window: a dialog
sized before its text arrived cut the text off. Here the text sits in a scroll area, and the dialog grows
to the height the text asks, up to the screen's available height (``ui.screen_fit``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.screen_fit import FRAME_ALLOWANCE, available_area, fit_to_screen


class ReadingArea(QScrollArea):
    """Text that may grow long (who is left out and why, the certificate's cases): it scrolls rather than being cut.

    The dialog holding it grows to show it whole while the screen has room (``grow_to_fit``).
    """

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the wheel scrolls it; Tab goes on to the buttons

    def missing_height(self) -> int:
        """Logical pixels the content needs beyond what the area shows now (0 when it shows it whole)."""
        inner = self.widget()
        if inner is None:
            return 0
        width = self.viewport().width()
        needed = inner.heightForWidth(width) if inner.hasHeightForWidth() else inner.sizeHint().height()
        return max(0, needed - self.viewport().height())


def grow_to_fit(dialog: QDialog, area: ReadingArea) -> None:
    """Make ``dialog`` tall enough to show ``area``'s content whole, within the screen's available height (then it scrolls)."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    missing = area.missing_height()
    if missing <= 0:
        return
    room = available_area(dialog).height() - max(FRAME_ALLOWANCE.height(), dialog.frameGeometry().height() - dialog.height())
    height = min(dialog.height() + missing, room)
    if height > dialog.height():
        dialog.resize(dialog.width(), height)
        fit_to_screen(dialog)
