"""A trainee's app says that it is open, so the control room can tell who is at their workstation (walk D, finding 4).

``PresenceBeacon`` belongs to the main window's ``ExerciseFlow``. While a trainee is signed in it tells the
records every ``BEACON_SECONDS`` (``tipcase.services.exercise_presence``), and at once when they sign in or
change page, that their app is open, and which role's workstation it shows when it shows one; at sign-out,
and when the app closes, it says they have gone. Staff say nothing. A write that fails is dropped quietly: the next beacon says it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ui.context import ApplicationContext

BEACON_SECONDS = 30  # tipcase.services.exercise_presence.BEACON_SECONDS, without loading the database layer at start-up


class PresenceBeacon(QObject):
    """Tells the records that a trainee's app is open (the module docstring says when); ``showing`` gives (session, role) or None."""

    def __init__(self, context: ApplicationContext, showing: Callable[[], tuple[str, str] | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.showing = showing
        self._account_id: int | None = None
        self._last: tuple[str, str] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(BEACON_SECONDS * 1000)
        self.timer.timeout.connect(self.say)
        context.signals.signed_in.connect(self._signed_in)
        context.signals.signed_out.connect(self._signed_out)

    def _signed_in(self) -> None:
        account = self.context.account
        self._account_id = account.id if account is not None and account.role == "trainee" else None
        if self._account_id is not None:
            self.timer.start()
            self.say()

    def say(self, *_args: Any) -> None:
        """Tell the records now that the app is open (and where): at sign-in, on a change of page, every half minute."""
        account, db = self.context.account, self.context.db
        if account is None or db is None or account.id != self._account_id:
            return
        at = self.showing()
        self._last = at

        def work(db: Any, account_id: int) -> int:
            from tipcase.services import exercise_presence  # noqa: PLC0415

            return exercise_presence.beacon_for(db, account_id, at)

        self.context.run_quietly(work, lambda _count: None, lambda: None)

    def _signed_out(self) -> None:
        self.timer.stop()
        account_id, db, self._account_id = self._account_id, self.context.db, None
        if account_id is None or db is None:
            return

        def work() -> None:
            from tipcase.services import exercise_presence  # noqa: PLC0415

            exercise_presence.gone_for(db, account_id)

        self.context.tasks.run(work, lambda _result: None, lambda _error: None, quiet=True)

    def closing(self) -> None:
        """The app is closing (File > Close, Ctrl+Q, the window's X): say the trainee has gone, as sign-out does.

        The control room showed a trainee who closed the app "at the workstation" for about 90 s (walk G,
        finding 19). The main window waits for the task runner before it closes, so the word is written.
        """
        self._signed_out()

    def page_changed(self) -> None:
        """A change of page: said at once when the workstation shown is not the one last said."""
        if self._account_id is not None and self.showing() != self._last:
            self.say()
