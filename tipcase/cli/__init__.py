"""The ``tipcase`` command line (Qt-free): scenario tools now, records and certificates as they come.

Every command prints one clear line on bad input and exits with the code the scenario format gives
(0 fine, 1 findings with errors or a failed check, 2 usage errors, 3 an unfinished scripted play).
A database fault is one plain line of its kind (``tipcase.store.faults``), never the SQL behind it;
an unexpected failure is one line naming the log file that holds its traceback (exit 70). The
traceback is shown in the terminal only with ``TIPCASE_DEBUG=1``.

The command table is lazy: ``COMMANDS`` names each top-level command, its one-line help and the
module that defines it, and only the chosen command's module is imported (``tipcase validate`` never
loads SQLAlchemy, Alembic or reportlab). ``tipcase --help`` lists every command from the table alone.
To add a command: write ``tipcase/cli/<area>_commands.py`` with ``register(commands)`` that adds its
parser(s) (``commands.add_parser(name, help=...)`` with the same help as here), keep its heavy imports
in that module, and add one ``Command`` line below. ``tests/test_cli_table.py`` checks the two agree.
"""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import os
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tipcase import __version__
from tipcase.cli.common import UsageError
from tipcase.services.errors import ServiceError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 141
# A file named on the command line (or made from one) that the system refuses: one line naming it, exit 1, never
# "internal error" (a 300-character file name ended `validate`, `import -o` and `--passwords` with exit 70).
_FILE_FAULTS = frozenset(
    getattr(errno, name)
    for name in ("ENAMETOOLONG", "ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "ELOOP", "EEXIST")
    if hasattr(errno, name)
)
"""The shells' code for a process ended by SIGPIPE (128 + 13): what a pipe's reader that stopped early sees."""

SCENARIOS = "tipcase.cli.scenario_commands"
IMPORTS = "tipcase.cli.import_commands"
RECORDS = "tipcase.cli:register_records"  # the records commands and the course composer share the ``courses`` parser
DATABASE = "tipcase.cli.database_commands"
CERTIFICATES = "tipcase.cli.certificate_commands"
EXERCISES = "tipcase.cli.exercise_commands"
COHORTS = "tipcase.cli.cohort_report"  # the report reads without the ORM: its parser loads apart from the records commands'


@dataclass(frozen=True)
class Command:
    """A top-level command: its name, its help line in ``tipcase --help``, and what defines it.

    ``defined_in`` is a module whose ``register(commands)`` adds the command's parser (with the
    same help), or ``"module:function"`` for a function that does. Several commands may share one.
    """

    name: str
    help: str
    defined_in: str


COMMANDS: tuple[Command, ...] = (
    Command("validate", "check scenario and pathway files", SCENARIOS),
    Command("analyze", "explore every route: states, maxima, best route", SCENARIOS),
    Command("play", "play a scenario in the terminal, or scripted with --choose", SCENARIOS),
    Command("schema", "print the JSON Schema of the scenario format", SCENARIOS),
    Command("import", "import a Twine story (Twee or Twine 2 HTML) or an H5P Branching Scenario as a scenario", IMPORTS),
    Command("demo", "seed demo accounts, a cohort and a course (idempotent)", RECORDS),
    Command("users", "accounts", RECORDS),
    Command("courses", "courses", RECORDS),
    Command(
        "record",
        (
            "play a scenario as a user and store the attempt, as the app would "
            "(asks for the user's password, or reads TIPCASE_PASSWORD; exit 4 when the sign-in is refused)"
        ),
        RECORDS,
    ),
    Command("export", "export records", RECORDS),
    Command("backup", "write a consistent copy of every record to FILE (readable by you only: it holds password hashes)", RECORDS),
    Command("restore", "restore a backup into an empty home", RECORDS),
    Command("db", "the database: schema, protection, PostgreSQL roles", DATABASE),
    Command("audit", "the audit log and the records it anchors", DATABASE),
    Command("publish", "publish scenario files as new immutable versions that courses can pin", RECORDS),
    Command("cohorts", "cohorts: rosters, courses and analytics", COHORTS),
    Command("keys", "the institution's signing keys", CERTIFICATES),
    Command("certificate", "issue, print, revoke and list certificates", CERTIFICATES),
    Command("register", "the register report", CERTIFICATES),
    Command("verify", "verify a certificate: a PDF, a verification code or a QR payload (exit 0 only when valid)", CERTIFICATES),
    Command("exercise", "team exercises: start a session, play a role, direct and report", EXERCISES),
)


def register_records(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The records commands, and ``publish`` and ``courses create`` (``cohort_commands``, which adds to the records' ``courses``)."""
    from tipcase.cli import cohort_commands, records_commands  # noqa: PLC0415 - loaded only when chosen

    cohort_commands.register(commands, records_commands.register(commands))


def _registrar(defined_in: str) -> Callable[[argparse._SubParsersAction], object]:  # type: ignore[type-arg]
    module, _, function = defined_in.partition(":")
    registrar: Callable[[argparse._SubParsersAction], object] = getattr(importlib.import_module(module), function or "register")  # type: ignore[type-arg]
    return registrar


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser: in full for ``command`` (and the commands defined beside it), the rest as help lines only.

    With ``command=None`` nothing is imported and every command is a placeholder, which is enough for
    ``tipcase --help`` and for finding which command was chosen.
    """
    parser = argparse.ArgumentParser(
        prog="tipcase",
        description="TIPCase: training cases on trafficking and gender-based violence. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"tipcase {__version__}")
    parser.add_argument("--database", metavar="URL", help="database URL (default: TIPCASE_DATABASE_URL, else SQLite in TIPCASE_HOME)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((c.defined_in for c in COMMANDS if c.name == command), None)
    for entry in COMMANDS:
        if entry.defined_in != chosen:
            commands.add_parser(entry.name, help=entry.help, add_help=False)  # a placeholder: its help line
    if chosen is not None:
        _registrar(chosen)(commands)
    return parser


def chosen_command(argv: Sequence[str]) -> str | None:
    """The top-level command named in ``argv`` (None when there is none); argparse's own errors for a bad one."""
    known, _ = build_parser().parse_known_args(argv)
    command: str | None = known.command
    return command


_freezing = [False]


def freeze_what_loads(freeze: bool = True) -> None:
    """Freeze what ``main`` loads for its command from now on: the ``tipcase`` process does (``ui.launcher.main``).

    Off by default, as ``ui.records_start.freeze_what_loads`` is: a test that runs commands in its own process
    would have its garbage of the moment kept for good.
    """
    _freezing[0] = freeze


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns the exit code.

    The chosen command's modules load with the cyclic collector paused: they make lasting objects and no
    garbage, and scanning them cost a tenth of a command such as ``validate``. In the ``tipcase`` process
    (``freeze_what_loads``) they are then frozen (``gc.freeze``: moved to the permanent generation, which no
    collection scans), as the app's are (``ui.launcher``); resumed without the freeze, they would all sit in
    the youngest generation, and the collector's next pass would scan them at once.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    collecting = gc.isenabled()
    gc.disable()
    try:
        parser = build_parser(chosen_command(argv))
    finally:
        if collecting:
            if _freezing[0]:
                gc.freeze()
            gc.enable()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except UsageError as exc:
        print(f"tipcase: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("tipcase: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped (`| head`): not every line was delivered, so never a success
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        if isinstance(exc, _expected_errors()):
            print(f"tipcase: error: {exc}", file=sys.stderr)
            return EXIT_FAILED
        if isinstance(exc, OSError) and exc.filename is not None and exc.errno in _FILE_FAULTS:
            print(f"tipcase: error: {exc.filename}: {exc.strerror}", file=sys.stderr)  # the file's fault, not the program's
            return EXIT_FAILED
        if os.environ.get("TIPCASE_DEBUG"):
            raise
        return _failed(args, exc)


def _quiet_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush raises no second broken pipe.

    As the Python documentation advises for SIGPIPE (library/signal.html, "Note on SIGPIPE"); a stand-in
    stream without a file descriptor (a test's) is left alone.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    """One line for a failure no command expected: a database fault by its kind, anything else with the log's path."""
    from tipcase.logs import record_failure  # noqa: PLC0415 - loaded on failure only

    faults = _database_faults()
    if faults is not None and faults.classify(exc) is not None:
        from tipcase.store.database import DatabaseError  # noqa: PLC0415

        where = faults.where_of(_database_url(args))
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


def _expected_errors() -> tuple[type[Exception], ...]:
    """The errors printed as one line: a DatabaseError can only come from a command that loaded the database layer."""
    database = sys.modules.get("tipcase.store.database")
    return (ServiceError, database.DatabaseError) if database is not None else (ServiceError,)


def _database_faults() -> types.ModuleType | None:
    """``tipcase.store.faults`` when the command loaded a database driver (else no failure can be a database fault)."""
    if "sqlalchemy" not in sys.modules and "sqlite3" not in sys.modules:
        return None
    import tipcase.store.faults  # noqa: PLC0415

    return tipcase.store.faults
