"""The drawn parts of a map: nodes, edges, and the pathway's lanes and phases (``ui.widgets.graph_view`` places them).

A node is one item that paints its box, its title wrapped on up to ``NODE_LINES`` lines at
``LABEL_POINTS``, its marks (start, end, a broken rule) and the keyboard's focus ring; an edge is one
item that paints its line (through the layout's bends, so long edges pass between nodes), the best
route's dashes over it when both routes took it, and its arrow head. One item each keeps a 5,000-stage
case cheap to draw.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from tipcase.format.pathway_map import Lane, LaneMap, PhaseBlock, Step, lane_map

from ui.widgets.map_style import (
    LABEL_POINTS,
    NODE_LINES,
    NODE_PADDING,
    NODE_WIDTH,
    PHASE_POINTS,
    MapColours,
    edge_pen,
    label_font,
    node_look,
)

Point = tuple[float, float]
NAMES_WIDTH = 170.0  # the column of the agencies' names at the left of a pathway map (scene units)
NAME_PADDING = 8.0
NAME_LINES = 6  # an agency's name wraps on up to this many lines (the longest bundled one takes five)
MARK = "▶"  # a label's lines from here name who stands at the node (the team map): each wraps whole, never cut
MARK_LINES = 3  # lines for each name after a mark (the longest role title takes two)


@dataclasses.dataclass(frozen=True)
class NodeSpec:
    """How a node is drawn and read.

    ``kind``: normal | start | success | partial | failure (an end). ``state``: "" | route | best | both |
    current (where the trainee is). ``description``: what a screen reader says after the label (its agency,
    whether it is on the route, what happened there). ``flagged``: a rule was broken or a critical choice
    taken there (a "!" in its corner).
    """

    id: str
    label: str
    tooltip: str = ""
    kind: str = "normal"
    state: str = ""
    description: str = ""
    flagged: bool = False


@dataclasses.dataclass(frozen=True)
class EdgeSpec:
    """How an edge is drawn.

    ``style`` plain | route | best | both | critical | off (an off-pathway referral); ``heat`` 0..1, the share
    of trainees who took it (the analytics' overlay: the line's width); ``label``
    drawn at its middle.
    """

    source: str
    target: str
    style: str = "plain"
    heat: float | None = None
    label: str = ""


def wrap(text: str, metrics: QFontMetricsF, width: float, lines: int) -> list[str]:
    """``text`` broken at spaces (and at its own line breaks) into at most ``lines`` lines of ``width``.

    The last line ends in "…" when the text does not fit.
    """
    result: list[str] = []
    words = [word for paragraph in text.split("\n") for word in [*paragraph.split(), "\n"]][:-1]
    line = ""
    for word in words:
        if word == "\n":
            result.append(line)
            line = ""
            continue
        candidate = f"{line} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not line:
            line = candidate
        else:
            result.append(line)
            line = word
    result.append(line)
    result = [metrics.elidedText(item, Qt.TextElideMode.ElideRight, width) for item in result]
    if len(result) > lines:
        last = f"{result[lines - 1]} {' '.join(result[lines:])}"
        result = [*result[: lines - 1], metrics.elidedText(last + " …", Qt.TextElideMode.ElideRight, width - 1)]
        if not result[-1].endswith("…"):
            result[-1] += "…"
    return result


def node_lines(label: str, metrics: QFontMetricsF) -> list[str]:
    """A node's label as drawn: its title on up to ``NODE_LINES`` lines, then each mark line on up to ``MARK_LINES``.

    A line that starts with ``MARK`` names a role standing there (the team map); it wraps on lines of its own
    (walk F, finding 12: the role's name was cut to "Labour inspector, provincial manpower o…").
    """
    title, _sep, marks = label.partition("\n" + MARK)
    width = NODE_WIDTH - 2 * NODE_PADDING
    lines = wrap(title, metrics, width, NODE_LINES)
    if _sep:
        for mark in (MARK + marks).split("\n"):
            lines += wrap(mark, metrics, width, MARK_LINES)
    return lines


class NodeItem(QGraphicsRectItem):
    """A stage or pathway node, centred on its position so ``pos()`` is its centre.

    A ``QGraphicsRectItem`` whose rectangle is the node's bounds (no pen, no brush: ``paint`` draws the box): Qt
    reads the bounds in C++, not through a Python ``boundingRect``, whenever the node moves or is indexed or
    drawn (three times per node in an arrangement's undo, 15,000 calls into Python at 5,000 stages).
    """

    def __init__(self, spec: NodeSpec, palette: MapColours, font: QFont, metrics: QFontMetricsF) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.spec = spec
        self.focused = False
        self.lines: list[str] = []
        self._font = font
        self._metrics = metrics
        self._rect = QRectF()
        self.set_spec(spec, palette)

    def set_spec(self, spec: NodeSpec, palette: MapColours) -> None:
        self.spec = spec
        self.palette = palette
        self.lines = node_lines(spec.label, self._metrics)
        height = len(self.lines) * self._metrics.lineSpacing() + 2 * NODE_PADDING
        self._rect = QRectF(-NODE_WIDTH / 2, -height / 2, NODE_WIDTH, height)
        self._half_height = height / 2
        self.setRect(self._rect.adjusted(-8, -8, 8, 8))  # the bounds: the focus ring and the badge around the box
        self.setToolTip(spec.tooltip or spec.label)
        self.update()

    def set_focused(self, focused: bool) -> None:
        self.focused = focused
        self.update()

    def box(self) -> QRectF:
        """The node's box around its centre (scene units)."""
        return QRectF(self._rect)

    def corners(self) -> Corners:
        """The node's box where it stands in the scene: (left, top, right, bottom), plain floats (no Qt object made)."""
        x, y, half_width, half_height = self.x(), self.y(), NODE_WIDTH / 2, self._half_height
        return (x - half_width, y - half_height, x + half_width, y + half_height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        palette, spec = self.palette, self.spec
        border, fill = node_look(spec.kind, spec.state, palette)
        if self.isSelected():
            border = QPen(palette.focus, 3.0)
        painter.setPen(border)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, 6, 6)
        if spec.kind == "start":  # a solid bar down the left side
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(palette.route))
            painter.drawRect(QRectF(self._rect.left(), self._rect.top() + 4, 6, self._rect.height() - 8))
        painter.setFont(self._font)
        painter.setPen(palette.text)
        line_height = self._metrics.lineSpacing()
        top = self._rect.top() + NODE_PADDING + self._metrics.ascent()
        for number, line in enumerate(self.lines):
            painter.drawText(
                QPointF(self._rect.left() + NODE_PADDING + (4 if spec.kind == "start" else 0), top + number * line_height), line
            )
        if spec.flagged:
            _badge(painter, QPointF(self._rect.right() - 2, self._rect.top() + 2), palette.critical, palette.background)
        if self.focused:
            ring = QPen(palette.focus, 3.0, Qt.PenStyle.DotLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(-6, -6, 6, 6), 9, 9)


def node_height(label: str, metrics: QFontMetricsF) -> float:
    """How tall a node with ``label`` is drawn (scene units): its wrapped lines and padding."""
    return len(node_lines(label, metrics)) * metrics.lineSpacing() + 2 * NODE_PADDING


def lane_name_height(name: str, metrics: QFontMetricsF) -> float:
    """How tall a lane must be for its agency's name in the names column (scene units)."""
    return len(wrap(name, metrics, NAMES_WIDTH - 2 * NAME_PADDING, NAME_LINES)) * metrics.lineSpacing() + NAME_PADDING


class EdgeLabel(QGraphicsSimpleTextItem):
    """An edge's label (a share on the heat map) on a plate of the map's background, centred on its line's middle.

    Its line runs into the plate and out of it, and no other line crosses the text: the figure reads clearly and
    plainly belongs to its own line (bare, it sat above the middle, over the curves of the lines beside it).
    """

    PADDING = 3.0  # scene units of plate around the text

    def __init__(self, text: str, font: QFont, palette: MapColours) -> None:
        super().__init__(text)
        self.setFont(font)
        self.setBrush(palette.muted)
        self.plate = palette.background
        self.setZValue(2)  # above every line

    def text_rect(self) -> QRectF:
        """Where the text itself is drawn (item units)."""
        return super().boundingRect()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.text_rect().adjusted(-self.PADDING, -1, self.PADDING, 1)

    def centre_on(self, point: QPointF) -> None:
        """Place the label's middle on ``point`` (scene units): its line's middle."""
        box = self.text_rect()
        self.setPos(point.x() - box.width() / 2, point.y() - box.height() / 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.plate))
        painter.drawRoundedRect(self.boundingRect(), 3, 3)
        painter.restore()
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt takes no widget (None) as well


