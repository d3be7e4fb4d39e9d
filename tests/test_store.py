"""Records on SQLite and on a real PostgreSQL server: schema, accounts, attempts, audit, backup."""

from __future__ import annotations

import base64
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from tests.records import BEST, CASE, SENT_HOME, attempt_of, play_through, route, seed
from tipcase import bundled
from tipcase.services import accounts, attempts, audit, backup, courses, exports, reports, scenarios
from tipcase.services.errors import ServiceError, SignInError
from tipcase.store.database import Database, open_database
from tipcase.store.models import AttemptScore, AuditEntry, Base, Decision, Role, ScenarioMedia, utcnow

# Poor routes through CASE, named by their mistakes: care, then screening in the clinic corridor (a point
# lost, the attempt left open); and the same, then the decision put off while the cyber unit interviews him as
# a suspect (trust back to 0), left open at the threat.
CORRIDOR = route(CASE, {"medical": "Screen him now"})[:2]
SUSPECT_INTERVIEW = route(CASE, {"medical": "Screen him now", "non-punishment": "Put off the decision"})[:4]


def test_migrations_give_exactly_the_models(db: Database) -> None:
    assert db.revision() == db.head()
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert differences == []


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_home_holds_the_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    db = open_database()
    assert (tmp_path / "home" / "tipcase.sqlite3").is_file()
    db.dispose()


def test_an_unreachable_server_is_one_clear_error() -> None:
    from tipcase.store.database import DatabaseError

    with pytest.raises(DatabaseError, match=r"^the records database at 127.0.0.1:1/x cannot be reached or opened: ") as error:
        open_database("postgresql://nobody:secret@127.0.0.1:1/x")
    assert "secret" not in str(error.value)
    assert error.value.kind == "unreachable"


def test_sign_in_lockout_after_five_failures(db: Database) -> None:
    with db.transaction() as session:
        seed(session)
    start = utcnow()
    for _ in range(5):
        with db.transaction() as session, pytest.raises(SignInError, match="wrong username or password"):
            accounts.sign_in(session, "demo-trainee", "wrong-password", now=start)
    with db.transaction() as session, pytest.raises(SignInError, match="locked"):
        accounts.sign_in(session, "demo-trainee", "demo-trainee", now=start + dt.timedelta(minutes=14))
    with db.transaction() as session:
        assert accounts.sign_in(session, "demo-trainee", "demo-trainee", now=start + dt.timedelta(minutes=16)).username == "demo-trainee"
    with db.transaction() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions.count("sign-in failed") == 6
    assert actions[-1] == "signed in"


def test_attempt_is_stored_decision_by_decision_and_scored(db: Database) -> None:
    with db.transaction() as session:
        seed(session)
    attempt_id = play_through(db, "demo-trainee", BEST)
    with db.transaction() as session:
        attempt = attempt_of(session, attempt_id)
        assert [d.sequence for d in attempt.decisions] == list(range(1, 18))
        assert attempt.passed is True
        assert attempt.total_percent == 100.0
        assert attempt.result is not None
        assert attempt.result["route"][-1] == "end-success"
        scores = session.scalars(select(AttemptScore).where(AttemptScore.attempt_id == attempt_id)).all()
        assert {s.competency: s.percent for s in scores} == attempt.result["percent"]
        assert attempt.decisions[0].offered == [0, 1, 2, 3]


