"""The completion register: issuing, signing, revoking, printing and verifying certificates.

A certificate is issued only when the trainee has completed the course under its pass rule. It gets
a serial (``TC-<year>-<number>``), a random 12-character verification code from an alphabet without
look-alikes, and a payload signed with the institution's Ed25519 key (``tipcase keys init``), which
is stored with it so every reprint is identical. Every issue and revocation is audited.
"""

from __future__ import annotations

import dataclasses
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

from tipcase.certificates.payload import CertificateData, PayloadError, open_payload, sign
from tipcase.certificates.pdf import Institution, PrintedCertificate, printed_fields, render
from tipcase.certificates.register_report import RegisterRow
from tipcase.certificates.signing import SigningKeyError, load_private
from tipcase.format.loader import default_competencies
from tipcase.services import audit
from tipcase.services.courses import course_progress, get_cohort
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.services.scenarios import playable
from tipcase.store.models import AttemptScore, Certificate, Course, Setting, User, utcnow

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
INSTITUTION_KEY = "institution"
AUTO_ISSUE_KEY = "certificates.auto_issue"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


# -- institution and settings ---------------------------------------------------------------------
def institution(session: Session) -> Institution:
    setting = session.get(Setting, INSTITUTION_KEY)
    return Institution.from_json(setting.value if setting else {})


def configure_institution(session: Session, actor: User, updated: Institution) -> None:
    require(actor, Permission.CONFIGURE_INSTITUTION)
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
def _next_serial(session: Session, year: int) -> str:
    prefix = f"TC-{year}-"
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


def issue(
    session: Session, actor: User | None, trainee: User, course: Course, *, valid_for_days: int | None = None, home_dir: Path | None = None
) -> Certificate:
    """Issue and sign a certificate. ``actor`` None is automatic issue (a setting an admin turns on)."""
    if actor is not None:
        require(actor, Permission.ISSUE_CERTIFICATE)
    existing = _held(session, trainee, course)
    if existing is not None:
        raise ServiceError(f"{trainee.username} already holds certificate {existing.serial} for {course.code}")
    progress = course_progress(session, trainee, course, trainee)
    if not progress.completed:
        raise ServiceError(f"{trainee.username} has not completed course {course.code}")
    try:
        private_key = load_private(home_dir)
    except SigningKeyError as exc:
        raise ServiceError(str(exc)) from None
    now = utcnow()
    certificate = Certificate(
        serial=_next_serial(session, now.year),
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
    certificate.payload = {"data": data.as_json(), "text": sign(data, private_key)}
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
    """Issue to every member who completed the course and holds no certificate for it yet."""
    require(actor, Permission.ISSUE_CERTIFICATE)
    cohort = get_cohort(session, cohort_name)
    held = set(session.scalars(select(Certificate.user_id).where(Certificate.course_id == course.id, Certificate.revoked_at.is_(None))))
    issued = []
    for member in cohort.members:
        if member.id in held or not course_progress(session, member, course, member).completed:
            continue
        issued.append(issue(session, actor, member, course, valid_for_days=valid_for_days))
    return issued


def issue_automatically(session: Session, trainee: User, course: Course) -> Certificate | None:
    """After a finished attempt: issue if an admin turned automatic issue on and the course is complete.

    Needs the issuing key on this workstation; without it the registrar's cohort issue picks it up.
    """
    if not auto_issue_enabled(session):
        return None
    held = session.scalars(
        select(Certificate.id).where(
            Certificate.user_id == trainee.id, Certificate.course_id == course.id, Certificate.revoked_at.is_(None)
        )
    ).first()
    if held is not None or not course_progress(session, trainee, course, trainee).completed:
        return None
    try:
        return issue(session, None, trainee, course)
    except ServiceError:
        return None


def _held(session: Session, trainee: User, course: Course) -> Certificate | None:
    """The trainee's certificate for the course that is not revoked, if any."""
    return session.scalars(
        select(Certificate).where(Certificate.user_id == trainee.id, Certificate.course_id == course.id, Certificate.revoked_at.is_(None))
    ).first()


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


def printable(session: Session, certificates: Sequence[Certificate]) -> list[PrintedCertificate]:
    """What the PDF needs for each certificate: its signed data and payload, and competency titles."""
    titles = {c: (x.title.get("en", c), x.title.get("id", c)) for c, x in default_competencies().items()}
    pages = []
    for certificate in certificates:
        if not certificate.payload:
            raise ServiceError(f"certificate {certificate.serial} has no signed payload")
        course_titles = dict(titles)
        for item in certificate.course.items:
            for competency_id, competency in playable(item.scenario_version).scenario.competencies.items():
                course_titles[competency_id] = (competency.title.get("en", competency_id), competency.title.get("id", competency_id))
        pages.append(PrintedCertificate(CertificateData.from_json(certificate.payload["data"]), certificate.payload["text"], course_titles))
    return pages


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


# -- verification -----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Verification:
    status: str  # valid | revoked | expired | unknown | forged
    message: str
    data: CertificateData | None = None

    @property
    def valid(self) -> bool:
        return self.status == "valid"

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "message": self.message, "certificate": self.data.as_json() if self.data else None}


