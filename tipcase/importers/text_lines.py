"""A story file's lines read from its bytes one at a time, each with where it is in the bytes.

The Twee reader walks a file line by line and keeps only what it needs: where each passage's text starts
and ends. It never holds the file as one ``str`` nor a list of all its lines (a 30 MB passage with an emoji
every few words is 110 MB as a Python ``str``, four bytes a character: each copy counted). A passage's
text is then decoded once from its span of bytes (:func:`text_of`).

A line ends at LF, CR LF or a lone CR (an old Mac editor's), as a text editor shows it; bytes that are not
UTF-8 raise :class:`~tipcase.importers.story.ImportFailed` with the line and column of the first bad byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tipcase.importers.story import ImportFailed

BOM = b"\xef\xbb\xbf"
_BREAK = re.compile(rb"\r\n?|\n")


def not_utf8(data: bytes, offset: int, path: str) -> ImportFailed:
    """The one-line refusal of a file whose byte at ``offset`` is not UTF-8 (line by LF, column in bytes, 1-based)."""
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return ImportFailed(f"{path}:{line}:{col}: not UTF-8 text (save the story as UTF-8 and import it again)")


def lines_of(data: bytes, path: str, errors: str = "strict") -> Iterator[tuple[str, int, int]]:
    """``(text, start, end)`` for each line of ``data``: its text without the line break, and its byte span.

    A byte-order mark at the start is skipped. After a final line break comes one empty line (as
    ``str.split`` gives). ``errors`` is the UTF-8 decoder's (``surrogatepass`` for text that came as a
    ``str``); with ``strict``, raises :class:`ImportFailed` at the first byte that is not UTF-8.
    """
    start = len(BOM) if data.startswith(BOM) else 0
    length = len(data)
    while True:
        found = _BREAK.search(data, start)
        end = found.start() if found is not None else length
        try:
            text = data[start:end].decode("utf-8", errors)
        except UnicodeDecodeError as exc:
            raise not_utf8(data, start + exc.start, path) from None
        yield text, start, end
        if found is None:
            return
        start = found.end()


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
