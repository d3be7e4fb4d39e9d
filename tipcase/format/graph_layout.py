"""Layered layout of a directed graph (a scenario's stages and choices), drawn left to right.

The layout is igraph's Sugiyama layout (``Graph.layout_sugiyama``: Sugiyama, Tagawa and Toda 1981,
with crossing reduction by the barycentre heuristic) given explicit layers: a node's layer is the
longest path to it once the edges that close a cycle in a depth-first walk from the start are set
aside, so a case reads from its start in its own order. Edges that span several layers are routed
through the dummy vertices igraph places for them, so long edges pass between nodes, not across them.

igraph rather than another library: its C core lays out 5,000 stages in well under a second, it ships
wheels for Windows, macOS and Linux (no system binary, unlike Graphviz, which training workstations
do not have), and it is maintained (grandalf, the pure-Python alternative, has not moved since 2023).

The work is bounded whatever the input (``SWEEP_BUDGET``, ``SPAN_LIMIT``).

Each weakly connected part of the graph is laid out on its own and remembered by its shape, so a stage
added on its own (the editor's *Add stage*) lays out one node, not the 5,000 already drawn; the parts
are stacked below the start's part. Positions are scene units: x by layer (``LAYER_GAP`` apart), y by
row (``ROW_GAP`` apart).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

Node = TypeVar("Node", bound=Hashable)
Point = tuple[float, float]

LAYER_GAP = 300.0
ROW_GAP = 96.0
PART_GAP = 1.5  # rows between two parts of a graph stacked one below the other
# Bounded work on any input: igraph's Sugiyama layout orders each node and each dummy vertex (one per layer a
# long edge crosses) once per sweep. A graph whose edges cross SWEEP_BUDGET layers or fewer in all gets 40 sweeps,
# a larger one fewer (at least 2); past SPAN_LIMIT (random jumps across thousands of stages, no case a trainer
# wrote) long edges are left out of the ordering and drawn without bends: 2,000 such stages take 0.1 s
# instead of 72 s and 730 MiB.
SWEEP_BUDGET = 20_000
SPAN_LIMIT = 50_000


@dataclasses.dataclass(frozen=True)
class Layout(Generic[Node]):
    """Where every node's centre is, and the points long edges pass through (source to target order).

    ``bends[(source, target)]`` lists the (x, y) points, one per layer the edge crosses, of edges that
    span more than one layer; an edge not in ``bends`` is drawn straight from its source to its target.
    ``layer_of`` gives each node's layer (0 at the left).
    """

    positions: dict[Node, Point]
    bends: dict[tuple[Node, Node], list[Point]] = dataclasses.field(default_factory=dict)
    layer_of: dict[Node, int] = dataclasses.field(default_factory=dict)


def back_edges(successors: Mapping[Node, Iterable[Node]], start: Node) -> set[tuple[Node, Node]]:
    """Edges that close a cycle in a depth-first walk from ``start``, then from the other nodes in order."""
    found: set[tuple[Node, Node]] = set()
    state: dict[Node, int] = {}  # 1 on the current path, 2 done
    roots = [start, *(n for n in successors if n != start)] if start in successors else list(successors)
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(successors.get(root, ())))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                found.add((node, child))
            elif child not in state and child in successors:
                state[child] = 1
                stack.append((child, iter(successors.get(child, ()))))
    return found


def layers(successors: Mapping[Node, Iterable[Node]], start: Node) -> dict[Node, int]:
    """Each node's layer: the longest path to it from a node nothing leads to, back edges set aside.

    The start comes first in its part of the graph (layer 0); a node nothing leads to is in layer 0 too.
    """
    skip = back_edges(successors, start)
    forward = {
        n: [t for t in dict.fromkeys(successors.get(n, ())) if t in successors and t != n and (n, t) not in skip] for n in successors
    }
    incoming = dict.fromkeys(successors, 0)
    for targets in forward.values():
        for target in targets:
            incoming[target] += 1
    depth = dict.fromkeys(successors, 0)
    ready = [n for n in successors if incoming[n] == 0]
    while ready:
        node = ready.pop()
        for target in forward[node]:
            depth[target] = max(depth[target], depth[node] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return depth


def _parts(successors: Mapping[Node, Iterable[Node]], start: Node) -> list[list[Node]]:
    """The weakly connected parts, each in the nodes' order; the start's part first, the others in order."""
    parent: dict[Node, Node] = {n: n for n in successors}

    def root(node: Node) -> Node:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for node, targets in successors.items():
        for target in targets:
            if target in parent:
                a, b = root(node), root(target)
                if a != b:
                    parent[b] = a
    grouped: dict[Node, list[Node]] = {}
    for node in successors:
        grouped.setdefault(root(node), []).append(node)
    parts = list(grouped.values())
    if start in successors:
        parts.sort(key=lambda part: start not in part)  # stable: the others keep their order
    return parts


@functools.lru_cache(maxsize=64)
def _part_layout(
    count: int, edges: tuple[tuple[int, int], ...], start: int
) -> tuple[tuple[int, ...], tuple[Point, ...], tuple[tuple[Point, ...], ...]]:
    """One part laid out: each vertex's layer, its (x within the layer, layer) and each edge's bends.

    Vertices are numbered 0..count-1 in the nodes' order; ``start`` is the start's number or -1. Kept
    by shape, so a part that did not change is not laid out again.
    """
    import igraph  # noqa: PLC0415 - a tenth of a second to import; only drawing a graph needs it

    successors: dict[int, list[int]] = {vertex: [] for vertex in range(count)}
    for source, target in edges:
        successors[source].append(target)
    depth = layers(successors, start if start >= 0 else 0)
    layer = tuple(depth[vertex] for vertex in range(count))
    span = sum(abs(layer[target] - layer[source]) for source, target in edges)  # vertices plus dummies per sweep
    if span > SPAN_LIMIT:  # no case a person wrote: order by the edges between neighbouring layers, long ones drawn unrouted
        short = [(source, target) for source, target in edges if abs(layer[target] - layer[source]) == 1]
        graph = igraph.Graph(n=count, edges=short, directed=True)
        layout = graph.layout_sugiyama(layers=list(layer), maxiter=2)
        return layer, tuple((float(x), float(y)) for x, y in layout.coords[:count]), tuple(() for _ in edges)
    graph = igraph.Graph(n=count, edges=list(edges), directed=True)
    layout = graph.layout_sugiyama(layers=list(layer), maxiter=sweeps(span))
    coordinates = tuple((float(x), float(y)) for x, y in layout.coords[:count])
    routing = tuple(tuple((float(x), float(y)) for x, y in points) for points in layout.edge_routing)
    return layer, coordinates, routing


def sweeps(span: int) -> int:
    """How many crossing-reduction sweeps a layout whose edges cross ``span`` layers in all gets: 2 to 40."""
    return max(2, min(40, SWEEP_BUDGET // max(span, 1)))


def layered(successors: Mapping[Node, Iterable[Node]], start: Node) -> Layout[Node]:
    """The layered layout of the whole graph (see the module's docstring); empty for an empty graph."""
    positions: dict[Node, Point] = {}
    bends: dict[tuple[Node, Node], list[Point]] = {}
    layer_of: dict[Node, int] = {}
    top = 0.0
    for part in _parts(successors, start):
        index = {node: i for i, node in enumerate(part)}
        edges = tuple(
            dict.fromkeys(
                (index[node], index[target]) for node in part for target in successors.get(node, ()) if target in index and target != node
            )
        )
        depth, coordinates, routing = _part_layout(len(part), edges, index.get(start, -1))
        lowest = min(x for x, _ in coordinates)
        for node, (x, layer), node_layer in zip(part, coordinates, depth, strict=True):
            positions[node] = (layer * LAYER_GAP, top + (x - lowest) * ROW_GAP)
            layer_of[node] = node_layer
        for (source, target), points in zip(edges, routing, strict=True):
            if points:
                bends[(part[source], part[target])] = [(layer * LAYER_GAP, top + (x - lowest) * ROW_GAP) for x, layer in points]
        top += (max(x for x, _ in coordinates) - lowest + PART_GAP) * ROW_GAP
    return Layout(positions, bends, layer_of)


def layered_layout(successors: Mapping[Node, Iterable[Node]], start: Node) -> dict[Node, Point]:
    """Only the positions of ``layered``."""
    return layered(successors, start).positions


def placed(successors: Mapping[Node, Iterable[Node]], start: Node, fixed: Mapping[Node, Sequence[float]]) -> Layout[Node]:
    """The layout with ``fixed`` nodes (placed by hand) where they are and the others laid out in layers.

    With nothing fixed this is ``layered``. Nodes without a fixed place (a stage added to a file whose
    stages have places) keep their layered arrangement, moved as a block below the fixed ones so nothing
    overlaps. An edge keeps its bends only while both its ends stand where the layered layout puts them.
    """
    if not successors:
        return Layout({})
    root = start if start in successors else next(iter(successors))
    automatic = layered(successors, root)
    result: dict[Node, Point] = {node: (float(fixed[node][0]), float(fixed[node][1])) for node in successors if node in fixed}
    if not result:
        return automatic
    missing = [node for node in successors if node not in result]
    if missing:
        left = min(x for x, _ in result.values())
        below = max(y for _, y in result.values()) + ROW_GAP * PART_GAP
        auto_left = min(automatic.positions[node][0] for node in missing)
        auto_top = min(automatic.positions[node][1] for node in missing)
        dx, dy = left - auto_left, below - auto_top
        for node in missing:
            x, y = automatic.positions[node]
            result[node] = (x + dx, y + dy)
    else:
        dx = dy = 0.0
    shifted = set(missing)
    bends: dict[tuple[Node, Node], list[Point]] = {}
    for (source, target), points in automatic.bends.items():
        if source in shifted and target in shifted:
            bends[(source, target)] = [(x + dx, y + dy) for x, y in points]
        elif source not in shifted and target not in shifted and _unmoved(result, automatic.positions, source, target):
            bends[(source, target)] = points
    return Layout(result, bends, automatic.layer_of)


def _unmoved(result: Mapping[Any, Point], automatic: Mapping[Any, Point], *nodes: Any) -> bool:
    return all(abs(result[n][0] - automatic[n][0]) < 0.5 and abs(result[n][1] - automatic[n][1]) < 0.5 for n in nodes)


def free_place(taken: Iterable[Point], near: Point, *, beside: bool = True, tries: int = 200) -> Point:
    """Where to put a node added to a drawn graph: near ``near`` on a spot no node of ``taken`` (centres) stands on.

    ``beside``: in the next layer to the right of ``near`` (a stage that follows it), else in ``near``'s own
    layer (a copy of it). The rows of that layer are tried nearest first (level with ``near``, one below,
    one above, two below...), ``ROW_GAP`` apart; a spot is taken when a node's centre is within half a
    layer across and less than a row up or down. After ``tries`` rows, the spot below that layer's lowest
    node. O(n log n) in ``taken``.
    """
    x = near[0] + (LAYER_GAP if beside else 0.0)
    column = sorted(y for other_x, y in taken if abs(other_x - x) < LAYER_GAP / 2)

    def free(y: float) -> bool:
        at = bisect.bisect_left(column, y)
        return all(abs(column[i] - y) >= ROW_GAP * 0.99 for i in (at - 1, at) if 0 <= i < len(column))

    for attempt in range(tries):
        y = near[1] + (attempt + 1) // 2 * ROW_GAP * (1 if attempt % 2 else -1)
        if free(y):
            return (x, y)
    return (x, (column[-1] if column else near[1]) + ROW_GAP)
