"""A fresh process of the printing benchmark: ``python benchmarks/print_certificates.py plain|issue-qr IN.pickle OUT``.

Both read the certificates ``benchmarks/certificates.py`` read from the register (``certificates.printable``:
signed data, page records, the institution), pickled, so neither reads the database:

- ``plain`` (the baseline, OUT a PDF): the fastest plain way to the same pages with the libraries TIPCase
  uses. The same reportlab page (TIPCase's own drawing functions, the same canvas settings), the fixed
  parts (frame, institution, labels, logo, signature) drawn on each page, and the QR code drawn plainly
  from ``segno.make(payload, error="m")``: segno chooses the mask pattern as it encodes, as it does by
  default, and each dark module is a square in one filled path. What TIPCase does beyond it: the fixed
  parts drawn once into a form every page reuses, the QR as merged runs of modules, encoded by segno
  (its mask chosen) once, when the certificate was issued, and drawn from the modules the register keeps.
- ``issue-qr`` (OUT a JSON file): what issuing does for the QR code that printing no longer does: segno
  encodes each payload, choosing its mask, and the modules are packed for the register
  (``tipcase.certificates.qr.encode`` and ``EncodedQr.stored``); it writes ``{"count": n, "cpu": seconds}``,
  the CPU time of that alone.

TIPCase's side is ``tipcase certificate batch --cohort ... -o OUT.pdf`` itself, reading the register.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any


def plain(items: list[Any], institution: Any, target: Path) -> None:
    """One page per certificate, fixed parts drawn on each, the QR code by segno with its own mask choice."""
    import segno  # noqa: PLC0415 - each way loads only its own libraries
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    from tipcase.certificates import pdf as certpdf  # noqa: PLC0415

    def plain_qr(canvas: Any, item: Any, box: tuple[float, float, float]) -> None:
        x, y, size = box
        matrix = segno.make(item.payload, error="m", micro=False).matrix
        quiet = 2
        module = size / (len(matrix) + 2 * quiet)
        path = canvas.beginPath()
        for row_index, row in enumerate(matrix):
            top = y + size - (row_index + quiet + 1) * module
            for column, dark in enumerate(row):
                if dark:
                    path.rect(x + (column + quiet) * module, top, module, module)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawPath(path, stroke=0, fill=1)

    certpdf._draw_qr = plain_qr  # the page's other parts are TIPCase's own drawing
    certpdf.register_fonts()
    canvas = Canvas(str(target), pagesize=certpdf.PAGE, pageCompression=1, initialFontName=certpdf.FONT, initialFontSize=10)
    for item in items:
        certpdf._draw_static(canvas, item.institution or institution, [], item.layout)
        certpdf._draw_variable(canvas, item, [])
        canvas.showPage()
    canvas.save()


def issue_qr(items: list[Any], target: Path) -> None:
    """Encode each payload's QR code as issuing does (segno choosing the mask; packed to keep); write the count and CPU seconds."""
    from tipcase.certificates import qr  # noqa: PLC0415

    start = time.process_time()
    for item in items:
        qr.encode(item.payload).stored()
    target.write_text(json.dumps({"count": len(items), "cpu": time.process_time() - start}), encoding="utf-8")


def main(way: str, source: str, target: str) -> int:
    items, institution = pickle.loads(Path(source).read_bytes())  # written by benchmarks/certificates.py, never user input
    if way == "plain":
        plain(items, institution, Path(target))
    elif way == "issue-qr":
        issue_qr(items, Path(target))
    else:
        print(f"no way {way!r}: plain or issue-qr", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(*sys.argv[1:4]))
