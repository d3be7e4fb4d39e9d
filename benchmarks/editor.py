"""The editor at scale, measured in a fresh process per run: an edit until the window has repainted and the
event loop has done what the edit left it, and the longest stall of the event loop while someone types, at a
given number of stages.

``python benchmarks/editor.py edit|stall|bare-edit|bare-stall STAGES [CASES_FOLDER]`` prints one JSON object;
``bench_editor`` (``make bench``) runs ours and the baseline in interleaved pairs, each a fresh process started
by the benchmarks' spawner (``benchmarks.harness``: each process's own peak memory), and prints the medians and
the growth tables the README shows (``benchmarks.editor_report``):

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
- the checker's answer (``CheckerAnswers``): after each field edit, and after ``FINDING_EDITS`` edits that
  add a finding, the GUI thread's two shares of the check, timed as an edit: sending what changed, and the
  answer handled (the findings list, the forms' names, the completer) until painted and the next pass run.
- stall: characters typed into the form every 60 ms, applying the form at 1 s and 5 s (``APPLY_AT_MS``), so
  the autosave (3 s after a change) is written in between, and on until the autosave and the last check are
  back, while a 2 ms timer records the longest gap in the event loop, applies excluded (they are the edit
  above), and the most CPU the process spent inside one gap (judged: the wall gap is partly the scheduler's
  on a shared machine). Baseline (``bare-stall``): the same typing into a lone QLineEdit.

Peak memory is each process's own (the spawner's ``wait4``, which for the editor is the larger of its GUI
process and its checker process); an ``edit`` run reports the GUI process's own peak, its checker process's
(``getrusage``) and their sum. Opening, selecting, arranging and saving: ``benchmarks.editor_actions``; the
tables and targets: ``benchmarks.editor_report``.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import shutil
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
from benchmarks.harness import Spawner
from tipcase.format.document_check import CheckReport

from ui.context import ApplicationContext
from ui.editor import EditorPage
from ui.editor.forms import set_field_text
from ui.i18n import Translations
from ui.settings import Settings
from ui.tasks import TaskRunner

EDITS = 15
FINDING_EDITS = 7  # edits that add a finding (the list changes), after the field edits
TYPING_SECONDS = 6.5
SETTLE_SECONDS = 40.0  # the stall probe types on until the autosave is written (seconds at 5,000 stages), at most this
KEY_EVERY_MS = 60
APPLY_AT_MS = (1000, 5000)  # 4 s apart: the autosave (3 s after a change) is written in between, as when someone pauses
STRUCTURAL = ("add_stage", "add_choice", "retarget", "delete_stage")  # the everyday edits that change the map's shape
STRUCTURAL_NAMES = {"add_stage": "add stage", "add_choice": "add choice", "retarget": "retarget choice", "delete_stage": "delete stage"}
STRUCTURAL_ROUNDS = 5


def wait_until(app: QApplication, done: object, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.002)


UNTRANSLATED_EVERY = 50  # one stage in this many lacks its Indonesian text: a case half-way through its translation


def case_file(stages: int, folder: Path) -> Path:
    """The generated case of ``stages`` stages in ``folder``, written once (generating 5,000 stages takes seconds).

    One stage in ``UNTRANSLATED_EVERY`` has no Indonesian text, so the findings list holds what a case being
    written holds (a W101 each: 20 at 1,000 stages, 100 listed at 5,000 and the line counting the rest).
    """
    case = folder / f"bench-{stages}.yaml"
    if not case.exists():
        text = big_scenario(stages)
        for index in range(7, stages - 3, UNTRANSLATED_EVERY):
            text = text.replace(f"      id: Tahap {index}\n", "      id: ''\n", 1)
        case.write_text(text, encoding="utf-8")
    return case


def private_copy(stages: int, cases: Path | None, folder: Path) -> Path:
    """The generated case copied into this process's own ``folder``: its autosave is written beside it, never
    beside the shared file (where the next process to open it would be asked whether to restore it)."""
    case = folder / "case" / f"bench-{stages}.yaml"
    case.parent.mkdir()
    shutil.copyfile(case_file(stages, cases or folder), case)
    return case


def open_editor(app: QApplication, stages: int, cases: Path | None = None) -> tuple[QWidget, object]:
    folder = Path(tempfile.mkdtemp())
    os.environ["TIPCASE_HOME"] = str(folder / "home")
    case = private_copy(stages, cases, folder)
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


class CheckerAnswers:
    """The GUI thread's share of the checker's work after an edit, timed: sending what changed, and the answer.

    Sending: the debounce timer's slot (``BackgroundCheck.check_now``: what changed is taken from the document
    and pickled). The answer: from the moment the checker's reply is handed to the GUI thread
    (``BackgroundCheck._finish``: the findings list updated, the forms' names and the completer, the
    publication looked up) until the window has repainted and the event loop's next pass has run. Both stall
    the screen as an edit does, so both are judged as one. The checker's own time (its process) is
    ``findings_s``: how long after an edit the findings are there, not a stall.
    """

    def __init__(self, app: QApplication, page: Any) -> None:
        self.app, self.page = app, page
        self.sent: list[tuple[float, float]] = []
        self.answered: list[tuple[float, float]] = []
        self.waits: list[float] = []
        checking = page.checking
        finish = checking._finish

        def timed_finish(done: Any, result: Any) -> None:
            start, cpu_start = time.perf_counter(), time.thread_time()
            finish(done, result)
            page.window().repaint()
            app.processEvents()
            if isinstance(result, CheckReport):
                self.answered.append((time.thread_time() - cpu_start, time.perf_counter() - start))

        checking._finish = timed_finish

    def check(self) -> None:
        """Send the document's changes to the checker now (as the debounce timer does) and wait for its answer."""
        count, start = len(self.answered), time.perf_counter()
        self.sent.append(timed(self.app, self.page.window(), self.page.checking.check_now))
        wait_until(self.app, lambda: len(self.answered) > count)
        self.waits.append(time.perf_counter() - start)


