"""The scenario format's shape, declared once: it checks YAML node trees and generates the JSON Schema.

The kinds it is built from (and that the team format and the provisions register reuse) live in
:mod:`tipcase.format.schema_kinds`; this module declares the scenario, pathway and competency objects
with them, and re-exports the kinds so that ``from tipcase.format.schema import ...`` keeps working.
"""

from __future__ import annotations

from typing import Any

from tipcase.format.roles import ROLE_IDS
from tipcase.format.schema_kinds import (
    ID_PATTERN,
    INVALID,
    LANGUAGE_PATTERN,
    MAX_ANALYSIS_STATES,
    MAX_CASE_ID,
    MAX_COMPETENCY_ID,
    MAX_HOURS,
    MAX_STAGE_ID,
    MAX_VERSION,
    MAX_WEIGHT,
    SCENARIO_ID_PATTERN,
    BoolKind,
    ConstKind,
    Context,
    Entry,
    EnumKind,
    Field,
    IdKind,
    IntOrBoolKind,
    Kind,
    ListKind,
    MapKind,
    NumberKind,
    ObjKind,
    Record,
    StrKind,
    Text,
    TextKind,
)

__all__ = [
    "ALL_OBJECTS",
    "ANALYSIS",
    "CHOICE",
    "COMPETENCY",
    "COMPETENCY_FRAMEWORK",
    "COMPETENCY_KEY",
    "DEADLINE",
    "EXHIBIT",
    "ID",
    "ID_PATTERN",
    "INVALID",
    "LANGUAGES",
    "LANGUAGE_PATTERN",
    "LAYOUT",
    "PATHWAY",
    "PATHWAY_NODE",
    "RULE",
    "SCENARIO",
    "SCENARIO_ID_PATTERN",
    "STAGE",
    "STAGE_KEY",
    "TEXT",
    "BoolKind",
    "ConstKind",
    "Context",
    "Entry",
    "EnumKind",
    "Field",
    "IdKind",
    "IntOrBoolKind",
    "Kind",
    "ListKind",
    "MapKind",
    "NumberKind",
    "ObjKind",
    "Record",
    "StrKind",
    "Text",
    "TextKind",
    "json_schema",
]

TEXT = TextKind()
ID = IdKind()
STAGE_KEY = IdKind(most=MAX_STAGE_ID)  # a stage's id, as the records keep it with each decision
COMPETENCY_KEY = IdKind(most=MAX_COMPETENCY_ID)  # a competency's id, as the records keep it with each score
LANGUAGES = ListKind(IdKind(LANGUAGE_PATTERN, "language code"), min_items=1)

COMPETENCY = ObjKind(
    "Competency",
    "A competency assessed by the scenario's scores.",
    {
        "title": Field(TEXT, "Name of the competency, shown in the debrief and on certificates.", True),
        "description": Field(TEXT, "What a trainee who has this competency does."),
        "weight": Field(NumberKind(minimum=0, maximum=MAX_WEIGHT), "Weight in the total score (default 1)."),
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
        "hours": Field(NumberKind(minimum=0, maximum=MAX_HOURS), "Hours the case clock advances when the choice is taken."),
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

ANALYSIS = ObjKind(
    "Analysis",
    "How the validator analyses every route of the case (docs/scenario-format.md, 'The analysis budget').",
    {
        "max_states": Field(
            NumberKind(minimum=1, maximum=MAX_ANALYSIS_STATES, integer=True),
            "The most states the analysis of every route explores (a scenario's default: 100,000, or 32 a stage in a longer case; "
            "a team case's: 200,000 joint states); past it the case is E011. At most 2,000,000 (about 1.8 GiB of memory).",
        ),
    },
)

SCENARIO = ObjKind(
    "Scenario",
    "A TIPCase scenario: one simulated case.",
    {
        "tipcase": Field(ConstKind(1), "Format version of a scenario file.", True),
        "id": Field(IdKind(SCENARIO_ID_PATTERN, "scenario id", MAX_CASE_ID), "Scenario id.", True),
        "version": Field(NumberKind(minimum=1, maximum=MAX_VERSION, integer=True), "Version; bump on every published change.", True),
        "title": Field(TEXT, "Title of the case.", True),
        "role": Field(EnumKind(*ROLE_IDS), "The agency whose officer the trainee plays (see docs/scenario-format.md)."),
        "summary": Field(TEXT, "One-paragraph summary for the course list."),
        "languages": Field(LANGUAGES, "Languages every text must carry (default [en])."),
        "content_warning": Field(TEXT, "Shown before the case starts."),
        "pathway": Field(ID, "Id of the referral pathway the stages stand on."),
        "pass_mark": Field(NumberKind(minimum=0, maximum=100), "Pass mark in percent (default 70)."),
        "competencies": Field(
            MapKind(COMPETENCY, COMPETENCY_KEY, what="competency"), "Competencies assessed (default: the bundled framework)."
        ),
        "variables": Field(MapKind(IntOrBoolKind(), what="variable"), "Variables and their initial values."),
        "exhibits": Field(MapKind(EXHIBIT, what="exhibit"), "The case file."),
        "analysis": Field(ANALYSIS, "The analysis budget, for a case whose variables combine into many states."),
        "start": Field(ID, "Id of the first stage.", True),
        "stages": Field(MapKind(STAGE, STAGE_KEY, what="stage"), "The stages, by id.", True),
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
        "hours": Field(NumberKind(minimum=0, maximum=MAX_HOURS), "Hours on the case clock.", True),
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
        "competencies": Field(MapKind(COMPETENCY, COMPETENCY_KEY, what="competency"), "The competencies.", True),
    },
)

ALL_OBJECTS = (SCENARIO, ANALYSIS, COMPETENCY, EXHIBIT, STAGE, LAYOUT, CHOICE, PATHWAY, PATHWAY_NODE, RULE, DEADLINE)


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) for scenario, pathway, team case and provisions register files, for editors' completion.

    Each kind of file is told apart by its required first key (``tipcase``, ``tipcase-pathway``,
    ``tipcase-team``, ``tipcase-provisions``), so a file matches exactly one of ``oneOf``. The schema
    checks shapes only: what the validator checks beyond them (ids that resolve, the canonical form of a
    law's citation, texts in every language) is left to ``tipcase validate``.
    """
    from tipcase.format.provisions import LAW, PROVISION, REGISTER  # noqa: PLC0415 - the register builds on this module
    from tipcase.team.schema import ALL_TEAM_OBJECTS, TEAM  # noqa: PLC0415 - the team format builds on this module

    kinds = (SCENARIO, PATHWAY, TEAM, REGISTER)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:tipcase:scenario-format:1",
        "title": "TIPCase scenario, pathway, team case or provisions register file, format 1",
        "oneOf": [{"$ref": f"#/$defs/{kind.name}"} for kind in kinds],
        "$defs": {obj.name: obj.definition() for obj in (*ALL_OBJECTS, *ALL_TEAM_OBJECTS, REGISTER, LAW, PROVISION)},
    }
