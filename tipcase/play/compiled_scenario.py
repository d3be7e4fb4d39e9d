"""A scenario compiled for play and analysis: stages by index, conditions as closures, scores as vectors.

The engine (one trainee's route) and the state-space analysis (every route) both step through this
form, so a choice is offered, and its effects apply, in exactly one way everywhere.
Effects apply in the format's order: ``set``, then ``add``, then ``hours``.
"""

from __future__ import annotations

import dataclasses

from tipcase.format import conditions
from tipcase.format.model import Choice, Scenario

Values = tuple[int | bool, ...]


@dataclasses.dataclass(slots=True, eq=False)
class CompiledChoice:
    """A choice ready to apply to a state: stage indexes instead of ids, the condition compiled, effects as variable slots.

    ``scores`` are the choice's points per competency in ``CompiledScenario.competencies`` order, ``weighted`` their
    weighted sum (the ``total`` it adds), ``hours`` what it adds to the case clock.
    """

    choice: Choice
    source: int
    target: int
    condition: conditions.Evaluator | None
    assign: tuple[tuple[int, int | bool], ...]
    increment: tuple[tuple[int, int], ...]
    hours: float
    scores: tuple[int, ...]
    weighted: float
    critical: bool


@dataclasses.dataclass(slots=True, eq=False)
class CompiledScenario:
    """A scenario compiled for fast play and analysis: stages by index, variables as a tuple of slots, choices with compiled conditions.

    Built once per scenario (``compile_scenario``) and shared read-only by every play and the state-space analysis.
    ``clock_in_state`` says whether some condition reads the clock, so the analysis must keep it in the state.
    """

    scenario: Scenario
    stage_ids: list[str]
    stage_index: dict[str, int]
    choices: list[list[CompiledChoice]]
    ends: list[bool]
    competencies: list[str]
    weights: list[float]
    slots: dict[str, int]
    initial: Values
    clock_in_state: bool

    def offered(self, stage: int, values: Values, clock: float) -> list[CompiledChoice]:
        """The choices offered at a stage in a state, in file order."""
        return [c for c in self.choices[stage] if c.condition is None or c.condition(values, clock)]

    @staticmethod
    def apply(choice: CompiledChoice, values: Values, clock: float) -> tuple[Values, float]:
        """The state after taking a choice: ``set``, then ``add``, then ``hours``."""
        if choice.assign or choice.increment:
            changed = list(values)
            for slot, value in choice.assign:
                changed[slot] = value
            for slot, delta in choice.increment:
                changed[slot] = changed[slot] + delta
            values = tuple(changed)
        return values, clock + choice.hours


def compile_scenario(scenario: Scenario) -> CompiledScenario:
    """Compile a loaded scenario.

    Choices to unknown stages and conditions that do not parse are left out (they are validator
    errors); everything else is kept so that analysis can still run.
    """
    stage_ids = list(scenario.stages)
    stage_index = {stage_id: i for i, stage_id in enumerate(stage_ids)}
    slots = {name: i for i, name in enumerate(scenario.variables)}
    competencies = list(scenario.competencies)
    position = {c: i for i, c in enumerate(competencies)}
    weights = [float(scenario.competencies[c].weight) for c in competencies]
    reads_clock = False
    compiled_choices: list[list[CompiledChoice]] = []
    for source, stage in enumerate(scenario.stages.values()):
        row = []
        for choice in stage.choices:
            target = stage_index.get(choice.to)
            if target is None:
                continue
            evaluator = None
            if choice.when is not None:
                try:
                    expr = conditions.parse(choice.when)
                    conditions.check(expr, scenario.variables)
                except conditions.ConditionError:
                    continue
                reads_clock = reads_clock or conditions.reads_clock(expr, scenario.variables)
                evaluator = conditions.compile_expr(expr, slots)
            scores = [0] * len(competencies)
            for competency, points in choice.score.items():
                if competency in position:
                    scores[position[competency]] = points
            row.append(
                CompiledChoice(
                    choice=choice,
                    source=source,
                    target=target,
                    condition=evaluator,
                    assign=tuple((slots[k], v) for k, v in choice.set.items() if k in slots),
                    increment=tuple(
                        (slots[k], v) for k, v in choice.add.items() if k in slots and not isinstance(scenario.variables[k], bool)
                    ),
                    hours=float(choice.hours),
                    scores=tuple(scores),
                    weighted=sum(w * s for w, s in zip(weights, scores, strict=True)),
                    critical=choice.critical is not None,
                )
            )
        compiled_choices.append(row)
    return CompiledScenario(
        scenario=scenario,
        stage_ids=stage_ids,
        stage_index=stage_index,
        choices=compiled_choices,
        ends=[stage.is_end for stage in scenario.stages.values()],
        competencies=competencies,
        weights=weights,
        slots=slots,
        initial=tuple(scenario.variables.values()),
        clock_in_state=reads_clock,
    )
