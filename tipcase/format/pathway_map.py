"""The referral pathway as a map of agencies: a lane for each agency, the steps in order across them.

- **Columns** (left to right): the phases in the order they first appear among the pathway's nodes
  (identification, protection, investigation, ... in the bundled pathways), each phase a block of
  columns; within a phase a node's column is the longest chain of referrals inside the phase that leads
  to it (referrals that close a cycle set aside, as in ``graph_layout.layers``).
- **Lanes** (top to bottom): one per agency, nodes with the same agency sharing it; a lane comes where its
  agency first acts (its first column), agencies that first act in the same column in the order igraph's
  Sugiyama layout (crossing reduction) gives their nodes. Two nodes of one agency in one column take
  two rows of the lane. A row is as tall as its tallest node and ``ROW_PADDING``; a lane at least as tall
  as its name needs (the app draws the names in a column of their own at the left, ``lane_heights``),
  so a pathway of 17 agencies stays about 17 nodes tall.
- **Referrals** that skip columns pass each column between them in the gap between two lanes when a node
  stands in the way, never across a node (``bends``).
- **Bounded work**: igraph's crossing reduction gets fewer sweeps as the referrals cross more columns
  (``graph_layout.sweeps``); past ``graph_layout.SPAN_LIMIT`` (a pathway of thousands of steps, no agency's) the file's order is
  kept and referrals are drawn straight, so a hostile file costs seconds, not minutes.

Qt-free: positions are scene units, the app draws them (``ui.widgets.graph_view``).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from tipcase.format.graph_layout import LAYER_GAP, SPAN_LIMIT, Point, layers, sweeps

NODE_HEIGHT = 50.0  # a node's height (scene units) when the caller gives none
ROW_PADDING = 22.0  # between the tallest node of a row and the next row or lane
BEND_CLEARANCE = 6.0  # a bend passes at least this far outside a node's box


@dataclasses.dataclass(frozen=True)
class Step:
    """A pathway node as the map needs it: its id, the lane it belongs to (its agency) and its phase."""

    id: str
    lane: str
    phase: str = ""


@dataclasses.dataclass(frozen=True)
class Lane:
    """An agency's band across the map: its name, its top and bottom (scene units), its nodes."""

    name: str
    top: float
    bottom: float
    nodes: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class PhaseBlock:
    """The columns of one phase: its name and the x of its first and last column's centres."""

    name: str
    first: float
    last: float


@dataclasses.dataclass(frozen=True)
class LaneMap:
    """Where each node's centre is, the bends of referrals, the lanes and the phases (scene units)."""

    positions: dict[str, Point]
    bends: dict[tuple[str, str], list[Point]]
    lanes: list[Lane]
    phases: list[PhaseBlock]
    column_of: dict[str, int]


def lane_map(
    steps: Sequence[Step],
    referrals: Iterable[tuple[str, str]],
    *,
    column_gap: float = LAYER_GAP,
    node_heights: Mapping[str, float] | None = None,
    lane_heights: Mapping[str, float] | None = None,
) -> LaneMap:
    """Lay a pathway out in lanes (see the module's docstring). Referrals naming unknown nodes are ignored.

    ``steps`` in the pathway file's order; ``node_heights`` (scene units, by node id) the height each node is
    drawn at (``NODE_HEIGHT`` for one not given); ``lane_heights`` (by lane name) the least height a lane
    needs, for its name. Returns an empty map for no steps.
    """
    ids = [step.id for step in steps]
    known = set(ids)
    edges = list(dict.fromkeys((a, b) for a, b in referrals if a in known and b in known and a != b))
    if not steps:
        return LaneMap({}, {}, [], [], {})
    depth = _depths(steps, edges)
    order = _sugiyama_order(ids, edges, depth)
    reading = sorted(steps, key=lambda s: (depth[s.id], order[s.id]))
    lane_names = list(dict.fromkeys(step.lane for step in reading))
    lane_of = {step.id: lane_names.index(step.lane) for step in steps}
    column = _pack(reading, edges, depth, lane_of)
    by_lane: dict[str, list[str]] = {name: [] for name in lane_names}
    for step in sorted(reading, key=lambda s: column[s.id]):
        by_lane[step.lane].append(step.id)
    height = {step.id: float((node_heights or {}).get(step.id, NODE_HEIGHT)) for step in steps}
    positions: dict[str, Point] = {}
    lanes: list[Lane] = []
    top = 0.0
    for name in lane_names:
        row_of: dict[str, int] = {}
        taken: dict[int, int] = {}
        for node in by_lane[name]:
            row_of[node] = taken.get(column[node], 0)
            taken[column[node]] = row_of[node] + 1
        row_heights = [0.0] * max(taken.values())
        for node, row in row_of.items():
            row_heights[row] = max(row_heights[row], height[node] + ROW_PADDING)
        needed = max(sum(row_heights), float((lane_heights or {}).get(name, 0.0)) + ROW_PADDING)
        spare = (needed - sum(row_heights)) / 2  # a lane taller than its rows for its name: the rows centred
        for node, row in row_of.items():
            positions[node] = (column[node] * column_gap, top + spare + sum(row_heights[:row]) + row_heights[row] / 2)
        bottom = top + needed
        lanes.append(Lane(name, top, bottom, tuple(by_lane[name])))
        top = bottom
    phases: list[PhaseBlock] = []
    for step in sorted(steps, key=lambda s: column[s.id]):
        x = column[step.id] * column_gap
        if phases and phases[-1].name == step.phase:
            phases[-1] = dataclasses.replace(phases[-1], last=max(phases[-1].last, x))
        else:
            phases.append(PhaseBlock(step.phase, x, x))
    bends = _route(edges, positions, column, [*(lane.top for lane in lanes), lanes[-1].bottom], column_gap, height=height)
    return LaneMap(positions, bends, lanes, phases, column)


