"""``tipcase exercise report``, ``status`` and ``log``: a session read by its operator or ``--user``, in its words.

Without ``--user`` the workstation's operator reads; with it, the person signed in, under the services' rules
(``tipcase.cli.acting``: a trainee is refused the ratings during play, the master log always).

Each prints in the language of ``--lang`` (``en`` or ``id``), else the session's (``tipcase.cli.spoken``): the
lines, the case's own names (roles by their ids, which ``--role`` and ``--to`` take) and the figures (``82,5``
in Bahasa Indonesia). ``--json`` is the same whatever the language: its keys, codes and ids are fixed, and
the master log's ``text`` is in English (the case's own English names when it is written in English), so a
script reads one form.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tipcase.cli.acting import acting, signed_in_to_session
from tipcase.cli.common import UsageError, print_json
from tipcase.cli.records_commands import database
from tipcase.cli.spoken import figure, line, said, speak_as
from tipcase.messages import QT_TRANSLATE_NOOP, Message, one_or_many
from tipcase.services import exercise_archive, exercises
from tipcase.services.debrief_access import debrief_closed, follows_from_the_start
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.services.exercise_access import may_read
from tipcase.services.exercise_log import who
from tipcase.services.team_cases import PlayableTeam, playable_team
from tipcase.store.models import User
from tipcase.team.log_words import case_text, event_sentence, handover_title, stage_title

EXIT_OK = 0


def cmd_report(args: argparse.Namespace) -> int:
    """``tipcase exercise report --session NAME``: the team's and each role's result and the rules broken (JSON with --json).

    With --pdf FILE also the after-action report, in --lang (default the session's language). Exit 0; 2 for a FILE
    not named *.pdf.
    """
    with database(args) as db:
        refused = signed_in_to_session(db, args, via="cli exercise report")
        if refused is not None:
            return refused
        with db.reading() as session:
            return _report(args, session)


def _report(args: argparse.Namespace, session: Session) -> int:
    """:func:`cmd_report` once signed in: read and say the report as ``--user`` (or the operator) may."""
    exercise = exercises.get_session(session, args.session)
    speak_as(args, exercise.language)
    words = args.speaking
    me = acting(session, args)
    may_read(session, me, exercise)  # one who takes no part is refused as such first
    if not follows_from_the_start(me.role) and debrief_closed(exercise.status, role=me.role) is not None:
        raise PermissionDenied(  # a trainee during play, in the command line's words (walk H 27: the app's button sentence)
            QT_TRANSLATE_NOOP("core", "the report of exercise {session!r} opens to you once the trainer ends the session"),
            session=exercise.name,
        )
    report = exercises.report(session, me, exercise)
    playable = playable_team(exercise.team_case_version)
    if args.pdf is not None:
        target = Path(args.pdf)
        if target.suffix.lower() != ".pdf":
            raise UsageError(
                Message(QT_TRANSLATE_NOOP("core", "--pdf {pdf}: the after-action report is a PDF; name the file *.pdf"), pdf=args.pdf)
            )
        from tipcase.services import exercise_debrief  # noqa: PLC0415 - reportlab only for --pdf

        try:
            exercise_debrief.write_report_pdf(session, me, exercise, target, language=args.lang)
        except OSError as exc:
            raise ServiceError(
                QT_TRANSLATE_NOOP("core", "--pdf {pdf}: cannot write it: {reason}"), pdf=args.pdf, reason=exc.strerror or exc
            ) from None
        if not args.json:
            print(line(words, QT_TRANSLATE_NOOP("core", "after-action report written to {path}"), path=target))
    if args.json:
        print_json(report)
        return EXIT_OK
    team = report["team"]
    ended = report["status"] == exercises.ENDED_STATUS  # while it runs: where the team stands, no verdict (walk H finding 22)
    if not ended:
        verdict = QT_TRANSLATE_NOOP("core", "{session} ({status}): {team} v{version}: team {percent}% so far")
    elif team["passed"]:
        verdict = QT_TRANSLATE_NOOP("core", "{session} ({status}): {team} v{version}: team {percent}%, passed")
    else:
        verdict = QT_TRANSLATE_NOOP("core", "{session} ({status}): {team} v{version}: team {percent}%, not passed")
    print(
        line(
            words,
            verdict,
            session=report["session"],
            status=Message(report["status"]),
            team=report["team_case"],
            version=report["version"],
            percent=figure(team["total_percent"], words),
        )
    )
    for role, result in report["roles"].items():
        score = {"role": role, "percent": figure(result["total_percent"], words), "total": result["total"], "max": result["max_total"]}
        if result["complete"]:
            print("  " + line(words, QT_TRANSLATE_NOOP("core", "{role}: {percent}% ({total} of {max}), reached its end"), **score))
        else:
            stage = stage_title(playable.team, role, result["route"][-1], case_text(playable.team, words))
            stands = (
                QT_TRANSLATE_NOOP("core", "{role}: {percent}% ({total} of {max}), not finished, stage “{stage}”")
                if ended
                else QT_TRANSLATE_NOOP("core", "{role}: {percent}% ({total} of {max}) so far, not at its end yet, stage “{stage}”")
            )
            print("  " + line(words, stands, stage=stage, **score))
    for said_line in _findings(team, playable, words):
        print("  " + said_line)
    return EXIT_OK


def _findings(team: dict[str, Any], playable: PlayableTeam, words: str) -> list[str]:
    """The report's lines on what the team broke, in ``words`` (a language), named as the joint debrief names them.

    A rule by its title (and id), a competency, a hand-over and a stage by their titles in the case; a role by
    its id, as ``--role`` and ``status`` name it.
    """
    case = playable.team
    text = case_text(case, words)
    rules = {rule.id: rule for rule in (playable.pathway.rules if playable.pathway is not None else [])}

    def rule_name(ident: str) -> str:
        rule = rules.get(ident)
        title = text(rule.title) if rule is not None and rule.title is not None else ident
        return ident if title == ident else f"{title} ({ident})"

    def competency(ident: str | None) -> str:
        found = case.competencies.get(ident or "")
        return text(found.title) if found is not None and found.title is not None else str(ident or "")

    lines = []
    for violation in team["rule_violations"]:
        lines.append(
            line(
                words,
                QT_TRANSLATE_NOOP("core", "rule broken: {rule}, {points} {competency}: {role}, stage “{stage}”"),
                rule=rule_name(str(violation.get("rule"))),
                points=violation.get("points"),
                competency=competency(violation.get("competency")),
                role=violation.get("role"),
                stage=stage_title(case, violation.get("role"), violation.get("stage"), text),
            )
        )
    for item in team["incomplete_handovers"]:
        incomplete = QT_TRANSLATE_NOOP("core", "incomplete hand-over: “{handover}” #{number} from {sender} ({points} {competency})")
        title = handover_title(case, item["handover"], text)
        fields = {"number": item["number"], "points": item["points"], "competency": competency(item["competency"])}
        lines.append(line(words, incomplete, handover=title, sender=item["from"], **fields))
    for item in team["undelivered"]:
        never = QT_TRANSLATE_NOOP("core", "hand-over never taken: “{handover}” #{number} from {sender} to {receiver}")
        title = handover_title(case, item["handover"], text)
        lines.append(line(words, never, handover=title, number=item["number"], sender=item["from"], receiver=item["to"]))
    for error in team["critical_errors"]:
        critical = QT_TRANSLATE_NOOP("core", "critical error: {role}, stage “{stage}”: {text}")
        stage = stage_title(case, error.get("role"), error.get("stage"), text)
        lines.append(line(words, critical, role=error.get("role"), stage=stage, text=error.get("text", "")))
    return lines


def cmd_status(args: argparse.Namespace) -> int:
    """``tipcase exercise status --session NAME``: where each role stands, then the deliveries queued and not taken; exit 0.

    The first line says the session's status (and that it is archived: walk F, finding 21); ``--json`` adds
    ``archived``. A role's line: its stage, what it waits for, its case clock (hours), its decisions and its players.
    """
    with database(args) as db:
        refused = signed_in_to_session(db, args, via="cli exercise status")
        if refused is not None:
            return refused
        with db.reading() as session:
            exercise = exercises.get_session(session, args.session)
            state = exercises.status(session, acting(session, args), exercise)
            team = playable_team(exercise.team_case_version).team
            archived = exercise_archive.is_archived(session, exercise)
    if args.json:
        print_json(state | {"archived": archived})
        return EXIT_OK
    words = args.speaking
    events = (
        QT_TRANSLATE_NOOP("core", "no events")
        if state["events"] == 0
        else one_or_many(state["events"], QT_TRANSLATE_NOOP("core", "{count} event"), QT_TRANSLATE_NOOP("core", "{count} events"))
    )
    print(
        line(
            words,
            QT_TRANSLATE_NOOP("core", "{session}: {status}, archived, {events}")
            if archived
            else QT_TRANSLATE_NOOP("core", "{session}: {status}, {events}"),
            session=state["session"],
            status=Message(state["status"]),
            events=Message(events, count=state["events"]),
        )
    )
    for role, found in state["roles"].items():
        if found["finished"]:
            where = Message(QT_TRANSLATE_NOOP("core", "reached its end"))
        elif state["status"] == exercises.ENDED_STATUS:  # the trainer ended the session before the role reached an end
            where = Message(QT_TRANSLATE_NOOP("core", "stopped when the session ended"))
        elif found["waiting_for"]:
            handover = handover_title(team, found["waiting_for"], case_text(team, words))
            where = Message(QT_TRANSLATE_NOOP("core", "waits for hand-over “{handover}”"), handover=handover)
        else:
            where = Message(QT_TRANSLATE_NOOP("core", "deciding"))
        decisions = (
            Message(QT_TRANSLATE_NOOP("core", "no decisions"))
            if found["decisions"] == 0
            else Message(
                one_or_many(
                    found["decisions"], QT_TRANSLATE_NOOP("core", "{count} decision"), QT_TRANSLATE_NOOP("core", "{count} decisions")
                ),
                count=found["decisions"],
            )
        )
        users = ", ".join(found["users"]) or said(Message(QT_TRANSLATE_NOOP("core", "nobody")), words)
        row = line(
            words,
            QT_TRANSLATE_NOOP("core", "stage “{stage}” ({where}), case clock {clock} h, {decisions}; {users}"),
            stage=stage_title(team, role, found["stage"], case_text(team, words)),
            where=where,
            clock=figure(found["clock"], words, "g"),
            decisions=decisions,
            users=users,
        )
        print(f"  {role:<20} {row}")
    for handover, count in state["queued"].items():  # sent and not taken yet: the receiver has not reached the stage that waits
        if count:
            queued = one_or_many(
                count,
                QT_TRANSLATE_NOOP("core", "hand-over “{handover}” for {receiver}: {count} delivery in the queue, not taken"),
                QT_TRANSLATE_NOOP("core", "hand-over “{handover}” for {receiver}: {count} deliveries in the queue, not taken"),
            )
            found = team.handovers.get(handover)
            receiver = found.receiver if found is not None else ""
            print(
                "  " + line(words, queued, count=count, handover=handover_title(team, handover, case_text(team, words)), receiver=receiver)
            )
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    """``tipcase exercise log --session NAME``: the master log, one event a line, in words (JSON with --json); exit 0.

    A line: the event's number, its local date and time, the role (its id), who (a username), and what happened
    as the control room's master log says it (``tipcase.team.log_words``), in the command's language with the
    case's own names in it (its fallback when the case is not written in it). Decisions name the choice by the
    number it was offered under (from 1, as ``--choose`` takes it). ``--json``: a list of ``{"seq", "at" (UTC,
    ISO 8601), "kind", "role", "user", "text", "details"}``, the same in every language (``text`` in English,
    see the module's docstring), a decision's details with ``number`` (offered, from 1) and ``choice_in_file``
    (its place among the stage's choices in the file, from 1).
    """
    with database(args) as db:
        refused = signed_in_to_session(db, args, via="cli exercise log")
        if refused is not None:
            return refused
        with db.reading() as session:
            log = _log(args, session)
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


def _log(args: argparse.Namespace, session: Session) -> list[dict[str, Any]]:
    """The master log as :func:`cmd_log` prints it, read as ``--user`` (or the operator) may."""
    exercise = exercises.get_session(session, args.session)
    rows = exercises.events(session, acting(session, args), exercise)
    team = playable_team(exercise.team_case_version).team
    accounts = select(User.id, User.username).where(User.id.in_({r.user_id for r in rows if r.user_id}))
    names: dict[int, str] = {row.id: row.username for row in session.execute(accounts)}
    language = "en" if args.json else args.speaking  # the case's own names fall back to its first language
    text = case_text(team, language)
    log: list[dict[str, Any]] = []
    for row in rows:
        at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=dt.UTC)
        details = dict(row.details or {})
        if row.kind == "decision" and isinstance(details.get("choice"), int):
            details["choice_in_file"] = details.pop("choice") + 1
        sentence = event_sentence(team, row.kind, row.role, dict(row.details or {}), text=text, language=language)
        log.append(
            {
                "seq": row.seq,
                "at": at,
                "kind": row.kind,
                "role": row.role,
                "user": who(row, names),
                "text": said(sentence, language),
                "details": details,
            }
        )
    return log
