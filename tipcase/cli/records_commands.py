"""``tipcase demo``, ``users``, ``courses``, ``record``, ``export``, ``backup``, ``restore`` (``db``, ``audit``: database_commands).

The command line acts as the workstation's operator: whoever can reach the database file or server
already holds every record, so these commands run with an administrator's rights and are audited
as ``cli:<system user>``. ``record --user`` plays as that user, exactly as the app would, and so
needs that user's password (a prompt, or ``TIPCASE_PASSWORD`` for scripts): nobody decides in
another person's attempt. A refused sign-in exits 4.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tipcase.cli.common import UsageError, aligned, command_line_operator, input_file, print_json
from tipcase.cli.spoken import line
from tipcase.home_folder import claim_private
from tipcase.messages import QT_TRANSLATE_NOOP, Message, counted
from tipcase.services import accounts, attempts, audit, courses, exports, scenarios
from tipcase.services.errors import ServiceError, SignInError
from tipcase.services.playables import language_of
from tipcase.services.signing_in import sign_in
from tipcase.store.database import Database, open_database
from tipcase.store.models import Role, User

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INCOMPLETE, EXIT_SIGN_IN = 0, 1, 2, 3, 4
PASSWORD_VARIABLE = "TIPCASE_PASSWORD"  # the password of the person ``record --user`` acts for, as PGPASSWORD is psql's
PASSPHRASE_VARIABLE = "TIPCASE_BACKUP_PASSPHRASE"  # backup_keys.PASSPHRASE_VARIABLE (a test checks), named here without loading it


def operator() -> User:
    """The command-line operator as a ``User`` (``common.command_line_operator``): an administrator that is not an account."""
    who = command_line_operator()
    return User(username=who.username, full_name=who.full_name, role=Role.ADMIN.value, active=True, password_hash="!")


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Database]:
    """The ``--database`` URL's (or the home's default) database, disposed of when the command ends."""
    db = open_database(args.database)
    try:
        yield db
    finally:
        db.dispose()


def register(commands: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """Add the records commands; returns the ``courses`` actions, which ``cohort_commands`` adds to."""
    commands.add_parser("demo", help="seed demo accounts, a cohort and a course (idempotent)").set_defaults(handler=cmd_demo)

    users = commands.add_parser("users", help="accounts")
    user_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = user_commands.add_parser("add", help="add an account (prints a random password unless --password-stdin)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--rank")
    add.add_argument("--staff-id", help="staff ID (NRP/NIP): one account each")
    add.add_argument("--unit")
    add.add_argument("--agency")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(handler=cmd_users_add)
    listing = user_commands.add_parser("list", help="list accounts")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_users_list)
    set_role = user_commands.add_parser("set-role", help="change an account's role")
    set_role.add_argument("username")
    set_role.add_argument("role", choices=[r.value for r in Role])
    set_role.set_defaults(handler=cmd_users_set_role)
    reset = user_commands.add_parser("reset-password", help="set a new password and unlock the account")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    reset.set_defaults(handler=cmd_users_reset_password)
    from tipcase.cli.account_commands import add_account_actions  # noqa: PLC0415 - it builds on this module

    add_account_actions(user_commands)

    course_parser = commands.add_parser("courses", help="courses")
    course_commands: argparse._SubParsersAction = course_parser.add_subparsers(  # type: ignore[type-arg]
        dest="courses_command", metavar="ACTION", required=True
    )
    course_list = course_commands.add_parser("list", help="list courses")
    course_list.add_argument("--json", action="store_true")
    course_list.set_defaults(handler=cmd_courses_list)

    record = commands.add_parser(
        "record",
        help="play a scenario as a user and store the attempt, as the app would "
        f"(asks for the user's password, or reads {PASSWORD_VARIABLE}; exit 4 when the sign-in is refused)",
    )
    record.add_argument("file", metavar="FILE")
    record.add_argument("--user", required=True, metavar="USERNAME")
    record.add_argument("--choose", required=True, metavar="N,N,...")
    record.add_argument("--course", metavar="CODE", help="record the attempt in this course")
    record.add_argument("--lang", metavar="LANG", help="one of the languages the case is written in (default: its first)")
    record.set_defaults(handler=cmd_record)

    export = commands.add_parser("export", help="export records")
    export_commands = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    export_attempts = export_commands.add_parser("attempts", help="attempts as CSV, or xAPI 1.0.3 statements")
    export_attempts.add_argument("--format", choices=["csv", "xapi"], default="csv")
    export_attempts.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    export_attempts.set_defaults(handler=cmd_export_attempts)

    backup_parser = commands.add_parser(
        "backup", help="write a consistent copy of every record to FILE (readable by you only: it holds password hashes)"
    )
    backup_parser.add_argument("file", metavar="FILE")
    backup_parser.add_argument(
        "--include-keys",
        action="store_true",
        help=f"also the issuing private key, sealed with a passphrase (asked twice, or {PASSPHRASE_VARIABLE})",
    )
    backup_parser.set_defaults(handler=cmd_backup)
    restore_parser = commands.add_parser("restore", help="restore a backup into an empty home")
    restore_parser.add_argument("file", metavar="FILE")
    restore_parser.add_argument("--without-keys", action="store_true", help="restore the records but not the sealed private key")
    restore_parser.set_defaults(handler=cmd_restore)
    return course_commands


def _read_password() -> str:
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UsageError("--password-stdin: no password on standard input")
    return password


def cmd_demo(args: argparse.Namespace) -> int:
    """``tipcase demo``: seed the demo accounts, course and issuing institution (idempotent) and print the demo sign-ins; exit 0."""
    from tipcase.services.demo import prepare_issuing, seed_demo  # noqa: PLC0415 - the demo's keys and pictures: only here

    with database(args) as db, db.transaction() as session:
        sign_ins = seed_demo(session)
        issuing = prepare_issuing(session)
    print("Demo sign-ins (demo data only; change them before real use):")
    for username, password, role in sign_ins:
        print(f"  {role:<10} username {username:<15} password {password}")
    print(f"Certificates are issued here with key {issuing.key_id} for {issuing.institution} (tipcase certificate institution --help)")
    return EXIT_OK


def cmd_users_add(args: argparse.Namespace) -> int:
    """``tipcase users add``: an account with a generated password (printed once) or one read from stdin; exit 0."""
    password = _read_password() if args.password_stdin else None
    new = accounts.NewUser(args.username, args.name, Role(args.role), args.rank, args.staff_id, args.unit, args.agency)
    with database(args) as db, db.transaction() as session:
        from tipcase.services.passwords import generate_password  # noqa: PLC0415 - only when no password was given

        chosen = password or generate_password()
        accounts.add_user(session, operator(), new, chosen)
    print(f"added {args.username} ({args.role})")
    if password is None:
        print(f"password: {chosen}  (give it to the user; they can change it after signing in)")
    return EXIT_OK


def _user_json(user: User) -> dict[str, object]:
    return {
        "username": user.username,
        "name": user.full_name,
        "role": user.role,
        "rank": user.rank,
        "staff_id": user.staff_id,
        "unit": user.unit,
        "agency": user.agency,
        "active": user.active,
        "locked_until": user.locked_until.isoformat() if user.locked_until else None,
    }


def cmd_users_list(args: argparse.Namespace) -> int:
    """``tipcase users list``: every account (username, role, name, staff id), or a JSON list with --json; exit 0."""
    with database(args) as db, db.transaction() as session:
        users = [_user_json(u) for u in accounts.list_users(session, operator())]
    if args.json:
        print_json(users)
    else:
        rows = [[str(u["username"]), str(u["role"]), str(u["name"]) + (f"  [{u['staff_id']}]" if u["staff_id"] else "")] for u in users]
        for line in aligned(rows):
            print(line)
    return EXIT_OK


def cmd_users_set_role(args: argparse.Namespace) -> int:
    """``tipcase users set-role USERNAME ROLE``: change an account's role (audited); exit 0."""
    with database(args) as db, db.transaction() as session:
        accounts.set_role(session, operator(), args.username, Role(args.role))
    print(f"{args.username} is now {args.role}")
    return EXIT_OK


