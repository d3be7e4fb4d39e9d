"""Rosters as ministries' spreadsheets really produce them, and hostile ones: each refused row or file in one line.

The files in ../shared/testdata/inputs/roster-* are the smallest inputs found handled wrongly; each gives
the result its row of that folder's README asks for. The rest are the same kinds of fault, made here.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.records import seed
from tipcase.cli import main
from tipcase.services import accounts, courses, roster, sheet_reader, trainer_desktop
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import User

INPUTS = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "inputs"
LOST = "staff ID stored as a number, digits lost: format the column as Text"


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A migrated SQLite database for the tests of the readers alone (what the database holds does not matter to them)."""
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('reader') / 'r.sqlite3'}")
    database.upgrade()
    yield database
    database.dispose()


def preview_of(db: Database, path: Path) -> roster.RosterPreview:
    with db.reading() as session:
        return roster.read_roster(session, path)


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_nip_stored_as_a_number_is_refused_per_row_not_merged(db: Database) -> None:
    preview = preview_of(db, INPUTS / "roster-nip-as-number.xlsx")
    assert [(row.line, row.errors) for row in preview.rows] == [(2, [LOST]), (3, [LOST])]
    assert preview.rows[0].staff_id == "1.98501012010011E+17"  # as the spreadsheet shows it, not made-up digits
    assert preview.good == []


def test_every_identifier_a_number_cannot_hold_is_refused(reader: Database, tmp_path: Path) -> None:
    import datetime as dt

    path = xlsx(
        tmp_path / "ids.xlsx",
        [
            ["NIP", "nama", "username"],
            [198501012010011001, "Exact int from a script", None],  # 18 digits: Excel would keep 15
            [3201010101010001, "NIK-length number", None],  # 16 digits
            [900104440, "Nine digits is fine", None],
            [90010444.5, "Decimals", None],
            [dt.datetime(2020, 1, 2), "A date", None],
            ["1234", "Username as a long number", 6281234567890123],  # a phone number as a username
        ],
    )
    errors = [row.errors for row in preview_of(reader, path).rows]
    assert errors == [
        [LOST],
        [LOST],
        [],
        ["staff ID is stored as a number with decimals (9.00104e+07): format the column as Text"],
        ["staff ID is stored as a date or time: format the column as Text"],
        ["username stored as a number, digits lost: format the column as Text"],
    ]


def test_csv_from_excel_with_a_number_in_scientific_notation(reader: Database, tmp_path: Path) -> None:
    path = tmp_path / "nip.csv"
    path.write_text("NIP;Nama\n1,98501E+17;Yusuf Ramadhan\n198501012010011001;Lina Marpaung\n", encoding="utf-8")
    rows = preview_of(reader, path).rows
    assert rows[0].errors == ["staff ID 1,98501E+17 was saved as a number, digits lost: format the column as Text and export again"]
    assert (rows[1].staff_id, rows[1].errors) == ("198501012010011001", [])


def test_formula_cells_are_imported_as_text_with_a_warning(db: Database) -> None:
    path = INPUTS / "roster-formula-cells.csv"
    preview = preview_of(db, path)
    assert len(preview.good) == 5  # every name, rank, unit and agency that looks like a formula is imported as text
    warned = {(row.line, warning.split(" ", 1)[0]) for row in preview.rows for warning in row.warnings}
    assert warned == {
        (2, "name"), (2, "rank"), (2, "unit"), (2, "agency"), (3, "name"), (3, "unit"), (3, "agency"),
        (4, "name"), (5, "name"), (6, "name"), (7, "unit"),
    }  # fmt: skip
    # but '=1+1' is no staff ID: an NRP or NIP is digits (tipcase.services.person_fields), so that row is refused, saying why
    assert preview.report() == [f"{path}:7:1: staff ID =1+1: an NRP or NIP is written in digits only, and “=” (character 1) is not one"]
    assert preview.rows[4].full_name == "=1+1 Tab"  # the tab before it is gone, the warning stays
    assert f"{path}:6:2: warning: name '=1+1 Tab' starts like a spreadsheet formula: check it is meant as text" in preview.warning_lines()
    assert all("formula" in warning for row in preview.rows for warning in row.warnings)


def test_a_nul_byte_is_refused_in_the_preview_on_every_database(db: Database) -> None:
    path = INPUTS / "roster-nul-byte.csv"
    with db.transaction() as session:
        world = seed(session)
        preview = roster.read_roster(session, path)
        assert preview.report() == [f"{path}:2:2: name holds a control character (U+0000) at character 3: retype the cell"]
        result = roster.import_roster(session, world.trainer, courses.get_cohort(session, "demo"), preview)
    assert (result.created, result.skipped) == ([], 1)  # nothing reaches PostgreSQL, which would refuse it


