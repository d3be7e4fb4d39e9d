"""Dates, times and numbers follow the interface language on every page (walkthrough finding 14: a session
list read "11/30/26", the master log "1:27 PM", the register mixed "30 Nov 2026" with ISO dates, and the
Indonesian interface showed "25.0 %").

Every figure, date and time a page shows goes through ``ui.numbers``, which writes them with the QLocale
of the chosen language. The scan below fails on a line of ``ui/`` that formats one another way: Python's
``strftime``, ``isoformat``, printf (``"%.1f %%"``) or format specs (``{x:.1f}``, ``{x:g}``, ``{x:,}``),
``str()`` of a figure or a date, or a QLocale call of its own. A line that formats text no person reads
(a file name, a setting's key) says so with ``# not shown:`` and why, and one that Qt writes with the locale
itself (a chart's axis) with ``# locale:`` and how. The behaviour itself is checked in both languages."""

from __future__ import annotations

import datetime as dt
import io
import re
import tokenize
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parent.parent / "ui"
MODULE = UI / "numbers.py"

PATTERNS = {
    "strftime": re.compile(r"\.strftime\("),
    "isoformat": re.compile(r"\.isoformat\("),
    "printf figure": re.compile(r"%[-+ 0#]*\d*(\.\d+)?[fFgGeE]\b|%%"),
    "format spec": re.compile(r"\{[^{}:\n]*(![rsa])?:([^{}\s]?[<>^=])?[+-]?#?0?\d*[,_]?(\.\d+)?[fFgGeE%]?\}"),
    "str() of a figure or a date": re.compile(r"\bstr\([^()]*\b\w*(percent|hours|clock|mean|rate|score|_at|_on|date|day|time)\b[^()]*\)"),
    "QLocale of its own": re.compile(
        r"QLocale\(\)\.(toString|toCurrencyString)|QLocale\.FormatType\.|\.setLabelFormat\(|\.setDisplayFormat\("
    ),
}


EXCUSES = ("# not shown:", "# locale:")
"""A line's comment that says why it may: text no person reads (a file name), or text Qt writes with the locale itself."""


def offences(source: str) -> list[tuple[int, str, str]]:
    """(line number, pattern name, line) for every line of ``source`` that formats a figure or a date outside ui.numbers.

    Comments are left out (Python's tokenizer finds them, so a ``#`` inside a string is no comment); a line whose
    comment starts with one of ``EXCUSES`` and gives a reason is allowed.
    """
    lines = source.splitlines()
    comments: dict[int, int] = {}  # line number -> the column where its comment starts
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.start[1]
    found = []
    for number, line in enumerate(lines, 1):
        comment = line[comments[number] :] if number in comments else ""
        if any(comment.startswith(excuse) and len(comment) > len(excuse) + 3 for excuse in EXCUSES):
            continue
        code = line[: comments[number]] if number in comments else line
        for name, pattern in PATTERNS.items():
            if pattern.search(code):
                found.append((number, name, line.strip()))
    return found


def test_every_page_formats_dates_and_numbers_through_ui_numbers() -> None:
    bad = []
    for path in sorted(UI.rglob("*.py")):
        if path == MODULE:
            continue
        bad += [f"{path.relative_to(UI.parent)}:{n}: {name}: {line}" for n, name, line in offences(path.read_text(encoding="utf-8"))]
    assert bad == [], "format these with ui.numbers (the interface language's QLocale):\n" + "\n".join(bad)


def test_the_scan_catches_the_kinds_of_formatting_the_walkthrough_met() -> None:
    caught = [
        'label = f"{percent:.1f} %"',
        'text = "%.1f %%" % value',
        'when = at.strftime("%H:%M")',
        "day = created.isoformat()",
        "cell = QLocale().toString(created_at.date(), QLocale.FormatType.ShortFormat)",
        'hours = f"{play.clock:g}"',
        'count = f"{total:,}"',
        "shown = str(result.total_percent)",
    ]
    assert [bool(offences(line)) for line in caught] == [True] * len(caught)
    assert offences('name = f"{serial:>8}.pdf"  # not shown: a file name') == []
    assert offences('name = f"{serial:>8}.pdf"  # not shown') != []  # an excuse says why
    assert offences('header = "#"; cell = f"{value:.1f}"') != []  # a "#" in a string is no comment
    assert offences('title = self.tr("Case clock: {hours} h").format(hours=number_text(clock))') == []


@pytest.mark.parametrize(
    ("language", "date", "time", "number", "percent", "count"),
    [
        ("en", "30 Aug 2026", "13:27", "12.5", "82.4 %", "1,200"),
        ("id", "30 Agu 2026", "13.27", "12,5", "82,4 %", "1.200"),
    ],
)
def test_dates_times_and_numbers_in_each_language(  # noqa: PLR0917 - one row of the table each
    language: str, date: str, time: str, number: str, percent: str, count: str
) -> None:
    from PySide6.QtCore import QLocale

    from tipcase.messages import Message

    from ui import numbers
    from ui.errors import core_text

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English))
    try:
        local = dt.datetime(2026, 8, 30, 13, 27, 5).astimezone()  # a local moment, as the records' UTC one is shown
        stored = local.astimezone(dt.UTC).replace(tzinfo=None)  # how the database gives it back: naive UTC
        assert numbers.date_text("2026-08-30") == date
        assert numbers.date_text(dt.date(2026, 8, 30)) == date
        assert numbers.time_text(stored) == time
        assert numbers.datetime_text(stored) == f"{date} {time}"
        assert numbers.number_text(12.5) == number
        assert numbers.percent_text(82.4) == percent
        assert numbers.count_text(1200) == count
        assert numbers.date_text("") == ""
        figure = Message("{name} has a mean of {mean:g} %, the course asks {asks} %", name="sari", mean=72.5, asks=75.0)
        assert core_text(figure) == f"sari has a mean of {number.replace('12', '72')} %, the course asks 75 %"  # a core message's too
    finally:
        QLocale.setDefault(before)
