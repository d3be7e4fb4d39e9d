"""The joint states of a team case: every role's position plus the deliveries queued between them.

A joint state is, per role, ``(stage, variables, clock, injects fired, waiting)`` and, per hand-over,
the queue of deliveries sent and not yet taken (each: the carried values and the clock it was sent at).
A role at an end keeps only its stage (nothing it holds can change anything any more), and deliveries
to it are dropped.
A role moves by taking a choice offered to it or, standing at a stage that waits, by taking the
delivery at the head of that hand-over's queue.

**Why one role at a time is enough.** Roles touch one another only through the hand-over queues: a
choice appends to queues, and each queue has one receiver that alone takes from it. So moves of two
roles commute and never disable each other, and the set "every move of the first role (in file order)
that can move" is a persistent set (Godefroid, *Partial-Order Methods for the Verification of
Concurrent Systems*, LNCS 1032, 1996, ch. 4). Exploring only those moves reaches every state where no
role can move (finished, or deadlocked) and, for every combination of per-role routes the team can
take, a path that takes exactly those routes: the maxima, the best joint route and the deadlocks are
the full interleaving space's, over far fewer states (the scheduling never changes a result: the
determinism principle of docs/team-exercises.md).

Bounds: at most ``MAX_JOINT_STATES`` states, or the case's own ``analysis: {max_states: N}`` (1 to
2,000,000, as a scenario's: docs/scenario-format.md), or ``tipcase validate/analyze --max-states N``;
fewer for a team so wide that they would hold more than ``MAX_JOINT_CELLS`` values, whatever the budget
asked (``state_budget``: a state holds a place per role and a queue per hand-over, and the maxima keep a
row per state of each role's points in each competency), so memory stays under about 850 MB; reported as E011; and
``MAX_QUEUE`` deliveries waiting in one hand-over's queue (E015). So a runaway counter, a role that sends
for ever, or a file of a thousand roles whose choices multiply (224 KB that took 51 s and 1.6 GB, 674 KB
that ran for minutes: findings/break-17.md) is reported within bounded time and memory, not explored.
"""

from __future__ import annotations

import dataclasses
from collections import deque

from tipcase.play.compiled_scenario import CompiledChoice, Values
from tipcase.team.compiled import CompiledRole, CompiledTeam, fire_injects, receive

MAX_JOINT_STATES = 200_000
MAX_JOINT_CELLS = 32_000_000  # values held for all the states together (about 26 bytes each: some 850 MB at most)
MAX_QUEUE = 8
# Inject conditions checked in all (some seconds). A cascade of n injects, each firing the one before it in the
# file, costs n passes of n checks at every move that starts it: 3,000 such injects took 7 s, 20,000 minutes.
MAX_INJECT_CHECKS = 10_000_000

Local = tuple[int, Values, float, int, bool]  # stage index, variables, clock, fired injects (bits), waiting
Delivery = tuple[Values, float]  # carried values, clock when sent
Joint = tuple[tuple[Local, ...], tuple[tuple[Delivery, ...], ...]]


@dataclasses.dataclass(frozen=True, slots=True)
class Move:
    """One role's step: a choice (``number`` among those offered) or taking a delivery (``choice`` None)."""

    role: int
    choice: CompiledChoice | None
    number: int
    handover: int = -1  # the hand-over whose delivery was taken


@dataclasses.dataclass(slots=True)
class JointSpace:
    """The joint states found so far and the moves between them (edges by state index), with the bounds that stopped it."""

    states: list[Joint] = dataclasses.field(default_factory=list)
    edges: list[list[tuple[int, Move]]] = dataclasses.field(default_factory=list)
    overflow: bool = False
    budget: int = MAX_JOINT_STATES  # the most states it could explore (``state_budget``)
    inject_overflow: bool = False  # stopped because the injects' conditions were checked more than MAX_INJECT_CHECKS times
    queue_overflow: tuple[int, int, int] | None = None  # (hand-over, state, role that sent it) past MAX_QUEUE

    def __len__(self) -> int:
        return len(self.states)


def _stored(ct: CompiledTeam, role: int, clock: float) -> float:
    """The clock as the joint state keeps it (0 when it matters nowhere; capped when only thresholds matter)."""
    if not ct.keep_clock[role]:
        return 0.0
    return clock if ct.clock_cap is None else min(clock, ct.clock_cap)


def initial_state(ct: CompiledTeam) -> Joint:
    """Every role at its start (its injects due at clock 0 fired), every queue empty."""
    locals_: list[Local] = []
    for role in ct.roles:
        cs = role.cs
        stage = cs.stage_index[cs.scenario.start]
        if cs.ends[stage]:
            locals_.append((stage, (), 0.0, 0, False))
            continue
        values, fired, _ = fire_injects(role, cs.initial, 0.0, 0)
        locals_.append((stage, values, 0.0, fired, role.waits[stage] >= 0))
    return tuple(locals_), tuple(() for _ in ct.handovers)


def _fire(role: CompiledRole, values: Values, clock: float, fired: int, spent: list[int] | None) -> tuple[Values, int]:
    """``fire_injects``' values and fired mask, adding to ``spent[0]`` how many conditions it checked at most.

    Each pass of ``fire_injects`` checks the role's injects once and there is one pass more than injects fired.
    """
    values, fired, now = fire_injects(role, values, clock, fired)
    if spent is not None:
        spent[0] += len(role.injects) * (len(now) + 1)
    return values, fired


