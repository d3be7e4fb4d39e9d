"""Reading an H5P package (a zip file) or a bare ``content.json`` in bounded time and memory.

A ``.h5p`` file is a zip archive: ``h5p.json`` (the manifest: title, language, main library),
``content/content.json`` (the content's parameters), pictures and other files under ``content/``, and
the libraries' code. Only the manifest, the content and the pictures an image item names are read, each
decompressed as a stream that stops one byte past its limit (the sizes the archive declares are not
trusted), so a 2 MB package that would decompress to 4 GB costs 16 MiB at most. The limits, each named
in the one-line refusal:

- :data:`MAX_MEMBERS` files in the package, and a central directory of at most :data:`MAX_DIRECTORY_BYTES`
  (read from the end-of-central-directory record before the directory itself is loaded);
- :data:`MAX_JSON_BYTES` for ``h5p.json``, ``content.json`` or a bare ``content.json``;
- ``tipcase.format.media.MAX_MEDIA_BYTES`` for a picture, :data:`MAX_PICTURES_BYTES` for all of them;
- members stored or deflated only (what H5P's own tools write): bzip2 and LZMA can expand a few
  kilobytes into gigabytes before a stream reader could stop them.

A damaged member (bad CRC, corrupt deflate data, truncated, encrypted) is refused naming the member.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from tipcase.format.media import MAX_MEDIA_BYTES
from tipcase.format.yaml_source import byte_size
from tipcase.importers.json_reading import JsonDocument, JsonRefused, read_json
from tipcase.importers.languages import canonical_language
from tipcase.importers.story import ImportFailed, Note
from tipcase.messages import QT_TRANSLATE_NOOP, Message

MAX_MEMBERS = 10_000
"""Files in one package (a Branching Scenario with all its libraries holds a few hundred)."""
MAX_DIRECTORY_BYTES = 16 * 2**20
"""Size of the zip's central directory (about 100 bytes a file)."""
MAX_JSON_BYTES = 16 * 2**20
"""``content.json`` or ``h5p.json``, decompressed (a 2,000-item scenario is about 2 MiB)."""
MAX_PICTURES_BYTES = 64 * 2**20
"""All the pictures brought into ``media/`` from one package."""

_READABLE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError, struct.error)


def read_capped(path: Path, limit: int, shown: str, what: str) -> bytes:
    """The bytes of a file of at most ``limit`` bytes; :class:`ImportFailed` naming the limit when it is larger."""
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            data = stream.read(limit + 1) if size <= limit else b""
    except OSError as exc:
        raise ImportFailed(f"{shown}: cannot read: {exc.strerror or exc}") from None
    if size > limit or len(data) > limit:
        raise ImportFailed(f"{shown}: {what} of {byte_size(max(size, len(data)))}; at most {byte_size(limit)} is imported")
    return data


def _declared_directory(stream: BinaryIO) -> tuple[int, int, int] | None:
    """``(files, directory bytes, where the directory starts)`` as the end-of-central-directory record declares them, or None.

    Read as :mod:`zipfile` reads them (APPNOTE 4.3.14-16): a zip64 record is the one just before its locator,
    and the directory ends where that record (or the end record) starts, whatever offsets the records hold.
    """
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    tail_size = min(size, 22 + 65_535)  # the record, and a comment of at most 64 KiB
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    files, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
    end = size - tail_size + at
    if at >= 76 and tail[at - 20 : at - 16] == b"PK\x06\x07" and tail[at - 76 : at - 72] == b"PK\x06\x06":
        files, directory = struct.unpack("<QQ", tail[at - 76 + 32 : at - 76 + 48])  # zip64: the record before the locator
        end -= 76
    return files, directory, end - directory


def _directory_entries(stream: BinaryIO, start: int, size: int) -> int:
    """How many entries the central directory holds (its entry signatures), counted before :mod:`zipfile` builds one object each.

    An end record may declare 5 files and a 16 MiB directory of 330,000: zipfile read them all (215 MiB) before
    the count could be checked.
    """
    if start < 0:
        return 0  # the records do not fit the file: zipfile refuses it
    stream.seek(start)
    return stream.read(size).count(b"PK\x01\x02")


