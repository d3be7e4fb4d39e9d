"""Eight processes record attempts at once on one PostgreSQL server: no decision lost or duplicated,
and the audit chain (which every sign-in appends to) stays intact.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.records import BEST, seed
from tipcase.services import accounts, audit, courses
from tipcase.store.database import Database
from tipcase.store.models import Attempt, AuditEntry, Decision, Role

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
