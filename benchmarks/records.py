"""``make bench ONLY=cohort_report``: the trainer's cohort report over one million stored decisions.

What the user runs: ``tipcase cohorts report COHORT COURSE --json`` (the same
``tipcase.services.analytics.scenario_analytics`` the trainer's Analytics page shows), in a fresh process,
on a SQLite file of 5,000 trainees in one cohort, 50,000 finished attempts of the bundled case in its
course, 1,000,000 decisions along walks of the case's own stages and choices, and 450,000 competency
scores.

Baseline (``benchmarks/raw_cohort_report.py``): the fastest plain way to the same figures, Python's
``sqlite3`` and the aggregates written as raw SQL (members who started, completed and passed; the mean;
decisions grouped by stage and choice; the competency means; critical errors and broken rules counted
from the attempts' JSON; completions by day), in a fresh process too. The two outputs are checked
equal. Targets (issue 15): within 1.5x the baseline's time, and at most 3x its peak memory. A third
command, ``python -c "import sqlalchemy"``, shows the floor of any program that reads the records
through SQLAlchemy's Core, as the report does (on SQLite and PostgreSQL alike; it loads no ORM).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from benchmarks.harness import PYTHON, TIPCASE, Figures, Spawner, verdict
from tipcase.bundled import bundled_dir
from tipcase.format.model import Scenario
from tipcase.services import courses
from tipcase.services.demo import seed_demo
from tipcase.services.scenarios import playable
from tipcase.store.database import Database
from tipcase.store.models import Attempt, AttemptScore, Decision, Role, User, cohort_members

HERE = Path(__file__).resolve().parent
CASE = "scam-compound-return"
DECISIONS_PER_ATTEMPT = 20
RULES = ["medical-care-required", "care-before-screening", "consent-before-interview"]


def build(path: Path, decisions: int = 1_000_000, trainees: int = 5_000) -> dict[str, Any]:
    """A database with ``decisions`` decisions in finished attempts by a cohort's trainees; returns what to ask."""
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    rng = random.Random(7)
    with db.transaction() as session:
        seed_demo(session, scenarios=[bundled_dir() / f"{CASE}.yaml"])
        course = courses.get_course(session, "demo")
        version = course.items[0].scenario_version
        walks = _walks(playable(version).scenario, rng, 500)
        cohort = courses.create_cohort(session, None, "bench", "Benchmark cohort")
        user_ids = insert_trainees(session, trainees, "bench")
        session.execute(insert(cohort_members), [{"cohort_id": cohort.id, "user_id": uid} for uid in user_ids])
        asked = {"cohort": "bench", "cohort_id": cohort.id, "course": "demo", "course_id": course.id, "version_id": version.id}
        competencies = list(playable(version).scenario.competencies)
    attempts = decisions // DECISIONS_PER_ATTEMPT
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with db.transaction() as session:
        for first in range(0, attempts, 5_000):
            numbers = range(first, min(attempts, first + 5_000))
            _insert_attempts(session, numbers, user_ids=user_ids, asked=asked, walks=walks, competencies=competencies, start=start, rng=rng)
    db.dispose()
    return asked


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


Walk = list[tuple[str, int, int, str | None]]  # (stage, choice index, choices offered, critical error's text)


def _walks(scenario: Scenario, rng: random.Random, count: int) -> list[Walk]:
    """``count`` random walks of the case's graph, ``DECISIONS_PER_ATTEMPT`` choices each (from the start again at an end)."""
    walks = []
    for _ in range(count):
        walk: Walk = []
        stage = scenario.stages[scenario.start]
        while len(walk) < DECISIONS_PER_ATTEMPT:
            if not stage.choices:
                stage = scenario.stages[scenario.start]
                continue
            choice = rng.choice(stage.choices)
            walk.append((stage.id, choice.index, len(stage.choices), choice.critical.get("en", ["en"]) if choice.critical else None))
            stage = scenario.stages[choice.to]
        walks.append(walk)
    return walks