def cmd_users_reset_password(args: argparse.Namespace) -> int:
    """``tipcase users reset-password USERNAME``: a new password, generated (printed once) or read from stdin; exit 0."""
    password = _read_password() if args.password_stdin else None
    with database(args) as db, db.transaction() as session:
        new_password = accounts.reset_password(session, operator(), args.username, password)
    print(f"password of {args.username} reset" + ("" if password else f": {new_password}"))
    return EXIT_OK


def cmd_courses_list(args: argparse.Namespace) -> int:
    """``tipcase courses list``: every course with its pass rule, attempt policy and pinned scenario versions (JSON with --json); exit 0."""
    with database(args) as db, db.transaction() as session:
        listed: list[dict[str, Any]] = [
            {
                "code": c.code,
                "title": c.title,
                "pass_rule": c.pass_rule,
                "pass_mean": c.pass_mean,
                "attempt_policy": c.attempt_policy,
                "max_attempts": c.max_attempts,
                "scenarios": [{"id": i.scenario_version.scenario_id, "version": i.scenario_version.version} for i in c.items],
            }
            for c in courses.list_courses(session, operator())
        ]
    if args.json:
        print_json(listed)
    else:
        rows = []
        for course in listed:
            scenario_list = ", ".join(f"{s['id']} v{s['version']}" for s in course["scenarios"])
            rows.append([course["code"], course["title"].get("en", ""), f"[{scenario_list}]"])
        for line in aligned(rows):
            print(line)
    return EXIT_OK


