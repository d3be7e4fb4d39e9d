"""The register's print window: the certificates exactly as they print, with Print…, Save the PDF… and Close.

*Preview* and *Print…* both open it on the signed PDF the register wrote. It says what a printed copy is:
a paper copy, which whoever holds it verifies by its code or QR code; a file that verifies as genuine by
itself is the PDF, which *Save the PDF…* writes byte for byte. *Print…* goes on to the system's print
dialog (``ui.printing``); Esc or *Close* closes it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from ui import file_dialogs
from ui.printing import copy_private


class CertificatePrintWindow(QDialog):
    """``path`` (a signed PDF of ``count`` certificates) as it prints; ``file_name`` is what saving it offers.

    ``print_requested`` asks the page to print ``path``; ``saved(Path)`` says where *Save the PDF…* wrote it.
    """

    print_requested = Signal()
    saved = Signal(Path)

    def __init__(self, path: Path, count: int, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.file_name = file_name
        self.setWindowTitle(self.tr("Print %n certificate(s)", "", count))
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage if count > 1 else QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setAccessibleName(self.tr("Certificate preview"))
        self.note = QLabel(
            self.tr(
                "A printed certificate is a paper copy: whoever holds it verifies it by its verification code or QR code. "
                "A file that verifies as genuine by itself is the certificate's PDF: save the PDF to send it."
            )
        )
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = self.buttons.addButton(self.tr("&Save the PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_requested.emit)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(900, 680)

    def save(self) -> None:
        """Write the signed PDF, byte for byte, where the user chooses."""
        chosen = file_dialogs.save_file(self, "certificates", self.tr("Save the PDF"), self.file_name, self.tr("PDF document (*.pdf)"))
        if chosen is None:  # (a bare name went to the program's working folder: now the certificates' last folder, or Documents)
            return
        target = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
        try:
            copy_private(self.path, target)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save the PDF"), f"{target}: {error.strerror or error}")
            return
        self.saved.emit(target)
