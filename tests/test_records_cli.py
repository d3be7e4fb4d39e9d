"""The records command line: demo, users, courses, record, export, audit, backup and restore."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.records import BEST, CASE, best_choices
from tests.tamper_world import attacker
from tipcase import bundled
from tipcase.cli import main
from tipcase.format.loader import load_file
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_is_idempotent_and_prints_the_sign_ins(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "demo")
    second = run(capsys, "demo")
    assert first == second
    assert first[0] == 0
    for username in ("demo-trainee", "demo-trainer", "demo-registrar", "demo-admin"):
        assert f"username {username}" in first[1]
    code, out, _ = run(capsys, "users", "list", "--json")
    assert code == 0
    team = ["demo-caseworker", "demo-inspector", "demo-lpsk", "demo-prosecutor"]  # the team exercise's other roles
    graduate = ["demo-graduate"]  # completed the prosecutor's course, no certificate yet: a registrar can issue at once
    assert [u["username"] for u in json.loads(out)] == sorted(
        ["demo-admin", "demo-registrar", "demo-trainee", "demo-trainer", *graduate, *team]
    )
    code, out, _ = run(capsys, "courses", "list", "--json")
    assert code == 0
    listed = {c["code"]: c for c in json.loads(out)}
    from tipcase.services.demo import DEMO_ORDER, role_course_code

    roles = {load_file(path).scenario.role for path in bundled.bundled_scenarios()} - {None}  # type: ignore[union-attr]
    assert set(listed) == {"demo"} | {role_course_code(role) for role in roles}  # and a course per role
    assert [s["id"] for s in listed["demo"]["scenarios"]] == DEMO_ORDER
    # as demo.py and the README say: the trafficking pathway's cases first, then the sexual- and domestic-violence pathway's
    pathways = [load_file(bundled.bundled_dir() / f"{case}.yaml").scenario.pathway for case in DEMO_ORDER]  # type: ignore[union-attr]
    assert pathways == sorted(pathways, key=["id-tip-referral", "id-gbv-integrated-services"].index)


def test_a_fresh_demo_verifies_clean(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every account the demo makes (its team exercise's included) carries the entry naming its role: no note."""
    assert run(capsys, "demo")[0] == 0
    code, out, err = run(capsys, "audit", "verify")
    assert code == 0, out + err
    assert "note:" not in out + err
    assert "audit log intact" in out


def test_users_add_set_role_and_reset(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
    code, out, _ = run(
        capsys,
        "users",
        "add",
        "budi",
        "--role",
        "trainee",
        "--name",
        "Budi Santoso",
        "--rank",
        "Briptu",
        "--staff-id",
        "95120345",
        "--password-stdin",
    )
    assert code == 0
    assert "password:" not in out
    code, out, _ = run(capsys, "users", "add", "rina", "--role", "trainer", "--name", "Rina Hartati")
    assert "password: " in out  # a random one, shown once
    assert run(capsys, "users", "set-role", "budi", "registrar")[0] == 0
    users = {u["username"]: u for u in json.loads(run(capsys, "users", "list", "--json")[1])}
    assert users["budi"] == {**users["budi"], "role": "registrar", "rank": "Briptu", "staff_id": "95120345"}
    code, out, _ = run(capsys, "users", "reset-password", "budi")
    assert code == 0
    assert out.startswith("password of budi reset: ")
    code, _, err = run(capsys, "users", "set-role", "nobody", "admin")
    assert (code, err) == (1, "tipcase: error: no account 'nobody'\n")


def test_record_stores_the_attempt_and_prints_the_result(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "demo")
    monkeypatch.setenv("TIPCASE_PASSWORD", "demo-trainee")
    code, out, _ = run(capsys, "record", str(CASE), "--user", "demo-trainee", "--course", "demo", "--choose", ",".join(map(str, BEST)))
    assert code == 0
    result = json.loads(out)
    assert (result["complete"], result["passed"], result["total_percent"]) == (True, True, 100.0)
    code, out, _ = run(capsys, "record", str(CASE), "--user", "demo-trainee", "--choose", ",".join(map(str, BEST[:2])))
    assert code == 3
    assert json.loads(out)["complete"] is False
    code, _, err = run(capsys, "record", str(CASE), "--user", "demo-trainee", "--choose", "9")
    assert code == 2
    assert "not offered" in err
    code, out, _ = run(capsys, "export", "attempts", "--format", "csv")
    assert code == 0
    assert len(out.splitlines()) == 1 + 3  # the two attempts, and the demo graduate's
    graduate = len(best_choices(bundled.bundled_dir() / "karaoke-prosecution.yaml")) + 1  # her decisions and her finish
    code, out, _ = run(capsys, "export", "attempts", "--format", "xapi")
    assert len(json.loads(out)) == len(BEST) + 1 + 2 + graduate


def test_audit_verify_exits_1_on_tampering(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "demo")
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0
    assert out.startswith("audit log intact: ")
    db = Database(f"sqlite:///{home / 'tipcase.sqlite3'}")
    with attacker(db, commit=True) as attack:  # the triggers dropped, the entry edited, the triggers put back
        attack.connection.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(target="forged"))
    db.dispose()
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 1
    assert out.startswith("audit log BROKEN at entry 2: ")


