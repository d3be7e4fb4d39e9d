"""The joint analysis of a team case: deadlocks, dead ends, score loops, each role's maxima, the best joint route.

Over the joint states (``tipcase.team.joint_space``):

- a state where no role can move and not every role has ended is a **deadlock** when every role not at
  an end waits for a hand-over (E014), a **dead end** of a role that is offered no choice otherwise (E007);
- a state from which neither an end of the team nor such a state can be reached traps a role in a loop
  (E007 at the stage it loops through);
- a cycle along which some role's points in some competency rise is a **score loop** (E008);
- over the states from which every role can reach an end, longest paths give each role's ``max[c]``
  and ``max_total``, the team's ``max[c]`` (summed over roles) and ``max_total``, and the best joint route
  (highest team total; then fewest critical choices, fewest steps, earliest choices in file order), as
  the scenario format computes them for one player (docs/scenario-format.md, "Scoring").
"""

from __future__ import annotations

import dataclasses
from collections import deque

from tipcase.play.compiled_scenario import CompiledChoice, Values
from tipcase.play.state_space import strongly_connected
from tipcase.team.compiled import CompiledTeam
from tipcase.team.joint_space import MAX_JOINT_STATES, Joint, JointSpace, Move, explore, is_final

NEG = float("-inf")


@dataclasses.dataclass(frozen=True, slots=True)
class Blocked:
    """A role that can never move again in a reachable state: waiting for ``handover``, or offered nothing."""

    role: str
    stage: str
    handover: str | None
    values: Values
    others: tuple[str, ...]  # where the other roles stand, in words


@dataclasses.dataclass(frozen=True, slots=True)
class TeamScoreLoop:
    """A cycle in one role's track along which ``competency``'s points can keep rising (E008 in a team case)."""

    role: str
    stage: str
    choice: CompiledChoice
    competency: str


@dataclasses.dataclass(slots=True)
class RoleAnalysis:
    """One role's part of the joint analysis, in the shape ``tipcase analyze`` gives a scenario."""

    role: str
    stages: int
    ends: int
    reachable_stages: set[str]
    max: dict[str, float]
    max_total: float
    best_route: list[str]
    best_choices: list[int]

    def assessed(self) -> dict[str, float]:
        """Competency id -> the most points this role can earn, for the competencies it can earn any in."""
        return {c: m for c, m in self.max.items() if m > 0}


@dataclasses.dataclass(slots=True)
class JointAnalysis:
    """The joint analysis of a team case.

    States explored (and whether the bound stopped it), deadlocks, dead ends, loops, score loops, each role's and
    the team's maxima, and the team's best joint route.
    """

    states: int
    overflow: bool
    queue_overflow: tuple[str, str] | None  # (hand-over, sending role)
    roles: dict[str, RoleAnalysis]
    deadlocks: list[Blocked]
    dead_ends: list[Blocked]
    loops: list[Blocked]
    score_loops: list[TeamScoreLoop]
    max: dict[str, float]
    max_total: float
    best_moves: list[Move]
    has_route: bool
    budget: int = MAX_JOINT_STATES  # the most states the exploration could hold (``joint_space.state_budget``)
    inject_overflow: bool = False  # stopped by ``joint_space.MAX_INJECT_CHECKS`` rather than by the states

    def best_choices_by_role(self) -> dict[str, list[int]]:
        """Role id -> the offered-choice numbers of its best route (``tipcase analyze TEAMFILE --json``)."""
        return {role: analysis.best_choices for role, analysis in self.roles.items()}

    def assessed(self) -> dict[str, float]:
        """Competency id -> the team's maximum, for the competencies the team can earn any points in."""
        return {c: m for c, m in self.max.items() if m > 0}


def _describe(ct: CompiledTeam, state: Joint, skip: int) -> tuple[str, ...]:
    words = []
    for r, (role, (stage, _, _, _, waiting)) in enumerate(zip(ct.roles, state[0], strict=True)):
        if r == skip:
            continue
        stage_id = role.cs.stage_ids[stage]
        if role.cs.ends[stage]:
            words.append(f"'{role.id}' has ended at '{stage_id}'")
        elif waiting:
            words.append(f"'{role.id}' waits at '{stage_id}' for '{ct.handovers[role.waits[stage]].handover.id}'")
        else:
            words.append(f"'{role.id}' is at '{stage_id}'")
    return tuple(words)


