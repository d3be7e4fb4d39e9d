"""``make bench ONLY=startup``: the desktop app's start, to its first window and to a sign-in that could complete.

Three commands, each a fresh process (offscreen), in interleaved rounds:

- baseline: ``benchmarks/bare_window.py --exit-now``, a bare PySide6 window of the app's size with a menu
  bar and a status bar, that shows, lets the event loop go idle once and quits, ended as ``tipcase`` ends
  (a flush and ``os._exit``: neither Python's teardown of the modules nor PySide6's exit handler, which
  deletes every Qt object one by one; ``tipcase`` runs its own exit handlers first, the log's and
  temporary folders', ``ui.launcher.exit_now``, which a bare window does not have): like for like, since
  the app skips that teardown by design and the first window is not its exit;
- ``tipcase --quit-after-first-window``: the app's first window (the sign-in page), the same way;
- ``tipcase --quit-after-start``: the app until a sign-in could complete (the records open on the
  workstation's home database made by ``tipcase demo``, their schema checked, the sign-in service loaded:
  ``tipcase.services.signing_in``, which reads and writes through SQLAlchemy's core, without the ORM);
- ``tipcase --quit-after-preload``: the whole of a start left at the sign-in page, until the worker that
  loads what the pages after the sign-in read with (the ORM, the models, ``tipcase.services.desktop``) has
  finished too: what every real start runs while the person types (``ui.records_start``).

Targets (issue 15): the first window within 1.5x the bare window; the sign-in ready within 3x, at most
2x its peak memory; the start with its preload done at most 2x the bare window's peak memory too (its
CPU is printed: nobody waits for it). And typing must not stall while the records open and the preload
runs (issue 15: "open the database off the UI thread while the person types"): ``benchmarks/startup_stall.py``
types into the sign-in page every 60 ms through the same start and records the longest gap of the event
loop, judged on the CPU the process spent inside it against the editor's target for a stall while
typing, under 50 ms (``benchmarks/editor.py``). It runs ``ui.app.main`` in its own process, not through
``ui.launcher`` (the ``tipcase`` console script), so its imports run with the collector on and are not
frozen (its collector has more to scan than the console script's, not less), and it does not end through
``exit_now``. Its keys are typed by a timer of the same event loop, so a stall delays a key
rather than losing it; what the count checks is that every key reached one of the two sign-in fields
(the focus never went elsewhere).

Reference commands: the bare window ended by Python's own teardown (about 0.01 to 0.03 s of CPU more; the
baseline until a reviewer pointed out that it charged the baseline for an exit the app skips), and what
any sign-in through SQLAlchemy starts from:
``python -c pass``, ``python -c "import sqlalchemy"`` (the core: engine, SQL expressions) and ``python -c
"import sqlalchemy.orm"``. The first window plus what the core adds to a bare Python is near the floor of
a sign-in that reads accounts through SQLAlchemy at all (above it: in the app, Qt's start has already
loaded some of the modules SQLAlchemy imports); with the ORM's addition, near that of one through the ORM.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.harness import PYTHON, TIPCASE, Figures, Spawner, verdict

HERE = Path(__file__).resolve().parent
ROUNDS = 15
STALL_RUNS = 7  # the typing probe, each a fresh process (about 0.6 s)
STALL_TARGET_S = 0.05  # CPU inside the longest gap of the event loop while typing: the editor's target (benchmarks/editor.py)


def bench(spawner: Spawner, rounds: int = ROUNDS) -> bool:
    print("== start-up (offscreen): the app's first window, and a sign-in that could complete, vs a bare PySide6 window ==")
    with tempfile.TemporaryDirectory() as home:
        env = {**spawner.env, "TIPCASE_HOME": home}
        spawner.run([TIPCASE, "demo"], env=env)  # an up-to-date database with accounts, as on a workstation
        commands = {
            BARE: [PYTHON, str(HERE / "bare_window.py"), "--exit-now"],
            FIRST: [TIPCASE, "--quit-after-first-window"],
            READY: [TIPCASE, "--quit-after-start"],
            PRELOADED: [TIPCASE, "--quit-after-preload"],
            BARE_TEARDOWN: [PYTHON, str(HERE / "bare_window.py")],
            PASS: [PYTHON, "-c", "pass"],
            CORE: [PYTHON, "-c", "import sqlalchemy"],
            ORM: [PYTHON, "-c", "import sqlalchemy.orm"],
        }
        figures = spawner.pairs(commands, rounds, env=env)
        stalls = typing_stalls(spawner, env, Path(home))
    return report(figures, stalls)


def typing_stalls(spawner: Spawner, env: dict[str, str], home: Path, runs: int = STALL_RUNS) -> list[dict[str, float]]:
    """``benchmarks/startup_stall.py`` run ``runs`` times, each a fresh process: its figures (the longest gap while typing)."""
    out = home / "stall.json"
    found = []
    for _ in range(runs):
        spawner.run([PYTHON, str(HERE / "startup_stall.py")], env=env, stdout=out)
        found.append(json.loads(out.read_text(encoding="utf-8").strip().splitlines()[-1]))
    return found


BARE = "baseline: bare PySide6 window, no teardown"
FIRST = "tipcase --quit-after-first-window"
READY = "tipcase --quit-after-start (sign-in ready)"
PRELOADED = "tipcase --quit-after-preload (preload done)"
BARE_TEARDOWN = "reference: bare window, Python's teardown"
PASS = "reference: python -c pass"
CORE = "reference: python -c 'import sqlalchemy'"
ORM = "reference: python -c 'import sqlalchemy.orm'"


def report(figures: dict[str, Figures], stalls: list[dict[str, float]]) -> bool:
    bare, first, ready, python = figures[BARE], figures[FIRST], figures[READY], figures[PASS]
    preloaded = figures[PRELOADED]
    print(f"medians of {bare.runs} interleaved rounds, each a fresh process")
    print(f"{'':<44} {'CPU s':>7} {'wall s':>7} {'peak MiB':>9} {'CPU ratio':>10} {'wall ratio':>11} {'memory ratio':>13}")
    for name, f in figures.items():
        print(
            f"{name:<44} {f.cpu:>7.3f} {f.wall:>7.3f} {f.peak:>9.1f} {f.cpu / bare.cpu:>9.2f}x {f.wall / bare.wall:>10.2f}x "
            f"{f.peak / bare.peak:>12.2f}x"
        )
    ok_first = first.cpu / bare.cpu <= 1.5
    ok_ready = ready.cpu / bare.cpu <= 3.0 and ready.peak / bare.peak <= 2.0
    print(f"target: the first window within 1.5x the bare window's CPU: {first.cpu / bare.cpu:.2f}x  {verdict(ok_first)}")
    print(
        f"target: a sign-in ready within 3x its CPU ({ready.cpu / bare.cpu:.2f}x) and 2x its peak memory "
        f"({ready.peak / bare.peak:.2f}x)  {verdict(ok_ready)}"
    )
    ok_preloaded = preloaded.peak / bare.peak <= 2.0
    print(
        f"target: the start with its preload done (the ORM, the models, the pages' services: what every start loads while the "
        f"person types) at most 2x its peak memory: {preloaded.peak / bare.peak:.2f}x  {verdict(ok_preloaded)} "
        f"(its CPU {preloaded.cpu / bare.cpu:.2f}x, {preloaded.cpu - ready.cpu:.3f} s after the sign-in is ready)"
    )
    stall_cpu = statistics.median(each["stall_cpu_s"] for each in stalls)
    stall_wall = statistics.median(each["stall_s"] for each in stalls)
    lost = sum(each["keys"] - each["typed"] for each in stalls)
    ok_stall = stall_cpu < STALL_TARGET_S and lost == 0
    print(
        f"target: typing into the sign-in page every 60 ms from the first paint until the preload is done, the longest gap of "
        f"the event loop under {STALL_TARGET_S * 1000:.0f} ms of CPU: {stall_cpu * 1000:.1f} ms ({stall_wall * 1000:.1f} ms wall; "
        f"medians of {len(stalls)} runs, the worst {max(each['stall_cpu_s'] for each in stalls) * 1000:.1f} ms of CPU; "
        f"{sum(each['keys'] for each in stalls)} keys typed, {lost} not into the two sign-in fields)  {verdict(ok_stall)}"
    )
    print(
        f"reference: the first window against the bare window ended by Python's teardown (the baseline until 30 November "
        f"2026): {first.cpu / figures[BARE_TEARDOWN].cpu:.2f}x; the sign-in ready: {ready.cpu / figures[BARE_TEARDOWN].cpu:.2f}x"
    )
    for what, name in (("SQLAlchemy's core", CORE), ("SQLAlchemy's ORM", ORM)):
        floor_cpu, floor_peak = first.cpu + figures[name].cpu - python.cpu, first.peak + figures[name].peak - python.peak
        print(
            f"the first window + what importing {what} adds to a bare python: {floor_cpu:.3f} s CPU ({floor_cpu / bare.cpu:.2f}x), "
            f"{floor_peak:.0f} MiB ({floor_peak / bare.peak:.2f}x) (more than in the app, where Qt's start has loaded part of it)"
        )
    return ok_first and ok_ready and ok_preloaded and ok_stall


if __name__ == "__main__":
    with Spawner() as spawner:
        sys.exit(0 if bench(spawner, int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS) else 1)
