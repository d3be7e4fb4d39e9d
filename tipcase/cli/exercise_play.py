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
is paused while it waits for a hand-over. With neither, it shows where the role stands, as the role's
workstation does (``tipcase.cli.exercise_stage``). What it prints is in the app's words: the stage by its
title (after the word "stage", never after a preposition: titles often begin with one), the hand-over waited
for by its title and its sender's role, what reaches the role as the workstation announces it (a hand-over with
its sender and what the sender recorded), the route by its stages' titles; the role's score only once the
session has ended (the joint debrief rates the decisions, never during play).
"""

from __future__ import annotations

import argparse
import functools
import math
import shlex
import sys
import time
from collections.abc import Callable
from typing import Any

from tipcase.cli.common import UsageError, print_json
from tipcase.cli.exercise_route import check_route, listed, not_running, nothing_left, parse_numbers
from tipcase.cli.exercise_stage import arrival_lines, stage_lines
from tipcase.cli.records_commands import EXIT_SIGN_IN, database, operator, password_of
from tipcase.cli.spoken import figure, line, refuse, speak_as
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.play.scoring import number as whole
from tipcase.services import accounts, exercise_log, exercise_presence, exercise_stale, exercises
from tipcase.services.errors import ServiceError, SignInError
from tipcase.services.exercise_presence import BEACON_SECONDS
from tipcase.services.signing_in import sign_in
from tipcase.services.team_cases import playable_team
from tipcase.store.database import Database
from tipcase.store.notify import EventWatcher
from tipcase.team.log_words import case_text, handover_title, role_title, stage_title
from tipcase.team.model import TeamCase

EXIT_OK, EXIT_INCOMPLETE, EXIT_NOT_RUNNING, EXIT_NOTHING_LEFT = 0, 3, 5, 6


class NotRunning(Exception):
    """The session is paused or not started: nothing is decided now (exit 5, one line; its argument is the Message)."""


def _role_of(db: Database, args: argparse.Namespace, username: str) -> tuple[int, str, TeamCase]:
    """The session's id, the role ``username`` plays in it (``--role`` when several) and the team case; refusals as one line."""
    with db.reading() as session:
        exercise = exercises.get_session(session, args.session)
        speak_as(args, exercise.language)
        roles = exercises.roles_of(session, accounts.get_user(session, username), exercise)
        team = playable_team(exercise.team_case_version).team
        if args.role is not None:
            if args.role not in roles:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("core", "{username} is not assigned to role {role!r} in exercise {session!r}"),
                    username=username,
                    role=args.role,
                    session=args.session,
                )
            return exercise.id, args.role, team
        if not roles:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "{username} is not assigned to any role in exercise {session!r}"),
                username=username,
                session=args.session,
            )
        if len(roles) > 1:
            raise UsageError(
                Message(
                    QT_TRANSLATE_NOOP("core", "{username} plays {roles} in exercise {session!r}: say which with --role"),
                    username=username,
                    roles=", ".join(roles),
                    session=args.session,
                )
            )
        return exercise.id, roles[0], team


def _view(db: Database, name: str, role: str) -> exercises.RoleView:
    """Where ``role`` stands now, read as the operator (no password: see the module's docstring)."""
    with db.reading() as session:
        return exercises.role_view(session, operator(), exercises.get_session(session, name), role)


