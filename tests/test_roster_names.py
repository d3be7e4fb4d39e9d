"""A roster that corrects a name: an account enrolled by its staff ID under another name takes the roster's name when the
person importing asks (the preview flags it: a corrected name or a wrong staff ID), audited as Edit account is; a
certificate already issued keeps the name it was issued with; a trainer cannot rename a staff account this way."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.records import BEST, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.cli import main
from tipcase.services import accounts, certificates, courses, roster, roster_names, trainer_desktop
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry, Certificate

# other-trainee is "Brigadir Andi Saputra" (90010111); HR spelt the name otherwise. 198703122010012003 is the registrar's NIP.
CORRECTED = "staff_id,full_name\n90010111,Andy Saputro\n98050123,Sari Wulandari\n198703122010012003,Dewi Anggreni\n"


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Database, Path]:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    init_keys(tmp_path / "home")
    sqlite_db = Database(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    sqlite_db.upgrade()
    with sqlite_db.transaction() as session:
        seed(session)
    play_through(sqlite_db, "other-trainee", BEST)
    with sqlite_db.transaction() as session:
        registrar, holder = accounts.get_user(session, "demo-registrar"), accounts.get_user(session, "other-trainee")
        certificates.issue(session, registrar, holder, courses.get_course(session, "demo"))
    path = tmp_path / "roster.csv"
    path.write_text(CORRECTED, encoding="utf-8")
    return sqlite_db, path


def name_of(db: Database, username: str) -> str:
    with db.reading() as session:
        return accounts.get_user(session, username).full_name


def test_the_preview_offers_only_the_names_that_differ(world: tuple[Database, Path]) -> None:
    db, path = world
    with db.reading() as session:
        preview = roster.read_roster(session, path)
    offered = [(row.existing, row.existing_name, row.full_name) for row in roster_names.name_corrections(preview)]
    assert offered == [  # demo-trainee's "Bripda Sari Wulandari" is the same person with her rank: not offered
        ("other-trainee", "Brigadir Andi Saputra", "Andy Saputro"),
        ("demo-registrar", "Dewi Anggraini, S.H.", "Dewi Anggreni"),
    ]


def test_asked_a_trainer_corrects_a_trainees_name_audited_and_the_certificate_keeps_its_own(world: tuple[Database, Path]) -> None:
    db, path = world
    with db.reading() as session:
        trainer_id = accounts.get_user(session, "demo-trainer").id
    result = trainer_desktop.import_roster(db, trainer_id, "demo", path, update_names=True)
    assert result is not None
    assert [(r.username, r.old, r.new) for r in result.renamed] == [("other-trainee", "Brigadir Andi Saputra", "Andy Saputro")]
    assert name_of(db, "other-trainee") == "Andy Saputro"
    assert name_of(db, "demo-registrar") == "Dewi Anggraini, S.H."  # a staff account: an administrator's to correct
    assert [str(line) for line in result.changed] == [
        "roster.csv:4: demo-registrar is a staff account: only an administrator corrects its name"
    ]
    with db.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "account edited")).one()
        assert entry.actor == "demo-trainer"
        assert entry.target == "other-trainee"
        assert entry.details["full_name"] == {"old": "Brigadir Andi Saputra", "new": "Andy Saputro"}
        assert entry.details["via"] == "roster roster.csv:2"
        issued = session.scalars(select(Certificate)).one()
        assert "Brigadir Andi Saputra" in str(issued.payload)  # issued before: it keeps the name it was issued with


def test_not_asked_nothing_is_renamed_and_an_administrator_may_rename_staff(world: tuple[Database, Path]) -> None:
    db, path = world
    with db.reading() as session:
        trainer_id, admin_id = accounts.get_user(session, "demo-trainer").id, accounts.get_user(session, "demo-admin").id
    result = trainer_desktop.import_roster(db, trainer_id, "demo", path)
    assert result is not None
    assert result.renamed == []
    assert name_of(db, "other-trainee") == "Brigadir Andi Saputra"
    result = trainer_desktop.import_roster(db, admin_id, "demo", path, update_names=True)
    assert result is not None
    assert {r.username for r in result.renamed} == {"other-trainee", "demo-registrar"}
    assert name_of(db, "demo-registrar") == "Dewi Anggreni"


def test_the_command_line_offers_then_corrects_with_update_names(world: tuple[Database, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, path = world
    url = str(db.engine.url)
    assert main(["--database", url, "cohorts", "import-roster", "demo", str(path)]) == 0
    said = capsys.readouterr().out
    assert "(named 'Brigadir Andi Saputra' there, not 'Andy Saputro': check the staff ID)" in said
    assert "2 accounts named otherwise than in the roster: check each staff ID; --update-names gives them the roster's names" in said
    assert main(["--database", url, "cohorts", "import-roster", "demo", str(path), "--yes", "--update-names"]) == 0
    said = capsys.readouterr().out
    assert "renamed other-trainee: 'Brigadir Andi Saputra' -> 'Andy Saputro'" in said
    assert name_of(db, "demo-registrar") == "Dewi Anggreni"  # the command line's operator administers
