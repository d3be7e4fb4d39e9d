"""``tipcase cohorts``: its parser, and ``cohorts report``, which reads the records through SQLAlchemy's Core alone.

A report only reads: the cohort, the course and its versions, then aggregates in SQL
(``tipcase.services.analytics``). It loads neither SQLAlchemy's ORM nor the models, the account and audit
services or Argon2, which cost it a fifth of its memory at a million decisions (``benchmarks/records.py``).
The other actions (``create``, ``assign``, ``import-roster``) write through the services; their module,
``tipcase.cli.cohort_commands``, loads when one of them is chosen.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tipcase.cli.common import UsageError, command_line_operator, print_json
from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many

if TYPE_CHECKING:
    from tipcase.services.analytics import ScenarioAnalytics

EXIT_OK = 0
HELP = "cohorts: rosters, courses and analytics"


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``cohorts`` (create, assign, import-roster, report) to the parser."""
    cohorts = commands.add_parser("cohorts", help=HELP)
    actions = cohorts.add_subparsers(dest="cohorts_command", metavar="ACTION", required=True)
    assign = actions.add_parser("assign", help="assign a course to a cohort")
    assign.add_argument("cohort", metavar="COHORT")
    assign.add_argument("course", metavar="COURSE")
    assign.set_defaults(handler=_writer("cmd_cohorts_assign"))
    create = actions.add_parser("create", help="create a cohort")
    create.add_argument("name", metavar="NAME", help="short name: lower-case letters, digits, '-' and '_'")
    create.add_argument("title", metavar="TITLE")
    create.set_defaults(handler=_writer("cmd_cohorts_create"))
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
    imported.add_argument(
        "--update-names",
        action="store_true",
        help="give an account enrolled by its staff ID the roster's name where the two differ (audited; certificates keep theirs)",
    )
    imported.set_defaults(handler=_writer("cmd_cohorts_import_roster"))
    report = actions.add_parser(
        "report",
        help="a cohort's analytics for each scenario of a course: completion, hardest stages, critical errors, broken rules",
    )
    report.add_argument("cohort", metavar="COHORT")
    report.add_argument("course", metavar="COURSE")
    report.add_argument("--scenario", metavar="ID", help="only this scenario of the course")
    report.add_argument(
        "--lang", metavar="LANG", default="en", help="language of stage titles and choice labels, and of the lines (id: Bahasa Indonesia)"
    )
    report.add_argument("--json", action="store_true", help="print everything as JSON")
    report.add_argument(
        "--xlsx", metavar="OUT.xlsx", help="also write this one workbook: every scenario of the course, a sheet each (readable by you only)"
    )
    report.add_argument(
        "--csv", metavar="OUT.csv", help="also write this one CSV file: every table of every scenario (readable by you only)"
    )
    report.set_defaults(handler=cmd_cohorts_report)


def _writer(name: str) -> Callable[[argparse.Namespace], int]:
    """The handler ``name`` of ``tipcase.cli.cohort_commands``, imported when the action runs (it writes through the ORM)."""

    def handler(args: argparse.Namespace) -> int:
        module = importlib.import_module("tipcase.cli.cohort_commands")
        return int(getattr(module, name)(args))

    return handler


