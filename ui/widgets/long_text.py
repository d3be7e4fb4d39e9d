"""A one-line value that may be long (an institution's name, a legal basis), edited in a box of a few wrapped lines.

A ``QLineEdit`` shows a long value as a window onto part of it that scrolls sideways: "UU No. 21 Tahun 2007
tentang Pemberantasan Tindak Pidana Perdagangan Orang; ..." reads as its first few words. ``LongLineEdit``
wraps the whole value over a few lines instead, and keeps a line edit's ways: the value is one line (a line
break typed or pasted becomes a space), Tab moves on to the next field, Enter presses the dialog's default
button, and ``text``/``setText``/``clear``/``textChanged`` are there as on a line edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class LongLineEdit(QPlainTextEdit):
    """A one-line value shown whole, wrapped at word breaks over ``lines`` lines (more scroll, which a value rarely needs)."""

    def __init__(self, text: str = "", lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lines = lines
        self._fit_height()
        self.setText(text)

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        document = self.document().documentMargin()
        height = self.fontMetrics().lineSpacing() * self.lines + 2 * document + margins.top() + margins.bottom() + 2
        self.setFixedHeight(int(height))

    def text(self) -> str:
        """The value: one line (any line break in it as a space)."""
        return " ".join(self.toPlainText().splitlines())

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit's name
        """Show ``text`` (line breaks as spaces), its beginning in sight."""
        self.setPlainText(" ".join(text.splitlines()))
        self.moveCursor(self.textCursor().MoveOperation.Start)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # as in a line edit: the dialog's default button
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        """Paste a value's lines as one line."""
        if source.hasText():
            self.insertPlainText(" ".join(source.text().splitlines()))
        else:
            super().insertFromMimeData(source)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()  # another font size (the app's zoom) keeps ``lines`` lines in sight
