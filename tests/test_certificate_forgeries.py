"""The forgery suite: certificate PDFs altered as a forger would (pypdf edits, reportlab overlays), each
verified ALTERED with the field that differs named; every genuine page VALID.

Built on core code only (no database), so the whole suite runs in a few seconds.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tests.certificate_pages import INSTITUTION, TODAY, Issuer, cover, edit_content, overlay, regions_of, replace_text, shift_text
from tipcase.certificates import verification
from tipcase.certificates.institution import Institution
from tipcase.certificates.pdf import INK, PrintedCertificate
from tipcase.certificates.verification import Verdict, Verification

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pypdf")


@dataclasses.dataclass(frozen=True)
class Genuine:
    issuer: Issuer
    page: PrintedCertificate
    pdf: bytes
    boxes: dict[str, tuple[float, float, float, float]]


@pytest.fixture(scope="module")
def genuine() -> Genuine:
    issuer = Issuer()
    page = issuer.page(issuer.data(1))
    return Genuine(issuer, page, issuer.pdf(page), {field: region.box for field, region in regions_of(page).items()})


def one(issuer: Issuer, pdf: bytes) -> Verification:
    results = issuer.verify(pdf)
    assert len(results) == 1
    return results[0]


def fields_of(result: Verification) -> set[str]:
    return {d.field for d in result.differences}


def test_the_genuine_page_is_valid_and_names_no_difference(genuine: Genuine) -> None:
    result = one(genuine.issuer, genuine.pdf)
    assert result.verdict is Verdict.VALID_ELSEWHERE  # no register given: valid, not in this register
    assert result.differences == ()
    assert "prints exactly the signed data" in result.message


def test_every_page_of_a_merged_pdf_and_a_page_split_from_it_are_valid(genuine: Genuine) -> None:
    issuer = genuine.issuer
    pages = [issuer.page(issuer.data(n)) for n in range(1, 6)]
    merged = issuer.pdf(*pages)
    assert [r.verdict for r in issuer.verify(merged)] == [Verdict.VALID_ELSEWHERE] * 5
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(merged)).pages[3])  # a registrar splits the batch with a PDF tool
    split = io.BytesIO()
    writer.write(split)
    assert one(issuer, split.getvalue()).verdict is Verdict.VALID_ELSEWHERE


def test_a_white_box_over_the_name_with_another_name_on_top(genuine: Genuine) -> None:
    forged = overlay(genuine.pdf, cover(genuine.boxes["name"], "Budi Santoso"))
    result = one(genuine.issuer, forged)
    assert result.verdict is Verdict.ALTERED
    assert "name" in fields_of(result)
    text = next(d for d in result.differences if d.field == "name" and d.kind == "text")
    assert text.signed == "Bripda Sari Wulandari"
    assert "Budi Santoso" in text.found


def test_an_invisible_copy_of_the_signed_name(genuine: Genuine) -> None:
    """The visible name replaced by one drawn as a picture; the signed name kept as invisible text."""
    box = genuine.boxes["name"]

    def draw(canvas: Canvas) -> None:
        cover(box)(canvas)
        picture = Image.new("RGB", (400, 40), (255, 255, 255))
        canvas.drawImage(ImageReader(picture), box[0], box[1], box[2] - box[0], box[3] - box[1])
        text = canvas.beginText(box[0], box[1] + 5)
        text.setTextRenderMode(3)
        text.setFont("Helvetica", 24)
        text.textLine("Bripda Sari Wulandari")
        canvas.drawText(text)

    result = one(genuine.issuer, overlay(genuine.pdf, draw))
    assert result.verdict is Verdict.ALTERED
    kinds = {d.kind for d in result.differences if d.field == "name"}
    assert {"hidden text", "picture"} <= kinds


def test_white_text_added_anywhere_is_hidden_text(genuine: Genuine) -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica", 8)
        canvas.drawString(25 * mm, 100 * mm, "also certified: Komisaris Besar")  # on white paper, over nothing

    result = one(genuine.issuer, overlay(genuine.pdf, draw))
    assert result.verdict is Verdict.ALTERED
    assert [(d.field, d.kind) for d in result.differences] == [("outside", "hidden text")]
    assert "Komisaris Besar" in result.differences[0].found


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (b"(Bripda  ", b"(Bripka  ", "rank"),
        (b"NRP/NIP: 98050001", b"NRP/NIP: 98050007", "staff_id"),
        (b"Unit PPA Polres Cirebon Kota)", b"Unit PPA Polda Jawa Barat)", "unit"),
        (b"(85 %)", b"(95 %)", "percent:identification"),
        (b"Back from the compound; ", b"The online friend; ", "cases"),
        (b"2029-11-26", b"2039-11-26", "expires"),
        (b"(Victim-centred case handling)", b"(Advanced case handling)", "course"),
    ],
)
def test_a_changed_field_in_the_page_text(genuine: Genuine, old: bytes, new: bytes, field: str) -> None:
    result = one(genuine.issuer, edit_content(genuine.pdf, replace_text(old, new)))
    assert result.verdict is Verdict.ALTERED
    assert field in fields_of(result), result.message


def test_a_changed_percentage_names_its_competency(genuine: Genuine) -> None:
    result = one(genuine.issuer, edit_content(genuine.pdf, replace_text(b"(64 %)", b"(94 %)")))
    assert "percentage for Corroborating evidence" in result.message


def test_a_field_shifted_by_two_points(genuine: Genuine) -> None:
    result = one(genuine.issuer, edit_content(genuine.pdf, shift_text(b"Bripda Sari", 2)))
    assert result.verdict is Verdict.ALTERED
    assert fields_of(result) == {"name"}


def test_a_re_typed_field_in_another_font(genuine: Genuine) -> None:
    """The serial covered and typed again, identical text, in Helvetica."""
    box = genuine.boxes["serial"]
    serial = genuine.page.data.serial

    def draw(canvas: Canvas) -> None:
        cover(box)(canvas)
        canvas.setFillColorRGB(*INK)
        canvas.setFont("Helvetica", 8.5)
        canvas.drawString(box[0], box[1] + 0.3 * 8.5, f"Serial / Nomor seri: {serial}")

    result = one(genuine.issuer, overlay(genuine.pdf, draw))
    assert result.verdict is Verdict.ALTERED
    assert "serial" in fields_of(result)


def test_a_covered_field(genuine: Genuine) -> None:
    result = one(genuine.issuer, overlay(genuine.pdf, cover(genuine.boxes["expires"])))
    assert result.verdict is Verdict.ALTERED
    assert "expires" in fields_of(result)


def test_a_page_from_another_certificate_under_this_ones_signed_data(genuine: Genuine) -> None:
    """Another person's page, drawn by the program itself, carrying this certificate's signed texts."""
    issuer = genuine.issuer
    other = issuer.page(issuer.data(2))
    mixed = dataclasses.replace(other, payload=genuine.page.payload, record=genuine.page.record, qr_mask=genuine.page.qr_mask)
    result = one(issuer, issuer.pdf(mixed))
    assert result.verdict is Verdict.ALTERED
    assert {"name", "staff_id", "serial", "code"} <= fields_of(result)


def test_a_second_certificate_code_hidden_on_the_page(genuine: Genuine) -> None:
    other = genuine.issuer.page(genuine.issuer.data(2))

    def draw(canvas: Canvas) -> None:
        text = canvas.beginText(30 * mm, 30 * mm)
        text.setTextRenderMode(3)
        text.setFont("Helvetica", 1)
        text.textLine(other.payload)
        canvas.drawText(text)

    result = one(genuine.issuer, overlay(genuine.pdf, draw))
    assert result.verdict is Verdict.ALTERED
    assert "2 different certificate codes" in result.message


def test_an_annotation_over_the_name(genuine: Genuine) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(genuine.pdf)))
    box = genuine.boxes["name"]
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FreeText"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in box]),
            NameObject("/Contents"): TextStringObject("Budi Santoso"),
            NameObject("/DA"): TextStringObject("0 0 0 rg /Helv 20 Tf"),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    out = io.BytesIO()
    writer.write(out)
    result = one(genuine.issuer, out.getvalue())
    assert result.verdict is Verdict.ALTERED
    assert "page" in fields_of(result)


def test_a_crop_box_that_hides_the_qr_code(genuine: Genuine) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(genuine.pdf)))
    writer.pages[0].cropbox.upper_right = (600, 595)
    out = io.BytesIO()
    writer.write(out)
    result = one(genuine.issuer, out.getvalue())
    assert result.verdict is Verdict.ALTERED
    assert any(d.field == "page" and d.signed == "cropbox" for d in result.differences)


def test_a_changed_institution_name_in_the_shared_form(genuine: Genuine) -> None:
    forged = edit_content(genuine.pdf, replace_text(b"(Police Education an", b"(Polish Education an"), form=True)
    result = one(genuine.issuer, forged)
    assert result.verdict is Verdict.ALTERED
    assert "institution" in fields_of(result)


def test_another_logo(genuine: Genuine) -> None:
    issuer = genuine.issuer
    other_logo = Institution(**{**dataclasses.asdict(INSTITUTION), "logo_png": INSTITUTION.signature_png})
    page = dataclasses.replace(genuine.page, institution=other_logo)  # the signed record still names the real logo
    result = one(issuer, issuer.pdf(page))
    assert result.verdict is Verdict.ALTERED
    assert "logo" in fields_of(result)


def test_text_drawn_outside_every_field_is_located(genuine: Genuine) -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(250 * mm, 175 * mm, "LULUS")

    result = one(genuine.issuer, overlay(genuine.pdf, draw))
    assert result.verdict is Verdict.ALTERED
    outside = [d for d in result.differences if d.field == "outside"]
    assert outside
    assert outside[0].where is not None
    assert abs(outside[0].where[0] - 250) <= 2


def test_a_page_without_its_page_record_is_unreadable_not_valid(genuine: Genuine) -> None:
    issuer = genuine.issuer
    bare = dataclasses.replace(genuine.page, record=None)
    result = one(issuer, issuer.pdf(bare))
    assert result.verdict is Verdict.UNREADABLE
    assert "page record" in result.message


def test_a_page_record_of_another_certificate_is_altered(genuine: Genuine) -> None:
    issuer = genuine.issuer
    other = issuer.page(issuer.data(2))
    result = one(issuer, issuer.pdf(dataclasses.replace(genuine.page, record=other.record)))
    assert result.verdict is Verdict.ALTERED
    assert "another certificate" in result.message


def test_not_a_pdf_and_an_empty_file_are_unreadable(genuine: Genuine) -> None:
    assert one(genuine.issuer, b"%PDF-1.4 nonsense").verdict is Verdict.UNREADABLE
    assert one(genuine.issuer, b"").verdict is Verdict.UNREADABLE


def test_a_long_pdf_reports_each_page_and_stops_when_cancelled(genuine: Genuine) -> None:
    issuer = genuine.issuer
    merged = issuer.pdf(*(issuer.page(issuer.data(n)) for n in range(1, 4)))
    heard: list[tuple[int, int]] = []

    class CancelAfterOnePage:
        def report(self, done: int, total: int) -> None:
            heard.append((done, total))

        @property
        def cancelled(self) -> bool:
            return bool(heard)

    results = verification.verify_pdf(merged, "batch.pdf", issuer.trusted, None, TODAY, progress=CancelAfterOnePage())
    assert heard == [(1, 3)]
    assert [r.verdict for r in results] == [Verdict.VALID_ELSEWHERE, Verdict.UNREADABLE]
    assert results[1].message == "verification cancelled after 1 of 3 pages"


# -- what a viewer does with a file besides drawing its pages: each one ALTERED, the file named ---------
def _edited(pdf: bytes, change: Callable[[PdfWriter], None]) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _script(code: str) -> DictionaryObject:
    return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)})


_ADD_FIELD = 'var f = this.addField("n", "text", 0, [270, 330, 600, 390]); f.value = "Budi Santoso";'


def _open_action(writer: PdfWriter) -> None:
    writer._root_object[NameObject("/OpenAction")] = _script(_ADD_FIELD)


def _document_script(writer: PdfWriter) -> None:
    names = ArrayObject([TextStringObject("init"), writer._add_object(_script(_ADD_FIELD))])
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): names})}
    )


def _page_action(writer: PdfWriter) -> None:
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): _script(_ADD_FIELD)})


def _xfa_form(writer: PdfWriter) -> None:
    """An XFA form that Acrobat renders instead of the page (the page stays genuine)."""
    xdp = DecodedStreamObject()
    xdp.set_data(
        b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template><subform>'
        b"<draw><value><text>Budi Santoso</text></value></draw></subform></template></xdp:xdp>"
    )
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): writer._add_object(xdp)}
    )
    writer._root_object[NameObject("/NeedsRendering")] = BooleanObject(True)


def _portfolio(forged: bytes) -> Callable[[PdfWriter], None]:
    """A forged certificate attached, and the file made a portfolio that opens on it."""

    def change(writer: PdfWriter) -> None:
        writer.add_attachment("certificate.pdf", forged)
        writer._root_object[NameObject("/Collection")] = DictionaryObject({NameObject("/D"): TextStringObject("certificate.pdf")})

    return change


def _print_alternate(writer: PdfWriter) -> None:
    """The logo printed from another picture (an image's /Alternates, which pdfium never draws)."""
    picture = DecodedStreamObject()
    picture.set_data(bytes([200, 0, 0]) * 4)
    picture.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(2),
            NameObject("/Height"): NumberObject(2),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    alternate = DictionaryObject(
        {NameObject("/Image"): writer._add_object(picture), NameObject("/DefaultForPrinting"): BooleanObject(True)}
    )
    for number in range(1, len(writer._objects) + 1):
        obj = writer.get_object(number)
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
            obj[NameObject("/Alternates")] = ArrayObject([alternate])
            return
    raise AssertionError("the genuine page has no picture")


def _user_unit(writer: PdfWriter) -> None:
    writer.pages[0][NameObject("/UserUnit")] = FloatObject(2)


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        (_open_action, "action"),
        (_document_script, "script"),
        (_page_action, "action"),
        (_xfa_form, "form"),
        (_print_alternate, "print alternate"),
        (_user_unit, "page scale"),
    ],
    ids=["JavaScript when opened", "document JavaScript", "JavaScript when the page opens", "XFA form", "print alternate", "UserUnit"],
)
def test_what_a_viewer_would_do_besides_drawing_the_page(genuine: Genuine, change: Callable[[PdfWriter], None], kind: str) -> None:
    """pdfium draws the page exactly as signed, but Acrobat would run a script, show a form, print another picture..."""
    result = one(genuine.issuer, _edited(genuine.pdf, change))
    assert result.verdict is Verdict.ALTERED, result.message
    assert ("document", kind) in {(d.field, d.kind) for d in result.differences}, result.message


