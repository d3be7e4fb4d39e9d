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
"""

from __future__ import annotations

import dataclasses
import html
import io
import json
import json.decoder
import json.scanner
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx

from tipcase.format.media import MAX_MEDIA_BYTES, MEDIA_FOLDER, MEDIA_TYPES
from tipcase.importers.convert import END_TEXT, slug, unique_id
from tipcase.importers.story import ImportFailed, Note

SCORING = ("no-score", "dynamic-score", "static-end-score")
CONTINUE = {"en": "Continue", "id": "Lanjutkan"}
END_HERE = {"en": "End the case here", "id": "Akhiri kasus di sini"}
MEDIA = {
    "H5P.Image": "Image",
    "H5P.Video": "Video",
    "H5P.Audio": "Audio",
    "H5P.CoursePresentation": "Presentation",
    "H5P.InteractiveVideo": "Interactive video",
    "H5P.ImageHotspots": "Image hotspots",
}


class _TextOf(HTMLParser):
    """The readable text of an HTML fragment: paragraphs apart, list items and ``<br>`` on new lines."""

    PARAGRAPHS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table"})
    LINES = frozenset({"br", "li", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def _new_line(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in self.LINES or tag in self.PARAGRAPHS:
            self._new_line()
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.PARAGRAPHS:
            self._new_line()
            self.parts.append("\n")
        elif tag in self.LINES:
            self._new_line()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(fragment: Any) -> str:
    """HTML (as H5P stores it) as plain text: no tags, entities decoded, at most one blank line in a row."""
    if not isinstance(fragment, str):
        return ""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _PositionDecoder(json.JSONDecoder):
    """``json`` with the offset of every object kept, so notes can say which line an item is on."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: dict[int, int] = {}

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            value, after = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
            self.starts[id(value)] = s_and_end[1] - 1
            return value, after

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]  # the pure-Python scanner calls parse_object


def _read_json(text: str, shown: str) -> tuple[Any, _PositionDecoder]:
    decoder = _PositionDecoder()
    try:
        return decoder.decode(text), decoder
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"{shown}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise ImportFailed(f"{shown}:1:1: the JSON is nested too deeply to read") from None


def read_package(data: bytes, path: str) -> tuple[str, str, dict[str, Any], dict[str, bytes]]:
    """What a ``.h5p`` package or a bare ``content.json`` holds.

    The text of ``content.json``, the name to show in notes, ``h5p.json`` (empty for a bare file), and the
    package's pictures and recordings by their path under ``content/`` (none for a bare file).
    """
    if not data.startswith(b"PK"):
        try:
            return data.decode("utf-8-sig"), path, {}, {}
        except UnicodeDecodeError as exc:
            raise ImportFailed(f"{path}:1:{exc.start + 1}: not UTF-8 text") from None
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
        if "content/content.json" not in names:
            raise ImportFailed(f"{path}: not an H5P package (no content/content.json inside)")
        manifest: dict[str, Any] = {}
        if "h5p.json" in names:
            loaded, _ = _read_json(package.read("h5p.json").decode("utf-8-sig"), f"{path}/h5p.json")
            manifest = loaded if isinstance(loaded, dict) else {}
        content = package.read("content/content.json").decode("utf-8-sig")
        files = {
            info.filename.removeprefix("content/"): package.read(info)
            for info in package.infolist()
            if info.filename.startswith("content/")
            and Path(info.filename).suffix.lower() in MEDIA_TYPES
            and info.file_size <= MAX_MEDIA_BYTES
        }
    except (zipfile.BadZipFile, zipfile.LargeZipFile, UnicodeDecodeError) as exc:
        raise ImportFailed(f"{path}: not a readable H5P package ({exc})") from None
    library = str(manifest.get("mainLibrary", "H5P.BranchingScenario"))
    if library != "H5P.BranchingScenario":
        raise ImportFailed(f"{path}/h5p.json:1:1: the package holds {library}, not H5P.BranchingScenario")
    return content, f"{path}/content/content.json", manifest, files


