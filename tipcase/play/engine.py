"""Playing a scenario: one trainee's route, decision by decision, and its result.

A ``Play`` holds the current stage, the variables, the case clock, the case file revealed so far and
the decisions made. ``offered()`` lists the choices whose conditions hold (numbered 1.. in file
order); ``choose(n)`` takes one. ``result()`` scores the route (complete or not) as a typed ``PlayResult``
(``tipcase.play.result``: its one mapping to the format's JSON and its one mapping to storage).
The same object serves the terminal player, the desktop player and crash recovery (replaying the
stored decision numbers rebuilds the exact state).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from typing import Any

from tipcase.format.model import Choice, Pathway, Scenario, Stage
from tipcase.messages import QT_TRANSLATE_NOOP, Message, MessageError, Names
from tipcase.play.compiled_scenario import CompiledChoice, CompiledScenario, compile_scenario
from tipcase.play.pathway_rules import TrailStep, Violation, broken_rules, off_pathway_steps
from tipcase.play.ratings import CompetencyFigures, Rating, competency_figures, rate_choice, scenario_weights
from tipcase.play.result import BrokenRule, CompetencyScore, PlayResult
from tipcase.play.scoring import CriticalError, Score, number, score
from tipcase.play.state_space import Analysis, analyze, state_budget


class PlayError(MessageError, ValueError):
    """A decision that cannot be taken: not offered, or the case is already over."""


@dataclasses.dataclass(frozen=True, slots=True)
class Decision:
    """One decision of a route.

    The stage it was taken at, its 1-based number among the choices offered, the choice itself, the file indexes
    of every choice offered with it, and the case clock (hours) after it.
    """

    stage: str
    number: int  # 1-based among the choices offered
    choice: Choice
    offered: tuple[int, ...]  # file indexes of the choices that were offered
    clock: float  # case clock after the choice


class Play:
    """One route through a scenario."""

    def __init__(
        self,
        scenario: Scenario,
        pathway: Pathway | None = None,
        *,
        compiled: CompiledScenario | None = None,
        language: str | None = None,
        start: str | None = None,
    ) -> None:
        """A route from the scenario's start, or from ``start`` (the editor's "Play from here")."""
        self.scenario = scenario
        self._language = language or scenario.languages[0]
        self.pathway = pathway
        self.compiled = compiled or compile_scenario(scenario)
        first = start or scenario.start
        self.stage_index = self.compiled.stage_index[first]
        self.values = self.compiled.initial
        self.clock = 0.0
        self.route: list[str] = [first]
        self.decisions: list[Decision] = []
        self.revealed: list[str] = []
        self.trail: list[TrailStep] = []
        self._arrive()

    # -- state --------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The language the route is played in (the attempt's): a tag of ``scenario.languages``, fixed at the start.

        It words ``PlayError``. Texts for a reader in another language are asked for with a ``language``
        argument (``critical_errors(language)``), never by changing the play.
        """
        return self._language

    @property
    def stage(self) -> Stage:
        """The stage the route stands at now."""
        return self.scenario.stages[self.compiled.stage_ids[self.stage_index]]

    @property
    def finished(self) -> bool:
        """Whether the route has reached an end stage."""
        return self.compiled.ends[self.stage_index]

    @property
    def variables(self) -> dict[str, int | bool]:
        """Variable name -> its value now, in declaration order."""
        return dict(zip(self.scenario.variables, self.values, strict=True))

    def stage_names(self) -> Names:
        """The stage's title in each of the scenario's languages, as a refusal names it (its id when untitled)."""
        title = self.stage.title
        return Names(dict(title.values)) if title is not None and title.values else Names({"en": self.stage.id})

    def offered(self) -> list[CompiledChoice]:
        """The choices offered now, in file order; number n is ``offered()[n - 1]``."""
        if self.finished:
            return []
        return self.compiled.offered(self.stage_index, self.values, self.clock)

    # -- moves ----------------------------------------------------------------------------------
    def choose(self, number: int) -> Decision:
        """Take the n-th offered choice (1-based)."""
        if self.finished:
            raise PlayError(QT_TRANSLATE_NOOP("core", "the stage “{stage}” is an end: no more choices"), stage=self.stage_names())
        offered = self.offered()
        if not 1 <= number <= len(offered):
            languages = self.scenario.languages
            shown = {
                language: ", ".join(f"{i}) {c.choice.label.get(language, languages)}" for i, c in enumerate(offered, 1))
                for language in languages
            }
            raise PlayError(
                QT_TRANSLATE_NOOP("core", "choice {number} is not offered at the stage “{stage}”; offered: {offered}"),
                number=number,
                stage=self.stage_names(),
                offered=Names(shown) if offered else Message(QT_TRANSLATE_NOOP("core", "none")),
            )
        taken = offered[number - 1]
        self.values, self.clock = self.compiled.apply(taken, self.values, self.clock)
        decision = Decision(self.stage.id, number, taken.choice, tuple(c.choice.index for c in offered), self.clock)
        self.decisions.append(decision)
        self.stage_index = taken.target
        self.route.append(self.stage.id)
        self._arrive()
        return decision

    def replay(self, numbers: Iterable[int]) -> None:
        """Take the choices ``numbers`` (each 1-based among those offered) in turn; PlayError at the first not offered."""
        for n in numbers:
            self.choose(n)

    def copy(self) -> Play:
        """A play at the same point that goes on independently (the scenario and compiled form are shared, read-only)."""
        twin = object.__new__(Play)
        twin.__dict__.update(self.__dict__)
        twin.route, twin.decisions = list(self.route), list(self.decisions)
        twin.revealed, twin.trail = list(self.revealed), list(self.trail)
        return twin

    def before_last(self) -> Play:
        """A new play standing where the last decision was taken (the start when none was); this one is unchanged.

        Replays the route's choices but the last, so the stage, case file, clock and trail are as the
        trainee saw them when deciding (O(decisions)).
        """
        earlier = Play(self.scenario, self.pathway, compiled=self.compiled, language=self.language, start=self.route[0])
        earlier.replay(d.number for d in self.decisions[:-1])
        return earlier

    def _arrive(self) -> None:
        stage = self.stage
        for exhibit in stage.reveal:
            if exhibit not in self.revealed and exhibit in self.scenario.exhibits:
                self.revealed.append(exhibit)
        if stage.at is not None:
            self.trail.append(TrailStep(stage.at, self.clock, stage.id))

    # -- judging --------------------------------------------------------------------------------
    def violations(self) -> list[Violation]:
        """The pathway rules the route breaks so far (``requires`` rules only once it is complete); none without a pathway."""
        if self.pathway is None:
            return []
        return broken_rules(self.pathway, self.trail, self.stage.id if self.finished else None)

    def off_pathway(self) -> list[tuple[str, str]]:
        """The steps of the route's pathway trail that the pathway's referrals do not allow, as (from node, to node)."""
        return off_pathway_steps(self.pathway, self.trail) if self.pathway is not None else []

    def critical_errors(self, language: str | None = None) -> list[CriticalError]:
        """Critical choices taken and critical rules broken, with texts in ``language``."""
        language = language or self.scenario.languages[0]
        fallbacks = self.scenario.languages
        errors = [
            CriticalError(d.stage, d.number, d.choice.critical.get(language, fallbacks))
            for d in self.decisions
            if d.choice.critical is not None
        ]
        for violation in self.violations():
            if violation.rule.critical:
                text = violation.rule.feedback.get(language, fallbacks) if violation.rule.feedback else violation.rule.id
                errors.append(CriticalError(violation.stage, None, text, violation.rule.id))
        return errors

    def analysis(self) -> Analysis:
        """The scenario's state-space analysis (cached per compiled scenario): its maxima are the score's denominators."""
        return analysis_of(self.compiled)

    def rating(self, decision: Decision) -> Rating:
        """How ``decision`` is rated among the choices offered with it (``ratings.rate_choice``)."""
        choices = self.scenario.stages[decision.stage].choices
        return rate_choice(decision.choice, [choices[i] for i in decision.offered], scenario_weights(self.scenario))

    def competency_figures(self) -> list[CompetencyFigures]:
        """Per assessed competency: what the route earned, what it lost, and both as percents (``ratings``)."""
        return competency_figures([d.choice for d in self.decisions], self.violations(), self.analysis().max)

    def score(self) -> Score:
        """The route scored as the format specifies (``scoring.score``): points, maxima and percents per competency, total, verdict."""
        choice_points: dict[str, int] = {}
        for decision in self.decisions:
            for competency, points in decision.choice.score.items():
                choice_points[competency] = choice_points.get(competency, 0) + points
        analysis = self.analysis()
        return score(
            choice_points=choice_points,
            violations=self.violations(),
            maxima=analysis.max,
            weights={c: comp.weight for c, comp in self.scenario.competencies.items()},
            max_total=analysis.max_total,
            pass_mark=self.scenario.pass_mark,
            critical=bool(self.critical_errors()),
            complete=self.finished,
        )

    def result(self) -> PlayResult:
        """The route scored (complete or not): ``as_json()`` is the format's result object, ``storage()`` what an attempt keeps."""
        scored = self.score()
        assessed = scored.max
        return PlayResult(
            scenario=self.scenario.id,
            version=self.scenario.version,
            sha256=self.scenario.sha256,
            complete=self.finished,
            route=tuple(self.route),
            choices=tuple(d.number for d in self.decisions),
            end=self.stage.id if self.finished else None,
            outcome=self.stage.end if self.finished else None,
            hours=number(self.clock),
            competencies=tuple(
                CompetencyScore(c, points, assessed.get(c), scored.percent.get(c) if c in assessed else None)
                for c, points in scored.points.items()
            ),
            total=scored.total,
            max_total=scored.max_total,
            total_percent=scored.total_percent,
            critical_errors=tuple(self.critical_errors()),
            rule_violations=tuple(BrokenRule(v.rule.id, v.rule.competency, -v.rule.points) for v in self.violations()),
            off_pathway=tuple(self.off_pathway()),
            passed=scored.passed,
        )


