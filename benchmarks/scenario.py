"""``make bench ONLY=scenario``: ``tipcase validate`` and ``tipcase analyze`` of large cases, as whole processes.

Baseline: the fastest plain way to read the same file, ``yaml.load(text, Loader=yaml.CSafeLoader)``
with the cyclic collector paused as TIPCase's reader pauses it (``benchmarks/plain_load.py``), in a
fresh process too. (Earlier figures took the baseline with the collector running, which costs about
three times the parse: the product looked faster than reading its own file.)

- Growth: generated cases of 1,000 and 10,000 stages (three choices a stage, scores on two
  competencies, one boolean read by conditions; about two states a stage). Targets: ``validate`` within
  2x the plain load at 10,000 stages, and near-linear (10x the stages within 15x the CPU: within 1.5x of
  proportional, as every growth target of ``make bench`` but the editor's is judged).
- One large loop: every stage in one strongly connected set (the last leads back to the first), 2,000
  and 20,000 stages, two booleans (four states a stage). ``tipcase analyze``; target: near-linear
  (10x the stages within 15x the CPU, 1.5x of proportional), where relaxing the loop round by round was quadratic.
- A 30,000-stage case with two booleans (119,995 states): analysed whole, no E011 (the old cap was an
  absolute 100,000 states).
- A 3,000-stage case with six independent booleans (64 combinations a stage, 191,679 states): over the
  default budget (100,000, or 32 a stage), so E011, which says how to raise it in the case; with the
  author's budget in the case (``analysis: {max_states: 250000}``, as the editor and publishing read it)
  ``tipcase analyze`` analyses it whole.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import big_scenario, long_case
from benchmarks.harness import PYTHON, TIPCASE, Figures, Spawner, verdict

HERE = Path(__file__).resolve().parent


def _plain(path: Path) -> list[str]:
    return [PYTHON, str(HERE / "plain_load.py"), str(path)]


def _row(label: str, kib: float, base: Figures, ours: Figures) -> str:
    return (
        f"{label:<34} {kib:>9,.0f} {base.cpu:>9.3f} ({base.wall:.2f}) {ours.cpu:>9.3f} ({ours.wall:.2f}) "
        f"{ours.cpu / base.cpu:>6.2f}x {base.peak:>7.0f} {ours.peak:>7.0f}"
    )


HEADER = f"{'case':<34} {'file KiB':>9} {'plain load s':>16} {'tipcase s':>16} {'ratio':>7} {'MiB':>7} {'MiB':>7}"


def bench(spawner: Spawner) -> bool:
    print("== large cases: tipcase validate / analyze vs a plain yaml.load (CSafeLoader, collector paused), whole processes ==")
    print("CPU seconds (wall in brackets), medians of interleaved rounds; peak memory plain / tipcase")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ok = _growth(spawner, folder)
        ok = _loop(spawner, folder) and ok
        ok = _long(spawner, folder) and ok
        return _six_booleans(spawner, folder) and ok


def _growth(spawner: Spawner, folder: Path) -> bool:
    print(f"-- growth: tipcase validate --\n{HEADER}")
    results: dict[int, tuple[Figures, Figures]] = {}
    for stages, rounds in ((1_000, 5), (10_000, 3)):
        path = folder / f"big-{stages}.yaml"
        path.write_text(big_scenario(stages), encoding="utf-8")
        figures = spawner.pairs({"plain": _plain(path), "ours": [TIPCASE, "validate", str(path)]}, rounds)
        results[stages] = (figures["plain"], figures["ours"])
        print(_row(f"{stages:,} stages", path.stat().st_size / 1024, *results[stages]))
    (base_small, small), (base, large) = results[1_000], results[10_000]
    ratio, growth = large.cpu / base.cpu, large.cpu / small.cpu
    ok_ratio, ok_linear = ratio <= 2.0, growth <= 15
    print(f"target: validate within 2x the plain load at 10,000 stages: {ratio:.2f}x  {verdict(ok_ratio)}")
    plain_growth = base.cpu / base_small.cpu
    print(
        f"target: near-linear (within 1.5x of proportional), 1,000 -> 10,000 stages within x15: x{growth:.1f} "
        f"(the plain load x{plain_growth:.1f})  {verdict(ok_linear)}"
    )
    return ok_ratio and ok_linear


def _loop(spawner: Spawner, folder: Path) -> bool:
    print(f"-- one large loop (two booleans, every state in one strongly connected set): tipcase analyze --\n{HEADER}")
    results: dict[int, Figures] = {}
    for stages, rounds in ((2_000, 5), (20_000, 3)):
        path = folder / f"loop-{stages}.yaml"
        path.write_text(long_case(stages, loop=True), encoding="utf-8")
        figures = spawner.pairs({"plain": _plain(path), "ours": [TIPCASE, "analyze", str(path)]}, rounds)
        results[stages] = figures["ours"]
        print(_row(f"{stages:,} stages in one loop", path.stat().st_size / 1024, figures["plain"], figures["ours"]))
    growth = results[20_000].cpu / results[2_000].cpu
    ok = growth <= 15
    print(f"target: near-linear (within 1.5x of proportional), 2,000 -> 20,000 stages within x15: x{growth:.1f}  {verdict(ok)}")
    return ok


def _long(spawner: Spawner, folder: Path) -> bool:
    path = folder / "long-30000.yaml"
    path.write_text(long_case(30_000), encoding="utf-8")
    report = folder / "analysis.json"
    figures = spawner.pairs({"plain": _plain(path), "ours": [TIPCASE, "analyze", "--json", str(path)]}, 3, stdout=report)
    states = json.loads(report.read_text(encoding="utf-8"))["states"]
    print(f"-- 30,000 stages, two booleans --\n{HEADER}")
    print(_row("30,000 stages, two booleans", path.stat().st_size / 1024, figures["plain"], figures["ours"]))
    ok = states == 1 + 2 + 4 * (30_000 - 2)
    print(f"target: analysed whole, no E011: {states:,} reachable states  {verdict(ok)}")
    return ok


def _six_booleans(spawner: Spawner, folder: Path, stages: int = 3_000) -> bool:
    path = folder / f"six-{stages}.yaml"
    path.write_text(long_case(stages, booleans=6), encoding="utf-8")
    budget = "250,000"
    budgeted = folder / f"six-{stages}-budget.yaml"  # the same case carrying its budget, as the editor and publishing read it
    budgeted.write_text(long_case(stages, booleans=6, header=f"analysis: {{max_states: {budget.replace(',', '')}}}"), encoding="utf-8")
    report = folder / "six.json"
    default = subprocess.run([TIPCASE, "analyze", str(path)], capture_output=True, text=True, check=False, env=spawner.env)  # not timed
    raise_it = "'analysis: {max_states: N}' at the top of the case"
    refused = default.returncode == 1 and " E011 over 100,000 reachable states" in default.stderr and raise_it in default.stderr
    figures = spawner.pairs({"plain": _plain(budgeted), "ours": [TIPCASE, "analyze", "--json", str(budgeted)]}, 3, stdout=report)
    states = json.loads(report.read_text(encoding="utf-8"))["states"]
    expected = (2**6 - 1) + 2**6 * (stages - 6)
    print(f"-- {stages:,} stages, six independent booleans (64 combinations a stage) --\n{HEADER}")
    print(_row(f"{stages:,} stages, max_states {budget}", budgeted.stat().st_size / 1024, figures["plain"], figures["ours"]))
    line = default.stderr.strip().partition(" E011 ")[2] or default.stderr.strip()[-300:]
    print(f"without 'analysis:', the default budget max(100,000, 32 x {stages:,}) = 100,000 states: exit {default.returncode}, E011 {line}")
    ok = refused and states == expected
    print(
        "target: refused with E011 saying how to raise the budget in the case, and analysed whole with "
        f"'analysis: {{max_states: {budget}}}' in it: {states:,} reachable states  {verdict(ok)}"
    )
    return ok


if __name__ == "__main__":
    with Spawner() as spawner:
        sys.exit(0 if bench(spawner) else 1)
