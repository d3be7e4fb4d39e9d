"""The one way work leaves the UI thread: a task runner over QThreadPool.

``run(work, on_done, on_error)`` runs ``work()`` on a pool thread and calls ``on_done(result)`` or
``on_error(exception)`` back on the GUI thread. Workers never touch widgets and never share a
database Session (each opens its own). ``busy_changed`` drives the status bar's progress indicator.
Tests and the screenshot tool give the real runner an ``InlineThreadPool``, which runs each job at once
on the calling thread (as Picard's tests fake the pool, never the runner), so every line of the runner
is what the app runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Progress:
    """Handed to long work: ``report(done, total)`` from the worker, ``cancel()`` from the window."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._emit(done, total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class _Delivery(QObject):
    """Lives on the GUI thread; the worker's signals reach it queued, so callbacks run there."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, runner: TaskRunner, on_done: Done, on_error: Failed, on_progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__()
        self._runner = runner
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._runner._finished(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._runner._finished(self)
        assert isinstance(error, BaseException)
        self._on_error(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], delivery: _Delivery) -> None:
        super().__init__()
        self._work = work
        self._delivery = delivery

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._delivery.failed.emit(exc)
        else:
            self._delivery.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs slow work on the thread pool and hands its result (or error) back on the GUI thread; ``busy_changed`` while any runs."""

    busy_changed = Signal(bool)
    unhandled = Signal(object)  # a failure of work given no ``on_error``: the app's error handler says it (``ui.errors``)

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self._pool = pool or QThreadPool.globalInstance()
        self._pending: set[_Delivery] = set()
        self._quiet: set[_Delivery] = set()  # work the user did not ask for (a refresh after another workstation's change)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, work: Callable[[], object], on_done: Done, on_error: Failed | None = None, *, quiet: bool = False) -> None:
        """Run ``work`` off the GUI thread; ``quiet`` work leaves the busy indicator alone (nobody is waiting for it)."""
        self._start(work, _Delivery(self, on_done, on_error or self._unhandled), quiet=quiet)

    def _start(self, work: Callable[[], object], delivery: _Delivery, *, quiet: bool = False) -> None:
        if quiet:
            self._quiet.add(delivery)
        else:
            self._pending.add(delivery)
            if len(self._pending) == 1:
                self.busy_changed.emit(True)
        self._pool.start(_Job(work, delivery))

    def run_with_progress(
        self,
        work: Callable[[Progress], object],
        on_done: Done,
        on_error: Failed | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Progress:
        """Like ``run``, for work that reports progress and stops when cancelled; returns its Progress."""
        delivery = _Delivery(self, on_done, on_error or self._unhandled, on_progress)
        progress = Progress(delivery.progressed.emit)
        self._start(lambda: work(progress), delivery)
        return progress

    def _finished(self, delivery: _Delivery) -> None:
        if delivery in self._quiet:
            self._quiet.discard(delivery)
            return
        self._pending.discard(delivery)
        if not self._pending:
            self.busy_changed.emit(False)

    def wait(self, milliseconds: int = 10_000) -> bool:
        """Wait for running work (at exit); False if it did not finish in time."""
        return bool(self._pool.waitForDone(milliseconds))

    def _unhandled(self, error: BaseException) -> None:
        log.error("background task failed", exc_info=error)
        self.unhandled.emit(error)


class InlineThreadPool(QThreadPool):
    """A thread pool that runs each job at once on the calling thread: deterministic, with no waiting.

    Only the pool is replaced: the runner's queued delivery, busy state and progress work unchanged (a
    signal emitted on the GUI thread reaches its receiver there directly).
    """

    def start(self, runnable: QRunnable, priority: int = 0) -> None:  # type: ignore[override]
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # type: ignore[override]  # noqa: N802 - Qt's name
        return True
