"""``tipcase audit verify`` on accounts' roles: each account's role against the audit entries that gave it.

A role is the permission boundary (an admin manages accounts, a registrar issues certificates, a trainer
reads every attempt), and the ``users`` table is not evidence: the workstations' PostgreSQL role may
update it (passwords, lockout counts), so anyone holding a workstation's database login could promote an
account with one ``UPDATE``. Every way TIPCase gives a role is audited: ``user added`` (its role),
``roster imported`` (its new accounts are trainees), ``role changed`` (the new role), and the demo's
accounts (``user added`` by ``demo``). An account whose role differs from the latest of those entries
was changed outside TIPCase. An account no entry names (made before the log was keyed, or by an older
``tipcase demo``) cannot be compared; ``check_records`` counts them in its notes.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.services import audit
from tipcase.store.models import AuditEntry, Role, User

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
