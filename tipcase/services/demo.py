"""``tipcase demo``: demo accounts, a cohort and a course of the bundled cases (idempotent)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase import bundled
from tipcase.services import audit
from tipcase.services.accounts import NewUser, create_user
from tipcase.services.courses import add_members, assign_course, create_cohort, create_course
from tipcase.services.scenarios import publish_unchecked
from tipcase.store.models import Cohort, Course, Role, User

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
# The course's order: trafficking cases first, from the most common typology, then sexual and domestic violence.
DEMO_ORDER = [
    "scam-compound-return",
    "fishers-forced-labour",
    "domestic-worker-debt",
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


def demo_password(username: str) -> str:
    """Demo accounts sign in with their own username as password (demo data only!)."""
    return username


def seed_demo(session: Session, scenarios: Sequence[Path] | None = None) -> list[tuple[str, str, str]]:
    """Create whatever of the demo is missing; returns (username, password, role) of the demo sign-ins.

    ``scenarios`` makes the demo course of other cases (tests use one case); default: every bundled case.
    """
    created_any = False
    users = {}
    for new in DEMO_ACCOUNTS:
        user = session.scalars(select(User).where(User.username == new.username)).first()
        if user is None:
            user = create_user(session, new, demo_password(new.username))
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
    if created_any:
        audit.record(session, None, "demo seeded", DEMO_COURSE)
    return [(new.username, demo_password(new.username), new.role.value) for new in DEMO_ACCOUNTS]
