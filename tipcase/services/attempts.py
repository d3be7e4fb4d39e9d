"""Attempts and decisions: each decision is stored the moment it is made; an attempt resumes exactly.

The state of an attempt is never stored as such: it is rebuilt by replaying the stored decision
numbers on the stored scenario version, so a crash between two decisions loses nothing that was
confirmed, and there is no second copy of the state to disagree with the first.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.play.engine import Decision as PlayDecision
from tipcase.play.engine import Play, PlayError
from tipcase.services.errors import NotFound, PermissionDenied, ServiceError
from tipcase.services.permissions import Permission, allowed, require
from tipcase.services.scenarios import playable
from tipcase.store.models import Attempt, AttemptScore, Course, Decision, ScenarioVersion, User, cohort_courses, cohort_members, utcnow


@dataclasses.dataclass(frozen=True)
class Recorded:
    decision: Decision
    play: Play

    @property
    def finished(self) -> bool:
        return self.play.finished


def start_attempt(
    session: Session, actor: User, version: ScenarioVersion, *, course: Course | None = None, language: str | None = None
) -> Attempt:
    """Start an attempt, or return the actor's unfinished one on the same scenario and course.

    An attempt in a course needs the actor to be a member of a cohort the course is assigned to, whatever
    their role (a course attempt counts towards the course's certificate); an attempt outside any course
    (``course`` None: a trainer's or a trainee's practice) needs only the play permission. Raises
    PermissionDenied or ServiceError (not in the course, attempts used up).
    """
    require(actor, Permission.PLAY)
    if course is not None and version.id not in {item.scenario_version_id for item in course.items}:
        raise ServiceError(f"{version.scenario_id} v{version.version} is not part of course {course.code}")
    if course is not None and not takes_course(session, actor, course):
        raise PermissionDenied(f"{actor.username} is not a member of a cohort that takes course {course.code}")
    in_course = Attempt.course_id == course.id if course is not None else Attempt.course_id.is_(None)
    existing = session.scalars(
        select(Attempt).where(
            Attempt.user_id == actor.id, Attempt.scenario_version_id == version.id, in_course, Attempt.finished_at.is_(None)
        )
    ).first()
    if existing is not None:
        return existing
    if course is not None and course.max_attempts is not None:
        used = session.scalars(
            select(Attempt.id).where(Attempt.user_id == actor.id, Attempt.scenario_version_id == version.id, Attempt.course_id == course.id)
        ).all()
        if len(used) >= course.max_attempts:
            raise ServiceError(f"course {course.code} allows {course.max_attempts} attempt(s) at {version.scenario_id}; all are used")
    scenario = playable(version).scenario
    attempt = Attempt(
        user_id=actor.id,
        scenario_version_id=version.id,
        course_id=course.id if course else None,
        language=language or scenario.languages[0],
    )
    session.add(attempt)
    session.flush()
    return attempt


def takes_course(session: Session, user: User, course: Course) -> bool:
    """Whether ``user`` is a member of a cohort that ``course`` is assigned to."""
    query = (
        select(cohort_members.c.user_id)
        .join(cohort_courses, cohort_courses.c.cohort_id == cohort_members.c.cohort_id)
        .where(cohort_members.c.user_id == user.id, cohort_courses.c.course_id == course.id)
        .limit(1)
    )
    return session.execute(query).first() is not None


def get_attempt(session: Session, actor: User, attempt_id: int) -> Attempt:
    """An attempt its owner, or staff who read attempts, may see."""
    attempt = session.get(Attempt, attempt_id)
    if attempt is None:
        raise NotFound(f"no attempt {attempt_id}")
    if attempt.user_id != actor.id and not allowed(actor, Permission.READ_ALL_ATTEMPTS):
        raise PermissionDenied(f"{actor.username} ({actor.role}) may not read another trainee's attempts")
    return attempt


def list_attempts(session: Session, actor: User, user: User | None = None) -> list[Attempt]:
    user = user or actor
    if user.id != actor.id and not allowed(actor, Permission.READ_ALL_ATTEMPTS):
        raise PermissionDenied(f"{actor.username} ({actor.role}) may not read another trainee's attempts")
    return list(session.scalars(select(Attempt).where(Attempt.user_id == user.id).order_by(Attempt.started_at, Attempt.id)))


def replay(attempt: Attempt) -> Play:
    """The attempt's play, rebuilt from its stored decisions."""
    ready = playable(attempt.scenario_version)
    play = Play(ready.scenario, ready.pathway, compiled=ready.compiled, language=attempt.language)
    for decision in attempt.decisions:
        play.choose(decision.choice_number)
    return play


def resume(session: Session, actor: User, attempt_id: int) -> Play:
    return replay(get_attempt(session, actor, attempt_id))


def record_decision(session: Session, actor: User, attempt_id: int, number: int, *, time_taken_ms: int = 0) -> Recorded:
    """Take the n-th offered choice in the actor's own attempt; the caller commits at once."""
    attempt = session.scalars(select(Attempt).where(Attempt.id == attempt_id).with_for_update()).first()
    if attempt is None:
        raise NotFound(f"no attempt {attempt_id}")
    if attempt.user_id != actor.id:
        raise PermissionDenied(f"{actor.username} may only decide in their own attempts")
    if attempt.finished_at is not None:
        raise ServiceError(f"attempt {attempt_id} is finished")
    play = replay(attempt)
    try:
        taken: PlayDecision = play.choose(number)
    except PlayError as exc:
        raise ServiceError(str(exc)) from None
    decision = Decision(
        attempt_id=attempt.id,
        sequence=len(attempt.decisions) + 1,
        stage=taken.stage,
        offered=list(taken.offered),
        choice_number=number,
        choice_index=taken.choice.index,
        time_taken_ms=max(0, int(time_taken_ms)),
        clock=play.clock,
    )
    session.add(decision)
    attempt.decisions.append(decision)
    if play.finished:
        _finish(session, attempt, play)
    session.flush()
    return Recorded(decision, play)


def _finish(session: Session, attempt: Attempt, play: Play) -> None:
    """Store the result, and its per-competency rows for SQL reports; then any automatic certificate."""
    result = play.result()
    attempt.result = result
    attempt.total_percent = result["total_percent"]
    attempt.passed = result["passed"]
    attempt.finished_at = utcnow()
    for competency, percent in result["percent"].items():
        session.add(
            AttemptScore(
                attempt_id=attempt.id,
                competency=competency,
                points=float(result["points"].get(competency, 0)),
                max=float(result["max"][competency]),
                percent=percent,
            )
        )
    session.flush()
    course = session.get(Course, attempt.course_id) if attempt.course_id is not None else None
    if course is not None:
        from tipcase.services.certificates import issue_automatically  # noqa: PLC0415 - certificates build on attempts

        issue_automatically(session, attempt.user, course)
