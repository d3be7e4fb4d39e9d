"""The case graph of a cohort's report (the cohorts page): each step drawn as wide as the share of the stage's decisions that took it.

Each stage says how many decisions were taken there and what share chose each choice (its text equivalent).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.numbers import number_text, percent_text
from ui.widgets.graph_items import EdgeSpec, NodeSpec
from ui.widgets.map_panel import MapContent


def heat_content(report: Any) -> MapContent:
    """The map of ``report`` (``tipcase.services.trainer_desktop.analytics``: its edges, choices and stage titles).

    An edge nobody took is the map's plain line; the others carry their share (0 to 1) and its percentage.
    """
    taken = {(c.stage, c.choice): c.count for c in report.choices}
    at_stage: dict[str, int] = {}
    for (stage, _number), count in taken.items():
        at_stage[stage] = at_stage.get(stage, 0) + count
    pairs: dict[tuple[str, str], tuple[int, bool]] = {}
    stages: list[str] = []
    for stage, number, target, critical in report.edges:
        for node in (stage, target):
            if node not in stages:
                stages.append(node)
        count, was_critical = pairs.get((stage, target), (0, False))
        pairs[(stage, target)] = (count + taken.get((stage, number), 0), was_critical or critical)
    said: dict[str, list[str]] = {}
    for c in report.choices:
        if c.count and at_stage.get(c.stage):
            percent = percent_text(100 * c.count / at_stage[c.stage], 0)
            chose = QCoreApplication.translate("CohortsPage", "{share} chose: {choice}")
            said.setdefault(c.stage, []).append(chose.format(share=percent, choice=c.label))
    nodes = []
    for s in stages:
        # a count after its noun needs no plural form (lupdate reads no %n in a free function's translate)
        here = QCoreApplication.translate("CohortsPage", "Decisions here: {n}.").format(n=number_text(at_stage.get(s, 0)))
        description = here + " " + " ".join(said.get(s, []))
        title = report.stage_titles.get(s, "")
        nodes.append(
            NodeSpec(
                s,
                f"{s}\n{title}".strip(),
                tooltip=f"{title}\n{description}".strip(),
                kind=report.ends.get(s) or ("start" if s == report.start else "normal"),
                description=description.strip(),
            )
        )
    edges = []
    for (stage, target), (count, critical) in pairs.items():
        share = count / at_stage[stage] if at_stage.get(stage) else 0.0
        heat = {"heat": share, "label": percent_text(100 * share, 0)} if count else {}  # nobody took it: the map's plain line
        edges.append(EdgeSpec(stage, target, "critical" if critical else "plain", **heat))  # type: ignore[arg-type]
    return MapContent(nodes, edges, report.start)
