"""What the trainer's screens ask of the records, as plain data (like ``workstation``, for worker threads).

Cohorts with their courses and scenarios, a new cohort, a roster preview and its import, and the
analytics of one scenario for one cohort. Every call opens its own transaction and checks the
account's permissions in the services it calls.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import courses, roster, scenarios
from tipcase.services.analytics import ScenarioAnalytics, scenario_analytics
from tipcase.services.desktop import _user
from tipcase.services.errors import NotFound
from tipcase.services.permissions import Permission, require
from tipcase.store.database import Database
from tipcase.store.models import Cohort, Course, ScenarioVersion, cohort_members


@dataclasses.dataclass(frozen=True)
class ScenarioItem:
    """A published scenario version a trainer can put in a course, with its titles by language."""

    version_id: int
    scenario_id: str
    version: int
    title: dict[str, str]


@dataclasses.dataclass(frozen=True)
class CourseItem:
    """A course as the trainer's pages list it, with its cases in order."""

    course_id: int
    code: str
    title: dict[str, str]
    scenarios: tuple[ScenarioItem, ...]


@dataclasses.dataclass(frozen=True)
class CohortItem:
    """A cohort as the trainer's pages list it: its size and the courses it takes."""

    name: str
    title: str
    members: int
    courses: tuple[CourseItem, ...]


def cohorts(db: Database, account_id: int) -> list[CohortItem]:
    """Every cohort, with its member count and its courses' scenarios (for trainers, registrars, admins)."""
    with db.reading() as session:
        require(_user(session, account_id), Permission.READ_ALL_ATTEMPTS)
        per_cohort = select(cohort_members.c.cohort_id, func.count()).group_by(cohort_members.c.cohort_id)
        counts: dict[int, int] = {row[0]: row[1] for row in session.execute(per_cohort)}
        return [
            CohortItem(
                cohort.name,
                cohort.title,
                int(counts.get(cohort.id, 0)),
                tuple(
                    CourseItem(
                        course.id,
                        course.code,
                        dict(course.title),
                        tuple(
                            ScenarioItem(item.scenario_version.id, item.scenario_version.scenario_id, item.scenario_version.version,
                                         dict(item.scenario_version.title))
                            for item in course.items
                        ),
                    )
                    for course in cohort.courses
                ),
            )
            for cohort in session.scalars(select(Cohort).order_by(Cohort.name))
        ]  # fmt: skip


@dataclasses.dataclass(frozen=True)
class CourseDraft:
    """A course as the trainer composed it: scenario versions in order, the pass rule and the attempt policy."""

    code: str
    title: dict[str, str]
    version_ids: tuple[int, ...]
    pass_rule: str = "all"
    pass_mean: float | None = None
    attempt_policy: str = "best"
    max_attempts: int | None = None
    feedback_after_choice: bool = False


def published_versions(db: Database, account_id: int) -> list[ScenarioItem]:
    """Every published scenario version, newest version of each first."""
    with db.reading() as session:
        require(_user(session, account_id), Permission.MANAGE_COURSES)
        versions = session.scalars(select(ScenarioVersion).order_by(ScenarioVersion.scenario_id, ScenarioVersion.version.desc()))
        return [ScenarioItem(v.id, v.scenario_id, v.version, dict(v.title)) for v in versions]


def course_list(db: Database, account_id: int) -> list[CourseItem]:
    """Every course with its cases; PermissionDenied unless the account manages courses."""
    with db.reading() as session:
        require(_user(session, account_id), Permission.MANAGE_COURSES)
        return [
            CourseItem(course.id, course.code, dict(course.title), ()) for course in session.scalars(select(Course).order_by(Course.code))
        ]


def create_course(db: Database, account_id: int, draft: CourseDraft) -> None:
    """Create the course ``draft`` describes (committed); NotFound for a version gone, else as ``courses.create_course``."""
    with db.transaction() as session:
        versions = [session.get(ScenarioVersion, version_id) for version_id in draft.version_ids]
        courses.create_course(
            session,
            _user(session, account_id),
            code=draft.code,
            title=draft.title,
            versions=[v for v in versions if v is not None],
            pass_rule=draft.pass_rule,
            pass_mean=draft.pass_mean,
            attempt_policy=draft.attempt_policy,
            max_attempts=draft.max_attempts,
            feedback_after_choice=draft.feedback_after_choice,
        )


