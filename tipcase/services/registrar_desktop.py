"""What the register asks of the records (registrars and admins), as plain data for the app's worker thread.

Each function opens its own transaction on a ``Database`` and returns frozen dataclasses, so results
cross to the UI thread without a Session. Titles travel as ``{language: text}`` dictionaries; the app
picks the interface language. Permissions are checked by the services these call
(``tipcase.services.certificates``, ``tipcase.services.permissions``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tipcase.certificates.signing import SigningKeyError, init_keys, key_id, load_private
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import audit, courses
from tipcase.services.desktop import _user
from tipcase.services.eligibility import Eligibility, Standing, cohort_standings, eligibility, standings
from tipcase.services.errors import NotFound, ServiceError
from tipcase.services.permissions import Permission, allowed, require
from tipcase.store.database import Database
from tipcase.store.models import Cohort, Course, CourseScenario, ScenarioVersion, User, cohort_members


@dataclasses.dataclass(frozen=True)
class RegisterEntry:
    """A certificate as the register page lists it: texts ready to show (dates ISO 8601; ``detail`` says when and why revoked)."""

    serial: str
    code: str
    name: str
    staff_id: str
    course: str  # the course's code
    issued: str
    expires: str
    status: str  # valid | expired | revoked
    detail: str  # revocation date and reason
    course_title: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Issuing:
    """Whether this workstation can sign certificates: its issuing key (in TIPCASE_HOME/keys).

    ``problem``: why not, in English (None when it can); ``may_create_key``: the signed-in account
    may create the key here (administrators).
    """

    has_key: bool
    key_id: str | None
    problem: str | None
    may_create_key: bool


@dataclasses.dataclass(frozen=True)
class RegisterView:
    """The register page's content: every certificate, and whether this workstation can issue (its key and institution)."""

    entries: list[RegisterEntry]
    issuing: Issuing


@dataclasses.dataclass(frozen=True)
class CourseChoice:
    """A course a certificate can be issued for: its titles by language, its cases' titles in order, and its pass rule."""

    course_id: int
    code: str
    title: dict[str, str]
    certificate_title: dict[str, str]
    cases: tuple[dict[str, str], ...]  # each case's title, in the course's order
    pass_rule: str  # "all" | "mean"
    pass_mean: float | None


@dataclasses.dataclass(frozen=True)
class CohortChoice:
    """A cohort the registrar can issue for: its size and the ids of the courses it takes."""

    name: str
    title: str
    members: int
    course_ids: tuple[int, ...]


@dataclasses.dataclass(frozen=True)
class PersonChoice:
    """A person the registrar can issue for, with what the certificate prints (name, rank, staff id, unit) and their cohorts' courses."""

    user_id: int
    username: str
    full_name: str
    rank: str
    staff_id: str
    unit: str
    cohorts: tuple[str, ...]  # cohort titles
    course_ids: tuple[int, ...]  # the courses of their cohorts
    issuable_course_ids: tuple[int, ...] = ()  # of those, the ones they completed and hold no certificate for


@dataclasses.dataclass(frozen=True)
class Signatory:
    """The signature block a certificate issued now prints (``Institution.signature_block``).

    ``name`` and ``title`` are never empty; ``named``: an administrator set a signatory (else the
    institution signs as its authorised official); ``has_picture``: a signature picture is set (else
    the page says it is signed electronically, which its QR code proves).
    """

    institution: dict[str, str]
    name: str
    title: dict[str, str]
    named: bool
    has_picture: bool


@dataclasses.dataclass(frozen=True)
class IssueChoices:
    """What the issue dialogs offer: cohorts, courses and people, the signatory printed, and whether issuing is possible here."""

    cohorts: list[CohortChoice]
    courses: list[CourseChoice]
    people: list[PersonChoice]
    signatory: Signatory
    issuing: Issuing


@dataclasses.dataclass(frozen=True)
class CohortOutlook:
    """Where a cohort's members stand for a course's certificate: who would be issued one, who not and why.

    ``eligible``: full names, by name; ``left_out``: (full name, where they stand), by name.
    """

    eligible: tuple[str, ...]
    left_out: tuple[tuple[str, Eligibility], ...]


