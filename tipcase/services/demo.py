"""``tipcase demo``: demo accounts, a cohort, courses of the bundled cases, a workstation that can issue (idempotent).

The role courses (``demo-<role>``) gather the bundled cases by the ``role`` they declare
(tipcase.format.roles), so a case added to the library later joins its role's course the next time
the demo is seeded (``make run`` does it on every start).

``prepare_issuing`` gives the workstation an issuing key (in TIPCASE_HOME/keys) and the records an
example issuing institution with a signatory, each only when missing: a real institution configured
with ``tipcase certificate institution`` and a key made with ``tipcase keys init`` are never touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase import bundled
from tipcase.certificates.institution import Institution
from tipcase.certificates.signing import PRIVATE, SigningKeyError, init_keys, key_id, keys_dir, load_private
from tipcase.format.roles import ROLES
from tipcase.services import audit
from tipcase.services.accounts import NewUser, create_user
from tipcase.services.courses import add_members, assign_course, create_cohort, create_course
from tipcase.services.errors import ServiceError
from tipcase.services.scenarios import playable, publish_unchecked
from tipcase.store.models import Cohort, Course, CourseScenario, Role, ScenarioVersion, Setting, User

DEMO_ACCOUNTS = [
    NewUser(
        "demo-trainee",
        "Bripda Sari Wulandari",
        Role.TRAINEE,
        rank="Bripda",
        staff_id="98050123",
        unit="Unit PPA Polres Cirebon Kota",
        agency="Polri",
    ),
    NewUser("demo-trainer", "AKP Made Suryadi", Role.TRAINER, rank="AKP", staff_id="81020456", unit="Pusdik Reskrim", agency="Polri"),
    NewUser("demo-registrar", "Dewi Anggraini, S.H.", Role.REGISTRAR, staff_id="198703122010012003", unit="Biro SDM", agency="Polri"),
    NewUser("demo-admin", "Administrator", Role.ADMIN),
]
DEMO_COHORT = "demo"
DEMO_COURSE = "demo"
# The demo course's order (demo_scenarios): the cases on the trafficking pathway (id-tip-referral) first, a
# case next to the one it continues (the fishers at home, then abroad), then the cases on the sexual- and
# domestic-violence pathway (id-gbv-integrated-services). A bundled case not listed comes after these, by
# file name. The role courses keep this order among their own cases. tests/test_records_cli.py checks
# that the list names every bundled case.
DEMO_ORDER = [
    "scam-compound-return",
    "fishers-forced-labour",
    "fishers-consular-abroad",
    "domestic-worker-debt",
    "departure-screening",
    "boat-landing-aceh",
    "plantation-inspection",
    "fake-internship",
    "karaoke-prosecution",
    "lpsk-deaf-survivor",
    "child-online-exploitation",
    "child-bride-abroad",
    "returnee-domestic-violence",
]


def demo_scenarios() -> list[Path]:
    """The bundled cases in the course's order (any case not in the list comes last, by name)."""
    paths = bundled.bundled_scenarios()
    rank = {name: i for i, name in enumerate(DEMO_ORDER)}
    return sorted(paths, key=lambda p: (rank.get(p.stem, len(rank)), p.stem))


ROLE_COURSE_TITLE = {
    "en": "{role}: victim-centred case handling",
    "id": "{role}: penanganan perkara yang berpusat pada korban",
}


def role_course_code(role: str) -> str:
    """The demo course of a role: ``demo-`` and the role id."""
    return f"{DEMO_COURSE}-{role}"


def demo_password(username: str) -> str:
    """Demo accounts sign in with their own username as password (demo data only!)."""
    return username


