"""Reading a table (CSV or XLSX) that a ministry's spreadsheet produced, in bounded time and memory.

``read_rows`` yields each row as a ``Row``: its number in the file (the CSV line where it starts, or the
worksheet row) and its cells, as text for CSV and as the workbook's typed values for XLSX (so a number
that was meant as an identifier can be told from text). What a file is comes from its first bytes, not
its name: a ZIP container is a workbook, an OLE2 file is the old ``.xls`` (refused, with what to do).

Every limit is named in the one-line ``TableError`` that refuses a file beyond it:

- the file: at most ``MAX_FILE_BYTES``;
- a cell: at most ``MAX_CELL_CHARS`` characters (Excel's own limit for a cell), a row at most
  ``MAX_COLUMNS`` columns, a table at most ``MAX_ROWS`` rows;
- a workbook's ZIP container: at most ``MAX_PARTS`` parts, each at most ``MAX_PART_BYTES`` when
  decompressed and all together ``MAX_UNPACKED_BYTES`` (the sizes the container declares bound what
  Python's ``zipfile`` will inflate), only the stored and deflated methods Excel writes;
- a workbook's XML parts: no document type declarations (no entities to expand), nesting at most
  ``MAX_XML_DEPTH``, at most ``MAX_XML_ELEMENTS`` elements. They are walked once with a streaming parser
  that drops each element when it ends, before openpyxl reads the first worksheet in read-only mode.

CSV is read by :mod:`tipcase.services.sheet_csv`. A worksheet cell that holds a formula comes with its last
computed value, as Excel shows it; ``Row.formulas`` names those cells (at most ``MAX_FORMULA_CELLS`` a
workbook), so a roster can say which values a formula made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services.errors import ServiceError
from tipcase.services.sheet_cells import CELL_REFERENCE, cell_problem, column_letters

MAX_FILE_BYTES = 32 * 2**20
MAX_CELL_CHARS = 32_767  # Excel's limit for the text of one cell
MAX_COLUMNS = 256
MAX_ROWS = 50_000
MAX_PARTS = 1_000
MAX_PART_BYTES = 64 * 2**20
MAX_UNPACKED_BYTES = 256 * 2**20
MAX_XML_DEPTH = 64
MAX_XML_ELEMENTS = 4_000_000
MAX_FORMULA_CELLS = 100_000  # formula cells named in Row.formulas; a workbook's further ones are read as their values only
# What a damaged workbook makes zipfile, zlib, the XML parser or openpyxl raise (found by tests/test_roster_fuzz.py).
BROKEN_WORKBOOK: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ParseError, ValueError, KeyError, IndexError,
    TypeError, AttributeError, OverflowError, NotImplementedError, AssertionError,
)  # fmt: skip
MAX_SHEET_ROWS = 1_048_576  # Excel's rows 1 to 1,048,576
MAX_ROW_CELLS = 16_384  # Excel's columns A to XFD
MAX_ROW_GAP = 1_000  # blank rows a worksheet may hold above or among its rows before it is refused as padded

Value = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None


class TableError(ServiceError):
    """The file cannot be read as a table, or is beyond a limit; the message names the place and the limit."""


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    """One row of a roster sheet: where it starts in the file (1-based) and its cells as read."""

    number: int  # the CSV line the row starts on, or the worksheet's row number (1-based)
    cells: tuple[Value, ...]
    formulas: frozenset[int] = frozenset()  # the 0-based places of the cells whose value a formula computed (XLSX)


def read_rows(path: str | Path) -> Iterator[Row]:
    """Every row of the table in ``path`` (blank rows included), read lazily.

    Raises TableError (``FILE[:ROW]: what``) when the file cannot be read or passes a limit; a refusal
    can come before any row or part-way through.
    """
    source = Path(path)
    try:
        size = source.stat().st_size
        with open(source, "rb") as stream:
            magic = stream.read(8)
    except OSError as exc:
        raise TableError(QT_TRANSLATE_NOOP("core", "{source}: cannot read: {reason}"), source=source, reason=exc.strerror or exc) from None
    if size > MAX_FILE_BYTES:
        raise TableError(
            QT_TRANSLATE_NOOP("core", "{source}: larger than {megabytes} MB, the most a roster file may be"),
            source=source,
            megabytes=MAX_FILE_BYTES // 2**20,
        )
    if magic.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _xlsx_rows(source)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableError(
            QT_TRANSLATE_NOOP("core", "{source}: an old Excel (.xls) workbook: save it as .xlsx, or as 'CSV UTF-8'"), source=source
        )
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        raise TableError(QT_TRANSLATE_NOOP("core", "{source}: not a readable XLSX workbook (not a ZIP container)"), source=source)
    from tipcase.services.sheet_csv import csv_rows  # noqa: PLC0415 - its reader needs this module's Row and limits

    return csv_rows(source)


def check_cells(source: Path, line: int, cells: list[str] | tuple[Value, ...]) -> None:
    """TableError (``FILE:LINE: ...``) when a row has more than ``MAX_COLUMNS`` cells or a text longer than ``MAX_CELL_CHARS``."""
    if len(cells) > MAX_COLUMNS:
        raise TableError(
            QT_TRANSLATE_NOOP("core", "{source}:{line}: more than {max_columns} columns, the most a roster row may have"),
            source=source,
            line=line,
            max_columns=MAX_COLUMNS,
        )
    for cell in cells:
        if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
            raise TableError(
                QT_TRANSLATE_NOOP("core", "{source}:{line}: a cell longer than {max_cell_chars:,} characters, the most a cell holds"),
                source=source,
                line=line,
                max_cell_chars=MAX_CELL_CHARS,
            )


# -- XLSX -----------------------------------------------------------------------------------------------
def _xlsx_rows(source: Path) -> Iterator[Row]:
    book_map = _check_container(source)
    import openpyxl  # noqa: PLC0415 - only for workbooks
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    with open(source, "rb") as stream:  # a file, not a name: openpyxl would judge by the extension
        try:
            book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        except (InvalidFileException, *BROKEN_WORKBOOK):
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "core", "{source}: not a readable XLSX workbook: its parts do not fit together (save it again from a spreadsheet)"
                ),
                source=source,
            ) from None
        yield from _sheet_rows(source, book, book_map)


def _sheet_rows(source: Path, book: Any, book_map: _WorkbookMap) -> Iterator[Row]:
    """The rows of the first worksheet that holds a value (a roster on the only filled sheet is read wherever it is)."""
    try:
        if not book.worksheets:
            missing = next(iter(book_map.missing_sheets()), None)
            if missing is not None:
                raise TableError(
                    QT_TRANSLATE_NOOP(
                        "core", "{source}: the workbook's sheet {sheet!r} has no worksheet part (save it again from a spreadsheet)"
                    ),
                    source=source,
                    sheet=missing,
                )
            raise TableError(QT_TRANSLATE_NOOP("core", "{source}: the workbook has no worksheet"), source=source)
        filled = [(sheet, extent) for sheet in book.worksheets if (extent := book_map.extent(sheet))[0] > 0]
        if not filled:
            return
        sheet, (last, width) = filled[0]
        formulas = book_map.formulas.get(str(getattr(sheet, "_worksheet_path", "")).lstrip("/"), {})
        number = 0
        try:
            for number, values in enumerate(sheet.iter_rows(min_row=1, max_row=last, max_col=width, values_only=True), 1):
                cells = tuple(values)
                check_cells(source, number, cells)
                yield Row(number, cells, frozenset(formulas.get(number, ())))
        except BROKEN_WORKBOOK:
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "core", "{source}: {sheet}!{row}:{row}: a row no spreadsheet would write (save the workbook again from a spreadsheet)"
                ),
                source=source,
                sheet=_sheet_ref(sheet.title),
                row=number + 1,
            ) from None
    finally:
        book.close()


def _sheet_ref(name: str) -> str:
    """A sheet's name as a cell reference writes it: quoted when it is not one word (``'Daftar Peserta'``)."""
    return name if re.fullmatch(r"[A-Za-z_][\w.]*", name) else "'" + name.replace("'", "''") + "'"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
