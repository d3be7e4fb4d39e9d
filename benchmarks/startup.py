"""``make bench ONLY=startup``: the desktop app's start, to its first window and to a sign-in that could complete.

Three commands, each a fresh process (offscreen), in interleaved rounds:

- baseline: ``benchmarks/bare_window.py``, a bare PySide6 window of the app's size with a menu bar and
  a status bar, that shows, lets the event loop go idle once and quits;
- ``tipcase --quit-after-first-window``: the app's first window (the sign-in page), the same way;
- ``tipcase --quit-after-start``: the app until a sign-in could complete (the records open on the
  workstation's home database made by ``tipcase demo``, their schema checked, the sign-in service loaded).

Targets (issue 15): the first window within 1.5x the bare window; the sign-in ready within 3x, at most
2x its peak memory.

Two reference commands show what any sign-in through SQLAlchemy's ORM starts from: ``python -c pass``
and ``python -c "import sqlalchemy.orm"``. The first window plus what the second adds to the first is the
floor of a sign-in that reads accounts through the ORM, before any of TIPCase's records code runs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.harness import PYTHON, TIPCASE, Figures, Spawner, verdict

HERE = Path(__file__).resolve().parent
ROUNDS = 15


def bench(spawner: Spawner, rounds: int = ROUNDS) -> bool:
    print("== start-up (offscreen): the app's first window, and a sign-in that could complete, vs a bare PySide6 window ==")
    with tempfile.TemporaryDirectory() as home:
        env = {**spawner.env, "TIPCASE_HOME": home}
        spawner.run([TIPCASE, "demo"], env=env)  # an up-to-date database with accounts, as on a workstation
        commands = {
            "baseline: bare PySide6 window": [PYTHON, str(HERE / "bare_window.py")],
            "tipcase --quit-after-first-window": [TIPCASE, "--quit-after-first-window"],
            "tipcase --quit-after-start (sign-in ready)": [TIPCASE, "--quit-after-start"],
            "reference: python -c pass": [PYTHON, "-c", "pass"],
            "reference: python -c 'import sqlalchemy.orm'": [PYTHON, "-c", "import sqlalchemy.orm"],
        }
        figures = spawner.pairs(commands, rounds, env=env)
    return report(figures)


def report(figures: dict[str, Figures]) -> bool:
    bare, first, ready, python, orm = figures.values()
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
    floor_cpu, floor_peak = first.cpu + orm.cpu - python.cpu, first.peak + orm.peak - python.peak
    print(
        f"the floor of a sign-in through SQLAlchemy's ORM (the first window + what importing sqlalchemy.orm adds to python): "
        f"{floor_cpu:.3f} s CPU ({floor_cpu / bare.cpu:.2f}x), {floor_peak:.0f} MiB ({floor_peak / bare.peak:.2f}x)"
    )
    return ok_first and ok_ready


if __name__ == "__main__":
    with Spawner() as spawner:
        sys.exit(0 if bench(spawner, int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS) else 1)
