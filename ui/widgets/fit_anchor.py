"""Where a map opens when its route is larger than the view: at the current node whose view shows the most of them.

A role's map has one current node (where the trainee is); the team's map (the control room, the joint debrief)
one for each place a role stands. ``GraphView.fit`` shows the route from its top left, moved on just enough to
show an anchor node; anchored at the first current node in the pathway's order, a team whose roles had all reached
their ends opened at the pathway's start with one role of five in sight (walk F, finding 12).

A map fitted to where the roles stand (``GraphView.fit_states``: the joint debrief's and the control room's) opens
instead centred on the most of those nodes one view holds at a readable zoom, the latest steps first
(``densest_view``): the debrief of a team at its ends opened at the map's top left, on the pathway's first step.
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


def densest_view(boxes: Sequence[QRectF], room: QRectF) -> QRectF:
    """The bounding box of the most of ``boxes`` that one view of ``room``'s size holds whole (an empty box for none).

    A view holding the most can be moved until its left edge is some held box's left and its top some held box's
    top, so those are the views tried. Of those holding the most, the one furthest along (its boxes' bounding box
    furthest right and down: on a pathway in lanes and phases, the latest steps the roles reached) wins. The
    bounding box of what it holds is returned, to be centred on. O(n³) for n boxes (a role each: a handful).
    """
    best: tuple[int, float] = (0, 0.0)  # (boxes held, how far along their bounding box reaches)
    found = QRectF()
    for left in sorted({box.left() for box in boxes}):
        for top in sorted({box.top() for box in boxes}):
            view = QRectF(left, top, room.width(), room.height())
            area = QRectF()
            held = 0
            for box in boxes:
                if view.contains(box):
                    area, held = area.united(box), held + 1
            score = (held, area.right() + area.bottom())
            if held and (best[0] == 0 or score > best):
                best, found = score, area
    return found
