"""``tipcase exercise``: scripted team exercises (issue 17 item 6; docs/team-exercises.md, "Command line").

``start`` publishes a team case, creates a session, assigns users to roles and starts it; ``play`` plays
one user's role from a list of choice numbers, waiting for the hand-overs it needs (PostgreSQL
LISTEN/NOTIFY, or a poll of the SQLite file), and rejoins where the role stood when run again;
``list`` lists the sessions (``tipcase.cli.exercise_list``);
``report``, ``status`` and ``log`` read a session; ``pause``, ``resume``, ``end`` and ``inject`` direct it;
``archive`` and ``unarchive`` put an ended session away from the sessions lists and back (its record untouched).
Without ``--user`` the other commands act as the workstation's operator (an administrator, audited and
named in the master log as ``cli:<system user>``); with ``--user`` they act for that person, under the
services' rules (``tipcase.cli.acting``). ``play`` acts as its user; both take the user's password as
``tipcase record`` does (a prompt, or ``TIPCASE_PASSWORD``).
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from tipcase.cli.acting import acting, add_user_option, signed_in, signed_in_to_session
from tipcase.cli.common import UsageError, input_file, print_json
from tipcase.cli.exercise_injects import cmd_inject_list
from tipcase.cli.exercise_list import cmd_list
from tipcase.cli.exercise_play import cmd_play
from tipcase.cli.exercise_reading import cmd_log, cmd_report, cmd_status
from tipcase.cli.records_commands import database
from tipcase.cli.spoken import LANGUAGES, figure, line, speak_as, speaking
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import accounts, exercise_access, exercise_archive, exercises, team_cases
from tipcase.team.log_words import case_text, inject_title

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
DEFAULT_TIMEOUT = 600.0


LANG_HELP = "the language to say it in: en or id (default: the session's)"


def _lang(parser: argparse.ArgumentParser, *names: str, help: str = LANG_HELP) -> None:
    parser.add_argument(*(names or ("--lang",)), dest="lang", choices=LANGUAGES, metavar="LANG", help=help)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``exercise`` (start, play, list, report, status, log, pause, resume, end, inject, archive, unarchive) to the parser.

    Every action takes ``--lang en|id``, the language of what it prints (its refusals too); by default the
    session's language (``tipcase.cli.spoken``). ``--json`` is the same in every language.
    """
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
    _lang(start, help="the session's language, of its results and of what this prints: en or id (default: the case's first)")
    add_user_option(start)
    start.add_argument("--json", action="store_true")
    start.set_defaults(handler=speaking(cmd_start))

    play = actions.add_parser(
        "play",
        help="play a user's role from choice numbers, waiting for hand-overs (asks for the password, or reads TIPCASE_PASSWORD); "
        "with no numbers, show where the role stands",
        description=(
            "With neither --choose nor --next: show where the role stands, as its workstation does (the briefing until the "
            "first decision, the inbox, the case file, the stage and its choices numbered as --next takes them); nothing is "
            "decided and no password is asked for. With numbers: sign in as the user and decide them, waiting for the "
            "hand-overs the role needs."
        ),
    )
    play.add_argument("--session", required=True, metavar="NAME")
    play.add_argument("--user", required=True, metavar="USERNAME")
    route = play.add_mutually_exclusive_group()
    route.add_argument(
        "--choose",
        metavar="N,N,...",
        help="the role's whole route from its start: numbers among the choices offered at each stage (run it again after a crash)",
    )
    route.add_argument("--next", metavar="N,N,...", help="only the role's next choices, from where it stands now")
    play.add_argument(
        "--at",
        type=int,
        metavar="STEP",
        help="with --next: the decision number its first choice answers, as the role's stage showed it; refused, "
        "deciding nothing, when the role has already taken it (another trainee at the role decided first)",
    )
    play.add_argument("--role", metavar="ROLE", help="which role, when the user plays several")
    play.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"longest wait for each hand-over (default {DEFAULT_TIMEOUT:g})",
    )
    _lang(play)
    play.add_argument("--json", action="store_true", help="print the role's result as JSON")
    play.set_defaults(handler=speaking(cmd_play, session_language))

    listing = actions.add_parser("list", help="the sessions, newest first: name, case, status, language, roles filled, created")
    listing.add_argument("--archived", action="store_true", help="list the archived sessions too")
    listing.add_argument("--json", action="store_true", help="print them as JSON (the same in every language)")
    add_user_option(listing)
    _lang(listing, help="the language to say it in: en or id (default: en)")
    listing.set_defaults(handler=speaking(cmd_list))

    for name, handler, what in (
        ("report", cmd_report, "each role's result and the team's"),
        ("status", cmd_status, "every role's position, clock and inbox"),
        ("log", cmd_log, "the master log of everything that happened"),
    ):
        reader = actions.add_parser(name, help=what)
        reader.add_argument("--session", required=True, metavar="NAME")
        reader.add_argument("--json", action="store_true", help="print it as JSON (the same in every language)")
        add_user_option(reader)
        reader.set_defaults(handler=speaking(handler, session_language))
        if name == "report":
            reader.add_argument("--pdf", metavar="FILE", help="also write the after-action report (PDF) to FILE")
            _lang(reader, "--lang", "--language", help=LANG_HELP + "; the after-action report's too")
        else:
            _lang(reader)
    for name, what in (
        ("pause", "pause a running session"),
        ("resume", "resume a paused session"),
        ("end", "end a session (read-only then)"),
    ):
        control = actions.add_parser(name, help=what)
        control.add_argument("--session", required=True, metavar="NAME")
        add_user_option(control)
        _lang(control)
        control.set_defaults(handler=speaking(cmd_control, session_language), action=name)

    inject = actions.add_parser("inject", help="fire an inject by hand, send a message with --text, or --list the injects")
    inject.add_argument("--session", required=True, metavar="NAME")
    inject.add_argument("inject", nargs="?", metavar="INJECT-ID")
    inject.add_argument("--text", metavar="TEXT", help="an ad-hoc message (no effects) instead of an inject")
    inject.add_argument(
        "--to",
        action="append",
        metavar="ROLE",
        help="only to this role (repeatable, or a,b; default: the roles the inject has not reached yet, a message every role)",
    )
    inject.add_argument(
        "--list", action="store_true", help="list the injects: whom each goes to, when it fires (in words) and whom it has fired for"
    )
    inject.add_argument("--json", action="store_true", help="with --list: the list as JSON")
    add_user_option(inject)
    _lang(inject)
    inject.set_defaults(handler=speaking(cmd_inject, session_language))

    for name, what in (
        ("archive", "put an ended session away from the sessions lists (its record, log and report stay whole and readable)"),
        ("unarchive", "list an archived session again"),
    ):
        shelf = actions.add_parser(name, help=what, description=what + "; by the trainer who created it, or an administrator")
        shelf.add_argument("--session", required=True, metavar="NAME")
        add_user_option(shelf)
        _lang(shelf)
        shelf.set_defaults(handler=speaking(cmd_archive, session_language), archived=name == "archive")


