"""Builds a large records database for the cohort-report benchmark: one million stored decisions."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tipcase.format.loader import default_competencies
from tipcase.services import courses
from tipcase.services.demo import seed_demo
from tipcase.services.reports import CourseReport
from tipcase.store.database import Database
from tipcase.store.models import Attempt, AttemptScore, Decision, Role, User, cohort_members

COMPETENCIES = list(default_competencies())
DECISIONS_PER_ATTEMPT = 20


def build(path: Path, decisions: int = 1_000_000, trainees: int = 5_000) -> Database:
    """A database with ``decisions`` decisions in finished attempts by a cohort's trainees, in two courses."""
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    rng = random.Random(7)
    with db.transaction() as session:
        seed_demo(session)
        demo = courses.get_course(session, "demo")
        version = demo.items[0].scenario_version
        second = courses.create_course(session, None, code="refresher", title={"en": "Refresher"}, versions=[version])
        cohort = courses.get_cohort(session, "demo")
        course_ids = [demo.id, second.id]
        user_ids = insert_trainees(session, trainees, "bench")
        session.execute(insert(cohort_members), [{"cohort_id": cohort.id, "user_id": uid} for uid in user_ids])
        version_id, cohort_id = version.id, cohort.id
    attempts = decisions // DECISIONS_PER_ATTEMPT
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with db.transaction() as session:
        for first in range(0, attempts, 5_000):
            ids = range(first, min(attempts, first + 5_000))
            _insert_attempts(session, ids, user_ids=list(user_ids), course_ids=course_ids, version_id=version_id, start=start, rng=rng)
    db.cohort_id = cohort_id  # type: ignore[attr-defined]
    return db


def insert_trainees(session: Session, count: int, prefix: str) -> list[int]:
    """Add ``count`` trainee accounts named ``PREFIX-00000``...; returns their ids."""
    session.execute(
        insert(User),
        [
            {"username": f"{prefix}-{n:05d}", "full_name": f"Trainee {n}", "role": Role.TRAINEE.value, "password_hash": "!",
             "failed_sign_ins": 0, "active": True}
            for n in range(count)
        ],
    )  # fmt: skip
    return list(session.scalars(select(User.id).where(User.username.like(f"{prefix}-%"))))


def _insert_attempts(
    session: Session, numbers: range, *, user_ids: list[int], course_ids: list[int], version_id: int, start: dt.datetime, rng: random.Random
) -> None:
    attempt_rows, score_rows, decision_rows = [], [], []
    for number in numbers:
        attempt_id = number + 1
        total = round(rng.uniform(20, 100), 1)
        attempt_rows.append(
            {
                "id": attempt_id,
                "user_id": user_ids[number % len(user_ids)],
                "scenario_version_id": version_id,
                "course_id": course_ids[number % 2],
                "language": "id",
                "started_at": start,
                "finished_at": start + dt.timedelta(minutes=30),
                "total_percent": total,
                "passed": total >= 70,
            }
        )
        for competency in COMPETENCIES:
            percent = round(rng.uniform(0, 100), 1)
            score_rows.append({"attempt_id": attempt_id, "competency": competency, "points": percent / 10, "max": 10.0, "percent": percent})
        for sequence in range(1, DECISIONS_PER_ATTEMPT + 1):
            decision_rows.append(
                {
                    "attempt_id": attempt_id,
                    "sequence": sequence,
                    "stage": f"s{sequence}",
                    "offered": [0, 1, 2],
                    "choice_number": 1,
                    "choice_index": 0,
                    "time_taken_ms": 1000,
                    "clock": float(sequence),
                    "made_at": start,
                }
            )
    session.execute(insert(Attempt), attempt_rows)
    session.execute(insert(AttemptScore), score_rows)
    session.execute(insert(Decision), decision_rows)


RAW_REPORT = """
WITH finished AS (
    SELECT a.id, a.course_id, a.passed, a.total_percent
    FROM attempts a
    WHERE a.finished_at IS NOT NULL AND a.course_id IS NOT NULL
      AND a.user_id IN (SELECT user_id FROM cohort_members WHERE cohort_id = :cohort)
),
totals AS (
    SELECT course_id, COUNT(*) AS attempts, SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS passed, AVG(total_percent) AS mean_percent
    FROM finished GROUP BY course_id
),
decision_counts AS (
    SELECT f.course_id, COUNT(*) AS decisions FROM decisions d JOIN finished f ON f.id = d.attempt_id GROUP BY f.course_id
),
competency_means AS (
    SELECT f.course_id, s.competency, AVG(s.percent) AS mean
    FROM attempt_scores s JOIN finished f ON f.id = s.attempt_id GROUP BY f.course_id, s.competency
)
SELECT c.code, t.attempts, t.passed, t.mean_percent, d.decisions, k.competency, k.mean
FROM totals t
JOIN courses c ON c.id = t.course_id
LEFT JOIN decision_counts d ON d.course_id = t.course_id
LEFT JOIN competency_means k ON k.course_id = t.course_id
ORDER BY c.code, k.competency
"""


def raw_report(db: Database, cohort_id: int) -> list[CourseReport]:
    """The same report as tipcase.services.reports.cohort_report, as one raw SQL query (the baseline)."""
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(RAW_REPORT.replace(":cohort", "?"), (cohort_id,)).all()
    reports: dict[str, CourseReport] = {}
    for code, attempts, passed, mean_percent, decisions, competency, mean in rows:
        if code not in reports:
            reports[code] = CourseReport(
                course=code,
                attempts=int(attempts),
                passed=int(passed),
                pass_rate=round(100.0 * int(passed) / int(attempts), 1),
                mean_percent=round(float(mean_percent), 1),
                decisions=int(decisions or 0),
                competencies={},
            )
        if competency is not None:
            reports[code].competencies[competency] = round(float(mean), 1)
    return list(reports.values())
