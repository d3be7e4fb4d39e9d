"""A map's legend: each colour, line and mark the map uses, drawn as the map draws it, with its meaning.

The entries wrap onto as many rows as the width needs. A screen reader reads the legend's name and the
meanings in order (its accessible description). ``LegendBox`` puts a legend under its map with a button
that folds it: it is open while it takes at most ``MAX_SHARE`` of the map's room, folded to the button
otherwise (at 200 % scaling, in a narrow pane), and the user's choice stands once they press it.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QToolButton, QWidget

from ui.widgets.graph_items import _badge
from ui.widgets.map_style import MapColours, edge_pen, map_colours, node_look

if TYPE_CHECKING:
    from ui.widgets.graph_view import GraphView

SWATCH = 44
GAP = 6
SPACING = 16
ROW = 22
MAX_SHARE = 0.2  # the most of its map's room (the view and the legend) a legend takes unless the user opens it
BESIDE = 480  # the least width (pixels) at which the fold button sits beside the open legend rather than above it

ENTRIES = (
    "route",
    "trail",
    "team-trail",
    "best",
    "best-trail",
    "both",
    "off",
    "critical",
    "flagged",
    "current",
    "team-current",
    "start",
    "success",
    "partial",
    "failure",
    "heat",
    "plain",
    "plain-referral",
    "choice",
)

# What each entry stands for on the map: the styles ``GraphView.drawn_styles`` reports (edge styles, node
# states and kinds, "flagged", "heat"). A pathway says trail where a case graph says route.
STANDS_FOR = {
    "route": "route",
    "trail": "route",
    "team-trail": "route",
    "best": "best",
    "best-trail": "best",
    "both": "both",
    "off": "off",
    "critical": "critical",
    "flagged": "flagged",
    "current": "current",
    "team-current": "current",
    "start": "start",
    "success": "success",
    "partial": "partial",
    "failure": "failure",
    "heat": "heat",
    "plain": "plain",
    "plain-referral": "plain",
    "choice": "plain",
}
# The words of each kind of map where they differ from a play's route on the case graph.
VOCABULARIES: dict[str, dict[str, str]] = {
    "route": {},
    "trail": {"route": "trail", "best": "best-trail", "plain": "plain-referral"},  # a trail on the pathway
    # a team on the pathway, seen by an observer (the control room, the joint debrief): where the roles are, not "you"
    "team": {"route": "team-trail", "best": "best-trail", "plain": "plain-referral", "current": "team-current"},
    "editor": {"plain": "choice"},  # the editor's canvas: a choice is just a choice, nobody took it or not
}


def legend_keys(styles: Iterable[str], *, words: str = "route") -> list[str]:
    """The legend's entries, in ``ENTRIES`` order, for the styles a map draws, in the ``words`` of ``VOCABULARIES``."""
    drawn = set(styles)
    renamed = VOCABULARIES[words]
    keys = {renamed.get(key, key) for key in ENTRIES if key == STANDS_FOR[key] and key in drawn}
    return [key for key in ENTRIES if key in keys]


def entry_text(key: str) -> str:
    """What an entry means, in the interface language."""
    translate = QCoreApplication.translate
    return {
        "route": translate("MapLegend", "Your route"),
        "trail": translate("MapLegend", "Your trail"),
        "team-trail": translate("MapLegend", "Where the roles have been"),
        "best": translate("MapLegend", "Best route"),
        "best-trail": translate("MapLegend", "Best trail"),
        "both": translate("MapLegend", "Yours and the best"),
        "off": translate("MapLegend", "Off-pathway referral"),
        "critical": translate("MapLegend", "Critical choice"),
        "flagged": translate("MapLegend", "Rule broken or critical error here"),
        "current": translate("MapLegend", "You are here"),
        "team-current": translate("MapLegend", "A role is here (named under the step)"),
        "start": translate("MapLegend", "Start"),
        "success": translate("MapLegend", "End: success"),
        "partial": translate("MapLegend", "End: partial success"),
        "failure": translate("MapLegend", "End: failure"),
        "heat": translate("MapLegend", "Share of decisions at the stage: the wider, the more"),
        "plain": translate("MapLegend", "Choice not taken"),
        "plain-referral": translate("MapLegend", "Referral the pathway allows"),
        "choice": translate("MapLegend", "Choice"),
    }[key]


@dataclasses.dataclass(frozen=True)
class Sample:
    """What an entry's picture shows: a line (its pen and the pen over it), a node box (border, fill), marks."""

    line: tuple[QPen, QPen | None] | None = None
    box: tuple[QPen, QColor] | None = None
    start_bar: bool = False
    badge: bool = False
    heat: bool = False


