"""A decision's cost along a long attempt: the kept play (TIPCase) against rebuilding it from every stored decision.

Two trainees play the same generated 1,000-stage case side by side on one SQLite file, decision by
decision (interleaved, so both see the same machine): each decision is its own committed transaction,
as in the app. For the reference attempt the process's kept play is dropped before each decision, so
the service replays the whole route first, which is what every decision cost before the play was kept
(the old code's way, not a baseline for the same answer: the target is a growth ratio of TIPCase's own).

``make bench`` runs this module as one fresh process (``python benchmarks/decisions.py FOLDER``, from the
benchmarks' spawner), so the peak memory it prints is the process's own: both attempts, the case, the
database connection.

Each decision's CPU time (``time.process_time``: this process's, all of it spent in this thread) is
what the target is judged on: on a machine shared with other work the wall time of a few milliseconds
swings with the neighbours' load, while the CPU time does not. The wall time (which includes the
commit's wait for the disk) is printed beside it.
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


def _decide(db: Database, username: str, attempt_id: int, step: int) -> tuple[float, float]:
    """One decision in its own committed transaction: (CPU seconds, wall seconds)."""
    start, cpu = time.perf_counter(), time.process_time()
    with db.transaction() as session:
        attempts.record_decision(session, accounts.get_user(session, username), attempt_id, 1, step=step)
    return time.process_time() - cpu, time.perf_counter() - start


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
    times: dict[str, list[tuple[float, float]]] = {"kept": [], "replayed": []}
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
    return report(times)


def report(times: dict[str, list[tuple[float, float]]]) -> bool:
    """The first, 36th-45th and last ten decisions' medians of each attempt, CPU ms (wall ms); judged on CPU."""
    made = len(times["kept"])
    print(f"medians of ten decisions each, CPU ms (wall ms in brackets), {made} decisions an attempt, the two attempts interleaved")
    print(f"{'':>22} {'first 10':>16} {'36th-45th':>16} {'last 10':>16} {'last / first, CPU':>18} {'wall':>6}")
    ratios = {}
    for name, label in (("replayed", "reference: replay each"), ("kept", "kept play (tipcase)")):
        cells, cpu_first, wall_first, cpu_last, wall_last = [], 0.0, 0.0, 0.0, 0.0
        for part in (slice(0, 10), slice(35, 45), slice(-10, None)):
            cpu = statistics.median(c for c, _ in times[name][part]) * 1000
            wall = statistics.median(w for _, w in times[name][part]) * 1000
            cells.append(f"{cpu:.1f} ({wall:.1f})")
            if part.start == 0:
                cpu_first, wall_first = cpu, wall
            cpu_last, wall_last = cpu, wall
        ratios[name] = cpu_last / cpu_first
        print(f"{label:>22} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16} {ratios[name]:>17.2f}x {wall_last / wall_first:>5.2f}x")
    ok = ratios["kept"] <= 1.3
    verdict = "PASS" if ok else "MISS"
    print(f"target: the {made}th decision costs at most 1.3x the first's CPU (no replay of the route): {ratios['kept']:.2f}x  {verdict}")
    return ok


if __name__ == "__main__":  # python -m benchmarks.decisions FOLDER, from the repository (make bench sets PYTHONPATH)
    import sys

    sys.exit(0 if run(Path(sys.argv[1])) else 1)
