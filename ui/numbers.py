"""Numbers and dates written the interface language's way: 82,4 % and 30 Nov 2026 in Bahasa Indonesia, 82.4 % in English.

QLocale's default follows the interface language (``ui.i18n.Translations.apply``), so these read it at
the moment they are called.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale


def number_text(value: float) -> str:
    """A figure as ``:g`` writes it (no trailing zeros, at most 6 significant digits), with the locale's decimal sign."""
    return QLocale().toString(float(value), "g", 6)


def percent_text(value: float, decimals: int | None = None) -> str:
    """A percent: ``82,4 %``; with ``decimals``, exactly that many (``100,0 %``)."""
    figure = number_text(value) if decimals is None else QLocale().toString(float(value), "f", decimals)
    return f"{figure} %"


def date_text(iso_day: str) -> str:
    """A day (``2026-11-30``) with the month's name in the interface language: ``30 Nov 2026``, ``30 Agu 2026``.

    Day, abbreviated month and four-digit year read the same way in both languages and cannot be mistaken for
    each other (``11/12`` is 11 December in Indonesia, 12 November in the US); an empty or unreadable text is
    returned as it is.
    """
    day = QDate.fromString(iso_day, "yyyy-MM-dd")
    return QLocale().toString(day, "d MMM yyyy") if day.isValid() else iso_day
