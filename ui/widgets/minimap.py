"""The minimap of a graph view: the whole graph in miniature in a corner, with the part on screen framed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QWidget

from ui.theme import colours
from ui.widgets.graph_view import NODE_HEIGHT, SCENE_MARGIN
from ui.widgets.map_style import NODE_WIDTH

if TYPE_CHECKING:
    from ui.widgets.graph_view import GraphView


MOST_EDGES = 3000  # edges drawn in the picture


class Minimap(QWidget):
    """The whole graph in miniature in the corner of a ``GraphView``, with the part on screen framed.

    Small and out of the way: at most ``WIDTH`` by ``HEIGHTS[1]`` pixels, at the right of a strip the view
    keeps free under its map (viewport margins), so it is never drawn over a node wherever the map is
    scrolled or a stage dragged; hidden, and the strip given back to the map, while the whole graph fits
    in the view. It draws each node as a dot and each
    edge as a line from a picture made again only when the graph changed (never while scrolling), so it
    costs the same at 5,000 stages as at 50. A click or drag moves the main view there.
    """

    WIDTH = 150
    HEIGHTS = (28, 52)  # the height follows the graph's shape, within these bounds
    GAP = 4  # pixels between the map, the minimap and the view's edge

    def __init__(self, main: GraphView) -> None:
        super().__init__(main)
        self.main = main
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.resize(self.WIDTH, self.HEIGHTS[1])
        self._picture: QPixmap | None = None
        self._shape = QRectF()

    def graph_changed(self) -> None:
        """The graph's nodes or edges changed: draw the picture again when next shown."""
        self._picture = None
        self.refresh()

    def refresh(self) -> None:
        """Place the minimap in the corner, sized to the graph's shape, shown only when the graph overflows."""
        shape = self.main.scene().sceneRect()
        if shape != self._shape and shape.width() > 0:
            wanted = int(self.WIDTH * shape.height() / shape.width()) + 4
            self.resize(self.WIDTH, max(self.HEIGHTS[0], min(self.HEIGHTS[1], wanted)))
            self._shape = QRectF(shape)
            self._picture = None
        visible = self.main.mapToScene(self.main.viewport().rect()).boundingRect()
        overflows = not visible.contains(shape.adjusted(SCENE_MARGIN, SCENE_MARGIN, -SCENE_MARGIN, -SCENE_MARGIN))
        room = self.main.contentsRect()
        shown = overflows and room.width() > self.width() * 2 and room.height() > self.height() * 4
        # The strip under the map: taking it leaves the graph overflowing, giving it back leaves it fitting,
        # so showing and hiding cannot alternate.
        strip = self.height() + 2 * self.GAP if shown else 0
        if self.main.viewportMargins().bottom() != strip:  # kept outside what scrolls: the map is never under it
            self.main.setViewportMargins(0, 0, 0, strip)
        area = self.main.viewport().geometry()
        self.move(area.right() - self.width() - self.GAP, area.bottom() + 1 + self.GAP)
        self.setVisible(shown)
        self.update()

    def _scale(self) -> tuple[float, QPointF]:
        """Scene units per pixel's inverse, and where the scene's top-left corner is drawn (aspect kept, centred)."""
        shape = self._shape
        if shape.width() <= 0 or shape.height() <= 0:
            return 1.0, QPointF()
        scale = min((self.width() - 4) / shape.width(), (self.height() - 4) / shape.height())
        offset = QPointF((self.width() - shape.width() * scale) / 2, (self.height() - shape.height() * scale) / 2)
        return scale, offset

    def map_from_scene(self, point: QPointF) -> QPointF:
        scale, offset = self._scale()
        return QPointF(offset.x() + (point.x() - self._shape.left()) * scale, offset.y() + (point.y() - self._shape.top()) * scale)

    def map_to_scene(self, point: QPointF) -> QPointF:
        scale, offset = self._scale()
        return QPointF(self._shape.left() + (point.x() - offset.x()) / scale, self._shape.top() + (point.y() - offset.y()) / scale)

    def _draw_picture(self) -> QPixmap:
        """Each edge a line and each node a box, mapped to the minimap once each and drawn in two calls."""
        picture = QPixmap(self.size())
        picture.fill(Qt.GlobalColor.transparent)
        palette = colours()
        painter = QPainter(picture)
        background = QColor(palette.node)
        background.setAlpha(200)
        painter.fillRect(picture.rect(), background)
        scale, offset = self._scale()
        left, top, dx, dy = self._shape.left(), self._shape.top(), offset.x(), offset.y()
        centres = {node_id: (dx + (x - left) * scale, dy + (y - top) * scale) for node_id, (x, y) in self.main.positions().items()}
        pairs = self.main.edge_pairs()
        if len(pairs) <= MOST_EDGES:  # past that the lines are a grey smudge at this size, and cost a stall
            painter.setPen(QPen(palette.muted, 1))
            painter.drawLines(
                [QLineF(*centres[source], *centres[target]) for source, target in pairs if source in centres and target in centres]
            )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.node_border)
        width, height = max(2.0, NODE_WIDTH * scale), max(2.0, NODE_HEIGHT * scale)
        painter.drawRects([QRectF(x - width / 2, y - height / 2, width, height) for x, y in centres.values()])
        painter.end()
        return picture

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self._picture is None or self._picture.size() != self.size():
            self._picture = self._draw_picture()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        visible = self.main.mapToScene(self.main.viewport().rect())
        frame = QPolygonF([self.map_from_scene(visible.at(corner)) for corner in range(visible.size())])
        fill = QColor(colours().route)
        fill.setAlpha(40)
        painter.setPen(QPen(colours().route, 1))
        painter.setBrush(fill)
        painter.drawPolygon(frame)
        painter.setPen(QPen(colours().node_border, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _centre_main_on(self, event: QMouseEvent) -> None:
        self.main.centerOn(self.map_to_scene(event.position()))
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._centre_main_on(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_main_on(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        event.ignore()