def _first_repeated(names: Iterable[str]) -> str:
    """The first name that comes a second time (there is one)."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    raise ValueError("no name is repeated")  # pragma: no cover - called only when one is


class Package:
    """An open ``.h5p`` package: its members by name, read one at a time with a limit each."""

    def __init__(self, source: bytes | Path, shown: str) -> None:
        self.shown = shown
        self.pictures_read = 0
        try:
            stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
        except OSError as exc:
            raise ImportFailed(f"{shown}: cannot read: {exc.strerror or exc}") from None
        try:
            declared = _declared_directory(stream)
            if declared is not None and declared[0] > MAX_MEMBERS:
                raise ImportFailed(f"{shown}: the package holds {declared[0]:,} files; at most {MAX_MEMBERS:,} are read")
            if declared is not None and declared[1] > MAX_DIRECTORY_BYTES:
                raise ImportFailed(
                    f"{shown}: the package's directory is {byte_size(declared[1])}; at most {byte_size(MAX_DIRECTORY_BYTES)} is read"
                )
            if declared is not None and (entries := _directory_entries(stream, declared[2], declared[1])) > MAX_MEMBERS:
                raise ImportFailed(f"{shown}: the package holds {entries:,} files; at most {MAX_MEMBERS:,} are read")
            stream.seek(0)
            self.zip = zipfile.ZipFile(stream)
        except ImportFailed:
            stream.close()
            raise
        except (*_DAMAGED, zipfile.LargeZipFile) as exc:
            stream.close()
            raise ImportFailed(f"{shown}: not a readable H5P package ({exc})") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self.close()
            raise ImportFailed(f"{shown}: the package holds {len(infos):,} files; at most {MAX_MEMBERS:,} are read")
        self.members = {info.filename: info for info in infos}
        if len(self.members) < len(infos):  # which copy is read differs between tools: a second content.json could hide
            twice = _first_repeated(info.filename for info in infos)
            self.close()
            raise ImportFailed(f"{shown}: the package holds {twice[:200]!r} twice; which one is meant is unclear (zip it again)")

    def close(self) -> None:
        """Close the zip and the file under it (also on leaving a ``with`` block)."""
        self.zip.close()
        if self.zip.fp is not None:
            self.zip.fp.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def read(self, name: str, limit: int, what: str) -> bytes:
        """A member's bytes, decompressed as a stream that stops past ``limit``; :class:`ImportFailed` naming the member."""
        info = self.members[name]
        where = f"{self.shown}/{name}"
        if info.compress_type not in _READABLE_METHODS:
            raise ImportFailed(f"{where}: compressed with method {info.compress_type}; H5P packages are stored or deflated (zip it again)")
        try:
            with self.zip.open(info) as member:
                data = member.read(limit + 1)
        except _DAMAGED as exc:
            raise ImportFailed(f"{where}: the file is damaged in the package ({exc})") from None
        if len(data) > limit:
            raise ImportFailed(f"{where}: decompresses to more than {byte_size(limit)}, the limit for {what}")
        return data

    def picture(self, name: str) -> bytes | None:
        """A picture under ``content/`` by its path there, or None when there is none; counted against :data:`MAX_PICTURES_BYTES`."""
        member = f"content/{name}"
        if member not in self.members:
            return None
        data = self.read(member, MAX_MEDIA_BYTES, f"a picture ({byte_size(MAX_MEDIA_BYTES)})")
        self.pictures_read += len(data)
        if self.pictures_read > MAX_PICTURES_BYTES:
            raise ImportFailed(f"{self.shown}: the pictures come to more than {byte_size(MAX_PICTURES_BYTES)}, the limit for one package")
        return data


def json_type(value: Any) -> str:
    """How a JSON value's type is named in messages: ``an object``, ``a string``, ``null``..."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def json_document(data: bytes, shown: str) -> JsonDocument:
    """``data`` (UTF-8, a BOM allowed) read as JSON with every value's offset (``json_reading``).

    Raises ImportFailed with ``shown:line:col`` when it is not UTF-8 or not JSON within the reader's depth and size bounds.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{shown}:1:{exc.start + 1}: not UTF-8 text") from None
    try:
        return read_json(text)
    except JsonRefused as exc:
        line, col = JsonDocument(text).line_col(exc.offset)
        raise ImportFailed(f"{shown}:{line}:{col}: {exc.message}") from None


