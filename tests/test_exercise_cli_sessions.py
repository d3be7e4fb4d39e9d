"""``tipcase exercise`` as walk F found it (findings 18, 20, 21, 23): the sessions listed, a mistyped name answered with
the names meant, a name a terminal cannot take unquoted refused, an archived session said so by ``status``, an
unknown inject answered with the injects there are, and refusals in Bahasa Indonesia with no English left in them
(a missing file; a trainee refused a team exercise as such, not "publishing scenarios"), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, started_session
from tests.teams import write_team
from tipcase.cli import main
from tipcase.services import accounts, exercise_archive, exercises
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import TeamCaseVersion

ASSIGN = "inspector=inspector,investigator=investigator,case-worker=case-worker"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drill(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    with db.transaction() as session:
        started_session(session, tmp_path)
    monkeypatch.setenv("TIPCASE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    return db


REFUSED = {  # language -> (a missing file, a trainee starting a session)
    "en": ("nofile.yaml: no such file", "inspector (trainee) may not direct team exercises"),
    "id": ("nofile.yaml: berkas tidak ada", "inspector (peserta pelatihan) tidak boleh mengarahkan latihan tim"),
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_start_refuses_in_the_language_asked_and_a_trainee_as_one_who_may_not_run_an_exercise(
    drill: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    missing, trainee = REFUSED[language]
    error = {"en": "tipcase: error: ", "id": "tipcase: kesalahan: "}[language]
    start = ["exercise", "start", "--session", "drill-2", "--assign", ASSIGN, "--lang", language]
    assert run(capsys, *start[:2], "nofile.yaml", *start[2:]) == (2, "", f"{error}{missing}\n")
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["inspector"])
    case = str(write_team(tmp_path, name="again.yaml"))
    assert run(capsys, *start[:2], case, *start[2:], "--user", "inspector") == (1, "", f"{error}{trainee}\n")
    with drill.reading() as session:
        assert session.query(TeamCaseVersion).count() == 1  # nothing published for the refused trainee


@pytest.mark.parametrize("name", ["bad name!", "-x", "drill/2", "latihan bitung"])
def test_a_session_name_a_terminal_cannot_take_unquoted_is_refused(drill: Database, name: str) -> None:
    with drill.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        version = exercises.get_session(session, "drill").team_case_version
        with pytest.raises(ServiceError, match="a session's name is typed after --session without quotes") as refused:
            exercises.create_session(session, trainer, version, name)
        assert "at character" in str(refused.value)
        assert exercises.create_session(session, trainer, version, "latihan-1.b_2").name == "latihan-1.b_2"


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "tipcase: error: no exercise session 'dril'; did you mean 'drill'?\n"),
        ("id", "tipcase: kesalahan: tidak ada sesi latihan 'dril'; maksud Anda 'drill'?\n"),
    ],
)
def test_a_mistyped_session_is_answered_with_the_names_meant(
    drill: Database, capsys: pytest.CaptureFixture[str], language: str, said: str
) -> None:
    assert run(capsys, "exercise", "status", "--session", "dril", "--lang", language) == (1, "", said)
    code, _, err = run(capsys, "exercise", "status", "--session", "zzzzzz", "--lang", language)
    assert code == 1
    assert "'drill'" not in err  # nothing near: no guess


def test_list_says_each_session_and_leaves_the_archived_out_unless_asked(
    drill: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with drill.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        old = exercises.get_session(session, "drill")
        fresh = exercises.create_session(session, trainer, old.team_case_version, "drill-2", language="id")
        exercises.assign(session, trainer, fresh, "inspector", accounts.get_user(session, "inspector"))
        exercises.end(session, trainer, old)
        exercise_archive.archive(session, trainer, old)
    code, out, err = run(capsys, "exercise", "list")
    assert (code, err) == (0, "")
    [line] = out.splitlines()  # drill is archived: left out
    assert line.startswith("drill-2  draft  id  1 of 3 roles filled  created 20")
    assert line.endswith("“Mini team”")
    code, out, _ = run(capsys, "exercise", "list", "--archived", "--lang", "id")
    lines = out.splitlines()
    assert [row.split()[0] for row in lines] == ["drill-2", "drill"]  # newest first
    assert "berakhir, diarsipkan  en  3 dari 3 peran terisi  dibuat 20" in lines[1]
    assert lines[1].endswith("“Tim mini”")
    code, out, _ = run(capsys, "exercise", "list", "--archived", "--json")
    rows = json.loads(out)
    assert [(row["session"], row["status"], row["archived"], row["language"], row["roles_filled"], row["roles"]) for row in rows] == [
        ("drill-2", "draft", False, "id", 1, 3),
        ("drill", "ended", True, "en", 3, 3),
    ]
    assert set(rows[0]) == {
        "session",
        "team_case",
        "version",
        "title",
        "status",
        "archived",
        "language",
        "roles",
        "roles_filled",
        "created_at",
    }
    code, out, err = run(capsys, "exercise", "status", "--session", "drill")
    assert out.startswith("drill: ended, archived, ")
    code, out, err = run(capsys, "exercise", "status", "--session", "drill", "--lang", "id")
    assert out.startswith("drill: berakhir, diarsipkan, ")
    code, out, err = run(capsys, "exercise", "status", "--session", "drill", "--json")
    assert json.loads(out)["archived"] is True


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "tipcase: error: no inject 'lawyer' in team case 'mini-team' (its injects: "
            "threat (“A threat”); journalist (“A journalist calls.”))\n",
        ),
        (
            "id",
            "tipcase: kesalahan: tidak ada inject 'lawyer' dalam kasus tim 'mini-team' (inject yang ada: "
            "threat (“Ancaman”); journalist (“Wartawan menelepon.”))\n",
        ),
    ],
)
def test_an_unknown_inject_is_answered_with_the_ids_and_titles_there_are(
    drill: Database, capsys: pytest.CaptureFixture[str], language: str, said: str
) -> None:
    assert run(capsys, "exercise", "inject", "--session", "drill", "lawyer", "--lang", language) == (1, "", said)


def test_only_a_trainee_is_put_on_a_role_and_a_name_is_not_taken_twice_by_capitals(
    drill: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walk G, findings 13 and 24: ``start --assign`` put a trainer on a role (who then read every rating while playing),
    and "Bitung-ID" stood beside "bitung-id"."""
    case = str(write_team(tmp_path, name="again.yaml"))
    assign = "inspector=trainer,investigator=investigator,case-worker=case-worker"
    code, out, err = run(capsys, "exercise", "start", case, "--session", "drill-2", "--assign", assign)
    assert (code, out) == (1, "")
    assert err == "tipcase: error: trainer (trainer) is not a trainee: only trainees play a role in a team exercise\n"
    code, _, err = run(capsys, "exercise", "start", case, "--session", "drill-2", "--assign", assign, "--lang", "id")
    assert err == (
        "tipcase: kesalahan: trainer (pelatih) bukan peserta pelatihan: hanya peserta pelatihan yang memainkan peran dalam latihan tim\n"
    )
    code, out, err = run(capsys, "exercise", "start", case, "--session", "Drill", "--assign", ASSIGN)
    assert (code, out) == (1, "")
    assert err == "tipcase: error: an exercise session 'drill' exists: 'Drill' differs from it only by capitals\n"
    with drill.reading() as session:
        assert [exercise.name for exercise in exercises.list_sessions(session, accounts.get_user(session, "trainer"))] == ["drill"]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Waiting for the hand-over “Referral from the inspector” from Labour inspector: your choices are offered once it"),
        ("id", "Menunggu serah terima “Rujukan dari pengawas” dari Pengawas ketenagakerjaan: pilihan Anda ditawarkan begitu"),
    ],
)
def test_a_waiting_role_at_a_terminal_is_not_told_its_choices_appear_here(
    drill: Database, capsys: pytest.CaptureFixture[str], language: str, said: str
) -> None:
    """Walk G, finding 9: the terminal said "Your choices appear here as soon as it arrives." and exited."""
    code, out, _ = run(capsys, "exercise", "play", "--session", "drill", "--user", "investigator", "--lang", language)
    assert code == 0
    assert said in " ".join(out.split())
    assert "appear here" not in out
