"""``tipcase db`` and ``tipcase audit``: the schema, the workstation role, the audit key and the verification.

A training centre's PostgreSQL server has two kinds of role: the owner (who creates the database and
runs ``tipcase db upgrade``) and the workstations' login roles, members of a group role that ``tipcase db
grant`` allows to read and insert but never to update or delete evidence. ``tipcase audit verify``
checks the keyed chain, this workstation's checkpoint, every decision's seal, and replays every
finished attempt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import select

from tipcase.cli.common import UsageError, input_file, print_json
from tipcase.cli.records_commands import EXIT_FAILED, EXIT_OK, database, operator
from tipcase.home_folder import home
from tipcase.messages import QT_TRANSLATE_NOOP, counted
from tipcase.services import audit, audit_keys, records_check
from tipcase.services.errors import ServiceError
from tipcase.services.permissions import Permission, require
from tipcase.store import protection
from tipcase.store.database import Database
from tipcase.store.models import AuditEntry


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``db`` (upgrade, status, grant, create-login) and ``audit`` (verify, key, rekey, forget-checkpoint) to the parser."""
    db = commands.add_parser("db", help="the database: schema, protection, PostgreSQL roles")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="apply schema migrations (as the owner), key the audit log, refresh granted roles").set_defaults(
        handler=cmd_db_upgrade
    )
    db_commands.add_parser("status", help="where the database is, its revision, its protection and the connected role").set_defaults(
        handler=cmd_db_status
    )
    grant = db_commands.add_parser("grant", help="PostgreSQL: create or refresh the workstations' group role (run as the owner)")
    grant.add_argument("--role", default=protection.DEFAULT_GROUP, help=f"group role name (default {protection.DEFAULT_GROUP})")
    grant.set_defaults(handler=cmd_db_grant)
    login = db_commands.add_parser("create-login", help="PostgreSQL: a login role for workstations, member of the group role")
    login.add_argument("name", metavar="NAME")
    login.add_argument("--role", default=protection.DEFAULT_GROUP, help="the group role it joins")
    login.add_argument("--password-stdin", action="store_true", help="read the password from standard input (else a random one is printed)")
    login.set_defaults(handler=cmd_db_create_login)

    audit_parser = commands.add_parser("audit", help="the audit log and the records it anchors")
    audit_commands = audit_parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the keyed chain and replay every finished attempt; exit 1 on any fault")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_audit_verify)
    key = audit_commands.add_parser("key", help="this database's audit key: show, export to another workstation, import")
    key_commands = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    key_commands.add_parser("show", help="the key this database is keyed with, and whether this workstation holds it").set_defaults(
        handler=cmd_audit_key_show
    )
    export = key_commands.add_parser("export", help="write this database's key to FILE (a secret: carry it, then delete it)")
    export.add_argument("file", metavar="FILE")
    export.set_defaults(handler=cmd_audit_key_export)
    imported = key_commands.add_parser("import", help="install a key exported on another workstation")
    imported.add_argument("file", metavar="FILE")
    imported.set_defaults(handler=cmd_audit_key_import)
    rekey = audit_commands.add_parser("rekey", help="continue the log under a new key (the old one lost or to be retired)")
    rekey.add_argument("--reason", required=True)
    rekey.set_defaults(handler=cmd_audit_rekey)
    audit_commands.add_parser(
        "forget-checkpoint", help="forget this workstation's checkpoint of the database (after restoring an older backup)"
    ).set_defaults(handler=cmd_audit_forget_checkpoint)


# -- db -------------------------------------------------------------------------------------------
def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """``tipcase db upgrade``: migrate the schema to the newest revision, refresh granted roles, key the audit log if it is not; exit 0."""
    with database(args) as db:
        with db.engine.begin() as connection:
            groups = protection.granted_groups(connection)
            for group in groups:
                protection.grant_workstation(connection, group)
        with db.transaction() as session:
            sealed = audit.seal(session)
        print(f"{db.display_url}: schema at revision {db.revision()}")
        if groups:
            print(f"privileges refreshed for {', '.join(groups)}")
        if sealed is not None:
            print(f"audit log keyed (entry {sealed.seq}): run 'tipcase audit key export FILE' to give the key to other workstations")
    return EXIT_OK


