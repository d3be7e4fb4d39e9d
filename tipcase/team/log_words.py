"""A session's events in words: each event of the log as one sentence, with the case's own names (Qt-free).

The control room's master log, the joint debrief and ``tipcase exercise log`` say an event the same way:
``event_sentence`` gives a ``tipcase.messages.Message`` (an English template marked for translation in the
``core`` context, and its parameters). The command line prints it as it is (English); the app says it in
the interface language (``ui.errors.core_text``, numbers written the language's way). The names in it
come from the published case (titles of roles, stages, choices, hand-overs and injects), picked by
``text`` (a ``Text`` in the wanted language, with the case's fallbacks), never ids or raw values; a
decision names the choice by the number it was offered under (1-based, as ``--choose`` takes it) and
its label. The events' details are as ``tipcase.team.play`` records them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from tipcase.format.roles import role_name
from tipcase.format.schema_kinds import Text
from tipcase.messages import QT_TRANSLATE_NOOP, Message
from tipcase.team.model import TeamCase, Track

TextOf = Callable[[Text], str]
"""Picks a case's text in the wanted language (``Text.get(language, fallbacks)``)."""


def case_text(team: TeamCase, language: str) -> TextOf:
    """A ``TextOf`` for ``language``, falling back to the case's languages in order."""
    return lambda value: value.get(language, team.languages)


def track_title(track: Track, text: TextOf, language: str) -> str:
    """A role's name: its title in the case, else the role's name in the vocabulary without its units in brackets, else its id."""
    if track.title is not None:
        return text(track.title)
    return role_name(track.role, language).split(" (")[0] or track.id


def role_title(team: TeamCase, role: str | None, text: TextOf, language: str) -> str:
    """A role's title in ``language`` (the role id when the case has no such role; "" for no role, a trainer's event)."""
    if role is None:
        return ""
    track = team.roles.get(role)
    return track_title(track, text, language) if track is not None else role


def handover_title(team: TeamCase, ident: str, text: TextOf, carried: Iterable[tuple[str, int | bool]] | None = None) -> str:
    """A hand-over's title (its id when the case has none by that id); of one delivery, given the values it ``carried``.

    A delivery is named by the first of the hand-over's ``recorded`` notes that holds and has a title, else by the
    hand-over's title (``Handover.title_for``): the inbox line and the arrival notice say which answer came.
    """
    handover = team.handovers.get(ident)
    if handover is None:
        return ident
    return text(handover.title_for(dict(carried)) if carried is not None else handover.title)


ARTICLES = ("A ", "An ", "Sebuah ", "Seorang ")  # a sender written to stand alone ("A Manado news site")


def in_sentence(sender: str) -> str:
    """A sender as it reads after "From"/"Dari": a leading article in lower case ("From a Manado news site"; walk H, 15)."""
    return sender[0].lower() + sender[1:] if sender.startswith(ARTICLES) else sender


def inject_title(team: TeamCase, ident: str, text: TextOf) -> str:
    """An inject's title; an untitled one by the first line of its text, cut to 60 characters; its id when the case has none."""
    inject = team.inject(ident)
    if inject is None:
        return ident
    if inject.title is not None:
        return text(inject.title)
    words = text(inject.text).split("\n")[0].strip()  # an untitled inject: its first words
    return words if len(words) <= 60 else words[:59].rstrip() + "…"


def stage_title(team: TeamCase, role: str | None, stage: str | None, text: TextOf) -> str:
    """The title of stage ``stage`` of role ``role``'s track (its id when untitled; the given id when there is no such stage)."""
    track = team.roles.get(role or "")
    found = track.scenario.stages.get(stage or "") if track is not None else None
    if found is None:
        return stage or ""
    return text(found.title) if found.title is not None else found.id


def choice_label(team: TeamCase, role: str | None, stage: str | None, index: int | None, text: TextOf) -> str:
    """The label of choice ``index`` (0-based, file order: the ``choice`` a decision records) of a role's stage; "" when none."""
    track = team.roles.get(role or "")
    found = track.scenario.stages.get(stage or "") if track is not None else None
    if found is None or index is None or not 0 <= index < len(found.choices):
        return ""
    return text(found.choices[index].label)


