"""Signing in from the desktop app: the one service the sign-in page needs, apart from what the pages behind it need.

The app loads this module (SQLAlchemy's ORM, the models, Argon2) on a worker while the person types,
with ``prepare`` configuring the ORM's mappers there too, so the sign-in button works as soon as the
records are open and the first click pays for nothing but the password check. The rest of the records
layer (scenarios, the engine, YAML: ``tipcase.services.desktop``) loads after sign-in.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import configure_mappers

from tipcase.services import accounts
from tipcase.store.database import Database
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


def sign_in(db: Database, username: str, password: str) -> Account:
    """Check the password; a failed attempt is committed (it counts towards the lockout).

    Raises ``SignInError`` for a wrong username or password or a locked account (``accounts.sign_in``).
    """
    with db.session() as session:
        try:
            user = accounts.sign_in(session, username.strip().lower(), password)
        finally:
            session.commit()  # a failure is recorded too: the audit entry and the lockout count
        return account_of(user)
