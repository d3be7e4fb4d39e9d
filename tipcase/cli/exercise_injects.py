"""``tipcase exercise inject --list``: a session's master events list, as the control room's *Injects* tab shows it.

One line an inject: its id (as ``inject INJECT-ID`` takes it), its title, the roles it goes to (their ids, as
``--to`` takes them), when it fires in words (``tipcase.team.condition_words.trigger_words``: by hand, at a time on
the role's case clock, or when its condition holds, each variable by its title in the command's language) and the
roles it has fired for. The list is the controllers': a trainee is refused it, as the master log (the events tell
what comes next). ``--json`` is the same in every language (ids, and ``trigger`` in English).
"""

from __future__ import annotations

import argparse
from typing import Any

from tipcase.cli.acting import acting, signed_in_to_session
from tipcase.cli.common import UsageError, print_json
from tipcase.cli.records_commands import database
from tipcase.cli.spoken import line
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.services import exercises
from tipcase.services.team_cases import playable_team
from tipcase.team.condition_words import trigger_words
from tipcase.team.log_words import case_text, inject_title

EXIT_OK = 0


def cmd_inject_list(args: argparse.Namespace) -> int:
    """Print the session's injects, each with whom it goes to, when it fires (in words) and whom it has fired for; exit 0.

    Exit 2 when an inject, ``--text`` or ``--to`` is given with ``--list``; 1 (one line) for a trainee.
    """
    if args.inject is not None or args.text is not None or args.to:
        raise UsageError(Message(QT_TRANSLATE_NOOP("core", "--list lists the injects: give no inject, --text or --to with it")))
    with database(args) as db:
        refused = signed_in_to_session(db, args, via="cli exercise inject --list")
        if refused is not None:
            return refused
        with db.reading() as session:
            exercise = exercises.get_session(session, args.session)
            rows = exercises.events(session, acting(session, args), exercise)  # the controllers' list: refused to a trainee
            team = playable_team(exercise.team_case_version).team
            fired: dict[str, list[str]] = {}
            for row in rows:
                if row.kind == "inject" and row.role is not None:
                    fired.setdefault(str((row.details or {}).get("inject")), []).append(row.role)
    listed: list[dict[str, Any]] = [
        {
            "id": inject.id,
            "title": inject_title(team, inject.id, case_text(team, "en")),
            "to": list(inject.to),
            "trigger": trigger_words(team, inject, "en"),
            "manual": inject.manual,
            "at_hours": inject.at_hours,
            "when": inject.when,
            "fired_for": list(dict.fromkeys(fired.get(inject.id, []))),
        }
        for inject in team.injects
    ]
    if args.json:
        print_json(listed)
        return EXIT_OK
    words = args.speaking
    text = case_text(team, words)
    if not listed:
        print(line(words, QT_TRANSLATE_NOOP("core", "session {session}: the case has no injects"), session=args.session))
    width = max([len(item["id"]) for item in listed] + [2])
    for inject, item in zip(team.injects, listed, strict=True):
        said = line(
            words,
            QT_TRANSLATE_NOOP("core", "“{title}”: to {roles}; {trigger}; {fired}"),
            title=inject_title(team, inject.id, text),
            roles=", ".join(item["to"]),
            trigger=trigger_words(team, inject, words),
            fired=line(words, QT_TRANSLATE_NOOP("core", "fired for {roles}"), roles=", ".join(item["fired_for"]))
            if item["fired_for"]
            else line(words, QT_TRANSLATE_NOOP("core", "not fired yet")),
        )
        print(f"{item['id']:<{width}}  {said}")
    return EXIT_OK