def sample(key: str, palette: MapColours) -> Sample:
    """The picture of ``key``, drawn with the map's own pens (``edge_pen``, ``node_look``)."""
    style = STANDS_FOR[key]
    if style in ("route", "best", "both"):
        return Sample(line=edge_pen(style, palette), box=node_look("normal", style, palette))
    if style in ("off", "critical", "plain"):
        return Sample(line=edge_pen(style, palette))
    if style == "heat":
        return Sample(line=edge_pen("plain", palette, heat=1.0), heat=True)
    if style == "flagged":
        return Sample(badge=True)
    if style == "current":
        return Sample(box=node_look("normal", "current", palette))
    return Sample(box=node_look(style, "", palette), start_bar=style == "start")


class MapLegend(QWidget):
    """The legend of one map: ``set_entries`` with the keys of ``ENTRIES``, or ``follow`` a view to keep it in step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[str] = []
        self._view: GraphView | None = None
        self.words = "route"
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def follow(self, view: GraphView, *, words: str = "route") -> None:
        """Show what ``view`` draws, whenever it draws, in the ``words`` of ``VOCABULARIES`` (route, trail, editor)."""
        self._view, self.words = view, words
        view.drawn.connect(self._refresh)
        self._refresh()

    def set_words(self, words: str) -> None:
        self.words = words
        self._refresh()

    def _refresh(self) -> None:
        if self._view is not None:
            self.set_entries(legend_keys(self._view.drawn_styles(), words=self.words))

    def set_entries(self, keys: Sequence[str]) -> None:
        entries = [key for key in ENTRIES if key in keys]
        if entries != self.entries:
            self.entries = entries
            self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setAccessibleName(translate("MapLegend", "Legend"))
        self.setAccessibleDescription("; ".join(entry_text(key) for key in self.entries))
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _line(self) -> float:
        """A row's height for one line of text: ``ROW``, or more for a larger font."""
        return max(float(ROW), QFontMetricsF(self.font()).height() + 6)

    def rows(self, width: int) -> list[tuple[float, list[tuple[str, float, float]]]]:
        """The entries as they are laid out ``width`` pixels wide: (row height, [(entry, width taken, text width)]).

        An entry whose words are wider than the legend (a long meaning at 200 % scaling, in a narrow
        editor) is wrapped onto as many lines as it needs, never cut off.
        """
        metrics = QFontMetricsF(self.font())
        line = self._line()
        room = max(float(width) - SWATCH - GAP - SPACING, 40.0)
        rows: list[tuple[float, list[tuple[str, float, float]]]] = []
        row: list[tuple[str, float, float]] = []
        used, height = 0.0, line
        for key in self.entries:
            text = entry_text(key)
            natural = metrics.horizontalAdvance(text) + 1
            shown = min(natural, room)
            size = SWATCH + GAP + shown + SPACING
            if row and used + size > width:
                rows.append((height, row))
                row, used, height = [], 0.0, line
            if natural > room:
                wrapped = metrics.boundingRect(QRectF(0, 0, shown, 1e6), int(Qt.TextFlag.TextWordWrap), text)
                shown = max(shown, wrapped.width() + 1)  # a word longer than the room stays whole
                height = max(height, wrapped.height() + 6)
            row.append((key, size, shown))
            used += size
        if row:
            rows.append((height, row))
        return rows

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return math.ceil(sum(height for height, _ in self.rows(max(width, 100)))) + 4 if self.entries else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(100, self.heightForWidth(self.width() or 400))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = map_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self._line()
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignVCenter)
        y = 2.0
        for height, row in self.rows(self.width()):
            x = 0.0
            for key, size, shown in row:
                painter.save()  # a sample's pens, brush and font stay with the sample
                _draw_sample(painter, sample(key, palette), QRectF(x, y + (height - line) / 2 + 2, SWATCH, line - 6), palette)
                painter.restore()
                painter.setFont(self.font())  # the font the row was measured in (``rows``)
                painter.setPen(self.palette().color(self.foregroundRole()))
                painter.drawText(QRectF(x + SWATCH + GAP, y, shown, height), flags, entry_text(key))
                x += size
            y += height
        painter.end()


