"""``tipcase publish``, ``courses create``, ``cohorts``: publish cases, compose courses, run cohorts.

Cohorts: create one, import its roster (preview first, then ``--yes``), assign it a course. The ``cohorts``
parser, and ``cohorts report`` (where a cohort went wrong, read without the ORM), are in
``tipcase.cli.cohort_report``, which runs the actions here when chosen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from tipcase.cli.common import UsageError, input_file
from tipcase.cli.records_commands import database, operator
from tipcase.messages import counted
from tipcase.services import courses, scenarios
from tipcase.store.models import ScenarioVersion

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: argparse._SubParsersAction, course_actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``publish`` and ``courses create`` (``cohorts`` is ``tipcase.cli.cohort_report``'s: it runs the actions below)."""
    publish = commands.add_parser("publish", help="publish scenario files as new immutable versions that courses can pin")
    publish.add_argument("files", nargs="+", metavar="FILE")
    publish.set_defaults(handler=cmd_publish)

    create_course = course_actions.add_parser(
        "create",
        help="compose a course from published scenario versions",
        description="Compose a course from published scenarios (ID pins the latest version, ID:N version N), with its pass rule.",
    )
    create_course.add_argument("code", metavar="CODE")
    create_course.add_argument("--title", required=True, help="the course title in English")
    create_course.add_argument("--title-id", help="the course title in Bahasa Indonesia")
    create_course.add_argument("--scenario", action="append", required=True, metavar="ID[:VERSION]", help="repeat for each case, in order")
    create_course.add_argument("--pass-rule", choices=("all", "mean"), default="all", help="every scenario passed (all), or a mean percent")
    create_course.add_argument("--pass-mean", type=_percent, metavar="PERCENT", help="the mean percent for --pass-rule mean (0-100)")
    create_course.add_argument("--policy", choices=("best", "last"), default="best", help="which attempt counts (default: best)")
    create_course.add_argument("--max-attempts", type=_positive, metavar="N", help="attempts allowed at each scenario (at least 1)")
    create_course.add_argument("--feedback-after-choice", action="store_true", help="show each choice's feedback at once")
    create_course.set_defaults(handler=cmd_courses_create)


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (argparse turns the ValueError into one line)."""
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text}: at least 1")
    return number


def _percent(text: str) -> float:
    """An argparse type: a percent from 0 to 100."""
    number = float(text)
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(f"{text}: a percent from 0 to 100")
    return number


def cmd_publish(args: argparse.Namespace) -> int:
    """``tipcase publish FILE...``: each file as a new immutable version; exit 0, exit 2 for a missing file.

    A file whose version is published already with the same bytes is said to be so ("already published"), exit 0.
    """
    for name in args.files:
        input_file(name)
    with database(args) as db, db.transaction() as session:
        lines = []
        for name in args.files:
            done = scenarios.publish(session, operator(), name)
            version = done.version
            said = f"{version.scenario_id} v{version.version} ({version.sha256[:12]})"
            lines.append(f"published {said}" if done.new else f"already published: {said}, the same content; nothing new")
    print("\n".join(lines))
    return EXIT_OK


def _pinned(session: Session, spec: str) -> ScenarioVersion:
    scenario_id, _, number = spec.partition(":")
    if number and not number.isdigit():
        raise UsageError(f"--scenario {spec}: write ID or ID:VERSION")
    return scenarios.get_version(session, scenario_id, int(number) if number else None)


def cmd_courses_create(args: argparse.Namespace) -> int:
    """``tipcase courses create CODE``: compose a course of pinned scenario versions with its pass rule and attempt policy.

    Exit 0; exit 2 (one line) when --pass-rule mean lacks --pass-mean or --pass-mean comes without it.
    """
    if args.pass_rule == "mean" and args.pass_mean is None:
        raise UsageError("--pass-rule mean needs --pass-mean PERCENT")
    if args.pass_rule != "mean" and args.pass_mean is not None:
        raise UsageError("--pass-mean applies only with --pass-rule mean")
    title = {"en": args.title} | ({"id": args.title_id} if args.title_id else {})
    with database(args) as db, db.transaction() as session:
        versions = [_pinned(session, spec) for spec in args.scenario]
        course = courses.create_course(
            session,
            operator(),
            code=args.code,
            title=title,
            versions=versions,
            pass_rule=args.pass_rule,
            pass_mean=args.pass_mean,
            attempt_policy=args.policy,
            max_attempts=args.max_attempts,
            feedback_after_choice=args.feedback_after_choice,
        )
        pinned = ", ".join(f"{v.scenario_id} v{v.version}" for v in versions)
        code = course.code
    print(f"created course {code}: {pinned}")
    return EXIT_OK


def cmd_cohorts_assign(args: argparse.Namespace) -> int:
    """``tipcase cohorts assign COHORT COURSE``: the cohort's members take the course; exit 0."""
    with database(args) as db, db.transaction() as session:
        cohort = courses.get_cohort(session, args.cohort)
        courses.assign_course(session, operator(), cohort, courses.get_course(session, args.course))
    print(f"assigned {args.course} to {args.cohort}")
    return EXIT_OK


