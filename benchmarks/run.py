"""``make bench``: every speed and memory target, measured side by side against its baseline in one run.

``python benchmarks/run.py [NAME ...]`` (``make bench ONLY="cli startup"``) runs the named benchmarks,
all of them by default, in the order of ``BENCHMARKS``. Each prints a table of figures with its baseline
and its targets (PASS or MISS); a benchmark that fails to run to its end prints its traceback and counts
as CRASH, and the others still run. The run begins with one line naming what was measured and where
(``run_header``: the commit, whether the work tree had uncommitted changes, the date in UTC, the CPU count,
the Python and PySide6 versions), ends with one line per benchmark, and exits 1 unless every target holds.

How the figures are taken (``benchmarks/harness.py``): each command is a fresh process started by a
small spawner made before anything large is loaded, so each peak memory is the process's own; ours and
the baseline run in interleaved rounds and each figure is a median.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import Spawner, precompile, print_calibration  # small: the spawner starts before anything large loads


def _cli(spawner: Spawner) -> bool:
    from benchmarks import cli  # noqa: PLC0415 - each benchmark loads what it needs once the spawner runs

    return cli.bench(spawner)


def _startup(spawner: Spawner) -> bool:
    from benchmarks import startup  # noqa: PLC0415

    return startup.bench(spawner)


def _scenario(spawner: Spawner) -> bool:
    from benchmarks import scenario  # noqa: PLC0415

    return scenario.bench(spawner)


def _cohort_report(spawner: Spawner) -> bool:
    from benchmarks import records  # noqa: PLC0415

    return records.bench(spawner)


def _issue_dialog(spawner: Spawner) -> bool:
    from benchmarks import issue_dialog  # noqa: PLC0415

    return issue_dialog.bench(spawner)


def _editor(spawner: Spawner) -> bool:
    from benchmarks.editor import bench_editor  # noqa: PLC0415

    return bench_editor(spawner)


def _certificates(spawner: Spawner) -> bool:
    from benchmarks import certificates  # noqa: PLC0415

    return certificates.bench_printing(spawner)


def _verification(spawner: Spawner) -> bool:
    from benchmarks import certificates  # noqa: PLC0415

    return certificates.bench_verification(spawner)


def _importers(_spawner: Spawner) -> bool:
    from benchmarks.importers import bench_importers  # noqa: PLC0415

    return bench_importers()


def _audit(spawner: Spawner) -> bool:
    from benchmarks.audit import bench_audit  # noqa: PLC0415

    return bench_audit(spawner)


def _roster(spawner: Spawner) -> bool:
    from benchmarks import roster_import  # noqa: PLC0415

    print("== roster import (SQLite, tipcase cohorts import-roster): the longest write lock, and a trainee's decision meanwhile ==")
    with tempfile.TemporaryDirectory() as folder:
        return roster_import.run(spawner, Path(folder))


def _decisions(spawner: Spawner) -> bool:
    from benchmarks.harness import PYTHON, REPO  # noqa: PLC0415

    print("== a decision along a 1,000-stage attempt (SQLite, committed each): the kept play vs replaying the route first (reference) ==")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "decisions.txt"
        command = [PYTHON, "-m", "benchmarks.decisions", folder]
        env = {**spawner.env, "PYTHONPATH": str(REPO)}
        sample = spawner.run(command, stdout=out, env=env, expect=None, timeout=3600)
        print(out.read_text(encoding="utf-8"), end="")
    print(f"one fresh process played every attempt: {sample.cpu:.1f} s of CPU, peak memory {sample.peak:.0f} MiB")
    if sample.code not in (0, 1):
        raise RuntimeError(f"python -m benchmarks.decisions exited {sample.code}")
    return sample.code == 0


def _handovers(_spawner: Spawner) -> bool:
    import subprocess  # noqa: PLC0415

    from benchmarks.handovers import bench_handovers  # noqa: PLC0415
    from tests.pgserver import start_server  # noqa: PLC0415 - the tests' real PostgreSQL server

    try:
        server = start_server()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        print(f"(PostgreSQL not measured: {exc})")
        return bench_handovers(None)
    try:
        return bench_handovers(server.create_database)
    finally:
        server.stop()


BENCHMARKS = {
    "calibration": print_calibration,
    "cli": _cli,
    "startup": _startup,
    "scenario": _scenario,
    "cohort_report": _cohort_report,
    "issue_dialog": _issue_dialog,
    "editor": _editor,
    "certificates": _certificates,
    "verification": _verification,
    "importers": _importers,
    "audit": _audit,
    "roster": _roster,
    "decisions": _decisions,
    "handovers": _handovers,
}


LAST_RUN = "benchmarks/last-run.txt"  # where a whole run's output is kept: written while the run starts, so not a change


def _git(repo: Path, *args: str) -> str | None:
    """``git -C repo ARGS``'s output, or None without git or outside a repository (a tarball)."""
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def run_header(repo: Path) -> str:
    """One line saying what was measured, and where: the first line ``make bench`` prints.

    The commit (``git rev-parse --short HEAD``; "commit: unknown" without git or a repository, as from a
    tarball), whether the work tree has uncommitted changes (``git status --porcelain``: untracked files
    count, ``LAST_RUN`` does not), the date and time in UTC, the machine's CPU count (``os.cpu_count``),
    and the Python and PySide6 versions (PySide6's from its installed metadata, without importing it).
    """
    from importlib import metadata  # noqa: PLC0415 - only here

    head = _git(repo, "rev-parse", "--short", "HEAD")
    status = _git(repo, "status", "--porcelain", "--", ".", f":(exclude){LAST_RUN}")
    if head is None or status is None:
        commit = "commit: unknown"
    else:
        changed = len(status.splitlines())
        paths = f"{changed} path" if changed == 1 else f"{changed} paths"
        commit = f"commit {head.strip()}, " + (f"with uncommitted changes ({paths})" if changed else "no uncommitted changes")
    try:
        pyside = metadata.version("PySide6")
    except metadata.PackageNotFoundError:
        pyside = "not installed"
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{commit}; {date}; {os.cpu_count()} CPUs; Python {platform.python_version()}, PySide6 {pyside}"


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"no benchmark {', '.join(unknown)}; there are: {' '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    print(run_header(Path(__file__).resolve().parent.parent), flush=True)
    outcomes: dict[str, str] = {}
    took: dict[str, tuple[float, float, float]] = {}
    precompile()
    # no section writes into a real TIPCASE_HOME (sections may set their own)
    home = tempfile.TemporaryDirectory(prefix="tipcase-bench-home-")
    os.environ["TIPCASE_HOME"] = home.name
    with home, Spawner() as spawner:
        for name in names or list(BENCHMARKS):
            print(f"\n######## {name}", flush=True)
            began, cpu_began = time.perf_counter(), cpu_so_far(spawner)
            try:
                outcomes[name] = "PASS" if BENCHMARKS[name](spawner) else "MISS"
            except Exception:  # noqa: BLE001 - a benchmark that breaks is reported, and the others still run
                traceback.print_exc(file=sys.stdout)
                outcomes[name] = "CRASH"
            took[name] = (time.perf_counter() - began, cpu_so_far(spawner) - cpu_began, os.getloadavg()[0])
            print(f"({name}: {took[name][0]:.0f} s, {took[name][1]:.0f} s of CPU)", flush=True)
    print("\n######## summary (wall and CPU minutes of each section; the load average at its end)")
    for name, outcome in outcomes.items():
        wall, cpu, load = took[name]
        print(f"{name:<16} {outcome:<6} {wall / 60:>6.1f} min {cpu / 60:>6.1f} min CPU   load {load:.1f}")
    wall, cpu = sum(t[0] for t in took.values()), sum(t[1] for t in took.values())
    print(f"{'all':<16} {'':<6} {wall / 60:>6.1f} min {cpu / 60:>6.1f} min CPU")
    return 0 if all(outcome == "PASS" for outcome in outcomes.values()) else 1


def cpu_so_far(spawner: Spawner) -> float:
    """CPU seconds used so far by this process, every child it has waited for, and the spawner's commands.

    A section's difference is what it cost the machine: on an idle machine whose cores it has to itself, a
    section that runs one thing at a time takes about that long (plus what it sleeps: typing, disk waits).
    """
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + spawner.cpu_of_children()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