def edit(stages: int, cases: Path | None = None) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    page, _reports = open_editor(app, stages, cases)
    answers = CheckerAnswers(app, page)
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
        answers.check()  # findings unchanged: the list stays as it is
    unchanged = len(answers.answered)
    for number in range(FINDING_EDITS):  # each takes a stage's Indonesian text away: a W101 more in the list
        page.select(f"s{(number * 41 + 3) % (stages - 3)}")  # type: ignore[attr-defined]
        app.processEvents()
        set_field_text(page.stage_form["text.id"], "")  # type: ignore[attr-defined]
        page.stage_form.apply()  # type: ignore[attr-defined]
        app.processEvents()
        answers.check()
    structural = structural_edits(app, page, stages)
    page.checking.close()  # type: ignore[attr-defined]  # ends the checker process, and waits for it
    changed = answers.answered[unchanged:]
    return {
        "edit_s": statistics.median(times),
        "edit_cpu_s": statistics.median(cpu_times),
        "findings_s": statistics.median(answers.waits),
        "send_cpu_s": statistics.median(cpu for cpu, _ in answers.sent),
        "send_s": statistics.median(wall for _, wall in answers.sent),
        "answer_cpu_s": statistics.median(cpu for cpu, _ in answers.answered[:unchanged]),
        "answer_s": statistics.median(wall for _, wall in answers.answered[:unchanged]),
        "refill_cpu_s": statistics.median(cpu for cpu, _ in changed),
        "refill_s": statistics.median(wall for _, wall in changed),
        "findings_rows": float(page.findings_model.rowCount()),  # type: ignore[attr-defined]
        **structural,
        **peaks(),
    }


def peaks() -> dict[str, float]:
    """Peak memory in MiB (``getrusage``'s ``ru_maxrss``) of this process (``gui_peak_mib``), of its checker process
    (``checker_peak_mib``, the largest child waited for: call it once ``checking.close()`` has ended the checker) and
    their sum (``sum_peak_mib``): what the editor holds at its worst on a workstation."""
    gui = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    checker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"gui_peak_mib": gui, "checker_peak_mib": checker, "sum_peak_mib": gui + checker}


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


def typing_stall(app: QApplication, field: QLineEdit, apply: object = None, settled: object = None) -> tuple[float, float]:
    """Type into ``field`` for ``TYPING_SECONDS`` (applying at ``APPLY_AT_MS`` when ``apply`` is given, and on
    until ``settled()``, at most ``SETTLE_SECONDS``); the longest gap of the event loop, in seconds, and the most
    CPU the process spent inside one gap (all its threads: ``time.process_time``), applies excluded.

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
    for interval, slot in ((2, tick), (KEY_EVERY_MS, key)):
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        timer.start(interval)
        timers.append(timer)
    for at in APPLY_AT_MS if apply else ():
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(applying)
        timer.start(at)
        timers.append(timer)
    field.setFocus()
    start = time.perf_counter()
    while time.perf_counter() < start + TYPING_SECONDS or (
        settled is not None and not settled() and time.perf_counter() < start + SETTLE_SECONDS  # type: ignore[operator]
    ):
        app.processEvents()
        time.sleep(0.0005)
    for timer in timers:
        timer.stop()
    return (max(gaps), max(cpu_gaps)) if gaps else (0.0, 0.0)


def stall(stages: int, cases: Path | None = None) -> dict[str, float]:
    """Typing into a stage's title with two applies 4 s apart, so the autosave (3 s after a change) is written
    meanwhile; the typing goes on until the autosave and the last check are back (the autosave's request and
    answer, and the checks', are on the GUI thread inside the probe)."""
    app = QApplication(sys.argv[:1])
    page, _ = open_editor(app, stages, cases)
    page.select("s5")  # type: ignore[attr-defined]
    app.processEvents()
    written: list[str] = []
    autosave = page.checking.autosave  # type: ignore[attr-defined]

    def counted(path: str, done: Any, failed: Any) -> None:
        autosave(path, lambda result: (done(result), written.append(path)), failed)

    page.checking.autosave = counted  # type: ignore[attr-defined]
    field = page.stage_form["title.en"]  # type: ignore[attr-defined]
    start = time.perf_counter()
    longest, most_cpu = typing_stall(
        app,
        field,
        page.stage_form.apply,  # type: ignore[attr-defined]
        lambda: bool(written) and not page.checking.busy,  # type: ignore[attr-defined]
    )
    span = time.perf_counter() - start
    page.checking.close()  # type: ignore[attr-defined]
    return {"stall_s": longest, "stall_cpu_s": most_cpu, "autosaves": float(len(written)), "typed_s": span, **peaks()}


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


def bench_editor(spawner: Spawner, runs: int = 3) -> bool:
    """The editor's tables and targets (``benchmarks.editor_report``); True if all hold."""
    from benchmarks.editor_report import bench_editor as report  # noqa: PLC0415 - it spawns this file's measures

    return report(spawner, runs)


if __name__ == "__main__":
    if len(sys.argv) in (3, 4):
        what, stages = sys.argv[1], int(sys.argv[2])
        result = MEASURES[what](stages, Path(sys.argv[3]) if len(sys.argv) == 4 else None)
        print(json.dumps(result))
    else:
        with Spawner() as spawner:
            sys.exit(0 if bench_editor(spawner, int(sys.argv[1]) if len(sys.argv) > 1 else 3) else 1)