def assign_course(db: Database, account_id: int, cohort: str, course_id: int) -> None:
    """The cohort ``cohort`` takes course ``course_id`` (committed, audited); NotFound for no such course or cohort."""
    with db.transaction() as session:
        course = session.get(Course, course_id)
        if course is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "this course no longer exists"))
        courses.assign_course(session, _user(session, account_id), courses.get_cohort(session, cohort), course)


def create_cohort(db: Database, account_id: int, name: str, title: str) -> None:
    """A new, empty cohort (committed, audited); PermissionDenied or ServiceError as ``courses.create_cohort``."""
    with db.transaction() as session:
        courses.create_cohort(session, _user(session, account_id), name, title)


def preview_roster(db: Database, account_id: int, path: Path) -> roster.RosterPreview:
    """Every row of the roster and what importing it would do; nothing is written."""
    with db.reading() as session:
        require(_user(session, account_id), Permission.MANAGE_COHORTS)
        return roster.read_roster(session, path)


def import_roster(
    db: Database,
    account_id: int,
    cohort: str,
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    update_names: bool = False,
) -> roster.RosterResult | None:
    """Read the roster again (the records may have changed since the preview) and import its good rows.

    With ``update_names``, the accounts enrolled by a staff ID under another name take the roster's name, in
    the same transaction (``roster_names.correct_names``: audited; ``renamed`` says which, ``changed`` what was left).

    The new accounts' passwords are hashed before the write transaction (``progress(done, total)`` after
    each), so the database's write lock is held only for the inserts. Returns None, with nothing
    written, when ``cancelled()`` turns true while hashing.
    """
    with db.reading() as session:
        actor = _user(session, account_id)
        require(actor, Permission.MANAGE_COHORTS)
        courses.get_cohort(session, cohort)
        preview = roster.read_roster(session, path)
        session.expunge(actor)  # kept as read, for the permission check while hashing
    try:
        prepared = roster.prepare_accounts(actor, preview, progress=progress, cancelled=cancelled)
    except roster.ImportCancelled:
        return None
    with db.transaction() as session:
        actor = _user(session, account_id)
        result = roster.import_roster(session, actor, courses.get_cohort(session, cohort), preview, prepared)
        if not update_names:
            return result
        from tipcase.services.roster_names import correct_names  # noqa: PLC0415

        renamed, left = correct_names(session, actor, preview)
        return dataclasses.replace(result, renamed=renamed, changed=[*result.changed, *left])


def analytics(db: Database, account_id: int, cohort: str, course_id: int, version_id: int, *, language: str) -> ScenarioAnalytics:
    """Where ``cohort`` went wrong on one case of a course (``analytics.scenario_analytics``), texts in ``language``.

    Raises NotFound for no such course, version or cohort, PermissionDenied unless the account may read analytics.
    """
    with db.reading() as session:
        course = session.get(Course, course_id)
        version = session.get(ScenarioVersion, version_id)
        if course is None or version is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "this course or scenario no longer exists"))
        return scenario_analytics(
            session, _user(session, account_id), courses.get_cohort(session, cohort), course, version, language=language
        )


def publish(db: Database, account_id: int, path: Path) -> tuple[ScenarioItem, bool]:
    """Publish a saved scenario file as a new immutable version: the version, and whether it is new.

    False when those very bytes were published already. Raises ServiceError with the first error if the file does
    not validate, ``scenarios.VersionTaken`` when its version is published with other content or older than the latest.
    """
    with db.transaction() as session:
        done = scenarios.publish(session, _user(session, account_id), path)
        version = done.version
        return ScenarioItem(version.id, version.scenario_id, version.version, dict(version.title)), done.new


def latest_published(db: Database, account_id: int, scenario_id: str) -> int | None:
    """The newest published version number of a case (None: never published), for the editor's findings."""
    with db.reading() as session:
        require(_user(session, account_id), Permission.PUBLISH_SCENARIO)
        return scenarios.latest_number(session, scenario_id)
