"""What a role's workstation shows, as text for a trainee at a terminal (``tipcase exercise play`` with no numbers).

A person who plays a role from the command line reads what the app's workstation shows before choosing: the
content warning and the role's briefing until its first decision, then the stage (its title, the case clock,
its text), the inbox (hand-overs taken, each with who sent it, its text and what the sender recorded; events;
the trainer's messages), the case file (its exhibits) and the choices offered, numbered as ``--next`` takes
them; while the role waits, which hand-over it waits for and from whom; while the session is paused, that the
choices wait. While ``play`` decides, :func:`arrival_lines` says what reaches the role as the workstation
announces it. The words are the app's own (``WorkstationPage``, ``StationSide`` and ``Exercise``), read from its
translation in the language asked for (``tipcase.interface_text``), so the terminal and the workstation say one thing
one way; ``tests/test_exercise_cli_languages.py`` checks that the app translates each. Ratings are not shown: the
joint debrief rates the decisions once the trainer ends the session, as on the workstation.
"""

from __future__ import annotations

import textwrap

from tipcase.format.schema_kinds import Text
from tipcase.interface_text import say
from tipcase.messages import QT_TRANSLATE_NOOP, fill
from tipcase.services.exercises import DRAFT, ENDED_STATUS, PAUSED_STATUS, RoleView
from tipcase.team.log_words import case_text, handover_title, in_sentence, inject_title, role_title
from tipcase.team.model import TeamCase
from tipcase.team.play import InboxItem

WIDTH = 100
RULE = "-" * 60

WORDS = {  # (the app's translation context, its English): every line this module says
    "warning": ("WorkstationPage", "Content warning"),
    "briefing": ("WorkstationPage", "Your briefing"),
    "others": (
        "WorkstationPage",
        "The other agencies play at their own workstations. What they send you arrives in your inbox; "
        "when your role must wait for a hand-over, this page says so. Your decisions are rated in the joint debrief.",
    ),
    "clock": ("WorkstationPage", "Case clock: {hours} h"),
    "waiting": (  # a terminal shows nothing by itself: the command to look again follows (walk G, finding 9)
        "core",
        QT_TRANSLATE_NOOP("core", "Waiting for the hand-over “{title}” from {sender}: your choices are offered once it has arrived."),
    ),
    "opens": ("WorkstationPage", "The stage opens once the hand-over arrives."),
    "paused": (
        "WorkstationPage",
        "The trainer has paused the session. You can read your inbox and case file; choices return when it resumes.",
    ),
    "draft": ("WorkstationPage", "The session has not started yet. Read your briefing; your first stage opens when the trainer starts."),
    "end": ("WorkstationPage", "Your role has reached its end: “{end}”."),  # named by its title, never "(success)": no verdict
    "end, untitled": ("WorkstationPage", "Your role has reached its end."),
    "debrief opens": ("WorkstationPage", "The joint debrief opens when the trainer ends the session."),
    "ended": ("WorkstationPage", "The trainer has ended the session before your role reached an end."),
    "inbox": ("StationSide", "Inbox"),
    "case file": ("StationSide", "Case file"),
    "nothing arrived": ("StationSide", "<i>Nothing has arrived yet.</i>"),
    "nothing filed": ("StationSide", "<i>Nothing in the case file yet.</i>"),
    "handover": ("StationSide", "Hand-over"),
    "inject": ("StationSide", "Event"),
    "message": ("StationSide", "Message"),
    "from trainer": ("StationSide", "Message from the trainer"),
    "taken": ("StationSide", "From {sender}, taken at {hours} on your case clock."),
    "recorded": ("StationSide", "What the sender recorded"),
    "new": ("WorkstationPage", "New in your inbox: {items}."),
    "the hand-over": ("WorkstationPage", "the hand-over “{title}” from {sender}"),
    "the event": ("WorkstationPage", "“{title}”"),
    "a message": ("WorkstationPage", "a message from the trainer"),
    "hours": ("Exercise", "{hours} h"),
    "mark": ("ExerciseHour", "{hours} h"),  # a moment on a case clock after "at": "6 h", "jam ke-6" (walk H finding 14)
    "inject from": ("StationSide", "From {sender}, at {hours} on your case clock."),
    "inject at": ("StationSide", "At {hours} on your case clock."),
    "message at": ("StationSide", "From the trainer, at {hours} on your case clock."),
}


