"""``tipcase exercise``: scripted team exercises (issue 17 item 6; docs/team-exercises.md, "Command line").

``start`` publishes a team case, creates a session, assigns users to roles and starts it; ``play`` plays
one user's role from a list of choice numbers, waiting for the hand-overs it needs (PostgreSQL
LISTEN/NOTIFY, or a poll of the SQLite file), and rejoins where the role stood when run again;
``report``, ``status`` and ``log`` read a session; ``pause``, ``resume``, ``end`` and ``inject`` direct it.
The directing commands act as the workstation's operator (an administrator, audited as
``cli:<system user>``); ``play`` acts as its user and takes the user's password as ``tipcase record``
does (a prompt, or ``TIPCASE_PASSWORD``).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tipcase.cli.common import UsageError, input_file, print_json
from tipcase.cli.exercise_play import cmd_play
from tipcase.cli.records_commands import database, operator
from tipcase.messages import QT_TRANSLATE_NOOP, counted
from tipcase.services import accounts, exercises, team_cases
from tipcase.services.errors import ServiceError
from tipcase.services.team_cases import playable_team
from tipcase.store.models import User
from tipcase.team.log_words import case_text, event_sentence

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
DEFAULT_TIMEOUT = 600.0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``exercise`` (start, play, report, status, log, pause, resume, end, inject) to the parser."""
    parser = commands.add_parser("exercise", help="team exercises: start a session, play a role, direct and report")
    actions = parser.add_subparsers(dest="exercise_command", metavar="ACTION", required=True)

    start = actions.add_parser("start", help="publish a team case, create a session, assign users to roles and start it")
    start.add_argument("file", metavar="FILE", help="a team case file (tipcase-team: 1)")
    start.add_argument("--session", required=True, metavar="NAME")
    start.add_argument(
        "--assign",
        required=True,
        action="append",
        metavar="ROLE=USER[,ROLE=USER...]",
        help="who plays which role (repeat a role to share it)",
    )
    start.add_argument("--lang", metavar="LANG", help="the language results are written in (default: the case's first)")
    start.add_argument("--json", action="store_true")
    start.set_defaults(handler=cmd_start)

    play = actions.add_parser(
        "play", help="play a user's role from choice numbers, waiting for hand-overs (asks for the password, or reads TIPCASE_PASSWORD)"
    )
    play.add_argument("--session", required=True, metavar="NAME")
    play.add_argument("--user", required=True, metavar="USERNAME")
    route = play.add_mutually_exclusive_group(required=True)
    route.add_argument(
        "--choose",
        metavar="N,N,...",
        help="the role's whole route from its start: numbers among the choices offered at each stage (run it again after a crash)",
    )
    route.add_argument("--next", metavar="N,N,...", help="only the role's next choices, from where it stands now")
    play.add_argument("--role", metavar="ROLE", help="which role, when the user plays several")
    play.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"longest wait for each hand-over (default {DEFAULT_TIMEOUT:g})",
    )
    play.add_argument("--json", action="store_true", help="print the role's result as JSON")
    play.set_defaults(handler=cmd_play)

    for name, handler, what in (
        ("report", cmd_report, "each role's result and the team's"),
        ("status", cmd_status, "every role's position, clock and inbox"),
        ("log", cmd_log, "the master log of everything that happened"),
    ):
        reader = actions.add_parser(name, help=what)
        reader.add_argument("--session", required=True, metavar="NAME")
        reader.add_argument("--json", action="store_true")
        reader.set_defaults(handler=handler)
        if name == "report":
            reader.add_argument("--pdf", metavar="FILE", help="also write the after-action report (PDF) to FILE")
            reader.add_argument("--language", metavar="LANG", help="the after-action report's language: en or id (default: the session's)")
    for name, what in (
        ("pause", "pause a running session"),
        ("resume", "resume a paused session"),
        ("end", "end a session (read-only then)"),
    ):
        control = actions.add_parser(name, help=what)
        control.add_argument("--session", required=True, metavar="NAME")
        control.set_defaults(handler=cmd_control, action=name)

    inject = actions.add_parser("inject", help="fire an inject by hand, or send a message with --text")
    inject.add_argument("--session", required=True, metavar="NAME")
    inject.add_argument("inject", nargs="?", metavar="INJECT-ID")
    inject.add_argument("--text", metavar="TEXT", help="an ad-hoc message (no effects) instead of an inject")
    inject.add_argument(
        "--to",
        action="append",
        metavar="ROLE",
        help="only to this role (repeatable, or a,b; default: the roles the inject has not reached yet, a message every role)",
    )
    inject.set_defaults(handler=cmd_inject)