def cmd_play(args: argparse.Namespace) -> int:
    """``tipcase exercise play --session NAME --user USER [--choose N,... | --next N,...]``: decide for the user's role.

    With no numbers, prints where the role stands (``tipcase.cli.exercise_stage``) and decides nothing (exit 0,
    no password; once the session has ended, with the role's rated result and "has ended": exit 3).
    Else waits (up to --timeout seconds for each) while the role waits for a hand-over, then
    prints the stage the role stands at and its result (rated once the session has ended). Exit 0 when the
    role's track ended, 3 when it did not (the numbers ran out, a wait timed out) or the session has ended
    (numbers given to an ended session: said at once with the role's result, finished or not), 5 when the
    session is paused or not started (nothing decided then), 6 when the role had already reached its end and
    the numbers only add to its decisions (nothing decided: one line naming them), 4 when the sign-in is refused, 2 for numbers
    not offered or contradicting the decisions made, a bad --timeout or a user who plays several roles without
    --role, 1 for anything else refused.
    """
    given = "next" if args.next is not None else "choose" if args.choose is not None else None
    numbers = parse_numbers(args.next if given == "next" else args.choose, f"--{given}") if given is not None else []
    if math.isnan(args.timeout) or args.timeout < 0:  # NaN would compare false with every clock and end each wait at once
        raise UsageError(Message(QT_TRANSLATE_NOOP("core", "--timeout takes a number of seconds >= 0")))
    username = args.user.strip().lower()
    with database(args) as db:
        exercise_id, role, team = _role_of(db, args, username)
        view = _view(db, args.session, role)  # every refusal below comes before the password and any wait
        if given is None:  # no numbers: where the role stands, as its workstation shows it; nothing decided
            return _show(db, args, view, username=username, role=role, team=team)
        route = [decision.number for decision in view.play.decisions] + numbers if given == "next" else numbers
        if view.status == exercises.ENDED_STATUS:  # nothing more is decided: said at once with the role's result, exit 3
            outcome: Message | None = Message(QT_TRANSLATE_NOOP("core", "exercise {session!r} has ended"), session=args.session)
        else:
            answers = _answers(db, args, view, role) if given == "next" else None
            unused = nothing_left(view, route)
            if unused is not None:
                print(line(args.speaking, QT_TRANSLATE_NOOP("core", "tipcase: {outcome}"), outcome=unused), file=sys.stderr)
                return EXIT_NOTHING_LEFT
            check_route(view, route, given="choose")
            refusal = not_running(view)
            if refusal is not None:
                refuse(args.speaking, refusal)
                return EXIT_NOT_RUNNING
            try:  # a failed sign-in is committed too: it is audited and counts towards the lockout
                sign_in(db, username, password_of(username, args.speaking), via="cli exercise play")
            except SignInError as exc:
                signed = QT_TRANSLATE_NOOP("core", "--user {username}: {refusal}")
                refuse(args.speaking, Message(signed, username=username, refusal=exc))
                return EXIT_SIGN_IN
            _at_terminal(db, args.session, username, role)
            try:
                with EventWatcher(db, exercise_id) as watcher:
                    outcome = _play_role(
                        db, watcher, args, username=username, role=role, route=route, given=given, team=team, answers=answers
                    )
            except NotRunning as stopped:
                refuse(args.speaking, stopped.args[0])
                return EXIT_NOT_RUNNING
            finally:
                _at_terminal(db, args.session, username, role)  # the last word: counted as present for a while (a person reads)
        result = _result(db, args.session, role, team)
        if not args.json:
            view = _view(db, args.session, role)
            print("\n".join([*stage_lines(view, team, args.speaking, full=False), ""]))  # a blank line, then the result
    if args.json:
        print_json({"session": args.session, "user": username, **result})
    else:
        _say_result(args.speaking, team, result, rated=view.status == exercises.ENDED_STATUS)
        _say_next(args, view, username)
    if outcome is not None:
        print(line(args.speaking, QT_TRANSLATE_NOOP("core", "tipcase: {outcome}"), outcome=outcome), file=sys.stderr)
    if view.status == exercises.ENDED_STATUS:  # a script tells "the session is over" from "I finished" (walk F, finding 19)
        return EXIT_INCOMPLETE
    return EXIT_OK if result["complete"] else EXIT_INCOMPLETE


def _show(db: Database, args: argparse.Namespace, view: exercises.RoleView, *, username: str, role: str, team: TeamCase) -> int:
    """``play`` with no numbers: where the role stands, as its workstation shows it; nothing decided, no password.

    Exit 0 while the session has not ended. Once the trainer has ended it, the role's rated result follows the
    stage and "exercise ... has ended" is said on the error stream, exit 3, as for numbers given then (walk F,
    finding 19: it exited 0 without a word of the end, so a script could not tell).
    """
    ended = view.status == exercises.ENDED_STATUS
    result = _result(db, args.session, role, team)
    if args.json:
        print_json({"session": args.session, "user": username, **result})
    else:
        print("\n".join(stage_lines(view, team, args.speaking, full=True)))
        if ended:
            print()
            _say_result(args.speaking, team, result, rated=True)
        _say_next(args, view, username)
    if not ended:
        return EXIT_OK
    outcome = Message(QT_TRANSLATE_NOOP("core", "exercise {session!r} has ended"), session=args.session)
    print(line(args.speaking, QT_TRANSLATE_NOOP("core", "tipcase: {outcome}"), outcome=outcome), file=sys.stderr)
    return EXIT_INCOMPLETE


