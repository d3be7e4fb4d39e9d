"""A team exercise's time line: a lane per role on the case clock, who did what and when.

Each decision is a bar on its role's lane from the clock when it was taken to the clock after it
(the choice's hours), coloured by its rating and numbered by its step; a hand-over is an arrow from the
sender's lane when it was sent to the receiver's lane when it was taken (dashed and red when the
file was incomplete; ending in a cross when it was never taken); an inject is a diamond, a trainer's
message a small square. Hovering says what an item is; clicking a decision reports it
(``decision_clicked``) so the debrief's list selects it (the list is the time line's text equivalent,
for the keyboard and screen readers). ``select`` rings a decision.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QToolTip, QWidget

from ui.numbers import number_text
from ui.theme import Colours, colours

LANE_HEIGHT = 46
AXIS_HEIGHT = 26
MARGIN = 12


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
    """A hand-over from lane ``source`` at ``sent`` to lane ``target`` at ``taken`` (None: never taken)."""

    source: int
    target: int
    sent: float
    taken: float | None
    complete: bool
    tip: str


@dataclasses.dataclass(frozen=True)
class Mark:
    """An inject (``diamond``) or a message (``square``) on a lane."""

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
        self.setMouseTracking(True)
        self.setMinimumHeight(AXIS_HEIGHT + LANE_HEIGHT * 2 + MARGIN)

    def set_content(
        self, lanes: list[str], bars: list[Bar], arrows: list[Arrow], marks: list[Mark], *, hours: float, hours_label: str
    ) -> None:
        """Show a new time line; ``hours`` is its length (case hours), ``hours_label`` a format with ``{hours}``."""
        self.lanes, self.bars, self.arrows, self.marks = lanes, bars, arrows, marks
        self.hours = max(1.0, hours)
        self.hours_label = hours_label
        self.selected = -1
        self.setMinimumHeight(AXIS_HEIGHT + LANE_HEIGHT * max(1, len(lanes)) + MARGIN)
        self.updateGeometry()
        self.update()

    def select(self, index: int) -> None:
        self.selected = index
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, AXIS_HEIGHT + LANE_HEIGHT * max(1, len(self.lanes)) + MARGIN)

    # -- geometry --------------------------------------------------------------------------------
    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        return min(240, max([metrics.horizontalAdvance(name) for name in self.lanes] + [60]) + 2 * MARGIN + 8)

    def _x(self, hours: float) -> float:
        left = self._label_width()
        return left + (self.width() - left - MARGIN * 2) * hours / self.hours

    def _y(self, lane: int) -> float:
        return AXIS_HEIGHT + LANE_HEIGHT * lane + LANE_HEIGHT / 2

    def _bar_rect(self, bar: Bar) -> QRectF:
        x0, x1 = self._x(bar.start), self._x(bar.end)
        if x1 - x0 < 16:
            x0, x1 = x0 - (16 - (x1 - x0)) / 2, x0 + (16 + (x1 - x0)) / 2
        y = self._y(bar.lane)
        return QRectF(x0, y - 11, x1 - x0, 22)

    def _tick(self) -> float:
        """Hours between two labelled ticks: 1, 2, 5, 10... so that labels are at least 60 px apart."""
        span = max(1.0, self.width() - self._label_width() - 2 * MARGIN)
        for step in (1, 2, 5, 10, 12, 24, 48, 72, 168, 336, 720):
            if span * step / self.hours >= 60:
                return float(step)
        return float(10 ** math.ceil(math.log10(self.hours)))

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        left = self._label_width()
        painter.setPen(QPen(palette.muted, 1))
        tick = self._tick()
        hour = 0.0
        while hour <= self.hours + 1e-9:
            x = self._x(hour)
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, self.height() - MARGIN))
            label = self.hours_label.format(hours=number_text(hour))
            painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, AXIS_HEIGHT - 8), label)
            hour += tick
        for lane, name in enumerate(self.lanes):
            y = self._y(lane)
            painter.setPen(palette.text)
            elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, left - 2 * MARGIN)
            painter.drawText(QPointF(MARGIN, y + metrics.ascent() / 2 - 1), elided)
            painter.setPen(QPen(palette.node_border, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(left, y), QPointF(self.width() - MARGIN, y))
        for arrow in self.arrows:
            self._paint_arrow(painter, arrow, palette)
        for bar in self.bars:
            self._paint_bar(painter, bar, palette, metrics)
        for mark in self.marks:
            self._paint_mark(painter, mark, palette)
        painter.end()

    def _colour(self, rating: str, palette: Colours) -> QColor:
        return {
            "good": palette.good,
            "acceptable": palette.warning,
        }.get(rating, palette.bad)

    def _paint_bar(self, painter: QPainter, bar: Bar, palette: Colours, metrics: QFontMetrics) -> None:
        rect = self._bar_rect(bar)
        colour = self._colour(bar.rating, palette)
        fill = QColor(colour)
        fill.setAlpha(200)
        painter.setBrush(fill)
        width = 3.0 if bar.index == self.selected else 1.0
        painter.setPen(QPen(palette.text if bar.index == self.selected else colour.darker(130), width))
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(QColor("white"))
        label = str(bar.step)
        painter.drawText(
            QPointF(rect.center().x() - metrics.horizontalAdvance(label) / 2, rect.center().y() + metrics.ascent() / 2 - 1), label
        )

    def _paint_arrow(self, painter: QPainter, arrow: Arrow, palette: Colours) -> None:
        start = QPointF(self._x(arrow.sent), self._y(arrow.source) + (10 if arrow.target > arrow.source else -10))
        end_x = self._x(arrow.taken if arrow.taken is not None else arrow.sent + self.hours * 0.04)
        end = QPointF(end_x, self._y(arrow.target) + (-12 if arrow.target > arrow.source else 12))
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

    def _paint_mark(self, painter: QPainter, mark: Mark, palette: Colours) -> None:
        centre = QPointF(self._x(mark.clock), self._y(mark.lane) - 16)
        painter.setPen(QPen(palette.text, 1))
        painter.setBrush(palette.warning)
        if mark.shape == "diamond":
            painter.drawPolygon(
                QPolygonF([centre + QPointF(0, -6), centre + QPointF(6, 0), centre + QPointF(0, 6), centre + QPointF(-6, 0)])
            )
        else:
            painter.drawRect(QRectF(centre.x() - 4, centre.y() - 4, 8, 8))

    # -- pointing --------------------------------------------------------------------------------
    def _bar_at(self, point: QPointF) -> Bar | None:
        return next((bar for bar in reversed(self.bars) if self._bar_rect(bar).adjusted(-2, -2, 2, 2).contains(point)), None)

    def _tip_at(self, point: QPointF) -> str:
        bar = self._bar_at(point)
        if bar is not None:
            return bar.tip
        for mark in self.marks:
            centre = QPointF(self._x(mark.clock), self._y(mark.lane) - 16)
            if abs(centre.x() - point.x()) <= 8 and abs(centre.y() - point.y()) <= 8:
                return mark.tip
        for arrow in self.arrows:
            for x, lane in ((self._x(arrow.sent), arrow.source), (self._x(arrow.taken or arrow.sent), arrow.target)):
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
