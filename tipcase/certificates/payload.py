"""The signed texts of a certificate: its data (carried by the QR code) and its page record.

Text form: ``TC1:<payload>.<signature>``, both base64url without padding. The payload is canonical
JSON (sorted keys, no spaces) compressed with zlib; the signature is Ed25519 over those compressed
bytes with the issuing institution's key, whose id is inside the payload. The QR code carries this
text alone, so it stays small enough to scan from paper.

The page record (``TP1:``, the same form) signs what else the page prints: the institution as it was
when the certificate was issued (names, signatory, legal basis, digests of the logo and signature
pictures) and the competency titles, bound to the certificate by its serial and the SHA-256 of its
``TC1:`` text. With both, a verifier re-creates the page and compares it with the one presented
(``tipcase.certificates.page_check``). Both are written on the PDF page as invisible text.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import json
import zlib
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tipcase.certificates.signing import key_id, verify_signature

PREFIX = "TC1:"
RECORD_PREFIX = "TP1:"
LAYOUT = 2  # the page layout a record is signed for now (``tipcase.certificates.pdf``)
LAYOUTS = (1, 2)  # every layout this version draws: a page printed in layout 1 is re-created in layout 1
# Layout 2 prints the cases by title (the record signs them) and a signature block that is never empty.


@dataclasses.dataclass(frozen=True)
class CertificateData:
    """What a certificate states: everything printed that matters, and nothing more."""

    serial: str
    code: str
    name: str
    rank: str | None
    staff_id: str | None
    unit: str | None
    course: str
    title: dict[str, str]
    scenarios: tuple[tuple[str, int], ...]
    competencies: dict[str, float]
    issued: str  # YYYY-MM-DD
    expires: str | None
    institution: str

    def as_json(self) -> dict[str, Any]:
        """The signed payload's JSON, with one- to three-letter keys so the QR code stays small (version 1; ``from_json`` reads it back)."""
        return {
            "v": 1,
            "s": self.serial,
            "c": self.code,
            "n": self.name,
            "r": self.rank,
            "sid": self.staff_id,
            "u": self.unit,
            "k": self.course,
            "t": self.title,
            "sv": [list(item) for item in self.scenarios],
            "p": self.competencies,
            "i": self.issued,
            "e": self.expires,
            "o": self.institution,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CertificateData:
        """A payload from ``as_json``'s shape; KeyError, TypeError or ValueError on a malformed one (the caller calls it unreadable)."""
        return cls(
            serial=str(data["s"]),
            code=str(data["c"]),
            name=str(data["n"]),
            rank=data.get("r"),
            staff_id=data.get("sid"),
            unit=data.get("u"),
            course=str(data["k"]),
            title=dict(data["t"]),
            scenarios=tuple((str(s), int(v)) for s, v in data["sv"]),
            competencies={str(k): float(v) for k, v in data["p"].items()},
            issued=str(data["i"]),
            expires=data.get("e"),
            institution=str(data["o"]),
        )


class PayloadError(ValueError):
    """Text that is not a well-formed TIPCase certificate payload."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign_content(prefix: str, content: dict[str, Any], private_key: Ed25519PrivateKey) -> str:
    content = {**content, "kid": key_id(private_key.public_key())}
    body = zlib.compress(json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 9)
    return f"{prefix}{_b64(body)}.{_b64(private_key.sign(body))}"


def sign(data: CertificateData, private_key: Ed25519PrivateKey) -> str:
    """The ``TC1:`` text of ``data`` signed with ``private_key`` (what the QR code carries)."""
    return _sign_content(PREFIX, data.as_json(), private_key)


@dataclasses.dataclass(frozen=True)
class Opened:
    """A payload taken out of its signed envelope: the data, the id of the key that signed it and whether the signature holds."""

    data: CertificateData
    key_id: str
    signed: bool  # the signature matches a trusted key
    reason: str = ""
    trusted: bool = True  # False: the key that signed it is not one this workstation trusts


MAX_TEXT = 20_000  # characters: far above any real payload or record, far below what would cost time


def _open_content(prefix: str, text: str, trusted: dict[str, Ed25519PublicKey]) -> tuple[dict[str, Any], str, bool | None]:
    """(content, key id, signature matches) where None means the key is not trusted; raises PayloadError."""
    text = text.strip()
    if not text.startswith(prefix) or text.count(".") != 1 or len(text) > MAX_TEXT:
        raise PayloadError("not a TIPCase certificate code")
    body_text, signature_text = text[len(prefix) :].split(".")
    try:
        body = _unb64(body_text)
        signature = _unb64(signature_text)
        decompressor = zlib.decompressobj()
        raw = decompressor.decompress(body, 10 * MAX_TEXT)
        if decompressor.unconsumed_tail:
            raise ValueError("too long")
        content = json.loads(raw.decode("utf-8"))
        kid = str(content["kid"])
    except (binascii.Error, zlib.error, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PayloadError(f"the certificate code is damaged ({type(exc).__name__})") from None
    if not isinstance(content, dict):
        raise PayloadError("the certificate code is damaged (not an object)")
    key = trusted.get(kid)
    if key is None:
        return content, kid, None
    return content, kid, len(signature) == 64 and verify_signature(key, signature, body)


def open_payload(text: str, trusted: dict[str, Ed25519PublicKey]) -> Opened:
    """Parse and check a ``TC1:`` text; raises PayloadError when it is not one at all (or is damaged)."""
    content, kid, signed = _open_content(PREFIX, text, trusted)
    try:
        data = CertificateData.from_json(content)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PayloadError(f"the certificate code is damaged ({type(exc).__name__})") from None
    if signed is None:
        return Opened(data, kid, False, f"signed by key {kid}, which this workstation does not trust", trusted=False)
    if not signed:
        return Opened(data, kid, False, "the signature does not match: the signed data was changed after signing")
    return Opened(data, kid, True)


def payload_digest(text: str) -> str:
    """SHA-256 (hex, first 32 digits) of a ``TC1:`` text: how a page record names its certificate."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:32]


@dataclasses.dataclass(frozen=True)
class PageRecord:
    """What a certificate's page prints beyond its data, as it was when the certificate was issued.

    ``institution``: ``name`` ({en, id}), ``signatory_name``, ``signatory_title`` ({en, id}),
    ``legal_basis``, ``logo`` and ``signature`` (picture digests, ``tipcase.certificates.images``, or
    None). ``competency_titles``: competency id -> (English, Indonesian), in the order the page prints
    them (the signed data's own JSON sorts its keys, so the order is kept here). ``case_titles``
    (layout 2): (scenario id, English title, Indonesian title) of each case, in the course's order.
    """

    serial: str
    payload_digest: str
    institution: dict[str, Any]
    competency_titles: dict[str, tuple[str, str]]
    qr_mask: int | None = None  # the QR code's mask pattern (0-7), chosen once at issue
    layout: int = LAYOUT
    case_titles: tuple[tuple[str, str, str], ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The page record's JSON (version 1): payload digest, institution texts, competency titles in print order, QR mask and layout."""
        content = {
            "v": 1,
            "s": self.serial,
            "h": self.payload_digest,
            "in": self.institution,
            "ct": [[k, *v] for k, v in self.competency_titles.items()],  # a list: the order they print in
            "qm": self.qr_mask,
            "l": self.layout,
        }
        if self.layout >= 2:
            content["st"] = [list(titles) for titles in self.case_titles]
        return content

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageRecord:
        """A page record from ``as_json``'s shape; raises KeyError, TypeError or ValueError on a malformed one."""
        return cls(
            serial=str(data["s"]),
            payload_digest=str(data["h"]),
            institution=dict(data["in"]),
            competency_titles={str(k): (str(en), str(id_)) for k, en, id_ in data["ct"]},
            qr_mask=int(data["qm"]) if data.get("qm") is not None else None,
            layout=int(data["l"]),
            case_titles=tuple((str(s), str(en), str(id_)) for s, en, id_ in data.get("st") or ()),
        )


def sign_record(record: PageRecord, private_key: Ed25519PrivateKey) -> str:
    """The ``TP1:`` text of a page record, signed with the key that signed its certificate."""
    return _sign_content(RECORD_PREFIX, record.as_json(), private_key)


@dataclasses.dataclass(frozen=True)
class OpenedRecord:
    """A page record taken out of its signed envelope, with the id of the key that signed it and whether the signature holds."""

    record: PageRecord
    key_id: str
    signed: bool


def open_record(text: str, trusted: dict[str, Ed25519PublicKey]) -> OpenedRecord:
    """Parse and check a ``TP1:`` text; raises PayloadError when it is not one (or is damaged)."""
    content, kid, signed = _open_content(RECORD_PREFIX, text, trusted)
    try:
        record = PageRecord.from_json(content)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise PayloadError(f"the page record is damaged ({type(exc).__name__})") from None
    return OpenedRecord(record, kid, bool(signed))
