"""The task runner: work runs on a pool thread, results and errors come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from PySide6.QtCore import QThread, QThreadPool

from ui.tasks import InlineThreadPool, Progress, TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qapp) -> TaskRunner:  # type: ignore[no-untyped-def]
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    runner = TaskRunner(pool)
    yield runner
    assert runner.wait()


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = QThread.currentThread()
        return 42

    def done(result: object) -> None:
        seen["result"], seen["delivered_on"] = result, QThread.currentThread()

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        runner.run(work, done)
        assert runner.busy
    assert seen == {"worker": seen["worker"], "result": 42, "delivered_on": gui}
    assert seen["worker"] is not gui
    assert not runner.busy


def test_an_error_comes_back_to_on_error_and_the_runner_is_idle_again(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        runner.run(lambda: 1 / 0, lambda _result: pytest.fail("no result expected"), errors.append)
    assert [type(e) for e in errors] == [ZeroDivisionError]
    assert not runner.busy


def test_busy_until_the_last_of_several_jobs(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    results: list[object] = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        runner.run(lambda: release.wait(5) and "slow", results.append)
        runner.run(lambda: "fast", results.append)
        qtbot.waitUntil(lambda: results == ["fast"], timeout=5000)
        assert runner.busy
        release.set()
    assert results == ["fast", "slow"]
    assert states == [True, False]


def test_progress_is_reported_on_the_gui_thread_and_cancel_stops_the_work(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    gui = QThread.currentThread()
    reports: list[tuple[int, int, bool]] = []
    started = threading.Event()

    def work(progress: Progress) -> int:
        done = 0
        for done in range(1, 10_000):
            progress.report(done, 10_000)
            started.set()
            if progress.cancelled:
                break
            threading.Event().wait(0.001)
        return done

    results: list[object] = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000):
        progress = runner.run_with_progress(
            work, results.append, on_progress=lambda d, t: reports.append((d, t, QThread.currentThread() is gui))
        )
        assert started.wait(5)
        qtbot.waitUntil(lambda: bool(reports), timeout=5000)
        progress.cancel()
    assert isinstance(results[0], int)
    assert results[0] < 9_999  # stopped early
    assert all(on_gui for _d, _t, on_gui in reports)


def test_the_inline_pool_runs_the_real_runner_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(InlineThreadPool())
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    results: list[object] = []
    runner.run(lambda: "now", results.append)
    assert results == ["now"]
    assert states == [True, False]
    errors: list[BaseException] = []
    runner.run(lambda: int("x"), results.append, errors.append)
    assert [type(e) for e in errors] == [ValueError]
    assert runner.wait()
