"""A map's legend: each colour, line and mark the map uses, drawn as the map draws it, with its meaning.

The entries wrap onto as many rows as the width needs. A screen reader reads the legend's name and the
meanings in order (its accessible description).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.widgets.graph_items import _badge
from ui.widgets.map_style import MapColours, edge_pen, map_colours

SWATCH = 34
GAP = 6
SPACING = 16
ROW = 22

ENTRIES = (
    "route",
    "trail",
    "best",
    "both",
    "off",
    "critical",
    "flagged",
    "current",
    "start",
    "success",
    "partial",
    "failure",
    "heat",
    "plain",
    "plain-referral",
)


def entry_text(key: str) -> str:
    """What an entry means, in the interface language."""
    translate = QCoreApplication.translate
    return {
        "route": translate("MapLegend", "Your route"),
        "trail": translate("MapLegend", "Your trail"),
        "best": translate("MapLegend", "Best route"),
        "both": translate("MapLegend", "Yours and the best"),
        "off": translate("MapLegend", "Off-pathway referral"),
        "critical": translate("MapLegend", "Critical choice"),
        "flagged": translate("MapLegend", "Rule broken or critical error here"),
        "current": translate("MapLegend", "You are here"),
        "start": translate("MapLegend", "Start"),
        "success": translate("MapLegend", "End: success"),
        "partial": translate("MapLegend", "End: partial success"),
        "failure": translate("MapLegend", "End: failure"),
        "heat": translate("MapLegend", "Share of decisions at the stage: the wider, the more"),
        "plain": translate("MapLegend", "Choice not taken"),
        "plain-referral": translate("MapLegend", "Referral the pathway allows"),
    }[key]


class MapLegend(QWidget):
    """The legend of one map: ``set_entries`` with the keys of ``ENTRIES`` the map uses, in that order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[str] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_entries(self, keys: Sequence[str]) -> None:
        self.entries = [key for key in ENTRIES if key in keys]
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setAccessibleName(translate("MapLegend", "Legend"))
        self.setAccessibleDescription("; ".join(entry_text(key) for key in self.entries))
        self.updateGeometry()
        self.update()

    def _rows(self, width: int) -> list[list[tuple[str, float]]]:
        metrics = QFontMetricsF(self.font())
        rows: list[list[tuple[str, float]]] = [[]]
        used = 0.0
        for key in self.entries:
            size = SWATCH + GAP + metrics.horizontalAdvance(entry_text(key)) + SPACING
            if rows[-1] and used + size > width:
                rows.append([])
                used = 0.0
            rows[-1].append((key, size))
            used += size
        return rows

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return len(self._rows(max(width, 100))) * ROW + 4 if self.entries else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(100, self.heightForWidth(self.width() or 400))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = map_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        for number, row in enumerate(self._rows(self.width())):
            x, y = 0.0, number * ROW + 2
            for key, size in row:
                swatch = QRectF(x, y + 2, SWATCH, ROW - 6)
                _draw_sample(painter, key, swatch, palette)
                painter.setPen(self.palette().color(self.foregroundRole()))
                painter.drawText(QPointF(x + SWATCH + GAP, y + (ROW + metrics.ascent() - metrics.descent()) / 2), entry_text(key))
                x += size
        painter.end()


def _draw_sample(painter: QPainter, key: str, area: QRectF, palette: MapColours) -> None:
    """A small picture of what ``key`` looks like on the map."""
    middle = area.center().y()
    line_styles = {
        "route": "route",
        "trail": "route",
        "best": "best",
        "both": "both",
        "off": "off",
        "critical": "critical",
        "plain": "plain",
        "plain-referral": "plain",
    }
    if key in line_styles:
        pen, overlay = edge_pen(line_styles[key], palette)
        painter.setPen(pen)
        painter.drawLine(QPointF(area.left(), middle), QPointF(area.right(), middle))
        if overlay is not None:
            painter.setPen(overlay)
            painter.drawLine(QPointF(area.left(), middle), QPointF(area.right(), middle))
        return
    if key == "heat":
        for width, x in ((0.1, area.left()), (1.0, area.center().x() + 2)):
            pen, _ = edge_pen("route", palette, heat=width)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, middle), QPointF(x + area.width() / 2 - 2, middle))
        return
    box = area.adjusted(2, 0, -2, 0)
    painter.setBrush(QBrush(palette.node))
    if key == "flagged":
        _badge(painter, area.center(), palette.critical, palette.background)
        return
    pen = {
        "current": QPen(palette.route, 4.0),
        "success": QPen(palette.good, 3.0),
        "partial": QPen(palette.partial, 3.0),
        "failure": QPen(palette.critical, 3.0),
        "start": QPen(palette.node_border, 1.3),
    }[key]
    if key == "current":
        painter.setBrush(QBrush(palette.route_fill()))
    painter.setPen(pen)
    painter.drawRoundedRect(box, 3, 3)
    if key == "start":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(palette.route))
        painter.drawRect(QRectF(box.left(), box.top() + 2, 5, box.height() - 4))