def _insert_attempts(
    session: Session,
    numbers: range,
    *,
    user_ids: list[int],
    asked: dict[str, Any],
    walks: list[Walk],
    competencies: list[str],
    start: dt.datetime,
    rng: random.Random,
) -> None:
    attempt_rows, score_rows, decision_rows = [], [], []
    for number in numbers:
        attempt_id = number + 1
        total = round(rng.uniform(20, 100), 1)
        walk = rng.choice(walks)
        finished = start + dt.timedelta(days=number % 30, minutes=30)
        result = {  # the parts of a stored result the report reads, and a route and choices of the usual size
            "route": [stage for stage, *_ in walk],
            "choices": [index + 1 for _, index, *_ in walk],
            "critical_errors": [{"stage": stage, "choice": index + 1, "text": text} for stage, index, _, text in walk if text],
            "rule_violations": [{"rule": rng.choice(RULES), "points": -1}] if rng.random() < 0.4 else [],
        }
        attempt_rows.append(
            {"id": attempt_id, "user_id": user_ids[number % len(user_ids)], "scenario_version_id": asked["version_id"],
             "course_id": asked["course_id"], "language": "id", "started_at": finished - dt.timedelta(minutes=30),
             "finished_at": finished, "total_percent": total, "passed": total >= 70, "result": result}
        )  # fmt: skip
        for competency in competencies:
            percent = round(rng.uniform(0, 100), 1)
            score_rows.append({"attempt_id": attempt_id, "competency": competency, "points": percent / 10, "max": 10.0, "percent": percent})
        for sequence, (stage, index, offered, _) in enumerate(walk, start=1):
            decision_rows.append(
                {"attempt_id": attempt_id, "sequence": sequence, "stage": stage, "offered": list(range(offered)),
                 "choice_number": index + 1, "choice_index": index, "time_taken_ms": 1000, "clock": float(sequence), "made_at": finished}
            )  # fmt: skip
    session.execute(insert(Attempt), attempt_rows)
    session.execute(insert(AttemptScore), score_rows)
    session.execute(insert(Decision), decision_rows)


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """The figures both programs give, in one shape (from ``tipcase cohorts report --json``'s first report)."""
    return {
        "members": report["members"],
        "started": report["started"],
        "completed": report["completed"],
        "passed": report["passed"],
        "mean_percent": report["mean_percent"],
        "competencies": report["competencies"],
        "choices": sorted([c["stage"], c["choice"], c["count"]] for c in report["choices"]),
        "critical_errors": sorted([text, n] for text, n in report["critical_errors"]),
        "broken_rules": sorted([rule, n] for rule, n in report["broken_rules"]),
        "progress": [[p["day"], p["completed"], p["passed"]] for p in report["progress"]],
    }


def bench(spawner: Spawner, rounds: int = 5) -> bool:
    print("== cohort report over 1,000,000 decisions (SQLite): tipcase cohorts report vs the same aggregates as raw SQL ==")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "records.sqlite3"
        began = time.perf_counter()
        asked = build(path)
        print(
            f"built: 5,000 trainees, 50,000 finished attempts, 1,000,000 decisions, 450,000 competency scores "
            f"in {time.perf_counter() - began:.0f} s ({path.stat().st_size / 2**20:.0f} MiB)"
        )
        raw_out, ours_out = folder / "raw.json", folder / "ours.json"
        url = f"sqlite:///{path}"
        commands = {
            "raw": [PYTHON, str(HERE / "raw_cohort_report.py"), str(path), str(asked["cohort_id"]), str(asked["course_id"]),
                    str(asked["version_id"])],
            "ours": [TIPCASE, "--database", url, "cohorts", "report", asked["cohort"], asked["course"], "--json"],
            "floor": [PYTHON, "-c", "import sqlalchemy"],
        }  # fmt: skip
        spawner.run(commands["raw"], stdout=raw_out)  # the two outputs, compared
        spawner.run(commands["ours"], stdout=ours_out)
        ours_report = json.loads(ours_out.read_text(encoding="utf-8"))[0]
        same = comparable(ours_report) == json.loads(raw_out.read_text(encoding="utf-8"))
        figures = spawner.pairs(commands, rounds, warm_up=False)
    return report(figures["raw"], figures["ours"], figures["floor"], same)


def report(raw: Figures, ours: Figures, floor: Figures, same: bool) -> bool:
    print(f"medians of {raw.runs} interleaved rounds, each a fresh process; CPU s (wall s), peak MiB")
    print(f"{'baseline: raw SQL (python sqlite3)':<44} {raw.shown()}")
    print(f"{'tipcase cohorts report bench demo --json':<44} {ours.shown()}")
    print(f"{'reference: python -c import sqlalchemy':<44} {floor.shown()}  (what any report through SQLAlchemy's Core starts from)")
    print(f"the two give the same figures: {verdict(same)}")
    time_ratio, wall_ratio, memory_ratio = ours.cpu / raw.cpu, ours.wall / raw.wall, ours.peak / raw.peak
    ok_time, ok_memory = time_ratio <= 1.5, memory_ratio <= 3.0
    print(f"target: within 1.5x the raw SQL's CPU: {time_ratio:.2f}x (wall {wall_ratio:.2f}x)  {verdict(ok_time)}")
    print(f"target: at most 3x its peak memory: {memory_ratio:.2f}x  {verdict(ok_memory)}")
    return same and ok_time and ok_memory


if __name__ == "__main__":
    with Spawner() as spawner:
        sys.exit(0 if bench(spawner) else 1)