def _assignments(raw: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for chunk in raw:
        for item in chunk.split(","):
            role, sep, user = item.strip().partition("=")
            if not sep or not role.strip() or not user.strip():
                raise UsageError(f"--assign takes ROLE=USER pairs separated by commas (got {item.strip()!r})")
            pairs.append((role.strip(), user.strip().lower()))
    return pairs


def cmd_start(args: argparse.Namespace) -> int:
    """``tipcase exercise start FILE --session NAME --assign ROLE=USER``: publish the team case, create the session, assign and start it.

    Prints the roles and their players (JSON with --json); exit 2 for a malformed --assign.
    """
    pairs = _assignments(args.assign)
    input_file(args.file)
    me = operator()
    with database(args) as db, db.transaction() as session:
        version = team_cases.publish_team_file(session, me, args.file)
        exercise = exercises.create_session(session, me, version, args.session, language=args.lang)
        for role, username in pairs:
            exercises.assign(session, me, exercise, role, accounts.get_user(session, username))
        exercises.start(session, me, exercise)
        state = exercises.status(session, me, exercise)
    if args.json:
        print_json(state)
    else:
        roles = ", ".join(f"{role}={'+'.join(found['users'])}" for role, found in state["roles"].items())
        print(f"session {args.session} started: {version.team_id} v{version.version}; {roles}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """``tipcase exercise report --session NAME``: the team's and each role's result and the rules broken (JSON with --json).

    With --pdf FILE also the after-action report (in --language, default the session's). Exit 0; 2 for --language
    without --pdf or a FILE not named *.pdf.
    """
    if args.language is not None and args.pdf is None:
        raise UsageError("--language is the after-action report's: give --pdf FILE with it")
    with database(args) as db, db.reading() as session:
        exercise = exercises.get_session(session, args.session)
        report = exercises.report(session, operator(), exercise)
        if args.pdf is not None:
            target = Path(args.pdf)
            if target.suffix.lower() != ".pdf":
                raise UsageError(f"--pdf {args.pdf}: the after-action report is a PDF; name the file *.pdf")
            from tipcase.services import exercise_debrief  # noqa: PLC0415 - reportlab only for --pdf

            try:
                exercise_debrief.write_report_pdf(session, operator(), exercise, target, language=args.language)
            except OSError as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("core", "--pdf {pdf}: cannot write it: {reason}"), pdf=args.pdf, reason=exc.strerror or exc
                ) from None
            if not args.json:
                print(f"after-action report written to {target}")
    if args.json:
        print_json(report)
        return EXIT_OK
    team = report["team"]
    verdict = "passed" if team["passed"] else "not passed"
    print(f"{report['session']} ({report['status']}): {report['team_case']} v{report['version']}: team {team['total_percent']}%, {verdict}")
    for role, result in report["roles"].items():
        state = "complete" if result["complete"] else f"at '{result['route'][-1]}'"
        print(f"  {role}: {result['total_percent']}% ({result['total']} of {result['max_total']}), {state}")
    for violation in team["rule_violations"]:
        where = f"{violation.get('role')}'s '{violation.get('stage')}'"
        print(f"  rule broken: {violation['rule']} ({violation['points']} {violation['competency']}) at {where}")
    for item in team["incomplete_handovers"]:
        print(f"  incomplete hand-over: {item['handover']} #{item['number']} from {item['from']} ({item['points']} {item['competency']})")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    """``tipcase exercise status --session NAME``: where each role stands (stage, clock in hours, decisions, players); exit 0."""
    with database(args) as db, db.reading() as session:
        state = exercises.status(session, operator(), exercises.get_session(session, args.session))
    if args.json:
        print_json(state)
        return EXIT_OK
    print(f"{state['session']}: {state['status']}, {counted(state['events'], 'event')}")
    for role, found in state["roles"].items():
        where = "ended" if found["finished"] else (f"waits for '{found['waiting_for']}'" if found["waiting_for"] else "deciding")
        users = ", ".join(found["users"]) or "nobody"
        decisions = counted(found["decisions"], "decision")
        print(f"  {role:<20} stage '{found['stage']}' ({where}), clock {found['clock']:g} h, {decisions}; {users}")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    """``tipcase exercise log --session NAME``: the master log, one event a line, in words (JSON with --json); exit 0.

    A line: the event's number, its local date and time, the role (its id), who (a username), and what happened
    as the control room's master log says it (``tipcase.team.log_words``), in English with the case's own names
    (in English when the case is written in it). Decisions name the choice by the number it was offered under
    (from 1, as ``--choose`` takes it). ``--json``: a list of ``{"seq", "at" (UTC, ISO 8601), "kind", "role",
    "user", "text", "details"}``, a decision's details with ``number`` (offered, from 1) and ``choice_in_file``
    (its place among the stage's choices in the file, from 1).
    """
    with database(args) as db, db.reading() as session:
        exercise = exercises.get_session(session, args.session)
        rows = exercises.events(session, operator(), exercise)
        team = playable_team(exercise.team_case_version).team
        who = select(User.id, User.username).where(User.id.in_({r.user_id for r in rows if r.user_id}))
        names: dict[int, str] = {row.id: row.username for row in session.execute(who)}
        language = "en" if "en" in team.languages else team.languages[0]
        text = case_text(team, language)
        log: list[dict[str, Any]] = []
        for row in rows:
            at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=dt.UTC)
            details = dict(row.details or {})
            if row.kind == "decision" and isinstance(details.get("choice"), int):
                details["choice_in_file"] = details.pop("choice") + 1
            log.append(
                {
                    "seq": row.seq,
                    "at": at,
                    "kind": row.kind,
                    "role": row.role,
                    "user": names.get(row.user_id) if row.user_id else None,
                    "text": str(event_sentence(team, row.kind, row.role, dict(row.details or {}), text=text, language=language)),
                    "details": details,
                }
            )
    if args.json:
        print_json(log)
        return EXIT_OK
    roles = [item["role"] or "-" for item in log]  # the role's id, as --role, --to and status name it
    width = max([len(role) for role in roles] + [4])
    users = max([len(item["user"] or "-") for item in log] + [3])
    for item, role in zip(log, roles, strict=True):
        when = item["at"].astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{item['seq']:>5}  {when}  {role:<{width}}  {item['user'] or '-':<{users}}  {item['text']}")
    return EXIT_OK


def cmd_control(args: argparse.Namespace) -> int:
    """``tipcase exercise pause|resume|end --session NAME``: direct the session (audited); ServiceError when its status forbids it."""
    act = {"pause": exercises.pause, "resume": exercises.resume, "end": exercises.end}[args.action]
    with database(args) as db, db.transaction() as session:
        act(session, operator(), exercises.get_session(session, args.session))
    print(f"session {args.session}: {args.action}{'d' if args.action.endswith('e') else 'ed'}")
    return EXIT_OK


def cmd_inject(args: argparse.Namespace) -> int:
    """``tipcase exercise inject``: fire a named inject, or send a --text message, to every role or the --to roles.

    Exit 2 unless exactly one of an inject and --text is given.
    """
    if (args.inject is None) == (args.text is None):
        raise UsageError("name an inject to fire, or give --text for a message (not both)")
    to = [role.strip() for chunk in args.to or [] for role in chunk.split(",") if role.strip()] or None
    with database(args) as db, db.transaction() as session:
        exercise = exercises.get_session(session, args.session)
        if args.inject is not None:
            exercises.fire_inject(session, operator(), exercise, args.inject, to)
        else:
            exercises.send_message(session, operator(), exercise, args.text, to)
    what = f"inject {args.inject} fired" if args.inject is not None else "message sent"
    print(f"session {args.session}: {what}" + (f" to {', '.join(to)}" if to else ""))
    return EXIT_OK
