"""A holder's own certificates: the list on their home page, and a PDF of one to save or print.

Each person may read and print only the certificates issued to them; reading someone else's is the
register's business and needs its permission (``READ_REGISTER``: registrars and admins). A revoked
certificate is listed (its holder should know) but not printed: a page that verifies as revoked
serves no one. The PDF is the same page the registrar prints (``certificates.printable``: the signed
data and page record stored at issue), so a holder's print verifies like any other.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services.errors import NotFound, PermissionDenied, ServiceError
from tipcase.services.permissions import Permission, allowed, require
from tipcase.store.models import Certificate, User


def _may_read(actor: User, certificate: Certificate) -> None:
    if certificate.user_id != actor.id and not allowed(actor, Permission.READ_REGISTER):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may read only their own certificates"),
            username=actor.username,
            role=Message(actor.role),
        )


def held(session: Session, actor: User, holder: User | None = None) -> list[Certificate]:
    """The certificates issued to ``holder`` (default: the actor), newest first, revoked ones included.

    Raises PermissionDenied when ``holder`` is someone else and the actor may not read the register.
    """
    holder = holder or actor
    require(actor, Permission.READ_OWN_RECORDS)
    if holder.id != actor.id and not allowed(actor, Permission.READ_REGISTER):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may read only their own certificates"),
            username=actor.username,
            role=Message(actor.role),
        )
    query = select(Certificate).where(Certificate.user_id == holder.id).order_by(Certificate.issued_at.desc(), Certificate.id.desc())
    return list(session.scalars(query))


def status(certificate: Certificate, today: dt.date | None = None) -> str:
    """valid, expired or revoked on ``today`` (default: today), by the register's rule."""
    from tipcase.services.certificates import status_on  # noqa: PLC0415 - the PDF stack loads when a page is printed

    return status_on(certificate, today or dt.date.today())


def write_pdf(session: Session, actor: User, serial: str, target: Path) -> None:
    """Write the actor's certificate ``serial`` as a one-page PDF at ``target`` (written whole, or not at all).

    Raises NotFound (no such certificate), PermissionDenied (someone else's, for an actor who may not
    read the register) or ServiceError (revoked; a damaged record).
    """
    from tipcase.services import certificates  # noqa: PLC0415 - reportlab loads only when a page is printed

    certificate = session.scalars(select(Certificate).where(Certificate.serial == serial)).first()
    if certificate is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no certificate {serial!r}"), serial=serial)
    _may_read(actor, certificate)
    if certificate.revoked_at is not None:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "certificate {serial} was revoked on {revoked:%Y-%m-%d}; it cannot be printed"),
            serial=serial,
            revoked=certificate.revoked_at,
        )
    pages = certificates.printable(session, [certificate])
    certificates.write_pdfs(pages, certificates.institution(session), target)
