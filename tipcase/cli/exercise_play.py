"""``tipcase exercise play``: one user's role played from choice numbers (docs/team-exercises.md, "Command line").

Everything that can refuse the command is checked before the user's password is asked for and hashed
(argon2, the slow part of a sign-in) and before anything waits: the session, the user's role, whether the
session runs, and whether the numbers given agree with the decisions the role has made. A list that
contradicts them, or a paused session, is one line within the command's start-up, not after a sign-in
(``tests/test_exercise_play_cli.py`` holds the figure). Reading where a role stands needs no password: the
command line is the workstation's operator, who may read every session (``exercise status``); deciding
does, and is done as the signed-in user.

``--choose`` is the role's whole route from its start, so the same command can be run again after a crash
(the decisions made are checked against it and skipped); ``--next`` gives only what comes next, from where
the role stands, for a person at a terminal. A paused (or not yet started) session takes no decisions: the
command refuses at once (exit 5) instead of waiting for the trainer, and stops the same way if the session
is paused while it waits for a hand-over.
"""

from __future__ import annotations

import argparse
import sys
import time

from tipcase.cli.common import UsageError, print_json
from tipcase.cli.records_commands import EXIT_SIGN_IN, database, operator, password_of
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.services import accounts, exercise_log, exercises
from tipcase.services.errors import ServiceError, SignInError
from tipcase.services.signing_in import sign_in
from tipcase.services.team_cases import playable_team
from tipcase.store.database import Database
from tipcase.store.notify import EventWatcher

EXIT_OK, EXIT_INCOMPLETE, EXIT_NOT_RUNNING = 0, 3, 5


class NotRunning(Exception):
    """The session is paused or not started: nothing is decided now (exit 5, one line)."""


def parse_numbers(raw: str, option: str) -> list[int]:
    """``"2,1,3"`` as ``[2, 1, 3]``; UsageError naming ``option`` for anything but positive whole numbers."""
    try:
        numbers = [int(part) for part in raw.replace(" ", "").split(",") if part != ""]
    except ValueError:
        raise UsageError(f"{option} takes numbers separated by commas, e.g. 2,1,3 (got {raw!r})") from None
    if not numbers:
        raise UsageError(f"{option} needs at least one number")
    if any(n < 1 for n in numbers):
        raise UsageError(f"{option} numbers start at 1")
    return numbers


def _role_of(db: Database, args: argparse.Namespace, username: str) -> tuple[int, str, dict[str, str]]:
    """The session's id, the role ``username`` plays in it (``--role`` when several) and each hand-over's sender; refusals as one line."""
    with db.reading() as session:
        exercise = exercises.get_session(session, args.session)
        roles = exercises.roles_of(session, accounts.get_user(session, username), exercise)
        team = playable_team(exercise.team_case_version).team
        senders = {ident: handover.sender for ident, handover in team.handovers.items()}
        if args.role is not None:
            if args.role not in roles:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("core", "{username} is not assigned to role {role!r} in exercise {session!r}"),
                    username=username,
                    role=args.role,
                    session=args.session,
                )
            return exercise.id, args.role, senders
        if not roles:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{username} is not assigned to any role in exercise {session!r}"),
                username=username,
                session=args.session,
            )
        if len(roles) > 1:
            raise UsageError(f"{username} plays {', '.join(roles)} in exercise {args.session!r}: say which with --role")
        return exercise.id, roles[0], senders


def _view(db: Database, name: str, role: str) -> exercises.RoleView:
    """Where ``role`` stands now, read as the operator (no password: see the module's docstring)."""
    with db.reading() as session:
        return exercises.role_view(session, operator(), exercises.get_session(session, name), role)


def _not_running(view: exercises.RoleView) -> str | None:
    """Why the session takes no decision now (paused, not started), as the end of a line; None while it runs or has ended."""
    if view.status == exercises.PAUSED_STATUS:
        return f"exercise {view.session_name!r} is paused: no decision is taken until the trainer resumes it"
    if view.status == exercises.DRAFT:
        return f"exercise {view.session_name!r} has not started yet: no decision is taken until the trainer starts it"
    return None


def _check_route(view: exercises.RoleView, route: list[int], *, given: str) -> None:
    """UsageError unless ``route`` (the whole route asked for) begins with the decisions the role has made.

    ``given`` says what the user wrote: ``"choose"`` (the whole route) or ``"next"`` (decisions made by
    someone else at the role since this command began).
    """
    made = [decision.number for decision in view.play.decisions]
    if made == route[: len(made)]:
        return
    shown = ",".join(map(str, made))
    if given == "next":
        raise UsageError(
            f"role {view.role!r} moved on while this ran (another trainee at the role decided): its decisions are now {shown}; "
            "look at where it stands and give --next again"
        )
    rest = route[len(made) :] if len(route) > len(made) else route
    raise UsageError(
        f"role {view.role!r} has made {len(made)} decision{'s' if len(made) != 1 else ''} in exercise {view.session_name!r} ({shown}): "
        f"--choose is the whole route from the start and must begin {shown}; "
        f"to give only what comes next, use --next (e.g. --next {','.join(map(str, rest))})"
    )


