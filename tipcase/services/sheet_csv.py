"""Reading a roster saved as CSV (or Excel's tab-separated "Unicode text") for :mod:`tipcase.services.sheet_reader`.

UTF-8 (with or without a byte-order mark) or UTF-16 with or without one; Excel's ``sep=;`` first line names the
delimiter, otherwise the header line decides between comma, semicolon, tab and bar. A line of more than
``MAX_COLUMNS`` fields is refused before the csv module splits it, a cell of more than ``MAX_CELL_CHARS``
characters as the csv module meets it; every refusal is one ``TableError`` naming the line.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services.sheet_cells import utf16_without_bom
from tipcase.services.sheet_reader import MAX_CELL_CHARS, MAX_COLUMNS, Row, TableError, check_cells

_SEP_LINE = re.compile(r"sep=([^\r\n]*)\r?\n?")
DELIMITERS = ",;\t|"


def csv_rows(source: Path) -> Iterator[Row]:
    """The rows of a CSV file (UTF-8, or UTF-16 as Excel's 'Unicode text' writes it), each checked against the limits."""
    with open(source, "rb") as raw:
        start = raw.read(256)
        encoding = "utf-16" if start[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else utf16_without_bom(start) or "utf-8-sig"
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        yield from _csv_from_stream(source, stream, encoding)


def _csv_from_stream(source: Path, stream: IO[str], encoding: str) -> Iterator[Row]:
    line = 1
    try:
        first = stream.readline()
        match = _SEP_LINE.fullmatch(first)
        named = match.group(1) if match else ","
        if len(named) != 1 or named == '"' or named.isalnum() or (named.isspace() and named != "\t"):
            raise TableError(
                QT_TRANSLATE_NOOP(
                    "core", "{source}:1: Excel's line {line!r} names no one-character delimiter (write sep=; or delete the line)"
                ),
                source=source,
                line=first.strip()[:20],
            )
        if match:  # Excel's hint for the delimiter: a line of its own, not part of the table
            delimiter, lines = match.group(1), iter(stream)
            line = 2
        else:
            delimiter, lines = _delimiter(first), itertools.chain([first], stream)
        reader = csv.reader(_few_columns(source, lines, delimiter, line), delimiter=delimiter, strict=False)
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if "field larger than field limit" in str(exc):
                    raise TableError(
                        QT_TRANSLATE_NOOP(
                            "core", "{source}:{line}: a cell longer than {max_cell_chars:,} characters, the most a cell holds"
                        ),
                        source=source,
                        line=line,
                        max_cell_chars=MAX_CELL_CHARS,
                    ) from None
                raise TableError(
                    QT_TRANSLATE_NOOP("core", "{source}:{line}: not readable as CSV ({reason})"), source=source, line=line, reason=exc
                ) from None
            check_cells(source, line, cells)
            yield Row(line, tuple(cells))
            line = first_line_after(reader, match is not None)
    except UnicodeDecodeError:
        what = Message(
            QT_TRANSLATE_NOOP("core", "UTF-16 text") if encoding.startswith("utf-16") else QT_TRANSLATE_NOOP("core", "UTF-8 text")
        )
        raise TableError(
            QT_TRANSLATE_NOOP("core", "{source}:{line}: not {what} (save the roster as 'CSV UTF-8')"),
            source=source,
            line=_undecodable_line(source, encoding),
            what=what,
        ) from None


def _undecodable_line(source: Path, encoding: str) -> int:
    """The line of the first byte that is not text in ``encoding`` (the reader decodes ahead, in blocks)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    line = 1
    with open(source, "rb") as raw:
        for block in raw:
            try:
                line += decoder.decode(block).count("\n")
            except UnicodeDecodeError:
                return line
    return line


def _few_columns(source: Path, lines: Iterator[str], delimiter: str, first: int) -> Iterator[str]:
    """The lines, refused at the first with more than MAX_COLUMNS fields outside quotes.

    The csv module would otherwise build a list of every field of a line of millions of delimiters
    before the row could be looked at.
    """
    separators = re.compile('"|' + re.escape(delimiter))
    quoted = False
    for number, line in enumerate(lines, first):
        if line.count(delimiter) >= MAX_COLUMNS or quoted:
            fields = 1
            for found in separators.finditer(line):
                if found.group() == '"':
                    quoted = not quoted
                elif not quoted:
                    fields += 1
                    if fields > MAX_COLUMNS:
                        raise TableError(
                            QT_TRANSLATE_NOOP("core", "{source}:{number}: more than {max_columns} columns, the most a roster row may have"),
                            source=source,
                            number=number,
                            max_columns=MAX_COLUMNS,
                        )
        elif line.count('"') % 2:
            quoted = True
        yield line


def first_line_after(reader: Iterator[list[str]], had_sep_line: bool) -> int:
    """The line the next CSV record starts on (a quoted cell can span lines)."""
    return int(reader.line_num) + 1 + (1 if had_sep_line else 0)  # type: ignore[attr-defined]


def _delimiter(header: str) -> str:
    """The delimiter the header line uses most, outside quotes (comma on a tie)."""
    unquoted = re.sub(r'"[^"]*"', "", header[:MAX_CELL_CHARS])
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","