def _play_role(
    db: Database,
    watcher: EventWatcher,
    args: argparse.Namespace,
    *,
    username: str,
    role: str,
    route: list[int],
    given: str,
    team: TeamCase,
    answers: int | None = None,
) -> Message | None:
    """Decide the route's numbers from where the role stands; returns why it stopped early (None when done or at an end).

    ``answers``: with --next, the decision its first number answers; when someone else at the role takes that
    decision first (while the password was typed, say), StaleTeamDecision says who, and nothing is decided.
    Raises NotRunning when the session is paused (or back to a draft) before the route is done.
    """
    words = args.speaking
    waited_for = ""
    shown: int | None = None  # the inbox items said so far
    ours = 0  # decisions this command has recorded
    while True:
        view = _view(db, args.session, role)
        if answers is not None and len(view.play.decisions) >= answers + ours:
            _refuse_passed(db, args.session, role, answers + ours)
        shown = _say_arrivals(args, view, team, _fresh(view) if shown is None else shown)
        check_route(view, route, given=given)
        made = len(view.play.decisions)
        if view.finished or made >= len(route):
            return None
        if view.status == exercises.ENDED_STATUS:
            return Message(QT_TRANSLATE_NOOP("core", "exercise {session!r} has ended"), session=args.session)
        refusal = not_running(view)
        if refusal is not None:
            stands = QT_TRANSLATE_NOOP("core", "{refusal}; role {role!r} stands at decision {step}, stage “{stage}”")
            raise NotRunning(Message(stands, refusal=refusal, role=role, step=view.step, stage=_stage_title(team, view, words)))
        if view.waits_for is not None:
            handover = team.handovers.get(view.waits_for)
            what = Message(
                QT_TRANSLATE_NOOP("core", "the hand-over “{handover}” from {sender}"),
                handover=handover_title(team, view.waits_for, case_text(team, words)),
                sender=role_title(team, handover.sender if handover is not None else None, case_text(team, words), words),
            )
            if not args.json and what != waited_for:
                waiting = QT_TRANSLATE_NOOP("core", "{role}: waiting for {what} (at most {seconds} s)...")
                print(line(words, waiting, role=role, what=what, seconds=figure(args.timeout, words, "g")), flush=True)
            waited_for = what
            started = time.monotonic()
            here = functools.partial(_at_terminal, db, args.session, username, role)
            if not _wait_for_own(db, watcher, role, view.last_seq, args.timeout, here=here):
                timed_out = QT_TRANSLATE_NOOP("core", "timed out after {seconds} s waiting for {what}")
                return Message(timed_out, seconds=f"{time.monotonic() - started:.0f}", what=what)
            continue
        try:
            decided = _decide_stretch(db, args.session, username, view, route)
        except (exercises.StaleTeamDecision, exercises.SessionNotRunning):
            continue  # another trainee at the role, an arrival or a pause came first: look again (a --next step taken is refused above)
        except ServiceError as exc:
            if "not offered" in str(exc):
                raise UsageError(exc) from None
            raise
        ours += len(decided)
        for before, number in decided:
            shown = _say_arrivals(args, before, team, shown)
            if not args.json:
                label = before.offered()[number - 1].choice.label.get(words, before.play.scenario.languages)
                said_line = QT_TRANSLATE_NOOP("core", "{role}: decision {step}, stage “{stage}”: {number}) {label}")
                stage = _stage_title(team, before, words)
                print(line(words, said_line, role=role, step=before.step, stage=stage, number=number, label=label), flush=True)


def _answers(db: Database, args: argparse.Namespace, view: exercises.RoleView, role: str) -> int:
    """The decision --next's first number answers: --at, else where the role stood when the command read it.

    Raises StaleTeamDecision (who took it, at which stage) when the role has already taken decision --at,
    UsageError when the role has not reached it.
    """
    if args.at is None:
        return view.step
    if args.at < view.step:
        _refuse_passed(db, args.session, role, args.at)
    if args.at > view.step:
        ahead = QT_TRANSLATE_NOOP("core", "--at {at}: role {role!r} stands at decision {step}, so decision {at} is not yet to be taken")
        raise UsageError(Message(ahead, at=args.at, role=role, step=view.step))
    return int(args.at)