class _Converter:
    def __init__(
        self, params: dict[str, Any], decoder: _PositionDecoder, text: str, shown: str, *, manifest: dict[str, Any], files: dict[str, bytes]
    ) -> None:
        self.params, self.decoder, self.text, self.shown, self.manifest = params, decoder, text, shown, manifest
        self.files = files  # the package's pictures and recordings, by their path in content/
        self.notes: list[Note] = []
        self.exhibits: dict[str, dict[str, Any]] = {}
        self.media: dict[str, bytes] = {}  # file path as the scenario names it (media/...) -> bytes
        self.reveals: dict[int, str] = {}  # content index -> the exhibit its stage reveals
        content = params.get("content")
        if not isinstance(content, list) or not content:
            line, col = self.line_col(params)
            raise ImportFailed(f"{shown}:{line}:{col}: not an H5P Branching Scenario (no content list)")
        self.content: list[dict[str, Any]] = [item if isinstance(item, dict) else {} for item in content]
        group = params.get("scoringOptionGroup")
        option = group.get("scoringOption") if isinstance(group, dict) else params.get("scoringOption")
        self.scoring = option if option in SCORING else "no-score"
        self.default_end_id: str | None = None
        self.lang = "en"

    def line_col(self, value: Any) -> tuple[int, int]:
        offset = self.decoder.starts.get(id(value))
        if offset is None:
            return 1, 1
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def note(self, value: Any, message: str) -> None:
        line, col = self.line_col(value)
        self.notes.append(Note(self.shown, line, col, message))

    # -- reading the items -----------------------------------------------------------------------
    @staticmethod
    def library(item: dict[str, Any]) -> str:
        kind = item.get("type")
        return str(kind.get("library", "")).split(" ")[0] if isinstance(kind, dict) else ""

    @staticmethod
    def item_params(item: dict[str, Any]) -> dict[str, Any]:
        kind = item.get("type")
        params = kind.get("params") if isinstance(kind, dict) else None
        return params if isinstance(params, dict) else {}

    def title(self, index: int) -> str:
        kind = self.content[index].get("type")
        metadata = kind.get("metadata") if isinstance(kind, dict) else None
        if not isinstance(metadata, dict):
            return ""
        title = plain_text(metadata.get("title"))
        generic = title.lower().startswith("untitled") or title == metadata.get("contentType")  # H5P's defaults
        return "" if generic else title

    def body(self, index: int) -> str:
        item = self.content[index]
        library, params = self.library(item), self.item_params(item)
        if library == "H5P.BranchingQuestion":
            question = params.get("branchingQuestion")
            return plain_text(question.get("question")) if isinstance(question, dict) else ""
        if library == "H5P.AdvancedText":
            return plain_text(params.get("text"))
        kind = MEDIA.get(library, library.removeprefix("H5P.") or "Content")
        described = plain_text(params.get("alt") or params.get("title") or self.title(index))
        if library == "H5P.Image" and self._picture(index, params, described):
            return f"[{kind}: {described}]" if described else f"[{kind}]"
        where = "it is in the .h5p package: import the package to bring it" if library == "H5P.Image" and not self.files else None
        self.note(
            item,
            f"content[{index}] is {library or 'of no known type'}: kept as a stage that describes it; "
            + (f"the picture is not copied ({where})" if where else "media files are not copied"),
        )
        return f"[{kind}: {described}]" if described else f"[{kind}]"

    def _picture(self, index: int, params: dict[str, Any], described: str) -> bool:
        """An H5P.Image's picture as an exhibit the stage reveals, its file to be written under ``media/``."""
        file = params.get("file")
        inside = str(file.get("path", "")) if isinstance(file, dict) else ""
        data = self.files.get(inside)
        if data is None:
            return False
        name = Path(inside).name
        stem, suffix = Path(name).stem, Path(name).suffix.lower()
        target, number = f"{MEDIA_FOLDER}/{slug(stem)}{suffix}", 2
        while target in self.media and self.media[target] != data:
            target, number = f"{MEDIA_FOLDER}/{slug(stem)}-{number}{suffix}", number + 1
        self.media[target] = data
        title = self.title(index) or described or f"Image {index}"
        exhibit_id = unique_id(slug(title), set(self.exhibits))
        exhibit: dict[str, Any] = {"kind": "photo", "title": title[:120], "file": target}
        if described:
            exhibit["text"] = described
        self.exhibits[exhibit_id] = exhibit
        self.reveals[index] = exhibit_id
        return True

    def edges(self, index: int) -> list[tuple[str, Any, dict[str, Any]]]:
        """Each way out of an item: (label, next id, feedback)."""
        item = self.content[index]
        if self.library(item) == "H5P.BranchingQuestion":
            question = self.item_params(item).get("branchingQuestion")
            alternatives = question.get("alternatives") if isinstance(question, dict) else None
            found = []
            for number, alternative in enumerate(alternatives if isinstance(alternatives, list) else [], 1):
                if not isinstance(alternative, dict):
                    continue
                label = plain_text(alternative.get("text")) or f"Alternative {number}"
                feedback = alternative.get("feedback")
                found.append((label, alternative.get("nextContentId", -1), feedback if isinstance(feedback, dict) else {}))
            if found:
                return found
            self.note(item, f"content[{index}] is a question with no alternatives: the case ends there")
            return []
        feedback = item.get("feedback")
        return [("", item.get("nextContentId", -1), feedback if isinstance(feedback, dict) else {})]

    def target(self, next_id: Any) -> int | None:
        """The index an edge leads to, or None when it ends the case."""
        if isinstance(next_id, bool) or not isinstance(next_id, int | float) or int(next_id) != next_id:
            return None
        return int(next_id) if 0 <= next_id < len(self.content) else None

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
            self.note(self.content[dropped[0]], f"{len(dropped)} item(s) no edge reaches from the start were left out: content{dropped}")
        kept = [index for index in edges if index in reachable]
        component_of = {
            node: number for number, component in enumerate(nx.strongly_connected_components(graph.subgraph(kept))) for node in component
        }  # an edge lies on a loop when both ends are in one strongly connected component (a self-loop included)

        taken: set[str] = set()
        ids = {index: unique_id(slug(self.title(index) or f"step-{index}"), taken) for index in kept}
        stages: dict[str, Any] = {index_id: {} for index_id in ids.values()}
        endings: dict[str, dict[str, Any]] = {}
        scored = False
        ending: set[int] = set()  # items with a way to end the case
        for index in kept:
            stage: dict[str, Any] = {}
            if self.title(index):
                stage["title"] = self.title(index)
            stage["text"] = self.body(index) or "(no text)"
            if index in self.reveals:
                stage["reveal"] = [self.reveals[index]]
            choices = []
            for label, next_id, feedback in edges[index]:
                choice: dict[str, Any] = {"label": label or CONTINUE.get(lang, CONTINUE["en"])}
                target = self.target(next_id)
                if target is None:
                    choice["to"] = self.ending(feedback, taken, endings)
                    ending.add(index)
                else:
                    choice["to"] = ids[target]
                words = _feedback_text(feedback)
                if words and target is not None:
                    choice["feedback"] = words
                points = self.points(feedback, target)
                if points and target is not None and component_of[index] == component_of[target]:
                    self.note(
                        feedback or self.content[index],
                        f"content[{index}]: a score on a loop was dropped (it could be earned again and again)",
                    )
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
            plain_text(self.params.get("title")) or plain_text(self.manifest.get("title")) or Path(source_name).stem or "Imported scenario"
        )
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

    def points(self, feedback: dict[str, Any], target: int | None) -> int:
        """The points an edge gives under the content's scoring option."""
        if self.scoring == "dynamic-score" and target is not None:
            return _score(feedback)
        if self.scoring == "static-end-score" and target is None:
            return _score(feedback) if _feedback_text(feedback) or "endScreenScore" in feedback else _score(self.default_end())
        return 0

    def default_end(self) -> dict[str, Any]:
        screens = self.params.get("endScreens")
        screens = [s for s in screens if isinstance(s, dict)] if isinstance(screens, list) else []
        chosen = next((s for s in screens if s.get("contentId") == -1), screens[0] if screens else {})
        return {
            "title": chosen.get("endScreenTitle"),
            "subtitle": chosen.get("endScreenSubtitle"),
            "endScreenScore": chosen.get("endScreenScore", 0),
        }

    def ending(self, feedback: dict[str, Any], taken: set[str], endings: dict[str, dict[str, Any]]) -> str:
        """The end stage an edge that ends the case leads to: its own feedback (H5P's custom end screen), else the default."""
        words = _feedback_text(feedback)
        if not words:
            if self.default_end_id is None:
                self.default_end_id = unique_id("end", taken)
                endings[self.default_end_id] = {"title": "End", "text": _feedback_text(self.default_end()) or "The end.", "end": "success"}
            return self.default_end_id
        for key, stage in endings.items():
            if key != self.default_end_id and stage["text"] == words:
                return key
        key = unique_id(slug("end-" + (plain_text(feedback.get("title")) or "custom"))[:40].strip("-"), taken)
        endings[key] = {"text": words, "end": "success"}
        return key

    def _add_exits(self, graph: nx.DiGraph[int], ids: dict[int, str], stages: dict[str, Any], ending: set[int], taken: set[str]) -> None:
        """One stage in each loop from which no ending can be reached gets a choice that ends the case."""
        can_end = set(ending)
        for index in ending:
            can_end |= nx.ancestors(graph, index)
        stuck = graph.subgraph([index for index in graph if index not in can_end])
        condensed = nx.condensation(stuck)
        end_id = None
        for component in condensed:
            if condensed.out_degree(component) == 0:
                first = min(condensed.nodes[component]["members"])
                end_id = end_id or unique_id("imported-end", taken)
                stages[ids[first]]["choices"].append({"label": END_HERE.get(self.lang, END_HERE["en"]), "to": end_id})
                self.note(self.content[first], f"content[{first}] is in a loop with no ending; added a choice there that ends the case")
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


def h5p_to_scenario(data: bytes, path: str, *, lang: str | None = None) -> H5PImport:
    """The scenario and all that comes with it, from ``content.json`` or a ``.h5p`` package."""
    text, shown, manifest, files = read_package(data, path)
    document, decoder = _read_json(text, shown)
    params = document.get("branchingScenario", document) if isinstance(document, dict) else None
    if not isinstance(params, dict):
        raise ImportFailed(f"{shown}:1:1: not an H5P Branching Scenario (the JSON is not an object)")
    language = lang or str(manifest.get("language") or "en")
    if not re.fullmatch(r"[a-z]{2,3}", language):
        language = "en"
    converter = _Converter(params, decoder, text, shown, manifest=manifest, files=files)
    scenario = converter.convert(language, path)
    notes = sorted(converter.notes, key=lambda note: (note.line, note.col))
    return H5PImport(scenario, notes, len(converter.content), converter.media)


def looks_like_h5p(data: bytes, path: str) -> bool:
    """A ``.h5p`` package or a Branching Scenario's ``content.json`` (rather than a Twine story)."""
    if Path(path).suffix.lower() in (".h5p", ".json") or data.startswith(b"PK"):
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")
