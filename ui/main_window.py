"""The main window: one stack of pages (sign-in, home, player, debrief), the menus and the status bar.

It drives the flow between pages. Everything that touches the records runs through the context's task runner
(``ui.records_start`` opens them after the first paint); the pages past the sign-in load on first use.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from tipcase import __version__

from ui.account_menu import AdministrationMenu
from ui.context import ApplicationContext
from ui.errors import message_box
from ui.i18n import LANGUAGES
from ui.pages.exercise_flow import ExerciseFlow
from ui.pages.sign_in import SignInPage
from ui.records_start import load_the_records_pages_read_with, open_records, preload_failed
from ui.screen_fit import available_area, first_size, fit_every_window, fit_to_screen
from ui.settings import GEOMETRY, LAST_USERNAME
from ui.theme import apply_readable_palette, reset_palette
from ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from ui.editor import EditorPage
    from ui.pages.cohorts import CohortsPage
    from ui.pages.debrief import DebriefPage
    from ui.pages.home import HomePage
    from ui.pages.player import PlayerPage
    from ui.pages.register import RegisterPage
    from ui.pages.verify import VerifyPage


class MainWindow(QMainWindow):
    """The app's one window: a stack of pages (sign-in, home, player, debrief, editor, staff pages), menus and status bar."""

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        apply_readable_palette()  # AA contrast for every text colour (ui.theme)
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._fit_every_window))  # once painted: see _fit_every_window
        self.context = context
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.sign_in_page = SignInPage(context)
        self.sign_in_page.sign_in_requested.connect(self.sign_in)
        self.stack.addWidget(self.sign_in_page)
        self._home: HomePage | None = None
        self._player: PlayerPage | None = None
        self._debrief: DebriefPage | None = None
        self._register: RegisterPage | None = None
        self._verify: VerifyPage | None = None
        self._cohorts: CohortsPage | None = None
        self._editor: EditorPage | None = None
        self._quit_when_ready = self._quit_when_preloaded = False
        self.exercises = ExerciseFlow(self)  # the team exercise pages, made on first use
        self.status_line = StatusLine(self.statusBar(), context)
        context.tasks.busy_changed.connect(self.sign_in_page.set_busy)
        context.signals.language_changed.connect(lambda _: self._sync_language_menu())
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+: follow the system's light or dark scheme live
            hints.colorSchemeChanged.connect(self._scheme_changed)
        self._build_menus()
        self.retranslate()
        geometry = context.settings.get(GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(first_size(available_area(self).size()))
        fit_to_screen(self)  # 1180x760 is more than a 1920x1080 screen offers at 200 % (960x540)

    def _fit_every_window(self) -> None:
        """Fit every window and dialog to its screen from now on (``ui.screen_fit``), this one again now that its frame is known."""
        fit_every_window()
        if self.isVisible():
            fit_to_screen(self)  # its frame is known by now

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.home_action = self._action(self.show_home, QKeySequence("Ctrl+H"))
        self.exercises_action = self._action(self.exercises.show_list, QKeySequence("Ctrl+Shift+X"))
        self.sign_out_action = self._action(self.sign_out)
        self.quit_action = self._action(self.close, QKeySequence(QKeySequence.StandardKey.Quit))
        self.administration = AdministrationMenu(self.context, self.stack, self)  # accounts; everyone's password
        self.file_menu.addActions(
            [self.home_action, self.exercises_action, self.administration.change_password_action, self.sign_out_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.certificates_menu = self.menuBar().addMenu("")
        self.register_action = self._action(self.show_register, QKeySequence("Ctrl+R"))
        self.verify_action = self._action(self.show_verify, QKeySequence("Ctrl+Shift+V"))
        self.certificates_menu.addActions([self.register_action, self.verify_action])
        self.training_menu = self.menuBar().addMenu("")
        self.cohorts_action = self._action(self.show_cohorts, QKeySequence("Ctrl+Shift+C"))
        self.editor_action = self._action(self.show_editor, QKeySequence("Ctrl+E"))
        self.twine_action = self._action(self.import_twine)
        self.training_menu.addActions([self.cohorts_action, self.editor_action, self.twine_action])
        self.menuBar().addMenu(self.administration)
        self.view_menu = self.menuBar().addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, code=code: self.context.set_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = self._action(self._about)
        self.help_menu.addAction(self.about_action)
        self._sync_language_menu()
        self._update_actions()

    def _action(self, slot: Callable[[], object], shortcut: QKeySequence | None = None) -> QAction:
        """An action that calls ``slot`` with no arguments (never the ``checked`` flag ``triggered`` carries)."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda: slot())  # noqa: PLW0108 - never pass `checked` on
        return action

    def _sync_language_menu(self) -> None:
        self.language_actions[self.context.language].setChecked(True)

    def _update_actions(self) -> None:
        account = self.context.account
        signed_in = account is not None
        for action in (self.home_action, self.exercises_action, self.sign_out_action):
            action.setEnabled(signed_in)
        self.register_action.setVisible(account is not None and account.role in ("registrar", "admin"))
        trains = account is not None and account.role in ("trainer", "admin")
        self.training_menu.menuAction().setVisible(trains)
        self.cohorts_action.setEnabled(trains)
        self.twine_action.setEnabled(trains)
        self.editor_action.setEnabled(trains)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("TIPCase"))
        self.file_menu.setTitle(self.tr("&File"))
        self.home_action.setText(self.tr("&My courses"))
        self.exercises_action.setText(self.tr("&Team exercises"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.certificates_menu.setTitle(self.tr("&Certificates"))
        self.register_action.setText(self.tr("&Register"))
        self.verify_action.setText(self.tr("&Verify a certificate"))
        self.training_menu.setTitle(self.tr("&Training"))
        self.cohorts_action.setText(self.tr("&Cohorts and analytics"))
        self.editor_action.setText(self.tr("Scenario &editor"))
        self.twine_action.setText(self.tr("&Import a Twine story or H5P scenario…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About TIPCase"))
        self.status_line.retranslate()
        self._show_user()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_user(self) -> None:
        account = self.context.account
        self.status_line.user.setText(
            self.tr("Signed in as {name} ({role})").format(name=account.full_name, role=self._role(account.role)) if account else ""
        )

    def _role(self, role: str) -> str:
        return {
            "trainee": self.tr("trainee"),
            "trainer": self.tr("trainer"),
            "registrar": self.tr("registrar"),
            "admin": self.tr("administrator"),
        }.get(role, role)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - message boxes load when one is shown, not with the first window

        QMessageBox.about(
            self,
            self.tr("About TIPCase"),
            self.tr(
                "<h3>TIPCase {version}</h3><p>Simulated cases of trafficking in persons and gender-based violence on "
                "Indonesia's referral pathways, scored against good practice and the law (UU 21/2007, UU 12/2022, UU 23/2004).</p>"
                "<p>All persons in the cases are fictional.</p>"
            ).format(version=__version__),
        )

    def _scheme_changed(self, *_args: object) -> None:
        """Read the new scheme's palette (kept readable) and redraw what carries scheme colours on the page in view."""
        reset_palette()
        apply_readable_palette()
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh_view", None)
        if refresh is not None:
            refresh()

    # -- start-up and sign-in --------------------------------------------------------------------
    def start(self, *, quit_when_ready: bool = False, quit_when_preloaded: bool = False) -> None:
        """Open the records once the first window is painted and the loop has gone idle once.

        What a sign-in needs (SQLAlchemy's core and the sign-in service, ``tipcase.services.signing_in``;
        Alembic only when the schema needs an upgrade) costs more to load than Qt's whole start, so it
        loads on a worker after the window is up, while the person types; the sign-in button waits for it.
        Then, still while the person types, another worker loads what the pages after the sign-in read
        with (the ORM, the models, ``tipcase.services.desktop``), which a sign-in does not wait for. With
        ``quit_when_ready`` (``tipcase --quit-after-start``) the app exits as soon as a sign-in could
        complete, or with status 1 and the reason on stderr when the records cannot be opened; with
        ``quit_when_preloaded`` (``tipcase --quit-after-preload``, for ``make bench``) once that second worker
        is done too (status 1 if it failed): the whole of a start left at the sign-in page.
        """
        self._quit_when_ready, self._quit_when_preloaded = quit_when_ready, quit_when_preloaded
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, self.open_database))

    def open_database(self) -> None:
        url = self.context.database_url
        self.context.tasks.run(lambda: open_records(url), self._database_opened, self._database_failed)

    def _database_opened(self, db: Any) -> None:
        self.context.db = db
        if self.context.watch_changes:
            self.context.notifier.start(db)
        self.context.signals.database_ready.emit()
        self.sign_in_page.database_ready()
        if self._quit_when_ready:
            QApplication.exit(0)
            return
        self.context.tasks.run(load_the_records_pages_read_with, lambda _: self._preloaded(), self._preloaded, quiet=True)

    def _preloaded(self, error: BaseException | None = None) -> None:
        if error is not None:
            preload_failed(error)
        if self._quit_when_preloaded:
            QApplication.exit(0 if error is None else 1)

    def _database_failed(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        message = self.context.describe(error)
        self.sign_in_page.show_error(message)
        if self._quit_when_ready or self._quit_when_preloaded:
            print(f"tipcase: {message}", file=sys.stderr)
            QApplication.exit(1)
            return
        answer = QMessageBox.critical(
            self, self.tr("Records unavailable"), message, QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close
        )
        if answer == QMessageBox.StandardButton.Retry:
            self.open_database()

    def sign_in(self, username: str, password: str) -> None:
        db = self.context.db
        if db is None:
            return

        def work() -> Any:
            from tipcase.services.signing_in import sign_in  # noqa: PLC0415 - loaded with the records

            return sign_in(db, username, password)

        self.context.tasks.run(work, self._signed_in, self._sign_in_failed)

    def _signed_in(self, account: Any) -> None:
        self.context.account = account
        self.context.settings.set(LAST_USERNAME, "")  # what an older version kept: a shared workstation shows no one's name
        self.sign_in_page.reset()
        self._show_user()
        self._update_actions()
        self.context.signals.signed_in.emit()
        if self._signed_in_as("registrar", "admin"):
            self.show_register()  # their work is the register (and its key and institution), not a list of courses
        elif self._signed_in_as("trainer"):
            self.show_cohorts()  # their cohorts and how they did; My courses lists only a course they take themselves
        else:
            self.show_home()

    def _sign_in_failed(self, error: BaseException) -> None:
        from tipcase.services.errors import SignInError  # noqa: PLC0415

        if isinstance(error, SignInError) and "locked" in str(error):
            message = self.tr("This account is locked after five failed sign-ins. Try again in 15 minutes, or ask an administrator.")
        elif isinstance(error, SignInError):
            message = self.tr("Wrong username or password.")
        else:
            message = self.context.describe(error)
        self.sign_in_page.show_error(message)

    def sign_out(self) -> None:
        if self._editor is not None and not self._editor.confirm_discard():
            return  # the trainer chose to stay and save first
        self.context.account = None
        for page in [self.stack.widget(index) for index in range(self.stack.count())]:  # the next person starts afresh:
            getattr(page, "clear", lambda: None)()  # every page forgets what it showed (the editor is emptied)
        self._show_user()
        self._update_actions()
        self.context.signals.signed_out.emit()
        self.stack.setCurrentWidget(self.sign_in_page)
        self.sign_in_page.reset()  # empty: the next person types their own name

    # -- pages -------------------------------------------------------------------------------------
    def _signed_in_as(self, *roles: str) -> bool:
        account = self.context.account
        return account is not None and account.role in roles

    def home_page(self) -> HomePage:
        if self._home is None:
            from ui.pages.home import HomePage  # noqa: PLC0415 - loads on first use

            self._home = HomePage(self.context)
            self._home.open_requested.connect(self.open_attempt)
            self._home.debrief_requested.connect(self.show_debrief)
            self.exercises.follow_home(self._home)  # its ways into the team exercises
            self.stack.addWidget(self._home)
        return self._home

    def player_page(self) -> PlayerPage:
        if self._player is None:
            from ui.pages.player import PlayerPage  # noqa: PLC0415

            self._player = PlayerPage(self.context)
            self._player.finished.connect(self.show_debrief)
            self._player.leave_requested.connect(self.show_home)
            self.stack.addWidget(self._player)
        return self._player

    def debrief_page(self) -> DebriefPage:
        if self._debrief is None:
            from ui.pages.debrief import DebriefPage  # noqa: PLC0415

            self._debrief = DebriefPage(self.context)
            self._debrief.back_requested.connect(self.show_home)
            self.stack.addWidget(self._debrief)
        return self._debrief

    def register_page(self) -> RegisterPage:
        if self._register is None:
            from ui.pages.register import RegisterPage  # noqa: PLC0415 - loads on first use

            self._register = RegisterPage(self.context)
            self.stack.addWidget(self._register)
        return self._register

    def verify_page(self) -> VerifyPage:
        if self._verify is None:
            from ui.pages.verify import VerifyPage  # noqa: PLC0415

            self._verify = VerifyPage(self.context)
            self.stack.addWidget(self._verify)
        return self._verify

    def cohorts_page(self) -> CohortsPage:
        if self._cohorts is None:
            from ui.pages.cohorts import CohortsPage  # noqa: PLC0415 - loads on first use

            self._cohorts = CohortsPage(self.context)
            self.stack.addWidget(self._cohorts)
        return self._cohorts

    def show_cohorts(self) -> None:
        if not self._signed_in_as("trainer", "admin"):
            return
        page = self.cohorts_page()
        self.stack.setCurrentWidget(page)
        page.refresh()

    def editor_page(self) -> EditorPage:
        if self._editor is None:
            from ui.editor import EditorPage  # noqa: PLC0415 - loads on first use

            self._editor = EditorPage(self.context)
            self.stack.addWidget(self._editor)
            self.menuBar().insertMenu(self.view_menu.menuAction(), self._editor.menu)  # its commands by name and key
            self.stack.currentChanged.connect(self._show_page_menus)
            self._show_page_menus()
        return self._editor

    def show_editor(self, path: Path | None = None) -> None:
        if not self._signed_in_as("trainer", "admin"):
            return
        page = self.editor_page()
        self.stack.setCurrentWidget(page)
        if path is not None and page.confirm_discard():
            page.open_file(path)

    def _show_page_menus(self, *_args: object) -> None:
        """The Scenario menu is in the menu bar while the editor is the page in view."""
        if self._editor is not None:
            self._editor.menu.menuAction().setVisible(self.stack.currentWidget() is self._editor)

    def import_twine(self) -> None:
        from ui.pages.twine_import import choose_story  # noqa: PLC0415

        path = choose_story(self)
        if path is not None:
            self.import_twine_file(path)

    def import_twine_file(self, path: Path) -> None:
        """Import off the UI thread, then show what came of it and offer to save the scenario."""
        from ui.pages.twine_import import TwineImportDialog, read_story  # noqa: PLC0415

        def done(result: tuple[Any, list[str]]) -> None:
            self.twine_dialog = TwineImportDialog(result[0], result[1], path, self)
            self.twine_dialog.accepted.connect(self._twine_saved)
            self.twine_dialog.open()

        self.context.tasks.run(lambda: read_story(path), done, self.show_error)

    def _twine_saved(self) -> None:
        saved = self.twine_dialog.saved_to
        self.context.signals.status_message.emit(self.tr("Saved {path}").format(path=saved))
        if saved is not None:
            self.show_editor(saved)  # go on in the editor: scores, feedback, the second language

    def show_register(self) -> None:
        if not self._signed_in_as("registrar", "admin"):
            return
        page = self.register_page()
        self.stack.setCurrentWidget(page)
        page.refresh()

    def show_verify(self) -> None:
        page = self.verify_page()
        self.stack.setCurrentWidget(page)
        page.entry.setFocus()

    def show_home(self) -> None:
        if self.context.account is None:
            return
        page = self.home_page()
        self.stack.setCurrentWidget(page)
        page.refresh()

    def open_attempt(self, course_id: int, version_id: int) -> None:
        db, account = self.context.db, self.context.account
        if db is None or account is None:
            return
        language = self.context.language

        def work() -> Any:
            from tipcase.services.desktop import open_attempt  # noqa: PLC0415

            return open_attempt(db, account.id, course_id, version_id, language, begin=False)  # a content warning first: nothing stored

        self.context.tasks.run(work, self._attempt_opened, self.show_error)

    def _attempt_opened(self, opened: Any) -> None:
        page = self.player_page()
        self.stack.setCurrentWidget(page)
        page.load(opened)

    def show_debrief(self, attempt_id: int) -> None:
        db, account = self.context.db, self.context.account
        if db is None or account is None:
            return

        def work() -> Any:
            from tipcase.services.desktop import debrief  # noqa: PLC0415

            return debrief(db, account.id, attempt_id)

        def done(result: Any) -> None:
            page = self.debrief_page()
            self.stack.setCurrentWidget(page)
            page.load(result)

        self.context.tasks.run(work, done, self.show_error)

    def show_error(self, error: BaseException) -> None:
        message_box(self, self.tr("TIPCase"), error, self.context.db.where if self.context.db is not None else "")

    def keep_work(self) -> None:
        """After an unexpected error: write what is not saved yet (the editor's autosave; decisions are committed as made)."""
        if self._editor is not None and not self._editor.undo_stack.isClean():
            self._editor.session.write_autosave_now()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._editor is not None and not self._editor.confirm_discard():
            event.ignore()  # the trainer chose to stay
            return
        if self._editor is not None:
            self._editor.shut_down()
        self.context.settings.set(GEOMETRY, self.saveGeometry())
        self.exercises.beacon.closing()  # a trainee's app says they have gone (written before the wait below)
        self.context.notifier.stop()
        self.context.tasks.wait(10_000)
        if self.context.db is not None:
            self.context.db.dispose()
        super().closeEvent(event)
