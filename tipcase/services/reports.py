"""Cohort reports, computed in SQL.

Per course: attempts, pass rate, mean percent and mean percent per competency over the finished
attempts of a cohort's members, and how many decisions they took.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import Session

from tipcase.services.permissions import Permission, require
from tipcase.store.models import Attempt, AttemptScore, Cohort, Course, Decision, User, cohort_members


@dataclasses.dataclass(frozen=True)
class CourseReport:
    """A cohort's finished attempts on one course.

    Counts, pass rate and mean percent (one decimal), decisions made, and the mean percent per competency.
    """

    course: str
    attempts: int
    passed: int
    pass_rate: float
    mean_percent: float
    decisions: int
    competencies: dict[str, float]


def cohort_report(session: Session, actor: User, cohort: Cohort) -> list[CourseReport]:
    """Per course, the finished attempts of ``cohort``'s members, aggregated in SQL; PermissionDenied without READ_ALL_ATTEMPTS."""
    require(actor, Permission.READ_ALL_ATTEMPTS)
    members = select(cohort_members.c.user_id).where(cohort_members.c.cohort_id == cohort.id).scalar_subquery()
    finished = (Attempt.finished_at.is_not(None), Attempt.user_id.in_(members), Attempt.course_id.is_not(None))
    totals = session.execute(
        select(
            Course.code,
            func.count(Attempt.id),
            func.sum(case((Attempt.passed.is_(True), 1), else_=0).cast(Integer)),
            func.avg(Attempt.total_percent),
        )
        .join(Course, Course.id == Attempt.course_id)
        .where(*finished)
        .group_by(Course.code)
        .order_by(Course.code)
    ).all()
    decisions = dict(
        session.execute(
            select(Course.code, func.count(Decision.id))
            .join(Attempt, Attempt.id == Decision.attempt_id)
            .join(Course, Course.id == Attempt.course_id)
            .where(*finished)
            .group_by(Course.code)
        ).all()
    )
    per_competency: dict[str, dict[str, float]] = {}
    for code, competency, mean in session.execute(
        select(Course.code, AttemptScore.competency, func.avg(AttemptScore.percent))
        .join(Attempt, Attempt.id == AttemptScore.attempt_id)
        .join(Course, Course.id == Attempt.course_id)
        .where(*finished)
        .group_by(Course.code, AttemptScore.competency)
        .order_by(Course.code, AttemptScore.competency)
    ):
        per_competency.setdefault(code, {})[competency] = round(float(mean), 1)
    return [
        CourseReport(
            course=code,
            attempts=int(count),
            passed=int(passed or 0),
            pass_rate=round(100.0 * int(passed or 0) / int(count), 1) if count else 0.0,
            mean_percent=round(float(mean or 0.0), 1),
            decisions=int(decisions.get(code, 0)),
            competencies=per_competency.get(code, {}),
        )
        for code, count, passed, mean in totals
    ]
