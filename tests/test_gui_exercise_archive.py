"""Archiving an ended session in the app: the trainer who created it archives it from the sessions list (it leaves
the list, with an Undo beside it) or from its control room; *Show archived* lists it again, marked; the trainee's
list and home page lose it too, and another trainer's button says why it is disabled. In both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exercise_gui import migrated, room_of, window_for
from tests.exercises import decide, started_session
from tests.gui import make_context, open_window
from tests.teams import BEST
from tipcase.services import accounts, exercises
from tipcase.store.database import Database
from tipcase.store.models import Role

from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Session "drill" of the mini team case, played to its end and ended by 'trainer'; a second trainer."""
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
        accounts.create_user(session, accounts.NewUser("trainer2", "Another Trainer", Role.TRAINER), "password-trainer-2")
    for role in ("inspector", "investigator", "case-worker", "case-worker", "investigator", "investigator"):
        with db.transaction() as session:
            view = exercises.role_view(session, accounts.get_user(session, role), exercises.get_session(session, "drill"), role)
            decide(session, role, "drill", role, BEST[role][len(view.play.decisions)])
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    db.dispose()
    return url


def listed(window: MainWindow) -> list[str]:
    page = window.exercises.list_page()
    return [row.name for row in page.rows]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_trainer_archives_an_ended_session_and_undoes_it(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.context.set_language(language)
    trainer.exercises.show_list()
    page = trainer.exercises.list_page()
    assert listed(trainer) == ["drill"]
    page.table.selectRow(0)
    button = page.archive_button
    assert (button.isVisible(), button.isEnabled(), button.text()) == (True, True, {"en": "Arc&hive", "id": "&Arsipkan"}[language])
    assert page.show_archived.isVisible()
    assert not page.show_archived.isChecked()
    button.click()
    assert listed(trainer) == []  # put away
    assert page.undo_bar.isVisible()
    assert "drill" in page.undo_bar.label.text()
    page.undo_bar.undo_button.click()  # changed her mind
    assert listed(trainer) == ["drill"]
    assert not page.rows[0].archived
    page.table.selectRow(0)
    button.click()
    page.show_archived.setChecked(True)  # the archived ones too, marked
    assert [(row.name, row.archived) for row in page.rows] == [("drill", True)]
    assert page.table.item(0, 2).text() == {"en": "Ended, archived", "id": "Berakhir, diarsipkan"}[language]
    page.table.selectRow(0)
    assert button.text() == {"en": "Unarc&hive", "id": "Keluarkan dari &arsip"}[language]
    assert page.debrief_button.isEnabled()  # the joint debrief reads as before
    page.show_archived.setChecked(False)
    assert listed(trainer) == []


def test_the_control_room_archives_and_others_see_the_session_go(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.exercises.show_control_room("drill")
    room = room_of(trainer)
    assert room.archive_button.isEnabled()
    room.archive_button.click()
    assert room.room.session.archived
    assert "archived" in room.status_label.text()
    assert room.archive_button.text() == "Unarc&hive"  # undone where it was done

    other = tmp_path / "trainer2"
    other.mkdir()
    second = open_window(qtbot, make_context(other, url))
    second.sign_in("trainer2", "password-trainer-2")
    second.exercises.show_list()
    assert listed(second) == []
    page = second.exercises.list_page()
    page.show_archived.setChecked(True)
    page.table.selectRow(0)
    assert not page.archive_button.isEnabled()  # not hers to put away or bring back: the button says why
    assert "Only the trainer who created this session" in page.archive_button.toolTip()

    trainee = window_for(qtbot, tmp_path, url, "inspector", live=False)
    assert trainee.context.account is not None
    trainee.exercises.show_list()
    assert listed(trainee) == []  # off the trainee's list...
    assert not trainee.exercises.list_page().archive_button.isVisible()
    trainee.show_home()
    assert not trainee.home_page().exercises_button.isVisible()  # ...and their home page
    room.archive_button.click()  # the trainer lists it again
    trainee.exercises.show_list()
    assert listed(trainee) == ["drill"]
