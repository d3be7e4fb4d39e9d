"""Signing in: the password check, the lockout and the audit entry, through SQLAlchemy's Core (no ORM).

The one implementation of a sign-in. The app runs it as soon as the records are open, before the ORM
and the models have loaded (they cost a sign-in a fifth of its start-up: ``benchmarks/startup.py``),
and so do the scripted commands (``sign_in``); ``accounts.check_password`` and ``accounts.sign_in``
run the same ``check_password`` and ``record_sign_in`` on their Session's connection.

Five failed sign-ins in a row lock an account for 15 minutes. Every sign-in and failed sign-in goes
into the audit log (``audit_chain``); a username that names no account is logged without the text
typed (it may be a password typed into the wrong field).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import DBAPIError

from tipcase.messages import QT_TRANSLATE_NOOP, one_or_many
from tipcase.services import audit_chain
from tipcase.services.errors import SignInError
from tipcase.services.passwords import LOCKOUT, MAX_FAILED_SIGN_INS, hash_password, needs_rehash, verify_password
from tipcase.store.changes import announce_on
from tipcase.store.columns import utcnow
from tipcase.store.faults import Fault, classify
from tipcase.store.tables import users

if TYPE_CHECKING:
    from tipcase.store.database import Database

WRITE_ATTEMPTS = 3  # the outcome's short write, when the records stay busy past their wait (tipcase.store.database)

AuditAppend = Callable[[str | None, str, str | None, dict[str, Any]], object]
"""Appends an audit entry: ``(actor, action, target, details)`` (``audit_chain.record``, or the ORM's ``audit.record``)."""


@dataclasses.dataclass(frozen=True)
class Account:
    """Who is signed in, as plain data the app's widgets may hold."""

    id: int
    username: str
    full_name: str
    role: str
    rank: str | None
    unit: str | None


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


_ACCOUNT = (users.c.id, users.c.username, users.c.full_name, users.c.role, users.c.rank, users.c.unit)


def check_password(connection: Connection, username: str, password: str, now: dt.datetime | None = None) -> PasswordCheck:
    """The slow half of signing in, reading only: argon2 (about 0.1 s of a core and 64 MiB each) outside any write lock.

    Run it in a read-only transaction, then ``record_sign_in(..., checked=...)`` in a writing one: a
    classroom signing in at once then hashes in parallel rather than one after another behind the
    database's single write lock (on SQLite 32 first sign-ins queued past the 15 s busy timeout and one was
    refused). ``username`` exact (already lower-cased). Raises ValueError (``hash_password``) for a matching
    password under 8 characters that needs a rehash, as ``record_sign_in`` does.
    """
    now = now or utcnow()
    row = connection.execute(
        select(users.c.active, users.c.locked_until, users.c.password_hash).where(users.c.username == username)
    ).first()
    if row is None or not row.active or (row.locked_until is not None and row.locked_until > now):
        return PasswordCheck(None, False)
    matches = verify_password(row.password_hash, password)
    new_hash = hash_password(password) if matches and needs_rehash(row.password_hash) else None
    return PasswordCheck(row.password_hash, matches, new_hash)


def record_sign_in(
    connection: Connection,
    state: dict[str, Any],
    username: str,
    password: str,
    *,
    append: AuditAppend,
    now: dt.datetime | None = None,
    via: str = "app",
    checked: PasswordCheck | None = None,
) -> Account:
    """Check a password and record the outcome, in the caller's writing transaction; the fifth wrong one in a row locks for 15 minutes.

    ``username`` exact (already lower-cased); ``append`` writes the audit entry; ``state`` is the
    transaction's memory (``audit_chain``). ``via`` says in the audit entry where the sign-in came from
    (``app``, ``cli record``). A username that names no account is audited *without its text*. ``checked``:
    ``check_password``'s verdict, used when the stored hash is still the one it checked (else the password
    is checked here). Raises SignInError (one line, the same for an unknown account and a wrong password).
    The caller commits even when this raises: the failure is recorded, as it must be.
    """
    now = now or utcnow()
    row = connection.execute(
        select(*_ACCOUNT, users.c.active, users.c.locked_until, users.c.failed_sign_ins, users.c.password_hash).where(
            users.c.username == username
        )
    ).first()
    if row is None:
        append(None, "sign-in failed", None, {"reason": "unknown account", "via": via})
        raise SignInError(QT_TRANSLATE_NOOP("core", "wrong username or password"))
    if not row.active:
        append(None, "sign-in failed", username, {"reason": "account deactivated", "via": via})
        raise SignInError(QT_TRANSLATE_NOOP("core", "wrong username or password"))
    if row.locked_until is not None and row.locked_until > now:
        minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
        append(None, "sign-in failed", username, {"reason": "locked", "via": via})
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
    if checked is None or checked.stored_hash != row.password_hash:  # not checked yet, or the password changed meanwhile
        checked = PasswordCheck(row.password_hash, verify_password(row.password_hash, password))
    if not checked.matches:
        failed, locked_until, reason = row.failed_sign_ins + 1, row.locked_until, "wrong password"
        if failed >= MAX_FAILED_SIGN_INS:
            failed, locked_until, reason = 0, now + LOCKOUT, "wrong password; account locked"
        _update(connection, state, row.id, failed_sign_ins=failed, locked_until=locked_until)
        append(None, "sign-in failed", username, {"reason": reason, "via": via})
        raise SignInError(QT_TRANSLATE_NOOP("core", "wrong username or password"))
    changes: dict[str, Any] = {"failed_sign_ins": 0, "locked_until": None}
    if needs_rehash(row.password_hash):
        changes["password_hash"] = checked.new_hash or hash_password(password)
    if row.failed_sign_ins != 0 or row.locked_until is not None or "password_hash" in changes:
        _update(connection, state, row.id, **changes)
    append(username, "signed in", username, {"via": via})
    return Account(row.id, row.username, row.full_name, row.role, row.rank, row.unit)


def _update(connection: Connection, state: dict[str, Any], user_id: int, **values: Any) -> None:
    connection.execute(update(users).where(users.c.id == user_id).values(**values))
    announce_on(connection, state, "users")


def sign_in(db: Database, username: str, password: str, *, via: str = "app") -> Account:
    """Sign in as the app and the scripted commands do; a failed attempt is committed (it counts towards the lockout).

    The password is checked in a read-only transaction (``check_password``: argon2, the slow part) and
    the outcome written in a short one (``record_sign_in``), so workstations signing in at once never
    queue their hashing behind one another's write lock. When that write still finds the records busy past
    their wait (a classroom at once on an overloaded machine), it is tried again, up to ``WRITE_ATTEMPTS``
    times, rather than refusing the person. A log not keyed yet is keyed first, through the ORM
    (``audit.seal``). Raises ``SignInError`` for a wrong username or password or a locked account, and the
    database's error when the records stay busy or fail otherwise.
    """
    username = username.strip().lower()
    with db.reading_connection() as connection:
        checked = check_password(connection, username, password)
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return _record(db, username, password, via, checked)
        except audit_chain.NotKeyed:
            return _record_keying_the_log(db, username, password, via, checked)
        except DBAPIError as exc:
            if attempt == WRITE_ATTEMPTS or classify(exc) is not Fault.LOCKED:
                raise
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _record(db: Database, username: str, password: str, via: str, checked: PasswordCheck) -> Account:
    """One writing transaction through the Core, committed even when the sign-in is refused; the checkpoint moves after it."""
    state: dict[str, Any] = {}
    refused: SignInError | None = None
    try:
        with db.engine.connect() as connection, connection.begin():

            def append(actor: str | None, action: str, target: str | None, details: dict[str, Any]) -> object:
                return audit_chain.record(connection, state, actor=actor, action=action, target=target, details=details)

            try:
                account = record_sign_in(connection, state, username, password, append=append, via=via, checked=checked)
            except SignInError as exc:
                refused = exc  # a failure is recorded too: the audit entry and the lockout count
    except BaseException:
        audit_chain.after_rollback(state)
        raise
    audit_chain.after_commit(state)
    if refused is not None:
        raise refused
    return account


def _record_keying_the_log(db: Database, username: str, password: str, via: str, checked: PasswordCheck) -> Account:
    """The same sign-in through the ORM's ``accounts.sign_in``, whose first audit entry keys the log (``audit.seal``)."""
    from tipcase.services import accounts  # noqa: PLC0415 - the ORM: only for the log's first keyed entry

    with db.session() as session:
        try:
            user = accounts.sign_in(session, username, password, via=via, checked=checked)
        except SignInError:
            session.commit()
            raise
        session.commit()
        return Account(user.id, user.username, user.full_name, user.role, user.rank, user.unit)
