"""The editor's canvas: the document's stages and choices drawn as a graph (``ui.widgets.graph_view``).

A stage is a node (its id and title, its text as the tooltip, its kind: start, an end or plain); a
choice that leads to a stage is an edge (red when it is a critical error). Stages dragged by hand
keep their ``layout``; the rest are laid out in layers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tipcase.format.document import ScenarioDocument
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
    """Draws a document on a ``GraphView``."""

    def __init__(self, view: GraphView, language: Callable[[], str]) -> None:
        self.view = view
        self._language = language
        self.fit_next = True

    def draw(self, document: ScenarioDocument) -> None:
        """Draw the whole document (fitting it in the view after a new document or an automatic arrangement)."""
        start = str(document.data.get("start", ""))
        stages = document.stages
        language = self._language()
        nodes = [node_spec(stage_id, stage, start, language) for stage_id, stage in stages.items()]
        edges = [edge for stage_id, stage in stages.items() for edge in edge_specs(stage_id, stage, stages)]
        self.view.set_graph(nodes, edges, start, positions=positions(document), keep_view=not self.fit_next)
        self.fit_next = False
