"""The joint debrief of a team exercise, as plain data: who did what and when, how each decision is rated, the team's result.

Built from the session's replay (``tipcase.services.exercise_log``) and its stored events (who made
each decision, and when on the wall clock), for everyone who may read the session's report
(``exercises.report``: its players, trainers, registrars, admins). Each role's events are placed on its
own case clock (docs/team-exercises.md, "Clocks"), so the time line has a lane per role and a
hand-over is drawn from the sender's clock when it was sent to the receiver's when it was taken.
Each decision carries its choice's feedback, its legal reference and the provisions that reference
cites (the bundled register of provisions, as the single-player debrief: ``tipcase.services.desktop``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select

from tipcase.format.loader import bundled_register
from tipcase.format.model import Choice, Pathway
from tipcase.format.provisions import CitedProvision, cited
from tipcase.play.ratings import Rating
from tipcase.services import exercises
from tipcase.services.desktop import _user
from tipcase.services.exercise_desk import Person, RoleState, SessionRow, _play, _players, _row, _state
from tipcase.store.database import Database
from tipcase.store.models import ExerciseEvent, User
from tipcase.team.model import TeamCase
from tipcase.team.play import CONSUMED, DECISION, DELIVERED, INJECT, MESSAGE


@dataclasses.dataclass(frozen=True)
class TimedDecision:
    """One decision of one role: when on its case clock (``start`` before the choice, ``clock`` after), by whom, and its rating."""

    role: str
    step: int
    stage: str
    node: str | None  # the pathway node of the stage, when it has one
    start: float
    clock: float
    user: str | None  # the username of the trainee who took it
    choice: Choice
    rating: Rating
    provisions: tuple[CitedProvision, ...]


@dataclasses.dataclass(frozen=True)
class TimedHandover:
    """A delivery: sent by ``sender`` at its clock ``sent``; taken by ``receiver`` at its clock ``taken`` (None: never taken)."""

    handover: str
    number: int
    sender: str
    receiver: str
    sent: float
    taken: float | None
    complete: bool


@dataclasses.dataclass(frozen=True)
class TimedArrival:
    """An inject or a trainer's message that reached ``role`` at its clock ``clock``."""

    role: str
    kind: str  # inject | message
    ident: str  # the inject's id; "" for a message
    clock: float
    by_trainer: bool
    text: str = ""  # a message's words


@dataclasses.dataclass(frozen=True)
class JointDebrief:
    """Everything the joint debrief shows (``report`` is ``tipcase exercise report --json``'s object)."""

    session: SessionRow
    team: TeamCase
    pathway: Pathway | None
    report: dict[str, Any]
    roles: tuple[RoleState, ...]
    decisions: tuple[TimedDecision, ...]  # by role in the case's order, then step
    handovers: tuple[TimedHandover, ...]
    arrivals: tuple[TimedArrival, ...]
    last_seq: int

    @property
    def hours(self) -> float:
        """The latest clock any role reached (the time line's length, in case hours)."""
        ends = [d.clock for d in self.decisions] + [h.taken or h.sent for h in self.handovers] + [a.clock for a in self.arrivals]
        return max([*ends, *(role.clock for role in self.roles), 0.0])


def joint_debrief(db: Database, account_id: int, name: str) -> JointDebrief:
    """The joint debrief of session ``name`` as it stands (an ended session's is final).

    Raises PermissionDenied for someone who takes no part in the session and reads no attempts, and
    NotFound for an unknown session.
    """
    with db.reading() as session:
        user = _user(session, account_id)
        exercise = exercises.get_session(session, name)
        report = exercises.report(session, user, exercise)  # its permission: whoever takes part, trainers, registrars
        play, seq = _play(session, exercise)
        team = play.team
        players = _players(exercise)
        roles = tuple(_state(team, state, players.get(role_id, ())) for role_id, state in play.roles.items())
        who = _deciders(session, exercise.id)
        register = bundled_register()
        clocks = dict.fromkeys(play.roles, 0.0)
        decisions: list[TimedDecision] = []
        sent: dict[tuple[str, int], tuple[str, str, float, bool]] = {}
        taken: dict[tuple[str, int], float] = {}
        arrivals: list[TimedArrival] = []
        made = dict.fromkeys(play.roles, 0)
        for event in play.log:
            details = event.details
            if event.kind == DECISION and event.role is not None:
                role = play.roles[event.role]
                decision = role.play.decisions[made[event.role]]
                made[event.role] += 1
                stage = team.roles[event.role].scenario.stages[decision.stage]
                decisions.append(
                    TimedDecision(
                        event.role,
                        int(details["step"]),
                        decision.stage,
                        stage.at,
                        clocks[event.role],
                        decision.clock,
                        who.get((event.role, int(details["step"]))),
                        decision.choice,
                        role.play.rating(decision),
                        tuple(cited(decision.choice.ref, register)),
                    )
                )
                clocks[event.role] = decision.clock
            elif event.kind == DELIVERED and event.role is not None:
                key = (str(details["handover"]), int(details["number"]))
                sent[key] = (str(details["from"]), event.role, float(details["clock"]), bool(details.get("complete", True)))
            elif event.kind == CONSUMED and event.role is not None:
                clocks[event.role] = float(details["clock"])
                taken[(str(details["handover"]), int(details["number"]))] = clocks[event.role]
            elif event.kind == INJECT and event.role is not None:
                clocks[event.role] = float(details.get("clock", clocks[event.role]))
                arrivals.append(
                    TimedArrival(event.role, INJECT, str(details["inject"]), clocks[event.role], details.get("by") == "trainer")
                )
            elif event.kind == MESSAGE:
                for role_id in details.get("to") or list(play.roles):
                    arrivals.append(TimedArrival(role_id, MESSAGE, "", clocks.get(role_id, 0.0), True, str(details.get("text", ""))))
        order = list(play.roles)
        decisions.sort(key=lambda d: (order.index(d.role), d.step))
        handovers = tuple(
            TimedHandover(key[0], key[1], sender, receiver, clock, taken.get(key), complete)
            for key, (sender, receiver, clock, complete) in sent.items()
        )
        return JointDebrief(
            _row(session, user, exercise), team, play.pathway, report, roles, tuple(decisions), handovers, tuple(arrivals), seq
        )


def _deciders(session: Any, exercise_id: int) -> dict[tuple[str, int], str]:
    """(role, step) -> the username of whoever took that decision, from the stored log."""
    rows = session.execute(
        select(ExerciseEvent.role, ExerciseEvent.step, User.username)
        .join(User, User.id == ExerciseEvent.user_id)
        .where(ExerciseEvent.session_id == exercise_id, ExerciseEvent.kind == DECISION)
    ).all()
    return {(str(role), int(step)): str(username) for role, step, username in rows if role is not None and step is not None}


__all__ = ["JointDebrief", "Person", "TimedArrival", "TimedDecision", "TimedHandover", "joint_debrief"]
