"""Scripted team exercises with one process per role, as workstations play them (issue 17, "How it is checked"):
a whole session to its end on SQLite and on the real PostgreSQL with the scores worked out by hand
(tests/teams.py), an inject fired by hand, hand-overs delivered within a second, and a role's process
killed mid-way and restarted, which rejoins where its role stood."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, started_session, users
from tests.teams import BEST, write_team
from tipcase.services import accounts, exercises
from tipcase.store.database import Database

COMMAND = str(Path(sys.executable).parent / "tipcase")


def cli(db: Database, home: Path, *args: str, user: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "TIPCASE_HOME": str(home), "TIPCASE_DATABASE_URL": db.url.render_as_string(hide_password=False)}
    if user is not None:
        env["TIPCASE_PASSWORD"] = PASSWORDS[user]
    return subprocess.Popen([COMMAND, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(process: subprocess.Popen[str], timeout: float = 120, *, read: str = "") -> str:
    """Everything the process printed (``read``: what was read from it before), once it exits with 0."""
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"exit {process.returncode}: {err}"
    return read + out


def read_until(process: subprocess.Popen[str], text: str, timeout: float = 60) -> str:
    """The lines a process prints, up to and including one that holds ``text``."""
    assert process.stdout is not None
    seen = ""
    deadline = time.monotonic() + timeout
    while text not in seen:
        assert time.monotonic() < deadline, f"never printed {text!r}: {seen}"
        line = process.stdout.readline()
        assert line, f"exited before printing {text!r}: {seen}"
        seen += line
    return seen


def play(db: Database, home: Path, role: str, numbers: list[int]) -> subprocess.Popen[str]:
    choose = ",".join(map(str, numbers))
    return cli(db, home, "exercise", "play", "--session", "drill", "--user", role, "--choose", choose, "--timeout", "60", user=role)


def log(db: Database) -> list[dict[str, object]]:
    """The session's events as ``tipcase exercise log --json`` gives them (read here, without a process)."""
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer")
        rows = exercises.events(session, trainer, exercises.get_session(session, "drill"))
        return [{"seq": r.seq, "at": r.at.isoformat(), "kind": r.kind, "role": r.role, "details": r.details} for r in rows]


@pytest.mark.slow
def test_a_whole_session_with_a_process_per_role(db: Database, tmp_path: Path) -> None:
    home = tmp_path / "home"
    with db.transaction() as session:
        users(session)
    assign = ",".join(f"{role}={role}" for role in BEST)
    finish(cli(db, home, "exercise", "start", str(write_team(tmp_path)), "--session", "drill", "--assign", assign))
    finish(cli(db, home, "exercise", "inject", "--session", "drill", "journalist"))  # fired by hand before anyone moves
    with db.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        exercises.send_message(session, trainer, exercises.get_session(session, "drill"), "Press conference at noon", ["investigator"])
    # the receivers start first and wait for their hand-overs; then the inspector starts the chain
    waiting = {role: play(db, home, role, BEST[role]) for role in ("case-worker", "investigator")}
    read = {role: read_until(process, "waiting for the hand-over") for role, process in waiting.items()}
    finish(play(db, home, "inspector", BEST["inspector"]))
    outputs = {role: finish(process, read=read[role]) for role, process in waiting.items()}
    assert outputs["investigator"].startswith(  # what reached the role before its first decision, then the wait
        "investigator: New in your inbox: “A journalist calls.”\n    At 0 h on your case clock.\n    A journalist calls.\n"
        "investigator: New in your inbox: a message from the trainer.\n    From the trainer, at 0 h on your case clock.\n"
        "    Press conference at noon\n"
        "investigator: waiting for the hand-over “Referral from the inspector” from Labour inspector (at most 60 s)...\n"
    )
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    report = json.loads(finish(cli(db, home, "exercise", "report", "--session", "drill", "--json")))
    team = report["team"]
    assert (team["total"], team["max_total"], team["total_percent"], team["passed"]) == (11, 11, 100.0, True)
    assert team["points"] == {"identification": 2, "victim_care": 3, "evidence": 2, "referral": 1}
    assert {role: (r["total"], r["max_total"], r["choices"], r["hours"]) for role, r in report["roles"].items()} == {
        "inspector": (2, 2, [1], 2),
        "investigator": (4, 4, [1, 1, 1], 9),
        "case-worker": (5, 5, [1, 1], 7),
    }
    events = log(db)
    by_hand = [(e["kind"], e["role"]) for e in events if e["kind"] in ("inject", "message") and e["details"].get("by") != "script"]  # type: ignore[union-attr]
    assert by_hand == [("inject", "inspector"), ("inject", "investigator"), ("inject", "case-worker"), ("message", None)]
    assert _delivery_seconds(events) < 1.0


def _delivery_seconds(events: list[dict[str, object]]) -> float:
    """The longest time from a hand-over's commit to the waiting receiver's next decision (both as stored)."""
    longest = 0.0
    for index, sent in enumerate(events):
        if sent["kind"] != "delivered":
            continue
        details = sent["details"]
        assert isinstance(details, dict)
        receiver = sent["role"]
        taken = next(e for e in events[index:] if e["kind"] == "consumed" and e["details"]["handover"] == details["handover"])  # type: ignore[index]
        if taken["seq"] != sent["seq"] + 1:  # type: ignore[operator]
            continue  # the receiver was not waiting yet: nothing to deliver fast
        decision = next(e for e in events[index:] if e["kind"] == "decision" and e["role"] == receiver)
        seconds = (_time(decision) - _time(sent)).total_seconds()
        longest = max(longest, seconds)
    return longest


def _time(event: dict[str, object]) -> dt.datetime:
    return dt.datetime.fromisoformat(str(event["at"]))


@pytest.mark.slow
def test_a_role_killed_mid_way_rejoins_where_it_stood(db: Database, tmp_path: Path) -> None:
    home = tmp_path / "home"
    with db.transaction() as session:
        started_session(session, tmp_path)
    investigator = play(db, home, "investigator", BEST["investigator"])
    finish(play(db, home, "inspector", BEST["inspector"]))
    seen = read_until(investigator, "waiting for the hand-over “Care arranged”")  # it decided its first step and waits for the case worker
    assert "decision 1, stage “desk”" in seen
    investigator.kill()  # the workstation crashes while its role waits
    investigator.communicate(timeout=30)
    finish(play(db, home, "case-worker", BEST["case-worker"]))
    again = finish(play(db, home, "investigator", BEST["investigator"]))  # the same command, run again
    assert "decision 1," not in again
    assert "decision 2, stage “waiting-care”" in again
    assert "investigator: reached its end, route “desk” -> “waiting-care” -> “statement” -> “closed”" in again
    decisions = [(e["role"], e["details"]["step"]) for e in log(db) if e["kind"] == "decision"]  # type: ignore[index]
    assert sorted(step for role, step in decisions if role == "investigator") == [1, 2, 3]  # nothing lost, nothing twice
