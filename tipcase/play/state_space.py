"""Analysis of every route a scenario allows.

It computes the reachable state space, dead ends, score loops, the per-competency maxima,
``max_total`` and the best route.

A state is ``(stage, variable values, clock)``; the clock belongs to the state only when some ``when``
reads ``hours``. The explorer visits every state the conditions allow from the start, up to a budget
(``state_budget``), so a runaway counter still stops in bounded time and memory:

- by default it grows with the case, 32 states a stage and at least 100,000, so a long case with a few
  variables is analysed whole;
- a case whose variables combine into more states sets its own, ``analysis: {max_states: N}`` at the top
  of the file (a scenario's or a team case's), which the validator, the editor's checker, publishing,
  importing and playing all read, since they all read the case;
- ``tipcase validate/analyze --max-states N`` overrides both for one run.

Either is at most ``MOST_STATES`` (2,000,000), and the default never grows past it either. Memory
measured: about 950 bytes a state (RSS, ``benchmarks.generate.long_case`` with six booleans and one
choice a stage: 1,023,679 states took 929 MiB and 22.6 s at a load of 3 on two cores); Python's traced
allocations grow from 690 to 1,200 bytes a state from one to eight choices a state (about 73 bytes a
choice); at the ceiling, 1,983,679 states of the same generator with one choice a state took 2,194 MiB and
28.7 s of CPU (a reviewer's probe, 1 December, load 3 to 30), so a state costs more as they grow, and well over
3 GiB with eight choices a state.
Since a stage may offer thousands of choices, the choices offered over all the states are bounded too,
whatever the budget: ``MOST_CHOICES`` (16,000,000, some 1.1 GiB), far above what a case of a few
choices a stage reaches (2,000,000 states of eight choices are 16,000,000).

Maxima are longest paths over the states from which an end can be reached, computed strongly-connected
component by component: acyclic parts in one pass, cycles by a label-correcting search with subtree
disassembly (Tarjan 1981; Cherkassky and Goldberg, "Negative-cycle detection algorithms", Math.
Programming 85, 1999), which is linear on one large loop where round-by-round relaxation was quadratic.
A cycle that can raise some competency's points is a score loop, found the same way and reported instead.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable

from tipcase.format.schema_kinds import MAX_ANALYSIS_STATES
from tipcase.play.compiled_scenario import CompiledChoice, CompiledScenario, Values
from tipcase.play.longest_paths import has_positive_cycle, longest_paths

MAX_STATES = 100_000  # the least default budget, whatever the case's size
STATES_PER_STAGE = 32  # the default budget a stage adds: five booleans in every combination at every stage
MOST_STATES = MAX_ANALYSIS_STATES  # the ceiling of every budget, 2,000,000 states: some 2.2 GiB (see the module's docstring)
MOST_CHOICES = 16_000_000  # offered choices over all the states, whatever the budget: about 73 bytes each, some 1.1 GiB
NEG = float("-inf")


def default_budget(stages: int) -> int:
    """The budget of a case of ``stages`` stages that sets none: ``max(100,000, 32 x stages)``, at most ``MOST_STATES``."""
    return min(MOST_STATES, max(MAX_STATES, STATES_PER_STAGE * stages))


def state_budget(cs: CompiledScenario) -> int:
    """The most states the analysis explores for this case (a count of states, 1 to ``MOST_STATES``).

    The case's own ``analysis: {max_states: N}`` when it sets one (``Scenario.max_states``, checked to
    be 1 to 2,000,000 when the file was read), else ``default_budget``. About 950 bytes of memory a state.
    """
    own = cs.scenario.max_states
    return own if own is not None else default_budget(len(cs.stage_ids))


def may_grow_without_bound(cs: CompiledScenario) -> bool:
    """Whether some state component can take ever new values: an ``add`` to an integer, or the clock in the state.

    When neither can, the states are finitely many (stages x the values ``set`` can give); a case over
    the budget then has too many combinations rather than a runaway variable.
    """
    return any(
        any(delta for _, delta in choice.increment) or (cs.clock_in_state and choice.hours != 0) for row in cs.choices for choice in row
    )


@dataclasses.dataclass(slots=True)
class StateSpace:
    """The reachable states and, per state, its offered choices as (target state, choice, number)."""

    stages: list[int] = dataclasses.field(default_factory=list)
    values: list[Values] = dataclasses.field(default_factory=list)
    clocks: list[float] = dataclasses.field(default_factory=list)
    edges: list[list[tuple[int, CompiledChoice, int]]] = dataclasses.field(default_factory=list)
    overflow: bool = False
    choices: int = 0  # the offered choices found so far, over all the states (``MOST_CHOICES`` at most)
    too_many_choices: bool = False  # ``overflow`` because of them rather than the states

    def __len__(self) -> int:
        return len(self.stages)


@dataclasses.dataclass(slots=True)
class ScoreLoop:
    """A cycle along which ``competency``'s points can keep rising (E008): the stage and choice where the analysis found it."""

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
    budget: int = MAX_STATES  # the most states it could explore (``state_budget``); ``overflow`` when the case has more
    unbounded: bool = False  # whether some variable or the clock may grow without bound (``may_grow_without_bound``)
    too_many_choices: bool = False  # ``overflow`` because the states offer more than ``MOST_CHOICES`` choices in all

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
        space.choices += len(row)
        if space.choices > MOST_CHOICES:
            space.overflow = space.too_many_choices = True
            return space
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


