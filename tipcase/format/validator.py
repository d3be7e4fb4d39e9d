"""The validator: every check of the scenario format over one or more files, as findings.

``validate_paths`` loads each file, finds a scenario's pathway (beside it, in its parent folder,
then in the bundled library), runs the schema, reference and route checks, and returns findings
sorted errors first. It never raises on bad input: whatever is wrong becomes a finding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tipcase import bundled
from tipcase.format.findings import Finding, Findings, Location, Pos, sort_findings
from tipcase.format.loader import Loaded, default_competencies, load_bytes, load_file, load_text, register_for
from tipcase.format.media import check_exhibit_files
from tipcase.format.model import Competency, Pathway, Scenario
from tipcase.format.model_checks import (
    check_pathway_nodes,
    check_pathway_references,
    check_reachable_stages,
    check_references,
    check_routes,
    check_rule_competencies,
    check_scenario,
)
from tipcase.format.yaml_source import gc_paused
from tipcase.play.compiled_scenario import compile_scenario
from tipcase.play.state_space import Analysis, analyze

if TYPE_CHECKING:
    from tipcase.team.joint import JointAnalysis
    from tipcase.team.model import TeamCase

PATHWAY_FIELD = Location(field="pathway")


@dataclasses.dataclass
class Checked:
    """A scenario (or pathway) with everything the validator found, ready to play when error-free."""

    loaded: Loaded
    findings: list[Finding]
    scenario: Scenario | None = None
    pathway: Pathway | None = None
    analysis: Analysis | None = None
    team: TeamCase | None = None
    team_analysis: JointAnalysis | None = None

    @property
    def ok(self) -> bool:
        """Whether the file has no error (warnings allowed): what ``tipcase validate`` exits 0 for."""
        return not any(f.is_error for f in self.findings)


class _PathwayCache:
    def __init__(self) -> None:
        self.loaded: dict[Path, Loaded] = {}

    def get(self, path: Path, shown: str) -> Loaded:
        key = path.resolve()
        if key not in self.loaded:
            self.loaded[key] = load_file(path, shown)
        return self.loaded[key]


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _on_disk(path: str) -> Path | None:
    """The file a loaded path names, when it is one (in-memory texts have placeholder paths)."""
    candidate = Path(path)
    try:
        return candidate if candidate.is_file() else None
    except (OSError, ValueError):  # a name the system refuses (too long, a NUL): no file
        return None


def pathway_of(  # noqa: PLR0917 - the same eight facts for a scenario and a team case
    owner_path: str,
    pathway_id: str,
    pathway_pos: Pos,
    competencies: Mapping[str, Competency],
    owner: str,
    findings: Findings,
    extra: list[Finding],
    cache: _PathwayCache,
) -> Pathway | None:
    """The pathway a case names, found and checked (its own findings go to ``extra``); None when it is unusable.

    E004 (at ``pathway_pos``, in ``findings``) when it is not found, not a pathway file or holds another id.
    """
    found = bundled.find_pathway(owner_path, pathway_id)
    if found is None:
        tried = ", ".join(_display(p) for p in bundled.pathway_candidates(owner_path, pathway_id)[:2])
        findings.add("E004", pathway_pos, f"pathway {pathway_id!r} not found (looked in {tried} and the bundled library)", at=PATHWAY_FIELD)
        return None
    pathway_loaded = cache.get(found, _display(found))
    pathway_findings = Findings(pathway_loaded.path)
    pathway_findings.extend(pathway_loaded.findings.items)
    if pathway_loaded.pathway is not None:
        check_pathway_nodes(pathway_loaded.pathway, pathway_findings)
        check_pathway_references(pathway_loaded.pathway, register_for(found), pathway_findings)
        check_rule_competencies(pathway_loaded.pathway, pathway_findings, competencies, owner)
    if pathway_loaded.kind != "pathway" and not pathway_loaded.findings.has_errors:
        findings.add("E004", pathway_pos, f"{_display(found)} is not a pathway file", at=PATHWAY_FIELD)
    extra.extend(pathway_findings.items)
    if pathway_loaded.pathway is None or pathway_findings.has_errors:
        return None
    if pathway_loaded.pathway.id != pathway_id:
        findings.add(
            "E004", pathway_pos, f"{_display(found)} holds pathway {pathway_loaded.pathway.id!r}, not {pathway_id!r}", at=PATHWAY_FIELD
        )
        return None
    return pathway_loaded.pathway


def check_loaded(loaded: Loaded, cache: _PathwayCache | None = None, *, max_states: int | None = None) -> Checked:
    """Run every check on a loaded file.

    ``max_states``: the analysis budget (``tipcase validate/analyze --max-states N``), overriding the case's own
    ``analysis: {max_states: N}``; None: the case's, else the default (``state_space.state_budget`` for a scenario,
    ``joint_space.state_budget`` for a team case, which holds any budget to its bound of values). Past it the case is E011.
    """
    with gc_paused():  # the analysis allocates a tuple per state and edge, none in cycles
        return _check_loaded(loaded, cache or _PathwayCache(), max_states)


def _check_loaded(loaded: Loaded, cache: _PathwayCache, max_states: int | None) -> Checked:
    findings = Findings(loaded.path)
    findings.extend(loaded.findings.items)
    extra: list[Finding] = []
    checked = Checked(loaded, [])
    if loaded.pathway is not None:
        check_pathway_nodes(loaded.pathway, findings)
        check_rule_competencies(loaded.pathway, findings, default_competencies(), "the competency framework")
        check_pathway_references(loaded.pathway, register_for(_on_disk(loaded.path)), findings)
        checked.pathway = loaded.pathway
    if loaded.team is not None:
        from tipcase.team.checks import check_team  # noqa: PLC0415 - the team format builds on this module

        checked.team = loaded.team
        checked.pathway, checked.team_analysis = check_team(loaded.team, findings, extra, cache, max_states)
    scenario = loaded.scenario
    if scenario is not None:
        checked.scenario = scenario
        pathway = None
        if scenario.pathway is not None:
            pathway = pathway_of(
                scenario.path,
                scenario.pathway,
                scenario.pathway_pos,
                scenario.competencies,
                f"scenario '{scenario.id}'",
                findings,
                extra,
                cache,
            )
        checked.pathway = pathway
        check_scenario(scenario, pathway, findings)
        check_references(scenario, register_for(_on_disk(scenario.path)), findings)
        pathway_missing = scenario.pathway is not None and pathway is None
        if findings.has_errors or pathway_missing or any(f.is_error for f in extra):
            check_reachable_stages(scenario, findings)
        else:
            # analysed directly: a scenario compiled here is never looked up again, and the play engine's cache of
            # analyses (``analysis_of``, 32 entries) would keep each check's model alive (the editor's checker, which
            # checks after every edit, grew to 1.1 GiB at 5,000 stages)
            checked.analysis = analyze(compile_scenario(scenario), max_states)
            check_routes(scenario, pathway, checked.analysis, findings)
        check_exhibit_files(scenario, findings)  # after the route checks: a missing picture never hides them
    checked.findings = sort_findings(findings.items + extra)
    return checked


def check_file(path: str | Path, *, max_states: int | None = None) -> Checked:
    """Load and check one file from disk (``max_states``: as in ``check_loaded``)."""
    return check_loaded(load_file(path), max_states=max_states)


def check_text(text: str, path: str = "<memory>") -> Checked:
    """Check a file's text (the editor validates what is on screen, saved or not)."""
    return check_loaded(load_text(text, path))


def check_bytes(data: bytes, path: str = "<memory>") -> Checked:
    """Check a file's bytes (UTF-8, as written: an importer's output), with no decoded copy of the whole text held beside them."""
    return check_loaded(load_bytes(data, path))


def validate_paths(paths: Iterable[str], *, max_states: int | None = None) -> list[Finding]:
    """Every finding for the given files, errors first (``max_states``: as in ``check_loaded``)."""
    cache = _PathwayCache()
    findings: list[Finding] = []
    for path in paths:
        findings.extend(check_loaded(load_file(path), cache, max_states=max_states).findings)
    return sort_findings(findings)
