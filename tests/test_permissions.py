"""The permission matrix: every service operation times every role, allowed or refused as specified.

The services enforce this; the UI only hides what a role cannot do.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.records import BEST, CASE, World, play_through, seed
from tipcase.certificates.signing import init_keys
from tipcase.services import accounts, analytics, attempts, certificates, courses, exports, reports, roster, scenarios
from tipcase.services.errors import PermissionDenied
from tipcase.services.permissions import MATRIX, Permission, allowed
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry, Role, User

T, TR, R, A = Role.TRAINEE, Role.TRAINER, Role.REGISTRAR, Role.ADMIN
Operation = Callable[[Session, User, World, int], object]

# operation name -> (what it does, the roles allowed)
OPERATIONS: dict[str, tuple[Operation, set[Role]]] = {
    "add an account": (lambda s, a, w, _: accounts.add_user(s, a, accounts.NewUser(f"new-{a.role}", "New Person"), "password-123"), {A}),
    "change a role": (lambda s, a, w, _: accounts.set_role(s, a, "other-trainee", Role.TRAINER), {A}),
    "reset a password": (lambda s, a, w, _: accounts.reset_password(s, a, "other-trainee"), {A}),
    "list accounts": (lambda s, a, w, _: accounts.list_users(s, a), {TR, R, A}),
    "publish a scenario": (lambda s, a, w, _: scenarios.publish_file(s, a, CASE), {TR, A}),
    "create a course": (
        lambda s, a, w, _: courses.create_course(s, a, code="c2", title={"en": "C"}, versions=[w.course.items[0].scenario_version]),
        {TR, A},
    ),
    "create a cohort": (lambda s, a, w, _: courses.create_cohort(s, a, "cohort-2", "Cohort 2"), {TR, A}),
    "add cohort members": (lambda s, a, w, _: courses.add_members(s, a, courses.get_cohort(s, "demo"), [w.admin]), {TR, A}),
    "read another trainee's attempt": (lambda s, a, w, attempt: attempts.get_attempt(s, a, attempt), {TR, R, A}),
    "list another trainee's attempts": (lambda s, a, w, _: attempts.list_attempts(s, a, w.other_trainee), {TR, R, A}),
    "read another trainee's progress": (lambda s, a, w, _: courses.course_progress(s, a, w.course, w.other_trainee), {TR, R, A}),
    "decide in another trainee's attempt": (lambda s, a, w, attempt: attempts.record_decision(s, a, attempt, 1, step=1), set()),
    "export attempts": (lambda s, a, w, _: exports.attempts_csv(s, a), {TR, R, A}),
    "read a cohort report": (lambda s, a, w, _: reports.cohort_report(s, a, courses.get_cohort(s, "demo")), {TR, R, A}),
    "read cohort analytics": (
        lambda s, a, w, _: analytics.scenario_analytics(s, a, courses.get_cohort(s, "demo"), w.course, w.course.items[0].scenario_version),
        {TR, R, A},
    ),
    "import a roster": (
        lambda s, a, w, _: roster.import_roster(s, a, courses.get_cohort(s, "demo"), roster.RosterPreview("r.csv", [])),
        {TR, A},
    ),
    "issue a certificate": (lambda s, a, w, _: certificates.issue(s, a, w.other_trainee, w.course), {R, A}),
    "revoke a certificate": (lambda s, a, w, _: certificates.revoke(s, a, w.serial, "issued in error"), {R, A}),  # type: ignore[attr-defined]
    "read the register": (lambda s, a, w, _: certificates.register(s, a), {R, A}),
    "play a case": (lambda s, a, w, _: attempts.start_attempt(s, a, w.course.items[0].scenario_version), {T, TR, R, A}),
    "read own attempts": (lambda s, a, w, _: attempts.list_attempts(s, a), {T, TR, R, A}),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A seeded database (other-trainee has completed the course, a certificate is issued), made once."""
    folder = tmp_path_factory.mktemp("template")
    init_keys(folder / "home")
    database = Database(f"sqlite:///{folder / 'template.sqlite3'}")
    database.upgrade()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIPCASE_HOME", str(folder / "home"))  # the audit key the records are sealed with lives there too
        with database.transaction() as session:
            seed(session)
        other_attempt = play_through(database, "other-trainee", BEST)
        with database.transaction() as session:
            world = seed_world_again(session)
            certificates.issue(session, world.admin, world.other_trainee, world.course, home_dir=folder / "home")
    database.dispose()  # the last connection to close checkpoints the WAL into the file
    return folder / "template.sqlite3", other_attempt


@pytest.fixture
def sqlite_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: tuple[Path, int]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIPCASE_HOME", str(template[0].parent / "home"))  # the issuing and audit keys are there
    shutil.copy(template[0], tmp_path / "p.sqlite3")
    database = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    yield database
    database.dispose()


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_permission_matrix(sqlite_db: Database, template: tuple[Path, int], operation: str, role: Role) -> None:
    other_attempt = template[1]
    act, roles = OPERATIONS[operation]
    with sqlite_db.transaction() as session:
        world = seed_world_again(session)
        world.serial = certificates.register(session, world.admin)[0].serial  # type: ignore[attr-defined]
        if operation == "issue a certificate":
            certificates.revoke(session, world.admin, world.serial, "to issue again")  # type: ignore[attr-defined]
        actor = world.by_role(role)
        if role in roles:
            act(session, actor, world, other_attempt)
        else:
            with pytest.raises(PermissionDenied):
                act(session, actor, world, other_attempt)


def seed_world_again(session: Session) -> World:
    get = lambda name: accounts.get_user(session, name)  # noqa: E731
    return World(
        get("demo-trainee"),
        get("other-trainee"),
        get("demo-trainer"),
        get("demo-registrar"),
        get("demo-admin"),
        courses.get_course(session, "demo"),
    )


def test_the_matrix_in_the_code_matches_the_specification() -> None:
    trainee = User(username="t", role="trainee", active=True)
    trainer = User(username="tr", role="trainer", active=True)
    assert not allowed(trainee, Permission.PUBLISH_SCENARIO)
    assert not allowed(trainee, Permission.ISSUE_CERTIFICATE)
    assert not allowed(trainee, Permission.READ_ALL_ATTEMPTS)
    assert not allowed(trainer, Permission.ISSUE_CERTIFICATE)
    assert [p for p, roles in MATRIX.items() if Role.TRAINEE not in roles and p in (Permission.MANAGE_ROLES,)] == [Permission.MANAGE_ROLES]
    assert MATRIX[Permission.MANAGE_ROLES] == frozenset({Role.ADMIN})


def test_a_deactivated_account_may_do_nothing() -> None:
    admin = User(username="gone", role="admin", active=False)
    assert not any(allowed(admin, p) for p in Permission)


def test_role_changes_are_audited(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as session:
        world = seed_world_again(session)
        accounts.set_role(session, world.admin, "other-trainee", Role.TRAINER)
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "role changed")).all()
    assert entries[-1].details == {"old": "trainee", "new": "trainer"}
    assert entries[-1].actor == "demo-admin"
