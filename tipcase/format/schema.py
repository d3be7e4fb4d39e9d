"""The scenario format's shape, declared once: it checks YAML node trees and generates the JSON Schema.

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

from tipcase.format.findings import Findings, Location, Pos
from tipcase.format.roles import ROLE_IDS
from tipcase.format.yaml_source import BOOL, FLOAT, INT, NULL, MappingNode, Node, ScalarNode, SequenceNode, pos, scalar_value

ID_PATTERN = r"[a-z0-9_][a-z0-9_-]*"
SCENARIO_ID_PATTERN = r"[a-z0-9][a-z0-9-]*"
LANGUAGE_PATTERN = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"

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
        return cls({language: value})


@dataclasses.dataclass(slots=True)
class Record:
    """A checked mapping: its values by key, where each key and value stood, and where it started."""

    pos: Pos
    values: dict[str, Any]
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]

    def get(self, key: str, default: Any = None) -> Any:
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
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError


class TextKind(Kind):
    """A plain string, or a mapping from language code to string."""

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
    def __init__(self, pattern: str = ID_PATTERN, what: str = "id") -> None:
        self.pattern = re.compile(pattern)
        self.what = what

    def check_id(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag == NULL or isinstance(scalar_value(node), bool):
            return ctx.error(node, f"expected {self.what}, found {_type_name(node)}", where=where)
        value = str(node.value)
        if not self.pattern.fullmatch(value):
            return ctx.error(
                node, f"bad {self.what} {value!r} (use lower-case letters, digits, - and _; pattern {self.pattern.pattern})", where=where
            )
        return value

    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        return self.check_id(node, ctx, where)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{self.pattern.pattern}$"}


class StrKind(Kind):
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag == NULL:
            return ctx.error(node, f"expected a string, found {_type_name(node)}", where=where)
        return str(node.value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string"}


class EnumKind(Kind):
    def __init__(self, *values: str) -> None:
        self.values = values

    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or str(node.value) not in self.values:
            shown = node.value if isinstance(node, ScalarNode) else _type_name(node)
            return ctx.error(node, f"expected one of {', '.join(self.values)}, found {shown!r}", where=where)
        return str(node.value)

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


class NumberKind(Kind):
    def __init__(
        self, minimum: float | None = None, maximum: float | None = None, integer: bool = False, exclusive_minimum: bool = False
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.integer = integer
        self.exclusive_minimum = exclusive_minimum

    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        allowed = (INT,) if self.integer else (INT, FLOAT)
        if not isinstance(node, ScalarNode) or node.tag not in allowed:
            wanted = "an integer" if self.integer else "a number"
            return ctx.error(node, f"expected {wanted}, found {_type_name(node)} {getattr(node, 'value', '')!r}".rstrip(), where=where)
        value = scalar_value(node)
        assert isinstance(value, (int, float))
        if not math.isfinite(value):
            return ctx.error(node, "expected a finite number", where=where)
        if self.minimum is not None and (value < self.minimum or (self.exclusive_minimum and value == self.minimum)):
            relation = "above" if self.exclusive_minimum else "at least"
            return ctx.error(node, f"must be {relation} {self.minimum:g}, found {value:g}", where=where)
        if self.maximum is not None and value > self.maximum:
            return ctx.error(node, f"must be at most {self.maximum:g}, found {value:g}", where=where)
        return value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            schema["exclusiveMinimum" if self.exclusive_minimum else "minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


class BoolKind(Kind):
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag != BOOL:
            return ctx.error(node, f"expected true or false, found {_type_name(node)}", where=where)
        return scalar_value(node)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class IntOrBoolKind(Kind):
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag not in (INT, BOOL):
            return ctx.error(node, f"expected an integer or true/false, found {_type_name(node)}", where=where)
        return scalar_value(node)

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["integer", "boolean"]}


class ConstKind(Kind):
    def __init__(self, value: int) -> None:
        self.value = value

    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, ScalarNode) or node.tag != INT or scalar_value(node) != self.value:
            shown = node.value if isinstance(node, ScalarNode) else _type_name(node)
            return ctx.error(node, f"this program reads format {self.value}, found {shown!r}", where=where)
        return self.value

    def json_schema(self) -> dict[str, Any]:
        return {"const": self.value}


class ListKind(Kind):
    """A list; converts to a list of (value, position) pairs."""

    def __init__(self, item: Kind, min_items: int = 0, max_items: int | None = None) -> None:
        self.item = item
        self.min_items = min_items
        self.max_items = max_items

    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, SequenceNode):
            return ctx.error(node, f"expected a list, found {_type_name(node)}", where=where)
        count = len(node.value)
        if count < self.min_items or (self.max_items is not None and count > self.max_items):
            size = str(self.min_items) if self.max_items == self.min_items else f"at least {self.min_items}"
            return ctx.error(node, f"expected a list of {size} items, found {count}", where=where)
        items = []
        for index, child in enumerate(node.value):
            value = self.item.convert(child, ctx, f"{where}[{index + 1}]")
            if value is not INVALID:
                items.append((value, pos(child)))
        return items

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

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": self.key.json_schema(),
            "additionalProperties": self.value.json_schema(),
        }


@dataclasses.dataclass(frozen=True)
class Field:
    kind: Kind
    description: str
    required: bool = False


class ObjKind(Kind):
    """A mapping with a fixed set of keys; converts to a Record."""

    def __init__(self, name: str, description: str, fields: dict[str, Field]) -> None:
        self.name = name
        self.description = description
        self.fields = fields

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

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}

    def definition(self) -> dict[str, Any]:
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


# --- the format ------------------------------------------------------------------------------

TEXT = TextKind()
ID = IdKind()
LANGUAGES = ListKind(IdKind(LANGUAGE_PATTERN, "language code"), min_items=1)

COMPETENCY = ObjKind(
    "Competency",
    "A competency assessed by the scenario's scores.",
    {
        "title": Field(TEXT, "Name of the competency, shown in the debrief and on certificates.", True),
        "description": Field(TEXT, "What a trainee who has this competency does."),
        "weight": Field(NumberKind(minimum=0), "Weight in the total score (default 1)."),
        "sources": Field(ListKind(StrKind()), "Where the competency comes from (manuals, laws)."),
    },
)

EXHIBIT = ObjKind(
    "Exhibit",
    "A piece of the case file, opened by the trainee once a stage reveals it.",
    {
        "kind": Field(EnumKind("document", "photo", "chat", "statement", "report", "audio"), "What sort of exhibit this is.", True),
        "title": Field(TEXT, "Title shown in the case file.", True),
        "text": Field(TEXT, "The exhibit's content (a transcript for a chat or audio, a description for a photo)."),
        "file": Field(StrKind(), "Optional image or sound file, relative to the scenario file."),
    },
)

CHOICE = ObjKind(
    "Choice",
    "A decision the trainee can take at a stage: an edge of the scenario graph.",
    {
        "label": Field(TEXT, "What the trainee chooses.", True),
        "to": Field(ID, "Id of the stage this choice leads to.", True),
        "score": Field(MapKind(NumberKind(integer=True), what="competency"), "Points per competency (integers, may be negative)."),
        "feedback": Field(TEXT, "Why this is good or bad practice; shown in the debrief."),
        "when": Field(StrKind(), "Condition under which the choice is offered, e.g. 'trust >= 1 and not consent'."),
        "set": Field(MapKind(IntOrBoolKind(), what="variable"), "Variables to assign when the choice is taken."),
        "add": Field(MapKind(NumberKind(integer=True), what="variable"), "Integers to add to variables when the choice is taken."),
        "hours": Field(NumberKind(minimum=0), "Hours the case clock advances when the choice is taken."),
        "critical": Field(TEXT, "Choosing this is a critical error (the trainee fails); the text says why."),
        "ref": Field(TEXT, "Legal or SOP reference, e.g. 'UU 21/2007 Art. 18'."),
    },
)

LAYOUT = ObjKind(
    "Layout",
    "Where the stage is drawn in the editor (kept from an imported Twine story's passage position).",
    {
        "x": Field(NumberKind(), "Horizontal position.", True),
        "y": Field(NumberKind(), "Vertical position.", True),
    },
)

STAGE = ObjKind(
    "Stage",
    "A moment of the case: a node of the scenario graph.",
    {
        "at": Field(ID, "Id of the pathway node where this stage stands."),
        "title": Field(TEXT, "Short title of the stage."),
        "text": Field(TEXT, "What the trainee reads at this stage.", True),
        "reveal": Field(ListKind(ID), "Exhibits added to the case file on arrival."),
        "choices": Field(ListKind(CHOICE), "The choices offered (required unless the stage is an end)."),
        "end": Field(EnumKind("success", "partial", "failure"), "Makes this an end stage with this outcome."),
        "layout": Field(LAYOUT, "Position in the editor's drawing."),
    },
)

SCENARIO = ObjKind(
    "Scenario",
    "A TIPCase scenario: one simulated case.",
    {
        "tipcase": Field(ConstKind(1), "Format version of a scenario file.", True),
        "id": Field(IdKind(SCENARIO_ID_PATTERN, "scenario id"), "Scenario id.", True),
        "version": Field(NumberKind(minimum=1, integer=True), "Version; bump on every published change.", True),
        "title": Field(TEXT, "Title of the case.", True),
        "role": Field(EnumKind(*ROLE_IDS), "The agency whose officer the trainee plays (see docs/scenario-format.md)."),
        "summary": Field(TEXT, "One-paragraph summary for the course list."),
        "languages": Field(LANGUAGES, "Languages every text must carry (default [en])."),
        "content_warning": Field(TEXT, "Shown before the case starts."),
        "pathway": Field(ID, "Id of the referral pathway the stages stand on."),
        "pass_mark": Field(NumberKind(minimum=0, maximum=100), "Pass mark in percent (default 70)."),
        "competencies": Field(MapKind(COMPETENCY, what="competency"), "Competencies assessed (default: the bundled framework)."),
        "variables": Field(MapKind(IntOrBoolKind(), what="variable"), "Variables and their initial values."),
        "exhibits": Field(MapKind(EXHIBIT, what="exhibit"), "The case file."),
        "start": Field(ID, "Id of the first stage.", True),
        "stages": Field(MapKind(STAGE, what="stage"), "The stages, by id.", True),
    },
)

PATHWAY_NODE = ObjKind(
    "PathwayNode",
    "A service or step on the referral pathway.",
    {
        "title": Field(TEXT, "Name of the step.", True),
        "agency": Field(TEXT, "Agency responsible."),
        "phase": Field(ID, "Phase of the pathway, e.g. identification, protection, investigation."),
        "description": Field(TEXT, "What happens here."),
        "ref": Field(TEXT, "Legal or SOP basis."),
    },
)

DEADLINE = ObjKind(
    "Deadline",
    "If the node is reached, the case clock must be at most `hours` there.",
    {
        "node": Field(ID, "Pathway node id.", True),
        "hours": Field(NumberKind(minimum=0), "Hours on the case clock.", True),
    },
)

RULE = ObjKind(
    "Rule",
    "A rule of good practice; exactly one of before, deadline, requires.",
    {
        "id": Field(ID, "Rule id.", True),
        "title": Field(TEXT, "Short name of the rule."),
        "before": Field(ListKind(ID, min_items=2), "Nodes in order: if a later one is reached, the earlier must come first."),
        "deadline": Field(DEADLINE, "A deadline on the case clock."),
        "requires": Field(ID, "A node every route must reach before its end."),
        "competency": Field(ID, "Competency that loses points when the rule is broken."),
        "points": Field(NumberKind(minimum=0, integer=True), "Penalty when broken (default 0)."),
        "critical": Field(BoolKind(), "Breaking the rule is a critical error."),
        "feedback": Field(TEXT, "Shown in the debrief when the rule is broken."),
        "ref": Field(TEXT, "Legal or SOP reference."),
    },
)

PATHWAY = ObjKind(
    "Pathway",
    "A TIPCase referral pathway: agencies and services a case can move through, with rules of good practice.",
    {
        "tipcase-pathway": Field(ConstKind(1), "Format version of a pathway file.", True),
        "id": Field(ID, "Pathway id.", True),
        "title": Field(TEXT, "Title.", True),
        "summary": Field(TEXT, "Summary."),
        "languages": Field(LANGUAGES, "Languages every text must carry (default [en])."),
        "nodes": Field(MapKind(PATHWAY_NODE, what="node"), "The pathway's nodes.", True),
        "referrals": Field(ListKind(ListKind(ID, min_items=2, max_items=2)), "Allowed referrals, as [from, to]."),
        "rules": Field(ListKind(RULE), "Rules of good practice."),
    },
)

COMPETENCY_FRAMEWORK = ObjKind(
    "CompetencyFramework",
    "The bundled competency framework that scenarios use by default.",
    {
        "tipcase-competencies": Field(ConstKind(1), "Format version.", True),
        "title": Field(TEXT, "Title of the framework."),
        "languages": Field(LANGUAGES, "Languages every text must carry."),
        "competencies": Field(MapKind(COMPETENCY, what="competency"), "The competencies.", True),
    },
)

ALL_OBJECTS = (SCENARIO, COMPETENCY, EXHIBIT, STAGE, LAYOUT, CHOICE, PATHWAY, PATHWAY_NODE, RULE, DEADLINE)


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) for scenario, pathway and team case files, for editors' completion."""
    from tipcase.team.schema import ALL_TEAM_OBJECTS  # noqa: PLC0415 - the team format builds on this module

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:tipcase:scenario-format:1",
        "title": "TIPCase scenario, pathway or team case file, format 1",
        "oneOf": [{"$ref": "#/$defs/Scenario"}, {"$ref": "#/$defs/Pathway"}, {"$ref": "#/$defs/TeamCase"}],
        "$defs": {obj.name: obj.definition() for obj in (*ALL_OBJECTS, *ALL_TEAM_OBJECTS)},
    }
