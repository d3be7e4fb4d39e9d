"""Windows that fit the screen at any scaling: at 200 % on a 1920x1080 screen (960x540 logical pixels) the
first window, a window restored from a larger screen, every page and every dialog lie on the screen, and
each can be as small as the screen without hiding a control (its minimum size fits)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtWidgets import QDialog

from tests.gui import seeded_url
from tests.records import BEST, play_through
from tipcase import bundled
from tipcase.certificates.signing import init_keys
from tipcase.store.database import Database

from ui.screen_fit import fit_every_window

pytestmark = pytest.mark.gui

CHILD = Path(__file__).with_name("screen_fit_child.py")
WINDOWS = {
    "first-window", "restored-window", "about", "cohorts", "new-cohort", "course", "roster", "passwords", "twine", "editor",
    "play-from-here", "register", "issue-cohort", "issue-person", "period", "verify", "home", "player",
    "accounts", "new-account", "edit-account", "institution", "editor-case-details",
}  # fmt: skip


def screen(folder: Path, width: int, height: int) -> str:
    config = folder / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [{"name": "s", "width": width, "height": height, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def test_every_window_fits_a_full_hd_screen_at_200_percent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In Bahasa Indonesia, whose longer words make the wider windows (English was measured the same, by hand)."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    db = Database(seeded_url(tmp_path))
    play_through(db, "other-trainee", BEST)
    db.dispose()
    shutil.copy(bundled.bundled_dir() / "returnee-domestic-violence.yaml", tmp_path / "case.yaml")
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": screen(tmp_path, 1920, 1080)}
    done = subprocess.run(
        [sys.executable, str(CHILD), str(tmp_path), "id"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    shown = {}
    for line in done.stdout.splitlines():
        if line.startswith("fit "):
            where, *numbers = line.split()[1:]
            shown[where] = [int(n) for n in numbers]
    assert set(shown) == WINDOWS
    legends = [line.split()[1:] for line in done.stdout.splitlines() if line.startswith("legend ")]
    assert [where for where, *_ in legends] == ["editor-legend"]
    for where, *numbers in legends:  # every entry of the editor's legend whole: none cut off at the right or bottom
        width, height, needed, rightmost = (int(n) for n in numbers)
        assert needed <= height, f"{where} is cut off at the bottom: {numbers}"
        assert rightmost <= width, f"{where} is cut off at the right: {numbers}"
    for where, (width, height, x, y, frame_width, frame_height, least_width, least_height) in shown.items():
        assert (width, height) == (960, 540), "1920x1080 at 200 % is 960x540 logical pixels"
        assert x >= 0, where
        assert y >= 0, where
        assert x + frame_width <= width, f"{where} is wider than the screen: {shown[where]}"
        assert y + frame_height <= height, f"{where} is taller than the screen: {shown[where]}"
        assert least_width <= width, f"{where} cannot shrink to the screen's width: {shown[where]}"
        assert least_height <= height, f"{where} cannot shrink to the screen's height: {shown[where]}"


def test_a_dialog_larger_than_its_screen_is_fitted_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    fit_every_window()  # (the main window installs it)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(4000, 3000)
    dialog.move(-200, -100)
    dialog.show()
    area = dialog.screen().availableGeometry()
    qtbot.waitUntil(lambda: area.contains(dialog.frameGeometry()), timeout=2000)


def test_a_dialog_shown_again_larger_than_its_screen_is_fitted_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A dialog kept and opened again (after being made larger, or moved off the screen meanwhile) is fitted again."""
    fit_every_window()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(4000, 3000)
    dialog.show()
    area = dialog.screen().availableGeometry()
    qtbot.waitUntil(lambda: area.contains(dialog.frameGeometry()), timeout=2000)  # fitted the first time
    qtbot.wait(50)
    dialog.hide()
    dialog.resize(4000, 3000)
    dialog.move(-200, -100)
    dialog.show()
    qtbot.waitUntil(lambda: area.contains(dialog.frameGeometry()), timeout=2000)
