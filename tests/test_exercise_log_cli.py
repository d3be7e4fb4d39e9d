"""``tipcase exercise log`` as a trainer reads it (walkthrough finding 20: it printed Python dictionaries such as
``{'carried': {'ledger': True}}`` and a 0-based ``choice`` beside a 1-based ``number``): one line an event in the
words of the control room's master log, with the case's names and the choice numbered as it was offered;
``--json`` for machines, every number from 1. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.exercises import decide, started_session
from tipcase.cli import main
from tipcase.services import accounts, exercises
from tipcase.store.database import Database


def test_the_master_log_in_words_and_as_json(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 2)  # "Refer at once": the second choice offered
    with db.transaction() as session:
        decide(session, "investigator", "drill", "investigator", 1)
    with db.transaction() as session:
        exercises.pause(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))

    assert main(["exercise", "log", "--session", "drill"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line[28:] for line in lines] == [  # after the number, the date and the time
        "-             trainer       The session started.",
        "inspector     inspector     Decision 1, stage “visit”: 2) Refer at once",
        "investigator  -             Hand-over “Referral from the inspector” sent by Labour inspector (incomplete),"
        " queued for Police investigator.",
        "investigator  -             Police investigator took hand-over “Referral from the inspector”.",
        "investigator  investigator  Decision 1, stage “desk”: 1) Ask the case worker to see to their care first",
        "case-worker   -             Hand-over “Request for care” sent by Police investigator, queued for Case worker.",
        "case-worker   -             Case worker took hand-over “Request for care”.",
        "-             trainer       The session was paused.",
    ]
    number, day, time = lines[1].split()[:3]
    assert number == "2"
    assert dt.datetime.strptime(f"{day} {time}", "%Y-%m-%d %H:%M:%S")  # local date and time

    assert main(["exercise", "log", "--session", "drill", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    decision = events[1]
    assert {key: decision[key] for key in ("seq", "kind", "role", "user", "text")} == {
        "seq": 2,
        "kind": "decision",
        "role": "inspector",
        "user": "inspector",
        "text": "Decision 1, stage “visit”: 2) Refer at once",
    }
    assert decision["details"] == {"step": 1, "stage": "visit", "number": 2, "choice_in_file": 2, "clock": 1}
    assert dt.datetime.fromisoformat(decision["at"]).utcoffset() == dt.timedelta(0)  # UTC, ISO 8601
    kinds = ["started", "decision", "delivered", "consumed", "decision", "delivered", "consumed", "paused"]
    assert [event["kind"] for event in events] == kinds
