"""The editor's other waits at scale, measured in a fresh process: opening a case, selecting a stage, *Arrange
automatically* and Save, at a given number of stages (``benchmarks.editor`` times the edits and the typing).

``python benchmarks/editor_actions.py actions|bare-actions STAGES CASES_FOLDER`` prints one JSON object;
``benchmarks.editor_report`` runs ours and the baseline in interleaved pairs and prints the table and targets.

- open: the editor shown empty, then ``open_file`` (what *Open…* does once the file is chosen) until the map
  and the outline are shown (the window painted, the event loop's next pass run): the GUI thread's CPU
  (``time.thread_time``), the process's CPU (``time.process_time``: every thread, the worker's too) and the
  wall time. Its first check runs in the checker process meanwhile and is not waited for.
- select: a stage chosen as a click in the outline or on the map does (``EditorPage.select``: the outline's
  row current, the form filled, the node selected and brought into sight), on ``SELECTIONS`` stages across
  the case; the median, timed as an edit.
- arrange: after a stage was dragged (which pins every stage where it is drawn: 5,000 places forgotten),
  *Arrange automatically* (every stage laid out in layers again, shown whole), and its undo.
- save: Save to a new file (``FileSession.save_to``) until the window has painted again (the GUI thread's
  stall, the write going to the checker process), and beside it the wall time until the file is written.

Baseline (``bare-actions``), the least a plain program does for the same: the file read with PyYAML's C loader
(the collector paused, as the editor does), the same graph laid out by igraph's Sugiyama layout
(``layout_sugiyama``, the library the editor uses) and drawn as a box, a label and a line per stage and
choice in a QGraphicsScene beside a QTreeView over a QStandardItemModel (a row per stage, one per choice),
painted; *arrange*: the same layout computed again and every box, label and line moved; *select*: a row made
current, its item selected and centred; *save*: ``yaml.dump`` with the C dumper to the file (the least any save
does, on the thread that asked).
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

from PySide6.QtCore import QLineF, QSettings
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QHBoxLayout, QTreeView, QWidget

from benchmarks.editor import case_file, private_copy, timed, wait_until

from ui.context import ApplicationContext
from ui.editor import EditorPage
from ui.i18n import Translations
from ui.settings import Settings
from ui.tasks import TaskRunner

SELECTIONS = 9


def _clock() -> tuple[float, float, float]:
    return time.perf_counter(), time.thread_time(), time.process_time()


def _since(started: tuple[float, float, float]) -> tuple[float, float, float]:
    """Wall, GUI-thread CPU and process CPU seconds since ``started``."""
    wall, thread, process = _clock()
    return wall - started[0], thread - started[1], process - started[2]


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
    started = _clock()
    page.open_file(case)
    window.repaint()
    app.processEvents()
    open_wall, open_cpu, open_process = _since(started)
    reports: list[object] = []
    page.checking.checked.connect(reports.append)
    wait_until(app, lambda: reports)  # the first check is in: the checker's work does not share the CPU with what follows
    selected = []
    for number in range(SELECTIONS):
        stage_id = f"s{(number * 557 + 13) % (stages - 3)}"
        selected.append(timed(app, window, lambda stage_id=stage_id: page.select(stage_id)))
    dragged = f"s{stages // 2}"  # a stage dragged by hand first (which pins every stage where it is drawn), as before a tidy-up
    x, y = page.graph.node_position(dragged)
    page.edits.move_stages([(dragged, x + 600.0, y + 290.0)])
    app.processEvents()
    page.checking.timer.stop()  # the check of the drag is not charged to the arrangement
    arrange = timed(app, window, page.edits.arrange_automatically)
    arrange_undo = timed(app, window, page.undo)
    target = folder / "saved.yaml"
    started = _clock()
    save = timed(app, window, lambda: page.session.save_to(target))
    written = page.session.wait_for_saves()
    save_written_s = time.perf_counter() - started[0]
    page.checking.close()
    return {
        "open_s": open_wall,
        "open_cpu_s": open_cpu,
        "open_process_cpu_s": open_process,
        "select_cpu_s": statistics.median(cpu for cpu, _ in selected),
        "select_s": statistics.median(wall for _, wall in selected),
        "arrange_cpu_s": arrange[0],
        "arrange_s": arrange[1],
        "arrange_undo_cpu_s": arrange_undo[0],
        "arrange_undo_s": arrange_undo[1],
        "save_cpu_s": save[0],
        "save_s": save[1],
        "save_written_s": save_written_s if written and target.exists() else float("inf"),
    }


def _bare_layout(data: dict[str, Any]) -> tuple[list[str], list[tuple[int, int]], list[tuple[float, float]]]:
    """The stages, the choices' (source, target) numbers and igraph's Sugiyama layout of them."""
    import igraph  # noqa: PLC0415 - as the editor imports it: when drawing

    stages = data["stages"]
    ids = list(stages)
    number = {stage_id: index for index, stage_id in enumerate(ids)}
    edges = [
        (number[stage_id], number[choice["to"]])
        for stage_id, stage in stages.items()
        for choice in stage.get("choices") or []
        if choice.get("to") in number
    ]
    layout = igraph.Graph(n=len(ids), edges=edges, directed=True).layout_sugiyama(maxiter=40)
    return ids, edges, [(float(x) * 230.0, float(y) * 300.0) for x, y in layout.coords[: len(ids)]]


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
        boxes.append(scene.addRect(x, y, 180.0, 62.0))
        labels.append(scene.addText(f"{stage_id}\n{data['stages'][stage_id]['text']['en']}"))
        labels[-1].setPos(x + 5, y + 5)
    for source, target in edges:
        lines.append(scene.addLine(places[source][0] + 180, places[source][1] + 31, places[target][0], places[target][1] + 31))
    view.setScene(scene)
    window.repaint()
    app.processEvents()
    open_wall, open_cpu, open_process = _since(started)

    def select(index: int) -> None:
        tree.setCurrentIndex(model.item(index).index())
        scene.clearSelection()
        view.centerOn(boxes[index])

    selected = [timed(app, window, lambda index=(number * 557 + 13) % (stages - 3): select(index)) for number in range(SELECTIONS)]

    def arrange() -> None:
        _, _, again = _bare_layout(data)
        for box, label, (x, y) in zip(boxes, labels, again, strict=True):
            box.setRect(x, y, 180.0, 62.0)
            label.setPos(x + 5, y + 5)
        for line, (source, target) in zip(lines, edges, strict=True):
            line.setLine(QLineF(again[source][0] + 180, again[source][1] + 31, again[target][0], again[target][1] + 31))

    arranged = timed(app, window, arrange)
    target = Path(tempfile.mkdtemp()) / "saved.yaml"
    saved = timed(app, window, lambda: target.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)))
    return {
        "open_s": open_wall,
        "open_cpu_s": open_cpu,
        "open_process_cpu_s": open_process,
        "select_cpu_s": statistics.median(cpu for cpu, _ in selected),
        "select_s": statistics.median(wall for _, wall in selected),
        "arrange_cpu_s": arranged[0],
        "arrange_s": arranged[1],
        "save_cpu_s": saved[0],
        "save_s": saved[1],
    }


MEASURES = {"actions": actions, "bare-actions": bare_actions}

if __name__ == "__main__":
    print(json.dumps(MEASURES[sys.argv[1]](int(sys.argv[2]), Path(sys.argv[3]))))
