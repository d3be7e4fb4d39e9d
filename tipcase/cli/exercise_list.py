"""``tipcase exercise list``: the sessions a trainer (or ``--user``) can see, one a line, newest first (walk F, finding 21).

A line: the session's name (as ``--session`` takes it), the team case's title in the command's language, the
session's status, its language, how many of the case's roles have a trainee, and when it was created (local
date and time). Archived sessions are left out, as in the app's lists, unless ``--archived``; an archived one
says so. ``--json`` gives the same as a list of objects with fixed keys.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from tipcase.cli.acting import acting, signed_in
from tipcase.cli.common import aligned, print_json
from tipcase.cli.records_commands import database
from tipcase.cli.spoken import line, said
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import exercise_archive, exercises, team_cases

EXIT_OK = 0


def cmd_list(args: argparse.Namespace) -> int:
    """``tipcase exercise list [--archived] [--json]``: every session the reader may see; exit 0 (a line saying so when none).

    As the operator every session; with ``--user`` a trainer's every session, a trainee's own (``exercises.list_sessions``).
    """
    with database(args) as db:
        refused = signed_in(db, args, via="cli exercise list")
        if refused is not None:
            return refused
        with db.reading() as session:
            rows = _rows(session, args)
    if args.json:
        print_json(rows)
        return EXIT_OK
    words = args.speaking
    if not rows:
        none = (
            QT_TRANSLATE_NOOP("core", "no exercise sessions")
            if args.archived
            else QT_TRANSLATE_NOOP("core", "no exercise sessions (--archived lists the archived ones)")
        )
        print(line(words, none))
        return EXIT_OK
    table = []
    for row in rows:
        status = said(Message(row["status"]), words)
        if row["archived"]:
            status = line(words, QT_TRANSLATE_NOOP("core", "{status}, archived"), status=Message(row["status"]))
        filled = line(words, QT_TRANSLATE_NOOP("core", "{filled} of {roles} roles filled"), filled=row["roles_filled"], roles=row["roles"])
        created = line(words, QT_TRANSLATE_NOOP("core", "created {when}"), when=row["created_at"].astimezone().strftime("%Y-%m-%d %H:%M"))
        table.append([row["session"], status, row["language"], filled, created, f"“{row['title']}”"])
    print("\n".join(aligned(table)))
    return EXIT_OK


def _rows(session: Session, args: argparse.Namespace) -> list[dict[str, Any]]:
    """The sessions as ``--json`` gives them, newest first (archived ones only with ``--archived``)."""
    put_away = exercise_archive.archived_ids(session)
    rows = []
    for exercise in reversed(exercises.list_sessions(session, acting(session, args))):
        archived = exercise.id in put_away
        if archived and not args.archived:
            continue
        version = exercise.team_case_version
        team = team_cases.playable_team(version).team
        title = dict(version.title)
        rows.append(
            {
                "session": exercise.name,
                "team_case": version.team_id,
                "version": version.version,
                "title": title.get(args.speaking) or title.get(team.languages[0]) or next(iter(title.values()), version.team_id),
                "status": exercise.status,
                "archived": archived,
                "language": exercise.language,
                "roles": len(team.roles),
                "roles_filled": len({assignment.role for assignment in exercise.assignments} & set(team.roles)),
                "created_at": exercise.created_at,
            }
        )
    return rows
