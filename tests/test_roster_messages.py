"""What a roster file that is odd or damaged is told: one plain line that says where (sheet!cell, or line) and what.

What a trainer relies on: no Python error ever reaches the preview ("ValueError: cannot convert float NaN",
"KeyError: [Content_Types].xml"); a workbook whose only filled sheet is the second is read; Excel's
``sep=`` line with no delimiter and UTF-16 text saved without a byte-order mark are named or read as
they are meant.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tipcase.services.sheet_reader import TableError, read_rows

SHEET = "xl/worksheets/sheet1.xml"
AGAIN = "(retype the cell, or save the workbook again from a spreadsheet)"
SAVE = "(save it again from a spreadsheet)"


def _workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Peserta 1"
    sheet.append(["NIP", "Nama"])
    sheet.append(["198501012010011001", "Sri Wahyuni"])
    sheet.append([12345, "Budi"])
    path = tmp_path / "good.xlsx"
    book.save(path)
    return path


def _mutated(tmp_path: Path, part: str | None = None, edit: Callable[[str], str] = str, drop: str | None = None) -> Path:
    source = zipfile.ZipFile(_workbook(tmp_path))
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name in source.namelist():
            if name != drop:
                data = source.read(name)
                archive.writestr(name, edit(data.decode()).encode() if name == part else data)
    return path


def _cell(old: str, new: str) -> Callable[[str], str]:
    def edit(xml: str) -> str:
        assert old in xml
        return xml.replace(old, new)

    return edit


NUMBER = '<c r="A3" t="n"><v>12345</v>'


@pytest.mark.parametrize(
    ("part", "edit", "drop", "said"),
    [
        (SHEET, _cell(NUMBER, '<c r="A3" t="n"><v>NaN</v>'), None, f"'Peserta 1'!A3: 'NaN' is stored as a number but is none {AGAIN}"),
        (
            SHEET,
            _cell(NUMBER, '<c r="A3"><v>1e999</v>'),
            None,
            f"'Peserta 1'!A3: the number 1e999 is beyond what a spreadsheet holds {AGAIN}",
        ),
        (
            SHEET,
            _cell(NUMBER, '<c r="A3" t="n"><v>' + "9" * 5000 + "</v>"),
            None,
            f"'Peserta 1'!A3: a number of 5,000 characters, more than a spreadsheet writes {AGAIN}",
        ),
        (
            SHEET,
            _cell(NUMBER, '<c r="A3" t="b"><v>7</v>'),
            None,
            f"'Peserta 1'!A3: '7' is stored as TRUE/FALSE but is neither {AGAIN}",
        ),
        (SHEET, _cell(NUMBER, '<c r="A3" t="d"><v>soon</v>'), None, f"'Peserta 1'!A3: 'soon' is stored as a date but is none {AGAIN}"),
        (
            SHEET,
            _cell(NUMBER, '<c r="A3" t="s"><v>4</v>'),
            None,
            f"'Peserta 1'!A3: refers to shared text number '4', which the workbook does not have {AGAIN}",
        ),
        (
            SHEET,
            _cell(NUMBER, '<c r="A3" t="x"><v>1</v>'),
            None,
            f"'Peserta 1'!A3: a cell type 'x' that no spreadsheet writes {AGAIN}",
        ),
        (SHEET, _cell('r="A3"', 'r="A!3"'), None, "'Peserta 1'!A3: the cell reference 'A!3' is not a column and a row"),
        (
            None,
            str,
            "[Content_Types].xml",
            f"not a readable XLSX workbook: it has no part [Content_Types].xml {SAVE}",
        ),
        (None, str, "xl/workbook.xml", f"not a readable XLSX workbook: it has no part xl/workbook.xml {SAVE}"),
        (None, str, SHEET, f"the workbook's sheet 'Peserta 1' has no worksheet part {SAVE}"),
    ],
    ids=["nan", "infinite", "5000-digits", "bool", "date", "shared-text", "cell-type", "reference", "content-types", "workbook", "sheet"],
)
def test_a_damaged_workbook_is_one_plain_line_naming_the_sheet_and_cell(
    tmp_path: Path, part: str | None, edit: Callable[[str], str], drop: str | None, said: str
) -> None:
    path = _mutated(tmp_path, part, edit, drop)
    with pytest.raises(TableError) as refused:
        list(read_rows(path))
    assert str(refused.value) == f"{path}: {said}"
    assert "Error" not in str(refused.value)


def test_the_roster_on_the_only_filled_sheet_is_read_wherever_it_is(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    assert book.active is not None
    book.active.title = "Petunjuk"  # an empty first sheet
    roster = book.create_sheet("Peserta")
    roster.append(["NIP", "Nama"])
    roster.append(["90010111", "Sri"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    assert [row.cells for row in read_rows(path)] == [("NIP", "Nama"), ("90010111", "Sri")]


@pytest.mark.parametrize("line", ["sep=\n", "sep=\r\n", "sep=ab\n", "sep=x\n"])
def test_an_excel_sep_line_that_names_no_delimiter_says_so(tmp_path: Path, line: str) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes((line + "NIP;Nama\n1;Sri\n").encode())
    with pytest.raises(TableError) as refused:
        list(read_rows(path))
    shown = line.strip()
    assert str(refused.value) == f"{path}:1: Excel's line {shown!r} names no one-character delimiter (write sep=; or delete the line)"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_read_as_utf16(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("NIP\tNama\r\n1985\tSri Wahyuní\r\n".encode(encoding))
    assert [row.cells for row in read_rows(path)] == [("NIP", "Nama"), ("1985", "Sri Wahyuní")]
    path.write_bytes(codecs.BOM_UTF8 + b"NIP,Nama\n1,S\x00ri\n")  # a stray NUL is no UTF-16: the row is refused later, as a NUL
    assert [row.cells for row in read_rows(path)][1] == ("1", "S\x00ri")
