"""``tipcase exercise`` speaks the session's language, or the one ``--lang`` names: a whole session directed and
played from the command line in Bahasa Indonesia reads Indonesian from the first line to the last (what each
command prints, its refusals, the master log, the report), in English it reads as before, and ``--json`` is the
same in both. A test fails on an English sentence in the Indonesian output (every line printed by any of the
commands: the words left once the case's ids, the usernames and the options are taken out)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, users
from tests.teams import write_team
from tipcase.cli import exercise_stage, main
from tipcase.format.validator import check_file
from tipcase.interface_text import words
from tipcase.store.database import Database

ENGLISH_WORDS = (
    "the a an is are was to of and at for from with has have not no by it its this that after until once "
    "session sessions decision decisions waiting waits stage clock passed complete finished started fired sent message "
    "error route team rule broken ended paused resumed deciding nobody event events report written timed out role "
    "exercise trainer took queued scored password give name only numbers start must begin whole next"
)
ENGLISH = frozenset(ENGLISH_WORDS.split())  # words that say an English sentence is there


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An SQLite database with the trainer and a trainee per role of the mini team case; the case file's path."""
    db = Database(f"sqlite:///{tmp_path / 'tipcase.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        users(session)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    db.dispose()
    return write_team(tmp_path)


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, user: str | None = None) -> tuple[int, str]:
    """``tipcase exercise ARGV`` (as ``user``, with their password, for ``play``): its exit code and all it printed."""
    if user is not None:
        monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS[user])
    code = main(["exercise", *argv])
    out, err = capsys.readouterr()
    return code, out + err


def a_whole_session(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, team: Path, language: str) -> dict[str, str]:
    """Start, play, inject, pause, refuse, resume, end and read a session created in ``language``; what each step printed.

    No command but ``start`` names a language: each speaks the session's. Every exit code is checked on the way.
    """
    said: dict[str, str] = {}

    def step(name: str, expected: int, *argv: str, user: str | None = None) -> None:
        code, printed = run(capsys, monkeypatch, *argv, user=user)
        assert code == expected, (name, printed)
        said[name] = printed

    session = ["--session", "latihan"]
    step("bad assign", 2, "start", str(team), *session, "--assign", "inspector", "--lang", language)
    assign = "inspector=inspector,investigator=investigator,case-worker=case-worker"
    step("start", 0, "start", str(team), *session, "--assign", assign, "--lang", language)
    step("status", 0, "status", *session)
    step("timed out", 3, "play", *session, "--user", "investigator", "--choose", "1", "--timeout", "0", user="investigator")
    step("inspector", 0, "play", *session, "--user", "inspector", "--choose", "2", user="inspector")
    step("look", 0, "play", *session, "--user", "investigator")  # where the role stands, as its workstation shows it
    step("investigator", 3, "play", *session, "--user", "investigator", "--choose", "2", "--timeout", "0", user="investigator")
    step("contradicts", 2, "play", *session, "--user", "investigator", "--choose", "1", user="investigator")
    step("not offered", 2, "play", *session, "--user", "investigator", "--next", "7", user="investigator")
    step("numbers", 2, "play", *session, "--user", "investigator", "--next", "x", user="investigator")
    monkeypatch.setenv("TIPCASE_PASSWORD", "wrong password")
    code, said["sign-in"] = run(capsys, monkeypatch, "play", *session, "--user", "case-worker", "--next", "1")
    assert code == 4, said["sign-in"]
    step("inject", 0, "inject", *session, "journalist", "--to", "investigator")
    step("inject again", 1, "inject", *session, "journalist", "--to", "investigator")
    step("message", 0, "inject", *session, "--text", "Sepuluh menit lagi")
    step("neither", 2, "inject", *session)
    step("pause", 0, "pause", *session)
    step("paused play", 5, "play", *session, "--user", "case-worker", "--choose", "1", user="case-worker")
    step("pause again", 1, "pause", *session)
    step("resume", 0, "resume", *session)
    step("case worker", 0, "play", *session, "--user", "case-worker", "--choose", "1,2", user="case-worker")  # sends them home: critical
    step("end", 0, "end", *session)
    monkeypatch.setenv("TIPCASE_PASSWORD", "wrong password")  # an ended session is said at once, without a sign-in
    step("ended play", 3, "play", *session, "--user", "investigator", "--next", "1")
    step("report", 0, "report", *session)
    step("log", 0, "log", *session)
    step("status at the end", 0, "status", *session)
    step("no session", 1, "status", "--session", "tidak-ada", "--lang", language)
    step("not pdf", 2, "report", *session, "--pdf", "laporan.txt")
    return said


def identifiers(team: Path) -> set[str]:
    """Every id the case names (roles, stages, hand-overs, injects, rules, competencies), the usernames and the session's."""
    case = check_file(team).team
    assert case is not None
    names = {case.id, "latihan", "tidak-ada", "trainer", "tipcase", *PASSWORDS}
    for role, track in case.roles.items():
        names |= {role, track.role, *track.scenario.stages}
    names |= {*case.handovers, *(inject.id for inject in case.injects), *case.competencies, *case.objectives}
    return names


def english_words(text: str, ids: set[str]) -> list[str]:
    """The English words in ``text`` once the ids, commands and options (``--next``) and quoted ids are taken out."""
    text = re.sub(r"tipcase exercise [a-z]+|--[a-z-]+|TIPCASE_[A-Z_]+|'[^']*'|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", " ", text)
    words = [word for word in re.findall(r"[A-Za-z][A-Za-z_-]*", text) if word not in ids]
    return [word for word in words if any(part.lower() in ENGLISH for part in re.split(r"[-_]", word))]


