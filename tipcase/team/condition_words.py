"""A team case's condition said in words, in a language: what a trainer reads for an inject's ``when``.

An inject's ``when`` (docs/team-exercises.md, "Injects") is a condition over the receiving role's own variables
and ``hours`` (its case clock), in the scenario format's condition language (``tipcase.format.conditions``).
The control room's injects list (``ui.models.inject_trigger``) and ``tipcase exercise inject --list`` say it
(:func:`trigger_words`: by hand, at a case time, or when its condition holds)
with each variable's **title** in the language asked for (``TeamCase.variable_title``: ``statement_taken: {initial:
false, title: {en: "Statements taken", id: "Keterangan sudah diambil"}}``), a true/false variable with its value
("Statements taken: yes", "Keterangan sudah diambil: ya"), a number compared with its sign ("Debts counted ≥ 3"),
the clock as a case time ("its case clock at 30 h or later") and ``and``/``or``/``not`` in words. A variable
without a title (the validator warns, W107) is said by its id in words, in quotes ("“statement taken”"); a
condition that does not parse (E009) is given as written.

The connecting words are core messages (``QT_TRANSLATE_NOOP("core", ...)``, translated in
``resources/translations/tipcase_id.ts``) read with ``tipcase.interface_text.say``, so the app and the command
line say one condition one way. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence

from tipcase.format import conditions
from tipcase.interface_text import say
from tipcase.messages import QT_TRANSLATE_NOOP, fill
from tipcase.team.model import Inject, TeamCase

_SIGNS = {"==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}
_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_CLOCK = {
    ">=": QT_TRANSLATE_NOOP("core", "its case clock at {hours} or later"),
    ">": QT_TRANSLATE_NOOP("core", "its case clock past {hours}"),
    "<=": QT_TRANSLATE_NOOP("core", "its case clock at {hours} or earlier"),
    "<": QT_TRANSLATE_NOOP("core", "its case clock before {hours}"),
    "==": QT_TRANSLATE_NOOP("core", "its case clock at {hours}"),
    "!=": QT_TRANSLATE_NOOP("core", "its case clock not at {hours}"),
}
_WORDS = {
    "clock": QT_TRANSLATE_NOOP("core", "its case clock"),
    "hours": QT_TRANSLATE_NOOP("core", "{hours} h"),
    "yes": QT_TRANSLATE_NOOP("core", "yes"),
    "no": QT_TRANSLATE_NOOP("core", "no"),
    "valued": QT_TRANSLATE_NOOP("core", "{variable}: {value}"),
    "not": QT_TRANSLATE_NOOP("core", "not {condition}"),
    "and": QT_TRANSLATE_NOOP("core", " and "),
    "or": QT_TRANSLATE_NOOP("core", " or "),
    "by hand": QT_TRANSLATE_NOOP("core", "by hand"),
    "at": QT_TRANSLATE_NOOP("core", "at {hours} on its clock"),
    "when": QT_TRANSLATE_NOOP("core", "when {condition}"),
}


def _say(key: str, language: str, **values: object) -> str:
    said = say("core", _WORDS[key], language)
    return fill(said, **values) if values else said


def hours_words(hours: float, language: str) -> str:
    """A case time in hours as the app writes it: ``30 h``, ``12,5 jam`` (the decimal comma in Bahasa Indonesia)."""
    figure = f"{float(hours):g}"
    return _say("hours", language, hours=figure.replace(".", ",") if language == "id" else figure)


def variable_words(team: TeamCase, roles: Sequence[str], name: str, language: str) -> str:
    """What people read for variable ``name`` of the first of ``roles`` that titles it (``TeamCase.variable_title``).

    Its title in ``language`` (the case's first language when the title lacks it); an untitled variable by its id
    in words, in quotes: ``statement_taken`` -> “statement taken”.
    """
    for role in roles:
        title = team.variable_title(role, name)
        if title is not None:
            return title.get(language, team.languages)
    return "“" + name.replace("_", " ").replace("-", " ") + "”"


def expression_words(team: TeamCase, roles: Sequence[str], expr: conditions.Expr, language: str) -> str:
    """A parsed condition over ``roles``' variables in words in ``language`` (see the module's docstring)."""

    def words(node: conditions.Expr) -> str:
        return expression_words(team, roles, node, language)

    if isinstance(expr, conditions.Name):
        if expr.name == conditions.CLOCK:
            return _say("clock", language)
        return _say("valued", language, variable=variable_words(team, roles, expr.name, language), value=_say("yes", language))
    if isinstance(expr, conditions.Const):
        if isinstance(expr.value, bool):
            return _say("yes" if expr.value else "no", language)
        return str(expr.value)
    if isinstance(expr, conditions.Not):
        if isinstance(expr.operand, conditions.Name) and expr.operand.name != conditions.CLOCK:
            return _say("valued", language, variable=variable_words(team, roles, expr.operand.name, language), value=_say("no", language))
        return _say("not", language, condition=_bracketed(expr.operand, words(expr.operand)))
    if isinstance(expr, conditions.BoolOp):
        joint = _say("and" if expr.op == "and" else "or", language)
        return joint.join(_bracketed(operand, words(operand)) for operand in expr.operands)
    left, right, op = expr.left, expr.right, expr.op
    if isinstance(right, conditions.Name) and right.name == conditions.CLOCK and isinstance(left, conditions.Const):
        left, right, op = right, left, _FLIPPED[op]
    if isinstance(left, conditions.Name) and left.name == conditions.CLOCK and isinstance(right, conditions.Const):
        return fill(say("core", _CLOCK[op], language), hours=hours_words(float(right.value), language))
    if isinstance(left, conditions.Name) and isinstance(right, conditions.Const) and op in ("==", "!="):
        value = right.value if op == "==" or not isinstance(right.value, bool) else not right.value
        if op == "==" or isinstance(right.value, bool):
            shown = _say("yes" if value else "no", language) if isinstance(value, bool) else str(value)
            return _say("valued", language, variable=variable_words(team, roles, left.name, language), value=shown)
    return f"{_operand(team, roles, left, language)} {_SIGNS[op]} {_operand(team, roles, right, language)}"


def _operand(team: TeamCase, roles: Sequence[str], expr: conditions.Expr, language: str) -> str:
    """One side of a comparison: a variable by its title alone (no ": yes"), else the expression in words."""
    if isinstance(expr, conditions.Name) and expr.name != conditions.CLOCK:
        return variable_words(team, roles, expr.name, language)
    return expression_words(team, roles, expr, language)


def _bracketed(expr: conditions.Expr, words: str) -> str:
    return f"({words})" if isinstance(expr, conditions.BoolOp) else words


def condition_words(team: TeamCase, roles: Sequence[str], source: str, language: str) -> str:
    """The condition ``source`` over ``roles``' variables (an inject's receiving roles) in words in ``language``.

    E.g. ``statement_taken`` -> "Statements taken: yes" ("Keterangan sudah diambil: ya"), ``not decided and hours
    >= 30`` -> "LPSK has decided on protection: no and its case clock at 30 h or later". The source as written when
    it does not parse (the validator reports that, E009). Raises nothing.
    """
    try:
        return expression_words(team, roles, conditions.parse(source), language)
    except conditions.ConditionError:
        return source


def trigger_words(team: TeamCase, inject: Inject, language: str) -> str:
    """When ``inject`` fires, in words in ``language``.

    "by hand", "at 8 h on its clock" (the receiving role's case clock), or "when " and its condition
    (:func:`condition_words`, over its receiving roles' variables).
    """
    if inject.manual:
        return _say("by hand", language)
    if inject.at_hours is not None:  # a moment on the clock as the workstation writes it: "8 h", "jam ke-8" (walk H finding 14)
        figure = f"{float(inject.at_hours):g}"
        moment = fill(say("ExerciseHour", "{hours} h", language), hours=figure.replace(".", ",") if language == "id" else figure)
        return _say("at", language, hours=moment)
    if inject.when is not None:
        return _say("when", language, condition=condition_words(team, inject.to, inject.when, language))
    return _say("by hand", language)
