"""The certificate of a completed course, on its holder's home page: what it is, and Save as PDF or Print.

The PDF is made by the service on a worker (``desktop.write_own_certificate``: a holder may print only
their own, and not a revoked one); printing renders that PDF on the chosen printer. The printer belongs
to the widget, so it outlives the dialog that chose it.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from tipcase.services.desktop import CourseRow, HeldCertificate

from ui import file_dialogs
from ui.context import ApplicationContext
from ui.numbers import date_text


def _date(day: dt.date) -> str:
    """A date in the interface language's long form (QLocale's default follows the language)."""
    return date_text(day)


class CertificateActions(QWidget):
    """A holder's certificate for the selected course: what it states, and saving or printing its PDF."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.held: HeldCertificate | None = None
        self.course: CourseRow | None = None
        self.printer: QPrinter | None = None
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_certificate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.about)
        for button in (self.save_button, self.print_button):  # one above the other: side by side, the Indonesian captions
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)  # widened the pane and squeezed the course list

        self.retranslate()
        self.show_for(None)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save the certificate as PDF…"))
        self.print_button.setText(self.tr("&Print the certificate…"))
        self.show_for(self.course)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_for(self, course: CourseRow | None) -> None:
        """What the certificate of ``course`` (its heading or one of its cases selected) is; ``None``: nothing selected, nothing shows."""
        self.course = course
        self.held = held = course.certificate if course is not None else None
        printable = held is not None and held.status != "revoked"
        self.save_button.setVisible(printable)
        self.print_button.setVisible(printable)
        if course is None or (held is None and not course.completed):
            self.about.clear()
            self.save_button.setAccessibleDescription("")  # nothing of a certificate no longer shown stays for a screen reader
            self.print_button.setAccessibleDescription("")
            self.setVisible(False)
            return
        self.setVisible(True)
        if held is None:
            about = self.tr(
                "You completed this course. Its certificate is issued by your training centre's registrar; it will show here once issued."
            )
        elif held.status == "revoked":
            about = self.tr("Your certificate {serial} for this course was revoked. Ask your training centre's registrar why.").format(
                serial=held.serial
            )
        elif held.status == "expired":
            expired = _date(held.expires) if held.expires else ""
            about = self.tr("Your certificate {serial} for this course expired on {date}.").format(serial=held.serial, date=expired)
        else:
            until = self.tr("valid until {date}").format(date=_date(held.expires)) if held.expires else self.tr("valid with no expiry date")
            about = self.tr("Your certificate {serial} for this course was issued on {date}, {until}. Verification code: {code}.").format(
                serial=held.serial, date=_date(held.issued), until=until, code=held.code
            )
        heading = self.tr("Certificate")
        self.about.setText(f"<p><b>{html.escape(heading)}</b></p><p>{html.escape(about)}</p>")
        self.about.setAccessibleName(heading)
        self.save_button.setAccessibleDescription(about)
        self.print_button.setAccessibleDescription(about)

    # -- save and print ----------------------------------------------------------------------------
    def _write(self, target: Path, then: Callable[[Path], None]) -> None:
        db, account, held = self.context.db, self.context.account, self.held
        if db is None or account is None or held is None:
            return

        def work() -> Path:
            from tipcase.services.desktop import write_own_certificate  # noqa: PLC0415 - reportlab loads here

            write_own_certificate(db, account.id, held.serial, target)
            return target

        self.context.tasks.run(work, then, self.window().show_error)  # type: ignore[attr-defined]

    def save(self) -> None:
        held = self.held
        if held is None:
            return
        chosen = file_dialogs.save_file(
            self, "certificates", self.tr("Save the certificate"), f"{held.serial}.pdf", self.tr("PDF document (*.pdf)")
        )
        if chosen is not None:
            name = str(chosen)
            target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
            self._write(target, lambda path: self.context.signals.status_message.emit(self.tr("Saved {path}").format(path=path)))

    def print_certificate(self) -> None:
        if self.held is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="tipcase-certificate-"))
        self._write(folder / f"{self.held.serial}.pdf", self._print)  # Print to file offers the serial's name

    def _print(self, path: Path) -> None:
        from ui.printing import PrintDialog, print_pdf, printed_to, prints_to_file  # noqa: PLC0415 - QtPdf loads when something is printed

        try:
            if self.printer is None:  # certificates are A4 landscape (tipcase.certificates.pdf); the chosen printer is kept
                self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
                self.printer.setPageOrientation(QPageLayout.Orientation.Landscape)
            dialog = PrintDialog(self.printer, path.name, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                print_pdf(path, self.printer)
                printed_to(self.printer)
                if prints_to_file(self.printer):
                    said = self.tr("Saved {path}: the signed PDF itself, which verifies as genuine.")
                    said = said.format(path=self.printer.outputFileName())
                else:
                    said = self.tr("The certificate was sent to the printer.")
                self.context.signals.status_message.emit(said)
        except OSError as error:
            self.window().show_error(error)  # type: ignore[attr-defined]
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
