"""Directing from the control room (walk D, findings 4, 10 and 19): the trainer sees which trainees are at their
workstations (a trainee's app says so; signing out says they have gone); assigning trainees never moves the page
under the mouse, offers each role a trainee who has none yet and says when someone is already on the role; and the
page says when every role has reached its end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.exercise_gui import migrated, room_of, select_role, window_for
from tests.exercises import decide, started_session, users
from tests.teams import BEST, write_team
from tipcase.services import accounts, exercise_presence, exercises, team_cases
from tipcase.store.database import Database

from ui.pages.control_room_trainees import AT_WORKSTATION, AWAY, SIGNED_IN

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    return migrated(tmp_path)


def test_the_trainer_sees_who_is_at_their_workstation(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path / "case")
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.exercises.show_control_room("drill")
    room = room_of(trainer)
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    assert room.roles.item(0, 1).text() == f"{AWAY} Trainee inspector"  # nobody has signed in yet
    assert "at their workstations: 0 of 3 trainees" in room.status_label.text()
    inspector = window_for(qtbot, tmp_path, url, "inspector", live=False)  # signed in: the app says so at once
    room.refresh()
    assert room.roles.item(0, 1).text() == f"{SIGNED_IN} Trainee inspector"
    select_role(room, "inspector")
    assert "Trainee inspector (inspector): signed in, not at the workstation yet" in room.trainees.players.text()
    inspector.exercises.show_workstation("drill", "inspector")  # at the role's workstation
    room.refresh()
    assert room.roles.item(0, 1).text() == f"{AT_WORKSTATION} Trainee inspector"
    assert "Trainee inspector (inspector): at the workstation" in room.trainees.players.text()
    assert "at their workstations: 1 of 3 trainees" in room.status_label.text()
    assert room.roles.item(0, 1).toolTip() == "Trainee inspector: at the workstation"
    inspector.sign_out()  # gone: not left "at the workstation" until it goes stale
    room.refresh()
    assert room.roles.item(0, 1).text() == f"{AWAY} Trainee inspector"
    db.dispose()


def test_a_workstation_closed_without_a_word_goes_stale(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        inspector = accounts.get_user(session, "inspector")
        assert exercise_presence.beacon(session, inspector, ("drill", "inspector")) == 1
        assert exercise_presence.beacon(session, accounts.get_user(session, "trainer")) == 0  # staff play no role: nothing said
    with db.reading() as session:
        heard = exercise_presence.presence_in(session, exercises.get_session(session, "drill"))
    mine = heard[inspector.id]
    assert mine.role == "inspector"
    assert mine.fresh(mine.seen_at + dt.timedelta(seconds=exercise_presence.FRESH_SECONDS))
    assert not mine.fresh(mine.seen_at + dt.timedelta(seconds=exercise_presence.FRESH_SECONDS + 1))  # a crash, a pulled cable
    with db.transaction() as session:
        exercise_presence.beacon(session, inspector, ("another session", "inspector"))  # elsewhere in the app: no role
        assert exercise_presence.presence_in(session, exercises.get_session(session, "drill"))[inspector.id].role is None
        exercise_presence.gone(session, inspector)
        assert exercise_presence.presence_in(session, exercises.get_session(session, "drill")) == {}


def test_assigning_never_moves_the_page_and_says_what_changed(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        people = users(session)
        from tipcase.services import team_cases

        version = team_cases.publish_team_file(session, people["trainer"], write_team(tmp_path / "case"))
        exercises.create_session(session, people["trainer"], version, "drill")
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.resize(1366, 768)
    trainer.exercises.show_control_room("drill")
    room = room_of(trainer)
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    said: list[str] = []
    trainer.context.signals.status_message.connect(said.append)
    qtbot.wait(20)
    where = (
        room.roles.height(),
        room.tools.tabBar().mapTo(trainer, room.tools.tabBar().rect().topLeft()),
        room.assign_button.mapTo(trainer, room.assign_button.rect().topLeft()),
    )
    offered = []
    for role in ("inspector", "investigator", "case-worker"):
        select_role(room, role)
        offered.append(room.person.currentData())
        room.assign(remove=False)
        qtbot.wait(20)
        assert said[-1].endswith("assigned to the role.")
        now = (
            room.roles.height(),
            room.tools.tabBar().mapTo(trainer, room.tools.tabBar().rect().topLeft()),
            room.assign_button.mapTo(trainer, room.assign_button.rect().topLeft()),
        )
        assert now == where, role  # the table, the tabs and the buttons stay where the mouse is
    assert len(set(offered)) == 3  # each role was offered a trainee who had no role yet
    assert all(state.users for state in room.room.roles)
    select_role(room, "investigator")
    assert room.person.currentData() == room.room.roles[1].users[0].id  # the role's own trainee
    room.assign(remove=False)
    assert said[-1] == f"{room.person.currentText()} is already on the role."
    db.dispose()


def test_the_page_says_when_every_role_has_reached_its_end(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path / "case")
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.exercises.show_control_room("drill")
    room = room_of(trainer)
    qtbot.waitUntil(lambda: room.room is not None, timeout=10_000)
    done = "Every role has reached its end: end the session to open the joint debrief for everyone."
    left = {role: list(numbers) for role, numbers in BEST.items()}
    while any(left.values()):
        assert done not in room.status_label.text()
        for role, numbers in left.items():
            with db.transaction() as session:
                view = exercises.role_view(session, accounts.get_user(session, role), exercises.get_session(session, "drill"), role)
            if numbers and view.waits_for is None and not view.finished:
                with db.transaction() as session:
                    decide(session, role, "drill", role, numbers.pop(0))
        room.refresh()
    assert done in room.status_label.text()
    assert room.end_button.isEnabled()
    db.dispose()


def test_the_sessions_list_says_when_with_whom_and_how_and_deletes_a_draft(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path / "case")
        trainer_user = accounts.get_user(session, "trainer")
        version = team_cases.list_team_versions(session, trainer_user)[0]
        exercises.create_session(session, trainer_user, version, "kosong")
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    trainer = window_for(qtbot, tmp_path, url, "trainer", live=False)
    trainer.exercises.show_list()
    sessions = trainer.exercises.list_page()
    qtbot.waitUntil(lambda: sessions.table.rowCount() == 2, timeout=10_000)
    table = sessions.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount()) if not table.isColumnHidden(c)]
    assert headers == ["Session", "Team case", "Status", "Created", "Started", "Trainees", "Result"]
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())] for r in range(2)}
    assert rows["drill"][5:] == ["3", "not passed, 0.0 %"]
    assert ":" in rows["drill"][3]  # the time it was created, not only the day
    assert rows["kosong"][4:] == ["—", "0", "—"]
    table.selectRow(list(rows).index("drill"))
    assert not sessions.delete_button.isEnabled()  # a session once started is part of the record
    table.selectRow(list(rows).index("kosong"))
    assert sessions.delete_button.isEnabled()
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    sessions.delete_button.click()
    qtbot.waitUntil(lambda: sessions.table.rowCount() == 1, timeout=10_000)
    assert sessions.table.item(0, 0).text() == "drill"
    db.dispose()
