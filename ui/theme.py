"""Colours that follow the system's light or dark scheme (Qt 6.5+ colorScheme, else the palette), kept readable.

Every text colour the app draws meets WCAG 2.2 AA contrast (4.5:1, success criterion 1.4.3) against the
backgrounds it is drawn on: the palette's own pairs (``readable_palette``: Fusion's selected rows are
3.7:1 and its placeholders 4.0:1 as shipped) and the app's own colours for verdicts, ratings and notes
(``colours``), which are darkened (light scheme) or lightened (dark scheme) until they pass against both
the window and the fields. Contrast is WCAG's: relative luminance of sRGB, (L1 + 0.05) / (L2 + 0.05).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

AA = 4.5  # WCAG 2.2 SC 1.4.3, text of normal size
ColorRole, ColorGroup = QPalette.ColorRole, QPalette.ColorGroup

# Text roles of the palette and the background each is drawn on. Disabled controls are exempt (SC 1.4.3).
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (ColorRole.WindowText, ColorRole.Window),
    (ColorRole.Text, ColorRole.Base),
    (ColorRole.Text, ColorRole.AlternateBase),
    (ColorRole.ButtonText, ColorRole.Button),
    (ColorRole.HighlightedText, ColorRole.Highlight),
    (ColorRole.PlaceholderText, ColorRole.Base),
    (ColorRole.Link, ColorRole.Base),
    (ColorRole.LinkVisited, ColorRole.Base),
    (ColorRole.ToolTipText, ColorRole.ToolTipBase),
)
GROUPS = (ColorGroup.Active, ColorGroup.Inactive)


def is_dark() -> bool:
    """Whether the system uses a dark scheme (Qt 6.5's colorScheme when it knows, else a dark window colour in the palette)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None and scheme() != Qt.ColorScheme.Unknown:
        return bool(scheme() == Qt.ColorScheme.Dark)
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` composited over an opaque ``background`` (a placeholder is often text at half alpha)."""
    alpha = colour.alphaF()
    mixed = QColor()
    mixed.setRgbF(*(f * alpha + b * (1 - alpha) for f, b in zip(_rgb(colour), _rgb(background), strict=True)))
    return mixed


def contrast(text: QColor, background: QColor) -> float:
    """WCAG contrast ratio of ``text`` (any alpha) on ``background``: 1.0 to 21.0."""
    lighter, darker = sorted((luminance(over(text, background)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: QColor, *backgrounds: QColor, minimum: float = AA) -> QColor:
    """``colour`` with its lightness moved away from the backgrounds' until it reaches ``minimum`` on all of them.

    Its hue and saturation stay (a green verdict stays green); on light backgrounds it darkens, on dark
    ones it lightens, in steps of 1 % lightness; black or white at worst.
    """
    result = over(colour, backgrounds[0]) if colour.alpha() < 255 else QColor(colour)
    darken = sum(luminance(b) for b in backgrounds) / len(backgrounds) > 0.18
    hue, saturation, lightness = result.hslHueF(), result.hslSaturationF(), result.lightnessF()
    while min(contrast(result, b) for b in backgrounds) < minimum and 0.0 < lightness < 1.0:
        lightness = max(0.0, lightness - 0.01) if darken else min(1.0, lightness + 0.01)
        result = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return result


def readable_palette(palette: QPalette) -> QPalette:
    """``palette`` with every text pair of ``TEXT_PAIRS`` at AA contrast in the active and inactive groups.

    Selected rows keep their text colour and get a deeper (or, on a dark scheme, lighter) highlight;
    every other pair keeps its background and moves the text colour.
    """
    fixed = QPalette(palette)
    for group in GROUPS:
        for text_role, background_role in TEXT_PAIRS:
            text, background = fixed.color(group, text_role), fixed.color(group, background_role)
            if contrast(text, background) >= AA:
                continue
            if text_role == ColorRole.HighlightedText:
                fixed.setColor(group, background_role, readable(background, text))
            else:
                fixed.setColor(group, text_role, readable(text, background))
    return fixed


def apply_readable_palette() -> None:
    """Give the application the readable version of the system's palette (again after a scheme change)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    current = QGuiApplication.palette()
    fixed = readable_palette(current)
    if any(fixed.color(g, r) != current.color(g, r) for g in GROUPS for pair in TEXT_PAIRS for r in pair):
        QGuiApplication.setPalette(fixed)


def reset_palette() -> None:
    """Back to the system's palette (before ``apply_readable_palette`` reads the new scheme's)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        fresh = QPalette(QGuiApplication.palette())
        fresh.setResolveMask(0)  # no role set by the app: every colour comes from the system again
        fresh.setColor(ColorRole.NoRole, QColor(0, 0, 0))  # detaches it from the application's palette
        fresh.setResolveMask(0)
        QGuiApplication.setPalette(fresh)


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
    """The colours for the light or dark scheme now in use (called when drawing, so a scheme change shows at the next draw).

    Those drawn as text are AA-readable on the window and the fields (``readable``).
    """
    palette = QGuiApplication.palette()
    dark = is_dark()
    backgrounds = (palette.color(ColorRole.Window), palette.color(ColorRole.Base))

    def text(light: str, dark_scheme: str) -> QColor:
        return readable(QColor(dark_scheme if dark else light), *backgrounds)

    return Colours(
        good=text("#1b7f3b", "#4caf50"),
        bad=text("#b3261e", "#ef5350"),
        warning=text("#a15c00", "#ffb74d"),
        route=text("#1565c0", "#64b5f6"),
        best=text("#2e7d32", "#81c784"),
        node=palette.color(ColorRole.Base),
        node_border=palette.color(ColorRole.Mid),
        text=palette.color(ColorRole.Text),
        muted=readable(palette.color(ColorRole.PlaceholderText), *backgrounds),
    )


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return colour.redF(), colour.greenF(), colour.blueF()
