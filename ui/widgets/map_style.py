"""How the maps are drawn: colours that keep WCAG AA contrast in the light and the dark scheme, pens, sizes.

Every map (the trail in the player, the debrief's route and pathway, the heat overlay, the editor's
canvas) draws with these, and its legend (``ui.widgets.map_legend``) draws its samples with the same
pens, so a line in the legend is the line on the map.

Contrast (WCAG 2.1): text at least 4.5:1 against what it stands on (1.4.3), lines and borders at least
3:1 against the map's background (1.4.11). ``map_colours`` starts from the scheme's colours
(``ui.theme``) and darkens or lightens any that fall short, so a platform palette cannot undo it.

Sizes: labels are drawn at ``LABEL_POINTS`` in the scene and the view never fits below
``MIN_READABLE_SCALE``, so a label is at least 9 points on screen at the default zoom.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QPen

from ui.theme import colours, is_dark

LABEL_POINTS = 11.0  # node titles, lane names, edge labels, in the scene
PHASE_POINTS = 12.0  # the phase names over the pathway's columns
SMALLEST_ON_SCREEN = 9.0  # points: the smallest a label may be at the default zoom
MIN_READABLE_SCALE = SMALLEST_ON_SCREEN / LABEL_POINTS
MAX_FIT_SCALE = 1.0  # a small route is not blown up past its natural size
NODE_WIDTH = 210.0
NODE_LINES = 3  # a title wraps on up to this many lines, then ends in "…" (the full title is in the tooltip and the list)
NODE_PADDING = 7.0

TEXT_CONTRAST = 4.5
LINE_CONTRAST = 3.0


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1, sRGB)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` (with its alpha) painted over an opaque ``background``."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def readable(colour: QColor, background: QColor, ratio: float) -> QColor:
    """``colour`` darkened (on a light background) or lightened (on a dark one) until it has ``ratio``."""
    result = QColor(colour)
    dark_background = luminance(background) < 0.18
    for _ in range(40):
        if contrast(result, background) >= ratio:
            return result
        result = result.lighter(108) if dark_background else result.darker(108)
        if dark_background and result.lightness() >= 250:
            result = QColor("#ffffff")
        if not dark_background and result.lightness() <= 5:
            result = QColor("#000000")
    return result


@dataclasses.dataclass(frozen=True)
class MapColours:
    """The colours of a map. Text colours are AA against ``background`` and every node fill; lines 3:1."""

    background: QColor
    lane: QColor  # every other lane's band
    text: QColor
    muted: QColor  # lane names, phase names, edge labels
    node: QColor
    node_border: QColor
    plain: QColor  # a choice or referral nobody took
    route: QColor  # the trainee's trail or route
    best: QColor  # the best route
    critical: QColor  # a critical choice; a broken rule
    off: QColor  # an off-pathway referral
    good: QColor
    partial: QColor
    focus: QColor  # the keyboard's focus ring

    def route_fill(self) -> QColor:
        return over(_alpha(self.route, 0.22), self.node)

    def best_fill(self) -> QColor:
        return over(_alpha(self.best, 0.18), self.node)


def _alpha(colour: QColor, alpha: float) -> QColor:
    result = QColor(colour)
    result.setAlphaF(alpha)
    return result


def map_colours() -> MapColours:
    """The maps' colours for the current scheme (see the module's docstring for the contrast kept)."""
    theme = colours()
    palette = QGuiApplication.palette()
    background = palette.color(QPalette.ColorRole.Base)
    dark = is_dark()
    lane = QColor(background).lighter(112) if dark else QColor(background).darker(104)
    line = LINE_CONTRAST + 0.3  # a little above the minimum: lines are thin
    worst = [background, lane]

    def line_colour(colour: QColor) -> QColor:
        for ground in worst:
            colour = readable(colour, ground, line)
        return colour

    node = QColor(background)
    colours_ = MapColours(
        background=background,
        lane=lane,
        text=theme.text,
        muted=theme.text,
        node=node,
        node_border=line_colour(QColor("#8a8a8a")),
        plain=line_colour(QColor("#8a8a8a")),
        route=line_colour(theme.route),
        best=line_colour(theme.best),
        critical=line_colour(theme.bad),
        off=line_colour(QColor("#e65100") if not dark else QColor("#ffb74d")),
        good=line_colour(theme.good),
        partial=line_colour(theme.warning),
        focus=line_colour(palette.color(QPalette.ColorRole.Highlight)),
    )
    grounds = [background, lane, colours_.route_fill(), colours_.best_fill()]
    text, muted = theme.text, QColor("#4a4a4a") if not dark else QColor("#c4c4c4")
    for ground in grounds:
        text = readable(text, ground, TEXT_CONTRAST + 0.5)
        muted = readable(muted, ground, TEXT_CONTRAST + 0.2)
    return dataclasses.replace(colours_, text=text, muted=muted)


def label_font(points: float = LABEL_POINTS, *, bold: bool = False) -> QFont:
    """The application's font at ``points`` (scene points: the view's zoom scales them)."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


