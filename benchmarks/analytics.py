"""Builds a cohort of 500 trainees with ten attempts each on the bundled case, for the analytics benchmark.

The baseline is what a straightforward implementation does: load every attempt of the cohort with its
decisions as ORM objects and count in Python.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from benchmarks.records import insert_trainees
from tipcase.services import courses
from tipcase.services.demo import seed_demo
from tipcase.services.scenarios import playable
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Decision, cohort_members

TRAINEES = 500
ATTEMPTS_EACH = 10


def build(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    rng = random.Random(11)
    with db.transaction() as session:
        seed_demo(session)
        course = courses.get_course(session, "demo")
        version = course.items[0].scenario_version
        scenario = playable(version).scenario
        stages = [(stage.id, len(stage.choices)) for stage in scenario.stages.values() if stage.choices]
        cohort = courses.create_cohort(session, None, "bench", "Benchmark cohort")
        user_ids = insert_trainees(session, TRAINEES, "bench")
        session.execute(insert(cohort_members), [{"cohort_id": cohort.id, "user_id": uid} for uid in user_ids])
        _attempts(session, rng, list(user_ids), course_id=course.id, version_id=version.id, stages=stages)
    return db


def _attempts(
    session: Session, rng: random.Random, user_ids: list[int], *, course_id: int, version_id: int, stages: list[tuple[str, int]]
) -> None:
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    attempt_rows, decision_rows = [], []
    for number in range(len(user_ids) * ATTEMPTS_EACH):
        attempt_id = number + 1
        total = round(rng.uniform(20, 100), 1)
        result = {
            "critical_errors": [{"stage": "arrival", "choice": 3, "text": "sent home"}] if rng.random() < 0.2 else [],
            "rule_violations": [{"rule": rng.choice(["medical-care-required", "care-before-screening"]), "points": -1}]
            if rng.random() < 0.4
            else [],
        }
        attempt_rows.append(
            {"id": attempt_id, "user_id": user_ids[number % len(user_ids)], "scenario_version_id": version_id, "course_id": course_id,
             "language": "id", "started_at": start, "finished_at": start + dt.timedelta(minutes=30), "total_percent": total,
             "passed": total >= 70, "result": result}
        )  # fmt: skip
        for sequence in range(1, 18):
            stage, choices = rng.choice(stages)
            index = rng.randrange(choices)
            decision_rows.append(
                {"attempt_id": attempt_id, "sequence": sequence, "stage": stage, "offered": list(range(choices)),
                 "choice_number": index + 1, "choice_index": index, "time_taken_ms": 1000, "clock": float(sequence), "made_at": start}
            )  # fmt: skip
    session.execute(insert(Attempt), attempt_rows)
    session.execute(insert(Decision), decision_rows)


def naive_counts(db: Database) -> tuple[Counter[tuple[str, int]], Counter[str]]:
    """Choice counts and broken rules the straightforward way: every attempt and decision as objects."""
    with db.reading() as session:
        cohort = courses.get_cohort(session, "bench")
        member_ids = [user.id for user in cohort.members]
        attempts = session.scalars(select(Attempt).options(selectinload(Attempt.decisions)).where(Attempt.user_id.in_(member_ids))).all()
        choices = Counter((d.stage, d.choice_index) for attempt in attempts for d in attempt.decisions)
        rules = Counter(v["rule"] for attempt in attempts if attempt.result for v in attempt.result.get("rule_violations", []))
        return choices, rules
