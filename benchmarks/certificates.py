"""The certificate benchmark: 1,000 certificates into one PDF, against a naive reportlab loop.

The naive loop is what one would write first: per certificate, set up the fonts and draw every
label, image and line again, and draw the QR code with reportlab's own QrCodeWidget (one rectangle
per module). It prints the same text and the same payload.
"""

from __future__ import annotations

import io
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tipcase.certificates import pdf as certpdf
from tipcase.certificates.payload import CertificateData, sign
from tipcase.certificates.pdf import BOLD, FONT, HEIGHT, PAGE, QR_SIZE, WIDTH, Institution, PrintedCertificate
from tipcase.format.loader import default_competencies

INSTITUTION = Institution(
    {"en": "Police Education and Training Centre (example)", "id": "Pusat Pendidikan dan Pelatihan Polri (contoh)"},
    "Dr. Ayu Kartika Sari, M.Si.",
    {"en": "Head of Training", "id": "Kepala Bidang Pelatihan"},
)


def certificates(count: int) -> list[PrintedCertificate]:
    key = Ed25519PrivateKey.generate()
    titles = {c: (x.title.get("en", c), x.title.get("id", c)) for c, x in default_competencies().items()}
    items = []
    for number in range(1, count + 1):
        data = CertificateData(
            serial=f"TC-2026-{number:06d}",
            code=f"BENCH{number:07d}",
            name=f"Bripda Trainee Number {number}",
            rank="Bripda",
            staff_id=f"{98050000 + number}",
            unit="Unit PPA Polres Cirebon Kota",
            course="demo",
            title={"en": "Victim-centred case handling", "id": "Penanganan perkara yang berpusat pada korban"},
            scenarios=(("scam-compound-return", 1),),
            competencies={c: float((number * 7 + i * 13) % 101) for i, c in enumerate(titles)},
            issued="2026-11-26",
            expires="2029-11-26",
            institution=INSTITUTION.name["en"],
        )
        items.append(PrintedCertificate(data, sign(data, key), titles))
    return items


def naive(items: list[PrintedCertificate], target: Path | io.BytesIO) -> None:
    """One page per certificate, everything drawn afresh, QR code by QrCodeWidget."""
    certpdf.register_fonts()
    canvas = Canvas(target if isinstance(target, io.BytesIO) else str(target), pagesize=PAGE, initialFontName=FONT)
    for item in items:
        certpdf._draw_static(canvas, INSTITUTION)  # the frame, labels and names, again on every page
        data = item.data
        canvas.setFont(BOLD, 24)
        canvas.drawCentredString(WIDTH / 2, HEIGHT - 82 * mm, data.name)
        canvas.setFont(FONT, 10)
        for index, line in enumerate(
            [data.title["en"], data.title["id"], data.serial, data.code, data.issued, *map(str, data.competencies.values())]
        ):
            canvas.drawString(22 * mm, HEIGHT - 100 * mm - index * 4 * mm, line)
        widget = QrCodeWidget(item.payload, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, WIDTH - 22 * mm - QR_SIZE, 19 * mm)
        canvas.showPage()
    canvas.save()


def ours(items: list[PrintedCertificate], target: Path | io.BytesIO) -> None:
    certpdf.render(items, INSTITUTION, target)
