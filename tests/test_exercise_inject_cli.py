"""``tipcase exercise inject`` as a trainer uses it: an inject fired at one role, then at the roles it has not
reached yet, a message to one role; what is refused (a role the inject is not for, a role it reached already,
an inject that reached everyone) says so in one line and changes nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, started_session
from tipcase.cli import main
from tipcase.services import accounts, exercises
from tipcase.store.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["exercise", "inject", "--session", "drill", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def by_hand(db: Database) -> list[tuple[str, str | None, object]]:
    """The trainer's events of session drill: (kind, role, the inject's id or the message's roles)."""
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer")
        rows = exercises.events(session, trainer, exercises.get_session(session, "drill"))
        return [
            (r.kind, r.role, r.details.get("inject", r.details.get("to")))
            for r in rows
            if r.kind in ("inject", "message") and r.details.get("by") != "script"
        ]


def test_an_inject_fired_at_one_role_then_the_rest(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))

    assert run(capsys, "journalist", "--to", "investigator") == (
        0,
        "session drill: inject “A journalist calls.” fired for investigator\n",
        "",
    )
    assert by_hand(db) == [("inject", "investigator", "journalist")]

    code, _, err = run(capsys, "journalist", "--to", "investigator")  # it reached the investigator already
    assert (code, err) == (1, "tipcase: error: the inject “A journalist calls.” has already reached Police investigator\n")
    code, _, err = run(capsys, "threat", "--to", "inspector")  # the threat is for the investigator only
    assert (code, err) == (1, "tipcase: error: the inject “A threat” is not for Labour inspector (it goes to Police investigator)\n")
    assert by_hand(db) == [("inject", "investigator", "journalist")]  # nothing fired by a refused command

    fired = run(capsys, "journalist")  # at the roles it has not reached, which it names
    assert fired == (0, "session drill: inject “A journalist calls.” fired for inspector, case-worker\n", "")
    code, _, err = run(capsys, "journalist")
    every = "Labour inspector; Police investigator; Case worker"
    assert (code, err) == (1, f"tipcase: error: the inject “A journalist calls.” has already reached every role it goes to ({every})\n")

    assert run(capsys, "--text", "Ten minutes left", "--to", "case-worker") == (0, "session drill: message sent to case-worker\n", "")
    assert by_hand(db) == [
        ("inject", "investigator", "journalist"),
        ("inject", "inspector", "journalist"),
        ("inject", "case-worker", "journalist"),
        ("message", None, ["case-worker"]),
    ]
    with db.reading() as session:
        exercise = exercises.get_session(session, "drill")
        view = exercises.role_view(session, accounts.get_user(session, "case-worker"), exercise, "case-worker")
        assert [(item.kind, item.text) for item in view.inbox] == [("inject", ""), ("message", "Ten minutes left")]
        investigator = accounts.get_user(session, "investigator")
        view = exercises.role_view(session, investigator, exercise, "investigator")
        assert [item.kind for item in view.inbox] == ["inject"]  # the message went to the case worker only


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_injects_listed_with_their_trigger_in_words_and_whom_they_reached(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """``inject --list``: the master events list as the control room shows it (walk G finding 12's core wording)."""
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    assert run(capsys, "journalist", "--to", "investigator")[0] == 0
    code, out, err = run(capsys, "--list", "--lang", language)
    assert (code, err) == (0, "")
    expected = {
        "en": [
            "threat      “A threat”: to investigator; at 4 h on its clock; not fired yet",
            "journalist  “A journalist calls.”: to inspector, investigator, case-worker; by hand; fired for investigator",
        ],
        "id": [
            "threat      “Ancaman”: kepada investigator; pada jam ke-4 waktu perannya; belum dipicu",
            "journalist  “Wartawan menelepon.”: kepada inspector, investigator, case-worker; manual oleh pelatih; "
            "sudah dipicu untuk investigator",
        ],
    }
    assert out.splitlines() == expected[language]
    code, out, _ = run(capsys, "--list", "--json", "--lang", language)  # the same in every language
    assert [(item["id"], item["trigger"], item["fired_for"]) for item in json.loads(out)] == [
        ("threat", "at 4 h on its clock", []),
        ("journalist", "by hand", ["investigator"]),
    ]
    assert run(capsys, "--list", "threat")[0] == 2  # a list, or an inject to fire: not both
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["investigator"])
    code, out, err = run(capsys, "--list", "--user", "investigator")  # what comes next is the controllers'
    assert (code, out) == (1, "")
    assert "may not read an exercise's master log" in err or "log induk" in err
