"""The joint debrief of a team session: who did what and when, a lane per role, and what it all adds up to.

``joint_debrief(play, ...)`` turns a session (a ``TeamPlay``, replayed from the log) into plain data
the app draws and the after-action report prints (``tipcase.team.after_action``):

- a **lane per role** (the team case's order): every ``Moment`` on that role's case clock, with the
  pathway node the role stood at (for the map): each decision with its rating, points, feedback, the
  provisions its ``ref`` cites (looked up in the register) and, when it was not good practice, the best
  choice that was offered with it; hand-overs sent and taken (with the other role and whether the file
  was complete); injects and trainers' messages;
- the **team**: its result (``tipcase.team.result.team_result``), the pathway rules the team trail
  broke and the incomplete hand-overs, each with its title, feedback and provision;
- the case's **objectives**, each met or not and why (docs/team-exercises.md, "The joint debrief");
- **strengths** and **areas to improve**, per role and for the team, as sentences in the debrief's
  language.

Wall-clock times and who decided come from the stored events (``Stamp``, aligned with the play's own
log: the replay produces the same events in the same order). Qt-free; texts in English or Bahasa
Indonesia (``LABELS``); the objectives and the team's strengths and areas are ``tipcase.team.debrief_review``'s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from tipcase.format.provisions import CitedProvision, Register, cited
from tipcase.format.roles import role_name
from tipcase.format.schema import Text
from tipcase.play.engine import Decision
from tipcase.play.ratings import Rating, rate_choice, scenario_weights, weighted_points
from tipcase.team import debrief_review
from tipcase.team.debrief_review import LABELS, ObjectiveOutcome, RuleOutcome, figure, label
from tipcase.team.play import CONSUMED, DECISION, DELIVERED, INJECT, MESSAGE, RolePlay, TeamPlay
from tipcase.team.result import joint_analysis, role_result, team_result, team_violations
from tipcase.team.timeline import cause_before_effect

SENT, RECEIVED = "sent", "received"
MAX_POINTS_LISTED = 4  # strengths and areas: at most this many decisions each, per role


@dataclasses.dataclass(frozen=True)
class Stamp:
    """When a stored event was written, and by whom (a username; None for what followed by itself)."""

    at: dt.datetime
    user: str | None = None


@dataclasses.dataclass(frozen=True)
class Moment:
    """One thing on a role's lane. ``clock`` is the role's case clock in hours (after a decision's ``hours``).

    ``kind``: ``decision``, ``sent`` / ``received`` (a hand-over; ``peer`` is the other role), ``inject``
    or ``message``. ``node`` is the pathway node of the stage the role stood at (None off the pathway).
    A decision carries ``step`` (1-based), ``number`` (its place among the choices offered), ``rating``,
    ``points`` (competency -> points), ``critical``, ``provisions`` and, when not good practice,
    ``better`` (the label of the best choice offered with it), and ``start``: the role's clock when it chose.
    A hand-over sent or received carries ``delivery``, its number among that hand-over's deliveries (a
    sent and a received moment with the same ``handover`` and ``delivery`` are one delivery). ``where``
    names ``stage`` for people: its title in the debrief's language (``_Builder.stage_title``).
    """

    kind: str
    role: str
    clock: float
    stage: str
    node: str | None
    title: str
    text: str = ""
    step: int | None = None
    number: int | None = None
    offered: int = 0  # how many choices were offered with a decision
    rating: Rating | None = None
    points: dict[str, int] = dataclasses.field(default_factory=dict)
    critical: str | None = None
    ref: str = ""
    provisions: tuple[CitedProvision, ...] = ()
    better: str | None = None
    handover: str | None = None
    peer: str | None = None
    complete: bool | None = None
    at: dt.datetime | None = None
    user: str | None = None
    start: float | None = None
    delivery: int | None = None
    where: str = ""
    after_end: bool = False  # a trainer's message that reached the role at its end (stored before walk G finding 20)


@dataclasses.dataclass(frozen=True)
class Lane:
    """One role's lane: its title, result (as ``tipcase play --json`` gives it), moments and the sentences of the report."""

    role: str
    title: str
    agency: str  # the scenario format's role vocabulary, in the debrief's language
    result: dict[str, Any]
    moments: tuple[Moment, ...]
    strengths: tuple[str, ...]
    areas: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class JointDebrief:
    """Everything the joint debrief shows and the after-action report prints, in one language."""

    team_case: str
    version: int
    title: str
    language: str
    pathway: str | None
    lanes: tuple[Lane, ...]
    team: dict[str, Any]  # tipcase.team.result.team_result
    rules_broken: tuple[RuleOutcome, ...]
    objectives: tuple[ObjectiveOutcome, ...]
    strengths: tuple[str, ...]
    areas: tuple[str, ...]
    competency_titles: dict[str, str]
    hours: float  # the latest role clock

    def lane(self, role: str) -> Lane:
        """The lane of ``role``; StopIteration for a role the case does not have."""
        return next(lane for lane in self.lanes if lane.role == role)

    def moments(self) -> list[Moment]:
        """Every lane's moments merged by clock, a hand-over never taken before it is sent (``cause_before_effect``)."""
        return cause_before_effect([lane.moments for lane in self.lanes], SENT, RECEIVED)


