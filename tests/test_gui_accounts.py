"""Account work in the app: an administrator adds, resets, re-roles and deactivates accounts; everyone changes their password."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from tests.gui import make_context, open_window, seeded_url
from tipcase.services import accounts
from tipcase.services.errors import SignInError
from tipcase.store.database import Database

from ui.main_window import MainWindow
from ui.pages.account_dialogs import ChangePasswordDialog, NewAccountDialog
from ui.pages.accounts import AccountsPage
from ui.pages.roster_dialog import NewAccountsDialog

pytestmark = pytest.mark.gui


def _signed_in(qtbot, tmp_path: Path, username: str, language: str = "en") -> tuple[MainWindow, str]:  # type: ignore[no-untyped-def]
    url = seeded_url(tmp_path)
    window = open_window(qtbot, make_context(tmp_path, url, language))
    window.sign_in(username, username)
    return window, url


def _page(window: MainWindow) -> AccountsPage:
    window.administration.accounts_action.trigger()
    page = window.current_page()
    assert isinstance(page, AccountsPage)
    return page


def _select(page: AccountsPage, username: str) -> None:
    page.select(username)
    assert page.selected() is not None
    assert page.selected().username == username


def _sign_in_works(url: str, username: str, password: str) -> bool:
    db = Database(url)
    try:
        with db.session() as session:
            try:
                accounts.sign_in(session, username, password)
            except SignInError:
                return False
            finally:
                session.commit()
        return True
    finally:
        db.dispose()


def test_only_an_administrator_sees_the_administration_menu(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, _ = _signed_in(qtbot, tmp_path, "demo-registrar")
    assert not window.administration.menuAction().isVisible()
    window.administration.show_accounts()
    assert not isinstance(window.current_page(), AccountsPage)
    assert window.administration.change_password_action.isEnabled()  # everyone may change their own password
    window.sign_out()
    window.sign_in("demo-admin", "demo-admin")
    assert window.administration.menuAction().isVisible()


def test_an_administrator_adds_an_account_and_hands_over_its_password(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, url = _signed_in(qtbot, tmp_path, "demo-admin")
    page = _page(window)
    assert "demo-trainee" in [r.username for r in page.rows]
    page.new_button.click()
    dialog = page.new_dialog
    assert isinstance(dialog, NewAccountDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # username and name first
    qtbot.keyClicks(dialog.username, "Bripda.Sari")
    qtbot.keyClicks(dialog.full_name, "Bripda Sari Wulandari")
    dialog.staff_id.setText("98120044")
    ok.click()
    assert not dialog.isVisible()
    shown = page.password_dialog
    assert isinstance(shown, NewAccountsDialog)
    username, password = shown.created[0]
    assert username == "bripda.sari"
    assert page.selected() is not None
    assert page.selected().username == "bripda.sari"
    assert _sign_in_works(url, "bripda.sari", password)


def test_a_refused_account_is_said_in_the_dialog_which_stays_open(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, _ = _signed_in(qtbot, tmp_path, "demo-admin", "id")
    page = _page(window)
    page.new_button.click()
    dialog = page.new_dialog
    dialog.username.setText("demo-trainee")
    dialog.full_name.setText("Someone Else")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "demo-trainee" in dialog.problem.text()


def test_reset_unlocks_and_deactivate_stops_sign_in(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, url = _signed_in(qtbot, tmp_path, "demo-admin")
    for _ in range(5):
        assert not _sign_in_works(url, "demo-trainee", "wrong")
    page = _page(window)
    page.refresh()
    _select(page, "demo-trainee")
    assert page.selected().locked
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.reset_button.click()
    new_password = page.password_dialog.created[0][1]
    assert _sign_in_works(url, "demo-trainee", new_password)
    _select(page, "demo-trainee")
    assert not page.selected().locked
    page.active_button.click()
    _select(page, "demo-trainee")
    assert not page.selected().active
    assert not _sign_in_works(url, "demo-trainee", new_password)
    page.active_button.click()  # reactivate: no question asked
    _select(page, "demo-trainee")
    assert page.selected().active
    assert _sign_in_works(url, "demo-trainee", new_password)


def test_an_administrator_cannot_deactivate_themselves(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, _ = _signed_in(qtbot, tmp_path, "demo-admin")
    page = _page(window)
    _select(page, "demo-admin")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warnings.append(text))
    page.active_button.click()
    assert warnings
    assert "own account" in warnings[0]
    _select(page, "demo-admin")
    assert page.selected().active


def test_change_role_is_recorded(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, _ = _signed_in(qtbot, tmp_path, "demo-admin")
    page = _page(window)
    _select(page, "demo-trainee")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Trainer", True))
    page.role_button.click()
    _select(page, "demo-trainee")
    assert page.selected().role == "trainer"


def test_everyone_changes_their_own_password(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, url = _signed_in(qtbot, tmp_path, "demo-trainee", "id")
    window.administration.change_password_action.trigger()
    dialog = window.administration.password_dialog
    assert isinstance(dialog, ChangePasswordDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.current.setText("not-my-password")
    dialog.new.setText("short")
    assert not ok.isEnabled()
    assert dialog.hint.text()
    dialog.new.setText("a-longer-secret")
    dialog.repeat.setText("a-longer-secret")
    assert ok.isEnabled()
    ok.click()
    assert dialog.isVisible()
    assert dialog.problem.text() == QApplication.translate("AdministrationMenu", "The current password is wrong.")
    assert dialog.problem.text() != "The current password is wrong."  # said in Indonesian
    dialog.current.setText("demo-trainee")
    ok.click()
    assert not dialog.isVisible()
    assert _sign_in_works(url, "demo-trainee", "a-longer-secret")
    assert not _sign_in_works(url, "demo-trainee", "demo-trainee")


def test_the_accounts_page_is_forgotten_at_sign_out(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, _ = _signed_in(qtbot, tmp_path, "demo-admin")
    page = _page(window)
    assert page.model.rowCount() > 0
    window.sign_out()
    assert page.model.rowCount() == 0


def test_the_dialog_asks_for_the_length_the_service_requires() -> None:
    from tipcase.services import passwords

    from ui.pages import account_dialogs

    assert account_dialogs.MIN_PASSWORD_LENGTH == passwords.MIN_PASSWORD_LENGTH  # a copy: the dialog loads before the records
