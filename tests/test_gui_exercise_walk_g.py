"""The team exercise pages after walk G (findings 7, 8, 10, 16, 21, 22), in both languages where words changed.

Back from a control room or a debrief, the sessions list selects the session one came from; an empty list says
why and where archived sessions are; publishing a file already published says so; a new draft opens on the
trainees to assign; two roles are named "A and B" (a role's title holds commas); the workstation names the keys
there are ("keys 1-2" over two choices, never "1-9").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exercise_gui import migrated, window_for
from tests.exercises import started_session, users
from tests.teams import write_team
from tipcase.store.database import Database

from ui.i18n import Translations
from ui.wording import names_list

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    return migrated(tmp_path)


@pytest.mark.parametrize("language", ["en", "id"])
def test_an_empty_list_says_why_and_a_republished_file_says_so(qtbot, tmp_path: Path, url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        users(session)
    db.dispose()
    Translations().apply(language)
    trainee = window_for(qtbot, tmp_path, url, "inspector", live=False)
    trainee.context.set_language(language)
    trainee.exercises.show_list()
    empty = {
        "en": "No team exercise for you now: the trainer assigns you to a role in one. "
        "Ended sessions that were archived are listed with Show archived.",
        "id": "Saat ini belum ada latihan tim untuk Anda: pelatih yang menugaskan Anda ke sebuah peran. "
        "Sesi yang sudah berakhir dan diarsipkan tercantum dengan Tampilkan yang diarsipkan.",
    }[language]
    assert trainee.exercises.list_page().intro.text().endswith("\n\n" + empty)  # walk G, finding 8

    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.context.set_language(language)
    trainer.exercises.show_list()
    sessions = trainer.exercises.list_page()
    assert "New session" in sessions.intro.text() or "Sesi baru" in sessions.intro.text()
    sessions.new_session()
    dialog = sessions.dialog
    path = write_team(tmp_path / "case")
    dialog.publish(path)
    dialog.publish(path)  # the same bytes again: nothing changes, and the dialog says so (walk G, finding 10)
    assert (
        dialog.note.text()
        == {
            "en": "team.yaml is already published as version 1: nothing changed.",
            "id": "team.yaml sudah diterbitkan sebagai versi 1: tidak ada yang berubah.",
        }[language]
    )
    assert dialog.case.count() == 1

    # a new draft opens on Directing > Trainees, whatever tab was used last (walk G, finding 21)
    dialog.name.setText("first")
    dialog.accept()
    room = trainer.exercises.control_room()
    room.body.setCurrentIndex(1)
    room.tools.setCurrentIndex(2)
    room.back.click()
    sessions.new_session()
    sessions.dialog.name.setText("second")
    sessions.dialog.accept()
    assert room.name == "second"
    assert (room.body.currentIndex(), room.tools.currentIndex()) == (0, 0)

    # back to the sessions: the one just left stays selected (walk G, finding 7: the newest row was)
    room.back.click()
    assert sessions.selected() == "second"
    sessions.table.selectRow([row.name for row in sessions.rows].index("first"))
    sessions.open_selected()
    room.back.click()
    assert sessions.selected() == "first"


def test_the_workstation_names_the_keys_there_are_and_two_roles_are_joined_with_and(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    Translations().apply("en")
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
    db.dispose()
    window = window_for(qtbot, tmp_path, url, "inspector", live=False)
    window.exercises.show_list()
    page = window.exercises.list_page()
    page.open_selected()
    station = window.exercises.workstation()
    station.begin_button.click()
    qtbot.waitUntil(lambda: station.state() == "choosing", timeout=5_000)
    offered = len(station.station.play.offered())
    assert offered >= 2
    assert station.choices_box.title() == f"What do you do? (keys 1-{offered})"  # walk G, finding 22: never "1-9" over two
    # a role's title holds commas: two roles read as two (walk G, finding 16)
    assert names_list(["LPSK officer, Witness and Victim Protection Agency", "Public prosecutor, Kejaksaan Negeri Bitung"]) == (
        "LPSK officer, Witness and Victim Protection Agency and Public prosecutor, Kejaksaan Negeri Bitung"
    )
    assert names_list(["A, x", "B, y", "C"]) == "A, x; B, y and C"
    assert names_list(["Only"]) == "Only"


def test_the_undo_of_an_archive_goes_once_the_trainer_moves_on(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """Walk G, finding 18: the Undo stayed for ten minutes, across other sessions, so a late press undid a forgotten archive."""
    from tipcase.services import accounts, exercises

    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    db.dispose()
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.exercises.show_list()
    page = trainer.exercises.list_page()
    page.table.selectRow(0)
    page.archive_button.click()
    assert page.undo_bar.isVisible()
    page.new_session()  # the trainer does something else: the Undo goes
    assert not page.undo_bar.isVisible()
    page.dialog.reject()
