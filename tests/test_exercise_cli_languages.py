"""``tipcase exercise`` speaks the session's language, or the one ``--lang`` names: a whole session directed and
played from the command line in Bahasa Indonesia reads Indonesian from the first line to the last (what each
command prints, its refusals, the master log, the report), in English it reads as before, and ``--json`` is the
same in both. A test fails on an English sentence in the Indonesian output (every line printed by any of the
commands: the words left once the case's ids, the usernames and the options are taken out). Its stages have titles
that begin with a preposition, as real cases' do: no line puts one of its own before such a title ("decision 1 at “At
the gate”", "di “Di gerbang”"), the stages, hand-overs and injects are named by their titles (refusals too), the
route by its stages' titles, and a hand-over that reaches a role at play is said with its sender and what the sender
recorded, as the workstation shows it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, users
from tests.teams import titled, write_team
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
    return write_team(tmp_path, titled())


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


DOUBLED = {  # a preposition of the line's own before a title that begins with one: "decision 1 at “At the gate”"
    "en": re.compile(r"\b(?:at|in|on|to|from|by|of|for)\s+“(?:at|in|on|to|from|by|of|for)\b", re.IGNORECASE),
    "id": re.compile(r"\b(?:di|pada|ke|dari|dalam|lewat|untuk|oleh)\s+“(?:di|pada|ke|dari|dalam|lewat|untuk|oleh)\b", re.IGNORECASE),
}


def test_a_session_in_indonesian_prints_no_english_sentence(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    said = a_whole_session(capsys, monkeypatch, home, "id")
    ids = identifiers(home)
    assert {name: english_words(text, ids) for name, text in said.items() if english_words(text, ids)} == {}
    assert {name: DOUBLED["id"].findall(text) for name, text in said.items() if DOUBLED["id"].search(text)} == {}
    assert said["start"].startswith("sesi latihan dimulai: “Tim mini” (mini-team v1); inspector=inspector")
    assert "inspector: keputusan 1, tahap “Di gerbang pabrik”: 2) Langsung rujuk" in said["inspector"]
    assert "inspector: sampai di akhir, rute “Di gerbang pabrik” -> “referred”" in said["inspector"]  # not rated while the session runs
    assert (
        "investigator: menunggu serah terima “Rujukan dari pengawas” dari Pengawas ketenagakerjaan (paling lama 0 detik)..."
        in (said["timed out"])
    )
    assert (  # the inbox as the workstation shows it: who sent it, and what the sender recorded
        "\nKOTAK MASUK\n  Serah terima · 1 jam — Rujukan dari pengawas\n"
        "    Dari Pengawas ketenagakerjaan, diterima pada jam ke-1 waktu kasus Anda.\n"
        "    Yang dicatat pengirim:\n    - Tidak ada slip gaji yang disalin.\n"
    ) in said["look"]
    assert said["look"].endswith(
        "1) Minta pendamping merawat dulu\n2) Ambil keterangan sekarang\n\n"
        "Pilihan Anda berikutnya: tipcase exercise play --session latihan --user investigator --at 1 --next N\n"
    )
    assert said["investigator"].startswith(  # the hand-over it decides on, as the workstation announces it
        "investigator: Baru di kotak masuk Anda: serah terima “Rujukan dari pengawas” dari Pengawas ketenagakerjaan.\n"
        "    Dari Pengawas ketenagakerjaan, diterima pada jam ke-1 waktu kasus Anda.\n"
        "    Yang dicatat pengirim:\n    - Tidak ada slip gaji yang disalin.\n"
        "investigator: keputusan 1, tahap “Di Unit PPA”: 2) Ambil keterangan sekarang\n"
    )
    assert "investigator: belum selesai, 0,0% (0 dari 4), rute “Di Unit PPA” -> “Di ruang pemeriksaan”" in said["ended play"]
    assert said["contradicts"].startswith("tipcase: kesalahan: peran 'investigator' sudah mengambil 1 keputusan dalam latihan 'latihan'")
    assert said["not offered"] == (  # the stage by its title, not its id
        "tipcase: kesalahan: pilihan 7 tidak tersedia di tahap “Di ruang pemeriksaan”; yang tersedia: 1) Catat keterangan saja\n"
    )
    assert said["sign-in"] == "tipcase: kesalahan: --user case-worker: nama pengguna atau kata sandi salah\n"
    assert said["inject"] == "sesi latihan: inject “Wartawan menelepon.” dipicu untuk investigator\n"
    assert said["inject again"] == "tipcase: kesalahan: inject “Wartawan menelepon.” sudah sampai ke Penyidik Polri\n"
    assert said["paused play"].startswith("tipcase: kesalahan: latihan 'latihan' dijeda")
    assert said["pause"] == "sesi latihan: dijeda\n"
    assert said["no session"] == "tipcase: kesalahan: tidak ada sesi latihan 'tidak-ada'\n"
    assert "Wartawan menelepon." in said["log"]  # the case's own words, in its Indonesian
    assert "Keputusan 1, tahap “Di gerbang pabrik”: 2) Langsung rujuk" in said["log"]
    assert "Sesi berakhir: nilai tim" in said["log"]
    # the inspector has reached its end: the message reaches the two roles still playing, and says so (walk G finding 20)
    assert "Pesan untuk Penyidik Polri; Pendamping: Sepuluh menit lagi" in said["log"]
    assert said["message"] == "sesi latihan: pesan dikirim kepada investigator, case-worker\n"
    assert said["end"].startswith("sesi latihan: berakhir; tim ")
    assert said["report"].startswith(
        "latihan (berakhir): mini-team v1: tim "
    )  # a session that ended, not a role that finished (walk F, 20)
    assert "  case-worker: 80,0% (4 dari 5), sampai di akhir\n" in said["report"]
    assert "  investigator: 0,0% (0 dari 4), belum selesai, tahap “Di ruang pemeriksaan”\n" in said["report"]
    assert "  serah terima tidak pernah diterima: “Perawatan diatur” #1 dari case-worker kepada investigator\n" in said["report"]
    assert (
        said["status"].splitlines()[1].startswith("  inspector            tahap “Di gerbang pabrik” (sedang memutuskan), waktu kasus 0 jam")
    )
    assert "investigator         tahap “Di ruang pemeriksaan” (berhenti saat sesi berakhir)" in said["status at the end"]
    assert "  kesalahan kritis: case-worker, tahap “Di klinik”: Mereka berisiko di rumah.\n" in said["report"]
    assert "  aturan dilanggar: care-first, -3 Perawatan korban: investigator, tahap “Di ruang pemeriksaan”\n" in said["report"]


def test_the_same_session_in_english_reads_as_before(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    said = a_whole_session(capsys, monkeypatch, home, "en")
    assert {name: DOUBLED["en"].findall(text) for name, text in said.items() if DOUBLED["en"].search(text)} == {}
    assert said["start"].startswith("session latihan started: “Mini team” (mini-team v1); inspector=inspector")
    assert "inspector: decision 1, stage “At the factory gate”: 2) Refer at once" in said["inspector"]
    assert "inspector: reached its end, route “At the factory gate” -> “referred”" in said["inspector"]
    assert (
        "investigator: waiting for the hand-over “Referral from the inspector” from Labour inspector (at most 0 s)..."
        in (said["timed out"])
    )
    assert (
        "\nINBOX\n  Hand-over · 1 h — Referral from the inspector\n"
        "    From Labour inspector, taken at 1 h on your case clock.\n"
        "    What the sender recorded:\n    - No wage slip was copied.\n"
    ) in said["look"]
    assert said["investigator"].startswith(
        "investigator: New in your inbox: the hand-over “Referral from the inspector” from Labour inspector.\n"
        "    From Labour inspector, taken at 1 h on your case clock.\n"
        "    What the sender recorded:\n    - No wage slip was copied.\n"
        "investigator: decision 1, stage “In the PPA unit”: 2) Take the statement now\n"
    )
    assert "investigator: not finished, 0.0% (0 of 4), route “In the PPA unit” -> “In the interview room”" in said["ended play"]
    assert said["not offered"] == (
        "tipcase: error: choice 7 is not offered at the stage “In the interview room”; offered: 1) Record the statement only\n"
    )
    assert said["inject"] == "session latihan: inject “A journalist calls.” fired for investigator\n"
    assert said["inject again"] == "tipcase: error: the inject “A journalist calls.” has already reached Police investigator\n"
    assert "investigator         stage “In the interview room” (stopped when the session ended)" in said["status at the end"]
    assert (
        "  investigator         stage “In the PPA unit” (waits for hand-over “Referral from the inspector”), case clock 0 h, no decisions;"
        " investigator" in said["status"]
    )
    assert "  critical error: case-worker, stage “At the clinic”: They are at risk at home.\n" in said["report"]
    assert "  rule broken: care-first, -3 Victim care: investigator, stage “In the interview room”\n" in said["report"]
    assert "  incomplete hand-over: “Referral from the inspector” #1 from inspector (-1 Evidence)\n" in said["report"]
    assert said["sign-in"] == "tipcase: error: --user case-worker: wrong username or password\n"
    assert said["pause"] == "session latihan: paused\n"
    assert said["no session"] == "tipcase: error: no exercise session 'tidak-ada'\n"
    assert "A journalist calls." in said["log"]
    assert "Decision 1, stage “At the factory gate”: 2) Refer at once" in said["log"]
    assert said["report"].startswith("latihan (ended): mini-team v1: team ")
    assert "  investigator: 0.0% (0 of 4), not finished, stage “In the interview room”\n" in said["report"]
    assert said["end"].startswith("session latihan: ended; team ")
    assert (
        said["status"]
        .splitlines()[1]
        .startswith("  inspector            stage “At the factory gate” (deciding), case clock 0 h, no decisions; inspector")
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
