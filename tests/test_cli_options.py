"""Enumerated options on the command line: a value the program or the case does not have is one line, exit 2.

Static sets (roles, formats, pass rules, policies) are argparse choices; what depends on the case (its
languages) is checked before anything is asked or stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.records import BEST, CASE, seed
from tipcase.cli import main
from tipcase.services import accounts, attempts, courses, desktop
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import Attempt, User


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's own refusals
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def attempts_stored(home: Path) -> int:
    db = Database(f"sqlite:///{home / 'tipcase.sqlite3'}")
    with db.reading() as session:
        count = int(session.scalar(select(func.count(Attempt.id)).join(User).where(User.username == "demo-trainee")) or 0)
    db.dispose()
    return count


def test_record_refuses_a_language_the_case_is_not_written_in(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "demo")
    monkeypatch.delenv("TIPCASE_PASSWORD", raising=False)  # refused before the password is asked for
    code, out, err = run(capsys, "record", str(CASE), "--user", "demo-trainee", "--choose", "1", "--lang", "xx")
    assert (code, out) == (2, "")
    assert err == f"tipcase: error: --lang xx: {CASE} is written in en, id\n"
    assert attempts_stored(home) == 0
    monkeypatch.setenv("TIPCASE_PASSWORD", "demo-trainee")
    code, out, _ = run(capsys, "record", str(CASE), "--user", "demo-trainee", "--choose", ",".join(map(str, BEST)), "--lang", "ID")
    assert code == 0
    db = Database(f"sqlite:///{home / 'tipcase.sqlite3'}")
    with db.reading() as session:
        assert (
            session.scalars(select(Attempt.language).join(User).where(User.username == "demo-trainee")).one() == "id"
        )  # the case's own tag
    db.dispose()


def test_play_refuses_a_language_the_case_is_not_written_in(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "play", str(CASE), "--choose", "1", "--lang", "pt-BR")
    assert code == 2
    assert err.strip() == f"tipcase: error: --lang pt-BR: {CASE} is written in en, id"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["users", "add", "x1", "--role", "superuser", "--name", "X"], "argument --role: invalid choice: 'superuser'"),
        (["users", "set-role", "x1", "boss"], "argument role: invalid choice: 'boss'"),
        (["export", "attempts", "--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
        (["courses", "create", "c", "--title", "C", "--scenario", "x", "--pass-rule", "most"], "argument --pass-rule: invalid choice"),
        (["courses", "create", "c", "--title", "C", "--scenario", "x", "--policy", "first"], "argument --policy: invalid choice"),
        (["courses", "create", "c", "--title", "C", "--scenario", "x", "--max-attempts", "0"], "argument --max-attempts: 0: at least 1"),
        (["courses", "create", "c", "--title", "C", "--scenario", "x", "--max-attempts", "two"], "argument --max-attempts: invalid"),
        (["courses", "create", "c", "--title", "C", "--scenario", "x", "--pass-rule", "mean", "--pass-mean", "120"], "0 to 100"),
        (["courses", "create", "c", "--title", "C", "--scenario", "x", "--pass-rule", "mean"], "--pass-rule mean needs --pass-mean"),
        (["courses", "create", "c", "--title", "C", "--scenario", "x", "--pass-mean", "70"], "--pass-mean applies only with"),
    ],
)
def test_static_options_are_checked_in_one_line(home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_cohort_report_language_is_checked_against_the_course(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "demo")
    code, _, err = run(capsys, "cohorts", "report", "demo", "demo", "--lang", "fr")
    assert code == 2
    assert "--lang fr:" in err
    assert "is written in en, id" in err
    assert run(capsys, "cohorts", "report", "demo", "demo", "--lang", "id")[0] == 0


def test_the_service_keeps_only_a_language_the_case_has(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        version = world.course.items[0].scenario_version
        with pytest.raises(ServiceError, match=r"is not written in 'fr': choose one of en, id"):
            attempts.start_attempt(session, world.trainee, version, course=world.course, language="fr")
        trainee_id, course_id, version_id = world.trainee.id, world.course.id, version.id
    opened = desktop.open_attempt(db, trainee_id, course_id, version_id, "ms")  # an app language the case lacks
    with db.reading() as session:
        assert session.get(Attempt, opened.attempt_id).language == "en"  # type: ignore[union-attr]
        assert courses.get_course(session, "demo").id == course_id
        assert accounts.get_user(session, "demo-trainee").id == trainee_id
