"""The app's charts (QtCharts), each with its figures also written out as text for screen readers.

``CompetencyChart``: percent per competency (the debrief; the cohort's means). ``ProgressChart``: a
cohort's members completed and passed, day by day, as two step lines over a date axis from the day
before the first completion, the cohort's size at the top of the scale so the gap to "everyone" shows.
Both share ``ChartView``: antialiasing, a sensible size and the scheme's light or dark theme.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QLocale, QMargins, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from ui.numbers import count_text, date_text, percent_text
from ui.theme import colours, is_dark

MINIMUM_HEIGHT = 220  # pixels: a chart is never squeezed below this


class ChartView(QChartView):
    """A chart view sized for a pane (480 x 320 hint), antialiased, themed to the light or dark scheme."""

    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(MINIMUM_HEIGHT)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 320)  # QChartView's default (600 high) would make the window grow

    @staticmethod
    def themed_chart(title: str) -> QChart:
        """A new chart in the scheme's theme, transparent so it sits on the window's own background."""
        chart = QChart()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundVisible(False)
        chart.setTitle(title)
        chart.setLocale(QLocale())  # figures on the bars and axes the interface language's way
        chart.setLocalizeNumbers(True)
        return chart


class CompetencyChart(ChartView):
    """Percent per competency as horizontal bars, with what was earned before penalties beside what counts.

    Each bar's label is its competency's name and figure, wrapped to be read whole at the chart's width, the
    chart asking for the height that needs, again at each resize (``fitted_labels``).
    """

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[tuple[str, float]] = []  # the labels' names and percents, bottom to top
        self._categories: QBarCategoryAxis | None = None

    def show_percents(
        self,
        percents: list[tuple[str, float]],
        title: str,
        *,
        earned: Sequence[float] | None = None,
        names: tuple[str, str] = ("", ""),
    ) -> None:
        """One bar per competency (``percents``: label and percent, drawn top to bottom in that order).

        With ``earned`` (one percent per competency, at least its percent), each bar goes on to what
        was earned in a second colour, labelled only with what counts, and a legend names the two
        parts with ``names`` (the debrief: what counts, and what was earned but lost to penalties).
        """
        chart = self.themed_chart(title)
        palette = colours()
        counted = QBarSet(names[0] or title)
        counted.setColor(palette.route)
        lost = QBarSet(names[1])
        lost.setColor(palette.warning)
        lost.setLabelColor(Qt.GlobalColor.transparent)  # the bar's one label is what counts
        for row in reversed(range(len(percents))):  # Qt draws the first category at the bottom
            counted.append(percents[row][1])
            lost.append(max(0.0, earned[row] - percents[row][1]) if earned is not None else 0.0)
        self._parts = list(reversed(percents))
        series = QHorizontalStackedBarSeries() if earned is not None else QHorizontalBarSeries()
        series.append(counted)
        if earned is not None:
            series.append(lost)
        series.setLabelsVisible(False)  # the figure is in the category's label: on a short bar it ran off the bar
        chart.addSeries(series)
        if earned is None:
            chart.legend().hide()
        else:
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(6, 6, 6, 6))  # the labels get the room (QtCharts' 20 on each side)
        self._categories = categories = QBarCategoryAxis()
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%.0f")  # locale: the chart writes it with its locale (setLocalizeNumbers); %d draws no labels then
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.setChart(chart)
        self._fit_labels()
        if earned is None:
            described = [f"{label}: {percent_text(percent)}" for label, percent in percents]
        else:
            pairs = zip(percents, earned, strict=True)
            described = [
                f"{label}: {percent_text(percent)} ({names[1]}: {percent_text(whole - percent)})" for (label, percent), whole in pairs
            ]
        self.setAccessibleDescription("; ".join(described))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Wrap the bars' labels for the chart's width now, and ask for the height that shows each whole (QtCharts elides none)."""
        axis = self._categories
        if axis is None or not self._parts:
            return
        chart = self.chart()
        margins = chart.margins()
        legend = chart.legend()
        below = margins.bottom() + (legend.size().height() if legend.isVisible() else 0.0) + 2  # QtCharts' axis ends over these
        metrics, width = QFontMetricsF(axis.labelsFont()), self.width() - margins.left() - margins.right()
        parent = self.parentWidget()
        area = parent.parentWidget() if parent is not None else None
        if isinstance(area, QScrollArea):  # in a scroll area (``scrolled``): as wide as it is with no scroll bar, if that fits
            bar = area.verticalScrollBar().sizeHint().width()
            width = area.viewport().width() + (bar if area.verticalScrollBar().isVisible() else 0) - margins.left() - margins.right()
            labels, needed = fitted_labels(self._parts, metrics, width)
            if needed + below > area.height():
                labels, needed = fitted_labels(self._parts, metrics, width - bar)  # a scroll bar after all: the narrower width
        else:
            labels, needed = fitted_labels(self._parts, metrics, width)
        self.setMinimumHeight(max(MINIMUM_HEIGHT, int(needed + below)))
        if labels != axis.categories():
            axis.setCategories(labels)


