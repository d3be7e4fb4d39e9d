"""The editor at scale, measured in a fresh process per run: an edit until the window has repainted and the
event loop has done what the edit left it, and the longest stall of the event loop while someone types, at a
given number of stages.

``python benchmarks/editor.py edit|stall|bare-edit|bare-stall STAGES [CASES_FOLDER]`` prints one JSON object;
``bench_editor`` (``make bench``) runs ours and the baseline in interleaved pairs, each a fresh process started
by the benchmarks' spawner (``benchmarks.harness``: each process's own peak memory), and prints the medians and
the growth tables the README shows:

- edit: a stage's title changed in its form and applied (one undo step), until the whole window has
  painted again (a synchronous repaint) and the event loop's next pass has run (what the edit queued: the
  scene's index, a second paint), as the GUI thread's CPU time (``time.thread_time``; the wall time beside).
  Baseline (``bare-edit``): the least Qt must do to show the same change, a QTreeView over a
  QStandardItemModel and a QGraphicsScene with a box and a label per stage, one row's and one label's text
  set, then the window painted and the event loop's pass run.
- structural edits (in the same process, after the field edits): a stage added (beside the selected one),
  a choice added, a choice retargeted to a far stage, a stage deleted (with the choices into it), each
  ``STRUCTURAL_ROUNDS`` times on different stages, and each one's undo, timed the same way. Baseline: a row
  and a box added to the bare window and selected, and a row and a box removed.
- stall: characters typed into the form every 60 ms for a few seconds, applying the form every 2 s (so
  validation and the autosave run after each change, as when working), while a 2 ms timer records the
  longest gap in the event loop, applies excluded (they are the edit above), and the most CPU the process
  spent inside one gap (judged: the wall gap is partly the scheduler's on a shared machine). Baseline
  (``bare-stall``): the same typing into a lone QLineEdit.

Peak memory is each process's own (the spawner's ``wait4``); an ``edit`` run also reports the GUI process's
own peak and its checker process's (``getrusage``), as the editor at 5,000 stages runs both.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QHBoxLayout, QLineEdit, QTreeView, QWidget

from benchmarks.generate import big_scenario
from benchmarks.harness import PYTHON, Spawner, verdict

from ui.context import ApplicationContext
from ui.editor import EditorPage
from ui.i18n import Translations
from ui.settings import Settings
from ui.tasks import TaskRunner

EDITS = 15
TYPING_SECONDS = 6.0
KEY_EVERY_MS = 60
APPLY_EVERY_MS = 2000
STRUCTURAL = ("add_stage", "add_choice", "retarget", "delete_stage")  # the everyday edits that change the map's shape
STRUCTURAL_NAMES = {"add_stage": "add stage", "add_choice": "add choice", "retarget": "retarget choice", "delete_stage": "delete stage"}
STRUCTURAL_ROUNDS = 5


def wait_until(app: QApplication, done: object, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.002)


def case_file(stages: int, folder: Path) -> Path:
    """The generated case of ``stages`` stages in ``folder``, written once (generating 5,000 stages takes seconds)."""
    case = folder / f"bench-{stages}.yaml"
    if not case.exists():
        case.write_text(big_scenario(stages), encoding="utf-8")
    return case


def open_editor(app: QApplication, stages: int, cases: Path | None = None) -> tuple[QWidget, object]:
    folder = Path(tempfile.mkdtemp())
    os.environ["TIPCASE_HOME"] = str(folder / "home")
    case = case_file(stages, cases or folder)
    context = ApplicationContext(
        Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)), TaskRunner(), Translations()
    )
    page = EditorPage(context)
    page.resize(1366, 740)
    page.show()
    page.open_file(case)
    reports: list[object] = []
    page.checking.checked.connect(reports.append)
    wait_until(app, lambda: reports)  # the first check is in: the editor is at rest
    return page, reports


def edit(stages: int, cases: Path | None = None) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    page, reports = open_editor(app, stages, cases)
    times = []
    cpu_times = []
    for number in range(EDITS):
        stage_id = f"s{(number * 37) % (stages - 3)}"
        page.select(stage_id)  # type: ignore[attr-defined]
        app.processEvents()
        field = page.stage_form["title.en"]  # type: ignore[attr-defined]
        field.setText(f"Edited {number}")
        start, cpu_start = time.perf_counter(), time.thread_time()
        page.stage_form.apply()  # type: ignore[attr-defined]
        page.window().repaint()
        app.processEvents()  # what the edit queued (the scene's index, a second paint) is part of it
        cpu_times.append(time.thread_time() - cpu_start)
        times.append(time.perf_counter() - start)
    count = len(reports)  # type: ignore[arg-type]
    start = time.perf_counter()
    page.checking.check_now()  # type: ignore[attr-defined]
    wait_until(app, lambda: len(reports) > count)  # type: ignore[arg-type]
    findings_s = time.perf_counter() - start
    structural = structural_edits(app, page, stages)
    page.checking.close()  # type: ignore[attr-defined]  # ends the checker process, and waits for it
    return {
        "edit_s": statistics.median(times),
        "edit_cpu_s": statistics.median(cpu_times),
        "findings_s": findings_s,
        **structural,
        "gui_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "checker_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def timed(app: QApplication, window: QWidget, action: object) -> tuple[float, float]:
    """CPU and wall seconds of ``action()`` until ``window`` has repainted and the event loop's next pass has run."""
    start, cpu_start = time.perf_counter(), time.thread_time()
    action()  # type: ignore[operator]
    window.repaint()
    app.processEvents()
    return time.thread_time() - cpu_start, time.perf_counter() - start