def _text(value: Text | None, language: str, fallbacks: list[str]) -> str:
    return value.get(language, fallbacks) if value is not None else ""


class _Builder:
    def __init__(self, play: TeamPlay, register: Register, language: str, *, running: bool = False) -> None:
        self.play, self.register, self.language = play, register, language
        self.running = running  # the session has not ended: nothing is said as a verdict ("never", "did not")
        self.fallbacks = play.team.languages
        self.node_of = {
            (role_id, stage.id): stage.at for role_id, track in play.team.roles.items() for stage in track.scenario.stages.values()
        }

    def role_title(self, role_id: str) -> str:
        """A role's title in the debrief's language: its track's title, else its agency's name (units in brackets dropped), else its id."""
        track = self.play.team.roles[role_id]
        return self.t(track.title) or role_name(track.role, self.language).split(" (")[0] or role_id

    def t(self, value: Text | None) -> str:
        return _text(value, self.language, self.fallbacks)

    def stage_title(self, role_id: str, stage_id: str) -> str:
        """How the sentences name a stage: its title in the debrief's language, else the title of the pathway node it is at, else its id."""
        track = self.play.team.roles.get(role_id)
        stage = track.scenario.stages.get(stage_id) if track is not None else None
        if stage is None:
            return stage_id
        node = self.play.pathway.nodes.get(stage.at) if self.play.pathway is not None and stage.at else None
        return self.t(stage.title) or (self.t(node.title) if node is not None else "") or stage_id

    def decision(self, role: RolePlay, decision: Decision, step: int, stamp: Stamp | None, start: float) -> Moment:
        scenario = role.play.scenario
        choices = scenario.stages[decision.stage].choices
        offered = [choices[i] for i in decision.offered]
        weights = scenario_weights(scenario)
        rating = rate_choice(decision.choice, offered, weights)
        better = None
        if rating is not Rating.GOOD and offered:
            best = max(offered, key=lambda c: (c.critical is None, weighted_points(c, weights), -c.index))
            better = self.t(best.label) if best.index != decision.choice.index else None
        return Moment(
            DECISION,
            role.id,
            decision.clock,
            decision.stage,
            self.node_of.get((role.id, decision.stage)),
            self.t(decision.choice.label),
            self.t(decision.choice.feedback),
            step=step,
            number=decision.number,
            offered=len(offered),
            rating=rating,
            points=dict(decision.choice.score),
            critical=self.t(decision.choice.critical) or None,
            ref=self.t(decision.choice.ref),
            provisions=cited(decision.choice.ref, self.register),
            better=better,
            at=stamp.at if stamp else None,
            user=stamp.user if stamp else None,
            start=start,
            where=self.stage_title(role.id, decision.stage),
        )