def word(key: str, language: str, **values: object) -> str:
    """``WORDS[key]`` in ``language`` as the app says it, filled with ``values`` (``<i>`` marks dropped)."""
    context, english = WORDS[key]
    said = say(context, english, language).replace("<i>", "").replace("</i>", "")
    return fill(said, **values) if values else said


def mark(value: float, language: str) -> str:
    """A moment on a case clock, as the workstation writes it after "at": ``6 h``, ``jam ke-6`` (never "pada 6 jam")."""
    figure = f"{float(value):g}"
    return word("mark", language, hours=figure.replace(".", ",") if language == "id" else figure)


def hours(value: float, language: str) -> str:
    """A case clock in hours as the app writes it: ``12.5 h``, ``12,5 jam``."""
    figure = f"{float(value):g}"
    return word("hours", language, hours=figure.replace(".", ",") if language == "id" else figure)


def _wrapped(text: str, indent: str = "") -> list[str]:
    """``text`` wrapped to the terminal's width, paragraph by paragraph."""
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False) or [""]
    return lines


def stage_lines(view: RoleView, team: TeamCase, language: str, *, full: bool) -> list[str]:
    """The lines a trainee at a terminal reads for ``view`` (see the module's docstring), in ``language``.

    ``full``: the briefing (before the first decision), the inbox and the case file first, as the workstation shows
    them beside the stage; else the stage alone (where a run of ``play`` left the role). The choices are numbered
    from 1 as ``--next`` takes them; none are listed while the role waits, the session is paused or not started,
    or the role's track has ended.
    """
    text = case_text(team, language)

    def said(value: Text | None) -> str:
        return text(value) if value is not None else ""

    lines = [RULE] if not full else [RULE, f"{role_title(team, view.role, text, language)} · {said(team.title)}"]
    if full:
        lines += _sides(view, team, language)
    return lines + _stage(view, team, language)


def _sides(view: RoleView, team: TeamCase, language: str) -> list[str]:
    """The briefing (before the role's first decision), the inbox and the case file."""
    text = case_text(team, language)

    def said(value: Text | None) -> str:
        return text(value) if value is not None else ""

    play = view.play
    lines: list[str] = []
    if not play.decisions:
        if team.content_warning is not None:
            lines += ["", word("warning", language).upper(), *_wrapped(said(team.content_warning))]
        briefing = _wrapped(said(view.track.briefing)) if view.track.briefing is not None else []
        lines += ["", word("briefing", language).upper(), *briefing, *([""] if briefing else []), *_wrapped(word("others", language))]
    lines += ["", word("inbox", language).upper()]
    for item in view.inbox:
        lines += [f"  {_heading(item, team, language)}", *_contents(item, team, language, "    ")]
    if not view.inbox:
        lines.append("  " + word("nothing arrived", language))
    lines += ["", word("case file", language).upper()]
    exhibits = [team.exhibits[e] for e in play.revealed if e in team.exhibits]
    for exhibit in exhibits:
        lines.append(f"  {said(exhibit.title)}")
        lines += _wrapped(said(exhibit.text), "    ")
    if not exhibits:
        lines.append("  " + word("nothing filed", language))
    return [*lines, "", RULE]


def arrival_lines(item: InboxItem, team: TeamCase, language: str, *, prefix: str = "") -> list[str]:
    """What reached a role while ``play`` ran, as the workstation announces it and shows it in the inbox.

    ``prefix`` (the role's id and a colon), then "New in your inbox: the hand-over “...” from ...", then (indented)
    who sent it and when, its text and what the sender recorded; an event's or a trainer's message's text likewise.
    """
    text = case_text(team, language)
    if item.kind == "handover":
        handover = team.handovers.get(item.ident)
        sender = role_title(team, handover.sender if handover else None, text, language)
        what = word("the hand-over", language, title=handover_title(team, item.ident, text, item.carried), sender=sender)
    elif item.kind == "inject":
        what = word("the event", language, title=inject_title(team, item.ident, text))
    else:
        what = word("a message", language)
    return [prefix + word("new", language, items=what), *_contents(item, team, language, "    ")]  # one line, as a decision is


