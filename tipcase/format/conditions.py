"""The condition language of choices' ``when``: a tokenizer, a recursive-descent parser and a compiler.

Grammar (from the scenario format)::

    expr  := and ("or" and)*
    and   := not ("and" not)*
    not   := "not" not | cmp
    cmp   := atom [("==" | "!=" | "<" | "<=" | ">" | ">=") atom]
    atom  := NAME | INTEGER | "true" | "false" | "(" expr ")"

A NAME is a declared variable or ``hours`` (the case clock). Expressions are parsed once, checked
against the declared variables' types, and compiled into plain Python closures over a tuple of
variable values; nothing is ever passed to ``eval``.

Bounds, so that any text gives a ``ConditionError`` with its offset and never a ``RecursionError`` or a
``ValueError`` from ``int``: brackets and ``not`` nest at most ``MAX_NESTING`` levels (the parser, the
checker and the compiled closures recurse once a level), an INTEGER has at most ``MAX_NUMBER_CHARS``
digits, as a number in the YAML itself (``tipcase.format.yaml_source``), and a condition at most
``MAX_CONDITION_CHARS`` characters.
"""

from __future__ import annotations

import dataclasses
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

CLOCK = "hours"
KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
MAX_NESTING = 50  # brackets and ``not`` inside one another; a real condition nests two or three
MAX_NUMBER_CHARS = 100  # digits of an INTEGER (tipcase.format.yaml_source reads no longer number either)
MAX_CONDITION_CHARS = 10_000  # a condition's length: a 2 MB one (200,000 comparisons) took 456 MB of tokens

_TOKEN = re.compile(r"\s*(?:(?P<op>==|!=|<=|>=|<|>|\(|\))|(?P<word>-?[A-Za-z0-9_][A-Za-z0-9_-]*|-\d+)|(?P<bad>\S))")

Evaluator = Callable[[tuple[int | bool, ...], float], Any]
"""A compiled expression: takes the variable values (in declaration order) and the clock."""


class ConditionError(ValueError):
    """A condition that does not parse or does not type-check; ``offset`` is 0-based in the source."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclasses.dataclass(frozen=True)
class Name:
    """A variable (or ``hours``, the case clock) named in a condition; ``offset`` is 0-based in the source text."""

    name: str
    offset: int


@dataclasses.dataclass(frozen=True)
class Const:
    """An integer or true/false literal; ``offset`` is 0-based in the source text."""

    value: int | bool
    offset: int


@dataclasses.dataclass(frozen=True)
class Not:
    """``not operand``; ``offset`` is where ``not`` stands (0-based)."""

    operand: Expr
    offset: int


@dataclasses.dataclass(frozen=True)
class BoolOp:
    """``and`` or ``or`` over two or more operands, left to right; ``offset`` is where the first operand starts (0-based)."""

    op: str  # "and" | "or"
    operands: tuple[Expr, ...]
    offset: int


@dataclasses.dataclass(frozen=True)
class Compare:
    """``left op right`` with ``op`` one of == != < <= > >= (ordering only between integers); ``offset`` is where ``op`` stands."""

    op: str
    left: Expr
    right: Expr
    offset: int


Expr = Name | Const | Not | BoolOp | Compare

_COMPARE = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _tokenize(source: str) -> list[tuple[str, int]]:
    tokens: list[tuple[str, int]] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:  # only trailing white space is left
            break
        if match.lastgroup == "bad":
            raise ConditionError(f"unexpected character {match.group('bad')!r}", match.start("bad"))
        text = match.group(match.lastgroup or "")
        tokens.append((text, match.start(match.lastgroup or "")))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        if len(source) > MAX_CONDITION_CHARS:  # refused before its tokens are made
            raise ConditionError(
                f"a condition of {len(source):,} characters (at most {MAX_CONDITION_CHARS:,} are read)", MAX_CONDITION_CHARS
            )
        self.source = source
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0  # brackets and `not` open around the token being read (at most MAX_NESTING)

    def peek(self) -> str | None:
        return self.tokens[self.index][0] if self.index < len(self.tokens) else None

    def offset(self) -> int:
        return self.tokens[self.index][1] if self.index < len(self.tokens) else len(self.source)

    def take(self) -> tuple[str, int]:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Expr:
        if not self.tokens:
            raise ConditionError("empty condition", 0)
        expr = self.expr()
        if self.index < len(self.tokens):
            text, offset = self.tokens[self.index]
            raise ConditionError(f"unexpected {text!r}", offset)
        return expr

    def expr(self) -> Expr:
        start = self.offset()
        operands = [self.and_()]
        while self.peek() == "or":
            self.take()
            operands.append(self.and_())
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands), start)

    def and_(self) -> Expr:
        start = self.offset()
        operands = [self.not_()]
        while self.peek() == "and":
            self.take()
            operands.append(self.not_())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands), start)

    def deeper(self, offset: int) -> None:
        """One more bracket or `not` open; ConditionError past ``MAX_NESTING`` (the recursion stays bounded)."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ConditionError(f"brackets and 'not' nest more than {MAX_NESTING} levels deep", offset)

    def not_(self) -> Expr:
        if self.peek() == "not":
            _, offset = self.take()
            self.deeper(offset)
            operand = self.not_()
            self.depth -= 1
            return Not(operand, offset)
        return self.cmp()

    def cmp(self) -> Expr:
        left = self.atom()
        if self.peek() in _COMPARE:
            op, offset = self.take()
            right = self.atom()
            return Compare(op, left, right, offset)
        return left

    def atom(self) -> Expr:
        if self.index >= len(self.tokens):
            raise ConditionError("expression ends too early", len(self.source))
        text, offset = self.take()
        if text == "(":
            self.deeper(offset)
            inner = self.expr()
            if self.peek() != ")":
                raise ConditionError("missing ')'", self.offset())
            self.take()
            self.depth -= 1
            return inner
        if text in ("true", "false"):
            return Const(text == "true", offset)
        if text in KEYWORDS or text in _COMPARE or text == ")":
            raise ConditionError(f"unexpected {text!r}", offset)
        if re.fullmatch(r"-?\d+", text):
            if len(text.lstrip("-")) > MAX_NUMBER_CHARS:
                raise ConditionError(f"a number of {len(text.lstrip('-')):,} digits (at most {MAX_NUMBER_CHARS} are read)", offset)
            return Const(int(text), offset)
        return Name(text, offset)


