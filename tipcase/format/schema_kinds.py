"""The building blocks of the format's shape: kinds that check YAML node trees and describe themselves as JSON Schema.

Each *kind* knows how to convert a node (reporting E002 for wrong types, unknown or missing keys,
duplicate keys and bad ids, and W101 for texts missing a language) and how to describe itself as
JSON Schema, so ``tipcase schema`` and the validator can never disagree.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from typing import Any

from typing_extensions import override

from tipcase.format.findings import Findings, Location, Pos
from tipcase.format.yaml_source import BOOL, FLOAT, INT, NULL, MappingNode, Node, ScalarNode, SequenceNode, pos, scalar_value
from tipcase.messages import one_or_many

ID_PATTERN = r"[a-z0-9_][a-z0-9_-]*"
SCENARIO_ID_PATTERN = r"[a-z0-9][a-z0-9-]*"
LANGUAGE_PATTERN = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
# The longest ids the records keep (tipcase.store.models: decisions.stage, exercise_events.stage; attempt_scores.competency;
# exercise_assignments.role; scenario_versions.scenario_id, team_case_versions.team_id): longer ones are E002.
MAX_STAGE_ID, MAX_COMPETENCY_ID, MAX_ROLE_ID, MAX_CASE_ID = 100, 64, 64, 100
MAX_VERSION = 2**31 - 1  # a published version's number: an integer column (PostgreSQL's keeps no larger)
# Case time and weights stay far from what a float holds: two choices of 1.7e308 hours made the clock infinite, which
# JSON (and so PostgreSQL) refuses in the records of a session (findings/break-17.md). A century of case time is plenty.
MAX_HOURS, MAX_WEIGHT = 1_000_000, 1_000
# A team case's master events list: real ones hold dozens. Injects that fire one another cost the checks n passes of
# n conditions (3,000 took 7 s at every start of a session, 20,000 minutes).
MAX_INJECTS = 1_000
# The most states an author may let the analysis of every route explore (``analysis: {max_states: N}`` in a case, or
# ``tipcase validate/analyze --max-states N``): measured at about 950 bytes of memory a state (the generated case of
# benchmarks/generate.long_case, six booleans, one choice a stage: 1,023,679 states took 929 MiB more and 22.6 s), so
# 1,983,679 states took 2,194 MiB and 28.7 s, more with more choices a state (tipcase.play.state_space).
MAX_ANALYSIS_STATES = 2_000_000

INVALID: Any = object()
"""Returned by a kind whose node was wrong; the finding has already been added."""


@dataclasses.dataclass(slots=True)
class Text:
    """A human-readable value in one or more languages."""

    values: dict[str, str]
    pos: Pos = (0, 0)

    def get(self, language: str, fallbacks: Sequence[str] = ()) -> str:
        """The text in ``language``, else in the first fallback that has it, else any."""
        if language in self.values:
            return self.values[language]
        for other in fallbacks:
            if other in self.values:
                return self.values[other]
        return next(iter(self.values.values()), "")

    @classmethod
    def plain(cls, value: str, language: str = "en") -> Text:
        """A text in one language (default English)."""
        return cls({language: value})


@dataclasses.dataclass(slots=True)
class Record:
    """A checked mapping: its values by key, where each key and value stood, and where it started."""

    pos: Pos
    values: dict[str, Any]
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default`` when the mapping does not have it."""
        return self.values.get(key, default)


@dataclasses.dataclass(slots=True)
class Entry:
    """One entry of an id-keyed map (stages, exhibits, variables...)."""

    key: str
    key_pos: Pos
    value: Any
    value_pos: Pos


