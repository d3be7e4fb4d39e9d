"""Exhibit media files: which kinds TIPCase shows, how large they may be, what they must hold, and bringing one in.

A scenario names an exhibit's file relative to itself (``media/brochure.png``), inside its own folder, so
the case and its pictures travel together and publishing can store them with the version.

What an exhibit's file may be, checked the same way by ``tipcase validate`` (as findings), by publishing
(which refuses) and by the editor when a picture is chosen:

- its *name*: a relative path with ``/`` inside the scenario's folder (no absolute path, drive letter,
  backslash or ``..`` leading out), ending in a kind TIPCase shows (``MEDIA_TYPES``);
- the *file*: present, a regular file reached through no link (a symbolic link, or a hard link: a file
  with more than one name, which could be any other file on the disk, a private key included), at most
  10 MB, and starting with the magic bytes of its kind (``MAGIC``; a ``.png`` that is not a PNG is
  refused, whatever else it is).

Publishing reads the file once through a descriptor opened without following links and checks that same
descriptor (``os.fstat``), so the file cannot be swapped between the check and the read.
"""

from __future__ import annotations

import dataclasses
import filecmp
import os
import posixpath
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from tipcase.format.findings import Location

if TYPE_CHECKING:
    from tipcase.format.findings import Findings
    from tipcase.format.model import Scenario

MEDIA_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".m4a": "audio/mp4",
}
MAX_MEDIA_BYTES = 10 * 2**20
MEDIA_FOLDER = "media"
KIND_NAMES = {
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/gif": "a GIF image",
    "image/webp": "a WebP image",
    "audio/mpeg": "an MP3 recording",
    "audio/ogg": "an Ogg recording",
    "audio/wav": "a WAV recording",
    "audio/mp4": "an M4A (MPEG-4 audio) recording",
}
_DRIVE = re.compile(r"^[A-Za-z]:")


def _is_mp3(head: bytes) -> bool:
    """An ID3v2 tag, or an MPEG audio frame sync (11 bits set) with a valid layer."""
    if head.startswith(b"ID3"):
        return True
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and (head[1] >> 1) & 0x03 != 0


MAGIC: dict[str, Callable[[bytes], bool]] = {
    "image/png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "image/gif": lambda head: head[:6] in (b"GIF87a", b"GIF89a"),
    "image/webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    "audio/mpeg": _is_mp3,
    "audio/ogg": lambda head: head.startswith(b"OggS"),
    "audio/wav": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WAVE",
    "audio/mp4": lambda head: head[4:8] == b"ftyp",
}
"""Each kind's signature at the start of the file (PNG, JFIF/EXIF, GIF87a/89a, RIFF WEBP and WAVE, MPEG
audio frame or ID3v2, Ogg page, ISO base media ``ftyp`` box), as in the WHATWG MIME Sniffing standard."""
HEAD_BYTES = 16


class MediaError(ValueError):
    """A file that cannot be an exhibit's; the message says why in one line. ``fault`` names the kind of fault."""

    def __init__(self, message: str, fault: str = "") -> None:
        super().__init__(message)
        self.fault = fault


@dataclasses.dataclass(frozen=True)
class MediaFile:
    """An exhibit's file as read: its name as the exhibit gives it, its media type and its bytes."""

    name: str
    media_type: str
    data: bytes


def check_name(name: str) -> str:
    """The media type an exhibit's file name promises; MediaError (``unknown kind``, ``outside``) if it cannot be one."""
    media_type = MEDIA_TYPES.get(PurePosixPath(name).suffix.lower())
    if media_type is None:
        raise MediaError(f"not an image or sound file TIPCase shows ({', '.join(sorted(MEDIA_TYPES))})", "unknown kind")
    if "\\" in name:
        raise MediaError("write the path with '/', as on every system", "outside")
    normal = posixpath.normpath(name)
    if name.startswith("/") or _DRIVE.match(name) or normal == ".." or normal.startswith("../"):
        raise MediaError("outside the scenario's folder: name it relative to the scenario, inside its folder", "outside")
    return media_type


def kind_of(head: bytes) -> str | None:
    """The media type whose magic bytes ``head`` starts with, if any."""
    return next((media_type for media_type, matches in MAGIC.items() if matches(head)), None)


def _check_content(media_type: str, head: bytes) -> None:
    if not MAGIC[media_type](head):
        found = kind_of(head)
        what = f"it holds {KIND_NAMES[found]}" if found else "its content is no image or sound TIPCase knows"
        raise MediaError(f"not {KIND_NAMES[media_type]} as its name says: {what}", "wrong content")


def _resolve_inside(folder: Path, name: str) -> Path:
    """The file's path, after checking that no part of it is a link and that it lies in ``folder`` (resolved)."""
    plain = Path(os.path.normpath(folder / name))
    if not plain.is_relative_to(folder):
        raise MediaError("outside the scenario's folder", "outside")
    try:
        found = plain.exists() or plain.is_symlink()
        resolved = plain.resolve()
    except (OSError, ValueError) as exc:  # a name the system refuses: too long, a NUL
        raise MediaError(f"cannot be looked up ({getattr(exc, 'strerror', None) or exc})", "missing") from None
    if not found:
        raise MediaError("not found", "missing")
    if os.path.normcase(resolved) != os.path.normcase(plain):
        raise MediaError("a link (a symbolic link, or a folder that is one): copy the file itself into the case's folder", "link")
    return plain


