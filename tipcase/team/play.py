"""Playing a team case: every role's play, the hand-over queues, the injects, and what happened, in order.

``TeamPlay`` is deterministic: each role's route depends only on its own choices, the deliveries it
took (in the order its sender sent them) and the injects fired for it, never on which role was faster
(docs/team-exercises.md, "The determinism principle"). A session is replayed from its stored causes
(decisions, injects fired by hand, messages) with ``apply``; everything else (deliveries, deliveries
taken, scripted injects) follows and comes out as ``TeamEvent`` values, which the records store too.

Each role plays its track with the single-player ``Play`` (no pathway: the pathway's rules are the
team's, judged on the merged trail by ``tipcase.team.result``).
"""

from __future__ import annotations

import dataclasses
from collections import deque
from typing import Any

from tipcase.format.model import Pathway
from tipcase.messages import QT_TRANSLATE_NOOP, Names
from tipcase.play.compiled_scenario import CompiledChoice
from tipcase.play.engine import Play, PlayError
from tipcase.play.pathway_rules import TrailStep
from tipcase.play.scoring import number
from tipcase.team.compiled import (
    CompiledInject,
    CompiledRole,
    CompiledTeam,
    apply_inject,
    cached_compile,
    fire_injects,
    is_complete,
    receive,
)
from tipcase.team.model import TeamCase
from tipcase.team.names import handover_names, inject_names, role_names, roles_names, stage_names

DECISION, DELIVERED, CONSUMED, INJECT, MESSAGE = "decision", "delivered", "consumed", "inject", "message"


@dataclasses.dataclass(frozen=True, slots=True)
class TeamEvent:
    """Something that happened in a session: its kind, the role it concerns, and what the records keep of it."""

    kind: str
    role: str | None
    details: dict[str, Any]


@dataclasses.dataclass(slots=True)
class Delivery:
    """One sending of a hand-over: ``number`` counts this hand-over's deliveries from 1."""

    handover: str
    number: int
    sender: str
    receiver: str
    carried: tuple[int | bool, ...]
    clock: float
    complete: bool
    taken: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class InboxItem:
    """What reached a role: a delivery it took, an inject, or a trainer's message; ``clock`` is the role's then."""

    kind: str  # "handover" | "inject" | "message"
    ident: str  # hand-over id, inject id, or "" for a message
    clock: float
    text: str = ""  # a message's text
    number: int = 0  # a delivery's number
    carried: tuple[tuple[str, int | bool], ...] = ()  # a delivery's carried values (name, value): what the sender recorded
    after: int = 0  # the decisions the role had made when it arrived (what came since its last decision: those equal to its count)


class RolePlay:
    """One role's state in the session: its single-player play plus what the team adds."""

    def __init__(self, compiled: CompiledRole, language: str | None) -> None:
        self.compiled = compiled
        self.play = Play(compiled.track.scenario, None, compiled=compiled.cs, language=language)
        self.fired = 0
        self.waiting = False
        self.position = 0  # moves so far: decisions, deliveries taken, injects fired (a decision names the one it saw)
        self.inbox: list[InboxItem] = []
        self._wait_trail = -1  # the trail step of the waiting stage, dated again when the delivery is taken

    @property
    def id(self) -> str:
        """The role's id."""
        return self.compiled.id

    @property
    def finished(self) -> bool:
        """Whether the role's track has reached an end."""
        return self.play.finished

    @property
    def waits_for(self) -> str | None:
        """The hand-over this role waits for now, or None."""
        if not self.waiting:
            return None
        return self.compiled.track.waits.get(self.play.stage.id)

    def offered(self) -> list[CompiledChoice]:
        """The choices offered to the role now; none while it waits for a hand-over."""
        return [] if self.waiting else self.play.offered()

    def arrive(self) -> None:
        """Note whether the stage just reached waits for a hand-over, and where on the trail that wait began."""
        stage = self.play.stage_index
        self.waiting = self.compiled.waits[stage] >= 0 and not self.play.finished
        trail = self.play.trail
        self._wait_trail = len(trail) - 1 if self.waiting and trail and trail[-1].stage == self.play.stage.id else -1

    def redate_wait(self) -> None:
        """The waiting stage's step on the trail takes the clock at which the delivery was taken."""
        if self._wait_trail >= 0:
            step = self.play.trail[self._wait_trail]
            self.play.trail[self._wait_trail] = TrailStep(step.node, self.play.clock, step.stage, step.role)
            self._wait_trail = -1


