"""Loading scenario, pathway and competency files into the model, with findings instead of exceptions.

``load_file`` reads bytes, decodes UTF-8, composes YAML with positions, checks the shape against
``tipcase.format.schema`` and builds the dataclasses of ``tipcase.format.model``. Anything wrong becomes a finding
(E001 or E002, W101); callers decide what to do with a file that has errors.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipcase import bundled
from tipcase.format.findings import Findings, Pos
from tipcase.format.model import (
    DEFAULT_PASS_MARK,
    Choice,
    Competency,
    Exhibit,
    Pathway,
    PathwayNode,
    Rule,
    Scenario,
    Stage,
)
from tipcase.format.provisions import REGISTER, Register, build_register, merged
from tipcase.format.schema import (
    COMPETENCY_FRAMEWORK,
    INVALID,
    LANGUAGES,
    PATHWAY,
    SCENARIO,
    Context,
    Entry,
    Record,
    Text,
)
from tipcase.format.yaml_source import MAX_FILE_BYTES, MappingNode, Node, ScalarNode, compose, gc_paused, is_utf8, pos, too_large

if TYPE_CHECKING:
    from tipcase.team.model import TeamCase

SCENARIO_KEY = "tipcase"
PATHWAY_KEY = "tipcase-pathway"
FRAMEWORK_KEY = "tipcase-competencies"
PROVISIONS_KEY = "tipcase-provisions"
TEAM_KEY = "tipcase-team"


@dataclasses.dataclass
class Loaded:
    """The outcome of loading one file: what it is, the model when it could be built, and findings."""

    path: str
    kind: str | None  # "scenario" | "pathway" | "competencies" | "provisions" | "team" | None when unrecognisable
    findings: Findings
    scenario: Scenario | None = None
    team: TeamCase | None = None  # a team case (tipcase.team), docs/team-exercises.md
    pathway: Pathway | None = None
    competencies: dict[str, Competency] | None = None
    register: Register | None = None
    text: str = ""


class LoadError(Exception):
    """A file that cannot be loaded at all; ``findings`` says why."""

    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        first = findings.items[0] if findings.items else None
        super().__init__(str(first) if first else "cannot load")


def load_file(path: str | Path, display_path: str | None = None) -> Loaded:
    """Load any TIPCase file from disk. ``display_path`` is what findings print (default: ``path``).

    A file over ``yaml_source.MAX_FILE_BYTES`` is refused (E001) without being read. Raises
    ``OSError`` when the file cannot be opened.
    """
    shown = display_path if display_path is not None else str(path)
    with Path(path).open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        findings = Findings(shown)
        if too_large(size, findings):
            return Loaded(shown, None, findings)
        data = stream.read(MAX_FILE_BYTES + 1)  # a file that grew meanwhile is still bounded
    return load_bytes(data, shown)


def load_bytes(data: bytes, path: str = "<memory>") -> Loaded:
    """Load a scenario, team case or pathway from a file's bytes (UTF-8; E001 when not), with its SHA-256 over exactly those bytes.

    ``path`` names the file in findings. Never raises for bad input: every fault is a finding of the returned ``Loaded``.
    """
    findings = Findings(path)
    if not is_utf8(data, findings):
        return Loaded(path, None, findings)
    with gc_paused():  # composed from the bytes: a copy of the file as a str would be 4 bytes a character with one emoji
        loaded = _load_text(data, path, findings)
    if loaded.scenario is not None:
        loaded.scenario.sha256 = hashlib.sha256(data).hexdigest()
    if loaded.team is not None:
        loaded.team.set_sha256(hashlib.sha256(data).hexdigest())
    if loaded.pathway is not None:
        loaded.pathway.sha256 = hashlib.sha256(data).hexdigest()
    return loaded


def load_text(text: str, path: str = "<memory>", findings: Findings | None = None) -> Loaded:
    """Load a file's text (already decoded)."""
    with gc_paused():
        return _load_text(text, path, findings if findings is not None else Findings(path))


def _load_text(text: str | bytes, path: str, findings: Findings) -> Loaded:
    loaded = Loaded(path, None, findings, text=text if isinstance(text, str) else "")
    if too_large(len(text), findings):
        return loaded
    root = compose(text, findings)
    if findings.has_errors:
        return loaded
    return _load_root(root, loaded)


def load_node(root: Node | None, path: str) -> Loaded:
    """Load a document from a node tree already composed or represented.

    The editor's checker builds the tree from the document's data, part by part, instead of writing and
    parsing the whole text after each change (``tipcase.format.document_check``).
    """
    with gc_paused():
        return _load_root(root, Loaded(path, None, Findings(path)))


