"""Building a team case from its checked YAML tree (``tipcase-team: 1``), with findings instead of exceptions.

``tipcase.format.loader`` recognises the first key and calls ``build_team``; the shape is checked by
``tipcase.team.schema`` (E002, W101) and each role's stages by the scenario loader's own ``build_stage``.
"""

from __future__ import annotations

from typing import Any

from tipcase.format.findings import Findings, Pos
from tipcase.format.loader import (
    analysis_budget,
    build_competencies,
    build_exhibits,
    build_stage,
    check_variable_names,
    default_competencies,
    required_text,
)
from tipcase.format.model import DEFAULT_PASS_MARK, Scenario
from tipcase.format.roles import ROLE_IDS
from tipcase.format.schema import INVALID, Context, Entry, Record
from tipcase.format.yaml_source import Node
from tipcase.team.model import Handover, HandoverNote, Inject, Objective, TeamCase, Track
from tipcase.team.schema import ALL_ROLES, TEAM


def build_team(root: Node, findings: Findings, path: str, languages: list[str]) -> TeamCase | None:
    """The team case of a composed file, or None when its top level is not a mapping (reported)."""
    ctx = Context(findings, languages, scenario=True)
    record = TEAM.convert(root, ctx, "")
    if record is INVALID:
        return None
    values = record.values
    declared = "competencies" in values
    team = TeamCase(
        id=values.get("id", ""),
        version=values.get("version", 1),
        title=required_text(record, "title"),
        roles={},
        path=path,
        summary=values.get("summary"),
        languages=[language for language, _ in values.get("languages", [])] or ["en"],
        content_warning=values.get("content_warning"),
        pathway=values.get("pathway"),
        pass_mark=values.get("pass_mark", DEFAULT_PASS_MARK),
        competencies=build_competencies(values["competencies"]) if declared else default_competencies(),
        competencies_declared=declared,
        exhibits=build_exhibits(values.get("exhibits", [])),
        max_states=analysis_budget(values.get("analysis")),
        pos=record.pos,
        pathway_pos=record.value_pos.get("pathway", record.pos),
        roles_pos=record.key_pos.get("roles", record.pos),
    )
    for entry in values.get("roles", []):
        team.roles[entry.key] = _build_track(entry, team, ctx)
    for entry in values.get("handovers", []):
        team.handovers[entry.key] = _build_handover(entry)
    for index, (inject, _) in enumerate(values.get("injects", [])):
        team.injects.append(_build_inject(index, inject, team))
    for entry in values.get("objectives", []):
        team.objectives[entry.key] = _build_objective(entry)
    return team


def _build_track(entry: Entry, team: TeamCase, ctx: Context) -> Track:
    record: Record = entry.value
    values = record.values
    prefix = f"roles.{entry.key}."
    role = values.get("role")
    if role is None and "role" not in record.key_pos:
        if entry.key in ROLE_IDS:
            role = entry.key
        else:
            ctx.error(entry.key_pos, f"name the agency this role plays: 'role: one of {', '.join(ROLE_IDS)}'", where=f"roles.{entry.key}")
    declared: list[Entry] = values.get("variables", [])
    check_variable_names(declared, ctx, prefix)
    variables = [e for e in declared if not isinstance(e.value, Record) or "initial" in e.value.values]  # else reported (E002)
    initial = {e.key: e.value.values["initial"] if isinstance(e.value, Record) else e.value for e in variables}
    titles = {e.key: e.value.values["title"] for e in variables if isinstance(e.value, Record) and "title" in e.value.values}
    stages = {}
    waits, wait_pos = {}, {}
    sends: dict[tuple[str, int], list[str]] = {}
    send_pos: dict[tuple[str, int], list[Any]] = {}
    for stage_entry in values.get("stages", []):
        stage = build_stage(stage_entry, ctx, prefix)
        stages[stage.id] = stage
        stage_record: Record = stage_entry.value
        if "wait" in stage_record.values:
            waits[stage.id] = stage_record.values["wait"]
            wait_pos[stage.id] = stage_record.value_pos["wait"]
        for index, (choice_record, _) in enumerate(stage_record.values.get("choices", [])):
            sent = choice_record.values.get("send")
            if sent:
                sends[(stage.id, index)] = [handover for handover, _ in sent]
                send_pos[(stage.id, index)] = [where for _, where in sent]
    scenario = Scenario(
        id=team.id,
        version=team.version,
        title=values.get("title") or team.title,
        start=values.get("start", ""),
        stages=stages,
        path=team.path,
        summary=team.summary,
        languages=team.languages,
        content_warning=team.content_warning,
        pathway=team.pathway,
        role=role,
        pass_mark=team.pass_mark,
        competencies=team.competencies,
        competencies_declared=team.competencies_declared,
        variables=initial,
        exhibits=team.exhibits,
        pos=entry.key_pos,
        start_pos=record.value_pos.get("start", entry.key_pos),
        pathway_pos=team.pathway_pos,
        variables_pos=record.key_pos.get("variables", record.value_pos.get("start", entry.key_pos)),
        variable_pos={e.key: e.key_pos for e in variables},
    )
    return Track(
        id=entry.key,
        role=role,
        scenario=scenario,
        title=values.get("title"),
        briefing=values.get("briefing"),
        variable_titles=titles,
        waits=waits,
        wait_pos=wait_pos,
        sends=sends,
        send_pos=send_pos,
        pos=entry.key_pos,
    )


