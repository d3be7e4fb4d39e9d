"""What the desktop app asks of the records, as plain data.

Each function opens its own transaction on a ``Database`` and returns frozen dataclasses (or a
``Play``, which holds no database state), so the app's worker threads can call them and hand the
results to widgets without a Session ever crossing threads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tipcase.format.loader import bundled_register
from tipcase.format.provisions import CitedProvision, cited
from tipcase.play.engine import Play, analysis_of
from tipcase.play.state_space import Analysis
from tipcase.services import accounts, attempts, courses, scenarios
from tipcase.services.errors import NotFound
from tipcase.services.scenarios import playable
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Course, ScenarioVersion, User


@dataclasses.dataclass(frozen=True)
class Account:
    id: int
    username: str
    full_name: str
    role: str
    rank: str | None
    unit: str | None


@dataclasses.dataclass(frozen=True)
class ScenarioRow:
    version_id: int
    scenario_id: str
    version: int
    title: dict[str, str]
    summary: dict[str, str]
    status: str  # "not started" | "in progress" | "passed" | "failed"
    role: str | None  # the role the trainee plays (tipcase.format.roles), None when the case names none
    best_percent: float | None
    counted_percent: float | None
    attempts: int
    unfinished_attempt_id: int | None
    last_finished_attempt_id: int | None
    may_start: bool


@dataclasses.dataclass(frozen=True)
class CourseRow:
    course_id: int
    code: str
    title: dict[str, str]
    pass_rule: str
    pass_mean: float | None
    attempt_policy: str
    max_attempts: int | None
    completed: bool
    mean_percent: float | None
    scenarios: tuple[ScenarioRow, ...]


@dataclasses.dataclass(frozen=True)
class OpenAttempt:
    attempt_id: int
    course_code: str | None
    feedback_after_choice: bool
    play: Play
    media: dict[str, Any] = dataclasses.field(default_factory=dict)  # exhibit file -> scenarios.Media


@dataclasses.dataclass(frozen=True)
class Debrief:
    attempt_id: int
    play: Play
    result: dict[str, Any]
    analysis: Analysis
    best_play: Play
    # (stage id, choice index) -> the provisions the choice's ref cites, looked up in the bundled register
    provisions: dict[tuple[str, int], tuple[CitedProvision, ...]] = dataclasses.field(default_factory=dict)


def _account(user: User) -> Account:
    return Account(user.id, user.username, user.full_name, user.role, user.rank, user.unit)


def _user(session: Any, account_id: int) -> User:
    user = session.get(User, account_id)
    if user is None or not user.active:
        raise NotFound("this account no longer exists")
    return user  # type: ignore[no-any-return]


def sign_in(db: Database, username: str, password: str) -> Account:
    """Check the password; a failed attempt is committed (it counts towards the lockout)."""
    with db.session() as session:
        try:
            user = accounts.sign_in(session, username.strip().lower(), password)
        finally:
            session.commit()  # a failure is recorded too: the audit entry and the lockout count
        return _account(user)


def home(db: Database, account_id: int) -> list[CourseRow]:
    """The courses the account takes (those of its cohorts, whatever its role), with each scenario's status."""
    with db.reading() as session:
        user = _user(session, account_id)
        rows = []
        for course in courses.list_courses(session, user):
            if not attempts.takes_course(session, user, course):
                continue  # staff list every course, but play only those of their own cohorts
            progress = courses.course_progress(session, user, course)
            scenario_rows = []
            for item in progress.scenarios:
                version = item.version
                last_finished = session.scalars(
                    select(Attempt.id)
                    .where(Attempt.user_id == user.id, Attempt.scenario_version_id == version.id, Attempt.course_id == course.id)
                    .where(Attempt.finished_at.is_not(None))
                    .order_by(Attempt.finished_at.desc(), Attempt.id.desc())
                    .limit(1)
                ).first()
                scenario = playable(version).scenario
                scenario_rows.append(
                    ScenarioRow(
                        version_id=version.id,
                        scenario_id=version.scenario_id,
                        version=version.version,
                        title=dict(version.title),
                        summary=dict(scenario.summary.values) if scenario.summary else {},
                        status=item.status,
                        role=scenario.role,
                        best_percent=item.best_percent,
                        counted_percent=item.counted_percent,
                        attempts=item.attempts,
                        unfinished_attempt_id=item.unfinished_attempt_id,
                        last_finished_attempt_id=last_finished,
                        may_start=item.may_start,
                    )
                )
            rows.append(
                CourseRow(
                    course_id=course.id,
                    code=course.code,
                    title=dict(course.title),
                    pass_rule=course.pass_rule,
                    pass_mean=course.pass_mean,
                    attempt_policy=course.attempt_policy,
                    max_attempts=course.max_attempts,
                    completed=progress.completed,
                    mean_percent=progress.mean_percent,
                    scenarios=tuple(scenario_rows),
                )
            )
        return rows


