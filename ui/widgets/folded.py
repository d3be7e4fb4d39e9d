"""A block of text folded under a button that says what it holds and how many ("Areas to improve (3) ▸").

The joint debrief folds the team's areas to improve under its verdict: unfolded, seven wrapped lines took the
room the decisions, the scores and the pathway need at 1366x768 (walk F, finding 10). The button shows only
when there is something to unfold; pressing it (or Space on it) unfolds and folds again. Unfolded, the text takes
at most ``MOST_LINES`` lines and scrolls beyond (walk H, finding 11: three paragraphs left the decisions list one
row high).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget

MOST_LINES = 3  # the unfolded text's height at most, in lines: more scrolls


class FoldedText(QWidget):
    """A button (``button``) that unfolds a rich-text label (``label``); folded at first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.toggled.connect(self._fold)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setVisible(False)
        self.area = QScrollArea()  # a few lines high at most: the lists under it keep their room
        self.area.setWidget(self.label)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.area.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.area)
        self.setVisible(False)

    def set_content(self, title: str, html: str) -> None:
        """``title`` on the button (with its count), ``html`` under it when unfolded; hidden when ``html`` is empty."""
        self.button.setText(title)
        self.area.setAccessibleName(title)  # the scrolling box is named as its button
        self.label.setText(html)
        self.setVisible(bool(html))
        self._fold(self.button.isChecked())

    def _fold(self, unfolded: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        shown = unfolded and bool(self.label.text())
        self.label.setVisible(shown)
        self.area.setVisible(shown)
        if shown:  # as tall as the text, up to MOST_LINES lines
            width = max(self.area.viewport().width(), self.width(), 200)
            wanted = self.label.heightForWidth(width)
            most = MOST_LINES * self.label.fontMetrics().lineSpacing() + 4
            self.area.setFixedHeight(min(wanted if wanted > 0 else most, most))
