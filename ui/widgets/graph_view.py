"""A zoomable map of a directed graph: a case's stages and choices, or a referral pathway in lanes.

Nodes are laid out in layers by igraph's Sugiyama layout (``tipcase.format.graph_layout``) unless given
positions, or in an agency's lane each (``tipcase.format.pathway_map``) when given lanes. Edges show a
trainee's route, the best route, both, a critical choice, an off-pathway referral, or a share of trainees
(heat); ``ui.widgets.map_style`` says how, with WCAG AA contrast, and ``ui.widgets.map_legend`` explains it.

Reading it: labels are at least 9 points at the default zoom; ``fit`` (and the 0 key) shows the whole
route (the nodes with a state), never smaller than that; Ctrl+wheel or +/- zoom; dragging pans. By
keyboard the arrow keys move a focus ring from node to node, Home/End go to the first and last, Enter
or Space activate the node (``node_activated``), and the view's accessible name says the node's label
and description. ``select_node`` puts the ring on a node and brings it into sight (the debrief's list
drives it). An ``editable`` view lets nodes be dragged, or moved by Ctrl+arrow keys (``node_nudge``), and
reports each drop or burst of presses (``nodes_moved``); a ``minimap`` view shows the whole graph in its
corner when it overflows (``ui.widgets.minimap``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from tipcase.format.graph_layout import placed
from tipcase.format.pathway_map import LaneMap

from ui.widgets.fit_anchor import densest_view, most_current_in_sight, view_for
from ui.widgets.graph_drawing import GraphDrawing
from ui.widgets.graph_items import NAMES_WIDTH, EdgeSpec, LanesItem, NodeItem, NodeSpec
from ui.widgets.map_style import LABEL_POINTS, MAX_FIT_SCALE, MIN_READABLE_SCALE, NODE_WIDTH, label_font, map_colours
from ui.widgets.node_nudge import NodeNudge

if TYPE_CHECKING:
    from ui.widgets.minimap import Minimap

__all__ = ["EdgeSpec", "GraphView", "NodeSpec"]

NODE_HEIGHT = 60.0  # a typical node's height (the minimap's boxes)
SCENE_MARGIN = 60.0  # room around the graph, so a dragged stage can go a little beyond the edge
EDGE = 10.0  # scene units kept free around the nodes a view is centred on (``_centre_on_most``)


class GraphView(GraphDrawing):
    """A graph on a canvas; with ``editable`` its nodes can be dragged (``nodes_moved`` reports where)."""

    nodes_moved = Signal(list)  # [(node id, x, y), ...] centres after a drag, once the mouse is released

    def __init__(self, parent: QWidget | None = None, *, editable: bool = False, minimap: bool = False) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editable = editable
        self._start_drawing()
        self._pressed_at: dict[str, QPointF] = {}
        self._lanes: LanesItem | None = None
        self._palette = map_colours()
        self._font = label_font()
        self._metrics = QFontMetricsF(self._font)
        self._fit_pending = False  # fitted while hidden: fit again once shown at its real size
        self._fitted = False  # the view is as the last fit left it: a resize (the page's layout settling) fits again
        self.fit_states: tuple[str, ...] = ()  # when set, ``fit`` shows the nodes in these states (where roles stand), not the route
        self.minimap: Minimap | None = None
        self.nudge = NodeNudge(self) if editable else None  # Ctrl+arrow keys move the selected nodes
        if minimap:
            from ui.widgets.minimap import Minimap  # noqa: PLC0415 - it draws with this module's sizes

            self.minimap = Minimap(self)

    # -- drawing ---------------------------------------------------------------------------------
    def set_graph(
        self,
        nodes: list[NodeSpec],
        edges: list[EdgeSpec],
        start: str,
        *,
        positions: Mapping[str, tuple[float, float]] | None = None,
        lanes: LaneMap | None = None,
        keep_view: bool = False,
    ) -> None:
        """Draw the graph anew.

        ``positions`` places nodes (centres); the rest are laid out in layers; ``lanes`` places every node in its agency's lane instead.

        Fitted to the route (``fit``) unless ``keep_view``: then the zoom stays and the focused node, or
        the current one, is brought into sight. A map with ``fit_states`` that nobody has moved, zoomed or
        focused since it was fitted is fitted again (it follows the roles as they move on).
        """
        self._palette = map_colours()
        self.scene().clear()
        self._forget_items()
        self._lanes = None
        if lanes is not None:
            self._lanes = LanesItem(lanes.lanes, lanes.phases, lanes.positions, self._palette)
            self.scene().addItem(self._lanes)
        self._draw(nodes, edges, start, positions, lanes)
        if self._focus not in self._nodes:
            self._focus = None
        elif self._focus is not None:
            self._nodes[self._focus].set_focused(self.hasFocus())
        following = self.fit_states and self._fitted and self._focus is None  # a map untouched since fitted follows the roles
        if keep_view and nodes and not following:  # the focused node, else where the most roles stand (a role's map: where it is)
            shown = self.mapToScene(self.viewport().rect()).boundingRect()
            target = self._nodes.get(self._focus or "") or most_current_in_sight(list(self._nodes.values()), self.sceneRect(), shown)
            if target is not None:
                self.bring_into_sight(target.sceneBoundingRect())
        else:
            self.fit()
        self._announce()

    def update_graph(
        self, nodes: list[NodeSpec], edges: list[EdgeSpec], start: str, *, positions: Mapping[str, tuple[float, float]] | None = None
    ) -> None:
        """Show a changed graph in place, keeping the view's zoom and scroll.

        Nodes and edges that are the same stay; the rest are added, restyled, moved or removed (the editor
        calls this when the graph's shape changed; a node's text alone goes through ``update_node``).
        """
        self._draw(nodes, edges, start, positions, None)

    def _draw(
        self,
        nodes: list[NodeSpec],
        edges: list[EdgeSpec],
        start: str,
        positions: Mapping[str, tuple[float, float]] | None,
        lanes: LaneMap | None,
    ) -> None:
        if lanes is not None:
            centres, self._bends = dict(lanes.positions), dict(lanes.bends)
        else:
            successors: dict[str, list[str]] = {n.id: [] for n in nodes}
            for edge in edges:
                if edge.source in successors and edge.target in successors:
                    successors[edge.source].append(edge.target)
            layout = placed(successors, start, positions or {})
            centres, self._bends = layout.positions, layout.bends
        self._show(nodes, edges, centres)

    def _grow_scene_rect(self) -> None:
        """The scene is the nodes' extent with a margin (from the nodes' centres: a large graph has many edges)."""
        if not self._nodes:
            self.scene().setSceneRect(self.scene().itemsBoundingRect())
            return
        xs = [x for x, _ in self._centres.values()]
        ys = [y for _, y in self._centres.values()]
        area = QRectF(
            min(xs) - NODE_WIDTH / 2 - 80, min(ys) - NODE_HEIGHT, max(xs) - min(xs) + NODE_WIDTH + 160, max(ys) - min(ys) + 2 * NODE_HEIGHT
        )
        if self._lanes is not None:  # the lanes hold every node; their agencies' and phases' names are the margin at left and top
            tallest = max((lane.bottom - lane.top for lane in self._lanes.lanes), default=0.0)  # room to scroll a node or
            self.scene().setSceneRect(self._lanes.boundingRect().adjusted(0, 0, NODE_WIDTH + 40, tallest + 20))  # lane from under
            return
        self.scene().setSceneRect(area.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._fitted = False  # the user takes the view over (a drag, a click): a resize keeps it
        super().mousePressEvent(event)
        pressed = self.itemAt(event.position().toPoint())
        while pressed is not None and not isinstance(pressed, NodeItem):
            pressed = pressed.parentItem()  # a node's label or badge
        if isinstance(pressed, NodeItem):  # the focus ring goes with the node clicked or dragged, not left on the last one
            self.focus_node(pressed.spec.id, visible=False)
        self._pressed_at = {node_id: QPointF(item.pos()) for node_id, item in self._nodes.items() if item.isSelected()}

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)  # a drag moves the selected nodes
        for node_id in self._pressed_at:
            self.node_moved(node_id)  # their edges follow

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        moved = [
            (node_id, round(item.pos().x(), 1), round(item.pos().y(), 1))
            for node_id, item in self._nodes.items()
            if node_id in self._pressed_at and item.pos() != self._pressed_at[node_id]
        ]
        self._pressed_at = {}
        if moved:
            self.report_moved(moved)

    def report_moved(self, moved: list[tuple[str, float, float]]) -> None:
        """Nodes moved by hand (a drag, or a burst of Ctrl+arrow keys): ``nodes_moved`` says where, once."""
        self._grow_scene_rect()
        self.nodes_moved.emit(moved)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, NodeItem):
            self.focus_node(item.spec.id)
            self.node_activated.emit(item.spec.id)
            return
        super().mouseDoubleClickEvent(event)

    # -- seeing it -------------------------------------------------------------------------------
    def label_points(self) -> float:
        """How large node labels are on screen at the current zoom, in points."""
        return LABEL_POINTS * self.transform().m11()

    def fit(self) -> None:
        """Show the whole route (the nodes with a state; every node when none has one) as large as fits.

        Between the readable minimum (labels of 9 points) and the natural size. A route too large for the
        view at the minimum shows from its focused or current node, else from its first node. With
        ``fit_states`` (e.g. ``("current",)``), the nodes in those states are fitted instead of the whole route,
        and when they are too far apart for one view, the view is centred on the most of them it can hold
        (``fit_anchor.densest_view``).
        """
        before = self.viewport().size()
        self._fit_once()
        if self.viewport().size() != before:  # the minimap took its strip under the map, or gave it back
            self._fit_once()
        self._fitted = True

    def _fit_once(self) -> None:
        self._fit_pending = not self.isVisible()
        if not self._nodes:
            return
        on_route = [item for item in self._nodes.values() if item.spec.state] or list(self._nodes.values())
        standing = [item for item in on_route if item.spec.state in self.fit_states]
        if standing:  # where the roles stand now, not every step they took to get there
            on_route = standing
        area = QRectF()
        for item in on_route:
            area = area.united(item.sceneBoundingRect())
        if self._lanes is not None and len(on_route) == len(self._nodes):
            area = area.united(self._lanes.boundingRect())
        if self._lanes is not None:  # the lanes' names above the route's nodes, and room for the phase names
            route_ids = {item.spec.id for item in on_route}
            tops = [lane.top for lane in self._lanes.lanes if route_ids.intersection(lane.nodes)]
            area.setTop(min([area.top(), *tops]) - self._lanes.header)
            area.setLeft(area.left() - NAMES_WIDTH)
        margin = 0 if self._lanes is not None else 20  # a pathway's names and phases are its margin
        area = area.adjusted(-margin, -margin, 20, 20)
        viewport = self.viewport().rect()
        scale = min(viewport.width() / max(area.width(), 1.0), viewport.height() / max(area.height(), 1.0))
        scale = max(MIN_READABLE_SCALE, min(MAX_FIT_SCALE, scale))
        self.resetTransform()
        self.scale(scale, scale)
        shown = self.mapToScene(viewport).boundingRect()
        if area.width() <= shown.width() + 1 and area.height() <= shown.height() + 1:
            QGraphicsView.centerOn(self, area.center())
            self._whole_under_names(area)
        elif standing:  # too far apart for one view: centred on the most of them one view holds whole
            self._centre_on_most(standing, shown)
        else:  # the route from its top left, moved on just enough to show the focused or current node
            anchor = self._nodes.get(self._focus or "") or most_current_in_sight(on_route, area, shown)
            view = view_for(anchor.sceneBoundingRect(), area, shown) if anchor is not None else QRectF(area.topLeft(), shown.size())
            QGraphicsView.centerOn(self, view.center())
            self._whole_under_names(anchor.sceneBoundingRect() if anchor is not None else area)
        self._view_changed()

    def _centre_on_most(self, items: Sequence[QGraphicsItem], shown: QRectF) -> None:
        """Centre the view on the most of ``items`` it holds whole, in the part the pathway's names leave free."""
        left, top = (NAMES_WIDTH, self._lanes.header) if self._lanes is not None else (0.0, 0.0)
        room = QRectF(0, 0, max(shown.width() - left - 2 * EDGE, 1.0), max(shown.height() - top - 2 * EDGE, 1.0))
        held = densest_view([item.sceneBoundingRect() for item in items], room)
        QGraphicsView.centerOn(self, held.center() - QPointF(left / 2, top / 2))
        self._whole_under_names(held)

    def bring_into_sight(self, area: QRectF) -> None:
        """Scroll just enough to show ``area``, below the pathway's phase names when they are drawn."""
        if self._lanes is None:
            super().bring_into_sight(area)
            return
        self.ensureVisible(area.adjusted(-NAMES_WIDTH, -self._lanes.header, 0, 0), 40, 40)
        self._whole_under_names(area)

    def centerOn(self, *where: Any) -> None:  # noqa: N802 - Qt's name
        """Centre on a point or an item (``select_node``), then leave nothing half under a pathway's names."""
        QGraphicsView.centerOn(self, *where)
        if isinstance(where[0], QGraphicsItem):
            self._whole_under_names(where[0].sceneBoundingRect())

    def _whole_under_names(self, keep: QRectF) -> None:
        """No lane half under the phases' names, no node half under the agencies' (keeping ``keep`` in sight)."""
        if self._lanes is not None:
            self._lanes.scroll_whole(self, keep, [item.sceneBoundingRect() for item in self._nodes.values()])

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802 - Qt's name
        """The pathway's agency names and phase names, kept at the left and the top of the view while it scrolls."""
        super().drawForeground(painter, rect)
        if self._lanes is not None:
            shown = self.mapToScene(self.viewport().rect()).boundingRect()
            self._lanes.draw_lane_names(painter, shown)
            if self._lanes.phases:
                self._lanes.draw_phase_names(painter, shown)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)  # Qt replays the last mouse move here: a stage being dragged moves with the view
        for node_id in self._pressed_at:
            self.node_moved(node_id)  # its edges follow (the replayed move does not pass through ``mouseMoveEvent``)
        if self._lanes is not None and (dx or dy):
            self.viewport().update()  # the names stay at the left and the top of the view
        self._view_changed()

    def zoom(self, factor: float) -> None:
        self._fit_pending = self._fitted = False
        current = self.transform().m11()
        if 0.05 < current * factor < 6:
            self.scale(factor, factor)
            self._view_changed()

    def _view_changed(self) -> None:
        if self.minimap is not None:
            self.minimap.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if (self._fit_pending or self._fitted) and self.isVisible():  # untouched since fitted: fit the new size
            self.fit()
        self._view_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._fit_pending:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        self._fitted = False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        self._fitted = False
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.2)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.2)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)


def nodes_in_sight(view: GraphView) -> Sequence[str]:
    """The nodes whose boxes are wholly on screen (for tests and the minimap)."""
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return [node for node, item in view._nodes.items() if shown.contains(item.sceneBoundingRect())]
