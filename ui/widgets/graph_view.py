"""A zoomable, pannable drawing of a directed graph (a scenario or a referral pathway).

Nodes are laid out in layers (``tipcase.layout``). Edges can be styled to show a trainee's route,
the best route, or both. Ctrl+wheel or +/- zoom, dragging or the arrow keys pan, 0 fits the whole
graph. ``select_node`` centres a node (the debrief's list drives it from the keyboard).
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPainterPath, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene, QGraphicsTextItem, QGraphicsView, QWidget

from tipcase.layout import layered_layout
from tipcase.ui.theme import colours

NODE_WIDTH = 180.0
NODE_HEIGHT = 62.0
MIN_READABLE_SCALE = 0.55


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
    def __init__(self, spec: NodeSpec, rect: QRectF) -> None:
        super().__init__(rect)
        self.spec = spec
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(spec.tooltip or spec.label)


class GraphView(QGraphicsView):
    node_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._nodes: dict[str, _NodeItem] = {}
        self._items: list[QGraphicsItem] = []  # PySide wrappers must outlive the scene's use of them

    # -- drawing ---------------------------------------------------------------------------------
    def set_graph(self, nodes: list[NodeSpec], edges: list[EdgeSpec], start: str) -> None:
        scene = self.scene()
        scene.clear()
        self._nodes.clear()
        self._items.clear()
        palette = colours()
        successors: dict[str, list[str]] = {n.id: [] for n in nodes}
        for edge in edges:
            if edge.source in successors and edge.target in successors:
                successors[edge.source].append(edge.target)
        position = layered_layout(successors, start)
        centre = {node: QPointF(x, y) for node, (x, y) in position.items()}
        drawn: set[tuple[str, str]] = set()
        for edge in sorted(edges, key=lambda e: ("plain", "critical", "best", "route", "both").index(e.style)):
            key = (edge.source, edge.target)
            if key in drawn and edge.style == "plain":
                continue
            drawn.add(key)
            source, target = centre[str(edge.source)], centre[str(edge.target)]
            self._items.extend(self._draw_edge(scene, source, target, edge.style, palette, heat=edge.heat, label=edge.label))
        for spec in nodes:
            point = centre[spec.id]
            rect = QRectF(point.x() - NODE_WIDTH / 2, point.y() - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)
            item = _NodeItem(spec, rect)
            fill = QColor(palette.node)
            border = QPen(palette.node_border, 1.2)
            if spec.kind in ("success", "partial", "failure"):
                border = QPen({"success": palette.good, "partial": palette.warning, "failure": palette.bad}[spec.kind], 2.5)
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
            scene.addItem(item)
            label = QGraphicsTextItem()
            label.setParentItem(item)
            self._items.append(label)
            label.setDefaultTextColor(palette.text)
            font = QFont(label.font())
            font.setPointSizeF(max(7.5, font.pointSizeF() * 0.85))
            label.setFont(font)
            label.setTextWidth(NODE_WIDTH - 10)
            label.setPlainText(_elide(spec.label, 70))
            text_rect = label.boundingRect()
            label.setPos(rect.x() + 5, point.y() - text_rect.height() / 2)
            self._nodes[spec.id] = item
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-40, -40, 40, 40))
        self.fit()

    @staticmethod
    def _draw_edge(
        scene: QGraphicsScene, source: QPointF, target: QPointF, style: str, palette: object, *, heat: float | None = None, label: str = ""
    ) -> list[QGraphicsItem]:
        colour = {
            "plain": palette.muted,  # type: ignore[attr-defined]
            "route": palette.route,  # type: ignore[attr-defined]
            "both": palette.route,  # type: ignore[attr-defined]
            "best": palette.best,  # type: ignore[attr-defined]
            "critical": palette.bad,  # type: ignore[attr-defined]
        }[style]
        width = {"plain": 1.0, "critical": 1.2, "best": 2.5, "route": 3.0, "both": 3.5}[style]
        if heat is not None:  # the analytics' heat overlay: the more trainees took it, the wider and stronger
            colour = QColor(palette.bad if style == "critical" else palette.route)  # type: ignore[attr-defined]
            colour.setAlpha(int(70 + 185 * max(0.0, min(1.0, heat))))
            width = 1.0 + 8.0 * max(0.0, min(1.0, heat))
        pen = QPen(colour, width)
        if style == "best":
            pen.setStyle(Qt.PenStyle.DashLine)
        start = QPointF(source.x() + NODE_WIDTH / 2, source.y())
        end = QPointF(target.x() - NODE_WIDTH / 2, target.y())
        path = QPainterPath(start)
        if target.x() > source.x():
            middle = (start.x() + end.x()) / 2
            path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
        else:  # a loop or a step back: arc above the nodes
            lift = min(start.y(), end.y()) - NODE_HEIGHT * 1.4
            path.cubicTo(QPointF(start.x() + 60, lift), QPointF(end.x() - 60, lift), end)
        line = QGraphicsPathItem(path)
        line.setPen(pen)
        line.setZValue(-1 if style == "plain" else 0)
        scene.addItem(line)
        angle = math.atan2(end.y() - path.pointAtPercent(0.97).y(), end.x() - path.pointAtPercent(0.97).x())
        size = 7 + width
        head = QPolygonF(
            [
                end,
                QPointF(end.x() - size * math.cos(angle - 0.45), end.y() - size * math.sin(angle - 0.45)),
                QPointF(end.x() - size * math.cos(angle + 0.45), end.y() - size * math.sin(angle + 0.45)),
            ]
        )
        arrow = scene.addPolygon(head, QPen(colour, 1), QBrush(colour))
        arrow.setZValue(line.zValue())
        if label:
            text = scene.addSimpleText(label)
            text.setBrush(QBrush(palette.text))  # type: ignore[attr-defined]
            middle_point = path.pointAtPercent(0.5)
            text.setPos(middle_point.x() - text.boundingRect().width() / 2, middle_point.y() - text.boundingRect().height() - 2)
            text.setZValue(2)
            return [line, arrow, text]
        return [line, arrow]

    # -- navigation ------------------------------------------------------------------------------
    def node_ids(self) -> list[str]:
        return list(self._nodes)

    def fit(self) -> None:
        """Fit the whole graph, but never below a scale at which labels can still be read."""
        self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() < MIN_READABLE_SCALE:
            self.resetTransform()
            self.scale(MIN_READABLE_SCALE, MIN_READABLE_SCALE)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        if 0.05 < current * factor < 6:
            self.scale(factor, factor)

    def select_node(self, node_id: str) -> None:
        item = self._nodes.get(node_id)
        if item is None:
            return
        self.scene().clearSelection()
        item.setSelected(True)
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
