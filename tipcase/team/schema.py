"""The team case format's shape (``tipcase-team: 1``), declared with the scenario format's own kinds.

A role's track has the stages and choices of a scenario (``tipcase.format.schema``'s STAGE and CHOICE
fields), with two keys added: a stage may ``wait`` for a hand-over and a choice may ``send`` one or
more. The JSON Schema of ``tipcase schema`` includes these definitions. The contract is
docs/team-exercises.md.
"""

from __future__ import annotations

from typing import Any

from typing_extensions import override

from tipcase.format.roles import ROLE_IDS
from tipcase.format.schema import (
    ANALYSIS,
    CHOICE,
    COMPETENCY,
    COMPETENCY_KEY,
    EXHIBIT,
    ID,
    INVALID,
    LANGUAGES,
    SCENARIO_ID_PATTERN,
    STAGE,
    STAGE_KEY,
    TEXT,
    BoolKind,
    ConstKind,
    Context,
    EnumKind,
    Field,
    IdKind,
    IntOrBoolKind,
    Kind,
    ListKind,
    MapKind,
    NumberKind,
    ObjKind,
    StrKind,
)
from tipcase.format.schema_kinds import MAX_CASE_ID, MAX_HOURS, MAX_INJECTS, MAX_ROLE_ID, MAX_VERSION
from tipcase.format.yaml_source import MappingNode, Node, SequenceNode, pos

ALL_ROLES = "all"


class IdOrListKind(Kind):
    """One id, or a list of ids; converts to a list of (id, position) pairs."""

    def __init__(self, what: str) -> None:
        self.id = IdKind(what=what)
        self.list = ListKind(self.id, min_items=1)

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if isinstance(node, SequenceNode):
            return self.list.convert(node, ctx, where)
        value = self.id.convert(node, ctx, where)
        return INVALID if value is INVALID else [(value, pos(node))]

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.id.json_schema(), self.list.json_schema()]}


TEAM_CHOICE = ObjKind(
    "TeamChoice",
    "A decision a role can take at a stage; it may send hand-overs to other roles.",
    {
        **CHOICE.fields,
        "send": Field(
            IdOrListKind("hand-over id"), "The hand-overs this choice sends (an id or a list of them), after its set, add and hours."
        ),
    },
)

TEAM_STAGE = ObjKind(
    "TeamStage",
    "A moment of a role's track; with `wait`, the role is offered nothing until the next delivery of that hand-over arrives.",
    {
        **{key: field for key, field in STAGE.fields.items() if key != "choices"},
        "choices": Field(ListKind(TEAM_CHOICE), "The choices offered (required unless the stage is an end)."),
        "wait": Field(ID, "Id of the hand-over this stage waits for; its choices are offered once a delivery is taken."),
    },
)

VARIABLE = ObjKind(
    "Variable",
    "A role's variable with a title: its initial value, and what people read for it where a condition is said in words.",
    {
        "initial": Field(IntOrBoolKind(), "The initial value: an integer or true/false.", True),
        "title": Field(TEXT, "What the variable is called where people read it (e.g. 'Statements taken'; the control room's injects)."),
    },
)


class VariableKind(Kind):
    """A variable's declaration: its initial value (an integer or true/false), or ``{initial: ..., title: ...}``.

    Converts to the value, or to the ``Variable`` Record when a mapping (``tipcase.team.loader`` reads both).
    """

    def __init__(self) -> None:
        self.value = IntOrBoolKind()

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        if isinstance(node, MappingNode):
            return VARIABLE.convert(node, ctx, where)
        return self.value.convert(node, ctx, where)

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.value.json_schema(), VARIABLE.json_schema()]}


TRACK = ObjKind(
    "Track",
    "One role's track: the stages and choices of the officer that role plays.",
    {
        "role": Field(EnumKind(*ROLE_IDS), "The agency whose officer plays this track (default: the track's key, when it is one)."),
        "title": Field(TEXT, "What this role is called in this case (e.g. 'Labour inspector, Disnakertrans')."),
        "briefing": Field(TEXT, "What the role reads before play starts."),
        "variables": Field(
            MapKind(VariableKind(), what="variable"),
            "This role's variables: each its initial value, or {initial, title} to name it where people read it.",
        ),
        "start": Field(ID, "Id of the role's first stage.", True),
        "stages": Field(MapKind(TEAM_STAGE, STAGE_KEY, what="stage"), "The role's stages, by id.", True),
    },
)

HANDOVER_NOTE = ObjKind(
    "HandoverNote",
    "A sentence of what the sender recorded: the receiver reads it when its condition over the carried values holds.",
    {
        "when": Field(StrKind(), "Condition over the carried values.", True),
        "text": Field(TEXT, "What the receiver reads in the hand-over.", True),
        "title": Field(TEXT, "Names the delivery in the inbox when this note holds, not the hand-over's title (the first such note)."),
    },
)