def analyze(cs: CompiledScenario, budget: int | None = None) -> Analysis:
    """Explore the scenario's states and compute everything scoring and validation need.

    The exploration stops at ``budget`` states, by default ``state_budget(cs)`` (the case's own
    ``analysis: {max_states: N}``, else ``default_budget``); past it ``Analysis.overflow`` is set (the
    validator's E011). ``tipcase validate/analyze --max-states N`` gives another.
    """
    scenario = cs.scenario
    start = cs.stage_index.get(scenario.start)
    ends = sum(cs.ends)
    budget, unbounded = state_budget(cs) if budget is None else budget, may_grow_without_bound(cs)
    if start is None:
        return Analysis(len(cs.stage_ids), ends, 0, False, set(), {}, [], {}, 0.0, [], [], False, budget, unbounded)
    space = explore(cs, start, budget)
    reachable = {cs.stage_ids[s] for s in set(space.stages)}
    if space.overflow:
        found = len(space)
        return Analysis(
            len(cs.stage_ids), ends, found, True, reachable, {}, [], {}, 0.0, [], [], False, budget, unbounded, space.too_many_choices
        )
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
        return Analysis(len(cs.stage_ids), ends, len(space), False, reachable, dead_ends, loops, {}, 0.0, [], [], False, budget, unbounded)

    solved = _Maxima(cs, space, live, component_of).solve(components)
    best, best_key, best_edge = solved.best, solved.best_key, solved.best_edge
    route, numbers = [cs.stage_ids[start]], []
    state = 0
    while best_edge[state] != -1 and not cs.ends[space.stages[state]]:
        target, _, number = space.edges[state][best_edge[state]]
        numbers.append(number)
        route.append(cs.stage_ids[space.stages[target]])
        state = target
    maxima = {c: best[0][i] for i, c in enumerate(cs.competencies)}
    return Analysis(
        len(cs.stage_ids),
        ends,
        len(space),
        False,
        reachable,
        dead_ends,
        [],
        maxima,
        best_key[0][0],
        route,
        numbers,
        True,
        budget,
        unbounded,
    )


Key = tuple[float, int, int]  # (weighted points, -critical errors, -choices) to an end: the best route's order


