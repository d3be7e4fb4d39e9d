"""The longest stall of the app's event loop while someone types at the sign-in page as the app starts, in a fresh process.

``python benchmarks/startup_stall.py [--database URL]`` runs the app as ``tipcase --quit-after-preload`` does,
calling ``ui.app.main`` itself, not through ``ui.launcher`` (the console script): its imports run with the
collector on and are not frozen as the launcher's are (its collector has more to scan, not less), and it ends
by returning, not by ``exit_now``. The first window, the records opened on a worker
(SQLAlchemy, the sign-in service, the schema checked), then the worker that loads what the pages after the
sign-in read with (the ORM, the models), and the exit once that is done. Meanwhile a key is typed into the
field that has the focus every 60 ms (``QTest.keyClick``: the username, then the password once the records are
open), and a 2 ms timer records every gap of the event loop
from its first pass (the first window painted) to the exit.

Prints one JSON object: ``stall_s``, the longest gap (wall seconds); ``stall_cpu_s``, the most CPU the process spent
inside one gap (all its threads, ``time.process_time``: judged, since a wall gap on a shared machine is partly the
scheduler's); ``span_s``, from the first pass to the exit; ``keys``, the keys typed; and ``typed``, how many
characters reached the two fields (as many as ``keys`` when every key went to one of them: the keys are typed
by a timer of the same event loop, so a stall delays a key rather than losing it, and what the count checks is
that the focus never left the two fields). The timers and the typing are this probe's;
the CPU and memory of the start itself are ``tipcase --quit-after-preload``'s (``benchmarks/startup.py``).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import ui.app

TICK_MS = 2
KEY_EVERY_MS = 60


def measure(args: Sequence[str]) -> tuple[int, dict[str, float]]:
    """Run the app to the end of its preload with the typing and the tick timer; its exit status and the figures."""
    clock = QElapsedTimer()
    gaps: list[tuple[float, float]] = []  # (wall s, CPU s) of each gap
    last: list[float] = []  # [wall ns, CPU s] of the previous tick, once the loop runs
    first: list[float] = []  # wall ns of the first tick
    keys = [0]
    timers: list[QTimer] = []
    made = ui.app.create_app

    def tick() -> None:
        now, cpu = clock.nsecsElapsed(), time.process_time()
        if last:
            gaps.append(((now - last[0]) / 1e9, cpu - last[1]))
        else:
            first.append(now)
        last[:] = [now, cpu]

    def key() -> None:
        widget = QApplication.focusWidget()
        if widget is not None and last:
            QTest.keyClick(widget, "abcdefghij"[keys[0] % 10])
            keys[0] += 1

    def create_app(argv: Sequence[str]) -> QApplication:
        app = made(argv)
        for interval, slot in ((TICK_MS, tick), (KEY_EVERY_MS, key)):
            timer = QTimer(app)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(slot)
            timer.start(interval)
            timers.append(timer)
        clock.start()
        return app

    ui.app.create_app = create_app  # type: ignore[assignment]
    windows: list[object] = []
    made_window = ui.app.MainWindow

    def main_window(context: object) -> object:
        windows.append(made_window(context))  # type: ignore[arg-type]
        return windows[-1]

    ui.app.MainWindow = main_window  # type: ignore[assignment,misc]
    status = ui.app.main([*args, "--quit-after-preload"])
    page = windows[0].sign_in_page  # type: ignore[attr-defined]
    typed = len(page.username.text()) + len(page.password.text())
    longest = max(gaps, default=(0.0, 0.0))
    figures = {
        "stall_s": longest[0],
        "stall_cpu_s": max((cpu for _, cpu in gaps), default=0.0),
        "span_s": (last[0] - first[0]) / 1e9 if first else 0.0,
        "keys": keys[0],
        "typed": typed,
    }
    return status, figures


if __name__ == "__main__":
    code, result = measure(sys.argv[1:])
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(code)  # as tipcase ends: no teardown of Qt's modules