def _build_handover(entry: Entry) -> Handover:
    record: Record = entry.value
    values = record.values
    exhibits = values.get("exhibits", [])
    carries = values.get("carries", [])
    return Handover(
        id=entry.key,
        sender=values.get("from", ""),
        receiver=values.get("to", ""),
        title=required_text(record, "title"),
        text=values.get("text"),
        exhibits=[exhibit for exhibit, _ in exhibits],
        carries=[name for name, _ in carries],
        complete_when=values.get("complete_when"),
        points=values.get("points", 0),
        competency=values.get("competency"),
        feedback=values.get("feedback"),
        recorded=[
            HandoverNote(
                note.values.get("when", ""), required_text(note, "text"), note.value_pos.get("when", note.pos), note.values.get("title")
            )
            for note, _ in values.get("recorded", [])
        ],
        pos=entry.key_pos,
        sender_pos=record.value_pos.get("from", entry.key_pos),
        receiver_pos=record.value_pos.get("to", entry.key_pos),
        exhibits_pos=[where for _, where in exhibits],
        carries_pos=[where for _, where in carries],
        complete_when_pos=record.value_pos.get("complete_when", entry.key_pos),
        competency_pos=record.value_pos.get("competency", entry.key_pos),
    )


def _build_inject(index: int, record: Record, team: TeamCase) -> Inject:
    values = record.values
    targets = values.get("to", [])
    to_all = [name for name, _ in targets] == [ALL_ROLES]
    effect_pos = {}
    for effect in ("set", "add"):
        for entry in values.get(effect, []):
            effect_pos[f"{effect}.{entry.key}"] = entry.key_pos
    at = values.get("at")
    reveal = values.get("reveal", [])
    return Inject(
        id=values.get("id", ""),
        index=index,
        to=list(team.roles) if to_all else [name for name, _ in targets],
        text=required_text(record, "text"),
        to_all=to_all,
        at_hours=float(at.values["hours"]) if at is not None and "hours" in at.values else None,
        when=values.get("when"),
        manual=values.get("manual", False),
        title=values.get("title"),
        sender=values.get("sender"),
        reveal=[exhibit for exhibit, _ in reveal],
        set={e.key: e.value for e in values.get("set", [])},
        add={e.key: e.value for e in values.get("add", [])},
        expect=values.get("expect"),
        note=values.get("note"),
        pos=record.pos,
        to_pos=[where for _, where in targets],
        when_pos=record.value_pos.get("when", record.pos),
        reveal_pos=[where for _, where in reveal],
        effect_pos=effect_pos,
    )


def _build_objective(entry: Entry) -> Objective:
    record: Record = entry.value
    values = record.values
    ref_pos: dict[str, Pos] = {}
    for key in ("competencies", "rules", "handovers"):
        for name, where in values.get(key, []):
            ref_pos.setdefault(f"{key}.{name}", where)
    return Objective(
        id=entry.key,
        title=required_text(record, "title"),
        description=values.get("description"),
        competencies=[name for name, _ in values.get("competencies", [])],
        rules=[name for name, _ in values.get("rules", [])],
        handovers=[name for name, _ in values.get("handovers", [])],
        pos=entry.key_pos,
        ref_pos=ref_pos,
    )
