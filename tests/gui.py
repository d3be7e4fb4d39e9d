"""Helpers for the GUI tests: a seeded database and an app context whose task runner runs each job inline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.records import seed
from tipcase.store.database import Database

from ui.app import create_context
from ui.context import ApplicationContext
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.tasks import InlineThreadPool, TaskRunner


def seeded_url(folder: Path) -> str:
    url = f"sqlite:///{folder / 'gui.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    db.dispose()
    return url


def make_context(folder: Path, url: str, language: str = "en", *, watch_changes: bool = False) -> ApplicationContext:
    """A context on ``url`` whose work runs inline; it hears other workstations' changes only when asked."""
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    context = create_context(url, settings, TaskRunner(InlineThreadPool()), watch_changes=watch_changes)
    context.set_language(language)
    return context


def open_window(qtbot, context: ApplicationContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.open_database()
    return window


def top_level_count() -> int:
    return len([w for w in QApplication.topLevelWidgets() if w.isVisible()])