class TeamPlay:
    """A session of a team case, from the start. Raises PlayError for a move that cannot be made."""

    def __init__(
        self, team: TeamCase, pathway: Pathway | None = None, *, compiled: CompiledTeam | None = None, language: str | None = None
    ) -> None:
        self.team = team
        self.pathway = pathway
        self.compiled = compiled or cached_compile(team)
        self.language = language or team.languages[0]
        self.roles = {role.id: RolePlay(role, self.language) for role in self.compiled.roles}
        self.queues: list[deque[Delivery]] = [deque() for _ in self.compiled.handovers]
        self.deliveries: list[Delivery] = []
        self.log: list[TeamEvent] = []
        for role in self.roles.values():
            role.arrive()
        for role in self.roles.values():
            self._fire_scripted(role)

    # -- reading ---------------------------------------------------------------------------------
    def role(self, role_id: str) -> RolePlay:
        """The play of role ``role_id``; PlayError naming the team case's roles when it has none."""
        try:
            return self.roles[role_id]
        except KeyError:
            raise PlayError(
                QT_TRANSLATE_NOOP("core", "no role {role_id!r} in team case '{team}' (roles: {roles})"),
                role_id=role_id,
                team=self.team.id,
                roles=", ".join(self.roles),
            ) from None

    @property
    def finished(self) -> bool:
        """Whether every role's track has reached an end."""
        return all(role.finished for role in self.roles.values())

    def can_move(self, role_id: str) -> bool:
        """Whether role ``role_id`` can decide now (not finished, not waiting); PlayError for no such role."""
        role = self.role(role_id)
        return not role.finished and not role.waiting

    def trail(self) -> list[TrailStep]:
        """Every role's pathway trail merged by clock (ties: the roles' order in the file, then their own order)."""
        steps = []
        for order, role in enumerate(self.roles.values()):
            for index, step in enumerate(role.play.trail):
                steps.append((step.clock, order, index, TrailStep(step.node, step.clock, step.stage, role.id)))
        return [step for *_, step in sorted(steps, key=lambda item: item[:3])]

    # -- moves -----------------------------------------------------------------------------------
    def choose(self, role_id: str, number: int) -> list[TeamEvent]:
        """Role ``role_id`` takes the ``number``-th offered choice (1-based); returns what followed, in order."""
        role = self.role(role_id)
        if role.waiting:
            raise PlayError(
                QT_TRANSLATE_NOOP("core", "{role} waits at the stage “{stage}” for the hand-over “{handover}”: no choice is offered yet"),
                role=role_names(self.team, role_id),
                stage=stage_names(self.team, role_id, role.play.stage.id),
                handover=handover_names(self.team, role.waits_for or ""),
            )
        start = len(self.log)
        stage_index = role.play.stage_index
        decision = role.play.choose(number)
        role.position += 1
        self.log.append(
            TeamEvent(
                DECISION,
                role_id,
                {"step": len(role.play.decisions), "stage": decision.stage, "number": number, "choice": decision.choice.index,
                 "clock": number_of(role.play.clock)},
            )
        )  # fmt: skip
        for h in role.compiled.sends.get((stage_index, decision.choice.index), ()):
            self._send(role, h)
        role.arrive()
        self._fire_scripted(role)
        self._settle()
        return self.log[start:]

    def fire(self, inject_id: str, to: list[str] | None = None) -> list[TeamEvent]:
        """Fire an inject by hand (a manual one, or a scripted one early) for the roles ``to``; returns what followed.

        ``to`` None means every role the inject goes to that it has not fired for yet (a trainer who fired it
        at one role first then fires it at the rest). Raises PlayError for an unknown inject, a role it is
        not for, a role it has already fired for, or (``to`` None) an inject that has fired for all its roles.
        """
        inject = self.team.inject(inject_id)
        if inject is None:
            raise PlayError(
                QT_TRANSLATE_NOOP("core", "no inject {inject_id!r} in team case '{team}' (its injects: {injects})"),
                inject_id=inject_id,
                team=self.team.id,
                injects=_listed_injects(self.team),
            )
        if to is None:
            targets = [role_id for role_id in inject.to if not self.has_fired(role_id, inject_id)]
            if not targets:
                raise PlayError(
                    QT_TRANSLATE_NOOP("core", "the inject “{inject}” has already reached every role it goes to ({to})"),
                    inject=inject_names(inject),
                    to=roles_names(self.team, inject.to),
                )
        else:
            targets = list(dict.fromkeys(to))  # a role named twice gets it once: a second firing would not replay
        start = len(self.log)
        for role_id in targets:
            role = self.role(role_id)
            compiled = next((i for i in role.compiled.injects if i.inject.id == inject_id), None)
            if compiled is None:
                raise PlayError(
                    QT_TRANSLATE_NOOP("core", "the inject “{inject}” is not for {role} (it goes to {to})"),
                    inject=inject_names(inject),
                    role=role_names(self.team, role_id),
                    to=roles_names(self.team, inject.to),
                )
            if role.fired >> compiled.bit & 1:
                raise PlayError(
                    QT_TRANSLATE_NOOP("core", "the inject “{inject}” has already reached {role}"),
                    inject=inject_names(inject),
                    role=role_names(self.team, role_id),
                )
        for role_id in targets:
            role = self.roles[role_id]
            compiled = next(i for i in role.compiled.injects if i.inject.id == inject_id)
            self._apply_inject(role, compiled, by_hand=True)
            self._fire_scripted(role)
        return self.log[start:]

    def has_fired(self, role_id: str, inject_id: str) -> bool:
        """Whether inject ``inject_id`` has fired for role ``role_id`` (PlayError for an unknown role)."""
        role = self.role(role_id)
        compiled = next((i for i in role.compiled.injects if i.inject.id == inject_id), None)
        return compiled is not None and bool(role.fired >> compiled.bit & 1)

    def message(self, text: str, to: list[str] | None = None) -> list[TeamEvent]:
        """A trainer's ad-hoc message (no effects) to some roles, or all (``to`` None or empty, as its replay reads it).

        A role named twice gets it once.
        """
        targets = list(dict.fromkeys(to)) if to else list(self.roles)
        for role_id in targets:
            role = self.role(role_id)
            role.inbox.append(InboxItem("message", "", role.play.clock, text, after=len(role.play.decisions)))
        event = TeamEvent(MESSAGE, None, {"text": text, "to": list(targets)})
        self.log.append(event)
        return [event]

    def message_targets(self, to: list[str] | None = None) -> list[str]:
        """The roles a trainer's message sent now reaches: those of ``to`` (None or empty: every role) not at their end.

        A message is part of play, and a role at its end plays no more: one sent after it stood in the time line and the
        after-action report as if it came during play (walk G finding 20). Raises PlayError for a role the case does not
        have, or when every role the message goes to has reached its end (as an inject at such a role is refused).
        """
        named = list(dict.fromkeys(to)) if to else list(self.roles)
        live = [role_id for role_id in named if not self.role(role_id).finished]
        if not live:
            raise PlayError(
                QT_TRANSLATE_NOOP("core", "every role the message goes to has reached its end ({roles}): it would come after play"),
                roles=roles_names(self.team, named),
            )
        return live

    def apply(self, kind: str, role: str | None, details: dict[str, Any]) -> list[TeamEvent]:
        """Replay one stored cause (a decision, an inject fired by hand, a message); other kinds follow from these."""
        if kind == DECISION and role is not None:
            return self.choose(role, int(details["number"]))
        if kind == INJECT and details.get("by") == "trainer":
            if role is not None and self.has_fired(role, str(details["inject"])):
                return self._fire_again(role, str(details["inject"]))
            return self.fire(str(details["inject"]), [role] if role is not None else None)
        if kind == MESSAGE:
            return self.message(str(details["text"]), list(details.get("to") or []) or None)
        return []

    def _fire_again(self, role_id: str, inject_id: str) -> list[TeamEvent]:
        """Replay an inject fired by hand at a role it had reached: as it was played when ``fire`` took a role named twice.

        ``fire`` now fires once for a role named twice; a log stored before that holds the second firing,
        and replays as it was played (its effects twice) rather than failing every read of the session.
        """
        role = self.roles[role_id]
        start = len(self.log)
        self._apply_inject(role, next(i for i in role.compiled.injects if i.inject.id == inject_id), by_hand=True)
        self._fire_scripted(role)
        return self.log[start:]

    # -- what follows a move ---------------------------------------------------------------------
    def _send(self, role: RolePlay, h: int) -> None:
        compiled = self.compiled.handovers[h]
        handover = compiled.handover
        values, clock = role.play.values, role.play.clock
        delivery = Delivery(
            handover.id,
            sum(1 for d in self.deliveries if d.handover == handover.id) + 1,
            role.id,
            handover.receiver,
            compiled.carried(values),
            clock,
            is_complete(compiled, values, clock),
        )
        self.deliveries.append(delivery)
        self.queues[h].append(delivery)
        carried = dict(zip(handover.carries, delivery.carried, strict=False))
        self.log.append(
            TeamEvent(
                DELIVERED,
                handover.receiver,
                {"handover": handover.id, "number": delivery.number, "from": role.id, "carried": carried,
                 "clock": number_of(clock), "complete": delivery.complete},
            )
        )  # fmt: skip

    def _settle(self) -> None:
        """Every waiting role whose hand-over has a delivery queued takes it (in the roles' order), until none can."""
        moved = True
        while moved:
            moved = False
            for role in self.roles.values():
                if not role.waiting:
                    continue
                h = role.compiled.waits[role.play.stage_index]
                if not self.queues[h]:
                    continue
                delivery = self.queues[h].popleft()
                delivery.taken = True
                compiled = self.compiled.handovers[h]
                play = role.play
                play.values, play.clock = receive(compiled, play.values, play.clock, delivery.carried, delivery.clock)
                for exhibit in compiled.handover.exhibits:
                    if exhibit not in play.revealed and exhibit in self.team.exhibits:
                        play.revealed.append(exhibit)
                role.waiting = False
                role.redate_wait()
                role.position += 1
                carried = tuple(zip(compiled.handover.carries, delivery.carried, strict=False))
                role.inbox.append(
                    InboxItem("handover", delivery.handover, play.clock, number=delivery.number, carried=carried, after=len(play.decisions))
                )
                self.log.append(
                    TeamEvent(
                        CONSUMED,
                        role.id,
                        {
                            "handover": delivery.handover,
                            "number": delivery.number,
                            "carried": dict(carried),
                            "clock": number_of(play.clock),
                        },
                    )
                )
                self._fire_scripted(role)
                moved = True

    def _fire_scripted(self, role: RolePlay) -> None:
        play = role.play
        play.values, role.fired, fired = fire_injects(role.compiled, play.values, play.clock, role.fired)
        for inject in fired:
            self._record_inject(role, inject, by_hand=False)

    def _apply_inject(self, role: RolePlay, inject: CompiledInject, *, by_hand: bool) -> None:
        role.play.values = apply_inject(inject, role.play.values)
        role.fired |= 1 << inject.bit
        self._record_inject(role, inject, by_hand=by_hand)

    def _record_inject(self, role: RolePlay, inject: CompiledInject, *, by_hand: bool) -> None:
        play = role.play
        for exhibit in inject.inject.reveal:
            if exhibit not in play.revealed and exhibit in self.team.exhibits:
                play.revealed.append(exhibit)
        role.position += 1
        role.inbox.append(InboxItem("inject", inject.inject.id, play.clock, after=len(play.decisions)))
        by = "trainer" if by_hand else "script"
        self.log.append(TeamEvent(INJECT, role.id, {"inject": inject.inject.id, "by": by, "clock": number_of(play.clock)}))


def number_of(value: float) -> int | float:
    """A clock as the records keep it: whole hours as integers."""
    return number(value)


def _listed_injects(team: TeamCase) -> Names:
    """The case's injects as a refusal lists them: each id (as ``inject`` takes it) with its title, in each language."""
    named = [(inject.id, inject_names(inject)) for inject in team.injects]
    return Names.joined([Names({language: f"{ident} (“{title}”)" for language, title in names.values.items()}) for ident, names in named])
