"""Certificate PDFs with reportlab: A4 landscape, English and Bahasa Indonesia, embedded TrueType fonts.

The same code draws the on-screen preview, the file, and the page a verifier re-creates from the
signed data to compare with a presented PDF (``tipcase.certificates.page_check``): a page is a pure
function of its certificate's signed data and page record. For bulk printing, everything that is the
same on every certificate of one institution (frame, institution, labels, logo, signature) is drawn
once into a form XObject that each page reuses, and the QR code is drawn as one path of merged runs
rather than one rectangle per module, from the modules segno encoded when the certificate was issued
(``tipcase.certificates.qr``); that is what makes a thousand certificates fast (``make bench``).
The signed texts (``TC1:`` data and ``TP1:`` page record) are written on the page as invisible text,
so ``tipcase verify FILE.pdf`` can check the page without scanning the QR image.

A page is drawn in the layout its page record names (``payload.LAYOUTS``), so a certificate printed
years ago is re-created as it was. Layout 2 (from issue 13) prints the cases by their titles, in both
languages, wrapped within the page, and a signature block that is never empty: the signatory's name
and office (or the institution and "Authorised official", ``Institution.signature_block``) under the
line, and above it the signature picture or, without one, the statement that the certificate is signed
electronically, which its QR code and verification code prove.

While drawing, every field is recorded as a ``Region`` (its box on the page), so a difference found
on a presented page can be named: the name, the rank, a competency's percent, the serial...
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tipcase import bundled
from tipcase.certificates import images, qr
from tipcase.certificates.institution import Institution
from tipcase.certificates.payload import LAYOUT, CertificateData
from tipcase.certificates.qr import EncodedQr
from tipcase.home_folder import claim_private

__all__ = ["Institution", "PrintedCertificate", "Region", "printed_fields", "render", "render_bytes"]

PAGE = landscape(A4)
WIDTH, HEIGHT = PAGE
FONT, BOLD = "TIPCaseSans", "TIPCaseSans-Bold"
QR_SIZE = 45 * mm
INK = (0.10, 0.16, 0.30)
ACCENT = (0.55, 0.42, 0.12)
LOGO_BOX = (22 * mm, HEIGHT - 48 * mm, 26 * mm, 26 * mm)  # x, y, width, height
SIGNATURE_BOX = (WIDTH / 2 - 18 * mm, 30 * mm, 40 * mm, 14 * mm)  # layout 1
SIGNATORY_X = 168 * mm  # layout 2: the signature block's centre, clear of the notes on the left and the QR code
SIGNATURE_BOX_2 = (SIGNATORY_X - 20 * mm, 30 * mm, 40 * mm, 14 * mm)
CASE_LINES = 4  # layout 2: the case titles take at most four lines under the course title,
CASE_SPAN = 10 * mm  # from the first line's baseline to the last's at most
CASE_LEADING = 1.2  # line height, in font sizes
SEPARATOR = "  ·  "

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
    "electronic": (
        "Signed electronically: its QR code and verification code prove it",
        "Ditandatangani secara elektronik: dibuktikan oleh kode QR dan kode verifikasinya",
    ),
}


def signature_box(layout: int) -> tuple[float, float, float, float]:
    """Where the signature picture is drawn in ``layout`` (x, y, width, height)."""
    return SIGNATURE_BOX if layout < 2 else SIGNATURE_BOX_2


@dataclasses.dataclass(frozen=True)
class Region:
    """Where one field is printed.

    ``field`` is a key of ``tipcase.certificates.fields.FIELDS``, or ``competency:<id>`` / ``percent:<id>``;
    ``box`` is (x0, y0, x1, y1) in points from the page's bottom-left corner.
    """

    field: str
    box: tuple[float, float, float, float]


@dataclasses.dataclass(frozen=True)
class PrintedCertificate:
    """One page: the signed data, its payload text and competency titles.

    Since page records: the institution as it was at issue, and the signed ``TP1:`` record that says so.
    """

    data: CertificateData
    payload: str
    competency_titles: dict[str, tuple[str, str]]  # id -> (English, Indonesian)
    institution: Institution | None = None  # None: the institution given to render()
    record: str | None = None  # the signed page record; None on certificates issued before records
    qr_mask: int | None = None  # the QR mask the record names (None: chosen by segno, which takes longer)
    case_titles: tuple[tuple[str, str, str], ...] = ()  # layout 2: (scenario id, English, Indonesian) per case
    layout: int = LAYOUT  # the page record's layout (1: cases by id, the signature line as configured)
    qr: EncodedQr | None = None  # the QR code as encoded at issue (the register's); None: encoded when drawn


@functools.cache
def register_fonts() -> None:
    fonts = bundled.resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "DejaVuSans-Bold.ttf")))


def printed_fields(data: CertificateData) -> list[str]:
    """Strings the page prints from the signed data (name, serial, code, dates, course titles)."""
    fields = [data.name, data.serial, data.code, data.issued, data.title.get("en", ""), data.title.get("id", "")]
    if data.expires:
        fields.append(data.expires)
    return [f for f in fields if f]


def _text(
    canvas: Canvas, regions: list[Region], field: str, text: str, *, x: float, y: float, font: str, size: float, align: str = ""
) -> None:
    """Draw ``text`` (left, ``centre`` or ``right`` of x) and record its box as ``field``."""
    canvas.setFont(font, size)
    width = pdfmetrics.stringWidth(text, font, size)
    if align == "centre":
        canvas.drawCentredString(x, y, text)
        x -= width / 2
    elif align == "right":
        canvas.drawRightString(x, y, text)
        x -= width
    else:
        canvas.drawString(x, y, text)
    regions.append(Region(field, (x, y - 0.3 * size, x + width, y + 0.95 * size)))


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to ``size`` at which ``text`` fits in ``width``."""
    while size > 7 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _picture(canvas: Canvas, regions: list[Region], field: str, data: bytes, box: tuple[float, float, float, float]) -> None:
    x, y, w, h = box
    canvas.drawImage(ImageReader(images.canonical(data)), x, y, w, h, preserveAspectRatio=True, mask="auto")
    regions.append(Region(field, (x, y, x + w, y + h)))


