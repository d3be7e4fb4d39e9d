"""``tipcase audit verify`` on the certificate register: each row against its own signed data and the log.

A certificate's row is more than its signed data: the register shows its holder (``user_id``), finds it
by its code, states its expiry and revocation, and reprints it from its stored texts. A certificate in
force may be updated (revoking it is an update), so the triggers do not freeze it; instead each row
is compared with what cannot be rewritten without the keys:

- its signed data (``payload["text"]``, signed with the institution's key): present, undamaged, its
  signature valid where the key is trusted here, and stating the row's serial, code, issue date,
  expiry and course; its page record signed for the same certificate;
- its ``certificate issued`` entry (the keyed chain): the holder's username and the course then;
- its revocation: revoked in the register only with a ``certificate revoked`` entry, for the reason
  that entry recorded (and the other way round: ``records_check``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from tipcase.certificates.payload import PayloadError, open_payload, open_record, payload_digest
from tipcase.services import audit
from tipcase.store.models import AuditEntry, Certificate


def row_problems(
    certificate: Certificate,
    issued: AuditEntry | None,
    revoked: AuditEntry | None,
    trusted: dict[str, Ed25519PublicKey],
    others: dict[str, str],
) -> Iterator[str]:
    """What differs between one register row and its signed data and audit entries, one sentence each.

    ``issued`` and ``revoked``: the row's ``certificate issued`` and ``certificate revoked`` entries
    (None when there is none: the caller reports a missing issue entry). ``trusted``: the public keys
    this workstation verifies with. ``others``: every certificate's signed text by serial, to say
    whose signed data a row now holds.
    """
    yield from _signed_data(certificate, trusted, others)
    if issued is not None:
        details = audit.details_of(issued)
        if details.get("user") is not None and details.get("user") != certificate.user.username:
            yield f"audit entry {issued.seq} recorded it issued to {details.get('user')}; it now shows {certificate.user.username}"
        if details.get("course") is not None and details.get("course") != certificate.course.code:
            yield f"audit entry {issued.seq} recorded it issued for course {details.get('course')}; it now shows {certificate.course.code}"
    if certificate.revoked_at is not None and revoked is None:
        yield "revoked in the register, but no audit entry records its revocation"
    elif revoked is not None and certificate.revoked_at is not None:
        reason = audit.details_of(revoked).get("reason")
        if reason is not None and reason != certificate.revoked_reason:
            yield f"revoked for {certificate.revoked_reason!r}; audit entry {revoked.seq} recorded the reason {reason!r}"


def _signed_data(certificate: Certificate, trusted: dict[str, Ed25519PublicKey], others: dict[str, str]) -> Iterator[str]:
    stored: Any = certificate.payload if isinstance(certificate.payload, dict) else {}
    text = stored.get("text")
    if not isinstance(text, str) or not text:
        yield "its signed data is gone from the register: it can no longer be verified by its code nor reprinted"
        return
    try:
        opened = open_payload(text, trusted)
    except PayloadError as exc:
        yield f"its signed data is damaged ({exc})"
        return
    if opened.trusted and not opened.signed:
        yield "its signed data does not match its signature"
    data = opened.data
    if data.serial != certificate.serial:
        owner = next((serial for serial, other in others.items() if other == text and serial != certificate.serial), data.serial)
        yield f"its signed data is certificate {owner}'s"
        return
    expires = certificate.expires_at.date().isoformat() if certificate.expires_at else None
    for what, row, signed in (
        ("verification code", certificate.code, data.code),
        ("issue date", certificate.issued_at.date().isoformat(), data.issued),
        ("expiry", expires, data.expires),
        ("course", certificate.course.code, data.course),
    ):
        if row != signed:
            yield f"its {what} {row or '(none)'} is not the one its signed data states ({signed or 'none'})"
    page = stored.get("page")
    if isinstance(page, str) and page:
        try:
            record = open_record(page, trusted)
        except PayloadError as exc:
            yield f"its page record is damaged ({exc})"
            return
        if record.record.serial != certificate.serial or record.record.payload_digest != payload_digest(text):
            yield "its page record belongs to another certificate: a reprint would read ALTERED"
        elif record.key_id in trusted and not record.signed:
            yield "its page record does not match its signature"
