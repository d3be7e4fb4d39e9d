"""The sentences a role's workstation says over the stage: where the role stands, who decided, what arrived.

Kept apart from ``ui.pages.workstation`` (the page) so it stays small; the words keep the page's translation
context (``WorkstationPage``). ``state_line`` says the role's state (waiting for a hand-over, paused, not started,
at its end, the session ended); ``decided_by`` a decision another workstation took for the role; ``arrival_notice``
what came into the inbox; ``resumed_notice`` that the trainer resumed the session (walk H, finding 7: the choices
came back without a word).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.models.exercise_log import choice_label, handover_title, role_title
from ui.numbers import time_text
from ui.wording import sentence

translate = QCoreApplication.translate


def state_line(station: Any, state: str, text: Callable[[object], str], language: str) -> str:
    """The sentence of the role's ``state`` (the page's ``state()``), or "" when the state needs none (choosing)."""
    if state == "waiting":
        handover = station.team.handovers.get(station.role.waits_for)
        return sentence(
            translate(
                "WorkstationPage", "Waiting for the hand-over “{title}” from {sender}. Your choices appear here as soon as it arrives."
            ),
            title=handover_title(station.team, station.role.waits_for, text),
            sender=role_title(station.team, handover.sender if handover else None, text, language),
        )
    if state == "paused":
        return translate(
            "WorkstationPage", "The trainer has paused the session. You can read your inbox and case file; choices return when it resumes."
        )
    if state == "draft":
        return translate(
            "WorkstationPage", "The session has not started yet. Read your briefing; your first stage opens when the trainer starts."
        )
    if state == "end":  # named by its stage's title: the story's outcome (success, failure) is no rating of the role
        play = station.play
        end = text(play.stage.title) if play.stage.title is not None else ""
        reached = translate("WorkstationPage", "Your role has reached its end.")
        if end:
            reached = translate("WorkstationPage", "Your role has reached its end: “{end}”.").format(end=end)
        if station.session.status != "ended":
            reached += " " + translate("WorkstationPage", "The joint debrief opens when the trainer ends the session.")
        return reached
    if state == "ended":
        return translate("WorkstationPage", "The trainer has ended the session before your role reached an end.")
    return ""


def decided_by(station: Any, role: str, made: Any, text: Callable[[object], str]) -> str:
    """Another workstation's decision ``made`` for ``role``: who took it, when, and what."""
    return translate("WorkstationPage", "{who} took decision {step} at {time}: {number}) {choice}").format(
        who=made.full_name or translate("WorkstationPage", "Someone"),
        step=made.step,
        time=time_text(made.at),
        number=made.number,
        choice=choice_label(station.team, role, made.stage, made.choice, text),
    )


def arrival_notice(station: Any, arrived: list[Any], title_of: Callable[[Any], str], text: Callable[[object], str], language: str) -> str:
    """What came into the inbox (``arrived``: inbox entries), each named as the inbox names it (``title_of``)."""
    names = []
    for entry in arrived:
        if entry.kind == "handover":
            names.append(
                translate("WorkstationPage", "the hand-over “{title}” from {sender}").format(
                    title=title_of(entry), sender=role_title(station.team, entry.sender, text, language)
                )
            )
        elif entry.kind == "inject":
            names.append(translate("WorkstationPage", "“{title}”").format(title=title_of(entry)))
        else:
            names.append(translate("WorkstationPage", "a message from the trainer"))
    return sentence(translate("WorkstationPage", "New in your inbox: {items}."), items="; ".join(names))


def resumed_notice() -> str:
    """The trainer resumed a paused session: the choices are back."""
    return translate("WorkstationPage", "The trainer has resumed the session: your choices are back.")


def no_such_choice(number: int, last: int) -> str:
    """A number key with no choice on this stage: nothing recorded, and the keys there are."""
    if last == 1:
        return translate("WorkstationPage", "There is no choice {number} here: this stage has one choice, key 1.").format(number=number)
    return sentence(translate("WorkstationPage", "There is no choice {number} here: the keys are 1 to {last}."), number=number, last=last)
