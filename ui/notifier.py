"""The app's "records changed" notifier: pages subscribe to topics and hear what other workstations did.

One ``ChangeNotifier`` lives in the application context. Once the records are open it runs a
``tipcase.store.changes.ChangeWatcher`` (PostgreSQL LISTEN/NOTIFY, or SQLite's ``PRAGMA data_version``
polled on its own thread) and brings each change to the GUI thread through a queued signal. Changes
arriving close together are gathered for ``GATHER_MS`` and handed to each subscriber once, as a
``Changes``: which topics, and every change with its payload.

Subscribing::

    subscription = context.notifier.subscribe({"certificates", "users"}, self.records_changed)
    ...
    subscription.cancel()            # or let the subscriber's QObject be destroyed: it cancels itself

A topic is a table name (``tipcase.store.models``: ``"attempts"``, ``"certificates"``, ``"cohorts"``...)
or a topic a writer announces itself with ``tipcase.store.changes.announce(session, topic, payload)``
(a team exercise's hand-overs, say: ``"exercise:12"``). An empty set hears every change. On SQLite
every change is ``ANY`` (data_version says that another connection committed, not what): every
subscriber hears it. Payloads are hints; a subscriber re-reads the records, on the task runner, never
on the GUI thread. A subscriber should compare what it read with what it shows, and keep the user's
selection, scroll and focus: a refresh must never be noticed except for the new facts.

``connection_changed(bool)`` says when the watcher loses or regains the records (the main window
shows it in the status bar); after a reconnection every subscriber hears ``ANY``, as what happened
meanwhile is not known.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from tipcase.store.changes import Change, ChangeWatcher
    from tipcase.store.database import Database

log = logging.getLogger(__name__)

GATHER_MS = 150  # changes closer together than this reach a subscriber as one
ANY = "*"  # tipcase.store.changes.ANY, without importing the database layer at start-up


@dataclasses.dataclass(frozen=True)
class Changes:
    """What a subscriber hears: the topics that changed (``ANY`` when not known) and each change heard."""

    topics: frozenset[str]
    changes: tuple[Change, ...]

    def touches(self, topics: Iterable[str]) -> bool:
        wanted = set(topics)
        return not wanted or ANY in self.topics or bool(wanted & self.topics)

    @property
    def only_own(self) -> bool:
        """Every change was announced by this process (its own writes; known on PostgreSQL only)."""
        return bool(self.changes) and all(change.own for change in self.changes)


class Subscription:
    """A subscriber's topics and callback; ``cancel()`` stops it (idempotent)."""

    def __init__(self, notifier: ChangeNotifier, topics: frozenset[str], callback: Callable[[Changes], None]) -> None:
        self.notifier = notifier
        self.topics = topics
        self.callback = callback

    def cancel(self) -> None:
        self.notifier._subscriptions.discard(self)


class ChangeNotifier(QObject):
    """Hears the records change (see the module's docstring) and tells the pages that subscribed."""

    connection_changed = Signal(bool)  # False: the watcher lost the records; True: back again
    _heard = Signal(object)  # a Change, from the watcher's thread; queued to the GUI thread

    def __init__(self, poll_seconds: float = 0.4) -> None:
        super().__init__()
        self.poll_seconds = poll_seconds
        self._subscriptions: set[Subscription] = set()
        self._watcher: ChangeWatcher | None = None
        self._gathered: list[Change] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._dispatch)
        self._heard.connect(self._arrived)
        self.connected = True

    # -- subscribing -----------------------------------------------------------------------------
    def subscribe(self, topics: Iterable[str], callback: Callable[[Changes], None], owner: QObject | None = None) -> Subscription:
        """Call ``callback(changes)`` on the GUI thread when any of ``topics`` changes (an empty set: any change).

        With ``owner``, the subscription ends when that object is destroyed.
        """
        subscription = Subscription(self, frozenset(topics), callback)
        self._subscriptions.add(subscription)
        if owner is not None:
            owner.destroyed.connect(lambda *_args: subscription.cancel())
        return subscription

    # -- the watcher -----------------------------------------------------------------------------
    def start(self, db: Database) -> None:
        """Hear the changes to ``db`` (stops hearing any other first)."""
        from tipcase.store.changes import ChangeWatcher  # noqa: PLC0415 - the database layer is loaded by now

        self.stop()
        self._watcher = ChangeWatcher(db, self._heard.emit, poll_seconds=self.poll_seconds).start()

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        self._timer.stop()
        self._gathered.clear()

    @property
    def running(self) -> bool:
        return self._watcher is not None and self._watcher.running

    # -- delivery --------------------------------------------------------------------------------
    def _arrived(self, change: Any) -> None:
        if self._watcher is None:
            return  # stopped while the change was on its way
        if not change.connected or change.resumed:
            self.connected = change.connected
            self.connection_changed.emit(change.connected)
            if not change.connected:
                return
        self._gathered.append(change)
        if not self._timer.isActive():
            self._timer.start()

    def _dispatch(self) -> None:
        gathered, self._gathered = tuple(self._gathered), []
        if not gathered:
            return
        heard = Changes(frozenset(change.topic for change in gathered), gathered)
        for subscription in list(self._subscriptions):
            if subscription in self._subscriptions and heard.touches(subscription.topics):
                try:
                    subscription.callback(heard)
                except Exception:  # noqa: BLE001 - one page's fault never silences the others; the app's handler says it
                    sys.excepthook(*sys.exc_info())


Refresh = Callable[[Callable[[], None]], None]  # re-read and show, off the GUI thread; call the argument when done


class Follower(QObject):
    """Keeps a page true to the records: re-reads it when another workstation changes one of its topics.

    ``refresh(done)`` starts the page's quiet re-read (on the task runner, keeping selection and focus)
    and calls ``done()`` when it has been shown or has failed. One re-read at a time: changes heard
    meanwhile cause one more afterwards. A hidden page is only marked stale and re-reads when shown.
    The page's own writes (known on PostgreSQL) cause nothing: the page shows them already.
    """

    def __init__(self, page: QWidget, notifier: ChangeNotifier, topics: Iterable[str], refresh: Refresh) -> None:
        super().__init__(page)
        self.page = page
        self.refresh = refresh
        self.reading = False
        self.again = False
        self.stale = False
        self.subscription = notifier.subscribe(topics, self.changed, owner=page)
        page.installEventFilter(self)

    def changed(self, changes: Changes) -> None:
        if changes.only_own:
            return
        if not self.page.isVisible():
            self.stale = True
            return
        self.read()

    def read(self) -> None:
        if self.reading:
            self.again = True
            return
        self.reading, self.stale = True, False
        self.refresh(self._done)

    def _done(self) -> None:
        self.reading = False
        if self.again:
            self.again = False
            self.read()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self.read()
        return False
