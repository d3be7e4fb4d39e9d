"""Archiving ended team exercise sessions: trainers' lists filled up with ended exercises that could not be put away.

An ended session is archived (and unarchived) by the trainer who created it or an administrator; another
trainer, a trainee and a registrar are refused by the service; a session not ended is refused in one line.
An archived session leaves the default lists (the trainer's and the trainee's) and shows with *Show archived*;
its record, result, log and after-action report stay whole and readable. Migration 0008 adds the mark to a
database of migration 0007 that holds an ended session, and takes it away again, on SQLite and PostgreSQL.
The command line's ``archive`` and ``unarchive`` say what they did, in both languages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from tests.exercises import PASSWORDS, decide, started_session
from tests.teams import BEST
from tipcase.cli import main
from tipcase.services import accounts, exercise_archive, exercise_debrief, exercise_desk, exercises
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database, alembic_config
from tipcase.store.models import AuditEntry, ExerciseEvent, Role


def _played_to_the_end(db: Database, folder: Path) -> None:
    """Session "drill" of the mini team case (created by 'trainer'), every role on its best route, then ended."""
    with db.transaction() as session:
        started_session(session, folder)
        accounts.create_user(session, accounts.NewUser("trainer2", "Another Trainer", Role.TRAINER), "password-trainer-2")
        accounts.create_user(session, accounts.NewUser("registrar", "Registrar", Role.REGISTRAR), "password-registrar-1")
        accounts.create_user(session, accounts.NewUser("boss", "Administrator", Role.ADMIN), "password-admin-1")
    for role in ("inspector", "investigator", "case-worker", "case-worker", "investigator", "investigator"):  # as the roles can move
        with db.transaction() as session:
            view = exercises.role_view(session, accounts.get_user(session, role), exercises.get_session(session, "drill"), role)
            decide(session, role, "drill", role, BEST[role][len(view.play.decisions)])


def _end(db: Database) -> None:
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))


def _record(db: Database) -> tuple[list[tuple[int, str, str | None]], dict[str, object], str]:
    """The session's log, its report and its status, as read by the trainer."""
    with db.reading() as session:
        exercise, trainer = exercises.get_session(session, "drill"), accounts.get_user(session, "trainer")
        log = [(e.seq, e.kind, e.mac) for e in session.scalars(select(ExerciseEvent).where(ExerciseEvent.session_id == exercise.id))]
        return log, exercises.report(session, trainer, exercise), exercise.status


def _id(db: Database, username: str) -> int:
    with db.reading() as session:
        return accounts.get_user(session, username).id


def _archive(db: Database, username: str, *, archived: bool = True) -> bool:
    with db.transaction() as session:
        act = exercise_archive.archive if archived else exercise_archive.unarchive
        return act(session, accounts.get_user(session, username), exercises.get_session(session, "drill"))


