"""Analysis of every route a scenario allows.

It computes the reachable state space, dead ends, score loops, the per-competency maxima,
``max_total`` and the best route.

A state is ``(stage, variable values, clock)``; the clock belongs to the state only when some ``when``
reads ``hours``. The explorer visits every state the conditions allow from the start (stopping past
100,000 states). Maxima are longest paths over the states from which an end can be reached, computed
strongly-connected component by component: acyclic parts in one pass, cycles by relaxation (safe
because a cycle that can raise some competency's points is a score loop, which is reported instead).
"""

from __future__ import annotations

import dataclasses
from collections import deque

from tipcase.play.compiled_scenario import CompiledChoice, CompiledScenario, Values

MAX_STATES = 100_000
NEG = float("-inf")


@dataclasses.dataclass(slots=True)
class StateSpace:
    """The reachable states and, per state, its offered choices as (target state, choice, number)."""

    stages: list[int] = dataclasses.field(default_factory=list)
    values: list[Values] = dataclasses.field(default_factory=list)
    clocks: list[float] = dataclasses.field(default_factory=list)
    edges: list[list[tuple[int, CompiledChoice, int]]] = dataclasses.field(default_factory=list)
    overflow: bool = False

    def __len__(self) -> int:
        return len(self.stages)


@dataclasses.dataclass(slots=True)
class ScoreLoop:
    stage: str
    choice: CompiledChoice
    competency: str


@dataclasses.dataclass(slots=True)
class Analysis:
    """What ``tipcase analyze`` reports, plus what the validator needs for E006-E008 and E011."""

    stages: int
    ends: int
    states: int
    overflow: bool
    reachable_stages: set[str]
    dead_ends: dict[str, Values]
    score_loops: list[ScoreLoop]
    max: dict[str, float]
    max_total: float
    best_route: list[str]
    best_choices: list[int]
    has_route: bool

    def assessed(self) -> dict[str, float]:
        """Competencies with a positive maximum: the ones this scenario assesses."""
        return {c: m for c, m in self.max.items() if m > 0}


def explore(cs: CompiledScenario, start: int, limit: int = MAX_STATES) -> StateSpace:
    """Breadth-first search of the states the conditions allow, from the start stage."""
    space = StateSpace()
    index: dict[tuple[int, Values, float], int] = {}
    key = (start, cs.initial, 0.0)
    index[key] = 0
    space.stages.append(start)
    space.values.append(cs.initial)
    space.clocks.append(0.0)
    queue = deque([0])
    keep_clock = cs.clock_in_state
    while queue:
        state = queue.popleft()
        stage, values, clock = space.stages[state], space.values[state], space.clocks[state]
        row: list[tuple[int, CompiledChoice, int]] = []
        number = 0
        for choice in cs.choices[stage]:
            if choice.condition is not None and not choice.condition(values, clock):
                continue
            number += 1
            new_values, new_clock = cs.apply(choice, values, clock)
            if not keep_clock:
                new_clock = 0.0
            target_key = (choice.target, new_values, new_clock)
            target = index.get(target_key)
            if target is None:
                if len(space.stages) >= limit:
                    space.overflow = True
                    space.edges.append(row)
                    return space
                target = len(space.stages)
                index[target_key] = target
                space.stages.append(choice.target)
                space.values.append(new_values)
                space.clocks.append(new_clock)
                queue.append(target)
            row.append((target, choice, number))
        space.edges.append(row)
    return space


def _live_states(cs: CompiledScenario, space: StateSpace) -> list[bool]:
    """States from which some end stage can be reached."""
    count = len(space)
    reverse: list[list[int]] = [[] for _ in range(count)]
    for source, row in enumerate(space.edges):
        for target, _, _ in row:
            reverse[target].append(source)
    live = [False] * count
    queue = deque(s for s in range(count) if cs.ends[space.stages[s]])
    for s in queue:
        live[s] = True
    while queue:
        state = queue.popleft()
        for source in reverse[state]:
            if not live[source]:
                live[source] = True
                queue.append(source)
    return live