def agency_lanes(steps: Sequence[Step], referrals: Iterable[tuple[str, str]], nodes: Sequence[NodeSpec]) -> LaneMap:
    """The pathway laid out in agencies' lanes (``tipcase.format.pathway_map.lane_map``), ready to draw.

    Each node is as tall as its label is drawn and each lane as tall as its agency's name in the names column
    (scene units, ``label_font``): every map lays out through here, so no name's last line falls under its lane's edge.
    """
    metrics = QFontMetricsF(label_font())
    return lane_map(
        steps,
        referrals,
        node_heights={spec.id: node_height(spec.label, metrics) for spec in nodes},
        lane_heights={step.lane: lane_name_height(step.lane, metrics) for step in steps},
    )


def name_rows(cell: QRectF, shown: QRectF, count: int, spacing: float) -> list[tuple[int, float]]:
    """Where a lane's name of ``count`` lines goes in its ``cell``: (line, top) for each line wholly in ``shown``.

    Centred in the part of the lane in view, kept inside the lane, so a lane half scrolled out of view shows
    its whole name in its part still in view (its third line went under the view's edge); a line that
    still does not fit is left out rather than cut through. Scene units.
    """
    part = cell.intersected(shown)
    height = count * spacing
    top = max(cell.top(), min(part.center().y() - height / 2, cell.bottom() - height))
    top = max(top, min(part.top(), cell.bottom() - height))
    return [
        (row, top + row * spacing)
        for row in range(count)
        if top + row * spacing >= shown.top() - 0.5 and top + (row + 1) * spacing <= shown.bottom() + 0.5
    ]