LABEL_PADDING = 5.0  # QtCharts' space around an axis label (ChartAxisElement::labelPadding), pixels
TEXT_MARGIN = 4.0  # a QGraphicsTextItem's document margin on each side, pixels
AXIS_PORTION = 0.4  # the most of a chart's width QtCharts gives its left axis (CartesianChartLayout's maxAxisPortion)


def scrolled(chart: QWidget) -> QScrollArea:
    """``chart`` in a frameless scroll area that scrolls up and down when the pane is lower than the chart needs (its labels whole)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(chart)
    area.viewport().setAutoFillBackground(False)  # the chart on the pane's own background, as without the scroll area
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: the chart is the one
    return area


def wrapped(name: str, percent: float, metrics: QFontMetricsF, width: float) -> list[str]:
    """A bar's label as lines no wider than ``width`` pixels: the competency's name at word breaks, a colon, and its figure.

    The figure wraps like a word, so it is never the part cut off; a word wider than ``width`` stays whole on its line.
    """
    words = name.split() or [""]
    words[-1] += ":"
    lines: list[str] = []
    for word in [*words, percent_text(percent)]:
        if lines and metrics.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def fitted_labels(parts: Sequence[tuple[str, float]], metrics: QFontMetricsF, width: float) -> tuple[list[str], float]:
    """Every bar's label (rich text, lines joined by ``<br>``) wrapped for a chart ``width`` pixels wide, and the axis height they need.

    QtCharts elides a left axis label wider than its share of the chart (``AXIS_PORTION`` of the width)
    or taller than its category's band (the axis's height over the categories and one, less the
    paddings): the labels wrap to that width, and the height returned (pixels) gives each band room for
    the label with the most lines. ``parts`` are the competencies' names and percents.
    """
    room = max(AXIS_PORTION * width - LABEL_PADDING - 2 * TEXT_MARGIN - 2, 1.0)  # 2: rounding
    lines = [wrapped(name, percent, metrics, room) for name, percent in parts]
    most = max((len(label) for label in lines), default=1)
    band = most * metrics.lineSpacing() + 2 * LABEL_PADDING + 2 * TEXT_MARGIN + 2
    return ["<br>".join(html.escape(line) for line in label) for label in lines], band * (len(parts) + 1)


def _msecs(day: dt.date) -> float:
    return float(QDateTime(day.year, day.month, day.day, 0, 0, 0).toMSecsSinceEpoch())


def _nice_step(top: int) -> int:
    """A tick interval of 1, 2 or 5 times a power of ten giving at most ten intervals up to ``top``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top / (factor * magnitude) <= 10:
                return factor * magnitude
        magnitude *= 10


class ProgressChart(ChartView):
    """A cohort's progress over days: members who completed and who passed, as two lines."""

    def show_progress(self, progress: Sequence[Any], members: int, names: tuple[str, str], title: str) -> None:
        """``progress``: days with cumulative ``completed`` and ``passed``; ``names``: the two lines' legends."""
        chart = self.themed_chart(title)
        palette = colours()
        lines = []
        for name, colour, field in ((names[0], palette.route, "completed"), (names[1], palette.good, "passed")):
            series = QLineSeries()
            series.setName(name)
            series.setPen(QPen(colour, 2.5))
            if progress:
                series.append(_msecs(progress[0].day - dt.timedelta(days=1)), 0)
            previous = 0
            for point in progress:
                x = _msecs(point.day)
                series.append(x, previous)  # a step: the count rises on the day itself
                previous = getattr(point, field)
                series.append(x, previous)
            chart.addSeries(series)
            lines.append(series)
        days = QDateTimeAxis()
        days.setFormat("d MMM")
        if progress:
            first = progress[0].day - dt.timedelta(days=1)
            span = (progress[-1].day - first).days + 1
            every = -(-span // 8)  # days between ticks, so that ticks fall on whole days and there are at most 8
            span = every * -(-span // every)
            last = _msecs(first + dt.timedelta(days=span))
            for series in lines:  # the counts hold to the end of the chart
                series.append(last, series.at(series.count() - 1).y())
            days.setTickCount(span // every + 1)
            days.setRange(QDateTime.fromMSecsSinceEpoch(int(_msecs(first))), QDateTime.fromMSecsSinceEpoch(int(last)))
        count = QValueAxis()
        count.setRange(0, max(1, members))
        count.setLabelFormat("%.0f")  # locale: the chart writes it with its locale (setLocalizeNumbers)
        count.setTickType(QValueAxis.TickType.TicksDynamic)
        count.setTickAnchor(0)
        count.setTickInterval(_nice_step(max(1, members)))
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(count, Qt.AlignmentFlag.AlignLeft)
        for series in lines:
            series.attachAxis(days)
            series.attachAxis(count)
        self.setChart(chart)
        days_said = (f"{date_text(p.day)}: {names[0]} {count_text(p.completed)}, {names[1]} {count_text(p.passed)}" for p in progress)
        self.setAccessibleDescription("; ".join(days_said))
