"""Published scenario versions: immutable, validated copies that courses pin and attempts replay.

Publishing stores the scenario's exact text and its pathway's, and the image and sound files its
exhibits name, so an attempt can always be replayed (and its case file shown) against exactly what the
trainee played, whatever happens to the files later.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tipcase import bundled
from tipcase.format import media
from tipcase.format.loader import load_bytes
from tipcase.format.model import Pathway, Scenario
from tipcase.format.validator import check_file
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.play.compiled_scenario import CompiledScenario, compile_scenario
from tipcase.services import audit
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.store.models import ScenarioMedia, ScenarioVersion, User


@dataclasses.dataclass(frozen=True)
class Media:
    """An exhibit's file as published: what it is and its bytes."""

    path: str
    media_type: str
    data: bytes

    @property
    def is_image(self) -> bool:
        """Whether the file is a picture (``image/*``) rather than a sound recording."""
        return self.media_type.startswith("image/")


def read_media(scenario_path: Path, scenario: Scenario) -> list[Media]:
    """The files the scenario's exhibits name, read beside it (``tipcase.format.media.read_media``).

    A missing, foreign, linked (symbolic or hard), oversized or mislabelled file is a ServiceError that
    names the exhibit and its ``file`` value's line and column.
    """
    folder = scenario_path.resolve().parent
    found: dict[str, Media] = {}
    for exhibit in scenario.exhibits.values():
        if exhibit.file is None or exhibit.file in found:
            continue
        try:
            read = media.read_media(folder, exhibit.file)
        except media.MediaError as exc:
            line, col = exhibit.file_pos
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{scenario_path}:{line}:{col}: exhibit '{exhibit}': file '{file}': {reason}"),
                scenario_path=scenario_path,
                line=line,
                col=col,
                exhibit=exhibit.id,
                file=exhibit.file,
                reason=exc,
            ) from None
        found[exhibit.file] = Media(exhibit.file, read.media_type, read.data)
    return list(found.values())


def media_of(session: Session, version: ScenarioVersion) -> dict[str, Media]:
    """The published media of a version, by the path its exhibits name."""
    rows = session.scalars(select(ScenarioMedia).where(ScenarioMedia.scenario_version_id == version.id))
    return {row.path: Media(row.path, row.media_type, base64.b64decode(row.data_base64)) for row in rows}


@dataclasses.dataclass(frozen=True, eq=False)
class Playable:
    """A stored version, loaded and compiled, ready to play."""

    scenario: Scenario
    pathway: Pathway | None
    compiled: CompiledScenario


def publish_file(session: Session, actor: User, path: str | Path) -> ScenarioVersion:
    """Publish a scenario file (with the pathway it names); publishing the same bytes again is a no-op.

    Workstations publishing the same file at the same moment get one version (the database's unique
    scenario and version number decides; the others read it). Raises PermissionDenied, or ServiceError
    when the file does not validate or its version is taken by other content or older than the latest.
    """
    require(actor, Permission.PUBLISH_SCENARIO)
    return _publish(session, actor, Path(path))


def publish_unchecked(session: Session, path: str | Path, actor: User | None = None) -> ScenarioVersion:
    """Publish without a permission check: for set-up (the demo seeds the bundled cases)."""
    return _publish(session, actor, Path(path))


def _published(session: Session, scenario_id: str, number: int, sha: str) -> ScenarioVersion | None:
    """The stored version ``number`` of a scenario when it holds these bytes; None when there is none.

    Raises ServiceError when that version is stored with other content.
    """
    query = select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id, ScenarioVersion.version == number)
    same = session.scalars(query).first()
    if same is not None and same.sha256 != sha:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{case} version {number} is already published with other content: raise 'version' first"),
            case=scenario_id,
            number=number,
        )
    return same


def _publish(session: Session, actor: User | None, path: Path) -> ScenarioVersion:
    checked = check_file(path)
    errors = [f for f in checked.findings if f.is_error]
    if errors or checked.scenario is None:
        first = errors[0] if errors else f"{path}: not a scenario file"
        raise ServiceError(QT_TRANSLATE_NOOP("core", "cannot publish: {finding}"), finding=first)
    scenario = checked.scenario
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    same = _published(session, scenario.id, scenario.version, sha)
    if same is not None:
        return same
    latest = session.scalar(select(func.max(ScenarioVersion.version)).where(ScenarioVersion.scenario_id == scenario.id))
    if latest is not None and scenario.version < latest:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{scenario}: version {version} is older than the published version {latest}"),
            scenario=scenario.id,
            version=scenario.version,
            latest=latest,
        )
    media = read_media(path, scenario)
    pathway_source = None
    if scenario.pathway is not None:
        found = bundled.find_pathway(path, scenario.pathway)
        assert found is not None  # the validator found it
        pathway_source = found.read_bytes().decode("utf-8")
    version = ScenarioVersion(
        scenario_id=scenario.id,
        version=scenario.version,
        sha256=sha,
        title=dict(scenario.title.values),
        source=data.decode("utf-8"),
        pathway_source=pathway_source,
        published_by_id=actor.id if actor else None,
    )
    try:
        with session.begin_nested():
            session.add(version)
    except IntegrityError:
        # Another workstation published this version between our look-up and our insert (PostgreSQL).
        raced = _published(session, scenario.id, scenario.version, sha)
        if raced is None:
            raise
        return raced
    for item in media:
        session.add(
            ScenarioMedia(
                scenario_version_id=version.id,
                path=item.path,
                media_type=item.media_type,
                sha256=hashlib.sha256(item.data).hexdigest(),
                data_base64=base64.b64encode(item.data).decode("ascii"),
            )
        )
    audit.record(session, actor, "scenario published", f"{scenario.id} v{scenario.version}", sha256=sha, media=len(media))
    return version


def list_versions(session: Session, actor: User) -> list[ScenarioVersion]:
    """Every published scenario version, by id then version; PermissionDenied unless ``actor`` may play."""
    require(actor, Permission.PLAY)
    return list(session.scalars(select(ScenarioVersion).order_by(ScenarioVersion.scenario_id, ScenarioVersion.version)))


def get_version(session: Session, scenario_id: str, version: int | None = None) -> ScenarioVersion:
    """A published version of a scenario (the latest when ``version`` is None)."""
    if version is None:
        return latest_version(session, scenario_id)
    found = session.scalars(
        select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id, ScenarioVersion.version == version)
    ).first()
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "no published version {version} of scenario {scenario_id!r}"),
            version=version,
            scenario_id=scenario_id,
        )
    return found


def latest_version(session: Session, scenario_id: str) -> ScenarioVersion:
    """The newest published version of ``scenario_id``; NotFound when none is published."""
    version = session.scalars(
        select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id).order_by(ScenarioVersion.version.desc()).limit(1)
    ).first()
    if version is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no published scenario {scenario_id!r}"), scenario_id=scenario_id)
    return version


def playable(version: ScenarioVersion) -> Playable:
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
