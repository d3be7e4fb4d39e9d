"""Fuzzing the roster readers (CSV and XLSX): any bytes give a preview or one clear refusal, in bounded time and memory.

CSV input is generated from the pieces real and hostile files are made of (quotes, delimiters, ``sep=``
lines, byte-order marks, control characters, numbers in scientific notation, formula starts, stray
bytes); XLSX input is mutations of real workbooks: flipped bytes in the container, and text inserted,
cut or replaced in its worksheet and shared-strings XML. Every example must end in a ``RosterPreview``
or a ``ServiceError`` within the deadline and a memory ceiling; anything else is an internal error.
"""

from __future__ import annotations

import codecs
import io
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipcase.services import roster
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database

INPUTS = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "inputs"
PEAK_BYTES = 64 * 2**20
FUZZ = settings(max_examples=120, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.sqlite3'}")
    database.upgrade()
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("inputs")


def read_within_bounds(db: Database, path: Path) -> None:
    """The reader ends in a preview or a ServiceError, allocating less than PEAK_BYTES on the way."""
    tracemalloc.start()
    try:
        with db.reading() as session:
            try:
                preview = roster.read_roster(session, path)
            except ServiceError as refused:
                message = str(refused)
                assert "\n" not in message.strip(), message  # one line
                assert message.startswith(str(path)), message  # naming the file
            else:
                for row in preview.rows:
                    assert row.line >= 1
                    assert isinstance(row.staff_id, str)
                    assert isinstance(row.full_name, str)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BYTES, f"{peak / 2**20:.0f} MiB"


PIECES = [
    "staff_id", "full_name", "NIP", "nama", "username", "unit", ",", ";", "\t", "|", '"', '""', "\n", "\r\n", "\r",
    "sep=;\n", "sep=,\n", "sep=", "\ufeff", "\x00", "\x1b", "\u202e", "=1+1", "+62", "-", "@SUM(A1)", "1.98501E+17",
    "198501012010011001", "90010222", "Sri Wahyuni", "é", "\ud7ff", " ", "x" * 300,
]  # fmt: skip


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    text = "".join(draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=80)))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1-ish"]))
    if encoding == "latin-1-ish":
        data = text.encode("utf-8", "replace") + draw(st.binary(max_size=8))
    else:
        data = text.encode(encoding, "surrogatepass")
    if draw(st.booleans()):
        data = draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b""])) + data
    return data


@FUZZ
@given(data=csv_bytes())
def test_csv_fuzz(db: Database, scratch: Path, data: bytes) -> None:
    path = scratch / "fuzz.csv"
    path.write_bytes(data)
    read_within_bounds(db, path)


@FUZZ
@given(data=st.binary(max_size=4096))
def test_any_bytes_fuzz(db: Database, scratch: Path, data: bytes) -> None:
    path = scratch / "bytes.csv"
    path.write_bytes(data)
    read_within_bounds(db, path)


def base_workbooks() -> list[bytes]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["NIP", "nama", "pangkat"], [198501012010011001, "Yusuf", "=1+1"], ["90010222", "Sri_x0000_", None], [1.5, None, "x"]):
        sheet.append(row)
    made = io.BytesIO()
    book.save(made)
    return [made.getvalue(), (INPUTS / "roster-nip-as-number.xlsx").read_bytes()]


BASES = base_workbooks()
XML_PIECES = [
    "<", ">", "/>", "</c>", "<c r=\"A9\">", "<v>", "</v>", "<row r=\"3\">", "</row>", 't="s"', 't="inlineStr"', "<is><t>",
    "<v>1e400</v>", "<v>NaN</v>", "<v>99999999999999999999</v>", "&amp;", "&#0;", "_x0000_", "<!DOCTYPE x>", "r=\"XFD1\"",
    "r=\"A1048576\"", "<f>SUM(A1)</f>", 't="b"', 't="e"', 't="d"', "<v>2020-13-45</v>", "\"", "x" * 50,
]  # fmt: skip


def repack(base: bytes, edit: dict[str, bytes]) -> bytes:
    made = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, edit.get(info.filename, source.read(info)))
    return made.getvalue()


@st.composite
def mutated_workbooks(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from(BASES))
    if draw(st.booleans()):  # flip bytes anywhere in the container
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        names = [n for n in archive.namelist() if n.endswith(".xml")]
        name = draw(st.sampled_from([n for n in names if "sheet" in n or "sharedStrings" in n or "workbook" in n]))
        text = archive.read(name).decode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 20))
        text = text[:at] + draw(st.sampled_from(XML_PIECES) | st.text(max_size=5)) + text[at + cut :]
    return repack(base, {name: text.encode("utf-8", "surrogatepass")})


@FUZZ
@given(data=mutated_workbooks())
def test_xlsx_fuzz(db: Database, scratch: Path, data: bytes) -> None:
    path = scratch / "fuzz.xlsx"
    path.write_bytes(data)
    read_within_bounds(db, path)