def seed_demo(
    session: Session,
    scenarios: Sequence[Path] | None = None,
    role_courses: bool | None = None,
    team_exercise: bool | None = None,
    graduate: bool | None = None,
) -> list[tuple[str, str, str]]:
    """Create whatever of the demo is missing; returns (username, password, role) of the demo sign-ins.

    ``scenarios`` makes the demo course of other cases (tests use one case); default: every bundled case.
    ``role_courses`` adds a course per role of those cases (default: only with the bundled library), and
    adds to an existing role course the cases it does not have yet. ``team_exercise`` adds the bundled
    team case's session ``demo-team``, started, a demo trainee at each role
    (``tipcase.services.exercise_demo``; default: only with the bundled library). ``graduate`` adds
    ``demo-graduate``, a member who has completed the prosecutor's role course and holds no certificate
    yet, so a registrar can issue at once (``tipcase.services.demo_graduate``; default: with the role courses).
    """
    created_any = False
    users = {}
    for new in DEMO_ACCOUNTS:
        user = session.scalars(select(User).where(User.username == new.username)).first()
        if user is None:
            user = create_user(session, new, demo_password(new.username), by="demo")  # audited with its role
            created_any = True
        users[new.username] = user
    versions = [publish_unchecked(session, path) for path in (scenarios if scenarios is not None else demo_scenarios())]
    cohort = session.scalars(select(Cohort).where(Cohort.name == DEMO_COHORT)).first()
    if cohort is None:
        cohort = create_cohort(session, None, DEMO_COHORT, "Demo cohort")
        created_any = True
    add_members(session, None, cohort, [users["demo-trainee"]])
    course = session.scalars(select(Course).where(Course.code == DEMO_COURSE)).first()
    if course is None:
        course = create_course(
            session,
            None,
            code=DEMO_COURSE,
            title={"en": "Victim-centred handling of TIP and GBV cases", "id": "Penanganan perkara TPPO dan KBG yang berpusat pada korban"},
            certificate_title={"en": "Victim-centred case handling", "id": "Penanganan perkara yang berpusat pada korban"},
            versions=versions,
            feedback_after_choice=True,
        )
        created_any = True
    assign_course(session, None, cohort, course)
    if role_courses if role_courses is not None else scenarios is None:
        for role_course in _seed_role_courses(session, versions):
            assign_course(session, None, cohort, role_course)
    accounts = list(DEMO_ACCOUNTS)
    if graduate if graduate is not None else (role_courses if role_courses is not None else scenarios is None):
        from tipcase.services.demo_graduate import seed_demo_graduate  # noqa: PLC0415 - only with the role courses

        accounts.append(seed_demo_graduate(session, cohort, demo_password("demo-graduate")))
    if team_exercise if team_exercise is not None else scenarios is None:
        from tipcase.services.exercise_demo import seed_demo_exercise  # noqa: PLC0415 - only with the team exercise

        accounts += seed_demo_exercise(session, users["demo-trainer"], demo_password)
    if created_any:
        audit.record(session, None, "demo seeded", DEMO_COURSE)
    return [(new.username, demo_password(new.username), new.role.value) for new in accounts]


def _seed_role_courses(session: Session, versions: Sequence[ScenarioVersion]) -> list[Course]:
    """A course per role the cases declare, in the role vocabulary's order; new cases join an existing one."""
    by_role: dict[str, list[ScenarioVersion]] = {}
    for version in versions:
        role = playable(version).scenario.role
        if role is not None:
            by_role.setdefault(role, []).append(version)
    courses = []
    for role in (r for r in ROLES if r in by_role):
        code = role_course_code(role)
        course = session.scalars(select(Course).where(Course.code == code)).first()
        if course is None:
            title = {language: template.format(role=ROLES[role][language]) for language, template in ROLE_COURSE_TITLE.items()}
            course = create_course(
                session, None, code=code, title=title, certificate_title=title, versions=by_role[role], feedback_after_choice=True
            )
        else:
            have = {item.scenario_version.scenario_id for item in course.items}
            new = [v for v in by_role[role] if v.scenario_id not in have]
            for position, version in enumerate(new, start=len(course.items)):
                course.items.append(CourseScenario(position=position, scenario_version_id=version.id))
            if new:
                session.flush()
                audit.record(session, None, "demo course extended", code, scenarios=[f"{v.scenario_id} v{v.version}" for v in new])
        courses.append(course)
    return courses


# An example issuing institution, plainly marked as one, so that a demo certificate has a complete
# signature block: the signatory's name under the line, and their office in both languages.
DEMO_INSTITUTION = Institution(
    name={"en": "TIPCase Demonstration Training Centre", "id": "Pusat Pelatihan Demonstrasi TIPCase"},
    signatory_name="Dr. Ratna Kusumawati, S.H., M.H.",
    signatory_title={"en": "Head of the Training Centre (example)", "id": "Kepala Pusat Pelatihan (contoh)"},
)


@dataclasses.dataclass(frozen=True)
class IssuingSetUp:
    """What ``prepare_issuing`` found or made: the issuing key's id (and whether it was created now) and the institution."""

    key_id: str
    key_created: bool
    institution_configured: bool
    institution: str  # its English name


def prepare_issuing(session: Session, home_dir: Path | None = None) -> IssuingSetUp:
    """Make this workstation able to issue: an issuing key and an institution, each only when missing.

    Idempotent; never replaces a key or an institution already there. Audited when it changes anything.
    Raises ServiceError when an issuing key file is there but unreadable (it is left as it is).
    """
    from tipcase.services.certificates import INSTITUTION_KEY, configure_institution, institution  # noqa: PLC0415

    created = False
    try:
        ident = key_id(load_private(home_dir).public_key())
    except SigningKeyError:
        if (keys_dir(home_dir) / PRIVATE).exists():
            raise ServiceError("the issuing key on this workstation cannot be read: check it with 'tipcase keys export-public'") from None
        ident = init_keys(home_dir)
        created = True
        audit.record(session, None, "issuing key created", ident)
    configured = False
    if session.get(Setting, INSTITUTION_KEY) is None:
        configure_institution(session, None, DEMO_INSTITUTION)
        configured = True
    return IssuingSetUp(ident, created, configured, institution(session).name.get("en", ""))