class Context:
    """What a conversion needs: where findings go, which languages texts must carry, whether it is a scenario.

    In a scenario the key path of a finding says where it is (``Location.of_key_path``).
    """

    def __init__(self, findings: Findings, languages: Sequence[str] = ("en",), *, scenario: bool = False) -> None:
        self.findings = findings
        self.languages = list(languages) or ["en"]
        self.scenario = scenario

    def error(self, node: Node | Pos, message: str, *, where: str = "", at: str | None = None) -> Any:
        """An E002 finding ``where: message``; ``at`` is the key path at fault when it is not ``where``. Returns INVALID."""
        self.report("E002", node if isinstance(node, tuple) else pos(node), message, where=where, at=at)
        return INVALID

    def report(self, code: str, where_pos: Pos, message: str, *, where: str, at: str | None = None, language: str | None = None) -> None:
        """A finding at the key path ``where`` (or ``at``), located in a scenario."""
        path = at if at is not None else where
        location = Location.of_key_path(path, language) if self.scenario and path else None
        self.findings.add(code, where_pos, message, where=where or None, at=location)


def _type_name(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return {BOOL: "a boolean", INT: "an integer", FLOAT: "a number", NULL: "nothing"}.get(node.tag, "a string")


class Kind:
    """Base of every kind of value the format has."""

    description = ""

    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        """The node's value, checked; on a fault, a finding in ``ctx`` (at ``where``, the key path) and ``INVALID`` returned."""
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """The kind as a JSON Schema fragment (draft 2020-12)."""
        raise NotImplementedError


class TextKind(Kind):
    """A plain string, or a mapping from language code to string."""

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if isinstance(node, ScalarNode) and node.tag != NULL:
            text = Text({ctx.languages[0]: str(node.value)}, pos(node))
        elif isinstance(node, MappingNode):
            values: dict[str, str] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or not re.fullmatch(LANGUAGE_PATTERN, str(key_node.value)):
                    ctx.error(key_node, f"{key_node.value!r} is not a language code such as en or id", where=where)
                    continue
                if not isinstance(value_node, ScalarNode) or value_node.tag == NULL:
                    ctx.error(value_node, f"expected a string, found {_type_name(value_node)}", where=f"{where}.{key_node.value}")
                    continue
                values[str(key_node.value)] = str(value_node.value)
            text = Text(values, pos(node))
        else:
            return ctx.error(node, f"expected a text (a string or a mapping of language to string), found {_type_name(node)}", where=where)
        missing = [lang for lang in ctx.languages if not text.values.get(lang, "").strip()]
        if missing:
            ctx.report("W101", text.pos, f"no text in {', '.join(missing)}", where=where, language=missing[0])
        return text

    @override
    def json_schema(self) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "propertyNames": {"pattern": f"^{LANGUAGE_PATTERN}$"},
                    "additionalProperties": {"type": "string"},
                },
            ],
            "description": self.description or "A text: a string, or a mapping from language code to string.",
        }


class IdKind(Kind):
    """An identifier matching ``pattern`` (by default lower-case letters, digits, ``-`` and ``_``); ``what`` names it in findings.

    ``most``: the longest id allowed, in characters, for an id the records keep in a column of that width
    (a stage, a role, a competency, a case's id: ``tipcase.store.models``); None for no bound.
    """

    def __init__(self, pattern: str = ID_PATTERN, what: str = "id", most: int | None = None) -> None:
        self.pattern = re.compile(pattern)
        self.what = what
        self.most = most

    def check_id(self, node: Node, ctx: Context, where: str) -> Any:
        """The id as text, or ``INVALID`` with an E002 finding when the node is not a string matching the pattern."""
        if not isinstance(node, ScalarNode) or node.tag == NULL or isinstance(scalar_value(node), bool):
            return ctx.error(node, f"expected {self.what}, found {_type_name(node)}", where=where)
        value = str(node.value)
        if not self.pattern.fullmatch(value):
            return ctx.error(
                node, f"bad {self.what} {value!r} (use lower-case letters, digits, - and _; pattern {self.pattern.pattern})", where=where
            )
        if self.most is not None and len(value) > self.most:
            message = f"{self.what} of {len(value):,} characters (at most {self.most}: the records keep no longer one)"
            return ctx.error(node, message, where=where)
        return value

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        return self.check_id(node, ctx, where)

    @override
    def json_schema(self) -> dict[str, Any]:
        if self.most is None:
            return {"type": "string", "pattern": f"^{self.pattern.pattern}$"}
        return {"type": "string", "pattern": f"^{self.pattern.pattern}$", "maxLength": self.most}


