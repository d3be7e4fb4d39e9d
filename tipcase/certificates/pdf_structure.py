"""What a certificate PDF carries besides what its pages draw: scripts, actions, forms, attachments, layers.

The page comparison (``page_check``) sees a page as pdfium draws it. A viewer does more with a file:
Acrobat runs its JavaScript when it opens (which can add a field over the name, or say anything in
a dialog), renders an XFA form instead of the pages, opens a portfolio on an attached file, honours
optional content (a layer hidden on screen or on paper, which pdfium draws whatever its state),
prints an image's print alternate instead of the image, and scales a page by its ``UserUnit``.
TIPCase writes none of these, so each one found in a presented file makes its certificates ALTERED,
with what was found named (``Finding``).

The file is read by two parsers, so that one reading the file differently from the other does not
hide anything: pypdf visits every object the file's cross-reference sections name (in object streams
too, whether anything refers to it or not) and looks for the names below as keys or values; pdfium
reports the document JavaScript, attachments and form it sees itself. Marked content on the page's
objects (an ``/OC`` layer, ``/ActualText``) is pdfium's to see, per field: ``page_check``.

Sources: ISO 32000-2 (PDF 2.0) 8.11 optional content, 8.9.5.4 alternate images, 12.6 actions,
12.7 forms (12.7.9 XFA), 7.11.4 embedded files, 12.3.5 collections (portfolios), 14.11.1 UserUnit;
Adobe, *JavaScript for Acrobat API Reference* (``addField``, ``addAnnot`` on document open).
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from typing import Any

#: What a viewer does with a name found as a dictionary key anywhere in the file.
KEYS = {
    "/JS": "script",
    "/JavaScript": "script",
    "/OpenAction": "action",
    "/AA": "action",
    "/AcroForm": "form",
    "/XFA": "form",
    "/NeedsRendering": "form",
    "/EmbeddedFiles": "attachment",
    "/EmbeddedFile": "attachment",
    "/Collection": "attachment",
    "/AF": "attachment",
    "/OCProperties": "layer",
    "/OC": "layer",
    "/Alternates": "print alternate",
    "/OPI": "print alternate",
    "/UserUnit": "page scale",
    "/Encrypt": "encryption",
}
#: ... and as a value (an action's type, an object's type or subtype).
VALUES = {
    "/JavaScript": "script",
    "/Launch": "action",
    "/SubmitForm": "action",
    "/ImportData": "action",
    "/GoToE": "action",
    "/GoToR": "action",
    "/Rendition": "action",
    "/SetOCGState": "action",
    "/Hide": "action",
    "/Widget": "form",
    "/EmbeddedFile": "attachment",
    "/FileAttachment": "attachment",
    "/Filespec": "attachment",
    "/OCG": "layer",
    "/OCMD": "layer",
    "/RichMedia": "media",
    "/Movie": "media",
    "/Sound": "media",
    "/Screen": "media",
    "/3D": "media",
}
#: How a report says each kind (the app translates the same kinds: ui/pages/verify.py).
KINDS = {
    "script": "JavaScript a viewer runs",
    "action": "an action a viewer performs when the file or a page opens",
    "form": "a form (AcroForm or XFA) a viewer may show instead of or over the page",
    "attachment": "an attached file or a portfolio a viewer may open instead",
    "layer": "optional content (a layer a viewer may hide on screen or on paper)",
    "print alternate": "a picture a printer prints instead of the one shown",
    "page scale": "a page scale (UserUnit) that prints the page at another size",
    "encryption": "encryption (TIPCase never encrypts a certificate)",
    "media": "sound, video or 3D content",
    "unreadable": "objects that cannot be read",
}
_MAX_DEPTH = 64  # nesting within one object (a crafted file could nest arrays without end)

# What a certificate page can hold, far beyond a genuine one, checked before pdfium loads a page: pdfium
# expands every form each time it is drawn and decodes a picture whole, so a 150 KB file of forms
# drawing forms ten times over, eight deep, or a 2 MB picture of 24,000 x 24,000 pixels, exhausts
# memory (pdfium aborts the process) or takes minutes.
MAX_PICTURE_PIXELS = 4_000_000  # a genuine page's largest picture: 1,200 x 1,200 (images.MAX_SIDE)
MAX_DRAWS = 2_000  # forms and pictures a page draws, a form's contents counted each time (genuine: 3)
MAX_CONTENT_BYTES = 2 * 2**20  # a page's drawing instructions, decoded, a form's each time (genuine: 90 KB)
MAX_PAGE_POINTS = 2_000  # a page box's longest side (A4 landscape: 842 points, 297 mm)
_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![A-Za-z0-9_])")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


@dataclasses.dataclass(frozen=True)
class Finding:
    """One kind of content found in the file (``KINDS``), with the PDF names that showed it (``/OpenAction``)."""

    kind: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        return f"{KINDS.get(self.kind, self.kind)} ({', '.join(self.names)})"


def findings(data: bytes, document: Any = None) -> list[Finding]:
    """Everything in the PDF ``data`` that a viewer would act on besides drawing its pages, one per kind.

    ``document``: the file opened with pypdfium2 (``PdfDocument``), for pdfium's own view; the caller
    holds pdfium's lock. Returns them in ``KINDS`` order; an empty list for a file as TIPCase writes it.
    """
    found: dict[str, set[str]] = {}
    for kind, name in _pypdf_names(data):
        found.setdefault(kind, set()).add(name)
    if document is not None:
        for kind, name in _pdfium_view(document):
            found.setdefault(kind, set()).add(name)
    order = list(KINDS)
    return [Finding(kind, tuple(sorted(found[kind]))) for kind in sorted(found, key=order.index)]


def excess(data: bytes) -> str | None:
    """Why the PDF ``data`` is beyond what a certificate PDF holds (``MAX_*`` above), or None; before pdfium loads a page.

    Reads the file with pypdf alone: each picture's declared size, each page's boxes, and the forms
    and pictures each page draws (the ``Do`` operators of its content and its forms', each form
    expanded each time it is drawn, as pdfium does; a form that draws itself is beyond too). A file
    pypdf cannot read is left to the other checks (None).
    """
    from pypdf import PdfReader  # noqa: PLC0415 - only a presented PDF needs it
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        for generation, numbers in list(reader.xref.items()):
            for number in list(numbers):
                found = _oversized_picture(reader, number, generation)
                if found:
                    return found
        for number in list(reader.xref_objStm):
            found = _oversized_picture(reader, number, 0)
            if found:
                return found
        for index, page in enumerate(reader.pages):
            found = _page_excess(page, index + 1)
            if found:
                return found
    except _Beyond as exc:
        return str(exc)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError, ZeroDivisionError):
        return None
    return None


class _Beyond(Exception):
    """A limit reached while expanding a page's forms."""


