"""The audit key in use: verify's report, the key moving between workstations, a new key after a lost one,
a restored older copy, a log emptied behind TIPCase's back, and an old database keyed on upgrade."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from tests.records import BEST, CASE, SENT_HOME, best_choices, play_through, route, seed
from tests.tamper_world import attacker, delete_entry_and_renumber, rechain_public
from tipcase import bundled
from tipcase.cli import main
from tipcase.services import audit, audit_keys, records_check
from tipcase.store.database import Database, alembic_config
from tipcase.store.models import AuditEntry

CORRIDOR = route(CASE, {"medical": "Screen him now"})[:2]  # care, then screening in the clinic corridor: left open


def demo_graduate_route() -> list[int]:
    """The decisions of the demo's graduate: the best route of the prosecutor's case."""
    return best_choices(bundled.bundled_dir() / "karaoke-prosecution.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"  # the TIPCASE_HOME every test has (conftest)


def _recorded(home: Path, capsys: pytest.CaptureFixture[str]) -> Database:
    """The home's database with the one-case demo, a finished attempt and an unfinished one."""
    db = Database(f"sqlite:///{home / 'tipcase.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    play_through(db, "demo-trainee", BEST)
    play_through(db, "demo-trainee", CORRIDOR)
    return db


def test_verify_reports_the_chain_and_the_records_it_replayed(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "demo")
    monkeypatch.setenv("TIPCASE_PASSWORD", "demo-trainee")
    code, out, _ = run(
        capsys, "record", "scenarios/scam-compound-return.yaml", "--user", "demo-trainee", "--choose", ",".join(map(str, BEST))
    )
    assert code == 0
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0
    first, second = out.splitlines()[:2]
    assert first.startswith("audit log intact: ")
    assert "keyed from entry 1 (HMAC-SHA256, key " in first
    graduate = len(demo_graduate_route())  # the demo's graduate has a finished attempt of her own
    assert second.startswith(f"records: 2 finished attempts (2 replayed), {len(BEST) + graduate} decisions, ")
    code, out, _ = run(capsys, "audit", "verify", "--json")
    report = json.loads(out)
    assert (code, report["ok"], report["checked"]["replayed"], report["problems"]) == (0, True, 2, [])
    [key_file] = (home / "keys" / "audit").glob("*.key")
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert (home / "keys" / "audit").stat().st_mode & 0o777 == 0o700


def test_a_workstation_without_the_key_refuses_to_record_until_it_is_imported(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _recorded(home, capsys)
    url = f"sqlite:///{home / 'tipcase.sqlite3'}"
    code, out, _ = run(capsys, "audit", "key", "export", str(tmp_path / "audit.key"))
    assert code == 0
    assert (tmp_path / "audit.key").stat().st_mode & 0o777 == 0o600
    code, _, err = run(capsys, "audit", "key", "export", str(tmp_path / "audit.key"))
    assert (code, "exists already" in err) == (1, True)

    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "second-workstation"))
    code, _, err = run(capsys, "--database", url, "users", "add", "budi", "--role", "trainee", "--name", "Budi")
    assert code == 1
    assert "which this workstation does not hold: run 'tipcase audit key export FILE'" in err
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "--database", url, "audit", "verify")
    assert code == 1
    assert "which this workstation does not hold" in out.splitlines()[0]
    code, out, _ = run(capsys, "audit", "key", "import", str(tmp_path / "audit.key"))
    assert (code, out.endswith("installed\n")) == (0, True)
    assert run(capsys, "--database", url, "users", "add", "budi", "--role", "trainee", "--name", "Budi")[0] == 0
    assert run(capsys, "--database", url, "audit", "verify")[0] == 0
    db.dispose()


def test_a_new_key_after_a_lost_one(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _recorded(home, capsys)
    url = f"sqlite:///{home / 'tipcase.sqlite3'}"
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "after-the-disk-died"))
    code, out, _ = run(capsys, "--database", url, "audit", "rekey", "--reason", "the old workstation's disk died")
    assert code == 0
    code, out, _ = run(capsys, "--database", url, "audit", "verify")
    assert code == 0
    assert "are keyed with audit key" in out  # the entries before: a note, not verifiable here
    assert "not held here: their links are checked, their content is not" in out
    monkeypatch.setenv("TIPCASE_HOME", str(home))  # the old workstation holds only the old key
    code, out, _ = run(capsys, "--database", url, "audit", "verify")
    assert code == 1
    assert "which this workstation does not hold" in out
    db.dispose()


def test_an_older_copy_put_back_is_caught_then_accepted_on_purpose(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _recorded(home, capsys)
    db.dispose()
    shutil.copyfile(home / "tipcase.sqlite3", tmp_path / "older.sqlite3")
    run(capsys, "users", "add", "budi", "--role", "trainee", "--name", "Budi")
    shutil.copyfile(tmp_path / "older.sqlite3", home / "tipcase.sqlite3")  # the newest entries are gone
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 1
    assert "the newest entries were deleted" in out.splitlines()[0]
    code, out, _ = run(capsys, "audit", "forget-checkpoint")
    assert code == 0
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0
    with Database(f"sqlite:///{home / 'tipcase.sqlite3'}").reading() as session:
        assert session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc())).first() == "checkpoint forgotten"