def _load_root(root: Node | None, loaded: Loaded) -> Loaded:
    findings, path = loaded.findings, loaded.path
    if root is None:
        findings.add("E002", (1, 1), f"empty file: a scenario starts with '{SCENARIO_KEY}: 1', a pathway with '{PATHWAY_KEY}: 1'")
        return loaded
    if not isinstance(root, MappingNode) or not root.value:
        findings.add("E002", pos(root), f"expected a mapping starting with '{SCENARIO_KEY}: 1' or '{PATHWAY_KEY}: 1'")
        return loaded
    first_key = root.value[0][0]
    first = str(first_key.value) if isinstance(first_key, ScalarNode) else ""
    kinds = {
        SCENARIO_KEY: "scenario",
        PATHWAY_KEY: "pathway",
        FRAMEWORK_KEY: "competencies",
        PROVISIONS_KEY: "provisions",
        TEAM_KEY: "team",
    }
    if first not in kinds:
        message = f"the first key must be '{SCENARIO_KEY}: 1' (scenario), '{PATHWAY_KEY}: 1' (pathway) or '{TEAM_KEY}: 1' (team case)"
        findings.add("E002", pos(first_key), f"{message}, found {first!r}")
        return loaded
    loaded.kind = kinds[first]
    if loaded.kind == "team":
        from tipcase.team.loader import build_team  # noqa: PLC0415 - the team format builds on this module

        loaded.team = build_team(root, findings, path, _languages(root, findings))
        return loaded
    ctx = Context(findings, _languages(root, findings), scenario=loaded.kind == "scenario")
    spec = {"scenario": SCENARIO, "pathway": PATHWAY, "competencies": COMPETENCY_FRAMEWORK, "provisions": REGISTER}[loaded.kind]
    record = spec.convert(root, ctx, "")
    if record is INVALID:
        return loaded
    if loaded.kind == "scenario":
        loaded.scenario = _build_scenario(record, ctx, path)
    elif loaded.kind == "pathway":
        loaded.pathway = _build_pathway(record, ctx, path)
    elif loaded.kind == "provisions":
        loaded.register = build_register(record, path)
    else:
        loaded.competencies = build_competencies(record.get("competencies", []))
    return loaded


def _languages(root: MappingNode, findings: Findings) -> list[str]:
    """Read ``languages`` first: every text in the file is checked against it."""
    for key_node, value_node in root.value:
        if isinstance(key_node, ScalarNode) and key_node.value == "languages":
            scratch = Findings(findings.path)  # the full conversion reports problems once, later
            value = LANGUAGES.convert(value_node, Context(scratch), "languages")
            if value is not INVALID and value:
                return [language for language, _ in value]
    return ["en"]


def required_text(record: Record, key: str) -> Text:
    """A required text; when it was missing or invalid (already reported), an empty placeholder."""
    value = record.values.get(key)
    return value if isinstance(value, Text) else Text({}, record.pos)


def build_competencies(entries: list[Entry]) -> dict[str, Competency]:
    """Competencies by id from the checked entries of a ``competencies`` map."""
    result = {}
    for entry in entries:
        record: Record = entry.value
        result[entry.key] = Competency(
            id=entry.key,
            title=required_text(record, "title"),
            weight=record.get("weight", 1),
            description=record.get("description"),
            pos=entry.key_pos,
        )
    return result


def _build_choice(index: int, record: Record) -> Choice:
    values = record.values
    score_entries: list[Entry] = values.get("score", [])
    effect_pos = {}
    for effect in ("set", "add"):
        for entry in values.get(effect, []):
            effect_pos[f"{effect}.{entry.key}"] = entry.key_pos
    return Choice(
        index=index,
        label=required_text(record, "label"),
        to=values.get("to", ""),
        score={e.key: e.value for e in score_entries},
        feedback=values.get("feedback"),
        when=values.get("when"),
        set={e.key: e.value for e in values.get("set", [])},
        add={e.key: e.value for e in values.get("add", [])},
        hours=values.get("hours", 0),
        critical=values.get("critical"),
        ref=values.get("ref"),
        pos=record.pos,
        to_pos=record.value_pos.get("to", record.pos),
        ref_pos=record.value_pos.get("ref", record.pos),
        when_pos=record.value_pos.get("when", record.pos),
        score_pos={e.key: e.key_pos for e in score_entries},
        effect_pos=effect_pos,
    )


