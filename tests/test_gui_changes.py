"""Views that stay true at a multi-workstation centre: the register, home and cohorts pages show what another
workstation (another process) did within 2 seconds, on SQLite and on PostgreSQL, keeping the user's selection;
the status bar says when the records cannot be heard."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from PySide6.QtCore import QItemSelectionModel

from tests.gui import make_context, open_window
from tests.records import BEST, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.store.database import Database

from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CHILD = Path(__file__).with_name("change_child.py")
WITHIN = 2.0  # seconds, from the other workstation's commit to the page showing it


def elsewhere(url: str, *action: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD), url, *action], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def shown_within(qtbot, child: subprocess.Popen[str], shown: Callable[[], bool]) -> float:  # type: ignore[no-untyped-def]
    """Run the event loop until the child has exited and ``shown()``; returns seconds from its commit to the page showing it."""
    first: list[float] = []

    def check() -> bool:
        if not first and shown():
            first.append(time.time())
        return bool(first) and child.poll() is not None

    qtbot.waitUntil(check, timeout=60_000)
    out, err = child.communicate()
    assert child.returncode == 0, err
    latency = first[0] - float(out.split()[-1])
    if os.environ.get("TIPCASE_SHOW_LATENCY"):
        print(f"latency {latency:.3f} s")
    return latency


def world(db: Database, tmp_path: Path) -> str:
    init_keys(tmp_path / "home")
    with db.transaction() as session:
        seed(session)
    play_through(db, "other-trainee", BEST)
    return db.url.render_as_string(hide_password=False)


def _window(qtbot, tmp_path: Path, url: str, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_context(tmp_path, url, watch_changes=True))
    window.sign_in(username, username)
    assert window.context.notifier.running
    return window


def test_the_register_shows_another_workstations_certificate(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = world(db, tmp_path)
    window = _window(qtbot, tmp_path, url, "demo-registrar")
    window.show_register()
    page = window.register_page()
    assert page.model.rowCount() == 0
    page.search.setText("Andi")
    busy: list[bool] = []
    window.context.tasks.busy_changed.connect(busy.append)
    latency = shown_within(qtbot, elsewhere(url, "issue", "other-trainee"), lambda: page.model.rowCount() == 1)
    assert latency < WITHIN, f"{latency:.2f} s"
    assert page.search.text() == "Andi"  # what the registrar was doing is untouched
    assert page.proxy.rowCount() == 1
    assert busy == []  # a refresh nobody asked for does not show the busy indicator
    window.close()


def test_home_and_cohorts_follow_other_workstations_and_keep_the_selection(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = world(db, tmp_path)
    trainee = _window(qtbot, tmp_path / "a", url, "demo-trainee")
    home = trainee.home_page()
    assert [c.code for c in home.model.courses()] == ["demo"]
    case = home.model.index(0, 0, home.model.index(0, 0))
    home.tree.setCurrentIndex(case)
    latency = shown_within(qtbot, elsewhere(url, "course"), lambda: len(home.model.courses()) == 2)
    assert latency < WITHIN, f"{latency:.2f} s"
    assert home.selected()[1] is not None  # still on the case the trainee chose
    assert home.selected()[0].code == "demo"  # type: ignore[union-attr]
    trainee.close()

    trainer = _window(qtbot, tmp_path / "b", url, "demo-trainer")
    trainer.show_cohorts()
    page = trainer.cohorts_page()
    assert page.report is not None
    started = page.report.started
    page.hardest_table.selectionModel().select(
        page.hardest_model.index(0, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    latency = shown_within(qtbot, elsewhere(url, "start", "demo-trainee"), lambda: page.report.started == started + 1)
    assert latency < WITHIN, f"{latency:.2f} s"
    assert page.cohort_box.currentData() == "demo"
    trainer.close()
