"""Charts read whole: each competency's label keeps its name and its percentage at any pane size (QtCharts elides
an axis label it has no room for: 'Victim identification:…' lost its '100 %'), in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import shiboken6
from PySide6.QtWidgets import QGraphicsTextItem

from tipcase import bundled

from ui.numbers import percent_text
from ui.widgets.charts import CompetencyChart, scrolled

pytestmark = pytest.mark.gui
FRAMEWORK = yaml.safe_load(Path(bundled.bundled_dir() / "competencies.yaml").read_text("utf-8"))["competencies"]
FIGURES = [100.0, 66.7, 100.0, 33.3, 100.0, 100.0, 50.0, 100.0, 0.0]


def axis_labels(chart: CompetencyChart) -> list[str]:
    """The texts QtCharts draws on the chart's axes and title, as drawn (an elided one ends in '...')."""
    texts = []
    for item in chart.scene().items():
        drawn = item.toGraphicsObject()
        if drawn is not None and drawn.metaObject().className() == "QGraphicsTextItem" and drawn.isVisible():
            text = shiboken6.wrapInstance(shiboken6.getCppPointer(drawn)[0], QGraphicsTextItem).toPlainText()
            texts.append(text.replace("\n", " "))
    return texts


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(("width", "height"), [(715, 470), (560, 420), (400, 560), (900, 300)])
def test_every_competency_label_is_whole_with_its_percentage(qtbot, language: str, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    titles = [competency["title"][language] for competency in FRAMEWORK.values()]
    assert len(titles) == 9  # the framework's nine, as a case without its own competencies shows them
    chart = CompetencyChart()
    pane = scrolled(chart)
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    chart.show_percents(list(zip(titles, FIGURES, strict=True)), "Percent per competency")
    qtbot.waitUntil(lambda: chart.height() >= chart.minimumHeight())
    qtbot.wait(50)
    drawn = axis_labels(chart)
    for title, figure in zip(titles, FIGURES, strict=True):
        assert f"{title}: {percent_text(figure)}" in drawn, (title, drawn)
    assert not [text for text in drawn if text.endswith("...")]
    assert pane.verticalScrollBar().maximum() == 0 or chart.minimumHeight() > height  # it scrolls only when the pane is lower
