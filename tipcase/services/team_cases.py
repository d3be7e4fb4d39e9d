"""Published team case versions: immutable, validated copies that exercise sessions pin and replay.

Publishing stores the team case's exact text and its pathway's, so a session can always be replayed
against exactly what was played, whatever happens to the files later (as ``tipcase.services.scenarios``
does for one player's cases). Exhibit files of a team case are not stored: a team case's exhibits are
text (docs/team-exercises.md).
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.format.findings import Finding
from tipcase.format.loader import load_bytes
from tipcase.format.model import Pathway
from tipcase.format.validator import check_file
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import publishing
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.store.models import TeamCaseVersion, User
from tipcase.team.compiled import CompiledTeam, compile_team
from tipcase.team.model import TeamCase

# What a file that is not a team case is, as a refusal says it (the loader's kinds; tipcase.messages).
FILE_KINDS = (
    QT_TRANSLATE_NOOP("core", "scenario"),
    QT_TRANSLATE_NOOP("core", "pathway"),
    QT_TRANSLATE_NOOP("core", "competencies"),
    QT_TRANSLATE_NOOP("core", "provisions"),
    QT_TRANSLATE_NOOP("core", "unreadable"),
)


class NotPublishable(ServiceError):
    """A team case file the validator finds errors in: the message names the first; ``findings`` holds every error, in file order.

    The app lists them all, each said in the interface language by its code (walk F, finding 28).
    """

    findings: tuple[Finding, ...] = ()


@dataclasses.dataclass(frozen=True, eq=False)
class PlayableTeam:
    """A stored team case version, loaded and compiled, ready to play."""

    team: TeamCase
    pathway: Pathway | None
    compiled: CompiledTeam


def publish_team_file(session: Session, actor: User | None, path: str | Path) -> TeamCaseVersion:
    """Publish a team case file (with the pathway it names); publishing the same bytes again is a no-op.

    ``actor`` None publishes without a permission check (set-up: the demo). Raises PermissionDenied,
    NotPublishable (a ServiceError) when the file does not validate (naming its first error as PATH:LINE:COL, every
    error in its ``findings``) or ServiceError when it is not a team
    case, and ``publishing.VersionTaken`` when its version is taken by other content or older than the latest
    published (``tipcase.services.publishing``, which scenarios share).
    """
    if actor is not None:
        require(actor, Permission.PUBLISH_SCENARIO)
    path = Path(path)
    checked = check_file(path)
    errors = [f for f in checked.findings if f.is_error]
    if errors:
        refusal = NotPublishable(QT_TRANSLATE_NOOP("core", "cannot publish: {finding}"), finding=errors[0])
        refusal.findings = tuple(errors)
        raise refusal
    team = checked.team
    if team is None:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "cannot publish {path} as a team case: it is a {kind} file"),
            path=path,
            kind=Message(checked.loaded.kind or "unreadable"),  # FILE_KINDS: said in the interface language
        )
    source = publishing.Source(path, team.id, team.version, team.title.values, team.pathway)
    roles = list(team.roles)
    publication = publishing.publish_source(
        session, actor, source, TeamCaseVersion, "team_id", event="team case published", prepare=lambda: lambda _version: {"roles": roles}
    )
    return publication.version


def get_team_version(session: Session, team_id: str, version: int | None = None) -> TeamCaseVersion:
    """A published version of a team case (the latest when ``version`` is None); NotFound otherwise."""
    query = select(TeamCaseVersion).where(TeamCaseVersion.team_id == team_id)
    if version is not None:
        query = query.where(TeamCaseVersion.version == version)
    found = session.scalars(query.order_by(TeamCaseVersion.version.desc()).limit(1)).first()
    if found is None:
        if version is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no published team case {team_id!r}"), team_id=team_id)
        raise NotFound(QT_TRANSLATE_NOOP("core", "no published team case {team_id!r} version {version}"), team_id=team_id, version=version)
    return found


def list_team_versions(session: Session, actor: User) -> list[TeamCaseVersion]:
    """Every published team case version, by id then version; PermissionDenied unless ``actor`` may play."""
    require(actor, Permission.PLAY)
    return list(session.scalars(select(TeamCaseVersion).order_by(TeamCaseVersion.team_id, TeamCaseVersion.version)))


def playable_team(version: TeamCaseVersion) -> PlayableTeam:
    """The stored version loaded and compiled (cached by content hash)."""
    return _playable(version.sha256, version.source, version.pathway_source)


@functools.lru_cache(maxsize=16)
def _playable(sha256: str, source: str, pathway_source: str | None) -> PlayableTeam:
    loaded = load_bytes(source.encode("utf-8"), f"{sha256[:12]}.yaml")
    if loaded.team is None or loaded.findings.has_errors:  # pragma: no cover - validated when published
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "stored team case {digest} no longer loads: {finding}"),
            digest=sha256[:12],
            finding=loaded.findings.items[:1],
        )
    pathway = load_bytes(pathway_source.encode("utf-8"), "pathway.yaml").pathway if pathway_source is not None else None
    return PlayableTeam(loaded.team, pathway, compile_team(loaded.team))
