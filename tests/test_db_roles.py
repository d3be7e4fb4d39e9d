"""A training centre's PostgreSQL: the owner sets up a workstation role that records everything the app
does but can neither rewrite evidence nor get the protection out of its way."""

from __future__ import annotations

import io
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.records import BEST, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.cli import main
from tipcase.services import accounts, certificates, courses, records_check
from tipcase.store.database import Database, DatabaseError, open_database


def _centre(pg_server: Any) -> tuple[str, str, str]:
    """A database owned by a non-superuser owner that may create roles; returns (owner url, group, login)."""
    tag = uuid.uuid4().hex[:8]
    owner, name = f"owner_{tag}", f"centre_{tag}"
    with psycopg.connect(pg_server.admin_dsn, autocommit=True) as connection:
        connection.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        connection.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    return f"postgresql://{owner}@127.0.0.1:{pg_server.port}/{name}", f"ws_{tag}", f"pc_{tag}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


REFUSED = [
    "UPDATE audit_log SET target = 'x'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log CASCADE",
    "UPDATE decisions SET choice_number = 1",
    "DELETE FROM decisions",
    "UPDATE attempt_scores SET percent = 100",
    "DELETE FROM attempt_scores",
    "UPDATE attempts SET user_id = user_id",  # only the columns that finish an attempt
    "UPDATE attempts SET passed = TRUE",  # finished: the trigger refuses
    "DELETE FROM attempts",
    "UPDATE scenario_versions SET source = source",
    "DELETE FROM certificates",
    "UPDATE certificates SET revoked_at = NULL",  # revoked: the trigger refuses
    "DROP TRIGGER tipcase_audit_log_no_update ON audit_log",
    "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "SET session_replication_role = replica",
    "CREATE TABLE evidence_copy (x int)",
    "UPDATE alembic_version SET version_num = '0001'",
]


def test_a_workstation_role_records_everything_but_rewrites_nothing(
    pg_server: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    owner_url, group, login = _centre(pg_server)
    assert run(capsys, "--database", owner_url, "db", "upgrade")[0] == 0
    code, out, _ = run(capsys, "--database", owner_url, "db", "grant", "--role", group)
    assert (code, out.startswith(f"role {group}: ")) == (0, True)
    monkeypatch.setattr("sys.stdin", io.StringIO("workstation-password\n"))
    code, out, _ = run(capsys, "--database", owner_url, "db", "create-login", login, "--role", group, "--password-stdin")
    assert code == 0, out
    assert f"TIPCASE_DATABASE_URL=postgresql://{login}:PASSWORD@127.0.0.1:{pg_server.port}/" in out
    workstation_url = owner_url.replace(owner_url.split("//")[1].split("@")[0], login)

    # everything the app does, as the workstation role
    home = tmp_path / "home"
    init_keys(home)
    workstation = open_database(workstation_url)
    with workstation.transaction() as session:
        seed(session)
    play_through(workstation, "demo-trainee", BEST)
    play_through(workstation, "other-trainee", [3])
    with workstation.transaction() as session:
        registrar = accounts.get_user(session, "demo-registrar")
        issued = certificates.issue(session, registrar, accounts.get_user(session, "demo-trainee"), courses.get_course(session, "demo"))
        certificates.revoke(session, registrar, issued.serial, "issued in error")
        accounts.sign_in(session, "demo-trainee", "demo-trainee")
    with workstation.reading() as session:
        assert records_check.check_records(session).ok

    for statement in REFUSED:
        with pytest.raises(DBAPIError, match=r"permission denied|must be owner|TIPCase: "), workstation.engine.begin() as c:
            c.execute(text(statement))

    code, out, _ = run(capsys, "--database", workstation_url, "db", "status")
    assert f"role: {login} (may not update or delete evidence)" in out
    assert "protection: all 32 triggers in place" in out  # 22 of migration 0004, 10 more on the team exercise tables (0005)
    code, out, _ = run(capsys, "--database", owner_url, "db", "status")
    assert "role: owner_" in out
    assert "workstations should connect as a member of" in out
    code, out, _ = run(capsys, "--database", owner_url, "db", "upgrade")
    assert f"privileges refreshed for {group}" in out
    workstation.dispose()


def test_a_workstation_cannot_upgrade_the_schema_and_says_who_can(pg_server: Any, capsys: pytest.CaptureFixture[str]) -> None:
    owner_url, group, login = _centre(pg_server)
    behind = Database(owner_url)
    behind.upgrade("0003")
    with behind.engine.begin() as connection:
        from tipcase.store import protection

        protection.grant_workstation(connection, group)
        protection.create_login(connection, login, "workstation-password", group)
    behind.dispose()
    with pytest.raises(
        DatabaseError, match=r"at schema revision 0003 and this TIPCase needs .*the database owner runs 'tipcase db upgrade'"
    ):
        open_database(owner_url.replace(owner_url.split("//")[1].split("@")[0], login))


def test_roles_need_postgresql_and_usable_names(tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_server: Any) -> None:
    code, _, err = run(capsys, "--database", f"sqlite:///{tmp_path / 'x.sqlite3'}", "db", "grant")
    assert code == 1
    assert "roles exist on PostgreSQL only" in err
    owner_url, _, _ = _centre(pg_server)
    code, _, err = run(capsys, "--database", owner_url, "db", "grant", "--role", 'x"; DROP TABLE users; --')
    assert code == 1
    assert "is not a usable role name" in err
    code, _, err = run(capsys, "--database", owner_url, "db", "create-login", "someone", "--role", "no_such_group")
    assert (code, "run 'tipcase db grant' first" in err) == (1, True)
