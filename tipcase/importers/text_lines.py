"""A story file's passage headers found in its bytes, each with the span of its passage's text.

The Twee reader keeps only what it needs: each header line, and where its passage's text starts and ends.
It never holds the file as one ``str`` nor a list of all its lines (a 30 MB passage with an emoji every few
words is 110 MB as a Python ``str``, four bytes a character: each copy counted), and it never walks the
text a line at a time in Python (30 million blank lines took 15 s): the headers are found by a regular
expression, the bytes checked as UTF-8 a megabyte at a time, and a passage's text is decoded once from its
span of bytes (:func:`text_of`).

A line ends at LF, CR LF or a lone CR (an old Mac editor's), as a text editor shows it; bytes that are not
UTF-8 raise :class:`~tipcase.importers.story.ImportFailed` with the line and column of the first bad byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tipcase.importers.story import ImportFailed

BOM = b"\xef\xbb\xbf"
_BREAK = re.compile(rb"\r\n?|\n")
_HEADER = re.compile(rb"(?<![^\r\n])::")  # '::' at the start of a line (or of the bytes)
_CHUNK = 1 << 20  # bytes checked as UTF-8 at a time


def not_utf8(data: bytes, offset: int, path: str) -> ImportFailed:
    """The one-line refusal of a file whose byte at ``offset`` is not UTF-8 (line by LF, column in bytes, 1-based)."""
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return ImportFailed(f"{path}:{line}:{col}: not UTF-8 text (save the story as UTF-8 and import it again)")


def text_of(data: bytes, start: int, end: int, errors: str = "strict") -> str:
    """The text of ``data[start:end]`` (whole lines of it, already found to be UTF-8), line breaks made LF.

    Decoded straight from the bytes, with no copy of them; only a span holding a CR is copied again (once
    for CR LF, once more for a lone CR).
    """
    text = str(memoryview(data)[start:end], "utf-8", errors)
    if data.find(b"\r", start, end) < 0:
        return text
    text = text.replace("\r\n", "\n")
    return text.replace("\r", "\n") if "\r" in text else text


def check_utf8(data: bytes, start: int, path: str, errors: str = "strict") -> None:
    """Raise :class:`ImportFailed` at the first byte of ``data[start:]`` that is not UTF-8 (``errors="strict"``).

    Checked a megabyte at a time, each piece cut where a character starts, so no copy of the whole is held.
    """
    if errors != "strict":
        return
    view = memoryview(data)
    length = len(data)
    while start < length:
        end = min(start + _CHUNK, length)
        while end < length and data[end] & 0xC0 == 0x80:  # not inside a character: at most three bytes back
            end -= 1
        if end <= start:  # pragma: no cover - four continuation bytes in a row: the decoder names the first
            end = min(start + _CHUNK, length)
        try:
            str(view[start:end], "utf-8")
        except UnicodeDecodeError as exc:
            raise not_utf8(data, start + exc.start, path) from None
        start = end


def _breaks(data: bytes, start: int, end: int) -> int:
    """Line breaks in ``data[start:end]`` (LF, CR LF or a lone CR each one)."""
    return data.count(b"\n", start, end) + data.count(b"\r", start, end) - data.count(b"\r\n", start, end)


@dataclass
class HeaderSpans:
    """An iterator of ``(header line, its line number, text start, text end)`` for each ``::`` line of ``data``.

    The text of a passage is the lines after its header up to the next one, without the blank lines at its
    end (a line of only white space is blank); ``start == end`` when it has none. ``preamble`` is True when
    there is text that is not blank before the first header. Raises :class:`ImportFailed` at the first byte
    that is not UTF-8 (``errors="strict"``), before any header is given.
    """

    data: bytes
    path: str
    errors: str = "strict"
    preamble: bool = False

    def __post_init__(self) -> None:
        data = self.data
        self._start = len(BOM) if data.startswith(BOM) else 0
        check_utf8(data, self._start, self.path, self.errors)
        first = self._start if data.startswith(b"::", self._start) else None
        self._headers = _HEADER.finditer(data, self._start + 1)
        self._next = first if first is not None else self._following()
        before = data[self._start : self._next if self._next is not None else len(data)]
        self.preamble = bool(before.decode("utf-8", self.errors).strip())
        self._line, self._counted = 1, self._start

    def _following(self) -> int | None:
        found = next(self._headers, None)
        return found.start() if found is not None else None

    def __iter__(self) -> Iterator[tuple[str, int, int, int]]:
        return self

    def __next__(self) -> tuple[str, int, int, int]:
        at = self._next
        if at is None:
            raise StopIteration
        data = self.data
        self._line += _breaks(data, self._counted, at)
        self._counted = at
        self._next = self._following()
        end = self._next if self._next is not None else len(data)
        found = _BREAK.search(data, at, end)
        line = data[at : found.start() if found is not None else end].decode("utf-8", self.errors)
        body = found.end() if found is not None else end
        return line, self._line, body, _kept_end(data, body, end, self.errors)


def _kept_end(data: bytes, start: int, end: int, errors: str) -> int:
    """Where the last line of ``data[start:end]`` that is not blank ends (``start`` when every line is blank)."""
    while end > start:
        last = len(bytes(memoryview(data)[start:end]).rstrip()) + start if end - start <= _CHUNK else _rstripped(data, start, end)
        if last == start:
            return start
        line_start = max(data.rfind(b"\n", start, last), data.rfind(b"\r", start, last), start - 1) + 1
        found = _BREAK.search(data, last, end)
        line_end = found.start() if found is not None else end
        if not data[line_start:line_end].decode("utf-8", errors).isspace():
            return line_end
        end = line_start  # a line of white space beyond ASCII (U+3000, U+00A0): blank too
    return start


def _rstripped(data: bytes, start: int, end: int) -> int:
    """Where ``data[start:end]`` ends without its ASCII white space at the end, read a megabyte at a time from the end."""
    while end > start:
        piece = max(start, end - _CHUNK)
        kept = bytes(memoryview(data)[piece:end]).rstrip()
        if kept:
            return piece + len(kept)
        end = piece
    return start
