"""``tipcase verify --lang id``: the whole verdict in the language asked for, in the app's own words.

The app's verification page (``ui.pages.verify.VerifyPage``) says each verdict, what was found and every
field's name; with a language other than English the command line says the same sentences, read from the
app's translations (``tipcase.interface_text``). ``tests/test_verify_words.py`` checks that each sentence
here is one the app translates. English keeps the command line's own lines (``certificate_commands``).
"""

from __future__ import annotations

from tipcase.certificates.fields import competency_title, readable
from tipcase.certificates.verification import Verification
from tipcase.interface_text import say

PAGE = "VerifyPage"  # the app's translation context of these words

HEADLINES = {
    "valid": "Valid and in this register",
    "valid-elsewhere": "Valid, issued by a trusted institution, not in this register",
    "revoked": "Revoked",
    "expired": "Expired",
    "altered": "Altered",
    "unknown": "Unknown code or untrusted key",
    "unreadable": "Unreadable",
}
CAUSES = {
    "registered": "The signature is valid; the certificate is in this register and not revoked.",
    "elsewhere": "The signature is valid (key %1, %2), but the certificate is not in this register, "
    "so a revocation by its issuer cannot be seen here.",
    "serial-elsewhere": "The signature is valid (key %1, %2), but this register holds another certificate under that serial: "
    "it was issued elsewhere, so a revocation by its issuer cannot be seen here.",
    "offline": "The signature is valid (key %1, %2). Offline: the register was not consulted, so a revocation cannot be seen.",
    "revoked": "Revoked on %3: %4",
    "expired": "The signature is valid, but the certificate expired on %5.",
    "signature": "The signed data does not match its signature: it was changed after signing.",
    "register-edited": "This register's record of the certificate does not match its signature: the register was edited.",
    "two-codes": "The page carries more than one certificate code.",
    "two-records": "The page carries more than one page record.",
    "record-key": "The page record is not signed with the certificate's key.",
    "record-other": "The page record belongs to another certificate.",
    "page": "What the page shows differs from what the signed data prints:",
    "document": "The file carries what a viewer would show or do besides drawing the page (a script, a form, an attached file, a layer):",
    "untrusted-key": "Signed with key %1, which this workstation does not trust. An administrator can import the issuer's public key.",
    "other-institution": "Signed with key %1, which this workstation trusts for the certificates of %6 only, "
    "but this certificate names %2: the key's holder signed it in another institution's name.",
    "unknown-code": "No certificate with this code is in this register.",
    "needs-register": "A verification code can only be looked up in the register; open the PDF or paste the QR text instead.",
    "damaged-code": "The certificate code is damaged or incomplete.",
    "not-pdf": "The file is not a readable certificate PDF.",
    "no-code": "The page carries no certificate code.",
    "no-record": "The page has no page record (printed before pages were compared, or removed), so its print cannot be checked. "
    "Reprint it from the register, or verify its code and compare the signed fields with the paper.",
    "layout": "The page was printed by a newer version of TIPCase: update this one to check it.",
    "no-signed-data": "The register holds no signed data for this certificate.",
    "cancelled": "Verification cancelled: the pages above were checked, the rest were not.",
}
FIELDS = {
    "name": "Name",
    "rank": "Rank",
    "staff_id": "Staff ID",
    "unit": "Unit",
    "course": "Course",
    "cases": "Cases",
    "competencies": "Competencies heading",
    "issued": "Issued",
    "expires": "Valid until",
    "serial": "Serial",
    "code": "Verification code",
    "qr": "QR code",
    "signed_data": "Signed data",
    "institution": "Institution",
    "heading": "Certificate title",
    "wording": "Certificate wording",
    "signatory": "Signatory",
    "verify_note": "Verification note",
    "legal_basis": "Legal basis",
    "logo": "Logo",
    "signature": "Signature picture",
    "frame": "Border",
    "page": "Page size, crop, rotation or annotations",
    "outside": "Outside the printed fields",
    "document": "The file (besides its pages)",
}
KINDS = {
    "text": "text differs",
    "hidden text": "hidden text",
    "shape": "a shape added or removed",
    "picture": "a picture differs",
    "appearance": "looks different",
    "page": "changed",
    "layer": "put in a layer that a viewer may hide on screen or on paper",
    "marked content": "put in marked content",
}
OTHER = (
    "Page %1:",
    "The page prints exactly the signed data.",
    "signed “%1”, on the page “%2”",
    "(%1 mm from the left, %2 mm from the top)",
    "Percentage for %1",
    "Competency title %1",
    "no expiry",
    "Signing key",
    "What the certificate states (signed): the paper must show the same",
)


def _filled(text: str, *values: str) -> str:
    for number, value in enumerate(values, 1):
        text = text.replace(f"%{number}", value)
    return text


def verdict_lines(result: Verification, language: str) -> list[str]:
    """The lines ``tipcase verify`` prints for ``result``, every word in ``language`` (the titles as the paper prints them)."""

    def t(source: str) -> str:
        return say(PAGE, source, language)

    data = result.data
    headline = t(HEADLINES[result.status])
    headline = headline.split(" ", 1)[0].upper() + (" " + headline.split(" ", 1)[1] if " " in headline else "")
    cause = CAUSES.get(result.cause)
    if cause is None:
        said = result.message
    else:
        revoked_on, reason = result.revoked or ("", "")
        institution, expires = (data.institution, data.expires or "") if data is not None else ("", "")
        said = _filled(t(cause), result.key_id, institution, revoked_on, reason, expires, result.trusted_for)
        if result.page is not None:
            said = _filled(t("Page %1:"), str(result.page)) + " " + said
        if result.valid and result.page is not None:
            said += " " + t("The page prints exactly the signed data.")
    lines = [f"{headline}: {said}"]
    by_field: dict[str, list[str]] = {}
    for difference in result.differences:
        what = t(KINDS.get(difference.kind, difference.kind))
        if difference.kind == "text" and (difference.signed or difference.found):
            what += f" ({_filled(t('signed “%1”, on the page “%2”'), readable(difference.signed), readable(difference.found))})"
        elif difference.found and (difference.field == "document" or difference.kind in ("layer", "marked content", "hidden text")):
            what += f" ({readable(difference.found)})"
        kind, _, competency = difference.field.partition(":")
        if competency:
            name = _filled(
                t("Percentage for %1" if kind == "percent" else "Competency title %1"),
                competency_title(result.titles, competency, language),
            )
        else:
            name = t(FIELDS.get(difference.field, difference.field))
        if difference.where:
            name += " " + _filled(t("(%1 mm from the left, %2 mm from the top)"), str(difference.where[0]), str(difference.where[1]))
        by_field.setdefault(name, []).append(what)
    lines += [f"  {name}: {'; '.join(whats)}" for name, whats in by_field.items()]
    if data is not None:
        lines.append(f"  {t('What the certificate states (signed): the paper must show the same')}:")
        rows = []
        for field, value in result.details(language):
            _kind, _, competency = field.partition(":")
            label = competency_title(result.titles, competency, language) if competency else t(FIELDS[field])
            rows.append((label, value if value is not None else t("no expiry")))
        if result.key_id:
            rows.append((t("Signing key"), result.key_id))
        width = max(len(label) for label, _ in rows)
        lines += [f"    {label:<{width}}  {value}" for label, value in rows]
    return lines
