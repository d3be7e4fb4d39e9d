"""Revoking a certificate: the dialog names it, asks the reason and a confirmation that it cannot be undone.

The register page opens it with ``open()`` and reads ``reason()`` in its ``accepted`` signal. *Revoke* stays
disabled until a reason is typed and the confirmation ticked, and a line under the reason says what is
still missing, so an empty reason is never a silent no-op. The service checks the same again
(``tipcase.services.certificates.revoke``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tipcase.services.registrar_desktop import RegisterEntry

from ui.numbers import date_text
from ui.widgets.long_text import LongLineEdit

Text = Callable[[Any], str]  # a {language: text} value in the interface language (ApplicationContext.text)


class RevokeDialog(QDialog):
    """Revoke ``entry``: its serial, holder and course named; a reason and a confirmation required."""

    def __init__(self, entry: RegisterEntry, text: Text, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Revoke certificate {serial}").format(serial=entry.serial))
        course = text(entry.course_title) if entry.course_title else entry.course
        self.about = QLabel(
            self.tr("Revoke certificate <b>{serial}</b> of <b>{name}</b> for <b>{course}</b>, issued {issued}?").format(
                serial=html.escape(entry.serial), name=html.escape(entry.name), course=html.escape(course), issued=date_text(entry.issued)
            )
        )
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.reason_label = QLabel(self.tr("&Reason (recorded in the register and shown to whoever verifies it):"))
        self.reason_label.setWordWrap(True)
        self.reason_edit = LongLineEdit(lines=2)  # a reason is a sentence: it wraps, whole in sight
        self.reason_edit.setPlaceholderText(self.tr("For example: issued to the wrong officer"))
        self.reason_edit.setAccessibleName(self.tr("Reason for the revocation"))
        self.reason_label.setBuddy(self.reason_edit)
        self.confirm = QCheckBox(self.tr("I understand that a revocation &cannot be undone: the certificate stays revoked."))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("What is still needed"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Re&voke"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.about, self.reason_label, self.reason_edit, self.confirm, self.hint, self.buttons):
            layout.addWidget(widget)
        self.reason_edit.textChanged.connect(self._check)
        self.confirm.toggled.connect(lambda _on: self._check())
        self._check()
        self.setMinimumWidth(560)
        self.reason_edit.setFocus()

    def _check(self) -> None:
        """Revoke only with a reason and the confirmation; the hint says which is missing."""
        if not self.reason():
            self.hint.setText(self.tr("Type the reason to revoke the certificate."))
        elif not self.confirm.isChecked():
            self.hint.setText(self.tr("Tick the box to confirm: a revocation cannot be undone."))
        else:
            self.hint.setText("")
        self.ok.setEnabled(bool(self.reason()) and self.confirm.isChecked())

    def reason(self) -> str:
        """The reason typed, without surrounding blanks ("" when none)."""
        return " ".join(self.reason_edit.text().split())

    def accept(self) -> None:
        if self.ok.isEnabled():  # Enter in the reason field presses Revoke only once it may be pressed
            super().accept()
