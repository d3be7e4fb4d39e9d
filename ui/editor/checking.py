"""The editor's background work on its document: validation, saving and the autosave, in the checker process.

A change starts a short timer (``DEBOUNCE_MS``); when it runs out, what changed is sent to the checker
(``tipcase.format.document_check``) through the task runner, and its findings come back on the GUI
thread. One request is in flight at a time, in the order made, so the checker's mirror never falls
behind or runs ahead; a result that the document has changed since is dropped (stale) and a new check
follows. Saving and the autosave go the same way (``write``): the checker writes the document with the
readable emitter, so neither serialising nor validating ever runs on the GUI thread. *Play from here*
asks for the case too (``play``): the checker checks it and sends back the loaded Scenario, taken as the
document stood when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from tipcase.format.document import Change, ScenarioDocument
from tipcase.format.document_check import CheckerGone, CheckerProcess, CheckReport, LocalChecker, PlayReady, SyncTracker, encode

from ui.errors import user_message
from ui.tasks import TaskRunner

DEBOUNCE_MS = 300
MAX_FAILURES = 2
Checker = CheckerProcess | LocalChecker
Request = tuple[str, str | None, Callable[[Any], None], Callable[[BaseException], None], bytes | None]


class PlayLost(Exception):
    """A play's request could not reach the checker as the document stood when it was asked (ask again)."""


class BackgroundCheck(QObject):
    """Validation and autosave of one editor's document, off the GUI thread; ``checked`` brings the findings."""

    checked = Signal(object)  # CheckReport of the document as it stands
    failed = Signal(str)  # why the checker could not check (it starts afresh with the next change)

    def __init__(self, tasks: TaskRunner, checker: Callable[[], Checker] = CheckerProcess, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._make_checker = checker
        self._checker: Checker | None = None
        self._tracker: SyncTracker | None = None
        self._document: ScenarioDocument | None = None
        self._version = 0  # counts the document's changes: a result of an older version is stale
        self._queue: list[Request] = []  # action, argument, done, failed, and the payload when taken already
        self._busy = False
        self._failures = 0  # in a row: after MAX_FAILURES the checker runs in this process, and then no more retries
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.check_now)

    def follow(self, document: ScenarioDocument) -> None:
        """Check this document from now on (a new one, or one just opened): at once, then after each change."""
        if self._tracker is not None:
            self._tracker.close()
        if self._document is not None:
            self._document.unsubscribe(self._changed)
        self._document = document
        self._tracker = SyncTracker(document)
        document.subscribe(self._changed)
        self._version += 1
        self.timer.start(0)

    def _changed(self, _changes: list[Change]) -> None:
        self._version += 1
        self.timer.start(DEBOUNCE_MS)

    def check_now(self) -> None:
        """Check without waiting for the timer (the tests, the benchmark, a save)."""
        self.timer.stop()
        if not any(action == "check" for action, *_ in self._queue):
            self._queue.append(("check", None, self._done_check(self._version), self._check_failed, None))
        self._pump()

    def write(self, path: str, done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
        """Have the checker write the document as it stands to ``path``; ``done(None)`` or ``failed(error)`` follow.

        A save and the autosave go this way: the readable emitter (seconds at 5,000 stages) never runs on the GUI
        thread. What is written is the document as it stands when the request is sent, in the order requests were
        made; a document replaced meanwhile (``follow``) must wait for the writes on their way (``FileSession``).
        """
        self._queue.append(("write", path, done, failed, None))
        self._pump()

    def play(self, done: Callable[[PlayReady], None], failed: Callable[[BaseException], None]) -> None:
        """Have the checker check the document as it stands now and send back the loaded case (``PlayReady``).

        What changed is taken at once and the request goes before any waiting one, so what comes back is this
        version even when the document is edited before the checker gets to it; its report also serves as the
        check of that version (``checked``). Should the checker's mirror be lost meanwhile (a request before it
        failed), that version cannot be sent any more: ``failed`` gets ``PlayLost``.
        """
        if self._tracker is None:
            failed(PlayLost())
            return
        version = self._version
        payload = encode("play", self._tracker.take())

        def ready(answer: Any) -> None:
            assert isinstance(answer, PlayReady)
            if version == self._version:
                self.timer.stop()  # the check this version waited for is this one
                self.checked.emit(answer.report)
            done(answer)

        self._queue.insert(0, ("play", None, ready, failed, payload))
        self._pump()

    def autosave(self, path: str, done: Callable[[Any], None], failed: Callable[[BaseException], None]) -> None:
        """The autosave's write (``write``)."""
        self.write(path, done, failed)

    def _pump(self) -> None:
        if self._busy or not self._queue or self._tracker is None:
            return
        action, argument, done, failed, payload = self._queue.pop(0)
        if payload is None:
            if action == "check":
                done = self._done_check(self._version)  # what is sent now is the version it checks
            payload = encode("check" if action == "check" else "write", self._tracker.take(), argument)
        checker = self._running_checker()
        self._busy = True
        self._tasks.run(
            lambda: checker.request(payload), lambda result: self._finish(done, result), lambda error: self._fail(failed, error)
        )

    def _running_checker(self) -> Checker:
        if self._checker is None:
            self._checker = self._make_checker()
        return self._checker

    def _finish(self, done: Callable[[Any], None], result: Any) -> None:
        self._busy = False
        self._failures = 0
        done(result)
        self._pump()

    def _fail(self, failed: Callable[[BaseException], None], error: BaseException) -> None:
        self._busy = False
        if self._tracker is not None:
            self._tracker.restart()  # the checker's mirror is gone or was reset: start it afresh
        lost = [request for request in self._queue if request[4] is not None]  # taken for a mirror that is gone
        self._queue = [request for request in self._queue if request[4] is None]
        self._failures += 1
        if isinstance(error, CheckerGone) and not isinstance(self._checker, LocalChecker):
            # the child died or cannot start: a new one next time, and after repeated failures, this process
            self._checker = LocalChecker() if self._failures >= MAX_FAILURES else None
        failed(error)
        for _action, _argument, _done, waiting, _payload in lost:
            waiting(PlayLost())
        self._pump()

    def _done_check(self, version: int) -> Callable[[Any], None]:
        def done(report: Any) -> None:
            if version != self._version:  # stale: the document changed meanwhile; it is checked again
                if not any(action == "check" for action, *_ in self._queue):
                    self.timer.start(DEBOUNCE_MS)
                return
            assert isinstance(report, CheckReport)
            self.checked.emit(report)

        return done

    def _check_failed(self, error: BaseException) -> None:
        self.failed.emit(user_message(error))
        if self._failures <= MAX_FAILURES:
            self.timer.start(DEBOUNCE_MS)  # once more, afresh; a change tries again after that

    @property
    def busy(self) -> bool:
        return self._busy or bool(self._queue) or self.timer.isActive()

    def close(self) -> None:
        """Stop following the document and end the checker."""
        self.timer.stop()
        if self._tracker is not None:
            self._tracker.close()
        if self._document is not None:
            self._document.unsubscribe(self._changed)
        if self._checker is not None:
            self._checker.close()