def strongly_connected(count: int, successors: list[list[int]]) -> list[list[int]]:
    """Tarjan's algorithm, iterative; components come out sinks first (reverse topological order)."""
    index_of = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index_of[root] != -1:
            continue
        work = [(root, 0)]
        while work:
            node, child = work[-1]
            if child == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            successors_of = successors[node]
            if child < len(successors_of):
                work[-1] = (node, child + 1)
                nxt = successors_of[child]
                if index_of[nxt] == -1:
                    work.append((nxt, 0))
                elif on_stack[nxt]:
                    low[node] = min(low[node], index_of[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index_of[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _has_positive_cycle(members: list[int], inner: list[tuple[int, int, float]]) -> bool:
    """Bellman-Ford on one component: does some cycle have a positive sum?"""
    distance = dict.fromkeys(members, 0.0)
    for _ in range(len(members)):
        changed = False
        for source, target, weight in inner:
            if distance[source] + weight > distance[target]:
                distance[target] = distance[source] + weight
                changed = True
        if not changed:
            return False
    return True


def analyze(cs: CompiledScenario) -> Analysis:
    """Explore the scenario's states and compute everything scoring and validation need."""
    scenario = cs.scenario
    start = cs.stage_index.get(scenario.start)
    ends = sum(cs.ends)
    if start is None:
        return Analysis(len(cs.stage_ids), ends, 0, False, set(), {}, [], {}, 0.0, [], [], False)
    space = explore(cs, start)
    reachable = {cs.stage_ids[s] for s in set(space.stages)}
    if space.overflow:
        return Analysis(len(cs.stage_ids), ends, len(space), True, reachable, {}, [], {}, 0.0, [], [], False)
    live = _live_states(cs, space)
    dead_ends: dict[str, Values] = {}
    for state, stage in enumerate(space.stages):
        stage_id = cs.stage_ids[stage]
        if not live[state] and stage_id not in dead_ends:
            dead_ends[stage_id] = space.values[state]
    successors = [[t for t, _, _ in row if live[t]] if live[s] else [] for s, row in enumerate(space.edges)]
    components = strongly_connected(len(space), successors)
    component_of = [0] * len(space)
    for number, members in enumerate(components):
        for member in members:
            component_of[member] = number

    loops = _score_loops(cs, space, live, components, component_of)
    if loops or not live[0]:
        return Analysis(len(cs.stage_ids), ends, len(space), False, reachable, dead_ends, loops, {}, 0.0, [], [], False)

    k = len(cs.competencies)
    best = [[NEG] * k for _ in range(len(space))]
    best_key: list[tuple[float, int, int]] = [(NEG, 0, 0)] * len(space)
    best_edge: list[int] = [-1] * len(space)
    for members in components:
        if not live[members[0]]:
            continue
        for state in members:
            if cs.ends[space.stages[state]]:
                best[state] = [0.0] * k
                best_key[state] = (0.0, 0, 0)
        rounds = 1 if len(members) == 1 and not any(t == members[0] for t, _, _ in space.edges[members[0]]) else len(members) + 1
        for _ in range(rounds):
            changed = False
            for state in members:
                current = best[state]
                current_key = best_key[state]
                for position, (target, choice, _) in enumerate(space.edges[state]):
                    if not live[target]:
                        continue
                    target_best = best[target]
                    for c in range(k):
                        candidate = choice.scores[c] + target_best[c]
                        if candidate > current[c]:
                            current[c] = candidate
                            changed = True
                    t_total, t_critical, t_steps = best_key[target]
                    key = (choice.weighted + t_total, t_critical - choice.critical, t_steps - 1)
                    if key > current_key:
                        current_key = key
                        best_edge[state] = position
                        changed = True
                best_key[state] = current_key
            if not changed:
                break

    route, numbers = [cs.stage_ids[start]], []
    state = 0
    while best_edge[state] != -1 and not cs.ends[space.stages[state]]:
        target, _, number = space.edges[state][best_edge[state]]
        numbers.append(number)
        route.append(cs.stage_ids[space.stages[target]])
        state = target
    maxima = {c: best[0][i] for i, c in enumerate(cs.competencies)}
    return Analysis(len(cs.stage_ids), ends, len(space), False, reachable, dead_ends, [], maxima, best_key[0][0], route, numbers, True)


def _score_loops(
    cs: CompiledScenario, space: StateSpace, live: list[bool], components: list[list[int]], component_of: list[int]
) -> list[ScoreLoop]:
    loops: list[ScoreLoop] = []
    for number, members in enumerate(components):
        if not live[members[0]]:
            continue
        inner = [(s, t, choice) for s in members for t, choice, _ in space.edges[s] if live[t] and component_of[t] == number]
        if not inner:
            continue
        for c, competency in enumerate(cs.competencies):
            rising = [choice for _, _, choice in inner if choice.scores[c] > 0]
            if not rising:
                continue
            if _has_positive_cycle(members, [(s, t, float(choice.scores[c])) for s, t, choice in inner]):
                first = min(rising, key=lambda ch: (ch.choice.pos, ch.choice.index))
                loops.append(ScoreLoop(cs.stage_ids[first.source], first, competency))
    return loops
