"""What a roster file's bytes and cells are, judged without reading the file as a table (for ``sheet_reader``).

``utf16_without_bom`` tells UTF-16 text saved without a byte-order mark (which reads as valid UTF-8 full
of NULs); ``cell_problem`` says what is wrong with a worksheet cell's stored value for its type (the
``t`` attribute of ECMA-376 Part 1, 18.3.1.4 and 18.18.11), in words, before openpyxl would raise a
Python error on it (``int('NaN')``, a 5,000-digit number, a shared-text index past the end).
"""

from __future__ import annotations

import math
import re

from tipcase.messages import QT_TRANSLATE_NOOP, Message


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``head`` is UTF-16 text that starts without a byte-order mark, else None.

    Text in Latin letters saved as UTF-16 has a zero byte in every other place (the high byte of each
    character); a UTF-8 roster, even one with a stray NUL, never has that pattern.
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    high_even = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
    high_odd = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
    if high_odd >= 0.9 * pairs and high_even == 0:
        return "utf-16-le"
    if high_even >= 0.9 * pairs and high_odd == 0:
        return "utf-16-be"
    return None


_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?")
_ISO_DATE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?Z?)?|[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
)
CELL_REFERENCE = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")
MAX_NUMBER_CHARS = 40  # what a spreadsheet writes for a number: 17 significant digits, a sign, a point and an exponent


def cell_problem(kind: str | None, value: str | None, shared_strings: int | None) -> Message | None:
    """What is wrong with a cell's stored value for its type (``t``), in words; None when a spreadsheet could have written it."""
    if value is None or kind in ("str", "inlineStr", "e"):
        return None
    shown = value if len(value) <= 20 else value[:20] + "..."
    if kind in (None, "n"):
        if len(value) > MAX_NUMBER_CHARS:
            return Message(QT_TRANSLATE_NOOP("core", "a number of {count:,} characters, more than a spreadsheet writes"), count=len(value))
        if not _NUMBER.fullmatch(value.strip()):
            return Message(QT_TRANSLATE_NOOP("core", "{value!r} is stored as a number but is none"), value=shown)
        if not math.isfinite(float(value)):
            return Message(QT_TRANSLATE_NOOP("core", "the number {value} is beyond what a spreadsheet holds"), value=shown)
    elif kind == "b":
        if value.strip() not in ("0", "1"):
            return Message(QT_TRANSLATE_NOOP("core", "{value!r} is stored as TRUE/FALSE but is neither"), value=shown)
    elif kind == "d":
        if not _ISO_DATE.fullmatch(value.strip()):
            return Message(QT_TRANSLATE_NOOP("core", "{value!r} is stored as a date but is none"), value=shown)
    elif kind == "s":
        index = int(value) if value.strip().isdigit() and len(value) <= 9 else -1
        if not 0 <= index < (shared_strings or 0):
            return Message(
                QT_TRANSLATE_NOOP("core", "refers to shared text number {value!r}, which the workbook does not have"), value=shown
            )
    else:
        return Message(QT_TRANSLATE_NOOP("core", "a cell type {value!r} that no spreadsheet writes"), value=kind[:20])
    return None


def column_letters(column: int) -> str:
    """The letters of a 1-based column number (1 is ``A``, 27 ``AA``)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
