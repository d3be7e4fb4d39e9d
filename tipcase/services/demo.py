"""``tipcase demo``: demo accounts, a cohort and a course of the bundled cases (idempotent)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase import library
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


def demo_password(username: str) -> str:
    """Demo accounts sign in with their own username as password (demo data only!)."""
    return username


def seed_demo(session: Session) -> list[tuple[str, str, str]]:
    """Create whatever of the demo is missing; returns (username, password, role) of the demo sign-ins."""
    created_any = False
    users = {}
    for new in DEMO_ACCOUNTS:
        user = session.scalars(select(User).where(User.username == new.username)).first()
        if user is None:
            user = create_user(session, new, demo_password(new.username))
            created_any = True
        users[new.username] = user
    versions = [publish_unchecked(session, path) for path in library.bundled_scenarios()]
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
            title={
                "en": "Handling trafficking and sexual-violence cases (demo)",
                "id": "Penanganan perkara TPPO dan kekerasan seksual (demo)",
            },
            certificate_title={"en": "Victim-centred case handling", "id": "Penanganan perkara yang berpusat pada korban"},
            versions=versions,
            feedback_after_choice=True,
        )
        created_any = True
    assign_course(session, None, cohort, course)
    if created_any:
        audit.record(session, None, "demo seeded", DEMO_COURSE)
    return [(new.username, demo_password(new.username), new.role.value) for new in DEMO_ACCOUNTS]
