r"""Read Twee source (Twee 3, and the older Twee 1 and Twee2 dialects) into a :class:`Story`.

Follows the Twee 3 specification (twine-specs, ``twee-3-specification.md``): a passage is a ``::``
header line (name, optional ``[tags]``, optional JSON metadata) followed by its text, up to the next
header. Escapes are undone as Twine 2 and Tweego undo them: in names and tags any backslash-escaped
character stands for itself (``\[`` is ``[``, ``\\`` is ``\``, ``\q`` is ``q``: the specification's
decoding rule, Tweego's ``tweeUnescapeBytes``), and blanks at either end of a name are trimmed unless
escaped (Twine writes a name's outer spaces as ``\ ``); in the text, a line starting ``\:`` loses
the backslash (Twine's ``unescapeForTweeText``: ``\::`` is how a text line starting ``::`` is written).
Twee2's ``<x,y>`` position and ``::Name`` without a space are accepted too. Bad metadata or a bad
StoryData block is a warning, never a failure: the passage is kept (as the specification recommends).
"""

from __future__ import annotations

import math
import re
from typing import Any

from tipcase.importers.json_reading import JsonRefused, read_json
from tipcase.importers.story import MAX_PASSAGES, Note, Notes, Passage, Story, too_many_passages
from tipcase.importers.text_lines import HeaderSpans, text_of
from tipcase.messages import QT_TRANSLATE_NOOP, Message

_TWEE2_POSITION = re.compile(r"<\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*>\s*$")
MAX_COORDINATE = 1_000_000.0
"""The largest map coordinate kept (Twine's map of an 8,000-passage story spans about 12,000 pixels)."""
_METADATA_KEYS = frozenset({"position", "size"})
_STORY_DATA_KEYS = frozenset({"ifid", "format", "format-version", "start", "tag-colors", "zoom", "options"})


def _scan(text: str, index: int, stops: str) -> tuple[str, int]:
    """Decode escaped characters from ``index`` up to the first unescaped character in ``stops``.

    Returns the decoded text, with unescaped blanks at either end trimmed, and the index it stopped at.
    """
    out: list[str] = []
    first, last = -1, 0  # the span of ``out`` that is kept
    length = len(text)
    while index < length:
        char = text[index]
        escaped = char == "\\" and index + 1 < length
        if escaped:
            char = text[index + 1]
            index += 2
        elif char in stops:
            break
        else:
            index += 1
        if escaped or not char.isspace():
            if first < 0:
                first = len(out)
            last = len(out) + 1
        out.append(char)
    return ("".join(out[first:last]) if first >= 0 else ""), index


def read_position(value: Any) -> tuple[tuple[float, float] | None, Message | None]:
    """``"x,y"`` (Twine's map position) as numbers, or why it is not kept: ``(position, problem)``."""
    if not isinstance(value, str):
        return None, Message(QT_TRANSLATE_NOOP("core", "the position {value} is not an 'x,y' string"), value=repr(value)[:40])
    parts = value.split(",")
    try:
        x, y = (float(part) for part in parts) if len(parts) == 2 else (None, None)
    except ValueError:
        x = y = None
    shown = value if len(value) <= 40 else value[:40] + "..."
    if x is None or y is None or math.isnan(x) or math.isnan(y):
        return None, Message(QT_TRANSLATE_NOOP("core", "the position '{value}' is not two numbers"), value=shown)
    if not (abs(x) <= MAX_COORDINATE and abs(y) <= MAX_COORDINATE):  # also false for NaN
        template = QT_TRANSLATE_NOOP("core", "the position '{value}' is outside +/-{most}")
        return None, Message(template, value=shown, most=f"{MAX_COORDINATE:,.0f}")
    return (x, y), None


def parse_position(value: Any) -> tuple[float, float] | None:
    """``"x,y"`` as numbers, or None when it is not a sane position (see :func:`read_position`)."""
    return read_position(value)[0]


class _Header:
    def __init__(self, line: str, number: int, path: str, notes: list[Note]) -> None:
        body = line[2:]
        self.name, index = _scan(body, 0, "[{")
        self.tags: list[str] = []
        self.position: tuple[float, float] | None = None
        self.number, self.path, self.notes = number, path, notes
        if index < len(body) and body[index] == "[":
            raw_tags, index = _scan(body, index + 1, "]")
            self.tags = raw_tags.split()
            index += 1
        while index < len(body) and body[index] in " \t":
            index += 1
        rest = body[index:].rstrip()
        column = index + 3  # 1-based column of ``rest`` in the line
        twee2 = _TWEE2_POSITION.search(self.name) if not rest else _TWEE2_POSITION.fullmatch(rest)
        if twee2:
            if not rest:
                self.name = self.name[: twee2.start()].rstrip()
                column = line.rfind("<") + 1
            self._position(f"{twee2.group(1)},{twee2.group(2)}", column)
        elif rest.startswith("{"):
            self._metadata(rest, column)
        elif rest:
            self.note(
                column,
                Message(QT_TRANSLATE_NOOP("core", "passage '{name}': ignored '{rest}' after the header"), name=self.name, rest=rest[:60]),
            )

    def note(self, column: int, message: Message) -> None:
        self.notes.append(Note(self.path, self.number, column, message))

    def _position(self, value: Any, column: int) -> None:
        self.position, problem = read_position(value)
        if problem:
            self.note(
                column,
                Message(
                    QT_TRANSLATE_NOOP("core", "passage '{name}': {problem}; the editor will place it"), name=self.name, problem=problem
                ),
            )

    def _metadata(self, rest: str, column: int) -> None:
        try:
            metadata = read_json(rest).value
        except JsonRefused as exc:
            self.note(
                column + exc.offset,
                Message(QT_TRANSLATE_NOOP("core", "passage '{name}': metadata {problem}; left out"), name=self.name, problem=exc.message),
            )
            return
        if not isinstance(metadata, dict):
            self.note(
                column, Message(QT_TRANSLATE_NOOP("core", "passage '{name}': metadata is not a JSON object; left out"), name=self.name)
            )
            return
        if "position" in metadata:
            self._position(metadata["position"], column)
        unknown = sorted(set(metadata) - _METADATA_KEYS)
        if unknown:
            template = QT_TRANSLATE_NOOP("core", "passage '{name}': metadata {keys} has no counterpart in a scenario; left out")
            self.note(column, Message(template, name=self.name, keys=", ".join(map(repr, unknown))))