def route_to(compiled: CompiledScenario, stage_id: str, *, limit: int | None = None) -> list[int] | None:
    """The fewest choice numbers that reach ``stage_id`` from the start, or None when none does.

    A breadth-first search over the case's states (stage, variables and, when conditions read it, the
    clock); it gives up after ``limit`` states (by default the validator's own budget, ``state_budget``,
    E011), so a case with a runaway counter cannot hang the caller.
    """
    limit = state_budget(compiled) if limit is None else limit
    target = compiled.stage_index.get(stage_id)
    if target is None:
        return None
    first = compiled.stage_index[compiled.scenario.start]
    state = (first, compiled.initial, 0.0)
    seen = {(first, compiled.initial, 0.0)}
    frontier: list[tuple[tuple[int, Any, float], list[int]]] = [(state, [])]
    while frontier:
        following: list[tuple[tuple[int, Any, float], list[int]]] = []
        for (stage, values, clock), numbers in frontier:
            if stage == target:
                return numbers
            if compiled.ends[stage]:
                continue
            for offered_number, choice in enumerate(compiled.offered(stage, values, clock), 1):
                after, later = compiled.apply(choice, values, clock)
                seen_key = (choice.target, after, later if compiled.clock_in_state else 0.0)
                if seen_key in seen:
                    continue
                if len(seen) >= limit:
                    return None
                seen.add(seen_key)
                following.append(((choice.target, after, later), [*numbers, offered_number]))
        frontier = following
    return None


def play_from(scenario: Scenario, stage_id: str, pathway: Pathway | None = None, *, language: str | None = None) -> tuple[Play, bool]:
    """A play standing at ``stage_id``, for test-playing a case from any stage.

    When the stage can be reached, the play is the shortest route there (so variables, clock, case file
    and score are what a trainee would have); the flag is True. Otherwise the play starts at the stage
    with the case's starting variables, and the flag is False.
    """
    compiled = compile_scenario(scenario)
    numbers = route_to(compiled, stage_id)
    if numbers is None:
        return Play(scenario, pathway, compiled=compiled, language=language, start=stage_id), False
    play = Play(scenario, pathway, compiled=compiled, language=language)
    play.replay(numbers)
    return play, True


@functools.lru_cache(maxsize=32)
def _cached_analysis(compiled: CompiledScenario, budget: int | None) -> Analysis:
    return analyze(compiled, budget)


def analysis_of(compiled: CompiledScenario, budget: int | None = None) -> Analysis:
    """The (cached) analysis of a compiled scenario: its maxima are every result's denominators.

    ``budget``: the most states to explore (None: ``state_budget``, as the app and publishing use).
    """
    return _cached_analysis(compiled, budget)
