"""Cohort rosters from CSV and XLSX: a preview with a per-row error report, then an import only on confirmation."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.records import seed
from tipcase.cli import main
from tipcase.services import accounts, courses, roster
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry, Role, User

# Indonesian headers, semicolons, a byte-order mark (as Excel writes "CSV UTF-8"), a blank line.
ROSTER_CSV = (
    "\ufeffNRP;Nama;Pangkat;Satuan;Instansi\n"
    "90010222;Sri Wahyuni;Bripka;PPA Polda NTT;Polri\n"
    "90010111;Andi Saputra;Brigadir;PPA Polres Kupang;Polri\n"
    ";Tanpa Nomor;Bripda;;Polri\n"
    "\n"
    "90010222;Sri Wahyuni (again);Bripka;;Polri\n"
    "90010333;Dewi Lestari;;Imigrasi Soekarno-Hatta;Ditjen Imigrasi\n"
)


def user_count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count(User.id))) or 0)


def test_preview_reports_every_row_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "angkatan.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    with db.transaction() as session:
        seed(session)
    before = user_count(db)
    with db.transaction() as session:
        preview = roster.read_roster(session, path)
    assert [(row.line, row.action) for row in preview.rows] == [
        (2, "create trainee account"),
        (3, "add existing account"),
        (4, "error"),
        (6, "error"),
        (7, "create trainee account"),
    ]
    assert preview.rows[0].username == "sri.90010222"
    assert preview.rows[0].rank == "Bripka"
    assert preview.rows[1].existing == "other-trainee"
    assert preview.report() == [f"{path}:4:1: no staff ID", f"{path}:6:1: staff ID 90010222 is also on line 2"]  # row:column
    assert user_count(db) == before


def test_import_creates_trainees_adds_existing_and_skips_errors(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "angkatan.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    with db.transaction() as session:
        world = seed(session)
        cohort = courses.create_cohort(session, world.trainer, "ntt-2026", "NTT investigators 2026")
        preview = roster.read_roster(session, path)
        result = roster.import_roster(session, world.trainer, cohort, preview)
    assert [username for username, _ in result.created] == ["sri.90010222", "dewi.90010333"]
    assert result.added_existing == ["other-trainee"]
    assert result.skipped == 2
    with db.transaction() as session:
        members = sorted(u.username for u in courses.get_cohort(session, "ntt-2026").members)
        assert members == ["dewi.90010333", "other-trainee", "sri.90010222"]
        sri = accounts.get_user(session, "sri.90010222")
        assert (sri.role, sri.staff_id, sri.unit, sri.agency) == (Role.TRAINEE.value, "90010222", "PPA Polda NTT", "Polri")
        assert accounts.sign_in(session, "sri.90010222", dict(result.created)["sri.90010222"]).username == "sri.90010222"
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "roster imported")).one()
        assert entry.target == "ntt-2026"


def test_xlsx_roster_with_numeric_staff_ids(db: Database, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["staff_id", "full_name", "username", "agency"])
    sheet.append([90010444, "Made Wirawan", "made.w", "Disnaker"])
    sheet.append([None, None, None, None])
    sheet.append([90010555, "Ni Luh Putu", "made.w", "Disnaker"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    with db.transaction() as session:
        seed(session)
        preview = roster.read_roster(session, path)
    assert [(row.line, row.staff_id, row.action) for row in preview.rows] == [
        (2, "90010444", "create trainee account"),
        (4, "90010555", "error"),
    ]
    assert preview.rows[1].errors == ["username made.w is also on line 2"]


def test_only_trainers_and_admins_import_rosters(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("staff_id,full_name\n1,A B\n", encoding="utf-8")
    with db.transaction() as session:
        world = seed(session)
        cohort = courses.get_cohort(session, "demo")
        preview = roster.read_roster(session, path)
        for actor in (world.trainee, world.registrar):
            with pytest.raises(PermissionDenied):
                roster.import_roster(session, actor, cohort, preview)


def test_unusable_files_fail_with_one_line(db: Database, tmp_path: Path) -> None:
    no_header = tmp_path / "names.csv"
    no_header.write_text("name,unit\nA,B\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(b"staff_id,full_name\n1,Jos\xe9\n")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    with db.transaction() as session:
        with pytest.raises(ServiceError, match=r"names.csv:1: the header row needs a 'staff_id' column"):
            roster.read_roster(session, no_header)
        with pytest.raises(ServiceError, match="not UTF-8"):
            roster.read_roster(session, latin1)
        with pytest.raises(ServiceError, match="not a readable XLSX workbook"):
            roster.read_roster(session, fake)


def test_cli_previews_then_imports_with_yes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    path = tmp_path / "angkatan.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    assert main(["cohorts", "create", "ntt-2026", "NTT investigators 2026"]) == 0
    assert main(["cohorts", "import-roster", "ntt-2026", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "3 rows ready, 2 with errors" in out
    assert "nothing imported" in out
    assert f"{path}:4:1: no staff ID" in err
    assert main(["users", "list", "--json"]) == 0
    assert "sri.90010222" not in capsys.readouterr().out
    passwords = tmp_path / "passwords.csv"
    assert main(["cohorts", "import-roster", "ntt-2026", str(path), "--yes", "--passwords", str(passwords)]) == 0
    assert "3 new accounts, 0 existing, 2 skipped" in capsys.readouterr().out
    assert passwords.stat().st_mode & 0o777 == 0o600  # readable by its owner only
    lines = list(csv.reader(passwords.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0] == ["username", "password"]
    assert [line[0] for line in lines[1:]] == ["sri.90010222", "andi.90010111", "dewi.90010333"]
    assert main(["cohorts", "import-roster", "no-such-cohort", str(path)]) == 1