@dataclasses.dataclass(frozen=True)
class CohortIssue:
    """What issuing for a cohort did: certificates issued (to whom), and the members left out and why."""

    issued: int
    not_completed: int
    already_held: int
    issued_to: tuple[str, ...] = ()  # full names, by name
    left_out: tuple[tuple[str, Eligibility], ...] = ()  # (full name, where they stand), by name


@dataclasses.dataclass(frozen=True)
class PersonIssue:
    """The certificate just issued to one person: its serial and printed verification code."""

    serial: str
    code: str


def issuing_state(actor: User, home_dir: Path | None = None) -> Issuing:
    """Whether this workstation holds a usable issuing key (reads the key file; no database)."""
    may_create = allowed(actor, Permission.CONFIGURE_INSTITUTION)
    try:
        key = load_private(home_dir)
    except SigningKeyError as exc:
        return Issuing(False, None, str(exc), may_create)
    return Issuing(True, key_id(key.public_key()), None, may_create)


def register_view(db: Database, account_id: int) -> RegisterView:
    """Every certificate in serial order with its status today, and whether this workstation can issue."""
    from tipcase.services import certificates  # noqa: PLC0415 - the PDF stack loads only for registrars

    with db.reading() as session:
        actor = _user(session, account_id)
        today = dt.date.today()
        entries = []
        for c in certificates.register(session, actor):
            detail = f"{c.revoked_at:%Y-%m-%d}: {c.revoked_reason}" if c.revoked_at else ""
            entries.append(
                RegisterEntry(
                    c.serial,
                    c.code,
                    c.user.full_name,
                    c.user.staff_id or "",
                    c.course.code,
                    c.issued_at.date().isoformat(),
                    c.expires_at.date().isoformat() if c.expires_at else "",
                    certificates.status_on(c, today),
                    detail,
                    dict(c.course.title),
                )
            )
        return RegisterView(entries, issuing_state(actor))


def issue_choices(db: Database, account_id: int) -> IssueChoices:
    """The cohorts (with their courses), courses and people a registrar can issue for, and what will be signed.

    People are the active members of cohorts that take at least one course, by name, each with the courses
    they completed and hold no certificate for (what the one-person dialog offers first). A few queries
    whatever the number of people: the cohorts and their courses, their members' columns (no account is
    loaded as an object), and three per course taken (``eligibility.standings``); at 5,000 trainees, 200
    cases and a million decisions it answers in a fraction of a second (``make bench ONLY=issue_dialog``).
    Raises PermissionDenied.
    """
    from tipcase.services import certificates  # noqa: PLC0415

    with db.reading() as session:
        actor = _user(session, account_id)
        require(actor, Permission.ISSUE_CERTIFICATE)
        cohorts = list(session.scalars(select(Cohort).options(selectinload(Cohort.courses)).order_by(Cohort.title, Cohort.name)))
        counted = select(cohort_members.c.cohort_id, func.count()).group_by(cohort_members.c.cohort_id)
        sizes: dict[int, int] = {cohort_id: count for cohort_id, count in session.execute(counted)}  # noqa: C416 - rows, not pairs, to mypy
        people, their_cohorts = _members(session, [cohort for cohort in cohorts if cohort.courses])
        issuable = _issuable(session, their_cohorts)
        choices_of_people = []
        for person in sorted(people.values(), key=lambda p: (p.full_name.casefold(), p.username)):
            with_courses = their_cohorts[person.id]
            course_ids = sorted({course.id for cohort in with_courses for course in cohort.courses})
            choices_of_people.append(
                PersonChoice(
                    person.id,
                    person.username,
                    person.full_name,
                    person.rank or "",
                    person.staff_id or "",
                    person.unit or "",
                    tuple(c.title for c in with_courses),
                    tuple(course_ids),
                    tuple(c for c in course_ids if c in issuable.get(person.id, set())),
                )
            )
        current = certificates.institution(session)
        name, title = current.signature_block()
        return IssueChoices(
            cohorts=[CohortChoice(c.name, c.title, sizes.get(c.id, 0), tuple(course.id for course in c.courses)) for c in cohorts],
            courses=_course_choices(session, actor),
            people=choices_of_people,
            signatory=Signatory(dict(current.name), name, title, bool(current.signatory_name.strip()), current.signature_png is not None),
            issuing=issuing_state(actor),
        )