def structural_edits(app: QApplication, page: Any, stages: int) -> dict[str, float]:
    """Each structural edit (``STRUCTURAL``) and its undo, ``STRUCTURAL_ROUNDS`` times: medians of CPU and wall seconds.

    Between rounds (untimed) the checker's pending check is put off, so a validation result arriving from the
    checker process is not charged to an edit: validation runs there, not on the GUI thread.
    """
    window = page.window()
    measured: dict[str, list[tuple[float, float]]] = {}
    for kind in STRUCTURAL:
        for number in range(STRUCTURAL_ROUNDS):
            stage_id = f"s{(number * 53 + 11) % (stages - 10)}"
            far = f"s{(number * 53 + 11 + stages // 2) % (stages - 10)}"
            page.select(stage_id, 0 if kind == "retarget" else None)
            app.processEvents()
            if kind == "retarget":
                page.choice_form.combo("to").setCurrentText(far)
            action = {
                "add_stage": page.edits.add_stage,
                "add_choice": page.edits.add_choice,
                "retarget": page.choice_form.apply,
                "delete_stage": lambda: page.edits.delete_selected(confirm=False),
            }[kind]
            measured.setdefault(kind, []).append(timed(app, window, action))
            page.checking.timer.stop()
            measured.setdefault(f"{kind}_undo", []).append(timed(app, window, page.undo))
            page.checking.timer.stop()
    figures: dict[str, float] = {}
    for name, times in measured.items():
        figures[f"{name}_cpu_s"] = statistics.median(cpu for cpu, _ in times)
        figures[f"{name}_s"] = statistics.median(wall for _, wall in times)
    return figures


