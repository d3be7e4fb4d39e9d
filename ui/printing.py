"""Printing a PDF through the system's print dialog: QtPdf renders each page to the QPrinter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Render every page of ``path`` onto ``printer``, fitted to the page; returns the pages printed."""
    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready:
        raise OSError(f"{path.name}: cannot be read as a PDF")
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = QRectF(painter.viewport())
            size = document.pagePointSize(page)
            scale = min(area.width() / size.width(), area.height() / size.height())
            target = QSize(int(size.width() * scale), int(size.height() * scale))
            image = document.render(page, target)
            painter.drawImage(QRectF(area.x(), area.y(), target.width(), target.height()), image)
    finally:
        painter.end()
    return document.pageCount()