HANDOVER = ObjKind(
    "Handover",
    "A referral from one role to another: delivers exhibits and what the sender recorded to the receiver's inbox.",
    {
        "from": Field(ID, "The sending role.", True),
        "to": Field(ID, "The receiving role.", True),
        "title": Field(TEXT, "What the receiver sees in the inbox.", True),
        "text": Field(TEXT, "What the receiver reads on arrival."),
        "exhibits": Field(ListKind(ID), "Exhibits added to the receiver's case file on arrival."),
        "carries": Field(ListKind(ID), "Sender variables copied into the receiver's variables of the same name."),
        "complete_when": Field(StrKind(), "Condition over the carried values: false means the hand-over is incomplete."),
        "points": Field(NumberKind(minimum=0, integer=True), "Team penalty for an incomplete delivery (default 0)."),
        "competency": Field(ID, "Competency that loses the points."),
        "feedback": Field(TEXT, "Shown in the debrief for an incomplete delivery."),
        "recorded": Field(
            ListKind(HANDOVER_NOTE), "What the receiver reads of the carried values: each text whose condition holds, in order."
        ),
    },
)


class TargetKind(Kind):
    """An inject's ``to``: ``all``, one role, or a list of roles; converts to a list of (role, position) pairs."""

    def __init__(self) -> None:
        self.ids = IdOrListKind("role id")

    @override
    def convert(self, node: Node, ctx: Context, where: str) -> Any:
        return self.ids.convert(node, ctx, where)

    @override
    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"const": ALL_ROLES}, *self.ids.json_schema()["anyOf"]]}


INJECT_TIME = ObjKind(
    "InjectTime",
    "Fires when the receiving role's own case clock reaches `hours`.",
    {"hours": Field(NumberKind(minimum=0, maximum=MAX_HOURS), "Hours.", True)},
)

INJECT = ObjKind(
    "Inject",
    "An event fed to one role, several or all: at a time on the role's clock, when a condition holds, or by hand.",
    {
        "id": Field(ID, "Inject id.", True),
        "to": Field(TargetKind(), "The receiving roles: a role id, a list of them, or `all`.", True),
        "at": Field(INJECT_TIME, "Fires when the receiving role's own clock reaches this time."),
        "when": Field(StrKind(), "Fires when this condition over the receiving role's own variables holds."),
        "manual": Field(BoolKind(), "true: fires only when the trainer fires it."),
        "title": Field(TEXT, "Short title, in the inbox and the master events list."),
        "sender": Field(TEXT, "Who it comes from in the story (a journalist, the victim's sister)."),
        "text": Field(TEXT, "What the role reads.", True),
        "reveal": Field(ListKind(ID), "Exhibits added to the role's case file."),
        "set": Field(MapKind(IntOrBoolKind(), what="variable"), "Variables of the receiving role to assign."),
        "add": Field(MapKind(NumberKind(integer=True), what="variable"), "Integers to add to the receiving role's variables."),
        "expect": Field(TEXT, "The expected action (controllers only)."),
        "note": Field(TEXT, "A note for the controllers only."),
    },
)

OBJECTIVE = ObjKind(
    "Objective",
    "What the exercise must show, for the after-action report.",
    {
        "title": Field(TEXT, "The objective.", True),
        "description": Field(TEXT, "What good looks like."),
        "competencies": Field(ListKind(ID), "Competencies that evidence it."),
        "rules": Field(ListKind(ID), "Pathway rules that evidence it."),
        "handovers": Field(ListKind(ID), "Hand-overs whose completeness evidences it."),
    },
)

TEAM = ObjKind(
    "TeamCase",
    "A TIPCase team case: one case played by several roles at once.",
    {
        "tipcase-team": Field(ConstKind(1), "Format version of a team case file.", True),
        "id": Field(IdKind(SCENARIO_ID_PATTERN, "team case id", MAX_CASE_ID), "Team case id.", True),
        "version": Field(NumberKind(minimum=1, maximum=MAX_VERSION, integer=True), "Version; bump on every published change.", True),
        "title": Field(TEXT, "Title of the case.", True),
        "summary": Field(TEXT, "One-paragraph summary."),
        "languages": Field(LANGUAGES, "Languages every text must carry (default [en])."),
        "content_warning": Field(TEXT, "Shown before the exercise starts."),
        "pathway": Field(ID, "Id of the referral pathway the team works on."),
        "pass_mark": Field(NumberKind(minimum=0, maximum=100), "Team pass mark in percent (default 70)."),
        "competencies": Field(
            MapKind(COMPETENCY, COMPETENCY_KEY, what="competency"), "Competencies assessed (default: the bundled framework)."
        ),
        "exhibits": Field(MapKind(EXHIBIT, what="exhibit"), "The shared case file."),
        "objectives": Field(MapKind(OBJECTIVE, what="objective"), "The exercise's objectives."),
        "roles": Field(MapKind(TRACK, IdKind(most=MAX_ROLE_ID), what="role"), "The roles, by id, each with its track.", True),
        "handovers": Field(MapKind(HANDOVER, what="hand-over"), "Hand-overs between roles, by id."),
        "injects": Field(ListKind(INJECT, max_items=MAX_INJECTS), "The master events list (at most 1,000 injects)."),
        "analysis": Field(ANALYSIS, "The analysis budget, for a team whose roles' choices combine into many joint states."),
    },
)

ALL_TEAM_OBJECTS = (TEAM, TRACK, VARIABLE, TEAM_STAGE, TEAM_CHOICE, HANDOVER, HANDOVER_NOTE, INJECT, INJECT_TIME, OBJECTIVE)