def _badge(painter: QPainter, centre: QPointF, colour: QColor, text: QColor) -> None:
    """A round "!" mark: a broken rule or a critical choice here (the painter's pen, brush and font left as they were)."""
    painter.save()
    painter.setPen(QPen(text, 1.5))
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(centre, 10, 10)
    font = label_font(LABEL_POINTS, bold=True)
    painter.setFont(font)
    painter.setPen(text)
    painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter, "!")
    painter.restore()


def edge_path(
    source: QRectF, target: QRectF, bends: Sequence[Point], *, straight: bool = False, aside: float = 0.0
) -> tuple[QPainterPath, QPointF, float]:
    """The line of an edge between two node boxes, through ``bends``; where its arrow head goes; its angle.

    Scene coordinates; the angle in radians.

    Forward (target to the right): from the source's right side to the target's left side, crossing each
    bend's column level; backward: the mirror; in one column: ``straight`` down or up (moved ``aside`` when
    the two nodes refer to each other), else out of the right side and back in, bulging right.
    """
    sx, sy, tx, ty = source.center().x(), source.center().y(), target.center().x(), target.center().y()
    half = NODE_WIDTH / 2 + 10
    if abs(tx - sx) < 1 and straight:
        down = ty > sy
        shift = aside if down else -aside
        start = QPointF(sx + shift, source.bottom() if down else source.top())
        end = QPointF(tx + shift, target.top() if down else target.bottom())
        path = QPainterPath(start)
        path.lineTo(end)
        return path, end, math.pi / 2 if down else -math.pi / 2
    if abs(tx - sx) < 1:
        start, end = QPointF(source.right(), sy), QPointF(target.right(), ty)
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x() + 70, sy), QPointF(end.x() + 70, ty), end)
        return path, end, math.pi
    forward = tx > sx
    side = 1.0 if forward else -1.0
    start = QPointF(source.right() if forward else source.left(), sy)
    end = QPointF(target.left() if forward else target.right(), ty)
    path = QPainterPath(start)
    here = start
    for x, y in bends:
        entry, leave = QPointF(x - side * half, y), QPointF(x + side * half, y)
        _curve(path, here, entry)
        path.lineTo(leave)
        here = leave
    if not bends and not forward:  # a step back between neighbours: bow below, clear of a forward edge between them
        path.cubicTo(QPointF(start.x() - 60, sy + 46), QPointF(end.x() + 60, ty + 46), end)
    else:
        _curve(path, here, end)
    return path, end, 0.0 if forward else math.pi


def _curve(path: QPainterPath, start: QPointF, end: QPointF) -> None:
    middle = (start.x() + end.x()) / 2
    path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)


