"""``tipcase cohorts``: create a cohort, and import its roster from CSV or XLSX (preview first, then ``--yes``)."""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

from tipcase.cli.common import UsageError
from tipcase.cli.records_commands import database, operator
from tipcase.services import courses, roster

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cohorts = commands.add_parser("cohorts", help="cohorts and their rosters")
    actions = cohorts.add_subparsers(dest="cohorts_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a cohort")
    create.add_argument("name", metavar="NAME", help="short name: lower-case letters, digits, '-' and '_'")
    create.add_argument("title", metavar="TITLE")
    create.set_defaults(handler=cmd_cohorts_create)
    imported = actions.add_parser(
        "import-roster",
        help="add trainees from a CSV or XLSX roster (shows a preview; imports only with --yes)",
        description=(
            "Read a roster (header row with staff_id and full_name; optional username, rank, unit, agency; Indonesian headers "
            "such as NRP, NIP, nama, pangkat, satuan, instansi work too). Without --yes nothing is imported: every row is shown "
            "with what would happen or what is wrong. With --yes the good rows are imported and rows with errors skipped."
        ),
    )
    imported.add_argument("cohort", metavar="COHORT")
    imported.add_argument("file", metavar="FILE", help="a .csv (UTF-8, comma or semicolon) or .xlsx file")
    imported.add_argument("--yes", action="store_true", help="import the good rows")
    imported.add_argument("--passwords", metavar="OUT.csv", help="write the new accounts' passwords here instead of printing them")
    imported.set_defaults(handler=cmd_cohorts_import_roster)


def cmd_cohorts_create(args: argparse.Namespace) -> int:
    with database(args) as db, db.transaction() as session:
        courses.create_cohort(session, operator(), args.name, args.title)
    print(f"created cohort {args.name}")
    return EXIT_OK


def _write_passwords(path: Path, created: list[tuple[str, str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["username", "password"])
        writer.writerows(created)
    os.chmod(path, 0o600)


def cmd_cohorts_import_roster(args: argparse.Namespace) -> int:
    if not Path(args.file).is_file():
        raise UsageError(f"{args.file}: no such file")
    passwords = Path(args.passwords) if args.passwords else None
    if passwords is not None and passwords.exists():
        raise UsageError(f"{passwords} exists; choose a new file for the passwords")
    with database(args) as db, db.transaction() as session:
        cohort = courses.get_cohort(session, args.cohort)
        preview = roster.read_roster(session, args.file)
        for row in preview.rows:
            what = "; ".join(row.errors) if row.errors else row.action + (f" {row.existing}" if row.existing else f" {row.username}")
            print(f"line {row.line:>4}  {row.staff_id or '-':<14} {row.full_name or '-':<32} {what}")
        for line in preview.report():
            print(line, file=sys.stderr)
        print(f"{len(preview.good)} row(s) ready, {len(preview.bad)} with errors")
        if not args.yes:
            print("nothing imported: run again with --yes to import the rows that are ready")
            return EXIT_OK if not preview.bad else EXIT_FAILED
        result = roster.import_roster(session, operator(), cohort, preview)
        if passwords is not None:  # written before the commit: if it cannot be written, nothing is imported
            _write_passwords(passwords, result.created)
    counts = f"{len(result.created)} new account(s), {len(result.added_existing)} existing, {result.skipped} skipped"
    print(f"imported into {args.cohort}: {counts}")
    if passwords is not None:
        print(f"passwords written to {passwords}")
    else:
        for username, password in result.created:
            print(f"  username {username:<24} password {password}")
    return EXIT_OK
