"""A decision's cost along a long attempt: the kept play (TIPCase) against rebuilding it from every stored decision.

Two trainees play the same generated 1,000-stage case side by side on one SQLite file, decision by
decision (interleaved, so both see the same machine): each decision is its own committed transaction,
as in the app. For the baseline attempt the process's kept play is dropped before each decision, so
the service replays the whole route first, which is what every decision cost before the play was kept.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from argon2 import PasswordHasher

from benchmarks.generate import big_scenario
from tipcase.services import accounts, attempts, passwords, scenarios
from tipcase.store.database import Database
from tipcase.store.models import Role

STAGES = 1_000


def _decide(db: Database, username: str, attempt_id: int, step: int) -> float:
    start = time.perf_counter()
    with db.transaction() as session:
        attempts.record_decision(session, accounts.get_user(session, username), attempt_id, 1, step=step)
    return time.perf_counter() - start


def _forget(attempt_id: int) -> None:
    with attempts._plays_lock:
        for key in [key for key in attempts._plays if key[1] == attempt_id]:
            del attempts._plays[key]


def run(folder: Path) -> bool:
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # two accounts to seed, nothing measured
    case = folder / "long.yaml"
    case.write_text(big_scenario(STAGES), encoding="utf-8")
    db = Database(f"sqlite:///{folder / 'decisions.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        version = scenarios.publish_unchecked(session, case)
        ids = {}
        for name in ("kept", "replayed"):
            user = accounts.create_user(session, accounts.NewUser(name, name.title(), Role.TRAINEE), "bench-password")
            ids[name] = attempts.start_attempt(session, user, version).id
    times: dict[str, list[float]] = {"kept": [], "replayed": []}
    step = 0
    while True:
        step += 1
        with db.reading() as session:
            if attempts.resume(session, accounts.get_user(session, "kept"), ids["kept"]).finished:
                break
        times["kept"].append(_decide(db, "kept", ids["kept"], step))
        _forget(ids["replayed"])
        times["replayed"].append(_decide(db, "replayed", ids["replayed"], step))
    db.dispose()
    made = len(times["kept"])
    print(f"{'decisions':>10} {'':>22} {'first 10, ms':>13} {'36th-45th, ms':>14} {'last 10, ms':>12} {'last / first':>13}")
    ratios = {}
    for name, label in (("replayed", "replay every decision"), ("kept", "kept play (tipcase)")):
        first, forties = statistics.median(times[name][:10]) * 1000, statistics.median(times[name][35:45]) * 1000
        last = statistics.median(times[name][-10:]) * 1000
        ratios[name] = last / first
        print(f"{made:>10} {label:>22} {first:>13.1f} {forties:>14.1f} {last:>12.1f} {ratios[name]:>13.2f}")
    ok = ratios["kept"] <= 1.3
    verdict = "PASS" if ok else "MISS"
    print(f"target: the {made}th decision costs at most 1.3x the first (no replay of the route): {ratios['kept']:.2f}x  {verdict}")
    return ok