def _members(session: Any, cohorts: list[Cohort]) -> tuple[dict[int, Any], dict[int, list[Cohort]]]:
    """The active members of ``cohorts`` (rows of their columns, by id), and each one's cohorts among them in their order."""
    columns = (User.id, User.username, User.full_name, User.rank, User.staff_id, User.unit)
    rows = session.execute(
        select(cohort_members.c.cohort_id, *columns)
        .join(User, User.id == cohort_members.c.user_id)
        .where(cohort_members.c.cohort_id.in_([cohort.id for cohort in cohorts]), User.active.is_(True))
    )
    people: dict[int, Any] = {}
    in_cohort: dict[int, set[int]] = {}
    for row in rows:
        people[row.id] = row
        in_cohort.setdefault(row.cohort_id, set()).add(row.id)
    their_cohorts: dict[int, list[Cohort]] = {}
    for cohort in cohorts:
        for person in in_cohort.get(cohort.id, ()):
            their_cohorts.setdefault(person, []).append(cohort)
    return people, their_cohorts


def _course_choices(session: Any, actor: User) -> list[CourseChoice]:
    """The courses ``courses.list_courses`` gives ``actor``, each with its cases' titles (one query for every course's cases)."""
    listed = courses.list_courses(session, actor)
    titles: dict[int, list[dict[str, str]]] = {course.id: [] for course in listed}
    cases = (
        select(CourseScenario.course_id, ScenarioVersion.title)
        .join(ScenarioVersion, ScenarioVersion.id == CourseScenario.scenario_version_id)
        .where(CourseScenario.course_id.in_(list(titles)))
        .order_by(CourseScenario.course_id, CourseScenario.position)
    )
    for course_id, title in session.execute(cases):
        titles[course_id].append(dict(title))
    return [
        CourseChoice(c.id, c.code, dict(c.title), dict(c.certificate_title), tuple(titles[c.id]), c.pass_rule, c.pass_mean) for c in listed
    ]


def _issuable(session: Any, their_cohorts: dict[int, list[Cohort]]) -> dict[int, set[int]]:
    """For each person (by id; ``their_cohorts``: their cohorts that take a course), the courses they may be issued now."""
    takers: dict[int, set[int]] = {}
    taken: dict[int, Course] = {}
    for person, cohorts in their_cohorts.items():
        for cohort in cohorts:
            for course in cohort.courses:
                taken[course.id] = course
                takers.setdefault(course.id, set()).add(person)
    found: dict[int, set[int]] = {}
    for course_id, course in taken.items():
        for person, standing in standings(session, course, takers[course_id]).items():
            if standing.eligible:
                found.setdefault(person, set()).add(course_id)
    return found


def _course(session: Any, course_id: int) -> Course:
    course = session.get(Course, course_id)
    if course is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no course {course_id}"), course_id=course_id)
    return course  # type: ignore[no-any-return]


def person_eligibility(db: Database, account_id: int, user_id: int, course_id: int) -> Eligibility:
    """Where a person stands for a course's certificate (what the issue dialog says before issuing)."""
    with db.reading() as session:
        actor = _user(session, account_id)
        require(actor, Permission.ISSUE_CERTIFICATE)
        person = session.get(User, user_id)
        if person is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no account {user_id}"), user_id=user_id)
        return eligibility(session, person, _course(session, course_id))


def issue_for_person(db: Database, account_id: int, user_id: int, course_id: int, valid_for_days: int | None = None) -> PersonIssue:
    """Issue one person's certificate, expiring after ``valid_for_days`` (None: no expiry).

    Raises ServiceError (the eligibility's sentence) when they may not have one, or the validity is under a day.
    """
    from tipcase.services import certificates  # noqa: PLC0415

    with db.transaction() as session:
        person = session.get(User, user_id)
        if person is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "no account {user_id}"), user_id=user_id)
        issued = certificates.issue(session, _user(session, account_id), person, _course(session, course_id), valid_for_days=valid_for_days)
        return PersonIssue(issued.serial, issued.code)


def _outlook(session: Any, members: list[User], course: Course) -> CohortOutlook:
    ranked = sorted(cohort_standings(session, members, course), key=lambda pair: (pair[0].full_name.casefold(), pair[0].username))
    return CohortOutlook(
        tuple(m.full_name for m, standing in ranked if standing.eligible),
        tuple((m.full_name, standing) for m, standing in ranked if not standing.eligible),
    )


