"""Bring cases written elsewhere into TIPCase: Twine stories and H5P Branching Scenarios.

Twine: Twee 3, Twee2, Twee 1 and Twine 2 HTML. H5P: ``content.json`` or a whole ``.h5p`` package.

``import_file`` reads a file, works out what it is, and returns the scenario as YAML text ready to save,
with every note about what was changed or left out. The scenario is validated before it is returned: a
file that cannot be imported at all, or whose scenario would not validate, raises :class:`ImportFailed`
with one line that says where and what. Twine files over :data:`MAX_STORY_BYTES` are refused unread;
the H5P limits are in :mod:`tipcase.importers.h5p_package`.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Any

from tipcase.format.loader import load_bytes
from tipcase.format.validator import check_loaded
from tipcase.format.yaml_source import gc_paused
from tipcase.format.yaml_writer import to_yaml, to_yaml_bytes
from tipcase.importers.convert import MAX_PASSAGES, story_to_scenario
from tipcase.importers.h5p import h5p_to_scenario, looks_like_h5p
from tipcase.importers.h5p_package import read_capped
from tipcase.importers.languages import language_or_error
from tipcase.importers.story import ImportFailed, Note, Story
from tipcase.importers.text_lines import BOM, not_utf8
from tipcase.importers.twee import parse_twee, read_twee
from tipcase.importers.twine_html import parse_twine_html

__all__ = [
    "MAX_CHOICES",
    "MAX_PASSAGES",
    "MAX_STORY_BYTES",
    "ImportFailed",
    "Imported",
    "Note",
    "import_file",
    "import_h5p",
    "import_text",
    "read_story",
    "read_story_file",
    "save_imported",
    "save_text",
    "to_yaml",
]


MAX_STORY_BYTES = 32 * 2**20
"""The largest Twee or Twine HTML file imported, in bytes (a published story with its player is about 0.5 MiB)."""


MAX_CHOICES = 60_000
"""The most choices (Twine links, H5P alternatives and edges) imported over all stages: three a stage at
:data:`MAX_PASSAGES`. Writing and validating 100,000 choices took 35 s and 485 MiB for a 1 MiB Twee file
of links; a 32 MiB one would have needed some 15 GiB."""


def _bounded(scenario: dict[str, Any], path: str) -> dict[str, Any]:
    """``scenario`` unchanged, or :class:`ImportFailed` when it has more than :data:`MAX_CHOICES` choices."""
    choices = sum(len(stage.get("choices", [])) for stage in scenario["stages"].values())
    if choices > MAX_CHOICES:
        raise ImportFailed(f"{path}:1:1: the story has {choices:,} choices; at most {MAX_CHOICES:,} are imported (split the story)")
    return scenario


@dataclasses.dataclass
class Imported:
    """An imported scenario: its data, its YAML file's bytes (UTF-8) and the notes taken while importing."""

    scenario: dict[str, Any]
    yaml_bytes: bytes
    notes: list[Note]
    passages: int  # Twine passages, or H5P content items, read
    kind: str = "twine"  # twine | h5p
    media: dict[str, bytes] = dataclasses.field(default_factory=dict)  # pictures to write beside the scenario

    @property
    def yaml_text(self) -> str:
        """The scenario file's text (decoded from :attr:`yaml_bytes` each time it is asked)."""
        return self.yaml_bytes.decode("utf-8")

    @property
    def stages(self) -> int:
        """How many stages the imported scenario has."""
        return len(self.scenario["stages"])

    @property
    def choices(self) -> int:
        """How many choices the imported scenario has, over all its stages."""
        return sum(len(stage.get("choices", [])) for stage in self.scenario["stages"].values())


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype", "<html", "<tw-storydata", "<?xml")) or "<tw-storydata" in text


def decode(data: bytes, path: str) -> str:
    """The file's text: UTF-8, with or without a byte-order mark."""
    start = len(BOM) if data.startswith(BOM) else 0
    try:
        return str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError as exc:
        raise not_utf8(data, start + exc.start, path) from None


