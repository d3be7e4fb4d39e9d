"""Signing in from the desktop app: the one service the sign-in page needs, apart from what the pages behind it need.

The app loads this module (SQLAlchemy's ORM, the models, Argon2) on a worker while the person types,
with ``prepare`` configuring the ORM's mappers there too, so the sign-in button works as soon as the
records are open and the first click pays for nothing but the password check. The rest of the records
layer (scenarios, the engine, YAML: ``tipcase.services.desktop``) loads after sign-in.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import configure_mappers

from tipcase.services import accounts
from tipcase.services.errors import SignInError
from tipcase.store.database import Database
from tipcase.store.faults import Fault, classify
from tipcase.store.models import User


@dataclasses.dataclass(frozen=True)
class Account:
    """Who is signed in, as plain data the app's widgets may hold."""

    id: int
    username: str
    full_name: str
    role: str
    rank: str | None
    unit: str | None


def account_of(user: User) -> Account:
    """``user`` as the plain ``desktop.Account`` the app holds (no ORM object crosses threads)."""
    return Account(user.id, user.username, user.full_name, user.role, user.rank, user.unit)


def prepare() -> None:
    """Configure the ORM's mappers now (about 20 ms), rather than on the first query: the first click's."""
    configure_mappers()


WRITE_ATTEMPTS = 3  # the outcome's short write, when the records stay busy past their wait (tipcase.store.database)


def sign_in(db: Database, username: str, password: str, *, via: str = "app") -> Account:
    """Sign in as the app and the scripted commands do; a failed attempt is committed (it counts towards the lockout).

    The password is checked in a read-only transaction (``accounts.check_password``: argon2, the slow part)
    and the outcome written in a short one (``accounts.sign_in``), so workstations signing in at once never
    queue their hashing behind one another's write lock. When that write still finds the records busy past
    their wait (a classroom at once on an overloaded machine), it is tried again, up to ``WRITE_ATTEMPTS``
    times, rather than refusing the person. ``via`` names where the sign-in came from in the audit entry.
    Raises ``SignInError`` for a wrong username or password or a locked account, and the database's error
    when the records stay busy or fail otherwise.
    """
    username = username.strip().lower()
    with db.reading() as session:
        checked = accounts.check_password(session, username, password)
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with db.session() as session:
                try:
                    user = accounts.sign_in(session, username, password, via=via, checked=checked)
                except SignInError:
                    session.commit()  # a failure is recorded too: the audit entry and the lockout count
                    raise
                session.commit()
                return account_of(user)
        except DBAPIError as exc:
            if attempt == WRITE_ATTEMPTS or classify(exc) is not Fault.LOCKED:
                raise
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
