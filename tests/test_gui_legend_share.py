"""A map's legend leaves the map its room: at 100 % on a 1366x768 screen and at 200 % on a 1920x1080 one
(960x540 logical pixels), every map's legend (the editor's canvas, the player's trail, the debrief's route
and pathway, the cohort heat map) takes at most ``MAX_SHARE`` of the room it shares with its map; folded
when it would need more, and whole (no entry cut at the right or the bottom) when open or opened.

The walkthrough found the editor's legend taking half the canvas at 200 %."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui import seeded_url
from tests.records import BEST, play_through
from tipcase import bundled
from tipcase.store.database import Database

from ui.widgets.map_legend import MAX_SHARE

pytestmark = pytest.mark.gui

CHILD = Path(__file__).with_name("legend_share_child.py")
MAPS = {"debrief-1", "debrief-2", "trail", "heat", "editor", "editor-opened"}


def legends(tmp_path: Path, language: str, width: int, height: int, scale: int) -> dict[str, list[int]]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "width": width, "height": height, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": str(scale), "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, str(CHILD), str(tmp_path), language], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {line.split()[1]: [int(n) for n in line.split()[2:]] for line in done.stdout.splitlines() if line.startswith("legend ")}


@pytest.mark.parametrize(("language", "screen", "scale"), [("en", (1366, 768), 1), ("id", (1920, 1080), 2)])
def test_every_map_legend_takes_a_small_share_of_its_map(tmp_path: Path, language: str, screen: tuple[int, int], scale: int) -> None:
    db = Database(seeded_url(tmp_path))
    play_through(db, "demo-trainee", BEST)
    db.dispose()
    shutil.copy(bundled.bundled_dir() / "returnee-domestic-violence.yaml", tmp_path / "case.yaml")
    shown = legends(tmp_path, language, *screen, scale)
    assert set(shown) == MAPS
    for where, (is_open, share, width, height, needed, rightmost) in shown.items():
        if where != "editor-opened":  # what the user opened takes what it needs
            assert share <= 1000 * MAX_SHARE, f"{where}'s legend takes {share / 10:.1f} % of its map: {shown[where]}"
        if is_open:
            assert needed <= height, f"{where}'s legend is cut off at the bottom: {shown[where]}"
            assert rightmost <= width, f"{where}'s legend is cut off at the right: {shown[where]}"
    assert shown["editor-opened"][0] == 1
    if scale == 1:  # on a laptop's screen the editor's legend is in sight without a click
        assert shown["editor"][0] == 1
