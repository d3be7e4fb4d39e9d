"""How long a roster import holds SQLite's write lock, and how long a trainee's decision waits meanwhile.

What is measured is ``tipcase cohorts import-roster COHORT ROSTER --yes --passwords OUT`` as a user types
it: the real ``tipcase`` console script, a fresh process started by the benchmarks' spawner
(``benchmarks/harness.py``, which reads its wall and CPU time and peak memory). The new accounts'
generated first passwords are hashed at the cost the command uses for them (``tipcase.services.passwords``:
OWASP's argon2id minimum, 19 MiB and 2 passes), outside the write lock.

For reference, the floor of the lock (not a way to the same answer: no passwords, no checks, no audit):
``python benchmarks/roster_import.py reference URL ROSTER`` inserts the same accounts and memberships by
two raw ``executemany`` statements in one transaction, in a fresh process.

While either runs, the benchmark's own process watches from outside, each on its own connection:
``LockWatch`` tries SQLite's write lock every 2 ms (``BEGIN IMMEDIATE`` with no busy wait, then
``ROLLBACK``) and keeps the longest stretch in which another connection held it (so the longest write
lock is read to within a few milliseconds, the same way for both sides); ``DecisionProbe`` writes like a
trainee deciding (a one-row update in its own transaction every 20 ms) and keeps the longest wait.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:  # the reference process imports none of the benchmark's harness
    from benchmarks.harness import Spawner
from tipcase.services import courses
from tipcase.services.demo import seed_demo
from tipcase.store.database import Database

COHORT = "bench"
ROOT = Path(__file__).resolve().parent.parent


def home(folder: Path) -> str:
    """The TIPCASE_HOME of the set-up and of every measured import: its audit key seals the template's records.

    A command run with another home holds no key for them and refuses ("sealed with audit key ..., which
    this workstation does not hold"): the measured import must be the one that imports.
    """
    return str(folder / "home")


def template(folder: Path) -> Path:
    """A database with the demo (one case) and an empty cohort, closed so the file can be copied.

    Seeded with ``home(folder)`` as TIPCASE_HOME, so the measured imports hold its audit key.
    """
    from benchmarks.harness import tipcase_home  # noqa: PLC0415 - the reference process imports none of the harness

    path = folder / "template.sqlite3"
    with tipcase_home(home(folder)):
        db = Database(f"sqlite:///{path}")
        db.upgrade()
        with db.transaction() as session:
            seed_demo(session, scenarios=[ROOT / "scenarios" / "scam-compound-return.yaml"])
            courses.create_cohort(session, None, COHORT, "Benchmark cohort")
        db.dispose()
    return path


def roster_file(folder: Path, rows: int) -> Path:
    path = folder / f"roster-{rows}.csv"
    lines = ["staff_id,full_name,rank,unit,agency"]
    lines += [f"{80_000_000 + n},Trainee {n} Saputra,Bripda,Unit PPA Polda {n % 34},Polri" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reference(url: str, roster: str) -> None:
    """The floor of the lock: the roster's accounts and memberships by two raw inserts in one transaction."""
    rows = Path(roster).read_text(encoding="utf-8").splitlines()[1:]
    db = Database(url)
    with db.engine.begin() as connection:
        cohort_id = connection.execute(text("SELECT id FROM cohorts WHERE name = :n"), {"n": COHORT}).scalar_one()
        users = [
            {"u": f"trainee.{cells[0]}", "n": cells[1], "r": cells[2], "s": cells[0], "un": cells[3], "a": cells[4]}
            for cells in (row.split(",") for row in rows)
        ]
        connection.execute(
            text(
                "INSERT INTO users (username, full_name, rank, staff_id, unit, agency, role, password_hash, failed_sign_ins, active,"
                " created_at) VALUES (:u, :n, :r, :s, :un, :a, 'trainee', '$argon2id$v=19$m=65536,t=3,p=4$x$y', 0, 1, '2026-01-01')"
            ),
            users,
        )
        ids = connection.execute(text("SELECT id FROM users WHERE role = 'trainee' AND username LIKE 'trainee.%'")).scalars().all()
        connection.execute(text("INSERT INTO cohort_members (cohort_id, user_id) VALUES (:c, :u)"), [{"c": cohort_id, "u": i} for i in ids])
    db.dispose()


class LockWatch:
    """Tries the write lock every 2 ms from its own connection; keeps the longest stretch another connection held it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.longest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)  # no busy wait: held is "database is locked"
        held_since: float | None = None
        while not self._stop.is_set():
            now = time.perf_counter()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
            except sqlite3.OperationalError:
                held_since = now if held_since is None else held_since
            else:
                if held_since is not None:
                    self.longest = max(self.longest, now - held_since)
                    held_since = None
            time.sleep(0.002)
        if held_since is not None:
            self.longest = max(self.longest, time.perf_counter() - held_since)
        connection.close()

    def __enter__(self) -> LockWatch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


class DecisionProbe:
    """Writes like a trainee deciding, every 20 ms, on its own connection; keeps the longest wait."""

    def __init__(self, url: str) -> None:
        self.db = Database(url)
        self.longest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            start = time.perf_counter()
            with self.db.transaction() as session:
                session.execute(text("UPDATE settings SET key = key WHERE key = 'none'"))
            self.longest = max(self.longest, time.perf_counter() - start)
            time.sleep(0.02)

    def __enter__(self) -> DecisionProbe:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.db.dispose()


def measure(spawner: Spawner, kind: str, base: Path, folder: Path, roster: Path) -> dict[str, float]:
    """One run as a fresh process from the spawner (its wall, CPU and peak memory) on a fresh copy of the template.

    ``kind`` "tipcase" is the console script; "reference" the raw inserts. The lock watch and a decision probe
    run alongside it in this process.
    """
    from benchmarks.harness import TIPCASE  # noqa: PLC0415 - the reference process imports none of the harness

    path = folder / f"{kind}-{time.monotonic_ns()}.sqlite3"
    shutil.copy(base, path)
    url = f"sqlite:///{path}"
    if kind == "tipcase":
        out = folder / "passwords.csv"
        out.unlink(missing_ok=True)
        command = [TIPCASE, "--database", url, "cohorts", "import-roster", COHORT, str(roster), "--yes", "--passwords", str(out)]
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "reference", url, str(roster)]
    with LockWatch(path) as lock, DecisionProbe(url) as probe:
        sample = spawner.run(command, env={**spawner.env, "TIPCASE_HOME": home(folder)}, timeout=3600)  # raises unless it exits 0
    path.unlink()
    return {"longest_lock": lock.longest, "probe_wait": probe.longest, "wall": sample.wall, "cpu": sample.cpu, "peak": sample.peak}


def run(spawner: Spawner, folder: Path, sizes: tuple[tuple[int, int], ...] = ((500, 3), (10_000, 1))) -> bool:
    """Rows and interleaved pairs for each size; True when the targets hold at every size."""
    base = template(folder)
    ok = True
    print("each run a fresh process on a fresh copy of the database; the two sides interleaved, the order alternating;")
    print("longest write lock (watched from outside, every 2 ms): median over the runs; decision wait: the longest;")
    print("the process's wall, CPU (its own and its children's) and peak: medians")
    header = (
        f"{'rows':>7} {'':>30} {'runs':>4} {'longest write lock s':>21} {'longest decision wait s':>24} {'wall s':>8}"
        f" {'CPU s':>8} {'peak MiB':>9}"
    )
    print(header)
    for rows, pairs in sizes:
        roster = roster_file(folder, rows)
        results: dict[str, list[dict[str, float]]] = {"reference": [], "tipcase": []}
        for number in range(pairs):  # interleaved: both see the same machine; the order alternates each pair
            for kind in ("reference", "tipcase") if number % 2 == 0 else ("tipcase", "reference"):
                results[kind].append(measure(spawner, kind, base, folder, roster))
        for kind, label in (("reference", "reference: raw SQL (floor)"), ("tipcase", "tipcase cohorts import-roster")):
            lock = statistics.median(r["longest_lock"] for r in results[kind])
            wait = max(r["probe_wait"] for r in results[kind])
            wall = statistics.median(r["wall"] for r in results[kind])
            cpu = statistics.median(r["cpu"] for r in results[kind])
            peak = statistics.median(r["peak"] for r in results[kind])
            print(f"{rows:>7,} {label:>30} {pairs:>4} {lock:>21.3f} {wait:>24.3f} {wall:>8.1f} {cpu:>8.2f} {peak:>9.0f}")
        if pairs == 1:
            print(f"{'':>7} ({rows:,} rows: one run of each, not a median: hashing {rows:,} first passwords takes minutes)")
        ours_lock = statistics.median(r["longest_lock"] for r in results["tipcase"])
        ours_wait = max(r["probe_wait"] for r in results["tipcase"])
        ok = ok and ours_lock < 1.0 and ours_wait < 1.0
    print(f"target: the import holds the write lock under 1 s, and a decision meanwhile waits under 1 s: {'PASS' if ok else 'MISS'}")
    return ok


if __name__ == "__main__":  # python benchmarks/roster_import.py reference URL ROSTER (a fresh process from the spawner)
    if sys.argv[1:2] != ["reference"]:
        sys.exit("usage: python benchmarks/roster_import.py reference URL ROSTER")
    reference(sys.argv[2], sys.argv[3])
