"""What the accounts page and the change-password dialog ask of the records, as plain data for the app's worker thread.

An administrator lists, adds, corrects (name, rank, staff ID, unit, agency), resets, re-roles, deactivates and
reactivates accounts; everyone changes their own password. Each function opens its own transaction on a
``Database`` and returns frozen dataclasses or plain values, so results cross to the UI thread without a
Session. Permissions are checked here and in the services these call (``tipcase.services.accounts``,
``tipcase.services.permissions``); every change is audited.

A deactivated account cannot sign in (``accounts.sign_in`` refuses it as it refuses a wrong password) and keeps
its attempts and certificates: records of training are never deleted with the account.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import accounts, audit
from tipcase.services.desktop import _user
from tipcase.services.errors import ServiceError
from tipcase.services.passwords import generate_password
from tipcase.services.permissions import Permission, require
from tipcase.store.database import Database
from tipcase.store.models import Role, User, utcnow


@dataclasses.dataclass(frozen=True)
class AccountRow:
    """An account as the accounts page lists it: who, which role, and whether it can sign in now.

    ``role`` is one of ``Role``'s values; ``locked``: five failed sign-ins locked it (``accounts.sign_in``) and the
    15 minutes are not over; ``active``: False once deactivated.
    """

    username: str
    full_name: str
    role: str
    rank: str
    staff_id: str
    unit: str
    agency: str
    active: bool
    locked: bool


def account_rows(db: Database, account_id: int) -> list[AccountRow]:
    """Every account, by username; PermissionDenied unless the signed-in account manages accounts (admins)."""
    with db.reading() as session:
        actor = _user(session, account_id)
        require(actor, Permission.MANAGE_USERS)
        now = utcnow()
        return [
            AccountRow(
                user.username,
                user.full_name,
                user.role,
                user.rank or "",
                user.staff_id or "",
                user.unit or "",
                user.agency or "",
                bool(user.active),
                user.locked_until is not None and user.locked_until > now,
            )
            for user in accounts.list_users(session, actor)
        ]


def add_account(db: Database, account_id: int, new: accounts.NewUser) -> str:
    """Create ``new`` with a generated password and return that password (shown once, to hand over).

    Raises PermissionDenied unless the signed-in account manages accounts, ServiceError for a taken or malformed
    username or an empty name.
    """
    password = generate_password()
    with db.transaction() as session:
        accounts.add_user(session, _user(session, account_id), new, password)
    return password


def edit_account(db: Database, account_id: int, username: str, changes: dict[str, str | None]) -> dict[str, tuple[str, str]]:
    """Correct ``username``'s name, rank, staff ID, unit or agency as the signed-in account (``accounts.edit_user``).

    Returns each changed field as (old, new); raises PermissionDenied unless the signed-in account manages
    accounts, NotFound, or ServiceError for an empty name, an overlong value or a staff ID another account has.
    """
    with db.transaction() as session:
        return accounts.edit_user(session, _user(session, account_id), username, changes)


def reset_account_password(db: Database, account_id: int, username: str) -> str:
    """Give ``username`` a new generated password and unlock it; returns the password (shown once)."""
    with db.transaction() as session:
        return accounts.reset_password(session, _user(session, account_id), username)


def change_role(db: Database, account_id: int, username: str, role: str) -> None:
    """Give ``username`` the role ``role`` (a ``Role`` value); the last admin cannot give up the role (ServiceError)."""
    with db.transaction() as session:
        accounts.set_role(session, _user(session, account_id), username, Role(role))


def set_active(db: Database, account_id: int, username: str, active: bool) -> None:
    """Deactivate (``active=False``) or reactivate ``username`` as the signed-in account (``set_account_active``)."""
    with db.transaction() as session:
        set_account_active(session, _user(session, account_id), username, active)


def set_account_active(session: Session, actor: User, username: str, active: bool) -> None:
    """Deactivate (``active=False``) or reactivate ``username`` (audited as ``account deactivated``/``reactivated``).

    Raises PermissionDenied unless ``actor`` manages accounts, NotFound for no such account, and ServiceError when
    an administrator would deactivate themselves or the last active administrator (an installation always keeps
    someone who can undo it). Doing what is already so changes nothing and audits nothing.
    """
    require(actor, Permission.MANAGE_USERS)
    user = accounts.get_user(session, username)
    if bool(user.active) == active:
        return
    if not active and user.id == actor.id:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "you cannot deactivate your own account: ask another administrator"))
    if not active and user.role == Role.ADMIN.value and accounts.active_admins(session) <= 1:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "{username} is the last active administrator: make another admin first"), username=username
        )
    user.active = active
    audit.record(session, actor, "account reactivated" if active else "account deactivated", user.username)


def change_my_password(db: Database, account_id: int, current: str, new: str) -> None:
    """Change the signed-in account's own password (audited as ``password changed``).

    Raises SignInError when ``current`` is wrong and ServiceError when ``new`` is shorter than
    ``passwords.MIN_PASSWORD_LENGTH`` or the same as ``current``.
    """
    if new == current:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "the new password is the same as the current one"))
    with db.transaction() as session:
        accounts.change_own_password(session, _user(session, account_id), current, new)