class StrKind(Kind):
    """A plain string (numbers and booleans are read as their text)."""

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag == NULL:
            return ctx.error(node, f"expected a string, found {_type_name(node)}", where=where)
        return str(node.value)

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"type": "string"}


class EnumKind(Kind):
    """One of a fixed set of strings (an end's outcome, an exhibit's kind)."""

    def __init__(self, *values: str) -> None:
        self.values = values

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or str(node.value) not in self.values:
            shown = node.value if isinstance(node, ScalarNode) else _type_name(node)
            return ctx.error(node, f"expected one of {', '.join(self.values)}, found {shown!r}", where=where)
        return str(node.value)

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


class NumberKind(Kind):
    """A finite number (or an integer), optionally bounded: ``minimum`` (exclusive when ``exclusive_minimum``) and ``maximum``."""

    def __init__(
        self, minimum: float | None = None, maximum: float | None = None, integer: bool = False, exclusive_minimum: bool = False
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.integer = integer
        self.exclusive_minimum = exclusive_minimum

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        allowed = (INT,) if self.integer else (INT, FLOAT)
        if not isinstance(node, ScalarNode) or node.tag not in allowed:
            wanted = "an integer" if self.integer else "a number"
            shown = f" {node.value!r}" if isinstance(node, ScalarNode) else ""  # a list's or mapping's nodes are not for the reader
            return ctx.error(node, f"expected {wanted}, found {_type_name(node)}{shown}", where=where)
        value = scalar_value(node)
        assert isinstance(value, (int, float))
        if not math.isfinite(value):
            return ctx.error(node, "expected a finite number", where=where)
        if self.minimum is not None and (value < self.minimum or (self.exclusive_minimum and value == self.minimum)):
            relation = "above" if self.exclusive_minimum else "at least"
            return ctx.error(node, f"must be {relation} {_figure(self.minimum)}, found {_figure(value)}", where=where)
        if self.maximum is not None and value > self.maximum:
            return ctx.error(node, f"must be at most {_figure(self.maximum)}, found {_figure(value)}", where=where)
        return value

    @override
    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            schema["exclusiveMinimum" if self.exclusive_minimum else "minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


class BoolKind(Kind):
    """A boolean, as PyYAML's safe loader resolves one (YAML 1.1: ``true``, ``false``, and also ``yes``, ``no``, ``on``, ``off``)."""

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag != BOOL:
            return ctx.error(node, f"expected true or false, found {_type_name(node)}", where=where)
        return scalar_value(node)

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class IntOrBoolKind(Kind):
    """An integer or true/false: a variable's value."""

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag not in (INT, BOOL):
            return ctx.error(node, f"expected an integer or true/false, found {_type_name(node)}", where=where)
        return scalar_value(node)

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"type": ["integer", "boolean"]}


class ConstKind(Kind):
    """Exactly one integer: the format version a file declares (``tipcase-scenario: 1``); another is E002."""

    def __init__(self, value: int) -> None:
        self.value = value

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag != INT or scalar_value(node) != self.value:
            shown = node.value if isinstance(node, ScalarNode) else _type_name(node)
            return ctx.error(node, f"this program reads format {self.value}, found {shown!r}", where=where)
        return self.value

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"const": self.value}


class ListKind(Kind):
    """A list; converts to a list of (value, position) pairs."""

    def __init__(self, item: Kind, min_items: int = 0, max_items: int | None = None) -> None:
        self.item = item
        self.min_items = min_items
        self.max_items = max_items

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, SequenceNode):
            return ctx.error(node, f"expected a list, found {_type_name(node)}", where=where)
        count = len(node.value)
        if count < self.min_items or (self.max_items is not None and count > self.max_items):
            bound = self.min_items if count < self.min_items or self.max_items is None else self.max_items
            size = (
                str(bound) if self.max_items == self.min_items else f"at least {bound}" if bound == self.min_items else f"at most {bound:,}"
            )
            return ctx.error(node, f"expected a list of {size} {one_or_many(bound, 'item', 'items')}, found {count:,}", where=where)
        items = []
        for index, child in enumerate(node.value):
            value = self.item.convert(child, ctx, f"{where}[{index + 1}]")
            if value is not INVALID:
                items.append((value, pos(child)))
        return items

    @override
    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        return schema


