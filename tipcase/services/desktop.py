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
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.play.engine import Play, analysis_of
from tipcase.play.result import PlayResult
from tipcase.play.state_space import Analysis
from tipcase.services import attempts, courses, own_certificates, scenarios
from tipcase.services.errors import NotFound
from tipcase.services.playables import language_of
from tipcase.services.scenarios import playable
from tipcase.services.signing_in import Account, sign_in  # noqa: F401 - re-exported: signing in loads apart from the rest
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Course, ScenarioVersion, User


@dataclasses.dataclass(frozen=True)
class ScenarioRow:
    """One case of a course on the trainee's home page.

    Titles and summary by language, status, percents (0-100, one decimal, None before any finished attempt),
    attempts made, the attempt to resume or debrief, whether one may start.
    """

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
class HeldCertificate:
    """A certificate as its holder sees it on their home page."""

    serial: str
    code: str
    issued: dt.date
    expires: dt.date | None
    status: str  # valid | expired | revoked


@dataclasses.dataclass(frozen=True)
class CourseRow:
    """One course on the trainee's home page.

    Its pass rule and attempt policy, completion and mean percent, its cases, and the certificate held for it.
    """

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
    certificate: HeldCertificate | None = None  # the holder's certificate for the course (the newest; a revoked one too)


@dataclasses.dataclass(frozen=True)
class OpenAttempt:
    """An attempt opened in the player: its play as stored and, when it has decisions, the last one as recorded.

    ``attempt_id`` is 0 while nothing is stored: the case's content warning is read before the attempt
    begins, and ``begin`` holds the (course id, version id) that ``open_attempt`` begins it with.
    """

    attempt_id: int
    course_code: str | None
    feedback_after_choice: bool
    play: Play
    media: dict[str, Any] = dataclasses.field(default_factory=dict)  # exhibit file -> scenarios.Media
    last: attempts.Recorded | None = None  # the last decision, its rating and where it was taken (a resume shows it again)
    begin: tuple[int | None, int] | None = None  # (course id, version id) when the attempt is not begun yet (attempt_id 0)


@dataclasses.dataclass(frozen=True)
class Debrief:
    """Everything the debrief shows about one attempt (its result as stored when finished)."""

    attempt_id: int
    play: Play
    result: PlayResult
    analysis: Analysis
    best_play: Play
    # (stage id, choice index) -> the provisions the choice's ref cites, looked up in the bundled register
    provisions: dict[tuple[str, int], tuple[CitedProvision, ...]] = dataclasses.field(default_factory=dict)


def _user(session: Any, account_id: int) -> User:
    user = session.get(User, account_id)
    if user is None or not user.active:
        raise NotFound(QT_TRANSLATE_NOOP("core", "this account no longer exists"))
    return user  # type: ignore[no-any-return]


def home(db: Database, account_id: int) -> list[CourseRow]:
    """The courses the account takes (those of its cohorts, whatever its role), with each scenario's status."""
    with db.reading() as session:
        user = _user(session, account_id)
        rows = []
        certificates: dict[int, HeldCertificate] = {}
        for held in own_certificates.held(session, user):  # newest first: the first of each course is shown
            if held.course_id not in certificates:
                expires = held.expires_at.date() if held.expires_at else None
                status = own_certificates.status(held)
                certificates[held.course_id] = HeldCertificate(held.serial, held.code, held.issued_at.date(), expires, status)
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
                    certificate=certificates.get(course.id),
                )
            )
        return rows


def open_attempt(
    db: Database, account_id: int, course_id: int | None, version_id: int, language: str, *, begin: bool = True
) -> OpenAttempt:
    """Start an attempt, or resume the unfinished one, and return its play so far.

    With ``begin`` False, a case with a content warning and no unfinished attempt is only opened: the
    checks of ``attempts.start_attempt`` are made (in the course, attempts left) but nothing is stored, and
    the OpenAttempt has ``attempt_id`` 0 and its ``begin``; the attempt begins when the trainee continues
    past the warning (``open_attempt`` again with ``begin`` True). Reading a warning is not an attempt.
    Raises NotFound, PermissionDenied, ServiceError as ``attempts.start_attempt``.
    """
    with db.transaction() as session:
        user = _user(session, account_id)
        version = session.get(ScenarioVersion, version_id)
        if version is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no published scenario {version_id}"), version_id=version_id)
        course = session.get(Course, course_id) if course_id is not None else None
        ready = scenarios.playable(version)
        chosen = language_of(ready.scenario.languages, language)  # the app's language, when the case has it
        if not begin and ready.scenario.content_warning is not None and attempts.unfinished_attempt(session, user, version, course) is None:
            check = session.begin_nested()
            try:
                attempts.start_attempt(session, user, version, course=course, language=chosen)  # may they begin it?
            finally:
                check.rollback()
            play = Play(ready.scenario, ready.pathway, compiled=ready.compiled, language=chosen or ready.scenario.languages[0])
            feedback = bool(course and course.feedback_after_choice)
            media = scenarios.media_of(session, version)
            return OpenAttempt(0, course.code if course else None, feedback, play, media, begin=(course_id, version_id))
        attempt = attempts.start_attempt(session, user, version, course=course, language=chosen)
        play = attempts.current_play(session, attempt)  # the app's own copy
        media = scenarios.media_of(session, version)
        feedback_after_choice = bool(course and course.feedback_after_choice)
        last = attempts.last_recorded(play) if feedback_after_choice and not play.finished else None
        return OpenAttempt(attempt.id, course.code if course else None, feedback_after_choice, play, media, last)


def reopen_attempt(db: Database, account_id: int, attempt_id: int) -> OpenAttempt:
    """An attempt as it stands now (after another window moved it on, say); finished or not."""
    with db.reading() as session:
        attempt = attempts.get_attempt(session, _user(session, account_id), attempt_id)
        play = attempts.current_play(session, attempt)
        course = session.get(Course, attempt.course_id) if attempt.course_id is not None else None
        media = scenarios.media_of(session, attempt.scenario_version)
        feedback_after_choice = bool(course and course.feedback_after_choice)
        last = attempts.last_recorded(play) if feedback_after_choice and not play.finished else None
        return OpenAttempt(attempt.id, course.code if course else None, feedback_after_choice, play, media, last)


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
        analysis = analysis_of(play.compiled)
        best = Play(play.scenario, play.pathway, compiled=play.compiled, language=attempt.language)
        best.replay(analysis.best_choices)
        register = bundled_register()
        provisions = {(d.stage, d.choice.index): cited(d.choice.ref, register) for d in [*play.decisions, *best.decisions]}
        return Debrief(attempt_id, play, attempts.stored_result(attempt) or play.result(), analysis, best, provisions)


def write_own_certificate(db: Database, account_id: int, serial: str, target: Path) -> None:
    """Write the account's own certificate ``serial`` as a PDF (``own_certificates.write_pdf``: one's own only)."""
    with db.reading() as session:
        own_certificates.write_pdf(session, _user(session, account_id), serial, target)


# -- verification (anyone, signed in or not; the register is in registrar_desktop) -------------------
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