class EdgeItem(QGraphicsRectItem):
    """One edge: its line, the best route's dashes over it when both routes took it, and its arrow head.

    ``route`` says where the edge runs; its line (a ``QPainterPath`` of curves, ``edge_path``) and arrow head are
    made when the edge is first painted or asked for (``path``, ``arrow``, ``middle``), not when it is routed: an
    arrangement of 5,000 stages routes 15,000 edges and the view paints the few hundred in sight. The bounding
    rectangle, which the scene's index needs at once, is computed from the boxes and bends the line passes
    (``_route_bounds``), a little larger than the line's own. It is the item's ``rect`` (a ``QGraphicsRectItem``
    with no pen and no brush: ``paint`` draws the line), so Qt reads it in C++: a Python ``boundingRect`` was
    called three times per edge when an arrangement was undone, 45,000 calls at 5,000 stages.
    """

    def __init__(self, spec: EdgeSpec, palette: MapColours) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.spec = spec
        self.line_pen, self.overlay = edge_pen(spec.style, palette, spec.heat)
        self._path: QPainterPath | None = QPainterPath()
        self._arrow = QPolygonF()
        self._route: Route | None = None
        self._bounds: Rect = (0.0, 0.0, 0.0, 0.0)  # what ``rect`` holds, kept to compare without a call into Qt
        self._margin = 2 * self.line_pen.widthF() + ARROW_SIZE  # the pen and the arrow head around the line
        self.setZValue(-1 if spec.style == "plain" else 0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def route(self, source: Corners, target: Corners, bends: Sequence[Point], *, straight: bool = False, aside: float = 0.0) -> None:
        """Run the edge from the ``source`` box to the ``target`` box through ``bends`` (see ``edge_path``).

        The boxes as their (left, top, right, bottom) in scene coordinates: an arrangement routes 15,000 edges at
        5,000 stages, and neither routing nor putting a route back makes a Qt object (each one made there is
        freed by the undo, whose cost grew faster than the map: Shiboken's table of them grows with it).
        """
        self._route = (source, target, tuple(bends), straight, aside)
        self._path = None
        self._set_bounds(_route_bounds(source, target, bends, self._margin))

    def route_state(self) -> RouteState:
        """Where the edge runs now, as ``set_route_state`` takes it back (the line too, when it was made)."""
        return (self._route, self._bounds, self._path, self._arrow)  # each replaced, never changed in place, by a new route

    def set_route_state(self, state: RouteState) -> None:
        """Run the edge as it ran when ``route_state`` was taken (an undo puts the map back without routing it again)."""
        route, bounds, self._path, self._arrow = state
        self._route = route
        self._set_bounds(bounds)

    def _set_bounds(self, bounds: Rect) -> None:
        """The rectangle (x, y, width, height) the line and arrow head lie in, as Qt's index and painting read it.

        Scene units. Unchanged bounds do not reach the index, but the line in them may have moved: it is painted again.
        """
        if bounds == self._bounds:
            self.update()
        else:
            self._bounds = bounds
            self.setRect(*bounds)

    def _made(self) -> QPainterPath:
        """The line, made from the last ``route`` if it has not been yet (and the arrow head with it)."""
        if self._path is None:
            assert self._route is not None
            source, target, bends, straight, aside = self._route
            self._path, tip, angle = edge_path(_box(source), _box(target), bends, straight=straight, aside=aside)
            size = ARROW_SIZE + self.line_pen.widthF()
            self._arrow = QPolygonF(
                [
                    tip,
                    QPointF(tip.x() - size * math.cos(angle - 0.42), tip.y() - size * math.sin(angle - 0.42)),
                    QPointF(tip.x() - size * math.cos(angle + 0.42), tip.y() - size * math.sin(angle + 0.42)),
                ]
            )
        return self._path

    @property
    def path(self) -> QPainterPath:
        """The edge's line, scene coordinates."""
        return self._made()

    @property
    def arrow(self) -> QPolygonF:
        """The arrow head at the target's end, scene coordinates."""
        self._made()
        return self._arrow

    def middle(self) -> QPointF:
        return self.path.pointAtPercent(0.5)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        path = self._made()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.line_pen)
        painter.drawPath(path)
        if self.overlay is not None:
            painter.setPen(self.overlay)
            painter.drawPath(path)
        painter.setPen(QPen(self.line_pen.color(), 1))
        painter.setBrush(QBrush(self.line_pen.color()))
        painter.drawPolygon(self._arrow)


