"""The joint debrief's sentences: its objectives met or not, and what the team missed or did well, in English or Bahasa Indonesia.

``LABELS`` holds every sentence of the debrief and the after-action report (``label`` fills one in a language,
``figure`` writes a number as that language does); ``objectives``, ``team_sentences`` and ``missed`` make the
team's part from a debrief being built (``tipcase.team.debrief``, which re-exports these names). A team that
stopped short of its ends is told what it missed: each role not at its end, the steps of the best joint route it
never reached and that route's hand-overs never sent.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from tipcase.format.provisions import CitedProvision
from tipcase.team.joint import JointAnalysis
from tipcase.team.kept_rules import kept_rules
from tipcase.team.play import DECISION
from tipcase.team.replay import best_route_play

if TYPE_CHECKING:
    from tipcase.team.debrief import Lane, _Builder

# A stage is named after "stage" ("tahap"), never after a preposition of ours: authors' titles often begin
# with one ("At the gate", "Di gerbang"), and "At 'At the gate'" reads as a slip.
LABELS: dict[str, tuple[str, str]] = {
    "good_decision": ("Good practice, stage “{stage}”: {label}", "Praktik baik, tahap “{stage}”: {label}"),
    "poor_decision": ("Stage “{stage}”: {label}", "Tahap “{stage}”: {label}"),
    "better": ("Better: {label}", "Lebih baik: {label}"),
    "competency_strong": ("{competency}: {percent} %", "{competency}: {percent} %"),
    "competency_weak": ("{competency}: {percent} %, under the pass mark", "{competency}: {percent} %, di bawah batas lulus"),
    "not_finished": ("Did not reach the end of the track (stage “{stage}”)", "Tidak sampai ke akhir alur (tahap “{stage}”)"),
    "not_finished_yet": (
        "Not at the end of the track yet (now at stage “{stage}”)",
        "Belum sampai ke akhir alur (sekarang di tahap “{stage}”)",
    ),
    "waiting": ("Still waits for hand-over “{handover}”", "Masih menunggu serah terima “{handover}”"),
    "critical": ("Critical error, stage “{stage}”: {text}", "Kesalahan kritis, tahap “{stage}”: {text}"),
    "rule_kept": ("Rule kept: {title}", "Aturan dipatuhi: {title}"),
    "role_critical": ("{role}: critical error, stage “{stage}”: {text}", "{role}: kesalahan kritis, tahap “{stage}”: {text}"),
    "rule_broken": ("Rule broken: {title}", "Aturan dilanggar: {title}"),
    "handovers_complete": (
        "Every hand-over arrived complete ({count})",
        "Setiap serah terima tiba lengkap ({count})",
    ),
    "handover_incomplete": (
        "Incomplete hand-over “{title}” from {sender} to {receiver}",
        "Serah terima tidak lengkap “{title}” dari {sender} ke {receiver}",
    ),
    "undelivered": ("Hand-over “{title}” was sent but never taken", "Serah terima “{title}” dikirim tetapi tidak pernah diterima"),
    "undelivered_yet": ("Hand-over “{title}” is sent, not taken yet", "Serah terima “{title}” sudah dikirim, belum diterima"),
    "role_stopped": (
        "{role} did not reach its end: it stopped at “{stage}”",
        "{role} tidak sampai ke akhir perannya: berhenti di “{stage}”",
    ),
    "role_waiting": (
        "{role} did not reach its end: it was still waiting for the hand-over “{title}”",
        "{role} tidak sampai ke akhir perannya: masih menunggu serah terima “{title}”",
    ),
    "steps_missed": ("Steps of the pathway never reached: {steps}", "Langkah jalur rujukan yang tidak pernah dicapai: {steps}"),
    "never_sent": ("Hand-overs never sent: {titles}", "Serah terima yang tidak pernah dikirim: {titles}"),
    "reason_rule": ("rule broken: {title}", "aturan dilanggar: {title}"),
    "reason_incomplete": ("hand-over incomplete: {title}", "serah terima tidak lengkap: {title}"),
    "reason_unsent": ("hand-over never sent: {title}", "serah terima tidak pernah dikirim: {title}"),
    "reason_unsent_yet": ("hand-over not sent yet: {title}", "serah terima belum dikirim: {title}"),  # while the session runs
    "reason_competency": ("{competency} at {percent} %", "{competency} pada {percent} %"),
}


def figure(value: float, language: str) -> str:
    """A figure as ``:g`` writes it, with the decimal comma in Bahasa Indonesia (82,4) and the point otherwise."""
    text = f"{float(value):g}"
    return text.replace(".", ",") if language == "id" else text


def label(key: str, language: str, **values: Any) -> str:
    """``LABELS[key]`` in ``language`` ('id' is Bahasa Indonesia, anything else English), filled with ``values``."""
    english, indonesian = LABELS[key]
    return (indonesian if language == "id" else english).format(**values)


@dataclasses.dataclass(frozen=True)
class RuleOutcome:
    """A pathway rule the team trail broke: where (role, stage; ``where`` the stage's title), what it costs, its feedback and provisions."""

    rule: str
    title: str
    feedback: str
    role: str | None
    stage: str | None
    competency: str | None
    points: int
    critical: bool
    provisions: tuple[CitedProvision, ...]
    where: str = ""


@dataclasses.dataclass(frozen=True)
class ObjectiveOutcome:
    """An objective of the case: met or not, and why not (each reason one phrase)."""

    id: str
    title: str
    description: str
    met: bool
    reasons: tuple[str, ...]


def objectives(
    build: _Builder, team: dict[str, Any], rules: tuple[RuleOutcome, ...], titles: dict[str, str], *, running: bool = False
) -> tuple[ObjectiveOutcome, ...]:
    """Met: none of its rules broken, each of its hand-overs sent and every delivery complete, each competency at the pass mark.

    ``running``: the session has not ended, so a hand-over not sent is "not sent yet", not "never sent".
    """
    language = build.language
    broken = {r.rule: r for r in rules}
    incomplete = {item["handover"] for item in team["incomplete_handovers"]}
    sent = {d.handover for d in build.play.deliveries}
    pass_mark = float(team["pass_mark"])
    rule_titles = {r.id: build.t(r.title) or r.id for r in (build.play.pathway.rules if build.play.pathway else [])}
    outcomes = []
    for objective in build.play.team.objectives.values():
        reasons = [label("reason_rule", language, title=rule_titles.get(r, r)) for r in objective.rules if r in broken]
        for h in objective.handovers:  # which of the two happened, never "incomplete or never sent" (walk G finding 3)
            if h in incomplete or h not in sent:
                why = ("reason_unsent_yet" if running else "reason_unsent") if h not in sent else "reason_incomplete"
                reasons.append(label(why, language, title=build.t(build.play.team.handovers[h].title)))
        for c in objective.competencies:
            percent = team["percent"].get(c)
            if percent is not None and percent < pass_mark:
                reasons.append(label("reason_competency", language, competency=titles.get(c, c), percent=figure(percent, language)))
        outcomes.append(
            ObjectiveOutcome(objective.id, build.t(objective.title), build.t(objective.description), not reasons, tuple(reasons))
        )
    return tuple(outcomes)


def missed(build: _Builder, analysis: JointAnalysis) -> tuple[str, ...]:
    """What a team that stopped short of its ends missed, one sentence each.

    Each role not at its end (where it stopped, or the hand-over it still waited for), the steps of the best joint
    route it never reached and the hand-overs of that route never sent: a team ended three decisions in listed no
    area to improve at all, though it did not pass.
    """
    language, play = build.language, build.play
    lines = []
    for role in play.roles.values():
        if role.finished:
            continue
        title = build.role_title(role.id)
        if role.waits_for is not None:
            handover = play.team.handovers[role.waits_for]
            lines.append(label("role_waiting", language, role=title, title=build.t(handover.title) or role.waits_for))
        else:
            lines.append(label("role_stopped", language, role=title, stage=build.stage_title(role.id, role.play.stage.id)))
    best = best_route_play(play.team, play.pathway, analysis)
    reached = {step.node for step in play.trail()}
    missed: list[str] = []
    for step in best.trail():
        if step.node not in reached and step.node not in missed:
            missed.append(step.node)
    if missed:
        nodes = play.pathway.nodes if play.pathway is not None else {}
        names = [build.t(nodes[node].title) if node in nodes else node for node in missed]
        lines.append(label("steps_missed", language, steps="; ".join(names)))
    sent = {delivery.handover for delivery in play.deliveries}
    unsent = [ident for ident in dict.fromkeys(delivery.handover for delivery in best.deliveries) if ident not in sent]
    if unsent:
        titles = [build.t(play.team.handovers[ident].title) or ident for ident in unsent]
        lines.append(label("never_sent", language, titles="; ".join(titles)))
    return tuple(lines)


def team_sentences(
    build: _Builder,
    team: dict[str, Any],
    rules: tuple[RuleOutcome, ...],
    objectives: tuple[ObjectiveOutcome, ...],
    lanes: tuple[Lane, ...],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The team's strengths and areas: a strength is short and plain, said once ("Rule kept: ...").

    A rule is a strength only when ``tipcase.team.kept_rules`` finds it kept: never when an objective naming
    it is not met (why is said once, in the objectives: walk F finding 9) nor when a decision rated poor took
    points off its competency while it was in play (walk G finding 1).
    """
    language, play = build.language, build.play
    strengths: list[str] = []  # the objectives have their own list: not repeated here
    areas: list[str] = []
    if play.pathway is not None:
        unmet = {rule for o in objectives if not o.met for rule in play.team.objectives[o.id].rules}
        decisions = [m for lane in lanes for m in lane.moments if m.kind == DECISION]
        for rule in kept_rules(play.pathway.rules, play.trail(), {r.rule for r in rules}, unmet, decisions):
            kept = label("rule_kept", language, title=build.t(rule.title) or rule.id)
            if kept not in strengths:  # two rules of one title are one strength
                strengths.append(kept)
    areas.extend(label("rule_broken", language, title=r.title) + (f": {r.feedback}" if r.feedback else "") for r in rules)
    if play.deliveries and not team["incomplete_handovers"]:
        strengths.append(label("handovers_complete", language, count=len(play.deliveries)))
    for item in team["incomplete_handovers"]:
        handover = play.team.handovers[item["handover"]]
        sender, receiver = build.role_title(item["from"]), build.role_title(item["to"])
        line = label("handover_incomplete", language, title=build.t(handover.title), sender=sender, receiver=receiver)
        areas.append(line + (f": {build.t(handover.feedback)}" if handover.feedback else ""))
    for item in team["undelivered"]:
        undelivered = "undelivered_yet" if build.running else "undelivered"  # while the session runs, no verdict (walk H 22)
        areas.append(label(undelivered, language, title=build.t(play.team.handovers[item["handover"]].title)))
    return tuple(strengths), tuple(areas)