def test_resume_rebuilds_the_exact_state(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        trainee_id = world.trainee.id
    attempt_id = play_through(db, "demo-trainee", SUSPECT_INTERVIEW)
    with db.transaction() as session:
        trainee = session.get(type(world.trainee), trainee_id)
        assert trainee is not None
        play = attempts.resume(session, trainee, attempt_id)
        assert play.route == ["arrival", "medical", "screening", "non-punishment", "threat"]
        assert play.variables["trust"] == 0  # +1 at arrival, then -1 for the suspect interview
        course = courses.get_course(session, "demo")
        again = attempts.start_attempt(session, trainee, course.items[0].scenario_version, course=course)
        assert again.id == attempt_id  # starting again resumes the unfinished attempt


def test_a_choice_not_offered_is_refused_and_nothing_is_stored(db: Database) -> None:
    with db.transaction() as session:
        seed(session)
    attempt_id = play_through(db, "demo-trainee", BEST[:1])
    with db.transaction() as session, pytest.raises(ServiceError, match="choice 9 is not offered"):
        attempts.record_decision(session, accounts.get_user(session, "demo-trainee"), attempt_id, 9, step=2)
    with db.transaction() as session:
        assert session.scalar(select(func.count(Decision.id))) == 1


def test_course_progress_policies_and_attempt_limit(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        version = world.course.items[0].scenario_version
        course = courses.create_course(
            session, world.trainer, code="strict", title={"en": "Strict"}, versions=[version], attempt_policy="last", max_attempts=2
        )
        cohort = courses.get_cohort(session, "demo")
        courses.assign_course(session, world.trainer, cohort, course)
    play_through(db, "demo-trainee", BEST, "strict")
    play_through(db, "demo-trainee", SENT_HOME, "strict")  # sent home: a critical error, failed
    with db.transaction() as session:
        trainee = accounts.get_user(session, "demo-trainee")
        course = courses.get_course(session, "strict")
        progress = courses.course_progress(session, trainee, course)
        assert progress.scenarios[0].status == "failed"  # the last attempt counts
        assert progress.scenarios[0].best_percent == 100.0
        assert not progress.completed
        assert not progress.scenarios[0].may_start
        with pytest.raises(ServiceError, match="allows 2 attempt"):
            attempts.start_attempt(session, trainee, course.items[0].scenario_version, course=course)


def test_backup_then_restore_into_an_empty_home_gives_identical_rows(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        seed(session)
        scenarios.publish_unchecked(session, bundled.bundled_dir() / "fake-internship.yaml")  # with a picture
    play_through(db, "demo-trainee", BEST)
    play_through(db, "other-trainee", CORRIDOR)
    (tmp_path / "home" / "keys").mkdir(parents=True, exist_ok=True)  # the audit key is there already
    (tmp_path / "home" / "keys" / "issuing.key").write_bytes(b"secret key bytes")
    archive = tmp_path / "backup.zip"
    backup.backup(db, archive, tmp_path / "home", passphrase="a passphrase for the keys")  # the key only sealed, when asked
    restored = Database(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    backup.restore(restored, archive, tmp_path / "new-home", passphrase="a passphrase for the keys")
    restored_rows, original_rows = _all_rows(restored), _all_rows(db)
    assert restored_rows.pop("audit_log")[:-1] == original_rows.pop("audit_log")  # and then "backup restored"
    assert restored_rows == original_rows
    with restored.reading() as session:
        [media] = session.scalars(select(ScenarioMedia)).all()
        assert base64.b64decode(media.data_base64) == (bundled.bundled_dir() / "media" / "fake-internship-brochure.png").read_bytes()
    assert (tmp_path / "new-home" / "keys" / "issuing.key").read_bytes() == b"secret key bytes"
    assert (tmp_path / "new-home" / "keys" / "issuing.key").stat().st_mode & 0o777 == 0o600
    with restored.transaction() as session:
        assert audit.verify(session).ok
    with pytest.raises(ServiceError, match="not empty"):
        backup.restore(restored, archive, tmp_path / "new-home")
    with zipfile.ZipFile(archive) as opened:
        assert "manifest.json" in opened.namelist()
    restored.dispose()


def test_restore_moves_a_workstation_to_postgresql(tmp_path: Path, pg_server) -> None:  # type: ignore[no-untyped-def]
    source = Database(f"sqlite:///{tmp_path / 'workstation.sqlite3'}")
    source.upgrade()
    with source.transaction() as session:
        seed(session)
    play_through(source, "demo-trainee", BEST)
    archive = tmp_path / "workstation.zip"
    backup.backup(source, archive, tmp_path / "home")
    centre = Database(pg_server.create_database())
    backup.restore(centre, archive, tmp_path / "centre-home")
    centre_rows, source_rows = _all_rows(centre), _all_rows(source)
    assert centre_rows.pop("audit_log")[:-1] == source_rows.pop("audit_log")  # and then "backup restored"
    assert centre_rows == source_rows
    play_through(centre, "other-trainee", [1])  # new rows get fresh ids after the restored ones
    source.dispose()
    centre.dispose()


def _all_rows(database: Database) -> dict[str, list[tuple[object, ...]]]:
    rows = {}
    with database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            key = list(table.primary_key.columns)
            rows[table.name] = [tuple(r) for r in connection.execute(select(table).order_by(*key))]
    return rows


def test_exports(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        trainer_id = world.trainer.id
    play_through(db, "demo-trainee", BEST)
    play_through(db, "other-trainee", CORRIDOR)
    with db.transaction() as session:
        trainer = session.get(type(world.trainer), trainer_id)
        assert trainer is not None
        lines = exports.attempts_csv(session, trainer).splitlines()
        assert lines[0].startswith('"attempt_id","username","full_name","staff_id","scenario"')  # text quoted (tipcase.spreadsheets)
        assert len(lines) == 3
        assert lines[1].endswith(',17,"success",100.0,"true"')  # numbers as numbers
        statements = exports.xapi_statements(session, trainer)
    assert len(statements) == 17 + 1 + 2  # a statement per decision, one per finished attempt
    completed = [s for s in statements if s["verb"]["id"].endswith("/completed")]
    assert completed[0]["result"] == {**completed[0]["result"], "success": True, "completion": True}
    assert completed[0]["result"]["score"]["scaled"] == 1.0
    assert all(s["version"] == "1.0.3" and s["actor"]["account"]["name"] for s in statements)
    assert all(s["actor"]["account"]["homePage"].startswith("http") for s in statements)
    assert len({s["id"] for s in statements}) == len(statements)
    ratings = [s["result"]["extensions"][f"{exports.HOME_PAGE}/xapi/rating"] for s in statements if s["verb"]["id"].endswith("/answered")]
    assert ratings == ["good"] * 17 + ["good", "poor"]  # as the player says it (tipcase.play.ratings)


def test_cohort_report_figures_by_hand(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        trainer_id = world.trainer.id
    play_through(db, "demo-trainee", BEST)  # 100 %, passed
    play_through(db, "other-trainee", SENT_HOME)  # sent home: failed, total 0
    play_through(db, "demo-trainee", BEST[:2])  # unfinished: not counted (a second attempt of a passed case)
    with db.transaction() as session:
        trainer = session.get(type(world.trainer), trainer_id)
        assert trainer is not None
        report = reports.cohort_report(session, trainer, courses.get_cohort(session, "demo"))
    assert len(report) == 1
    row = report[0]
    assert (row.course, row.attempts, row.passed, row.pass_rate, row.mean_percent, row.decisions) == ("demo", 2, 1, 50.0, 50.0, 18)
    # every competency: 100 % on the best route, 0 % on the sent-home route (clamped) -> mean 50 %
    assert row.competencies == dict.fromkeys(row.competencies, 50.0)
    assert len(row.competencies) == 9


def test_roles_and_users(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        accounts.set_role(session, world.admin, "demo-trainer", Role.REGISTRAR)
        assert accounts.get_user(session, "demo-trainer").role == "registrar"
        with pytest.raises(ServiceError, match="last admin"):
            accounts.set_role(session, world.admin, "demo-admin", Role.TRAINEE)
        with pytest.raises(ServiceError, match="already exists"):
            accounts.add_user(session, world.admin, accounts.NewUser("demo-trainee", "X"), "password1")
        with pytest.raises(ServiceError, match="at least 8"):
            accounts.add_user(session, world.admin, accounts.NewUser("short-pass", "X"), "short")


def test_a_long_read_does_not_block_a_decision(tmp_path: Path) -> None:
    """On SQLite, a report in progress must not hold the write lock a trainee's next decision needs."""
    db = Database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    attempt_id = play_through(db, "demo-trainee", BEST[:1])
    with db.reading() as reader:
        assert reader.scalar(select(func.count(Decision.id))) == 1  # a read transaction is open
        writer = Database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
        writer.engine.dispose()
        with writer.transaction() as session:  # would wait 15 s for the lock if the reader held it
            attempts.record_decision(session, accounts.get_user(session, "demo-trainee"), attempt_id, 1, step=2)
        writer.dispose()
        assert reader.scalar(select(func.count(Decision.id))) == 1  # the reader's snapshot is stable
    with db.reading() as reader:
        assert reader.scalar(select(func.count(Decision.id))) == 2
    db.dispose()


def test_evidence_cannot_be_changed_through_the_model(db: Database) -> None:
    from tipcase.store.models import ImmutableRecordError, ScenarioVersion

    with db.transaction() as session:
        seed(session)
    attempt_id = play_through(db, "demo-trainee", BEST)
    with pytest.raises(ImmutableRecordError, match="is final"), db.transaction() as session:
        attempt_of(session, attempt_id).decisions[0].choice_number = 2
    with pytest.raises(ImmutableRecordError, match="cannot change"), db.transaction() as session:
        attempt_of(session, attempt_id).total_percent = 0.0
    with pytest.raises(ImmutableRecordError, match="publish a new version"), db.transaction() as session:
        session.scalars(select(ScenarioVersion)).one().source = "tipcase: 1"
    with db.transaction() as session:
        assert attempt_of(session, attempt_id).total_percent == 100.0
