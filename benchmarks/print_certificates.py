"""One fresh process of the printing benchmark: ``python benchmarks/print_certificates.py naive|tipcase IN.pickle OUT.pdf``.

Both read the same certificates (signed data, page records, the institution), pickled by
``benchmarks/certificates.py``, and write them into one PDF:

- ``tipcase``: ``tipcase.services.certificates.write_pdfs``, what ``tipcase certificate batch`` and the
  app's Register > Print run once the certificates are read from the register;
- ``naive``: what one would write first: per certificate set up the fonts and draw every label, image
  and line again, and draw the QR code with reportlab's own ``QrCodeWidget`` (one rectangle per module),
  with the same text and the same payload.

Each imports only what its way of printing needs.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any


def naive(items: list[Any], institution: Any, target: Path) -> None:
    """One page per certificate, everything drawn afresh, QR code by QrCodeWidget."""
    from reportlab.graphics import renderPDF  # noqa: PLC0415 - each way loads only its own libraries
    from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: PLC0415
    from reportlab.graphics.shapes import Drawing  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    from tipcase.certificates import pdf as certpdf  # noqa: PLC0415

    certpdf.register_fonts()
    canvas = Canvas(str(target), pagesize=certpdf.PAGE, initialFontName=certpdf.FONT)
    width, height, size = certpdf.WIDTH, certpdf.HEIGHT, certpdf.QR_SIZE
    for item in items:
        certpdf._draw_static(canvas, institution, [])  # the frame, labels and names, again on every page
        data = item.data
        canvas.setFont(certpdf.BOLD, 24)
        canvas.drawCentredString(width / 2, height - 82 * mm, data.name)
        canvas.setFont(certpdf.FONT, 10)
        for index, line in enumerate(
            [data.title["en"], data.title["id"], data.serial, data.code, data.issued, *map(str, data.competencies.values())]
        ):
            canvas.drawString(22 * mm, height - 100 * mm - index * 4 * mm, line)
        widget = QrCodeWidget(item.payload, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, width - 22 * mm - size, 19 * mm)
        canvas.showPage()
    canvas.save()


def main(way: str, source: str, target: str) -> int:
    items, institution = pickle.loads(Path(source).read_bytes())  # written by benchmarks/certificates.py, never user input
    if way == "tipcase":
        from tipcase.services.certificates import write_pdfs  # noqa: PLC0415

        write_pdfs(items, institution, Path(target))
    elif way == "naive":
        naive(items, institution, Path(target))
    else:
        print(f"no way {way!r}: naive or tipcase", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(*sys.argv[1:4]))
