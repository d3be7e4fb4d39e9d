"""The team exercise pages by keyboard and screen reader: the sessions list, the new-session dialog and the
control room, each control named, Tab without a trap (its tables and log leave on Tab), text at AA contrast."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.accessibility import check_page
from tests.exercise_gui import migrated, room_of, window_for
from tests.exercises import users
from tests.teams import write_team
from tipcase.store.database import Database

pytestmark = [pytest.mark.gui]


def test_the_exercise_pages_and_the_control_room(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        users(session)
    db.dispose()
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.resize(1366, 768)
    trainer.exercises.show_list()
    sessions = trainer.exercises.list_page()
    check_page(qtbot, sessions, sessions.new_button)
    sessions.new_session()
    dialog = sessions.dialog
    dialog.publish(write_team(tmp_path / "case"))
    check_page(qtbot, dialog, dialog.name)
    dialog.name.setText("drill")
    dialog.accept()
    room = room_of(trainer)
    for tab in range(room.tools.count()):
        room.tools.setCurrentIndex(tab)
        names = check_page(qtbot, room, room.start_button)
        assert {"Roles", "Master log"} <= set(names)
    trainer.exercises.show_list()  # the list again, with the session in its table: Tab leaves the table
    assert sessions.table.rowCount() == 1
    check_page(qtbot, sessions, sessions.table)