def _oversized_picture(reader: Any, number: int, generation: int) -> str | None:
    from pypdf.generic import IndirectObject, StreamObject  # noqa: PLC0415

    try:
        obj = IndirectObject(number, generation, reader).get_object()
    except Exception:  # noqa: BLE001 - a damaged object is the structure check's finding
        return None
    if not isinstance(obj, StreamObject) or obj.get("/Subtype") != "/Image":
        return None
    width, height = _number(obj.get("/Width")), _number(obj.get("/Height"))
    if width * height > MAX_PICTURE_PIXELS:
        return f"a picture of {width:,} x {height:,} pixels (a certificate's are at most {MAX_PICTURE_PIXELS:,} pixels)"
    return None


def _number(value: Any) -> int:
    try:
        return max(int(value.get_object() if hasattr(value, "get_object") else value), 0)
    except (TypeError, ValueError, AttributeError):
        return 0


def _page_excess(page: Any, number: int) -> str | None:
    for name in ("/MediaBox", "/CropBox"):
        box = page.get(name)
        if box is None:
            continue
        values = [float(v) for v in box.get_object()]
        if len(values) == 4 and max(abs(values[2] - values[0]), abs(values[3] - values[1])) > MAX_PAGE_POINTS:
            return f"page {number} is {abs(values[2] - values[0]):,.0f} x {abs(values[3] - values[1]):,.0f} points (A4 is 842 x 595)"
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    resources = page.get("/Resources")
    draws, size = _Expansion(resources).count(data, resources, 0)
    if draws > MAX_DRAWS:
        return f"page {number} draws more than {MAX_DRAWS:,} forms and pictures, a form counted each time it is drawn (a certificate's: 3)"
    if size > MAX_CONTENT_BYTES:
        return f"page {number} holds more than {MAX_CONTENT_BYTES // 2**20} MB of drawing instructions (a certificate page about 0.1 MB)"
    return None


