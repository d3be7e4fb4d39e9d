"""The completion register: issuing and revoking certificates (the PDF and signature come on top of this).

A certificate is issued only when the trainee has completed the course under its pass rule. It gets
a serial (``TC-<year>-<number>``) and a random verification code of 12 characters from an alphabet
without look-alikes (no 0/O, 1/I/L). Every issue and revocation goes into the audit log.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tipcase.services import audit
from tipcase.services.courses import course_progress
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.store.models import Certificate, Course, User, utcnow

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _next_serial(session: Session, year: int) -> str:
    prefix = f"TC-{year}-"
    count = session.scalar(select(func.count(Certificate.id)).where(Certificate.serial.like(f"{prefix}%"))) or 0
    return f"{prefix}{count + 1:06d}"


def issue(session: Session, actor: User, trainee: User, course: Course, *, valid_for_days: int | None = None) -> Certificate:
    require(actor, Permission.ISSUE_CERTIFICATE)
    existing = session.scalars(
        select(Certificate).where(Certificate.user_id == trainee.id, Certificate.course_id == course.id, Certificate.revoked_at.is_(None))
    ).first()
    if existing is not None:
        raise ServiceError(f"{trainee.username} already holds certificate {existing.serial} for {course.code}")
    if not course_progress(session, actor, course, trainee).completed:
        raise ServiceError(f"{trainee.username} has not completed course {course.code}")
    now = utcnow()
    certificate = Certificate(
        serial=_next_serial(session, now.year),
        code=new_code(),
        user_id=trainee.id,
        course_id=course.id,
        issued_at=now,
        expires_at=now + dt.timedelta(days=valid_for_days) if valid_for_days else None,
        issued_by_id=actor.id,
    )
    session.add(certificate)
    session.flush()
    audit.record(session, actor, "certificate issued", certificate.serial, user=trainee.username, course=course.code)
    return certificate


def get_certificate(session: Session, serial: str) -> Certificate:
    certificate = session.scalars(select(Certificate).where(Certificate.serial == serial)).first()
    if certificate is None:
        raise NotFound(f"no certificate {serial!r}")
    return certificate


def revoke(session: Session, actor: User, serial: str, reason: str) -> Certificate:
    require(actor, Permission.REVOKE_CERTIFICATE)
    if not reason.strip():
        raise ServiceError("a revocation needs a reason")
    certificate = get_certificate(session, serial)
    if certificate.revoked_at is not None:
        raise ServiceError(f"certificate {serial} was already revoked on {certificate.revoked_at:%Y-%m-%d}")
    certificate.revoked_at = utcnow()
    certificate.revoked_reason = reason.strip()
    audit.record(session, actor, "certificate revoked", serial, reason=certificate.revoked_reason)
    return certificate


def register(session: Session, actor: User) -> list[Certificate]:
    require(actor, Permission.READ_REGISTER)
    return list(session.scalars(select(Certificate).order_by(Certificate.serial)))
