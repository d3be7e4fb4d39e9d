"""An agency's name in the pathway map's pinned column is read whole wherever the map is scrolled: a lane half out
of view shows its name in its part still in view ('LPSK (Witness and Victim Protection Agency)' lost its third line
under the view's edge), and a line that cannot fit is left out rather than cut through."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRectF

from ui.widgets.graph_items import name_rows

SPACING = 15.0


def inside(rows: list[tuple[int, float]], shown: QRectF) -> bool:
    return all(shown.top() - 0.5 <= top and top + SPACING <= shown.bottom() + 0.5 for _row, top in rows)


@pytest.mark.parametrize(
    ("shown_top", "shown_bottom"),
    [(-100.0, 500.0), (0.0, 80.0), (0.0, 60.0), (30.0, 500.0), (45.0, 500.0), (10.0, 70.0)],
)
def test_every_line_drawn_is_whole_and_all_are_drawn_when_there_is_room(shown_top: float, shown_bottom: float) -> None:
    cell = QRectF(0.0, 0.0, 170.0, 100.0)  # a lane 100 high, its name three lines of 15
    shown = QRectF(-50.0, shown_top, 400.0, shown_bottom - shown_top)
    rows = name_rows(cell, shown, 3, SPACING)
    assert inside(rows, shown)
    part = cell.intersected(shown)
    if part.height() >= 3 * SPACING:
        assert [row for row, _top in rows] == [0, 1, 2]  # the whole name, in the part of the lane in view


def test_a_lane_in_full_view_has_its_name_centred() -> None:
    cell = QRectF(0.0, 0.0, 170.0, 100.0)
    rows = name_rows(cell, QRectF(0.0, -500.0, 400.0, 2000.0), 2, SPACING)
    assert rows == [(0, 35.0), (1, 50.0)]


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("pathway_id", ["id-tip-referral", "id-gbv-integrated-services"])
def test_every_map_gives_each_agency_a_lane_as_tall_as_its_name(qapp, language: str, pathway_id: str) -> None:  # type: ignore[no-untyped-def]
    """The trainee's pathway and the team's (control room, workstation, joint debrief) lay their lanes out alike: a lane
    is as tall as its agency's name, so 'LPSK (Witness and Victim Protection Agency)' keeps its third line inside it."""
    from PySide6.QtGui import QFontMetricsF

    from tipcase import bundled
    from tipcase.format.loader import load_file

    from ui.widgets.graph_items import lane_name_height
    from ui.widgets.map_style import label_font
    from ui.widgets.team_map import RoleMark, team_content

    path = bundled.find_pathway(bundled.bundled_dir() / "scam-compound-return.yaml", pathway_id)
    assert path is not None
    pathway = load_file(path).pathway
    assert pathway is not None
    text = lambda value: value.get(language, "en") if hasattr(value, "get") else str(value)  # noqa: E731
    first = next(iter(pathway.nodes))
    roles = [RoleMark("Police investigator, Unit PPA, Polres Bitung", first, (first,), "3 h")]
    content = team_content(pathway, roles, text, observer=True)
    metrics = QFontMetricsF(label_font())
    assert content.lanes is not None
    short = [lane.name for lane in content.lanes.lanes if lane.bottom - lane.top < lane_name_height(lane.name, metrics)]
    assert short == []
    assert any(len(lane.name) > 30 for lane in content.lanes.lanes)  # names long enough to wrap are among them