class _Expansion:
    """The forms and pictures one page draws, each form expanded each time it is drawn (memoised per form).

    A form without resources of its own draws with the page's (pdfium does, as PDF 1.1 allowed).
    """

    def __init__(self, page_resources: Any) -> None:
        self.page_resources = page_resources
        self.memo: dict[int, tuple[int, int]] = {}
        self.open_forms: set[int] = set()

    def count(self, data: bytes, resources: Any, depth: int) -> tuple[int, int]:
        """(forms and pictures drawn, bytes of content) of one content stream; raises _Beyond for a loop."""
        from pypdf.generic import IndirectObject, StreamObject  # noqa: PLC0415

        if depth > _MAX_DEPTH:
            raise _Beyond(f"forms nested more than {_MAX_DEPTH} deep")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        xobjects = xobjects.get_object() if xobjects is not None else {}
        draws, size = 0, len(data)
        counted: dict[bytes, int] = {}
        for match in _DRAW.finditer(data):
            name = _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))
            counted[name] = counted.get(name, 0) + 1
        for name, times in counted.items():
            reference = xobjects.get("/" + name.decode("latin-1")) if hasattr(xobjects, "get") else None
            target = reference.get_object() if reference is not None else None
            inner = (0, 0)
            if isinstance(target, StreamObject) and target.get("/Subtype") == "/Form":
                key = reference.idnum if isinstance(reference, IndirectObject) else id(target)
                if key in self.open_forms:
                    raise _Beyond("a form that draws itself")
                if key not in self.memo:
                    self.open_forms.add(key)
                    self.memo[key] = self.count(target.get_data(), target.get("/Resources") or self.page_resources, depth + 1)
                    self.open_forms.discard(key)
                inner = self.memo[key]
            draws += times * (1 + inner[0])
            size += times * inner[1]
            if draws > MAX_DRAWS or size > MAX_CONTENT_BYTES:
                break
        return draws, size


def _pypdf_names(data: bytes) -> Iterator[tuple[str, str]]:
    from pypdf import PdfReader  # noqa: PLC0415 - only a presented PDF needs it
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        yield from _walk(reader.trailer, 0)
        for generation, numbers in list(reader.xref.items()):
            for number in list(numbers):
                yield from _object_names(reader, number, generation)
        for number in list(reader.xref_objStm):
            yield from _object_names(reader, number, 0)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as exc:
        yield "unreadable", type(exc).__name__


def _object_names(reader: Any, number: int, generation: int) -> Iterator[tuple[str, str]]:
    from pypdf.generic import IndirectObject  # noqa: PLC0415

    try:
        obj = IndirectObject(number, generation, reader).get_object()
    except Exception as exc:  # noqa: BLE001 - a damaged object is a finding, not a crash
        yield "unreadable", f"object {number}: {type(exc).__name__}"
        return
    yield from _walk(obj, 0)


def _walk(obj: Any, depth: int) -> Iterator[tuple[str, str]]:
    """The watched names in one object, not following references (every object is visited on its own)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject  # noqa: PLC0415

    if depth > _MAX_DEPTH:
        yield "unreadable", "nested too deep"
        return
    if isinstance(obj, IndirectObject):
        return
    if isinstance(obj, DictionaryObject):  # a stream's dictionary too (StreamObject is one)
        for key, value in obj.items():
            if key in KEYS and not (key == "/UserUnit" and _is_one(value)):
                yield KEYS[key], str(key)
            yield from _walk(value, depth + 1)
    elif isinstance(obj, ArrayObject):
        for item in obj:
            yield from _walk(item, depth + 1)
    elif isinstance(obj, NameObject) and obj in VALUES:
        yield VALUES[obj], str(obj)


def _is_one(value: Any) -> bool:
    try:
        return float(value) == 1.0
    except (TypeError, ValueError):
        return False


def _pdfium_view(document: Any) -> Iterator[tuple[str, str]]:
    """What pdfium itself finds: document JavaScript, attachments, a form."""
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    handle = document.raw
    if pdfium_c.FPDFDoc_GetJavaScriptActionCount(handle) > 0:
        yield "script", "/JavaScript"
    if pdfium_c.FPDFDoc_GetAttachmentCount(handle) > 0:
        yield "attachment", "/EmbeddedFiles"
    form = pdfium_c.FPDF_GetFormType(handle)
    if form != pdfium_c.FORMTYPE_NONE:
        yield "form", "/XFA" if form in (pdfium_c.FORMTYPE_XFA_FULL, pdfium_c.FORMTYPE_XFA_FOREGROUND) else "/AcroForm"
