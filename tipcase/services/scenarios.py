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


class VersionTaken(ServiceError):
    """The file's version number is published already with other content, or is older than the latest published.

    ``case`` and ``number`` are the file's id and version, ``latest`` the newest published version: the file
    can be published as ``latest + 1``. The message names the file's key (``version``); the editor says it
    with its form's words (Case details › Version).
    """

    def __init__(self, template: str, /, **params: object) -> None:
        """``params``: the template's fields, among them ``case``, ``number`` and ``next`` (the first free version)."""
        super().__init__(template, **params)
        self.case, self.number, self.latest = str(params["case"]), int(str(params["number"])), int(str(params["next"])) - 1


@dataclasses.dataclass(frozen=True)
class Publication:
    """What publishing a file did: the version it is, and whether it is new (False: those bytes were published already)."""

    version: ScenarioVersion
    new: bool


def publish_file(session: Session, actor: User, path: str | Path) -> ScenarioVersion:
    """Publish a scenario file (with the pathway it names); publishing the same bytes again is a no-op.

    Workstations publishing the same file at the same moment get one version (the database's unique
    scenario and version number decides; the others read it). Raises PermissionDenied, ServiceError
    when the file does not validate, or VersionTaken when its version is taken by other content or older
    than the latest.
    """
    return publish(session, actor, path).version


def publish(session: Session, actor: User, path: str | Path) -> Publication:
    """As ``publish_file``, and say whether the version is new or was published already with these very bytes."""
    require(actor, Permission.PUBLISH_SCENARIO)
    return _publish(session, actor, Path(path))


def publish_unchecked(session: Session, path: str | Path, actor: User | None = None) -> ScenarioVersion:
    """Publish without a permission check: for set-up (the demo seeds the bundled cases)."""
    return _publish(session, actor, Path(path)).version


def latest_number(session: Session, scenario_id: str) -> int | None:
    """The newest published version number of ``scenario_id``; None when none is published."""
    return session.scalar(select(func.max(ScenarioVersion.version)).where(ScenarioVersion.scenario_id == scenario_id))


def _published(session: Session, scenario_id: str, number: int, sha: str) -> ScenarioVersion | None:
    """The stored version ``number`` of a scenario when it holds these bytes; None when there is none.

    Raises ServiceError when that version is stored with other content.
    """
    query = select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id, ScenarioVersion.version == number)
    same = session.scalars(query).first()
    if same is not None and same.sha256 != sha:
        latest = latest_number(session, scenario_id) or number
        raise VersionTaken(
            QT_TRANSLATE_NOOP(
                "core", "{case} version {number} is already published with other content: raise 'version' to {next} or more first"
            ),
            case=scenario_id,
            number=number,
            next=latest + 1,
        )
    return same


def _publish(session: Session, actor: User | None, path: Path) -> Publication:
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
        return Publication(same, new=False)
    latest = latest_number(session, scenario.id)
    if latest is not None and scenario.version < latest:
        raise VersionTaken(
            QT_TRANSLATE_NOOP(
                "core", "{case}: version {number} is older than the published version {latest}: raise 'version' to {next} first"
            ),
            case=scenario.id,
            number=scenario.version,
            latest=latest,
            next=latest + 1,
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
        return Publication(raced, new=False)
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
    return Publication(version, new=True)


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
