"""The trainer's control room: a session created, assigned, started, paused, injected and ended from it, following
every role live (decisions made elsewhere in this process and in another process) on one SQLite file; who may read it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from tests.exercise_gui import WITHIN, migrated, room_of, select_role, window_for
from tests.exercises import decide, started_session, users
from tests.teams import BEST, write_team
from tipcase.services import accounts, exercise_desk
from tipcase.services.errors import PermissionDenied
from tipcase.store.database import Database

pytestmark = [pytest.mark.gui]

CHILD = Path(__file__).with_name("exercise_child.py")


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    return migrated(tmp_path)


def test_a_session_directed_from_the_control_room(qtbot, tmp_path: Path, url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        users(session)
    trainer = window_for(qtbot, tmp_path, url, "trainer")
    trainer.exercises.show_list()
    sessions = trainer.exercises.list_page()
    assert (sessions.rows, sessions.new_button.isVisible()) == ([], True)
    sessions.new_session()
    dialog = sessions.dialog
    assert dialog.case.count() == 0  # nothing published yet: the dialog says how to publish one
    dialog.publish(write_team(tmp_path / "case"))
    assert (dialog.case.count(), dialog.case.currentText()) == (1, "Mini team (v1, 3 roles)")
    dialog.name.setText("drill")
    dialog.accept()
    room = room_of(trainer)
    assert room.room.session.status == "draft"
    assert (room.start_button.isEnabled(), room.pause_button.isEnabled()) == (True, False)

    # starting is refused while a role has nobody; two trainees may share a role, and come off it while it is a draft
    shown: list[str] = []
    monkeypatch.setattr(trainer, "show_error", lambda error: shown.append(str(error)))
    room.control("start")
    assert "inspector" in shown[-1]
    people = {person.username: person.id for person in room.people}
    asked: list[str] = []  # putting someone on a second role is asked first (walk H, finding 8)
    monkeypatch.setattr(
        QMessageBox, "question", lambda _parent, _title, text, *_a, **_k: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    for role, username in [
        ("inspector", "inspector"),
        ("investigator", "investigator"),
        ("investigator", "case-worker"),
        ("case-worker", "case-worker"),
    ]:
        select_role(room, role)
        room.person.setCurrentIndex(room.person.findData(people[username]))
        room.assign(remove=False)
    assert asked == [
        "Trainee case-worker already plays Police investigator in this session: one person on two roles plays one at a time, "
        "switching at the workstation. Assign them to the role “Case worker” too?"
    ]
    assert [p.username for p in room.room.roles[1].users] == ["case-worker", "investigator"]
    select_role(room, "investigator")
    room.person.setCurrentIndex(room.person.findData(people["case-worker"]))
    room.assign(remove=True)
    trainees = {state.id: [p.username for p in state.users] for state in room.room.roles}
    assert trainees == {"inspector": ["inspector"], "investigator": ["investigator"], "case-worker": ["case-worker"]}
    room.control("start")
    assert (room.room.session.status, room.pause_button.isEnabled(), room.start_button.isEnabled()) == ("running", True, False)
    assert room.roles.item(1, 2).text() == "Waiting for “Referral from the inspector” from Labour inspector"
    assert not room.unassign_button.isEnabled()  # who plays is part of the record once it runs

    # a decision taken at a workstation shows in the control room within a second: position, clock, inbox, log
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", BEST["inspector"][0])
    made = time.monotonic()
    qtbot.waitUntil(lambda: room.room.roles[0].finished, timeout=5_000)
    assert time.monotonic() - made < WITHIN
    assert [room.roles.item(0, column).text() for column in range(2, 6)] == ["Reached its end", "2 h", "1", "0"]  # an untitled end: no id
    assert room.roles.item(1, 2).text() == "Stage: “desk”"
    assert [room.log.kind_at(r) for r in range(room.log.rowCount())] == ["started", "decision", "delivered", "consumed"]
    assert room.log.index(1, 4).data() == "Decision 1, stage “visit”: 1) Copy the wage slips then refer"  # as offered, as exercise log says
    arrival = next(spec for spec in room.map.view.scene().items() if getattr(getattr(spec, "spec", None), "id", "") == "arrival")
    assert (arrival.spec.label, arrival.spec.state) == ("Arrival\n▶ Labour inspector", "current")

    # pause; the journalist's call fired by hand while paused; a message to one role; resume; end
    room.control("pause")
    assert (room.room.session.status, room.resume_button.isEnabled(), room.pause_button.isEnabled()) == ("paused", True, False)
    with db.transaction() as session, pytest.raises(exercise_desk.exercises.SessionNotRunning):
        decide(session, "investigator", "drill", "investigator", 1)
    ids = [inject.id for inject in room.room.team.injects]
    room.injects.selectRow(ids.index("threat"))
    assert "Expected action: Ask LPSK for protection" in room.inject_panel.detail.text().replace("</b>", "")
    room.injects.selectRow(ids.index("journalist"))
    assert room.fire_button.isEnabled()
    fire_to = room.inject_panel.fire_to
    assert [fire_to.itemText(i) for i in range(fire_to.count())] == [  # not the inspector, whose part is done (walk D, finding 11)
        "Every role not yet reached (2)",
        "Police investigator",
        "Case worker",
    ]
    fire_to.setCurrentIndex(fire_to.findData("investigator"))  # the journalist calls the police first
    room.fire()
    assert room.room.fired["journalist"] == ("investigator",)
    assert [item.ident for item in room.room.roles[1].inbox if item.kind == "inject"] == ["journalist"]
    assert not [item for state in (room.room.roles[0], room.room.roles[2]) for item in state.inbox if item.kind == "inject"]
    assert room.log.index(room.log.rowCount() - 1, 2).data() == "Police investigator"
    assert room.fire_button.isEnabled()  # the other two have still to hear it
    assert [fire_to.itemText(i) for i in range(fire_to.count())] == ["Every role not yet reached (1)", "Case worker"]
    assert fire_to.currentIndex() == 0
    room.fire()
    assert set(room.room.fired["journalist"]) == {"investigator", "case-worker"}
    assert not room.fire_button.isEnabled()  # fired for every role it goes to that still plays
    assert (fire_to.count(), fire_to.isEnabled()) == (0, False)
    assert room.injects.item(ids.index("journalist"), 2).text() == "Police investigator; Case worker"  # "; ": a title may hold commas
    room.message.setText("Ten minutes left")
    room.message_to.setCurrentIndex(room.message_to.findData("investigator"))
    room.send_message()
    assert room.log.index(room.log.rowCount() - 1, 4).data() == "Message to Police investigator: Ten minutes left"
    assert [state.inbox[-1].text for state in room.room.roles[1:2]] == ["Ten minutes left"]
    room.control("resume")
    assert room.room.session.status == "running"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    room.end_button.click()
    assert (room.room.session.status, room.end_button.isEnabled(), room.fire_button.isEnabled()) == ("ended", False, False)
    assert room.log.index(room.log.rowCount() - 1, 4).data() == "The session ended: the team scored 18.2 % (not passed)."
    assert room.log.rowCount() == room.room.last_seq
    db.dispose()


def test_the_control_room_follows_another_workstations_decision(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
    db.dispose()
    trainer = window_for(qtbot, tmp_path, url, "trainer")
    trainer.exercises.show_control_room("drill")
    room = room_of(trainer)
    assert [room.log.kind_at(r) for r in range(room.log.rowCount())] == ["started"]
    room.log_view.selectRow(0)
    select_role(room, "case-worker")
    command = [sys.executable, str(CHILD), url, "inspector", "inspector", "1"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first: list[float] = []

    def check() -> bool:
        if not first and room.room.roles[0].finished and room.log.rowCount() == 4:
            first.append(time.time())
        return bool(first) and child.poll() is not None

    qtbot.waitUntil(check, timeout=30_000)
    out, err = child.communicate()
    assert child.returncode == 0, err
    assert first[0] - float(out.split()[-1]) < WITHIN
    assert room.room.roles[1].waits_for is None  # the referral reached the investigator
    assert [room.log.kind_at(r) for r in range(room.log.rowCount())] == ["started", "decision", "delivered", "consumed"]
    assert room.log_view.selectionModel().isRowSelected(0)  # what the trainer had selected stays selected
    assert room.selected_role() == "case-worker"


def test_only_those_who_direct_exercises_read_the_control_room(tmp_path: Path, url: str) -> None:
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.reading() as session:
        trainee, trainer = accounts.get_user(session, "inspector").id, accounts.get_user(session, "trainer").id
    with pytest.raises(PermissionDenied):
        exercise_desk.room(db, trainee, "drill")  # the master log holds the controllers' notes
    with pytest.raises(PermissionDenied):
        exercise_desk.control(db, trainee, "drill", "pause")
    with pytest.raises(PermissionDenied):
        exercise_desk.station(db, trainee, "drill", "investigator")  # not their role
    assert [(row.name, row.my_roles) for row in exercise_desk.sessions(db, trainee)] == [("drill", ("inspector",))]
    assert exercise_desk.room(db, trainer, "drill").session.status == "running"
    db.dispose()
