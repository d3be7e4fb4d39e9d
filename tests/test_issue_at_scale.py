"""The registrar's issue dialogs at a large training centre: where everyone stands is read for a whole cohort at once.

Opening *Issue for a cohort…* or *for one person…* (``registrar_desktop.issue_choices``) and choosing a cohort
and course (``cohort_outlook``) asked the records once per person and case; at 5,000 trainees and 200 cases
opening took seconds (``make bench ONLY=issue_dialog``). Now a cohort's standing is a few queries whatever
its size, and says for each person exactly what the one-person check says.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import event, insert

from tests.records import CASE, seed
from tipcase.services import courses, registrar_desktop
from tipcase.services.eligibility import Standing, cohort_standings, eligibility
from tipcase.services.errors import PermissionDenied
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Certificate, Course, Role, ScenarioVersion, User


def _versions(session: object, count: int) -> list[ScenarioVersion]:
    source = CASE.read_text(encoding="utf-8")
    made = []
    for n in range(count):
        version = ScenarioVersion(
            scenario_id=f"scale-{n}", version=1, sha256=f"{n:064x}", source=source, title={"en": f"Case {n}", "id": f"Kasus {n}"}
        )
        session.add(version)  # type: ignore[attr-defined]
        made.append(version)
    session.flush()  # type: ignore[attr-defined]
    return made


def _people(session: object, prefix: str, count: int) -> list[User]:
    people = [
        User(username=f"{prefix}-{n:03d}", full_name=f"Trainee {prefix} {n:03d}", role=Role.TRAINEE.value, password_hash="!")
        for n in range(count)
    ]
    session.add_all(people)  # type: ignore[attr-defined]
    session.flush()  # type: ignore[attr-defined]
    return people


def test_a_cohort_stands_as_each_of_its_members_does_alone(db: Database) -> None:
    """Every rule that decides a standing, over records of every kind: the set-based answer is the one-person answer."""
    rng = random.Random(5)
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    with db.transaction() as session:
        seed(session)
        versions = _versions(session, 3)
        made = [
            courses.create_course(session, None, code="every-best", title={"en": "A"}, versions=versions),
            courses.create_course(session, None, code="every-last", title={"en": "B"}, versions=versions[:2], attempt_policy="last"),
            courses.create_course(session, None, code="mean", title={"en": "C"}, versions=versions, pass_rule="mean", pass_mean=75.0),
            courses.create_course(session, None, code="twice", title={"en": "D"}, versions=[versions[0], versions[1], versions[0]]),
        ]
        cohort = courses.create_cohort(session, None, "scale", "Scale")
        members = _people(session, "scale", 40)
        courses.add_members(session, None, cohort, members[:36])  # the last four are in no cohort that has the courses
        for course in made:
            courses.assign_course(session, None, cohort, course)
        attempts, number = [], 0
        for person in members:
            for course in made:
                for version in {item.scenario_version_id for item in course.items}:
                    tries = rng.choice([0, 1, 1, 2, 3])
                    for attempt in range(tries):
                        number += 1
                        open_one = attempt == tries - 1 and rng.random() < 0.15  # only the last may still be open
                        percent = rng.choice([None, 55.0, 70.0, 75.0, 80.0, 80.0, 95.0]) if not open_one else None
                        attempts.append(
                            {"user_id": person.id, "scenario_version_id": version, "course_id": course.id,
                             "started_at": start + dt.timedelta(minutes=number % 7),  # equal start times: the id orders them
                             "finished_at": None if open_one else start + dt.timedelta(hours=1), "total_percent": percent,
                             "passed": None if open_one else (percent is not None and percent >= 70)}
                        )  # fmt: skip
        session.execute(insert(Attempt), attempts)
        certificates = [
            {"serial": f"S-{n}", "code": f"C-{n}", "user_id": members[n].id, "course_id": made[n % 4].id, "issued_at": start,
             "revoked_at": start if n % 3 == 0 else None}
            for n in range(0, 40, 2)
        ]  # fmt: skip
        session.execute(insert(Certificate), certificates)
    with db.reading() as session:
        people = [session.get(User, person.id) for person in members]
        kinds = set()
        for course in session.query(Course).filter(Course.code.in_(["every-best", "every-last", "mean", "twice"])):
            together = cohort_standings(session, people, course)  # type: ignore[arg-type]
            alone = [(person, eligibility(session, person, course)) for person in people]  # type: ignore[arg-type]
            assert together == alone, course.code
            kinds |= {standing.standing for _person, standing in together}
    assert kinds == set(Standing)  # every kind of standing was met


def _count_queries(db: Database) -> list[str]:
    said: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: said.append(args[2]))
    return said


def test_opening_the_issue_dialogs_asks_the_records_as_often_for_sixty_people_as_for_three(tmp_path: Path) -> None:
    """However many people the cohorts hold, opening the dialog and choosing a cohort are the same few queries."""
    db = Database(f"sqlite:///{tmp_path / 'centre.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        world = seed(session)
        versions = _versions(session, 4)
        course = courses.create_course(session, None, code="four", title={"en": "Four cases"}, versions=versions)
        for name in ("north", "south"):
            cohort = courses.create_cohort(session, None, name, name.title())
            courses.add_members(session, None, cohort, _people(session, name, 3))
            courses.assign_course(session, None, cohort, course)
        registrar = world.registrar.id
    said = _count_queries(db)

    def asked() -> tuple[int, int, int]:
        said.clear()
        choices = registrar_desktop.issue_choices(db, registrar)
        opened = len(said)
        outlook = registrar_desktop.cohort_outlook(db, registrar, "north", "four")
        assert not outlook.eligible
        return len(choices.people), opened, len(said) - opened

    people, opened, chosen = asked()
    assert people == 3 + 3 + 2  # the demo's two trainees as well
    with db.transaction() as session:
        for name in ("north", "south"):
            courses.add_members(session, None, courses.get_cohort(session, name), _people(session, f"{name}-more", 57))
    assert asked() == (60 + 60 + 2, opened, chosen)  # twenty times the people, not one query more
    assert opened <= 20, said


def test_only_a_registrar_or_an_admin_reads_where_everyone_stands(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'centre.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        world = seed(session)
        trainer, trainee = world.trainer.id, world.trainee.id
    for account in (trainer, trainee):
        with pytest.raises(PermissionDenied):
            registrar_desktop.issue_choices(db, account)
        with pytest.raises(PermissionDenied):
            registrar_desktop.cohort_outlook(db, account, "demo", "demo")