def password_of(username: str, language: str = "en") -> str:
    """The password of the person a command acts for: ``TIPCASE_PASSWORD`` (scripts), else a prompt (in ``language``)."""
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        no_terminal = QT_TRANSLATE_NOOP("core", "--user {username}: give their password at a terminal, or in {variable} for a script")
        raise UsageError(Message(no_terminal, username=username, variable=PASSWORD_VARIABLE))
    try:
        return getpass.getpass(line(language, QT_TRANSLATE_NOOP("core", "Password for {username}: "), username=username))
    except EOFError:
        raise UsageError(Message(QT_TRANSLATE_NOOP("core", "--user {username}: no password given"), username=username)) from None


def cmd_record(args: argparse.Namespace) -> int:
    """``tipcase record FILE --user NAME --choose N,...``: sign in as the user and play the choices as a stored attempt.

    Each decision is its own committed transaction, as in the app. Prints the result as JSON with the attempt id;
    exit 0 at an end, 3 when the choices stop before one, 2 for a choice not offered, 4 when the sign-in is refused.
    """
    from tipcase.cli.scenario_commands import _parse_choices  # noqa: PLC0415 - shared parsing of --choose

    numbers = _parse_choices(args.choose)
    input_file(args.file)
    if args.lang is not None:
        check_language(args.file, args.lang)
    username = args.user.strip().lower()
    password = password_of(username)
    with database(args) as db:
        try:  # a failed sign-in is committed too: it is audited and counts towards the lockout
            sign_in(db, username, password, via="cli record")
        except SignInError as exc:
            print(f"tipcase: error: --user {username}: {exc}", file=sys.stderr)
            return EXIT_SIGN_IN
        with db.transaction() as session:
            version = scenarios.publish_file(session, operator(), args.file)
            user = accounts.get_user(session, username)
            course = courses.get_course(session, args.course) if args.course else None
            attempt = attempts.start_attempt(session, user, version, course=course, language=args.lang)
            attempt_id, user_id, already = attempt.id, user.id, len(attempt.decisions)
        play = None
        for step, number in enumerate(numbers, already + 1):
            with db.transaction() as session:  # one transaction per decision: committed the moment it is made
                actor = _load_user(session, user_id)
                try:
                    play = attempts.record_decision(session, actor, attempt_id, number, step=step).play
                except ServiceError as exc:
                    print(f"tipcase: error: {exc}", file=sys.stderr)
                    return EXIT_USAGE
        if play is None:
            with db.transaction() as session:
                play = attempts.resume(session, _load_user(session, user_id), attempt_id)
    result = play.result()
    print_json({"attempt": attempt_id, **result.as_json()})
    return EXIT_OK if result.complete else EXIT_INCOMPLETE