def _draw_static(canvas: Canvas, institution: Institution, regions: list[Region], layout: int = LAYOUT) -> None:
    """Everything that is the same on every certificate of this institution (in one layout)."""
    canvas.setStrokeColorRGB(*ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, WIDTH - 24 * mm, HEIGHT - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(15 * mm, 15 * mm, WIDTH - 30 * mm, HEIGHT - 30 * mm)
    for box in ((10, 10, 17, HEIGHT / mm - 10), (WIDTH / mm - 17, 10, WIDTH / mm - 10, HEIGHT / mm - 10)):
        regions.append(Region("frame", tuple(v * mm for v in box)))
    for box in ((10, 10, WIDTH / mm - 10, 17), (10, HEIGHT / mm - 17, WIDTH / mm - 10, HEIGHT / mm - 10)):
        regions.append(Region("frame", tuple(v * mm for v in box)))
    if institution.logo_png:
        _picture(canvas, regions, "logo", institution.logo_png, LOGO_BOX)
    canvas.setFillColorRGB(*INK)
    en, id_ = institution.name.get("en", ""), institution.name.get("id", "")
    _text(
        canvas,
        regions,
        "institution",
        en,
        x=WIDTH / 2,
        y=HEIGHT - 30 * mm,
        font=BOLD,
        size=_fit(en, BOLD, 15, WIDTH - 110 * mm),
        align="centre",
    )
    if id_ and id_ != en:
        _text(
            canvas,
            regions,
            "institution",
            id_,
            x=WIDTH / 2,
            y=HEIGHT - 36 * mm,
            font=FONT,
            size=_fit(id_, FONT, 11, WIDTH - 110 * mm),
            align="centre",
        )
    canvas.setFillColorRGB(*ACCENT)
    _text(canvas, regions, "heading", LABELS["title"][0], x=WIDTH / 2, y=HEIGHT - 52 * mm, font=BOLD, size=26, align="centre")
    _text(canvas, regions, "heading", LABELS["title"][1], x=WIDTH / 2, y=HEIGHT - 60 * mm, font=FONT, size=14, align="centre")
    canvas.setFillColorRGB(*INK)
    certifies = f"{LABELS['certifies'][0]} / {LABELS['certifies'][1]}"
    _text(canvas, regions, "wording", certifies, x=WIDTH / 2, y=HEIGHT - 71 * mm, font=FONT, size=10, align="centre")
    completed = f"{LABELS['completed'][0]} / {LABELS['completed'][1]}"
    _text(canvas, regions, "wording", completed, x=WIDTH / 2, y=HEIGHT - 98 * mm, font=FONT, size=10, align="centre")
    if layout < 2:
        _signature_layout_1(canvas, institution, regions)
    else:
        _signature_block(canvas, institution, regions)


def _signature_layout_1(canvas: Canvas, institution: Institution, regions: list[Region]) -> None:
    """Layout 1: the line at the page's centre, with the signatory as configured (empty when none was)."""
    signature_x = WIDTH / 2
    if institution.signature_png:
        _picture(canvas, regions, "signature", institution.signature_png, SIGNATURE_BOX)
    canvas.setLineWidth(0.5)
    canvas.line(signature_x - 35 * mm, 29 * mm, signature_x + 35 * mm, 29 * mm)
    regions.append(Region("signatory", (signature_x - 35 * mm, 28 * mm, signature_x + 35 * mm, 30 * mm)))
    _text(canvas, regions, "signatory", institution.signatory_name, x=signature_x, y=25 * mm, font=BOLD, size=9, align="centre")
    title = " / ".join(t for t in (institution.signatory_title.get("en"), institution.signatory_title.get("id")) if t)
    _text(canvas, regions, "signatory", title, x=signature_x, y=21 * mm, font=FONT, size=8, align="centre")
    _notes(canvas, regions, institution, WIDTH)


def _notes(canvas: Canvas, regions: list[Region], institution: Institution, width: float) -> None:
    """How to verify, and the legal basis, at the bottom left (at most ``width`` wide)."""
    _text(canvas, regions, "verify_note", LABELS["verify"][0], x=22 * mm, y=26 * mm, font=FONT, size=6.5)
    _text(canvas, regions, "verify_note", LABELS["verify"][1], x=22 * mm, y=22.8 * mm, font=FONT, size=6.5)
    basis = f"Legal basis / Dasar hukum: {institution.legal_basis}"
    _text(canvas, regions, "legal_basis", basis, x=22 * mm, y=19.6 * mm, font=FONT, size=_fit(basis, FONT, 6.5, width))


def _signature_block(canvas: Canvas, institution: Institution, regions: list[Region]) -> None:
    """Layout 2: picture or electronic-signature statement, the line, the name and the office in both languages."""
    x, half = SIGNATORY_X, 40 * mm
    if institution.signature_png:
        _picture(canvas, regions, "signature", institution.signature_png, SIGNATURE_BOX_2)
    else:
        for line, y in ((LABELS["electronic"][0], 34 * mm), (LABELS["electronic"][1], 31 * mm)):
            _text(canvas, regions, "signatory", line, x=x, y=y, font=FONT, size=_fit(line, FONT, 6.5, 2 * half), align="centre")
    canvas.setLineWidth(0.5)
    canvas.line(x - half, 29 * mm, x + half, 29 * mm)
    regions.append(Region("signatory", (x - half, 28 * mm, x + half, 30 * mm)))
    name, office = institution.signature_block()
    _text(canvas, regions, "signatory", name, x=x, y=25 * mm, font=BOLD, size=_fit(name, BOLD, 9, 2 * half), align="centre")
    english, indonesian = office.get("en", ""), office.get("id", "")
    lines = [english, indonesian] if english and indonesian and english != indonesian else [english or indonesian]
    for line, y in zip(lines, (21.4 * mm, 18.2 * mm), strict=False):
        _text(canvas, regions, "signatory", line, x=x, y=y, font=FONT, size=_fit(line, FONT, 7.5, 2 * half), align="centre")
    _notes(canvas, regions, institution, x - half - 26 * mm)


def qr_mask(payload: str) -> int:
    """The mask pattern segno chooses for ``payload`` (``qr.choose_mask``)."""
    return qr.choose_mask(payload)


def _draw_qr(canvas: Canvas, item: PrintedCertificate, box: tuple[float, float, float]) -> None:
    """The QR code as one filled path of horizontal runs (``qr.draw``); box is x, y, size.

    From the modules segno encoded at issue when the register kept them for the record's mask and this payload, else encoded now.
    """
    encoded = item.qr
    if encoded is None or encoded.mask != item.qr_mask or not encoded.encodes(item.payload):
        encoded = qr.encode(item.payload, item.qr_mask)
    qr.draw(canvas, encoded.rows(), box)


def _identity(canvas: Canvas, regions: list[Region], data: CertificateData) -> None:
    """Rank · staff ID · unit, centred on one line, each part its own region."""
    staff = f"{LABELS['staff'][0]} / {LABELS['staff'][1]}: {data.staff_id}" if data.staff_id else None
    parts = [(field, text) for field, text in (("rank", data.rank), ("staff_id", staff), ("unit", data.unit)) if text]
    line = SEPARATOR.join(text for _, text in parts)
    size = _fit(line, FONT, 10.5, WIDTH - 60 * mm)
    y = HEIGHT - 89 * mm
    canvas.setFont(FONT, size)
    canvas.drawCentredString(WIDTH / 2, y, line)
    x = WIDTH / 2 - pdfmetrics.stringWidth(line, FONT, size) / 2
    for field, text in parts:
        width = pdfmetrics.stringWidth(text, FONT, size)
        regions.append(Region(field, (x, y - 0.3 * size, x + width, y + 0.95 * size)))
        x += width + pdfmetrics.stringWidth(SEPARATOR, FONT, size)


def _draw_variable(canvas: Canvas, item: PrintedCertificate, regions: list[Region]) -> None:
    data = item.data
    canvas.setFillColorRGB(*INK)
    _text(
        canvas,
        regions,
        "name",
        data.name,
        x=WIDTH / 2,
        y=HEIGHT - 82 * mm,
        font=BOLD,
        size=_fit(data.name, BOLD, 24, WIDTH - 60 * mm),
        align="centre",
    )
    _identity(canvas, regions, data)
    title_en, title_id = data.title.get("en", ""), data.title.get("id", "")
    _text(
        canvas,
        regions,
        "course",
        title_en,
        x=WIDTH / 2,
        y=HEIGHT - 107 * mm,
        font=BOLD,
        size=_fit(title_en, BOLD, 15, WIDTH - 60 * mm),
        align="centre",
    )
    if title_id and title_id != title_en:
        _text(
            canvas,
            regions,
            "course",
            title_id,
            x=WIDTH / 2,
            y=HEIGHT - 114 * mm,
            font=FONT,
            size=_fit(title_id, FONT, 12, WIDTH - 60 * mm),
            align="centre",
        )
    if item.layout < 2:
        cases = ", ".join(f"{scenario} v{version}" for scenario, version in data.scenarios)
        line = f"{LABELS['cases'][0]} / {LABELS['cases'][1]}: {cases}"
        size = _fit(line, FONT, 7.5, WIDTH - 80 * mm)
        _text(canvas, regions, "cases", line, x=WIDTH / 2, y=HEIGHT - 120 * mm, font=FONT, size=size, align="centre")
    else:
        case_rows, size = case_lines(item)
        for index, line in enumerate(case_rows):
            y = HEIGHT - 119.5 * mm - index * size * CASE_LEADING
            _text(canvas, regions, "cases", line, x=WIDTH / 2, y=y, font=FONT, size=size, align="centre")

    # competencies, two columns
    heading = f"{LABELS['competencies'][0]} / {LABELS['competencies'][1]}"
    below = HEIGHT - (128 * mm if item.layout < 2 else 133 * mm)  # layout 2 leaves room for four lines of cases
    _text(canvas, regions, "competencies", heading, x=22 * mm, y=below, font=BOLD, size=8.5)
    printed_order = [c for c in item.competency_titles if c in data.competencies]
    rows = [(c, data.competencies[c]) for c in printed_order] + [(c, p) for c, p in data.competencies.items() if c not in printed_order]
    per_column = (len(rows) + 1) // 2
    for index, (competency, percent) in enumerate(rows):
        column, row = divmod(index, per_column)
        x = 22 * mm + column * 102 * mm  # two columns, clear of the QR code on the right
        y = below - 6 * mm - row * 4.4 * mm
        english, indonesian = item.competency_titles.get(competency, (competency, competency))
        label = english if english == indonesian else f"{english} / {indonesian}"
        _text(canvas, regions, f"competency:{competency}", label, x=x, y=y, font=FONT, size=_fit(label, FONT, 7.5, 84 * mm))
        _text(canvas, regions, f"percent:{competency}", f"{percent:g} %", x=x + 97 * mm, y=y, font=BOLD, size=7.5, align="right")

    # dates, serial, code
    top = below - 6 * mm - per_column * 4.4 * mm - 4 * mm
    lines = [("issued", f"{LABELS['issued'][0]} / {LABELS['issued'][1]}: {data.issued}")]
    if data.expires:
        lines.append(("expires", f"{LABELS['expires'][0]} / {LABELS['expires'][1]}: {data.expires}"))
    lines.append(("serial", f"{LABELS['serial'][0]} / {LABELS['serial'][1]}: {data.serial}"))
    for index, (field, line) in enumerate(lines):
        _text(canvas, regions, field, line, x=22 * mm, y=top - index * 4.2 * mm, font=FONT, size=8.5)
    code_line = f"{LABELS['code'][0]} / {LABELS['code'][1]}: {data.code}"
    _text(canvas, regions, "code", code_line, x=22 * mm, y=top - len(lines) * 4.2 * mm - 1 * mm, font=BOLD, size=9.5)
    qr_x, qr_y = WIDTH - 22 * mm - QR_SIZE, 19 * mm
    _draw_qr(canvas, item, (qr_x, qr_y, QR_SIZE))
    regions.append(Region("qr", (qr_x, qr_y, qr_x + QR_SIZE, qr_y + QR_SIZE)))

    # the signed texts as invisible text, for verification straight from the PDF
    text = canvas.beginText(22 * mm, 14 * mm)
    text.setTextRenderMode(3)
    text.setFont(FONT, 1)
    text.setLeading(1.5)
    text.textLine(item.payload)
    if item.record:
        text.textLine(item.record)
    canvas.drawText(text)
    regions.append(Region("signed_data", (22 * mm, 14 * mm - 3, WIDTH - 10 * mm, 14 * mm + 1)))


def case_lines(item: PrintedCertificate, width: float = WIDTH - 60 * mm) -> tuple[list[str], float]:
    """Layout 2's case list: (lines, font size).

    English titles, then Indonesian, wrapped to ``width`` within ``CASE_LINES`` lines spanning at most
    ``CASE_SPAN``, at 7.5 down to 6 points; when both languages cannot fit, English alone, its last line cut with an ellipsis only if
    even that is too long. A case without a title shows its id.
    """
    titles = item.case_titles or tuple((scenario, scenario, scenario) for scenario, _version in item.data.scenarios)
    english = f"{LABELS['cases'][0]} / {LABELS['cases'][1]}: " + "; ".join(en or sid for sid, en, _id in titles)
    indonesian = "; ".join(id_ or en or sid for sid, en, id_ in titles)
    both = [english] if indonesian == english.split(": ", 1)[1] else [english, indonesian]
    for paragraphs in (both, [english]):
        for size in (7.5, 7.0, 6.5, 6.0):
            lines = [line for paragraph in paragraphs for line in _wrap(paragraph, size, width)]
            if len(lines) <= CASE_LINES and (len(lines) - 1) * size * CASE_LEADING <= CASE_SPAN:
                return lines, size
    lines = _wrap(english, 6.0, width)[:CASE_LINES]
    while pdfmetrics.stringWidth(lines[-1] + " …", FONT, 6.0) > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    return [*lines[:-1], lines[-1] + " …"], 6.0


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and pdfmetrics.stringWidth(f"{lines[-1]} {word}", FONT, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _static_key(institution: Institution, layout: int) -> str:
    return json.dumps([institution.as_record(), layout], sort_keys=True)


def render(
    certificates: Sequence[PrintedCertificate],
    institution: Institution,
    target: Path | io.BytesIO,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    regions: list[Region] | None = None,
) -> int:
    """Draw certificates into one PDF (a page each); returns pages written. Stops early if cancelled.

    Each page prints its own institution (as recorded when it was issued) or, for certificates without
    one, ``institution``. ``regions``, when given, receives every field's box of every page drawn.
    """
    if not isinstance(target, io.BytesIO):
        claim_private(Path(target))  # a certificate names its holder: readable by the owner only
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
    forms: dict[str, tuple[str, list[Region]]] = {}
    written = 0
    for item in certificates:
        if cancelled is not None and cancelled():
            break
        own = item.institution or institution
        key = _static_key(own, item.layout)
        if key not in forms:
            static_regions: list[Region] = []
            name = f"static{len(forms)}"
            canvas.beginForm(name)
            _draw_static(canvas, own, static_regions, item.layout)
            canvas.endForm()
            forms[key] = (name, static_regions)
        name, static_regions = forms[key]
        canvas.doForm(name)
        page_regions = list(static_regions)
        _draw_variable(canvas, item, page_regions)
        if regions is not None:
            regions.extend(page_regions)
        canvas.showPage()
        written += 1
        if progress is not None:
            progress(written, len(certificates))
    canvas.save()
    return written


def render_bytes(certificates: Iterable[PrintedCertificate], institution: Institution, regions: list[Region] | None = None) -> bytes:
    """The PDF as bytes (see ``render``)."""
    buffer = io.BytesIO()
    render(list(certificates), institution, buffer, regions=regions)
    return buffer.getvalue()
