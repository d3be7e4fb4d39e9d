"""The joint debrief read at the default window size (1366x768) in both languages, for the bundled five-role case
played to its end (34 decisions): on the time line no decision's number, role name or hour label is drawn over
another (a linear clock drew a role's quick decisions as '1 2 3' on top of each other, and cut the roles' names);
the list of decisions shows every column whole (it had hidden the trainee and the rating as 'Yo', 'Sr'). And a
case far denser than the window scrolls rather than piling its decisions up."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from PySide6.QtCore import QRectF, Qt

from tests.exercise_gui import migrated, trainers_debrief
from tests.team_session import ROUTES, played

from ui.widgets.timeline import Bar, Mark, Timeline

pytestmark = [pytest.mark.gui]


def overlaps(rects: list[QRectF]) -> list[tuple[int, int]]:
    """The pairs of rectangles that share more than a hairline."""
    return [
        (a, b)
        for (a, first), (b, second) in itertools.combinations(enumerate(rects), 2)
        if first.intersected(second).width() > 0.5 and first.intersected(second).height() > 0.5
    ]


def assert_nothing_drawn_over(timeline: Timeline) -> None:
    drawn = timeline.drawn()
    bars = [drawn.bars[bar.index] for bar in timeline.bars]
    assert overlaps(bars) == [], "decisions drawn over each other"
    for bar in timeline.bars:
        assert drawn.bars[bar.index].contains(drawn.numbers[bar.index]), f"decision {bar.step}'s number does not fit its bar"
    assert overlaps(drawn.names) == []
    for name in drawn.names:
        assert not any(name.intersects(rect) for rect in bars + drawn.marks), "a role's name under a bar or a mark"
    assert overlaps(bars + drawn.marks) == [], "an inject's or a message's mark over a decision"
    labels = [rect for _x, _label, rect in drawn.ticks if not rect.isEmpty()]
    assert len(labels) >= 3
    assert overlaps(labels) == [], "hour labels over each other"
    assert all(rect.right() <= timeline.width() for rect in labels)


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_joint_debrief_of_five_roles_reads_whole_at_1366x768(
    qtbot, tmp_path: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    url = migrated(tmp_path)
    played(url)
    page = trainers_debrief(qtbot, tmp_path, url, language)
    qtbot.wait(50)
    timeline = page.timeline
    assert len(timeline.lanes) == 5
    assert len(timeline.bars) == sum(len(route) for route in ROUTES.values()) == 34
    # the whole time line in sight: no scrolling at this size, every lane shown
    assert timeline.width() <= page.timeline_area.viewport().width()
    assert page.timeline_area.height() >= timeline.minimumHeight()
    assert_nothing_drawn_over(timeline)
    for lines, name in zip(timeline.drawn().name_lines, timeline.lanes, strict=True):
        assert " ".join(lines) == name, "a role's name cut"  # whole, on one line or two
    # the list: every decision under its role, each column as wide as what it holds, the decision wrapped whole
    tree = page.decisions
    assert tree.topLevelItemCount() == 5
    assert sum(tree.topLevelItem(i).childCount() for i in range(5)) == 34
    for column in range(3):
        assert tree.columnWidth(column) >= tree.sizeHintForColumn(column), tree.headerItem().text(column)
    metrics = tree.fontMetrics()
    width = page.decision_wrap.text_width(3)
    for group in range(5):
        for row in range(tree.topLevelItem(group).childCount()):
            item = tree.topLevelItem(group).child(row)
            needed = metrics.boundingRect(0, 0, width, 100_000, int(Qt.TextFlag.TextWordWrap), item.text(3)).height()
            tree.scrollToItem(item)
            assert tree.visualItemRect(item).height() >= needed, item.text(3)
            assert "…" not in item.text(1) + item.text(2)


def test_a_case_denser_than_the_window_scrolls_rather_than_piling_up(qtbot) -> None:  # type: ignore[no-untyped-def]
    timeline = Timeline()
    qtbot.addWidget(timeline)
    bars = [Bar(i, i % 3, 0.0 if i < 40 else i / 10, 0.0 if i < 40 else i / 10 + 0.05, i + 1, "good", "") for i in range(60)]
    marks = [Mark(0, 0.0, "diamond", ""), Mark(0, 0.0, "square", "")]
    timeline.set_content(["A", "B", "C"], bars, [], marks, hours=8, hours_label="{hours} h")
    timeline.resize(600, timeline.minimumHeight())
    timeline.show()
    assert timeline.minimumWidth() > 600  # 14 decisions of no hours at hour 0 in one lane alone need more
    timeline.resize(timeline.minimumWidth(), timeline.minimumHeight())
    assert_nothing_drawn_over(timeline)
