"""``make bench`` for the importers: ``tipcase import`` of stories of 1,000 to 8,000 passages, and of hostile files.

Every figure is one whole command as a trainer runs it (``tipcase import FILE -o OUT.yaml --force``),
each run a fresh process, timed (wall and CPU seconds) with its peak memory by a small launcher process
(so the bench's own memory is not counted, as it would be in a child forked off it), in interleaved pairs
with its baseline, medians of several pairs. The targets are judged on CPU seconds, which a machine
shared with other work inflates far less than wall time. Baselines:

- growth: ``benchmarks/plain_import.py``, the plainest script that turns the same file into YAML (split on
  headers, a regular expression for links, libyaml's emitter; no escapes, notes, checks or validation);
- hostile files: ``tipcase import`` of an ordinary story of the same size, since a hostile file should cost
  what any file of its size costs.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = (1_000, 2_000, 4_000, 8_000)
HERE = Path(__file__).resolve().parent
LAUNCHER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "elapsed = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(code, elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)\n"
)


def twee_story(passages: int) -> str:
    """A Twine story as trainers write them: a few lines a passage, two or three links on, a loop back now and then."""
    rnd = random.Random(passages)
    lines = [":: StoryTitle\nGrowth", ':: StoryData\n{"ifid": "6B5E8C3A-0000-4000-8000-000000000000", "format": "Harlowe", "start": "P0"}']
    for index in range(passages):
        ahead = [j for j in (index + 1, index + 2, index + rnd.randrange(3, 40)) if j < passages]
        if index % 10 == 9 and index < passages - 10:
            ahead.append(max(0, index - rnd.randrange(1, 9)))
        links = "\n".join(f"[[Option {k}: go to {j}->P{j}]]" for k, j in enumerate(ahead))
        tags = " [tense]" if index % 25 == 0 else ""
        position = f'{{"position":"{(index % 40) * 125},{(index // 40) * 125}","size":"100,100"}}'
        text = f"The officer meets person {index} at the port. ''She'' says she was promised work abroad.\nWhat now?"
        lines.append(f":: P{index}{tags} {position}\n{text}\n{links}")
    return "\n\n".join(lines) + "\n"


def h5p_content(items: int) -> str:
    """An H5P Branching Scenario's content.json: texts and questions in turn, scores, a loop back now and then."""
    rnd = random.Random(items)
    content = []
    for index in range(items):
        ahead = [j for j in (index + 1, index + rnd.randrange(2, 30)) if j < items] or [-1]
        if index % 2:
            alternatives = [
                {"text": f"<p>Choice {k}</p>", "nextContentId": j, "feedback": {"title": "Why", "endScreenScore": k}}
                for k, j in enumerate(ahead)
            ]
            if index % 10 == 9:
                alternatives.append({"text": "<p>Back</p>", "nextContentId": max(0, index - 5)})
            params = {"branchingQuestion": {"question": f"<p>What do you do at {index}?</p>", "alternatives": alternatives}}
            content.append({"type": {"library": "H5P.BranchingQuestion 1.0", "params": params}, "contentId": index})
        else:
            params = {"text": f"<p>The officer meets person {index}.</p><p>She was promised work abroad.</p>"}
            content.append({"type": {"library": "H5P.AdvancedText 1.1", "params": params}, "nextContentId": ahead[0]})
    scoring = {"scoringOptionGroup": {"scoringOption": "dynamic-score"}}
    return json.dumps({"branchingScenario": {"title": "Growth", "content": content, **scoring}}, indent=2)


