"""Strict, bounded JSON for the importers, with the place of every value kept for messages.

H5P's ``content.json`` and ``h5p.json``, and Twee's ``StoryData`` and passage metadata, are JSON that
someone else wrote. This reader refuses, with the offset of the value, what Python's ``json`` accepts or
chokes on: nesting deeper than :data:`MAX_DEPTH` (checked by a linear scan before parsing, so there is
never a ``RecursionError``), more than :data:`MAX_VALUES` values (the same scan: memory stays bounded
whatever a small compressed package unpacks to), ``NaN`` and ``Infinity`` (not JSON, RFC 8259 section 6), integers beyond
+/-(2^53 - 1) and numbers that overflow a double (RFC 7493, I-JSON, section 2.2). Lone surrogates in
strings become U+FFFD (a scenario file is UTF-8, which cannot carry them) and are counted.

:func:`read_json` returns a :class:`JsonDocument`: the value, and for every object and array the
offsets where it and each of its members start, so a message can say ``content.json:12:9``.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import math
import re
import threading
from typing import Any

from tipcase.messages import QT_TRANSLATE_NOOP, Message

MAX_DEPTH = 100
"""Deepest nesting of objects and arrays read (H5P content nests about 15 levels; Twine's StoryData 2)."""
MAX_SAFE_INTEGER = 2**53 - 1
"""The largest integer JSON carries exactly between programs (RFC 7493, section 2.2)."""
MAX_VALUES = 500_000
"""Values in one document (objects, arrays, strings, numbers, true, false, null), counted by the same linear scan
before parsing. H5P writes about 38 bytes a value, so a ``content.json`` at its 16 MiB limit holds some 440,000;
each value kept with its place costs 100 to 500 bytes, and 16 MiB of ``[],[],...`` (5.6 million empty arrays,
in a 15 KB package) took 2.1 GB and 20 s."""

# Possessive (Python 3.11): the plain ``(?:[^"\\]|\\.)*`` kept a backtracking entry per character of a
# string, so a 15 MB text in content.json took 1.8 GB to scan; this one keeps none.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{},]', re.DOTALL)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class JsonRefused(Exception):
    """JSON that is not read: ``message`` says what (one line), ``offset`` is where (a character index)."""

    def __init__(self, message: Message, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class JsonDocument:
    """A decoded JSON value, with where each object, array and member starts in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.value: Any = None
        self.starts: dict[int, int] = {}  # id(object or array) -> offset of its '{' or '['
        self.members: dict[int, dict[Any, int]] = {}  # id(object) -> key -> offset; id(array) -> index -> offset
        self.replaced_surrogates = 0
        self.containers: list[Any] = []  # every container stays alive, so no id above is reused
        self._line_starts: list[int] | None = None

    def offset_of(self, container: Any, member: Any = None) -> int | None:
        """Where ``container`` (an object or array of this document) starts, or its ``member`` (a key or an index)."""
        if member is None:
            return self.starts.get(id(container))
        return self.members.get(id(container), {}).get(member)

    def line_col(self, offset: int | None) -> tuple[int, int]:
        """The 1-based line and column of a character offset (1, 1 when unknown)."""
        if offset is None:
            return 1, 1
        if self._line_starts is None:
            self._line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The offset of the first bracket nested deeper than ``limit``, or None; one linear pass, strings skipped."""
    return _scan(text, limit, MAX_VALUES)[0]


def _scan(text: str, depth_limit: int, values_limit: int) -> tuple[int | None, int | None]:
    """``(too deep, too many)``: where the first bracket nested deeper than ``depth_limit`` is, and the first value past ``values_limit``.

    Each is None when there is none; one linear pass, strings skipped, that stops at the first of the two. Values
    are counted as the commas and the objects and arrays that no comma precedes: every value but one scalar at the
    start of each object or array.
    """
    depth = values = 0
    after_comma = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        counted = token == "," or (token in "[{" and not after_comma)
        after_comma = token == ","
        if token in "[{":
            depth += 1
            if depth > depth_limit:
                return match.start(), None
        elif token in "]}":
            depth -= 1
        if counted:
            values += 1
            if values > values_limit:
                return None, match.start() + (token == ",")
    return None, None


class _Decoder(json.JSONDecoder):
    """``json``'s pure-Python scanner, with hooks that note where values start and refuse what is not JSON.

    One is made a thread and kept (:func:`_decoder`), its ``document`` set for each read: the hooks are bound
    methods kept on the decoder and the scanner's closures refer to themselves, so each new decoder was some
    27 objects in reference cycles, garbage only the cyclic collector frees (216,000 objects for the metadata
    of an 8,000-passage Twee story, kept until the end of an import that pauses the collector).
    """

    def __init__(self, document: JsonDocument | None = None) -> None:
        super().__init__(parse_float=self._float, parse_int=self._int, parse_constant=self._constant)
        self.document: JsonDocument = document  # type: ignore[assignment]  # set by read_json before each decode
        self.at = 0  # where the value being scanned starts
        self.parse_object = self._object
        self.parse_array = self._array
        self.parse_string = self._string
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]  # the Python scanner calls the hooks above

    def _tracking(self, scan_once: Any, offsets: list[int]) -> Any:
        def scan(string: str, index: int) -> Any:
            self.at = index
            offsets.append(index)
            return scan_once(string, index)

        return scan

    def _object(self, s_and_end: tuple[str, int], strict: bool, scan_once: Any, _hook: Any, _pairs_hook: Any, memo: Any) -> Any:
        offsets: list[int] = []
        pairs, end = json.decoder.JSONObject(s_and_end, strict, self._tracking(scan_once, offsets), None, list, memo)  # type: ignore[attr-defined]
        value = dict(pairs)
        self._register(value, s_and_end[1] - 1, {key: offset for (key, _), offset in zip(pairs, offsets, strict=False)})
        return value, end

    def _array(self, s_and_end: tuple[str, int], scan_once: Any) -> Any:
        offsets: list[int] = []
        value, end = json.decoder.JSONArray(s_and_end, self._tracking(scan_once, offsets))  # type: ignore[attr-defined]
        self._register(value, s_and_end[1] - 1, dict(enumerate(offsets)))
        return value, end

    def _register(self, value: Any, start: int, members: dict[Any, int]) -> None:
        self.document.starts[id(value)] = start
        if members:  # an empty one has no member to name (offset_of says None)
            self.document.members[id(value)] = members
        self.document.containers.append(value)

    def _string(self, string: str, index: int, strict: bool) -> Any:
        value, end = json.decoder.scanstring(string, index, strict)  # type: ignore[attr-defined]
        if _SURROGATE.search(value):
            value, count = _SURROGATE.subn("\ufffd", value)
            self.document.replaced_surrogates += count
        return value, end

    def _constant(self, name: str) -> Any:
        raise JsonRefused(Message(QT_TRANSLATE_NOOP("core", "{name} is not a JSON number"), name=name), self.at)

    def _int(self, digits: str) -> int:
        if len(digits) > 17 or abs(value := int(digits)) > MAX_SAFE_INTEGER:
            shown = digits if len(digits) <= 24 else f"{digits[:20]}... ({len(digits):,} digits)"
            template = QT_TRANSLATE_NOOP("core", "the integer {value} is too large (at most {most} is read)")
            raise JsonRefused(Message(template, value=shown, most=f"{MAX_SAFE_INTEGER:,}"), self.at)
        return value

    def _float(self, literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            shown = literal if len(literal) <= 24 else literal[:20] + "..."
            raise JsonRefused(Message(QT_TRANSLATE_NOOP("core", "the number {value} is too large for a number"), value=shown), self.at)
        return value


_decoders = threading.local()


def _decoder() -> _Decoder:
    """This thread's decoder (made on first use)."""
    decoder: _Decoder | None = getattr(_decoders, "decoder", None)
    if decoder is None:
        decoder = _decoders.decoder = _Decoder()
    return decoder


def read_json(text: str, max_depth: int = MAX_DEPTH) -> JsonDocument:
    """Decode JSON text strictly, keeping positions.

    Raises :class:`JsonRefused` (with the offset) for nesting deeper than ``max_depth``, more than :data:`MAX_VALUES` values, ``NaN`` or
    ``Infinity``, integers beyond +/-(2^53 - 1), numbers that overflow a double, and any syntax error.
    Time and memory are linear in the text.
    """
    document = JsonDocument(text)
    deep, many = _scan(text, max_depth, MAX_VALUES)
    if deep is not None:
        raise JsonRefused(Message(QT_TRANSLATE_NOOP("core", "nested more than {most} levels deep (the limit)"), most=max_depth), deep)
    if many is not None:
        template = QT_TRANSLATE_NOOP("core", "more than {most} values (the limit): split the content")
        raise JsonRefused(Message(template, most=f"{MAX_VALUES:,}"), many)
    decoder = _decoder()
    decoder.document = document
    try:
        document.value = decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise JsonRefused(Message(QT_TRANSLATE_NOOP("core", "not valid JSON: {problem}"), problem=exc.msg), exc.pos) from None
    finally:
        decoder.document = None  # type: ignore[assignment]  # the document is not kept past its read
    return document
