"""Colours that follow the system's light or dark scheme (Qt 6.5+ colorScheme, else the palette)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


def is_dark() -> bool:
    """Whether the system uses a dark scheme (Qt 6.5's colorScheme when it knows, else a dark window colour in the palette)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None and scheme() != Qt.ColorScheme.Unknown:
        return bool(scheme() == Qt.ColorScheme.Dark)
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


@dataclasses.dataclass(frozen=True)
class Colours:
    """The app's colours for the current scheme: verdicts, routes on the maps, nodes, text."""

    good: QColor
    bad: QColor
    warning: QColor
    route: QColor
    best: QColor
    node: QColor
    node_border: QColor
    text: QColor
    muted: QColor


def colours() -> Colours:
    """The colours for the light or dark scheme now in use (called when drawing, so a scheme change shows at the next draw)."""
    palette = QGuiApplication.palette()
    dark = is_dark()
    return Colours(
        good=QColor("#4caf50" if dark else "#1b7f3b"),
        bad=QColor("#ef5350" if dark else "#b3261e"),
        warning=QColor("#ffb74d" if dark else "#a15c00"),
        route=QColor("#64b5f6" if dark else "#1565c0"),
        best=QColor("#81c784" if dark else "#2e7d32"),
        node=palette.color(QPalette.ColorRole.Base),
        node_border=palette.color(QPalette.ColorRole.Mid),
        text=palette.color(QPalette.ColorRole.Text),
        muted=palette.color(QPalette.ColorRole.PlaceholderText),
    )
