"""Cohorts and courses.

Who trains together, which pinned scenario versions make a course, and whether a trainee has
completed it (every scenario passed, or a mean percent, counting the best or the last attempt).
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import audit
from tipcase.services.errors import NotFound, PermissionDenied, ServiceError
from tipcase.services.permissions import Permission, allowed, require
from tipcase.store.models import Attempt, Cohort, Course, CourseScenario, ScenarioVersion, User

CODE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def get_course(session: Session, code: str) -> Course:
    """The course with ``code``; NotFound when there is none."""
    course = session.scalars(select(Course).where(Course.code == code)).first()
    if course is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no course {code!r}"), code=code)
    return course


def get_cohort(session: Session, name: str) -> Cohort:
    """The cohort named ``name``; NotFound when there is none."""
    cohort = session.scalars(select(Cohort).where(Cohort.name == name)).first()
    if cohort is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no cohort {name!r}"), name=name)
    return cohort


def create_course(
    session: Session,
    actor: User | None,
    *,
    code: str,
    title: dict[str, str],
    versions: Sequence[ScenarioVersion],
    certificate_title: dict[str, str] | None = None,
    pass_rule: str = "all",
    pass_mean: float | None = None,
    attempt_policy: str = "best",
    max_attempts: int | None = None,
    feedback_after_choice: bool = False,
) -> Course:
    """A course of pinned scenario versions. ``actor`` None is set-up (the demo), without a check."""
    if actor is not None:
        require(actor, Permission.MANAGE_COURSES)
    if not CODE.fullmatch(code):
        raise ServiceError(QT_TRANSLATE_NOOP("core", "course code {code!r}: use lower-case letters, digits, '-' and '_'"), code=code)
    if session.scalars(select(Course.id).where(Course.code == code)).first() is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a course {code!r} already exists"), code=code)
    if not versions:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a course needs at least one scenario"))
    if pass_rule not in ("all", "mean") or (pass_rule == "mean" and pass_mean is None):
        raise ServiceError(QT_TRANSLATE_NOOP("core", "pass rule: 'all' (every scenario passed) or 'mean' with a mean percent"))
    if attempt_policy not in ("best", "last"):
        raise ServiceError(QT_TRANSLATE_NOOP("core", "attempt policy: 'best' or 'last'"))
    course = Course(
        code=code,
        title=title,
        certificate_title=certificate_title or title,
        pass_rule=pass_rule,
        pass_mean=pass_mean,
        attempt_policy=attempt_policy,
        max_attempts=max_attempts,
        feedback_after_choice=feedback_after_choice,
    )
    course.items = [CourseScenario(position=i, scenario_version_id=v.id) for i, v in enumerate(versions)]
    session.add(course)
    session.flush()
    audit.record(session, actor, "course created", code, scenarios=[f"{v.scenario_id} v{v.version}" for v in versions])
    return course


def list_courses(session: Session, actor: User) -> list[Course]:
    """Staff see every course; a trainee sees the courses of their cohorts."""
    require(actor, Permission.PLAY)
    if allowed(actor, Permission.MANAGE_COURSES) or allowed(actor, Permission.READ_ALL_ATTEMPTS):
        return list(session.scalars(select(Course).order_by(Course.code)))
    courses = {course.id: course for cohort in actor.cohorts for course in cohort.courses}
    return sorted(courses.values(), key=lambda c: c.code)


def create_cohort(session: Session, actor: User | None, name: str, title: str) -> Cohort:
    """A new, empty cohort (audited); ``actor`` None is the system (the demo, tests).

    Raises PermissionDenied unless the actor manages cohorts, ServiceError for a bad or taken name.
    """
    if actor is not None:
        require(actor, Permission.MANAGE_COHORTS)
    if not CODE.fullmatch(name):
        raise ServiceError(QT_TRANSLATE_NOOP("core", "cohort name {name!r}: use lower-case letters, digits, '-' and '_'"), name=name)
    if session.scalars(select(Cohort.id).where(Cohort.name == name)).first() is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a cohort {name!r} already exists"), name=name)
    cohort = Cohort(name=name, title=title)
    session.add(cohort)
    session.flush()
    audit.record(session, actor, "cohort created", name)
    return cohort


def add_members(session: Session, actor: User | None, cohort: Cohort, users: Sequence[User]) -> None:
    """Add ``users`` to ``cohort`` (those already in it are left as they are; the others audited); PermissionDenied as ``create_cohort``."""
    if actor is not None:
        require(actor, Permission.MANAGE_COHORTS)
    added = [u.username for u in users if u not in cohort.members]
    cohort.members.extend(u for u in users if u not in cohort.members)
    if added:
        audit.record(session, actor, "cohort members added", cohort.name, users=added)


def assign_course(session: Session, actor: User | None, cohort: Cohort, course: Course) -> None:
    """The members of ``cohort`` take ``course`` from now on (audited once); PermissionDenied unless the actor manages courses."""
    if actor is not None:
        require(actor, Permission.MANAGE_COURSES)
    if course not in cohort.courses:
        cohort.courses.append(course)
        audit.record(session, actor, "course assigned", cohort.name, course=course.code)


@dataclasses.dataclass(frozen=True)
class ScenarioProgress:
    """A person's progress on one case of a course.

    Its status, the attempt that counts under the course's policy (best or last) with its percent, the best
    percent, attempts made, an unfinished attempt, and whether another may start.
    """

    version: ScenarioVersion
    status: str  # "not started" | "in progress" | "passed" | "failed"
    counted_attempt_id: int | None
    counted_percent: float | None
    best_percent: float | None
    attempts: int
    unfinished_attempt_id: int | None
    may_start: bool


@dataclasses.dataclass(frozen=True)
class CourseProgress:
    """A person's progress on a course.

    Each case's, whether the course is completed under its pass rule, and the mean percent of the counted attempts
    once every case has one.
    """

    course: Course
    scenarios: list[ScenarioProgress]
    completed: bool
    mean_percent: float | None


def course_progress(session: Session, actor: User, course: Course, user: User | None = None) -> CourseProgress:
    """Where a trainee stands in a course; the counted attempt follows the course's policy."""
    user = user or actor
    if user.id != actor.id and not allowed(actor, Permission.READ_ALL_ATTEMPTS):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may not read another trainee's records"),
            username=actor.username,
            role=Message(actor.role),
        )
    rows = []
    for item in course.items:
        attempts = list(
            session.scalars(
                select(Attempt)
                .where(Attempt.user_id == user.id, Attempt.scenario_version_id == item.scenario_version_id, Attempt.course_id == course.id)
                .order_by(Attempt.started_at, Attempt.id)
            )
        )
        finished = [a for a in attempts if a.finished_at is not None]
        unfinished = next((a.id for a in attempts if a.finished_at is None), None)
        counted: Attempt | None = None
        if finished:
            counted = (
                finished[-1] if course.attempt_policy == "last" else max(finished, key=lambda a: (bool(a.passed), a.total_percent or 0.0))
            )
        if counted is not None:
            status = "passed" if counted.passed else "failed"
        else:
            status = "in progress" if unfinished else "not started"
        may_start = unfinished is None and (course.max_attempts is None or len(attempts) < course.max_attempts)
        rows.append(
            ScenarioProgress(
                version=item.scenario_version,
                status=status,
                counted_attempt_id=counted.id if counted else None,
                counted_percent=counted.total_percent if counted else None,
                best_percent=max((a.total_percent or 0.0 for a in finished), default=None),
                attempts=len(attempts),
                unfinished_attempt_id=unfinished,
                may_start=may_start,
            )
        )
    percents = [r.counted_percent for r in rows if r.counted_percent is not None]
    mean = round(statistics.fmean(percents), 1) if len(percents) == len(rows) and rows else None
    if course.pass_rule == "all":
        completed = bool(rows) and all(r.status == "passed" for r in rows)
    else:
        completed = mean is not None and course.pass_mean is not None and mean >= course.pass_mean
    return CourseProgress(course, rows, completed, mean)
