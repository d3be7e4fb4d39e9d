"""A zoomable, pannable drawing of a directed graph (a scenario or a referral pathway).

Nodes are laid out in layers (``tipcase.format.graph_layout``) unless given positions. Edges can be styled to show
a trainee's route, the best route, or both, or a share of trainees (heat). Ctrl+wheel or +/- zoom,
dragging or the arrow keys pan, 0 fits the whole graph. ``select_node`` centres a node (the debrief's
list drives it from the keyboard). An ``editable`` view lets nodes be dragged, edges following, and
reports each drop; a ``minimap`` view shows the whole graph in its corner when it overflows
(``ui.widgets.minimap``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QWidget,
)

from tipcase.format.graph_layout import placed

from ui.theme import colours

if TYPE_CHECKING:
    from ui.widgets.minimap import Minimap

NODE_WIDTH = 180.0
NODE_HEIGHT = 62.0
MIN_READABLE_SCALE = 0.55
SCENE_MARGIN = 60.0  # room around the graph, so a dragged stage can go a little beyond the edge


@dataclasses.dataclass(frozen=True)
class NodeSpec:
    id: str
    label: str
    tooltip: str = ""
    kind: str = "normal"  # normal | start | success | partial | failure
    state: str = ""  # "" | route | best | both | current


@dataclasses.dataclass(frozen=True)
class EdgeSpec:
    source: str
    target: str
    style: str = "plain"  # plain | route | best | both | critical
    heat: float | None = None  # 0..1: the share of trainees who took it (analytics); drawn as width and strength
    label: str = ""  # drawn at the middle of the edge (the share, as text)


class _NodeItem(QGraphicsRectItem):
    """A stage or pathway node, centred on its position so ``pos()`` is its centre."""

    def __init__(self, spec: NodeSpec, view: GraphView) -> None:
        super().__init__(QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT))
        self.spec = spec
        self.view = view
        self.label: QGraphicsTextItem | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(spec.tooltip or spec.label)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802 - Qt's name
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.view._node_position_changed(self.spec.id)
        return super().itemChange(change, value)


class _EdgeItems:
    """The drawn parts of one edge (line, arrow head, label), re-routed when a node moves."""

    def __init__(self, spec: EdgeSpec, scene: QGraphicsScene, palette: Any) -> None:
        self.spec = spec
        colour = {
            "plain": palette.muted,
            "route": palette.route,
            "both": palette.route,
            "best": palette.best,
            "critical": palette.bad,
        }[spec.style]
        width = {"plain": 1.0, "critical": 1.2, "best": 2.5, "route": 3.0, "both": 3.5}[spec.style]
        if spec.heat is not None:  # the analytics' heat overlay: the more trainees took it, the wider and stronger
            colour = QColor(palette.bad if spec.style == "critical" else palette.route)
            colour.setAlpha(int(70 + 185 * max(0.0, min(1.0, spec.heat))))
            width = 1.0 + 8.0 * max(0.0, min(1.0, spec.heat))
        pen = QPen(colour, width)
        if spec.style == "best":
            pen.setStyle(Qt.PenStyle.DashLine)
        self.width = width
        self.line = QGraphicsPathItem()
        self.line.setPen(pen)
        self.line.setZValue(-1 if spec.style == "plain" else 0)
        scene.addItem(self.line)
        self.arrow = scene.addPolygon(QPolygonF(), QPen(colour, 1), QBrush(colour))
        self.arrow.setZValue(self.line.zValue())
        self.text: QGraphicsSimpleTextItem | None = None
        if spec.label:
            self.text = scene.addSimpleText(spec.label)
            self.text.setBrush(QBrush(palette.text))
            self.text.setZValue(2)

    def items(self) -> list[QGraphicsItem]:
        return [self.line, self.arrow, *([self.text] if self.text is not None else [])]

    def route(self, source: QPointF, target: QPointF) -> None:
        """Draw from the right side of the source to the left side of the target (arcing back over loops)."""
        start = QPointF(source.x() + NODE_WIDTH / 2, source.y())
        end = QPointF(target.x() - NODE_WIDTH / 2, target.y())
        path = QPainterPath(start)
        if target.x() > source.x():
            middle = (start.x() + end.x()) / 2
            path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
        else:  # a loop or a step back: arc above the nodes
            lift = min(start.y(), end.y()) - NODE_HEIGHT * 1.4
            path.cubicTo(QPointF(start.x() + 60, lift), QPointF(end.x() - 60, lift), end)
        self.line.setPath(path)
        angle = math.atan2(end.y() - path.pointAtPercent(0.97).y(), end.x() - path.pointAtPercent(0.97).x())
        size = 7 + self.width
        self.arrow.setPolygon(
            QPolygonF(
                [
                    end,
                    QPointF(end.x() - size * math.cos(angle - 0.45), end.y() - size * math.sin(angle - 0.45)),
                    QPointF(end.x() - size * math.cos(angle + 0.45), end.y() - size * math.sin(angle + 0.45)),
                ]
            )
        )
        if self.text is not None:
            middle_point = path.pointAtPercent(0.5)
            box = self.text.boundingRect()
            self.text.setPos(middle_point.x() - box.width() / 2, middle_point.y() - box.height() - 2)


class GraphView(QGraphicsView):
    """A graph on a canvas; with ``editable`` its nodes can be dragged (``nodes_moved`` reports where)."""

    node_activated = Signal(str)
    nodes_moved = Signal(list)  # [(node id, x, y), ...] centres after a drag, once the mouse is released

    def __init__(self, parent: QWidget | None = None, *, editable: bool = False, minimap: bool = False) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editable = editable
        self._nodes: dict[str, _NodeItem] = {}  # they keep their labels' wrappers alive
        self._edges: dict[tuple[str, str], _EdgeItems] = {}  # they keep their parts' wrappers alive
        self._edges_at: dict[str, list[_EdgeItems]] = {}
        self._pressed_at: dict[str, QPointF] = {}
        self._placing = False
        self._centres: dict[str, tuple[float, float]] = {}  # where each node is, kept as items move
        self.minimap: Minimap | None = None
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
        keep_view: bool = False,
    ) -> None:
        """Draw the graph. ``positions`` places nodes (centres); the rest are laid out in layers.

        With ``keep_view`` the zoom and scroll stay as they were.
        """
        centre_before = self.mapToScene(self.viewport().rect().center())
        self.scene().clear()
        self._nodes.clear()
        self._centres.clear()
        self._edges.clear()
        self._edges_at.clear()
        self.update_graph(nodes, edges, start, positions=positions)
        if keep_view and nodes:
            self.centerOn(centre_before)
        else:
            self.fit()

    def update_graph(
        self, nodes: list[NodeSpec], edges: list[EdgeSpec], start: str, *, positions: Mapping[str, tuple[float, float]] | None = None
    ) -> None:
        """Show a changed graph in place, keeping the view's zoom and scroll.

        Nodes and edges that are the same stay; the rest are added, restyled, moved or removed (the editor
        calls this when the graph's shape changed; a node's text alone goes through ``update_node``).
        """
        palette = colours()
        successors: dict[str, list[str]] = {n.id: [] for n in nodes}
        for edge in edges:
            if edge.source in successors and edge.target in successors:
                successors[edge.source].append(edge.target)
        centre = {node: QPointF(x, y) for node, (x, y) in placed(successors, start, positions or {}).items()}
        moved: set[str] = set()
        added: list[str] = []
        wanted = {spec.id for spec in nodes}
        for node_id in [node_id for node_id in self._nodes if node_id not in wanted]:
            self.scene().removeItem(self._nodes.pop(node_id))
        self._placing = True  # moves made here re-route their edges once, below
        try:
            for spec in nodes:
                item = self._nodes.get(spec.id)
                if item is None:
                    item = self._nodes[spec.id] = self._add_node(spec, palette)
                    added.append(spec.id)
                    moved.add(spec.id)
                elif item.spec != spec:
                    self._style_node(item, spec, palette)
                if item.pos() != centre[spec.id]:
                    item.setPos(centre[spec.id])
                    moved.add(spec.id)
            self._centres = {node_id: (point.x(), point.y()) for node_id, point in centre.items() if node_id in self._nodes}
        finally:
            self._placing = False
        drawn: dict[tuple[str, str], EdgeSpec] = {}
        for edge in sorted(edges, key=lambda e: ("plain", "critical", "best", "route", "both").index(e.style)):
            key = (edge.source, edge.target)
            if (key in drawn and edge.style == "plain") or edge.source not in centre or edge.target not in centre:
                continue
            drawn[key] = edge
        for key in [key for key, items in self._edges.items() if drawn.get(key) != items.spec]:
            self._remove_edge(key)
        for key, edge in drawn.items():
            if key not in self._edges:
                self._add_edge(edge, palette)
                moved.update(key)
        for edge_items in {id(e): e for node_id in moved for e in self._edges_at.get(node_id, [])}.values():
            edge_items.route(self._nodes[edge_items.spec.source].pos(), self._nodes[edge_items.spec.target].pos())
        if self.editable:  # after placing, so building the scene reports no moves
            for node_id in added:
                self._nodes[node_id].setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
                self._nodes[node_id].setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self._grow_scene_rect()
        if self.minimap is not None:
            self.minimap.graph_changed()

    def update_node(self, spec: NodeSpec) -> None:
        """Show a node's new label, tooltip or kind where it is (nothing else moves)."""
        item = self._nodes.get(spec.id)
        if item is not None and item.spec != spec:
            self._style_node(item, spec, colours())

    def _add_node(self, spec: NodeSpec, palette: Any) -> _NodeItem:
        item = _NodeItem(spec, self)
        label = QGraphicsTextItem()
        label.setParentItem(item)
        label.setDefaultTextColor(palette.text)
        font = QFont(label.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.85))
        label.setFont(font)
        label.setTextWidth(NODE_WIDTH - 10)
        item.label = label
        self._style_node(item, spec, palette)
        self.scene().addItem(item)
        return item

    @staticmethod
    def _style_node(item: _NodeItem, spec: NodeSpec, palette: Any) -> None:
        item.spec = spec
        item.setToolTip(spec.tooltip or spec.label)
        fill = QColor(palette.node)
        border = QPen(palette.node_border, 1.2)
        if spec.kind in ("success", "partial", "failure"):
            border = QPen({"success": palette.good, "partial": palette.warning, "failure": palette.bad}[spec.kind], 2.5)
        if spec.kind == "start":
            border = QPen(palette.route, 2.5)
        if spec.state in ("route", "both", "current"):
            fill = QColor(palette.route)
            fill.setAlpha(70)
        elif spec.state == "best":
            fill = QColor(palette.best)
            fill.setAlpha(60)
        if spec.state == "current":
            border = QPen(palette.route, 3.5)
        item.setBrush(QBrush(fill))
        item.setPen(border)
        label = item.label
        if label is not None:
            label.setPlainText(_elide(spec.label, 70))
            label.setPos(-NODE_WIDTH / 2 + 5, -label.boundingRect().height() / 2)

    def _add_edge(self, spec: EdgeSpec, palette: Any) -> None:
        items = _EdgeItems(spec, self.scene(), palette)
        self._edges[(spec.source, spec.target)] = items
        self._edges_at.setdefault(spec.source, []).append(items)
        if spec.target != spec.source:
            self._edges_at.setdefault(spec.target, []).append(items)

    def _remove_edge(self, key: tuple[str, str]) -> None:
        items = self._edges.pop(key)
        for part in items.items():
            self.scene().removeItem(part)
        for node_id in set(key):
            attached = self._edges_at.get(node_id, [])
            if items in attached:
                attached.remove(items)

    def _grow_scene_rect(self) -> None:
        """The scene is the nodes' extent with a margin (edges arc at most about a node's height above them).

        Computed from the nodes' centres rather than by asking every item its bounds: a large graph has
        three edge items per choice.
        """
        if not self._nodes:
            self.scene().setSceneRect(self.scene().itemsBoundingRect())
            return
        xs = [x for x, _ in self._centres.values()]
        ys = [y for _, y in self._centres.values()]
        left, right = min(xs) - NODE_WIDTH / 2 - 60, max(xs) + NODE_WIDTH / 2 + 60
        top, bottom = min(ys) - NODE_HEIGHT * 1.5, max(ys) + NODE_HEIGHT / 2
        self.scene().setSceneRect(
            QRectF(left, top, right - left, bottom - top).adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        )

    def _node_position_changed(self, node_id: str) -> None:
        node = self._nodes.get(node_id)
        if node is None or self._placing:
            return
        self._centres[node_id] = (node.pos().x(), node.pos().y())
        for edge in self._edges_at.get(node_id, []):
            source, target = self._nodes.get(edge.spec.source), self._nodes.get(edge.spec.target)
            if source is not None and target is not None:
                edge.route(source.pos(), target.pos())

    def node_position(self, node_id: str) -> tuple[float, float] | None:
        """Where a node's centre is drawn."""
        item = self._nodes.get(node_id)
        return (item.pos().x(), item.pos().y()) if item is not None else None

    def edge_pairs(self) -> list[tuple[str, str]]:
        """The (source, target) of every edge drawn."""
        return list(self._edges)

    def positions(self) -> dict[str, tuple[float, float]]:
        """Where every node's centre is drawn."""
        return dict(self._centres)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        self._pressed_at = {node_id: QPointF(item.pos()) for node_id, item in self._nodes.items() if item.isSelected()}

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        moved = [
            (node_id, round(item.pos().x(), 1), round(item.pos().y(), 1))
            for node_id, item in self._nodes.items()
            if node_id in self._pressed_at and item.pos() != self._pressed_at[node_id]
        ]
        self._pressed_at = {}
        if moved:
            self._grow_scene_rect()
            self.nodes_moved.emit(moved)

    # -- navigation ------------------------------------------------------------------------------
    def node_ids(self) -> list[str]:
        return list(self._nodes)

    def fit(self) -> None:
        """Fit the whole graph, but never below a scale at which labels can still be read."""
        self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() < MIN_READABLE_SCALE:
            self.resetTransform()
            self.scale(MIN_READABLE_SCALE, MIN_READABLE_SCALE)
        self._view_changed()

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        if 0.05 < current * factor < 6:
            self.scale(factor, factor)
            self._view_changed()

    def _view_changed(self) -> None:
        if self.minimap is not None:
            self.minimap.refresh()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self._view_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._view_changed()

    def select_node(self, node_id: str, *, centre: bool = True) -> None:
        item = self._nodes.get(node_id)
        if item is None:
            return
        self.scene().clearSelection()
        item.setSelected(True)
        if centre:
            self.centerOn(item)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.2)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.2)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        item = self.itemAt(event.position().toPoint())  # type: ignore[attr-defined]
        while item is not None and not isinstance(item, _NodeItem):
            item = item.parentItem()
        if isinstance(item, _NodeItem):
            self.node_activated.emit(item.spec.id)


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