ARROW_SIZE = 9.0  # an arrow head's length beyond its pen's width, scene units
Corners = tuple[float, float, float, float]  # a rectangle's left, top, right, bottom
Rect = tuple[float, float, float, float]  # a rectangle's x, y, width, height
Route = tuple[Corners, Corners, tuple[Point, ...], bool, float]  # EdgeItem.route's arguments: the boxes, bends, straight, aside
RouteState = tuple[Route | None, Rect, QPainterPath | None, QPolygonF]  # EdgeItem
_REACH = 70.0  # how far past its boxes' sides an edge's line may bulge (``edge_path``: a loop in one column, a step back)


def _box(corners: Corners) -> QRectF:
    left, top, right, bottom = corners
    return QRectF(left, top, right - left, bottom - top)


def _route_bounds(source: Corners, target: Corners, bends: Sequence[Point], margin: float) -> Rect:
    """A rectangle (``Rect``) holding every line ``edge_path`` draws between the boxes (``Corners``) through ``bends``, and ``margin`` more.

    The margin holds the pen and the arrow head. The line starts and ends on the boxes' sides, passes each bend
    a half-layer either side of it, and its curves' control points lie between those points, except a loop in
    one column (70 past the right sides) and a step back between neighbours (60 past the sides, 46 below the
    centres): ``_REACH`` covers both. Plain float comparisons: it runs for every edge an arrangement moves
    (15,000 at 5,000 stages).
    """
    left, top, right, bottom = source
    target_left, target_top, target_right, target_bottom = target
    low = (top + bottom if top + bottom > target_top + target_bottom else target_top + target_bottom) / 2 + 46  # a step back's bow
    left = target_left if target_left < left else left
    right = target_right if target_right > right else right
    top = target_top if target_top < top else top
    bottom = target_bottom if target_bottom > bottom else bottom
    bottom = low if low > bottom else bottom
    half = NODE_WIDTH / 2 + 10
    for x, y in bends:
        left = x - half if x - half < left else left
        right = x + half if x + half > right else right
        top = y if y < top else top
        bottom = y if y > bottom else bottom
    reach = _REACH + margin
    return (left - reach, top - margin, right - left + 2 * reach, bottom - top + 2 * margin)