def test_a_session_in_indonesian_prints_no_english_sentence(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    said = a_whole_session(capsys, monkeypatch, home, "id")
    ids = identifiers(home)
    assert {name: english_words(text, ids) for name, text in said.items() if english_words(text, ids)} == {}
    assert said["start"].startswith("sesi latihan dimulai: mini-team v1; inspector=inspector")
    assert "inspector: keputusan 1 di “visit”: 2) Langsung rujuk" in said["inspector"]
    assert "inspector: selesai, rute visit -> referred" in said["inspector"]  # not rated while the session runs
    assert (
        "investigator: menunggu serah terima “Rujukan dari pengawas” dari Pengawas ketenagakerjaan (paling lama 0 detik)..."
        in (said["timed out"])
    )
    assert "\nKOTAK MASUK\n  Serah terima · 1 jam — Rujukan dari pengawas\n" in said["look"]
    assert said["look"].endswith(
        "1) Minta pendamping merawat dulu\n2) Ambil keterangan sekarang\n\n"
        "Pilihan Anda berikutnya: tipcase exercise play --session latihan --user investigator --next N\n"
    )
    assert "investigator: belum selesai, 0,0% (0 dari 4), rute desk -> statement" in said["ended play"]  # rated once it has ended
    assert said["contradicts"].startswith("tipcase: kesalahan: peran 'investigator' sudah mengambil 1 keputusan dalam latihan 'latihan'")
    assert said["sign-in"] == "tipcase: kesalahan: --user case-worker: nama pengguna atau kata sandi salah\n"
    assert said["paused play"].startswith("tipcase: kesalahan: latihan 'latihan' dijeda")
    assert said["pause"] == "sesi latihan: dijeda\n"
    assert said["no session"] == "tipcase: kesalahan: tidak ada sesi latihan 'tidak-ada'\n"
    assert "Wartawan menelepon." in said["log"]  # the case's own words, in its Indonesian
    assert "Sesi berakhir: nilai tim" in said["log"]
    assert said["report"].startswith("latihan (selesai): mini-team v1: tim ")
    assert "  case-worker: 80,0% (4 dari 5), selesai\n" in said["report"]
    assert "  serah terima tidak pernah diterima: “Perawatan diatur” #1 dari case-worker kepada investigator\n" in said["report"]
    assert said["status"].splitlines()[1].startswith("  inspector            di “visit” (sedang memutuskan), waktu kasus 0 jam")
    assert "investigator         di “statement” (berhenti saat sesi berakhir)" in said["status at the end"]
    assert "  kesalahan kritis: case-worker di “clinic”: Mereka berisiko di rumah.\n" in said["report"]


def test_the_same_session_in_english_reads_as_before(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    said = a_whole_session(capsys, monkeypatch, home, "en")
    assert said["start"].startswith("session latihan started: mini-team v1; inspector=inspector")
    assert "inspector: decision 1 at “visit”: 2) Refer at once" in said["inspector"]
    assert "inspector: complete, route visit -> referred" in said["inspector"]
    assert (
        "investigator: waiting for the hand-over “Referral from the inspector” from Labour inspector (at most 0 s)..."
        in (said["timed out"])
    )
    assert "\nINBOX\n  Hand-over · 1 h — Referral from the inspector\n" in said["look"]
    assert "investigator: not finished, 0.0% (0 of 4), route desk -> statement" in said["ended play"]
    assert "investigator         at “statement” (stopped when the session ended)" in said["status at the end"]
    assert (
        "  investigator         at “desk” (waits for hand-over “Referral from the inspector”), case clock 0 h, no decisions; investigator"
        in (said["status"])
    )
    assert "  critical error: case-worker at “clinic”: They are at risk at home.\n" in said["report"]
    assert "  rule broken: care-first (-3 Victim care) at investigator's “statement”\n" in said["report"]
    assert "  incomplete hand-over: “Referral from the inspector” #1 from inspector (-1 Evidence)\n" in said["report"]
    assert said["sign-in"] == "tipcase: error: --user case-worker: wrong username or password\n"
    assert said["pause"] == "session latihan: paused\n"
    assert said["no session"] == "tipcase: error: no exercise session 'tidak-ada'\n"
    assert "A journalist calls." in said["log"]
    assert said["report"].startswith("latihan (ended): mini-team v1: team ")
    assert (
        said["status"].splitlines()[1].startswith("  inspector            at “visit” (deciding), case clock 0 h, no decisions; inspector")
    )
    ids = identifiers(home)
    assert all(english_words(text, ids) for text in said.values())  # the detector finds English where there is some

    for command in ("status", "log", "report"):  # --json is one form, whatever the language
        english = run(capsys, monkeypatch, command, "--session", "latihan", "--json", "--lang", "en")
        indonesian = run(capsys, monkeypatch, command, "--session", "latihan", "--json", "--lang", "id")
        assert english == indonesian
        assert english[0] == 0
        json.loads(english[1])


def test_every_word_a_terminal_player_reads_is_one_the_app_translates() -> None:
    """The stage, inbox and case file at a terminal say what the workstation says, in its Bahasa Indonesia."""
    indonesian = words("id")
    assert [english for context, english in exercise_stage.WORDS.values() if (context, english) not in indonesian] == []
