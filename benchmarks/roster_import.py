"""How long a roster import holds SQLite's write lock, and how long a trainee's decision waits meanwhile.

``python benchmarks/roster_import.py child URL ROSTER`` is what each measured run executes, in a
fresh process started by the benchmarks' spawner (``benchmarks/harness.py``, which reads its CPU time and
peak memory): ``tipcase cohorts import-roster COHORT ROSTER --yes`` as a user types it, with two
probes added: the time from each ``BEGIN IMMEDIATE`` (the write lock taken) to the end of its COMMIT,
and the command's wall time. The new accounts' generated first passwords are hashed at the cost the
command uses for them (``tipcase.services.passwords``: OWASP's argon2id minimum, 19 MiB and 2 passes),
outside the write lock.

``... baseline URL ROSTER`` is the fair floor: the same accounts and memberships inserted by two raw
``executemany`` statements in one transaction, in a fresh process.

While either runs, the benchmark's own process writes like a trainee deciding (a one-row update in
its own transaction every 20 ms) and keeps the longest wait.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, default

if TYPE_CHECKING:  # the measured child imports none of the benchmark's harness
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
    from benchmarks.harness import tipcase_home  # noqa: PLC0415 - the measured child imports none of the harness

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


def _watch_write_locks() -> list[float]:
    """Seconds from each BEGIN IMMEDIATE to the end of its COMMIT or ROLLBACK, on every engine of this process."""
    spans: list[float] = []
    began: dict[int, float] = {}

    @event.listens_for(Engine, "after_cursor_execute")
    def after(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            began[id(cursor.connection)] = time.perf_counter()

    for name in ("do_commit", "do_rollback"):
        original = getattr(default.DefaultDialect, name)

        def ended(self: Any, dbapi_connection: Any, original: Any = original) -> None:
            original(self, dbapi_connection)
            start = began.pop(id(getattr(dbapi_connection, "dbapi_connection", dbapi_connection)), None)  # under the pool's proxy
            if start is not None:
                spans.append(time.perf_counter() - start)

        setattr(default.DefaultDialect, name, ended)
    return spans


def child(url: str, roster: str) -> None:
    spans = _watch_write_locks()
    from tipcase.cli import main  # noqa: PLC0415

    start = time.perf_counter()
    out = Path(roster).with_suffix(".passwords.csv")
    out.unlink(missing_ok=True)
    with open(os.devnull, "w") as quiet:
        sys.stdout, sys.stderr, saved = quiet, quiet, (sys.stdout, sys.stderr)
        try:
            code = main(["--database", url, "cohorts", "import-roster", COHORT, roster, "--yes", "--passwords", str(out)])
        finally:
            sys.stdout, sys.stderr = saved
    print(json.dumps({"code": code, "longest_lock": max(spans), "wall": time.perf_counter() - start}))


def baseline(url: str, roster: str) -> None:
    spans = _watch_write_locks()
    rows = Path(roster).read_text(encoding="utf-8").splitlines()[1:]
    db = Database(url)
    start = time.perf_counter()
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
    print(json.dumps({"code": 0, "longest_lock": max(spans), "wall": time.perf_counter() - start}))


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
    """One run as a fresh process from the spawner (its CPU and peak memory) on a fresh copy of the template.

    A decision probe writes alongside it in this process.
    """
    path = folder / f"{kind}-{time.monotonic_ns()}.sqlite3"
    shutil.copy(base, path)
    url = f"sqlite:///{path}"
    out = folder / f"{kind}.json"
    command = [sys.executable, str(Path(__file__).resolve()), kind, url, str(roster)]
    with DecisionProbe(url) as probe:
        sample = spawner.run(command, stdout=out, env={**spawner.env, "TIPCASE_HOME": home(folder)}, timeout=3600)
    figures: dict[str, float] = json.loads(out.read_text(encoding="utf-8").strip().splitlines()[-1])
    if figures["code"] != 0:  # a refused import holds the lock for nothing: its figures would flatter
        raise RuntimeError(f"{kind}: tipcase cohorts import-roster exited {figures['code']:.0f}")
    figures["probe_wait"] = probe.longest
    figures["peak"] = sample.peak
    figures["cpu"] = sample.cpu
    path.unlink()
    return figures


def run(spawner: Spawner, folder: Path, sizes: tuple[tuple[int, int], ...] = ((500, 3), (10_000, 1))) -> bool:
    """Rows and interleaved pairs for each size; True when the targets hold at every size."""
    base = template(folder)
    ok = True
    print("each run a fresh process on a fresh copy of the database; the two sides interleaved, the order alternating;")
    print("longest write lock: median over the runs; decision wait: the longest; wall, CPU (its own and its children's), peak: medians")
    header = (
        f"{'rows':>7} {'':>10} {'runs':>4} {'longest write lock s':>21} {'longest decision wait s':>24} {'import wall s':>14}"
        f" {'CPU s':>8} {'peak MiB':>9}"
    )
    print(header)
    for rows, pairs in sizes:
        roster = roster_file(folder, rows)
        results: dict[str, list[dict[str, float]]] = {"baseline": [], "child": []}
        for number in range(pairs):  # interleaved: both see the same machine; the order alternates each pair
            for kind in ("baseline", "child") if number % 2 == 0 else ("child", "baseline"):
                results[kind].append(measure(spawner, kind, base, folder, roster))
        for kind, label in (("baseline", "raw SQL"), ("child", "tipcase")):
            lock = statistics.median(r["longest_lock"] for r in results[kind])
            wait = max(r["probe_wait"] for r in results[kind])
            wall = statistics.median(r["wall"] for r in results[kind])
            cpu = statistics.median(r["cpu"] for r in results[kind])
            peak = statistics.median(r["peak"] for r in results[kind])
            print(f"{rows:>7,} {label:>10} {pairs:>4} {lock:>21.3f} {wait:>24.3f} {wall:>14.1f} {cpu:>8.2f} {peak:>9.0f}")
        ours_lock = statistics.median(r["longest_lock"] for r in results["child"])
        ours_wait = max(r["probe_wait"] for r in results["child"])
        ok = ok and ours_lock < 1.0 and ours_wait < 1.0
    print(f"target: the import holds the write lock under 1 s, and a decision meanwhile waits under 1 s: {'PASS' if ok else 'MISS'}")
    return ok


if __name__ == "__main__":
    if sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "baseline":
        baseline(sys.argv[2], sys.argv[3])