def _layout(record: Record | None) -> tuple[float, float] | None:
    if record is None:
        return None
    return float(record.values.get("x", 0)), float(record.values.get("y", 0))


def build_stage(entry: Entry, ctx: Context, prefix: str = "") -> Stage:
    """A stage from its checked record; ``prefix`` is the key path above ``stages`` (a team case's ``roles.<id>.``)."""
    record: Record = entry.value
    values = record.values
    choices = [_build_choice(i, choice) for i, (choice, _) in enumerate(values.get("choices", []))]
    has_choices_key = "choices" in record.key_pos
    where = f"{prefix}stages.{entry.key}"
    if "end" in values and values.get("choices"):
        ctx.error(record.key_pos["choices"], "an end stage has no choices (remove 'choices' or 'end')", where=where, at=f"{where}.end")
    elif "end" not in record.key_pos and not has_choices_key and "text" in record.key_pos:
        ctx.error(
            entry.key_pos,
            "a stage needs 'choices' unless it is an end (add 'end: success|partial|failure')",
            where=where,
            at=f"{where}.end",
        )
    reveal = values.get("reveal", [])
    return Stage(
        id=entry.key,
        text=required_text(record, "text"),
        title=values.get("title"),
        at=values.get("at"),
        reveal=[exhibit for exhibit, _ in reveal],
        reveal_pos=[where for _, where in reveal],
        choices=choices,
        end=values.get("end"),
        layout=_layout(values.get("layout")),
        pos=entry.key_pos,
        at_pos=record.value_pos.get("at", entry.key_pos),
    )


def build_exhibits(entries: list[Entry]) -> dict[str, Exhibit]:
    """The case file by exhibit id from the checked entries of an ``exhibits`` map."""
    exhibits = {}
    for entry in entries:
        exhibit: Record = entry.value
        exhibits[entry.key] = Exhibit(
            id=entry.key,
            kind=exhibit.get("kind", "document"),
            title=exhibit.get("title"),
            text=exhibit.get("text"),
            file=exhibit.get("file"),
            pos=entry.key_pos,
            file_pos=exhibit.value_pos.get("file", entry.key_pos),
        )
    return exhibits


def check_variable_names(variables: list[Entry], ctx: Context, prefix: str = "") -> None:
    """E002 for a variable named like a word of conditions (``hours``, ``and``...)."""
    for entry in variables:
        if entry.key == "hours" or entry.key in ("and", "or", "not", "true", "false"):
            ctx.error(
                entry.key_pos,
                f"{entry.key!r} is a reserved word of conditions; choose another name",
                where=f"{prefix}variables.{entry.key}",
            )


def analysis_budget(record: Record | None) -> int | None:
    """The ``max_states`` of a checked ``analysis`` mapping (a scenario's or a team case's); None when not given."""
    value = record.values.get("max_states") if record is not None else None
    return value if isinstance(value, int) else None


def _build_scenario(record: Record, ctx: Context, path: str) -> Scenario:
    values = record.values
    declared = "competencies" in values
    competencies = build_competencies(values["competencies"]) if declared else dict(default_competencies())
    variables: list[Entry] = values.get("variables", [])
    check_variable_names(variables, ctx)
    exhibits = build_exhibits(values.get("exhibits", []))
    stages = {entry.key: build_stage(entry, ctx) for entry in values.get("stages", [])}
    return Scenario(
        id=values.get("id", ""),
        version=values.get("version", 1),
        title=required_text(record, "title"),
        start=values.get("start", ""),
        stages=stages,
        path=path,
        summary=values.get("summary"),
        languages=[language for language, _ in values.get("languages", [])] or ["en"],
        content_warning=values.get("content_warning"),
        pathway=values.get("pathway"),
        role=values.get("role"),
        pass_mark=values.get("pass_mark", DEFAULT_PASS_MARK),
        competencies=competencies,
        competencies_declared=declared,
        variables={e.key: e.value for e in variables},
        exhibits=exhibits,
        max_states=analysis_budget(values.get("analysis")),
        pos=record.pos,
        start_pos=record.value_pos.get("start", record.pos),
        pathway_pos=record.value_pos.get("pathway", record.pos),
        variables_pos=record.key_pos.get("variables", record.value_pos.get("start", record.pos)),
        variable_pos={e.key: e.key_pos for e in variables},
    )