def _refuse_passed(db: Database, name: str, role: str, step: int) -> None:
    """Raise the service's StaleTeamDecision for ``step`` when ``role`` has already taken it (who, at which stage)."""
    with db.reading() as session:
        line = exercise_stale.passed_step(session, exercises.get_session(session, name), role, step)
    if line is not None:
        raise exercises.StaleTeamDecision.carrying(line)


def _decide_stretch(
    db: Database, name: str, username: str, view: exercises.RoleView, route: list[int]
) -> list[tuple[exercises.RoleView, int]]:
    """Decide the route's next numbers up to the role's next wait (or end) in one transaction: all of them or none.

    A number not offered at any stage of the stretch refuses the whole stretch (ServiceError, nothing
    recorded), so a typo such as ``--choose 2,9`` does not leave the role half-played. The stages after a
    hand-over depend on what arrives, so their numbers are checked when the role gets there. Returns each
    decision with the view it was taken from (to say it).
    """
    decided: list[tuple[exercises.RoleView, int]] = []
    with db.transaction() as session:
        user = accounts.get_user(session, username)
        exercise = exercises.get_session(session, name)
        while not view.finished and view.waits_for is None and len(view.play.decisions) < len(route):
            number = route[len(view.play.decisions)]
            step, stage, position = view.step, view.play.stage.id, view.position
            after = exercises.decide(session, user, exercise, view.role, number, step=step, stage=stage, position=position)
            decided.append((view, number))
            view = after
        if view.finished and len(view.play.decisions) < len(route):  # all or none: the rolled back stretch records nothing
            over = QT_TRANSLATE_NOOP(
                "core",
                "role {role!r} reaches its end at decision {step}: the numbers after it ({rest}) are more than its route takes; "
                "nothing was recorded",
            )
            made = len(view.play.decisions)
            raise UsageError(Message(over, role=view.role, step=made, rest=listed(route[made:])))
    return decided


def _at_terminal(db: Database, name: str, username: str, role: str) -> None:
    """Tell the records that ``username`` plays ``role`` at a terminal now (``exercise_presence.terminal``).

    A courtesy to the control room, not evidence: a fault here (a busy database) never stops the play.
    """
    try:
        with db.transaction() as session:
            exercise_presence.terminal(session, accounts.get_user(session, username), exercises.get_session(session, name), role)
    except Exception:  # noqa: BLE001 - presence is not evidence; the decisions and the log are what must not fail
        return


def _wait_for_own(db: Database, watcher: EventWatcher, role: str, after: int, timeout: float, *, here: Callable[[], None]) -> bool:
    """Wait until an event after ``after`` concerns ``role`` (``exercise_log.concerns_role``); False after ``timeout`` seconds.

    Every event of the session wakes every workstation; asking with one query whether it concerns this
    role keeps the wakes for other roles cheap, so a busy exercise does not slow the role the file is for.
    A pause concerns every role: the wait ends and the command stops, saying so. ``here`` is called every
    ``BEACON_SECONDS`` of the wait (the terminal's presence).
    """
    deadline = time.monotonic() + timeout
    seen = after
    while True:
        left = max(0.0, deadline - time.monotonic())
        newest = watcher.wait(seen, min(left, BEACON_SECONDS))
        if newest <= seen:
            if left <= BEACON_SECONDS:
                return False
            here()  # still waiting at the role: the control room keeps it as present (walk F, finding 22)
            continue
        with db.reading() as session:
            if exercise_log.concerns_role(session, watcher.session_id, role, seen, newest):
                return True
        seen = newest


def _fresh(view: exercises.RoleView) -> int:
    """Where in the inbox ``play`` starts saying what arrived: at what came since the role's last decision.

    What arrived before it, the role decided on already (and ``play`` without numbers shows the whole inbox);
    what came since (the hand-over taken at the stage it stands at, an event, a trainer's message) ``play`` says
    before its first decision, as the workstation shows it beside the choices.
    """
    made = len(view.play.decisions)
    return next((index for index, item in enumerate(view.inbox) if item.after >= made), len(view.inbox))


