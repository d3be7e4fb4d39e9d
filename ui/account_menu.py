"""Account commands in the menus: *Change my password…* for everyone, the *Administration* menu for administrators.

The Administration menu holds the accounts page and the issuing institution's dialog (``ui.pages.institution_dialog``).

A menu of its own (rather than more lines in ``ui.main_window``) so the window stays a small driver of pages:
it makes the accounts page on first use, puts it in the window's stack, and keeps its texts and visibility
true to the language and to who is signed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStackedWidget, QWidget

from ui.context import ApplicationContext

if TYPE_CHECKING:
    from ui.pages.accounts import AccountsPage


class AdministrationMenu(QMenu):
    """The *Administration* menu (administrators only) and the *Change my password…* action (for the File menu)."""

    def __init__(self, context: ApplicationContext, stack: QStackedWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.stack = stack
        self._accounts: AccountsPage | None = None
        self.accounts_action = QAction(self)
        self.accounts_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.accounts_action.triggered.connect(lambda: self.show_accounts())  # noqa: PLW0108 - never pass `checked` on
        self.addAction(self.accounts_action)
        self.institution_action = QAction(self)
        self.institution_action.triggered.connect(lambda: self.edit_institution())  # noqa: PLW0108 - never pass `checked` on
        self.addAction(self.institution_action)
        self.change_password_action = QAction(parent)  # the File menu shows it; it lives as long as the window
        self.change_password_action.triggered.connect(lambda: self.change_password())  # noqa: PLW0108 - never pass `checked` on
        context.signals.signed_in.connect(self.update_actions)
        context.signals.signed_out.connect(self.update_actions)
        self.retranslate()
        self.update_actions()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Administration"))
        self.accounts_action.setText(self.tr("&Accounts"))
        self.institution_action.setText(self.tr("&Issuing institution…"))
        self.change_password_action.setText(self.tr("Change my &password…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_actions(self) -> None:
        """Show the menu to administrators only; offer the password change to whoever is signed in."""
        account = self.context.account
        admin = account is not None and account.role == "admin"
        self.menuAction().setVisible(admin)
        self.accounts_action.setEnabled(admin)
        self.institution_action.setEnabled(admin)
        self.change_password_action.setEnabled(account is not None)

    def accounts_page(self) -> AccountsPage:
        """The accounts page, made on first use and kept in the window's stack."""
        if self._accounts is None:
            from ui.pages.accounts import AccountsPage  # noqa: PLC0415 - loads on first use

            self._accounts = AccountsPage(self.context)
            self.stack.addWidget(self._accounts)
        return self._accounts

    def show_accounts(self) -> None:
        """Bring the accounts page into view and read it (administrators only: the service checks it again)."""
        account = self.context.account
        if account is None or account.role != "admin":
            return
        page = self.accounts_page()
        self.stack.setCurrentWidget(page)
        page.refresh()
        page.table.setFocus()

    def edit_institution(self) -> None:
        """Read the issuing institution, then show it in its dialog with a specimen; *Save* stores it (administrators only)."""
        account = self.context.account
        if account is None or account.role != "admin":
            return
        from tipcase.services.institution_desk import institution_settings  # noqa: PLC0415 - loaded with the records

        def failed(error: BaseException) -> None:
            from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not with the first window

            QMessageBox.warning(self.parentWidget(), self.tr("Issuing institution"), self.context.describe(error))

        self.context.run_signed_in(institution_settings, self._show_institution, failed)

    def _show_institution(self, current: Any) -> None:
        from tipcase.services.institution_desk import save_institution  # noqa: PLC0415

        from ui.pages.institution_dialog import InstitutionDialog  # noqa: PLC0415 - loads on first use

        dialog = InstitutionDialog(self.context, current, self.parentWidget())
        self.institution_dialog = dialog

        def submit() -> None:
            updated = dialog.institution()

            def saved(changed: object) -> None:
                dialog.accept()
                if changed:
                    self.context.signals.status_message.emit(self.tr("The issuing institution is saved."))

            self.context.run_signed_in(
                lambda db, me: save_institution(db, me, updated), saved, lambda e: dialog.show_problem(self.context.describe(e))
            )

        dialog.submitted.connect(submit)
        dialog.open()

    def change_password(self) -> None:
        """Ask for the current and the new password, and change it; a refusal is said in the dialog."""
        if self.context.account is None:
            return
        from ui.pages.account_dialogs import ChangePasswordDialog  # noqa: PLC0415 - not needed before the first window paints

        dialog = ChangePasswordDialog(self.parentWidget())
        self.password_dialog = dialog

        def submit() -> None:
            from tipcase.services.account_desk import change_my_password  # noqa: PLC0415 - loaded with the records

            current, new = dialog.current.text(), dialog.new.text()

            def changed(_result: object) -> None:
                dialog.accept()
                self.context.signals.status_message.emit(self.tr("Your password is changed."))

            self.context.run_signed_in(
                lambda db, me: change_my_password(db, me, current, new), changed, lambda e: dialog.show_problem(self._refusal(e))
            )

        dialog.submitted.connect(submit)
        dialog.open()

    def _refusal(self, error: BaseException) -> str:
        from tipcase.services.errors import SignInError  # noqa: PLC0415

        if isinstance(error, SignInError):
            return self.tr("The current password is wrong.")
        return self.context.describe(error)
