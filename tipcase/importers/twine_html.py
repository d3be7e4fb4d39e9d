r"""Read a Twine story from its HTML (Twine 2: published, or an archive of several; Twine 1) into a :class:`Story`.

Tokenized by :mod:`tipcase.importers.html_scan` (linear in the file, whatever it holds), which reads
``<script>`` and ``<style>`` contents as raw text: so the ``<tw-storydata>`` strings inside a story
format's player code are not mistaken for the story. Passage text is HTML-escaped in the file and comes
back unescaped. The start passage is the one whose ``pid`` is the story's ``startnode`` (pids are not
stable, so nothing else relies on them); a ``startnode`` that is not a number, or names no passage, is a
warning (as Tweego warns), and the converter then starts where a Twee file without ``start`` would.
Empty story JavaScript and stylesheets (Twine writes both elements for every story) are not mentioned.

A Twine 1 file keeps its passages as ``<div tiddler="Name" tags="..." twine-position="x,y">`` in its
``storeArea``, the text HTML-escaped and then with ``\n``, ``\t`` and ``\s`` for newline, tab and
backslash (Tweego's ``tiddlerUnescapeString``); its start passage is ``Start``.
"""

from __future__ import annotations

import re

from tipcase.importers.html_scan import Positions, TooManyAttributes, tags, unescape
from tipcase.importers.story import MAX_PASSAGES, ImportFailed, Note, Notes, Passage, Story, too_many_passages
from tipcase.importers.twee import read_position
from tipcase.messages import QT_TRANSLATE_NOOP, Message

Pos = tuple[int, int]
_STORY_TAGS = frozenset({"tw-storydata", "tw-passagedata"})  # the only tags whose attributes are read (Twine 2)
_WANTED = _STORY_TAGS | {"script", "style"}  # every other tag is taken out of the text between, unread
_TIDDLER_TAGS = frozenset({"div"})  # Twine 1
# The attributes kept of each story, passage and Twine 1 tiddler: what the import reads, and nothing a file adds.
_KEPT = frozenset({"name", "pid", "tags", "position", "startnode", "format", "format-version", "ifid", "tiddler", "twine-position"})


def _kept(attrs: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in attrs.items() if key in _KEPT}