def hostile_files(size: int) -> dict[str, str]:
    """Files of about ``size`` bytes built to make a parser backtrack or recurse, by the fault they once caused."""
    body = ":: Start\n"
    return {
        "unclosed [[ (one line)": body + "[[" * (size // 2),
        "unclosed [[ (short lines)": body + ("[[" * 50 + "\n") * (size // 101),
        "[[a] repeated": body + "[[a]" * (size // 4),
        "<a in Twine HTML": '<tw-storydata name="S"><tw-passagedata name="Start">' + "<a " * (size // 3),
        "<!-- in Twine HTML": '<tw-storydata name="S"><tw-passagedata name="Start">' + "<!--" * (size // 4),
        "nested StoryData": ":: StoryData\n" + "[" * size + "\n:: Start\nHello.\n",
    }


def _run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MiB of one fresh process running ``command``."""
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True, check=True).stdout.split()
    code, elapsed, cpu, peak = int(out[0]), float(out[1]), float(out[2]), float(out[3])
    assert code == 0, f"{command} exited {code}"
    return elapsed, cpu, peak


def _rounds(commands: dict[str, list[str]], runs: int, *, warm_up: bool = True) -> dict[str, tuple[float, float, float]]:
    """Medians of wall time, CPU time and peak memory of each command, run in interleaved rounds (the order
    alternating each round), after one unmeasured run of each when ``warm_up`` (the file cache holds what each reads)."""
    if warm_up:
        for command in commands.values():
            _run(command)
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for number in range(runs):
        for name in list(commands) if number % 2 == 0 else reversed(list(commands)):
            samples[name].append(_run(commands[name]))
    return {name: tuple(statistics.median(s[i] for s in runs_) for i in range(3)) for name, runs_ in samples.items()}  # type: ignore[misc]


def _tipcase() -> str:
    return str(Path(sys.executable).parent / "tipcase")


def growth(kind: str, folder: Path, runs: int) -> dict[int, dict[str, float]]:
    results = {}
    for size in SIZES:
        source = folder / (f"story-{size}.twee" if kind == "twee" else f"content-{size}.json")
        source.write_text(twee_story(size) if kind == "twee" else h5p_content(size), encoding="utf-8")
        ours = [_tipcase(), "import", str(source), "-o", str(folder / "ours.yaml"), "--force", "--quiet"]
        baseline = [sys.executable, str(HERE / "plain_import.py"), kind, str(source), str(folder / "plain.yaml")]
        # warmed up once, at the first size: then the file just written and both programs' libraries are in the cache
        measured = _rounds({"baseline": baseline, "ours": ours}, runs, warm_up=size == SIZES[0])
        results[size] = {
            "kib": source.stat().st_size / 1024,
            "ours_wall": measured["ours"][0],
            "ours_s": measured["ours"][1],
            "ours_mib": measured["ours"][2],
            "base_wall": measured["baseline"][0],
            "base_s": measured["baseline"][1],
            "base_mib": measured["baseline"][2],
        }
    return results


def print_growth(title: str, results: dict[int, dict[str, float]]) -> bool:
    """The table, and the target: near-linear, 1,000 more passages at 8,000 within 1.5x of their cost at 2,000."""
    print(f"-- {title} --")
    print("CPU seconds (wall in brackets), medians of interleaved pairs, each a fresh process")
    print(
        f"{'passages':>9} {'file KiB':>9} {'plain script s':>18} {'tipcase import s':>18} {'ratio':>6} "
        f"{'s per 1,000 more':>17} {'MiB plain':>10} {'MiB tipcase':>12}"
    )
    previous: tuple[int, float] | None = None
    marginal: list[float] = []
    for size, r in results.items():
        step = ""
        if previous is not None:
            marginal.append((r["ours_s"] - previous[1]) / (size - previous[0]) * 1000)
            step = f"{marginal[-1]:.2f}"
        previous = (size, r["ours_s"])
        plain, ours = f"{r['base_s']:.2f} ({r['base_wall']:.2f})", f"{r['ours_s']:.2f} ({r['ours_wall']:.2f})"
        print(
            f"{size:>9,} {r['kib']:>9,.0f} {plain:>18} {ours:>18} {r['ours_s'] / r['base_s']:>6.1f} "
            f"{step:>17} {r['base_mib']:>10.0f} {r['ours_mib']:>12.0f}"
        )
    growth_time = marginal[-1] / marginal[0]
    ok = growth_time <= 1.5
    verdict = "PASS" if ok else "MISS"
    print(
        f"target: near-linear (within 1.5x), the cost of 1,000 more passages at {SIZES[-1]:,} within 1.5x of it at {SIZES[1]:,}: "
        f"{growth_time:.2f}x  {verdict}"
    )
    return ok


def bench_importers(runs: int = 3) -> bool:
    print("\n== tipcase import: growth to 8,000 passages, and hostile files, each a fresh process ==")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ok = print_growth("Twine (Twee 3) story", growth("twee", folder, runs))
        ok = print_growth("H5P Branching Scenario content.json", growth("h5p", folder, runs)) and ok
        return hostile(folder, runs) and ok


def hostile(folder: Path, runs: int, size: int = 400_000) -> bool:
    print(f"-- hostile files of {size // 1000} KB against an ordinary story of about the same size --")
    ordinary = folder / "ordinary.twee"
    passages = size * 1_000 // len(twee_story(1_000))  # about 240 bytes a passage
    ordinary.write_text(twee_story(passages), encoding="utf-8")
    commands = {"ordinary": [_tipcase(), "import", str(ordinary), "-o", str(folder / "ordinary.yaml"), "--force", "--quiet"]}
    for number, (label, content) in enumerate(hostile_files(size).items()):
        source = folder / (f"hostile-{number}.html" if "HTML" in label else f"hostile-{number}.twee")
        source.write_text(content, encoding="utf-8")
        commands[label] = [_tipcase(), "import", str(source), "-o", str(folder / "hostile.yaml"), "--force", "--quiet"]
    measured = _rounds(commands, runs)  # the ordinary story once a round, beside every hostile file (not once for each)
    ordinary_cpu = measured.pop("ordinary")
    ordinary_s = f"{ordinary_cpu[1]:.2f} ({ordinary_cpu[0]:.2f})"
    ok = True
    print(f"medians of {runs} interleaved rounds of the ordinary story and every hostile file, each a fresh process")
    print(f"{'file (CPU seconds, wall in brackets)':<38} {'ordinary story s':>17} {'hostile s':>14} {'ratio':>6}")
    for label, figures in measured.items():
        ratio = figures[1] / ordinary_cpu[1]
        ok = ok and ratio <= 2.0
        print(f"{label:<38} {ordinary_s:>17} {f'{figures[1]:.2f} ({figures[0]:.2f})':>14} {ratio:>6.2f}")
    print(f"target: no hostile file costs more than 2x an ordinary story of its size  {'PASS' if ok else 'MISS'}")
    return ok


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(0 if bench_importers(int(sys.argv[1]) if len(sys.argv) > 1 else 3) else 1)
