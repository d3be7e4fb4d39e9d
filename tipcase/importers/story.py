r"""What every importer produces: a story of named passages with their links, plus the notes taken on the way.

A Twine story (Twee text or Twine 2 HTML) is read into a :class:`Story`; :mod:`tipcase.importers.convert`
then turns it into a scenario. Link syntax follows the Twine editor's own parser (``parse-links.ts``), so
the choices we import are the arrows a Twine author sees on the story map; links are found by a scan
that is linear in the text (Twine's ``/\[\[.*?\]\]/g`` backtracks: 40 KB of unclosed ``[[`` took 24 s).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many

Pos = tuple[int, int]

# Twine's own rule: a target that starts like a URL is a link out of the story, not an edge.
# ``mailto:`` and ``tel:`` have no slashes but are just as external.
_EXTERNAL = re.compile(r"^(\w+://|mailto:|tel:|javascript:)", re.IGNORECASE)
# Characters a scenario's text should not carry: C0 and C1 controls but tab and newline, and the
# non-characters U+FFFE and U+FFFF. No database stores NUL in text, and YAML escapes the others.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def one_line(text: str) -> str:
    r"""``text`` safe to print as one line of a terminal, each character that is not printable escaped.

    A line break, an escape sequence's ESC, NUL or a bidirectional override is written as ``\n``,
    ``\x1b``, ``\x00``, ``\u202e`` (as Python's ``repr`` shows it). Values read from an imported file
    reach its warnings and errors: a language of ``"en\nfake.h5p:1:1: error: ..."`` must not print a
    second, forged line. Returns ``text`` itself when every character is printable.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class ImportFailed(Exception):
    """The file cannot be imported at all; the message is one line that says where and what."""


MAX_PASSAGES = 20_000
"""The most passages (or H5P items) imported: a case is played and edited stage by stage, and beyond this
size neither is of use to a trainee (the bundled cases have 20 to 40 stages)."""


def too_many_passages(path: str, pos: Pos) -> ImportFailed:
    """The refusal a reader raises at the first passage past :data:`MAX_PASSAGES` (and StoryTitle, StoryData), before reading on.

    A story of 3 million passage headers took 1.3 GB and 16 s to read before the converter counted them.
    """
    most = f"{MAX_PASSAGES:,}"
    return ImportFailed(f"{path}:{pos[0]}:{pos[1]}: the story has more than {most} passages; at most {most} are imported (split the story)")


@dataclasses.dataclass(frozen=True)
class Note:
    """A warning about something the importer changed or left out, printed as ``PATH:LINE:COL: warning: ...``.

    ``message`` is a :class:`~tipcase.messages.Message`: the English line (what the command line prints)
    with its marked template and parameters, which the app says in the interface language.
    """

    path: str
    line: int
    col: int
    message: Message
    more: int = 0  # > 0: this note stands for that many notes alike that are not listed (see :class:`Notes`)

    def __str__(self) -> str:
        return one_line(f"{self.path}:{self.line}:{self.col}: warning: {self.message}")


MAX_NOTES_ALIKE = 100
"""The most notes with the same template kept in one import; the rest are counted in one note (a story of 3.3
million repeated links made as many notes: 1.8 GB and 79 s)."""


class Notes(list[Note]):
    """The notes of one import, in memory bounded whatever the file: at most :data:`MAX_NOTES_ALIKE` alike are kept.

    Notes are alike when their message has the same template; beyond the limit each is only counted, and
    :meth:`listed` ends with one note per template that says how many more there were.
    """

    def __init__(self, notes: Iterable[Note] = ()) -> None:
        super().__init__()
        self.alike: dict[str, int] = {}
        self.unlisted: dict[str, tuple[Note, int]] = {}  # template -> (the first note left out, how many were)
        self.extend(notes)

    def append(self, note: Note) -> None:
        """Keep ``note``, or count it when :data:`MAX_NOTES_ALIKE` notes alike are kept already."""
        key = note.message.template
        seen = self.alike.get(key, 0)
        self.alike[key] = seen + 1
        if seen < MAX_NOTES_ALIKE:
            super().append(note)
        else:
            first, count = self.unlisted.get(key, (note, 0))
            self.unlisted[key] = (first, count + 1)

    def extend(self, notes: Iterable[Note]) -> None:
        """Append each of ``notes``; the notes another :class:`Notes` counted are counted here too."""
        for note in notes:
            self.append(note)
        if isinstance(notes, Notes):
            for key, (first, count) in notes.unlisted.items():
                mine, before = self.unlisted.get(key, (first, 0))
                self.unlisted[key] = (mine, before + count)
                self.alike[key] = self.alike.get(key, 0) + count

    def listed(self) -> list[Note]:
        """The notes kept, then one for each template with notes left out, in file order (path, line, column)."""
        one = QT_TRANSLATE_NOOP("core", "{count} more warning like this one is not listed: {example}")
        many = QT_TRANSLATE_NOOP("core", "{count} more warnings like this one are not listed: {example}")
        summaries = [
            Note(
                first.path,
                first.line,
                first.col,
                Message(one_or_many(count, one, many), count=f"{count:,}", example=first.message),
                more=count,
            )
            for first, count in self.unlisted.values()
        ]
        return sorted([*self, *summaries], key=lambda note: (note.path, note.line, note.col))


@dataclasses.dataclass(frozen=True)
class Link:
    """One ``[[...]]`` link: what the reader sees, the passage it names ('' when none), and where it was written."""

    label: str
    target: str
    pos: Pos
    written: str = ""  # the link as written, ``[[...]]``
    setter: str = ""  # a story format's setter after ``][``, dropped

    @property
    def external(self) -> bool:
        """Whether the link leaves the story (a URL such as ``https://`` or ``mailto:``), which an import drops with a warning."""
        return bool(_EXTERNAL.match(self.target))


@dataclasses.dataclass
class Passage:
    """One passage as written: name, tags, map position, text, and the line its header stood on."""

    name: str
    text: str
    pos: Pos
    tags: list[str] = dataclasses.field(default_factory=list)
    position: tuple[float, float] | None = None
    text_line: int = 0  # the file line of the text's first line (0: unknown, e.g. inside HTML)

    def where(self, number: int, col: int) -> Pos:
        """The file position of column ``col`` (1-based) of the text's line ``number`` (0-based)."""
        return (self.text_line + number, col) if self.text_line else self.pos

    def links(self) -> list[Link]:
        """The passage's links in order of appearance, as Twine's map finds them, empty targets included."""
        return list(self.iter_links())

    def iter_links(self) -> Iterator[Link]:
        """:meth:`links` one at a time, so a passage of millions of links is never held as a list of them."""
        for number, line in lines_with_links(self.text):
            for start, end, inner in find_links(line):
                label, target, setter = split_link(inner)
                yield Link(label, target, self.where(number, start + 1), line[start:end], setter)

    def unclosed(self) -> list[Pos]:
        """Where a ``[[`` opens a link that its line never closes (Twine reads it as text)."""
        found = []
        for number, line in lines_with_links(self.text):
            after = max((end for _, end, _ in find_links(line)), default=0)
            opening = line.find("[[", after)
            if opening >= 0:
                found.append(self.where(number, opening + 1))
        return found


@dataclasses.dataclass
class Story:
    """A whole story: its title, the start passage's name (if the file says), and its passages in file order."""

    title: str | None
    passages: list[Passage]
    start: str | None = None
    story_format: str | None = None
    ifid: str | None = None
    notes: Notes = dataclasses.field(default_factory=Notes)


def lines_with_links(text: str) -> Iterator[tuple[int, str]]:
    """``(number, line)`` (0-based) of each line of ``text`` that holds a ``[[``, found without splitting the rest.

    Linear in the text, and no memory for the lines without one (a passage of 32 MiB of blank lines
    split into a list took some 270 MB).
    """
    number, counted = 0, 0  # the line number of offset ``counted``
    index = text.find("[[")
    while index >= 0:
        start = text.rfind("\n", 0, index) + 1
        number += text.count("\n", counted, start)
        end = text.find("\n", index)
        end = len(text) if end < 0 else end
        yield number, text[start:end]
        counted = start
        index = text.find("[[", end)


def find_links(line: str) -> Iterator[tuple[int, int, str]]:
    r"""``(start, end, inner)`` of each ``[[...]]`` in one line, exactly as ``/\[\[(.*?)\]\]/g`` matches, in linear time.

    Each link is the first ``]]`` after the first ``[[``; when a ``[[`` has no ``]]`` after it, no later
    one has either, so the scan stops instead of trying every remaining position.
    """
    index = 0
    while (start := line.find("[[", index)) >= 0:
        close = line.find("]]", start + 2)
        if close < 0:
            return
        yield start, close + 2, line[start + 2 : close]
        index = close + 2


def _field(text: str, separator: str, rightmost: bool) -> str | None:
    if separator not in text:
        return None
    return text.rsplit(separator, 1)[1] if rightmost else text.split(separator, 1)[0]


def split_link(inner: str) -> tuple[str, str, str]:
    """``label, target, setter`` of the text between ``[[`` and ``]]``; the target is '' when the link names nothing.

    In Twine's order: a setter after ``][`` is set apart; then the target is the text after the rightmost
    ``->``, else before the leftmost ``<-``, else after the last ``|``, else the whole text. Both are
    stripped of surrounding blanks; a missing label is the target.
    """
    setter = ""
    if "][" in inner:
        inner, setter = inner.split("][", 1)
    if "->" in inner:
        label, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, label = inner.split("<-", 1)
    elif "|" in inner:
        label, target = inner.rsplit("|", 1)
    else:
        label = target = inner
    target = target.strip()
    return label.strip() or target, target, setter.strip()


def parse_link(inner: str) -> tuple[str, str] | None:
    """``label, target`` of the text between ``[[`` and ``]]``, or None when it names nothing (see :func:`split_link`)."""
    label, target, _ = split_link(inner)
    return (label, target) if target else None


_LINE_WITH_LINKS = re.compile(r"^[^\n]*\[\[[^\n]*(?:\n|\Z)", re.MULTILINE)
_TRAILING_BLANKS = re.compile(r"[^\S\n]+$", re.MULTILINE)


def _prose_line(match: re.Match[str]) -> str:
    """A line holding ``[[`` as prose: gone (with its line break) when it is only links, else each link as its label."""
    written = match.group()
    line, newline = (written[:-1], "\n") if written.endswith("\n") else (written, "")
    outside, labels, index = [], [], 0
    for start, end, inner in find_links(line):
        outside.append(line[index:start])
        labels.append(split_link(inner)[0])
        index = end
    if not labels:
        return written
    outside.append(line[index:])
    if not "".join(outside).strip():
        return ""
    return "".join(piece for pair in zip(outside, [*labels, ""], strict=True) for piece in pair) + newline


def strip_links(text: str) -> str:
    """The passage text as prose: lines made only of links go (they become choices); inline links keep their label.

    Blanks at the ends of lines and blank lines at the start and the end go too. Linear in the text,
    with no list of its lines.
    """
    if "[[" in text:
        text = _LINE_WITH_LINKS.sub(_prose_line, text)
    return _TRAILING_BLANKS.sub("", text).strip("\n")


def clean_text(text: str) -> tuple[str, int]:
    r"""Text fit for a scenario: line ends as ``\n``, control characters removed; and how many were removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.subn("", text)
