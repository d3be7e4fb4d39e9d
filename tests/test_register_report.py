"""The register report prints the records' text as typed: a name or a reason is never read as markup."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from pathlib import Path

from tipcase.certificates.register_report import RegisterRow, write


def test_markup_in_a_name_or_reason_prints_as_typed(tmp_path: Path) -> None:
    hostile = RegisterRow(
        "TC-00000000-2026-000001", "ABCDEFGHJKMN", '<font color="white">Sari</font> & <b', "Bripda", "95120345",
        "Unit PPA", "demo", "2026-01-02", "", "revoked", "2026-02-03", "wrong <i>officer</i>",
    )  # fmt: skip
    target = tmp_path / "register.pdf"
    write([hostile], target, period=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), institution="Pusdik <Reskrim> & co", audit_entries=3)
    printed = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(printed.split())  # table cells wrap: compare the words in order
    assert '<font color="white">Sari</font> & <b' in text
    assert "Pusdik <Reskrim> & co" in text
    assert "wrong <i>officer</i>" in text
    assert "1 certificate / sertifikat, 1 revoked / dicabut." in text


def test_the_columns_and_statuses_follow_the_language_asked_for(tmp_path: Path) -> None:
    """A ministry in Jakarta asks for the register in Bahasa Indonesia: the headers and statuses are Indonesian, in every format."""
    from openpyxl import load_workbook

    from tipcase.certificates.register_report import headers

    row = RegisterRow(
        "TC-00000000-2026-000001", "ABCDEFGHJKMN", "Sari Wulandari", "Bripda", "95120345",
        "Unit PPA", "demo", "2026-01-02", "", "revoked", "2026-02-03", "salah orang",
    )  # fmt: skip
    period = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    indonesian = headers("id")
    assert headers("en")[:3] == ["Serial", "Verification code", "Name"]
    assert {"Nama", "Status"} <= set(indonesian)
    assert not {"Name", "Reason"} & set(indonesian)
    for suffix in ("csv", "xlsx", "pdf"):
        write([row], tmp_path / f"register.{suffix}", period=period, institution="Pusdik", audit_entries=1, language="id")
    table = list(csv.reader(io.StringIO((tmp_path / "register.csv").read_text(encoding="utf-8-sig"))))
    assert table[0] == indonesian
    assert table[1][9] == "dicabut"
    sheet = load_workbook(tmp_path / "register.xlsx").active
    assert [cell.value for cell in sheet[2]] == indonesian
    assert sheet.cell(row=3, column=10).value == "dicabut"
    assert "sertifikat" in str(sheet.cell(row=1, column=1).value)
    printed = " ".join(
        subprocess.run(["pdftotext", str(tmp_path / "register.pdf"), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "Kode verifikasi" in printed
    assert "Verification code" not in printed
    write([row], tmp_path / "english.csv", period=period, institution="Pusdik", audit_entries=1)
    assert next(csv.reader(io.StringIO((tmp_path / "english.csv").read_text(encoding="utf-8-sig"))))[:3] == [
        "Serial",
        "Verification code",
        "Name",
    ]


def test_the_command_line_exports_in_the_language_of_lang(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.records import seed
    from tipcase.cli import main
    from tipcase.store.database import Database

    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        seed(session)
    db.dispose()
    out = tmp_path / "register.csv"
    assert (
        main(["--database", url, "register", "export", "--from", "2020-01-01", "--to", "2099-12-31", "-o", str(out), "--lang", "id"]) == 0
    )
    assert next(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[:3] == ["Nomor seri", "Kode verifikasi", "Nama"]