def _build_pathway(record: Record, ctx: Context, path: str) -> Pathway:
    values = record.values
    nodes = {}
    for entry in values.get("nodes", []):
        node: Record = entry.value
        nodes[entry.key] = PathwayNode(
            id=entry.key,
            title=node.get("title"),
            agency=node.get("agency"),
            phase=node.get("phase"),
            description=node.get("description"),
            ref=node.get("ref"),
            pos=entry.key_pos,
        )
    rules = []
    for rule_record, rule_pos in values.get("rules", []):
        rules.append(_build_rule(rule_record, rule_pos, ctx))
    referral_positions: dict[tuple[str, str], tuple[Pos, Pos]] = {}
    for pair, _ in values.get("referrals", []):
        if len(pair) != 2:  # an item was a bad id: already reported (E002)
            continue
        (source, source_pos), (target, target_pos) = pair
        referral_positions.setdefault((source, target), (source_pos, target_pos))
    return Pathway(
        id=values.get("id", ""),
        title=required_text(record, "title"),
        nodes=nodes,
        referrals=set(referral_positions),
        referral_positions=referral_positions,
        rules=rules,
        languages=[language for language, _ in values.get("languages", [])] or ["en"],
        summary=values.get("summary"),
        path=path,
    )


def _build_rule(record: Record, rule_pos: Any, ctx: Context) -> Rule:
    values = record.values
    kinds = [key for key in ("before", "deadline", "requires") if key in record.key_pos]
    rule_id = values.get("id", "?")
    if len(kinds) != 1:
        found = ", ".join(kinds) if kinds else "none"
        ctx.error(record.pos, f"rules.{rule_id}: a rule has exactly one of before, deadline, requires (found {found})")
    if values.get("points", 0) > 0 and "competency" not in values:
        ctx.error(record.pos, f"rules.{rule_id}: a rule with points names the competency that loses them")
    node_pos: dict[str, Any] = {}
    for node_id, where in values.get("before", []):
        node_pos.setdefault(node_id, where)
    deadline: Record | None = values.get("deadline")
    if deadline is not None and "node" in deadline.values:
        node_pos.setdefault(deadline.values["node"], deadline.value_pos["node"])
    if "requires" in values:
        node_pos.setdefault(values["requires"], record.value_pos["requires"])
    return Rule(
        id=rule_id,
        before=[node_id for node_id, _ in values.get("before", [])],
        deadline_node=deadline.values.get("node") if deadline is not None else None,
        deadline_hours=deadline.values.get("hours", 0) if deadline is not None else 0,
        requires=values.get("requires"),
        competency=values.get("competency"),
        points=values.get("points", 0),
        critical=values.get("critical", False),
        title=values.get("title"),
        feedback=values.get("feedback"),
        ref=values.get("ref"),
        pos=record.pos,
        competency_pos=record.value_pos.get("competency", record.pos),
        node_pos=node_pos,
    )


@functools.cache
def _framework() -> tuple[tuple[str, Competency], ...]:
    path = bundled.competency_framework_path()
    loaded = load_file(path)
    if loaded.competencies is None or loaded.findings.has_errors:  # pragma: no cover - a broken install
        raise LoadError(loaded.findings)
    return tuple(loaded.competencies.items())


def default_competencies() -> dict[str, Competency]:
    """The bundled competency framework, used by scenarios that declare no competencies."""
    return dict(_framework())


def _register_files(folder: Path) -> tuple[tuple[str, int], ...]:
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(folder.glob("provisions*.yaml")) if p.is_file())


@functools.lru_cache(maxsize=8)
def _registers(files: tuple[tuple[str, int], ...]) -> Register:
    registers = []
    for path, _mtime in files:
        loaded = load_file(path)
        if loaded.register is not None:
            registers.append(loaded.register)
    return merged(registers)


def bundled_register() -> Register:
    """The bundled register of provisions (every ``provisions*.yaml`` of the library, merged).

    A register file with errors contributes what could be read; ``tipcase validate`` reports the errors.
    """
    return _registers(_register_files(bundled.bundled_dir()))


def register_for(scenario_path: str | Path | None) -> Register:
    """The register a scenario's refs are checked against: ``provisions*.yaml`` beside it, then the bundled one."""
    bundled_register_ = bundled_register()
    if scenario_path is None:
        return bundled_register_
    folder = Path(scenario_path).parent
    try:
        if not folder.is_dir() or folder.resolve() == bundled.bundled_dir().resolve():
            return bundled_register_
        local = _register_files(folder)
    except OSError:
        return bundled_register_
    return _registers(local).merge(bundled_register_) if local else bundled_register_
