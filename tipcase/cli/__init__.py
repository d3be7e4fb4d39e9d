"""The ``tipcase`` command line (Qt-free): scenario tools now, records and certificates as they come.

Every command prints one clear line on bad input and exits with the code the scenario format gives
(0 fine, 1 findings with errors or a failed check, 2 usage errors, 3 an unfinished scripted play).
A database fault is one plain line of its kind (``tipcase.store.faults``), never the SQL behind it;
an unexpected failure is one line naming the log file that holds its traceback (exit 70). The
traceback is shown in the terminal only with ``TIPCASE_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tipcase import __version__
from tipcase.cli import certificate_commands, cohort_commands, database_commands, import_commands, records_commands, scenario_commands
from tipcase.cli.common import UsageError
from tipcase.logs import record_failure
from tipcase.services.errors import ServiceError
from tipcase.store.database import DatabaseError
from tipcase.store.faults import classify, where_of

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tipcase",
        description="TIPCase: training cases on trafficking and gender-based violence. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"tipcase {__version__}")
    parser.add_argument("--database", metavar="URL", help="database URL (default: TIPCASE_DATABASE_URL, else SQLite in TIPCASE_HOME)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    scenario_commands.register(commands)
    import_commands.register(commands)
    course_actions = records_commands.register(commands)
    database_commands.register(commands)
    cohort_commands.register(commands, course_actions)
    certificate_commands.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except UsageError as exc:
        print(f"tipcase: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (ServiceError, DatabaseError) as exc:
        print(f"tipcase: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("tipcase: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("TIPCASE_DEBUG"):
            raise
        return _failed(args, exc)


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    """One line for a failure no command expected: a database fault by its kind, anything else with the log's path."""
    if classify(exc) is not None:
        where = where_of(_database_url(args))
        record_failure(f"tipcase {args.command}: database fault", exc)
        print(f"tipcase: error: {DatabaseError.from_error(exc, where)}", file=sys.stderr)
        return EXIT_FAILED
    log = record_failure(f"tipcase {args.command}: unexpected failure", exc)
    where = f"the details are in {log}" if log is not None else "set TIPCASE_DEBUG=1 to see the details"
    print(f"tipcase: internal error: TIPCase failed unexpectedly (a fault in the program, not in what was asked); {where}", file=sys.stderr)
    return 70


def _database_url(args: argparse.Namespace) -> str:
    from tipcase.home_folder import database_url  # noqa: PLC0415

    try:
        return database_url(getattr(args, "database", None))
    except OSError:
        return "the configured database"
