"""Accounts: adding and listing users, roles, passwords, and signing in with a lockout.

Five failed sign-ins lock an account for 15 minutes. Every sign-in, failed sign-in, role change and
password reset goes into the audit log; a failed sign-in with a username that names no account is
logged without the text typed (it may be a password typed into the wrong field).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import audit, signing_in
from tipcase.services.errors import NotFound, ServiceError, SignInError
from tipcase.services.passwords import generate_password, hash_password, verify_password
from tipcase.services.permissions import Permission, require
from tipcase.services.person_fields import normal_staff_id, value_problem
from tipcase.services.signing_in import PasswordCheck
from tipcase.store.models import Role, User

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
# What an administrator may correct in an account after it is made (``edit_user``), and the longest value the
# records keep of each (tipcase/store/models.py: User).
EDITABLE = ("full_name", "rank", "staff_id", "unit", "agency")
LENGTHS = {"full_name": 200, "rank": 100, "staff_id": 50, "unit": 200, "agency": 200}
FIELD_NAMES = {
    "full_name": QT_TRANSLATE_NOOP("core", "full name"),
    "rank": QT_TRANSLATE_NOOP("core", "rank"),
    "staff_id": QT_TRANSLATE_NOOP("core", "staff ID"),
    "unit": QT_TRANSLATE_NOOP("core", "unit"),
    "agency": QT_TRANSLATE_NOOP("core", "agency"),
}  # how a refusal names each field (Messages: the app says them in its language)


@dataclasses.dataclass(frozen=True)
class NewUser:
    """An account to create.

    A username (lower-case, unique), the full name printed on certificates, a role, and the optional rank, staff
    id, unit and agency that rosters and certificates carry.
    """

    username: str
    full_name: str
    role: Role = Role.TRAINEE
    rank: str | None = None
    staff_id: str | None = None
    unit: str | None = None
    agency: str | None = None


def get_user(session: Session, username: str) -> User:
    """The account named ``username`` (exact, already lower-cased); NotFound when there is none."""
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no account {username!r}"), username=username)
    return user


def staff_id_holder(session: Session, staff_id: str | None, *, other_than: int | None = None) -> User | None:
    """The account that has ``staff_id`` (stripped; None and "" name nobody), leaving out the account ``other_than``."""
    wanted = normal_staff_id(staff_id or "")
    if not wanted:
        return None
    query = select(User).where(User.staff_id == wanted)
    if other_than is not None:
        query = query.where(User.id != other_than)
    return session.scalars(query.order_by(User.id)).first()


def _refuse_shared_staff_id(session: Session, staff_id: str | None, other_than: int | None = None) -> None:
    """ServiceError naming the other account when ``staff_id`` is already someone's: one staff ID is one person.

    A roster import finds people by staff ID (``tipcase.services.roster``), so a second account with the same
    NRP/NIP would have the roster enrol whichever account it met first. The database refuses it too (a unique
    index, migration 0006), but this says who has it rather than a constraint's name.
    """
    holder = staff_id_holder(session, staff_id, other_than=other_than)
    if holder is not None:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "staff ID {staff_id} is already the staff ID of {name} ({username}): one staff ID is one person"),
            staff_id=normal_staff_id(staff_id or ""),
            name=holder.full_name,
            username=holder.username,
        )


def _refuse_too_long(values: dict[str, str | None]) -> None:
    """ServiceError for the first value longer than the records keep (``LENGTHS``), or that the roster would refuse.

    The roster importer's rule (``person_fields.value_problem``): no control or invisible character, no
    spreadsheet error value, and a staff ID that is an NRP or NIP (digits only, at most 18).
    """
    for field, value in values.items():
        if value is not None and len(value) > LENGTHS[field]:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "the {field} is longer than {limit} characters"),
                field=Message(FIELD_NAMES[field]),
                limit=LENGTHS[field],
            )
    for field, value in values.items():
        problem = value_problem(field, value) if value else None
        if problem is not None:
            raise ServiceError.carrying(problem)


def _optional(value: str | None) -> str | None:
    """``value`` stripped, or None when nothing is left (an empty field is no value, never "")."""
    return (value or "").strip() or None


def _field(field: str, value: str | None) -> str | None:
    """``value`` as ``field`` stores it: stripped, None for nothing; a staff ID without the blanks between its digits."""
    kept = _optional(value)
    return normal_staff_id(kept) if field == "staff_id" and kept is not None else kept


def create_user(session: Session, new: NewUser, password: str, *, by: User | str = "set-up") -> User:
    """Create an account without a permission check: for set-up (the first admin, the demo and its team exercise).

    Audited like every account TIPCase makes (``user added`` with its role, by ``by``), so that
    ``tipcase audit verify`` compares its role with the one it was given (``accounts_check``).
    Raises ServiceError for a malformed or taken username, an empty full name, a staff ID another account has,
    a value longer than the records keep (``LENGTHS``) or a password under ``passwords.MIN_PASSWORD_LENGTH``
    characters; AuditKeyError when the log is keyed with a key not held here.
    """
    if not USERNAME.fullmatch(new.username):
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "username {username!r}: use 2-64 lower-case letters, digits, '.', '_' or '-'"), username=new.username
        )
    if session.scalars(select(User.id).where(User.username == new.username)).first() is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "an account {username!r} already exists"), username=new.username)
    if not new.full_name.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a full name is required"))
    fields = {
        "full_name": new.full_name.strip(),
        "rank": _optional(new.rank),
        "staff_id": _field("staff_id", new.staff_id),
        "unit": _optional(new.unit),
        "agency": _optional(new.agency),
    }
    _refuse_too_long(fields)
    _refuse_shared_staff_id(session, fields["staff_id"])
    try:
        password_hash = hash_password(password)
    except ValueError as exc:
        raise ServiceError.carrying(exc) from None
    user = User(username=new.username, role=Role(new.role).value, password_hash=password_hash, **fields)
    session.add(user)
    session.flush()
    audit.record(session, by, "user added", user.username, role=user.role)
    return user


def add_user(session: Session, actor: User, new: NewUser, password: str) -> User:
    """Create an account with ``password`` (audited).

    Raises PermissionDenied unless ``actor`` manages accounts, ServiceError for a taken username or a password
    under ``passwords.MIN_PASSWORD_LENGTH`` characters.
    """
    require(actor, Permission.MANAGE_USERS)
    return create_user(session, new, password, by=actor)


def edit_user(session: Session, actor: User, username: str, changes: dict[str, str | None]) -> dict[str, tuple[str, str]]:
    """Correct ``username``'s name, rank, staff ID, unit or agency; returns each changed field as (old, new).

    ``changes`` maps fields of ``EDITABLE`` to their new text ("" clears an optional field; fields left out
    stay as they are). Audited as ``account edited`` with the old and new value of each changed field;
    nothing changed writes nothing. Certificates already issued keep what they were issued with: their
    page and signed payload are stored with them (``Certificate.payload``), and reprints use those.
    Raises PermissionDenied unless ``actor`` manages accounts, NotFound for no such account, ServiceError
    for an unknown field, an empty full name, a value longer than the records keep, or a staff ID another
    account has.
    """
    require(actor, Permission.MANAGE_USERS)
    return apply_edit(session, actor, get_user(session, username), changes)


def apply_edit(session: Session, actor: User, user: User, changes: dict[str, str | None], **noted: str) -> dict[str, tuple[str, str]]:
    """``edit_user``'s checks, change and audit entry on ``user``, for a caller that checked the actor's permission itself.

    A roster's name corrections (``roster_names``) come through here, ``noted`` (``via="roster ..."``) added
    to the ``account edited`` entry. Raises what ``edit_user`` raises but PermissionDenied and NotFound.
    """
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "an account has no field {field!r}"), field=unknown[0])
    wanted = {field: (value or "").strip() if field == "full_name" else _field(field, value) for field, value in changes.items()}
    if "full_name" in wanted and not wanted["full_name"]:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "a full name is required"))
    _refuse_too_long(wanted)
    changed = {
        field: (getattr(user, field) or "", value or "") for field, value in wanted.items() if (getattr(user, field) or None) != value
    }
    if not changed:
        return {}
    if "staff_id" in changed:
        _refuse_shared_staff_id(session, wanted["staff_id"], other_than=user.id)
    for field in changed:
        setattr(user, field, wanted[field])
    audit.record(
        session,
        actor,
        "account edited",
        user.username,
        **{field: {"old": old, "new": new} for field, (old, new) in changed.items()},
        **noted,
    )
    return changed


def list_users(session: Session, actor: User, role: Role | None = None) -> list[User]:
    """Every account (only those of ``role`` when given), by username; PermissionDenied unless ``actor`` may list accounts."""
    require(actor, Permission.LIST_USERS)
    query = select(User).order_by(User.username)
    if role is not None:
        query = query.where(User.role == role.value)
    return list(session.scalars(query))


def active_admins(session: Session) -> int:
    """How many active administrator accounts there are (an installation keeps at least one)."""
    return len(session.scalars(select(User.id).where(User.role == Role.ADMIN.value, User.active)).all())


def set_role(session: Session, actor: User, username: str, role: Role) -> User:
    """Give ``username`` another role (audited with the old and new roles).

    Raises PermissionDenied unless ``actor`` manages roles, NotFound for no such account, and ServiceError when the last
    active admin would demote themselves (an installation always keeps an admin).
    """
    require(actor, Permission.MANAGE_ROLES)
    user = get_user(session, username)
    if user.id == actor.id and role != Role.ADMIN and active_admins(session) <= 1:
        raise ServiceError(QT_TRANSLATE_NOOP("core", "you are the last admin: make another admin first"))
    old = user.role
    user.role = Role(role).value
    audit.record(session, actor, "role changed", user.username, old=old, new=user.role)
    return user


def reset_password(session: Session, actor: User, username: str, password: str | None = None) -> str:
    """Set a new password (a random one unless given) and unlock the account; returns the password."""
    require(actor, Permission.MANAGE_USERS)
    user = get_user(session, username)
    new_password = password or generate_password()
    try:
        user.password_hash = hash_password(new_password)
    except ValueError as exc:
        raise ServiceError.carrying(exc) from None
    user.failed_sign_ins = 0
    user.locked_until = None
    audit.record(session, actor, "password reset", user.username)
    return new_password


def change_own_password(session: Session, actor: User, old: str, new: str) -> None:
    """Change ``actor``'s own password (audited); SignInError when ``old`` is wrong, ServiceError when ``new`` is too short."""
    if not verify_password(actor.password_hash, old):
        raise SignInError(QT_TRANSLATE_NOOP("core", "the current password is wrong"))
    try:
        actor.password_hash = hash_password(new)
    except ValueError as exc:
        raise ServiceError.carrying(exc) from None
    audit.record(session, actor, "password changed", actor.username)


