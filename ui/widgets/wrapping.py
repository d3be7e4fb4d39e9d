"""A column of a tree or table whose text wraps onto as many lines as the column's width needs, never elided.

Qt's views wrap an item's text when ``wordWrap`` is on but size the row from the text on one line, so a
long text is cut to the row's height (or elided). ``WrappingDelegate`` gives each row the height of its
text wrapped at the column's current width; ``wrap_column`` installs it and re-lays the rows out when
the column's width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QTreeView


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped at the column's width (``header``: the view's horizontal header)."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView) -> None:
        super().__init__(view)
        self.view, self.header = view, header

    def text_width(self, column: int) -> int:
        """The width the text of ``column`` wraps at: the section less the item's text margins."""
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        return max(1, self.header.sectionSize(column) - 2 * margin)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt's name
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = self.text_width(index.column())
        bounds = shown.fontMetrics.boundingRect(QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), shown.text)
        return QSize(width, bounds.height() + 4)


def wrap_column(view: QTreeView | QTableView, column: int) -> WrappingDelegate:
    """Wrap ``column``'s text in ``view`` (rows as tall as it needs), following the column's width."""
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    delegate = WrappingDelegate(view, header)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setItemDelegateForColumn(column, delegate)
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(False)
        header.sectionResized.connect(lambda *_: view.doItemsLayout())
    else:
        header.sectionResized.connect(lambda *_: view.resizeRowsToContents())
    return delegate
