"""The desktop app's start: the launcher, the scenario library window and its model."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from PySide6.QtCore import Qt

from tipcase import library
from tipcase.ui.context import ApplicationContext
from tipcase.ui.launcher import wants_gui
from tipcase.ui.main_window import MainWindow
from tipcase.ui.models.scenarios import ScenarioTableModel, read_rows

pytestmark = pytest.mark.gui


def test_scenario_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ScenarioTableModel(read_rows(library.bundled_scenarios()))
    qtmodeltester.check(model)
    assert model.rowCount() == len(library.bundled_scenarios())


def test_titles_follow_the_language() -> None:
    model = ScenarioTableModel(read_rows(library.bundled_scenarios()), language="id")
    assert model.data(model.index(0, 0)) == "Pulang dari kompleks penipuan"
    model.set_language("en")
    assert model.data(model.index(0, 0)) == "Back from the compound"


def test_window_lists_the_library_and_filters(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ApplicationContext())
    qtbot.addWidget(window)
    window.load_library()
    window.show()
    assert window.proxy.rowCount() == 1
    qtbot.keyClicks(window.search, "no such case")
    assert window.proxy.rowCount() == 0
    window.search.clear()
    qtbot.keyClicks(window.search, "compound")
    assert window.proxy.rowCount() == 1
    assert window.proxy.data(window.proxy.index(0, 4)) == "Ready"
    assert window.table.accessibleName() == "Scenarios"
    assert window.search.accessibleName() == "Search cases"
    assert window.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("scam-compound-return.yaml")


def test_launcher_sends_subcommands_to_the_core() -> None:
    assert wants_gui([])
    assert wants_gui(["--quit-after-start"])
    assert not wants_gui(["validate", "x.yaml"])
    assert not wants_gui(["--help"])


def test_quit_after_start_exits_0() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run(
        [sys.executable, "-c", "from tipcase.ui.launcher import main; main(['--quit-after-start'])"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_no_display_is_one_clear_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from tipcase.ui import app

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert app.main([]) == 1
    assert capsys.readouterr().err.startswith("tipcase: no display: neither DISPLAY nor WAYLAND_DISPLAY is set.")
