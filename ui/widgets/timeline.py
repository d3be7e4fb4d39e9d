"""A team exercise's time line: a lane per role on the case clock, who did what and when.

Each decision is a bar on its role's lane from the clock when it was taken to the clock after it
(the choice's hours), coloured by its rating and numbered by its step; a hand-over is an arrow from the
sender's lane when it was sent to the receiver's lane when it was taken (dashed and red when the
file was incomplete; ending in a cross when it was never taken); an inject is a diamond, a trainer's
message a small square, hollow and grey when it reached the role after its end (``after-end``: it changed
nothing the role did). Hovering says what an item is; clicking a decision reports it
(``decision_clicked``) so the debrief's list selects it (the list is the time line's text equivalent,
for the keyboard and screen readers). ``select`` rings a decision.

Nothing is drawn over anything else: the clock axis (``ui.widgets.timeline_axis``) gives every decision
room for its number, however quick, and stretches the same moments on every lane; a role's name wraps
onto two lines in its column; the hour labels are spaced. When even the narrowest axis is wider than
the widget, the widget asks for that width (``minimumWidth``) and its scroll area scrolls.
``drawn()`` is every rectangle drawn, for the tests.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ui.numbers import number_text
from ui.theme import Colours, colours
from ui.widgets.timeline_axis import Axis, Span, fit

LANE_HEIGHT = 46
AXIS_HEIGHT = 26
MARGIN = 12
NAME_WIDTH = 230  # the widest a role's name column gets; a longer name wraps onto a second line
MARK = 14  # the width of an inject's or a message's mark in its slot
TICK_GAP = 10  # the least space between two hour labels


@dataclasses.dataclass(frozen=True)
class Bar:
    """A decision: ``index`` in the debrief's list, its lane, clocks, step, colour key (a rating) and its words."""

    index: int
    lane: int
    start: float
    end: float
    step: int
    rating: str
    tip: str


@dataclasses.dataclass(frozen=True)
class Arrow:
    """A hand-over from lane ``source`` at ``sent`` to lane ``target`` at ``taken`` (None: never taken).

    ``after``: the index of the decision that sent it (the arrow leaves its bar's end); ``before``: the
    receiver's next decision (the arrow meets its bar's start); None: at the clock.
    """

    source: int
    target: int
    sent: float
    taken: float | None
    complete: bool
    tip: str
    after: int | None = None
    before: int | None = None


@dataclasses.dataclass(frozen=True)
class Geometry:
    """Every rectangle the time line draws at one width: lane names, bars, their numbers, marks, hour labels."""

    axis: Axis
    names: list[QRectF]
    name_lines: list[list[str]]
    bars: dict[int, QRectF]  # a bar's index -> its rectangle
    numbers: dict[int, QRectF]
    marks: list[QRectF]
    ticks: list[tuple[float, str, QRectF]]  # (x, label, its rectangle; empty when the label is left out)


@dataclasses.dataclass(frozen=True)
class Mark:
    """An inject (``diamond``) or a message (``square``; ``after-end`` when it came after the role's end) on a lane."""

    lane: int
    clock: float
    shape: str
    tip: str


