"""A column of a tree or table, or a list, whose text wraps onto as many lines as the width needs, never elided.

Qt's views wrap an item's text when ``wordWrap`` is on but size the row from the text on one line, so a
long text is cut to the row's height (or elided). ``WrappingDelegate`` gives each row the height of its
text wrapped at the column's current width; ``wrap_column`` installs it and re-lays the rows out when
the column's width changes. ``wrap_list`` does the same for a list (a map's step-by-step list), each row
wrapped in its own font at the list's width: a bold heading (a role's long title) wraps whole too.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped at the column's width (``header``: the view's horizontal header)."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView) -> None:
        super().__init__(view)
        self.view, self.header = view, header

    def text_width(self, column: int) -> int:
        """The width the text of ``column`` wraps at: the section less the item's text margins (and a table's grid line).

        A cell of a table with its grid is a pixel narrower than its section: sized a pixel too wide, a text that
        just fits would be painted on one line fewer than it needs, its end elided.
        """
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        grid = 1 if isinstance(self.view, QTableView) and self.view.showGrid() else 0
        return max(1, self.header.sectionSize(column) - 2 * margin - grid)

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


class WrappingListDelegate(QStyledItemDelegate):
    """A list's rows as tall as their text wrapped at the list's width, each in its own font (``FontRole``)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def text_width(self) -> int:
        """The width a row's text wraps at: the list's viewport less the item's text margins and the list's spacing."""
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        return max(1, self.view.viewport().width() - 2 * margin - 2 * self.view.spacing())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt's name
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = self.text_width()
        bounds = shown.fontMetrics.boundingRect(QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), shown.text)
        return QSize(width, bounds.height() + 4)


def wrap_list(view: QListView) -> WrappingListDelegate:
    """Wrap every row of ``view`` at its width, whole (rows as tall as they need), laid out again when the width changes."""
    delegate = WrappingListDelegate(view)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(delegate)
    return delegate