def test_invisible_and_control_characters_and_overlong_values(reader: Database, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(
        'staff_id,full_name,unit\n1,"Sri\nWahyuni",PPA\n2,Dewi\u202eLestari,PPA\n3,Ok,' + "U" * 201 + "\n4,\x1b[2JAndi,PPA\n",
        encoding="utf-8",
    )
    assert [row.errors for row in preview_of(reader, path).rows] == [
        ["name holds a control character (U+000A) at character 4: retype the cell"],
        ["name holds an invisible character (U+202E) at character 5: retype the cell"],
        ["unit is longer than 200 characters"],
        ["name holds a control character (U+001B) at character 1: retype the cell"],
    ]


def test_a_formula_that_failed_is_refused_not_imported_as_a_person(reader: Database, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["staff_id", "full_name", "unit"])
    sheet.append(["#REF!", "Budi", "PPA"])  # what openpyxl reads from an error cell (t="e"), as a CSV export writes it
    sheet.append(["90000001", "#N/A", "PPA"])
    sheet.append(["90000002", "Sari", "Err:502"])
    sheet.append(["90000003", "Dewi #REF! Lestari", "PPA"])  # only a whole cell is an error
    book.save(tmp_path / "errors.xlsx")
    assert [row.errors for row in preview_of(reader, tmp_path / "errors.xlsx").rows] == [
        ["staff ID is the spreadsheet error #REF!: a formula there failed; type the value"],
        ["name is the spreadsheet error #N/A: a formula there failed; type the value"],
        ["unit is the spreadsheet error Err:502: a formula there failed; type the value"],
        [],
    ]


def test_excel_sep_line_names_the_delimiter(reader: Database, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("sep=;\r\nNIP;Nama;Catatan, lain\r\n90010222;Sri, Wahyuni;x\r\n".encode("utf-8-sig"))
    preview = preview_of(reader, path)
    assert [(row.line, row.staff_id, row.full_name) for row in preview.rows] == [(3, "90010222", "Sri, Wahyuni")]
    assert preview.ignored_columns == ["Catatan, lain"]  # named in the preview, not dropped silently


def test_utf16_tab_separated_text_from_excel(reader: Database, tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("staff_id\tfull_name\r\n90010222\tSri Wahyuni\r\n".encode("utf-16"))
    assert [(row.staff_id, row.full_name) for row in preview_of(reader, path).rows] == [("90010222", "Sri Wahyuni")]


def test_a_10_mb_cell_is_refused_in_one_line_naming_the_limit(reader: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("staff_id,full_name\n1,Sri\n2," + "x" * 10_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ServiceError, match=rf"^{path}:3: a cell longer than 32,767 characters, the most a cell holds$"):
        preview_of(reader, path)
    cell = '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>' + "y" * 40_000 + "</t></is></c></row>"
    book = workbook_with_sheet(tmp_path / "big.xlsx", SHEET.format(HEADER + cell))
    with pytest.raises(ServiceError, match="a cell longer than 32,767 characters, the most a cell holds"):
        preview_of(reader, book)


def test_a_line_of_a_million_delimiters_is_refused_at_once(reader: Database, tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("staff_id,full_name\n1," + "ab," * 1_000_000 + "\n", encoding="utf-8")
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ServiceError, match=r"wide.csv:2: more than 256 columns, the most a roster row may have"):
        preview_of(reader, path)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 5
    assert peak < 40 * 2**20  # the 3 MB line, not a list of a million cells


def deflated_bomb(path: Path, member: str, unpacked: int) -> Path:
    """A container whose one part inflates to ``unpacked`` bytes of zeros (compressed about 1,000 times)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(member, "w", force_zip64=True) as part:
        block = b"\0" * 2**20
        for _ in range(unpacked // 2**20):
            part.write(block)
    return path


def test_zip_bombs_are_refused_without_inflating(reader: Database, tmp_path: Path) -> None:
    bomb = deflated_bomb(tmp_path / "bomb.xlsx", "xl/sharedStrings.xml", 65 * 2**20)
    assert bomb.stat().st_size < 2**20
    tracemalloc.start()
    with pytest.raises(ServiceError, match=r"part xl/sharedStrings.xml unpacks to more than 64 MB, the limit"):
        preview_of(reader, bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * 2**20  # streamed and stopped at the limit, never the 65 MB held at once
    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(many, "w") as archive:
        for n in range(1_001):
            archive.writestr(f"x/{n}.xml", "<a/>")
    with pytest.raises(ServiceError, match=r"more than 1,000 parts"):
        preview_of(reader, many)


def workbook_with_sheet(path: Path, sheet_xml: str) -> Path:
    """A real workbook whose first worksheet's XML is replaced."""
    xlsx(path.with_suffix(".orig.xlsx"), [["staff_id", "full_name"], [1, "A"]])
    with zipfile.ZipFile(path.with_suffix(".orig.xlsx")) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = sheet_xml.encode() if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            target.writestr(info.filename, data)
    return path


SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData></worksheet>'
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>staff_id</t></is></c><c r="B1" t="inlineStr"><is><t>full_name</t></is></c></row>'


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (HEADER + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>', r"x.xlsx:1048576: more than 50,000 rows"),
        (HEADER + '<row r="2">' + '<c r="A2"/>' * 20_000 + "</row>", r"x.xlsx:2: more than 16,384 cells in a row"),
        (HEADER + '<row r="2"><c r="ZZ2"><v>1</v></c></row>', r"x.xlsx:2: a value beyond column 256"),
        (HEADER + "<row>" * 100 + "</row>" * 100, r"XML nested deeper than 64 levels"),
        # rows openpyxl would skip, or stop reading at, without a word (the data rows vanished: "0 row(s) ready")
        (HEADER + '<row r="-5"><c r="A2"><v>1</v></c></row>', r"x.xlsx: a worksheet row numbered '-5' after row 1"),
        (HEADER + '<row r="99999999999"><c r="A2"><v>1</v></c></row>', r"row numbered '99999999999' after row 1"),
        (HEADER + '<row r="\u00b2"><c r="A2"><v>1</v></c></row>', r"row numbered '\u00b2' after row 1"),  # was a ValueError
        ('<row r="3"><c r="A3"><v>1</v></c></row>' + HEADER, r"row numbered '1' after row 3; a workbook numbers its rows in order"),
    ],
)
def test_hostile_worksheets_are_refused_in_one_line(reader: Database, tmp_path: Path, rows: str, message: str) -> None:
    path = workbook_with_sheet(tmp_path / "x.xlsx", SHEET.format(rows))
    with pytest.raises(ServiceError, match=message):
        preview_of(reader, path)


def test_entities_are_refused(reader: Database, tmp_path: Path) -> None:
    laughs = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData/></worksheet>'
    path = workbook_with_sheet(tmp_path / "x.xlsx", laughs)
    with pytest.raises(ServiceError, match="declares a document type, which a workbook never does"):
        preview_of(reader, path)


def test_other_files_are_named_for_what_they_are(reader: Database, tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ServiceError, match=r"an old Excel \(.xls\) workbook: save it as .xlsx, or as 'CSV UTF-8'"):
        preview_of(reader, old)
    renamed = xlsx(tmp_path / "roster.csv", [["staff_id", "full_name"], ["1", "Sri"]])  # a workbook saved with .csv
    assert [row.full_name for row in preview_of(reader, renamed).rows] == ["Sri"]
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"staff_id,full_name\n1,Sri\n2,Jos\xe9\n")
    with pytest.raises(ServiceError, match=r"latin.csv:3: not UTF-8 text \(save the roster as 'CSV UTF-8'\)"):
        preview_of(reader, latin)
    twice = tmp_path / "twice.csv"
    twice.write_text("NIP,nama,nama lengkap\n1,A,B\n", encoding="utf-8")
    with pytest.raises(ServiceError, match=r"twice.csv:1: two columns mean name"):
        preview_of(reader, twice)


def test_passwords_are_hashed_while_others_keep_writing(tmp_path: Path) -> None:
    """The import's hashing holds no lock: a trainee's decision (any write) goes through meanwhile, at once."""
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        trainer_id = seed(session).trainer.id
    path = tmp_path / "r.csv"
    path.write_text("staff_id,full_name\n" + "".join(f"{n},Trainee {n}\n" for n in range(1, 6)), encoding="utf-8")
    other = Database(url)
    waits: list[float] = []

    def meanwhile(done: int, total: int) -> None:
        start = time.perf_counter()
        with other.transaction() as session:  # BEGIN IMMEDIATE: waits for any write lock
            accounts.get_user(session, "demo-trainee").failed_sign_ins = done
        waits.append(time.perf_counter() - start)

    result = trainer_desktop.import_roster(db, trainer_id, "demo", path, progress=meanwhile)
    assert len(result.created) == 5
    assert len(waits) == 5
    assert max(waits) < 5.0  # never waited for the importer (its lock would hold this write for the 15 s busy timeout)
    other.dispose()
    db.dispose()


def test_what_changed_since_the_preview_is_rechecked(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("staff_id,full_name\n1,Sri Wahyuni\n2,Dewi Lestari\n", encoding="utf-8")
    with db.transaction() as session:
        world = seed(session)
        preview = roster.read_roster(session, path)
        prepared = roster.prepare_accounts(world.trainer, preview)
    with db.transaction() as session:  # meanwhile, another trainer creates one of the accounts by hand
        accounts.create_user(session, accounts.NewUser("dewi.2", "Dewi Lestari", staff_id="2"), "a-password")
        accounts.create_user(session, accounts.NewUser("sri.1", "Someone else"), "a-password")
    with db.transaction() as session:
        result = roster.import_roster(session, world.trainer, courses.get_cohort(session, "demo"), preview, prepared)
    assert result.added_existing == ["dewi.2"]
    assert result.created == []
    assert result.changed == [
        f"{path}:3: staff ID 2 has an account since the preview: added dewi.2",
        f"{path}:2: username sri.1 was taken since the preview: skipped",
    ]
    with db.reading() as session:
        assert session.scalars(select(User.full_name).where(User.username == "sri.1")).one() == "Someone else"


def test_cli_shows_control_characters_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    path = tmp_path / "r.csv"
    path.write_bytes(b"staff_id,full_name\n1,\x1b]0;pwned\x07Sri\n")
    assert main(["cohorts", "create", "c1", "Cohort one"]) == 0
    assert main(["cohorts", "import-roster", "c1", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    assert "\\u001b]0;pwned\\u0007Sri" in out


def test_a_roster_beyond_the_row_limit_is_refused(reader: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster, "MAX_ROWS", 3)
    path = tmp_path / "r.csv"
    path.write_text("staff_id,full_name\n" + "".join(f"{n},T {n}\n" for n in range(1, 5)), encoding="utf-8")
    with pytest.raises(ServiceError, match=r"r.csv:5: more than 3 rows, the most a roster may have: split it"):
        preview_of(reader, path)
    assert sheet_reader.MAX_ROWS == 50_000


def test_reading_is_linear_in_the_input(tmp_path: Path) -> None:
    """Four times the rows cost about four times the work (never the square), CSV and XLSX.

    The work is counted, not timed (a timing swings with whatever else the machine runs): every Python
    and built-in function call the preview makes. ``make bench`` times the same growth.
    """
    db = Database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    db.upgrade()

    def work(path: Path) -> int:
        calls = 0

        def count(_frame: object, event: str, _arg: object) -> None:
            nonlocal calls
            if event in ("call", "c_call"):
                calls += 1

        sys.setprofile(count)
        try:
            preview_of(db, path)
        finally:
            sys.setprofile(None)
        return calls

    for kind in ("csv", "xlsx"):
        small, large = tmp_path / f"s.{kind}", tmp_path / f"l.{kind}"
        for path, count in ((small, 250), (large, 1_000)):
            rows = [["staff_id", "full_name", "unit"]] + [[str(90_000_000 + n), f"Trainee {n}", "PPA"] for n in range(count)]
            if kind == "csv":
                path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
            else:
                xlsx(path, rows)  # type: ignore[arg-type]
        work(small)  # caches warmed (compiled statements, imports) as a long-running app has them
        ratio = work(large) / work(small)
        assert ratio < 4 * 1.25, f"{kind}: 4x the rows took {ratio:.2f}x the function calls"
    db.dispose()


def test_cancelling_while_hashing_imports_nothing(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        trainer_id = seed(session).trainer.id
    with db.reading() as session:
        before = len(session.scalars(select(User.id)).all())
    path = tmp_path / "r.csv"
    path.write_text("staff_id,full_name\n" + "".join(f"{n},Trainee {n}\n" for n in range(1, 40)), encoding="utf-8")
    reports: list[int] = []
    result = trainer_desktop.import_roster(
        db, trainer_id, "demo", path, progress=lambda done, _total: reports.append(done), cancelled=lambda: len(reports) >= 4
    )
    assert result is None
    assert 4 <= len(reports) < 39  # stopped early
    with db.reading() as session:
        assert len(session.scalars(select(User.id)).all()) == before  # not one account written
    db.dispose()
