"""The dialogs of account work: a new account and correcting one (administrators), changing one's own password (everyone).

Both only gather and check what is typed; the page or the menu that opened them runs the service on the task
runner (``tipcase.services.account_desk``) and shows its refusal in the dialog, which stays open to correct it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from tipcase.services.person_fields import staff_id_problem

from ui.errors import core_text
from ui.widgets.problem_label import problem_label

MIN_PASSWORD_LENGTH = 8  # tipcase.services.passwords.MIN_PASSWORD_LENGTH (the records layer loads after the window)


def check_staff_id(field: QLineEdit, problem: QLabel) -> bool:
    """Whether ``field`` holds an NRP or NIP (or nothing); if not, ``problem`` says what is wrong, as the roster would.

    The rule is the roster importer's and the service's (``tipcase.services.person_fields``): digits only,
    blanks between groups allowed, at most 18. Said as it is typed, so OK is never pressed to learn it.
    """
    found = staff_id_problem(field.text()) if field.text().strip() else None
    if found is None:
        if problem.property("staff_id"):
            problem.hide()
            problem.setProperty("staff_id", False)
        return True
    problem.setText(core_text(found))
    problem.setProperty("staff_id", True)  # this line is the staff ID's: it goes when the staff ID is right
    problem.show()
    return False


def role_names() -> dict[str, str]:
    """Each role's value (``tipcase.store.models.Role``) and its name in the interface language."""
    return {
        "trainee": QCoreApplication.translate("AccountRoles", "Trainee"),
        "trainer": QCoreApplication.translate("AccountRoles", "Trainer"),
        "registrar": QCoreApplication.translate("AccountRoles", "Registrar"),
        "admin": QCoreApplication.translate("AccountRoles", "Administrator"),
    }


class NewAccountDialog(QDialog):
    """The fields of a new account: username, full name, role, and the optional rank, staff ID, unit and agency.

    OK emits ``submitted``; the opener closes the dialog once the account is made, or shows the refusal in it.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New account"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("lower-case letters, digits, '.', '_' or '-'"))
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("as it will be printed on certificates"))
        self.role = QComboBox()
        for value, name in role_names().items():
            self.role.addItem(name, value)
        self.rank = QLineEdit()
        self.staff_id = QLineEdit()
        self.unit = QLineEdit()
        self.agency = QLineEdit()
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("&Username:"), self.username)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("Ran&k:"), self.rank)
        form.addRow(self.tr("&Staff ID (NRP/NIP):"), self.staff_id)
        form.addRow(self.tr("U&nit:"), self.unit)
        form.addRow(self.tr("&Agency:"), self.agency)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create the account"))
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A password is made for the account and shown once, for you to hand over.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.username, self.full_name, self.staff_id):
            field.textChanged.connect(self._check)
        self.setMinimumWidth(600)  # a unit's full name ("Unit PPA Satreskrim Polrestabes ...") whole in its field
        self._check()

    def _check(self) -> None:
        staff_id_ok = check_staff_id(self.staff_id, self.problem)
        ready = bool(self.username.text().strip()) and bool(self.full_name.text().strip()) and staff_id_ok
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def values(self) -> dict[str, str | None]:
        """What was typed, as ``tipcase.services.accounts.NewUser``'s fields (empty optional fields as None)."""

        def optional(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        return {
            "username": self.username.text().strip().lower(),
            "full_name": self.full_name.text().strip(),
            "role": str(self.role.currentData()),
            "rank": optional(self.rank),
            "staff_id": optional(self.staff_id),
            "unit": optional(self.unit),
            "agency": optional(self.agency),
        }

    def show_problem(self, message: str) -> None:
        """Say why the account was not made; the dialog stays open to correct it."""
        self.problem.setText(message)
        self.problem.show()


class EditAccountDialog(QDialog):
    """Correct an account's full name, rank, staff ID, unit and agency (the username and role are changed elsewhere).

    Filled with ``account``'s values (an ``account_desk.AccountRow``). OK emits ``submitted`` once something
    changed; ``changes()`` gives only the changed fields. The note says what a correction does not change:
    certificates already issued keep what they were issued with (their signed page is stored with them).
    """

    submitted = Signal()

    def __init__(self, account: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.setWindowTitle(self.tr("Edit the account {username}").format(username=account.username))
        self.full_name = QLineEdit(account.full_name)
        self.full_name.setPlaceholderText(self.tr("as it will be printed on certificates"))
        self.rank = QLineEdit(account.rank)
        self.staff_id = QLineEdit(account.staff_id)
        self.unit = QLineEdit(account.unit)
        self.agency = QLineEdit(account.agency)
        self.fields = {"full_name": self.full_name, "rank": self.rank, "staff_id": self.staff_id, "unit": self.unit, "agency": self.agency}
        note = QLabel(
            self.tr(
                "Certificates already issued keep the name, rank, staff ID and unit they were issued with; "
                "certificates issued from now on print the corrected values."
            )
        )
        note.setWordWrap(True)
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Username:"), QLabel(account.username))
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("Ran&k:"), self.rank)
        form.addRow(self.tr("&Staff ID (NRP/NIP):"), self.staff_id)
        form.addRow(self.tr("U&nit:"), self.unit)
        form.addRow(self.tr("Ag&ency:"), self.agency)  # not A&gency: the underline under g is lost in its tail
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Sa&ve the changes"))
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in self.fields.values():
            field.textChanged.connect(self._check)
        self.setMinimumWidth(600)  # a unit's full name ("Unit PPA Satreskrim Polrestabes ...") whole in its field
        self._check()

    def changes(self) -> dict[str, str]:
        """The fields whose text differs from the account's (``accounts.EDITABLE`` names; "" clears an optional one)."""
        typed = {name: field.text().strip() for name, field in self.fields.items()}
        return {name: text for name, text in typed.items() if text != (getattr(self.account, name) or "")}

    def _check(self) -> None:
        staff_id_ok = check_staff_id(self.staff_id, self.problem)
        ready = bool(self.full_name.text().strip()) and bool(self.changes()) and staff_id_ok
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ready)

    def show_problem(self, message: str) -> None:
        """Say why the account was not changed; the dialog stays open to correct it."""
        self.problem.setText(message)
        self.problem.show()


class ChangePasswordDialog(QDialog):
    """The current password, then the new one twice; OK only once the new one is long enough and typed the same twice.

    OK emits ``submitted``; the opener closes the dialog once the password is changed, or shows the refusal in it.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change my password"))
        self.current = _password_field()
        self.new = _password_field()
        self.repeat = _password_field()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("&Current password:"), self.current)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat the new password:"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&hange the password"))
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        new, repeat = self.new.text(), self.repeat.text()
        if len(new) < MIN_PASSWORD_LENGTH:
            hint = self.tr("The new password needs at least {count} characters.").format(count=MIN_PASSWORD_LENGTH)
        elif repeat and repeat != new:
            hint = self.tr("The two new passwords are not the same.")
        else:
            hint = ""
        self.hint.setText(hint)
        ready = bool(self.current.text()) and len(new) >= MIN_PASSWORD_LENGTH and new == repeat
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def show_problem(self, message: str) -> None:
        """Say why the password was not changed (a wrong current password); the fields are kept to correct it."""
        self.problem.setText(message)
        self.problem.show()
        self.current.selectAll()
        self.current.setFocus()


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