_ESCAPED_LINE = re.compile(r"^\\(?=:)", re.MULTILINE)  # a text line starting \: loses the backslash
_ESCAPED_LINE_BYTES = re.compile(rb"(?<![^\r\n])\\:")  # the same in the bytes of a passage


def parse_twee(text: str, path: str) -> Story:
    """Every passage of a Twee text, in order, with StoryTitle and StoryData read as the story's metadata (see :func:`read_twee`)."""
    return read_twee(text.encode("utf-8", "surrogatepass"), path, errors="surrogatepass")


def read_twee(data: bytes, path: str, *, errors: str = "strict") -> Story:
    """Every passage of a Twee file's bytes, in order, with StoryTitle and StoryData read as the story's metadata.

    Lines end in LF, CR LF or a lone CR (an old Mac editor's): each is one line break, as a text editor shows it.
    The headers are found in the bytes (:class:`~tipcase.importers.text_lines.HeaderSpans`): what is held is
    the bytes and each passage's text, decoded once from its span (a 30 MB passage of prose with emoji took
    626 MB to import, the whole text, its list of lines and their join held at once; 30 million blank lines
    read one at a time took 15 s, now 1.9). Raises :class:`ImportFailed` at the first byte that is not UTF-8
    (``errors="strict"``).
    """
    notes = Notes()
    passages: list[Passage] = []
    spans = HeaderSpans(data, path, errors)
    for line, number, body_start, kept_end in spans:
        header = _Header(line, number, path, notes)
        if not header.name:
            notes.append(Note(path, number, 1, Message(QT_TRANSLATE_NOOP("core", "a passage header with no name; passage left out"))))
        else:
            text = text_of(data, body_start, kept_end, errors) if kept_end > body_start else ""
            if text and _ESCAPED_LINE_BYTES.search(data, body_start, kept_end):
                text = _ESCAPED_LINE.sub("", text)
            passages.append(Passage(header.name, text, (number, 1), header.tags, header.position, text_line=number + 1))
        if len(passages) > MAX_PASSAGES + 1:  # StoryTitle and StoryData are passages here
            following = next(spans, None)
            if following is not None:
                raise too_many_passages(path, (following[1], 1))
    if spans.preamble:
        notes.append(Note(path, 1, 1, Message(QT_TRANSLATE_NOOP("core", "text before the first passage header was ignored"))))

    story = Story(title=None, passages=[], notes=notes)
    seen: dict[str, Passage] = {}
    for passage in passages:
        if passage.name in ("StoryTitle", "StoryData"):
            if passage.name in seen:
                first = seen[passage.name].pos[0]
                template = QT_TRANSLATE_NOOP("core", "a second {name} (the first is at line {first}); left out")
                notes.append(Note(path, passage.pos[0], 1, Message(template, name=passage.name, first=first)))
                continue
            seen[passage.name] = passage
            if passage.name == "StoryTitle":
                story.title = passage.text.strip() or None
            else:
                _story_data(passage, story, path)
        else:
            story.passages.append(passage)
    return story


def _story_data(passage: Passage, story: Story, path: str) -> None:
    try:
        data = read_json(passage.text).value
    except JsonRefused as exc:
        before = passage.text[: exc.offset]
        line, col = passage.text_line + before.count("\n"), exc.offset - before.rfind("\n")
        story.notes.append(Note(path, line, col, Message(QT_TRANSLATE_NOOP("core", "StoryData {problem}; left out"), problem=exc.message)))
        return
    if not isinstance(data, dict):
        story.notes.append(Note(path, passage.pos[0], 1, Message(QT_TRANSLATE_NOOP("core", "StoryData is not a JSON object; left out"))))
        return
    for key in ("start", "ifid", "format", "format-version"):
        if key in data and not isinstance(data[key], str):
            story.notes.append(
                Note(path, passage.pos[0], 1, Message(QT_TRANSLATE_NOOP("core", "StoryData '{key}' is not a string; left out"), key=key))
            )
    unknown = sorted(set(data) - _STORY_DATA_KEYS)
    if unknown:
        template = QT_TRANSLATE_NOOP("core", "StoryData {keys} has no counterpart in a scenario; left out")
        story.notes.append(Note(path, passage.pos[0], 1, Message(template, keys=", ".join(map(repr, unknown)))))
    if isinstance(data.get("start"), str):
        story.start = data["start"]
    if isinstance(data.get("ifid"), str):
        story.ifid = data["ifid"]
    if isinstance(data.get("format"), str):
        version = data.get("format-version")
        story.story_format = f"{data['format']} {version}" if isinstance(version, str) else data["format"]
