"""The editor's other waits at scale, measured in a fresh process: opening a case, selecting a stage, dragging
a stage on the map, *Arrange automatically* and Save, at a given number of stages (``benchmarks.editor`` times
the form's edits, the structural edits and the typing).

``python benchmarks/editor_actions.py actions|bare-actions STAGES CASES_FOLDER`` prints one JSON object;
``benchmarks.editor_report`` runs ours and the baseline in interleaved pairs and prints the table and targets.

Before each timed action the editor is brought to rest (``settle``: the check the last edit left to send is
sent and its answer handled, untimed), so a window times its own action only, never the check of the one
before. After each edit the check it leaves is sent and answered at once, and both of the GUI thread's shares
are timed (``benchmarks.editor.CheckerAnswers``): sending what changed and handling the answer stall the screen
as an edit does, so they are judged as one.

- open: the editor shown empty, then ``open_file`` (what *Open…* does once the file is chosen) until the map
  and the outline are shown (the window painted, the event loop's next pass run): the GUI thread's CPU
  (``time.thread_time``), the process's CPU (``time.process_time``: every thread, the worker's too) and the
  wall time. Its first check runs in the checker process meanwhile and is not waited for. What the window
  painted meanwhile is recorded: whether the heading said *Opening NAME…* in a paint before the case was
  read, how many ms after the start, and whether the busy cursor was up while the map was drawn
  (``open_said``, ``open_said_ms``, ``open_busy_cursor``).
- select: a stage chosen as a click in the outline or on the map does (``EditorPage.select``: the outline's
  row current, the form filled, the node selected and brought into sight), on ``SELECTIONS`` stages across
  the case; the median, timed as an edit.
- drag: a stage pressed on the map with the mouse, moved in ``DRAG_STEPS`` steps and released, as a person
  drags it (``QTest`` on the map's viewport). Each step of the move until painted is ``drag_step`` (the
  median); the release is the edit (``EditorPage``'s ``nodes_moved`` to ``move_stages``: one undoable
  command), timed until painted. The first drag in a case laid out automatically pins every stage where it
  is drawn (``drag_first``: 5,000 places written at 5,000 stages); a later drag moves one (``drag_later``).
  Each is undone (``*_undo``); the first is redone, untimed, before the later one.
- arrange: *Arrange automatically* (every stage laid out in layers again, shown whole), and its undo, after
  the drags and after a choice was sent to a far stage (``retarget``, untimed, before the later drag): the
  untidy map the command is for, whose shape changed since it was drawn, so the editor lays it out again
  (``graph_layout._part_layout`` keeps a part's layout by its shape, and this shape is new).
- play: *Play from here* (F5) on a stage in the middle of the case, until its dialog has painted
  (``play_from_here``): the GUI thread's CPU (the check and the case's loading run in the checker process)
  and the wall time. No baseline: nothing plain plays a case.
- save: Save to a new file (``FileSession.save_to``) until the window has painted again (the GUI thread's
  stall, the write going to the checker process), and beside it the wall time until the file is written.
- the checks after the edits (drags, their undos, the arrangement and its undo): ``send_after`` and
  ``answer_after``, the worst of each.
- memory: the GUI process's and its checker process's peaks and their sum (``benchmarks.editor.peaks``).

Baseline (``bare-actions``), the least a plain program does for the same: the file read with PyYAML's C loader
(the collector paused, as the editor does), the same layout as the editor's (igraph's Sugiyama layout,
``layout_sugiyama``, given the editor's layers, ``graph_layout.layers``, and as many sweeps,
``graph_layout.sweeps``) drawn as a box, a label and a line per stage and choice in a QGraphicsScene beside a
QTreeView over a QStandardItemModel (a row per stage, one per choice), painted; *select*: a row made current,
its item selected and centred; *drag*: a movable box pressed, moved in as many steps and released, its
lines then drawn to where it was dropped; *arrange*: the same choice sent to the same far stage beforehand,
the same layout computed again and every box (its label with it) and line moved; its undo: every box and
line moved back where it was (no layout, as the editor's undo puts back what it drew); *save*: ``yaml.dump`` with the C dumper to the file
(the least any save does, on the thread that asked).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import yaml

from PySide6.QtCore import QEvent, QEventLoop, QLineF, QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene, QGraphicsView, QHBoxLayout, QTreeView, QWidget

from benchmarks.editor import CheckerAnswers, case_file, peaks, private_copy, timed, wait_until
from tipcase.format import graph_layout

from ui.context import ApplicationContext
from ui.editor import EditorPage
from ui.i18n import Translations
from ui.settings import Settings
from ui.tasks import TaskRunner

SELECTIONS = 9
DRAG_STEPS = 8  # mouse moves in a drag, each painted: a short, quick drag
DRAG_BY = QPoint(96, 64)  # where the stage is dropped, from where it was pressed (view pixels)


def _clock() -> tuple[float, float, float]:
    return time.perf_counter(), time.thread_time(), time.process_time()


def _since(started: tuple[float, float, float]) -> tuple[float, float, float]:
    """Wall, GUI-thread CPU and process CPU seconds since ``started``."""
    wall, thread, process = _clock()
    return wall - started[0], thread - started[1], process - started[2]


class OpeningSaid(QObject):
    """Records what the editor's heading painted while a case opened: the first paint saying *Opening NAME…*, in
    ms after ``start``, and whether the busy cursor was up when the map was drawn (``EditorPage.set_document``)."""

    def __init__(self, page: Any) -> None:
        super().__init__()
        self.start = 0.0
        self.said_ms: float | None = None
        self.read_ms: float | None = None
        self.busy_cursor = False
        page.heading.installEventFilter(self)
        self.heading = page.heading
        set_document = page.set_document

        def drawn(document: Any) -> None:
            cursor = QApplication.overrideCursor()
            self.busy_cursor = cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
            if self.read_ms is None:
                self.read_ms = (time.perf_counter() - self.start) * 1000
            set_document(document)

        page.set_document = drawn

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.said_ms is None and "Opening" in self.heading.text():
            self.said_ms = (time.perf_counter() - self.start) * 1000
        return False


def settle(app: QApplication, page: Any) -> None:
    """Bring the editor to rest, untimed: the check an edit left to send sent now and its answer handled."""
    if page.checking.timer.isActive():
        page.checking.check_now()
    wait_until(app, lambda: not page.checking.busy)
    app.processEvents()


def drag(app: QApplication, page: Any, stage_id: str) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """``stage_id`` dragged on the map with the mouse: each step's and the release's (GUI-thread CPU, wall) seconds."""
    page.select(stage_id)  # brought into sight, as a person finds it before dragging it
    app.processEvents()
    view, window = page.graph, page.window()
    pressed = view.mapFromScene(*view.node_position(stage_id))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pressed)
    app.processEvents()
    steps = [
        timed(app, window, lambda step=step: QTest.mouseMove(view.viewport(), pressed + DRAG_BY * step / DRAG_STEPS))
        for step in range(1, DRAG_STEPS + 1)
    ]
    dropped = pressed + DRAG_BY
    left, plain = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    release = timed(app, window, lambda: QTest.mouseRelease(view.viewport(), left, plain, dropped))
    return steps, release


def play_from_here(app: QApplication, page: Any, stage_id: str) -> tuple[float, float, float]:
    """*Play from here* (F5) on ``stage_id``: GUI-thread CPU and wall seconds until its dialog has painted, and the
    window's longest pause meanwhile (wall seconds between two ticks of a 2 ms timer: the worker's unpickling of
    the loaded case holds Python's lock, which ``thread_time`` does not count; the ticks' own CPU is counted).

    The check and the loading of the case run in the checker process meanwhile; the wait for them is an event
    loop that sleeps until the dialog is shown (``play_opened``), so waiting costs the GUI thread nothing it
    would not spend anyway; unpickling the loaded case on a worker thread and building the dialog are counted
    where they fall on the GUI thread (the worker's share is in the wall time).
    """
    settle(app, page)
    page.select(stage_id)
    settle(app, page)
    shown: list[Any] = []
    loop = QEventLoop()
    page.edits.play_opened.connect(lambda dialog: (shown.append(dialog), loop.quit()))
    ticks, longest = [time.perf_counter()], [0.0]

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - ticks[0])
        ticks[0] = now

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    timer.start()
    ticks[0] = time.perf_counter()
    start, cpu_start = time.perf_counter(), time.thread_time()
    page.edits.play_from_selected()
    if not shown:
        loop.exec()
    shown[0].repaint()
    app.processEvents()
    cpu, wall = time.thread_time() - cpu_start, time.perf_counter() - start
    timer.stop()
    tick()
    shown[0].close()
    app.processEvents()
    return cpu, wall, longest[0]


def retarget(stages: int) -> tuple[str, str]:
    """The stage whose first choice is sent to a far stage before the arrangement, and that far stage."""
    return f"s{stages // 5}", f"s{stages // 5 + stages // 2}"


def actions(stages: int, cases: Path) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    os.environ["TIPCASE_HOME"] = str(folder / "home")
    case = private_copy(stages, cases, folder)
    context = ApplicationContext(
        Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)), TaskRunner(), Translations()
    )
    page: Any = EditorPage(context)
    page.resize(1366, 740)
    page.show()
    app.processEvents()
    window = page.window()
    said = OpeningSaid(page)
    started = _clock()
    said.start = started[0]
    page.open_file(case)
    window.repaint()
    app.processEvents()
    open_wall, open_cpu, open_process = _since(started)
    reports: list[object] = []
    page.checking.checked.connect(reports.append)
    wait_until(app, lambda: reports)  # the first check is in: the checker's work does not share the CPU with what follows
    settle(app, page)
    selected = []
    for number in range(SELECTIONS):
        stage_id = f"s{(number * 557 + 13) % (stages - 3)}"
        selected.append(timed(app, window, lambda stage_id=stage_id: page.select(stage_id)))
    answers = CheckerAnswers(app, page)
    figures: dict[str, float] = {}

    def edit_then_check(name: str, action: Any) -> None:
        settle(app, page)
        figures[f"{name}_cpu_s"], figures[f"{name}_s"] = timed(app, window, action)
        answers.check()  # the check the edit left: sent and answered at once, both timed

    settle(app, page)
    first_steps, (figures["drag_first_cpu_s"], figures["drag_first_s"]) = drag(app, page, f"s{stages // 2}")
    pinned = sum(1 for stage in page.document.stages.values() if "layout" in stage)
    answers.check()
    edit_then_check("drag_first_undo", page.undo)
    settle(app, page)
    page.undo_stack.redo()  # every stage pinned again, untimed: a later drag moves one
    settle(app, page)
    retargeted, far = retarget(stages)  # the map's shape changes (untimed), as before the tidy-up *Arrange* is for
    page.select(retargeted, 0)
    page.choice_form.combo("to").setCurrentText(far)
    page.choice_form.apply()
    settle(app, page)
    later_steps, (figures["drag_later_cpu_s"], figures["drag_later_s"]) = drag(app, page, f"s{stages // 3}")
    answers.check()
    edit_then_check("drag_later_undo", page.undo)
    edit_then_check("arrange", page.edits.arrange_automatically)
    edit_then_check("arrange_undo", page.undo)
    play = play_from_here(app, page, f"s{stages // 2}")
    settle(app, page)
    target = folder / "saved.yaml"
    started = _clock()
    save = timed(app, window, lambda: page.session.save_to(target))
    written = page.session.wait_for_saves()
    save_written_s = time.perf_counter() - started[0]
    page.checking.close()
    steps = first_steps + later_steps
    return {
        "open_s": open_wall,
        "open_cpu_s": open_cpu,
        "open_process_cpu_s": open_process,
        "open_said": float(said.said_ms is not None and said.read_ms is not None and said.said_ms <= said.read_ms),
        "open_said_ms": said.said_ms if said.said_ms is not None else float("inf"),
        "open_busy_cursor": float(said.busy_cursor),
        "select_cpu_s": statistics.median(cpu for cpu, _ in selected),
        "select_s": statistics.median(wall for _, wall in selected),
        "drag_step_cpu_s": statistics.median(cpu for cpu, _ in steps),
        "drag_step_s": statistics.median(wall for _, wall in steps),
        "drag_pinned": float(pinned),
        **figures,
        "send_after_cpu_s": max(cpu for cpu, _ in answers.sent),
        "send_after_s": max(wall for _, wall in answers.sent),
        "answer_after_cpu_s": max(cpu for cpu, _ in answers.answered),
        "answer_after_s": max(wall for _, wall in answers.answered),
        "play_cpu_s": play[0],
        "play_s": play[1],
        "play_pause_s": play[2],
        "save_cpu_s": save[0],
        "save_s": save[1],
        "save_written_s": save_written_s if written and target.exists() else float("inf"),
        **peaks(),
    }


def _bare_layout(data: dict[str, Any]) -> tuple[list[str], list[tuple[int, int]], list[tuple[float, float]]]:
    """The stages, the choices' (source, target) numbers and the editor's layout of them, computed bare.

    The same layout as the editor draws: igraph's Sugiyama layout given the layers the editor gives it
    (``graph_layout.layers``: longest paths from the start, back edges set aside) and as many sweeps
    (``graph_layout.sweeps``), the whole graph at once rather than part by part.
    """
    import igraph  # noqa: PLC0415 - as the editor imports it: when drawing

    stages = data["stages"]
    ids = list(stages)
    number = {stage_id: index for index, stage_id in enumerate(ids)}
    edges = list(
        dict.fromkeys(
            (number[stage_id], number[choice["to"]])
            for stage_id, stage in stages.items()
            for choice in stage.get("choices") or []
            if choice.get("to") in number and choice["to"] != stage_id
        )
    )
    successors: dict[int, list[int]] = {index: [] for index in range(len(ids))}
    for source, target in edges:
        successors[source].append(target)
    depth = graph_layout.layers(successors, number.get(str(data.get("start")), 0))
    layer = [depth[index] for index in range(len(ids))]
    span = sum(abs(layer[target] - layer[source]) for source, target in edges)
    layout = igraph.Graph(n=len(ids), edges=edges, directed=True).layout_sugiyama(layers=layer, maxiter=graph_layout.sweeps(span))
    return ids, edges, [(float(y) * 300.0, float(x) * 96.0) for x, y in layout.coords[: len(ids)]]


def bare_actions(stages: int, cases: Path) -> dict[str, float]:
    app = QApplication(sys.argv[:1])
    case = case_file(stages, cases)
    window = QWidget()
    layout = QHBoxLayout(window)
    tree, view = QTreeView(), QGraphicsView()
    tree.setUniformRowHeights(True)
    layout.addWidget(tree)
    layout.addWidget(view, 2)
    window.resize(1366, 740)
    window.show()
    app.processEvents()
    started = _clock()
    gc.disable()
    data = yaml.load(case.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    gc.enable()
    ids, edges, places = _bare_layout(data)
    model = QStandardItemModel()
    for stage_id, stage in data["stages"].items():
        row = QStandardItem(stage_id)
        for choice in stage.get("choices") or []:
            row.appendRow(QStandardItem(f"→ {choice['to']}: {choice['label']['en']}"))
        model.appendRow(row)
    tree.setModel(model)
    scene = QGraphicsScene()
    boxes, labels, lines = [], [], []
    for stage_id, (x, y) in zip(ids, places, strict=True):
        boxes.append(scene.addRect(0.0, 0.0, 180.0, 62.0))
        boxes[-1].setPos(x, y)
        labels.append(scene.addText(f"{stage_id}\n{data['stages'][stage_id]['text']['en']}"))
        labels[-1].setParentItem(boxes[-1])
        labels[-1].setPos(5, 5)
    for source, target in edges:
        lines.append(scene.addLine(places[source][0] + 180, places[source][1] + 31, places[target][0], places[target][1] + 31))
    view.setScene(scene)
    window.repaint()
    app.processEvents()
    open_wall, open_cpu, open_process = _since(started)

    def select(index: int) -> None:
        tree.setCurrentIndex(model.item(index).index())
        scene.clearSelection()
        boxes[index].setSelected(True)
        view.centerOn(boxes[index])

    selected = [timed(app, window, lambda index=(number * 557 + 13) % (stages - 3): select(index)) for number in range(SELECTIONS)]
    for box in boxes:
        box.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
    touching: dict[int, list[int]] = {}
    for number, (source, target) in enumerate(edges):
        touching.setdefault(source, []).append(number)
        touching.setdefault(target, []).append(number)

    def line_ends(number: int) -> QLineF:
        source, target = edges[number]
        start, end = boxes[source].pos(), boxes[target].pos()
        return QLineF(start.x() + 180, start.y() + 31, end.x(), end.y() + 31)

    def bare_drag(index: int) -> tuple[list[tuple[float, float]], tuple[float, float]]:
        select(index)
        app.processEvents()
        pressed = view.mapFromScene(boxes[index].pos().x() + 90, boxes[index].pos().y() + 31)
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pressed)
        app.processEvents()
        steps = [
            timed(app, window, lambda step=step: QTest.mouseMove(view.viewport(), pressed + DRAG_BY * step / DRAG_STEPS))
            for step in range(1, DRAG_STEPS + 1)
        ]

        def release() -> None:
            QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pressed + DRAG_BY)
            for number in touching.get(index, []):
                lines[number].setLine(line_ends(number))

        return steps, timed(app, window, release)

    retargeted, far = retarget(stages)
    data["stages"][retargeted]["choices"][0]["to"] = far
    steps, dragged = bare_drag(stages // 2)

    def arrange() -> None:  # the new shape laid out again, every box (its label with it) and line moved
        _, edges[:], again = _bare_layout(data)
        for box, (x, y) in zip(boxes, again, strict=True):
            box.setPos(x, y)
        for number in range(len(lines)):
            lines[number].setLine(line_ends(number))

    before_places, before_edges = [box.pos() for box in boxes], list(edges)
    arranged = timed(app, window, arrange)

    def undo_arrange() -> None:  # every box (its label with it) and line put back where it was: no layout
        edges[:] = before_edges
        for box, place in zip(boxes, before_places, strict=True):
            box.setPos(place)
        for number in range(len(lines)):
            lines[number].setLine(line_ends(number))

    undone = timed(app, window, undo_arrange)
    target = Path(tempfile.mkdtemp()) / "saved.yaml"
    saved = timed(app, window, lambda: target.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)))
    return {
        "open_s": open_wall,
        "open_cpu_s": open_cpu,
        "open_process_cpu_s": open_process,
        "select_cpu_s": statistics.median(cpu for cpu, _ in selected),
        "select_s": statistics.median(wall for _, wall in selected),
        "drag_step_cpu_s": statistics.median(cpu for cpu, _ in steps),
        "drag_step_s": statistics.median(wall for _, wall in steps),
        "drag_later_cpu_s": dragged[0],
        "drag_later_s": dragged[1],
        "arrange_cpu_s": arranged[0],
        "arrange_s": arranged[1],
        "arrange_undo_cpu_s": undone[0],
        "arrange_undo_s": undone[1],
        "save_cpu_s": saved[0],
        "save_s": saved[1],
    }


MEASURES = {"actions": actions, "bare-actions": bare_actions}

if __name__ == "__main__":
    print(json.dumps(MEASURES[sys.argv[1]](int(sys.argv[2]), Path(sys.argv[3]))))