def role_moves(ct: CompiledTeam, state: Joint, r: int, spent: list[int] | None = None) -> list[tuple[Move, Joint]] | int:
    """Role ``r``'s moves from ``state`` and the states they lead to.

    Returns an int instead (a hand-over index) when a send would queue more than ``MAX_QUEUE``
    deliveries of that hand-over. ``spent``: a counter of the inject conditions checked (``_fire``).
    """
    locals_, queues = state
    stage, values, clock, fired, waiting = locals_[r]
    role = ct.roles[r]
    cs = role.cs
    if cs.ends[stage]:
        return []
    if waiting:
        h = role.waits[stage]
        queue = queues[h]
        if not queue:
            return []
        (carried, sent_clock), rest = queue[0], queue[1:]
        new_values, new_clock = receive(ct.handovers[h], values, clock, carried, sent_clock)
        new_values, new_fired = _fire(role, new_values, new_clock, fired, spent)
        taken: Local = (stage, new_values, _stored(ct, r, new_clock), new_fired, False)
        return [(Move(r, None, 0, h), (_replace(locals_, r, taken), _replace(queues, h, rest)))]
    moves: list[tuple[Move, Joint]] = []
    for number, choice in enumerate(cs.offered(stage, values, clock), 1):
        new_values, new_clock = cs.apply(choice, values, clock)
        new_clock = _stored(ct, r, new_clock)
        new_queues = queues
        for h in role.sends.get((stage, choice.choice.index), ()):
            receiver = ct.handovers[h].receiver
            if ct.roles[receiver].cs.ends[locals_[receiver][0]]:
                continue  # an ended role never takes it: it changes nothing
            queue = new_queues[h]
            if len(queue) >= MAX_QUEUE:
                return h
            new_queues = _replace(new_queues, h, (*queue, (ct.handovers[h].carried(new_values), new_clock)))
        target = choice.target
        if cs.ends[target]:
            local: Local = (target, (), 0.0, 0, False)  # an ended role's state can change nothing any more
            new_queues = tuple(() if ct.handovers[h].receiver == r else q for h, q in enumerate(new_queues))
        else:
            new_values, new_fired = _fire(role, new_values, new_clock, fired, spent)
            local = (target, new_values, new_clock, new_fired, role.waits[target] >= 0)
        moves.append((Move(r, choice, number), (_replace(locals_, r, local), new_queues)))
    return moves


def _replace(items: tuple, index: int, value: object) -> tuple:  # type: ignore[type-arg]
    return (*items[:index], value, *items[index + 1 :])


def state_cells(ct: CompiledTeam) -> int:
    """The values one joint state costs the analysis.

    Per role its place and a row of maxima (each competency and its total), per hand-over a queue.
    """
    competencies = len(ct.roles[0].cs.competencies) if ct.roles else 0
    return len(ct.roles) * (competencies + 2) + len(ct.handovers) + competencies


def asked_budget(ct: CompiledTeam, override: int | None = None) -> int:
    """The joint states the analysis is asked to explore (before ``state_budget``'s bound of values).

    ``override`` (``--max-states``), else the case's own ``analysis: {max_states: N}`` (``TeamCase.max_states``),
    else ``MAX_JOINT_STATES``.
    """
    if override is not None:
        return override
    return ct.team.max_states if ct.team.max_states is not None else MAX_JOINT_STATES


def state_budget(ct: CompiledTeam, override: int | None = None) -> int:
    """The most joint states explored: ``asked_budget``, or fewer so that they hold at most ``MAX_JOINT_CELLS`` values.

    The values bound holds whatever was asked, so the analysis's memory stays under about 850 MB (26 bytes a value).
    """
    return max(1, min(asked_budget(ct, override), MAX_JOINT_CELLS // max(1, state_cells(ct))))


def explore(ct: CompiledTeam, limit: int | None = None) -> JointSpace:
    """Breadth-first search of the joint states, moving the first role that can move (see the module's docstring).

    ``limit``: the most states asked (default: the case's own budget, see ``asked_budget``), held to ``state_budget``'s
    bound of values; past it the space is returned with ``overflow`` set.
    """
    limit = state_budget(ct, limit)
    space = JointSpace(budget=limit)
    start = initial_state(ct)
    index = {start: 0}
    space.states.append(start)
    queue = deque([0])
    roles = range(len(ct.roles))
    spent = [0]
    while queue:
        current = queue.popleft()
        state = space.states[current]
        row: list[tuple[int, Move]] = []
        moves: list[tuple[Move, Joint]] = []
        for r in roles:
            found = role_moves(ct, state, r, spent)
            if isinstance(found, int):
                space.queue_overflow = (found, current, r)
                space.edges.append(row)
                return space
            if found:
                moves = found
                break
        if spent[0] > MAX_INJECT_CHECKS:
            space.overflow = space.inject_overflow = True
            space.edges.append(row)
            return space
        for move, target_state in moves:
            target = index.get(target_state)
            if target is None:
                if len(space.states) >= limit:
                    space.overflow = True
                    space.edges.append(row)
                    return space
                target = len(space.states)
                index[target_state] = target
                space.states.append(target_state)
                queue.append(target)
            row.append((target, move))
        space.edges.append(row)
    return space


def is_final(ct: CompiledTeam, state: Joint) -> bool:
    """Every role stands at an end stage."""
    return all(role.cs.ends[local[0]] for role, local in zip(ct.roles, state[0], strict=True))
