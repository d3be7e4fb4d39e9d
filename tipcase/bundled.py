"""Where the bundled library lives, and the pathway search order of the scenario format.

A pathway named by a scenario is looked for as ``pathways/<id>.yaml`` beside the scenario, then
in the scenario folder's parent, then in the bundled library (``scenarios/pathways``).
"""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def bundled_dir() -> Path:
    """The folder of the bundled scenario library (``scenarios/`` in a source checkout)."""
    checkout = Path(__file__).resolve().parent.parent / "scenarios"
    if (checkout / "competencies.yaml").is_file():
        return checkout
    import importlib.resources  # noqa: PLC0415 - an installed copy only: a checkout finds its folders without it

    return Path(str(importlib.resources.files("tipcase.scenarios")))


@functools.cache
def resources_dir() -> Path:
    """The folder of bundled resources (fonts, icons, translations)."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    import importlib.resources  # noqa: PLC0415

    return Path(str(importlib.resources.files("tipcase.resources")))


def competency_framework_path() -> Path:
    """The bundled competency framework (``competencies.yaml``: ids, titles and descriptions in English and Bahasa Indonesia)."""
    return bundled_dir() / "competencies.yaml"


def pathway_candidates(scenario_path: str | Path, pathway_id: str) -> list[Path]:
    """Where a scenario's pathway is looked for, in order."""
    folder = Path(scenario_path).parent
    name = f"{pathway_id}.yaml"
    return [folder / "pathways" / name, folder.parent / "pathways" / name, bundled_dir() / "pathways" / name]


def find_pathway(scenario_path: str | Path, pathway_id: str) -> Path | None:
    """The first existing pathway file for a scenario, or None."""
    for candidate in pathway_candidates(scenario_path, pathway_id):
        if candidate.is_file():
            return candidate
    return None


def is_library_file(path: Path) -> bool:
    """Whether a file beside the scenarios is one of the library's other kinds (competencies, provisions registers)."""
    return path.name == "competencies.yaml" or (path.name.startswith("provisions") and path.suffix == ".yaml")


def bundled_scenarios() -> list[Path]:
    """Every bundled scenario file, sorted by name."""
    return sorted(p for p in bundled_dir().glob("*.yaml") if not is_library_file(p))


def bundled_team_cases() -> list[Path]:
    """Every bundled team case file (``teams/*.yaml``: ``tipcase-team: 1``, docs/team-exercises.md), sorted by name."""
    return sorted((bundled_dir() / "teams").glob("*.yaml"))


def provision_registers() -> list[Path]:
    """The bundled provisions registers (``provisions*.yaml``), sorted by name."""
    return sorted(bundled_dir().glob("provisions*.yaml"))


def pathway_folders(scenario_path: str | Path | None = None) -> list[Path]:
    """The folders a scenario's pathway is looked for in, in the search order, each once (existing or not).

    A case in the bundled library has the library's ``pathways`` beside it: that folder is listed once,
    not once as the case's own and again as the library's.
    """
    folders = [bundled_dir() / "pathways"]
    if scenario_path is not None:
        folder = Path(scenario_path).parent
        folders[:0] = [folder / "pathways", folder.parent / "pathways"]
    seen: dict[Path, Path] = {}
    for folder in folders:
        seen.setdefault(folder.resolve(), folder)
    return list(seen.values())


def pathway_ids(scenario_path: str | Path | None = None) -> list[str]:
    """The ids of the pathways a scenario could name: beside it (when saved) and bundled, sorted, each once."""
    return sorted({path.stem for folder in pathway_folders(scenario_path) if folder.is_dir() for path in folder.glob("*.yaml")})