EDGE_STYLES = ("plain", "critical", "best", "route", "both", "off")


def edge_pen(style: str, palette: MapColours, heat: float | None = None) -> tuple[QPen, QPen | None]:
    """The pen of an edge of ``style`` and, for a step on both routes, the pen drawn over it.

    plain: thin grey; route (the trainee's): thick solid; best: dashed; both: the route's line with the best
    route's dashes along it; critical (a critical choice): red dash-dot; off (an off-pathway referral):
    dotted. ``heat`` (0 to 1, the share of decisions) widens the line from 1.5 to 11.
    """
    colour = {
        "plain": palette.plain,
        "route": palette.route,
        "both": palette.route,
        "best": palette.best,
        "critical": palette.critical,
        "off": palette.off,
    }[style]
    width = {"plain": 1.1, "critical": 2.0, "best": 3.0, "route": 4.5, "both": 6.0, "off": 4.5}[style]
    if heat is not None:
        width = 1.5 + 9.5 * max(0.0, min(1.0, heat))
        if style == "plain":
            colour = palette.route
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if style == "best":
        pen.setDashPattern([3.0, 2.0])
    elif style == "critical":
        pen.setDashPattern([5.0, 2.0, 1.0, 2.0])
    elif style == "off":
        pen.setDashPattern([1.0, 1.2])
    overlay = None
    if style == "both":
        overlay = QPen(palette.best, 2.5)
        overlay.setDashPattern([3.0, 2.0])
        overlay.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen, overlay


def node_look(kind: str, state: str, palette: MapColours) -> tuple[QPen, QColor]:
    """A node's border pen and fill for its ``kind`` (normal, start, an end) and ``state`` (route, best, both, current).

    On a route: the route's tint; on the best route alone: the best route's tint and a dashed border in its
    colour; on both: the route's tint with a solid border in the best route's colour; an end: a thick border
    in its outcome's colour (dashed when only on the best route); where the trainee is: a thick border in the
    route's colour. The legend draws its node samples with this, so they are the map's.
    """
    fill = palette.node
    border = QPen(palette.node_border, 1.3)
    if state in ("route", "both", "current"):
        fill = palette.route_fill()
    elif state == "best":
        fill = palette.best_fill()
    if state == "best":
        border = QPen(palette.best, 2.5, Qt.PenStyle.DashLine)
    if state == "both":
        border = QPen(palette.best, 2.5)
    if kind in ("success", "partial", "failure"):
        border = QPen({"success": palette.good, "partial": palette.partial, "failure": palette.critical}[kind], 3.0)
        if state == "best":
            border.setStyle(Qt.PenStyle.DashLine)
    if state == "current":
        border = QPen(palette.route, 4.0)
    return border, fill
