"""Roster headers a ministry's spreadsheet uses: each Indonesian column name read as what it means, or named as not imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.records import seed
from tipcase.services import roster
from tipcase.store.database import Database


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'roster.sqlite3'}")
    database.upgrade()
    with database.transaction() as session:
        seed(session)
    return database


def test_a_position_column_is_not_read_as_rank(db: Database, tmp_path: Path) -> None:
    """Jabatan is a position (Kanit PPA, Penyidik Pembantu), not a rank: a police roster carries both."""
    path = tmp_path / "roster.csv"
    path.write_text("NRP;nama;pangkat;satuan;jabatan\n90010333;Siti Aminah;Bripda;Unit PPA;Penyidik Pembantu\n", encoding="utf-8")
    with db.reading() as session:
        preview = roster.read_roster(session, path)
    [row] = preview.rows
    assert not row.errors
    assert row.rank == "Bripda"
    assert row.unit == "Unit PPA"
    assert preview.ignored_columns == ["jabatan"]


def test_a_civil_servant_grade_is_read_as_rank(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("NIP,nama,golongan,instansi\n198501012010012001,Dewi Lestari,III/a,Dinas Tenaga Kerja\n", encoding="utf-8")
    with db.reading() as session:
        preview = roster.read_roster(session, path)
    [row] = preview.rows
    assert row.rank == "III/a"
    assert row.agency == "Dinas Tenaga Kerja"
    assert row.staff_id == "198501012010012001"  # 18 digits, kept whole (text in a CSV)
