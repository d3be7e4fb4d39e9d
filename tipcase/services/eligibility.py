"""Whether a person may be issued a course's certificate, and if not, why, as data a screen can say.

A certificate goes to a member of a cohort that has the course, who completed it under its pass rule
(every case passed, or a mean percent over the cases, counting the best or the last attempt: see
``tipcase.services.courses.course_progress``) and holds no certificate for it yet that is not revoked.
``tipcase.services.certificates.issue`` checks the same, so what the issue dialog says and what the
service does never disagree.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many
from tipcase.services.courses import Completion, CourseProgress, completions, course_progress
from tipcase.store.models import Certificate, Course, User, cohort_courses, cohort_members


class Standing(enum.StrEnum):
    """Where a person stands for a course's certificate, the first that applies in this order."""

    ELIGIBLE = "eligible"
    NOT_A_MEMBER = "not a member"  # of any cohort that has the course
    ALREADY_HELD = "already held"  # a certificate for the course that is not revoked
    NOT_COMPLETED = "not completed"  # under the course's pass rule


@dataclasses.dataclass(frozen=True)
class Eligibility:
    """Where a person stands for a course's certificate.

    ``passed`` and ``total``: cases passed (by the counted attempt) and cases in the course;
    ``mean_percent``: the mean of the counted attempts' percents once every case has one (else None);
    ``pass_rule`` ("all" or "mean") and ``pass_mean`` (percent) are the course's; ``held_serial`` the
    serial of the certificate already held.
    """

    standing: Standing
    passed: int
    total: int
    mean_percent: float | None
    pass_rule: str
    pass_mean: float | None
    held_serial: str | None = None

    @property
    def eligible(self) -> bool:
        """Whether a certificate may be issued now."""
        return self.standing is Standing.ELIGIBLE

    def sentence(self, username: str, course_code: str) -> Message:
        """One line (the command line's and the service error's): English as a ``str``, its template for the app."""
        if self.standing is Standing.NOT_A_MEMBER:
            return Message(
                QT_TRANSLATE_NOOP("core", "{username} is not a member of a cohort that has course {course}"),
                username=username,
                course=course_code,
            )
        if self.standing is Standing.ALREADY_HELD:
            return Message(
                QT_TRANSLATE_NOOP("core", "{username} already holds certificate {serial} for {course}"),
                username=username,
                serial=self.held_serial,
                course=course_code,
            )
        if self.standing is Standing.NOT_COMPLETED:
            if self.pass_rule == "mean" and self.mean_percent is None:
                return Message(
                    QT_TRANSLATE_NOOP("core", "{username} has not completed course {course}: no mean yet, the course asks {asks:g} %"),
                    username=username,
                    course=course_code,
                    asks=self.pass_mean,
                )
            if self.pass_rule == "mean":
                return Message(
                    QT_TRANSLATE_NOOP(
                        "core", "{username} has not completed course {course}: a mean of {mean:g} %, the course asks {asks:g} %"
                    ),
                    username=username,
                    course=course_code,
                    mean=self.mean_percent,
                    asks=self.pass_mean,
                )
            return Message(
                one_or_many(
                    self.total,
                    QT_TRANSLATE_NOOP("core", "{username} has not completed course {course}: {passed} of {total} case passed"),
                    QT_TRANSLATE_NOOP("core", "{username} has not completed course {course}: {passed} of {total} cases passed"),
                ),
                username=username,
                course=course_code,
                passed=self.passed,
                total=self.total,
            )
        return Message(
            QT_TRANSLATE_NOOP("core", "{username} may be issued the certificate for {course}"), username=username, course=course_code
        )


def held_certificate(session: Session, trainee: User, course: Course) -> Certificate | None:
    """The trainee's certificate for the course that is not revoked, if any."""
    return session.scalars(
        select(Certificate)
        .where(Certificate.user_id == trainee.id, Certificate.course_id == course.id, Certificate.revoked_at.is_(None))
        .order_by(Certificate.id)
    ).first()


def member_of_a_cohort_with(trainee: User, course: Course) -> bool:
    """Whether ``trainee`` belongs to a cohort the course is assigned to."""
    return any(course in cohort.courses for cohort in trainee.cohorts)


def eligibility(session: Session, trainee: User, course: Course) -> Eligibility:
    """Where ``trainee`` stands for ``course``'s certificate (reads only; no permission check: callers check)."""
    return standing_and_progress(session, trainee, course)[0]


def _standing(course: Course, done: Completion, *, member: bool, held_serial: str | None) -> Eligibility:
    """Where a person stands, the first that applies of ``Standing``'s order, from what was read about them."""
    if not member:
        kind = Standing.NOT_A_MEMBER
    elif held_serial is not None:
        kind = Standing.ALREADY_HELD
    elif not done.completed:
        kind = Standing.NOT_COMPLETED
    else:
        kind = Standing.ELIGIBLE
    serial = held_serial if kind is Standing.ALREADY_HELD else None
    return Eligibility(kind, done.passed, done.total, done.mean_percent, course.pass_rule, course.pass_mean, serial)


def standing_and_progress(session: Session, trainee: User, course: Course) -> tuple[Eligibility, CourseProgress]:
    """``eligibility`` and the course progress it was read from (whose counted attempts a certificate states)."""
    progress = course_progress(session, trainee, course, trainee)
    passed = sum(1 for item in progress.scenarios if item.status == "passed")
    done = Completion(passed, len(progress.scenarios), progress.mean_percent, progress.completed)
    member = member_of_a_cohort_with(trainee, course)
    held = held_certificate(session, trainee, course) if member else None
    return _standing(course, done, member=member, held_serial=held.serial if held else None), progress


def standings(session: Session, course: Course, user_ids: Collection[int]) -> dict[int, Eligibility]:
    """Where each of ``user_ids`` stands for ``course``'s certificate, by id: the rule of ``eligibility``, read for all at once.

    Three queries whatever their number: who takes the course (a member of a cohort that has it), who holds
    its certificate (not revoked), and the course's attempts (``courses.completions``). Reads only; no
    permission check: callers check.
    """
    if not user_ids:
        return {}
    takers = set(
        session.scalars(
            select(cohort_members.c.user_id)
            .join(cohort_courses, cohort_courses.c.cohort_id == cohort_members.c.cohort_id)
            .where(cohort_courses.c.course_id == course.id)
        )
    )
    held: dict[int, str] = {}
    holders = select(Certificate.user_id, Certificate.serial).where(Certificate.course_id == course.id, Certificate.revoked_at.is_(None))
    for user_id, serial in session.execute(holders.order_by(Certificate.id)):
        held.setdefault(user_id, serial)
    done = completions(session, course, user_ids)
    return {
        user_id: _standing(course, completion, member=user_id in takers, held_serial=held.get(user_id))
        for user_id, completion in done.items()
    }


def cohort_standings(session: Session, members: list[User], course: Course) -> list[tuple[User, Eligibility]]:
    """Each of ``members`` (a cohort's) with where they stand for ``course``'s certificate, in the given order.

    What the cohort issue says before issuing (who will get one, who will not and why) and after it
    (who was left out): ``standings``, three queries whatever the number of members. Reads only; no
    permission check: callers check.
    """
    found = standings(session, course, [member.id for member in members])
    return [(member, found[member.id]) for member in members]
