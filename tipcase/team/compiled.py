"""A team case compiled for play and analysis: each track a ``CompiledScenario``, plus the team's own wiring.

What the team adds to one player's rules is here, once, so the joint analysis and the session player
step identically: which hand-over a stage waits for, what a choice sends, what a delivery carries and
how taking it changes the receiver (``receive``), and which injects fire for a role in a state
(``fire_injects``). Rules (docs/team-exercises.md, "Clocks" and "Injects"):

- a sent delivery carries the sender's variables named in ``carries`` after the choice's set, add and
  hours, and the sender's clock then;
- taking a delivery sets the carried variables, and the receiver's clock becomes
  max(its own clock, the clock the delivery was sent at) (Lamport's clock rule);
- after every move of a role (its start, a choice, a delivery taken, an inject fired by hand), its
  scripted injects fire in file order: an ``at`` inject once its own clock reaches ``hours``, a ``when``
  inject once the condition over its own variables holds; each at most once; their effects may make
  another fire (repeated until none does).
"""

from __future__ import annotations

import dataclasses
import functools

from tipcase.format import conditions
from tipcase.play.compiled_scenario import CompiledScenario, Values, compile_scenario
from tipcase.team.model import Handover, Inject, TeamCase, Track

CLOCK_EPSILON = 1e-9  # clocks are sums of decimal hours: 0.1 + 0.2 reaches 0.3


@dataclasses.dataclass(slots=True, eq=False)
class CompiledInject:
    """An inject compiled for a role: when it fires (at a clock, on a condition, or by the trainer's hand) and what it sets.

    ``bit`` is its place in the role's mask of fired injects.
    """

    inject: Inject
    bit: int  # place among the role's injects: bit ``1 << bit`` of the role's fired mask
    at_hours: float | None
    condition: conditions.Evaluator | None
    assign: tuple[tuple[int, int | bool], ...]
    increment: tuple[tuple[int, int], ...]

    @property
    def scripted(self) -> bool:
        """Whether the inject fires by itself (at a clock or on a condition) rather than by the trainer's hand."""
        return self.inject.scripted


@dataclasses.dataclass(slots=True, eq=False)
class CompiledHandover:
    """A hand-over compiled.

    Sending and receiving roles (indexes), the variable slots it carries from sender to receiver, and the
    condition that makes it complete, read over the sender's values and clock at sending.
    """

    handover: Handover
    index: int
    sender: int  # role index
    receiver: int
    sender_slots: tuple[int, ...]
    receiver_slots: tuple[int, ...]
    complete: conditions.Evaluator | None  # over the sender's values and clock at sending

    def carried(self, values: Values) -> Values:
        """The values the hand-over carries, taken from the sender's ``values`` (in ``sender_slots`` order)."""
        return tuple(values[slot] for slot in self.sender_slots)


@dataclasses.dataclass(slots=True, eq=False)
class CompiledRole:
    """A role compiled: its track's compiled scenario, the hand-over each stage waits for, what each choice sends, its injects."""

    track: Track
    index: int
    cs: CompiledScenario
    waits: list[int]  # per stage index: the hand-over index it waits for, or -1
    sends: dict[tuple[int, int], tuple[int, ...]]  # (stage index, choice's file index) -> hand-over indexes
    injects: list[CompiledInject]

    @property
    def id(self) -> str:
        """The role's id in the team case."""
        return self.track.id


@dataclasses.dataclass(slots=True, eq=False)
class CompiledTeam:
    """A team case compiled for play and the joint analysis: its roles and hand-overs by index, and which clocks the joint state keeps."""

    team: TeamCase
    roles: list[CompiledRole]
    role_index: dict[str, int]
    handovers: list[CompiledHandover]
    handover_index: dict[str, int]
    keep_clock: list[bool]  # per role: whether its clock belongs to the joint state
    clock_cap: float | None  # clocks above it are equivalent (no condition reads hours); None: exact

    def role(self, role_id: str) -> CompiledRole:
        """The compiled role ``role_id``; KeyError when the team case has none."""
        return self.roles[self.role_index[role_id]]


def _compiled_condition(source: str | None, variables: dict[str, int | bool], slots: dict[str, int]) -> conditions.Evaluator | None:
    """A condition compiled over these variables, or None when absent or invalid (the validator reports it)."""
    if source is None:
        return None
    try:
        expr = conditions.parse(source)
        conditions.check(expr, variables)
    except conditions.ConditionError:
        return None
    return conditions.compile_expr(expr, slots)


def _reads_clock(source: str | None, variables: dict[str, int | bool]) -> bool:
    if source is None:
        return False
    try:
        return conditions.reads_clock(conditions.parse(source), variables)
    except conditions.ConditionError:
        return False


