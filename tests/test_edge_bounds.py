"""A map's edge is made when it is painted, not when it is routed: its bounding rectangle, given at once for the
scene's index, must still hold the whole line and arrow head it paints, or the view leaves parts of it undrawn
(clipped edges after a drag or an *Arrange automatically*)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.widgets.graph_items import NODE_WIDTH, Corners, EdgeItem, EdgeSpec
from ui.widgets.map_style import map_colours

coordinate = st.floats(min_value=-5_000, max_value=5_000, allow_nan=False)
height = st.floats(min_value=40, max_value=160)
STYLES = ("plain", "route", "best", "both", "critical")


def box(x: float, y: float, tall: float) -> Corners:
    return (x - NODE_WIDTH / 2, y - tall / 2, x + NODE_WIDTH / 2, y + tall / 2)


ROUTES = st.tuples(
    st.tuples(coordinate, coordinate, height),  # the source box's centre and height
    st.tuples(coordinate, coordinate, height),  # the target's
    st.booleans(),  # both in one column
    st.lists(st.tuples(coordinate, coordinate), max_size=6),  # bends
    st.booleans(),  # straight (in one column, nothing between)
    st.sampled_from((0.0, 8.0)),  # aside (two stages leading to each other)
)


@given(route=ROUTES, style=st.sampled_from(STYLES))
def test_an_edge_s_bounds_hold_the_line_and_arrow_it_paints(qapp, route, style) -> None:  # type: ignore[no-untyped-def]
    (sx, sy, s_tall), (tx, ty, t_tall), same_column, bends, straight, aside = route
    if same_column:
        tx = sx  # one column: straight, or a loop out of the right side
    item = EdgeItem(EdgeSpec("a", "b", style), map_colours())
    item.route(box(sx, sy, s_tall), box(tx, ty, t_tall), bends, straight=straight, aside=aside)
    bounds = item.boundingRect()
    pen = item.line_pen.widthF()
    drawn = item.path.controlPointRect().adjusted(-pen, -pen, pen, pen).united(item.arrow.boundingRect())
    assert bounds.contains(drawn), (bounds, drawn)


def test_an_edge_routed_again_paints_its_new_line(qapp) -> None:  # type: ignore[no-untyped-def]
    item = EdgeItem(EdgeSpec("a", "b", "plain"), map_colours())
    item.route(box(0, 0, 62), box(300, 0, 62), [])
    first = item.path.boundingRect()
    item.route(box(0, 0, 62), box(300, 500, 62), [(150.0, 250.0)])
    assert item.path.boundingRect().bottom() > first.bottom() + 400
    assert item.boundingRect().contains(item.path.controlPointRect())
