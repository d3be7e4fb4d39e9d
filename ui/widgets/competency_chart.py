"""The debrief's chart of percent per competency (QtCharts), with the same figures as text."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter

from tipcase.ui.theme import colours, is_dark


class CompetencyChart(QChartView):
    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 320)  # QChartView's default (600 high) would make the window grow

    def show_percents(self, percents: list[tuple[str, float]], title: str) -> None:
        chart = QChart()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundVisible(False)
        chart.setTitle(title)
        chart.legend().hide()
        bars = QBarSet(title)
        bars.setColor(colours().route)
        labels = []
        for label, percent in reversed(percents):  # Qt draws the first category at the bottom
            bars.append(percent)
            labels.append(label)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d")
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.setChart(chart)
        self.setAccessibleDescription("; ".join(f"{label}: {percent:g} %" for label, percent in percents))