def cmd_db_status(args: argparse.Namespace) -> int:
    """``tipcase db status``: the database, its revision against the newest, the home, its protective triggers and role; exit 0."""
    with database(args) as db:
        print(f"database: {db.display_url}\nrevision: {db.revision()} (latest {db.head()})\nhome: {home()}")
        with db.engine.connect() as connection:
            faults = protection.protection_faults(connection)
            foreign = protection.foreign_objects(connection)
            role = protection.connection_role(connection)
        expected = len(protection.expected_triggers(db.engine.dialect.name))
        print(
            "protection: "
            + (f"triggers MISSING, disabled or altered: {', '.join(faults)}" if faults else f"all {expected} triggers in place")
        )
        if foreign:
            print(f"NOT MADE BY TIPCASE (they can drop or rewrite what it writes): {', '.join(foreign)}")
        if role is not None:
            if role.is_workstation_safe:
                print(f"role: {role.name} (may not update or delete evidence)")
            else:
                what = "a superuser" if role.superuser else f"may {', '.join(role.may_rewrite[:3])}..."
                group = protection.DEFAULT_GROUP
                print(f"role: {role.name} ({what}: workstations should connect as a member of {group}, see 'tipcase db grant')")
        print(_key_line(db))
    return EXIT_OK


def _key_line(db: Database) -> str:
    with db.reading() as session:
        newest = session.execute(select(AuditEntry.seq, AuditEntry.key_id).order_by(AuditEntry.seq.desc()).limit(1)).first()
    if newest is None or newest.key_id is None:
        return "audit key: the log is not keyed yet (it will be at the next recorded action)"
    held = audit_keys.load_key(newest.key_id) is not None
    return f"audit key: {newest.key_id} ({'held here' if held else 'NOT held here: import it to record and verify'})"


def cmd_db_grant(args: argparse.Namespace) -> int:
    """``tipcase db grant``: PostgreSQL: create or refresh the workstations' group role (read, insert, never rewrite evidence)."""
    with database(args) as db, db.engine.begin() as connection:
        try:
            statements = protection.grant_workstation(connection, args.role)
        except protection.RoleError as exc:
            raise ServiceError.carrying(exc) from None
    print(
        f"role {args.role}: may read and insert everywhere, update and delete only what is not evidence "
        f"({counted(len(statements), 'statement')})"
    )
    print(f"next: 'tipcase db create-login NAME --role {args.role}' for the workstations, which connect as NAME")
    return EXIT_OK


def cmd_db_create_login(args: argparse.Namespace) -> int:
    """``tipcase db create-login NAME``: PostgreSQL: a login in the group role, with a generated 20-character password or stdin's."""
    from tipcase.services.passwords import generate_password  # noqa: PLC0415

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UsageError("--password-stdin: no password on standard input")
    else:
        password = generate_password(20)
    with database(args) as db, db.engine.begin() as connection:
        try:
            protection.create_login(connection, args.name, password, args.role)
        except protection.RoleError as exc:
            raise ServiceError.carrying(exc) from None
        url = db.url.set(username=args.name, password=None).render_as_string(hide_password=False).replace("+psycopg", "")
    print(f"login role {args.name} created in {args.role}")
    if not args.password_stdin:
        print(f"password: {password}  (shown once)")
    print(f"workstations: TIPCASE_DATABASE_URL={url.replace(f'{args.name}@', f'{args.name}:PASSWORD@')}")
    return EXIT_OK