def joint_debrief(
    play: TeamPlay,
    register: Register,
    *,
    language: str | None = None,
    stamps: Sequence[Stamp | None] = (),
    running: bool = False,
) -> JointDebrief:
    """The joint debrief of a session as it stands (finished or not).

    ``play``: the session replayed (``tipcase.services.exercise_log.take_play``); ``register``: the
    provisions register the decisions' refs are looked up in (``tipcase.format.loader.bundled_register``);
    ``language``: of every text (default: the session's); ``stamps``: one per event of ``play.log``, in
    order (the stored events of kinds decision, delivered, consumed, inject, message), or empty;
    ``running``: the session has not ended (an objective's hand-over not sent is "not sent yet").
    Raises nothing for a session in any state.
    """
    language = language or play.language
    build = _Builder(play, register, language, running=running)
    analysis = joint_analysis(play.compiled)
    moments: dict[str, list[Moment]] = {role_id: [] for role_id in play.roles}
    steps: dict[str, int] = dict.fromkeys(play.roles, 0)
    clocks: dict[str, float] = dict.fromkeys(play.roles, 0.0)
    stage_at: dict[str, str] = {role_id: role.compiled.track.scenario.start for role_id, role in play.roles.items()}
    team = play.team
    for index, event in enumerate(play.log):
        stamp = stamps[index] if index < len(stamps) else None
        details = event.details
        clock = float(details.get("clock", 0))
        before = clocks.get(event.role or "", 0.0)
        if event.kind != MESSAGE and event.role is not None and event.kind != DELIVERED:
            clocks[event.role] = clock
        elif event.kind == DELIVERED:
            clocks[team.handovers[str(details["handover"])].sender] = clock
        if event.kind == DECISION and event.role is not None:
            role = play.roles[event.role]
            steps[event.role] += 1
            decision = role.play.decisions[steps[event.role] - 1]
            moments[event.role].append(build.decision(role, decision, steps[event.role], stamp, before))
            stage_at[event.role] = decision.choice.to
        elif event.kind in (DELIVERED, CONSUMED):
            handover = team.handovers[str(details["handover"])]
            sender, receiver = handover.sender, handover.receiver
            who = sender if event.kind == DELIVERED else receiver
            if event.kind == DELIVERED and steps[who]:
                stage = play.roles[who].play.decisions[steps[who] - 1].stage  # the stage whose choice sent it
            else:
                stage = stage_at[who]
            delivery = next((d for d in play.deliveries if d.handover == handover.id and d.number == details["number"]), None)
            complete = delivery.complete if delivery is not None else None
            carried = dict(zip(handover.carries, delivery.carried, strict=False)) if delivery is not None else {}
            moments[who].append(
                Moment(
                    SENT if event.kind == DELIVERED else RECEIVED,
                    who,
                    clock,
                    stage,
                    build.node_of.get((who, stage)),
                    build.t(handover.title_for(carried)),  # the delivery as its receiver's inbox names it: "P-19, the file comes back"
                    build.t(handover.text) if event.kind == CONSUMED else "",
                    handover=handover.id,
                    peer=receiver if event.kind == DELIVERED else sender,
                    complete=complete,
                    at=stamp.at if stamp else None,
                    user=stamp.user if stamp else None,
                    delivery=int(details["number"]),
                    where=build.stage_title(who, stage),
                )
            )
        elif event.kind == INJECT and event.role is not None:
            inject = team.inject(str(details["inject"]))
            if inject is not None:
                stage = stage_at[event.role]
                moments[event.role].append(
                    Moment(
                        INJECT, event.role, clock, stage, build.node_of.get((event.role, stage)),
                        build.t(inject.title) or inject.id, build.t(inject.text),
                        at=stamp.at if stamp else None, user=stamp.user if stamp else None, where=build.stage_title(event.role, stage),
                    )
                )  # fmt: skip
        elif event.kind == MESSAGE:
            for role_id in details.get("to") or list(play.roles):
                if role_id in play.roles:
                    stage = stage_at[role_id]
                    moments[role_id].append(
                        Moment(
                            MESSAGE, role_id, clocks[role_id], stage,
                            build.node_of.get((role_id, stage)), str(details.get("text", "")),
                            at=stamp.at if stamp else None, user=stamp.user if stamp else None,
                            where=build.stage_title(role_id, stage),
                            after_end=play.roles[role_id].compiled.track.scenario.stages[stage].end is not None,
                        )
                    )  # fmt: skip
    titles = {c: build.t(comp.title) or c for c, comp in team.competencies.items()}
    team_json = team_result(play, analysis)
    lanes = tuple(
        _lane(build, play.roles[role_id], role_result(play, role_id, analysis), tuple(moments[role_id]), titles) for role_id in play.roles
    )
    rules = tuple(
        RuleOutcome(
            v.rule.id, build.t(v.rule.title) or v.rule.id, build.t(v.rule.feedback), v.role, v.stage, v.rule.competency,
            v.rule.points, v.rule.critical, cited(v.rule.ref, register),
            build.stage_title(v.role, v.stage) if v.role is not None and v.stage is not None else "",
        )
        for v in team_violations(play)
    )  # fmt: skip
    objectives = debrief_review.objectives(build, team_json, rules, titles, running=running)
    strengths, areas = debrief_review.team_sentences(build, team_json, rules, objectives, lanes)
    if not team_json["complete"] and not running:  # what a team that stopped short missed: not said while it plays (walk H 22)
        areas += debrief_review.missed(build, analysis)
    critical = tuple(
        label("role_critical", language, role=lane.title, stage=m.where or m.stage, text=m.critical)
        for lane in lanes
        for m in lane.moments
        if m.kind == DECISION and m.critical
    )
    areas = critical + areas  # a critical error fails the team: the summary leads with it
    return JointDebrief(
        team.id,
        team.version,
        build.t(team.title),
        language,
        team.pathway,
        lanes,
        team_json,
        rules,
        objectives,
        strengths,
        areas,
        titles,
        float(team_json["hours"]),
    )