def manifest_of(package: Package, path: str) -> tuple[dict[str, Any], JsonDocument | None]:
    """The package's ``h5p.json`` as a dict with its positions (``{}`` and None when the package has none).

    Raises ImportFailed (``path/h5p.json:line:col``) when there is no ``content/content.json``, the manifest is not a JSON
    object, a title or language is not a string, or the main library is not H5P.BranchingScenario.
    """
    if "content/content.json" not in package.members:
        raise ImportFailed(f"{path}: not an H5P package (no content/content.json inside)")
    if "h5p.json" not in package.members:
        return {}, None
    shown = f"{path}/h5p.json"
    document = json_document(package.read("h5p.json", MAX_JSON_BYTES, "h5p.json"), shown)
    if not isinstance(document.value, dict):
        raise ImportFailed(f"{shown}:1:1: h5p.json is not a JSON object")
    for key in ("title", "language", "defaultLanguage", "mainLibrary"):
        value = document.value.get(key)
        if value is not None and not isinstance(value, str):
            line, col = document.line_col(document.offset_of(document.value, key))
            raise ImportFailed(f"{shown}:{line}:{col}: {key} is {json_type(value)}, not a string")
    library = document.value.get("mainLibrary") or "H5P.BranchingScenario"
    if library != "H5P.BranchingScenario":
        raise ImportFailed(f"{shown}:1:1: the package holds {library[:60]}, not H5P.BranchingScenario")
    return document.value, document


def language(manifest: dict[str, Any], document: JsonDocument | None, path: str, lang: str | None, notes: list[Note]) -> str:
    """The scenario's language: ``lang`` when given, else the package's ``language``, else its ``defaultLanguage``, else ``en``."""
    shown = f"{path}/h5p.json"

    def note(key: str, message: Message) -> None:
        line, col = document.line_col(document.offset_of(manifest, key)) if document is not None else (1, 1)
        notes.append(Note(shown if document is not None else path, line, col, message))

    written = manifest.get("language")
    own = canonical_language(written) if written else None
    if lang is not None:
        if own is not None and own != lang:
            note(
                "language",
                Message(
                    QT_TRANSLATE_NOOP("core", "h5p.json says the content is in '{written}'; imported as '{lang}', as --lang asks"),
                    written=written,
                    lang=lang,
                ),
            )
        return lang
    if own is not None:
        return own
    default = manifest.get("defaultLanguage")
    fallback = canonical_language(default) if default else None
    if fallback is not None:
        if written:
            template = QT_TRANSLATE_NOOP(
                "core", "h5p.json gives '{code}'; imported as '{fallback}', its defaultLanguage (choose another with --lang)"
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "core", "h5p.json gives no language; imported as '{fallback}', its defaultLanguage (choose another with --lang)"
            )
        note("language", Message(template, code=written, fallback=fallback))
        return fallback
    if document is None:
        notes.append(
            Note(
                path,
                1,
                1,
                Message(QT_TRANSLATE_NOOP("core", "a bare content.json does not say its language; imported as 'en' (choose with --lang)")),
            )
        )
    elif written:
        note("language", Message(QT_TRANSLATE_NOOP("core", "h5p.json gives '{code}'; imported as 'en' (choose with --lang)"), code=written))
    else:
        note("language", Message(QT_TRANSLATE_NOOP("core", "h5p.json gives no language; imported as 'en' (choose with --lang)")))
    return "en"


def read_head(path: Path, shown: str) -> bytes:
    """The first four bytes of ``path`` (to tell a zip package from JSON); ImportFailed naming ``shown`` when it cannot be read."""
    try:
        with path.open("rb") as stream:
            return stream.read(4)
    except OSError as exc:
        raise ImportFailed(f"{shown}: cannot read: {exc.strerror or exc}") from None