# -- audit ----------------------------------------------------------------------------------------
def cmd_audit_verify(args: argparse.Namespace) -> int:
    """``tipcase audit verify``: the keyed chain, each decision's seal and every finished attempt replayed (``records_check``).

    Prints what it found (or JSON with --json); exit 0 when the records are intact, 1 when anything is at fault.
    """
    require(operator(), Permission.VERIFY_AUDIT)
    with database(args) as db, db.reading() as session:
        report = records_check.check_records(session)
    if args.json:
        print_json(report.as_json())
        return EXIT_OK if report.ok else EXIT_FAILED
    chain = report.chain
    if chain.ok:
        keyed = f"keyed from entry {chain.keyed_from} (HMAC-SHA256, key {', '.join(chain.key_ids)})" if chain.keyed_from else "empty"
        seen = f"; this workstation's checkpoint was entry {chain.checkpoint.seq}" if chain.checkpoint else ""
        print(f"audit log intact: {counted(chain.entries, 'entry', 'entries')}, {keyed}{seen}")
    else:
        print(f"audit log BROKEN at entry {chain.broken_seq}: {chain.reason}")
    for problem in report.problems:
        print(problem)
    print(
        f"records: {counted(report.attempts_finished, 'finished attempt')} ({report.attempts_replayed:,} replayed), "
        f"{counted(report.decisions, 'decision')}, {counted(report.versions, 'scenario version')}, "
        f"{counted(report.certificates, 'certificate')} checked"
    )
    for note in report.notes:
        print(f"note: {note}")
    if not report.ok:
        count = len(report.problems) + (0 if chain.ok else 1)
        print(f"{counted(count, 'problem')}: the records were changed outside TIPCase")
        return EXIT_FAILED
    return EXIT_OK


def _database_key_id(db: Database) -> str:
    with db.reading() as session:
        ident = session.scalars(select(AuditEntry.key_id).order_by(AuditEntry.seq.desc()).limit(1)).first()
    if ident is None:
        raise ServiceError(
            QT_TRANSLATE_NOOP("core", "this database's audit log is not keyed yet: run 'tipcase db upgrade' (or record anything) first")
        )
    return ident


def cmd_audit_key_show(args: argparse.Namespace) -> int:
    """``tipcase audit key show``: which audit key the database is under and whether this workstation holds it; exit 0."""
    with database(args) as db:
        print(_key_line(db))
    return EXIT_OK


def cmd_audit_key_export(args: argparse.Namespace) -> int:
    """``tipcase audit key export FILE``: write the database's audit key (readable by the owner only) for other workstations; audited."""
    require(operator(), Permission.CONFIGURE_INSTITUTION)
    with database(args) as db:
        ident = _database_key_id(db)
        key = audit_keys.load_key(ident)
        if key is None:
            raise ServiceError(QT_TRANSLATE_NOOP("core", "this workstation does not hold audit key {ident}"), ident=ident)
        audit_keys.export_key(key, Path(args.file))
        with db.transaction() as session:
            audit.record(session, operator(), "audit key exported", ident)
    print(f"wrote audit key {ident} to {args.file} (readable by you only): import it on each workstation, then delete the file")
    return EXIT_OK


def cmd_audit_key_import(args: argparse.Namespace) -> int:
    """``tipcase audit key import FILE``: install an exported audit key on this workstation; exit 0."""
    require(operator(), Permission.CONFIGURE_INSTITUTION)
    key, new = audit_keys.import_key(input_file(args.file))
    print(f"audit key {key.id} " + ("installed" if new else "was already installed"))
    return EXIT_OK


def cmd_audit_rekey(args: argparse.Namespace) -> int:
    """``tipcase audit rekey --reason TEXT``: continue the audit chain under a new key from the next entry; exit 0."""
    require(operator(), Permission.CONFIGURE_INSTITUTION)
    with database(args) as db, db.transaction() as session:
        entry = audit.rekey(session, operator(), args.reason)
    print(f"audit log continues under key {entry.key_id} from entry {entry.seq}: export it to the other workstations")
    return EXIT_OK


def cmd_audit_forget_checkpoint(args: argparse.Namespace) -> int:
    """``tipcase audit forget-checkpoint``: drop this workstation's checkpoint of the database (audited); prints it as JSON."""
    require(operator(), Permission.CONFIGURE_INSTITUTION)
    with database(args) as db:
        identity = audit_keys.database_identity(db.engine.url)
        forgotten = audit_keys.forget_checkpoint(identity)
        if forgotten is None:
            print("this workstation had no checkpoint of this database")
            return EXIT_OK
        with db.transaction() as session:
            audit.record(session, operator(), "checkpoint forgotten", None, seq=forgotten.seq, hash=forgotten.hash, at=forgotten.at)
    print(json.dumps({"forgotten": forgotten.as_json()}))
    return EXIT_OK
