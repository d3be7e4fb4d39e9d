"""Cohorts and courses.

Who trains together, which pinned scenario versions make a course, and whether a trainee has
completed it (every scenario passed, or a mean percent, counting the best or the last attempt).
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import case, func, select
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


def counted_attempt(finished: Sequence[Attempt], policy: str) -> Attempt | None:
    """The attempt that counts among ``finished`` (one case's finished attempts, in the order they were started).

    ``policy`` "last": the last started; "best": a passed one before a failed one, then the higher percent,
    the first started of equals. None when nothing is finished. ``completions`` has the database rank a
    whole cohort's attempts in this same order (tests/test_issue_at_scale.py holds the two to one answer).
    """
    if not finished:
        return None
    if policy == "last":
        return finished[-1]
    return max(finished, key=lambda a: (bool(a.passed), a.total_percent or 0.0))


Counted = tuple[bool | None, float | None] | None  # a case's counted attempt as (passed, percent); None: none finished


def _outcome(course: Course, counted: Sequence[Counted]) -> tuple[int, float | None, bool]:
    """(cases passed, mean percent, completed) from each case's counted attempt, in the course's order.

    The mean is of the counted attempts' percents once every case has one (rounded to 0.1); completed is every
    case passed (pass rule "all") or that mean at least the course's (pass rule "mean").
    """
    passed = sum(1 for attempt in counted if attempt is not None and attempt[0])
    percents = [attempt[1] for attempt in counted if attempt is not None and attempt[1] is not None]
    mean = round(statistics.fmean(percents), 1) if len(percents) == len(counted) and counted else None
    if course.pass_rule == "all":
        completed = bool(counted) and passed == len(counted)
    else:
        completed = mean is not None and course.pass_mean is not None and mean >= course.pass_mean
    return passed, mean, completed


def course_progress(session: Session, actor: User, course: Course, user: User | None = None) -> CourseProgress:
    """Where a trainee stands in a course; the counted attempt follows the course's policy (``counted_attempt``)."""
    user = user or actor
    if user.id != actor.id and not allowed(actor, Permission.READ_ALL_ATTEMPTS):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "{username} ({role}) may not read another trainee's records"),
            username=actor.username,
            role=Message(actor.role),
        )
    rows = []
    counted_of_each: list[Counted] = []
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
        counted = counted_attempt(finished, course.attempt_policy)
        counted_of_each.append((counted.passed, counted.total_percent) if counted is not None else None)
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
    _passed, mean, completed = _outcome(course, counted_of_each)
    return CourseProgress(course, rows, completed, mean)


@dataclasses.dataclass(frozen=True)
class Completion:
    """How far a person is through a course: cases passed of ``total``, the mean percent (``_outcome``), completed."""

    passed: int
    total: int
    mean_percent: float | None
    completed: bool


SMALL_GROUP = 500  # up to this many people, ``completions`` asks for their attempts only (an IN list), else the course's


def completions(session: Session, course: Course, user_ids: Collection[int]) -> dict[int, Completion]:
    """Each of ``user_ids`` with how far they are through ``course``, read in one query for them all.

    The same rule as ``course_progress`` over the same attempts (finished, in the course): the database ranks
    each person's attempts at each case as ``counted_attempt`` does (the last started; or passed first, then
    the higher percent, then the first started) and returns the first of each, and ``_outcome`` counts them.
    So a cohort of thousands is one query, not one per person and case. Reads only; no permission check:
    callers check (``tipcase.services.eligibility``).
    """
    wanted = set(user_ids)
    if course.attempt_policy == "last":
        order: tuple[Any, ...] = (Attempt.started_at.desc(), Attempt.id.desc())
    else:
        passed_first = case((Attempt.passed.is_(True), 1), else_=0).desc()
        order = (passed_first, func.coalesce(Attempt.total_percent, 0.0).desc(), Attempt.started_at, Attempt.id)
    rank = func.row_number().over(partition_by=(Attempt.user_id, Attempt.scenario_version_id), order_by=order)
    ranked = select(Attempt.user_id, Attempt.scenario_version_id, Attempt.passed, Attempt.total_percent, rank.label("rank")).where(
        Attempt.course_id == course.id, Attempt.finished_at.is_not(None)
    )
    if len(wanted) <= SMALL_GROUP:
        ranked = ranked.where(Attempt.user_id.in_(sorted(wanted)))
    first = ranked.subquery()
    counted: dict[int, dict[int, Counted]] = {}  # person -> case's version -> (passed, percent) of the counted attempt
    query = select(first.c.user_id, first.c.scenario_version_id, first.c.passed, first.c.total_percent).where(first.c.rank == 1)
    for user_id, version, passed, percent in session.connection().execute(query):  # plain rows: no ORM work per row
        if user_id in wanted:
            counted.setdefault(user_id, {})[version] = (passed, percent)
    versions = [item.scenario_version_id for item in course.items]
    none_passed, no_mean, not_completed = _outcome(course, [None] * len(versions))
    nothing = Completion(none_passed, len(versions), no_mean, not_completed)
    found = {}
    for user_id in wanted:
        mine = counted.get(user_id)
        if mine is None:
            found[user_id] = nothing  # no finished attempt in the course
            continue
        passed, mean, completed = _outcome(course, [mine.get(version) for version in versions])
        found[user_id] = Completion(passed, len(versions), mean, completed)
    return found