def open_attempt(db: Database, account_id: int, course_id: int | None, version_id: int, language: str) -> OpenAttempt:
    """Start an attempt, or resume the unfinished one, and return its play so far."""
    with db.transaction() as session:
        user = _user(session, account_id)
        version = session.get(ScenarioVersion, version_id)
        if version is None:
            raise NotFound(f"no published scenario {version_id}")
        course = session.get(Course, course_id) if course_id is not None else None
        attempt = attempts.start_attempt(session, user, version, course=course, language=language)
        play = attempts.current_play(session, attempt)  # the app's own copy
        play.language = language
        media = scenarios.media_of(session, version)
        return OpenAttempt(attempt.id, course.code if course else None, bool(course and course.feedback_after_choice), play, media)


def reopen_attempt(db: Database, account_id: int, attempt_id: int, language: str) -> OpenAttempt:
    """An attempt as it stands now (after another window moved it on, say); finished or not."""
    with db.reading() as session:
        attempt = attempts.get_attempt(session, _user(session, account_id), attempt_id)
        play = attempts.current_play(session, attempt)
        play.language = language
        course = session.get(Course, attempt.course_id) if attempt.course_id is not None else None
        media = scenarios.media_of(session, attempt.scenario_version)
        return OpenAttempt(attempt.id, course.code if course else None, bool(course and course.feedback_after_choice), play, media)


def decide(db: Database, account_id: int, attempt_id: int, number: int, time_taken_ms: int, *, step: int, stage: str) -> attempts.Recorded:
    """Record the ``number``-th offered choice as decision ``step`` at ``stage`` (committed when this returns).

    Returns what was recorded: the choice taken (its feedback and legal reference) and the play after it,
    the app's own copy. Raises ``attempts.StaleDecision`` when the attempt has moved on in another window.
    """
    with db.transaction() as session:
        user = _user(session, account_id)
        return attempts.record_decision(session, user, attempt_id, number, step=step, stage=stage, time_taken_ms=time_taken_ms)


def debrief(db: Database, account_id: int, attempt_id: int) -> Debrief:
    """Everything the debrief shows: the result, the route, and the best route to compare with."""
    with db.reading() as session:
        attempt = attempts.get_attempt(session, _user(session, account_id), attempt_id)
        play = attempts.current_play(session, attempt)
        play.language = attempt.language
        analysis = analysis_of(play.compiled)
        best = Play(play.scenario, play.pathway, compiled=play.compiled, language=attempt.language)
        best.replay(analysis.best_choices)
        register = bundled_register()
        provisions = {(d.stage, d.choice.index): cited(d.choice.ref, register) for d in [*play.decisions, *best.decisions]}
        return Debrief(attempt_id, play, attempt.result or play.result(), analysis, best, provisions)


# -- the register and verification (registrars; verification for anyone) ---------------------------
@dataclasses.dataclass(frozen=True)
class RegisterEntry:
    serial: str
    code: str
    name: str
    staff_id: str
    course: str
    issued: str
    expires: str
    status: str  # valid | expired | revoked
    detail: str  # revocation date and reason


