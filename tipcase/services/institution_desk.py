"""The issuing institution in the app: what the Administration menu's dialog reads, saves and previews.

The same service as ``tipcase certificate institution`` (``certificates.configure_institution``: the permission
checked, the change audited); each function opens its own transaction on a ``Database`` and returns plain
values (an ``Institution``, PDF bytes) that cross to the UI thread. Certificates already issued keep the
institution they were issued with: their signed page record names it (``Institution.as_record``), and reprints
draw that one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tipcase.certificates import images, pdf
from tipcase.certificates.institution import Institution
from tipcase.certificates.payload import CertificateData
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import certificates
from tipcase.services.desktop import _user
from tipcase.services.errors import ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.store.database import Database

MAX_PICTURE_BYTES = 10 * 1024 * 1024  # a logo or a scanned signature; larger files are refused before they are read


def institution_settings(db: Database, account_id: int) -> Institution:
    """The institution as certificates print it now; PermissionDenied unless the account configures it (admins)."""
    with db.reading() as session:
        require(_user(session, account_id), Permission.CONFIGURE_INSTITUTION)
        return certificates.institution(session)


def save_institution(db: Database, account_id: int, updated: Institution) -> bool:
    """Store ``updated`` as the issuing institution (audited as ``institution configured``); False when nothing changed.

    Raises PermissionDenied unless the signed-in account configures the institution (admins), ServiceError for a
    name missing in either language (``certificates.configure_institution``).
    """
    with db.transaction() as session:
        actor = _user(session, account_id)
        require(actor, Permission.CONFIGURE_INSTITUTION)
        if updated == certificates.institution(session):
            return False
        certificates.configure_institution(session, actor, updated)
        return True


def read_picture(path: Path) -> bytes:
    """A logo or signature file's bytes, once Pillow has read it as a picture (PNG, JPEG, ...).

    Raises ServiceError (one line naming the file) for a file that cannot be read, is larger than
    ``MAX_PICTURE_BYTES`` or is not a picture.
    """
    try:
        size = path.stat().st_size
        if size > MAX_PICTURE_BYTES:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{path}: {size:,} bytes; a logo or signature may have {limit:,} at most"),
                path=str(path),
                size=size,
                limit=MAX_PICTURE_BYTES,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{path}: cannot be read ({reason})"), path=str(path), reason=exc.strerror or exc
        ) from None
    try:
        images.canonical(data)
    except images.PictureError:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "{path}: not a picture (use a PNG or JPEG file)"), path=str(path)) from None
    return data


def specimen_pdf(institution: Institution, today: dt.date | None = None) -> bytes:
    """A one-page specimen certificate (A4 landscape PDF) printed with ``institution``: what the dialog previews.

    The person, course and codes are placeholders marked as a specimen; its QR code holds no signature, so it
    verifies as nothing. About 0.25 s of a core (reportlab): run it off the UI thread.
    """
    issued = (today or dt.date.today()).isoformat()
    data = CertificateData(
        serial="TC-SPECIMEN",
        code="SPECIMEN",
        name="Specimen / Contoh",
        rank="Bripda",
        staff_id="00000000",
        unit="Unit PPA",
        course="specimen",
        title={"en": "Handling trafficking cases (specimen)", "id": "Penanganan perkara TPPO (contoh)"},
        scenarios=(("specimen", 1),),
        competencies={"identification": 100.0},
        issued=issued,
        expires=None,
        institution=institution.name.get("en", ""),
    )
    page = pdf.PrintedCertificate(
        data,
        "SPECIMEN: NOT A CERTIFICATE",
        {"identification": ("Victim identification", "Identifikasi korban")},
        case_titles=(("specimen", "A case (specimen)", "Sebuah kasus (contoh)"),),
    )
    return pdf.render_bytes([page], institution)
