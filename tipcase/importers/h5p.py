"""H5P Branching Scenario (``content.json``, or a whole ``.h5p`` package) as a scenario that validates.

The content is a flat list whose index is the node id, index 0 the start. A Branching Question becomes a
stage with one choice per alternative; any other item (text, image, video, presentation) becomes a stage
with one "Continue" choice to its ``nextContentId``. ``-1``, another negative id or an id outside the list
ends the case: at an end stage made from the edge's own feedback (H5P's custom end screen) or from the
matching ``endScreens`` entry. Scores follow the content's scoring option: ``dynamic-score`` puts each
edge's ``endScreenScore`` on the choice (edges that end the case do not count, as in H5P), and
``static-end-score`` puts the score of the ending on the choice that reaches it; both go to one
competency, ``score``. Scores on loops are dropped (a score that can rise forever is an error, E008;
H5P itself drops scores earned after a revisit). Nodes no edge reaches are left out, and a loop with
no way out gets a choice that ends the case, as for Twine. Every such change is a note with the line
and column of the item in the JSON; media files are not copied (a note says which).

Every value read is checked for the type H5P's semantics give it (``content`` a list of objects,
``nextContentId`` an integer, texts strings, ...): a wrong one is refused in one line naming the file,
line and column, as is JSON that is not JSON (``NaN``) or out of range (see :mod:`json_reading`).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import networkx as nx

from tipcase.format.media import HEAD_BYTES, KIND_NAMES, MAGIC, MEDIA_FOLDER, MEDIA_TYPES, kind_of
from tipcase.format.yaml_source import byte_size
from tipcase.importers.convert import END_TEXT, MAX_PASSAGES, Ids, can_end, slug
from tipcase.importers.h5p_package import MAX_JSON_BYTES, Package, json_document, json_type, language, manifest_of, read_capped, read_head
from tipcase.importers.h5p_text import plain_text
from tipcase.importers.json_reading import JsonDocument
from tipcase.importers.story import ImportFailed, Note, Notes, clean_text
from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many

__all__ = ["H5PImport", "h5p_to_scenario", "looks_like_h5p", "plain_text"]

SCORING = ("no-score", "dynamic-score", "static-end-score")
CONTINUE = {"en": "Continue", "id": "Lanjutkan"}
END_HERE = {"en": "End the case here", "id": "Akhiri kasus di sini"}
_IMAGE_KINDS = {
    "image/png": Message(QT_TRANSLATE_NOOP("core", "a PNG image")),
    "image/jpeg": Message(QT_TRANSLATE_NOOP("core", "a JPEG image")),
    "image/gif": Message(QT_TRANSLATE_NOOP("core", "a GIF image")),
    "image/webp": Message(QT_TRANSLATE_NOOP("core", "a WebP image")),
}  # the pictures an H5P.Image may bring, named in a warning (Messages: the app says them in its language)
MEDIA = {
    "H5P.Image": "Image",
    "H5P.Video": "Video",
    "H5P.Audio": "Audio",
    "H5P.CoursePresentation": "Presentation",
    "H5P.InteractiveVideo": "Interactive video",
    "H5P.ImageHotspots": "Image hotspots",
}
_KINDS: dict[str, tuple[type, ...]] = {"an object": (dict,), "a list": (list,), "a string": (str,), "a number": (int, float)}


def _words(lang: str, table: dict[str, str]) -> str:
    return table.get(lang.split("-", maxsplit=1)[0], table["en"])


class _Converter:
    def __init__(self, document: JsonDocument, shown: str, *, manifest: dict[str, Any], package: Package | None) -> None:
        self.document, self.shown, self.manifest, self.package = document, shown, manifest, package
        self.notes = Notes()
        self.exhibits: dict[str, dict[str, Any]] = {}
        self.exhibit_ids = Ids()
        self.media: dict[str, bytes] = {}  # file path as the scenario names it (media/...) -> bytes
        self.refused_pictures: set[int] = set()  # items whose picture is not what its name says (noted)
        self.reveals: dict[int, str] = {}  # content index -> the exhibit its stage reveals
        root = document.value
        if not isinstance(root, dict):
            raise ImportFailed(f"{shown}:1:1: not an H5P Branching Scenario (the JSON is not an object)")
        params = self.get(root, "branchingScenario", "an object", root, "")
        content = params.get("content")
        if not isinstance(content, list) or not content:
            line, col = self.line_col(params)
            raise ImportFailed(f"{shown}:{line}:{col}: not an H5P Branching Scenario (no content list)")
        if len(content) > MAX_PASSAGES:
            line, col = self.line_col(content)
            raise ImportFailed(f"{shown}:{line}:{col}: the content holds {len(content):,} items; at most {MAX_PASSAGES:,} are imported")
        self.params = params
        self.content: list[dict[str, Any]] = [self.get(content, index, "an object", None, "content") for index in range(len(content))]
        group = self.get(params, "scoringOptionGroup", "an object", {}, "")
        option = self.get(group, "scoringOption", "a string", None, "scoringOptionGroup") if group else None
        option = option or self.get(params, "scoringOption", "a string", None, "")
        self.scoring = option if option in SCORING else "no-score"
        if option is not None and option not in SCORING:
            template = QT_TRANSLATE_NOOP("core", "the scoring option '{option}' is not one H5P has; no scores imported")
            self.note(group or params, Message(template, option=option[:40]))
        self.default_end_id: str | None = None
        self.lang = "en"

    # -- reading values, with their type checked ---------------------------------------------------
    def line_col(self, value: Any, member: Any = None) -> tuple[int, int]:
        return self.document.line_col(self.document.offset_of(value, member))

    def note(self, value: Any, message: Message) -> None:
        line, col = self.line_col(value)
        self.notes.append(Note(self.shown, line, col, message))

    def get(self, container: Any, key: Any, kind: str, default: Any, where: str) -> Any:
        """``container[key]`` when it has the type H5P gives it, ``default`` when absent or null; else refused.

        An item of a list (``key`` an index) is never null: H5P cannot show a null item or alternative.
        """
        present = key in container if isinstance(container, dict) else 0 <= key < len(container)
        value = container[key] if present else None
        if value is None and not isinstance(key, int):
            return default
        if value is None or isinstance(value, bool) or not isinstance(value, _KINDS[kind]):
            line, col = self.line_col(container, key)
            name = f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}".lstrip(".")
            raise ImportFailed(f"{self.shown}:{line}:{col}: {name} is {json_type(value)}, not {kind} as in an H5P Branching Scenario")
        return value

    def text(self, container: dict[str, Any], key: str, where: str) -> str:
        return plain_text(self.get(container, key, "a string", "", where))

    def next_id(self, container: dict[str, Any], where: str) -> int:
        """An edge's ``nextContentId`` (-1 when absent): an integer, or digits in a string (H5P reads it with ``parseInt``)."""
        value = container.get("nextContentId")
        if value is None:
            return -1
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,15}\s*", value):
            return int(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and int(value) == value:
            return int(value)
        line, col = self.line_col(container, "nextContentId")
        shown = repr(value)[:40]
        raise ImportFailed(f"{self.shown}:{line}:{col}: {where}.nextContentId is {shown}, not an item number")

    # -- reading the items -----------------------------------------------------------------------
    def library(self, index: int) -> str:
        kind = self.get(self.content[index], "type", "an object", {}, f"content[{index}]")
        return str(self.get(kind, "library", "a string", "", f"content[{index}].type")).split(" ")[0]

    def item_params(self, index: int) -> dict[str, Any]:
        kind = self.get(self.content[index], "type", "an object", {}, f"content[{index}]")
        return self.get(kind, "params", "an object", {}, f"content[{index}].type")  # type: ignore[no-any-return]

    def title(self, index: int) -> str:
        kind = self.get(self.content[index], "type", "an object", {}, f"content[{index}]")
        metadata = self.get(kind, "metadata", "an object", {}, f"content[{index}].type")
        title = self.text(metadata, "title", f"content[{index}].type.metadata")
        generic = title.lower().startswith("untitled") or title == metadata.get("contentType")  # H5P's defaults
        return "" if generic else title

    def body(self, index: int) -> str:
        library, params, where = self.library(index), self.item_params(index), f"content[{index}].type.params"
        if library == "H5P.BranchingQuestion":
            question = self.get(params, "branchingQuestion", "an object", {}, where)
            return self.text(question, "question", f"{where}.branchingQuestion")
        if library == "H5P.AdvancedText":
            return self.text(params, "text", where)
        kind = MEDIA.get(library, library.removeprefix("H5P.") or "Content")
        described = self.text(params, "alt", where) or self.text(params, "title", where) or self.title(index)
        if library == "H5P.Image" and self._picture(index, params, described):
            return f"[{kind}: {described}]" if described else f"[{kind}]"
        if index in self.refused_pictures:
            return f"[{kind}: {described}]" if described else f"[{kind}]"
        if library == "H5P.Image" and not self.package:
            what = Message(
                QT_TRANSLATE_NOOP("core", "the picture is not copied (it is in the .h5p package: import the package to bring it)")
            )
        else:
            what = Message(QT_TRANSLATE_NOOP("core", "media files are not copied"))
        if library:
            template = QT_TRANSLATE_NOOP("core", "content[{index}] is {library}: kept as a stage that describes it; {what}")
        else:
            template = QT_TRANSLATE_NOOP("core", "content[{index}] is of no known type: kept as a stage that describes it; {what}")
        self.note(self.content[index], Message(template, index=index, library=library, what=what))
        return f"[{kind}: {described}]" if described else f"[{kind}]"

    def _picture(self, index: int, params: dict[str, Any], described: str) -> bool:
        """An H5P.Image's picture as an exhibit the stage reveals, its file to be written under ``media/``."""
        file = self.get(params, "file", "an object", {}, f"content[{index}].type.params")
        inside = self.get(file, "path", "a string", "", f"content[{index}].type.params.file")
        suffix = Path(inside).suffix.lower()
        if self.package is None or not inside or suffix not in (".png", ".jpg", ".jpeg", ".gif", ".webp"):
            return False
        data = self.package.picture(inside)
        if data is None:
            return False
        media_type = MEDIA_TYPES[suffix]
        if not MAGIC[media_type](data[:HEAD_BYTES]):
            found = kind_of(data[:HEAD_BYTES])
            if found:
                holds = Message(QT_TRANSLATE_NOOP("core", "it holds {kind}"), kind=_IMAGE_KINDS.get(found, KIND_NAMES[found]))
            else:
                holds = Message(QT_TRANSLATE_NOOP("core", "its content is no image TIPCase knows"))
            template = QT_TRANSLATE_NOOP(
                "core", "content[{index}]: the picture content/{file} is not {kind} as its name says ({holds}); left out"
            )
            self.note(file, Message(template, index=index, file=inside, kind=_IMAGE_KINDS[media_type], holds=holds))
            self.refused_pictures.add(index)
            return False
        stem = slug(Path(inside).stem)
        target, number = f"{MEDIA_FOLDER}/{stem}{suffix}", 2
        while target in self.media and self.media[target] != data:
            target, number = f"{MEDIA_FOLDER}/{stem}-{number}{suffix}", number + 1
        self.media[target] = data
        title = self.title(index) or described or f"Image {index}"
        exhibit_id = self.exhibit_ids.make(slug(title))
        exhibit: dict[str, Any] = {"kind": "photo", "title": title[:120], "file": target}
        if described:
            exhibit["text"] = described
        self.exhibits[exhibit_id] = exhibit
        self.reveals[index] = exhibit_id
        return True

    def edges(self, index: int) -> list[tuple[str, int, dict[str, Any]]]:
        """Each way out of an item: (label, next id, feedback)."""
        item, where = self.content[index], f"content[{index}]"
        if self.library(index) == "H5P.BranchingQuestion":
            question = self.get(self.item_params(index), "branchingQuestion", "an object", {}, f"{where}.type.params")
            inside = f"{where}.type.params.branchingQuestion"
            alternatives = self.get(question, "alternatives", "a list", [], inside)
            found = []
            for number in range(len(alternatives)):
                alternative = self.get(alternatives, number, "an object", None, f"{inside}.alternatives")
                at = f"{inside}.alternatives[{number}]"
                label = self.text(alternative, "text", at) or f"Alternative {number + 1}"
                found.append((label, self.next_id(alternative, at), self._feedback(alternative, at)))
            if found:
                return found
            self.note(
                item,
                Message(QT_TRANSLATE_NOOP("core", "content[{index}] is a question with no alternatives: the case ends there"), index=index),
            )
            return []
        return [("", self.next_id(item, where), self._feedback(item, where))]

    def _feedback(self, container: dict[str, Any], where: str) -> dict[str, Any]:
        """An edge's feedback, every field read checked: ``title``, ``subtitle`` (HTML) and ``endScreenScore``."""
        feedback: dict[str, Any] = self.get(container, "feedback", "an object", {}, where)
        for key in ("title", "subtitle"):
            self.get(feedback, key, "a string", "", f"{where}.feedback")
        self.get(feedback, "endScreenScore", "a number", 0, f"{where}.feedback")
        return feedback

    def target(self, next_id: int) -> int | None:
        """The index an edge leads to, or None when it ends the case."""
        return next_id if 0 <= next_id < len(self.content) else None

    # -- building the scenario -------------------------------------------------------------------
    def convert(self, lang: str, source_name: str) -> dict[str, Any]:
        self.lang = lang
        edges = {index: self.edges(index) for index in range(len(self.content))}
        graph: nx.DiGraph[int] = nx.DiGraph()
        graph.add_nodes_from(edges)
        for index, outs in edges.items():
            graph.add_edges_from((index, t) for _, next_id, _ in outs if (t := self.target(next_id)) is not None)
        reachable = nx.descendants(graph, 0) | {0}
        dropped = [index for index in edges if index not in reachable]
        if dropped:
            listed = ", ".join(f"content[{index}]" for index in dropped[:8]) + (f" and {len(dropped) - 8} more" if len(dropped) > 8 else "")
            template = one_or_many(
                len(dropped),
                QT_TRANSLATE_NOOP("core", "{count} item no edge reaches from the start was left out: {items}"),
                QT_TRANSLATE_NOOP("core", "{count} items no edge reaches from the start were left out: {items}"),
            )
            self.note(self.content[dropped[0]], Message(template, count=len(dropped), items=listed))
        kept = [index for index in edges if index in reachable]
        component_of = {
            node: number for number, component in enumerate(nx.strongly_connected_components(graph.subgraph(kept))) for node in component
        }  # an edge lies on a loop when both ends are in one strongly connected component (a self-loop included)

        taken = Ids()
        ids = {index: taken.make(slug(self.title(index) or f"step-{index}")) for index in kept}
        stages: dict[str, Any] = {index_id: {} for index_id in ids.values()}
        endings: dict[str, dict[str, Any]] = {}
        ending_by_text: dict[str, str] = {}
        scored = False
        ending: set[int] = set()  # items with a way to end the case
        for index in kept:
            stage: dict[str, Any] = {}
            if self.title(index):
                stage["title"] = self.clean(index, self.title(index))
            stage["text"] = self.clean(index, self.body(index)) or "(no text)"
            if index in self.reveals:
                stage["reveal"] = [self.reveals[index]]
            choices = []
            for label, next_id, feedback in edges[index]:
                choice: dict[str, Any] = {"label": self.clean(index, label) or _words(lang, CONTINUE)}
                target = self.target(next_id)
                if target is None:
                    choice["to"] = self.ending(feedback, taken, endings, ending_by_text)
                    ending.add(index)
                else:
                    choice["to"] = ids[target]
                words = self.clean(index, _feedback_text(feedback))
                if words and target is not None:
                    choice["feedback"] = words
                points = self.points(feedback, target)
                if points and target is not None and component_of[index] == component_of[target]:
                    template = QT_TRANSLATE_NOOP(
                        "core", "content[{index}]: a score on a loop was dropped (it could be earned again and again)"
                    )
                    self.note(feedback or self.content[index], Message(template, index=index))
                    points = 0
                if points:
                    choice["score"] = {"score": points}
                    scored = True
                choices.append(choice)
            if choices:
                stage["choices"] = choices
            else:
                stage["end"] = "success"
                ending.add(index)
            stages[ids[index]] = stage
        self._add_exits(graph.subgraph(kept), ids, stages, ending, taken)
        stages.update(endings)
        title = (
            self.text(self.params, "title", "") or plain_text(self.manifest.get("title")) or Path(source_name).stem or "Imported scenario"
        )
        title = clean_text(title)[0]
        scenario: dict[str, Any] = {
            "tipcase": 1,
            "id": re.sub(r"[-_]+", "-", slug(title)).strip("-") or "imported-scenario",
            "version": 1,
            "title": title,
            "languages": [lang],
        }
        if scored:
            scenario["competencies"] = {"score": {"title": "Score (imported from H5P)", "weight": 1}}
        if self.exhibits:
            scenario["exhibits"] = self.exhibits
        scenario["start"] = ids[0]
        scenario["stages"] = stages
        return scenario

    def clean(self, index: int, value: str) -> str:
        cleaned, removed = clean_text(value)
        if removed:
            self.note(
                self.content[index],
                Message(
                    one_or_many(
                        removed,
                        QT_TRANSLATE_NOOP("core", "content[{index}]: {count} control character removed"),
                        QT_TRANSLATE_NOOP("core", "content[{index}]: {count} control characters removed"),
                    ),
                    index=index,
                    count=removed,
                ),
            )
        return cleaned

    def points(self, feedback: dict[str, Any], target: int | None) -> int:
        """The points an edge gives under the content's scoring option."""
        if self.scoring == "dynamic-score" and target is not None:
            return _score(feedback)
        if self.scoring == "static-end-score" and target is None:
            return _score(feedback) if _feedback_text(feedback) or "endScreenScore" in feedback else _score(self.default_end())
        return 0

    def default_end(self) -> dict[str, Any]:
        screens = self.get(self.params, "endScreens", "a list", [], "")
        screens = [self.get(screens, index, "an object", {}, "endScreens") for index in range(len(screens))]
        chosen = next((s for s in screens if s.get("contentId") == -1), screens[0] if screens else {})
        return {
            "title": self.get(chosen, "endScreenTitle", "a string", "", "endScreens"),
            "subtitle": self.get(chosen, "endScreenSubtitle", "a string", "", "endScreens"),
            "endScreenScore": self.get(chosen, "endScreenScore", "a number", 0, "endScreens"),
        }

    def ending(self, feedback: dict[str, Any], taken: Ids, endings: dict[str, dict[str, Any]], by_text: dict[str, str]) -> str:
        """The end stage an edge that ends the case leads to: its own feedback (H5P's custom end screen), else the default."""
        words = clean_text(_feedback_text(feedback))[0]
        if not words:
            if self.default_end_id is None:
                self.default_end_id = taken.make("end")
                text = clean_text(_feedback_text(self.default_end()))[0] or "The end."
                endings[self.default_end_id] = {"title": "End", "text": text, "end": "success"}
            return self.default_end_id
        if words not in by_text:
            key = taken.make(slug("end-" + (plain_text(feedback.get("title")) or "custom"))[:40].strip("-"))
            endings[key] = {"text": words, "end": "success"}
            by_text[words] = key
        return by_text[words]

    def _add_exits(self, graph: nx.DiGraph[int], ids: dict[int, str], stages: dict[str, Any], ending: set[int], taken: Ids) -> None:
        """One stage in each loop from which no ending can be reached gets a choice that ends the case."""
        reach_end = can_end(graph, ending)
        stuck = graph.subgraph([index for index in graph if index not in reach_end])
        condensed = nx.condensation(stuck)
        end_id = None
        for component in condensed:
            if condensed.out_degree(component) == 0:
                first = min(condensed.nodes[component]["members"])
                end_id = end_id or taken.make("imported-end")
                stages[ids[first]]["choices"].append({"label": _words(self.lang, END_HERE), "to": end_id})
                template = QT_TRANSLATE_NOOP(
                    "core", "content[{index}] is in a loop with no ending; added a choice there that ends the case"
                )
                self.note(self.content[first], Message(template, index=first))
        if end_id is not None:
            stages[end_id] = {"title": "End (added on import)", "text": END_TEXT, "end": "partial"}


def _score(feedback: dict[str, Any]) -> int:
    value = feedback.get("endScreenScore", 0)
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _feedback_text(feedback: dict[str, Any]) -> str:
    parts = [plain_text(feedback.get("title")), plain_text(feedback.get("subtitle"))]
    return "\n\n".join(part for part in parts if part)


@dataclasses.dataclass
class H5PImport:
    """What an H5P file gives: the scenario, the notes in file order, the item count and the pictures to write."""

    scenario: dict[str, Any]
    notes: list[Note]
    items: int
    media: dict[str, bytes]


def h5p_to_scenario(source: bytes | Path, path: str, *, lang: str | None = None) -> H5PImport:
    """The scenario and all that comes with it, from ``content.json`` or a ``.h5p`` package (a file, or its bytes).

    ``lang`` is a canonical language tag (see :mod:`languages`) or None for the package's own. Raises
    :class:`ImportFailed` with one line (file, line, column) for anything that cannot be imported.
    """
    head = source[:4] if isinstance(source, bytes) else read_head(source, path)
    notes = Notes()
    if not head.startswith(b"PK"):
        data = source if isinstance(source, bytes) else read_capped(source, MAX_JSON_BYTES, path, "a content.json")
        if len(data) > MAX_JSON_BYTES:
            raise ImportFailed(f"{path}: a content.json of {byte_size(len(data))}; at most {byte_size(MAX_JSON_BYTES)} is imported")
        chosen = language({}, None, path, lang, notes)
        converter = _Converter(json_document(data, path), path, manifest={}, package=None)
        scenario = converter.convert(chosen, path)
    else:
        with Package(source, path) as package:
            manifest, manifest_document = manifest_of(package, path)
            shown = f"{path}/content/content.json"
            document = json_document(package.read("content/content.json", MAX_JSON_BYTES, "content.json"), shown)
            chosen = language(manifest, manifest_document, path, lang, notes)
            converter = _Converter(document, shown, manifest=manifest, package=package)
            scenario = converter.convert(chosen, path)
    if converter.document.replaced_surrogates:
        notes.append(
            Note(
                converter.shown,
                1,
                1,
                Message(
                    one_or_many(
                        converter.document.replaced_surrogates,
                        QT_TRANSLATE_NOOP("core", "{count} unpaired surrogate in strings became U+FFFD"),
                        QT_TRANSLATE_NOOP("core", "{count} unpaired surrogates in strings became U+FFFD"),
                    ),
                    count=converter.document.replaced_surrogates,
                ),
            )
        )
    notes.extend(converter.notes)
    return H5PImport(scenario, notes.listed(), len(converter.content), converter.media)


def looks_like_h5p(data: bytes, path: str) -> bool:
    """A ``.h5p`` package or a Branching Scenario's ``content.json`` (rather than a Twine story), from its first bytes."""
    if Path(path).suffix.lower() in (".h5p", ".json") or data.startswith(b"PK"):
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")