def parse(source: str) -> Expr:
    """Parse a condition; raises ConditionError with the offending offset."""
    return _Parser(source).parse()


def names(expr: Expr) -> set[str]:
    """Every NAME an expression reads."""
    if isinstance(expr, Name):
        return {expr.name}
    if isinstance(expr, Const):
        return set()
    if isinstance(expr, Not):
        return names(expr.operand)
    if isinstance(expr, BoolOp):
        return set().union(*(names(o) for o in expr.operands))
    return names(expr.left) | names(expr.right)


def check(expr: Expr, variables: Mapping[str, int | bool]) -> str:
    """Type-check against declared variables; returns "bool" or "int", raises ConditionError."""
    if isinstance(expr, Const):
        return "bool" if isinstance(expr.value, bool) else "int"
    if isinstance(expr, Name):
        if expr.name == CLOCK:
            return "int"
        if expr.name not in variables:
            raise ConditionError(f"'{expr.name}' is not a declared variable", expr.offset)
        return "bool" if isinstance(variables[expr.name], bool) else "int"
    if isinstance(expr, Not):
        check(expr.operand, variables)
        return "bool"
    if isinstance(expr, BoolOp):
        for operand in expr.operands:
            check(operand, variables)
        return "bool"
    left = check(expr.left, variables)
    right = check(expr.right, variables)
    if expr.op not in ("==", "!=") and "bool" in (left, right):
        raise ConditionError(f"'{expr.op}' compares a boolean; use == or != (or the name alone)", expr.offset)
    return "bool"


def compile_expr(expr: Expr, slots: Mapping[str, int]) -> Evaluator:
    """Compile to a closure over (values, clock); ``slots`` maps variable names to tuple positions."""
    if isinstance(expr, Const):
        value = expr.value
        return lambda values, clock: value
    if isinstance(expr, Name):
        if expr.name == CLOCK and expr.name not in slots:
            return lambda values, clock: clock
        slot = slots[expr.name]
        return lambda values, clock: values[slot]
    if isinstance(expr, Not):
        inner = compile_expr(expr.operand, slots)
        return lambda values, clock: not inner(values, clock)
    if isinstance(expr, BoolOp):
        parts = tuple(compile_expr(o, slots) for o in expr.operands)
        if expr.op == "and":
            return lambda values, clock: all(p(values, clock) for p in parts)
        return lambda values, clock: any(p(values, clock) for p in parts)
    compare = _COMPARE[expr.op]
    left, right = compile_expr(expr.left, slots), compile_expr(expr.right, slots)
    return lambda values, clock: compare(left(values, clock), right(values, clock))


def reads_clock(expr: Expr, variables: Mapping[str, object]) -> bool:
    """Whether an expression reads the case clock."""
    return CLOCK in names(expr) and CLOCK not in variables
