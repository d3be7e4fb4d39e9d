"""Eight processes at once: recording attempts on one PostgreSQL server (no decision lost or duplicated, the
audit chain intact), and as eight windows of one trainee on SQLite and PostgreSQL (one version, one attempt,
no decision applied to a stage its window did not show).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.records import BEST, CASE, seed
from tipcase.format.loader import load_file
from tipcase.services import accounts, audit, courses
from tipcase.store.database import Database
from tipcase.store.models import Attempt, AuditEntry, Decision, Role, ScenarioVersion

CHILD = Path(__file__).with_name("record_child.py")
WORKERS = 8


@pytest.mark.slow
def test_eight_processes_record_at_once(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.create_database()
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed(session)
        cohort = courses.get_cohort(session, "demo")
        users = [
            accounts.create_user(session, accounts.NewUser(f"trainee-{n}", f"Trainee {n}", Role.TRAINEE), f"password-{n}")
            for n in range(WORKERS)
        ]
        courses.add_members(session, None, cohort, users)
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path / "home")}
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), url, f"trainee-{n}", ",".join(map(str, BEST)), "--sign-in", f"password-{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(WORKERS)
    ]
    outputs = [child.communicate(timeout=300) for child in children]
    assert [child.returncode for child in children] == [0] * WORKERS, [err for _, err in outputs]
    with db.transaction() as session:
        assert session.scalar(select(func.count(Decision.id))) == WORKERS * len(BEST)
        for attempt in session.scalars(select(Attempt)):
            assert [d.sequence for d in attempt.decisions] == list(range(1, len(BEST) + 1))
            assert attempt.passed is True
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "signed in")).all()) == WORKERS
        assert audit.verify(session).ok
    db.dispose()


RACE_CHILD = Path(__file__).with_name("race_child.py")


@pytest.mark.slow
def test_eight_windows_on_one_trainee_publish_start_and_decide_without_crossing(db: Database, tmp_path: Path) -> None:
    """Eight processes (windows or workstations) as one trainee, on SQLite and on PostgreSQL: publishing the same
    new file gives one version, starting gives one attempt, and every stored decision answers the stage its window saw."""
    with db.transaction() as session:
        seed(session)
    case = tmp_path / "case.yaml"
    version = load_file(CASE).scenario.version + 1  # type: ignore[union-attr]  # a new version, which every window publishes
    case.write_text(CASE.read_text(encoding="utf-8").replace(f"\nversion: {version - 1}\n", f"\nversion: {version}\n"), encoding="utf-8")
    url = db.url.render_as_string(hide_password=False)
    barrier = tmp_path / "started"
    barrier.mkdir()
    start_at = time.time() + 4.0  # every child has imported TIPCase by then (two busy cores)
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path / "home")}
    children = [
        subprocess.Popen(
            [sys.executable, str(RACE_CHILD), url, str(case), "demo-trainee", str(window), str(WORKERS), str(start_at), str(barrier)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for window in range(WORKERS)
    ]
    outputs = [child.communicate(timeout=300) for child in children]
    assert [child.returncode for child in children] == [0] * WORKERS, [err for _, err in outputs]
    reports = [[json.loads(line) for line in out.splitlines()] for out, _ in outputs]
    assert len({r["published"] for lines in reports for r in lines if "published" in r}) == 1
    assert len({r["attempt"] for lines in reports for r in lines if "attempt" in r}) == 1
    made = {r["made"]: (r["stage"], r["number"]) for lines in reports for r in lines if "made" in r}
    claims = sum(1 for lines in reports for r in lines if "made" in r)
    with db.reading() as session:
        assert session.scalar(select(func.count(ScenarioVersion.id)).where(ScenarioVersion.version == version)) == 1
        attempt = session.scalars(select(Attempt).join(ScenarioVersion).where(ScenarioVersion.version == version)).one()
        stored = {d.sequence: (d.stage, d.choice_number) for d in attempt.decisions}
        assert attempt.passed is True  # the windows played the best route to its end, together
    assert claims == len(made)  # no step was taken twice
    assert stored == made  # each stored decision answers the stage the window that made it was shown
    assert sorted(stored) == list(range(1, len(stored) + 1))
    assert any("stale" in r for lines in reports for r in lines)  # the windows really did collide
