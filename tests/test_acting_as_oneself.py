"""People act only as themselves: ``record --user`` needs that user's password, a course attempt needs
membership of a cohort that takes the course, and a username typed at sign-in that names no account is
audited without its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.records import BEST, CASE, seed
from tipcase.cli import main
from tipcase.services import accounts, attempts, courses, desktop
from tipcase.services.errors import PermissionDenied, SignInError
from tipcase.store.database import Database
from tipcase.store.models import Attempt, AuditEntry, User


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TIPCASE_PASSWORD", raising=False)
    assert main(["demo"]) == 0
    return tmp_path / "home"


def _record(*extra: str) -> list[str]:
    return ["record", str(CASE), "--user", "demo-trainee", "--course", "demo", "--choose", ",".join(map(str, BEST)), *extra]


def _audit(home: Path) -> list[tuple[str | None, str, str | None, dict[str, object]]]:
    """(actor, action, target, details) of every audit entry."""
    db = Database(f"sqlite:///{home / 'tipcase.sqlite3'}")
    try:
        with db.reading() as session:
            return [(e.actor, e.action, e.target, e.details) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    finally:
        db.dispose()


def _attempt_count(home: Path) -> int:
    """demo-trainee's attempts (the demo's graduate has one of her own)."""
    db = Database(f"sqlite:///{home / 'tipcase.sqlite3'}")
    try:
        with db.reading() as session:
            return len(session.scalars(select(Attempt.id).join(User).where(User.username == "demo-trainee")).all())
    finally:
        db.dispose()


def test_record_needs_the_users_password(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    capsys.readouterr()
    # No terminal and no TIPCASE_PASSWORD: one line, a usage error, nothing stored.
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(_record()) == 2
    assert capsys.readouterr().err == (
        "tipcase: error: --user demo-trainee: give their password at a terminal, or in TIPCASE_PASSWORD for a script\n"
    )
    # A wrong password: exit 4, one line, audited as a failed sign-in from the command line, nothing stored.
    monkeypatch.setenv("TIPCASE_PASSWORD", "not-her-password")
    assert main(_record()) == 4
    assert capsys.readouterr().err == "tipcase: error: --user demo-trainee: wrong username or password\n"
    assert _audit(home)[-1] == (None, "sign-in failed", "demo-trainee", {"reason": "wrong password", "via": "cli record"})
    assert _attempt_count(home) == 0
    # Her password: the attempt is stored, and the sign-in audited.
    monkeypatch.setenv("TIPCASE_PASSWORD", "demo-trainee")
    assert main(_record()) == 0
    assert json.loads(capsys.readouterr().out)["passed"] is True
    assert [e for e in _audit(home) if e[1] == "signed in"] == [("demo-trainee", "signed in", "demo-trainee", {"via": "cli record"})]


def test_record_asks_for_the_password_at_a_terminal(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return "demo-trainee"

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(_record()) == 0
    assert asked == ["Password for demo-trainee: "]


def test_five_wrong_passwords_lock_the_account_for_the_command_line_too(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIPCASE_PASSWORD", "guess-guess")
    for _ in range(5):
        assert main(_record()) == 4
    monkeypatch.setenv("TIPCASE_PASSWORD", "demo-trainee")
    assert main(_record()) == 4
    assert "locked" in capsys.readouterr().err
    assert _attempt_count(home) == 0


def test_a_course_attempt_needs_membership_of_a_cohort_that_takes_the_course(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        version = world.course.items[0].scenario_version
        for outsider in (world.trainer, world.registrar, world.admin):  # staff see every course, but are not in its cohort
            with pytest.raises(PermissionDenied, match="not a member of a cohort that takes course demo"):
                attempts.start_attempt(session, outsider, version, course=world.course)
        attempts.start_attempt(session, world.trainee, version, course=world.course)
        # Practice outside any course stays open to everyone who plays.
        attempts.start_attempt(session, world.trainer, version)
        # A member of a cohort the course is not assigned to is no member of the course.
        other = courses.create_cohort(session, None, "other", "Another cohort")
        courses.add_members(session, None, other, [world.trainer])
        with pytest.raises(PermissionDenied):
            attempts.start_attempt(session, world.trainer, version, course=world.course)
        courses.assign_course(session, None, other, world.course)
        assert attempts.start_attempt(session, world.trainer, version, course=world.course).course_id == world.course.id
        trainer_id, registrar_id = world.trainer.id, world.registrar.id
    # The app's home offers only the courses a person may start.
    assert [c.code for c in desktop.home(db, trainer_id)] == ["demo"]
    assert desktop.home(db, registrar_id) == []
    with pytest.raises(PermissionDenied):
        desktop.open_attempt(db, registrar_id, world.course.id, version.id, "en")


def test_an_unknown_username_is_audited_without_its_text(db: Database) -> None:
    typed = "Sup3r-Secret-Passw0rd"  # a password typed into the username field
    with db.transaction() as session:
        seed(session)
    with db.session() as session:
        with pytest.raises(SignInError, match="wrong username or password"):
            accounts.sign_in(session, typed, "anything")
        session.commit()
    with db.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert (entry.action, entry.actor, entry.target) == ("sign-in failed", None, None)
        assert entry.details == {"reason": "unknown account", "via": "app"}
        stored = json.dumps([[e.actor, e.action, e.target, e.details] for e in session.scalars(select(AuditEntry))])
    assert typed not in stored
    assert typed.lower() not in stored.lower()
