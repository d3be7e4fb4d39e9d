"""The application context: what every page needs, created once at start-up and passed explicitly.

No singletons: tests build a context of their own (a temporary database, a synchronous task runner,
settings in a temporary file) and hand it to the window under test.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from ui.errors import user_message
from ui.i18n import Translations
from ui.notifier import ChangeNotifier
from ui.settings import LANGUAGE, Settings
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the database layer loads after the first window is up
    from tipcase.services.signing_in import Account
    from tipcase.store.database import Database


class ContextSignals(QObject):
    """What the app announces to its pages: the interface language changed, the records opened, sign-in and sign-out, a status line."""

    language_changed = Signal(str)
    database_ready = Signal()
    signed_in = Signal()
    signed_out = Signal()
    status_message = Signal(str)


@dataclasses.dataclass(eq=False)
class ApplicationContext:
    """What every page shares: settings, the task runner, the translations, the records and who is signed in, the signals."""

    settings: Settings
    tasks: TaskRunner
    translations: Translations
    database_url: str | None = None
    db: Database | None = None
    account: Account | None = None
    signals: ContextSignals = dataclasses.field(default_factory=ContextSignals)
    notifier: ChangeNotifier = dataclasses.field(default_factory=ChangeNotifier)  # what other workstations change
    watch_changes: bool = True  # the notifier hears the records once they are open (tests turn it on when they test it)

    def run_signed_in(
        self, work: Callable[[Database, int], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None]
    ) -> None:
        """Run ``work(db, account_id)`` off the UI thread, when the records are open and someone is signed in."""
        db, account = self.db, self.account
        if db is None or account is None:
            return
        account_id = account.id
        self.tasks.run(lambda: work(db, account_id), done, failed)

    def run_quietly(self, work: Callable[[Database, int], Any], shown: Callable[[Any], None], done: Callable[[], None]) -> None:
        """A re-read nobody asked for, because another workstation changed the records.

        ``work(db, account_id)`` runs off the UI thread without the busy indicator, then ``shown(result)``;
        a failure is a status-bar sentence, not a box. ``done()`` follows in every case
        (``ui.notifier.Follower`` waits for it).
        """
        db, account = self.db, self.account
        if db is None or account is None:
            done()
            return
        account_id = account.id

        def succeeded(result: Any) -> None:
            try:
                shown(result)
            finally:
                done()

        def failed(error: BaseException) -> None:
            self.signals.status_message.emit(self.describe(error))
            done()

        self.tasks.run(lambda: work(db, account_id), succeeded, failed, quiet=True)

    def describe(self, error: BaseException) -> str:
        """One translated sentence for ``error``, naming these records where it helps (``ui.errors.user_message``)."""
        return user_message(error, self.db.where if self.db is not None else "")

    @property
    def language(self) -> str:
        return str(self.translations.language)

    def set_language(self, language: str) -> None:
        """Switch the interface and the cases' language now, and remember it."""
        self.translations.apply(language)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # every widget retranslates at once
        self.settings.set(LANGUAGE, self.translations.language)
        self.signals.language_changed.emit(self.translations.language)

    def text(self, value: object) -> str:
        """A scenario text in the interface language (falling back to English, then any)."""
        if value is None:
            return ""
        get = getattr(value, "get", None)
        if get is None:
            return str(value)
        if isinstance(value, dict):
            return str(value.get(self.language) or value.get("en") or next(iter(value.values()), ""))
        text: str = get(self.language, ["en", "id"])
        return text
