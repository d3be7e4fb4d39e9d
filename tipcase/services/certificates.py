"""The completion register: issuing, signing, revoking, printing and verifying certificates.

A certificate is issued only to a member of a cohort that has the course, once they completed it
under its pass rule. It gets a serial that names the issuing key (``TC-<key id, 8 digits>-<year>-<number>``,
so two institutions never collide; older ``TC-<year>-<number>`` serials still verify), a random
12-character verification code from an alphabet without look-alikes, and two texts signed with the
institution's Ed25519 key (``tipcase keys init``): its data (the QR code) and its page record (the
institution, pictures and competency titles as they were at issue). Both are stored with it, so every
reprint is the same page, and a verifier can re-create that page. Every issue and revocation is audited.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import secrets
import statistics
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tipcase.certificates import qr
from tipcase.certificates.institution import Institution
from tipcase.certificates.payload import (
    CertificateData,
    PageRecord,
    PayloadError,
    open_payload,
    open_record,
    payload_digest,
    sign,
    sign_record,
)
from tipcase.certificates.pdf import PrintedCertificate, render
from tipcase.certificates.register_report import RegisterRow
from tipcase.certificates.signing import SigningKeyError, key_id, load_private
from tipcase.certificates.verification import Verdict, Verification
from tipcase.format.loader import default_competencies
from tipcase.home_folder import claim_private
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import audit
from tipcase.services.certificate_verification import verify_any, verify_code, verify_payload, verify_pdf
from tipcase.services.courses import get_cohort
from tipcase.services.eligibility import cohort_standings, eligibility, standing_and_progress
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.services.scenarios import playable
from tipcase.store.models import AttemptScore, Certificate, Course, ScenarioVersion, Setting, User, utcnow

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
INSTITUTION_KEY = "institution"
AUTO_ISSUE_KEY = "certificates.auto_issue"
PICTURE_KEY = "certificates.picture."  # + digest: a logo or signature a page record names, for reprints

__all__ = ["Verdict", "Verification", "issue", "printable", "verify_any", "verify_code", "verify_payload", "verify_pdf"]


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


# -- institution and settings ---------------------------------------------------------------------
def institution(session: Session) -> Institution:
    setting = session.get(Setting, INSTITUTION_KEY)
    return Institution.from_json(setting.value if setting else {})


def configure_institution(session: Session, actor: User | None, updated: Institution) -> None:
    """Set the issuing institution printed on certificates. ``actor`` None is set-up (the demo), without a check.

    Raises PermissionDenied unless ``actor`` configures the institution, ServiceError without a name in English
    and in Bahasa Indonesia (a certificate prints both).
    """
    if actor is not None:
        require(actor, Permission.CONFIGURE_INSTITUTION)
    if not updated.name.get("en", "").strip() or not updated.name.get("id", "").strip():
        raise ServiceError(QT_TRANSLATE_NOOP("core", "the institution needs a name in English and in Bahasa Indonesia"))
    setting = session.get(Setting, INSTITUTION_KEY)
    if setting is None:
        session.add(Setting(key=INSTITUTION_KEY, value=updated.as_json()))
    else:
        setting.value = updated.as_json()
    audit.record(session, actor, "institution configured", updated.name.get("en"))


def auto_issue_enabled(session: Session) -> bool:
    setting = session.get(Setting, AUTO_ISSUE_KEY)
    return bool(setting and setting.value.get("enabled"))


def set_auto_issue(session: Session, actor: User, enabled: bool) -> None:
    require(actor, Permission.CONFIGURE_INSTITUTION)
    setting = session.get(Setting, AUTO_ISSUE_KEY)
    if setting is None:
        session.add(Setting(key=AUTO_ISSUE_KEY, value={"enabled": enabled}))
    else:
        setting.value = {"enabled": enabled}
    audit.record(session, actor, "automatic issue " + ("on" if enabled else "off"))


# -- issuing ----------------------------------------------------------------------------------------
def _next_serial(session: Session, year: int, kid: str) -> str:
    """``TC-<first 8 digits of the key id>-<year>-<number>``: the key names the issuing institution."""
    prefix = f"TC-{kid[:8].upper()}-{year}-"
    count = session.scalar(select(func.count(Certificate.id)).where(Certificate.serial.like(f"{prefix}%"))) or 0
    return f"{prefix}{count + 1:06d}"


def _competencies(session: Session, attempt_ids: Sequence[int]) -> dict[str, float]:
    """Mean percent per competency over the attempts that count for the course."""
    scores: dict[str, list[float]] = {}
    for score in session.scalars(select(AttemptScore).where(AttemptScore.attempt_id.in_(attempt_ids))):
        scores.setdefault(score.competency, []).append(score.percent)
    order = list(default_competencies())
    ranked = sorted(scores, key=lambda c: (order.index(c) if c in order else len(order), c))
    return {c: round(statistics.fmean(scores[c]), 1) for c in ranked}


def _data(session: Session, certificate: Certificate, trainee: User, course: Course, attempt_ids: Sequence[int]) -> CertificateData:
    return CertificateData(
        serial=certificate.serial,
        code=certificate.code,
        name=trainee.full_name,
        rank=trainee.rank,
        staff_id=trainee.staff_id,
        unit=trainee.unit,
        course=course.code,
        title=dict(course.certificate_title),
        scenarios=tuple((item.scenario_version.scenario_id, item.scenario_version.version) for item in course.items),
        competencies=_competencies(session, attempt_ids),
        issued=certificate.issued_at.date().isoformat(),
        expires=certificate.expires_at.date().isoformat() if certificate.expires_at else None,
        institution=institution(session).name.get("en", ""),
    )


def _competency_titles(course: Course, competencies: dict[str, float]) -> dict[str, tuple[str, str]]:
    """(English, Indonesian) title of each competency, in the order of ``competencies``."""
    titles = {c: (x.title.get("en", c), x.title.get("id", c)) for c, x in default_competencies().items()}
    for item in course.items:
        for competency_id, competency in playable(item.scenario_version).scenario.competencies.items():
            titles[competency_id] = (competency.title.get("en", competency_id), competency.title.get("id", competency_id))
    return {c: titles.get(c, (c, c)) for c in competencies}


def _store_pictures(session: Session, current: Institution) -> None:
    """Keep the institution's pictures, by digest, so a reprint years later prints the same ones."""
    for digest, png in current.pictures().items():
        if session.get(Setting, PICTURE_KEY + digest) is None:
            session.add(Setting(key=PICTURE_KEY + digest, value={"png": base64.b64encode(png).decode("ascii")}))


