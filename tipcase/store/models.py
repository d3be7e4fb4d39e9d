"""The records: accounts, cohorts, courses, scenario versions, attempts, decisions, certificates, audit, team exercises.

SQLAlchemy 2 typed ORM. Timestamps are timezone-aware UTC on every database. A scenario version's
text is stored whole, so an attempt can always be replayed against exactly what the trainee played.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tipcase.store.columns import NAMING_CONVENTION, ROLE_VALUES, JSONDocument, JSONType, Role, UTCDateTime, utcnow

# Re-exported: the types and roles lived here before ``tipcase.store.columns`` (the Core-only part).
__all__ = ["NAMING_CONVENTION", "ROLE_VALUES", "JSONDocument", "JSONType", "Role", "UTCDateTime", "utcnow"]


class Base(DeclarativeBase):
    """The declarative base: constraint names by ``NAMING_CONVENTION`` (so migrations can name them), UTC times, JSON columns."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime(), dict[str, Any]: JSONType, list[Any]: JSONType}


cohort_members = Table(
    "cohort_members",
    Base.metadata,
    Column("cohort_id", ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)

cohort_courses = Table(
    "cohort_courses",
    Base.metadata,
    Column("cohort_id", ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True),
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    """An account: sign-in name, what certificates print (name, rank, staff id, unit), role, argon2id hash, lockout counters."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN {ROLE_VALUES!r}", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    rank: Mapped[str | None] = mapped_column(String(100))
    staff_id: Mapped[str | None] = mapped_column(String(50), index=True, unique=True)  # one person each (migration 0006)
    unit: Mapped[str | None] = mapped_column(String(200))
    agency: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    cohorts: Mapped[list[Cohort]] = relationship(secondary=cohort_members, back_populates="members")

    @property
    def role_enum(self) -> Role:
        """The role as a ``Role``."""
        return Role(self.role)


class Cohort(Base):
    """A group of people who take the same courses (a training intake); ``name`` is its unique code."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    members: Mapped[list[User]] = relationship(secondary=cohort_members, back_populates="cohorts", order_by="User.username")
    courses: Mapped[list[Course]] = relationship(secondary=cohort_courses, order_by="Course.code")


class PublishedVersion:
    """The columns of a published file's immutable version (a scenario's, a team case's), after the table's own key.

    ``version`` is the file's own number; ``sha256`` of its exact bytes; ``title`` by language; ``source``
    its text and ``pathway_source`` the text of the pathway it names (so a version replays exactly, whatever
    happens to the files later); when and by whom it was published (None: set-up, the demo).
    """

    version: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    title: Mapped[dict[str, Any]]
    source: Mapped[str] = mapped_column(Text)
    pathway_source: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ScenarioVersion(PublishedVersion, Base):
    """A published scenario: immutable (a change is published as a new version)."""

    __tablename__ = "scenario_versions"
    __table_args__ = (UniqueConstraint("scenario_id", "version", name="scenario_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)


class ScenarioMedia(Base):
    """An exhibit's image or sound file, stored with the published version that names it (immutable too).

    Kept as base64 text so backups (JSON lines) and both databases carry it without a binary type.
    """

    __tablename__ = "scenario_media"
    __table_args__ = (UniqueConstraint("scenario_version_id", "path", name="scenario_media_path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    path: Mapped[str] = mapped_column(String(300))  # as the exhibit's ``file`` names it
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    data_base64: Mapped[str] = mapped_column(Text)


class Course(Base):
    """A course of pinned scenario versions, in order.

    Its pass rule (all passed, or a mean percent), which attempt counts (best or last), an optional limit of
    attempts, and the title its certificate prints.
    """

    __tablename__ = "courses"
    __table_args__ = (
        CheckConstraint("pass_rule IN ('all', 'mean')", name="pass_rule"),
        CheckConstraint("attempt_policy IN ('best', 'last')", name="attempt_policy"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[dict[str, Any]]
    certificate_title: Mapped[dict[str, Any]]
    pass_rule: Mapped[str] = mapped_column(String(8), default="all")
    pass_mean: Mapped[float | None] = mapped_column(Float)
    attempt_policy: Mapped[str] = mapped_column(String(8), default="best")
    max_attempts: Mapped[int | None]
    feedback_after_choice: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    items: Mapped[list[CourseScenario]] = relationship(order_by="CourseScenario.position", cascade="all, delete-orphan")


class CourseScenario(Base):
    """The scenario version at ``position`` (0-based) of a course."""

    __tablename__ = "course_scenarios"

    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"))

    scenario_version: Mapped[ScenarioVersion] = relationship()


OPEN = "finished_at IS NULL"  # an attempt still being played


class Attempt(Base):
    """One trainee's play of a scenario version, in a course or not; at most one is open per person, version and course."""

    __tablename__ = "attempts"
    __table_args__ = (
        # A unique index treats NULLs as distinct, so attempts outside any course get an index of their own.
        # Partial on PostgreSQL too (migration 0003 makes both): ``postgresql_where`` is not declared here, as naming
        # it loads PostgreSQL's dialect (2 MiB) on SQLite as well, and only the migrations create tables.
        Index(
            "uq_attempts_open_in_course", "user_id", "scenario_version_id", "course_id",
            unique=True, sqlite_where=text(OPEN),
        ),
        Index(
            "uq_attempts_open_outside_courses", "user_id", "scenario_version_id",
            unique=True, sqlite_where=text(f"{OPEN} AND course_id IS NULL"),
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id"), index=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    result: Mapped[dict[str, Any] | None]
    total_percent: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column(Boolean)

    user: Mapped[User] = relationship()
    scenario_version: Mapped[ScenarioVersion] = relationship()
    decisions: Mapped[list[Decision]] = relationship(order_by="Decision.sequence", back_populates="attempt")
    scores: Mapped[list[AttemptScore]] = relationship(order_by="AttemptScore.competency")


class Decision(Base):
    """One decision, committed the moment it is made."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("attempt_id", "sequence", name="attempt_sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"))
    sequence: Mapped[int]
    stage: Mapped[str] = mapped_column(String(100))
    offered: Mapped[list[Any]]
    choice_number: Mapped[int]
    choice_index: Mapped[int]
    time_taken_ms: Mapped[int] = mapped_column(Integer, default=0)
    clock: Mapped[float] = mapped_column(Float)
    made_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    mac: Mapped[str | None] = mapped_column(String(100))  # "<key id>:<HMAC-SHA256 hex>" (tipcase.services.attempt_seals)

    attempt: Mapped[Attempt] = relationship(back_populates="decisions")


class AttemptScore(Base):
    """A finished attempt's result per competency, kept as rows so reports aggregate in SQL."""

    __tablename__ = "attempt_scores"

    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True)
    competency: Mapped[str] = mapped_column(String(64), primary_key=True)
    points: Mapped[float] = mapped_column(Float)
    max: Mapped[float] = mapped_column(Float)
    percent: Mapped[float] = mapped_column(Float)


class Certificate(Base):
    """An issued certificate: serial and verification code, holder, course, dates, revocation, and its signed payload."""

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    payload: Mapped[dict[str, Any] | None]

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    course: Mapped[Course] = relationship()


class AuditEntry(Base):
    """An append-only, hash-chained log: each row's hash covers its content and the previous hash.

    ``hash`` is an HMAC-SHA256 under the audit key named by ``key_id`` (kept outside the database);
    entries written before TIPCase keyed its log have ``key_id`` NULL and the public SHA-256.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(16))


class TeamCaseVersion(PublishedVersion, Base):
    """A published team case (docs/team-exercises.md): immutable, with its pathway's text, as a scenario version is."""

    __tablename__ = "team_case_versions"
    __table_args__ = (UniqueConstraint("team_id", "version", name="team_case_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(100), index=True)


SESSION_STATUSES = ("draft", "running", "paused", "ended")


class ExerciseSession(Base):
    """A team exercise on one published team case: draft, running, paused or ended (an ended one never changes)."""

    __tablename__ = "exercise_sessions"
    __table_args__ = (CheckConstraint(f"status IN {SESSION_STATUSES!r}", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    team_case_version_id: Mapped[int] = mapped_column(ForeignKey("team_case_versions.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    language: Mapped[str] = mapped_column(String(16), default="en")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[dt.datetime | None]
    ended_at: Mapped[dt.datetime | None]

    team_case_version: Mapped[TeamCaseVersion] = relationship()
    assignments: Mapped[list[ExerciseAssignment]] = relationship(order_by="ExerciseAssignment.role", cascade="all, delete-orphan")


class ExerciseAssignment(Base):
    """A trainee assigned to a role of a session; several may share a role's workstation."""

    __tablename__ = "exercise_assignments"

    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()


class ExercisePresence(Base):
    """A trainee's app open for a session (not evidence: overwritten): ``role`` whose workstation it shows, else None."""

    __tablename__ = "exercise_presence"

    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str | None] = mapped_column(String(64))
    seen_at: Mapped[dt.datetime]


class ExerciseTerminal(Base):
    """A trainee playing a role from the command line (``tipcase exercise play``), as last heard (not evidence: overwritten).

    Apart from ``ExercisePresence``, which the trainee's app overwrites every half minute for every session
    they play in: a trainee whose app is open elsewhere (another session's list) while they play here at a
    terminal is playing, not "signed in elsewhere" (walk F, finding 22).
    """

    __tablename__ = "exercise_terminals"

    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[dt.datetime]


class ExerciseArchive(Base):
    """An ended session put away from the sessions lists (migration 0008): not evidence, the session itself unchanged.

    Its row is the mark: archiving inserts it, unarchiving deletes it (``tipcase.services.exercise_archive``).
    """

    __tablename__ = "exercise_archive"

    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), primary_key=True)
    archived_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    archived_by: Mapped[str | None] = mapped_column(String(64))  # the username (the command line's operator: cli:<login>)


class ExerciseEvent(Base):
    """One entry of a session's append-only log: a decision, a delivery, an inject, a message, a change of status.

    ``seq`` numbers a session's events from 1. A role's state is the replay of the log
    (``tipcase.services.exercise_play``); ``mac`` seals the row as ``decisions.mac`` does.
    """

    __tablename__ = "exercise_events"
    __table_args__ = (UniqueConstraint("session_id", "seq", name="exercise_event_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), index=True)
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    role: Mapped[str | None] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    step: Mapped[int | None]
    stage: Mapped[str | None] = mapped_column(String(100))
    choice_number: Mapped[int | None]
    details: Mapped[dict[str, Any]]
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    mac: Mapped[str | None] = mapped_column(String(100))


class Setting(Base):
    """Institution-wide settings (issuing institution, automatic certificate issue...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]]


class ImmutableRecordError(Exception):
    """Code tried to change a record that is evidence: a published version, a decision, a finished result."""


@event.listens_for(ScenarioVersion, "before_update")
def _scenario_versions_are_immutable(_mapper: Any, _connection: Any, target: ScenarioVersion) -> None:
    raise ImmutableRecordError(f"scenario {target.scenario_id} v{target.version} is published: publish a new version instead")


@event.listens_for(ScenarioMedia, "before_update")
def _media_are_immutable(_mapper: Any, _connection: Any, target: ScenarioMedia) -> None:
    raise ImmutableRecordError(f"{target.path} belongs to a published version: publish a new version instead")


@event.listens_for(TeamCaseVersion, "before_update")
def _team_versions_are_immutable(_mapper: Any, _connection: Any, target: TeamCaseVersion) -> None:
    raise ImmutableRecordError(f"team case {target.team_id} v{target.version} is published: publish a new version instead")


@event.listens_for(ExerciseEvent, "before_update")
def _exercise_events_are_immutable(_mapper: Any, _connection: Any, target: ExerciseEvent) -> None:
    raise ImmutableRecordError(f"event {target.seq} of exercise session {target.session_id} is final")


@event.listens_for(Decision, "before_update")
def _decisions_are_immutable(_mapper: Any, _connection: Any, target: Decision) -> None:
    raise ImmutableRecordError(f"decision {target.sequence} of attempt {target.attempt_id} is final")


@event.listens_for(Attempt, "before_update")
def _finished_results_are_immutable(_mapper: Any, _connection: Any, target: Attempt) -> None:
    history = inspect(target).attrs.finished_at.history
    before = history.deleted or history.unchanged  # the value loaded from the database
    if before and before[0] is not None:
        raise ImmutableRecordError(f"attempt {target.id} is finished: its result cannot change")