def cmd_cohorts_create(args: argparse.Namespace) -> int:
    """``tipcase cohorts create NAME``: a new, empty cohort; exit 0."""
    with database(args) as db, db.transaction() as session:
        courses.create_cohort(session, operator(), args.name, args.title)
    print(f"created cohort {args.name}")
    return EXIT_OK


def cmd_cohorts_import_roster(args: argparse.Namespace) -> int:
    """``tipcase cohorts import-roster COHORT FILE``: preview a CSV/XLSX roster line by line; with --yes, import its good rows.

    New accounts' first passwords go to --passwords FILE, which must not exist yet (exit 2); a preview exits 1 when a row has an error.
    With --update-names, an account enrolled by its staff ID under another name takes the roster's name (``roster_names``).
    """
    input_file(args.file)
    passwords = Path(args.passwords) if args.passwords else None
    if passwords is not None and passwords.exists():
        raise UsageError(f"{passwords} exists; choose a new file for the passwords")
    from tipcase.services import roster, roster_names  # noqa: PLC0415 - the spreadsheet readers: only for rosters

    with database(args) as db:
        with db.reading() as session:  # the preview reads only: other workstations keep writing
            target = courses.get_cohort(session, args.cohort)
            print(_shown(f"roster {args.file} for cohort {target.name} ({target.title})"))
            preview = roster.read_roster(session, args.file)
        for row in preview.rows:
            what = "; ".join(row.errors) if row.errors else row.action + (f" {row.existing}" if row.existing else f" {row.username}")
            if not row.errors and row.existing_name:
                what += f" (named {_clipped(row.existing_name)!r} there, not {_clipped(row.full_name)!r}: check the staff ID)"
            print(_shown(f"line {row.line:>4}  {_clipped(row.staff_id) or '-':<14} {_clipped(row.full_name) or '-':<32} {what}"))
        for line in [*preview.report(), *preview.warning_lines()]:
            print(_shown(line), file=sys.stderr)
        if preview.ignored_columns:
            print(f"columns not imported: {', '.join(preview.ignored_columns)}")
        print(f"{counted(len(preview.good), 'row')} ready, {len(preview.bad):,} with errors")
        corrections = len(roster_names.name_corrections(preview))
        if corrections and not args.update_names:
            print(
                f"{counted(corrections, 'account')} named otherwise than in the roster: check each staff ID; "
                "--update-names gives them the roster's names (audited)"
            )
        if not args.yes:
            print("nothing imported: run again with --yes to import the rows that are ready")
            return EXIT_OK if not preview.bad else EXIT_FAILED
        prepared = roster.prepare_accounts(operator(), preview)  # the slow hashing, outside the write transaction
        with db.transaction() as session:
            cohort = courses.get_cohort(session, args.cohort)
            result = roster.import_roster(session, operator(), cohort, preview, prepared)
            renamed, left = roster_names.correct_names(session, operator(), preview) if args.update_names else ([], [])
            if passwords is not None:  # written before the commit: if it cannot be written, nothing is imported
                roster.write_passwords(passwords, result.created)
    for line in [*result.changed, *left]:
        print(line, file=sys.stderr)
    for name in renamed:
        print(_shown(f"renamed {name.username}: {name.old!r} -> {name.new!r}"))
    created = counted(len(result.created), "new account")
    counts = f"{created}, {len(result.added_existing):,} existing, {result.skipped:,} skipped"
    print(f"imported into {args.cohort}: {counts}")
    if passwords is not None:
        print(f"passwords written to {passwords}")
    else:
        for username, password in result.created:
            print(f"  username {username:<24} password {password}")
    return EXIT_OK


def _clipped(text: str, most: int = 60) -> str:
    """A cell's value for a preview line: at most ``most`` characters (a workbook's rows may share one of 30,000)."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _shown(text: str) -> str:
    """Text for a terminal: control characters from a file (NUL, escape sequences) written as backslash-u codes."""
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text)
