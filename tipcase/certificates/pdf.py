"""Certificate PDFs with reportlab: A4 landscape, English and Bahasa Indonesia, embedded TrueType fonts.

The same code draws the on-screen preview and the file. For bulk printing, everything that is the
same on every certificate (frame, institution, labels, logo, signature) is drawn once into a form
XObject that each page reuses, and the QR code is drawn as one path of merged runs rather than one
rectangle per module; that is what makes a thousand certificates fast (``make bench``).
The signed payload is also written on the page as invisible text, so ``tipcase verify FILE.pdf``
can check the printed fields against it without scanning the QR image.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import segno
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tipcase import bundled
from tipcase.certificates.payload import CertificateData

PAGE = landscape(A4)
WIDTH, HEIGHT = PAGE
FONT, BOLD = "TIPCaseSans", "TIPCaseSans-Bold"
QR_SIZE = 45 * mm
INK = (0.10, 0.16, 0.30)
ACCENT = (0.55, 0.42, 0.12)

LABELS = {
    "title": ("Certificate of Completion", "Sertifikat Kelulusan Pelatihan"),
    "certifies": ("This certifies that", "Dengan ini menerangkan bahwa"),
    "completed": ("has completed the training course", "telah menyelesaikan pelatihan"),
    "competencies": ("Competencies assessed", "Kompetensi yang dinilai"),
    "cases": ("Cases", "Kasus"),
    "issued": ("Issued", "Diterbitkan"),
    "expires": ("Valid until", "Berlaku sampai"),
    "serial": ("Serial", "Nomor seri"),
    "code": ("Verification code", "Kode verifikasi"),
    "verify": ("Verify: scan the QR code, or run 'tipcase verify CODE'", "Verifikasi: pindai kode QR, atau jalankan 'tipcase verify KODE'"),
    "staff": ("Staff ID", "NRP/NIP"),
}


@dataclasses.dataclass(frozen=True)
class Institution:
    """The issuing institution, as an admin configures it."""

    name: dict[str, str]
    signatory_name: str = ""
    signatory_title: dict[str, str] = dataclasses.field(default_factory=dict)
    legal_basis: str = "UU 21/2007; UU 12/2022 Art. 21; Perpres 9/2024"
    logo_png: bytes | None = None
    signature_png: bytes | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Institution:
        def image(key: str) -> bytes | None:
            value = data.get(key)
            return base64.b64decode(value) if value else None

        return cls(
            name=dict(data.get("name") or {"en": "TIPCase Training Centre", "id": "Pusat Pelatihan TIPCase"}),
            signatory_name=str(data.get("signatory_name") or ""),
            signatory_title=dict(data.get("signatory_title") or {}),
            legal_basis=str(data.get("legal_basis") or cls.legal_basis),
            logo_png=image("logo_png"),
            signature_png=image("signature_png"),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "signatory_name": self.signatory_name,
            "signatory_title": self.signatory_title,
            "legal_basis": self.legal_basis,
            "logo_png": base64.b64encode(self.logo_png).decode() if self.logo_png else None,
            "signature_png": base64.b64encode(self.signature_png).decode() if self.signature_png else None,
        }


@dataclasses.dataclass(frozen=True)
class PrintedCertificate:
    """One page: the signed data, its payload text, and competency titles for printing."""

    data: CertificateData
    payload: str
    competency_titles: dict[str, tuple[str, str]]  # id -> (English, Indonesian)


@functools.cache
def register_fonts() -> None:
    fonts = bundled.resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "DejaVuSans-Bold.ttf")))


def printed_fields(data: CertificateData) -> list[str]:
    """Strings the page prints that verification checks against the signed data."""
    fields = [data.name, data.serial, data.code, data.issued, data.title.get("en", ""), data.title.get("id", "")]
    if data.expires:
        fields.append(data.expires)
    return [f for f in fields if f]


def _centre(canvas: Canvas, text: str, y: float, font: str, size: float) -> None:
    canvas.setFont(font, size)
    canvas.drawCentredString(WIDTH / 2, y, text)


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to ``size`` at which ``text`` fits in ``width``."""
    while size > 7 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _draw_static(canvas: Canvas, institution: Institution) -> None:
    """Everything that is the same on every certificate of this institution."""
    canvas.setStrokeColorRGB(*ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, WIDTH - 24 * mm, HEIGHT - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(15 * mm, 15 * mm, WIDTH - 30 * mm, HEIGHT - 30 * mm)
    if institution.logo_png:
        canvas.drawImage(
            ImageReader(io.BytesIO(institution.logo_png)),
            22 * mm,
            HEIGHT - 48 * mm,
            26 * mm,
            26 * mm,
            preserveAspectRatio=True,
            mask="auto",
        )
    canvas.setFillColorRGB(*INK)
    en, id_ = institution.name.get("en", ""), institution.name.get("id", "")
    _centre(canvas, en, HEIGHT - 30 * mm, BOLD, _fit(en, BOLD, 15, WIDTH - 110 * mm))
    if id_ and id_ != en:
        _centre(canvas, id_, HEIGHT - 36 * mm, FONT, _fit(id_, FONT, 11, WIDTH - 110 * mm))
    canvas.setFillColorRGB(*ACCENT)
    _centre(canvas, LABELS["title"][0], HEIGHT - 52 * mm, BOLD, 26)
    _centre(canvas, LABELS["title"][1], HEIGHT - 60 * mm, FONT, 14)
    canvas.setFillColorRGB(*INK)
    _centre(canvas, f"{LABELS['certifies'][0]} / {LABELS['certifies'][1]}", HEIGHT - 71 * mm, FONT, 10)
    _centre(canvas, f"{LABELS['completed'][0]} / {LABELS['completed'][1]}", HEIGHT - 98 * mm, FONT, 10)
    signature_x = WIDTH / 2
    if institution.signature_png:
        canvas.drawImage(
            ImageReader(io.BytesIO(institution.signature_png)),
            signature_x - 18 * mm,
            30 * mm,
            40 * mm,
            14 * mm,
            preserveAspectRatio=True,
            mask="auto",
        )
    canvas.setLineWidth(0.5)
    canvas.line(signature_x - 35 * mm, 29 * mm, signature_x + 35 * mm, 29 * mm)
    canvas.setFont(BOLD, 9)
    canvas.drawCentredString(signature_x, 25 * mm, institution.signatory_name)
    title = " / ".join(t for t in (institution.signatory_title.get("en"), institution.signatory_title.get("id")) if t)
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(signature_x, 21 * mm, title)
    canvas.setFont(FONT, 6.5)
    canvas.drawString(22 * mm, 26 * mm, LABELS["verify"][0])
    canvas.drawString(22 * mm, 22.8 * mm, LABELS["verify"][1])
    canvas.drawString(22 * mm, 19.6 * mm, f"Legal basis / Dasar hukum: {institution.legal_basis}")


def _draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code as one filled path of horizontal runs (not a rectangle per module)."""
    matrix = segno.make(payload, error="m", micro=False).matrix
    count = len(matrix)
    quiet = 2
    module = size / (count + 2 * quiet)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + quiet + 1) * module
        start = None
        for column, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                path.rect(x + (start + quiet) * module, top, (column - start) * module, module)
                start = None
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_variable(canvas: Canvas, item: PrintedCertificate) -> None:
    data = item.data
    canvas.setFillColorRGB(*INK)
    _centre(canvas, data.name, HEIGHT - 82 * mm, BOLD, _fit(data.name, BOLD, 24, WIDTH - 60 * mm))
    identity = "  ·  ".join(
        p for p in (data.rank, f"{LABELS['staff'][0]} / {LABELS['staff'][1]}: {data.staff_id}" if data.staff_id else None, data.unit) if p
    )
    _centre(canvas, identity, HEIGHT - 89 * mm, FONT, _fit(identity, FONT, 10.5, WIDTH - 60 * mm))
    title_en, title_id = data.title.get("en", ""), data.title.get("id", "")
    _centre(canvas, title_en, HEIGHT - 107 * mm, BOLD, _fit(title_en, BOLD, 15, WIDTH - 60 * mm))
    if title_id and title_id != title_en:
        _centre(canvas, title_id, HEIGHT - 114 * mm, FONT, _fit(title_id, FONT, 12, WIDTH - 60 * mm))
    cases = ", ".join(f"{scenario} v{version}" for scenario, version in data.scenarios)
    _centre(
        canvas, f"{LABELS['cases'][0]} / {LABELS['cases'][1]}: {cases}", HEIGHT - 120 * mm, FONT, _fit(cases, FONT, 7.5, WIDTH - 80 * mm)
    )

    # competencies, two columns
    canvas.setFont(BOLD, 8.5)
    canvas.drawString(22 * mm, HEIGHT - 128 * mm, f"{LABELS['competencies'][0]} / {LABELS['competencies'][1]}")
    rows = list(data.competencies.items())
    per_column = (len(rows) + 1) // 2
    for index, (competency, percent) in enumerate(rows):
        column, row = divmod(index, per_column)
        x = 22 * mm + column * 102 * mm  # two columns, clear of the QR code on the right
        y = HEIGHT - 134 * mm - row * 4.4 * mm
        english, indonesian = item.competency_titles.get(competency, (competency, competency))
        label = english if english == indonesian else f"{english} / {indonesian}"
        canvas.setFont(FONT, _fit(label, FONT, 7.5, 84 * mm))
        canvas.drawString(x, y, label)
        canvas.setFont(BOLD, 7.5)
        canvas.drawRightString(x + 97 * mm, y, f"{percent:g} %")

    # dates, serial, code
    canvas.setFont(FONT, 8.5)
    top = HEIGHT - 134 * mm - per_column * 4.4 * mm - 4 * mm
    lines = [f"{LABELS['issued'][0]} / {LABELS['issued'][1]}: {data.issued}"]
    if data.expires:
        lines.append(f"{LABELS['expires'][0]} / {LABELS['expires'][1]}: {data.expires}")
    lines.append(f"{LABELS['serial'][0]} / {LABELS['serial'][1]}: {data.serial}")
    for index, line in enumerate(lines):
        canvas.drawString(22 * mm, top - index * 4.2 * mm, line)
    canvas.setFont(BOLD, 9.5)
    canvas.drawString(22 * mm, top - len(lines) * 4.2 * mm - 1 * mm, f"{LABELS['code'][0]} / {LABELS['code'][1]}: {data.code}")
    _draw_qr(canvas, item.payload, WIDTH - 22 * mm - QR_SIZE, 19 * mm, QR_SIZE)

    # the signed payload as invisible text, for verification straight from the PDF
    text = canvas.beginText(22 * mm, 14 * mm)
    text.setTextRenderMode(3)
    text.setFont(FONT, 1)
    text.textLine(item.payload)
    canvas.drawText(text)


def render(
    certificates: Sequence[PrintedCertificate],
    institution: Institution,
    target: Path | io.BytesIO,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Draw certificates into one PDF (a page each); returns pages written. Stops early if cancelled."""
    register_fonts()
    canvas = Canvas(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=PAGE,
        pageCompression=1,
        initialFontName=FONT,
        initialFontSize=10,
    )
    canvas.setTitle("TIPCase certificates" if len(certificates) != 1 else f"TIPCase certificate {certificates[0].data.serial}")
    canvas.setAuthor(institution.name.get("en", "TIPCase"))
    canvas.setCreator("TIPCase")
    canvas.beginForm("static")
    _draw_static(canvas, institution)
    canvas.endForm()
    written = 0
    for item in certificates:
        if cancelled is not None and cancelled():
            break
        canvas.doForm("static")
        _draw_variable(canvas, item)
        canvas.showPage()
        written += 1
        if progress is not None:
            progress(written, len(certificates))
    canvas.save()
    return written


def render_bytes(certificates: Iterable[PrintedCertificate], institution: Institution) -> bytes:
    buffer = io.BytesIO()
    render(list(certificates), institution, buffer)
    return buffer.getvalue()