def test_an_ended_session_is_archived_by_its_trainer_and_its_record_stays_whole(db: Database, tmp_path: Path) -> None:
    _played_to_the_end(db, tmp_path)
    with pytest.raises(ServiceError) as refused:  # still running: one clear line
        _archive(db, "trainer")
    assert str(refused.value) == "exercise 'drill' is running: only an ended session can be archived"
    _end(db)
    before = _record(db)
    for someone in ("trainer2", "inspector", "registrar"):  # another trainer, a trainee, a registrar
        with pytest.raises(PermissionDenied):
            _archive(db, someone)
    with pytest.raises(PermissionDenied, match="only the trainer who created exercise 'drill' \\(trainer\\) or an administrator"):
        _archive(db, "trainer2")
    trainer, trainee = _id(db, "trainer"), _id(db, "inspector")
    [row] = exercise_desk.sessions(db, trainer)
    assert (row.archived, row.may_archive) == (False, True)
    assert not exercise_desk.sessions(db, _id(db, "trainer2"))[0].may_archive

    assert _archive(db, "trainer") is True
    assert _archive(db, "trainer") is False  # already archived: nothing changes, nothing recorded
    assert exercise_desk.sessions(db, trainer) == []  # off the trainer's list...
    assert exercise_desk.sessions(db, trainee) == []  # ...and the trainee's
    assert [(r.name, r.archived) for r in exercise_desk.sessions(db, trainer, archived=True)] == [("drill", True)]
    assert [(r.name, r.my_roles) for r in exercise_desk.sessions(db, trainee, archived=True)] == [("drill", ("inspector",))]
    assert _record(db) == before  # the log (with its seals), the result and the status as they were
    room = exercise_desk.room(db, trainer, "drill")
    assert room.session.archived
    assert len(room.log) == len(before[0])
    with db.reading() as session:  # the joint debrief and the after-action report read as before, for the trainee too
        exercise = exercises.get_session(session, "drill")
        assert exercise_debrief.debrief(session, accounts.get_user(session, "inspector"), exercise).team["passed"] is True
        target = io.BytesIO()
        exercise_debrief.write_report_pdf(session, accounts.get_user(session, "trainer"), exercise, target)
        assert target.getvalue().startswith(b"%PDF")

    for someone in ("trainer2", "inspector", "registrar"):
        with pytest.raises(PermissionDenied):
            _archive(db, someone, archived=False)
    assert _archive(db, "boss", archived=False) is True  # an administrator may, too
    assert _archive(db, "boss", archived=False) is False
    assert [r.name for r in exercise_desk.sessions(db, trainee)] == ["drill"]
    with db.reading() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.target == "drill").order_by(AuditEntry.seq)).all()
    assert actions[-2:] == ["exercise archived", "exercise unarchived"]
    with pytest.raises(DBAPIError, match="TIPCase"), db.engine.begin() as connection:  # an ended session still never changes
        connection.execute(text("UPDATE exercise_sessions SET status = 'running' WHERE name = 'drill'"))


def test_a_draft_or_a_paused_session_is_not_archived(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path, start=False)
    with pytest.raises(ServiceError, match=r"^exercise 'drill' is draft: only an ended session can be archived$"):
        _archive(db, "trainer")
    with db.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        exercises.start(session, trainer, exercise)
        exercises.pause(session, trainer, exercise)
    with pytest.raises(ServiceError, match="is paused: only an ended session"):
        _archive(db, "trainer")
    assert _archive(db, "trainer", archived=False) is False  # nothing to unarchive


@pytest.fixture(params=["sqlite", "postgresql"])
def old_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database's address, on SQLite and on the tests' PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    return str(request.getfixturevalue("pg_server").create_database())