def _status_in_register(session: Session | None, data: CertificateData, today: dt.date) -> Verification:
    if session is not None:
        record = session.scalars(select(Certificate).where(Certificate.serial == data.serial)).first()
        if record is not None and record.code != data.code:
            return Verification("forged", f"{data.serial} is registered with another code", data)
        if record is not None and record.revoked_at is not None:
            return Verification("revoked", f"revoked on {record.revoked_at:%Y-%m-%d}: {record.revoked_reason}", data)
    if data.expires is not None and dt.date.fromisoformat(data.expires) < today:
        return Verification("expired", f"expired on {data.expires}", data)
    where = "" if session is None else " and in this register"
    return Verification("valid", f"signature valid{where}: {data.name}, {data.title.get('en', data.course)}, issued {data.issued}", data)


def verify_payload(text: str, trusted: dict[str, Any], session: Session | None = None, today: dt.date | None = None) -> Verification:
    try:
        opened = open_payload(text, trusted)
    except PayloadError as exc:
        return Verification("forged", str(exc))
    if not opened.signed:
        return Verification("forged", opened.reason, opened.data)
    return _status_in_register(session, opened.data, today or dt.date.today())


def verify_code(code: str, session: Session, today: dt.date | None = None) -> Verification:
    record = session.scalars(select(Certificate).where(Certificate.code == code.strip().upper().replace(" ", "").replace("-", ""))).first()
    if record is None or not record.payload:
        return Verification("unknown", f"no certificate with code {code.strip()!r} in this register")
    return _status_in_register(session, CertificateData.from_json(record.payload["data"]), today or dt.date.today())


def verify_pdf(path: Path, trusted: dict[str, Any], session: Session | None = None, today: dt.date | None = None) -> list[Verification]:
    """Verify every certificate page of a PDF: the signature, and the printed fields against it."""
    from pypdf import PdfReader  # noqa: PLC0415 - only this check reads PDFs
    from pypdf.errors import PdfReadError  # noqa: PLC0415

    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PdfReadError, OSError, ValueError) as exc:
        return [Verification("forged", f"{path.name} is not a readable PDF ({exc})")]
    results = []
    for number, text in enumerate(pages, 1):
        token = next((word for word in text.split() if word.startswith("TC1:")), None)
        if token is None:
            results.append(Verification("forged", f"page {number} carries no signed certificate data"))
            continue
        result = verify_payload(token, trusted, session, today)
        if result.data is not None and result.status != "forged":
            flat = " ".join(text.split())
            missing = [field for field in printed_fields(result.data) if " ".join(field.split()) not in flat]
            if missing:
                result = Verification(
                    "forged", f"page {number}: the printed {missing[0]!r} differs from the signed certificate", result.data
                )
        results.append(result)
    return results


def verify_any(argument: str, trusted: dict[str, Any], session: Session | None, today: dt.date | None = None) -> list[Verification]:
    """A PDF file, a QR payload (``TC1:...``) or a verification code."""
    if argument.strip().startswith("TC1:"):
        return [verify_payload(argument, trusted, session, today)]
    path = Path(argument)
    try:
        is_file = path.is_file()
    except OSError:  # a name too long to be a path, say
        is_file = False
    if argument.lower().endswith(".pdf") or is_file:
        return verify_pdf(path, trusted, session, today)
    if session is None:
        return [Verification("unknown", "a verification code needs the register; give the PDF or the QR payload to verify offline")]
    return [verify_code(argument, session, today)]
