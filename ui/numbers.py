"""Numbers written the interface language's way: 82,4 % in Bahasa Indonesia, 82.4 % in English.

QLocale's default follows the interface language (``ui.i18n.Translations.apply``), so these read it at
the moment they are called.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number_text(value: float) -> str:
    """A figure as ``:g`` writes it (no trailing zeros, at most 6 significant digits), with the locale's decimal sign."""
    return QLocale().toString(float(value), "g", 6)


def percent_text(value: float, decimals: int | None = None) -> str:
    """A percent: ``82,4 %``; with ``decimals``, exactly that many (``100,0 %``)."""
    figure = number_text(value) if decimals is None else QLocale().toString(float(value), "f", decimals)
    return f"{figure} %"
