"""Verifying a presented certificate against this register.

The database side of ``tipcase.certificates.verification``, which says what each verdict means.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.certificates import verification
from tipcase.certificates.payload import PayloadError, open_payload
from tipcase.certificates.verification import Progress, Register, RegisterEntry, Verdict, Verification
from tipcase.store.models import Certificate


# -- verification -----------------------------------------------------------------------------------
class _SessionRegister:
    """This register, as verification asks it (``tipcase.certificates.verification.Register``)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _entry(self, record: Certificate | None) -> RegisterEntry | None:
        if record is None:
            return None
        text = str((record.payload or {}).get("text") or "") or None
        kid = None
        if text:
            try:
                kid = open_payload(text, {}).key_id
            except PayloadError:
                kid = "damaged"
        revoked = record.revoked_at.date() if record.revoked_at else None
        page = str((record.payload or {}).get("page") or "") or None
        return RegisterEntry(record.serial, record.code, kid, revoked, record.revoked_reason or "", text, page)

    def by_serial(self, serial: str) -> RegisterEntry | None:
        return self._entry(self.session.scalars(select(Certificate).where(Certificate.serial == serial)).first())

    def by_code(self, code: str) -> RegisterEntry | None:
        return self._entry(self.session.scalars(select(Certificate).where(Certificate.code == code)).first())


def register_of(session: Session | None) -> Register | None:
    """The session's certificate register for verification, or None offline (no session)."""
    return _SessionRegister(session) if session is not None else None


def verify_payload(text: str, trusted: dict[str, Any], session: Session | None = None, today: dt.date | None = None) -> Verification:
    """A QR code's text (``TC1:...``): its signature, and its standing in this register (if a session)."""
    return verification.verify_payload(text, trusted, register_of(session), today or dt.date.today())


def verify_code(code: str, session: Session, trusted: dict[str, Any] | None = None, today: dt.date | None = None) -> Verification:
    """A verification code typed from the paper, looked up in this register."""
    from tipcase.certificates.signing import trusted_keys  # noqa: PLC0415

    register = _SessionRegister(session)
    return verification.verify_code(code, trusted if trusted is not None else trusted_keys(), register, today or dt.date.today())


def verify_pdf(
    path: Path, trusted: dict[str, Any], session: Session | None = None, today: dt.date | None = None, progress: Progress | None = None
) -> list[Verification]:
    """Every page of a certificate PDF (see ``tipcase.certificates.verification.verify_pdf``)."""
    try:
        if path.stat().st_size > verification.MAX_PDF_BYTES:
            return [Verification(Verdict.UNREADABLE, f"{path.name} is larger than a certificate PDF can be", cause="not-pdf")]
        data = path.read_bytes()
    except OSError as exc:
        return [Verification(Verdict.UNREADABLE, f"{path.name}: {exc.strerror or exc}", cause="not-pdf")]
    return verification.verify_pdf(data, path.name, trusted, register_of(session), today or dt.date.today(), progress=progress)


def verify_any(
    argument: str, trusted: dict[str, Any], session: Session | None, today: dt.date | None = None, progress: Progress | None = None
) -> list[Verification]:
    """A PDF file, a QR payload (``TC1:...``) or a verification code; one result per PDF page."""
    if argument.strip().startswith("TC1:"):
        return [verify_payload(argument, trusted, session, today)]
    path = Path(argument)
    try:
        is_file = path.is_file()
    except OSError:  # a name too long to be a path, say
        is_file = False
    if argument.lower().endswith(".pdf") or is_file:
        return verify_pdf(path, trusted, session, today, progress)
    if session is None:
        return [
            Verification(
                Verdict.UNKNOWN,
                "a verification code can only be looked up in the register; give the PDF or the QR text to verify offline",
                cause="needs-register",
            )
        ]
    return [verify_code(argument, session, trusted, today)]