def cmd_play(args: argparse.Namespace) -> int:
    """``tipcase exercise play --session NAME --user USER (--choose N,... | --next N,...)``: decide for the user's role.

    Waits (up to --timeout seconds for each) while the role waits for a hand-over, then prints the role's
    result. Exit 0 when the role's track ended, 3 when it did not (the numbers ran out, a wait timed out,
    the session ended), 5 when the session is paused or not started (nothing decided then), 4 when the
    sign-in is refused, 2 for numbers not offered or contradicting the decisions made, a bad --timeout or
    a user who plays several roles without --role, 1 for anything else refused.
    """
    given = "next" if args.next is not None else "choose"
    numbers = parse_numbers(args.next if given == "next" else args.choose, f"--{given}")
    if args.timeout < 0:
        raise UsageError("--timeout takes a number of seconds >= 0")
    username = args.user.strip().lower()
    with database(args) as db:
        exercise_id, role, senders = _role_of(db, args, username)
        view = _view(db, args.session, role)  # every refusal below comes before the password and any wait
        route = [decision.number for decision in view.play.decisions] + numbers if given == "next" else numbers
        _check_route(view, route, given="choose")
        refusal = _not_running(view)
        if refusal is not None:
            print(f"tipcase: error: {refusal}", file=sys.stderr)
            return EXIT_NOT_RUNNING
        try:  # a failed sign-in is committed too: it is audited and counts towards the lockout
            sign_in(db, username, password_of(username), via="cli exercise play")
        except SignInError as exc:
            print(f"tipcase: error: --user {username}: {exc}", file=sys.stderr)
            return EXIT_SIGN_IN
        try:
            with EventWatcher(db, exercise_id) as watcher:
                outcome = _play_role(db, watcher, args, username=username, role=role, route=route, given=given, senders=senders)
        except NotRunning as stopped:
            print(f"tipcase: error: {stopped}", file=sys.stderr)
            return EXIT_NOT_RUNNING
        with db.reading() as session:
            user = accounts.get_user(session, username)
            result = exercises.role_result(session, user, exercises.get_session(session, args.session), role)
    if args.json:
        print_json({"session": args.session, "user": username, **result})
    else:
        verdict = "complete" if result["complete"] else "not finished"
        route_text = " -> ".join(result["route"])
        print(f"{role}: {verdict}, {result['total_percent']}% ({result['total']} of {result['max_total']}), route {route_text}")
    if outcome:
        print(f"tipcase: {outcome}", file=sys.stderr)
    return EXIT_OK if result["complete"] else EXIT_INCOMPLETE


def _play_role(
    db: Database,
    watcher: EventWatcher,
    args: argparse.Namespace,
    *,
    username: str,
    role: str,
    route: list[int],
    given: str,
    senders: dict[str, str],
) -> str:
    """Decide the route's numbers from where the role stands; returns why it stopped early ('' when done or at an end).

    Raises NotRunning when the session is paused (or back to a draft) before the route is done.
    """
    said = ""
    while True:
        view = _view(db, args.session, role)
        _check_route(view, route, given=given)
        made = len(view.play.decisions)
        if view.finished or made >= len(route):
            return ""
        if view.status == exercises.ENDED_STATUS:
            return f"exercise {args.session!r} has ended"
        refusal = _not_running(view)
        if refusal is not None:
            raise NotRunning(f"{refusal}; role {role!r} stands at decision {view.step} ('{view.play.stage.id}')")
        if view.waits_for is not None:
            sender = senders.get(view.waits_for)
            what = f"hand-over '{view.waits_for}'" + (f" from {sender}" if sender else "")
            if not args.json and what != said:
                print(f"{role}: waiting for {what} (at most {args.timeout:g} s)...", flush=True)
            said = what
            started = time.monotonic()
            if not _wait_for_own(db, watcher, role, view.last_seq, args.timeout):
                return f"timed out after {time.monotonic() - started:.0f} s waiting for {what}"
            continue
        number = route[made]
        try:
            with db.transaction() as session:
                user = accounts.get_user(session, username)
                exercise = exercises.get_session(session, args.session)
                exercises.decide(session, user, exercise, role, number, step=view.step, stage=view.play.stage.id, position=view.position)
        except (exercises.StaleTeamDecision, exercises.SessionNotRunning):
            continue  # another trainee at the role, an arrival or a pause came first: look again
        except ServiceError as exc:
            if "not offered" in str(exc):
                raise UsageError(str(exc)) from None
            raise
        if not args.json:
            label = view.offered()[number - 1].choice.label.get(view.play.language, view.play.scenario.languages)
            print(f"{role}: decision {view.step} at '{view.play.stage.id}': {number}) {label}", flush=True)


def _wait_for_own(db: Database, watcher: EventWatcher, role: str, after: int, timeout: float) -> bool:
    """Wait until an event after ``after`` concerns ``role`` (``exercise_log.concerns_role``); False after ``timeout`` seconds.

    Every event of the session wakes every workstation; asking with one query whether it concerns this
    role keeps the wakes for other roles cheap, so a busy exercise does not slow the role the file is for.
    A pause concerns every role: the wait ends and the command stops, saying so.
    """
    deadline = time.monotonic() + timeout
    seen = after
    while True:
        newest = watcher.wait(seen, max(0.0, deadline - time.monotonic()))
        if newest <= seen:
            return False
        with db.reading() as session:
            if exercise_log.concerns_role(session, watcher.session_id, role, seen, newest):
                return True
        seen = newest
