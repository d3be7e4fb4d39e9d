"""Helpers for the records tests: a seeded database and a quick way to play a bundled case."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from tipcase import bundled
from tipcase.services import accounts, attempts, courses
from tipcase.services.demo import seed_demo
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Course, Role, User

CASE = bundled.bundled_dir() / "scam-compound-return.yaml"
BEST = [1] * 17  # the case's best route: always the first offered choice


@dataclasses.dataclass
class World:
    trainee: User
    other_trainee: User
    trainer: User
    registrar: User
    admin: User
    course: Course

    def by_role(self, role: Role) -> User:
        return {Role.TRAINEE: self.trainee, Role.TRAINER: self.trainer, Role.REGISTRAR: self.registrar, Role.ADMIN: self.admin}[role]


def seed(session: Session) -> World:
    seed_demo(session, scenarios=[CASE])  # a one-case demo course: tests do not grow with the library
    other = accounts.create_user(
        session, accounts.NewUser("other-trainee", "Brigadir Andi Saputra", Role.TRAINEE, staff_id="90010111"), "other-password"
    )
    cohort = courses.get_cohort(session, "demo")
    courses.add_members(session, None, cohort, [other])
    get = lambda name: accounts.get_user(session, name)  # noqa: E731
    return World(
        get("demo-trainee"), other, get("demo-trainer"), get("demo-registrar"), get("demo-admin"), courses.get_course(session, "demo")
    )


def play_through(db: Database, username: str, numbers: list[int], course_code: str = "demo") -> int:
    """Start an attempt in the course and record each decision in its own transaction; returns its id."""
    with db.transaction() as session:
        user = accounts.get_user(session, username)
        course = courses.get_course(session, course_code)
        attempt = attempts.start_attempt(session, user, course.items[0].scenario_version, course=course)
        attempt_id = attempt.id
        made = len(attempt.decisions)
    for step, number in enumerate(numbers, made + 1):
        with db.transaction() as session:
            attempts.record_decision(session, accounts.get_user(session, username), attempt_id, number, step=step)
    return attempt_id


def attempt_of(session: Session, attempt_id: int) -> Attempt:
    attempt = session.get(Attempt, attempt_id)
    assert attempt is not None
    return attempt
