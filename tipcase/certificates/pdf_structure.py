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
