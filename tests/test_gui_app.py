"""The desktop app's start: the launcher, the scenario library window and its model."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ui.launcher import wants_gui

pytestmark = pytest.mark.gui


def test_launcher_sends_subcommands_to_the_core() -> None:
    assert wants_gui([])
    assert wants_gui(["--quit-after-start"])
    assert wants_gui(["--quit-after-first-window"])
    assert wants_gui(["--database", "postgresql://centre/tipcase"])
    assert not wants_gui(["validate", "x.yaml"])
    assert not wants_gui(["--help"])


def test_quit_after_start_exits_0() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run(
        [sys.executable, "-c", "from ui.launcher import main; main(['--quit-after-start'])"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_no_display_is_one_clear_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from ui import app

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert app.main([]) == 1
    assert capsys.readouterr().err.startswith("tipcase: no display: neither DISPLAY nor WAYLAND_DISPLAY is set.")


def test_qt_virtual_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 dropped a reference to None per Python override call; Python 3.11 then aborts."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QPushButton

    class Sized(QPushButton):
        def sizeHint(self) -> QSize:
            return QSize(100, 30)

    button = Sized()
    qtbot.addWidget(button)
    button.adjustSize()
    before = sys.getrefcount(None)
    for _ in range(500):
        button.adjustSize()
    assert sys.getrefcount(None) - before >= 0


def test_the_first_window_does_not_wait_for_the_database_layer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Start-up shows the window on Qt alone; SQLAlchemy, Alembic and networkx load afterwards."""
    code = (
        "import sys\n"
        "from ui.app import main\n"
        "status = main(['--quit-after-first-window'])\n"
        "print(status, sorted(m for m in ('sqlalchemy', 'alembic', 'networkx', 'tipcase.store.database') if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIPCASE_HOME": str(tmp_path)}
    completed = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert completed.stdout.strip() == "0 []", completed.stderr