def session_language(args: argparse.Namespace) -> str | None:
    """The language of the session ``--session`` names (None when there is none, or it cannot be read): for a refusal."""
    try:
        with database(args) as db, db.reading() as session:
            return exercises.get_session(session, args.session).language
    except Exception:  # noqa: BLE001 - a refusal is said whatever stops this: then in English
        return None


def _assignments(raw: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for chunk in raw:
        for item in chunk.split(","):
            role, sep, user = item.strip().partition("=")
            if not sep or not role.strip() or not user.strip():
                raise UsageError(
                    Message(
                        QT_TRANSLATE_NOOP("core", "--assign takes ROLE=USER pairs separated by commas (got {item!r})"), item=item.strip()
                    )
                )
            pairs.append((role.strip(), user.strip().lower()))
    return pairs


def cmd_start(args: argparse.Namespace) -> int:
    """``tipcase exercise start FILE --session NAME --assign ROLE=USER``: publish the team case, create the session, assign and start it.

    Prints the roles and their players (JSON with --json); exit 2 for a malformed --assign.
    """
    pairs = _assignments(args.assign)
    input_file(args.file)
    with database(args) as db:
        refused = signed_in(db, args, via="cli exercise start")
        if refused is not None:
            return refused
        with db.transaction() as session:
            state, (team_id, number, title) = _start(args, session, pairs)
    if args.json:
        print_json(state)
    else:
        roles = ", ".join(f"{role}={'+'.join(found['users'])}" for role, found in state["roles"].items())
        started = QT_TRANSLATE_NOOP("core", "session {session} started: “{title}” ({team} v{version}); {roles}")
        print(line(args.speaking, started, session=args.session, title=title, team=team_id, version=number, roles=roles))
    return EXIT_OK


def _start(args: argparse.Namespace, session: Session, pairs: list[tuple[str, str]]) -> tuple[dict[str, Any], tuple[str, int, str]]:
    """:func:`cmd_start`'s work in one transaction, as ``--user`` (or the operator): the session's status, the case version, its title."""
    me = acting(session, args)
    exercise_access.may_direct(me)  # a trainee is told they may not run a team exercise, not "publish scenarios" (walk F, 23)
    exercise_access.session_name(args.session)  # a name refused before the case is published
    version = team_cases.publish_team_file(session, me, args.file)
    exercise = exercises.create_session(session, me, version, args.session, language=args.lang)
    speak_as(args, exercise.language)
    for role, username in pairs:
        exercises.assign(session, me, exercise, role, accounts.get_user(session, username))
    exercises.start(session, me, exercise)
    state = exercises.status(session, me, exercise)
    team = team_cases.playable_team(version).team
    return state, (version.team_id, version.version, case_text(team, args.speaking)(team.title))


DONE = {
    "pause": QT_TRANSLATE_NOOP("core", "session {session}: paused"),
    "resume": QT_TRANSLATE_NOOP("core", "session {session}: resumed"),
}


def cmd_control(args: argparse.Namespace) -> int:
    """``tipcase exercise pause|resume|end --session NAME``: direct the session (audited); ServiceError when its status forbids it.

    ``end`` also says the team's result as the session ended (its percent and whether it passed).
    """
    act = {"pause": exercises.pause, "resume": exercises.resume, "end": exercises.end}[args.action]
    with database(args) as db:
        refused = signed_in_to_session(db, args, via=f"cli exercise {args.action}")
        if refused is not None:
            return refused
        with db.transaction() as session:
            me = acting(session, args)
            exercise = act(session, me, exercises.get_session(session, args.session))
            team = exercises.report(session, me, exercise)["team"] if args.action == "end" else None
    if team is None:
        print(line(args.speaking, DONE[args.action], session=args.session))
    else:  # the team's result as it stands, as the master log's last line and the report say it
        scored = (
            QT_TRANSLATE_NOOP("core", "session {session}: ended; team {percent}%, passed")
            if team["passed"]
            else QT_TRANSLATE_NOOP("core", "session {session}: ended; team {percent}%, not passed")
        )
        print(line(args.speaking, scored, session=args.session, percent=figure(team["total_percent"], args.speaking)))
    return EXIT_OK


def cmd_inject(args: argparse.Namespace) -> int:
    """``tipcase exercise inject``: fire a named inject, or send a --text message, to every role or the --to roles.

    Says the inject by its title and the roles it reached (by their ids, as ``--to`` takes them). Exit 2 unless
    exactly one of an inject and --text is given.
    """
    if args.list:
        return cmd_inject_list(args)
    if (args.inject is None) == (args.text is None):
        raise UsageError(Message(QT_TRANSLATE_NOOP("core", "name an inject to fire, or give --text for a message (not both)")))
    to = [role.strip() for chunk in args.to or [] for role in chunk.split(",") if role.strip()] or None
    with database(args) as db:
        refused = signed_in_to_session(db, args, via="cli exercise inject")
        if refused is not None:
            return refused
        with db.transaction() as session:
            exercise, me = exercises.get_session(session, args.session), acting(session, args)
            if args.inject is not None:
                before = exercises.newest_event(session, exercise)
                exercises.fire_inject(session, me, exercise, args.inject, to)
                after = exercises.events(session, me, exercise, before)
                fired = [event.role for event in after if event.kind == "inject" and event.details.get("inject") == args.inject]
                team = team_cases.playable_team(exercise.team_case_version).team
                title = inject_title(team, args.inject, case_text(team, args.speaking))
            else:  # it reaches only the roles still playing (walk G finding 20): say which, when not every role
                before = exercises.newest_event(session, exercise)
                exercises.send_message(session, me, exercise, args.text, to)
                after = exercises.events(session, me, exercise, before)
                reached = [role for event in after if event.kind == "message" for role in event.details.get("to", [])]
                every = len(team_cases.playable_team(exercise.team_case_version).team.roles)
                to = reached if len(set(reached)) < every else []
    if args.inject is not None:
        fired_for = QT_TRANSLATE_NOOP("core", "session {session}: inject “{inject}” fired for {roles}")
        roles = ", ".join(dict.fromkeys(role for role in fired if role))
        done = line(args.speaking, fired_for, session=args.session, inject=title, roles=roles)
    elif to:
        done = line(
            args.speaking,
            QT_TRANSLATE_NOOP("core", "session {session}: message sent to {roles}"),
            session=args.session,
            roles=", ".join(to),
        )
    else:
        done = line(args.speaking, QT_TRANSLATE_NOOP("core", "session {session}: message sent to every role"), session=args.session)
    print(done)
    return EXIT_OK


ARCHIVED = {  # (archived, whether it changed) -> what is said
    (True, True): QT_TRANSLATE_NOOP("core", "session {session}: archived (Show archived lists it; unarchive brings it back)"),
    (True, False): QT_TRANSLATE_NOOP("core", "session {session}: already archived"),
    (False, True): QT_TRANSLATE_NOOP("core", "session {session}: unarchived (listed again)"),
    (False, False): QT_TRANSLATE_NOOP("core", "session {session}: was not archived"),
}


def cmd_archive(args: argparse.Namespace) -> int:
    """``tipcase exercise archive|unarchive --session NAME``: put an ended session away from the lists, or back (audited).

    Exit 1 (one line) when the session has not ended, or the acting person may not (``exercise_archive``).
    """
    with database(args) as db:
        refused = signed_in_to_session(db, args, via=f"cli exercise {'archive' if args.archived else 'unarchive'}")
        if refused is not None:
            return refused
        with db.transaction() as session:
            act = exercise_archive.archive if args.archived else exercise_archive.unarchive
            changed = act(session, acting(session, args), exercises.get_session(session, args.session))
    print(line(args.speaking, ARCHIVED[(args.archived, changed)], session=args.session))
    return EXIT_OK
