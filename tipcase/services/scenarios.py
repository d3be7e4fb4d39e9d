"""Published scenario versions: immutable, validated copies that courses pin and attempts replay.

Publishing stores the scenario's exact text and its pathway's, and the image and sound files its
exhibits name, so an attempt can always be replayed (and its case file shown) against exactly what the
trainee played, whatever happens to the files later.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.format import media
from tipcase.format.model import Scenario
from tipcase.format.validator import check_file
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import publishing
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.services.playables import Playable, playable
from tipcase.services.publishing import Publication, VersionTaken
from tipcase.store.models import ScenarioMedia, ScenarioVersion, User

# publishing's and playables', named here where the scenario services always had them
__all__ = ["Playable", "Publication", "VersionTaken", "playable"]


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


def publish_file(session: Session, actor: User, path: str | Path) -> ScenarioVersion:
    """Publish a scenario file (with the pathway it names); publishing the same bytes again is a no-op.

    Workstations publishing the same file at the same moment get one version (the database's unique
    scenario and version number decides; the others read it). Raises PermissionDenied, ServiceError
    when the file does not validate, or VersionTaken when its version is taken by other content or older
    than the latest.
    """
    return publish(session, actor, path).version


def publish(session: Session, actor: User, path: str | Path) -> Publication[ScenarioVersion]:
    """As ``publish_file``, and say whether the version is new or was published already with these very bytes."""
    require(actor, Permission.PUBLISH_SCENARIO)
    return _publish(session, actor, Path(path))


def publish_unchecked(session: Session, path: str | Path, actor: User | None = None) -> ScenarioVersion:
    """Publish without a permission check: for set-up (the demo seeds the bundled cases)."""
    return _publish(session, actor, Path(path)).version


def latest_number(session: Session, scenario_id: str) -> int | None:
    """The newest published version number of ``scenario_id``; None when none is published."""
    return publishing.latest_number(session, ScenarioVersion, "scenario_id", scenario_id)


def _publish(session: Session, actor: User | None, path: Path) -> Publication[ScenarioVersion]:
    checked = check_file(path)
    errors = [f for f in checked.findings if f.is_error]
    if errors or checked.scenario is None:
        first = errors[0] if errors else f"{path}: not a scenario file"
        raise ServiceError(QT_TRANSLATE_NOOP("core", "cannot publish: {finding}"), finding=first)
    scenario = checked.scenario
    source = publishing.Source(path, scenario.id, scenario.version, scenario.title.values, scenario.pathway)

    def prepare() -> publishing.Attach[ScenarioVersion]:
        media = read_media(path, scenario)  # a missing or mislabelled file refuses before anything is stored

        def attach(version: ScenarioVersion) -> dict[str, int]:
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
            return {"media": len(media)}

        return attach

    return publishing.publish_source(session, actor, source, ScenarioVersion, "scenario_id", event="scenario published", prepare=prepare)


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
