"""Walk H's findings in the app (a new user walking the team exercise, 1 December): the control room says which roles a
message reached and marks the roles at their end in its To list (9); a new session's control room starts on its first
role (16); a second press right after the trainee's own decision answers nothing (26); a refused session name keeps
the New session dialog open with the name selected (17); an inbox item says its hour whoever sent it (5), a sender
written to stand alone reads in lower case after "From" (15); an hour on a case clock reads "jam ke-6" in Bahasa
Indonesia (14); the joint debrief's pathway list says what its clock line is (13).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QMessageBox

from tests.exercise_gui import migrated, window_for
from tests.exercises import decide, started_session
from tipcase.services import accounts, exercises
from tipcase.store.database import Database
from tipcase.team.log_words import in_sentence

from ui.i18n import Translations
from ui.models.exercise_log import hour_mark
from ui.widgets.team_map import clock_line

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path / "case")
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)  # the inspector refers: its track's end
    db.dispose()
    return url


def test_the_control_room_says_which_roles_a_message_reached(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    said: list[str] = []
    window.context.signals.status_message.connect(said.append)
    window.exercises.show_control_room("drill")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    listed = [room.message_to.itemText(index) for index in range(room.message_to.count())]
    assert "Labour inspector (reached its end)" in listed
    assert room.message_to.currentData() == ""  # every role
    room.message.setText("Press conference at 14.00")
    room.send_message()
    assert said[-1] == "Message sent to Police investigator; Case worker only: the other roles have reached their end."
    room.message_to.setCurrentIndex(room.message_to.findData("case-worker"))
    room.message.setText("Call me")
    room.send_message()
    assert said[-1] == "Message sent to Case worker."


def test_a_new_sessions_control_room_starts_on_its_first_role(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    errors: list[BaseException] = []
    window.show_error = errors.append  # type: ignore[method-assign]
    window.exercises.show_control_room("drill")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    room.roles.selectRow(1)  # the investigator's row, as the trainer left it
    assert room.selected_role() == "investigator"
    window.exercises.show_list()
    sessions = window.exercises.list_page()
    qtbot.waitUntil(lambda: sessions.table.rowCount() == 1, timeout=10_000)
    sessions.new_session()
    dialog = sessions.dialog
    dialog.name.setText("drill")  # taken: refused, and the dialog stays for the name to be corrected (walk H, 17)
    dialog.accept()
    assert len(errors) == 1
    assert dialog.isVisible()
    assert dialog.name.selectedText() == "drill"
    dialog.name.setText("drill-2")
    dialog.accept()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: room.room is not None and room.room.session.name == "drill-2", timeout=10_000)
    assert room.selected_role() == "inspector"  # its first role, not the row of the control room before (walk H, 16)


def test_inbox_hours_and_senders_read_as_sentences(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert in_sentence("A Manado news site") == "a Manado news site"
    assert in_sentence("Sebuah situs berita Manado") == "sebuah situs berita Manado"
    assert in_sentence("Polresta Manado") == "Polresta Manado"
    assert in_sentence("Maria's sister, by phone") == "Maria's sister, by phone"

    @dataclasses.dataclass
    class State:
        clock: float
        finished: bool

    try:
        Translations().apply("id")
        assert hour_mark(6) == "jam ke-6"
        assert clock_line(State(28, True)) == "Sampai di akhir pada jam ke-28 waktu kasusnya"
        assert clock_line(State(12.5, False)) == "Pada jam ke-12,5 waktu kasusnya"
    finally:
        Translations().apply("en")
    assert hour_mark(6) == "6 h"
    assert clock_line(State(28, True)) == "Reached its end at 28 h on its case clock"


def test_a_second_press_right_after_a_decision_answers_nothing(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """Walk H, finding 26: a key pressed three times (impatient, bouncing, or held) answered three stages in 0.3 s."""
    db = Database(url)
    with db.transaction() as session:
        decide(session, "investigator", "drill", "investigator", 1)  # the care request reaches the case worker
    db.dispose()
    window = window_for(qtbot, tmp_path, url, "case-worker", live=False)
    window.exercises.show_workstation("drill", "case-worker")
    page = window.exercises.workstation()
    qtbot.waitUntil(lambda: page.station is not None, timeout=10_000)
    page.begin_button.click()
    assert page.state() == "choosing"
    assert all(not shortcut.autoRepeat() for shortcut in page.findChildren(QShortcut))  # a held key decides once
    page.choose(1)
    assert page.station.step == 2
    page.choose(1)  # the same key again at once: meant for the stage before, never for this one
    assert page.station.step == 2
    assert "Your press was not recorded: the page had just changed. Read the stage, then choose." in page.banner.text()
    qtbot.waitUntil(lambda: not page.press_guard.holding(), timeout=5_000)
    page.choose(1)  # read, then chosen: recorded
    assert page.station.step == 3


def test_ended_sessions_are_counted_not_listed_and_a_waiting_role_says_the_session_ended(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, url: str
) -> None:
    """Walk H, findings 31 and 30: My courses listed every exercise ever played; a role waiting when the trainer ended the
    session still said "The stage opens once the hand-over arrives"."""
    db = Database(url)
    with db.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        first = exercises.get_session(session, "drill")
        old = exercises.create_session(session, trainer, first.team_case_version, "drill-old")
        for role in ("inspector", "investigator", "case-worker"):
            exercises.assign(session, trainer, old, role, accounts.get_user(session, role))
        exercises.start(session, trainer, old)
        exercises.end(session, trainer, old)
    with db.transaction() as session:
        decide(session, "investigator", "drill", "investigator", 1)  # waits for the case worker's word
    window = window_for(qtbot, tmp_path, url, "investigator", live=False)
    home = window.home_page()
    qtbot.waitUntil(lambda: len(home.sessions) == 2, timeout=10_000)
    said = home.detail.text()
    assert "<b>drill</b>" in said
    assert "drill-old" not in said
    assert "One more has ended: its joint debrief is in your team exercises." in said
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    db.dispose()
    window.exercises.show_workstation("drill", "investigator")
    page = window.exercises.workstation()
    qtbot.waitUntil(lambda: page.station is not None, timeout=10_000)
    assert page.state() == "ended"
    assert page.text.toPlainText() == "The session ended before the hand-over arrived."


def test_a_deleted_drafts_control_room_is_forgotten(qtbot, tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Walk H, finding 28: after deleting a draft, the next control room said "no exercise session 'hapus-saya'"."""
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    errors: list[BaseException] = []
    window.show_error = errors.append  # type: ignore[method-assign]
    window.exercises.show_list()
    sessions = window.exercises.list_page()
    qtbot.waitUntil(lambda: sessions.table.rowCount() == 1, timeout=10_000)
    version = sessions.rows[0].version
    db = Database(url)
    with db.reading() as session:
        version_id = exercises.get_session(session, "drill").team_case_version_id
    db.dispose()
    assert version == 1
    sessions.create_session(version_id, "hapus-saya")
    room = window.exercises.control_room()
    qtbot.waitUntil(lambda: room.room is not None and room.room.session.name == "hapus-saya", timeout=10_000)
    room.body.setCurrentIndex(1)  # the pathway, last used
    window.exercises.show_list()
    qtbot.waitUntil(lambda: sessions.selected() == "hapus-saya", timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    sessions.delete_selected()
    assert room.name == ""  # forgotten: it does not look for the deleted draft again
    window.exercises.show_control_room("drill")
    qtbot.waitUntil(lambda: room.room is not None and room.room.session.name == "drill", timeout=10_000)
    assert room.body.currentIndex() == 0  # another session's control room opens on Directing, not the tab used last
    assert errors == []


def test_a_key_with_no_choice_says_so(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """Walk G finding 22, seen again in walk H: key 2 over one choice did nothing and said nothing."""
    window = window_for(qtbot, tmp_path, url, "investigator", live=False)
    window.exercises.show_workstation("drill", "investigator")
    page = window.exercises.workstation()
    qtbot.waitUntil(lambda: page.station is not None, timeout=10_000)
    page.begin_button.click()
    assert page.state() == "choosing"
    last = len(page._choice_buttons)
    page.choose(9)
    assert page.station.step == 1  # nothing recorded
    assert f"There is no choice 9 here: the keys are 1 to {last}." in page.banner.text()
    page.choose(9)
    assert page.banner.text().count("There is no choice 9") == 1  # said once, not piled up
