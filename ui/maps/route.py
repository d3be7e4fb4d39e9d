"""The case graph with a trainee's route against the best route (the debrief).

With its text equivalent: each stage in order, its agency on the pathway, the case clock, the choice taken and how it was rated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from tipcase.play.engine import Play

from ui.maps.words import hours
from ui.models.decisions import rating_text
from ui.models.map_steps import StepRow
from ui.widgets.graph_items import EdgeSpec, NodeSpec
from ui.widgets.map_panel import MapContent

Text = Callable[[object], str]


def route_content(play: Play, best: Play, text: Text, stage_label: Callable[[Any], str]) -> MapContent:
    """Every stage and choice of the case, ``play``'s route and ``best``'s drawn over them."""
    translate = QCoreApplication.translate
    scenario = play.scenario
    mine, good = play.route, best.route
    taken = {(d.stage, d.choice.to) for d in play.decisions}
    best_steps = {(d.stage, d.choice.to) for d in best.decisions}
    critical_at = {d.stage for d in play.decisions if d.choice.critical is not None}
    broken_at = {v.stage for v in play.violations() if v.stage is not None}
    nodes = []
    for stage in scenario.stages.values():
        on_mine, on_best = stage.id in mine, stage.id in good
        state = "both" if on_mine and on_best else "route" if on_mine else "best" if on_best else ""
        said = []
        agency = _agency(play, stage.at, text)
        if agency:
            said.append(agency)
        if on_mine:
            said.append(translate("Maps", "On your route, step {steps}.").format(steps=_places(mine, stage.id)))
        if on_best:
            said.append(translate("Maps", "On the best route."))
        if not on_mine and not on_best:
            said.append(translate("Maps", "Not on your route."))
        for decision in (d for d in play.decisions if d.stage == stage.id):
            said.append(
                translate("Maps", "You chose: {choice} ({rating}).").format(
                    choice=text(decision.choice.label), rating=rating_text(play.rating(decision))
                )
            )
        if stage.id in critical_at:
            said.append(translate("Maps", "A critical error here."))
        if stage.id in broken_at:
            said.append(translate("Maps", "A pathway rule was broken here."))
        label = stage_label(stage)
        nodes.append(
            NodeSpec(
                stage.id,
                label,
                tooltip="\n".join([label, *said]),
                kind=stage.end or ("start" if stage.id == scenario.start else "normal"),
                state=state,
                description=" ".join(said),
                flagged=stage.id in critical_at or stage.id in broken_at,
            )
        )
    edges = []
    for stage, choice in scenario.choices():
        key = (stage.id, choice.to)
        style = "both" if key in taken and key in best_steps else "route" if key in taken else "best" if key in best_steps else "plain"
        if style == "plain" and choice.critical is not None:
            style = "critical"
        edges.append(EdgeSpec(stage.id, choice.to, style))
    rows = _rows(play, text, stage_label, translate("Maps", "Your route")) + _rows(
        best, text, stage_label, translate("Maps", "The best route")
    )
    return MapContent(nodes, edges, scenario.start, rows=tuple(rows))


def _agency(play: Play, node: str | None, text: Text) -> str:
    pathway = play.pathway
    if pathway is None or node is None or node not in pathway.nodes or pathway.nodes[node].agency is None:
        return ""
    return text(pathway.nodes[node].agency)


def _places(route: list[str], stage: str) -> str:
    return ", ".join(str(number) for number, item in enumerate(route, 1) if item == stage)


def _rows(play: Play, text: Text, stage_label: Callable[[Any], str], heading: str) -> list[StepRow]:
    """The route as the list reads it: a heading, then one row per stage with the choice made there."""
    translate = QCoreApplication.translate
    rows = [StepRow(heading)]
    clock = 0.0
    for number, stage_id in enumerate(play.route, 1):
        stage = play.scenario.stages[stage_id]
        parts = [f"{number}. {stage_label(stage)}"]
        agency = _agency(play, stage.at, text)
        if agency:
            parts.append(agency)
        parts.append(translate("Maps", "case clock {hours} h").format(hours=hours(clock)))
        if number - 1 < len(play.decisions):
            decision = play.decisions[number - 1]
            parts.append(
                translate("Maps", "chose: {choice} ({rating})").format(
                    choice=text(decision.choice.label), rating=rating_text(play.rating(decision))
                )
            )
            clock = decision.clock
        elif stage.end:
            parts.append(translate("Maps", "the end of the case"))
        rows.append(StepRow(" — ".join(parts), stage_id))
    return rows