def check_password(session: Session, username: str, password: str, now: dt.datetime | None = None) -> PasswordCheck:
    """``signing_in.check_password`` on the session's connection (the one implementation); run it in a reading session."""
    session.flush()  # the check reads through the Core: what the session changed first
    return signing_in.check_password(session.connection(), username, password, now)


def sign_in(
    session: Session,
    username: str,
    password: str,
    now: dt.datetime | None = None,
    *,
    via: str = "app",
    checked: PasswordCheck | None = None,
) -> User:
    """``signing_in.record_sign_in`` on the session's connection (the one implementation of a sign-in); returns the account.

    Wrong passwords count; the fifth in a row locks the account for 15 minutes. The audit entry is the
    ORM's ``audit.record`` (which keys the log first when it is not keyed yet). ``via`` says in the audit
    entry where the sign-in came from. Raises SignInError (one line, the same for an unknown account and a
    wrong password). The caller commits even when this raises: the failure is recorded, as it must be.
    The account, when this session holds it, is read again: the sign-in wrote it through the Core.
    """
    session.flush()  # the sign-in reads and writes through the Core: what the session changed first

    def append(actor: str | None, action: str, target: str | None, details: dict[str, Any]) -> object:
        return audit.record(session, actor, action, target, **details)

    try:
        account = signing_in.record_sign_in(
            session.connection(), session.info, username, password, append=append, now=now, via=via, checked=checked
        )
    except SignInError:
        session.scalars(select(User).where(User.username == username).execution_options(populate_existing=True)).first()
        raise
    user = session.get(User, account.id, populate_existing=True)
    assert user is not None  # just written in this transaction
    return user