def _draw_sample(painter: QPainter, picture: Sample, area: QRectF, palette: MapColours) -> None:
    """A small picture of an entry: its line (left), its node box (right, or the whole width alone), its marks."""
    middle = area.center().y()
    line_end = area.right() if picture.box is None else area.left() + area.width() * 0.45
    if picture.line is not None:
        pen, overlay = picture.line
        if picture.heat:  # a thin and a wide line: the width is the share
            for width, left in ((0.1, area.left()), (1.0, area.center().x() + 2)):
                wide, _ = edge_pen("plain", palette, heat=width)
                painter.setPen(wide)
                painter.drawLine(QPointF(left, middle), QPointF(left + area.width() / 2 - 2, middle))
            return
        for drawn in (pen, overlay):
            if drawn is not None:
                painter.setPen(drawn)
                painter.drawLine(QPointF(area.left(), middle), QPointF(line_end, middle))
    if picture.badge:
        _badge(painter, area.center(), palette.critical, palette.background)
    if picture.box is not None:
        border, fill = picture.box
        box = area.adjusted(2, 0, -2, 0) if picture.line is None else QRectF(line_end, area.top(), area.right() - line_end, area.height())
        painter.setPen(border)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(box, 3, 3)
        if picture.start_bar:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(palette.route))
            painter.drawRect(QRectF(box.left(), box.top() + 2, 5, box.height() - 4))


class LegendBox(QWidget):
    """``legend`` under ``view`` with a button that shows or hides it (``toggle``: its arrow points down when open).

    Until the user presses the button, the legend is open when it needs at most ``MAX_SHARE`` of the
    room the view and the legend share, and folded to the button when it would need more (a map at 200 %
    scaling or in a narrow pane keeps its room for the map). Folded, the button's tooltip and accessible
    description still list every entry. Once pressed, the user's choice stands for this map.
    """

    def __init__(self, legend: MapLegend, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend, self.view = legend, view
        self.chosen: bool | None = None  # the user's choice: open (True) or folded (False); None: by the room
        self.toggle = QToolButton()
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.clicked.connect(self._pressed)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it: the legend opens by keyboard too
        self.layout_ = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(legend, 1)
        layout.addStretch(0)  # folded: the button stays at the left
        self._fitting = QTimer(self)  # one fit after a burst of resizes and redraws
        self._fitting.setSingleShot(True)
        self._fitting.setInterval(0)
        self._fitting.timeout.connect(self.fit)
        view.installEventFilter(self)
        if hasattr(view, "drawn"):
            view.drawn.connect(self._redrawn)  # new entries: another row may be needed, the tooltip lists them
        self._show_state(True)
        self.retranslate()

    def is_open(self) -> bool:
        return not self.legend.isHidden()

    def share(self) -> float:
        """The part of the map's room (the view and this box) the box takes now, 0 to 1."""
        room = self.view.height() + self.height()
        return self.height() / room if room > 0 else 0.0

    def fit(self) -> None:
        """Open or fold the legend for the room there is (or as the user chose); the button above it when narrow."""
        direction = QBoxLayout.Direction.LeftToRight if self.width() >= BESIDE else QBoxLayout.Direction.TopToBottom
        if self.layout_.direction() != direction:
            self.layout_.setDirection(direction)
        if self.chosen is not None:
            wanted = self.chosen
        else:
            room = self.view.height() + self.height()
            beside = direction == QBoxLayout.Direction.LeftToRight
            width = max(self.width() - (self.toggle.sizeHint().width() + GAP if beside else 0), 100)
            needed = self.legend.heightForWidth(width) + (0 if beside else self.toggle.sizeHint().height() + GAP)
            wanted = room > 0 and needed <= MAX_SHARE * room
        if wanted != self.is_open():
            self._show_state(wanted)

    def _redrawn(self) -> None:
        self._describe()
        self._fitting.start()

    def _pressed(self) -> None:
        self.chosen = not self.is_open()
        self._show_state(self.chosen)

    def _show_state(self, shown: bool) -> None:
        self.legend.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._describe()

    def _describe(self) -> None:
        translate = QCoreApplication.translate
        entries = [entry_text(key) for key in self.legend.entries]
        if self.is_open():
            self.toggle.setToolTip(translate("MapLegend", "Hide the legend"))
        else:
            self.toggle.setToolTip("\n".join([translate("MapLegend", "Show the legend:"), *(f"• {entry}" for entry in entries)]))
        self.toggle.setAccessibleDescription("; ".join(entries))

    def retranslate(self) -> None:
        self.toggle.setText(QCoreApplication.translate("MapLegend", "Legend"))
        self.toggle.setAccessibleName(QCoreApplication.translate("MapLegend", "Legend"))
        self._describe()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fitting.start()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fitting.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fitting.start()
        super().changeEvent(event)