def _check_stat(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise MediaError("not a regular file", "link")
    if info.st_nlink > 1:
        raise MediaError(f"a hard link (the same file has {info.st_nlink} names): copy the file itself into the case's folder", "link")
    if info.st_size > MAX_MEDIA_BYTES:
        raise MediaError(f"larger than {MAX_MEDIA_BYTES // 2**20} MB", "too big")


def read_media(folder: Path, name: str) -> MediaFile:
    """Read an exhibit's file named ``name`` in the scenario ``folder`` (resolved), checking everything above.

    Raises MediaError with a one-line reason and its ``fault`` (``unknown kind``, ``outside``, ``missing``,
    ``link``, ``too big``, ``wrong content``).
    """
    media_type = check_name(name)
    path = _resolve_inside(folder, name)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise MediaError(f"cannot be read ({exc.strerror})", "link" if path.is_symlink() else "missing") from None
    with os.fdopen(descriptor, "rb") as stream:
        _check_stat(os.fstat(stream.fileno()))
        data = stream.read(MAX_MEDIA_BYTES + 1)
    if len(data) > MAX_MEDIA_BYTES:
        raise MediaError(f"larger than {MAX_MEDIA_BYTES // 2**20} MB", "too big")
    _check_content(media_type, data[:HEAD_BYTES])
    return MediaFile(name, media_type, data)


def inspect(folder: Path, name: str) -> None:
    """Check an exhibit's file as ``read_media`` does, reading only its first bytes (for the validator)."""
    media_type = check_name(name)
    path = _resolve_inside(folder, name)
    try:
        info = path.lstat()
        _check_stat(info)
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError as exc:
        raise MediaError(f"cannot be read ({exc.strerror})", "missing") from None
    _check_content(media_type, head)


def adopt(scenario_path: Path, chosen: Path) -> str:
    """The path an exhibit names ``chosen`` by, copying it into ``media/`` beside the scenario when it is elsewhere.

    A file already inside the scenario's folder is named where it is. A copy never replaces a different
    file of the same name: it gets a free name (``photo-2.jpg``) instead. A chosen file that is a link, too
    big, or not what its name says is refused (MediaError).
    """
    if chosen.suffix.lower() not in MEDIA_TYPES:
        raise MediaError(f"{chosen.name}: not an image or sound file TIPCase shows ({', '.join(sorted(MEDIA_TYPES))})")
    if not chosen.is_file():
        raise MediaError(f"{chosen}: not found")
    folder = scenario_path.resolve().parent
    try:
        read = read_media(chosen.parent.resolve(), chosen.name)
    except MediaError as exc:
        raise MediaError(f"{chosen.name}: {exc}", exc.fault) from None
    source = chosen.resolve()
    if source.is_relative_to(folder):
        return source.relative_to(folder).as_posix()
    target_folder = folder / MEDIA_FOLDER
    target_folder.mkdir(exist_ok=True)
    target, number = target_folder / source.name, 2
    while target.exists() and not filecmp.cmp(target, source, shallow=False):
        target, number = target_folder / f"{source.stem}-{number}{source.suffix}", number + 1
    if not target.exists():
        target.write_bytes(read.data)
    return target.relative_to(folder).as_posix()


def carry(names: Iterable[str], source: Path, target: Path) -> list[str]:
    """Copy the exhibits' files ``names`` (relative, as a scenario names them) from the folder ``source`` to ``target``.

    For a case saved in another folder (the editor's *Save as*, a bundled case saved elsewhere): its
    pictures and recordings go with it, to the same relative paths, so it still shows them and can be
    published. A file already at the target with the same content is left as it is; one with other
    content is never replaced: its name is returned (the case there names that other file). A name
    that can never be right, or a file missing or refused at the source (``read_media``), is skipped:
    the validator's E012 and W105 say so at the new place as at the old. Raises OSError when a file
    cannot be written.
    """
    source, target = source.resolve(), target.resolve()
    kept: list[str] = []
    if source == target:
        return kept
    for name in dict.fromkeys(names):
        try:
            check_name(name)
            read = read_media(source, name)
        except MediaError:
            continue
        destination = Path(os.path.normpath(target / name))
        if destination.is_symlink() or (destination.exists() and destination.read_bytes() != read.data):
            kept.append(name)  # never written through a link, never over another file
            continue
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(read.data)
    return kept


def exhibit_files(data: dict[str, object]) -> list[str]:
    """The ``file`` of every exhibit of a scenario's mapping (as read from YAML) that names one."""
    exhibits = data.get("exhibits")
    if not isinstance(exhibits, dict):
        return []
    return [exhibit["file"] for exhibit in exhibits.values() if isinstance(exhibit, dict) and isinstance(exhibit.get("file"), str)]


def check_exhibit_files(scenario: Scenario, findings: Findings) -> None:
    """Findings for the exhibits' files, at each ``file`` value's line and column (docs/scenario-format.md).

    E012 (an error) for a name that can never be right anywhere: a kind TIPCase does not show, a path out
    of the scenario's folder. W105 (a warning) for what is wrong with the file on this disk: missing, too
    big, a link, content that is not its kind. A case still plays without its picture (the exhibit's text
    describes it), so W105 does not fail validation; publishing refuses until the file is right.
    A scenario checked from memory (``<memory>``) has no folder, so only its names are checked.
    """
    on_disk = scenario.path != "<memory>"
    folder = Path(scenario.path).resolve().parent if on_disk else None
    for exhibit in scenario.exhibits.values():
        if not isinstance(exhibit.file, str):
            continue
        where = f"exhibit '{exhibit.id}': file '{exhibit.file}'"
        try:
            check_name(exhibit.file)
        except MediaError as exc:
            findings.add("E012", exhibit.file_pos, str(exc), where=where, at=Location(exhibit=exhibit.id, field="file"))
            continue
        if folder is None:
            continue
        try:
            inspect(folder, exhibit.file)
        except MediaError as exc:
            message = f"{exc} (publishing refuses it until this is fixed)"
            findings.add("W105", exhibit.file_pos, message, where=where, at=Location(exhibit=exhibit.id, field="file"))
