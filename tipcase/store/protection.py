"""What the database itself refuses: triggers on the records that are evidence, and a workstation role.

Evidence is never updated or deleted: audit entries, decisions, score rows, published scenario
versions and their media, published team cases and the events of exercise sessions; a finished attempt
(its result and pass flag) stays as it was finished and an attempt never changes trainee, scenario or
course; an ended exercise session stays ended and no session is deleted; a revoked certificate stays
revoked and no certificate leaves the register. SQLite and PostgreSQL both get triggers that refuse those changes (migration
0004), so a person with a database tool is refused as the program would be.

On PostgreSQL a training centre also separates roles: the owner (who runs ``tipcase db upgrade``) owns
the tables; workstations connect as login roles in a group role (default ``tipcase_workstation``) that
``tipcase db grant`` allows to read and insert everywhere but never to update or delete evidence, nor
to change the schema or drop a trigger (only a table's owner can). A superuser can still do anything;
what it changes is then caught by the keyed audit chain (``tipcase.services.audit``).

Sources: SQLite ``CREATE TRIGGER`` and ``RAISE(ABORT, ...)`` (sqlite.org/lang_createtrigger.html);
PostgreSQL ``CREATE TRIGGER``, ``GRANT`` with column lists (postgresql.org/docs/15/sql-grant.html).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from sqlalchemy import Connection, text

DEFAULT_GROUP = "tipcase_workstation"
PG_FUNCTION = "tipcase_refuse_change"
#: Tables whose rows are never updated nor deleted once written (the last two since migration 0005: team exercises).
PERMANENT = ("audit_log", "decisions", "attempt_scores", "scenario_versions", "scenario_media", "team_case_versions", "exercise_events")
#: What a workstation may update in an attempt: finishing it (the triggers refuse it once finished).
ATTEMPT_FINISH_COLUMNS = ("finished_at", "result", "total_percent", "passed")
#: Tables a workstation may read and insert into but never delete from.
NEVER_DELETED = (*PERMANENT, "attempts", "certificates")
#: Deleted only as the triggers allow: an exercise session only while a draft never started (migration 0007).
GUARDED_DELETE = ("exercise_sessions",)
_ATTEMPT_IDENTITY = ("id", "user_id", "scenario_version_id", "course_id", "language", "started_at")
_SESSION_IDENTITY = ("id", "name", "team_case_version_id", "created_by_id", "created_at")
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleError(Exception):
    """A role name or a privilege the server refuses: one line for the user."""


@dataclasses.dataclass(frozen=True)
class Rule:
    """One trigger: refuse ``operation`` on ``table`` (when ``condition``, in SQL over OLD/NEW)."""

    name: str
    table: str
    operation: str  # UPDATE or DELETE
    message: str
    condition: str | None = None  # written with IS NOT; PostgreSQL gets IS DISTINCT FROM


def _rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for table in PERMANENT:
        rules.append(Rule(f"tipcase_{table}_no_update", table, "UPDATE", f"{table} rows are evidence: they are never changed"))
        rules.append(Rule(f"tipcase_{table}_no_delete", table, "DELETE", f"{table} rows are evidence: they are never deleted"))
    identity_changed = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in _ATTEMPT_IDENTITY)
    rules += [
        Rule(
            "tipcase_attempts_finished_no_update",
            "attempts",
            "UPDATE",
            "a finished attempt is never changed",
            "OLD.finished_at IS NOT NULL",
        ),
        Rule(
            "tipcase_attempts_identity_no_update",
            "attempts",
            "UPDATE",
            "an attempt never changes trainee, scenario or course",
            identity_changed,
        ),
        Rule(
            "tipcase_attempts_finished_no_delete",
            "attempts",
            "DELETE",
            "a finished attempt is never deleted",
            "OLD.finished_at IS NOT NULL",
        ),
        Rule(
            "tipcase_certificates_revoked_no_update",
            "certificates",
            "UPDATE",
            "a revoked certificate stays revoked",
            "OLD.revoked_at IS NOT NULL",
        ),
        Rule("tipcase_certificates_no_delete", "certificates", "DELETE", "certificates stay in the register (revoke one instead)"),
        Rule(
            "tipcase_exercise_sessions_ended_no_update",
            "exercise_sessions",
            "UPDATE",
            "an ended exercise session is never changed",
            "OLD.status = 'ended'",
        ),
        Rule(
            "tipcase_exercise_sessions_identity_no_update",
            "exercise_sessions",
            "UPDATE",
            "an exercise session never changes name, team case or creator",
            " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in _SESSION_IDENTITY),
        ),
        Rule(
            "tipcase_exercise_sessions_no_delete",
            "exercise_sessions",
            "DELETE",
            "exercise sessions are evidence: only a draft never started may be deleted",
            "OLD.status <> 'draft' OR OLD.started_at IS NOT NULL",
        ),
    ]
    return tuple(rules)


RULES = _rules()
#: PostgreSQL only: statement triggers that refuse TRUNCATE (SQLite has no TRUNCATE).
TRUNCATE_TABLES = (*NEVER_DELETED, *GUARDED_DELETE)


def _quote(message: str) -> str:
    return "'" + message.replace("'", "''") + "'"


_PG_FUNCTION_BODY = "BEGIN RAISE EXCEPTION 'TIPCase: %', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation'; END"


def trigger_statements(dialect: str) -> dict[str, str]:
    """Each protective trigger's CREATE statement on this dialect, by trigger name."""
    statements: dict[str, str] = {}
    for rule in RULES:
        if dialect == "sqlite":
            when = f" WHEN {rule.condition}" if rule.condition else ""
            statements[rule.name] = (
                f"CREATE TRIGGER {rule.name} BEFORE {rule.operation} ON {rule.table}{when} "
                f"BEGIN SELECT RAISE(ABORT, {_quote('TIPCase: ' + rule.message)}); END"
            )
            continue
        condition = rule.condition.replace(" IS NOT OLD.", " IS DISTINCT FROM OLD.") if rule.condition else None
        when = f" WHEN ({condition})" if condition else ""
        statements[rule.name] = (
            f"CREATE TRIGGER {rule.name} BEFORE {rule.operation} ON {rule.table} FOR EACH ROW{when} "
            f"EXECUTE FUNCTION {PG_FUNCTION}({_quote(rule.message)})"
        )
    if dialect != "sqlite":
        for table in TRUNCATE_TABLES:
            statements[f"tipcase_{table}_no_truncate"] = (
                f"CREATE TRIGGER tipcase_{table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {PG_FUNCTION}({_quote(f'{table} is never truncated')})"
            )
    return statements


