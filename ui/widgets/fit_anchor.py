"""Where a map opens when its route is larger than the view: at the current node whose view shows the most of them.

A role's map has one current node (where the trainee is); the team's map (the control room, the joint debrief)
one for each place a role stands. ``GraphView.fit`` shows the route from its top left, moved on just enough to
show an anchor node; anchored at the first current node in the pathway's order, a team whose roles had all reached
their ends opened at the pathway's start with one role of five in sight (walk F, finding 12).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

MARGIN = 30.0  # scene units kept beyond the anchor's box (as ``GraphView.fit``)


def view_for(anchor: QRectF, area: QRectF, shown: QRectF) -> QRectF:
    """The part of the scene ``fit`` shows for ``anchor`` (a node's box): ``area``'s top left, moved on just enough."""
    left, top = area.left(), area.top()
    if anchor.right() + MARGIN > left + shown.width():
        left = max(left, anchor.right() + MARGIN - shown.width())
    if anchor.bottom() + MARGIN > top + shown.height():
        top = max(top, anchor.bottom() + MARGIN - shown.height())
    return QRectF(left, top, shown.width(), shown.height())


def most_current_in_sight(on_route: Sequence[QGraphicsItem], area: QRectF, shown: QRectF) -> QGraphicsItem | None:
    """Of the nodes whose ``spec.state`` is "current", the one whose view (``view_for``) holds the most of them whole.

    ``area``: the route's box in the scene; ``shown``: the scene's part the view shows at the fitted zoom (only its
    size counts). Ties go to the first in ``on_route``'s order; None when no node is current.
    """
    current = [item for item in on_route if getattr(item, "spec", None) is not None and item.spec.state == "current"]  # type: ignore[attr-defined]
    best, best_count = None, 0
    for candidate in current:
        view = view_for(candidate.sceneBoundingRect(), area, shown)
        count = sum(1 for item in current if view.contains(item.sceneBoundingRect()))
        if count > best_count:
            best, best_count = candidate, count
    return best
