"""The signed payload of a certificate, carried by its QR code: compact, and verifiable with no network.

Text form: ``TC1:<payload>.<signature>``, both base64url without padding. The payload is canonical
JSON (sorted keys, no spaces) compressed with zlib; the signature is Ed25519 over those compressed
bytes with the issuing institution's key, whose id is inside the payload.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import zlib
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tipcase.certificates.signing import key_id, verify_signature

PREFIX = "TC1:"


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


def sign(data: CertificateData, private_key: Ed25519PrivateKey) -> str:
    content = {**data.as_json(), "kid": key_id(private_key.public_key())}
    body = zlib.compress(json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 9)
    return f"{PREFIX}{_b64(body)}.{_b64(private_key.sign(body))}"


@dataclasses.dataclass(frozen=True)
class Opened:
    data: CertificateData
    key_id: str
    signed: bool  # the signature matches a trusted key
    reason: str = ""


def open_payload(text: str, trusted: dict[str, Ed25519PublicKey]) -> Opened:
    """Parse and check a payload; raises PayloadError when it is not one at all."""
    text = text.strip()
    if not text.startswith(PREFIX) or text.count(".") != 1:
        raise PayloadError("not a TIPCase certificate code")
    body_text, signature_text = text[len(PREFIX) :].split(".")
    try:
        body = _unb64(body_text)
        signature = _unb64(signature_text)
        content = json.loads(zlib.decompress(body).decode("utf-8"))
        data = CertificateData.from_json(content)
        kid = str(content["kid"])
    except (binascii.Error, zlib.error, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PayloadError(f"the certificate code is damaged ({type(exc).__name__})") from None
    key = trusted.get(kid)
    if key is None:
        return Opened(data, kid, False, f"signed by key {kid}, which this workstation does not trust")
    if len(signature) != 64 or not verify_signature(key, signature, body):
        return Opened(data, kid, False, "the signature does not match: the certificate was altered or not issued by this institution")
    return Opened(data, kid, True)