def register_entries(db: Database, account_id: int) -> list[RegisterEntry]:
    from tipcase.services import certificates  # noqa: PLC0415 - the PDF stack loads only for registrars

    with db.reading() as session:
        actor = _user(session, account_id)
        today = dt.date.today()
        entries = []
        for c in certificates.register(session, actor):
            status = certificates.status_on(c, today)
            detail = f"{c.revoked_at:%Y-%m-%d}: {c.revoked_reason}" if c.revoked_at else ""
            entries.append(
                RegisterEntry(
                    c.serial,
                    c.code,
                    c.user.full_name,
                    c.user.staff_id or "",
                    c.course.code,
                    c.issued_at.date().isoformat(),
                    c.expires_at.date().isoformat() if c.expires_at else "",
                    status,
                    detail,
                )
            )
        return entries


def issue_choices(db: Database, account_id: int) -> tuple[list[str], list[str]]:
    """Cohort names and course codes a registrar can issue for."""
    from tipcase.store.models import Cohort  # noqa: PLC0415

    with db.reading() as session:
        actor = _user(session, account_id)
        cohorts = list(session.scalars(select(Cohort.name).order_by(Cohort.name)))
        return cohorts, [c.code for c in courses.list_courses(session, actor)]


def issue_for_cohort(db: Database, account_id: int, cohort: str, course_code: str) -> int:
    from tipcase.services import certificates  # noqa: PLC0415

    with db.transaction() as session:
        issued = certificates.issue_for_cohort(session, _user(session, account_id), cohort, courses.get_course(session, course_code))
        return len(issued)


def revoke(db: Database, account_id: int, serial: str, reason: str) -> None:
    from tipcase.services import certificates  # noqa: PLC0415

    with db.transaction() as session:
        certificates.revoke(session, _user(session, account_id), serial, reason)


def write_certificates(db: Database, account_id: int, serials: list[str], target: Path, *, as_zip: bool, progress: Any) -> int:
    """Print the given certificates (in serial order) to a merged PDF or a ZIP; 0 when cancelled."""
    from tipcase.services import certificates  # noqa: PLC0415

    with db.reading() as session:
        actor = _user(session, account_id)
        wanted = set(serials)
        selected = [c for c in certificates.register(session, actor) if c.serial in wanted]
        pages = certificates.printable(session, selected)
        institution = certificates.institution(session)
    return certificates.write_pdfs(
        pages, institution, target, as_zip=as_zip, progress=progress.report, cancelled=lambda: progress.cancelled
    )


def export_register(db: Database, account_id: int, date_from: dt.date, date_to: dt.date, target: Path) -> int:
    from sqlalchemy import func  # noqa: PLC0415

    from tipcase.certificates import register_report  # noqa: PLC0415
    from tipcase.services import certificates  # noqa: PLC0415
    from tipcase.store.models import AuditEntry  # noqa: PLC0415

    with db.reading() as session:
        rows = certificates.report_rows(session, _user(session, account_id), date_from, date_to)
        entries = session.scalar(select(func.count(AuditEntry.id))) or 0
        name = certificates.institution(session).name.get("en", "TIPCase")
    register_report.write(rows, target, period=(date_from, date_to), institution=name, audit_entries=entries)
    return len(rows)


def verify(db: Database | None, argument: str, progress: Any = None) -> list[Any]:
    """Verify a PDF (a page at a time, reported to ``progress``), a QR payload or a code.

    Without a database, offline (signature and dates only).
    """
    from tipcase.certificates.signing import trusted_keys  # noqa: PLC0415
    from tipcase.services import certificates  # noqa: PLC0415

    if db is None:
        return certificates.verify_any(argument, trusted_keys(), None, progress=progress)
    with db.reading() as session:
        return certificates.verify_any(argument, trusted_keys(), session, progress=progress)
