"""A trainee's way into a team session (walk D, findings 18 and 25): before the trainer starts it, *Join my role* is
closed and says when it opens (the service refuses the role's first stage anyway), and opens by itself when the
session starts; My courses tells a trainee who also has courses about their team sessions, in words that fit how many."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exercise_gui import WITHIN, migrated, window_for
from tests.exercises import started_session
from tipcase.services import accounts, exercises
from tipcase.store.database import Database

pytestmark = [pytest.mark.gui]


def test_join_my_role_opens_when_the_trainer_starts(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path / "case", start=False)
    trainee = window_for(qtbot, tmp_path, url, "inspector")
    trainee.exercises.show_list()
    sessions = trainee.exercises.list_page()
    qtbot.waitUntil(lambda: sessions.table.rowCount() == 1, timeout=10_000)
    assert not sessions.open_button.isEnabled()
    assert sessions.debrief_hint.text() == "Your role opens when the trainer starts the session."
    with db.transaction() as session:
        exercises.start(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    db.dispose()
    qtbot.waitUntil(sessions.open_button.isEnabled, timeout=int(WITHIN * 1000) + 5_000)
    assert sessions.debrief_hint.text() != "Your role opens when the trainer starts the session."