def analyze_team(ct: CompiledTeam, budget: int | None = None) -> JointAnalysis:
    """Explore the joint states and compute everything validation and team scoring need.

    ``budget``: the most joint states (``--max-states``); None: the case's own ``analysis: {max_states: N}``, else
    ``MAX_JOINT_STATES`` (``joint_space.state_budget``, which holds either to its bound of values).
    """
    space = explore(ct, budget)
    roles = {
        role.id: RoleAnalysis(role.id, len(role.cs.stage_ids), sum(role.cs.ends), set(), {}, 0.0, [role.cs.scenario.start], [])
        for role in ct.roles
    }
    for state in space.states:
        for role, local in zip(ct.roles, state[0], strict=True):
            roles[role.id].reachable_stages.add(role.cs.stage_ids[local[0]])
    queue_overflow = None
    if space.queue_overflow is not None:
        handover, _, sender = space.queue_overflow
        queue_overflow = (ct.handovers[handover].handover.id, ct.roles[sender].id)
    analysis = JointAnalysis(
        len(space), space.overflow, queue_overflow, roles, [], [], [], [], {}, 0.0, [], False, space.budget, space.inject_overflow
    )
    if space.overflow or space.queue_overflow is not None:
        return analysis
    final = [is_final(ct, state) for state in space.states]
    terminal = [not row for row in space.edges]
    _blocked(ct, space, final, terminal, analysis)
    live = _reaching(space, final)
    components = strongly_connected(len(space), [[t for t, _ in row if live[t]] if live[s] else [] for s, row in enumerate(space.edges)])
    analysis.score_loops = _score_loops(ct, space, live, components)
    if analysis.score_loops or not live[0]:
        return analysis
    _maxima(ct, space, live, components, analysis)
    return analysis


def _reaching(space: JointSpace, goal: list[bool]) -> list[bool]:
    """States from which some goal state can be reached."""
    reverse: list[list[int]] = [[] for _ in range(len(space))]
    for source, row in enumerate(space.edges):
        for target, _ in row:
            reverse[target].append(source)
    reached = list(goal)
    queue = deque(s for s, g in enumerate(goal) if g)
    while queue:
        for source in reverse[queue.popleft()]:
            if not reached[source]:
                reached[source] = True
                queue.append(source)
    return reached


def _blocked(ct: CompiledTeam, space: JointSpace, final: list[bool], terminal: list[bool], analysis: JointAnalysis) -> None:
    """Deadlocks and dead ends (states where no role can move), then roles trapped in loops; each (role, stage) once."""
    seen: set[tuple[str, str, str]] = set()

    def note(kind: str, into: list[Blocked], state: Joint, r: int, handover: str | None) -> None:
        role = ct.roles[r]
        stage, values = state[0][r][0], state[0][r][1]
        key = (kind, role.id, role.cs.stage_ids[stage])
        if key not in seen:
            seen.add(key)
            into.append(Blocked(role.id, role.cs.stage_ids[stage], handover, values, _describe(ct, state, r)))

    for s, state in enumerate(space.states):
        if not terminal[s] or final[s]:
            continue
        stuck = [r for r, (role, local) in enumerate(zip(ct.roles, state[0], strict=True)) if not role.cs.ends[local[0]] and not local[4]]
        for r in stuck:
            note("dead end", analysis.dead_ends, state, r, None)
        if not stuck:
            for r, (role, local) in enumerate(zip(ct.roles, state[0], strict=True)):
                if local[4]:
                    note("deadlock", analysis.deadlocks, state, r, ct.handovers[role.waits[local[0]]].handover.id)
    settles = _reaching(space, [f or t for f, t in zip(final, terminal, strict=True)])
    for s, row in enumerate(space.edges):
        if not settles[s]:
            for _, move in row:
                note("loop", analysis.loops, space.states[s], move.role, None)


