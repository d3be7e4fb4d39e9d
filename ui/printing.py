"""Printing a certificate PDF: to a file, the signed PDF itself; to a printer, its pages drawn at the printer's resolution.

QtPdf renders a page only as a picture, so a printer gets a picture of each page, at the printer's
resolution up to ``MAX_DPI``: a paper copy, verified by its verification code or QR code, as any
paper is. "Print to file" gets the signed PDF byte for byte instead of a picture of it (which would
verify UNREADABLE: no signed text), so the file verifies as genuine. Its default is a file named for
what is printed (``certificates_file_name``: the serial of one certificate, the course and the day of
several) in the folder certificates were last saved or printed to, else ``print_folder()``; never a
``print.pdf`` that Qt would put in the home folder, nor the name of the file printed before.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, QStandardPaths
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLineEdit, QWidget

from tipcase.home_folder import claim_private

from ui import file_dialogs

MAX_DPI = 600  # a page drawn at 600 dpi is about 140 MB of pixels while it prints; finer adds nothing a reader sees


def prints_to_file(printer: QPrinter) -> bool:
    """Whether the printer chosen writes a PDF file (the print dialog's "Print to File (PDF)")."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of ``path`` on ``printer``; returns the pages printed.

    To a file: the file is ``path`` itself, copied (the signed PDF, which verifies as genuine). To a
    printer: each page drawn as a picture at the printer's resolution (at most ``MAX_DPI``), fitted to
    the page. Raises OSError when the PDF cannot be read, the printer opened or the file written.
    """
    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready:
        raise OSError(f"{path.name}: cannot be read as a PDF")
    if prints_to_file(printer):
        target = Path(printer.outputFileName())
        if target.resolve() != path.resolve():
            copy_private(path, target)
        return document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        shrink = min(1.0, MAX_DPI / max(printer.resolution(), 1))
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = QRectF(painter.viewport())
            size = document.pagePointSize(page)
            scale = min(area.width() / size.width(), area.height() / size.height())
            drawn = QRectF(area.x(), area.y(), size.width() * scale, size.height() * scale)
            image = document.render(page, QSize(int(drawn.width() * shrink), int(drawn.height() * shrink)))
            painter.drawImage(drawn, image)
    finally:
        painter.end()
    return document.pageCount()


def copy_private(source: Path, target: Path) -> None:
    """Copy a certificate PDF byte for byte to ``target``, readable by its owner only (it names its holder). Raises OSError."""
    claim_private(target)  # 0600 before the first byte (tipcase.home_folder)
    shutil.copyfile(source, target)


CERTIFICATES = "certificates"  # the kind of file (ui.file_dialogs) certificates are saved and printed to


def certificates_file_name(entries: Sequence[Any], extension: str, several: str) -> str:
    """The file name offered for ``entries`` (register rows: ``serial``, ``course`` code, ``issued`` ISO date), with ``extension``.

    One certificate: its serial (``TC-1A2B3C4D-2026-000001.pdf``). Several: their course and the day they
    were issued (``demo_2026-11-30.pdf``), the first and last day when issued on several
    (``demo_2026-11-02_2026-11-30.zip``), ``several`` (the word for certificates in the interface language)
    in place of the course when they are of several courses. A character a file name cannot hold on
    Windows becomes ``-``.
    """
    if len(entries) == 1:
        name = entries[0].serial
    else:
        courses = sorted({entry.course for entry in entries})
        days = sorted({str(entry.issued)[:10] for entry in entries if entry.issued})
        when = [days[0], days[-1]] if len(days) > 1 else days
        name = "_".join([courses[0] if len(courses) == 1 else several, *when])
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", name).strip(" .") + extension


def print_folder() -> Path:
    """Where "Print to file" offers to write: where certificates were last saved or printed to, else TIPCASE_HOME, else Documents.

    TIPCASE_HOME when set is a demo's or a test's world: its files stay in it.
    """
    last = file_dialogs.remembered_folder(CERTIFICATES)
    if last is not None:
        return last
    home = os.environ.get("TIPCASE_HOME")
    if home:
        return Path(home)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class PrintDialog(QPrintDialog):
    """The system's print dialog, whose "Print to file" offers ``file_name`` in ``print_folder()``.

    (Qt offers ``print.pdf`` in the home folder, or the working folder when it lies inside home, and then
    the file printed to before, whatever is printed now.) The native dialogs of Windows and macOS have no
    such field and ask for a file name themselves. :func:`printed_to` remembers the folder printed to.
    """

    def __init__(self, printer: QPrinter, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.default_file = print_folder() / file_name

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        field = self.findChild(QLineEdit, "filename")  # Qt's own dialog (Linux): its output file field
        if field is not None:
            field.setText(str(self.default_file))
            self._widen_for(field)

    def _widen_for(self, field: QLineEdit) -> None:
        """Widen the dialog (within its screen) until ``field`` shows its whole path: Qt's cut it to its last 25 characters."""
        wanted = field.fontMetrics().horizontalAdvance(field.text()) + 24  # the frame and the text margins
        if wanted > field.width():
            area = self.screen().availableGeometry()
            before = self.width()
            self.resize(min(area.width() - 40, before + wanted - field.width()), self.height())
            frame = self.frameGeometry()  # as much wider on each side, and whole on the screen
            frame.moveLeft(max(area.left(), min(frame.left() - (self.width() - before) // 2, area.right() - frame.width())))
            frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height())))
            self.move(frame.topLeft())
            field.setCursorPosition(0)  # the folder first, the name after it


def printed_to(printer: QPrinter) -> None:
    """After a print job: when it went to a file, its folder is where certificates are saved next (``ui.file_dialogs``)."""
    if prints_to_file(printer):
        file_dialogs.remember(CERTIFICATES, Path(printer.outputFileName()))