def read_story(text: str, path: str, story_name: str | None = None) -> Story:
    """Parse Twee or Twine 2 HTML, whichever the text is."""
    if _looks_like_html(text):
        return parse_twine_html(text, path, story_name)
    story = parse_twee(text, path)
    if not story.passages and "::" not in text:
        raise ImportFailed(f"{path}:1:1: not a Twine story (no '::' passage header and no <tw-storydata> element)")
    return story


def read_story_file(data: bytes, path: str, story_name: str | None = None) -> Story:
    """:func:`read_story` of a file's bytes (UTF-8, a byte-order mark allowed): Twee is read from the bytes a line at a time.

    Only Twine HTML is decoded whole (its tokenizer needs the text); a Twee file never is, so a big passage
    costs its own text and the file's bytes (:func:`~tipcase.importers.twee.read_twee`).
    """
    head = data[len(BOM) if data.startswith(BOM) else 0 :][: 4 * 4096].decode("utf-8", "ignore")
    if _looks_like_html(head) or b"<tw-storydata" in data:
        return parse_twine_html(decode(data, path), path, story_name)
    story = read_twee(data, path)
    if not story.passages and b"::" not in data:
        raise ImportFailed(f"{path}:1:1: not a Twine story (no '::' passage header and no <tw-storydata> element)")
    return story


