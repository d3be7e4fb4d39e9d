"""``tipcase audit verify`` on who may do what: accounts' roles, cohorts' members and courses, against the log.

A role is the permission boundary (an admin manages accounts, a registrar issues certificates, a trainer
reads every attempt), and the ``users`` table is not evidence: the workstations' PostgreSQL role may
update it (passwords, lockout counts), so anyone holding a workstation's database login could promote an
account with one ``UPDATE``. Every way TIPCase gives a role is audited: ``user added`` (its role),
``roster imported`` (its new accounts are trainees), ``role changed`` (the new role), and every account
made at set-up (``accounts.create_user`` records ``user added``: the demo's and its team exercise's, by
``demo`` or ``set-up``). An account whose role differs from the latest of those entries was changed
outside TIPCase. An account no entry names (made before the log was keyed, or by an older ``tipcase demo``)
cannot be compared; ``check_records`` counts them in its notes.

Membership is the other boundary: only a member of a cohort that has a course may take it and be issued
its certificate, and ``cohort_members`` and ``cohort_courses`` take inserts from the same login. Every
member TIPCase adds is audited (``cohort members added``, since the records began) and every course
assigned (``course assigned``), so a member or course that no entry added was inserted outside TIPCase.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.services import audit
from tipcase.store.models import AuditEntry, Cohort, Course, Role, User, cohort_courses, cohort_members

ROLE_ACTIONS = ("user added", "role changed", "roster imported")


def recorded_roles(session: Session) -> dict[str, tuple[str, int]]:
    """Username to (role, audit entry seq) as the latest entry that gave the account a role recorded it."""
    recorded: dict[str, tuple[str, int]] = {}
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.action.in_(ROLE_ACTIONS)).order_by(AuditEntry.seq)):
        details = audit.details_of(entry)
        if entry.action == "roster imported":
            for username in details.get("created") or []:
                if isinstance(username, str):
                    recorded[username] = (Role.TRAINEE.value, entry.seq)
            continue
        role = details.get("role" if entry.action == "user added" else "new")
        if isinstance(role, str) and entry.target:
            recorded[entry.target] = (role, entry.seq)
    return recorded


def role_problems(session: Session) -> tuple[list[tuple[str, str]], int]:
    """(account, what differs) for each account whose role is not the one its audit entries gave it; and how many no entry names."""
    recorded = recorded_roles(session)
    problems, unnamed = [], 0
    for username, role in session.execute(select(User.username, User.role).order_by(User.username)):
        if username not in recorded:
            unnamed += 1
            continue
        expected, seq = recorded[username]
        if role != expected:
            problems.append(
                (
                    f"account {username}",
                    f"is {role}, but audit entry {seq} gave it the role {expected} and none changed it since: changed outside TIPCase",
                )
            )
    return problems, unnamed


def membership_problems(session: Session) -> list[tuple[str, str]]:
    """(cohort, what differs) for each member or course of a cohort that no audit entry added."""
    members: set[tuple[str, str]] = set()
    assigned: set[tuple[str, str]] = set()
    actions = ("cohort members added", "course assigned")
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.action.in_(actions)).order_by(AuditEntry.seq)):
        details = audit.details_of(entry)
        if entry.action == "course assigned" and isinstance(details.get("course"), str):
            assigned.add((entry.target or "", details["course"]))
        for username in details.get("users") or [] if entry.action == "cohort members added" else []:
            if isinstance(username, str):
                members.add((entry.target or "", username))
    problems = []
    member_rows = session.execute(
        select(Cohort.name, User.username)
        .join(cohort_members, cohort_members.c.cohort_id == Cohort.id)
        .join(User, User.id == cohort_members.c.user_id)
    )
    for cohort, username in sorted((str(a), str(b)) for a, b in member_rows):
        if (cohort, username) not in members:
            problems.append((f"cohort {cohort}", f"{username} is a member, but no audit entry added them: inserted outside TIPCase"))
    course_rows = session.execute(
        select(Cohort.name, Course.code)
        .join(cohort_courses, cohort_courses.c.cohort_id == Cohort.id)
        .join(Course, Course.id == cohort_courses.c.course_id)
    )
    for cohort, code in sorted((str(a), str(b)) for a, b in course_rows):
        if (cohort, code) not in assigned:
            problems.append((f"cohort {cohort}", f"has course {code}, but no audit entry assigned it: inserted outside TIPCase"))
    return problems
