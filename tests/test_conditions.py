"""The condition language: grammar, precedence, types, and evaluation without eval."""

from __future__ import annotations

import pytest

from tipcase.format import conditions

VARIABLES: dict[str, int | bool] = {"trust": 0, "consent": False, "risk-level": 2}
SLOTS = {name: i for i, name in enumerate(VARIABLES)}


def evaluate(source: str, values: tuple[int | bool, ...] = (0, False, 2), clock: float = 0.0) -> object:
    expr = conditions.parse(source)
    conditions.check(expr, VARIABLES)
    return conditions.compile_expr(expr, SLOTS)(values, clock)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("trust >= 1 and not consent", False),
        ("trust == 0 and not consent", True),
        ("true or false and false", True),  # and binds tighter than or
        ("(true or false) and false", False),
        ("not not consent", False),
        ("risk-level > 1", True),
        ("trust != 0 or risk-level <= 2", True),
        ("consent == false", True),
        ("trust > -1", True),
        ("hours < 24", True),
    ],
)
def test_evaluation(source: str, expected: bool) -> None:
    assert bool(evaluate(source)) is expected


def test_the_clock_is_read() -> None:
    assert evaluate("hours >= 24", clock=30.0) is True


@pytest.mark.parametrize(
    ("source", "message", "offset"),
    [
        ("", "empty condition", 0),
        ("trust >", "ends too early", 7),
        ("trust > 1 1", "unexpected '1'", 10),
        ("trust $ 1", "unexpected character '$'", 6),
        ("__import__('os')", "unexpected character", 11),
        ("and trust", "unexpected 'and'", 0),
    ],
)
def test_parse_errors(source: str, message: str, offset: int) -> None:
    with pytest.raises(conditions.ConditionError, match=message.replace("(", r"\(").replace("$", r"\$")) as error:
        conditions.check(conditions.parse(source), VARIABLES)
    assert error.value.offset == offset


def test_boolean_ordering_is_an_error() -> None:
    with pytest.raises(conditions.ConditionError, match="compares a boolean"):
        conditions.check(conditions.parse("consent > false"), VARIABLES)


def test_undeclared_variable() -> None:
    with pytest.raises(conditions.ConditionError, match="'distrust' is not a declared variable"):
        conditions.check(conditions.parse("distrust > 1"), VARIABLES)


def test_names_and_clock_reading() -> None:
    expr = conditions.parse("trust > 1 or hours > 3")
    assert conditions.names(expr) == {"trust", "hours"}
    assert conditions.reads_clock(expr, VARIABLES)