def _unique_pairs(node: MappingNode, ctx: Context, where: str) -> list[tuple[Node, Node]]:
    seen: set[str] = set()
    pairs = []
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, ScalarNode) else None
        if key is None:
            ctx.error(key_node, f"a key must be a plain word, found {_type_name(key_node)}", where=where)
            continue
        if key in seen:
            ctx.error(key_node, f"duplicate key {key!r} (the later one would silently replace the earlier)", where=where)
            continue
        seen.add(key)
        pairs.append((key_node, value_node))
    return pairs


class MapKind(Kind):
    """A mapping from ids to values of one kind; converts to a list of Entry in file order."""

    def __init__(self, value: Kind, key: IdKind | None = None, what: str = "entry") -> None:
        self.value = value
        self.key = key or IdKind()
        self.what = what

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, MappingNode):
            return ctx.error(node, f"expected a mapping of {self.what} ids, found {_type_name(node)}", where=where)
        entries = []
        for key_node, value_node in _unique_pairs(node, ctx, where):
            key = self.key.check_id(key_node, ctx, where)
            if key is INVALID:
                continue
            value = self.value.convert(value_node, ctx, f"{where}.{key}")
            if value is not INVALID:
                entries.append(Entry(key, pos(key_node), value, pos(value_node)))
        return entries

    @override
    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": self.key.json_schema(),
            "additionalProperties": self.value.json_schema(),
        }


@dataclasses.dataclass(frozen=True)
class Field:
    """One key of an ``ObjKind``: the kind of its value, its description (in the JSON Schema), whether it must be present."""

    kind: Kind
    description: str
    required: bool = False


class ObjKind(Kind):
    """A mapping with a fixed set of keys; converts to a Record."""

    def __init__(self, name: str, description: str, fields: dict[str, Field]) -> None:
        self.name = name
        self.description = description
        self.fields = fields

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, MappingNode):
            return ctx.error(node, f"expected a mapping ({self.name}), found {_type_name(node)}", where=where)
        record = Record(pos(node), {}, {}, {})
        for key_node, value_node in _unique_pairs(node, ctx, where):
            key = str(key_node.value)
            field = self.fields.get(key)
            if field is None:
                known = ", ".join(self.fields)
                ctx.error(key_node, f"unknown key {key!r} (a {self.name} has: {known})", where=where)
                continue
            record.key_pos[key] = pos(key_node)
            if value_node.tag == NULL and not isinstance(field.kind, ConstKind):
                if field.required:
                    ctx.error(key_node, f"{key!r} needs a value", where=where or self.name, at=f"{where}.{key}" if where else key)
                continue  # an empty optional value is the same as leaving the key out
            value = field.kind.convert(value_node, ctx, f"{where}.{key}" if where else key)
            if value is not INVALID:
                record.values[key] = value
                record.value_pos[key] = pos(value_node)
        for key, field in self.fields.items():
            if field.required and key not in record.key_pos:
                ctx.error(node, f"missing required key {key!r}", where=where or self.name, at=f"{where}.{key}" if where else key)
        return record

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}

    def definition(self) -> dict[str, Any]:
        """The object's JSON Schema definition for ``$defs``: its properties, required keys, no others allowed."""
        properties = {}
        for key, field in self.fields.items():
            schema = dict(field.kind.json_schema())
            if field.description:
                schema["description"] = field.description
            properties[key] = schema
        required = [key for key, field in self.fields.items() if field.required]
        definition: dict[str, Any] = {
            "type": "object",
            "description": self.description,
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            definition["required"] = required
        return definition


def _figure(value: float) -> str:
    """A bound or a value in a finding: ``:g`` (``100``, ``2.5``), a large whole number in full (``2147483647``, not ``2.14748e+09``)."""
    if float(value).is_integer() and 1e6 <= abs(value) < 1e19:
        return str(int(value))
    return f"{value:g}"
