"""The cost of records that cannot be rewritten unseen: sealing decisions, and ``tipcase audit verify``.

Sealing: the CPU time of recording one attempt with its seals against the same recording with the seal
hook removed (the baseline), in this process, interleaved with the order alternating. Verify: ``tipcase
audit verify`` as a fresh process (``benchmarks/harness.py``: CPU and peak memory), judged against an
absolute target; the chain walk alone is printed beside it as a reference (what verify did before; it
checks less, so it is no baseline for the same answer).

``build`` records genuine attempts through the services (every decision sealed, every finish anchored
in the keyed chain), so verify has real work: the chain, every seal, every replay.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from sqlalchemy import event

from benchmarks.harness import PYTHON, TIPCASE, Figures, Spawner, tipcase_home
from benchmarks.records import insert_trainees
from tipcase import bundled
from tipcase.format.loader import load_file
from tipcase.play.compiled_scenario import compile_scenario
from tipcase.play.engine import analysis_of
from tipcase.services import accounts, attempt_seals, attempts, courses
from tipcase.services.demo import seed_demo
from tipcase.store.database import Database
from tipcase.store.models import Decision, User

CASE = bundled.bundled_dir() / "scam-compound-return.yaml"
BEST = list(analysis_of(compile_scenario(load_file(CASE).scenario)).best_choices)  # type: ignore[arg-type]  # the best route, as analyze gives it


def _play(db: Database, usernames: list[str]) -> None:
    """One attempt each on the best route, in one transaction (as fast as the services record)."""
    with db.transaction() as session:
        course = courses.get_course(session, "demo")
        version = course.items[0].scenario_version
        for username in usernames:
            user = accounts.get_user(session, username)
            attempt = attempts.start_attempt(session, user, version, course=course)
            for step, number in enumerate(BEST, 1):
                attempts.record_decision(session, user, attempt.id, number, step=step)


def build(path: Path, attempts_count: int) -> Database:
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    with db.transaction() as session:
        seed_demo(session, scenarios=[CASE])
        user_ids = insert_trainees(session, attempts_count, "audit")
        cohort = courses.get_cohort(session, "demo")
        courses.add_members(session, None, cohort, [session.get(User, uid) for uid in user_ids])  # type: ignore[misc]
    names = [f"audit-{n:05d}" for n in range(attempts_count)]
    for start in range(0, attempts_count, 100):
        _play(db, names[start : start + 100])
    return db


def sealing_cost(db: Database, pairs: int) -> tuple[float, float]:
    """Median CPU seconds of this process to record one 17-decision attempt with its seals and without, interleaved.

    CPU rather than wall time: the seals are computation, and the machine is shared (fsync waits vary).
    """
    with db.transaction() as session:
        user_ids = insert_trainees(session, 2 * pairs, "seal")
        courses.add_members(session, None, courses.get_cohort(session, "demo"), [session.get(User, uid) for uid in user_ids])  # type: ignore[misc]
    sealed: list[float] = []
    bare: list[float] = []

    def with_seals(name: str) -> None:
        start = time.process_time()
        _play(db, [name])
        sealed.append(time.process_time() - start)

    def without_seals(name: str) -> None:
        event.remove(Decision, "before_insert", attempt_seals._seal_decision)
        try:
            start = time.process_time()
            _play(db, [name])
            bare.append(time.process_time() - start)
        finally:
            event.listen(Decision, "before_insert", attempt_seals._seal_decision)

    for n in range(pairs):  # interleaved, the order alternating each pair
        first, second = (with_seals, without_seals) if n % 2 == 0 else (without_seals, with_seals)
        first(f"seal-{2 * n:05d}")
        second(f"seal-{2 * n + 1:05d}")
    return statistics.median(sealed), statistics.median(bare)


REFERENCE = "reference: the chain walk alone (checks less)"
CHAIN_ONLY = (
    "import sys; from tipcase.store.database import open_database; from tipcase.services import audit; "
    "db = open_database(sys.argv[1]); s = db.reading().__enter__(); assert audit.verify(s).ok"
)


def verify_from_a_fresh_process(spawner: Spawner, url: str, home: str, rounds: int) -> dict[str, Figures]:
    """Medians of ``rounds`` interleaved rounds (the order alternating), each a fresh process: ``tipcase audit verify``,
    and for reference the chain walk alone (what it did before; it checks less)."""
    env = {**spawner.env, "TIPCASE_HOME": home}
    commands = {
        "tipcase audit verify": [TIPCASE, "--database", url, "audit", "verify"],
        REFERENCE: [PYTHON, "-c", CHAIN_ONLY, url],
    }
    return spawner.pairs(commands, rounds, env=env)


def bench_audit(spawner: Spawner, attempts_count: int = 1_000) -> bool:
    """``make bench``: sealing overhead per attempt, and audit verify over 1,000 finished attempts."""
    import tempfile  # noqa: PLC0415

    print(f"\n== records that cannot be rewritten unseen: sealing decisions, and audit verify over {attempts_count:,} attempts ==")
    with tempfile.TemporaryDirectory() as folder, tipcase_home(Path(folder) / "home") as home:
        start = time.perf_counter()
        db = build(Path(folder) / "audit.sqlite3", attempts_count)
        built = time.perf_counter() - start
        print(f"built: {attempts_count:,} finished attempts ({attempts_count * 17:,} sealed decisions) in {built:.0f} s")
        url = db.url.render_as_string(hide_password=False)
        timings = verify_from_a_fresh_process(spawner, url, home, 3)
        sealed, bare = sealing_cost(db, 30)  # after verify: the unsealed ones would be findings
        db.dispose()
    overhead = sealed / bare
    with_seals, without = f"{sealed * 1000:.0f} ms with its seals", f"{bare * 1000:.0f} ms without (baseline: the hook removed)"
    print(f"record one 17-decision attempt, CPU of the benchmark's process: {with_seals}, {without} ({overhead:.2f}x; median of 30 pairs,")
    print("  interleaved, the order alternating)")
    print("medians of 3 interleaved rounds (the order alternating), each a fresh process; CPU s (wall s), peak MiB")
    for name, figures in timings.items():
        print(f"{name:<52} {figures.shown()}")
    verify_s = timings["tipcase audit verify"].cpu
    ok = overhead <= 1.5 and verify_s <= 15
    verdict = "PASS" if ok else "MISS"
    print(f"target: seals cost at most 1.5x a bare recording, and verify of {attempts_count:,} attempts within 15 s of CPU  {verdict}")
    return ok