def _depths(steps: Sequence[Step], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Each node's reading rank: its phase's block, then the longest chain inside the phase leading to it."""
    phase_order = list(dict.fromkeys(step.phase for step in steps))
    phase_of = {step.id: step.phase for step in steps}
    column: dict[str, int] = {}
    offset = 0
    onward: dict[str, list[str]] = {step.id: [] for step in steps}
    for a, b in edges:
        if phase_of[a] == phase_of[b]:
            onward[a].append(b)
    for phase in phase_order:
        members = [step.id for step in steps if step.phase == phase]
        inside = {node: onward[node] for node in members}
        depth = layers(inside, members[0])
        for node in members:
            column[node] = offset + depth[node]
        offset += max(depth.values()) + 1
    return column


def _pack(reading: list[Step], edges: list[tuple[str, str]], depth: dict[str, int], lane_of: dict[str, int]) -> dict[str, int]:
    """Columns, as few as the order allows.

    A phase starts a new column; within a phase a node shares its predecessor's column when its lane is lower
    down (so the column reads top to bottom in order), and
    takes the next column when its lane is higher up or the place is taken.
    """
    phase_of = {step.id: step.phase for step in reading}
    before: dict[str, list[str]] = {step.id: [] for step in reading}
    for a, b in edges:
        if phase_of[a] == phase_of[b] and depth[a] < depth[b]:
            before[b].append(a)
    column: dict[str, int] = {}
    taken: set[tuple[int, int]] = set()
    first = -1
    phase = None
    for step in reading:
        if step.phase != phase or first < 0:
            phase, first = step.phase, max(column.values(), default=-1) + 1
        wanted = max((column[p] + (0 if lane_of[p] < lane_of[step.id] else 1) for p in before[step.id]), default=first)
        while (wanted, lane_of[step.id]) in taken:
            wanted += 1
        column[step.id] = wanted
        taken.add((wanted, lane_of[step.id]))
    return column


def _sugiyama_order(ids: list[str], edges: list[tuple[str, str]], column: dict[str, int]) -> dict[str, float]:
    """Each node's place within its column in igraph's Sugiyama layout (fewest crossings first)."""
    import igraph  # noqa: PLC0415 - a tenth of a second to import; only drawing a map needs it

    span = _span(edges, column)  # the dummy vertices each sweep orders
    if span > SPAN_LIMIT:  # a pathway far larger than any agency's: the file's order, at once
        return {node: float(number) for number, node in enumerate(ids)}
    index = {node: i for i, node in enumerate(ids)}
    graph = igraph.Graph(n=len(ids), edges=[(index[a], index[b]) for a, b in edges], directed=True)
    layout = graph.layout_sugiyama(layers=[column[node] for node in ids], maxiter=sweeps(span))
    coords = layout.coords  # a list built anew on each access
    return {node: float(coords[index[node]][0]) for node in ids}


def _span(edges: list[tuple[str, str]], column: dict[str, int]) -> int:
    """How many columns the referrals cross in all (the work of ordering and routing them)."""
    return sum(abs(column[b] - column[a]) for a, b in edges)


def _route(
    edges: list[tuple[str, str]],
    positions: dict[str, Point],
    column: dict[str, int],
    gutters: list[float],
    column_gap: float,
    *,
    height: dict[str, float],
) -> dict[tuple[str, str], list[Point]]:
    """Bends for referrals that skip columns.

    A point in each column between, moved to the nearest gap between lanes where a node stands in the way
    (edges sharing a gap in a column are spread 5 apart).
    """
    if _span(edges, column) > SPAN_LIMIT:  # routed straight rather than taking minutes
        return {}
    blocking: dict[int, list[tuple[float, float]]] = {}  # per column, top to bottom: each node's centre and half height
    for node, (_, y) in positions.items():
        blocking.setdefault(column[node], []).append((y, height[node] / 2 + BEND_CLEARANCE))
    reach = max((clear for nodes in blocking.values() for _, clear in nodes), default=0.0)
    for nodes in blocking.values():
        nodes.sort()
    centres = {number: [y for y, _ in nodes] for number, nodes in blocking.items()}

    def in_the_way(number: int, y: float) -> bool:
        ys = centres.get(number, [])
        low, high = bisect.bisect_left(ys, y - reach), bisect.bisect_right(ys, y + reach)
        return any(abs(y - other) < clear for other, clear in blocking[number][low:high])

    used: dict[tuple[int, float], int] = {}
    bends: dict[tuple[str, str], list[Point]] = {}
    for source, target in edges:
        a, b = column[source], column[target]
        if abs(a - b) < 2:
            continue
        (_, y0), (_, y1) = positions[source], positions[target]
        step = 1 if b > a else -1
        points: list[Point] = []
        for between in range(a + step, b, step):
            y = y0 + (y1 - y0) * (between - a) / (b - a)
            if gutters and in_the_way(between, y):
                gap = _nearest(gutters, y)
                taken = used.get((between, gap), 0)
                used[(between, gap)] = taken + 1
                y = gap + (taken // 2 + 1) * 5.0 * (1 if taken % 2 else -1) if taken else gap
            points.append((between * column_gap, y))
        bends[(source, target)] = points
    return bends


def _nearest(sorted_values: list[float], value: float) -> float:
    """The value of ``sorted_values`` nearest to ``value`` (a binary search)."""
    at = bisect.bisect_left(sorted_values, value)
    return min(sorted_values[max(at - 1, 0) : at + 1], key=lambda candidate: abs(candidate - value))