def _lane(build: _Builder, role: RolePlay, result: dict[str, Any], moments: tuple[Moment, ...], titles: dict[str, str]) -> Lane:
    language = build.language
    track = role.compiled.track
    decisions = [m for m in moments if m.kind == DECISION]
    good = [m for m in decisions if m.rating is Rating.GOOD and m.offered > 1 and sum(m.points.values()) > 0]
    good.sort(key=lambda m: -sum(m.points.values()))
    chosen = sorted(good[:MAX_POINTS_LISTED], key=decisions.index)  # the weightiest, said in the order of play (walk H 12)
    where = build.stage_title
    strengths = [label("good_decision", language, stage=where(role.id, m.stage), label=m.title) for m in chosen]
    pass_mark = float(build.play.team.pass_mark)
    for competency, percent in result["percent"].items():
        if percent >= pass_mark:
            strengths.append(
                label("competency_strong", language, competency=titles.get(competency, competency), percent=figure(percent, language))
            )
    areas = []
    for m in decisions:
        if m.critical:
            areas.append(label("critical", language, stage=where(role.id, m.stage), text=m.critical))
    weak = [m for m in decisions if m.rating in (Rating.POOR, Rating.ACCEPTABLE) and not m.critical]
    for m in weak[:MAX_POINTS_LISTED]:
        line = label("poor_decision", language, stage=where(role.id, m.stage), label=m.title)
        if m.better:
            line += " — " + label("better", language, label=m.better)
        areas.append(line)
    for competency, percent in result["percent"].items():
        if percent < pass_mark:
            areas.append(
                label("competency_weak", language, competency=titles.get(competency, competency), percent=figure(percent, language))
            )
    if not role.finished:
        if role.waits_for is not None:
            areas.append(label("waiting", language, handover=build.t(build.play.team.handovers[role.waits_for].title) or role.waits_for))
        else:
            unfinished = "not_finished_yet" if build.running else "not_finished"
            areas.append(label(unfinished, language, stage=where(role.id, role.play.stage.id)))
    return Lane(
        role.id,
        build.role_title(role.id),
        role_name(track.role, language),
        result,
        moments,
        tuple(strengths),
        tuple(areas),
    )


__all__ = ["LABELS", "ObjectiveOutcome", "RuleOutcome", "figure", "label"]
