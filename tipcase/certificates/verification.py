"""Verdicts on a presented certificate, each saying exactly what was checked.

- ``valid``: signature valid, the certificate is in this register, not revoked, in date.
- ``valid-elsewhere``: signature valid (a key this workstation trusts), in date, not in this register
  (another institution's certificate, or verified offline).
- ``revoked``: in this register, revoked (date and reason given).
- ``expired``: signature valid, past its "valid until" date.
- ``altered``: the signed data does not match its signature, or the page prints, hides, covers or
  moves anything the signed data does not produce (the fields named), or the file carries what a
  viewer would show or do besides drawing its pages (a script, a form, an attachment, a layer:
  ``pdf_structure``).
- ``unknown``: a code not in this register, or signed by a key this workstation does not trust, or
  by a key trusted for another institution than the one the certificate names (``signing.TrustedKeys``).
- ``unreadable``: not a certificate this program can read: a damaged code, a file that is not a PDF
  or is beyond what one holds (``pdf_structure.excess``: made to exhaust memory or time), a page with
  no certificate code or no page record.

The register is reached through the ``Register`` protocol (``tipcase.services.certificates``), so this
module needs no database. Sources: issue 11 of the project (the verdict list).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import threading
from typing import TYPE_CHECKING, Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from tipcase.certificates.fields import details, field_name, readable
from tipcase.certificates.institution import Institution
from tipcase.certificates.payload import (
    LAYOUTS,
    CertificateData,
    PageRecord,
    PayloadError,
    open_payload,
    open_record,
    payload_digest,
)
from tipcase.certificates.signing import same_institution, trusted_for

if TYPE_CHECKING:  # pdfium and reportlab load only when a PDF is verified, not for every command
    from tipcase.certificates.page_check import Difference, PresentedPage

MAX_PDF_BYTES = 50 * 1024 * 1024  # a certificate page is about 60 KB; a 1,000-page batch about 30 MB
MAX_PAGES = 5000
_PDFIUM = threading.Lock()  # pdfium is not thread-safe: one verification of a PDF at a time


class Verdict(enum.StrEnum):
    """What verifying a certificate concluded; each verdict has its exit code in ``EXIT_CODES``.

    ``valid``: signed by a trusted key and in force in this register; ``valid-elsewhere``: signed and in force but
    not in this register (checked offline or at another institution); ``revoked``, ``expired``; ``altered``: the
    page or payload differs from what was signed; ``unknown``: no such certificate; ``unreadable``: no payload found.
    """

    VALID = "valid"
    VALID_ELSEWHERE = "valid-elsewhere"
    REVOKED = "revoked"
    EXPIRED = "expired"
    ALTERED = "altered"
    UNKNOWN = "unknown"
    UNREADABLE = "unreadable"


# exit codes of ``tipcase verify``: 0 only for the valid ones; a PDF of several pages exits with its worst page's
EXIT_CODES = {
    Verdict.VALID: 0,
    Verdict.VALID_ELSEWHERE: 0,
    Verdict.EXPIRED: 10,
    Verdict.REVOKED: 11,
    Verdict.UNKNOWN: 12,
    Verdict.ALTERED: 13,
    Verdict.UNREADABLE: 14,
}
HEADLINES = {
    Verdict.VALID: "VALID and in this register",
    Verdict.VALID_ELSEWHERE: "VALID, issued by a trusted institution, not in this register",
    Verdict.REVOKED: "REVOKED",
    Verdict.EXPIRED: "EXPIRED",
    Verdict.ALTERED: "ALTERED",
    Verdict.UNKNOWN: "UNKNOWN code or untrusted key",
    Verdict.UNREADABLE: "UNREADABLE",
}


@dataclasses.dataclass(frozen=True)
class RegisterEntry:
    """A certificate as this register holds it."""

    serial: str
    code: str
    key_id: str | None  # the key its stored payload was signed with
    revoked_on: dt.date | None = None
    reason: str = ""
    signed_text: str | None = None  # the stored ``TC1:`` text
    page_text: str | None = None  # the stored ``TP1:`` page record (what the paper prints besides the data)


class Register(Protocol):
    """Where a verification looks certificates up (the database's register, or none offline)."""

    def by_serial(self, serial: str) -> RegisterEntry | None:
        """The register's entry for ``serial``, or None when it holds none."""

    def by_code(self, code: str) -> RegisterEntry | None:
        """The register's entry for the printed verification ``code``, or None when it holds none."""


@dataclasses.dataclass(frozen=True)
class Verification:
    """One verdict: what was checked (``message``), the signed data when there is any.

    For an altered page, ``differences`` names the fields that differ.
    """

    verdict: Verdict
    message: str
    data: CertificateData | None = None
    key_id: str = ""
    page: int | None = None
    differences: tuple[Difference, ...] = ()
    titles: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    # what was found, for the app to say in the reader's language: registered, elsewhere, offline,
    # serial-elsewhere, revoked, expired, signature, register-edited, two-codes, two-records, record-key,
    # record-other, page, document, untrusted-key, other-institution, unknown-code, needs-register, damaged-code, not-pdf, no-code,
    # no-record, layout, no-signed-data, cancelled
    cause: str = ""
    revoked: tuple[str, str] | None = None  # (date, reason)
    trusted_for: str = ""  # other-institution: the institution the signing key is trusted for
    record: PageRecord | None = None  # the signed page record (the page's, or this register's): the paper's titles

    def details(self, language: str = "en") -> list[tuple[str, str | None]]:
        """What the certificate states as its paper prints it, in ``language`` (``fields.details``); [] without signed data."""
        return details(self.data, self.record, language) if self.data is not None else []

    @property
    def status(self) -> str:
        """The verdict as text (``Verdict``'s value), as the JSON and the register show it."""
        return self.verdict.value

    @property
    def valid(self) -> bool:
        """Whether the certificate is genuine and in force (valid here or elsewhere)."""
        return self.verdict in (Verdict.VALID, Verdict.VALID_ELSEWHERE)

    @property
    def exit_code(self) -> int:
        """The exit code of ``tipcase certificate verify`` for this verdict (``EXIT_CODES``)."""
        return EXIT_CODES[self.verdict]

    def as_json(self) -> dict[str, Any]:
        """The verification as ``tipcase certificate verify --json`` prints it: verdict, message, page, key id and each difference found."""
        return {
            "verdict": self.verdict.value,
            "status": self.verdict.value,
            "message": self.message,
            "page": self.page,
            "key_id": self.key_id or None,
            "differences": [
                {
                    "field": d.field,
                    "name": field_name(d.field, self.titles),
                    "kind": d.kind,
                    "signed": d.signed,
                    "found": d.found,
                    "where_mm": d.where,
                }
                for d in self.differences
            ],
            "certificate": self.data.as_json() if self.data else None,
            "printed": [{"field": f, "value": v} for f, v in self.details()],
        }


def worst(results: list[Verification]) -> Verification:
    """The result that decides a PDF of several pages: the highest exit code."""
    return max(results, key=lambda r: r.exit_code)


def verify_payload(text: str, trusted: dict[str, Ed25519PublicKey], register: Register | None, today: dt.date) -> Verification:
    """A ``TC1:`` text (a scanned QR code, or a page's signed data)."""
    try:
        opened = open_payload(text, trusted)
    except PayloadError as exc:
        return Verification(Verdict.UNREADABLE, str(exc), cause="damaged-code")
    if not opened.trusted:
        return Verification(Verdict.UNKNOWN, opened.reason, opened.data, opened.key_id, cause="untrusted-key")
    if not opened.signed:
        return Verification(Verdict.ALTERED, opened.reason, opened.data, opened.key_id, cause="signature")
    result = _standing(opened.data, opened.key_id, register, today, trusted_for(trusted, opened.key_id))
    entry = register.by_serial(opened.data.serial) if register is not None and result.cause in _IN_REGISTER else None
    if entry is not None and entry.page_text and entry.signed_text and entry.signed_text.strip() == text.strip():
        _problem, record = _record([entry.page_text], text, result, trusted)
        if record is None:  # its signed record does not hold: the register's copy was edited
            message = f"the register's page record of {opened.data.serial} does not match its signature: it was edited"
            return dataclasses.replace(result, verdict=Verdict.ALTERED, message=message, cause="register-edited")
        result = dataclasses.replace(result, record=record, titles=record.competency_titles)
    return result


_IN_REGISTER = ("registered", "revoked", "expired")  # causes whose certificate this register may hold with its page record


def _standing(data: CertificateData, kid: str, register: Register | None, today: dt.date, bound: str | None) -> Verification:
    entry = register.by_serial(data.serial) if register is not None else None
    ours = entry is not None and entry.code == data.code and entry.key_id in (None, kid)
    if not ours and bound is not None and not same_institution(bound, data.institution):
        return Verification(
            Verdict.UNKNOWN,
            f"signed with key {kid}, which this workstation trusts for {bound} only, but the certificate names "
            f"{data.institution}: its key's holder signed it in another institution's name",
            data,
            kid,
            cause="other-institution",
            trusted_for=bound,
        )
    if ours and entry is not None and entry.revoked_on is not None:
        return Verification(
            Verdict.REVOKED,
            f"revoked on {entry.revoked_on.isoformat()}: {entry.reason}",
            data,
            kid,
            cause="revoked",
            revoked=(entry.revoked_on.isoformat(), entry.reason),
        )
    try:
        expired = data.expires is not None and dt.date.fromisoformat(data.expires) < today
    except ValueError:
        return Verification(Verdict.UNREADABLE, f"the expiry date {data.expires!r} is not a date", data, kid, cause="damaged-code")
    if expired:
        return Verification(Verdict.EXPIRED, f"signature valid; expired on {data.expires}", data, kid, cause="expired")
    if ours:
        return Verification(
            Verdict.VALID,
            f"signature valid, in this register, not revoked: {data.name}, issued {data.issued}",
            data,
            kid,
            cause="registered",
        )
    cause = "offline" if register is None else "elsewhere"
    if register is None:
        where = "offline: the register was not consulted, so a revocation cannot be seen"
    else:
        where = "not in this register, so a revocation by its issuer cannot be seen here"
        if entry is not None:
            where += f" (this register's {data.serial} is another certificate)"
            cause = "serial-elsewhere"
    return Verification(Verdict.VALID_ELSEWHERE, f"signature valid (key {kid}, {data.institution}); {where}", data, kid, cause=cause)


def verify_code(code: str, trusted: dict[str, Ed25519PublicKey], register: Register, today: dt.date) -> Verification:
    """A verification code typed from the paper: looked up, and its stored signed data checked."""
    normalised = code.strip().upper().replace(" ", "").replace("-", "")
    entry = register.by_code(normalised)
    if entry is None:
        return Verification(Verdict.UNKNOWN, f"no certificate with code “{readable(code.strip())}” in this register", cause="unknown-code")
    if not entry.signed_text:
        return Verification(Verdict.UNREADABLE, f"the register holds no signed data for {entry.serial}", cause="no-signed-data")
    result = verify_payload(entry.signed_text, trusted, register, today)
    if result.verdict is Verdict.ALTERED:
        return dataclasses.replace(
            result, message=f"the register's record of {entry.serial} does not match its signature: it was edited", cause="register-edited"
        )
    return result


class Progress(Protocol):
    """How long work reports (``tipcase`` and the app's task runner both provide one)."""

    def report(self, done: int, total: int) -> None:
        """Called after each page: ``done`` of ``total`` pages checked."""

    @property
    def cancelled(self) -> bool:
        """Whether the user asked to stop (checked between pages)."""


def verify_pdf(
    data: bytes,
    name: str,
    trusted: dict[str, Ed25519PublicKey],
    register: Register | None,
    today: dt.date,
    *,
    progress: Progress | None = None,
) -> list[Verification]:
    """Every page of a certificate PDF: its signed data, its standing, and what the page prints.

    About 0.15 s of CPU a page (``make bench``). ``progress`` hears each page checked; when it is
    cancelled the pages checked so far are returned, then one UNREADABLE result that says so.
    """
    import pypdfium2 as pdfium  # noqa: PLC0415 - only PDF verification needs pdfium

    from tipcase.certificates import pdf_structure  # noqa: PLC0415
    from tipcase.certificates.page_check import Difference, PresentedPage  # noqa: PLC0415

    if len(data) > MAX_PDF_BYTES:
        return [Verification(Verdict.UNREADABLE, f"{name} is {len(data) // 2**20} MB, more than a certificate PDF can be", cause="not-pdf")]
    beyond = pdf_structure.excess(data)  # before pdfium loads a page: a few KB can hold gigabytes of drawing
    if beyond:
        return [Verification(Verdict.UNREADABLE, f"{name} is not a certificate PDF: {beyond}", cause="not-pdf")]
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            return [Verification(Verdict.UNREADABLE, f"{name} is not a readable PDF ({exc})", cause="not-pdf")]
        try:
            if len(document) > MAX_PAGES:
                return [Verification(Verdict.UNREADABLE, f"{name} has {len(document)} pages, more than {MAX_PAGES}", cause="not-pdf")]
            if len(document) == 0:
                return [Verification(Verdict.UNREADABLE, f"{name} has no pages", cause="not-pdf")]
            extras = [Difference("document", f.kind, found=", ".join(f.names)) for f in pdf_structure.findings(data, document)]
            results: list[Verification] = []
            for index in range(len(document)):
                if progress is not None and progress.cancelled:
                    message = f"verification cancelled after {index} of {len(document)} pages"
                    return [*results, Verification(Verdict.UNREADABLE, message, cause="cancelled")]
                results.append(_verify_page(PresentedPage(document[index]), index + 1, trusted, register, today, extras=extras))
                if progress is not None:
                    progress.report(index + 1, len(document))
            return results
        finally:
            document.close()


def _verify_page(
    page: PresentedPage,
    number: int,
    trusted: dict[str, Ed25519PublicKey],
    register: Register | None,
    today: dt.date,
    *,
    extras: list[Difference],
) -> Verification:
    """One page's verdict; ``extras``: what the file carries besides its pages (any makes the page ALTERED)."""
    payloads, records = page.signed_texts()
    if not payloads:
        return Verification(Verdict.UNREADABLE, f"page {number} carries no certificate code", page=number, cause="no-code")
    if len(payloads) > 1:
        return Verification(
            Verdict.ALTERED, f"page {number} carries {len(payloads)} different certificate codes", page=number, cause="two-codes"
        )
    result = dataclasses.replace(verify_payload(payloads[0], trusted, register, today), page=number)
    if result.verdict in (Verdict.UNREADABLE, Verdict.UNKNOWN, Verdict.ALTERED) or result.data is None:
        return result
    if not records:
        return dataclasses.replace(
            result,
            verdict=Verdict.UNREADABLE,
            cause="no-record",
            message=f"page {number} has no page record (printed before TIPCase compared pages, or removed): "
            "its print cannot be checked; reprint it from the register, or verify its code and compare the signed fields with the paper",
        )
    problem, record = _record(records, payloads[0], result, trusted)
    if record is None:
        cause, _, message = problem.partition(" ")
        verdict = Verdict.UNREADABLE if cause == "layout" else Verdict.ALTERED
        return dataclasses.replace(result, verdict=verdict, message=message, cause=cause)
    drawn = _differences(page, result.data, payloads[0], records[0], record)
    if extras or drawn:
        parts = []
        if extras:
            besides = "; ".join(_describe(d, record.competency_titles) for d in extras)
            parts.append(f"the file carries what a viewer would show or do besides drawing the page: {besides}")
        if drawn:
            parts.append(
                f"the page differs from what the signed data prints: {'; '.join(_describe(d, record.competency_titles) for d in drawn)}"
            )
        return dataclasses.replace(
            result,
            verdict=Verdict.ALTERED,
            message=f"page {number}: " + "; and ".join(parts),
            differences=(*extras, *drawn),
            cause="page" if drawn else "document",
            titles=record.competency_titles,
            record=record,
        )
    return dataclasses.replace(
        result,
        message=f"page {number}: {result.message}; the page prints exactly the signed data",
        titles=record.competency_titles,
        record=record,
    )


def _record(records: list[str], payload: str, result: Verification, trusted: dict[str, Ed25519PublicKey]) -> tuple[str, PageRecord | None]:
    """The page's signed record, or why not: "<cause> <message>" (layout: unreadable; others: altered)."""
    assert result.data is not None
    if len(records) > 1:
        return f"two-records page {result.page} carries {len(records)} different page records", None
    try:
        opened = open_record(records[0], trusted)
    except PayloadError as exc:
        return f"record-other page {result.page}: {exc}", None
    record = opened.record
    if not opened.signed or opened.key_id != result.key_id:
        return f"record-key page {result.page}: the page record is not signed by the certificate's key", None
    if record.serial != result.data.serial or record.payload_digest != payload_digest(payload):
        return f"record-other page {result.page}: the page record belongs to another certificate", None
    if record.layout not in LAYOUTS:
        return (
            f"page {result.page} was printed with page layout {record.layout}, which this version of TIPCase does not know: update it",
            None,
        )
    return "", record


def _differences(page: PresentedPage, data: CertificateData, payload: str, record_text: str, record: PageRecord) -> list[Difference]:
    """Re-create the page from the signed data and record, and compare."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    from tipcase.certificates.page_check import Difference, PresentedPage, compare  # noqa: PLC0415
    from tipcase.certificates.pdf import LOGO_BOX, PrintedCertificate, Region, render_bytes, signature_box  # noqa: PLC0415

    pictures = page.pictures()
    try:
        institution = Institution.from_record(record.institution, pictures)
    except (KeyError, TypeError, ValueError, AttributeError):
        return [Difference("institution", "text")]
    item = PrintedCertificate(
        data, payload, record.competency_titles, institution, record_text, record.qr_mask, record.case_titles, record.layout
    )
    regions: list[Region] = []
    missing: list[Difference] = []
    for field, box in (("logo", LOGO_BOX), ("signature", signature_box(record.layout))):
        if record.institution.get(field) and record.institution[field] not in pictures:  # the signed picture is not on the page
            regions.append(Region(field, (box[0], box[1], box[0] + box[2], box[1] + box[3])))
            missing.append(Difference(field, "picture"))
    expected = pdfium.PdfDocument(render_bytes([item], institution, regions))
    try:
        found = compare(page, PresentedPage(expected[0]), regions)
    finally:
        expected.close()
    return missing + [d for d in found if (d.field, d.kind) not in {(m.field, m.kind) for m in missing}]


def _describe(difference: Difference, titles: dict[str, tuple[str, str]]) -> str:
    name = field_name(difference.field, titles)
    if difference.field == "document":
        from tipcase.certificates.pdf_structure import KINDS  # noqa: PLC0415

        return f"{KINDS.get(difference.kind, difference.kind)} ({difference.found})"
    if difference.kind in ("layer", "marked content"):
        return f"{name}: put in {difference.kind} ({difference.found})"
    if difference.field == "outside" and difference.where:
        name += f" ({difference.where[0]} mm from the left, {difference.where[1]} mm from the top)"
    if difference.kind == "text" and (difference.signed or difference.found):
        return f"{name}: text (signed “{readable(difference.signed)}”, on the page “{readable(difference.found)}”)"
    if difference.kind == "hidden text":
        return f"{name}: hidden text “{readable(difference.found)}”"
    if difference.kind == "page":
        return f"{name}: {difference.signed}"
    return f"{name}: {difference.kind}"
