"""Who ``tipcase exercise`` acts as (walkthrough D, findings 1 and 21): without ``--user`` the workstation's
operator (``cli:<system user>``, who already holds the database), named in the master log for what it does;
with ``--user X`` the person X, signed in first (exit 4 when refused) and held to the services' rules: a
trainee is refused every role's ratings and the master log until the session ends and may not direct it; a
trainer directs. ``play --choose`` decides the numbers up to the role's next wait as a whole: a number not
offered among them leaves nothing recorded. On SQLite and PostgreSQL."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, decide, started_session, users
from tests.teams import write_team
from tipcase.cli import main
from tipcase.services import accounts, exercises
from tipcase.store.database import Database

TRAINER_PASSWORD = "password-trainer-1"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def status_of(db: Database) -> str:
    with db.reading() as session:
        return exercises.get_session(session, "drill").status


def log(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "exercise", "log", "--session", "drill", "--json")
    assert code == 0
    return list(json.loads(out))


@pytest.fixture
def drill(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    return db


def test_a_trainee_is_refused_the_ratings_and_the_directing_while_the_session_runs(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["inspector"])
    code, out, err = run(capsys, "exercise", "report", "--session", "drill", "--user", "inspector")
    assert (code, out) == (1, "")
    assert err == "tipcase: error: the report of exercise 'drill' opens to you once the trainer ends the session\n"  # walk H 27
    code, out, err = run(capsys, "exercise", "log", "--session", "drill", "--user", "inspector")
    assert (code, out) == (1, "")
    assert err == "tipcase: error: inspector (trainee) may not read an exercise's master log\n"
    for action in (["pause"], ["end"], ["inject", "--text", "go home"]):
        code, out, err = run(capsys, "exercise", *action, "--session", "drill", "--user", "inspector")
        assert (code, out) == (1, ""), action
        assert err.startswith("tipcase: error: "), action
    assert status_of(drill) == exercises.RUNNING
    assert [event["kind"] for event in log(capsys)] == ["started"]  # nothing directed, no message sent

    monkeypatch.setenv("TIPCASE_PASSWORD", "not-her-password")
    code, out, err = run(capsys, "exercise", "end", "--session", "drill", "--user", "inspector")
    assert (code, out) == (4, "")
    assert err.startswith("tipcase: error: --user inspector: ")
    assert status_of(drill) == exercises.RUNNING

    monkeypatch.setenv("TIPCASE_PASSWORD", TRAINER_PASSWORD)  # a trainer directs, and the log names her
    assert run(capsys, "exercise", "pause", "--session", "drill", "--user", "trainer")[:2] == (0, "session drill: paused\n")
    assert run(capsys, "exercise", "end", "--session", "drill", "--user", "trainer")[0] == 0
    events = log(capsys)
    assert [(event["kind"], event["user"]) for event in events][-2:] == [("paused", "trainer"), ("ended", "trainer")]

    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["inspector"])  # once ended, the trainee reads the report
    code, out, err = run(capsys, "exercise", "report", "--session", "drill", "--user", "inspector")
    assert (code, err) == (0, "")
    assert out.startswith("drill (ended): mini-team v1: team ")


def test_the_operator_is_named_in_the_master_log_for_what_it_starts_and_directs(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as session:
        users(session)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    monkeypatch.delenv("TIPCASE_PASSWORD", raising=False)  # the operator is asked for nothing
    assign = "inspector=inspector,investigator=investigator,case-worker=case-worker"
    code, _, err = run(capsys, "exercise", "start", str(write_team(tmp_path)), "--session", "drill", "--assign", assign)
    assert (code, err) == (0, "")
    assert run(capsys, "exercise", "inject", "--session", "drill", "--text", "Check the gate")[0] == 0
    operator = f"cli:{getpass.getuser()}"
    events = log(capsys)
    assert [(event["kind"], event["user"]) for event in events] == [("started", operator), ("message", operator)]
    code, out, _ = run(capsys, "exercise", "log", "--session", "drill")
    assert f"  {operator}  The session started." in out.splitlines()[0]
    assert run(capsys, "exercise", "report", "--session", "drill")[0] == 0  # the operator holds the database: it reads

    monkeypatch.setenv("TIPCASE_PASSWORD", TRAINER_PASSWORD)  # started with --user: the log names that person
    code, _, err = run(
        capsys, "exercise", "start", str(write_team(tmp_path)), "--session", "drill-2", "--assign", assign, "--user", "trainer"
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "exercise", "log", "--session", "drill-2", "--json")
    assert [(event["kind"], event["user"]) for event in json.loads(out)] == [("started", "trainer")]


def test_a_number_not_offered_in_a_choose_list_records_none_of_it(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with drill.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)
    with drill.transaction() as session:
        decide(session, "investigator", "drill", "investigator", 1)  # asks the case worker: her two decisions follow
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["case-worker"])
    argv = ["exercise", "play", "--session", "drill", "--user", "case-worker", "--timeout", "0", "--choose"]
    code, out, err = run(capsys, *argv, "1,9")
    assert code == 2
    assert "not offered" in err
    assert "decision 1" not in out  # nothing said as decided: nothing was
    with drill.reading() as session:
        trainer = accounts.get_user(session, "trainer")
        rows = exercises.events(session, trainer, exercises.get_session(session, "drill"))
        assert [row for row in rows if row.kind == "decision" and row.role == "case-worker"] == []
    code, out, _ = run(capsys, *argv, "1,1")
    assert code == 0
    assert "case-worker: decision 1, stage " in out
    assert "case-worker: decision 2, stage " in out


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_running_sessions_report_says_where_the_team_stands_so_far_never_not_passed(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Walk H finding 22: ``report`` of a session nobody had finished said "team 0.0%, not passed" and each role
    "not finished", a verdict the app's debrief does not give while the session runs ("so far")."""
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    code, out, _ = run(capsys, "exercise", "report", "--session", "drill", "--lang", language)
    assert code == 0
    so_far, not_yet, verdicts = {
        "en": ("team 0.0% so far", "0.0% (0 of 4) so far, not at its end yet, stage “", ("not passed", "not finished")),
        "id": ("tim 0,0% sejauh ini", "0,0% (0 dari 4) sejauh ini, belum sampai di akhir, tahap “", ("tidak lulus", "belum selesai")),
    }[language]
    assert so_far in out.splitlines()[0]
    assert f"investigator: {not_yet}" in out
    assert not any(word in out for word in verdicts)
