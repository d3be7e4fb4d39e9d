"""Accounts: adding and listing users, roles, passwords, and signing in with a lockout.

Five failed sign-ins lock an account for 15 minutes. Every sign-in, failed sign-in, role change and
password reset goes into the audit log; a failed sign-in with a username that names no account is
logged without the text typed (it may be a password typed into the wrong field).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many
from tipcase.services import audit
from tipcase.services.errors import NotFound, ServiceError, SignInError
from tipcase.services.passwords import LOCKOUT, MAX_FAILED_SIGN_INS, generate_password, hash_password, needs_rehash, verify_password
from tipcase.services.permissions import Permission, require
from tipcase.store.models import Role, User, utcnow

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
    wanted = (staff_id or "").strip()
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
            staff_id=(staff_id or "").strip(),
            name=holder.full_name,
            username=holder.username,
        )


def _refuse_too_long(values: dict[str, str | None]) -> None:
    """ServiceError for the first value longer than the records keep (``LENGTHS``)."""
    for field, value in values.items():
        if value is not None and len(value) > LENGTHS[field]:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "the {field} is longer than {limit} characters"),
                field=Message(FIELD_NAMES[field]),
                limit=LENGTHS[field],
            )


def _optional(value: str | None) -> str | None:
    """``value`` stripped, or None when nothing is left (an empty field is no value, never "")."""
    return (value or "").strip() or None


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
        "staff_id": _optional(new.staff_id),
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
    wanted = {field: (value or "").strip() if field == "full_name" else _optional(value) for field, value in changes.items()}
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


@dataclasses.dataclass(frozen=True)
class PasswordCheck:
    """A password checked against an account's stored hash before anything is written (``check_password``).

    ``stored_hash``: the hash it was checked against (None when there was nothing to check: no such account,
    or one deactivated or locked); ``matches``; ``new_hash``: the password hashed at the current cost when it
    matched a hash made at another (a roster's first password), else None.
    """

    stored_hash: str | None
    matches: bool
    new_hash: str | None = None


def check_password(session: Session, username: str, password: str, now: dt.datetime | None = None) -> PasswordCheck:
    """The slow half of signing in, reading only: argon2 (about 0.1 s of a core and 64 MiB each) outside any write lock.

    Run it in a read-only transaction (``Database.reading``), then ``sign_in(..., checked=...)`` in a writing
    one: a classroom signing in at once then hashes in parallel rather than one after another behind the
    database's single write lock (on SQLite 32 first sign-ins queued past the 15 s busy timeout and one was
    refused). Raises ValueError (``hash_password``) for a matching password under 8 characters that needs a
    rehash, as ``sign_in`` does.
    """
    now = now or utcnow()
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None or not user.active or (user.locked_until is not None and user.locked_until > now):
        return PasswordCheck(None, False)
    matches = verify_password(user.password_hash, password)
    new_hash = hash_password(password) if matches and needs_rehash(user.password_hash) else None
    return PasswordCheck(user.password_hash, matches, new_hash)


def sign_in(
    session: Session,
    username: str,
    password: str,
    now: dt.datetime | None = None,
    *,
    via: str = "app",
    checked: PasswordCheck | None = None,
) -> User:
    """Check a password. Wrong ones count; the fifth in a row locks the account for 15 minutes.

    ``via`` says in the audit entry where the sign-in came from (``app``, ``cli record``). A username
    that names no account is audited *without its text*: people type their password into the username
    field by mistake, and the audit log is kept for ever. ``checked``: ``check_password``'s verdict, used
    when the stored hash is still the one it checked (else the password is checked here). Raises
    SignInError (one line, the same for an unknown account and a wrong password). The caller commits
    even when this raises: the failure is recorded, as it must be.
    """
    now = now or utcnow()
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        audit.record(session, None, "sign-in failed", None, reason="unknown account", via=via)
        raise SignInError(QT_TRANSLATE_NOOP("core", "wrong username or password"))
    if not user.active:
        audit.record(session, None, "sign-in failed", username, reason="account deactivated", via=via)
        raise SignInError(QT_TRANSLATE_NOOP("core", "wrong username or password"))
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        audit.record(session, None, "sign-in failed", username, reason="locked", via=via)
        raise SignInError(
            one_or_many(
                minutes,
                QT_TRANSLATE_NOOP(
                    "core", "this account is locked after {max_failed_sign_ins} failed sign-ins; try again in {minutes} minute"
                ),
                QT_TRANSLATE_NOOP(
                    "core", "this account is locked after {max_failed_sign_ins} failed sign-ins; try again in {minutes} minutes"
                ),
            ),
            max_failed_sign_ins=MAX_FAILED_SIGN_INS,
            minutes=minutes,
        )
    if checked is None or checked.stored_hash != user.password_hash:  # not checked yet, or the password changed meanwhile
        checked = PasswordCheck(user.password_hash, verify_password(user.password_hash, password))
    if not checked.matches:
        user.failed_sign_ins += 1
        reason = "wrong password"
        if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
            user.locked_until = now + LOCKOUT
            user.failed_sign_ins = 0
            reason = "wrong password; account locked"
        audit.record(session, None, "sign-in failed", username, reason=reason, via=via)
        raise SignInError(QT_TRANSLATE_NOOP("core", "wrong username or password"))
    user.failed_sign_ins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = checked.new_hash or hash_password(password)
    audit.record(session, user, "signed in", username, via=via)
    return user
