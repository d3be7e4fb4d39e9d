"""Turn an imported :class:`Story` into a scenario that validates: passages become stages, links choices.

What a Twine story can hold but a scenario cannot is left out with a note, never silently:
script and stylesheet passages, the story formats' special passages, duplicate names (the first is kept),
links with an empty target, links to passages that do not exist, links out of the story, setters, links
made by macros, a repeated link, passage tags, control characters, and passages no link reaches from the
start. A passage with no link left becomes an end stage; a loop with no way out gets one choice that ends
the case, so every imported story plays to an end. Every step is linear in the story's size (one search
from the start, one backwards search from all the endings, one condensation).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from tipcase.importers.story import MAX_PASSAGES as MAX_PASSAGES  # noqa: PLC0414 - h5p and tests take it from here
from tipcase.importers.story import ImportFailed, Link, Note, Notes, Passage, Story, clean_text, strip_links
from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many

# Passages the story formats treat specially; none of them is a moment of the case.
SPECIAL_PASSAGES = frozenset(
    {
        "StoryAuthor", "StorySubtitle", "StorySettings", "StoryIncludes", "StoryInit", "StoryMenu", "StoryCaption",
        "StoryBanner", "StoryShare", "StoryInterface", "PassageReady", "PassageDone", "PassageHeader", "PassageFooter",
    }
)  # fmt: skip
CODE_TAGS = ("script", "stylesheet", "widget", "Twine.private")

# Links that a story format makes at play time; Twine's map does not draw them and neither can we.
_DYNAMIC_LINK = re.compile(
    r"<<\s*(link|goto|button|actions|choice|click|include|back|return)\b"
    r"|\((link-goto|goto|go-to|link-reveal-goto|click-goto|link-show|display):"
    r"|\{\s*(embed passage|reveal link|link to|back link|restart link)",
    re.IGNORECASE,
)
_CODE = re.compile(r"<<\s*[A-Za-z_][\w-]*|\([a-z][a-z0-9-]*:|<%|\{\s*[a-z][a-z ]*:")

END_TEXT = "The imported story has no ending on this path: the case ends here. (Added by the importer; rewrite it.)"

MAX_LINKS = 200_000
"""The most links read in one story (ten a passage at :data:`MAX_PASSAGES`; at most 60,000 choices are
imported): each costs some 10 microseconds of Python, and 5.6 million repeated links in 32 MB took minutes."""

# Twine draws passages as 100 x 100 squares; the editor's stage boxes are 180 x 62. Scaling Twine's
# positions by these factors keeps the author's arrangement without the boxes overlapping.
TWINE_TO_CANVAS = (2.0, 0.8)


MAX_ID_CHARS = 64
"""The longest id made from a name (a scenario's id names its file, a picture's its file in ``media/``: a
300-character story title made a file name the system refuses, and the import ended in an internal error)."""


def slug(name: str) -> str:
    """A stage or scenario id made from a name: lower case ASCII letters, digits, '-' and '_', at most :data:`MAX_ID_CHARS`."""
    ascii_name = unicodedata.normalize("NFKD", name[: MAX_ID_CHARS * 4]).encode("ascii", "ignore").decode("ascii").lower()
    cleaned = re.sub(r"[^a-z0-9_]+", "-", ascii_name).strip("-")[:MAX_ID_CHARS].rstrip("-_")
    return cleaned or "passage"


class Ids:
    """Unique ids made from names: ``base``, then ``base-2``, ``base-3``, ... in constant time each."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self._next: dict[str, int] = {}  # base -> the counter to try next

    def __contains__(self, candidate: str) -> bool:
        return candidate in self.taken

    def make(self, base: str) -> str:
        """A new id from ``base``: ``base`` itself when free, else the first free ``base-N`` (N from 2); the id is taken at once."""
        candidate, counter = base, self._next.get(base, 2)
        if candidate in self.taken:
            candidate = f"{base}-{counter}"
            while candidate in self.taken:
                counter += 1
                candidate = f"{base}-{counter}"
            self._next[base] = counter + 1
        self.taken.add(candidate)
        return candidate


def can_end(graph: nx.DiGraph[Any], ends: Iterable[Any]) -> set[Any]:
    """The nodes from which one of ``ends`` can be reached (the ends included): one backwards search, linear."""
    found = set(ends)
    frontier = list(found)
    while frontier:
        node = frontier.pop()
        for before in graph.predecessors(node):
            if before not in found:
                found.add(before)
                frontier.append(before)
    return found


def _names(names: Iterable[str], limit: int = 8) -> str:
    items = [f"'{name}'" for name in names]
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


