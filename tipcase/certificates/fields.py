"""The printed fields of a certificate, by name.

What a difference is reported against, and the list of signed fields a desk officer compares with the
paper (``tipcase verify`` and the verification screen).
"""

from __future__ import annotations

from tipcase.certificates.payload import CertificateData, PageRecord

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


def readable(text: str) -> str:
    """``text`` with each character that prints nothing readable (controls, format marks) as ``[U+0001]``.

    What a verdict quotes from a page or a typed code: a forger's control characters are named, never
    printed raw (invisible, or shown as a Python escape).
    """
    return "".join(c if c.isprintable() or c == " " else f"[U+{ord(c):04X}]" for c in text)


def _in(texts: dict[str, str] | tuple[str, str], language: str, fallback: str) -> str:
    """A text in ``language`` ("en" or "id") from {language: text} or (English, Indonesian), else English, else ``fallback``."""
    if isinstance(texts, tuple):
        english, indonesian = texts
        return (indonesian if language == "id" and indonesian else english) or fallback
    return texts.get(language) or texts.get("en") or fallback


def competency_title(titles: dict[str, tuple[str, str]], competency: str, language: str = "en") -> str:
    """How the paper names a competency, in ``language``: its title from the page record, else its id."""
    return _in(titles.get(competency, (competency, competency)), language, competency)


def details(data: CertificateData, record: PageRecord | None, language: str = "en") -> list[tuple[str, str | None]]:
    """What the certificate states, as its page prints it, in ``language`` ("en" or "id"): (field, value) rows.

    One source for every verification (a PDF, a QR code, a typed code; the app and ``tipcase verify``),
    so each lists what the paper shows: the course by its title, the cases by title in the course's
    order, the competencies by title in the page's order, the institution by its name. Titles come
    from the certificate's signed page record (``record``, None when there is none: then ids, as a
    page of the first layout prints them). Fields are ``FIELDS`` keys, and ``competency:<id>`` with
    the percent (its label: ``competency_title``); ``expires`` is None for no expiry; a missing rank,
    staff ID or unit is "—".
    """
    titles = record.competency_titles if record is not None else {}
    if record is not None and record.case_titles:
        cases = "; ".join(_in((english, indonesian), language, scenario) for scenario, english, indonesian in record.case_titles)
    else:
        cases = ", ".join(f"{scenario} v{version}" for scenario, version in data.scenarios)
    names = record.institution.get("name") if record is not None else None
    institution = _in(names, language, data.institution) if isinstance(names, dict) else data.institution
    rows: list[tuple[str, str | None]] = [
        ("name", data.name),
        ("rank", data.rank or "—"),
        ("staff_id", data.staff_id or "—"),
        ("unit", data.unit or "—"),
        ("course", _in(data.title, language, data.course)),
        ("cases", cases or "—"),
    ]
    rows += [(f"competency:{c}", f"{data.competencies[c]:g} %") for c in competency_order(data, titles)]
    rows += [
        ("issued", data.issued),
        ("expires", data.expires),
        ("serial", data.serial),
        ("code", data.code),
        ("institution", institution),
    ]
    return rows


# the English labels of ``details``' fields, as ``tipcase verify`` lists them (the app translates its own)
LABELS = {
    "name": "Name",
    "rank": "Rank",
    "staff_id": "Staff ID",
    "unit": "Unit",
    "course": "Course",
    "cases": "Cases",
    "issued": "Issued",
    "expires": "Valid until",
    "serial": "Serial",
    "code": "Verification code",
    "institution": "Institution",
}


def signed_fields(data: CertificateData, record: PageRecord | None = None, language: str = "en") -> list[tuple[str, str]]:
    """(label, value) for every field the certificate states, as ``details`` gives them, with English labels."""
    titles = record.competency_titles if record is not None else {}
    rows = []
    for field, value in details(data, record, language):
        _kind, _, competency = field.partition(":")
        label = competency_title(titles, competency, language) if competency else LABELS[field]
        rows.append((label, value if value is not None else "no expiry"))
    return rows
