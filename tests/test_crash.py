"""Crash safety: a process recording an attempt is killed with SIGKILL at random points; every decision it
reported as made is in the database, and the attempt resumes where it stopped.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.records import BEST, attempt_of, seed
from tipcase.services import accounts, attempts
from tipcase.store.database import Database

CHILD = Path(__file__).with_name("record_child.py")
RUNS = 20


@pytest.mark.slow
def test_sigkill_at_random_points_loses_no_confirmed_decision(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path / "home")}
    rng = random.Random(20261126)
    interrupted = 0
    for run in range(RUNS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), url, "demo-trainee", ",".join(map(str, BEST))], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        attempt_id = int(child.stdout.readline().split()[1])
        made = 0
        kill_after = rng.randint(0, len(BEST) - 1)
        while made < kill_after:
            line = child.stdout.readline()
            if not line:
                break
            made = int(line.split()[1])
        time.sleep(rng.uniform(0, 0.012))  # land anywhere: between decisions or inside a commit
        child.send_signal(signal.SIGKILL)
        child.wait()
        for line in child.stdout.read().splitlines():  # reports printed before the kill landed
            made = int(line.split()[1])
        child.stdout.close()

        with db.transaction() as session:
            attempt = attempt_of(session, attempt_id)
            stored = [d.sequence for d in attempt.decisions]
            assert stored == list(range(1, len(stored) + 1)), f"run {run}: decisions out of order {stored}"
            assert len(stored) >= made, f"run {run}: {made} decisions reported made, {len(stored)} stored"
            play = attempts.resume(session, accounts.get_user(session, "demo-trainee"), attempt_id)
            assert [d.number for d in play.decisions] == BEST[: len(stored)]
        interrupted += len(stored) < len(BEST)
        # finish the attempt, resuming where the killed process stopped
        for step, number in enumerate(BEST[len(stored) :], len(stored) + 1):
            with db.transaction() as session:
                attempts.record_decision(session, accounts.get_user(session, "demo-trainee"), attempt_id, number, step=step)
        with db.transaction() as session:
            assert attempt_of(session, attempt_id).total_percent == 100.0
    assert interrupted >= RUNS // 2  # the kills really did land mid-attempt
    db.dispose()