def event_sentence(team: TeamCase, kind: str, role: str | None, details: dict[str, Any], *, text: TextOf, language: str) -> Message:
    """One event of the log as a sentence (see the module's docstring); an unknown kind is said as its name."""

    def name(role_id: str | None) -> str:
        return role_title(team, role_id, text, language)

    if kind == "started":
        return Message(QT_TRANSLATE_NOOP("core", "The session started."))
    if kind == "paused":
        return Message(QT_TRANSLATE_NOOP("core", "The session was paused."))  # Who says by whom: a co-trainer, an administrator
    if kind == "resumed":
        return Message(QT_TRANSLATE_NOOP("core", "The session was resumed."))  # (walk H finding 25: not "the trainer")
    if kind == "ended":
        if "total_percent" in details:
            passed = QT_TRANSLATE_NOOP("core", "passed") if details.get("passed") else QT_TRANSLATE_NOOP("core", "not passed")
            return Message(
                QT_TRANSLATE_NOOP("core", "The session ended: the team scored {percent} % ({verdict})."),
                percent=float(details["total_percent"]),
                verdict=Message(passed),
            )
        return Message(QT_TRANSLATE_NOOP("core", "The session ended."))
    if kind == "decision":
        return Message(
            QT_TRANSLATE_NOOP("core", "Decision {step}, stage “{stage}”: {number}) {choice}"),
            step=details.get("step", "?"),
            stage=stage_title(team, role, details.get("stage"), text),
            number=details.get("number", "?"),
            choice=choice_label(team, role, details.get("stage"), details.get("choice"), text),
        )
    if kind == "delivered":  # named as the receiver's inbox names it (walk H finding 2: the P-19 and the P-21 read alike)
        ident = str(details.get("handover", ""))
        carried = details.get("carried")
        title = handover_title(team, ident, text, carried.items() if isinstance(carried, dict) else None)
        handover = team.handovers.get(ident)
        if handover is None or handover.complete_when is None:  # nothing to judge: "(complete)" on a P-19 read as "the file is complete"
            sent = QT_TRANSLATE_NOOP("core", "Hand-over “{title}” sent by {sender}, queued for {receiver}.")
            return Message(sent, title=title, sender=name(details.get("from")), receiver=name(role))
        complete = QT_TRANSLATE_NOOP("core", "complete") if details.get("complete", True) else QT_TRANSLATE_NOOP("core", "incomplete")
        return Message(
            QT_TRANSLATE_NOOP("core", "Hand-over “{title}” sent by {sender} ({complete}), queued for {receiver}."),
            title=title,
            sender=name(details.get("from")),
            complete=Message(complete),
            receiver=name(role),
        )
    if kind == "consumed":  # named as when it was sent (walk H finding 2's re-check: "P-19 or P-21" here)
        carried = details.get("carried")
        return Message(
            QT_TRANSLATE_NOOP("core", "{receiver} took hand-over “{title}”."),
            receiver=name(role),
            title=handover_title(team, str(details.get("handover", "")), text, carried.items() if isinstance(carried, dict) else None),
        )
    if kind == "inject":
        how = QT_TRANSLATE_NOOP("core", "fired by the trainer") if details.get("by") == "trainer" else QT_TRANSLATE_NOOP("core", "scripted")
        return Message(
            QT_TRANSLATE_NOOP("core", "Inject “{title}” for {role} ({how})."),
            title=inject_title(team, str(details.get("inject", "")), text),
            role=name(role),
            how=Message(how),
        )
    if kind == "message":
        to = details.get("to") or list(team.roles)
        if set(to) >= set(team.roles):
            return Message(QT_TRANSLATE_NOOP("core", "Message to every role: {text}"), text=details.get("text", ""))
        return Message(  # "; " between the roles: a title may hold commas ("Case worker, UPTD PPA Kota Bitung")
            QT_TRANSLATE_NOOP("core", "Message to {roles}: {text}"), roles="; ".join(name(r) for r in to), text=details.get("text", "")
        )
    return Message(kind)