def install(connection: Connection) -> None:
    """Create (or re-create) every trigger whose table exists; idempotent. Runs as the tables' owner (migrations).

    Each migration that adds protected tables calls it again (0004, then 0005 for the team exercise tables).
    """
    remove(connection)
    dialect = connection.dialect.name
    if dialect != "sqlite":
        connection.execute(  # text(): SQLAlchemy escapes the % for psycopg
            text(f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ {_PG_FUNCTION_BODY} $$")
        )
    present = _existing_tables(connection)
    for name, statement in trigger_statements(dialect).items():
        if _table_of(name) in present:
            connection.exec_driver_sql(statement)


def _existing_tables(connection: Connection) -> set[str]:
    from sqlalchemy import inspect  # noqa: PLC0415 - only when installing

    return set(inspect(connection).get_table_names())


def expected_triggers(dialect: str) -> set[str]:
    """The names of the protective triggers ``install`` creates on ``dialect`` (sqlite or postgresql)."""
    return set(trigger_statements(dialect))


def remove(connection: Connection, tables: set[str] | None = None) -> None:
    """Drop every TIPCase trigger (a downgrade, or before re-creating them), or only those on ``tables``."""
    present = _existing_tables(connection)
    for name in sorted(expected_triggers(connection.dialect.name)):
        table = _table_of(name)
        if table not in present or (tables is not None and table not in tables):
            continue
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        else:
            table = _table_of(name)
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")


def _table_of(trigger: str) -> str:
    for rule in RULES:
        if rule.name == trigger:
            return rule.table
    return trigger.removeprefix("tipcase_").removesuffix("_no_truncate")


def _same(found: str, expected: str) -> bool:
    """Definitions equal up to case, spaces, brackets and the schema name (PostgreSQL rewrites them)."""

    def plain(text_: str) -> str:
        return re.sub(r"[\s()]|public\.", "", re.sub(r"::[a-z_]+", "", text_.lower()))  # and the casts it adds

    return plain(found) == plain(expected)


def protection_faults(connection: Connection) -> list[str]:
    """Protective triggers that are missing, disabled (PostgreSQL) or altered, and an altered function; sorted.

    Each fault names the trigger, with ``(disabled)`` or ``(altered)`` when it is there but does not refuse.
    """
    dialect = connection.dialect.name
    expected = trigger_statements(dialect)
    faults: list[str] = []
    if dialect == "sqlite":
        rows = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()
        found: dict[str, str] = {str(name): str(sql) for name, sql in rows}
        enabled = set(found)
    else:
        rows = connection.execute(
            text(
                "SELECT t.tgname, pg_get_triggerdef(t.oid), t.tgenabled <> 'D' FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
            )
        ).all()
        found = {name: definition for name, definition, _ in rows}
        enabled = {name for name, _, on in rows if on}
        body = connection.execute(text("SELECT prosrc FROM pg_proc WHERE proname = :name"), {"name": PG_FUNCTION}).scalar()
        if body is None or " ".join(str(body).split()) != _PG_FUNCTION_BODY:
            faults.append(f"{PG_FUNCTION}() (altered)")
    for name, statement in expected.items():
        if name not in found:
            faults.append(name)
        elif name not in enabled:
            faults.append(f"{name} (disabled)")
        elif not _same(str(found[name]), statement):
            faults.append(f"{name} (altered)")
    return sorted(faults)


def foreign_objects(connection: Connection) -> list[str]:
    """Triggers, rules and row security on TIPCase's tables that TIPCase did not make; sorted.

    Someone with the schema in hand can add a trigger that quietly drops or rewrites what TIPCase
    writes (SQLite's ``RAISE(IGNORE)``, a PostgreSQL trigger that returns NULL, a rule that does
    nothing instead), or row security that hides rows from the workstations: an entry never written
    leaves nothing for the chain to miss. TIPCase makes none of these except its own triggers, so
    each is named: ``name (a trigger on table)``, ``name (a rule on table)``, ``table (row security
    on)``, ``name (a row security policy on table)``, ``name (an event trigger)``.
    """
    expected = expected_triggers(connection.dialect.name)
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'").all()
        return sorted(f"{name} (a trigger on {table})" for name, table in rows if name not in expected)
    schema = "c.relnamespace = current_schema()::regnamespace"
    queries = {
        "a trigger on": "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        f"WHERE NOT t.tgisinternal AND {schema}",
        "a rule on": "SELECT rulename, tablename FROM pg_rules WHERE schemaname = current_schema()",
        "a row security policy on": "SELECT policyname, tablename FROM pg_policies WHERE schemaname = current_schema()",
    }
    found = []
    for what, query in queries.items():
        found += [
            f"{name} ({what} {table})"
            for name, table in connection.execute(text(query)).all()
            if what != "a trigger on" or name not in expected
        ]
    secured = f"SELECT c.relname FROM pg_class c WHERE {schema} AND (c.relrowsecurity OR c.relforcerowsecurity)"
    found += [f"{table} (row security on)" for table in connection.execute(text(secured)).scalars()]
    found += [f"{name} (an event trigger)" for name in connection.execute(text("SELECT evtname FROM pg_event_trigger")).scalars()]
    return sorted(found)


# -- PostgreSQL roles ---------------------------------------------------------------------------------
def check_role_name(name: str) -> str:
    """``name`` when it is a usable PostgreSQL role name (lower-case letters, digits and _, at most 63); RoleError otherwise."""
    if not _ROLE_NAME.match(name):
        raise RoleError(f"{name!r} is not a usable role name (lower-case letters, digits and _, at most 63)")
    return name


def _role_exists(connection: Connection, name: str) -> bool:
    return bool(connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first())


def _tables(connection: Connection) -> list[str]:
    return list(
        connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")).scalars()
    )


def grant_workstation(connection: Connection, group: str = DEFAULT_GROUP) -> list[str]:
    """Create the group role if missing and give it exactly a workstation's privileges; returns the statements.

    Every table may be read and inserted into; every table that is not evidence may be updated and
    deleted from; attempts may be updated only in the columns that finish them; ``alembic_version`` is
    read only. Idempotent: run it again after each upgrade (``tipcase db upgrade`` does). Raises
    RoleError on SQLite, or when the role is missing and this role may not create roles.
    """
    if connection.dialect.name != "postgresql":
        raise RoleError("roles exist on PostgreSQL only: on SQLite the triggers and the keyed audit chain protect the records")
    check_role_name(group)
    statements: list[str] = []
    if not _role_exists(connection, group):
        statements.append(f'CREATE ROLE "{group}" NOLOGIN')
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    statements += [
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO "{group}"',
        f'GRANT USAGE ON SCHEMA "{_schema(connection)}" TO "{group}"',
    ]
    for table in _tables(connection):
        statements.append(f'REVOKE ALL ON TABLE "{table}" FROM "{group}"')
        if table == "alembic_version":
            statements.append(f'GRANT SELECT ON TABLE "{table}" TO "{group}"')
            continue
        privileges = ["SELECT", "INSERT"]
        if table not in PERMANENT and table != "attempts":
            privileges.append("UPDATE")
        if table not in NEVER_DELETED:
            privileges.append("DELETE")
        statements.append(f'GRANT {", ".join(privileges)} ON TABLE "{table}" TO "{group}"')
        if table == "attempts":
            statements.append(f'GRANT UPDATE ({", ".join(ATTEMPT_FINISH_COLUMNS)}) ON TABLE attempts TO "{group}"')
    statements.append(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{_schema(connection)}" TO "{group}"')
    for statement in statements:
        _execute(connection, statement)
    return statements


def _schema(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_schema()")).scalar_one())


def _execute(connection: Connection, statement: str) -> None:
    from sqlalchemy.exc import DBAPIError  # noqa: PLC0415 - only for the message

    try:
        with connection.begin_nested():
            connection.exec_driver_sql(statement)
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise RoleError(f"{statement}: {reason}") from None


def create_login(connection: Connection, name: str, password: str, group: str = DEFAULT_GROUP) -> None:
    """Create a login role for one workstation (or one centre) as a member of ``group``.

    Raises RoleError when the name is unusable, the role exists, the group is missing (run
    ``grant_workstation`` first) or this role may not create roles.
    """
    from psycopg import sql  # noqa: PLC0415 - PostgreSQL only

    check_role_name(name)
    check_role_name(group)
    if not _role_exists(connection, group):
        raise RoleError(f"no role {group!r}: run 'tipcase db grant' first")
    if _role_exists(connection, name):
        raise RoleError(f"role {name!r} exists already")
    driver: Any = connection.connection.driver_connection
    statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(name), sql.Literal(password), sql.Identifier(group)
    )
    try:
        _execute(connection, statement.as_string(driver))
    except RoleError as exc:
        raise RoleError(str(exc).replace(password, "***")) from None


def granted_groups(connection: Connection) -> list[str]:
    """Roles other than the owner that were granted INSERT on the audit log (re-granted after an upgrade)."""
    if connection.dialect.name != "postgresql":
        return []
    return list(
        connection.execute(
            text(
                "SELECT DISTINCT grantee FROM information_schema.role_table_grants "
                "WHERE table_name = 'audit_log' AND privilege_type = 'INSERT' AND grantee <> current_user "
                "AND grantee IN (SELECT rolname FROM pg_roles WHERE NOT rolcanlogin) ORDER BY grantee"
            )
        ).scalars()
    )


@dataclasses.dataclass(frozen=True)
class ConnectionRole:
    """Who this connection is and whether it could rewrite evidence."""

    name: str
    superuser: bool
    may_rewrite: list[str]  # "UPDATE audit_log", ... that this role holds

    @property
    def is_workstation_safe(self) -> bool:
        """Whether the role can neither bypass the triggers (a superuser) nor update or delete evidence."""
        return not self.superuser and not self.may_rewrite


def connection_role(connection: Connection) -> ConnectionRole | None:
    """On PostgreSQL, the connected role and the evidence it could change; None on SQLite."""
    if connection.dialect.name != "postgresql":
        return None
    name, superuser = connection.execute(text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
    may: list[str] = []
    for table in TRUNCATE_TABLES:
        for privilege in ("UPDATE", "DELETE", "TRUNCATE"):
            if privilege == "UPDATE" and table in ("attempts", "certificates", "exercise_sessions"):
                continue  # the triggers guard these (finished attempts, revoked certificates, ended sessions)
            if privilege == "DELETE" and table in GUARDED_DELETE:
                continue  # the trigger guards it (only a draft never started is deleted)
            held = connection.execute(text("SELECT has_table_privilege(:table, :privilege)"), {"table": table, "privilege": privilege})
            if held.scalar():
                may.append(f"{privilege} {table}")
    return ConnectionRole(str(name), bool(superuser), may)