def test_a_portfolio_that_opens_on_a_forged_attachment(genuine: Genuine) -> None:
    forged = overlay(genuine.pdf, cover(genuine.boxes["name"], "Budi Santoso"))
    result = one(genuine.issuer, _edited(genuine.pdf, _portfolio(forged)))
    assert result.verdict is Verdict.ALTERED
    assert ("document", "attachment") in {(d.field, d.kind) for d in result.differences}
    assert "attached" in result.message


def _name_in_a_layer(view: str, printed: str, *, default_off: bool = False) -> Callable[[PdfWriter], None]:
    """The signed name put in an optional content group (a layer) that viewers show or hide."""

    def change(writer: PdfWriter) -> None:
        usage = DictionaryObject(
            {
                NameObject("/View"): DictionaryObject({NameObject("/ViewState"): NameObject(view)}),
                NameObject("/Print"): DictionaryObject({NameObject("/PrintState"): NameObject(printed)}),
            }
        )
        layer = writer._add_object(
            DictionaryObject(
                {NameObject("/Type"): NameObject("/OCG"), NameObject("/Name"): TextStringObject("n"), NameObject("/Usage"): usage}
            )
        )
        page = writer.pages[0]
        page["/Resources"][NameObject("/Properties")] = DictionaryObject({NameObject("/n"): layer})  # type: ignore[index]
        contents = page.get_contents()
        assert contents is not None
        data = contents.get_data()
        start = data.index(b"BT", data.rindex(b"Tm", 0, data.index(b"(Bripda Sari Wulandari)")) - 40)
        end = data.index(b"ET", start) + 2
        contents.set_data(data[:start] + b"/OC /n BDC " + data[start:end] + b" EMC" + data[end:])
        page[NameObject("/Contents")] = writer._add_object(contents)
        events = ArrayObject(
            DictionaryObject(
                {
                    NameObject("/Event"): NameObject(e),
                    NameObject("/OCGs"): ArrayObject([layer]),
                    NameObject("/Category"): ArrayObject([NameObject(e)]),
                }
            )
            for e in ("/View", "/Print")
        )
        config = DictionaryObject({NameObject("/OFF" if default_off else "/ON"): ArrayObject([layer]), NameObject("/AS"): events})
        writer._root_object[NameObject("/OCProperties")] = DictionaryObject(
            {NameObject("/OCGs"): ArrayObject([layer]), NameObject("/D"): config}
        )

    return change


@pytest.mark.parametrize(
    "layer",
    [_name_in_a_layer("/ON", "/OFF"), _name_in_a_layer("/ON", "/ON", default_off=True)],
    ids=["shown on screen, not on paper", "hidden by default"],
)
def test_the_name_in_a_layer_a_viewer_hides(genuine: Genuine, layer: Callable[[PdfWriter], None]) -> None:
    """pdfium draws optional content whatever its state; other viewers and printers hide it: the name is gone."""
    result = one(genuine.issuer, _edited(genuine.pdf, layer))
    assert result.verdict is Verdict.ALTERED
    found = {(d.field, d.kind) for d in result.differences}
    assert ("name", "layer") in found, result.message
    assert ("document", "layer") in found, result.message