def _score_loops(ct: CompiledTeam, space: JointSpace, live: list[bool], components: list[list[int]]) -> list[TeamScoreLoop]:
    """Cycles among live states along which some role's points in some competency sum to more than zero."""
    component_of = [0] * len(space)
    for number, members in enumerate(components):
        for member in members:
            component_of[member] = number
    loops: list[TeamScoreLoop] = []
    for number, members in enumerate(components):
        if not live[members[0]]:
            continue
        inner = [(s, t, m) for s in members for t, m in space.edges[s] if live[t] and component_of[t] == number]
        if not any(m.choice is not None for _, _, m in inner):
            continue
        for r, role in enumerate(ct.roles):
            for c, competency in enumerate(role.cs.competencies):
                rising = [m.choice for _, _, m in inner if m.role == r and m.choice is not None and m.choice.scores[c] > 0]
                if not rising:
                    continue
                weights = [(s, t, float(m.choice.scores[c]) if m.role == r and m.choice is not None else 0.0) for s, t, m in inner]
                if _has_positive_cycle(members, weights):
                    first = min(rising, key=lambda ch: (ch.choice.pos, ch.choice.index))
                    loops.append(TeamScoreLoop(role.id, role.cs.stage_ids[first.source], first, competency))
    return loops


def _has_positive_cycle(members: list[int], inner: list[tuple[int, int, float]]) -> bool:
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


def _maxima(ct: CompiledTeam, space: JointSpace, live: list[bool], components: list[list[int]], analysis: JointAnalysis) -> None:
    """Longest paths to a team end: per (role, competency), per role's weighted total, per team competency."""
    role_count = len(ct.roles)
    competencies = ct.roles[0].cs.competencies
    k = len(competencies)
    width = role_count * k + role_count + k  # [role r, competency c] | [role r total] | [team competency c]
    count = len(space)
    best: list[list[float] | None] = [None] * count
    best_key: list[tuple[float, int, int]] = [(NEG, 0, 0)] * count
    best_edge = [-1] * count
    gain_of: dict[tuple[int, int], list[float]] = {}

    def gains(move: Move) -> list[float]:
        """What a choice adds to each of the dimensions (computed once per role and choice)."""
        assert move.choice is not None
        key = (move.role, id(move.choice))
        found = gain_of.get(key)
        if found is None:
            found = [0.0] * width
            for i, points in enumerate(move.choice.scores):
                found[move.role * k + i] = points
                found[role_count * k + role_count + i] = points
            found[role_count * k + move.role] = move.choice.weighted
            gain_of[key] = found
        return found

    for members in components:
        if not live[members[0]]:
            continue
        for state in members:
            if not space.edges[state] and is_final(ct, space.states[state]):
                best[state] = [0.0] * width
                best_key[state] = (0.0, 0, 0)
            elif best[state] is None:
                best[state] = [NEG] * width
        cyclic = len(members) > 1 or any(t == members[0] for t, _ in space.edges[members[0]])
        for _ in range(len(members) + 1 if cyclic else 1):
            changed = False
            for state in members:
                current = best[state]
                assert current is not None
                current_key = best_key[state]
                for position, (target, move) in enumerate(space.edges[state]):
                    target_best = best[target]
                    if not live[target] or target_best is None:
                        continue
                    choice = move.choice
                    candidate = target_best if choice is None else [t + g for t, g in zip(target_best, gains(move), strict=True)]
                    if any(new > old for new, old in zip(candidate, current, strict=True)):
                        current[:] = [max(new, old) for new, old in zip(candidate, current, strict=True)]
                        changed = True
                    t_total, t_critical, t_steps = best_key[target]
                    weighted = choice.weighted if choice is not None else 0.0
                    critical = int(choice.critical) if choice is not None else 0
                    key = (weighted + t_total, t_critical - critical, t_steps - (choice is not None))
                    if key > current_key:
                        current_key = key
                        best_edge[state] = position
                        changed = True
                best_key[state] = current_key
            if not changed:
                break
    top = best[0]
    assert top is not None
    for r, role in enumerate(ct.roles):
        result = analysis.roles[role.id]
        result.max = {c: top[r * k + i] for i, c in enumerate(competencies)}
        result.max_total = top[role_count * k + r]
    analysis.max = {c: top[role_count * k + role_count + i] for i, c in enumerate(competencies)}
    analysis.max_total = best_key[0][0]
    state = 0
    while best_edge[state] != -1 and len(analysis.best_moves) <= len(space):  # a best route never repeats a state
        target, move = space.edges[state][best_edge[state]]
        analysis.best_moves.append(move)
        if move.choice is not None:
            role = ct.roles[move.role]
            result = analysis.roles[role.id]
            result.best_choices.append(move.number)
            result.best_route.append(role.cs.stage_ids[move.choice.target])
        state = target
    analysis.has_route = True
