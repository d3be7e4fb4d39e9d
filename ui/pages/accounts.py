"""The accounts page (administrators): every account, and adding, correcting, resetting, re-roling, deactivating them.

What the command line's ``tipcase users`` does, in the app: an administrator at a ministry does not open a
terminal to unlock a trainee. A new or reset password is shown once (``NewAccountsDialog``: to print or
save, and hand over). Every change runs on the task runner through ``tipcase.services.account_desk``, which
checks the permission and audits it; the page follows what other workstations change (``ui.notifier``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ui.context import ApplicationContext
from ui.models.rows import RowsTableModel
from ui.notifier import Follower
from ui.pages.account_dialogs import EditAccountDialog, NewAccountDialog, role_names
from ui.pages.roster_dialog import NewAccountsDialog
from ui.widgets.buttons import push_button
from ui.widgets.search_table import search_table
from ui.wording import sentence

ACCOUNT_TOPICS = ("users",)  # what another workstation changes that this page shows (ui.notifier topics)


class AccountsPage(QWidget):
    """Every account with its role and state; buttons for what an administrator does to one."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[Any] = []
        self.select_after: str | None = None  # the account to select once the next read is shown (one just made)
        self.heading = QLabel()
        self.model = RowsTableModel(self._headers)
        listed = search_table(self.model, self, single=True)
        self.search, self.proxy, self.table = listed.search, listed.proxy, listed.table
        self.table.setObjectName("accounts")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button = push_button(self.new_account)
        self.edit_button = push_button(self.edit_account)
        self.reset_button = push_button(self.reset_password)
        self.role_button = push_button(self.change_role)
        self.active_button = push_button(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.reset_button, self.role_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._update_buttons()
        self.follower = Follower(self, context.notifier, ACCOUNT_TOPICS, self.refresh_quietly)
        context.signals.signed_out.connect(self.clear)

    def _headers(self) -> list[str]:
        return [
            self.tr("Username"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Staff ID"),
            self.tr("Rank"),
            self.tr("Unit"),
            self.tr("State"),
        ]

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Accounts") + "</h2>")
        self.search.setPlaceholderText(self.tr("Search by username, name or staff ID"))
        self.search.setAccessibleName(self.tr("Search the accounts"))
        self.table.setAccessibleName(self.tr("Accounts"))
        self.new_button.setText(self.tr("&New account…"))
        self.edit_button.setText(self.tr("Ed&it…"))
        self.edit_button.setToolTip(self.tr("Correct the name, rank, staff ID, unit or agency"))
        self.reset_button.setText(self.tr("Reset the pass&word…"))
        self.role_button.setText(self.tr("Change the r&ole…"))
        self._update_buttons()
        self._show_rows()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read every account again (off the UI thread), keeping the selected one."""
        from tipcase.services.account_desk import account_rows  # noqa: PLC0415 - loaded with the records

        self.context.run_signed_in(account_rows, self._show, self._failed)

    def refresh_quietly(self, done: Any) -> None:
        from tipcase.services.account_desk import account_rows  # noqa: PLC0415

        self.context.run_quietly(account_rows, self._show, done)

    def clear(self) -> None:
        """Forget every account shown (at sign-out: the next person at the workstation may not see them)."""
        self.rows = []
        self.search.clear()
        self._show_rows()

    def _show(self, rows: list[Any]) -> None:
        selected = self.selected()
        self.rows = rows
        self._show_rows()
        wanted = self.select_after or (selected.username if selected is not None else None)
        self.select_after = None
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()

    def _show_rows(self) -> None:
        roles = role_names()
        self.model.set_rows(
            [[r.username, r.full_name, roles.get(r.role, r.role), r.staff_id, r.rank, r.unit, self._state(r)] for r in self.rows],
            [not r.active or r.locked for r in self.rows],
        )

    def _state(self, row: Any) -> str:
        if not row.active:
            return self.tr("deactivated")
        if row.locked:
            return self.tr("locked after failed sign-ins")
        return self.tr("active")

    def selected(self) -> Any | None:
        """The account of the selected row, if one is selected."""
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = self.proxy.mapToSource(indexes[0]).row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select(self, username: str) -> None:
        """Select the row of ``username`` (after an add or a re-read)."""
        for number, row in enumerate(self.rows):
            if row.username == username:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return

    def _update_buttons(self, *_args: object) -> None:
        account = self.selected()
        for button in (self.edit_button, self.reset_button, self.role_button, self.active_button):
            button.setEnabled(account is not None)
        if account is not None and not account.active:
            self.active_button.setText(self.tr("R&eactivate"))
        else:
            self.active_button.setText(self.tr("&Deactivate…"))

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Accounts"), self.context.describe(error))

    def _done(self, message: str) -> None:
        self.context.signals.status_message.emit(message)
        self.refresh()

    # -- actions ---------------------------------------------------------------------------------
    def new_account(self) -> None:
        """Ask for the account's fields, create it, then show its first password once."""
        dialog = NewAccountDialog(self)
        self.new_dialog = dialog

        def submit() -> None:
            from tipcase.services.account_desk import add_account  # noqa: PLC0415
            from tipcase.services.accounts import NewUser  # noqa: PLC0415

            values = dialog.values()
            new = NewUser(**values)  # type: ignore[arg-type]

            def created(password: str) -> None:
                dialog.accept()
                self._show_password(new.username, password)
                self.select_after = new.username
                self._done(self.tr("Account {username} created.").format(username=new.username))

            self.context.run_signed_in(
                lambda db, me: add_account(db, me, new), created, lambda e: dialog.show_problem(self.context.describe(e))
            )

        dialog.submitted.connect(submit)
        dialog.open()

    def edit_account(self) -> None:
        """Correct the selected account's name, rank, staff ID, unit or agency; a refusal is said in the dialog."""
        account = self.selected()
        if account is None:
            return
        dialog = EditAccountDialog(account, self)
        self.edit_dialog = dialog
        username = account.username

        def submit() -> None:
            from tipcase.services.account_desk import edit_account  # noqa: PLC0415

            changes: dict[str, str | None] = dict(dialog.changes())

            def edited(_changed: object) -> None:
                dialog.accept()
                self._done(self.tr("The account {username} is corrected.").format(username=username))

            self.context.run_signed_in(
                lambda db, me: edit_account(db, me, username, changes), edited, lambda e: dialog.show_problem(self.context.describe(e))
            )

        dialog.submitted.connect(submit)
        dialog.open()

    def reset_password(self) -> None:
        """After a confirmation, give the selected account a new password (shown once) and unlock it."""
        account = self.selected()
        if account is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Reset the password"),
            self.tr("Give {name} ({username}) a new password? The old one stops working at once.").format(
                name=account.full_name, username=account.username
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from tipcase.services.account_desk import reset_account_password  # noqa: PLC0415

        username = account.username

        def reset(password: str) -> None:
            self._show_password(username, password)
            self._done(self.tr("The password of {username} was reset.").format(username=username))

        self.context.run_signed_in(lambda db, me: reset_account_password(db, me, username), reset, self._failed)

    def change_role(self) -> None:
        """Choose another role for the selected account."""
        account = self.selected()
        if account is None:
            return
        roles = role_names()
        names = list(roles.values())
        current = names.index(roles[account.role]) if account.role in roles else 0
        name, chosen = QInputDialog.getItem(
            self,
            self.tr("Change the role"),
            self.tr("Role of {name} ({username}):").format(name=account.full_name, username=account.username),
            names,
            current,
            False,
        )
        if not chosen or name == names[current]:
            return
        role = next(value for value, shown in roles.items() if shown == name)
        from tipcase.services.account_desk import change_role  # noqa: PLC0415

        username = account.username
        message = sentence(self.tr("{username} is now: {role}."), username=username, role=name)
        self.context.run_signed_in(lambda db, me: change_role(db, me, username, role), lambda _: self._done(message), self._failed)

    def toggle_active(self) -> None:
        """Deactivate the selected account (after a confirmation) or reactivate it."""
        account = self.selected()
        if account is None:
            return
        from tipcase.services.account_desk import set_active  # noqa: PLC0415

        username, active = account.username, not account.active
        if not active:
            answer = QMessageBox.question(
                self,
                self.tr("Deactivate the account"),
                self.tr("Deactivate {name} ({username})? They can no longer sign in; their attempts and certificates are kept.").format(
                    name=account.full_name, username=username
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            message = self.tr("{username} is deactivated.").format(username=username)
        else:
            message = self.tr("{username} can sign in again.").format(username=username)
        self.context.run_signed_in(lambda db, me: set_active(db, me, username, active), lambda _: self._done(message), self._failed)

    def _show_password(self, username: str, password: str) -> None:
        self.password_dialog = NewAccountsDialog([(username, password)], self.context.describe, self)
        self.password_dialog.open()