def _one_line(value: str, limit: int = 200) -> str:
    """A value fit for a comment line of the header: no line breaks or control characters, clipped."""
    flat = " ".join("".join(char if char.isprintable() else " " for char in value[: limit * 2]).split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def _language(lang: str | None) -> str | None:
    if lang is None:
        return None
    try:
        return language_or_error(lang)
    except ValueError as exc:
        raise ImportFailed(f"--lang: {exc}") from None


def validated(imported: Imported, path: str) -> Imported:
    """``imported`` when its scenario validates with no error; else :class:`ImportFailed` naming the first error.

    Never expected (the importers build what validates), but a scenario that would not validate is
    never handed on to be written.
    """
    loaded = load_bytes(imported.yaml_bytes, f"{imported.scenario.get('id', 'imported')}.yaml")
    errors = [finding for finding in check_loaded(loaded).findings if finding.is_error]
    if errors:
        first = errors[0]
        raise ImportFailed(
            f"{path}: the imported scenario would not validate ({first.code} at {first.line}:{first.col}: {first.message}); nothing written"
        )
    return imported


def import_text(text: str, path: str, *, story_name: str | None = None, start: str | None = None, lang: str | None = "en") -> Imported:
    """Import a story from its text; ``path`` is only used in notes and messages.

    ``lang`` (a BCP 47 tag, default ``en``) is written canonical (``pt-br`` as ``pt-BR``). Raises
    :class:`ImportFailed` for a text that is no Twine story, a bad ``lang``, or a result that would not validate.
    """
    language = _language(lang) or "en"
    return _import_story(read_story(text, path, story_name), path, start, language)


def _import_story(story: Story, path: str, start: str | None, language: str) -> Imported:
    scenario, notes = story_to_scenario(story, path, start=start, lang=language)
    header = [f"Imported from {_one_line(Path(path).name)} by 'tipcase import'."]
    if story.story_format:
        header.append(f"Story format: {_one_line(story.story_format)} (its macros are kept as text; see the import notes).")
    if story.ifid:
        header.append(f"Twine IFID: {_one_line(story.ifid)}")
    header.append("End outcomes default to success; set each end's outcome, scores and feedback before publishing.")
    return validated(Imported(_bounded(scenario, path), to_yaml_bytes(scenario, header), notes, len(story.passages)), path)


def import_h5p(source: bytes | Path, path: str, *, lang: str | None = None) -> Imported:
    """Import an H5P Branching Scenario from a ``.h5p`` package or a ``content.json`` (a file, or its bytes).

    Raises :class:`ImportFailed` for a package that cannot be read (see :mod:`tipcase.importers.h5p_package`
    for the limits), a bad ``lang``, or a result that would not validate.
    """
    result = h5p_to_scenario(source, path, lang=_language(lang))
    scenario = result.scenario
    header = [
        f"Imported from {_one_line(Path(path).name)} (H5P Branching Scenario) by 'tipcase import'.",
        "End outcomes default to success; set each end's outcome, the competencies scored and feedback before publishing.",
    ]
    written = to_yaml_bytes(_bounded(scenario, path), header)
    imported = Imported(scenario, written, result.notes, result.items, kind="h5p", media=result.media)
    return validated(imported, path)


def import_file(path: str | Path, *, story_name: str | None = None, start: str | None = None, lang: str | None = None) -> Imported:
    """Import a Twine story (``.twee``, ``.tw``, ``.txt``, ``.html``) or an H5P Branching Scenario (``.h5p``, ``.json``).

    ``lang`` is the language the texts are written in: for Twine ``en`` unless given; for H5P the
    package's own ``language`` unless given. Raises :class:`ImportFailed` with one line for anything
    that cannot be imported, including a Twine file over :data:`MAX_STORY_BYTES`.

    The cyclic collector is paused meanwhile (:func:`~tipcase.format.yaml_source.gc_paused`): an import builds
    the story, the scenario, its YAML and the validator's tree, some 60 objects a passage that live until it
    ends and none of them in cycles, and the collector's full passes over them grew with the square of the
    story (0.03 s of an import of 2,000 Twee passages, 0.57 s of one of 8,000; ``make bench ONLY=importers``).
    """
    with gc_paused():
        return _import_file(path, story_name, start, lang)


def _import_file(path: str | Path, story_name: str | None, start: str | None, lang: str | None) -> Imported:
    shown = str(path)
    try:
        with Path(path).open("rb") as stream:
            head = stream.read(4096)
    except OSError as exc:
        raise ImportFailed(f"{shown}: cannot read: {exc.strerror or exc}") from None
    if looks_like_h5p(head, shown):
        if start is not None or story_name is not None:
            raise ImportFailed(f"{shown}: --start and --story are for Twine stories; an H5P scenario starts at its first item")
        return import_h5p(Path(path), shown, lang=lang)
    language = _language(lang or "en") or "en"
    story = read_story_file(read_capped(Path(path), MAX_STORY_BYTES, shown, "a Twine story file"), shown, story_name)
    return _import_story(story, shown, start, language)  # the file's bytes are let go before the scenario is written


def save_imported(imported: Imported, path: str | Path, *, force: bool = False) -> None:
    """Write an imported scenario and its pictures (under ``media/`` beside it).

    A picture already there with the same bytes is left alone; one with other content is replaced only
    with ``force``, and otherwise nothing at all is written. Raises :class:`ImportFailed` naming the file
    that cannot be written or read (no room, no permission, a name the system refuses).
    """
    target = Path(path)
    file = target
    try:
        clashes = [
            name
            for name, data in imported.media.items()
            if (target.parent / name).is_file() and (target.parent / name).read_bytes() != data
        ]
        if clashes and not force:
            raise ImportFailed(f"{target.parent / clashes[0]}: exists with other content (replace it with --force, or import elsewhere)")
        for name, data in imported.media.items():
            file = target.parent / name
            file.parent.mkdir(parents=True, exist_ok=True)
            if not file.is_file() or file.read_bytes() != data:
                file.write_bytes(data)
        file = target
        save_text(target, imported.yaml_bytes)
    except OSError as exc:
        raise ImportFailed(f"{file}: cannot write: {exc.strerror or exc}") from None


def save_text(path: str | Path, text: str | bytes) -> None:
    """Write a scenario file atomically: a crash leaves the old file or the new one, never half of one.

    ``text`` is the file's text, or its UTF-8 bytes (written as they are).

    Raises :class:`ImportFailed` when ``path`` exists and is not a regular file: the rename would put a
    file in place of a device or a pipe (``-o /dev/null --force`` replaced the machine's /dev/null).
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        raise ImportFailed(f"{target}: exists and is not a regular file; nothing written (give a file name)")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