class LanesItem(QGraphicsItem):
    """The pathway's lanes (a band for each, and lines between the phases' columns) under everything else.

    The view draws the agencies' names in a column at the left of what is on screen (``draw_lane_names``) and
    the phases' names in a band at its top (``draw_phase_names``), so both stay in sight while scrolling; at
    the left and top of the map there is room for them (``NAMES_WIDTH``, ``header``), so nothing is under them
    when the map is scrolled to its start.
    """

    def __init__(self, lanes: list[Lane], phases: list[PhaseBlock], positions: dict[str, Point], palette: MapColours) -> None:
        super().__init__()
        self.lanes, self.phases, self.positions, self.palette = lanes, phases, positions, palette
        self.phase_font = label_font(PHASE_POINTS, bold=True)
        xs = [x for x, _ in positions.values()] or [0.0]
        self.left, self.right = min(xs) - NODE_WIDTH / 2 - 30, max(xs) + NODE_WIDTH / 2 + 30
        self.header = QFontMetricsF(self.phase_font).lineSpacing() + 14
        bottom = lanes[-1].bottom if lanes else 0.0
        self.name_font = label_font()
        self._bounds = QRectF(self.left - NAMES_WIDTH, -self.header, self.right - self.left + NAMES_WIDTH, bottom + self.header)
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        palette = self.palette
        for number, lane in enumerate(self.lanes):
            band = QRectF(self.left - NAMES_WIDTH, lane.top, self.right - self.left + NAMES_WIDTH, lane.bottom - lane.top)
            painter.fillRect(band, palette.lane if number % 2 else palette.background)
        bottom = self.lanes[-1].bottom if self.lanes else 0.0
        painter.setPen(QPen(palette.plain, 1, Qt.PenStyle.DashLine))
        for phase in self.phases[1:]:
            x = phase.first - NODE_WIDTH / 2 - 45
            painter.drawLine(QPointF(x, -self.header), QPointF(x, bottom))

    def draw_lane_names(self, painter: QPainter, shown: QRectF) -> None:
        """The agencies' names in a column at the left of ``shown`` (the scene's part on screen), each beside its lane."""
        palette = self.palette
        left = max(shown.left(), self.left - NAMES_WIDTH)
        metrics = QFontMetricsF(self.name_font)
        painter.setFont(self.name_font)
        for number, lane in enumerate(self.lanes):
            if lane.bottom < shown.top() or lane.top > shown.bottom():
                continue
            cell = QRectF(left, lane.top, NAMES_WIDTH, lane.bottom - lane.top)
            painter.fillRect(cell, palette.lane if number % 2 else palette.background)
            lines = wrap(lane.name, metrics, NAMES_WIDTH - 2 * NAME_PADDING, NAME_LINES)
            painter.setPen(palette.muted)
            for row, top in name_rows(cell, shown, len(lines), metrics.lineSpacing()):
                painter.drawText(QPointF(left + NAME_PADDING, top + metrics.ascent()), lines[row])
        painter.setPen(QPen(palette.plain, 1))
        bottom = self.lanes[-1].bottom if self.lanes else 0.0
        painter.drawLine(
            QPointF(left + NAMES_WIDTH, max(shown.top(), -self.header)), QPointF(left + NAMES_WIDTH, min(shown.bottom(), bottom))
        )

    def draw_phase_names(self, painter: QPainter, shown: QRectF) -> None:
        """The phases' names in a band at the top of ``shown`` (the scene's part on screen), right of the agencies' column.

        A phase scrolled partly under the column has its name centred in its part still in view (never cut to a
        fragment at the column's edge); the corner above the column is left blank.
        """
        palette = self.palette
        top = max(shown.top(), -self.header)
        band = QRectF(shown.left(), top, shown.width(), self.header)
        painter.fillRect(band, palette.background)  # opaque: what scrolls under it is not read through it
        painter.setPen(QPen(palette.plain, 1))
        painter.drawLine(band.bottomLeft(), band.bottomRight())
        painter.setFont(self.phase_font)
        painter.setPen(palette.muted)
        edge = max(shown.left(), self.left - NAMES_WIDTH) + NAMES_WIDTH  # the agencies' column's right side
        metrics = QFontMetricsF(self.phase_font)
        for phase in self.phases:
            left, right = max(edge, phase.first - NODE_WIDTH / 2 - 20), phase.last + NODE_WIDTH / 2 + 20
            if right - left >= metrics.horizontalAdvance(phase.name) + 8:  # whole, or not at all
                painter.drawText(QRectF(left, top, right - left, self.header - 4), Qt.AlignmentFlag.AlignCenter, phase.name)

    def scroll_whole(self, view: QGraphicsView, keep: QRectF, boxes: list[QRectF]) -> None:
        """Scroll ``view`` by ``whole_under_names`` (its part on screen, ``keep`` kept in sight, the nodes' ``boxes``)."""
        move = self.whole_under_names(view.mapToScene(view.viewport().rect()).boundingRect(), keep, boxes)
        scale = view.transform().m11()
        for bar, by in ((view.horizontalScrollBar(), move.x()), (view.verticalScrollBar(), move.y())):
            bar.setValue(bar.value() + round(by * scale))

    def whole_under_names(self, shown: QRectF, keep: QRectF, boxes: list[QRectF]) -> QPointF:
        """How far to scroll (scene units) so that no lane is cut by the phases' band and no node by the agencies' column.

        ``shown`` is the scene's part on screen, ``keep`` what must stay in sight (the node brought there),
        ``boxes`` the nodes'. A cut lane or node is shown whole when ``keep`` stays in sight, else scrolled
        out from under the names.
        """
        dx = dy = 0.0
        under = shown.top() + self.header  # the band's bottom
        for lane in self.lanes:
            if lane.top + 1 < under < lane.bottom - 1:
                up, down = under - lane.top, lane.bottom - under
                if keep.bottom() <= shown.bottom() - up:
                    dy = -up
                elif keep.top() >= under + down:
                    dy = down
                break
        edge = shown.left() + NAMES_WIDTH
        cut = [box for box in boxes if box.left() + 1 < edge < box.right() - 1 and box.bottom() > under and box.top() < shown.bottom()]
        if cut:
            left, right = max(edge - box.left() for box in cut), max(box.right() - edge for box in cut)
            if keep.right() <= shown.right() - left:
                dx = -left
            elif keep.left() >= edge + right:
                dx = right
        return QPointF(dx, dy)
