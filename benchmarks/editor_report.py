"""The editor's section of ``make bench``: spawns the measures of ``benchmarks.editor`` and
``benchmarks.editor_actions`` in fresh processes, ours and the baseline in interleaved pairs, and prints the
tables and targets the README shows (see ``bench_editor``).
"""

from __future__ import annotations

import json
import statistics
import tempfile
from pathlib import Path

from benchmarks.editor import SIZES, STALL_SIZES, STRUCTURAL, STRUCTURAL_NAMES, STRUCTURAL_ROUNDS, case_file
from benchmarks.harness import PYTHON, Spawner, verdict

HERE = Path(__file__).resolve().parent
ACTION_SIZES = (1_000, 5_000)  # opening, selecting, arranging and saving: at the targets' sizes
MEMORY_LIMIT_MIB = 1024  # the GUI and checker processes together at 5,000 stages: a 4 GiB workstation keeps room for the rest
OPEN_RATIO = 2.0  # opening within 2x of reading, laying out and drawing the same case with bare Qt, PyYAML and igraph
ARRANGE_RATIO = 3.0  # arranging (an undoable edit of every stage's place) within 3x of the same layout and moves bare


def _measure(spawner: Spawner, what: str, stages: int, cases: Path) -> dict[str, float]:
    """One fresh process measuring ``what`` at ``stages``: its JSON, with the process's own peak MiB (``peak_mib``)."""
    out = cases / f"{what}-{stages}.json"
    environment = {**spawner.env, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"}
    script = HERE / ("editor_actions.py" if what in ("actions", "bare-actions") else "editor.py")
    sample = spawner.run([PYTHON, str(script), what, str(stages), str(cases)], env=environment, stdout=out, timeout=1800)
    result: dict[str, float] = json.loads(out.read_text(encoding="utf-8").strip().splitlines()[-1])
    return {**result, "peak_mib": sample.peak}


def _pairs(spawner: Spawner, ours: str, baseline: str, stages: int, *, runs: int, cases: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Medians of ``runs`` interleaved pairs (the order alternating), each run a fresh process."""
    measured: dict[str, list[dict[str, float]]] = {ours: [], baseline: []}
    for number in range(runs):
        for what in (ours, baseline) if number % 2 == 0 else (baseline, ours):
            measured[what].append(_measure(spawner, what, stages, cases))

    def medians(results: list[dict[str, float]]) -> dict[str, float]:
        return {key: statistics.median(result[key] for result in results) for key in results[0]}

    return medians(measured[ours]), medians(measured[baseline])


def bench_editor(spawner: Spawner, runs: int = 3) -> bool:
    """Print the editor's tables (ours and the bare-Qt baselines at each size in ``SIZES``) and its targets; True if all hold.

    An edit, structural or not, and its undo are judged on the **CPU time of the GUI thread**
    (``time.thread_time``) from the command until the window has repainted and the event loop's next pass has
    run: on a shared machine their wall time of a few milliseconds is mostly the scheduler's, and the growth,
    a ratio of two such times, cannot tell the editor's work from the neighbours'. The wall time is printed
    beside. So is the GUI thread's share of each check (``CheckerAnswers``). A stall, a gap of the event loop
    while typing (the autosave written meanwhile), is judged on the CPU the process spent inside its longest
    gap (``typing_stall``), its wall time beside. Peak memory: each process's own (the editor's GUI process and
    its checker process, and their sum), the bare window's from the spawner.
    """
    print("\n== the editor at scale: an edit until the window has repainted, and the longest stall while typing ==")
    print(f"   (fresh processes, {runs} interleaved pairs, medians; baselines: bare Qt widgets showing the same change / typing;")
    print("    an edit is the GUI thread's CPU ms from the apply until painted and the event loop's next pass run, a stall")
    print("    the process's CPU ms inside the event loop's longest gap while typing, the autosave written meanwhile; wall ms")
    print("    in brackets; peak MiB: the editor's GUI process + its checker process = both, and the bare edit's process;")
    print("    typing MiB: both processes' peaks in the typing run, the autosave written meanwhile)")
    header = (
        f"{'stages':>7} {'edit CPU ms (wall)':>19} {'bare Qt ms (wall)':>18} {'stall CPU ms (wall)':>20} {'bare typing ms':>15} "
        f"{'findings s':>11} {'peak MiB GUI + checker':>23} {'bare MiB':>9} {'typing MiB':>11}"
    )
    print(header)
    rows: dict[int, dict[str, float]] = {}
    bare_rows: dict[int, dict[str, float]] = {}
    acted: dict[int, tuple[dict[str, float], dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        cases = Path(folder)
        for stages in SIZES:
            case_file(stages, cases)
            edited, bare_rows[stages] = _pairs(spawner, "edit", "bare-edit", stages, runs=runs, cases=cases)
            rows[stages] = dict(edited)
            stall_text = bare_stall_text = typing_peak = "-"
            if stages in STALL_SIZES:
                stalled, bare_stalled = _pairs(spawner, "stall", "bare-stall", stages, runs=runs, cases=cases)
                rows[stages] |= {f"stall_{key}": value for key, value in stalled.items()}
                stall_text = f"{stalled['stall_cpu_s'] * 1000:.1f} ({stalled['stall_s'] * 1000:.1f})"
                bare_stall_text = f"{bare_stalled['stall_cpu_s'] * 1000:.1f} ({bare_stalled['stall_s'] * 1000:.1f})"
                typing_peak = f"{stalled['sum_peak_mib']:.0f}"
            row, bare = rows[stages], bare_rows[stages]
            edit_text = f"{row['edit_cpu_s'] * 1000:.1f} ({row['edit_s'] * 1000:.1f})"
            bare_text = f"{bare['edit_cpu_s'] * 1000:.1f} ({bare['edit_s'] * 1000:.1f})"
            peak_text = f"{row['gui_peak_mib']:.0f} + {row['checker_peak_mib']:.0f} = {row['sum_peak_mib']:.0f}"
            print(
                f"{stages:>7,} {edit_text:>19} {bare_text:>18} {stall_text:>20} {bare_stall_text:>15} "
                f"{row['findings_s']:>11.2f} {peak_text:>23} {bare['peak_mib']:>9.0f} {typing_peak:>11}",
                flush=True,
            )
        for stages in ACTION_SIZES:
            acted[stages] = _pairs(spawner, "actions", "bare-actions", stages, runs=runs, cases=cases)
    growth = rows[5_000]["edit_cpu_s"] / rows[1_000]["edit_cpu_s"]
    ok_edit = rows[1_000]["edit_cpu_s"] < 0.1 and rows[5_000]["edit_cpu_s"] < 0.25
    ok_linear = growth <= 5  # 5x the stages: at most linear
    ok_stall = all(rows[stages]["stall_stall_cpu_s"] < 0.05 and rows[stages]["stall_autosaves"] >= 1 for stages in STALL_SIZES)
    print(
        f"target: an edit on screen under 0.1 s of CPU at 1,000 stages and under 0.25 s at 5,000: "
        f"{rows[1_000]['edit_cpu_s'] * 1000:.1f} and {rows[5_000]['edit_cpu_s'] * 1000:.1f} ms  {verdict(ok_edit)}"
    )
    print(f"target: growing no faster than linearly, 1,000 -> 5,000 stages: x{growth:.2f} of CPU (linear is x5)  {verdict(ok_linear)}")
    stalls = ", ".join(f"{rows[stages]['stall_stall_cpu_s'] * 1000:.1f}" for stages in STALL_SIZES)
    saves = ", ".join(f"{rows[stages]['stall_autosaves']:.0f}" for stages in STALL_SIZES)
    print(
        f"target: the longest stall while typing, the autosave written meanwhile (autosaves: {saves}), under 50 ms of CPU "
        f"at 200, 1,000 and 5,000 stages: {stalls} ms  {verdict(ok_stall)}"
    )
    worst = {stages: _worst_peak(rows[stages], acted[stages][0]) for stages in ACTION_SIZES}
    ok_memory = worst[5_000][0] < MEMORY_LIMIT_MIB and worst[5_000][0] <= 5 * worst[1_000][0]
    print(
        f"target: the editor's two processes together under {MEMORY_LIMIT_MIB:,} MiB at 5,000 stages, growing no faster than linearly, "
        f"the most of the runs that edit, type (autosaves written) and open, drag, arrange and save: {worst[1_000][0]:.0f} "
        f"({worst[1_000][1]}) and {worst[5_000][0]:.0f} MiB ({worst[5_000][1]}), x{worst[5_000][0] / worst[1_000][0]:.2f}  "
        f"{verdict(ok_memory)}"
    )
    ok_answers = print_answers(rows)
    ok_structural = print_structural(rows, bare_rows)
    ok_actions = print_actions(acted)
    return ok_edit and ok_linear and ok_stall and ok_memory and ok_answers and ok_structural and ok_actions


def _worst_peak(row: dict[str, float], acted: dict[str, float]) -> tuple[float, str]:
    """The largest GUI + checker peak (MiB) of a size's runs (``edit``, ``stall`` where typed, ``actions``) and which run it was."""
    runs = {"edit": row["sum_peak_mib"], "actions": acted["sum_peak_mib"]}
    if "stall_sum_peak_mib" in row:
        runs["typing"] = row["stall_sum_peak_mib"]
    name = max(runs, key=lambda run: runs[run])
    return runs[name], name


def print_undo_growth(acted: dict[int, tuple[dict[str, float], dict[str, float]]]) -> bool:
    """The arrangement's undo against an edit's targets (0.1 s at 1,000 stages, 0.25 s at 5,000, at most x5); True if they hold.

    The bare undo's own growth is printed beside: moving every item of a scene costs Qt's index more than
    linearly (x5.15 and x5.61 in two runs of 1 December), so this target is close to what the plain way reaches.
    """
    small, large = acted[1_000][0], acted[5_000][0]
    growth = large["arrange_undo_cpu_s"] / small["arrange_undo_cpu_s"]
    bare_growth = acted[5_000][1]["arrange_undo_cpu_s"] / acted[1_000][1]["arrange_undo_cpu_s"]
    holds = small["arrange_undo_cpu_s"] < 0.1 and large["arrange_undo_cpu_s"] < 0.25 and growth <= 5
    print(
        "target: the arrangement's undo (every stage put back) within an edit's targets (0.1 s at 1,000 stages, 0.25 s at "
        f"5,000, linear): {small['arrange_undo_cpu_s'] * 1000:.1f} and {large['arrange_undo_cpu_s'] * 1000:.1f} ms, x{growth:.2f} "
        f"(the bare undo grew x{bare_growth:.2f})  {verdict(holds)}"
    )
    return holds


def print_answers(rows: dict[int, dict[str, float]]) -> bool:
    """The GUI thread's share of a check after an edit (``benchmarks.editor.CheckerAnswers``); True if its targets hold.

    Sending what changed and handling the answer each stall the screen as an edit does, so each is held to the
    edit's targets: under 0.1 s of CPU at 1,000 stages, under 0.25 s at 5,000, growing no faster than linearly.
    """
    print("\n   the checker's answer on the GUI thread, after each edit above: sending what changed (the debounce timer's slot),")
    print("   and the answer handled (findings list, names, completer) until painted and the next pass run; GUI-thread CPU ms")
    print("   (wall ms), medians; the answer after a title edit (the findings unchanged) and after an edit that adds a finding")
    sizes = [stages for stages in SIZES if stages in rows]
    print(f"{'':>30}" + "".join(f"{f'{stages:,} stages':>18}" for stages in sizes) + f"{'x (1,000 -> 5,000)':>20}")
    ok = True
    for name, key in (("sending the changes", "send"), ("answer, findings unchanged", "answer"), ("answer, a finding added", "refill")):
        growth = rows[5_000][f"{key}_cpu_s"] / rows[1_000][f"{key}_cpu_s"]
        holds = rows[1_000][f"{key}_cpu_s"] < 0.1 and rows[5_000][f"{key}_cpu_s"] < 0.25 and growth <= 5
        ok = ok and holds
        print(f"{name:<30}" + "".join(f"{_ms(rows[n], key):>18}" for n in sizes) + f"{f'x{growth:.2f} {verdict(holds)}':>20}")
    print(f"{'rows in the findings list':<30}" + "".join(f"{rows[n]['findings_rows']:>18.0f}" for n in sizes))
    print(
        f"target: the GUI thread's share of a check within an edit's targets (0.1 s at 1,000 stages, 0.25 s at 5,000, linear) {verdict(ok)}"
    )
    return ok


def print_actions(acted: dict[int, tuple[dict[str, float], dict[str, float]]]) -> bool:
    """Opening, selecting, dragging on the map, *Arrange automatically* and Save (``benchmarks.editor_actions``) against their targets."""
    print("\n   opening a case, selecting a stage, Play from here (F5, until its dialog has painted) and Save: GUI-thread CPU ms")
    print("   (wall ms), medians; baseline: bare Qt, PyYAML's C loader and dumper, igraph's Sugiyama layout given the editor's")
    print("   layers and sweeps (benchmarks/editor_actions.py); nothing plain plays a case")
    columns = (("open", "open"), ("select", "select"), ("play (F5)", "play"), ("save", "save"))
    print(f"{'':>22}" + "".join(f"{name:>20}" for name, _ in columns) + f"{'save written s':>16}{'peak MiB GUI + checker':>25}")
    for stages, (ours, bare) in acted.items():
        peak = f"{ours['gui_peak_mib']:.0f} + {ours['checker_peak_mib']:.0f} = {ours['sum_peak_mib']:.0f}"
        cells = "".join(f"{_ms(ours, key):>20}" for _, key in columns)
        print(f"{f'{stages:,} stages':<22}{cells}{ours['save_written_s']:>16.2f}{peak:>25}")
        bare_cells = "".join(f"{_ms(bare, key) if f'{key}_cpu_s' in bare else '-':>20}" for _, key in columns)
        print(f"{'  bare':<22}{bare_cells}{'-':>16}{bare['peak_mib']:>25.0f}")
    print("\n   on the map: a stage dragged with the mouse (each step of the move, the drop: the first pins every stage, a later one")
    print("   moves one), each undone; Arrange automatically after a choice was sent to a far stage (the shape is new: laid out")
    print("   again), and its undo; the check each of these edits leaves, sent and answered (the worst); GUI-thread CPU ms (wall ms)")
    moves = (
        ("drag step", "drag_step"),
        ("first drag", "drag_first"),
        ("its undo", "drag_first_undo"),
        ("later drag", "drag_later"),
        ("its undo", "drag_later_undo"),
        ("check sent", "send_after"),
        ("answer", "answer_after"),
    )
    arranging = (("arrange", "arrange"), ("its undo", "arrange_undo"))
    print(f"{'':>16}" + "".join(f"{name:>15}" for name, _ in (*moves, *arranging)))
    for stages, (ours, bare) in acted.items():
        print(f"{f'{stages:,} stages':<16}" + "".join(f"{_ms(ours, key):>15}" for _, key in (*moves, *arranging)))
        bare_cells = [_ms(bare, key) if f"{key}_cpu_s" in bare else "-" for _, key in (*moves, *arranging)]
        print(f"{'  bare':<16}" + "".join(f"{cell:>15}" for cell in bare_cells))
    print("   (bare: a movable box dragged as many steps and its lines drawn to it; the same layout computed and every item moved;")
    print("    its undo: every item moved back where it was, no layout)")
    small, large = acted[1_000][0], acted[5_000][0]
    ok = True
    for name, key, limit in (
        ("opening", "open", OPEN_RATIO),
        ("Arrange automatically (no edit's targets: the bare layout and moves alone take 0.2 s at 5,000 stages)", "arrange", ARRANGE_RATIO),
        ("its undo (against the bare undo: every item moved back)", "arrange_undo", ARRANGE_RATIO),
    ):
        ratios = [acted[n][0][f"{key}_cpu_s"] / acted[n][1][f"{key}_cpu_s"] for n in acted]
        holds = all(ratio <= limit for ratio in ratios)
        ok = ok and holds
        said = " and ".join(f"{ratio:.2f}x" for ratio in ratios)
        print(f"target: {name} within {limit:g}x the bare baseline's GUI-thread CPU at 1,000 and 5,000 stages: {said}  {verdict(holds)}")
    slow = [ours for ours, _ in acted.values() if ours["open_s"] > 1.0]
    holds = all(ours["open_said"] and ours["open_busy_cursor"] and ours["open_said_ms"] < 100 for ours in slow)
    ok = ok and holds
    shown = "; ".join(
        f"{ours['open_s']:.2f} s at {stages:,} stages: heading painted after {ours['open_said_ms']:.1f} ms, before the case was read"
        f"{'' if ours['open_said'] else ' NOT'}, busy cursor {'up' if ours['open_busy_cursor'] else 'NOT up'} while drawing"
        for stages, (ours, _) in acted.items()
        if ours["open_s"] > 1.0
    )
    print(
        "target: an opening over 1 s says so at once (the heading 'Opening NAME…' painted within 0.1 s, before the file is read, "
        f"and the busy cursor up): {shown or 'none over 1 s'}  {verdict(holds)}"
    )
    for name, key in (
        ("selecting a stage (form filled, map highlighted)", "select"),
        ("a step of a drag", "drag_step"),
        ("the first drag (every stage pinned)", "drag_first"),
        ("its undo", "drag_first_undo"),
        ("a later drag", "drag_later"),
        ("its undo", "drag_later_undo"),
        ("the check these edits leave, sent", "send_after"),
        ("and its answer handled", "answer_after"),
        ("Play from here (F5: the check and the loading in the checker process, the play made on a worker)", "play"),
    ):
        growth = large[f"{key}_cpu_s"] / small[f"{key}_cpu_s"]
        holds = small[f"{key}_cpu_s"] < 0.1 and large[f"{key}_cpu_s"] < 0.25 and growth <= 5
        ok = ok and holds
        print(
            f"target: {name} within an edit's targets (0.1 s at 1,000 stages, 0.25 s at 5,000, linear): "
            f"{small[f'{key}_cpu_s'] * 1000:.1f} and {large[f'{key}_cpu_s'] * 1000:.1f} ms, x{growth:.2f}  {verdict(holds)}"
        )
    print(f"   (the first drag pinned {small['drag_pinned']:,.0f} and {large['drag_pinned']:,.0f} stages)")
    ok = print_undo_growth(acted) and ok
    print(
        f"   (Play from here: the window's longest pause while the play was prepared, wall, the worker's unpickling holding "
        f"Python's lock: {small['play_pause_s'] * 1000:.0f} and {large['play_pause_s'] * 1000:.0f} ms)"
    )
    holds = all(ours["save_cpu_s"] < 0.1 and ours["save_written_s"] < float("inf") for ours, _ in acted.values())
    ok = ok and holds
    print(
        f"target: Save stalls the UI thread under 0.1 s (the checker writes the file): {small['save_cpu_s'] * 1000:.1f} and "
        f"{large['save_cpu_s'] * 1000:.1f} ms, written after {small['save_written_s']:.2f} and "
        f"{large['save_written_s']:.2f} s  {verdict(holds)}"
    )
    return ok


def print_structural(rows: dict[int, dict[str, float]], bare_rows: dict[int, dict[str, float]]) -> bool:
    """The structural edits' table (each edit and its undo, at each size) and their targets; True if all hold.

    The issue's targets name "an edit", so they hold for these too: under 0.1 s of CPU at 1,000 stages, under
    0.25 s at 5,000, growing no faster than linearly (at most x5 from 1,000 to 5,000).
    """
    print(f"\n   structural edits (the map changes shape), medians of {STRUCTURAL_ROUNDS} edits on different stages in each process,")
    print("   then of the processes above; GUI-thread CPU ms from the command until painted and the next pass run (wall ms)")
    sizes = [stages for stages in SIZES if stages in rows]
    print(f"{'':>24}" + "".join(f"{f'{stages:,} stages':>22}" for stages in sizes) + f"{'x (1,000 -> 5,000)':>20}")
    ok = True
    for kind in STRUCTURAL:
        for name, key in ((STRUCTURAL_NAMES[kind], kind), ("  its undo", f"{kind}_undo")):
            cells = "".join(f"{_ms(rows[n], key):>22}" for n in sizes)
            growth = rows[5_000][f"{key}_cpu_s"] / rows[1_000][f"{key}_cpu_s"]
            holds = rows[1_000][f"{key}_cpu_s"] < 0.1 and rows[5_000][f"{key}_cpu_s"] < 0.25 and growth <= 5
            ok = ok and holds
            print(f"{name:<24}" + cells + f"{f'x{growth:.2f} {verdict(holds)}':>20}")
    for name, key in (("bare Qt: add a row+box", "add_cpu_s"), ("bare Qt: remove one", "remove_cpu_s")):
        print(f"{name:<24}" + "".join(f"{f'{bare_rows[n][key] * 1000:.1f}':>22}" for n in sizes))
    worst_1k = max(rows[1_000][f"{key}_cpu_s"] for key in STRUCTURAL_KEYS)
    worst_5k = max(rows[5_000][f"{key}_cpu_s"] for key in STRUCTURAL_KEYS)
    worst_growth = max(rows[5_000][f"{key}_cpu_s"] / rows[1_000][f"{key}_cpu_s"] for key in STRUCTURAL_KEYS)
    print(
        f"target: every structural edit and its undo under 0.1 s of CPU at 1,000 stages and under 0.25 s at 5,000, "
        f"growing no faster than linearly: at worst {worst_1k * 1000:.1f} and {worst_5k * 1000:.1f} ms, x{worst_growth:.2f}  "
        f"{verdict(ok)}"
    )
    return ok


def _ms(row: dict[str, float], key: str) -> str:
    return f"{row[key + '_cpu_s'] * 1000:.1f} ({row[key + '_s'] * 1000:.1f})"


STRUCTURAL_KEYS = [key for kind in STRUCTURAL for key in (kind, f"{kind}_undo")]