_FIRST_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml")  # walked before the worksheets
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclasses.dataclass
class _WorkbookMap:
    """What the container walk learnt: each sheet's name and part, the shared strings' count, each worksheet's extent."""

    sheets: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (name, relationship id) in tab order
    targets: dict[str, str] = dataclasses.field(default_factory=dict)  # relationship id -> part name
    shared_strings: int | None = None
    extents: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)  # part -> last row and column with a value
    formulas: dict[str, dict[int, set[int]]] = dataclasses.field(default_factory=dict)  # part -> row -> 0-based columns
    formula_cells: int = 0

    def sheet_of(self, part: str) -> str:
        """The name of the sheet whose worksheet is ``part`` (the part's own name when the workbook names none)."""
        return next((name for name, rid in self.sheets if self.targets.get(rid) == part), part)

    def missing_sheets(self) -> Iterator[str]:
        """The names of the sheets whose worksheet part is not in the container."""
        return (name for name, rid in self.sheets if self.targets.get(rid) not in self.extents)

    def extent(self, sheet: Any) -> tuple[int, int]:
        """The last row and column with a value of an openpyxl worksheet."""
        return self.extents.get(str(getattr(sheet, "_worksheet_path", "")).lstrip("/"), (0, 0))


def _part_name(target: str) -> str:
    """A relationship target of the workbook (relative to ``xl/``, or absolute) as a part name in the container."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")


def _check_container(source: Path) -> _WorkbookMap:
    """Refuse a ZIP container beyond the limits, or one whose parts or cells no spreadsheet writes; returns what the walk learnt."""
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise TableError(
                    QT_TRANSLATE_NOOP("core", "{source}: more than {max_parts:,} parts in the workbook's container"),
                    source=source,
                    max_parts=MAX_PARTS,
                )
            total = 0
            for info in parts:
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise TableError(
                        QT_TRANSLATE_NOOP("core", "{source}: part {part} is compressed in a way Excel never writes"),
                        source=source,
                        part=info.filename,
                    )
                if info.file_size > MAX_PART_BYTES:
                    raise TableError(
                        QT_TRANSLATE_NOOP("core", "{source}: part {part} unpacks to more than {megabytes} MB, the limit"),
                        source=source,
                        part=info.filename,
                        megabytes=MAX_PART_BYTES // 2**20,
                    )
                total += info.file_size
            if total > MAX_UNPACKED_BYTES:
                raise TableError(
                    QT_TRANSLATE_NOOP("core", "{source}: the workbook unpacks to more than {megabytes} MB, the limit"),
                    source=source,
                    megabytes=MAX_UNPACKED_BYTES // 2**20,
                )
            names = {info.filename for info in parts}
            for required in _REQUIRED_PARTS:
                if required not in names:
                    raise TableError(
                        QT_TRANSLATE_NOOP(
                            "core", "{source}: not a readable XLSX workbook: it has no part {part} (save it again from a spreadsheet)"
                        ),
                        source=source,
                        part=required,
                    )
            book_map = _WorkbookMap()
            first = {name: place for place, name in enumerate(_FIRST_PARTS)}
            for info in sorted(parts, key=lambda info: first.get(info.filename, len(first))):
                if info.filename.endswith((".xml", ".rels")):
                    extent = _check_part(source, archive, info, book_map)
                    if info.filename.startswith("xl/worksheets/"):
                        book_map.extents[info.filename] = extent
            return book_map
    except BROKEN_WORKBOOK:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "core", "{source}: not a readable XLSX workbook: the ZIP container is damaged (save it again from a spreadsheet)"
            ),
            source=source,
        ) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column(reference: str | None) -> int:
    """The 1-based column of a cell reference such as ``AB12`` (0 when there is none)."""
    letters = re.match(r"[A-Z]{1,3}", reference or "")
    if letters is None:
        return 0
    number = 0
    for letter in letters.group(0):
        number = number * 26 + ord(letter) - 64
    return number


def _check_part(source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, book_map: _WorkbookMap) -> tuple[int, int]:
    """Walk one XML part with a streaming parser, dropping each element as it ends.

    Returns the last worksheet row and column that hold a value ((0, 0) for other parts); notes the
    workbook's sheets, its relationships and its shared texts in ``book_map``. Raises TableError at
    the first limit passed, and at a worksheet cell whose stored value its type cannot be
    (``FILE: Sheet!B3: what``).
    """
    where = f"{source}: part {info.filename}"
    worksheet = info.filename.startswith("xl/worksheets/")
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    open_elements: list[Element] = []
    elements = row = last_row = last_column = cells = column = 0
    valued = computed = False  # the cell being read holds a value; a formula (its children are dropped as they end)
    value: str | None = None  # the text of the cell's <v>
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 16):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise TableError(QT_TRANSLATE_NOOP("core", "{where}: declares a document type, which a workbook never does"), where=where)
            tail = window[-9:]
            try:
                parser.feed(chunk)
                events = cast(list[tuple[str, Element]], list(parser.read_events()))
            except ParseError as exc:
                raise TableError(QT_TRANSLATE_NOOP("core", "{where}: not well-formed XML ({reason})"), where=where, reason=exc) from None
            for event, element in events:
                if event == "start":
                    elements += 1
                    open_elements.append(element)
                    if len(open_elements) > MAX_XML_DEPTH:
                        raise TableError(
                            QT_TRANSLATE_NOOP("core", "{where}: XML nested deeper than {max_xml_depth} levels, the limit"),
                            where=where,
                            max_xml_depth=MAX_XML_DEPTH,
                        )
                    if elements > MAX_XML_ELEMENTS:
                        raise TableError(
                            QT_TRANSLATE_NOOP("core", "{where}: more than {max_xml_elements:,} XML elements, the limit"),
                            where=where,
                            max_xml_elements=MAX_XML_ELEMENTS,
                        )
                    name = _local(element.tag)
                    if name == "row":
                        row, cells, column = _row_number(source, element.get("r"), row), 0, 0
                    elif name == "c":
                        cells, valued, computed, value = cells + 1, False, False, None
                        if cells > MAX_ROW_CELLS:
                            raise TableError(
                                QT_TRANSLATE_NOOP(
                                    "core", "{source}:{row}: more than {max_row_cells:,} cells in a row, the most a worksheet has"
                                ),
                                source=source,
                                row=row,
                                max_row_cells=MAX_ROW_CELLS,
                            )
                    continue
                open_elements.pop()
                text = element.text
                if text and len(text) > MAX_CELL_CHARS:
                    raise TableError(
                        QT_TRANSLATE_NOOP("core", "{where}: a cell longer than {max_cell_chars:,} characters, the most a cell holds"),
                        where=where,
                        max_cell_chars=MAX_CELL_CHARS,
                    )
                name = _local(element.tag)
                if name in ("v", "is"):
                    valued = True
                    value = text if name == "v" else None
                elif name == "f":
                    computed = True
                elif name == "c" and worksheet:
                    reference = element.get("r")
                    column = _column(reference) if reference else column + 1  # a cell may leave its place implicit
                    if reference is not None and not CELL_REFERENCE.fullmatch(reference):
                        raise TableError(
                            QT_TRANSLATE_NOOP("core", "{source}: {cell}: the cell reference {reference!r} is not a column and a row"),
                            source=source,
                            cell=f"{_sheet_ref(book_map.sheet_of(info.filename))}!{column_letters(column)}{row}",
                            reference=reference[:20],
                        )
                    problem = cell_problem(element.get("t"), value, book_map.shared_strings) if valued else None
                    if problem is not None:
                        raise TableError(
                            QT_TRANSLATE_NOOP(
                                "core", "{source}: {cell}: {problem} (retype the cell, or save the workbook again from a spreadsheet)"
                            ),
                            source=source,
                            cell=f"{_sheet_ref(book_map.sheet_of(info.filename))}!{column_letters(column)}{row}",  # named when refused only
                            problem=problem,
                        )
                    if valued:
                        if (column if reference else MAX_COLUMNS) > MAX_COLUMNS:
                            raise TableError(
                                QT_TRANSLATE_NOOP(
                                    "core", "{source}:{row}: a value beyond column {max_columns}, the most a roster row may have"
                                ),
                                source=source,
                                row=row,
                                max_columns=MAX_COLUMNS,
                            )
                        if row > last_row + MAX_ROW_GAP or row > MAX_ROWS + MAX_ROW_GAP:
                            raise TableError(
                                QT_TRANSLATE_NOOP(
                                    "core", "{source}:{row}: more than {max_rows:,} rows, or more than {max_row_gap:,} blank rows in a row"
                                ),
                                source=source,
                                row=row,
                                max_rows=MAX_ROWS,
                                max_row_gap=MAX_ROW_GAP,
                            )
                        last_row, last_column = row, max(last_column, column if reference else MAX_COLUMNS)
                        if computed and book_map.formula_cells < MAX_FORMULA_CELLS:
                            book_map.formulas.setdefault(info.filename, {}).setdefault(row, set()).add(column - 1)
                            book_map.formula_cells += 1
                elif name == "sheet" and info.filename == "xl/workbook.xml":
                    book_map.sheets.append((element.get("name", ""), element.get(_RELATIONSHIP_ID, "")))
                elif name == "Relationship" and info.filename == "xl/_rels/workbook.xml.rels":
                    book_map.targets[element.get("Id", "")] = _part_name(element.get("Target", ""))
                elif name == "si" and info.filename == "xl/sharedStrings.xml":
                    book_map.shared_strings = (book_map.shared_strings or 0) + 1
                if open_elements:
                    open_elements[-1].remove(element)  # the parent keeps no finished child: memory stays flat
    try:
        parser.close()
    except ParseError as exc:
        raise TableError(QT_TRANSLATE_NOOP("core", "{where}: not well-formed XML ({reason})"), where=where, reason=exc) from None
    return last_row, last_column


def _row_number(source: Path, reference: str | None, previous: int) -> int:
    """The number of the worksheet row that starts after row ``previous``; TableError when openpyxl would skip it.

    openpyxl reads a row by its ``r``: one numbered below 1, beyond the sheet or below the previous row
    (a writer that put row 3 before row 2) would be left out, or end the reading, without a word.
    """
    if reference is None:
        return previous + 1
    number = int(reference) if reference.isascii() and reference.isdigit() and len(reference) <= 7 else 0
    if not previous < number <= MAX_SHEET_ROWS:
        raise TableError(
            QT_TRANSLATE_NOOP(
                "core",
                "{source}: a worksheet row numbered {reference!r} after row {previous}"
                "; a workbook numbers its rows in order from 1 to {max_sheet_rows:,} (save it again from a spreadsheet)",
            ),
            source=source,
            reference=reference[:20],
            previous=previous,
            max_sheet_rows=MAX_SHEET_ROWS,
        )
    return number