def bare_edit(stages: int, _cases: Path | None = None) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    layout = QHBoxLayout(window)
    model = QStandardItemModel()
    labels = []
    scene = QGraphicsScene()
    for index in range(stages):
        row = QStandardItem(f"s{index}")
        for choice in range(3):
            row.appendRow(QStandardItem(f"→ s{index + choice + 1}: Option {choice + 1} at {index}"))
        model.appendRow(row)
        scene.addRect(index // 40 * 230.0, index % 40 * 96.0, 180.0, 62.0)
        label = scene.addText(f"s{index}")
        label.setPos(index // 40 * 230.0 + 5, index % 40 * 96.0 + 5)
        labels.append(label)
    tree = QTreeView()
    tree.setUniformRowHeights(True)
    tree.setModel(model)
    tree.expandAll()
    view = QGraphicsView(scene)
    layout.addWidget(tree)
    layout.addWidget(view, 2)
    window.resize(1366, 740)
    window.show()
    app.processEvents()
    times = []
    cpu_times = []
    for number in range(EDITS):
        index = (number * 37) % (stages - 3)
        item = model.item(index)
        tree.setCurrentIndex(item.index())
        view.centerOn(labels[index])
        app.processEvents()
        start, cpu_start = time.perf_counter(), time.thread_time()
        item.setText(f"s{index} Edited {number}")
        labels[index].setPlainText(f"s{index}\nEdited {number}")
        window.repaint()
        app.processEvents()
        cpu_times.append(time.thread_time() - cpu_start)
        times.append(time.perf_counter() - start)
    added: list[tuple[float, float]] = []
    removed: list[tuple[float, float]] = []
    for number in range(STRUCTURAL_ROUNDS):
        shown: list[Any] = []
        added.append(timed(app, window, functools.partial(_bare_add, model, scene, tree, shown, (stages // 40 + 1, number))))
        removed.append(timed(app, window, functools.partial(_bare_remove, model, scene, shown)))
    return {
        "edit_s": statistics.median(times),
        "edit_cpu_s": statistics.median(cpu_times),
        "add_cpu_s": statistics.median(cpu for cpu, _ in added),
        "remove_cpu_s": statistics.median(cpu for cpu, _ in removed),
    }


def _bare_add(model: QStandardItemModel, scene: QGraphicsScene, tree: QTreeView, shown: list[Any], place: tuple[int, int]) -> None:
    """The bare window's structural edit: a row and a box with its label added, and the row selected."""
    item = QStandardItem(f"new-{place[1]}")
    model.appendRow(item)
    x, y = place[0] * 230.0, place[1] * 96.0
    shown.extend([scene.addRect(x, y, 180.0, 62.0), scene.addText(item.text())])
    shown[-1].setPos(x + 5, y + 5)
    tree.setCurrentIndex(item.index())


def _bare_remove(model: QStandardItemModel, scene: QGraphicsScene, shown: list[Any]) -> None:
    """The bare window's deletion: the last row and the box added removed."""
    model.removeRow(model.rowCount() - 1)
    for item in shown:
        scene.removeItem(item)


def typing_stall(app: QApplication, field: QLineEdit, apply: object = None) -> tuple[float, float]:
    """Type into ``field`` for a while (applying now and then); the longest gap of the event loop, in seconds, and the
    most CPU the process spent inside one gap (all its threads: ``time.process_time``), applies excluded.

    On a machine shared with other work a gap of wall time is partly the scheduler's; the CPU spent inside a gap is
    what the program itself did while the person waited (another thread holding the interpreter included)."""
    clock = QElapsedTimer()
    clock.start()
    gaps: list[float] = []
    cpu_gaps: list[float] = []
    last = [clock.nsecsElapsed()]
    last_cpu = [time.process_time()]
    excluded = [False]

    def tick() -> None:
        now, cpu = clock.nsecsElapsed(), time.process_time()
        if not excluded[0]:
            gaps.append((now - last[0]) / 1e9)
            cpu_gaps.append(cpu - last_cpu[0])
        excluded[0] = False
        last[0], last_cpu[0] = now, cpu

    def key() -> None:
        QTest.keyClick(field, "abcdefghij"[int(clock.elapsed() / KEY_EVERY_MS) % 10])

    def applying() -> None:
        excluded[0] = True  # the apply is the edit measured above, not a stall of typing
        apply()  # type: ignore[operator]
        last[0], last_cpu[0] = clock.nsecsElapsed(), time.process_time()

    timers = []
    for interval, slot in ((2, tick), (KEY_EVERY_MS, key), *(((APPLY_EVERY_MS, applying),) if apply else ())):
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        timer.start(interval)
        timers.append(timer)
    field.setFocus()
    end = time.perf_counter() + TYPING_SECONDS
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)
    for timer in timers:
        timer.stop()
    return (max(gaps), max(cpu_gaps)) if gaps else (0.0, 0.0)


def stall(stages: int, cases: Path | None = None) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    page, _ = open_editor(app, stages, cases)
    page.select("s5")  # type: ignore[attr-defined]
    app.processEvents()
    field = page.stage_form["title.en"]  # type: ignore[attr-defined]
    longest, most_cpu = typing_stall(app, field, page.stage_form.apply)  # type: ignore[attr-defined]
    page.checking.close()  # type: ignore[attr-defined]
    return {"stall_s": longest, "stall_cpu_s": most_cpu}


def bare_stall(_stages: int, _cases: Path | None = None) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    field = QLineEdit()
    field.resize(400, 30)
    field.show()
    longest, most_cpu = typing_stall(app, field)
    return {"stall_s": longest, "stall_cpu_s": most_cpu}


SIZES = (200, 1_000, 2_000, 5_000)
STALL_SIZES = (200, 1_000, 5_000)  # the stall's targets; typing at 2,000 stages too would add a minute and judge nothing
MEASURES = {"edit": edit, "bare-edit": bare_edit, "stall": stall, "bare-stall": bare_stall}


def _measure(spawner: Spawner, what: str, stages: int, cases: Path) -> dict[str, float]:
    """One fresh process measuring ``what`` at ``stages``: its JSON, with the process's own peak MiB (``peak_mib``)."""
    out = cases / f"{what}-{stages}.json"
    environment = {**spawner.env, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"}
    sample = spawner.run([PYTHON, __file__, what, str(stages), str(cases)], env=environment, stdout=out, timeout=1800)
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
    beside. A stall, a gap of the event loop while typing, is judged on the CPU the process spent inside its
    longest gap (``typing_stall``), its wall time beside. Peak memory: each process's own, from the spawner.
    """
    print("\n== the editor at scale: an edit until the window has repainted, and the longest stall while typing ==")
    print(f"   (fresh processes, {runs} interleaved pairs, medians; baselines: bare Qt widgets showing the same change / typing;")
    print("    an edit is the GUI thread's CPU ms from the apply until painted and the event loop's next pass run, a stall")
    print("    the process's CPU ms inside the event loop's longest gap while typing; wall ms in brackets; peak MiB: the")
    print("    editor's process (its GUI process / its checker process) and the bare edit's)")
    header = (
        f"{'stages':>7} {'edit CPU ms (wall)':>19} {'bare Qt ms (wall)':>18} {'stall CPU ms (wall)':>20} {'bare typing ms':>15} "
        f"{'findings s':>11} {'peak MiB (GUI / checker)':>25} {'bare MiB':>9}"
    )
    print(header)
    rows: dict[int, dict[str, float]] = {}
    bare_rows: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        cases = Path(folder)
        for stages in SIZES:
            case_file(stages, cases)
            edited, bare_rows[stages] = _pairs(spawner, "edit", "bare-edit", stages, runs=runs, cases=cases)
            rows[stages] = dict(edited)
            stall_text = bare_stall_text = "-"
            if stages in STALL_SIZES:
                stalled, bare_stalled = _pairs(spawner, "stall", "bare-stall", stages, runs=runs, cases=cases)
                rows[stages] |= {"stall_s": stalled["stall_s"], "stall_cpu_s": stalled["stall_cpu_s"]}
                stall_text = f"{stalled['stall_cpu_s'] * 1000:.1f} ({stalled['stall_s'] * 1000:.1f})"
                bare_stall_text = f"{bare_stalled['stall_cpu_s'] * 1000:.1f} ({bare_stalled['stall_s'] * 1000:.1f})"
            row, bare = rows[stages], bare_rows[stages]
            edit_text = f"{row['edit_cpu_s'] * 1000:.1f} ({row['edit_s'] * 1000:.1f})"
            bare_text = f"{bare['edit_cpu_s'] * 1000:.1f} ({bare['edit_s'] * 1000:.1f})"
            peak_text = f"{row['peak_mib']:.0f} ({row['gui_peak_mib']:.0f} / {row['checker_peak_mib']:.0f})"
            print(
                f"{stages:>7,} {edit_text:>19} {bare_text:>18} {stall_text:>20} {bare_stall_text:>15} "
                f"{row['findings_s']:>11.2f} {peak_text:>25} {bare['peak_mib']:>9.0f}",
                flush=True,
            )
    growth = rows[5_000]["edit_cpu_s"] / rows[1_000]["edit_cpu_s"]
    ok_edit = rows[1_000]["edit_cpu_s"] < 0.1 and rows[5_000]["edit_cpu_s"] < 0.25
    ok_linear = growth <= 5  # 5x the stages: at most linear
    ok_stall = all(rows[stages]["stall_cpu_s"] < 0.05 for stages in STALL_SIZES)
    print(
        f"target: an edit on screen under 0.1 s of CPU at 1,000 stages and under 0.25 s at 5,000: "
        f"{rows[1_000]['edit_cpu_s'] * 1000:.1f} and {rows[5_000]['edit_cpu_s'] * 1000:.1f} ms  {'PASS' if ok_edit else 'MISS'}"
    )
    print(
        f"target: growing no faster than linearly, 1,000 -> 5,000 stages: x{growth:.2f} of CPU (linear is x5)  "
        f"{'PASS' if ok_linear else 'MISS'}"
    )
    stalls = ", ".join(f"{rows[stages]['stall_cpu_s'] * 1000:.1f}" for stages in STALL_SIZES)
    print(
        f"target: the longest stall while typing under 50 ms of CPU at 200, 1,000 and 5,000 stages: {stalls} ms  "
        f"{'PASS' if ok_stall else 'MISS'}"
    )
    return ok_edit and ok_linear and ok_stall and print_structural(rows, bare_rows)


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


if __name__ == "__main__":
    if len(sys.argv) in (3, 4):
        what, stages = sys.argv[1], int(sys.argv[2])
        result = MEASURES[what](stages, Path(sys.argv[3]) if len(sys.argv) == 4 else None)
        print(json.dumps(result))
    else:
        with Spawner() as spawner:
            sys.exit(0 if bench_editor(spawner, int(sys.argv[1]) if len(sys.argv) > 1 else 3) else 1)
