"""The referral pathway as a map of agencies, with a trainee's trail on it.

The player shows the trail so far; the debrief shows the trail against the best trail (the debrief), and its
text equivalent: step, agency, case clock, the decision taken.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from tipcase.format.pathway_map import Step
from tipcase.play.engine import Play

from ui.maps.words import hours, phase_name
from ui.models.map_steps import StepRow
from ui.widgets.graph_items import EdgeSpec, NodeSpec, agency_lanes
from ui.widgets.map_panel import MapContent

Text = Callable[[object], str]


@dataclasses.dataclass(frozen=True)
class TrailEntry:
    """An arrival on the pathway: the node, the case clock then, and the choice that led there (None at the start)."""

    node: str
    clock: float
    choice: str | None


def trail_entries(play: Play, text: Text) -> list[TrailEntry]:
    """The pathway nodes the route arrived at, in order, with the choice that took it there."""
    entries = []
    for number, stage_id in enumerate(play.route):
        stage = play.scenario.stages[stage_id]
        if stage.at is None or play.pathway is None or stage.at not in play.pathway.nodes:
            continue
        decision = play.decisions[number - 1] if number > 0 and number - 1 < len(play.decisions) else None
        clock = decision.clock if decision is not None else 0.0
        entries.append(TrailEntry(stage.at, clock, text(decision.choice.label) if decision is not None else None))
    return entries


def pathway_content(play: Play, text: Text, *, best: Play | None = None) -> MapContent:
    """The pathway in lanes with ``play``'s trail.

    With ``best`` (the debrief) the best trail too, else the trail so far with the current step marked (the player).
    """
    translate = QCoreApplication.translate
    pathway = play.pathway
    assert pathway is not None
    mine = [entry.node for entry in trail_entries(play, text)]
    good = [entry.node for entry in trail_entries(best, text)] if best is not None else []
    my_steps = {(a, b) for a, b in itertools.pairwise(mine) if a != b}
    best_steps = {(a, b) for a, b in itertools.pairwise(good) if a != b}
    off = {step for step in my_steps if not pathway.allows(*step)}
    flagged = {play.scenario.stages[v.stage].at for v in play.violations() if v.stage is not None and v.stage in play.scenario.stages}
    current = mine[-1] if mine and best is None else None
    nodes = []
    for node in pathway.nodes.values():
        on_mine, on_best = node.id in mine, node.id in good
        state = "current" if node.id == current else "both" if on_mine and on_best else "route" if on_mine else "best" if on_best else ""
        agency = text(node.agency) if node.agency is not None else ""
        said = [agency] if agency else []
        if node.id == current:
            said.append(translate("Maps", "You are here."))
        elif on_mine:
            said.append(translate("Maps", "On your trail, step {steps}.").format(steps=_places(mine, node.id)))
        if on_best:
            said.append(translate("Maps", "On the best trail."))
        if not on_mine and not on_best:
            said.append(translate("Maps", "Not on your trail."))
        if node.id in flagged:
            said.append(translate("Maps", "A pathway rule was broken here."))
        nodes.append(
            NodeSpec(
                node.id,
                text(node.title),
                tooltip="\n".join([text(node.title), *said]),
                state=state,
                description=" ".join(said),
                flagged=node.id in flagged,
            )
        )
    edges = [
        EdgeSpec(
            a,
            b,
            "both"
            if (a, b) in my_steps and (a, b) in best_steps
            else "route"
            if (a, b) in my_steps
            else "best"
            if (a, b) in best_steps
            else "plain",
        )
        for a, b in sorted(pathway.referrals)
    ]
    edges += [EdgeSpec(a, b, "off") for a, b in sorted(off)]
    edges += [EdgeSpec(a, b, "best") for a, b in sorted(best_steps - pathway.referrals)]
    steps = [
        Step(node.id, text(node.agency) if node.agency is not None else translate("Maps", "Agency not named"), node.phase or "")
        for node in pathway.nodes.values()
    ]
    lanes = agency_lanes(steps, pathway.referrals, nodes)
    lanes = dataclasses.replace(lanes, phases=[dataclasses.replace(phase, name=phase_name(phase.name)) for phase in lanes.phases])
    rows = _rows(play, text, translate("Maps", "Your trail so far") if best is None else translate("Maps", "Your trail"))
    if best is not None:
        rows += _rows(best, text, translate("Maps", "The best trail"))
    start = mine[0] if mine else next(iter(pathway.nodes))
    return MapContent(nodes, edges, start, lanes, trail=True, rows=tuple(rows))


def _places(trail: list[str], node: str) -> str:
    return ", ".join(str(number) for number, item in enumerate(_collapsed(trail), 1) if item == node)


def _collapsed(trail: list[str]) -> list[str]:
    return [node for node, _ in itertools.groupby(trail)]


def _rows(play: Play, text: Text, heading: str) -> list[StepRow]:
    """The trail as the list reads it: a heading, then one row per arrival at another node."""
    translate = QCoreApplication.translate
    pathway = play.pathway
    assert pathway is not None
    rows = [StepRow(heading)]
    previous = None
    number = 0
    for entry in trail_entries(play, text):
        if entry.node == previous:
            continue
        previous = entry.node
        number += 1
        node = pathway.nodes[entry.node]
        parts = [f"{number}. {text(node.title)}"]
        if node.agency is not None:
            parts.append(text(node.agency))
        parts.append(translate("Maps", "case clock {hours} h").format(hours=hours(entry.clock)))
        parts.append(
            translate("Maps", "after: {choice}").format(choice=entry.choice) if entry.choice else translate("Maps", "where the case begins")
        )
        rows.append(StepRow(" — ".join(parts), entry.node))
    if number == 0:
        rows.append(StepRow(translate("Maps", "No step on the pathway yet."), ""))
    return rows
