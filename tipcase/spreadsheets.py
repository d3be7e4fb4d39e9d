"""Cells a spreadsheet will never evaluate: the one way every CSV and XLSX file TIPCase writes is filled.

Names, cohort titles, scenario labels and institution names are typed by people, and some come from
files made elsewhere (rosters, Twine and H5P imports). A spreadsheet that opens an export evaluates a
cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or a carriage return) as a
formula: ``=HYPERLINK(...)`` becomes a live link, ``=cmd|' /C calc'!A0`` a DDE call. Following OWASP's
*CSV Injection* guidance (https://owasp.org/www-community/attacks/CSV_Injection) and ASVS 1.2.10:

- **Numbers stay numbers.** ``int``, ``float`` and ``Decimal`` values (a percent, a count, a real
  negative number such as ``-2.5``) are written as numbers; only text is ever changed.
- **Text that a spreadsheet would read as a formula gets a leading apostrophe** (``'=1+1``), which
  spreadsheets take as "this is text": when its first character, or its first after leading blanks,
  is ``=``, ``+``, ``-``, ``@`` or a full-width form of one (``＝＋－＠``, which some East Asian
  spreadsheets read as the same), or when it starts with a tab, a carriage return, a line feed or NUL.
- **CSV: every text cell is quoted** and its quotes doubled (``csv.QUOTE_NONNUMERIC``), so a comma or
  line break in a name never starts a new cell. Excel set to Indonesian (or any locale whose list
  separator is ``;``) splits an opened CSV on ``;`` *inside* quotes too, so a formula character right
  after a ``,``, ``;``, tab or line break inside a text (``Budi;=HYPERLINK(...)``) gets the apostrophe
  there as well; ``Rp 50.000,-`` (a lone ``-`` before a blank or the end) is left alone.
- **XLSX: text cells are string cells** (``t="s"``, never ``<f>``) with Excel's own "quote prefix"
  style where the text would otherwise be read as a formula once edited; the value itself is kept
  exactly. Characters XML cannot hold (control characters other than tab and line breaks) become
  U+FFFD rather than failing the export.

``defusedcsv`` (PyPI) does part of this for CSV only (no tab, CR or separators, no numbers, no XLSX), so
this small module is kept instead of a dependency.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
"""Characters that make a spreadsheet read a cell as a formula (OWASP; with their full-width forms)."""
CONTROL_STARTS = frozenset("\t\r\n\x00")
"""Characters that OWASP (tab, CR) and ASVS (NUL) name as unsafe first characters in themselves."""
QUOTE = "'"

_LEADING_BLANKS = re.compile(r"[\s\x00-\x1f]*")
# A formula character that starts a new cell when a spreadsheet splits the text at a separator
# (',' ';' tab, a line break), perhaps after blanks or quotes; not a lone '-' (as in "Rp 50.000,-").
_AFTER_SEPARATOR = re.compile(r"(?<=[,;\t\r\n])([\s\"']*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20][^\s,;\"'])")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SEPARATOR = re.compile(r"[,;\t\r\n]")
_UNSAFE_FIRST = FORMULA_STARTS | CONTROL_STARTS
_BLANK_FIRST = frozenset(chr(c) for c in range(0x3000 + 1) if chr(c).isspace() or c < 32)  # what looks_like_formula skips


def is_number(value: object) -> bool:
    """Whether ``value`` is written as a number (``bool`` is not: it is written as text)."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could evaluate ``text`` as a formula when it is a cell's whole content."""
    if not text:
        return False
    if text[0] in CONTROL_STARTS:
        return True
    rest = text[_LEADING_BLANKS.match(text).end() :]  # type: ignore[union-attr]
    return bool(rest) and rest[0] in FORMULA_STARTS


def safe_text(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would read it as a formula; else unchanged."""
    return QUOTE + text if looks_like_formula(text) else text


def as_text(value: object) -> str:
    """How a non-number value reads in a cell: '' for None, ISO 8601 for dates, 'true'/'false' for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def csv_cell(value: object) -> object:
    """A value ready for ``csv.writer`` with QUOTE_NONNUMERIC: a number as it is, anything else as safe text."""
    if type(value) is str:  # the common case first: this runs for every cell of an export
        text = value
    elif is_number(value):
        return value
    else:
        text = as_text(value)
    if not text:
        return text
    if _SEPARATOR.search(text) is not None:
        text = _AFTER_SEPARATOR.sub(r"\1" + QUOTE, text)
    first = text[0]
    if first in _UNSAFE_FIRST or (first in _BLANK_FIRST and looks_like_formula(text)):
        return QUOTE + text
    return text


class SafeCsvWriter:
    """``csv.writer`` that neutralises every cell: text quoted, formula-like text with an apostrophe."""

    def __init__(self, stream: IO[str], *, lineterminator: str = "\r\n", delimiter: str = ",") -> None:
        self._writer = csv.writer(stream, quoting=csv.QUOTE_NONNUMERIC, lineterminator=lineterminator, delimiter=delimiter)

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row, each cell made safe for a spreadsheet (``csv_cell``: never a formula)."""
        self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write each row as ``writerow`` does."""
        for row in rows:
            self.writerow(row)


def xlsx_cell(sheet: Any, value: object, *, bold: bool = False, size: float | None = None) -> Any:
    """An openpyxl cell for ``sheet`` holding ``value``: a number as a number, anything else as a string cell.

    A string cell (``data_type`` 's') is never a formula; text a spreadsheet would read as one also gets
    the quote-prefix style, so editing the cell in Excel keeps it text. Pass the cells to
    ``sheet.append``. openpyxl is imported here, only when a workbook is written.
    """
    from openpyxl.cell.cell import Cell  # noqa: PLC0415 - only when writing a workbook
    from openpyxl.styles import Font  # noqa: PLC0415

    if is_number(value):
        cell = Cell(sheet, value=value)
    else:
        text = _XML_ILLEGAL.sub("\ufffd", as_text(value))
        cell = Cell(sheet, value=text)
        cell.data_type = "s"  # openpyxl guesses "=..." is a formula and "#N/A" an error: neither, here
        if looks_like_formula(text):
            cell.quotePrefix = True
    if bold or size is not None:
        cell.font = Font(bold=bold, size=size)
    return cell


def append_row(sheet: Any, row: Iterable[object], *, bold: bool = False, size: float | None = None) -> None:
    """Append one row of safe cells to an openpyxl worksheet."""
    sheet.append([xlsx_cell(sheet, value, bold=bold, size=size) for value in row])
