"""The way between the team exercise pages: the sessions, a control room, a role's workstation, the joint debrief.

``ExerciseFlow`` belongs to the main window: it makes each page on first use (so the app starts as
fast as before), puts it on the window's stack and follows the pages' requests from one to another.
``show_debrief_button`` says, by one rule, whether a page's way into the joint debrief is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QPushButton

from ui.errors import core_text
from ui.pages.exercise_presence import PresenceBeacon

if TYPE_CHECKING:
    from ui.context import ApplicationContext
    from ui.main_window import MainWindow
    from ui.pages.control_room import ControlRoomPage
    from ui.pages.exercises import ExercisesPage
    from ui.pages.home import HomePage
    from ui.pages.team_debrief import TeamDebriefPage
    from ui.pages.workstation import WorkstationPage


class ExerciseFlow(QObject):
    """The way between the sessions page and a session's control room, each page made on first use."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._list: ExercisesPage | None = None
        self._room: ControlRoomPage | None = None
        self._station: WorkstationPage | None = None
        self._debrief: TeamDebriefPage | None = None
        self.beacon = PresenceBeacon(window.context, self._showing, self)  # a trainee's app says it is open
        window.stack.currentChanged.connect(lambda _index: self.beacon.page_changed())

    def _showing(self) -> tuple[str, str] | None:
        """The (session, role) whose workstation this window shows now, or None."""
        page = self._station
        if page is None or self.window.stack.currentWidget() is not page or not page.name:
            return None
        return page.name, page.role

    def list_page(self) -> ExercisesPage:
        if self._list is None:
            from ui.pages.exercises import ExercisesPage  # noqa: PLC0415 - loads on first use

            self._list = ExercisesPage(self.window.context)
            self._list.control_room_requested.connect(self.show_control_room)
            self._list.workstation_requested.connect(self.show_workstation)
            self._list.debrief_requested.connect(self.show_debrief)
            self._list.draft_deleted.connect(self._forget_draft)
            self.window.stack.addWidget(self._list)
        return self._list

    def control_room(self) -> ControlRoomPage:
        if self._room is None:
            from ui.pages.control_room import ControlRoomPage  # noqa: PLC0415

            self._room = ControlRoomPage(self.window.context)
            self._room.back_requested.connect(self.show_list)
            self._room.debrief_requested.connect(self.show_debrief)
            self.window.stack.addWidget(self._room)
        return self._room

    def workstation(self) -> WorkstationPage:
        if self._station is None:
            from ui.pages.workstation import WorkstationPage  # noqa: PLC0415

            self._station = WorkstationPage(self.window.context)
            self._station.back_requested.connect(self.show_list)
            self._station.debrief_requested.connect(self.show_debrief)
            self._station.role_requested.connect(self.show_workstation)  # one trainee's other role
            self.window.stack.addWidget(self._station)
        return self._station

    def debrief(self) -> TeamDebriefPage:
        if self._debrief is None:
            from ui.pages.team_debrief import TeamDebriefPage  # noqa: PLC0415

            self._debrief = TeamDebriefPage(self.window.context)
            self._debrief.back_requested.connect(self.show_list)
            self.window.stack.addWidget(self._debrief)
        return self._debrief

    def follow_home(self, home: HomePage) -> None:
        """*My courses*' ways in: to the team exercises list, and back to a role's workstation (its rejoin bar)."""
        home.exercises_requested.connect(self.show_list)
        home.team_role_requested.connect(self.show_workstation)

    def _forget_draft(self, name: str) -> None:
        """A draft was deleted: a control room still on it forgets it (it looked for it again: walk H, finding 28)."""
        if self._room is not None and self._room.name == name:
            self._room.clear()

    # -- going to a page -------------------------------------------------------------------------
    def show_list(self) -> None:
        if self.window.context.account is None:
            return
        came_from = self._came_from()
        page = self.list_page()
        if came_from:
            page.remember(came_from)  # the session one comes back from stays selected (walk G, finding 7)
        self.window.stack.setCurrentWidget(page)
        page.refresh()

    def _came_from(self) -> str | None:
        """The session of the control room, workstation or joint debrief shown now, if one is."""
        current = self.window.stack.currentWidget()
        for page in (self._room, self._station, self._debrief):
            if page is not None and current is page and page.name:
                return str(page.name)
        return None

    def show_control_room(self, name: str) -> None:
        account = self.window.context.account
        if account is None or account.role not in ("trainer", "admin"):
            return
        page = self.control_room()
        self.window.stack.setCurrentWidget(page)
        page.load(name)

    def show_workstation(self, name: str, role: str) -> None:
        if self.window.context.account is None:
            return
        page = self.workstation()
        self.window.stack.setCurrentWidget(page)
        page.join(name, role)
        self.beacon.page_changed()

    def show_debrief(self, name: str) -> None:
        if self.window.context.account is None:
            return
        page = self.debrief()
        self.window.stack.setCurrentWidget(page)
        page.load(name)


def show_debrief_button(button: QPushButton, context: ApplicationContext, status: str | None) -> None:
    """Enable a *Joint debrief* button by the one rule (``tipcase.services.debrief_access``), its tooltip saying why not.

    ``status``: the session's (None: no session chosen). The control room, the sessions list and the
    workstation all show theirs with this, so a button is never enabled in one place and not in another.
    """
    from tipcase.services.debrief_access import debrief_closed  # noqa: PLC0415 - the database layer loads after the first window

    translate = QCoreApplication.translate
    if status is None:
        button.setEnabled(False)
        button.setToolTip(translate("ExerciseFlow", "Choose a session first."))
        return
    account = context.account
    closed = debrief_closed(status, role=account.role if account is not None else "trainee")
    button.setEnabled(closed is None)
    button.setToolTip(
        core_text(closed)
        if closed is not None
        else translate("ExerciseFlow", "Who did what and when, each decision rated, and the after-action report")
    )
    button.setAccessibleDescription(button.toolTip())