def _say_arrivals(args: argparse.Namespace, view: exercises.RoleView, team: TeamCase, shown: int) -> int:
    """Print the inbox items of ``view`` from ``shown`` on (not with --json); returns how many are said now."""
    if not args.json:
        for item in view.inbox[shown:]:
            print("\n".join(arrival_lines(item, team, args.speaking, prefix=f"{view.role}: ")), flush=True)
    return max(shown, len(view.inbox))


def _received(view: exercises.RoleView, team: TeamCase) -> list[dict[str, Any]]:
    """The hand-overs the role took, for --json: each with its sender, case clock, carried values and what was recorded.

    ``recorded`` in English (the case's own English, else its first language), as the master log's ``text``.
    """
    received = []
    for item in view.inbox:
        handover = team.handovers.get(item.ident) if item.kind == "handover" else None
        if handover is None:
            continue
        recorded = [note.get("en", team.languages) for note in handover.recorded_for(dict(item.carried))]
        received.append(
            {
                "handover": item.ident,
                "number": item.number,
                "from": handover.sender,
                "clock": whole(item.clock),
                "carried": dict(item.carried),
                "recorded": recorded,
            }
        )
    return received


def _stage_title(team: TeamCase, view: exercises.RoleView, language: str) -> str:
    """The title of the stage the role stands at, in ``language`` (its id when untitled), as the master log names it."""
    return stage_title(team, view.role, view.play.stage.id, case_text(team, language))


def _result(db: Database, name: str, role: str, team: TeamCase) -> dict[str, Any]:
    """The role's result as ``tipcase play --json`` gives it, and the hand-overs it took (``received``), read as the operator."""
    with db.reading() as session:
        exercise = exercises.get_session(session, name)
        result = exercises.role_result(session, operator(), exercise, role)
        view = exercises.role_view(session, operator(), exercise, role)
    return result | {"received": _received(view, team)}


def _say_result(language: str, team: TeamCase, result: dict[str, Any], *, rated: bool) -> None:
    """The last line: whether the role reached an end, its route (stage titles); its score once the session has ended.

    While the session runs the decisions are not rated to those who play, as on the workstation: the joint
    debrief rates them once the trainer ends the session.
    """
    role, text = result["role"], case_text(team, language)
    route = " -> ".join(f"“{stage_title(team, role, stage, text)}”" for stage in result["route"])
    if not rated:
        done = (
            QT_TRANSLATE_NOOP("core", "{role}: reached its end, route {route}")
            if result["complete"]
            else QT_TRANSLATE_NOOP("core", "{role}: not finished, route {route}")
        )
        print(line(language, done, role=role, route=route))
        return
    ended = (
        QT_TRANSLATE_NOOP("core", "{role}: reached its end, {percent}% ({total} of {max}), route {route}")
        if result["complete"]
        else QT_TRANSLATE_NOOP("core", "{role}: not finished, {percent}% ({total} of {max}), route {route}")
    )
    score = {"percent": figure(result["total_percent"], language), "total": result["total"], "max": result["max_total"]}
    print(line(language, ended, role=role, route=route, **score))


def _say_next(args: argparse.Namespace, view: exercises.RoleView, username: str) -> None:
    """How to go on from the terminal, while the role has choices to make and the session runs."""
    if view.finished or view.status != exercises.RUNNING:
        return
    if view.waits_for is not None:
        again = QT_TRANSLATE_NOOP("core", "Look again once it has arrived: tipcase exercise play --session {session} --user {user}")
    else:
        # --at names the decision shown, so a number typed after another trainee at the role took it is refused with who did,
        # never recorded on a stage this person never saw (walk H finding 1)
        again = QT_TRANSLATE_NOOP("core", "Your next choice: tipcase exercise play --session {session} --user {user} --at {step} --next N")
    said = line(args.speaking, again, session=shlex.quote(args.session), user=username, step=view.step)
    print("\n" + said + _kept_options(args))


def _kept_options(args: argparse.Namespace) -> str:
    """The options of this command a suggested command must keep: ``--role`` and ``--lang`` as typed (walk F, finding 15).

    Following a suggestion that dropped ``--lang id`` switched the trainee of an English session to English.
    """
    kept = [("--role", args.role), ("--lang", args.lang)]
    return "".join(f" {option} {shlex.quote(value)}" for option, value in kept if value is not None)