def cmd_cohorts_report(args: argparse.Namespace) -> int:
    """``tipcase cohorts report COHORT COURSE``: where the cohort went wrong on each case (``analytics``), printed or exported to CSV/XLSX.

    Exit 2 when the course has no such --scenario or a case is not written in --lang.
    """
    from tipcase.services import analytics  # noqa: PLC0415 - the records layer loads when a command runs, never for --help
    from tipcase.services.playables import language_of, playable  # noqa: PLC0415
    from tipcase.store.database import open_database  # noqa: PLC0415

    speaking = "id" if args.lang.lower().startswith("id") else "en"  # the lines' language; titles follow --lang itself
    db = open_database(args.database)
    try:
        with db.reading_connection() as connection:
            scope = analytics.report_scope(connection, args.cohort, args.course)
            versions = scope.versions
            if args.scenario is not None:
                versions = [v for v in versions if v.scenario_id == args.scenario]
                if not versions:
                    raise UsageError(f"course {args.course} has no scenario {args.scenario!r}")
            languages = {}
            for version in versions:
                written_in = playable(version).scenario.languages
                languages[version.id] = language_of(written_in, args.lang)
                if languages[version.id] is None:
                    raise UsageError(f"--lang {args.lang}: {version.scenario_id} v{version.version} is written in {', '.join(written_in)}")
            operator = command_line_operator()
            reports = [
                analytics.scenario_analytics(
                    connection, operator, scope.cohort, scope.course, version, language=languages[version.id] or args.lang
                )
                for version in versions
            ]
    finally:
        db.dispose()
    written = []
    for option, name, kind in (("--xlsx", args.xlsx, "write_xlsx"), ("--csv", args.csv, "write_csv")):
        if name:
            from tipcase.cli.spoken import line  # noqa: PLC0415 - the printed lines' words, not needed by --json alone
            from tipcase.services import report_files  # noqa: PLC0415 - the writers (openpyxl) only when a file is asked for

            write = getattr(report_files, kind)
            try:
                write(reports, name)
            except OSError as exc:
                raise UsageError(f"{option} {name}: cannot write it: {exc.strerror or exc}") from None
            written.append(
                line(
                    speaking,
                    one_or_many(
                        len(reports),
                        QT_TRANSLATE_NOOP("core", "wrote {name} ({count} scenario)"),
                        QT_TRANSLATE_NOOP("core", "wrote {name} ({count} scenarios)"),
                    ),
                    name=name,
                    count=len(reports),
                )
            )
    if args.json:
        print_json([dataclasses.asdict(report) for report in reports])
        for written_line in written:
            print(written_line, file=sys.stderr)
        return EXIT_OK
    for report in reports:
        print(_report_lines(report, speaking))
    for written_line in written:
        print(written_line)
    return EXIT_OK


def _report_lines(report: ScenarioAnalytics, language: str) -> str:
    """One scenario's report as ``cohorts report`` prints it, its lines said in ``language`` ("en" or "id")."""
    from tipcase.cli.spoken import line  # noqa: PLC0415

    mean = (
        Message(QT_TRANSLATE_NOOP("core", "mean {mean}%"), mean=float(report.mean_percent))
        if report.completed
        else Message(QT_TRANSLATE_NOOP("core", "no finished attempt yet, so no mean"))
    )
    lines = [
        line(
            language,
            one_or_many(
                report.members,
                QT_TRANSLATE_NOOP(
                    "core", "{scenario} v{version}: 1 member, {completed} completed ({completion}%), {passed} passed ({passing}%), {mean}"
                ),
                QT_TRANSLATE_NOOP(
                    "core",
                    "{scenario} v{version}: {members} members, {completed} completed ({completion}%), {passed} passed ({passing}%), {mean}",
                ),
            ),
            scenario=report.scenario,
            version=report.version,
            members=report.members,
            completed=report.completed,
            completion=float(report.completion_rate),
            passed=report.passed,
            passing=float(report.pass_rate),
            mean=mean,
        )
    ]
    for stage in report.hardest[:5]:
        lines.append(
            line(
                language,
                QT_TRANSLATE_NOOP("core", "  hardest: {stage} {poor}/{decisions} poor choices ({share}%)"),
                stage=f"{stage.stage:<28}",
                poor=stage.poor,
                decisions=stage.decisions,
                share=float(stage.poor_share),
            )
        )
    for text, count in report.critical_errors[:5]:
        lines.append(line(language, QT_TRANSLATE_NOOP("core", "  critical ({count}): {text}"), count=count, text=text[:100]))
    for rule, count in report.broken_rules[:5]:
        broken = QT_TRANSLATE_NOOP("core", "  rule broken ({count}): {title} ({rule})")
        lines.append(line(language, broken, count=count, title=report.rule_titles.get(rule, rule), rule=rule))
    return "\n".join(lines)
