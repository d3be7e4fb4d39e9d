"""Read Twee source (Twee 3, and the older Twee 1 and Twee2 dialects) into a :class:`Story`.

Follows the Twee 3 specification: a passage is a ``::`` header line (name, optional ``[tags]``, optional
JSON metadata) followed by its text, up to the next header. Names and tags decode backslash escapes.
Twee2's ``<x,y>`` position and ``::Name`` without a space are accepted too. Bad metadata or a bad
StoryData block is a warning, never a failure: the passage is kept.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tipcase.importers.story import Note, Passage, Story

_TWEE2_POSITION = re.compile(r"\s*<\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*>\s*$")


def _scan(text: str, index: int, stops: str) -> tuple[str, int]:
    """Decode escaped characters from ``index`` up to the first unescaped character in ``stops``."""
    out: list[str] = []
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(text[index + 1])
            index += 2
            continue
        if char in stops:
            break
        out.append(char)
        index += 1
    return "".join(out), index


def parse_position(value: Any) -> tuple[float, float] | None:
    """``"x,y"`` (Twine's map position) as numbers, or None when it is not that."""
    if not isinstance(value, str):
        return None
    parts = value.split(",")
    if len(parts) != 2:
        return None
    try:
        return float(parts[0]), float(parts[1])
    except ValueError:
        return None


class _Header:
    def __init__(self, line: str, number: int, path: str, notes: list[Note]) -> None:
        body = line[2:]
        self.name, index = _scan(body, 0, "[{")
        self.name = self.name.strip()
        self.tags: list[str] = []
        self.position: tuple[float, float] | None = None
        if index < len(body) and body[index] == "[":
            raw_tags, index = _scan(body, index + 1, "]")
            self.tags = raw_tags.split()
            index += 1
            while index < len(body) and body[index] in " \t":
                index += 1
        rest = body[index:].strip() if index < len(body) else ""
        twee2 = _TWEE2_POSITION.search(self.name) if not rest else _TWEE2_POSITION.fullmatch(rest)
        if twee2:
            self.position = float(twee2.group(1)), float(twee2.group(2))
            if not rest:
                self.name = self.name[: twee2.start()].strip()
        elif rest.startswith("{"):
            try:
                metadata = json.loads(rest)
            except json.JSONDecodeError as exc:
                notes.append(Note(path, number, index + 3, f"passage '{self.name}': metadata is not JSON ({exc.msg}); left out"))
            else:
                if isinstance(metadata, dict):
                    self.position = parse_position(metadata.get("position"))
        elif rest:
            notes.append(Note(path, number, index + 3, f"passage '{self.name}': ignored '{rest}' after the header"))


def parse_twee(text: str, path: str) -> Story:
    """Every passage of a Twee file, in order, with StoryTitle and StoryData read as the story's metadata."""
    notes: list[Note] = []
    passages: list[Passage] = []
    header: _Header | None = None
    header_line = 0
    body: list[str] = []
    preamble = False

    def finish() -> None:
        if header is None:
            return
        while body and not body[-1].strip():
            body.pop()
        if not header.name:
            notes.append(Note(path, header_line, 1, "a passage header with no name; passage left out"))
            return
        passages.append(Passage(header.name, "\n".join(body), (header_line, 1), header.tags, header.position, text_line=header_line + 1))

    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.rstrip("\r")
        if line.startswith("::"):
            finish()
            header, header_line, body = _Header(line, number, path, notes), number, []
        elif header is None:
            preamble = preamble or bool(line.strip())
        else:
            body.append(line)
    finish()
    if preamble:
        notes.append(Note(path, 1, 1, "text before the first passage header was ignored"))

    story = Story(title=None, passages=[], notes=notes)
    for passage in passages:
        if passage.name == "StoryTitle":
            story.title = passage.text.strip() or None
        elif passage.name == "StoryData":
            _story_data(passage, story, path)
        else:
            story.passages.append(passage)
    return story


def _story_data(passage: Passage, story: Story, path: str) -> None:
    try:
        data = json.loads(passage.text)
    except json.JSONDecodeError as exc:
        story.notes.append(Note(path, passage.pos[0], 1, f"StoryData is not JSON ({exc.msg}); left out"))
        return
    if not isinstance(data, dict):
        story.notes.append(Note(path, passage.pos[0], 1, "StoryData is not a JSON object; left out"))
        return
    if isinstance(data.get("start"), str):
        story.start = data["start"]
    if isinstance(data.get("ifid"), str):
        story.ifid = data["ifid"]
    if isinstance(data.get("format"), str):
        version = data.get("format-version")
        story.story_format = f"{data['format']} {version}" if isinstance(version, str) else data["format"]