def check_language(path: str, requested: str) -> None:
    """UsageError unless the scenario in ``path`` is written in ``requested`` (before anything is asked or stored)."""
    from tipcase.format.loader import load_file  # noqa: PLC0415

    scenario = load_file(path).scenario
    if scenario is not None and language_of(scenario.languages, requested) is None:
        raise UsageError(f"--lang {requested}: {path} is written in {', '.join(scenario.languages)}")


def _load_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    assert user is not None
    return user


def cmd_export_attempts(args: argparse.Namespace) -> int:
    """``tipcase export attempts``: every attempt as CSV (``exports.CSV_COLUMNS``) or xAPI 1.0.3 statements (JSON), to -o FILE or stdout."""
    with database(args) as db, db.reading() as session:
        if args.format == "csv":
            content = exports.attempts_csv(session, operator())
        else:
            content = json.dumps(exports.xapi_statements(session, operator()), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        claim_private(Path(args.output))  # names and staff IDs: readable by the owner only
        Path(args.output).write_text(content, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(content)
    return EXIT_OK


def _passphrase(confirm: bool) -> str:
    """The backup passphrase: TIPCASE_BACKUP_PASSPHRASE (scripts), else asked at the terminal (twice to set one)."""
    variable = PASSPHRASE_VARIABLE
    passphrase = os.environ.get(variable)
    if passphrase is not None:
        return passphrase
    if not sys.stdin.isatty():
        raise UsageError(f"the keys need a passphrase: give it at a terminal, or in {variable} for a script")
    try:
        passphrase = getpass.getpass("Passphrase for the keys: ")
        if confirm and getpass.getpass("The same passphrase again: ") != passphrase:
            raise UsageError("the two passphrases differ; nothing was written")
    except EOFError:
        raise UsageError("no passphrase given") from None
    return passphrase


def cmd_backup(args: argparse.Namespace) -> int:
    """``tipcase backup FILE``: every table as JSON lines in a file only its owner can read (audited).

    With --include-keys the home's keys go in too, sealed under a passphrase. Exit 2 when FILE is a folder or its
    folder is missing.
    """
    target = Path(args.file)
    if target.is_dir():
        raise UsageError(f"{target} is a folder: name the backup file")
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such folder")
    from tipcase.services import backup, backup_keys  # noqa: PLC0415 - cryptography's sealing: only for backups

    passphrase = _passphrase(confirm=True) if args.include_keys else None
    if passphrase is not None:
        backup_keys.check_passphrase(passphrase)  # before the work, not after
    with database(args) as db:
        made = backup.backup(db, target, passphrase=passphrase)
        rows = sum(made.tables.values())
        with db.transaction() as session:
            audit.record(session, operator(), "backup made", target.name, rows=rows, sealed_keys=made.sealed_files, left_out=made.left_out)
    print(f"backed up {counted(rows, 'row')} in {counted(len(made.tables), 'table')} to {target} (readable by you only)")
    if made.sealed_files:
        print(f"keys sealed with the passphrase: {', '.join(made.sealed_files)}")
    if made.left_out:
        print(f"left out: {', '.join(made.left_out)} (add --include-keys to carry them, sealed with a passphrase)")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """``tipcase restore FILE``: load a backup into an empty database (its sealed keys with the passphrase); exit 2 for no file."""
    source = input_file(args.file)
    from tipcase.services import backup  # noqa: PLC0415 - cryptography's sealing: only for backups

    manifest = backup.read_manifest(source)
    passphrase = _passphrase(confirm=False) if backup.has_sealed_keys(manifest) and not args.without_keys else None
    db = Database(args.database or _default_url())
    try:
        restored = backup.restore(db, source, passphrase=passphrase, actor=operator())
    finally:
        db.dispose()
    print(f"restored {counted(sum(restored['tables'].values()), 'row')} from {source}")
    if restored["home_files"]:
        print(f"key files: {', '.join(restored['home_files'])}")
    return EXIT_OK


def _default_url() -> str:
    from tipcase.home_folder import database_url  # noqa: PLC0415

    return database_url(None)
