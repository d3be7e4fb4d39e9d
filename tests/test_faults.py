"""Database faults provoked for real become one plain line of their kind on the command line, never SQL:
a read-only file, a lock held by another connection, a full database, a file that cannot be opened or is not
a database, a newer schema, a bad address; on PostgreSQL a read-only database, a lock, a role without the
right, a dropped connection, a stopped server and a server that is not there at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from tests.faults import leaks, locked, no_room_to_grow, read_only_file, terminate_backends, unreachable_postgresql
from tests.pgserver import start_server
from tests.records import seed
from tipcase.cli import main
from tipcase.store import database
from tipcase.store.database import Database, DatabaseError, open_database
from tipcase.store.faults import Fault, classify, sentence


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TIPCASE_DEBUG", raising=False)
    return tmp_path / "home"


def seeded(url: str) -> str:
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    db.dispose()
    return url


def one_line(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert not leaks(err), err
    return code, err


ADD = ("users", "add", "budi", "--role", "trainee", "--name", "Budi Santoso", "--password-stdin")


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))


def test_a_read_only_file(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], password: None) -> None:
    path = tmp_path / "records.sqlite3"
    seeded(f"sqlite:///{path}")
    with read_only_file(path) as url:
        assert main(["--database", url, "users", "list"]) == 0  # reading still works
        capsys.readouterr()
        code, err = one_line(capsys, "--database", url, *ADD)
    assert code == 1
    assert err.startswith("tipcase: error: the records database is read-only here, so nothing new can be saved")
    logged = (home / "logs" / "tipcase.log").read_text(encoding="utf-8")
    assert "attempt to write a readonly database" in logged  # the details are kept for whoever supports TIPCase
    assert "Budi Santoso" not in logged  # but never the values written (names, password hashes)


def test_a_lock_held_by_another_connection(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], password: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "records.sqlite3"
    url = seeded(f"sqlite:///{path}")
    with locked(path):
        code, err = one_line(capsys, "--database", url, *ADD)
    assert code == 1
    assert "the records are busy with other work" in err
    assert main(["--database", url, "users", "list"]) == 0  # once released, it works


def test_a_full_database(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "records.sqlite3"
    Database(f"sqlite:///{path}").upgrade("0001")  # one migration behind: the next creates a table
    with no_room_to_grow(path):
        code, err = one_line(capsys, "--database", f"sqlite:///{path}", "db", "upgrade")
    assert code == 1
    assert f"the disk that holds the records ({path}) is full" in err


def test_a_file_that_cannot_be_opened_or_is_not_a_database(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, err = one_line(capsys, "--database", f"sqlite:///{blocker}/records.sqlite3", "users", "list")
    assert code == 1
    assert "cannot be reached or opened" in err
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    code, err = one_line(capsys, "--database", f"sqlite:///{garbage}", "users", "list")
    assert code == 1
    assert "are damaged or are not a TIPCase database" in err


def test_a_postgresql_server_that_is_not_there(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = one_line(capsys, "--database", unreachable_postgresql(), "users", "list")
    assert code == 1
    assert "cannot be reached" in err
    assert "127.0.0.1:" in err
    assert "SECRET" not in err


def test_records_of_a_newer_tipcase_and_a_bad_address(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = seeded(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    with sqlite3.connect(tmp_path / "records.sqlite3") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
    code, err = one_line(capsys, "--database", url, "users", "list")
    assert code == 1
    assert "were last used by a newer TIPCase: update TIPCase here" in err
    code, err = one_line(capsys, "--database", "postgres-ql://tipcase:SECRET@db/x", "users", "list")
    assert code == 1
    assert "the database address is not one TIPCase can use" in err
    assert "SECRET" not in err


def test_an_unexpected_failure_is_one_line_and_its_traceback_is_in_the_log(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tipcase.services import demo

    def broken(_session: object) -> None:
        raise TypeError("'NoneType' object is not subscriptable")

    monkeypatch.setattr(demo, "seed_demo", broken)  # `tipcase demo` imports it when it runs
    code, err = one_line(capsys, "--database", f"sqlite:///{tmp_path / 'x.sqlite3'}", "demo")
    assert code == 70
    log = home / "logs" / "tipcase.log"
    assert err == (
        f"tipcase: internal error: TIPCase failed unexpectedly (a fault in the program, not in what was asked); the details are in {log}\n"
    )
    assert "TypeError" not in err
    written = log.read_text(encoding="utf-8")
    assert "Traceback" in written
    assert "'NoneType' object is not subscriptable" in written
    assert oct(log.parent.stat().st_mode & 0o777) == "0o700"


# -- PostgreSQL -------------------------------------------------------------------------------------------
def _database_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_postgresql_read_only_locked_and_not_permitted(
    home: Path, pg_server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import io

    url = seeded(pg_server.create_database())
    name = _database_name(url)
    monkeypatch.setattr(database, "POSTGRESQL_LOCK_TIMEOUT_MS", 300)
    with psycopg.connect(pg_server.admin_dsn.replace("dbname=postgres", f"dbname={name}")) as holder:
        holder.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")  # held until this transaction ends
        monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
        code, err = one_line(capsys, "--database", url, *ADD)
        assert code == 1
        assert "the records are busy with other work" in err
    with psycopg.connect(pg_server.admin_dsn, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
        code, err = one_line(capsys, "--database", url, *ADD)
        assert code == 1
        assert "the records database is read-only here" in err
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = off')
        admin.execute("CREATE ROLE reader LOGIN")
    with psycopg.connect(pg_server.admin_dsn.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as owner:
        owner.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = url.replace("postgres@", "reader@")
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
    code, err = one_line(capsys, "--database", reader, *ADD)
    assert code == 1
    assert "the database user of this workstation may not make this change" in err


def test_postgresql_connection_lost_then_server_stopped(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server = start_server()  # a server of its own, to stop
    try:
        url = seeded(server.create_database())
        db = open_database(url)
        with pytest.raises(OperationalError) as lost, db.transaction() as session:  # noqa: PT012 - the fault is mid-transaction
            session.execute(text("SELECT 1"))
            assert terminate_backends(server.admin_dsn, _database_name(url)) >= 1
            session.execute(text("SELECT count(*) FROM users"))
        assert classify(lost.value) is Fault.CONNECTION_LOST
        assert str(DatabaseError.from_error(lost.value, db.where)).startswith(f"the connection to the records ({db.where}) was lost")
        assert db.revision() is not None  # the pool replaces the dropped connection on the next use
        db.dispose()
    finally:
        server.stop()
    code, err = one_line(capsys, "--database", url, "users", "list")
    assert code == 1
    assert f"the records database at 127.0.0.1:{server.port}/{_database_name(url)} cannot be reached" in err


def test_faults_known_only_by_their_sqlstate() -> None:
    """What the test server cannot be made to do (a full disk, a wrong password, damaged pages), by PostgreSQL's code."""
    for error, fault in (
        (psycopg.errors.DiskFull("could not extend file"), Fault.FULL),
        (psycopg.errors.InvalidPassword("password authentication failed"), Fault.LOGIN_REFUSED),
        (psycopg.errors.DataCorrupted("invalid page in block 7"), Fault.DAMAGED),
        (psycopg.errors.AdminShutdown("terminating connection due to administrator command"), Fault.CONNECTION_LOST),
        (psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"), Fault.LOCKED),
    ):
        wrapped = OperationalError("UPDATE users SET x = %(x)s", {"x": 1}, error)
        assert classify(wrapped) is fault
        assert "UPDATE" not in sentence(fault, "db:5432/tipcase")
    assert classify(ValueError("not a database error")) is None
