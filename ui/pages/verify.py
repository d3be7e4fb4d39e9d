"""Verifying a certificate presented to you: type its code, paste its QR payload, or open its PDF.

Works signed out too, and offline: with no database it checks the signature and dates only.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.context import ApplicationContext
from ui.theme import colours


class VerifyPage(QWidget):
    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.heading = QLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.verify_entry)
        self.verify_button = _button(self.verify_entry)
        self.open_button = _button(self.open_pdf)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.verify_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)
        self.statuses: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Verify a certificate") + "</h2>")
        self.intro.setText(
            self.tr("Type the verification code printed on the certificate, paste the text of its QR code, or open its PDF.")
        )
        self.entry.setPlaceholderText(self.tr("Verification code or QR text"))
        self.entry.setAccessibleName(self.tr("Verification code or QR text"))
        self.verify_button.setText(self.tr("&Verify"))
        self.open_button.setText(self.tr("&Open PDF…"))
        self.result.setAccessibleName(self.tr("Verification result"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def verify_entry(self) -> None:
        if self.entry.text().strip():
            self.verify(self.entry.text().strip())

    def open_pdf(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a certificate"), "", self.tr("PDF document (*.pdf)"))
        if name:
            self.verify(name)

    def verify(self, argument: str) -> None:
        db = self.context.db

        def work() -> Any:
            from tipcase.services.desktop import verify  # noqa: PLC0415

            return verify(db, argument)

        self.context.tasks.run(work, self.show_results, lambda error: self.result.setText(html.escape(str(error))))

    def show_results(self, results: list[Any]) -> None:
        palette = colours()
        words = {
            "valid": self.tr("Valid"),
            "revoked": self.tr("Revoked"),
            "expired": self.tr("Expired"),
            "unknown": self.tr("Unknown code"),
            "forged": self.tr("Forged or altered"),
        }
        self.statuses = [r.status for r in results]
        parts = []
        for result in results:
            colour = (palette.good if result.valid else palette.bad).name()
            detail = ""
            if result.data is not None:
                data = result.data
                detail = (
                    f"<br>{html.escape(data.name)}"
                    + (f" · {html.escape(data.staff_id)}" if data.staff_id else "")
                    + f"<br>{html.escape(data.title.get(self.context.language) or data.title.get('en', data.course))}"
                    + f"<br>{html.escape(data.serial)} · {html.escape(data.issued)}"
                )
            parts.append(f"<h3 style='color:{colour}'>{words[result.status]}</h3><p>{html.escape(result.message)}{detail}</p>")
        self.result.setText("".join(parts))


def _button(slot: object) -> QPushButton:
    button = QPushButton()
    button.clicked.connect(slot)
    return button
