"""When an inject fires, in words: by hand, at a time on the role's case clock, or once its condition holds, said.

An inject's ``when`` (docs/team-exercises.md, "Injects") is a condition over the receiving role's own variables
and ``hours`` (its case clock), in the scenario format's condition language (``tipcase.format.conditions``). The
control room says it in the interface language rather than "when its condition holds": each variable by its
name in words ("statement taken"), a comparison of the clock as a case time ("its case clock at 30 h or later"),
and what makes each variable true in that role: the stages whose choices set it, the hand-overs that carry it
in, the injects that set it (walk F, finding 3: the trainer could not anticipate when an inject would land).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from tipcase.format import conditions
from tipcase.team.log_words import handover_title, inject_title, role_title, stage_title
from tipcase.team.model import Inject, TeamCase

from ui.models.exercise_log import hours_text

Text = Callable[[object], str]
translate = QCoreApplication.translate

_SIGNS = {"==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}


def variable_words(name: str) -> str:
    """A variable's name as words in quotes: ``statement_taken`` -> “statement taken”."""
    return "“" + name.replace("_", " ").replace("-", " ") + "”"


def _clock_words(op: str, value: object) -> str:
    hours = hours_text(float(value))  # type: ignore[arg-type]
    said = {
        ">=": translate("Exercise", "its case clock at {hours} or later"),
        ">": translate("Exercise", "its case clock past {hours}"),
        "<=": translate("Exercise", "its case clock at {hours} or earlier"),
        "<": translate("Exercise", "its case clock before {hours}"),
        "==": translate("Exercise", "its case clock at {hours}"),
        "!=": translate("Exercise", "its case clock not at {hours}"),
    }
    return said[op].format(hours=hours)


_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def expression_words(expr: conditions.Expr) -> str:
    """A parsed condition in words (variables quoted and spaced, the clock as a case time, and/or/not translated)."""
    if isinstance(expr, conditions.Name):
        return translate("Exercise", "its case clock") if expr.name == conditions.CLOCK else variable_words(expr.name)
    if isinstance(expr, conditions.Const):
        if isinstance(expr.value, bool):
            return translate("Exercise", "yes") if expr.value else translate("Exercise", "no")
        return str(expr.value)
    if isinstance(expr, conditions.Not):
        return translate("Exercise", "not {condition}").format(condition=expression_words(expr.operand))
    if isinstance(expr, conditions.BoolOp):
        joint = translate("Exercise", " and ") if expr.op == "and" else translate("Exercise", " or ")
        parts = [expression_words(operand) for operand in expr.operands]
        return joint.join(
            f"({part})" if isinstance(operand, conditions.BoolOp) else part for operand, part in zip(expr.operands, parts, strict=True)
        )
    left, right, op = expr.left, expr.right, expr.op
    if isinstance(right, conditions.Name) and right.name == conditions.CLOCK and isinstance(left, conditions.Const):
        left, right, op = right, left, _FLIPPED[op]
    if isinstance(left, conditions.Name) and left.name == conditions.CLOCK and isinstance(right, conditions.Const):
        return _clock_words(op, right.value)
    if isinstance(right, conditions.Const) and isinstance(right.value, bool) and op in ("==", "!="):
        holds = right.value == (op == "==")
        words = expression_words(left)
        return words if holds else translate("Exercise", "not {condition}").format(condition=words)
    return f"{expression_words(left)} {_SIGNS[op]} {expression_words(right)}"


def condition_words(source: str) -> str:
    """An inject's ``when`` in words; the source as written when it does not parse (the validator reports that)."""
    try:
        return expression_words(conditions.parse(source))
    except conditions.ConditionError:
        return source


def fires_words(inject: Inject) -> str:
    """The injects list's *Fires* cell: by hand, at a case time, or when its condition (in words) holds."""
    if inject.manual:
        return translate("Exercise", "by hand")
    if inject.at_hours is not None:
        return translate("Exercise", "at {hours} on its clock").format(hours=hours_text(inject.at_hours))
    if inject.when is not None:
        return translate("Exercise", "when {condition}").format(condition=condition_words(inject.when))
    return translate("Exercise", "by hand")


def condition_sources(team: TeamCase, inject: Inject, text: Text, language: str) -> list[str]:
    """What makes each variable of the inject's ``when`` hold, role by role; empty for an inject without a condition.

    The stages whose choices set it, the hand-overs that carry it in, the injects that set it; e.g. "“statement
    taken” for Police investigator: set by a choice at stage “The statements”".
    """
    if inject.when is None:
        return []
    try:
        names = sorted(conditions.names(conditions.parse(inject.when)) - {conditions.CLOCK})
    except conditions.ConditionError:
        return []
    lines = []
    for name in names:
        for role in inject.to:
            track = team.roles.get(role)
            if track is None:
                continue
            where = []
            for stage in track.scenario.stages.values():
                if any(name in choice.set or name in choice.add for choice in stage.choices):
                    where.append(translate("Exercise", "a choice at stage “{stage}”").format(stage=stage_title(team, role, stage.id, text)))
            for handover in team.handovers.values():
                if handover.receiver == role and name in handover.carries:
                    where.append(
                        translate("Exercise", "the hand-over “{handover}”").format(handover=handover_title(team, handover.id, text))
                    )
            for other in team.injects:
                if other.id != inject.id and role in other.to and (name in other.set or name in other.add):
                    where.append(translate("Exercise", "the inject “{inject}”").format(inject=inject_title(team, other.id, text)))
            if where:
                lines.append(
                    translate("Exercise", "{variable} for {role}: set by {sources}").format(
                        variable=variable_words(name), role=role_title(team, role, text, language), sources="; ".join(where)
                    )
                )
    return lines