def compile_team(team: TeamCase) -> CompiledTeam:
    """Compile every track and the team's wiring. Unknown names (validator errors) are left out."""
    role_index = {role_id: i for i, role_id in enumerate(team.roles)}
    tracks = list(team.roles.values())
    compiled = [compile_scenario(track.scenario) for track in tracks]
    handovers: list[CompiledHandover] = []
    handover_index: dict[str, int] = {}
    for handover in team.handovers.values():
        if handover.sender not in role_index or handover.receiver not in role_index:
            continue
        sender, receiver = compiled[role_index[handover.sender]], compiled[role_index[handover.receiver]]
        pairs = [(sender.slots[n], receiver.slots[n]) for n in handover.carries if n in sender.slots and n in receiver.slots]
        carried_variables = {n: sender.scenario.variables[n] for n in handover.carries if n in sender.slots}
        if handover.complete_when is not None and not _condition_names_ok(handover.complete_when, carried_variables):
            complete = None
        else:
            complete = _compiled_condition(handover.complete_when, carried_variables, sender.slots)
        handover_index[handover.id] = len(handovers)
        handovers.append(
            CompiledHandover(
                handover,
                len(handovers),
                role_index[handover.sender],
                role_index[handover.receiver],
                tuple(s for s, _ in pairs),
                tuple(r for _, r in pairs),
                complete,
            )
        )
    roles = []
    for index, (track, cs) in enumerate(zip(tracks, compiled, strict=True)):
        waits = [-1] * len(cs.stage_ids)
        for stage_id, handover_id in track.waits.items():
            found = handover_index.get(handover_id)
            if stage_id in cs.stage_index and found is not None and handovers[found].receiver == index:
                waits[cs.stage_index[stage_id]] = found
        sends: dict[tuple[int, int], tuple[int, ...]] = {}
        for (stage_id, choice_index), names in track.sends.items():
            ids = tuple(handover_index[n] for n in names if n in handover_index and handovers[handover_index[n]].sender == index)
            if ids and stage_id in cs.stage_index:
                sends[(cs.stage_index[stage_id], choice_index)] = ids
        injects = []
        for bit, inject in enumerate(team.injects_for(track.id)):
            variables = track.scenario.variables
            injects.append(
                CompiledInject(
                    inject,
                    bit,
                    inject.at_hours,
                    _compiled_condition(inject.when, variables, cs.slots),
                    tuple((cs.slots[k], v) for k, v in inject.set.items() if k in cs.slots),
                    tuple((cs.slots[k], v) for k, v in inject.add.items() if k in cs.slots and not isinstance(variables[k], bool)),
                )
            )
        roles.append(CompiledRole(track, index, cs, waits, sends, injects))
    keep_clock, clock_cap = _clocks(team, roles, handovers)
    return CompiledTeam(team, roles, role_index, handovers, handover_index, keep_clock, clock_cap)


def _condition_names_ok(source: str, variables: dict[str, int | bool]) -> bool:
    try:
        conditions.check(conditions.parse(source), variables)
    except conditions.ConditionError:
        return False
    return True


def _clocks(team: TeamCase, roles: list[CompiledRole], handovers: list[CompiledHandover]) -> tuple[list[bool], float | None]:
    """Which roles' clocks the joint state keeps, and the cap above which clock values are alike.

    A clock matters when a condition reads ``hours`` (a choice's or an inject's ``when``, a hand-over's
    ``complete_when``) or a timed inject waits for it, and then also in every role whose deliveries reach
    such a role (Lamport's rule carries it over). When no condition reads ``hours``, only the timed
    injects' thresholds do, so clocks are kept up to the largest threshold (the state space stays finite).
    """
    reads = [
        role.cs.clock_in_state or any(_reads_clock(i.inject.when, role.track.scenario.variables) for i in role.injects) for role in roles
    ]
    for handover in handovers:
        if _reads_clock(handover.handover.complete_when, roles[handover.sender].track.scenario.variables):
            reads[handover.sender] = True
    timed = [any(i.at_hours is not None and i.scripted for i in role.injects) for role in roles]
    keep = [r or t for r, t in zip(reads, timed, strict=True)]
    changed = True
    while changed:
        changed = False
        for handover in handovers:
            if keep[handover.receiver] and not keep[handover.sender]:
                keep[handover.sender] = changed = True
    if any(reads):
        return keep, None
    thresholds = [i.at_hours for role in roles for i in role.injects if i.at_hours is not None and i.scripted]
    return keep, max(thresholds, default=0.0)


def fire_injects(role: CompiledRole, values: Values, clock: float, fired: int) -> tuple[Values, int, list[CompiledInject]]:
    """The scripted injects that fire for a role in this state, in file order, and the state after them.

    Returns (values, fired mask, the injects that fired now). Each fires at most once (its bit in
    ``fired``); effects apply in the order ``set``, then ``add``; the scan repeats until nothing fires.
    """
    now: list[CompiledInject] = []
    again = True
    while again:
        again = False
        for inject in role.injects:
            if fired >> inject.bit & 1 or not inject.scripted:
                continue
            if inject.at_hours is not None:
                due = clock + CLOCK_EPSILON >= inject.at_hours
            else:
                due = inject.condition is not None and bool(inject.condition(values, clock))
            if due:
                values = apply_inject(inject, values)
                fired |= 1 << inject.bit
                now.append(inject)
                again = True
    return values, fired, now


def apply_inject(inject: CompiledInject, values: Values) -> Values:
    """A role's variables after an inject's ``set``, then ``add``."""
    if not inject.assign and not inject.increment:
        return values
    changed = list(values)
    for slot, value in inject.assign:
        changed[slot] = value
    for slot, delta in inject.increment:
        changed[slot] = changed[slot] + delta
    return tuple(changed)


def receive(handover: CompiledHandover, values: Values, clock: float, carried: Values, sent_clock: float) -> tuple[Values, float]:
    """The receiver's variables and clock after taking a delivery (carried values set; Lamport's max)."""
    if handover.receiver_slots:
        changed = list(values)
        for slot, value in zip(handover.receiver_slots, carried, strict=True):
            changed[slot] = value
        values = tuple(changed)
    return values, max(clock, sent_clock)


def is_complete(handover: CompiledHandover, values: Values, clock: float) -> bool:
    """Whether a delivery sent from these sender values is complete (no ``complete_when``: always)."""
    return handover.complete is None or bool(handover.complete(values, clock))


@functools.lru_cache(maxsize=16)
def cached_compile(team: TeamCase) -> CompiledTeam:
    """``compile_team``, kept for the few team cases a process plays (keyed by the model object)."""
    return compile_team(team)
