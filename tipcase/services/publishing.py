"""Publishing a validated file as an immutable version: the one implementation scenarios and team cases share.

A published version (``tipcase.store.models.PublishedVersion``: a ``ScenarioVersion`` or a
``TeamCaseVersion``) holds the file's exact text and its pathway's, so whatever is played on it replays
exactly whatever happens to the files later. Publishing the same bytes again is a no-op; a version number
published with other content, or older than the latest published, is refused with ``VersionTaken`` (which
says the first free number); workstations publishing the same file at the same moment get one version
(the database's unique id and version number decides, the others read it). ``tipcase.services.scenarios``
and ``tipcase.services.team_cases`` check what is particular to their files (the kind of file, exhibits'
media) and call ``publish_source``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tipcase import bundled
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import audit
from tipcase.services.errors import ServiceError
from tipcase.store.models import PublishedVersion, User

V = TypeVar("V", bound=PublishedVersion)
Attach = Callable[[V], Mapping[str, Any]]
"""Runs once a new version is stored; returns what its audit entry adds."""


def _nothing(_version: PublishedVersion) -> Mapping[str, Any]:
    return {}


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
class Publication(Generic[V]):
    """What publishing a file did: the version it is, and whether it is new (False: those bytes were published already)."""

    version: V
    new: bool


@dataclasses.dataclass(frozen=True)
class Source:
    """A validated file to publish: where it is, its id (``key`` names the model's column for it), version, titles and pathway."""

    path: Path
    ident: str
    number: int
    title: Mapping[str, str]
    pathway: str | None


def latest_number(session: Session, model: type[V], key: str, ident: str) -> int | None:
    """The newest published version number of ``ident`` (the ``key`` column of ``model``); None when none is published."""
    return session.scalar(select(func.max(model.version)).where(getattr(model, key) == ident))


def published(session: Session, model: type[V], key: str, ident: str, *, number: int, sha: str) -> V | None:
    """The stored version ``number`` of ``ident`` when it holds these bytes (``sha``: their SHA-256); None when there is none.

    Raises VersionTaken when that version is stored with other content.
    """
    query = select(model).where(getattr(model, key) == ident, model.version == number)
    same = session.scalars(query).first()
    if same is not None and same.sha256 != sha:
        latest = latest_number(session, model, key, ident) or number
        raise VersionTaken(
            QT_TRANSLATE_NOOP(
                "core", "{case} version {number} is already published with other content: raise 'version' to {next} or more first"
            ),
            case=ident,
            number=number,
            next=latest + 1,
        )
    return same


def publish_source(
    session: Session,
    actor: User | None,
    source: Source,
    model: type[V],
    key: str,
    *,
    event: str,
    prepare: Callable[[], Attach[V]] = lambda: _nothing,
) -> Publication[V]:
    """Store ``source`` as version ``source.number`` of ``model`` (its id in column ``key``), with its pathway's text.

    When the version is new, ``prepare()`` runs before anything is stored (what it refuses stores nothing: a
    scenario reads its exhibits' media there) and returns ``attach``, which runs once the version is stored
    (a scenario stores its media) and returns what the audit entry (``event``, with the SHA-256) adds.
    ``actor`` None publishes as set-up (the demo). Raises VersionTaken for a version taken by other content
    or older than the latest, and whatever ``prepare`` raises.
    """
    data = source.path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    same = published(session, model, key, source.ident, number=source.number, sha=sha)
    if same is not None:
        return Publication(same, new=False)
    latest = latest_number(session, model, key, source.ident)
    if latest is not None and source.number < latest:
        raise VersionTaken(
            QT_TRANSLATE_NOOP(
                "core", "{case}: version {number} is older than the published version {latest}: raise 'version' to {next} first"
            ),
            case=source.ident,
            number=source.number,
            latest=latest,
            next=latest + 1,
        )
    attach = prepare()
    pathway_source = None
    if source.pathway is not None:
        found = bundled.find_pathway(source.path, source.pathway)
        if found is None:  # pragma: no cover - the validator found it
            missing = f"{source.path}: no pathway {source.pathway!r}"
            raise ServiceError(QT_TRANSLATE_NOOP("core", "cannot publish: {finding}"), finding=missing)
        pathway_source = found.read_bytes().decode("utf-8")
    make = cast("Callable[..., V]", model)  # a mapped class: its constructor takes the columns by name
    version = make(
        version=source.number,
        sha256=sha,
        title=dict(source.title),
        source=data.decode("utf-8"),
        pathway_source=pathway_source,
        published_by_id=actor.id if actor is not None and actor.id is not None else None,
        **{key: source.ident},
    )
    try:
        with session.begin_nested():
            session.add(version)
    except IntegrityError:
        raced = published(session, model, key, source.ident, number=source.number, sha=sha)  # another workstation published it meanwhile
        if raced is None:
            raise
        return Publication(raced, new=False)
    audit.record(session, actor, event, f"{source.ident} v{source.number}", sha256=sha, **attach(version))
    return Publication(version, new=True)
