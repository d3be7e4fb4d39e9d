"""``make bench ONLY=cli``: the command line's own cost, as whole processes.

``tipcase validate`` and ``tipcase analyze`` of a bundled case (and ``tipcase --help``) against the
baseline ``python -c "import yaml, networkx"``: the two libraries a scenario tool needs, loaded and
nothing done. Target (issue 15): each within 1.5x the baseline's CPU. The modules each loads are
counted too (before the lazy command table, ``validate`` loaded 1,018 modules and 0.65 s of imports).
"""

from __future__ import annotations

import subprocess
import sys

from benchmarks.harness import PYTHON, TIPCASE, Spawner, verdict
from tipcase.bundled import bundled_dir

ROUNDS = 11
BASELINE_COUNT = ([PYTHON, "-c", "import sys, yaml, networkx; print(len(sys.modules))"],)


def baseline_modules() -> int:
    return int(subprocess.run(*BASELINE_COUNT, capture_output=True, text=True, check=True).stdout)


def modules_loaded(args: list[str]) -> int:
    """How many modules a command has loaded when it ends (the baseline: by its own import)."""
    code = "import sys\nfrom tipcase.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    code += "print(len(sys.modules), file=sys.stderr)"
    done = subprocess.run([PYTHON, "-c", code, *args], capture_output=True, text=True, check=False)
    return int(done.stderr.strip().splitlines()[-1])


def bench(spawner: Spawner, rounds: int = ROUNDS) -> bool:
    print("== the command line: tipcase validate and analyze of a bundled case vs python -c 'import yaml, networkx' ==")
    case = str(bundled_dir() / "scam-compound-return.yaml")
    commands = {
        "baseline: python -c 'import yaml, networkx'": [PYTHON, "-c", "import yaml, networkx"],
        "tipcase validate scam-compound-return.yaml": [TIPCASE, "validate", case],
        "tipcase analyze scam-compound-return.yaml": [TIPCASE, "analyze", case],
        "tipcase --help": [TIPCASE, "--help"],
    }
    loaded = {
        "baseline: python -c 'import yaml, networkx'": baseline_modules(),
        "tipcase validate scam-compound-return.yaml": modules_loaded(["validate", case]),
        "tipcase analyze scam-compound-return.yaml": modules_loaded(["analyze", case]),
        "tipcase --help": modules_loaded(["--help"]),
    }
    figures = spawner.pairs(commands, rounds)
    base = figures["baseline: python -c 'import yaml, networkx'"]
    print(f"medians of {base.runs} interleaved rounds, each a fresh process")
    print(f"{'':<44} {'CPU s':>7} {'wall s':>7} {'peak MiB':>9} {'modules':>8} {'CPU ratio':>10} {'wall ratio':>11}")
    for name, f in figures.items():
        ratios = f"{f.cpu / base.cpu:>9.2f}x {f.wall / base.wall:>10.2f}x"
        print(f"{name:<44} {f.cpu:>7.3f} {f.wall:>7.3f} {f.peak:>9.1f} {loaded[name]:>8} {ratios}")
    ok = True
    for name in ("tipcase validate scam-compound-return.yaml", "tipcase analyze scam-compound-return.yaml"):
        ratio = figures[name].cpu / base.cpu
        ok = ok and ratio <= 1.5
        print(f"target: {name.split(' scam')[0]} within 1.5x the baseline's CPU: {ratio:.2f}x  {verdict(ratio <= 1.5)}")
    return ok


if __name__ == "__main__":
    with Spawner() as spawner:
        sys.exit(0 if bench(spawner) else 1)
