"""The editor's canvas: the document's stages and choices drawn as a graph (``ui.widgets.graph_view``).

A stage is a node (its id and title, its text as the tooltip, its kind: start, an end or plain); a
choice that leads to a stage is an edge (red when it is a critical error). Stages dragged by hand
keep their ``layout``; the rest are laid out in layers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tipcase.format.document import Change, ScenarioDocument
from tipcase.format.form_text import has_layout, text_of
from tipcase.format.graph_layout import Point, free_place

from ui.widgets.graph_items import RouteState
from ui.widgets.graph_view import EdgeSpec, GraphView, NodeSpec


def node_spec(stage_id: str, stage: dict[str, Any], start: str, language: str) -> NodeSpec:
    """How a stage is drawn: its id and title, its text as the tooltip, both in ``language`` (English where it has none)."""
    kind = stage.get("end") or ("start" if stage_id == start else "normal")
    title = text_of(stage.get("title"), language) or text_of(stage.get("title"), "en")
    label = f"{stage_id}\n{title}" if title else stage_id
    text = text_of(stage.get("text"), language) or text_of(stage.get("text"), "en")
    return NodeSpec(stage_id, label, text[:300], kind=str(kind))


def edge_specs(stage_id: str, stage: dict[str, Any], stages: dict[str, Any]) -> list[EdgeSpec]:
    """How a stage's choices are drawn: one edge per choice that leads to a stage."""
    return [
        EdgeSpec(stage_id, str(choice["to"]), "critical" if choice.get("critical") else "plain")
        for choice in stage.get("choices") or []
        if isinstance(choice, dict) and choice.get("to") in stages
    ]


def positions(document: ScenarioDocument) -> dict[str, tuple[float, float]]:
    """Where stages placed by hand are (their ``layout``)."""
    return {
        stage_id: (float(stage["layout"]["x"]), float(stage["layout"]["y"]))
        for stage_id, stage in document.stages.items()
        if has_layout(stage)
    }


Snapshot = tuple[
    dict[str, Point], dict[str, Point], dict[tuple[str, str], list[Point]], dict[tuple[str, str], RouteState], int
]  # CaseGraph.snapshot()


