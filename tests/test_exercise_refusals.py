"""What the exercise services refuse, said so that the app and the command line agree (walk D findings 9, 10, 11, 18):
a session starts only with every role assigned, and the refusal names the roles by their titles, in the interface
language in the app; assigning someone already on a role changes nothing and says so; an inject is never fired at a
role that has reached its end; a trainee cannot read their role before the trainer starts the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tests.exercises import decide, started_session, users
from tests.teams import titled, write_team
from tipcase.cli.spoken import said
from tipcase.messages import Names
from tipcase.services import accounts, exercise_drafts, exercises, team_cases
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database
from tipcase.store.models import User


def test_start_names_the_roles_without_a_trainee_by_their_titles(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        people = users(session)
        version = team_cases.publish_team_file(session, people["trainer"], write_team(tmp_path))
        exercise = exercises.create_session(session, people["trainer"], version, "empty")
        assert exercises.assign(session, people["trainer"], exercise, "investigator", people["investigator"]) is True
        assert exercises.assign(session, people["trainer"], exercise, "investigator", people["investigator"]) is False  # already on it
    with db.transaction() as session, pytest.raises(ServiceError) as refused:
        exercises.start(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "empty"))
    assert str(refused.value) == "every role needs a trainee before the session starts; still without one: Labour inspector; Case worker"
    missing = refused.value.params["missing"]
    assert isinstance(missing, Names)
    assert missing.values["id"] == "Pengawas ketenagakerjaan; Pendamping"  # the app says them in Bahasa Indonesia
    assert said(refused.value, "id") == (  # and so does the command line with --lang id
        "setiap peran memerlukan peserta sebelum sesi dimulai; yang belum memilikinya: Pengawas ketenagakerjaan; Pendamping"
    )
    with db.transaction() as session:  # nothing was started, nothing logged
        exercise = exercises.get_session(session, "empty")
        assert exercise.status == "draft"
        assert exercises.newest_event(session, exercise) == 0
        assert exercises.unassign(session, people_of(session, "trainer"), exercise, "inspector", people_of(session, "inspector")) is False


def people_of(session: Session, username: str) -> User:
    return accounts.get_user(session, username)


def test_a_trainee_cannot_read_their_role_before_the_start(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path, start=False)
    with db.reading() as session, pytest.raises(exercises.SessionNotRunning, match="has not started yet: your role opens"):
        exercises.role_view(session, people_of(session, "inspector"), exercises.get_session(session, "drill"), "inspector")
    with db.reading() as session:  # the trainer preparing the session still sees every role
        view = exercises.role_view(session, people_of(session, "trainer"), exercises.get_session(session, "drill"), "inspector")
        assert view.status == "draft"
    with db.transaction() as session:
        exercises.start(session, people_of(session, "trainer"), exercises.get_session(session, "drill"))
    with db.reading() as session:
        assert exercises.role_view(session, people_of(session, "inspector"), exercises.get_session(session, "drill"), "inspector").step == 1


def test_an_inject_is_never_fired_at_a_role_that_has_reached_its_end(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        assert decide(session, "inspector", "drill", "inspector", 1).finished  # the inspector's part is done
    with db.transaction() as session, pytest.raises(ServiceError) as refused:
        exercises.fire_inject(session, people_of(session, "trainer"), exercises.get_session(session, "drill"), "journalist", ["inspector"])
    assert str(refused.value) == "Labour inspector has reached the end of the role: inject “A journalist calls.” can change nothing there"
    with db.transaction() as session:  # to every role not yet reached: those still playing, not the inspector
        exercise = exercises.get_session(session, "drill")
        exercises.fire_inject(session, people_of(session, "trainer"), exercise, "journalist")
        state = exercises.status(session, people_of(session, "trainer"), exercise)
    assert state["roles"]["inspector"]["inbox"] == 0
    assert state["roles"]["investigator"]["inbox"] >= 1
    assert state["roles"]["case-worker"]["inbox"] >= 1
    with db.transaction() as session, pytest.raises(ServiceError, match="every role it has not reached has ended"):
        exercises.fire_inject(session, people_of(session, "trainer"), exercises.get_session(session, "drill"), "journalist")


def test_only_a_draft_never_started_is_deleted(db: Database, tmp_path: Path) -> None:
    """Walk D, finding 20: an empty draft stayed in the list for ever; a started session stays evidence."""
    with db.transaction() as session:
        started_session(session, tmp_path, name="drill")
        version = team_cases.list_team_versions(session, people_of(session, "trainer"))[0]
        draft = exercises.create_session(session, people_of(session, "trainer"), version, "kosong")
        exercises.assign(session, people_of(session, "trainer"), draft, "inspector", people_of(session, "inspector"))
    with db.transaction() as session, pytest.raises(PermissionDenied):
        exercise_drafts.delete_draft(session, people_of(session, "inspector"), exercises.get_session(session, "kosong"))
    with db.transaction() as session, pytest.raises(exercises.SessionNotRunning, match="part of the record and is never deleted"):
        exercise_drafts.delete_draft(session, people_of(session, "trainer"), exercises.get_session(session, "drill"))
    with db.transaction() as session:
        exercise_drafts.delete_draft(session, people_of(session, "trainer"), exercises.get_session(session, "kosong"))
    with db.reading() as session:
        assert [s.name for s in exercises.list_sessions(session, people_of(session, "trainer"))] == ["drill"]
    with pytest.raises(DBAPIError, match="TIPCase"), db.engine.begin() as connection:  # the database refuses a started one too
        connection.execute(text("DELETE FROM exercise_sessions WHERE name = 'drill'"))


def test_a_refusal_names_stages_roles_and_hand_overs_by_their_titles_in_the_reader_s_language(db: Database, tmp_path: Path) -> None:
    """Issue 17: "choice 9 is not offered at stage 'desk'" named a stage by an id no trainee sees; the app and the command line
    say a refusal in their language, so it names each thing by its title in that language."""
    with db.transaction() as session:
        people = users(session)
        version = team_cases.publish_team_file(session, people["trainer"], write_team(tmp_path, titled()))
        exercise = exercises.create_session(session, people["trainer"], version, "drill")
        for role in ("inspector", "investigator", "case-worker"):
            exercises.assign(session, people["trainer"], exercise, role, people[role])
        exercises.start(session, people["trainer"], exercise)
        seen = exercises.role_view(session, people["inspector"], exercise, "inspector")
    refusals: list[ServiceError] = []
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 2)  # another trainee at the role decided first
    with db.transaction() as session:
        inspector, exercise = people_of(session, "inspector"), exercises.get_session(session, "drill")
        with pytest.raises(exercises.StaleTeamDecision) as stale:
            exercises.decide(session, inspector, exercise, "inspector", 1, step=1, stage=seen.play.stage.id)
    refusals.append(stale.value)
    with db.transaction() as session, pytest.raises(PermissionDenied) as not_assigned:
        decide(session, "investigator", "drill", "case-worker", 1)
    refusals.append(not_assigned.value)
    with db.transaction() as session, pytest.raises(ServiceError) as not_offered:
        exercises.decide(session, people_of(session, "investigator"), exercises.get_session(session, "drill"), "investigator", 9, step=1)
    refusals.append(not_offered.value)
    names = [refusal.params[name] for refusal in refusals for name in ("role", "stage") if name in refusal.params]
    assert len(names) == 4
    assert all(isinstance(name, Names) for name in names)  # the app says them in its language too
    assert [str(refusal) for refusal in refusals] == [
        "the role “Labour inspector” has moved on: decision 1, at the stage “At the factory gate”, was already taken by Trainee inspector,"
        " so yours was not recorded; it is at decision 2, stage “referred”",
        "investigator is not assigned to the role “Case worker” in exercise 'drill'",
        "choice 9 is not offered at the stage “In the PPA unit”; offered: 1) Ask the case worker to see to their care first,"
        " 2) Take the statement now",
    ]
    assert [said(refusal, "id") for refusal in refusals] == [
        "peran “Pengawas ketenagakerjaan” sudah berlanjut: keputusan 1, pada tahap “Di gerbang pabrik”, sudah diambil oleh"
        " Trainee inspector, sehingga keputusan Anda tidak dicatat; kini pada keputusan 2, tahap “referred”",
        "investigator tidak ditugaskan pada peran “Pendamping” dalam latihan 'drill'",
        "pilihan 9 tidak tersedia di tahap “Di Unit PPA”; yang tersedia: 1) Minta pendamping merawat dulu, 2) Ambil keterangan sekarang",
    ]