def _heading(item: InboxItem, team: TeamCase, language: str) -> str:
    """An inbox line as the workstation's list shows it: its kind, the case clock it came at, and its title."""
    text = case_text(team, language)
    if item.kind == "handover":
        kind, title = word("handover", language), handover_title(team, item.ident, text, item.carried)
    elif item.kind == "inject":
        kind, title = word("inject", language), inject_title(team, item.ident, text)
    else:
        kind, title = word("message", language), word("from trainer", language)
    return f"{kind} · {hours(item.clock, language)} — {title}"


def _contents(item: InboxItem, team: TeamCase, language: str, indent: str) -> list[str]:
    """What an inbox item says, as the workstation shows it when it is opened.

    A hand-over: who sent it and when the role took it, its text, and what the sender recorded (the case's
    ``recorded`` sentences that hold for the values the delivery carried); an event: its text; a message: its text.
    """
    text = case_text(team, language)
    if item.kind == "inject":  # who it comes from and when, as the workstation says it (walk H findings 5 and 15)
        inject = team.inject(item.ident)
        if inject is None:
            return []
        when = mark(item.clock, language)
        if inject.sender is not None:
            said = word("inject from", language, sender=in_sentence(text(inject.sender)), hours=when)
        else:
            said = word("inject at", language, hours=when)
        return _wrapped(said, indent) + _wrapped(text(inject.text), indent)
    if item.kind != "handover":
        return _wrapped(word("message at", language, hours=mark(item.clock, language)), indent) + _wrapped(item.text, indent)
    handover = team.handovers.get(item.ident)
    if handover is None:
        return []
    sender = role_title(team, handover.sender, text, language)
    lines = _wrapped(word("taken", language, sender=sender, hours=mark(item.clock, language)), indent)
    if handover.text is not None:
        lines += _wrapped(text(handover.text), indent)
    recorded = handover.recorded_for(dict(item.carried))
    if recorded:
        lines.append(f"{indent}{word('recorded', language)}:")
        for note in recorded:
            lines += textwrap.wrap(text(note), WIDTH, initial_indent=f"{indent}- ", subsequent_indent=f"{indent}  ", break_on_hyphens=False)
    return lines


def _stage(view: RoleView, team: TeamCase, language: str) -> list[str]:
    """The stage: its title, the case clock, its text and the choices, or what the role waits for, or its end."""
    text = case_text(team, language)

    def said(value: Text | None) -> str:
        return text(value) if value is not None else ""

    play = view.play
    lines: list[str] = []
    stage = play.stage
    if stage.title is not None:
        lines.append(said(stage.title))
    lines += [word("clock", language, hours=f"{play.clock:g}".replace(".", "," if language == "id" else ".")), ""]
    if view.finished:
        lines += _wrapped(said(stage.text))
        reached = word("end", language, end=said(stage.title)) if stage.title is not None else word("end, untitled", language)
        if view.status != ENDED_STATUS:
            reached += " " + word("debrief opens", language)
        lines += ["", *_wrapped(reached)]
        return lines
    if view.status == ENDED_STATUS:
        return [*lines, *_wrapped(word("ended", language))]
    if view.waits_for is not None:
        handover = team.handovers.get(view.waits_for)
        title = handover_title(team, view.waits_for, text)
        sender = role_title(team, handover.sender if handover else None, text, language)
        return [*lines, *_wrapped(word("opens", language)), "", *_wrapped(word("waiting", language, title=title, sender=sender))]
    lines += _wrapped(said(stage.text))
    if view.status == PAUSED_STATUS:
        return [*lines, "", *_wrapped(word("paused", language))]
    if view.status == DRAFT:
        return [*lines, "", *_wrapped(word("draft", language))]
    lines.append("")
    for number, option in enumerate(view.offered(), 1):
        lines += textwrap.wrap(f"{number}) {said(option.choice.label)}", WIDTH, subsequent_indent="   ", break_on_hyphens=False)
    return lines
