"""``tipcase exercise play`` as a trainee at a terminal uses it (walkthrough findings, issue 17): with no numbers,
where the role stands (its briefing, inbox, case file, stage and choices) and nothing decided; only the
choices still to make with ``--next``, the result not rated while the session runs; a ``--choose`` list that
contradicts the decisions made refused in one line that says what to give instead, before the password is
asked for or hashed; a paused session refused at once (exit 5) rather than waited for, and a wait for a
hand-over ended the same way when the trainer pauses. On SQLite and PostgreSQL, in this process (the
one-process-per-role runs are tests/test_exercise_processes.py)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, decide, started_session
from tipcase.cli import exercise_play, main
from tipcase.services import accounts, exercises
from tipcase.store.database import Database


def play(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, user: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS[user])
    code = main(["exercise", "play", "--session", "drill", "--user", user, "--timeout", "0", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def decisions(db: Database, role: str) -> list[int]:
    """The offered-choice numbers the role has decided, from the stored log."""
    with db.reading() as session:
        trainer = accounts.get_user(session, "trainer")
        rows = exercises.events(session, trainer, exercises.get_session(session, "drill"))
        return [int(r.details["number"]) for r in rows if r.kind == "decision" and r.role == role]


def control(db: Database, action: str) -> None:
    with db.transaction() as session:
        act = {"pause": exercises.pause, "resume": exercises.resume}[action]
        act(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))


@pytest.fixture
def drill(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    return db


def no_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the command signs in (hashes the password) before refusing."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("signed in before the refusal: the password was hashed for nothing")

    monkeypatch.setattr(exercise_play, "sign_in", refuse)


def test_the_remaining_choices_with_next_and_a_contradicting_choose_refused_before_the_sign_in(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert play(capsys, monkeypatch, "inspector", "--choose", "1")[0] == 0
    assert play(capsys, monkeypatch, "investigator", "--choose", "2")[0] == 3  # the statement at once; one more to go

    with monkeypatch.context() as inside:  # the list given is what remains: refused, saying what to give
        no_sign_in(inside)
        started = time.monotonic()
        code, out, err = play(capsys, inside, "investigator", "--choose", "1")
        assert time.monotonic() - started < 10  # no wait, no sign-in (the walkthrough waited 9-10 s for this line)
    assert (code, out) == (2, "")
    assert err == (
        "tipcase: error: role 'investigator' has made 1 decision in exercise 'drill' (2): --choose is the whole route from the start"
        " and must begin 2; to give only what comes next, use --next (e.g. --next 1)\n"
    )
    assert decisions(drill, "investigator") == [2]  # nothing recorded

    code, out, err = play(capsys, monkeypatch, "investigator", "--next", "1")
    assert (code, err) == (0, "")
    assert "investigator: decision 2, stage “statement”: 1) Seize the wage slips" in out  # the stage as the master log names it
    assert "investigator: reached its end, route “desk” -> “statement” -> “closed”" in out
    assert "%" not in out  # not rated while the session runs, as on the workstation: the joint debrief rates it
    assert decisions(drill, "investigator") == [2, 1]

    code, out, _ = play(capsys, monkeypatch, "investigator", "--choose", "2,1")  # the whole route again: nothing twice
    assert code == 0
    assert "decision" not in out
    assert decisions(drill, "investigator") == [2, 1]
    with monkeypatch.context() as inside:  # no numbers: where the role stands, as its workstation shows it; nothing decided
        no_sign_in(inside)
        code, out, err = play(capsys, inside, "case-worker")
    assert (code, err) == (0, "")
    assert "\nINBOX\n  Hand-over · 3 h — Request for care\n" in out  # the investigator's request, on her case clock
    assert out.endswith(
        "Case clock: 3 h\n\nA request arrives.\n\n1) Take them to the clinic\n\n"
        "Your next choice: tipcase exercise play --session drill --user case-worker --at 1 --next N\n"
    )
    assert decisions(drill, "case-worker") == []


def test_a_paused_session_is_refused_at_once_and_nothing_is_recorded(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    control(drill, "pause")
    with monkeypatch.context() as inside:
        no_sign_in(inside)
        code, out, err = play(capsys, inside, "inspector", "--choose", "1")
    assert (code, out) == (5, "")
    assert err == "tipcase: error: exercise 'drill' is paused: no decision is taken until the trainer resumes it\n"
    assert decisions(drill, "inspector") == []
    control(drill, "resume")
    assert play(capsys, monkeypatch, "inspector", "--choose", "1")[0] == 0
    assert decisions(drill, "inspector") == [1]


def test_a_pause_ends_a_wait_for_a_hand_over_with_a_line_that_says_so(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["investigator"])
    codes: list[int] = []
    argv = ["exercise", "play", "--session", "drill", "--user", "investigator", "--choose", "1,1,1", "--timeout", "60"]
    waiting = threading.Thread(target=lambda: codes.append(main(argv)))
    waiting.start()
    deadline = time.monotonic() + 30
    while "investigator: waiting for the hand-over “Referral from the inspector” from Labour inspector (at most 60 s)...\n" not in (
        capsys.readouterr().out
    ):
        assert time.monotonic() < deadline
        assert waiting.is_alive()
        time.sleep(0.05)
    paused = time.monotonic()
    control(drill, "pause")
    waiting.join(30)
    assert not waiting.is_alive()
    assert codes == [5]
    assert time.monotonic() - paused < 10  # at once, not at the end of the 60 s timeout
    err = capsys.readouterr().err
    assert err == (
        "tipcase: error: exercise 'drill' is paused: no decision is taken until the trainer resumes it;"
        " role 'investigator' stands at decision 1, stage “desk”\n"
    )


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_hand_over_that_arrives_while_the_role_waits_is_said_with_its_sender_and_what_was_recorded(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The workstation shows who sent a hand-over and what the sender recorded; so does ``play``, and ``--json`` carries it."""
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["investigator"])
    codes: list[int] = []
    argv = ["exercise", "play", "--session", "drill", "--user", "investigator", "--choose", "1", "--timeout", "60", "--lang", language]
    waiting = threading.Thread(target=lambda: codes.append(main(argv)))
    waiting.start()
    deadline, seen = time.monotonic() + 30, ""
    while "investigator: " not in seen:  # it says it waits for the referral
        assert time.monotonic() < deadline
        seen += capsys.readouterr().out
        time.sleep(0.05)
    with drill.transaction() as session:  # the inspector copies the wage slips and refers
        decide(session, "inspector", "drill", "inspector", 1)
    waiting.join(30)
    assert codes == [3]  # one decision given; the role goes on to wait for the case worker
    out = seen + capsys.readouterr().out
    arrived = {
        "en": "investigator: New in your inbox: the hand-over “Referral from the inspector” from Labour inspector.\n"
        "    From Labour inspector, taken at 2 h on your case clock.\n"
        "    What the sender recorded:\n"
        "    - The wage slips were copied.\n"
        "investigator: decision 1, stage “desk”: 1) Ask the case worker to see to their care first\n",
        "id": "investigator: Baru di kotak masuk Anda: serah terima “Rujukan dari pengawas” dari Pengawas ketenagakerjaan.\n"
        "    Dari Pengawas ketenagakerjaan, diterima pada jam ke-2 waktu kasus Anda.\n"
        "    Yang dicatat pengirim:\n"
        "    - Slip gaji sudah disalin.\n"
        "investigator: keputusan 1, tahap “desk”: 1) Minta pendamping merawat dulu\n",
    }[language]
    assert arrived in out

    code, out, err = play(capsys, monkeypatch, "investigator", "--json", "--lang", language)
    assert (code, err) == (0, "")
    assert json.loads(out)["received"] == [  # the same in every language: ids, and what was recorded in the case's English
        {
            "handover": "referral",
            "number": 1,
            "from": "inspector",
            "clock": 2,
            "carried": {"slips": True},
            "recorded": ["The wage slips were copied."],
        }
    ]