def test_an_emptied_log_is_never_sealed_again(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _recorded(home, capsys)
    with attacker(db, commit=True) as attack:
        attack.connection.execute(text("DELETE FROM audit_log"))
    code, _, err = run(capsys, "users", "add", "budi", "--role", "trainee", "--name", "Budi")
    assert code == 1
    assert "the audit log has no keyed entry although this workstation saw entry" in err
    audit_keys.forget_checkpoint(audit_keys.database_identity(db.url))  # another workstation, without a checkpoint
    code, _, err = run(capsys, "users", "add", "budi", "--role", "trainee", "--name", "Budi")
    assert code == 1
    assert "the audit log is empty but 1 attempt is finished: it was emptied" in err
    db.dispose()


def test_triggers_dropped_and_left_dropped_are_reported(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _recorded(home, capsys)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER tipcase_decisions_no_update")
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 1
    assert "database: protective triggers missing, disabled or altered: tipcase_decisions_no_update" in out
    code, out, _ = run(capsys, "db", "status")
    assert "protection: triggers MISSING, disabled or altered: tipcase_decisions_no_update" in out
    db.dispose()


def _make_legacy(db: Database) -> int:
    """Turn a recorded database into one TIPCase wrote before it keyed its log; returns its entries."""
    with attacker(db, commit=True) as attack:
        c = attack.connection
        new_kinds = {"a": audit.KEYED, "b": audit.ATTEMPT_FINISHED}
        for seq in reversed(c.execute(text("SELECT seq FROM audit_log WHERE action IN (:a, :b) ORDER BY seq"), new_kinds).scalars().all()):
            delete_entry_and_renumber(c, seq)
        rechain_public(c, 1)
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT COUNT(*) FROM audit_log")).scalar_one())


def test_an_old_database_is_keyed_on_upgrade_as_it_stood(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with db.transaction() as session:
        seed(session)
    passed = play_through(db, "demo-trainee", BEST)
    closed = play_through(db, "demo-trainee", CORRIDOR)
    legacy = _make_legacy(db)
    with db.engine.begin() as connection:  # as migration 0003 closed an extra open attempt: finished, unscored
        connection.execute(text("UPDATE attempts SET finished_at = started_at WHERE id = :id"), {"id": closed})
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "upgraded-workstation"))
    db.upgrade()
    with db.reading() as session:
        check = audit.verify(session)
    assert (check.ok, check.broken_seq, check.legacy_entries) == (False, 1, legacy)
    assert "no entry is keyed" in check.reason
    with db.transaction() as session:
        sealed = audit.seal(session)
    assert sealed is not None
    with db.reading() as session:
        report = records_check.check_records(session)
        seal_seq, seal = session.execute(select(AuditEntry.seq, AuditEntry.details).where(AuditEntry.action == audit.KEYED)).one()
        anchored = session.scalars(
            select(AuditEntry.details).where(AuditEntry.action == audit.ATTEMPT_FINISHED).order_by(AuditEntry.seq)
        ).all()
    assert report.ok, report.problems
    assert report.notes[0].startswith(f"entries 1–{legacy} were written before TIPCase keyed its log")
    assert (seal_seq, seal["legacy_entries"], seal["attempts"]) == (legacy + 1, legacy, 2)
    assert [(a["attempt"], a["anchored_when_keyed"]) for a in anchored] == [(passed, True), (closed, True)]
    assert report.attempts_replayed == 1  # the closed one has no result to replay against
    play_through(db, "other-trainee", SENT_HOME)  # new decisions are sealed, new finishes anchored
    with attacker(db) as attack:  # from now on a legacy entry cannot change unseen either
        attack.connection.execute(text("UPDATE audit_log SET actor = 'someone' WHERE seq = 2"))
        rechain_public(attack.connection, 2, legacy)  # the best an attacker can do: the seal needs the key
        with db.sessions(bind=attack.done()) as session:
            report = records_check.check_records(session)
    assert report.chain.broken_seq == legacy + 1
    assert f"entry {legacy + 1} does not follow entry {legacy}" in report.chain.reason


def test_a_backup_restored_without_its_sealed_keys_continues_under_a_new_key(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _recorded(home, capsys).dispose()
    monkeypatch.setenv("TIPCASE_BACKUP_PASSPHRASE", "four words make a passphrase")
    assert run(capsys, "backup", str(tmp_path / "plain.zip"))[0] == 0
    assert run(capsys, "backup", str(tmp_path / "with-keys.zip"), "--include-keys")[0] == 0

    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "without-keys"))
    assert run(capsys, "restore", str(tmp_path / "plain.zip"), "--without-keys")[0] == 0
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0
    assert "not held here: their links are checked, their content is not" in out  # honest about what it could check
    with Database(f"sqlite:///{tmp_path / 'without-keys' / 'tipcase.sqlite3'}").reading() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(2)).all()
    assert actions == ["backup restored", audit.KEY_CHANGED]

    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "with-keys"))
    assert run(capsys, "restore", str(tmp_path / "with-keys.zip"))[0] == 0
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0
    assert "not held here" not in out  # the sealed audit key came back with the records


def test_a_truncated_log_grown_past_the_checkpoint_again_is_still_caught(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _recorded(home, capsys)
    with db.reading() as session:
        seen = session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)).one()
    with attacker(db, commit=True) as attack:  # the newest three entries go
        attack.connection.execute(text("DELETE FROM audit_log WHERE seq > :s"), {"s": seen - 3})
    with db.transaction() as session:  # the workstation goes on recording: the log grows past what it saw
        for n in range(5):
            audit.record(session, "cli:tester", "test entry", str(n))
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 1
    assert out.startswith(f"audit log BROKEN at entry {seen}: entry {seen} is not the entry this workstation saw")
    db.dispose()
