"""Read a Twine 2 story from its HTML (published, or an archive of several) into a :class:`Story`.

Uses the standard library's HTML parser, which reads ``<script>`` and ``<style>`` contents as raw text:
so the ``<tw-storydata>`` strings inside a story format's player code are not mistaken for the story.
Passage text is HTML-escaped in the file and comes back unescaped. The start passage is the one whose
``pid`` is the story's ``startnode`` (pids are not stable, so nothing else relies on them).
"""

from __future__ import annotations

from html.parser import HTMLParser

from tipcase.importers.story import ImportFailed, Note, Passage, Story
from tipcase.importers.twee import parse_position


class _StoryParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stories: list[tuple[dict[str, str], list[tuple[dict[str, str], str, tuple[int, int]]], list[str]]] = []
        self._passage: tuple[dict[str, str], list[str], tuple[int, int]] | None = None
        self._in_story = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "tw-storydata":
            self.stories.append((values, [], []))
            self._in_story = True
        elif tag == "tw-passagedata" and self._in_story:
            line, col = self.getpos()
            self._passage = (values, [], (line, col + 1))
        elif self._in_story and tag in ("script", "style"):
            self.stories[-1][2].append("JavaScript" if tag == "script" else "stylesheet")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tw-passagedata" and self._passage is not None:
            values, parts, pos = self._passage
            self.stories[-1][1].append((values, "".join(parts), pos))
            self._passage = None
        elif tag == "tw-storydata":
            self._in_story = False

    def handle_data(self, data: str) -> None:
        if self._passage is not None:
            self._passage[1].append(data)


def story_names(text: str) -> list[str]:
    """The names of the stories in a Twine 2 HTML file, in order."""
    parser = _StoryParser()
    parser.feed(text)
    parser.close()
    return [attrs.get("name", "") for attrs, _, _ in parser.stories]


def parse_twine_html(text: str, path: str, story_name: str | None = None) -> Story:
    """The story (the first, or the one named ``story_name``) of a Twine 2 HTML file."""
    parser = _StoryParser()
    parser.feed(text)
    parser.close()
    if not parser.stories:
        raise ImportFailed(f"{path}:1:1: no Twine 2 story in this HTML file (no <tw-storydata> element)")
    chosen = 0
    if story_name is not None:
        names = [attrs.get("name", "") for attrs, _, _ in parser.stories]
        if story_name not in names:
            raise ImportFailed(f"{path}:1:1: no story named '{story_name}' here (stories: {', '.join(names)})")
        chosen = names.index(story_name)
    attrs, raw_passages, left_out = parser.stories[chosen]
    notes: list[Note] = []
    if story_name is None and len(parser.stories) > 1:
        others = ", ".join(repr(a.get("name", "")) for a, _, _ in parser.stories[1:])
        count = len(parser.stories)
        notes.append(Note(path, 1, 1, f"the file holds {count} stories; imported the first (others: {others}; choose with --story)"))
    for kind in sorted(set(left_out)):
        notes.append(Note(path, 1, 1, f"the story's {kind} was left out (a scenario has no story-format code)"))
    story = Story(title=attrs.get("name") or None, passages=[], notes=notes, ifid=attrs.get("ifid") or None)
    if attrs.get("format"):
        story.story_format = f"{attrs['format']} {attrs.get('format-version', '')}".strip()
    start_pid = attrs.get("startnode")
    for values, body, pos in raw_passages:
        name = values.get("name", "").strip()
        if not name:
            notes.append(Note(path, pos[0], pos[1], "a passage with no name; left out"))
            continue
        passage = Passage(name, body.rstrip(), pos, values.get("tags", "").split(), parse_position(values.get("position")))
        story.passages.append(passage)
        if start_pid and values.get("pid") == start_pid:
            story.start = name
    return story