class _Converter:
    def __init__(self, story: Story, path: str, start: str | None) -> None:
        self.story, self.path, self.notes = story, path, Notes(story.notes)
        self.links_read = 0
        if len(story.passages) > MAX_PASSAGES:
            raise ImportFailed(
                f"{path}:1:1: the story has {len(story.passages):,} passages; at most {MAX_PASSAGES:,} are imported (split the story)"
            )
        self.passages: dict[str, Passage] = {}
        self._keep_passages()
        self.start = self._start(start)

    def note(self, pos: tuple[int, int], message: Message) -> None:
        self.notes.append(Note(self.path, pos[0], pos[1], message))

    def _keep_passages(self) -> None:
        tagged: dict[str, Passage] = {}  # tag -> the first passage that has it
        for passage in self.story.passages:
            code_tags = [tag for tag in passage.tags if tag in CODE_TAGS]
            if code_tags:
                self.note(
                    passage.pos,
                    Message(
                        QT_TRANSLATE_NOOP("core", "passage '{name}' is tagged {tag}: story-format code, left out"),
                        name=passage.name,
                        tag=code_tags[0],
                    ),
                )
            elif passage.name in SPECIAL_PASSAGES:
                self.note(
                    passage.pos,
                    Message(
                        QT_TRANSLATE_NOOP("core", "passage '{name}' is a special passage of the story format; left out"), name=passage.name
                    ),
                )
            elif passage.name in self.passages:
                first = self.passages[passage.name].pos[0]
                template = QT_TRANSLATE_NOOP("core", "a second passage named '{name}' (the first is at line {first}); left out")
                self.note(passage.pos, Message(template, name=passage.name, first=first))
            else:
                self.passages[passage.name] = passage
                for tag in passage.tags:
                    tagged.setdefault(tag, passage)
        if tagged:
            earliest = min(tagged.values(), key=lambda passage: passage.pos)
            template = QT_TRANSLATE_NOOP("core", "passage tags have no counterpart in a scenario and were left out: {tags}")
            self.note(earliest.pos, Message(template, tags=_names(tagged)))

    def _start(self, chosen: str | None) -> str:
        if not self.passages:
            raise ImportFailed(f"{self.path}:1:1: no passages to import")
        if chosen is not None:
            if chosen not in self.passages:
                raise ImportFailed(f"{self.path}:1:1: no passage named '{chosen}' to start from")
            return chosen
        if self.story.start is not None:
            if self.story.start in self.passages:
                return self.story.start
            self.note((1, 1), Message(QT_TRANSLATE_NOOP("core", "the start passage '{name}' does not exist"), name=self.story.start))
        if "Start" in self.passages:
            return "Start"
        first = next(iter(self.passages))
        template = QT_TRANSLATE_NOOP("core", "the story names no start passage; starting at the first, '{name}' (choose with --start)")
        self.note(self.passages[first].pos, Message(template, name=first))
        return first

    def _choices(self, passage: Passage) -> list[Link]:
        kept: list[Link] = []
        seen: set[tuple[str, str]] = set()
        name = passage.name
        for link in passage.iter_links():
            self.links_read += 1
            if self.links_read > MAX_LINKS:
                most = f"{MAX_LINKS:,}"
                where = f"{self.path}:{link.pos[0]}:{link.pos[1]}"
                raise ImportFailed(f"{where}: the story has more than {most} links; at most {most} are read (split the story)")
            written = link.written[:80]
            if link.setter:
                template = QT_TRANSLATE_NOOP(
                    "core", "passage '{name}': the setter '{setter}' of {link} was dropped (use the choice's set or add)"
                )
                self.note(link.pos, Message(template, name=name, setter=link.setter[:60], link=written))
            if not link.target:
                template = QT_TRANSLATE_NOOP("core", "passage '{name}': the link {link} has an empty target; left out")
                self.note(link.pos, Message(template, name=name, link=written))
            elif link.external:
                template = QT_TRANSLATE_NOOP("core", "passage '{name}': link out of the story to {target}; left out")
                self.note(link.pos, Message(template, name=name, target=link.target))
            elif link.target not in self.passages:
                template = QT_TRANSLATE_NOOP("core", "passage '{name}': broken link to '{target}' (no such passage); left out")
                self.note(link.pos, Message(template, name=name, target=link.target))
            elif (link.label, link.target) in seen:
                template = QT_TRANSLATE_NOOP("core", "passage '{name}': the link {link} repeats an earlier one; one choice made")
                self.note(link.pos, Message(template, name=name, link=written))
            else:
                seen.add((link.label, link.target))
                kept.append(link)
        for pos in passage.unclosed():
            self.note(
                pos, Message(QT_TRANSLATE_NOOP("core", "passage '{name}': '[[' is never closed on its line; kept as text"), name=name)
            )
        return kept

    def _code_notes(self, passage: Passage) -> None:
        dynamic = sorted({m.group(0).strip() for m in _DYNAMIC_LINK.finditer(passage.text)})
        if dynamic:
            made_by = ", ".join(dynamic[:8]) + (", ..." if len(dynamic) > 8 else "")
            template = QT_TRANSLATE_NOOP(
                "core", "passage '{name}': unresolved dynamic links made by macros ({macros}); add them as choices by hand"
            )
            self.note(passage.pos, Message(template, name=passage.name, macros=made_by))
        code = sorted({m.group(0).strip() for m in _CODE.finditer(passage.text)} - set(dynamic))
        if code:
            shown = ", ".join(code[:5]) + (", ..." if len(code) > 5 else "")
            template = QT_TRANSLATE_NOOP(
                "core", "passage '{name}': story-format code ({code}) kept as text; rewrite it as conditions and effects"
            )
            self.note(passage.pos, Message(template, name=passage.name, code=shown))

    def _clean(self, passage: Passage, value: str) -> str:
        cleaned, removed = clean_text(value)
        if removed:
            self.note(
                passage.pos,
                Message(
                    one_or_many(
                        removed,
                        QT_TRANSLATE_NOOP("core", "passage '{name}': {count} control character removed"),
                        QT_TRANSLATE_NOOP("core", "passage '{name}': {count} control characters removed"),
                    ),
                    name=passage.name,
                    count=removed,
                ),
            )
        return cleaned

    def convert(self, lang: str) -> dict[str, Any]:
        choices = {name: self._choices(passage) for name, passage in self.passages.items()}
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(self.passages)
        graph.add_edges_from((name, link.target) for name, links in choices.items() for link in links)
        reachable = nx.descendants(graph, self.start) | {self.start}
        dropped = [name for name in self.passages if name not in reachable]
        if dropped:
            first = self.passages[dropped[0]].pos
            template = one_or_many(
                len(dropped),
                QT_TRANSLATE_NOOP("core", "{count} passage no link reaches from the start was left out: {names}"),
                QT_TRANSLATE_NOOP("core", "{count} passages no link reaches from the start were left out: {names}"),
            )
            self.note(first, Message(template, count=len(dropped), names=_names(dropped)))
        kept = [name for name in self.passages if name in reachable]
        for name in kept:
            self._code_notes(self.passages[name])

        taken = Ids()
        ids = {name: taken.make(slug(name)) for name in kept}
        exits = self._exits(graph.subgraph(kept), choices)
        end_id = taken.make("imported-end") if exits else None

        stages: dict[str, Any] = {}
        for name in kept:
            passage = self.passages[name]
            stage: dict[str, Any] = {"title": self._clean(passage, name), "text": self._clean(passage, strip_links(passage.text))}
            if passage.position is not None:
                stage["layout"] = {
                    "x": round(passage.position[0] * TWINE_TO_CANVAS[0], 1),
                    "y": round(passage.position[1] * TWINE_TO_CANVAS[1], 1),
                }
            stage_choices = [{"label": clean_text(link.label)[0], "to": ids[link.target]} for link in choices[name]]
            if name in exits and end_id is not None:
                stage_choices.append({"label": "End the case here", "to": end_id})
            if stage_choices:
                stage["choices"] = stage_choices
            else:
                stage["end"] = "success"
            stages[ids[name]] = stage
        if end_id is not None:
            stages[end_id] = {"title": "End (added on import)", "text": END_TEXT, "end": "partial"}

        title = clean_text(self.story.title or Path(self.path).stem or "Imported story")[0]
        return {
            "tipcase": 1,
            "id": re.sub(r"[-_]+", "-", slug(title)).strip("-") or "imported-story",
            "version": 1,
            "title": title,
            "languages": [lang],
            "start": ids[self.start],
            "stages": stages,
        }

    def _exits(self, graph: nx.DiGraph[str], choices: dict[str, list[Link]]) -> set[str]:
        """One passage in each loop from which no ending can be reached: it gets a choice that ends the case."""
        ending = can_end(graph, (name for name in graph if not choices[name]))
        stuck = graph.subgraph([name for name in graph if name not in ending])
        condensed = nx.condensation(stuck)
        exits: set[str] = set()
        order = {name: index for index, name in enumerate(self.passages)}
        for component in condensed:
            if condensed.out_degree(component) == 0:
                members = sorted(condensed.nodes[component]["members"], key=order.__getitem__)
                exits.add(members[0])
                template = QT_TRANSLATE_NOOP("core", "passages {names} loop with no ending; added a choice at '{name}' that ends the case")
                self.note(self.passages[members[0]].pos, Message(template, names=_names(members), name=members[0]))
        return exits


def story_to_scenario(story: Story, path: str, *, start: str | None = None, lang: str = "en") -> tuple[dict[str, Any], list[Note]]:
    """The scenario (as plain data, in the format's key order) and every note taken on the way.

    Raises :class:`ImportFailed` for a story with no passages, more than :data:`MAX_PASSAGES`, or no
    passage named ``start``.
    """
    converter = _Converter(story, path, start)
    scenario = converter.convert(lang)
    return scenario, converter.notes.listed()  # in file order, as an editor lists them