NOTHING_LEFT = {
    "en": "tipcase: nothing left to decide: your role has reached its end (1 not used)\n",
    "id": "tipcase: tidak ada lagi yang perlu diputuskan: peran Anda sudah sampai di akhirnya (1 tidak dipakai)\n",
}
HAS_ENDED = {"en": "tipcase: exercise 'drill' has ended\n", "id": "tipcase: latihan 'drill' sudah berakhir\n"}


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_number_for_a_role_at_its_end_says_it_was_not_used_with_an_exit_of_its_own(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Walk F, finding 18: ``--next 1`` at a role that has reached its end printed the end stage and exited 0."""
    assert play(capsys, monkeypatch, "inspector", "--choose", "1")[0] == 0
    with monkeypatch.context() as inside:
        no_sign_in(inside)
        for route in (["--next", "1"], ["--choose", "1,1"]):  # only what comes next, or the whole route and one more
            assert play(capsys, inside, "inspector", *route, "--lang", language) == (6, "", NOTHING_LEFT[language])
    assert decisions(drill, "inspector") == [1]
    assert play(capsys, monkeypatch, "inspector", "--choose", "1")[0] == 0  # the same route again (after a crash): done
    code, _, err = play(capsys, monkeypatch, "inspector", "--choose", "2,1")  # a route that contradicts it stays a usage error
    assert code == 2
    assert "after 1 decision (1)" in err or "setelah 1 keputusan (1)" in err


@pytest.mark.parametrize("language", ["en", "id"])
def test_numbers_given_once_the_session_has_ended_say_so_with_exit_3_whether_or_not_the_role_had_finished(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Walk F, finding 19: a role that had reached its end exited 0 with no word that the trainer had ended the session."""
    assert play(capsys, monkeypatch, "inspector", "--choose", "1")[0] == 0
    with drill.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    with monkeypatch.context() as inside:
        no_sign_in(inside)  # said at once, before any password
        for user, route in (("inspector", "1"), ("investigator", "2")):  # finished, and not
            code, out, err = play(capsys, inside, user, "--next", route, "--lang", language)
            assert (code, err) == (3, HAS_ENDED[language])
            assert f"{user}: " in out
            assert "%" in out  # with the role's result, rated now that the session has ended
        assert play(capsys, inside, "inspector", "--choose", "1", "--lang", language)[::2] == (3, HAS_ENDED[language])
        for user in ("inspector", "investigator"):  # no numbers (walk G, walk F 19's leftover: it exited 0 without a word of the end)
            code, out, err = play(capsys, inside, user, "--lang", language)
            assert (code, err) == (3, HAS_ENDED[language])
            assert "%" in out  # where the role stands, then its rated result
            assert "--next" not in out  # no next command is suggested for an ended session
            code, out, err = play(capsys, inside, user, "--json", "--lang", language)
            assert (code, err) == (3, HAS_ENDED[language])
            assert json.loads(out)["role"] == user
    assert decisions(drill, "investigator") == []


def test_a_suggested_command_keeps_the_language_and_role_typed(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walk F, finding 15: following the suggested command of an English session played with ``--lang id`` switched to English."""
    code, out, _ = play(capsys, monkeypatch, "case-worker", "--lang", "id", "--role", "case-worker")
    assert code == 0
    assert out.endswith("tipcase exercise play --session drill --user case-worker --role case-worker --lang id\n")
    code, out, _ = play(capsys, monkeypatch, "inspector", "--lang", "id")
    assert out.endswith("tipcase exercise play --session drill --user inspector --at 1 --next N --lang id\n")


def test_the_suggested_next_command_names_the_decision_shown_so_a_late_number_is_refused(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walk H, finding 1: on a shared role, the suggested ``--next N`` answered whatever stage the role stood at when it
    ran, so a number meant for the stage read was recorded on one never shown. The suggestion carries ``--at``."""
    assert play(capsys, monkeypatch, "inspector", "--choose", "1")[0] == 0
    code, out, _ = play(capsys, monkeypatch, "investigator")
    assert code == 0
    suggested = out.rstrip("\n").rsplit("tipcase exercise play ", 1)[1].split()
    assert suggested == ["--session", "drill", "--user", "investigator", "--at", "1", "--next", "N"]
    with drill.transaction() as session:  # the role's other workstation (the app) takes decision 1 meanwhile
        decide(session, "investigator", "drill", "investigator", 1)
    code, out, err = play(capsys, monkeypatch, "investigator", *[word if word != "N" else "2" for word in suggested[4:]])
    assert (code, out) == (1, "")
    assert "decision 1" in err
    assert decisions(drill, "investigator") == [1]  # the late number is not recorded on the stage that followed


@pytest.mark.parametrize("language", ["en", "id"])
def test_an_event_and_a_message_in_the_inbox_say_when_they_came_as_the_workstation_does(
    drill: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Walk H findings 5 and 14, the terminal's part: an inject without a sender and a trainer's message said no hour
    (the workstation now says "At 0 h on your case clock."), and Bahasa read "pada 2 jam menurut waktu kasus Anda"."""
    with drill.transaction() as session:
        trainer, exercise = accounts.get_user(session, "trainer"), exercises.get_session(session, "drill")
        exercises.fire_inject(session, trainer, exercise, "journalist", ["inspector"])
        exercises.send_message(session, trainer, exercise, "Check the gate", ["inspector"])
    code, out, _ = play(capsys, monkeypatch, "inspector", "--lang", language)
    assert code == 0
    event, message = {
        "en": ("    At 0 h on your case clock.\n", "    From the trainer, at 0 h on your case clock.\n    Check the gate\n"),
        "id": ("    Pada jam ke-0 waktu kasus Anda.\n", "    Dari pelatih, pada jam ke-0 waktu kasus Anda.\n    Check the gate\n"),
    }[language]
    assert event in out
    assert message in out
