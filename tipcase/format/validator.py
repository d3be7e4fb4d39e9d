"""The validator: every check of the scenario format over one or more files, as findings.

``validate_paths`` loads each file, finds a scenario's pathway (beside it, in its parent folder,
then in the bundled library), runs the schema, reference and route checks, and returns findings
sorted errors first. It never raises on bad input: whatever is wrong becomes a finding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from tipcase import bundled
from tipcase.format.findings import Finding, Findings, Location, sort_findings
from tipcase.format.loader import Loaded, default_competencies, load_file, load_text, register_for
from tipcase.format.media import check_exhibit_files
from tipcase.format.model import Pathway, Scenario
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
from tipcase.play.engine import analysis_of
from tipcase.play.state_space import Analysis

PATHWAY_FIELD = Location(field="pathway")


@dataclasses.dataclass
class Checked:
    """A scenario (or pathway) with everything the validator found, ready to play when error-free."""

    loaded: Loaded
    findings: list[Finding]
    scenario: Scenario | None = None
    pathway: Pathway | None = None
    analysis: Analysis | None = None

    @property
    def ok(self) -> bool:
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
    return candidate if candidate.is_file() else None


def check_loaded(loaded: Loaded, cache: _PathwayCache | None = None) -> Checked:
    """Run every check on a loaded file."""
    with gc_paused():  # the analysis allocates a tuple per state and edge, none in cycles
        return _check_loaded(loaded, cache or _PathwayCache())


def _check_loaded(loaded: Loaded, cache: _PathwayCache) -> Checked:
    findings = Findings(loaded.path)
    findings.items.extend(loaded.findings.items)
    extra: list[Finding] = []
    checked = Checked(loaded, [])
    if loaded.pathway is not None:
        check_pathway_nodes(loaded.pathway, findings)
        check_rule_competencies(loaded.pathway, findings, default_competencies(), "the competency framework")
        check_pathway_references(loaded.pathway, register_for(_on_disk(loaded.path)), findings)
        checked.pathway = loaded.pathway
    scenario = loaded.scenario
    if scenario is not None:
        checked.scenario = scenario
        pathway = None
        if scenario.pathway is not None:
            found = bundled.find_pathway(scenario.path, scenario.pathway)
            if found is None:
                tried = ", ".join(_display(p) for p in bundled.pathway_candidates(scenario.path, scenario.pathway)[:2])
                message = f"pathway {scenario.pathway!r} not found (looked in {tried} and the bundled library)"
                findings.add("E004", scenario.pathway_pos, message, at=PATHWAY_FIELD)
            else:
                pathway_loaded = cache.get(found, _display(found))
                pathway_findings = Findings(pathway_loaded.path)
                pathway_findings.items.extend(pathway_loaded.findings.items)
                if pathway_loaded.pathway is not None:
                    check_pathway_nodes(pathway_loaded.pathway, pathway_findings)
                    check_pathway_references(pathway_loaded.pathway, register_for(found), pathway_findings)
                    check_rule_competencies(pathway_loaded.pathway, pathway_findings, scenario.competencies, f"scenario '{scenario.id}'")
                if pathway_loaded.kind != "pathway" and not pathway_loaded.findings.has_errors:
                    findings.add("E004", scenario.pathway_pos, f"{_display(found)} is not a pathway file", at=PATHWAY_FIELD)
                extra.extend(pathway_findings.items)
                if pathway_loaded.pathway is not None and not pathway_findings.has_errors:
                    pathway = pathway_loaded.pathway
                    if pathway.id != scenario.pathway:
                        message = f"{_display(found)} holds pathway {pathway.id!r}, not {scenario.pathway!r}"
                        findings.add("E004", scenario.pathway_pos, message, at=PATHWAY_FIELD)
                        pathway = None
        checked.pathway = pathway
        check_scenario(scenario, pathway, findings)
        check_references(scenario, register_for(_on_disk(scenario.path)), findings)
        pathway_missing = scenario.pathway is not None and pathway is None
        if findings.has_errors or pathway_missing or any(f.is_error for f in extra):
            check_reachable_stages(scenario, findings)
        else:
            checked.analysis = analysis_of(compile_scenario(scenario))
            check_routes(scenario, pathway, checked.analysis, findings)
        check_exhibit_files(scenario, findings)  # after the route checks: a missing picture never hides them
    checked.findings = sort_findings(findings.items + extra)
    return checked


def check_file(path: str | Path) -> Checked:
    """Load and check one file from disk."""
    return check_loaded(load_file(path))


def check_text(text: str, path: str = "<memory>") -> Checked:
    """Check a file's text (the editor validates what is on screen, saved or not)."""
    return check_loaded(load_text(text, path))


def validate_paths(paths: Iterable[str]) -> list[Finding]:
    """Every finding for the given files, errors first."""
    cache = _PathwayCache()
    findings: list[Finding] = []
    for path in paths:
        findings.extend(check_loaded(load_file(path), cache).findings)
    return sort_findings(findings)
