"""What every importer produces: a story of named passages with their links, plus the notes taken on the way.

A Twine story (Twee text or Twine 2 HTML) is read into a :class:`Story`; :mod:`tipcase.importers.convert`
then turns it into a scenario. Link syntax follows the Twine editor's own parser (``parse-links.ts``), so
the choices we import are the arrows a Twine author sees on the story map.
"""

from __future__ import annotations

import dataclasses
import re

Pos = tuple[int, int]

# Twine's own rule: a target that starts like a URL is a link out of the story, not an edge.
# ``mailto:`` and ``tel:`` have no slashes but are just as external.
_EXTERNAL = re.compile(r"^(\w+://|mailto:|tel:|javascript:)", re.IGNORECASE)
_LINK = re.compile(r"\[\[(.*?)\]\]")


class ImportFailed(Exception):
    """The file cannot be imported at all; the message is one line that says where and what."""


@dataclasses.dataclass(frozen=True)
class Note:
    """A warning about something the importer changed or left out, printed as ``PATH:LINE:COL: warning: ...``."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: warning: {self.message}"


@dataclasses.dataclass(frozen=True)
class Link:
    """One ``[[...]]`` link: what the reader sees, the passage it names, and where it was written."""

    label: str
    target: str
    pos: Pos

    @property
    def external(self) -> bool:
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

    def links(self) -> list[Link]:
        """The passage's links in order of appearance, as Twine's map finds them."""
        found: list[Link] = []
        for number, line in enumerate(self.text.split("\n")):
            for match in _LINK.finditer(line):
                parsed = parse_link(match.group(1))
                if parsed is None:
                    continue
                label, target = parsed
                where = (self.text_line + number, match.start() + 1) if self.text_line else self.pos
                found.append(Link(label, target, where))
        return found


@dataclasses.dataclass
class Story:
    """A whole story: its title, the start passage's name (if the file says), and its passages in file order."""

    title: str | None
    passages: list[Passage]
    start: str | None = None
    story_format: str | None = None
    ifid: str | None = None
    notes: list[Note] = dataclasses.field(default_factory=list)


def _field(text: str, separator: str, rightmost: bool) -> str | None:
    if separator not in text:
        return None
    return text.rsplit(separator, 1)[1] if rightmost else text.split(separator, 1)[0]


def parse_link(inner: str) -> tuple[str, str] | None:
    """``label, target`` of the text between ``[[`` and ``]]``, or None when it names nothing.

    In Twine's order: a setter after ``][`` is dropped; then the target is the text after the rightmost
    ``->``, else before the leftmost ``<-``, else after the last ``|``, else the whole text.
    """
    if "][" in inner:
        inner = inner.split("][", 1)[0]
    if "->" in inner:
        label, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, label = inner.split("<-", 1)
    elif "|" in inner:
        label, target = inner.rsplit("|", 1)
    else:
        label = target = inner
    target = target.strip()
    label = label.strip() or target
    if not target:
        return None
    return label, target


def strip_links(text: str) -> str:
    """The passage text as prose: lines made only of links go (they become choices); inline links keep their label."""
    lines: list[str] = []
    for line in text.split("\n"):
        if _LINK.search(line) and not _LINK.sub("", line).strip():
            continue
        lines.append(_LINK.sub(lambda m: (parse_link(m.group(1)) or ("", ""))[0], line).rstrip())
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)