def test_backup_and_restore_through_the_command_line(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "demo")
    archive = tmp_path / "records.zip"
    assert run(capsys, "backup", str(archive))[0] == 0
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "empty-home"))
    code, out, _ = run(capsys, "restore", str(archive))
    assert code == 0
    assert out.startswith("restored ")
    assert run(capsys, "audit", "verify")[0] == 0
    code, _, err = run(capsys, "restore", str(archive))
    assert code == 1
    assert "not empty" in err


def test_database_option_selects_postgresql(home: Path, capsys: pytest.CaptureFixture[str], pg_server) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.create_database()
    assert run(capsys, "--database", url, "demo")[0] == 0
    code, out, _ = run(capsys, "--database", url, "db", "status")
    assert code == 0
    assert re.search(r"revision: (\d{4}) \(latest \1\)", out)  # migrated to the newest revision
    assert not (home / "tipcase.sqlite3").exists()


def test_unreachable_database_is_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--database", "postgresql://x@127.0.0.1:1/none", "users", "list")
    assert out == ""
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("tipcase: error: the records database at 127.0.0.1:1/none cannot be reached or opened")


def test_publish_compose_a_course_and_assign_it(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "publish", str(CASE))
    assert code == 0
    version = load_file(CASE).scenario.version  # type: ignore[union-attr]
    assert out.startswith(f"published scam-compound-return v{version} (")
    code, out, _ = run(
        capsys, "courses", "create", "returnees", "--title", "Returnees", "--title-id", "Pekerja migran yang kembali",
        "--scenario", f"scam-compound-return:{version}", "--pass-rule", "mean", "--pass-mean", "80", "--policy", "last",
    )  # fmt: skip
    assert (code, out) == (0, f"created course returnees: scam-compound-return v{version}\n")
    assert run(capsys, "cohorts", "create", "ntt", "NTT")[0] == 0
    assert run(capsys, "cohorts", "assign", "ntt", "returnees")[:2] == (0, "assigned returnees to ntt\n")
    code, out, _ = run(capsys, "courses", "list", "--json")
    [course] = json.loads(out)
    assert (course["pass_rule"], course["pass_mean"], course["attempt_policy"]) == ("mean", 80.0, "last")
    assert course["title"] == {"en": "Returnees", "id": "Pekerja migran yang kembali"}
    code, _, err = run(capsys, "courses", "create", "other", "--title", "O", "--scenario", "scam-compound-return:7")
    assert code == 1
    assert err == "tipcase: error: no published version 7 of scenario 'scam-compound-return'\n"
    code, _, err = run(capsys, "courses", "create", "other", "--title", "O", "--scenario", "scam-compound-return", "--pass-rule", "mean")
    assert code == 2  # a usage error, caught before the database is opened
    assert err == "tipcase: error: --pass-rule mean needs --pass-mean PERCENT\n"


def test_lists_keep_their_columns_in_line_whatever_the_longest_value(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`courses list` and `users list` pad each column to its widest value: a course code longer than 16 characters
    pushed its row's title out of line with the others."""
    assert run(capsys, "demo")[0] == 0
    assert run(capsys, "publish", str(CASE))[0] == 0
    assert run(capsys, "courses", "create", "ntt-2026-long-course-code", "--title", "Long", "--scenario", "scam-compound-return")[0] == 0
    assert run(capsys, "users", "add", "a-rather-long-username-2026", "--role", "trainee", "--name", "Ani")[0] == 0
    for command in ("courses", "users"):
        code, out, _ = run(capsys, command, "list")
        lines = out.splitlines()
        assert code == 0
        assert len(lines) > 2
        second_column = {len(re.match(r"\S+\s+", line).group(0)) for line in lines}  # type: ignore[union-attr]
        assert len(second_column) == 1, f"{command} list:\n{out}"
