"""Exhibit media files: which kinds TIPCase shows, how large they may be, and bringing one into a case's folder.

A scenario names an exhibit's file relative to itself (``media/brochure.png``), inside its own folder, so
the case and its pictures travel together and publishing can store them with the version.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

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


class MediaError(ValueError):
    """A file that cannot be an exhibit's; the message says why in one line."""


def adopt(scenario_path: Path, chosen: Path) -> str:
    """The path an exhibit names ``chosen`` by, copying it into ``media/`` beside the scenario when it is elsewhere.

    A file already inside the scenario's folder is named where it is. A copy never replaces a different
    file of the same name: it gets a free name (``photo-2.jpg``) instead.
    """
    if chosen.suffix.lower() not in MEDIA_TYPES:
        raise MediaError(f"{chosen.name}: not an image or sound file TIPCase shows ({', '.join(sorted(MEDIA_TYPES))})")
    if not chosen.is_file():
        raise MediaError(f"{chosen}: not found")
    if chosen.stat().st_size > MAX_MEDIA_BYTES:
        raise MediaError(f"{chosen.name}: larger than {MAX_MEDIA_BYTES // 2**20} MB")
    folder = scenario_path.resolve().parent
    source = chosen.resolve()
    if source.is_relative_to(folder):
        return source.relative_to(folder).as_posix()
    target_folder = folder / MEDIA_FOLDER
    target_folder.mkdir(exist_ok=True)
    target, number = target_folder / source.name, 2
    while target.exists() and not filecmp.cmp(target, source, shallow=False):
        target, number = target_folder / f"{source.stem}-{number}{source.suffix}", number + 1
    if not target.exists():
        shutil.copyfile(source, target)
    return target.relative_to(folder).as_posix()