def test_migration_0008_adds_the_archive_to_a_database_with_ended_sessions_and_takes_it_away(old_url: str, tmp_path: Path) -> None:
    db = Database(old_url)
    try:
        db.upgrade("0007")
        assert "exercise_archive" not in db.table_names()
        _played_to_the_end(db, tmp_path)  # a session played and ended before the archive existed
        _end(db)
        before = _record(db)
        db.upgrade("0008")
        assert db.revision() == "0008"
        assert _record(db) == before
        assert [r.archived for r in exercise_desk.sessions(db, _id(db, "trainer"), archived=True)] == [False]
        assert _archive(db, "trainer") is True
        assert exercise_desk.sessions(db, _id(db, "trainer")) == []
        with db.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0007")
        assert "exercise_archive" not in db.table_names()
        assert _record(db) == before  # every archived session listed again, nothing else touched
        db.upgrade()
        assert [r.archived for r in exercise_desk.sessions(db, _id(db, "trainer"))] == [False]
    finally:
        db.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_archives_and_unarchives_in_both_languages(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _played_to_the_end(db, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    code, out, err = run(capsys, "exercise", "archive", "--session", "drill")
    assert (code, out, err) == (1, "", "tipcase: error: exercise 'drill' is running: only an ended session can be archived\n")
    code, out, err = run(capsys, "exercise", "archive", "--session", "drill", "--lang", "id")
    assert (code, out) == (1, "")
    assert err == "tipcase: kesalahan: latihan 'drill' berstatus berjalan: hanya sesi yang sudah berakhir yang dapat diarsipkan\n"
    _end(db)
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["inspector"])  # a trainee may not
    code, out, err = run(capsys, "exercise", "archive", "--session", "drill", "--user", "inspector")
    assert (code, out) == (1, "")
    assert err == "tipcase: error: inspector (trainee) may not direct team exercises\n"
    monkeypatch.setenv("TIPCASE_PASSWORD", "password-trainer-2")  # nor another trainer
    code, out, err = run(capsys, "exercise", "archive", "--session", "drill", "--user", "trainer2")
    assert (code, out) == (1, "")
    assert err == (
        "tipcase: error: only the trainer who created exercise 'drill' (trainer) or an administrator may archive or unarchive it, "
        "not trainer2\n"
    )
    monkeypatch.setenv("TIPCASE_PASSWORD", "password-trainer-1")
    assert run(capsys, "exercise", "archive", "--session", "drill", "--user", "trainer") == (
        0,
        "session drill: archived (Show archived lists it; unarchive brings it back)\n",
        "",
    )
    assert run(capsys, "exercise", "archive", "--session", "drill", "--lang", "id")[:2] == (0, "sesi drill: sudah diarsipkan\n")
    code, out, _ = run(capsys, "exercise", "report", "--session", "drill", "--json")  # still reported
    assert code == 0
    assert json.loads(out)["team"]["passed"] is True
    assert run(capsys, "exercise", "unarchive", "--session", "drill", "--lang", "id")[:2] == (
        0,
        "sesi drill: dikeluarkan dari arsip (tercantum lagi di daftar)\n",
    )
    assert run(capsys, "exercise", "unarchive", "--session", "drill")[:2] == (0, "session drill: was not archived\n")
    assert [r.archived for r in exercise_desk.sessions(db, _id(db, "trainer"))] == [False]


def test_any_trainer_directs_a_running_session_but_only_its_creator_or_an_administrator_archives_it(db: Database, tmp_path: Path) -> None:
    """Co-trainers in an exercise control cell take over from each other (../shared/reference/exercises.md): every
    trainer may direct any session (assign, start, inject, message, pause, resume, end); archiving stays the
    creator's and the administrators' (docs/team-exercises.md, "Who may do what")."""
    with db.transaction() as session:
        started_session(session, tmp_path, start=False)
        accounts.create_user(session, accounts.NewUser("trainer2", "Another Trainer", Role.TRAINER), "password-trainer-2")
        accounts.create_user(session, accounts.NewUser("stand-in", "Stand-in Trainee", Role.TRAINEE), "password-trainee-9")
    other, trainee, stand_in = _id(db, "trainer2"), _id(db, "inspector"), _id(db, "stand-in")
    for action in ("start", "pause", "resume"):
        with pytest.raises(PermissionDenied):  # a trainee directs nothing
            exercise_desk.control(db, trainee, "drill", action)
    assert exercise_desk.assign(db, other, "drill", "investigator", stand_in) is True
    assert exercise_desk.assign(db, other, "drill", "investigator", stand_in, remove=True) is True
    exercise_desk.control(db, other, "drill", "start")
    exercise_desk.fire(db, other, "drill", "journalist")
    exercise_desk.message(db, other, "drill", "The other trainer takes over now.")
    exercise_desk.control(db, other, "drill", "pause")
    exercise_desk.control(db, _id(db, "trainer"), "drill", "resume")  # and the first trainer takes it back
    exercise_desk.control(db, other, "drill", "end")
    room = exercise_desk.room(db, other, "drill")
    assert room.session.status == "ended"
    kinds = [entry.kind for entry in room.log]
    assert (kinds[0], kinds[-1]) == ("started", "ended")
    with pytest.raises(PermissionDenied, match="only the trainer who created exercise 'drill' \\(trainer\\) or an administrator"):
        _archive(db, "trainer2")
    assert not exercise_desk.sessions(db, other)[0].may_archive
    assert exercise_desk.sessions(db, _id(db, "trainer"))[0].may_archive
    assert _archive(db, "trainer") is True
    with pytest.raises(PermissionDenied):
        _archive(db, "trainer2", archived=False)
