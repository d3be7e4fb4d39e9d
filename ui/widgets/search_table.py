"""A table with a search box above it, as the staff pages list records: the accounts, the certificate register.

The box filters every column as it is typed (case-insensitive, a fixed string: a staff ID's digits or a
name's dots are not a pattern); the table sorts by a click on a header, selects whole rows, and lets Tab
leave it (no Tab trap). Each page keeps its own columns, words and buttons (``ui.widgets.buttons``).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView


@dataclasses.dataclass
class SearchTable:
    """The three parts: ``search`` filters ``proxy`` (over the page's model), which ``table`` shows."""

    search: QLineEdit
    proxy: QSortFilterProxyModel
    table: QTableView


def search_table(
    model: QAbstractItemModel,
    owner: QObject,
    *,
    sort_role: int | None = None,
    single: bool = False,
) -> SearchTable:
    """A searchable, sortable table of ``model``, its proxy owned by ``owner`` (the page).

    ``sort_role``: the role the proxy sorts by (the register sorts dates by date, whatever the words
    shown); ``single``: one row selected at a time. Columns fit their contents; the page says which
    column gives way (``header.setSectionResizeMode``) and names the box and the table.
    """
    proxy = QSortFilterProxyModel(owner)
    if sort_role is not None:
        proxy.setSortRole(sort_role)
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)  # every column
    search = QLineEdit()
    search.setClearButtonEnabled(True)
    search.textChanged.connect(proxy.setFilterFixedString)
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table (no trap)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return SearchTable(search, proxy, table)
