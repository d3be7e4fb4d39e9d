"""Numbers, dates and times written the interface language's way: the one formatting module of every page.

``82,4 %``, ``1.200``, ``30 Agu 2026``, ``13.27`` in Bahasa Indonesia; ``82.4 %``, ``1,200``, ``30 Aug 2026``,
``13:27`` in English. QLocale's default follows the interface language (``ui.i18n.Translations.apply``), so
these read it at the moment they are called. Days are written day, abbreviated month, four-digit year in
both languages (``11/12`` is 11 December in Indonesia, 12 November in the US), and times on the 24-hour
clock with the language's separator. A moment stored by the records (UTC, with or without its zone) is
shown in the workstation's local time. ``tests/test_ui_formats.py`` fails on a page that formats a figure
or a date another way.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QDateTimeEdit, QDoubleSpinBox

DAY_FORMAT = "d MMM yyyy"


def number_text(value: float, decimals: int | None = None) -> str:
    """A figure as ``:g`` writes it (no trailing zeros, at most 6 significant digits), or with exactly ``decimals``.

    The locale's decimal sign: ``12,5`` in Bahasa Indonesia.
    """
    if decimals is not None:
        return QLocale().toString(float(value), "f", decimals)
    return QLocale().toString(float(value), "g", 6)


class NumberSpinBox(QDoubleSpinBox):
    """A spin box whose figure reads as ``number_text`` writes it (``1``, ``1,5``), as the lists beside it show it.

    A plain QDoubleSpinBox shows every decimal place it allows (``1.0``) with the system's decimal sign.
    """

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return QLocale().toString(round(float(value), self.decimals()), "g", 12)


def percent_text(value: float, decimals: int | None = None) -> str:
    """A percent: ``82,4 %``; with ``decimals``, exactly that many (``100,0 %``)."""
    return f"{number_text(value, decimals)} %"


def count_text(count: int) -> str:
    """A whole number with the language's group separator: ``1,200`` in English, ``1.200`` in Bahasa Indonesia."""
    return QLocale().toString(int(count))


def _local(moment: dt.datetime) -> dt.datetime:
    """A stored moment (naive: UTC) in the workstation's time zone."""
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)).astimezone()


def date_text(day: dt.date | str | None) -> str:
    """A day with the month's name in the interface language: ``30 Nov 2026``, ``30 Agu 2026``.

    ``day``: a date, a stored moment (shown on the local calendar) or ISO text (``2026-11-30``); an empty or
    unreadable text is returned as it is ("" for None).
    """
    if day is None:
        return ""
    if isinstance(day, str):
        parsed = QDate.fromString(day, "yyyy-MM-dd")
        return QLocale().toString(parsed, DAY_FORMAT) if parsed.isValid() else day
    if isinstance(day, dt.datetime):
        day = _local(day).date()
    return QLocale().toString(QDate(day.year, day.month, day.day), DAY_FORMAT)


def time_format() -> str:
    """The interface language's short time format on the 24-hour clock (``HH.mm`` in Bahasa Indonesia, ``HH:mm`` in English)."""
    found = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    if "a" in found.lower():  # a 12-hour clock (English: h:mm AP): the hours and minutes with the language's separator
        separator = next((c for c in found if not c.isalpha() and not c.isspace()), ":")
        return f"HH{separator}mm"
    return found


def time_text(moment: dt.datetime | dt.time) -> str:
    """A time of day: ``13:27`` in English, ``13.27`` in Bahasa Indonesia; a stored moment in local time."""
    if isinstance(moment, dt.datetime):
        moment = _local(moment).time()
    return QLocale().toString(QTime(moment.hour, moment.minute, moment.second), time_format())


def datetime_text(moment: dt.datetime) -> str:
    """A stored moment in local time: ``30 Nov 2026 13:27`` (``30 Nov 2026 13.27`` in Bahasa Indonesia)."""
    return f"{date_text(moment)} {time_text(moment)}"


def show_days(edit: QDateTimeEdit) -> None:
    """A date field shows its day as the pages write days (``30 Nov 2026``), not the locale's short form (``11/30/26``)."""
    edit.setDisplayFormat(DAY_FORMAT)
