"""The printed fields of a certificate, by name.

What a difference is reported against, and the list of signed fields a desk officer compares with the
paper (``tipcase verify`` and the verification screen).
"""

from __future__ import annotations

from tipcase.certificates.payload import CertificateData

# field -> how a report names it (the app translates the same keys: ui/pages/verify.py)
FIELDS = {
    "name": "name",
    "rank": "rank",
    "staff_id": "staff ID",
    "unit": "unit",
    "course": "course title",
    "cases": "case list",
    "competencies": "competencies heading",
    "issued": "issue date",
    "expires": "expiry date",
    "serial": "serial number",
    "code": "verification code",
    "qr": "QR code",
    "signed_data": "signed data",
    "institution": "institution name",
    "heading": "certificate title",
    "wording": "certificate wording",
    "signatory": "signatory",
    "verify_note": "verification note",
    "legal_basis": "legal basis",
    "logo": "logo",
    "signature": "signature picture",
    "frame": "border",
    "page": "page (size, crop, rotation or annotations)",
    "outside": "a place outside every printed field",
    "document": "the file (besides its pages)",
}


def field_name(field: str, titles: dict[str, tuple[str, str]] | None = None) -> str:
    """How a report names ``field`` (``competency:<id>`` and ``percent:<id>`` by the competency's title)."""
    kind, _, competency = field.partition(":")
    if competency:
        title = (titles or {}).get(competency, (competency, competency))[0]
        return f"percentage for {title}" if kind == "percent" else f"competency title {title!r}"
    return FIELDS.get(field, field)


def competency_order(data: CertificateData, titles: dict[str, tuple[str, str]]) -> list[str]:
    """The certificate's competencies in the order its page prints them (the page record's order)."""
    return [c for c in titles if c in data.competencies] + [c for c in data.competencies if c not in titles]


def signed_fields(data: CertificateData, titles: dict[str, tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """(label, value) for every field the signed data states, in the order the page prints them.

    ``titles`` (from the page record, when there is one) names the competencies; otherwise their ids.
    """
    titles = titles or {}
    rows = [
        ("Name", data.name),
        ("Rank", data.rank or "—"),
        ("Staff ID", data.staff_id or "—"),
        ("Unit", data.unit or "—"),
        ("Course", f"{data.title.get('en', data.course)} ({data.course})"),
    ]
    if data.title.get("id") and data.title.get("id") != data.title.get("en"):
        rows.append(("Course (Indonesian)", data.title["id"]))
    rows.append(("Cases", ", ".join(f"{scenario} v{version}" for scenario, version in data.scenarios) or "—"))
    rows.extend(
        (titles.get(competency, (f"Competency {competency}", ""))[0], f"{data.competencies[competency]:g} %")
        for competency in competency_order(data, titles)
    )
    rows += [
        ("Issued", data.issued),
        ("Valid until", data.expires or "no expiry"),
        ("Serial", data.serial),
        ("Verification code", data.code),
        ("Institution", data.institution),
    ]
    return rows
