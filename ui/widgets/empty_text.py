"""Lists that say what they are for while they are empty, inside their own box (an empty state, not a blank box).

An empty ``QListView`` draws a blank white box; beside a reading pane that says "Nothing has arrived yet." it
read as two things, one of them broken (the workstation's inbox while a role waits). These lists draw their
``empty_text`` in the box itself, top left, word-wrapped, in the palette's placeholder colour (kept readable
by ``ui.theme``) and italic, as Qt's own fields draw their placeholder text; the caller hides the reading pane
while the list is empty, so the tab shows one empty state. The text is the list's accessible description
while it is empty, so a screen reader says it too. The list stays focusable: keyboard focus lands where the
first arrival will be.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget

MARGIN = 8  # pixels between the box's edge and the text, as a list item's text sits


def _rows(view: QAbstractItemView) -> int:
    """The rows of ``view``'s model; 0 before it has one (Qt's model() is then None, whatever its stubs say)."""
    model: QAbstractItemModel | None = view.model()
    return model.rowCount() if isinstance(model, QAbstractItemModel) else 0


def _paint_empty_text(view: QAbstractItemView, text: str) -> None:
    """Draw ``text`` in ``view``'s viewport when its model has no rows."""
    if not text or _rows(view) > 0:
        return
    painter = QPainter(view.viewport())
    font = painter.font()
    font.setItalic(True)
    painter.setFont(font)
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    area: QRect = view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text)
    painter.end()


def _follow(view: QAbstractItemView, describe: Callable[[], None]) -> None:
    """Call ``describe`` whenever ``view``'s model gains or loses rows."""
    model = view.model()
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
        signal.connect(describe)


class EmptyTextList(QListWidget):
    """A ``QListWidget`` that says ``empty_text`` in its box while it has no items."""

    def __init__(self) -> None:
        super().__init__()
        self._empty_text = ""
        _follow(self, self._describe)

    def set_empty_text(self, text: str) -> None:
        """What the list says while it is empty (also its accessible description then)."""
        self._empty_text = text
        self._describe()

    def empty_text(self) -> str:
        """What the list says while it is empty."""
        return self._empty_text

    def _describe(self) -> None:
        self.setAccessibleDescription(self._empty_text if self.count() == 0 else "")
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        _paint_empty_text(self, self._empty_text)


class EmptyTextListView(QListView):
    """A ``QListView`` that says ``empty_text`` in its box while its model has no rows."""

    def __init__(self) -> None:
        super().__init__()
        self._empty_text = ""

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        if model is not None:
            _follow(self, self._describe)
        self._describe()

    def set_empty_text(self, text: str) -> None:
        """What the list says while its model is empty (also its accessible description then)."""
        self._empty_text = text
        self._describe()

    def empty_text(self) -> str:
        """What the list says while its model is empty."""
        return self._empty_text

    def _describe(self) -> None:
        self.setAccessibleDescription(self._empty_text if _rows(self) == 0 else "")
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        _paint_empty_text(self, self._empty_text)
