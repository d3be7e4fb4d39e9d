"""Layered layout of a directed graph, for drawing scenarios and pathways readably at 60+ nodes.

Nodes are placed in layers by the longest path from the start once the edges that close cycles
are set aside, so a case or a pathway reads left to right in its own order; within a layer they are
ordered by the mean position of their predecessors (one barycentre sweep), which removes most edge
crossings on the branching-then-merging graphs that cases are. Unreached nodes go last.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)

LAYER_GAP = 230.0
ROW_GAP = 96.0


def back_edges(successors: Mapping[Node, Iterable[Node]], start: Node) -> set[tuple[Node, Node]]:
    """Edges that close a cycle in a depth-first walk from ``start`` (loops, steps back)."""
    found: set[tuple[Node, Node]] = set()
    state: dict[Node, int] = {}  # 1 on the current path, 2 done
    roots = [start, *(n for n in successors if n != start)]
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
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(successors.get(child, ()))))
    return found


def layers(successors: Mapping[Node, Iterable[Node]], start: Node) -> dict[Node, int]:
    """Longest-path layers from ``start`` once back edges are set aside, so the flow reads left to right.

    Nodes not reached from ``start`` go in the layer after the last.
    """
    skip = back_edges(successors, start)
    forward = {n: [t for t in successors.get(n, ()) if (n, t) not in skip and t in successors] for n in successors}
    reached = {start}
    pending = [start]
    while pending:
        for target in forward[pending.pop()]:
            if target not in reached:
                reached.add(target)
                pending.append(target)
    incoming = dict.fromkeys(reached, 0)
    for node in reached:
        for target in forward[node]:
            incoming[target] += 1
    depth = dict.fromkeys(reached, 0)
    ready = [start]
    while ready:
        node = ready.pop()
        for target in forward[node]:
            depth[target] = max(depth[target], depth[node] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    last = max(depth.values(), default=0) + 1
    for node in successors:
        depth.setdefault(node, last)
    return depth


def layered_layout(successors: Mapping[Node, Iterable[Node]], start: Node) -> dict[Node, tuple[float, float]]:
    """Positions (x, y) for every node: x by layer, y by barycentre order, centred on y = 0."""
    depth = layers(successors, start)
    predecessors: dict[Node, list[Node]] = {node: [] for node in depth}
    for node, targets in successors.items():
        for target in targets:
            if target in predecessors and node != target:
                predecessors[target].append(node)
    by_layer: dict[int, list[Node]] = {}
    for node in successors:  # file order first, so equal barycentres keep the author's order
        by_layer.setdefault(depth[node], []).append(node)
    position: dict[Node, tuple[float, float]] = {}
    for layer in sorted(by_layer):
        nodes = by_layer[layer]
        earlier = [[position[p][1] for p in predecessors[n] if p in position] for n in nodes]
        keyed = sorted(range(len(nodes)), key=lambda i: (sum(earlier[i]) / len(earlier[i]) if earlier[i] else 0.0, i))
        height = (len(nodes) - 1) * ROW_GAP
        for row, index in enumerate(keyed):
            position[nodes[index]] = (layer * LAYER_GAP, row * ROW_GAP - height / 2)
    return position


def placed(
    successors: Mapping[Node, Iterable[Node]], start: Node, fixed: Mapping[Node, tuple[float, float]]
) -> dict[Node, tuple[float, float]]:
    """Positions for every node: ``fixed`` ones where they are, the others laid out in layers.

    With nothing fixed this is ``layered_layout``. Nodes without a fixed place (a stage added to a file
    whose stages have places) keep their layered arrangement, moved as a block below the fixed ones so
    nothing overlaps.
    """
    if not successors:
        return {}
    root = start if start in successors else next(iter(successors))
    result = {node: (float(fixed[node][0]), float(fixed[node][1])) for node in successors if node in fixed}
    if not result:
        return layered_layout(successors, root)
    missing = [node for node in successors if node not in result]
    if missing:  # only then is the layered layout needed (every node placed by hand: nothing to compute)
        automatic = layered_layout(successors, root)
        left = min(x for x, _ in result.values())
        below = max(y for _, y in result.values()) + ROW_GAP * 1.5
        auto_left = min(automatic[node][0] for node in missing)
        auto_top = min(automatic[node][1] for node in missing)
        for node in missing:
            x, y = automatic[node]
            result[node] = (left + x - auto_left, below + y - auto_top)
    return result
