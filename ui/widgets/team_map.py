"""The referral pathway with a team on it: where each role stands, what it waits for, its clock, and the team's trail.

``TeamMap`` is the app's map panel (``ui.widgets.map_panel.MapPanel``: the pathway in an agency's lane
each, its legend, and its text equivalent as a list) fed with ``team_content``: every pathway node,
marked ``current`` where a role stands now and ``route`` where the team has been; a node's label names
the roles standing there (each by its title's lead, before any comma: a long title does not fit a node), its
tooltip and accessible description say each one whole, with its clock, inbox and what it waits for; each
referral the team made is drawn as a route (``off`` when the pathway does not allow it).
The list reads, role by role, where it stands and the nodes it has passed. The control room, a role's
workstation and the joint debrief use it; a refresh keeps the zoom and the focus.

A role's workstation shows its own role ("You are here", "Your trail"); an observer's map (``observer``:
the control room, the joint debrief) shows every role, so its legend says where the roles are and have
been. A role's map opens as every map does (``GraphView.fit``): the nodes it stands at and has passed, as large
as fits but never below labels of 9 points at the default zoom (walk D: the whole pathway squeezed into a
pane was a few pixels high), scrolled to where it stands. An observer's map fits the nodes where the roles stand
now (``GraphView.fit_states``), or, when they are too far apart for one view at that zoom, is centred on the most
of them it holds (the joint debrief opened at the map's top left); Ctrl+wheel, + and - zoom, 0 fits again.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from tipcase.format.model import Pathway
from tipcase.format.pathway_map import Step

from ui.maps.words import phase_name
from ui.models.map_steps import StepRow
from ui.widgets.graph_items import MARK, EdgeSpec, NodeSpec, agency_lanes
from ui.widgets.map_panel import MapContent, MapPanel
from ui.wording import sentence

Text = Callable[[object], str]


@dataclasses.dataclass(frozen=True)
class RoleMark:
    """One role as the map shows it: its name, the node it stands at, its trail, and a line of status."""

    name: str
    node: str | None
    trail: tuple[str, ...]
    status: str  # e.g. "3 h · waiting for Referral · inbox 2"


def lead(name: str) -> str:
    """A role's title up to its first comma: the role, not its office, which is what a node's few lines have room for.

    "Pengawas ketenagakerjaan, dinas tenaga kerja provinsi" is "Pengawas ketenagakerjaan" on a node; the node's
    tooltip and the list say it whole.
    """
    return name.split(",", maxsplit=1)[0].strip() or name


def team_content(pathway: Pathway, roles: Sequence[RoleMark], text: Text, *, observer: bool = False) -> MapContent:
    """The pathway in lanes with ``roles`` on it, and its text equivalent (``text`` gives a case text in the interface language).

    ``observer``: the legend speaks of the roles (the control room, the joint debrief), not of "you".
    """
    translate = QCoreApplication.translate
    standing: dict[str, list[RoleMark]] = {}
    visited: dict[str, list[str]] = {}
    steps: set[tuple[str, str]] = set()
    for mark in roles:
        if mark.node is not None:
            standing.setdefault(mark.node, []).append(mark)
        for node_id in dict.fromkeys(mark.trail):
            visited.setdefault(node_id, []).append(mark.name)
        steps.update((a, b) for a, b in itertools.pairwise(mark.trail) if a != b)
    nodes = []
    for node in pathway.nodes.values():
        here = standing.get(node.id, [])
        title = text(node.title)
        said = [text(node.agency)] if node.agency is not None else []
        said += [translate("TeamMap", "Here now: {role} ({status}).").format(role=mark.name, status=mark.status) for mark in here]
        if node.id in visited:
            said.append(sentence(translate("TeamMap", "Passed by: {roles}."), roles=", ".join(visited[node.id])))
        label = "\n".join([title, *(f"{MARK} {lead(mark.name)}" for mark in here)])  # each role on a line of its own, whole
        state = "current" if here else ("route" if node.id in visited else "")
        nodes.append(NodeSpec(node.id, label, tooltip="\n".join([title, *said]), state=state, description=" ".join(said)))
    edges = [EdgeSpec(a, b, "route" if (a, b) in steps else "plain") for a, b in sorted(pathway.referrals)]
    edges += [EdgeSpec(a, b, "off") for a, b in sorted(steps - pathway.referrals) if a in pathway.nodes and b in pathway.nodes]
    lanes = agency_lanes(
        [
            Step(node.id, text(node.agency) if node.agency is not None else translate("Maps", "Agency not named"), node.phase or "")
            for node in pathway.nodes.values()
        ],
        pathway.referrals,
        nodes,
    )
    lanes = dataclasses.replace(lanes, phases=[dataclasses.replace(phase, name=phase_name(phase.name)) for phase in lanes.phases])
    rows: list[StepRow] = []
    for mark in roles:  # the role's name as the heading, where it stands under it: a narrow list reads it whole
        rows.append(StepRow(mark.name))
        rows.append(StepRow(mark.status, ""))
        passed = [node_id for node_id, _ in itertools.groupby(mark.trail)]
        for number, node_id in enumerate(passed, 1):
            if node_id in pathway.nodes:
                rows.append(StepRow(f"{number}. {text(pathway.nodes[node_id].title)}", node_id))
        if not passed:
            rows.append(StepRow(translate("TeamMap", "No step on the pathway yet."), ""))
    words = "team" if observer else None
    return MapContent(nodes, edges, next(iter(pathway.nodes)), lanes, trail=True, rows=tuple(rows), words=words)


def clock_line(state: Any) -> str:
    """The line under a role's name in the joint debrief's list: its case clock, said as what it is (walk H, finding 13).

    ``state``: an ``exercise_desk.RoleState`` (its ``clock`` in hours, ``finished``).
    """
    from ui.models.exercise_log import hour_mark  # noqa: PLC0415 - the models sit beside the widgets

    translate = QCoreApplication.translate
    if state.finished:
        return translate("TeamMap", "Reached its end at {hours} on its case clock").format(hours=hour_mark(state.clock))
    return translate("TeamMap", "At {hours} on its case clock").format(hours=hour_mark(state.clock))


class TeamMap(MapPanel):
    """The pathway map with the team on it; ``show_team`` redraws it, keeping the zoom after the first time."""

    def __init__(
        self, parent: QWidget | None = None, *, orientation: Qt.Orientation = Qt.Orientation.Horizontal, observer: bool = False
    ) -> None:
        super().__init__(parent, orientation=orientation)
        self.observer = observer
        if observer:  # every role on it: the map opens on where they stand now, not on every step they passed
            self.view.fit_states = ("current",)
        self._shown: str | None = None

    def show_team(self, pathway: Pathway | None, roles: Sequence[RoleMark], text: Text) -> None:
        """Show ``roles`` on ``pathway`` (nothing without one); the same pathway again keeps the view."""
        if pathway is None or not pathway.nodes:
            self._shown = None
            self.show_content(MapContent([], [], ""))
            return
        key = f"{pathway.id}:{pathway.sha256}"
        self.show_content(team_content(pathway, roles, text, observer=self.observer), keep_view=self._shown == key)
        self.fit_list_to([mark.name for mark in roles])  # each role's title a heading: whole, on one line where it fits
        self._shown = key
        self.view.setAccessibleDescription("; ".join(f"{mark.name}: {mark.status}" for mark in roles))