def cohort_outlook(db: Database, account_id: int, cohort: str, course_code: str) -> CohortOutlook:
    """Before issuing for a cohort: who would be issued the course's certificate, and who not and why. Raises PermissionDenied."""
    with db.reading() as session:
        require(_user(session, account_id), Permission.ISSUE_CERTIFICATE)
        return _outlook(session, list(courses.get_cohort(session, cohort).members), courses.get_course(session, course_code))


def issue_for_cohort(db: Database, account_id: int, cohort: str, course_code: str, valid_for_days: int | None = None) -> CohortIssue:
    """Issue to every member who completed the course and holds none yet (expiring after ``valid_for_days``, None for none).

    Says to whom, and who was left out and why (``CohortIssue``). Raises ServiceError or PermissionDenied.
    """
    from tipcase.services import certificates  # noqa: PLC0415

    with db.transaction() as session:
        actor = _user(session, account_id)
        course = courses.get_course(session, course_code)
        issued = certificates.issue_for_cohort(session, actor, cohort, course, valid_for_days=valid_for_days)
        issued_to = {c.user_id for c in issued}
        members = courses.get_cohort(session, cohort).members
        after = _outlook(session, [m for m in members if m.id not in issued_to], course)
        names = tuple(sorted((m.full_name for m in members if m.id in issued_to), key=str.casefold))
        held = sum(1 for _name, standing in after.left_out if standing.standing is Standing.ALREADY_HELD)
        not_completed = sum(1 for _name, standing in after.left_out if standing.standing is Standing.NOT_COMPLETED)
        return CohortIssue(len(issued), not_completed, held, names, after.left_out)


def create_issuing_key(db: Database, account_id: int, home_dir: Path | None = None) -> str:
    """Create this workstation's issuing key pair (administrators; audited); returns its key id.

    Raises PermissionDenied, or ServiceError when a key is there already (it is never replaced from the app).
    """
    with db.transaction() as session:
        actor = _user(session, account_id)
        require(actor, Permission.CONFIGURE_INSTITUTION)
        try:
            ident = init_keys(home_dir)
        except SigningKeyError as exc:
            raise ServiceError.carrying(exc) from None
        audit.record(session, actor, "issuing key created", ident)
        return ident


def revoke(db: Database, account_id: int, serial: str, reason: str) -> None:
    """Revoke certificate ``serial`` for ``reason`` as the account (audited, committed); PermissionDenied or NotFound as the service."""
    from tipcase.services import certificates  # noqa: PLC0415

    with db.transaction() as session:
        certificates.revoke(session, _user(session, account_id), serial, reason)


def write_certificates(db: Database, account_id: int, serials: list[str], target: Path, *, as_zip: bool, progress: Any) -> int:
    """Print the given certificates (in serial order) to a merged PDF or a ZIP; 0 when cancelled."""
    from tipcase.services import certificates  # noqa: PLC0415

    with db.reading() as session:
        actor = _user(session, account_id)
        wanted = set(serials)
        selected = [c for c in certificates.register(session, actor) if c.serial in wanted]
        pages = certificates.printable(session, selected)
        institution = certificates.institution(session)
    return certificates.write_pdfs(
        pages, institution, target, as_zip=as_zip, progress=progress.report, cancelled=lambda: progress.cancelled
    )


def export_register(db: Database, account_id: int, date_from: dt.date, date_to: dt.date, target: Path, *, language: str = "en") -> int:
    """Write the certificates issued from ``date_from`` to ``date_to`` (inclusive) to ``target`` (.csv, .xlsx or .pdf); returns how many.

    The headers and status words are in ``language`` (the interface language).
    """
    from sqlalchemy import func  # noqa: PLC0415

    from tipcase.certificates import register_report  # noqa: PLC0415
    from tipcase.services import certificates  # noqa: PLC0415
    from tipcase.store.models import AuditEntry  # noqa: PLC0415

    with db.reading() as session:
        rows = certificates.report_rows(session, _user(session, account_id), date_from, date_to)
        entries = session.scalar(select(func.count(AuditEntry.id))) or 0
        name = certificates.institution(session).name.get("en", "TIPCase")
    register_report.write(rows, target, period=(date_from, date_to), institution=name, audit_entries=entries, language=language)
    return len(rows)
