"""A decision's cost along a long attempt: the kept play (TIPCase) against rebuilding it from every stored decision.

Trainees play the same generated 1,000-stage case (997 decisions from start to end) on one SQLite
file, each decision its own committed transaction, as in the app. The target compares the first
decisions of an attempt with its last ones, and **both are timed in the same seconds**: before
anything is timed, some attempts are played (through the same service, their plays kept as a
workstation keeps them) up to the 35th and the 987th decision; then, in interleaved rounds (the order
reversed every other round), one decision is made on each attempt of each depth, so the 1st to 10th,
the 36th to 45th and the 988th to 997th decisions are timed side by side. (Timing the first ten
decisions of one attempt and, half a minute later, its last ten, as this benchmark did until 1
December, put any drift of the machine's speed over that half minute into the ratio: in the idle whole
run of 1 December the reference's replay of 997 decisions, which does the same work in every run,
cost 1.6x what it costs in a quiet run of the same code, and the kept play's last decisions 1.7x,
while the first decisions were 1.2x; the number of Python function calls a decision makes is the
same, 3,651, from the 1st to the 996th.)

The decision that ends an attempt (the 997th) does more than choose: it scores the route, stores the
result and its per-competency score rows, and appends the audit chain's ``attempt finished`` entry, which
reads the attempt's decisions back and digests them, its result and the case. It is the last of the
last ten, timed in the last interleaved round beside the others (one sample in ten, which their median
leaves out), so its own line prints it apart: each kind's median of its ``SETS`` attempts' final
decisions, CPU ms (wall ms). It is printed as a figure, with no target of its own, and the section's
target, the ratio, is unchanged (the last ten still include it).

For the reference attempts the process's kept play is dropped before each timed decision, so the
service replays the whole route first, which is what every decision cost before the play was kept
(the old code's way, not a baseline for the same answer: the target is a growth ratio of TIPCase's own).

``make bench`` runs this module as one fresh process (``python -m benchmarks.decisions FOLDER``, from
the benchmarks' spawner), so the peak memory it prints is the process's own: every attempt, the case,
the database connection.

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
from tipcase.store.models import Attempt, Role

STAGES = 1_000
SETS = 3  # attempts of each depth: each timed slot is the median of SETS x 10 decisions
TIMED = 10  # decisions timed at each depth
TARGET = 1.3  # the last decisions' CPU at most this times the first's


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


def _route_length(db: Database, username: str, attempt_id: int) -> int:
    """How many decisions taking the first choice each time makes from the start to an end."""
    with db.reading() as session:
        play = attempts.resume(session, accounts.get_user(session, username), attempt_id)
    made = 0
    while not play.finished:
        play.choose(1)
        made += 1
    return made


def run(folder: Path) -> bool:
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # accounts to seed, nothing measured
    case = folder / "long.yaml"
    case.write_text(big_scenario(STAGES), encoding="utf-8")
    db = Database(f"sqlite:///{folder / 'decisions.sqlite3'}")
    db.upgrade()
    # (kind, slot, set) -> (username, attempt id)
    players: dict[tuple[str, int, int], tuple[str, int]] = {}
    with db.transaction() as session:
        version = scenarios.publish_unchecked(session, case)
        for kind in ("kept", "replayed"):
            for slot in range(3):
                for number in range(SETS):
                    name = f"{kind}-{slot}-{number}"
                    user = accounts.create_user(session, accounts.NewUser(name, name.title(), Role.TRAINEE), "bench-password")
                    players[kind, slot, number] = (name, attempts.start_attempt(session, user, version).id)
    made = _route_length(db, *players["kept", 0, 0])
    depths = (0, 35, made - TIMED)  # decisions made before the timed ones: the 1st-10th, 36th-45th, last 10 are timed
    for (_kind, slot, _number), (name, attempt_id) in players.items():  # untimed: as a trainee plays, the play kept
        for step in range(1, depths[slot] + 1):
            _decide(db, name, attempt_id, step)
    times: dict[tuple[str, int], list[tuple[float, float]]] = {(kind, slot): [] for kind, slot, _ in players}
    final: dict[str, list[tuple[float, float]]] = {"kept": [], "replayed": []}  # the decision that ends each attempt
    order = list(players.items())
    for timed in range(TIMED):
        for (kind, slot, _number), (name, attempt_id) in order if timed % 2 == 0 else reversed(order):
            if kind == "replayed":
                _forget(attempt_id)
            step = depths[slot] + timed + 1
            sample = _decide(db, name, attempt_id, step)
            times[kind, slot].append(sample)
            if step == made:
                final[kind].append(sample)
    with db.reading() as session:
        ended = [attempt_id for (_kind, slot, _number), (_name, attempt_id) in players.items() if slot == 2]
        if any((attempt := session.get(Attempt, attempt_id)) is None or attempt.finished_at is None for attempt_id in ended):
            raise RuntimeError(f"an attempt was not finished by its {made}th decision")
    db.dispose()
    return report(times, final, made)


def report(times: dict[tuple[str, int], list[tuple[float, float]]], final: dict[str, list[tuple[float, float]]], made: int) -> bool:
    """Each depth's median decision, CPU ms (wall ms), for both kinds; judged on the kept play's last / first CPU.

    ``final``: each kind's decisions that ended an attempt (CPU, wall seconds), printed on their own line, not judged.
    """
    samples = len(times["kept", 0])
    print(
        f"{made} decisions an attempt; medians of {samples} decisions each ({SETS} attempts a depth, {TIMED} decisions each), "
        "every depth and both kinds timed in the same interleaved rounds; CPU ms (wall ms in brackets)"
    )
    print(f"{'':>22} {'1st-10th':>16} {'36th-45th':>16} {f'last {TIMED}':>16} {'last / first, CPU':>18} {'wall':>6}")
    ratios = {}
    for kind, label in (("replayed", "reference: replay each"), ("kept", "kept play (tipcase)")):
        cpu = [statistics.median(c for c, _ in times[kind, slot]) * 1000 for slot in range(3)]
        wall = [statistics.median(w for _, w in times[kind, slot]) * 1000 for slot in range(3)]
        ratios[kind] = cpu[2] / cpu[0]
        cells = [f"{c:.1f} ({w:.1f})" for c, w in zip(cpu, wall, strict=True)]
        print(f"{label:>22} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16} {ratios[kind]:>17.2f}x {wall[2] / wall[0]:>5.2f}x")
    ok = ratios["kept"] <= TARGET
    verdict = "PASS" if ok else "MISS"
    print(
        f"target: the last {TIMED} decisions (to the {made}th) cost at most {TARGET}x the first {TIMED}'s CPU, "
        f"timed side by side (no replay of the route): {ratios['kept']:.2f}x  {verdict}"
    )
    ending = {kind: [statistics.median(sample[i] for sample in final[kind]) * 1000 for i in (0, 1)] for kind in final}
    print(
        f"the decision that ends the attempt (the {made}th: scores the route, stores the result, its score rows and the audit "
        f"chain's 'attempt finished' entry), medians of {len(final['kept'])} attempts, in the last round: "
        f"kept play {ending['kept'][0]:.1f} ({ending['kept'][1]:.1f}), reference {ending['replayed'][0]:.1f} ({ending['replayed'][1]:.1f}) "
        "CPU ms (wall ms); no target"
    )
    return ok


if __name__ == "__main__":  # python -m benchmarks.decisions FOLDER, from the repository (make bench sets PYTHONPATH)
    import sys

    sys.exit(0 if run(Path(sys.argv[1])) else 1)
