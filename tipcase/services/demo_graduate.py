"""``tipcase demo``'s graduate: a demo trainee who has completed a course and holds no certificate for it yet.

So that a registrar can issue at once after ``tipcase demo`` (the README's ``tipcase certificate issue``
example, and *Issue for one person* in the app), ``demo-graduate`` is a member of the demo cohort who
has played every case of the prosecutor's role course (``demo-prosecutor``, one case) along its best
route, through the same services a trainee's workstation uses: every decision sealed and audited, so
``tipcase audit verify`` replays the attempt like any other. The best route is the published version's
own (its analysis), never numbers written down here: a case's choices may be reordered in a new version.

Idempotent like the rest of the demo: the account is made when missing, and the course is played only
when the graduate has no attempt in it (a certificate issued since, or a trainer's changes, are kept).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.play.engine import analysis_of
from tipcase.services import attempts
from tipcase.services.accounts import NewUser, create_user
from tipcase.services.courses import add_members
from tipcase.services.scenarios import playable
from tipcase.store.models import Attempt, Cohort, Course, Role, User

DEMO_GRADUATE = NewUser(
    "demo-graduate",
    "Rina Marpaung, S.H.",
    Role.TRAINEE,
    staff_id="199203142018032001",
    unit="Kejaksaan Negeri Karawang",
    agency="Kejaksaan",
)
GRADUATE_COURSE = "demo-prosecutor"  # tipcase.services.demo.role_course_code("prosecutor"): the role course of one case


def seed_demo_graduate(session: Session, cohort: Cohort, password: str) -> NewUser:
    """Make ``demo-graduate`` (when missing) a member of ``cohort`` who has completed GRADUATE_COURSE; returns the account.

    Does nothing more when the course is missing (a demo of other cases) or the graduate has an attempt
    in it already. Raises ServiceError when a stored version no longer plays (a broken install).
    """
    user = session.scalars(select(User).where(User.username == DEMO_GRADUATE.username)).first()
    if user is None:
        user = create_user(session, DEMO_GRADUATE, password, by="demo")  # audited with its role
    add_members(session, None, cohort, [user])
    course = session.scalars(select(Course).where(Course.code == GRADUATE_COURSE)).first()
    if course is None:
        return DEMO_GRADUATE
    if session.scalars(select(Attempt.id).where(Attempt.user_id == user.id, Attempt.course_id == course.id)).first() is not None:
        return DEMO_GRADUATE
    for item in course.items:
        version = item.scenario_version
        best = analysis_of(playable(version).compiled).best_choices
        attempt = attempts.start_attempt(session, user, version, course=course, language="id")
        for step, number in enumerate(best, 1):
            attempts.record_decision(session, user, attempt.id, number, step=step)
    return DEMO_GRADUATE
