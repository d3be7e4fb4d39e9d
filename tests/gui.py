"""Helpers for the GUI tests: a seeded database (with a certificate issued, when asked) and an app context whose task
runner runs each job inline."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.records import BEST, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.services import accounts, certificates, courses
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


def certified_url(folder: Path, monkeypatch: pytest.MonkeyPatch, *, also_finished: Sequence[str] = ()) -> str:
    """Seeded records (in ``folder``) where demo-trainee finished the demo case on its best route and holds the demo
    course's certificate, issued by demo-registrar; each of ``also_finished`` finished it too. ``TIPCASE_HOME`` is
    ``folder/home``, with this workstation's issuing key."""
    monkeypatch.setenv("TIPCASE_HOME", str(folder / "home"))
    init_keys(folder / "home")
    url = seeded_url(folder)
    db = Database(url)
    for username in ("demo-trainee", *also_finished):
        play_through(db, username, BEST)
    with db.transaction() as session:
        certificates.issue(
            session,
            accounts.get_user(session, "demo-registrar"),
            accounts.get_user(session, "demo-trainee"),
            courses.get_course(session, "demo"),
        )
    db.dispose()
    return url