class _TooManyPassages(Exception):
    """A story has a passage past :data:`~tipcase.importers.story.MAX_PASSAGES`; ``offset`` is where its tag starts."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class _RawStory:
    """One ``<tw-storydata>`` as written: its attributes, its passages and its non-empty script and stylesheet."""

    def __init__(self, attrs: dict[str, str], pos: Pos) -> None:
        self.attrs, self.pos = attrs, pos
        self.passages: list[tuple[dict[str, str], str, Pos]] = []
        self.code: list[tuple[str, Pos]] = []  # ("JavaScript" | "stylesheet", where), only when not empty


def _parse(text: str) -> list[_RawStory]:
    """Every ``<tw-storydata>`` of a file with its passages, in one pass over the tags."""
    where = Positions(text)
    stories: list[_RawStory] = []
    story: _RawStory | None = None
    passage: tuple[dict[str, str], list[str], Pos] | None = None
    for data, tag in tags(text, _STORY_TAGS, wanted=_WANTED):
        if passage is not None:
            if data:
                passage[1].append(data)  # markup inside a passage (Twine escapes it; a hand edit may not) is dropped, its text kept
            if tag.name not in ("tw-passagedata", "tw-storydata", "#end"):
                continue
            if story is not None:
                story.passages.append((passage[0], unescape("".join(passage[1])), passage[2]))
            passage = None
            if tag.closing and tag.name == "tw-passagedata":
                continue
        if tag.name == "tw-storydata":
            story = None if tag.closing else _RawStory(_kept(tag.attrs), where(tag.start))
            if story is not None:
                stories.append(story)
        elif tag.name == "tw-passagedata" and not tag.closing and story is not None:
            if len(story.passages) >= MAX_PASSAGES:
                raise _TooManyPassages(tag.start)
            passage = (_kept(tag.attrs), [], where(tag.start))
        elif tag.name in ("script", "style") and not tag.closing and story is not None and tag.raw_text.strip():
            story.code.append(("JavaScript" if tag.name == "script" else "stylesheet", where(tag.start)))
    return stories


_TIDDLER_ESCAPE = re.compile(r"\\[nts]")
_TIDDLER_CHARS = {"\\n": "\n", "\\t": "\t", "\\s": "\\"}


def _twine1(text: str, path: str) -> Story | None:
    """The story of a Twine 1 HTML file (its ``tiddler`` divs), or None when it has none."""
    where = Positions(text)
    passages: list[Passage] = []
    notes = Notes()
    tiddler: tuple[dict[str, str], list[str], Pos] | None = None
    for data, tag in tags(text, _TIDDLER_TAGS, wanted=_TIDDLER_TAGS):
        if tiddler is not None:
            if data:
                tiddler[1].append(data)
            if tag.name not in ("div", "#end"):
                continue
            attrs, parts, pos = tiddler
            body = _TIDDLER_ESCAPE.sub(lambda match: _TIDDLER_CHARS[match.group()], unescape("".join(parts)))
            position, problem = read_position(attrs["twine-position"]) if "twine-position" in attrs else (None, None)
            name = attrs["tiddler"].strip()
            if problem:
                notes.append(
                    Note(
                        path,
                        pos[0],
                        pos[1],
                        Message(
                            QT_TRANSLATE_NOOP("core", "passage '{name}': {problem}; the editor will place it"), name=name, problem=problem
                        ),
                    )
                )
            if name:
                passages.append(Passage(name, body.rstrip(), pos, attrs.get("tags", "").split(), position))
            else:
                notes.append(Note(path, pos[0], pos[1], Message(QT_TRANSLATE_NOOP("core", "a passage with no name; left out"))))
            tiddler = None
        if tag.name == "div" and not tag.closing and "tiddler" in tag.attrs:
            if len(passages) > MAX_PASSAGES:  # StoryTitle is a passage here
                raise _TooManyPassages(tag.start)
            tiddler = (_kept(tag.attrs), [], where(tag.start))
    if not passages:
        return None
    story = Story(title=None, passages=[], notes=notes)
    for passage in passages:
        if passage.name == "StoryTitle" and story.title is None:
            story.title = passage.text.strip() or None
        else:
            story.passages.append(passage)
    return story


def parse_twine_html(text: str, path: str, story_name: str | None = None) -> Story:
    """The story (the first, or the one named ``story_name``) of a Twine 2 HTML file.

    Raises :class:`ImportFailed` for a file with no story, no story named ``story_name``, a story or
    passage tag with more than :data:`~tipcase.importers.html_scan.MAX_ATTRIBUTES` attributes, or a story of
    more than :data:`~tipcase.importers.story.MAX_PASSAGES` passages (at the first past it, read no further).
    """
    try:
        return _story(text, path, story_name)
    except TooManyAttributes as exc:
        line, col = Positions(text)(exc.offset)
        raise ImportFailed(f"{path}:{line}:{col}: {exc}; refused (Twine writes at most 11)") from None
    except _TooManyPassages as exc:
        raise too_many_passages(path, Positions(text)(exc.offset)) from None


def _story(text: str, path: str, story_name: str | None) -> Story:
    stories = _parse(text)
    if not stories:
        twine1 = _twine1(text, path) if story_name is None else None
        if twine1 is not None:
            return twine1
        raise ImportFailed(f"{path}:1:1: no Twine story in this HTML file (no <tw-storydata> element, no Twine 1 passages)")
    chosen = 0
    names = [story.attrs.get("name", "") for story in stories]
    if story_name is not None:
        if story_name not in names:
            shown = ", ".join(names[:10]) + (f" and {len(names) - 10:,} more" if len(names) > 10 else "")  # an archive may hold 20,000
            raise ImportFailed(f"{path}:1:1: no story named '{story_name[:100]}' here (stories: {shown})")
        chosen = names.index(story_name)
    raw = stories[chosen]
    notes = Notes()

    def note(pos: Pos, message: Message) -> None:
        notes.append(Note(path, pos[0], pos[1], message))

    if story_name is None and len(stories) > 1:
        others = ", ".join(repr(name) for name in names[1:])
        template = QT_TRANSLATE_NOOP("core", "the file holds {count} stories; imported the first (others: {others}; choose with --story)")
        note(raw.pos, Message(template, count=len(stories), others=others))
    for kind, pos in raw.code:
        if kind == "JavaScript":
            note(pos, Message(QT_TRANSLATE_NOOP("core", "the story's JavaScript was left out (a scenario has no story-format code)")))
        else:
            note(pos, Message(QT_TRANSLATE_NOOP("core", "the story's stylesheet was left out (a scenario has no story-format code)")))
    attrs = raw.attrs
    story = Story(title=attrs.get("name") or None, passages=[], notes=notes, ifid=attrs.get("ifid") or None)
    if attrs.get("format"):
        story.story_format = f"{attrs['format']} {attrs.get('format-version', '')}".strip()
    start_pid = attrs.get("startnode", "").strip()
    if start_pid and not start_pid.isdigit():
        note(
            raw.pos,
            Message(QT_TRANSLATE_NOOP("core", "the story's startnode '{startnode}' is not a passage number"), startnode=start_pid[:40]),
        )
    pids: dict[str, str] = {}  # pid -> the first passage that has it
    for values, body, pos in raw.passages:
        name = values.get("name", "").strip()
        if not name:
            note(pos, Message(QT_TRANSLATE_NOOP("core", "a passage with no name; left out")))
            continue
        pid = values.get("pid", "").strip()
        if pid and pids.setdefault(pid, name) != name:  # Twine numbers its passages 1, 2, ...: a hand edit or a merge
            template = QT_TRANSLATE_NOOP("core", "passage '{name}' has the pid {pid} of '{first}' (the startnode means the first)")
            note(pos, Message(template, name=name, pid=pid[:20], first=pids[pid]))
        position, problem = read_position(values["position"]) if "position" in values else (None, None)
        if problem:
            note(
                pos, Message(QT_TRANSLATE_NOOP("core", "passage '{name}': {problem}; the editor will place it"), name=name, problem=problem)
            )
        passage = Passage(name, body.rstrip(), pos, values.get("tags", "").split(), position)
        story.passages.append(passage)
        if start_pid and story.start is None and values.get("pid", "").strip() == start_pid:
            story.start = name
    if start_pid.isdigit() and story.start is None:
        note(raw.pos, Message(QT_TRANSLATE_NOOP("core", "the story's startnode {startnode} names no passage"), startnode=start_pid))
    return story