class Timeline(QWidget):
    """The lanes, bars, arrows and marks of a team exercise's time line (see the module's docstring)."""

    decision_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes: list[str] = []
        self.bars: list[Bar] = []
        self.arrows: list[Arrow] = []
        self.marks: list[Mark] = []
        self.hours = 1.0
        self.selected = -1
        self.hours_label = "{hours} h"
        self._geometry: Geometry | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(AXIS_HEIGHT + LANE_HEIGHT * 2 + MARGIN)

    def set_content(
        self, lanes: list[str], bars: list[Bar], arrows: list[Arrow], marks: list[Mark], *, hours: float, hours_label: str
    ) -> None:
        """Show a new time line; ``hours`` is its length (case hours), ``hours_label`` a format with ``{hours}``."""
        self.lanes, self.bars, self.arrows, self.marks = lanes, bars, arrows, marks
        self.hours = max(1.0, hours, *(bar.end for bar in bars), *(mark.clock for mark in marks))
        self.hours_label = hours_label
        self.selected = -1
        self._geometry = None
        self.setMinimumHeight(AXIS_HEIGHT + LANE_HEIGHT * max(1, len(lanes)) + MARGIN)
        narrowest = self._axis(0)
        self.setMinimumWidth(math.ceil(narrowest.right + self._right_room()))
        self.updateGeometry()
        self.update()

    def select(self, index: int) -> None:
        self.selected = index
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(max(640, self.minimumWidth()), AXIS_HEIGHT + LANE_HEIGHT * max(1, len(self.lanes)) + MARGIN)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._geometry = None
        super().resizeEvent(event)

    def changeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self._geometry = None  # a font change
        super().changeEvent(event)  # type: ignore[arg-type]

    # -- geometry --------------------------------------------------------------------------------
    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max([metrics.horizontalAdvance(name) for name in self.lanes] + [60])
        return min(NAME_WIDTH, widest) + 2 * MARGIN

    def _least(self) -> float:
        """The least width of a decision's bar: its number and a margin."""
        metrics = QFontMetrics(self.font())
        return float(max([metrics.horizontalAdvance(str(bar.step)) for bar in self.bars] + [8]) + 12)

    def _right_room(self) -> float:
        """Room right of the axis for half the last hour label."""
        metrics = QFontMetrics(self.font())
        return MARGIN + metrics.horizontalAdvance(self.hours_label.format(hours=number_text(self.hours))) / 2 + 2

    def _axis(self, width: float) -> Axis:
        left = float(self._label_width())
        spans = [Span(bar.lane, bar.start, bar.end) for bar in self.bars]
        points = [(mark.lane, mark.clock) for mark in self.marks]
        room = max(0.0, width - left - self._right_room())
        return fit(spans, points, hours=self.hours, left=left, width=room, least=self._least(), mark=MARK)

    def _y(self, lane: int) -> float:
        return AXIS_HEIGHT + LANE_HEIGHT * lane + LANE_HEIGHT / 2

    def _name_lines(self, name: str, width: int, metrics: QFontMetrics) -> list[str]:
        """A role's name on one line, or two (the first filled with whole words, the rest elided if it must be)."""
        if metrics.horizontalAdvance(name) <= width:
            return [name]
        words, first = name.split(), ""
        while words and metrics.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
            first = f"{first} {words.pop(0)}".strip()
        if not first:  # one word wider than the column
            return [metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)]
        return [first, metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)]

    def drawn(self) -> Geometry:
        """Every rectangle drawn at the widget's width (computed once per width and content)."""
        if self._geometry is not None:
            return self._geometry
        metrics = QFontMetrics(self.font())
        axis = self._axis(self.width())
        column = self._label_width() - 2 * MARGIN
        names, name_lines = [], []
        for lane, name in enumerate(self.lanes):
            lines = self._name_lines(name, column, metrics)
            height = metrics.height() * len(lines)
            width = max(metrics.horizontalAdvance(line) for line in lines)
            names.append(QRectF(MARGIN, self._y(lane) - height / 2, width, height))
            name_lines.append(lines)
        least = self._least()
        bars: dict[int, QRectF] = {}
        numbers: dict[int, QRectF] = {}
        piled: dict[tuple[int, float], int] = {}
        for bar in self.bars:
            i = axis.index(bar.start)
            if bar.end > bar.start:
                x0, x1 = axis.ends[i], axis.starts[axis.index(bar.end)]
            else:
                k = piled.get((bar.lane, bar.start), 0)
                piled[(bar.lane, bar.start)] = k + 1
                x0 = axis.starts[i] + k * least
                x1 = x0 + least
            rect = QRectF(x0 + 1, self._y(bar.lane) - 11, x1 - x0 - 2, 22)
            bars[bar.index] = rect
            label = str(bar.step)
            text_width = metrics.horizontalAdvance(label)
            numbers[bar.index] = QRectF(
                rect.center().x() - text_width / 2, rect.center().y() - metrics.height() / 2, text_width, metrics.height()
            )
        marks = []
        stacked: dict[tuple[int, float], int] = {}
        for mark in self.marks:
            k = stacked.get((mark.lane, mark.clock), 0)
            stacked[(mark.lane, mark.clock)] = k + 1
            centre = QPointF(axis.x(mark.clock) + (k + 0.5) * MARK, self._y(mark.lane) - 18)  # above the bars (11 px about the line)
            marks.append(QRectF(centre.x() - 6, centre.y() - 6, 12, 12))
        ticks = self._ticks(axis, metrics)
        self._geometry = Geometry(axis, names, name_lines, bars, numbers, marks, ticks)
        return self._geometry

    def _ticks(self, axis: Axis, metrics: QFontMetrics) -> list[tuple[float, str, QRectF]]:
        """Hour lines every 1, 2, 5, 10... hours (about 60 px apart on average), each labelled where its label has room."""
        left, right = float(self._label_width()), axis.right
        per_hour = max(1e-9, (right - left) / self.hours)
        step = next(
            (float(s) for s in (1, 2, 5, 10, 12, 24, 48, 72, 168, 336, 720) if per_hour * s >= 60),
            float(10 ** math.ceil(math.log10(self.hours))),
        )
        ticks, hour, last = [], 0.0, -1e9
        while hour <= self.hours + 1e-9:
            x = axis.x(hour)
            label = self.hours_label.format(hours=number_text(hour))
            width = metrics.horizontalAdvance(label)
            rect = QRectF(x - width / 2, AXIS_HEIGHT - 8 - metrics.ascent(), width, metrics.height())
            if rect.left() >= last + TICK_GAP and rect.right() <= self.width():
                ticks.append((x, label, rect))
                last = rect.right()
            else:
                ticks.append((x, label, QRectF()))
            hour += step
        return ticks

    def _arrow_ends(self, arrow: Arrow, geometry: Geometry) -> tuple[float, float]:
        axis = geometry.axis
        start = geometry.bars[arrow.after].right() if arrow.after in geometry.bars else axis.x(arrow.sent)
        if arrow.taken is None:
            return start, start + 24
        end = geometry.bars[arrow.before].left() if arrow.before in geometry.bars else axis.x(arrow.taken)
        return start, max(end, start)

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        geometry = self.drawn()
        left = self._label_width()
        painter.setPen(QPen(palette.muted, 1))
        for x, label, rect in geometry.ticks:
            if rect.isEmpty():
                continue
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, self.height() - MARGIN))
            painter.drawText(QPointF(rect.left(), AXIS_HEIGHT - 8), label)
        for lane, lines in enumerate(geometry.name_lines):
            y = self._y(lane)
            painter.setPen(palette.text)
            top = geometry.names[lane].top()
            for number, line in enumerate(lines):
                painter.drawText(QPointF(MARGIN, top + metrics.ascent() + number * metrics.height()), line)
            painter.setPen(QPen(palette.node_border, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(left, y), QPointF(self.width() - MARGIN, y))
        for arrow in self.arrows:
            self._paint_arrow(painter, arrow, palette, geometry)
        for bar in self.bars:
            self._paint_bar(painter, bar, palette, metrics, geometry)
        for mark, rect in zip(self.marks, geometry.marks, strict=True):
            self._paint_mark(painter, mark, rect, palette)
        painter.end()

    def _colour(self, rating: str, palette: Colours) -> QColor:
        return {
            "good": palette.good,
            "acceptable": palette.warning,
        }.get(rating, palette.bad)

    def _paint_bar(self, painter: QPainter, bar: Bar, palette: Colours, metrics: QFontMetrics, geometry: Geometry) -> None:
        rect = geometry.bars[bar.index]
        colour = self._colour(bar.rating, palette)
        fill = QColor(colour)
        fill.setAlpha(200)
        painter.setBrush(fill)
        width = 3.0 if bar.index == self.selected else 1.0
        painter.setPen(QPen(palette.text if bar.index == self.selected else colour.darker(130), width))
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(QColor("white"))
        number = geometry.numbers[bar.index]
        painter.drawText(QPointF(number.left(), number.top() + metrics.ascent()), str(bar.step))

    def _paint_arrow(self, painter: QPainter, arrow: Arrow, palette: Colours, geometry: Geometry) -> None:
        x0, x1 = self._arrow_ends(arrow, geometry)
        start = QPointF(x0, self._y(arrow.source) + (10 if arrow.target > arrow.source else -10))
        end = QPointF(x1, self._y(arrow.target) + (-12 if arrow.target > arrow.source else 12))
        colour = palette.route if arrow.complete else palette.bad
        pen = QPen(colour, 1.8, Qt.PenStyle.SolidLine if arrow.complete else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(start)
        middle = (start.y() + end.y()) / 2
        path.cubicTo(QPointF(start.x(), middle), QPointF(end.x(), middle), end)
        painter.drawPath(path)
        painter.setBrush(colour)
        if arrow.taken is None:
            painter.drawLine(end + QPointF(-5, -5), end + QPointF(5, 5))
            painter.drawLine(end + QPointF(-5, 5), end + QPointF(5, -5))
            return
        direction = 1 if arrow.target > arrow.source else -1
        head = QPolygonF([end, end + QPointF(-5, -8 * direction), end + QPointF(5, -8 * direction)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(head)

    def _paint_mark(self, painter: QPainter, mark: Mark, rect: QRectF, palette: Colours) -> None:
        centre = rect.center()
        painter.setPen(QPen(palette.text, 1))
        painter.setBrush(palette.warning)
        if mark.shape == "diamond":
            painter.drawPolygon(
                QPolygonF([centre + QPointF(0, -6), centre + QPointF(6, 0), centre + QPointF(0, 6), centre + QPointF(-6, 0)])
            )
        elif mark.shape == "after-end":  # hollow and grey: it reached a role that had ended, so nothing came of it
            painter.setPen(QPen(palette.muted, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(centre.x() - 4, centre.y() - 4, 8, 8))
        else:
            painter.drawRect(QRectF(centre.x() - 4, centre.y() - 4, 8, 8))

    # -- pointing --------------------------------------------------------------------------------
    def _bar_at(self, point: QPointF) -> Bar | None:
        bars = self.drawn().bars
        return next((bar for bar in reversed(self.bars) if bars[bar.index].adjusted(-2, -2, 2, 2).contains(point)), None)

    def _tip_at(self, point: QPointF) -> str:
        bar = self._bar_at(point)
        if bar is not None:
            return bar.tip
        geometry = self.drawn()
        for mark, rect in zip(self.marks, geometry.marks, strict=True):
            if rect.adjusted(-2, -2, 2, 2).contains(point):
                return mark.tip
        for arrow in self.arrows:
            x0, x1 = self._arrow_ends(arrow, geometry)
            for x, lane in ((x0, arrow.source), (x1, arrow.target)):
                if abs(x - point.x()) <= 8 and abs(self._y(lane) - point.y()) <= 16:
                    return arrow.tip
        return ""

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            tip = self._tip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        bar = self._bar_at(event.position())
        if bar is not None:
            self.select(bar.index)
            self.decision_clicked.emit(bar.index)
        super().mousePressEvent(event)
