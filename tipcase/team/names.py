"""A team case's roles, stages, hand-overs and injects as a refusal names them: by their titles, in every language.

A refusal is raised once and said in the language of whoever reads it (the app's interface, the command line's
``--lang``), so it carries each name as a ``tipcase.messages.Names`` (the title by language; the English is the
``str``), never an id a trainee never sees. Each falls back as ``tipcase.team.log_words`` does: a role without a
title by its name in the roles' vocabulary, an inject without one by the first line of its text, a stage without
one (and anything the case does not have) by its id.
"""

from __future__ import annotations

from tipcase.format.roles import role_name
from tipcase.format.schema_kinds import Text
from tipcase.messages import Names
from tipcase.team.model import Inject, TeamCase, Track

SPOKEN = ("en", "id")
"""The languages the app and the command line speak: a name from the roles' vocabulary is given in each."""


def text_names(text: Text | None, fallback: str) -> Names:
    """``text`` by language, as Names; ``fallback`` (an id) when there is no text."""
    values = {language: value for language, value in (text.values.items() if text is not None else ()) if value}
    return Names(values or {"en": fallback})


def track_names(track: Track) -> Names:
    """A role's name: its title in the case, else its name in the roles' vocabulary (without its units), else its id."""
    if track.title is not None:
        return text_names(track.title, track.id)
    return Names({language: role_name(track.role, language).split(" (")[0] or track.id for language in SPOKEN})


def role_names(team: TeamCase, role: str) -> Names:
    """Role ``role``'s name (:func:`track_names`); its id when the case has no such role."""
    track = team.roles.get(role)
    return track_names(track) if track is not None else Names({"en": role})


def roles_names(team: TeamCase, roles: list[str]) -> Names:
    """Several roles' names as one, "; " between them (a title may hold commas)."""
    return Names.joined([role_names(team, role) for role in roles])


def stage_names(team: TeamCase, role: str, stage: str) -> Names:
    """The title of stage ``stage`` of role ``role``'s track; its id when it has none (or the track has no such stage)."""
    track = team.roles.get(role)
    found = track.scenario.stages.get(stage) if track is not None else None
    return text_names(found.title if found is not None else None, stage)


def handover_names(team: TeamCase, handover: str) -> Names:
    """A hand-over's title (its id when the case has none by that id)."""
    found = team.handovers.get(handover)
    return text_names(found.title if found is not None else None, handover)


def inject_names(inject: Inject) -> Names:
    """An inject's title; an untitled one by the first line of its text, cut to 60 characters (as the master log says it)."""
    if inject.title is not None:
        return text_names(inject.title, inject.id)
    values = {}
    for language, text in inject.text.values.items():
        first = text.split("\n")[0].strip()
        values[language] = first if len(first) <= 60 else first[:59].rstrip() + "…"
    return text_names(Text(values), inject.id)