class _Maxima:
    """Per live state: the most points of each competency to an end, the best route's key, and its first choice.

    Components come sinks first, so every choice leaving a component leads to states already final. A
    single state without a loop takes one pass over its choices; a cycle takes ``longest_paths`` per
    competency and for the key, from the values its choices out of the cycle (and its ends) give.
    """

    def __init__(self, cs: CompiledScenario, space: StateSpace, live: list[bool], component_of: list[int]) -> None:
        self.cs, self.space, self.live, self.component_of = cs, space, live, component_of
        self.best = [[NEG] * len(cs.competencies) for _ in range(len(space))]
        self.best_key: list[Key] = [(NEG, 0, 0)] * len(space)
        self.best_edge: list[int] = [-1] * len(space)

    def solve(self, components: list[list[int]]) -> _Maxima:
        for number, members in enumerate(components):
            if not self.live[members[0]]:
                continue
            single = members[0]
            if len(members) == 1 and not any(t == single for t, _, _ in self.space.edges[single]):
                self._settle(single)
            else:
                self._settle_cycle(members, number)
            for state in members:
                self.best_edge[state] = self._first_best_edge(state)
        return self

    def _is_end(self, state: int) -> bool:
        return self.cs.ends[self.space.stages[state]]

    def _settle(self, state: int) -> None:
        """A state outside every cycle: its values from its choices' targets, all final."""
        current = [0.0] * len(self.cs.competencies) if self._is_end(state) else self.best[state]
        key = (0.0, 0, 0) if self._is_end(state) else self.best_key[state]
        for target, choice, _ in self.space.edges[state]:
            if not self.live[target]:
                continue
            target_best = self.best[target]
            for c, points in enumerate(choice.scores):
                current[c] = max(current[c], points + target_best[c])
            key = max(key, _extend_key(self.best_key[target], choice))
        self.best[state], self.best_key[state] = current, key

    def _settle_cycle(self, members: list[int], number: int) -> None:
        """A strongly connected set of states: longest paths inside it, backwards from what leaving it gives."""
        local = {state: index for index, state in enumerate(members)}
        backwards: list[list[tuple[int, CompiledChoice]]] = [[] for _ in members]  # target -> (source, choice) inside
        leaving: list[list[tuple[int, CompiledChoice]]] = [[] for _ in members]  # source -> (target outside, choice)
        for index, state in enumerate(members):
            for target, choice, _ in self.space.edges[state]:
                if not self.live[target]:
                    continue
                if self.component_of[target] == number:
                    backwards[local[target]].append((index, choice))
                else:
                    leaving[index].append((target, choice))
        for c in range(len(self.cs.competencies)):
            starts: dict[int, float] = {}
            for index, state in enumerate(members):
                values = [choice.scores[c] + self.best[target][c] for target, choice in leaving[index]]
                if self._is_end(state):
                    values.append(0.0)
                if values:
                    starts[index] = max(values)
            found = longest_paths(len(members), backwards, starts, _add_points(c))
            for index, state in enumerate(members):
                self.best[state][c] = found.get(index, NEG)
        keys: dict[int, Key] = {}
        for index, state in enumerate(members):
            candidates = [_extend_key(self.best_key[target], choice) for target, choice in leaving[index]]
            if self._is_end(state):
                candidates.append((0.0, 0, 0))
            if candidates:
                keys[index] = max(candidates)
        found_keys = longest_paths(len(members), backwards, keys, _extend_key)
        for index, state in enumerate(members):
            self.best_key[state] = found_keys.get(index, (NEG, 0, 0))

    def _first_best_edge(self, state: int) -> int:
        """The first choice (in file order) whose route gives the state's best key; -1 at an end or with none."""
        if self._is_end(state) and self.best_key[state] == (0.0, 0, 0):
            return -1
        for position, (target, choice, _) in enumerate(self.space.edges[state]):
            target_key = self.best_key[target]
            if self.live[target] and target_key[0] != NEG and _extend_key(target_key, choice) == self.best_key[state]:
                return position
        return -1


def _add_points(competency: int) -> Callable[[float, CompiledChoice], float]:
    def add(label: float, choice: CompiledChoice) -> float:
        return label + choice.scores[competency]

    return add


def _extend_key(key: Key, choice: CompiledChoice) -> Key:
    total, critical, steps = key
    return (choice.weighted + total, critical - choice.critical, steps - 1)


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
            if has_positive_cycle(members, [(s, t, float(choice.scores[c])) for s, t, choice in inner]):
                first = min(rising, key=lambda ch: (ch.choice.pos, ch.choice.index))
                loops.append(ScoreLoop(cs.stage_ids[first.source], first, competency))
    return loops