class CaseGraph:
    """Draws a document on a ``GraphView`` and keeps it in step with the document's change notices.

    The whole map is laid out in layers only for a new document and for *Arrange automatically*
    (``lay_out``). Every other edit is shown where it is (``GraphView.change_graph``): a stage added goes
    on a free spot beside the selected stage (``place_near``), beside a stage leading to it, or under the
    stage before it; a stage deleted takes its node and edges away; a choice added or retargeted redraws
    the edges of its stage; a rename keeps the node's place; a drag moves the stages dragged. Everyone
    else stays where they are, so the cost of an edit grows with the edit, not with the case. A stage
    brought back (an undo or a redo) returns where it stood (``_places`` remembers every stage's place).
    """

    def __init__(self, view: GraphView, language: Callable[[], str]) -> None:
        self.view = view
        self._language = language
        self.fit_next = True
        self.place_near: tuple[str, bool] | None = None  # (stage, beside): where the next stage added goes
        self.lay_out_next = False  # an arrangement (or its undo) follows the edit under way: ``apply`` leaves the map to it
        self._nodes: dict[str, NodeSpec] = {}  # drawn, by stage
        self._edges: dict[str, list[EdgeSpec]] = {}  # drawn, by source stage
        self._places: dict[str, Point] = {}  # where each stage stands when the file does not place it, deleted ones too
        self._restyled = 0  # how many times every node's text changed (the language): a snapshot's edge routes older than that are stale

    def draw(self, document: ScenarioDocument, *, drawn: bool = False) -> None:
        """Lay the whole document out (fitted in the view when ``fit_next``: a new document, an arrangement).

        ``drawn``: every node and edge shown already says what its stage holds (only places changed: an
        arrangement), so their specs are kept and made only for stages not drawn yet.
        """
        start = str(document.data.get("start", ""))
        stages = document.stages
        language = self._language()
        kept = self._nodes if drawn else {}
        self._nodes = {stage_id: kept.get(stage_id) or node_spec(stage_id, stage, start, language) for stage_id, stage in stages.items()}
        kept_edges = self._edges if drawn else {}
        self._edges = {
            stage_id: kept_edges[stage_id] if stage_id in kept_edges else edge_specs(stage_id, stage, stages)
            for stage_id, stage in stages.items()
        }
        nodes = list(self._nodes.values())
        edges = [edge for specs in self._edges.values() for edge in specs]
        if self.fit_next:
            self.view.set_graph(nodes, edges, start, positions=positions(document))
        else:
            self.view.update_graph(nodes, edges, start, positions=positions(document))
        self.fit_next = False
        self._places.update(self.view.positions())

    def lay_out(self, document: ScenarioDocument) -> None:
        """*Arrange automatically*: every stage laid out in layers again (those the file places where it places them), shown whole.

        The scene keeps its items: each node is moved to its new place, and only the edges whose ends moved or
        whose bends changed are routed again (``GraphView.update_graph``), then the view fits the whole map.
        """
        self.fit_next = self.lay_out_next = False
        self.draw(document, drawn=True)  # an arrangement changes places only: the nodes' texts and kinds stand
        self.view.fit()

    def restyle(self, document: ScenarioDocument) -> None:
        """Every node's text again (the language changed); nothing moves."""
        start, language = str(document.data.get("start", "")), self._language()
        self._restyled += 1
        specs = [node_spec(stage_id, stage, start, language) for stage_id, stage in document.stages.items()]
        self._nodes.update((spec.id, spec) for spec in specs)
        self.view.change_graph(specs)

    def snapshot(self) -> Snapshot:
        """Where everything stands now (for an undo of ``lay_out``): places, centres, bends and how each edge runs.

        The remembered places, the drawn centres, the bends, and each edge's route (``GraphView.routes``), so the
        undo sets the edges back rather than routing them again.
        """
        return dict(self._places), self.view.positions(), self.view.bends(), self.view.routes(), self._restyled

    def restore(self, snapshot: Snapshot) -> None:
        """Put every stage back where ``snapshot`` saw it drawn, its edges as they ran (``GraphView.restore_drawing``)."""
        places, centres, bends, routes, restyled = snapshot
        if restyled != self._restyled:  # the nodes' texts (and heights) changed since: the edges are routed again
            routes = {}
        self.lay_out_next = False
        self._places = dict(places)
        self.view.restore_drawing({stage_id: centre for stage_id, centre in centres.items() if stage_id in self._nodes}, bends, routes)

    def apply(self, document: ScenarioDocument, changes: list[Change]) -> None:
        """Follow an edit's change notices: restyle, add, remove, re-link or move only what they name.

        Not while ``lay_out_next`` (*Arrange automatically* and its undo): the arrangement or the snapshot it
        restores places every stage once, after the edit.
        """
        if self.lay_out_next:
            return
        if self.fit_next:
            self.draw(document)
            return
        stages = document.stages
        changed: set[str] = set()
        moved: set[str] = set()
        renamed: dict[str, str] = {}  # new id -> the id it had
        for change in changes:
            if change.kind == "case-changed" or change.stage is None:
                continue
            if change.kind == "stage-renamed" and change.new_id is not None:
                renamed[change.new_id] = renamed.pop(change.stage, change.stage)
            changed.add(change.new_id or change.stage)
            if change.key == "layout":
                moved.add(change.stage)
        gone = [stage_id for stage_id in self._nodes if stage_id not in stages]
        arrived = [stage_id for stage_id in stages if stage_id not in self._nodes]
        if arrived:  # choices that named a stage not there before now lead to it
            arriving = set(arrived)
            changed.update(
                stage_id
                for stage_id, stage in stages.items()
                if any(isinstance(choice, dict) and choice.get("to") in arriving for choice in stage.get("choices") or [])
            )
        for stage_id in gone:
            del self._nodes[stage_id]
            self._edges.pop(stage_id, None)
        centres: dict[str, Point] = {}
        taken = self.view.positions() if arrived else {}
        for stage_id in gone:  # their spots are free (a renamed stage keeps its own)
            taken.pop(stage_id, None)
        for stage_id in arrived:
            centres[stage_id] = taken[stage_id] = self._place_of(document, stage_id, renamed.get(stage_id), taken)
        centres.update((stage_id, self.where(document, stage_id)) for stage_id in moved if stage_id in stages)
        start, language = str(document.data.get("start", "")), self._language()
        specs: list[NodeSpec] = []
        edges_from: dict[str, list[EdgeSpec]] = {}
        for stage_id in (changed | set(arrived)) & stages.keys():
            spec = node_spec(stage_id, stages[stage_id], start, language)
            if self._nodes.get(stage_id) != spec or (stage_id in centres and centres[stage_id] != self.view.node_position(stage_id)):
                specs.append(spec)
                self._nodes[stage_id] = spec
            edges = edge_specs(stage_id, stages[stage_id], stages)
            if edges != self._edges.get(stage_id):
                edges_from[stage_id] = self._edges[stage_id] = edges
        self.place_near = None
        if specs or centres or gone or edges_from:
            self.view.change_graph(specs, centres, gone, edges_from)

    def where(self, document: ScenarioDocument, stage_id: str) -> Point:
        """Where a stage is drawn: where the file places it (its ``layout``), else its remembered place."""
        stage = document.stages[stage_id]
        if has_layout(stage):
            return (float(stage["layout"]["x"]), float(stage["layout"]["y"]))
        return self._places.get(stage_id) or self.view.node_position(stage_id) or (0.0, 0.0)

    def _place_of(self, document: ScenarioDocument, stage_id: str, old_id: str | None, taken: dict[str, Point]) -> Point:
        """Where a stage that arrives is drawn (the file's place, its place before, else a free spot near its anchor).

        The place it had: a rename's old id's, or its own before it was deleted (an undo, a redo). A free spot
        is one none of the ``taken`` centres stands on, near where the stage belongs (``_anchor``).
        """
        if old_id is not None and old_id in self._places:
            self._places[stage_id] = self._places[old_id]
        stage = document.stages[stage_id]
        remembered = self._places.get(stage_id)
        if has_layout(stage):
            return self.where(document, stage_id)
        if remembered is not None and not any(abs(x - remembered[0]) < 1 and abs(y - remembered[1]) < 1 for x, y in taken.values()):
            return remembered
        near, beside = self._anchor(document, stage_id)
        self._places[stage_id] = place = free_place(taken.values(), near, beside=beside)
        return place

    def _anchor(self, document: ScenarioDocument, stage_id: str) -> tuple[Point, bool]:
        """The point a new stage is placed by, and whether beside it (the next layer) or under it (its own layer)."""
        if self.place_near is not None:
            drawn = self.view.node_position(self.place_near[0])
            if drawn is not None:
                return drawn, self.place_near[1]
        for source, stage in document.stages.items():
            drawn = self.view.node_position(source) if source != stage_id else None
            if drawn is not None and any(isinstance(c, dict) and c.get("to") == stage_id for c in stage.get("choices") or []):
                return drawn, True
        order = list(document.stages)
        before = order[order.index(stage_id) - 1] if order.index(stage_id) > 0 else None
        drawn = self.view.node_position(before) if before is not None else None
        return (drawn, False) if drawn is not None else ((0.0, 0.0), False)