def _pictures(session: Session, record: dict[str, Any], read: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The pictures a page record names, by digest, from the register; ``read`` keeps those already read (a batch shares them)."""
    read = {} if read is None else read
    found = {}
    for key in ("logo", "signature"):
        digest = str(record.get(key) or "")
        if digest and digest not in read:
            setting = session.get(Setting, PICTURE_KEY + digest)
            if setting is not None:
                read[digest] = base64.b64decode(setting.value["png"])
        if digest in read:
            found[digest] = read[digest]
    return found


def _case_titles(session: Session, data: CertificateData) -> tuple[tuple[str, str, str], ...]:
    """(scenario id, English, Indonesian) title of each case the signed data names, from its published version."""
    found = []
    for scenario_id, version in data.scenarios:
        published = session.scalars(
            select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id, ScenarioVersion.version == version)
        ).first()
        title = dict(published.title) if published is not None else {}
        english = str(title.get("en") or next(iter(title.values()), scenario_id))
        found.append((scenario_id, english, str(title.get("id") or english)))
    return tuple(found)


def _page_record(
    session: Session,
    data: CertificateData,
    text: str,
    current: Institution,
    *,
    titles: dict[str, tuple[str, str]],
    key: Any,
    code: qr.EncodedQr,
) -> tuple[str, PageRecord]:
    """The signed page record of a certificate, in the current layout (``payload.LAYOUT``), and what it says.

    ``code`` is the payload's QR code as segno encoded it (``qr.encode``): the record names its mask.
    """
    record = PageRecord(data.serial, payload_digest(text), current.as_record(), titles, code.mask, case_titles=_case_titles(session, data))
    return sign_record(record, key), record


def check_valid_days(valid_for_days: int | None) -> None:
    """A certificate is valid for at least one day, or has no expiry (None). Raises ServiceError."""
    if valid_for_days is not None and valid_for_days < 1:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "a certificate is valid for at least 1 day (got {days}); leave the validity out for no expiry"),
            days=valid_for_days,
        )


def issue(
    session: Session, actor: User | None, trainee: User, course: Course, *, valid_for_days: int | None = None, home_dir: Path | None = None
) -> Certificate:
    """Issue and sign a certificate. ``actor`` None is automatic issue (a setting an admin turns on).

    Raises PermissionDenied, or ServiceError when the trainee is not a member of a cohort that has the
    course, has not completed it, already holds its certificate, the validity is under a day, or
    there is no issuing key.
    """
    if actor is not None:
        require(actor, Permission.ISSUE_CERTIFICATE)
    check_valid_days(valid_for_days)
    standing, progress = standing_and_progress(session, trainee, course)
    if not standing.eligible:
        raise ServiceError.carrying(standing.sentence(trainee.username, course.code))
    try:
        private_key = load_private(home_dir)
    except SigningKeyError as exc:
        raise ServiceError.carrying(exc) from None
    now = utcnow()
    certificate = Certificate(
        serial=_next_serial(session, now.year, key_id(private_key.public_key())),
        code=new_code(),
        user_id=trainee.id,
        course_id=course.id,
        issued_at=now,
        expires_at=now + dt.timedelta(days=valid_for_days) if valid_for_days else None,
        issued_by_id=actor.id if actor is not None and actor.id is not None else None,
    )
    session.add(certificate)
    session.flush()
    attempt_ids = [s.counted_attempt_id for s in progress.scenarios if s.counted_attempt_id is not None]
    data = _data(session, certificate, trainee, course, attempt_ids)
    text = sign(data, private_key)
    current = institution(session)
    _store_pictures(session, current)
    code = qr.encode(text)  # segno chooses the mask once, here; printing draws these modules (tipcase.certificates.qr)
    titles = _competency_titles(course, data.competencies)
    record, _ = _page_record(session, data, text, current, titles=titles, key=private_key, code=code)
    certificate.payload = {"data": data.as_json(), "text": text, "page": record, "qr": code.stored()}
    audit.record(
        session,
        actor if actor is not None else "automatic",
        "certificate issued",
        certificate.serial,
        user=trainee.username,
        course=course.code,
    )
    return certificate


def issue_for_cohort(
    session: Session, actor: User, cohort_name: str, course: Course, *, valid_for_days: int | None = None
) -> list[Certificate]:
    """Issue to every member who completed the course and holds no certificate for it yet.

    Raises ServiceError when the cohort does not have the course, or the validity is under a day.
    """
    require(actor, Permission.ISSUE_CERTIFICATE)
    check_valid_days(valid_for_days)
    cohort = get_cohort(session, cohort_name)
    if course not in cohort.courses:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "cohort {cohort} does not have course {course}"), cohort=cohort.name, course=course.code
        )
    ready = [member for member, standing in cohort_standings(session, list(cohort.members), course) if standing.eligible]
    return [issue(session, actor, member, course, valid_for_days=valid_for_days) for member in ready]


def issue_automatically(session: Session, trainee: User, course: Course) -> Certificate | None:
    """After a finished attempt: issue if an admin turned automatic issue on and the course is complete.

    Needs the issuing key on this workstation; without it the registrar's cohort issue picks it up.
    """
    if not auto_issue_enabled(session):
        return None
    if not eligibility(session, trainee, course).eligible:
        return None
    try:
        return issue(session, None, trainee, course)
    except ServiceError:
        return None


def status_on(certificate: Certificate, today: dt.date) -> str:
    """valid, expired or revoked, as of ``today``."""
    if certificate.revoked_at is not None:
        return "revoked"
    if certificate.expires_at is not None and certificate.expires_at.date() < today:
        return "expired"
    return "valid"


def get_certificate(session: Session, serial: str) -> Certificate:
    certificate = session.scalars(select(Certificate).where(Certificate.serial == serial)).first()
    if certificate is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no certificate {serial!r}"), serial=serial)
    return certificate


def revoke(session: Session, actor: User, serial: str, reason: str) -> Certificate:
    require(actor, Permission.REVOKE_CERTIFICATE)
    if not reason.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a revocation needs a reason"))
    certificate = get_certificate(session, serial)
    if certificate.revoked_at is not None:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "certificate {serial} was already revoked on {day}"),
            serial=serial,
            day=f"{certificate.revoked_at:%Y-%m-%d}",
        )
    certificate.revoked_at = utcnow()
    certificate.revoked_reason = reason.strip()
    audit.record(session, actor, "certificate revoked", serial, reason=certificate.revoked_reason)
    return certificate


def register(
    session: Session,
    actor: User,
    *,
    search: str = "",
    issued_from: dt.date | None = None,
    issued_to: dt.date | None = None,
    cohort: str | None = None,
) -> list[Certificate]:
    """Issued certificates in serial order, optionally searched (serial, code, name, staff id) and filtered."""
    require(actor, Permission.READ_REGISTER)
    query = select(Certificate).join(User, User.id == Certificate.user_id).order_by(Certificate.serial)
    if search.strip():
        like = f"%{search.strip().lower()}%"
        query = query.where(
            func.lower(Certificate.serial).like(like)
            | func.lower(Certificate.code).like(like)
            | func.lower(User.full_name).like(like)
            | func.lower(func.coalesce(User.staff_id, "")).like(like)
        )
    if issued_from is not None:
        query = query.where(Certificate.issued_at >= dt.datetime.combine(issued_from, dt.time(), dt.UTC))
    if issued_to is not None:
        query = query.where(Certificate.issued_at < dt.datetime.combine(issued_to + dt.timedelta(days=1), dt.time(), dt.UTC))
    if cohort is not None:
        member_ids = [m.id for m in get_cohort(session, cohort).members]
        query = query.where(Certificate.user_id.in_(member_ids))
    return list(session.scalars(query))


def printable(session: Session, certificates: Sequence[Certificate], *, home_dir: Path | None = None) -> list[PrintedCertificate]:
    """What the PDF needs for each certificate: exactly its signed data and page record.

    A certificate issued before page records gets one signed now (from the institution as configured
    today) when this workstation holds the key that signed it; otherwise it prints without one, and
    its PDF verifies as unreadable (its code and QR code still verify). Raises ServiceError.
    """
    pages = []
    private_key: Any = None
    pictures: dict[str, bytes] = {}  # read once for the whole batch (the same bytes, so their digests are computed once)
    for certificate in certificates:
        stored = certificate.payload or {}
        text = stored.get("text")
        if not text:
            raise ServiceError(QT_TRANSLATE_NOOP("core", "certificate {serial} has no signed payload"), serial=certificate.serial)
        try:
            opened = open_payload(str(text), {})
        except PayloadError as exc:
            raise ServiceError(QT_TRANSLATE_NOOP("core", "certificate {serial}: {reason}"), serial=certificate.serial, reason=exc) from None
        data = opened.data
        record_text = stored.get("page")
        if record_text:
            try:
                record = open_record(str(record_text), {}).record
                own = Institution.from_record(record.institution, _pictures(session, record.institution, pictures))
            except (PayloadError, KeyError, TypeError, ValueError) as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("core", "certificate {serial}: its page record is damaged ({reason})"),
                    serial=certificate.serial,
                    reason=exc,
                ) from None
            code = qr.EncodedQr.from_stored(stored.get("qr"), str(text), record.qr_mask)  # None: encoded again as it is drawn
            pages.append(_printed(data, str(text), record, own, str(record_text), code=code))
            continue
        current = institution(session)
        titles = _competency_titles(certificate.course, data.competencies)
        if private_key is None:
            try:
                private_key = load_private(home_dir)
            except SigningKeyError:
                private_key = False
        if private_key and key_id(private_key.public_key()) == opened.key_id:
            code = qr.encode(str(text))
            record_text, record = _page_record(session, data, str(text), current, titles=titles, key=private_key, code=code)
            pages.append(_printed(data, str(text), record, current, record_text, code=code))
        else:
            pages.append(PrintedCertificate(data, str(text), titles, current, case_titles=_case_titles(session, data)))
    return pages


def _printed(
    data: CertificateData, text: str, record: PageRecord, own: Institution, record_text: str, *, code: qr.EncodedQr | None
) -> PrintedCertificate:
    """A page exactly as its record says: its institution, titles, QR mask and layout (``code``: its QR modules, when kept)."""
    return PrintedCertificate(
        data,
        text,
        record.competency_titles,
        own,
        record_text,
        record.qr_mask,
        case_titles=record.case_titles,
        layout=record.layout,
        qr=code,
    )


def report_rows(session: Session, actor: User, issued_from: dt.date, issued_to: dt.date) -> list[RegisterRow]:
    """The register report's rows for a period: each certificate with its status today."""
    today = dt.date.today()
    rows = []
    for c in register(session, actor, issued_from=issued_from, issued_to=issued_to):
        status = status_on(c, today)
        rows.append(
            RegisterRow(
                c.serial,
                c.code,
                c.user.full_name,
                c.user.rank or "",
                c.user.staff_id or "",
                c.user.unit or "",
                c.course.code,
                c.issued_at.date().isoformat(),
                c.expires_at.date().isoformat() if c.expires_at else "",
                status,
                c.revoked_at.date().isoformat() if c.revoked_at else "",
                c.revoked_reason or "",
            )
        )
    return rows


def write_pdfs(
    pages: Sequence[PrintedCertificate],
    institution_: Institution,
    target: Path,
    *,
    as_zip: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write one merged PDF in the given (stable) order, or a ZIP of one PDF each.

    Returns how many were written, or 0 when cancelled (and then no partial file is left behind).
    """
    partial = target.with_name(target.name + ".partial")
    try:
        claim_private(partial)  # names and staff IDs: readable by the owner only, from the first byte
        if as_zip:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for done, page in enumerate(pages, 1):
                    if cancelled is not None and cancelled():
                        return 0
                    buffer = io.BytesIO()
                    render([page], institution_, buffer)
                    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in page.data.name)[:60]
                    archive.writestr(f"{page.data.serial}_{safe}.pdf", buffer.getvalue())
                    if progress is not None:
                        progress(done, len(pages))
        else:
            written = render(pages, institution_, partial, progress=progress, cancelled=cancelled)
            if written < len(pages):
                return 0
        partial.replace(target)
        return len(pages)
    finally:
        partial.unlink(missing_ok=True)
