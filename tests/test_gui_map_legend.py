"""A map's legend is read as drawn: every entry's meaning in the legend's own font, inside its own slot.

The walkthrough found the entries after "Rule broken or critical error here" drawn larger and bold (the
"!" badge's font leaked into them), so each ran into the next ("Rule broken or critical er" over
"You are here"). Each entry is checked on the picture itself: nothing is drawn between the end of its
words and the next entry's picture.
"""

from __future__ import annotations

import math

import pytest

from PySide6.QtGui import QColor, QImage

from ui.widgets.map_legend import ENTRIES, GAP, SWATCH, MapLegend, entry_text

pytestmark = pytest.mark.gui


def ink_between(image: QImage, left: float, right: float, rows: tuple[int, int], background: QColor) -> list[tuple[int, int]]:
    """The pixels in the box that differ clearly from ``background``."""
    found = []
    for x in range(math.ceil(left), math.floor(right)):
        for y in range(*rows):
            pixel = image.pixelColor(x, y)
            if abs(pixel.lightness() - background.lightness()) > 40:
                found.append((x, y))
    return found


@pytest.mark.parametrize("width", [1200, 520])
def test_each_legend_entry_stays_in_its_slot_in_the_legends_font(qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    legend = MapLegend()
    qtbot.addWidget(legend)
    legend.set_entries(list(ENTRIES))
    legend.resize(width, legend.heightForWidth(width))
    image = legend.grab().toImage()
    background = legend.palette().color(legend.backgroundRole())
    rows = legend.rows(width)
    assert sum(len(row) for _, row in rows) == len(ENTRIES)
    top = 2.0
    for height, row in rows:
        x = 0.0
        for key, size, shown in row:
            words_end = x + SWATCH + GAP + shown
            stray = ink_between(image, words_end + 2, min(x + size, width) - 1, (int(top), int(top + height)), background)
            assert not stray, f"{entry_text(key)!r} runs past its slot at {stray[:3]}"
            x += size
        top += height


def words_box(legend: MapLegend, left: float) -> tuple[int, int, int, int]:
    """The box of the ink of an entry's words starting at ``left`` (x from ``left``, y, width, height)."""
    image = legend.grab().toImage()
    background = legend.palette().color(legend.backgroundRole())
    ink = ink_between(image, left + SWATCH + GAP - 1, min(image.width(), left + 260), (0, image.height()), background)
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    return round(min(xs) - left), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def test_an_entry_after_the_critical_badge_is_drawn_as_the_first_is(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The same entry's words take the same room whether or not the badge comes before it."""
    alone, after = MapLegend(), MapLegend()
    alone.set_entries(["plain-referral"])
    after.set_entries(["flagged", "plain-referral"])
    for legend in (alone, after):
        qtbot.addWidget(legend)
        legend.resize(900, legend.heightForWidth(900))
    first_slot = after.rows(900)[0][1][0][1]
    expected, found = words_box(alone, 0), words_box(after, first_slot)
    assert all(abs(a - b) <= 1 for a, b in zip(expected, found, strict=True)), (expected, found)


def test_the_legend_follows_a_stage_made_an_end_or_flagged_and_not_a_new_title(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.graph_view import EdgeSpec, GraphView, NodeSpec

    view = GraphView(editable=True)
    qtbot.addWidget(view)
    legend = MapLegend()
    qtbot.addWidget(legend)
    view.set_graph([NodeSpec("a", "A", kind="start"), NodeSpec("b", "B")], [EdgeSpec("a", "b")], "a")
    legend.follow(view, words="editor")
    before = list(legend.entries)
    assert "failure" not in before
    assert "flagged" not in before
    view.update_node(NodeSpec("b", "B, renamed"))
    assert legend.entries == before
    view.update_node(NodeSpec("b", "B, renamed", kind="failure"))
    assert "failure" in legend.entries
    view.update_node(NodeSpec("b", "B, renamed", kind="failure", flagged=True))
    assert "flagged" in legend.entries
    view.update_node(NodeSpec("b", "B"))
    assert legend.entries == before
