"""Genuine certificate pages made with the program's own code, and the tools a forger would use on them
(pypdf to edit and merge, reportlab to draw overlays): shared by the forgery and verdict tests."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from tipcase.certificates import verification
from tipcase.certificates.institution import Institution
from tipcase.certificates.payload import LAYOUT, CertificateData, PageRecord, payload_digest, sign, sign_record
from tipcase.certificates.pdf import INK, PrintedCertificate, Region, qr_mask, render_bytes
from tipcase.certificates.signing import key_id

TITLES = {
    "identification": ("Victim identification", "Identifikasi korban"),
    "victim_care": ("Safety and victim care", "Keselamatan dan perawatan korban"),
    "interviewing": ("Trauma-informed interviewing", "Wawancara berperspektif trauma"),
    "evidence": ("Corroborating evidence", "Alat bukti pendukung"),
}
TODAY = dt.date(2026, 11, 30)


def picture(colour: tuple[int, int, int], size: tuple[int, int] = (120, 120)) -> bytes:
    """A small PNG with a transparent corner (so the canonical form's flattening is exercised)."""
    image = Image.new("RGBA", size, (*colour, 255))
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 3, size[1] // 3), fill=(0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((10, 10, size[0] - 10, size[1] - 10), outline=(20, 20, 20, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


CASES = (
    ("scam-compound-return", "Back from the compound", "Pulang dari kompleks penipuan"),
    ("fishers-forced-labour", "Eighteen months at sea", "Delapan belas bulan di laut"),
)
INSTITUTION = Institution(
    {"en": "Police Education and Training Centre (example)", "id": "Pusat Pendidikan dan Pelatihan Polri (contoh)"},
    "Dr. Ayu Kartika Sari, M.Si.",
    {"en": "Head of Training", "id": "Kepala Bidang Pelatihan"},
    logo_png=picture((180, 30, 40)),
    signature_png=picture((30, 30, 120), (300, 100)),
)


class Issuer:
    """An institution's key pair that signs certificates as the register does."""

    def __init__(self) -> None:
        self.key = Ed25519PrivateKey.generate()
        self.kid = key_id(self.key.public_key())

    @property
    def trusted(self) -> dict[str, Ed25519PublicKey]:
        return {self.kid: self.key.public_key()}

    def data(self, number: int, **changes: object) -> CertificateData:
        fields: dict[str, object] = {
            "serial": f"TC-{self.kid[:8].upper()}-2026-{number:06d}",
            "code": f"ABCDEFGH{number:04d}",
            "name": "Bripda Sari Wulandari" if number == 1 else f"Brigadir Andi Saputra {number}",
            "rank": "Bripda",
            "staff_id": f"9805{number:04d}",
            "unit": "Unit PPA Polres Cirebon Kota",
            "course": "demo",
            "title": {"en": "Victim-centred case handling", "id": "Penanganan perkara yang berpusat pada korban"},
            "scenarios": (("scam-compound-return", 1), ("fishers-forced-labour", 2)),
            "competencies": {"identification": 85.0, "victim_care": 92.5, "interviewing": 70.0, "evidence": 64.0},
            "issued": "2026-11-26",
            "expires": "2029-11-26",
            "institution": INSTITUTION.name["en"],
        }
        fields.update(changes)
        return CertificateData(**fields)  # type: ignore[arg-type]

    def page(self, data: CertificateData, institution: Institution = INSTITUTION, layout: int = LAYOUT) -> PrintedCertificate:
        text = sign(data, self.key)
        cases = CASES if layout >= 2 else ()
        record = PageRecord(data.serial, payload_digest(text), institution.as_record(), TITLES, qr_mask(text), layout, cases)
        return PrintedCertificate(data, text, TITLES, institution, sign_record(record, self.key), record.qr_mask, cases, layout)

    def pdf(self, *pages: PrintedCertificate) -> bytes:
        return render_bytes(pages, INSTITUTION)

    def verify(self, pdf: bytes, register: verification.Register | None = None) -> list[verification.Verification]:
        return verification.verify_pdf(pdf, "presented.pdf", self.trusted, register, TODAY)


def regions_of(page: PrintedCertificate) -> dict[str, Region]:
    """Each field's first region on the page (for placing overlays where a forger would)."""
    found: list[Region] = []
    render_bytes([page], INSTITUTION, found)
    return {r.field: r for r in reversed(found)}


def overlay(pdf: bytes, draw: Callable[[Canvas], None], page: int = 0) -> bytes:
    """Draw on top of one page with reportlab, merged in with pypdf: the forger's usual tools."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4))
    draw(canvas)
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[page].merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    return _written(writer)


def edit_content(pdf: bytes, change: Callable[[bytes], bytes], *, form: bool = False) -> bytes:
    """Rewrite the page's content stream (or its shared form's) as a forger with a PDF editor would."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    page = writer.pages[0]
    if form:
        xobjects = page["/Resources"]["/XObject"]  # type: ignore[index]
        stream = xobjects["/FormXob.static0"].get_object()  # type: ignore[index]
        edited = DecodedStreamObject()
        edited.update({k: v for k, v in stream.items() if k not in ("/Filter", "/Length", "/DecodeParms")})
        edited.set_data(change(stream.get_data()))
        xobjects[NameObject("/FormXob.static0")] = writer._add_object(edited)  # type: ignore[index]
    else:
        contents = page.get_contents()
        assert contents is not None
        data = change(contents.get_data())
        assert data != contents.get_data(), "the edit changed nothing"
        contents.set_data(data)
        page[NameObject("/Contents")] = writer._add_object(contents)
    return _written(writer)


def replace_text(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        assert old in data, old
        return data.replace(old, new, 1)

    return change


def shift_text(marker: bytes, dx: float) -> Callable[[bytes], bytes]:
    """Move the text object that shows ``marker`` by ``dx`` points (its Tm's x)."""

    def change(data: bytes) -> bytes:
        pattern = re.compile(rb"1 0 0 1 ([\d.]+) ([\d.]+) Tm(.{0,40}?\(" + re.escape(marker) + rb")")
        match = pattern.search(data)
        assert match, marker
        moved = f"1 0 0 1 {float(match.group(1)) + dx:.2f} ".encode() + match.group(2) + b" Tm" + match.group(3)
        return data[: match.start()] + moved + data[match.end() :]

    return change


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def cover(
    box: tuple[float, float, float, float], text: str | None = None, font: str = "Helvetica-Bold", size: float = 24
) -> Callable[[Canvas], None]:
    """A white box over ``box``, and optionally ``text`` on it in the ink colour: the classic paper forgery."""

    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(box[0] - 2, box[1] - 2, box[2] - box[0] + 4, box[3] - box[1] + 4, stroke=0, fill=1)
        if text is not None:
            canvas.setFillColorRGB(*INK)
            canvas.setFont(font, size)
            canvas.drawCentredString((box[0] + box[2]) / 2, box[1] + 0.3 * size, text)

    return draw
