"""Files made to exhaust the verifier: a desk officer verifies whatever PDF is handed to them.

pdfium expands every form each time it is drawn and decodes a picture whole, so before the checks of
``test_certificate_forgeries`` a file this small took minutes or aborted the whole process (the app
with it): forms drawing forms ten times over, eight deep (150 KB, ten million drawings), or a 2 MB
picture of 24,000 x 24,000 pixels. Each is now UNREADABLE in a fraction of a second, named, before
pdfium loads the page; the limits sit far above a genuine page (``pdf_structure.MAX_*``).
"""

from __future__ import annotations

import io
import time
import zlib
from collections.abc import Callable

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, RectangleObject, StreamObject

from tests.certificate_pages import Issuer
from tipcase.certificates import pdf_structure
from tipcase.certificates.verification import Verdict

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pypdf")
Change = Callable[[PdfWriter, DictionaryObject], bytes]  # adds objects, returns what the page's content draws


@pytest.fixture(scope="module")
def issuer() -> Issuer:
    return Issuer()


@pytest.fixture(scope="module")
def genuine(issuer: Issuer) -> bytes:
    return issuer.pdf(issuer.page(issuer.data(1)))


def _forged(pdf: bytes, change: Change) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    page = writer.pages[0]
    contents = page.get_contents()
    assert contents is not None
    contents.set_data(contents.get_data() + b"\n" + change(writer, page) + b"\n")
    page[NameObject("/Contents")] = writer._add_object(contents)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stream(data: bytes, **entries: object) -> StreamObject:
    stream = StreamObject()
    stream._data = data  # raw bytes, as written (compressed where a /Filter says so)
    stream.update({NameObject(f"/{key}"): value for key, value in entries.items()})  # type: ignore[misc]
    return stream


def _form(body: bytes, resources: DictionaryObject | None) -> StreamObject:
    box = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(10), FloatObject(10)])
    entries: dict[str, object] = {"Type": NameObject("/XObject"), "Subtype": NameObject("/Form"), "BBox": box}
    if resources is not None:
        entries["Resources"] = resources
    return _stream(body, **entries)


def _xobjects(page: DictionaryObject) -> DictionaryObject:
    return page["/Resources"]["/XObject"]  # type: ignore[index,no-any-return]


def _verdict(issuer: Issuer, pdf: bytes) -> tuple[Verdict, str, float]:
    started = time.process_time()
    results = issuer.verify(pdf)
    assert len(results) == 1
    return results[0].verdict, results[0].message, time.process_time() - started


def _nested(depth: int, fan: int, *, escaped: bool = False, inherit: bool = False) -> Change:
    """Forms that each draw the one below ``fan`` times, ``depth`` deep: fan ** depth drawings of one dot."""

    def change(writer: PdfWriter, page: DictionaryObject) -> bytes:
        below = writer._add_object(_form(b"0 0 1 1 re f", None))
        for level in range(depth):
            name = f"/N{level}"
            if inherit:  # the forms name each other in the page's resources and carry none of their own
                _xobjects(page)[NameObject(name)] = below
                resources = None
            else:
                resources = DictionaryObject({NameObject("/XObject"): DictionaryObject({NameObject(name): below})})
            drawn = (b"/N#3" + str(level).encode()) if escaped else name.encode()  # /N#30 is /N0
            below = writer._add_object(_form(b" ".join([b"q " + drawn + b" Do Q"] * fan), resources))
        _xobjects(page)[NameObject("/Top")] = below
        return b"q /Top Do Q"

    return change


def test_forms_drawing_forms_ten_times_over_are_refused_before_pdfium_expands_them(issuer: Issuer, genuine: bytes) -> None:
    forged = _forged(genuine, _nested(8, 10))  # 100 million drawings: pdfium alone aborted the process
    assert len(forged) < 200_000
    verdict, message, seconds = _verdict(issuer, forged)
    assert verdict is Verdict.UNREADABLE
    assert f"page 1 draws more than {pdf_structure.MAX_DRAWS:,} forms and pictures" in message
    assert seconds < 2


@pytest.mark.parametrize("how", ["escaped names", "resources of the page"])
def test_the_count_follows_forms_however_they_are_named(issuer: Issuer, genuine: bytes, how: str) -> None:
    """``/N#30`` is ``/N0``; a form without resources draws with the page's: pdfium follows both."""
    change = _nested(6, 10, escaped=how == "escaped names", inherit=how == "resources of the page")
    verdict, message, _ = _verdict(issuer, _forged(genuine, change))
    assert (verdict, "forms and pictures" in message) == (Verdict.UNREADABLE, True), message


def test_a_form_that_draws_itself(issuer: Issuer, genuine: bytes) -> None:
    def change(writer: PdfWriter, page: DictionaryObject) -> bytes:
        form = _form(b"q /Me Do Q", DictionaryObject())
        reference = writer._add_object(form)
        form[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): DictionaryObject({NameObject("/Me"): reference})})
        _xobjects(page)[NameObject("/Me")] = reference
        return b"q /Me Do Q"

    verdict, message, _ = _verdict(issuer, _forged(genuine, change))
    assert verdict is Verdict.UNREADABLE
    assert "a form that draws itself" in message


def test_a_picture_of_a_thousand_megapixels_is_never_decoded(issuer: Issuer, genuine: bytes) -> None:
    """24,000 x 24,000 pixels of black compress to 2 MB; decoded, 1.7 GB: pdfium aborted the process."""

    def change(writer: PdfWriter, page: DictionaryObject) -> bytes:
        side = 24_000
        packed = zlib.compress(b"\0" * (3 * side * 50), 9)  # only 50 rows really: the declared size is what counts
        picture = _stream(
            packed,
            Type=NameObject("/XObject"),
            Subtype=NameObject("/Image"),
            Width=NumberObject(side),
            Height=NumberObject(side),
            ColorSpace=NameObject("/DeviceRGB"),
            BitsPerComponent=NumberObject(8),
            Filter=NameObject("/FlateDecode"),
        )
        _xobjects(page)[NameObject("/Huge")] = writer._add_object(picture)
        return b"q 10 0 0 10 0 0 cm /Huge Do Q"

    verdict, message, seconds = _verdict(issuer, _forged(genuine, change))
    assert verdict is Verdict.UNREADABLE
    assert "a picture of 24,000 x 24,000 pixels" in message
    assert seconds < 2


def test_a_page_the_size_of_a_wall_is_never_rasterised(issuer: Issuer, genuine: bytes) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(genuine)))
    writer.pages[0].mediabox = RectangleObject((0, 0, 14_400, 14_400))  # 5 m a side: 1.9 GB at 108 dpi
    out = io.BytesIO()
    writer.write(out)
    verdict, message, _ = _verdict(issuer, out.getvalue())
    assert verdict is Verdict.UNREADABLE
    assert "page 1 is 14,400 x 14,400 points" in message


def test_megabytes_of_drawing_instructions(issuer: Issuer, genuine: bytes) -> None:
    verdict, message, _ = _verdict(issuer, _forged(genuine, lambda writer, page: b"0 0 m 1 1 l S\n" * 200_000))
    assert verdict is Verdict.UNREADABLE
    assert "MB of drawing instructions" in message


def test_a_genuine_merged_pdf_is_far_within_every_limit(issuer: Issuer) -> None:
    merged = issuer.pdf(*(issuer.page(issuer.data(n)) for n in range(1, 4)))
    assert pdf_structure.excess(merged) is None
    assert [r.verdict for r in issuer.verify(merged)] == [Verdict.VALID_ELSEWHERE] * 3
