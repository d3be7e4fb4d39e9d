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

from ui.widgets.graph_view import EdgeSpec, GraphView, NodeSpec


def node_spec(stage_id: str, stage: dict[str, Any], start: str, language: str) -> NodeSpec:
    """How a stage is drawn."""
    kind = stage.get("end") or ("start" if stage_id == start else "normal")
    title = text_of(stage.get("title"), language) or text_of(stage.get("title"), "en")
    label = f"{stage_id}\n{title}" if title else stage_id
    return NodeSpec(stage_id, label, text_of(stage.get("text"), "en")[:300], kind=str(kind))


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


class CaseGraph:
    """Draws a document on a ``GraphView`` and keeps it in step with the document's change notices.

    A change of a stage's title, text, end or start restyles that node where it is; a drag moves it; only
    a change of the graph's shape (a stage added, removed or renamed, a choice leading elsewhere, an
    automatic arrangement) lays the graph out again, and then only nodes that moved are moved.
    """

    def __init__(self, view: GraphView, language: Callable[[], str]) -> None:
        self.view = view
        self._language = language
        self.fit_next = True
        self._nodes: dict[str, NodeSpec] = {}  # drawn, by stage
        self._edges: dict[str, list[EdgeSpec]] = {}  # drawn, by source stage

    def draw(self, document: ScenarioDocument, changed: set[str] | None = None) -> None:
        """Draw the document, laid out again (fitted in the view after a new document or an automatic arrangement).

        ``changed`` names the stages whose drawing may differ since the last draw (None: every stage).
        """
        start = str(document.data.get("start", ""))
        stages = document.stages
        language = self._language()
        if changed is None:
            self._nodes = {stage_id: node_spec(stage_id, stage, start, language) for stage_id, stage in stages.items()}
            self._edges = {stage_id: edge_specs(stage_id, stage, stages) for stage_id, stage in stages.items()}
        else:
            if list(self._nodes) != list(stages):  # stages added, removed or renamed: the others keep their drawing
                arrived = stages.keys() - self._nodes.keys()
                changed = changed | {  # choices that named a stage not there before now lead to it
                    stage_id
                    for stage_id, stage in stages.items()
                    if any(isinstance(choice, dict) and choice.get("to") in arrived for choice in stage.get("choices") or [])
                }
                self._nodes = {stage_id: self._nodes[stage_id] for stage_id in stages if stage_id in self._nodes}
                self._edges = {stage_id: self._edges.get(stage_id, []) for stage_id in stages}
                changed |= arrived
            for stage_id in changed & stages.keys():
                self._nodes[stage_id] = node_spec(stage_id, stages[stage_id], start, language)
                self._edges[stage_id] = edge_specs(stage_id, stages[stage_id], stages)
        nodes = [self._nodes[stage_id] for stage_id in stages]
        edges = [edge for specs in self._edges.values() for edge in specs]
        if self.fit_next:
            self.view.set_graph(nodes, edges, start, positions=positions(document))
        else:
            self.view.update_graph(nodes, edges, start, positions=positions(document))
        self.fit_next = False

    def apply(self, document: ScenarioDocument, changes: list[Change]) -> None:
        """Follow an edit's change notices: restyle, move or (when the shape changed) lay out again."""
        stages = document.stages
        shape = self.fit_next
        changed: set[str] = set()
        for change in changes:
            if change.kind == "case-changed":
                continue
            changed.add(change.new_id or change.stage or "")
            stage = stages.get(change.new_id or change.stage or "")
            if change.kind != "stage-changed":
                shape = True
                if change.kind == "stage-renamed":  # choices into it now name the new id
                    changed.update(stage_id for stage_id, specs in self._edges.items() if any(e.target == change.stage for e in specs))
            elif stage is None:
                continue
            elif change.key == "choices":
                shape = shape or {(e.target, e.style) for e in edge_specs(change.stage or "", stage, stages)} != {
                    (e.target, e.style) for e in self._edges.get(change.stage or "", [])
                }
            elif change.key in ("layout", "start"):
                shape = True  # a drag, an arrangement or another start changes where the layered layout puts the others
        if shape:
            self.draw(document, changed)
            return
        start, language = str(document.data.get("start", "")), self._language()
        for stage_id in changed & stages.keys():
            self._nodes[stage_id] = spec = node_spec(stage_id, stages[stage_id], start, language)
            self._edges[stage_id] = edge_specs(stage_id, stages[stage_id], stages)
            self.view.update_node(spec)
