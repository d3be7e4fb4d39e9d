"""Longest paths in a graph whose cycles may carry weight: label correction with subtree disassembly.

The analysis of every route (``tipcase.play.state_space``) needs, inside each strongly connected set of
states, the most points any route to an end collects, and whether some cycle raises a competency's
points every time round (a score loop). Relaxing every edge round after round (Bellman-Ford) costs
rounds x edges, quadratic on one long loop; the label-correcting search here takes a node's subtree of
best predecessors out of the work when its label improves, and finds a cycle of positive gain as soon
as it closes: linear on one long loop, O(nodes x edges) at worst (Tarjan, "Shortest path algorithms"
in Data Structures and Network Algorithms, SIAM 1983; Cherkassky and Goldberg, "Negative-cycle
detection algorithms", Mathematical Programming 85, 1999).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TypeVar

E = TypeVar("E")
L = TypeVar("L")


class PositiveCycle(Exception):
    """Raised inside ``longest_paths`` when the tree of best predecessors closes a cycle of positive gain."""


def longest_paths(count: int, successors: list[list[tuple[int, E]]], starts: dict[int, L], extend: Callable[[L, E], L]) -> dict[int, L]:
    """Longest paths by label correction with subtree disassembly; raises PositiveCycle when they are unbounded.

    Nodes are ``0..count-1``; ``successors[u]`` are ``(v, edge)`` pairs; ``starts`` the sources' labels.
    Returns the best label of each node a source reaches. A label reached through
    an edge is ``extend(label, edge)``, and labels compare with ``>`` (floats, or tuples compared in
    order). Returns each node's best label. A node whose label improves takes its subtree of the tree of
    best predecessors out of the work (their labels are then stale, and improve again through it), and
    an improvement to an ancestor of the node improving it is a cycle of positive gain, found as soon as
    it closes (Tarjan, "Shortest path algorithms", 1981). Linear on one long loop; at worst
    O(nodes x edges), as Bellman-Ford.
    """
    root = count  # a virtual root, parent of every source; the tree is kept as its preorder, a linked list
    following = [-1] * (count + 1)
    preceding = [-1] * (count + 1)
    depth = [0] * (count + 1)
    in_tree = [False] * (count + 1)
    in_tree[root] = True
    queued = [False] * count
    queue: deque[int] = deque()
    labels: list[L | None] = [None] * count
    for node, start in starts.items():
        labels[node] = start
    for node in range(count):
        if labels[node] is not None:
            _insert_after(root, node, following, preceding)
            depth[node] = 1
            in_tree[node] = True
            queued[node] = True
            queue.append(node)
    while queue:
        node = queue.popleft()
        queued[node] = False
        if not in_tree[node]:
            continue  # taken out with a subtree: it is scanned again once its label improves
        here = labels[node]
        assert here is not None
        for target, edge in successors[node]:
            candidate = extend(here, edge)
            current = labels[target]
            if current is not None and not candidate > current:  # type: ignore[operator]
                continue
            if target == node:
                raise PositiveCycle
            if in_tree[target]:
                after = following[target]
                while after != -1 and depth[after] > depth[target]:  # the target's subtree, in preorder
                    if after == node:
                        raise PositiveCycle
                    in_tree[after] = False
                    after = following[after]
                following[preceding[target]] = after
                if after != -1:
                    preceding[after] = preceding[target]
            labels[target] = candidate
            _insert_after(node, target, following, preceding)
            depth[target] = depth[node] + 1
            in_tree[target] = True
            if not queued[target]:
                queued[target] = True
                queue.append(target)
    return {node: label for node, label in enumerate(labels) if label is not None}


def _insert_after(parent: int, child: int, following: list[int], preceding: list[int]) -> None:
    after = following[parent]
    following[parent], preceding[child], following[child] = child, parent, after
    if after != -1:
        preceding[after] = child


def has_positive_cycle(members: list[int], inner: list[tuple[int, int, float]]) -> bool:
    """Whether a strongly connected component has a cycle of positive sum.

    ``members``: its nodes; ``inner``: its edges ``(source, target, weight)``. Every edge of a strongly
    connected component lies on a cycle, so a positive edge and no negative one settle it at once;
    otherwise ``longest_paths`` from one member (which reaches them all).
    """
    weights = [weight for _, _, weight in inner]
    if not weights or max(weights) <= 0:
        return False
    if min(weights) >= 0:
        return True
    local = {member: number for number, member in enumerate(members)}
    successors: list[list[tuple[int, float]]] = [[] for _ in members]
    for source, target, weight in inner:
        successors[local[source]].append((local[target], weight))
    try:
        longest_paths(len(members), successors, {0: 0.0}, _add)
    except PositiveCycle:
        return True
    return False


def _add(label: float, weight: float) -> float:
    return label + weight
