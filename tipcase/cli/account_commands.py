"""``tipcase users edit``, ``change-password``, ``deactivate`` and ``reactivate``: the account work beside ``users add``.

``edit`` corrects an account's name, rank, staff ID, unit or agency (``accounts.edit_user``: audited, a staff ID
another account has refused); certificates already issued keep what they were issued with.

``change-password`` is a person changing their own password, so it needs that person's current password (a
prompt, or ``TIPCASE_PASSWORD`` for scripts) and counts a wrong one towards the lockout, as a sign-in does
(exit 4 when refused). ``deactivate`` and ``reactivate`` are the operator's, as ``set-role`` is: a deactivated
account cannot sign in and keeps its attempts and certificates.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from tipcase.cli.common import UsageError
from tipcase.cli.records_commands import EXIT_OK, EXIT_SIGN_IN, _read_password, database, operator, password_of
from tipcase.services import accounts
from tipcase.services.account_desk import set_account_active
from tipcase.services.errors import SignInError


def add_account_actions(user_commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``change-password``, ``deactivate`` and ``reactivate`` to ``tipcase users``."""
    change = user_commands.add_parser(
        "change-password",
        help="change your own password (asks for the current one, or reads TIPCASE_PASSWORD; exit 4 when it is wrong)",
    )
    change.add_argument("username")
    change.add_argument("--password-stdin", action="store_true", help="read the new password from standard input")
    change.set_defaults(handler=cmd_users_change_password)
    edit = user_commands.add_parser(
        "edit",
        help="correct an account's name, rank, staff ID, unit or agency (audited; certificates already issued keep theirs)",
        description=(
            "Correct what an account holds; fields not given stay as they are, and an empty value (--rank '') clears an "
            "optional one. A staff ID (NRP/NIP) another account has is refused. Certificates already issued keep the name "
            "and details they were issued with; new ones print the corrected values."
        ),
    )
    edit.add_argument("username")
    edit.add_argument("--name", dest="full_name", help="full name, as certificates print it")
    edit.add_argument("--rank")
    edit.add_argument("--staff-id", help="staff ID (NRP/NIP); one account each")
    edit.add_argument("--unit")
    edit.add_argument("--agency")
    edit.set_defaults(handler=cmd_users_edit)
    deactivate = user_commands.add_parser("deactivate", help="stop an account signing in (its records are kept)")
    deactivate.add_argument("username")
    deactivate.set_defaults(handler=cmd_users_set_active, active=False)
    reactivate = user_commands.add_parser("reactivate", help="let a deactivated account sign in again")
    reactivate.add_argument("username")
    reactivate.set_defaults(handler=cmd_users_set_active, active=True)


def cmd_users_change_password(args: argparse.Namespace) -> int:
    """``tipcase users change-password USERNAME``: the current password checked as a sign-in, then the new one; exit 0, 4."""
    username = args.username.strip().lower()
    current = password_of(username)
    new = _read_password() if args.password_stdin else _ask_new_password()
    if new == current:
        raise UsageError("the new password is the same as the current one")
    with database(args) as db, db.session() as session:  # a wrong password is committed too: audited, and it counts towards the lockout
        try:
            user = accounts.sign_in(session, username, current, via="cli change-password")
        except SignInError as exc:
            session.commit()
            print(f"tipcase: error: {username}: {exc}", file=sys.stderr)
            return EXIT_SIGN_IN
        accounts.change_own_password(session, user, current, new)
        session.commit()
    print(f"password of {username} changed")
    return EXIT_OK


def _ask_new_password() -> str:
    if not sys.stdin.isatty():
        raise UsageError("give the new password at a terminal, or with --password-stdin")
    try:
        new = getpass.getpass("New password: ")
        if getpass.getpass("Repeat the new password: ") != new:
            raise UsageError("the two new passwords are not the same")
    except EOFError:
        raise UsageError("no new password given") from None
    return new


def cmd_users_edit(args: argparse.Namespace) -> int:
    """``tipcase users edit USERNAME --name/--rank/--staff-id/--unit/--agency``: correct the account (audited); exit 0, 2 if none given."""
    changes = {field: getattr(args, field) for field in accounts.EDITABLE if getattr(args, field) is not None}
    if not changes:
        raise UsageError("give at least one of --name, --rank, --staff-id, --unit, --agency")
    username = args.username.strip().lower()
    with database(args) as db, db.transaction() as session:
        changed = accounts.edit_user(session, operator(), username, changes)
    if not changed:
        print(f"{username}: nothing to change")
    for field, (old, new) in changed.items():
        print(f"{username}: {field.replace('_', ' ')} {old or '(none)'!r} -> {new or '(none)'!r}")
    return EXIT_OK


def cmd_users_set_active(args: argparse.Namespace) -> int:
    """``tipcase users deactivate|reactivate USERNAME``: stop or allow the account's sign-ins (audited); exit 0."""
    with database(args) as db, db.transaction() as session:
        set_account_active(session, operator(), args.username.strip().lower(), args.active)
    print(f"{args.username} " + ("can sign in again" if args.active else "is deactivated: it can no longer sign in"))
    return EXIT_OK
