"""Who an ``exercise`` command acts as: the workstation's operator, or with ``--user`` a signed-in person.

Without ``--user`` the command line is the workstation's operator: whoever runs it already holds the
database (its file, or its credentials), so it acts as an administrator, audited as ``cli:<system user>``
(``records_commands.operator``). With ``--user X`` it signs in as X first (the password from a prompt, or
``TIPCASE_PASSWORD``; a refused sign-in is audited, counts towards the lockout and exits 4) and then acts
under the services' own rules for X: a trainee is refused every role's ratings until the session ends
and the master log always, and may not direct a session at all; a trainer directs (docs/team-exercises.md).
"""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from tipcase.cli.records_commands import EXIT_SIGN_IN, operator, password_of
from tipcase.cli.spoken import refuse, speak_as
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import accounts, exercises
from tipcase.services.errors import SignInError
from tipcase.services.signing_in import sign_in
from tipcase.store.database import Database
from tipcase.store.models import User

USER_HELP = (
    "act for this person under their own rights: sign in as them first (asks for the password, or reads TIPCASE_PASSWORD; "
    "exit 4 when refused); without it, the command acts as the workstation's operator"
)


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--user USERNAME`` (optional: without it the command acts as the operator)."""
    parser.add_argument("--user", metavar="USERNAME", help=USER_HELP)


def signed_in(db: Database, args: argparse.Namespace, *, via: str) -> int | None:
    """Sign in as ``--user`` (when given) before the command acts; the exit code (4) when the sign-in is refused, else None.

    The refusal is said on standard error in ``args.speaking``; nothing is asked when there is no ``--user``.
    """
    if getattr(args, "user", None) is None:
        return None
    username = args.user.strip().lower()
    try:  # a failed sign-in is committed too: it is audited and counts towards the lockout
        sign_in(db, username, password_of(username, args.speaking), via=via)
    except SignInError as exc:
        refuse(args.speaking, Message(QT_TRANSLATE_NOOP("core", "--user {username}: {refusal}"), username=username, refusal=exc))
        return EXIT_SIGN_IN
    return None


def signed_in_to_session(db: Database, args: argparse.Namespace, *, via: str) -> int | None:
    """:func:`signed_in` for a command on the session ``--session``: in its language (NotFound before any password)."""
    with db.reading() as session:
        speak_as(args, exercises.get_session(session, args.session).language)
    return signed_in(db, args, via=via)


def acting(session: Session, args: argparse.Namespace) -> User:
    """Whom the command acts as: the ``--user`` account (signed in by :func:`signed_in`), else the operator."""
    if getattr(args, "user", None) is None:
        return operator()
    return accounts.get_user(session, args.user.strip().lower())
