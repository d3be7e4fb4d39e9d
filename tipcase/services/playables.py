"""A published scenario version loaded and compiled, ready to play: without the ORM, for readers that have none.

``playable`` takes anything with a version's ``sha256``, ``source`` and ``pathway_source`` (a
``ScenarioVersion`` of the models, or a row read through ``tipcase.store.tables``), and caches the result
by content hash. ``tipcase.services.scenarios`` re-exports both.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Protocol

from tipcase.format.loader import load_bytes
from tipcase.format.model import Pathway, Scenario
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.play.compiled_scenario import CompiledScenario, compile_scenario
from tipcase.services.errors import ServiceError


class StoredVersion(Protocol):
    """What ``playable`` reads of a published version: the digest and text of the scenario and of its pathway."""

    @property
    def sha256(self) -> str:
        """The SHA-256 of the scenario's exact bytes (64 hex digits): the cache's key."""

    @property
    def source(self) -> str:
        """The scenario's text as published."""

    @property
    def pathway_source(self) -> str | None:
        """The text of the pathway it names, or None."""


@dataclasses.dataclass(frozen=True, eq=False)
class Playable:
    """A stored version, loaded and compiled, ready to play."""

    scenario: Scenario
    pathway: Pathway | None
    compiled: CompiledScenario


def playable(version: StoredVersion) -> Playable:
    """The stored version loaded and compiled (cached by content hash)."""
    return _playable(version.sha256, version.source, version.pathway_source)


@functools.lru_cache(maxsize=64)
def _playable(sha256: str, source: str, pathway_source: str | None) -> Playable:
    loaded = load_bytes(source.encode("utf-8"), f"{sha256[:12]}.yaml")
    if loaded.scenario is None or loaded.findings.has_errors:  # pragma: no cover - validated when published
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "stored scenario {digest} no longer loads: {finding}"),
            digest=sha256[:12],
            finding=loaded.findings.items[:1],
        )
    pathway = None
    if pathway_source is not None:
        pathway = load_bytes(pathway_source.encode("utf-8"), "pathway.yaml").pathway
    return Playable(loaded.scenario, pathway, compile_scenario(loaded.scenario))


def language_of(languages: list[str], requested: str) -> str | None:
    """The scenario's language tag that ``requested`` names (``ID`` for ``id``), or None when it has none."""
    wanted = requested.strip().casefold()
    return next((tag for tag in languages if tag.casefold() == wanted), None)
