"""When an inject fires, in words: by hand, at a time on the role's case clock, or once its condition holds, said.

An inject's ``when`` (docs/team-exercises.md, "Injects") is a condition over the receiving role's own variables
and ``hours`` (its case clock). The control room says it in the interface language rather than "when its
condition holds", with the core's wording (``tipcase.team.condition_words``, which ``tipcase exercise inject
--list`` uses too): each variable by its title in the case ("Statements taken: yes", "Keterangan sudah diambil:
ya"; walk G finding 12: the Bahasa control room showed the file's English ids), the clock as a case time ("its
case clock at 30 h or later"); and what makes each variable true in that role: the stages whose choices set it,
the hand-overs that carry it in, the injects that set it (walk F, finding 3: the trainer could not anticipate when
an inject would land).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from tipcase.format import conditions
from tipcase.team.condition_words import trigger_words, variable_words
from tipcase.team.log_words import handover_title, inject_title, role_title, stage_title
from tipcase.team.model import Inject, TeamCase

Text = Callable[[object], str]
translate = QCoreApplication.translate


def fires_words(team: TeamCase, inject: Inject, language: str) -> str:
    """The injects list's *Trigger* cell: by hand, at a case time, or when its condition (in words, in ``language``) holds.

    The core's words (``tipcase.team.condition_words.trigger_words``), as ``tipcase exercise inject --list`` says them.
    """
    return trigger_words(team, inject, language)


def condition_sources(team: TeamCase, inject: Inject, text: Text, language: str) -> list[str]:
    """What makes each variable of the inject's ``when`` hold, role by role; empty for an inject without a condition.

    The stages whose choices set it, the hand-overs that carry it in, the injects that set it; e.g. "“statement
    taken” for Police investigator: set by a choice at stage “The statements”".
    """
    if inject.when is None:
        return []
    try:
        names = sorted(conditions.names(conditions.parse(inject.when)) - {conditions.CLOCK})
    except conditions.ConditionError:
        return []
    lines = []
    for name in names:
        for role in inject.to:
            track = team.roles.get(role)
            if track is None:
                continue
            where = []
            for stage in track.scenario.stages.values():
                if any(name in choice.set or name in choice.add for choice in stage.choices):
                    where.append(translate("Exercise", "a choice at stage “{stage}”").format(stage=stage_title(team, role, stage.id, text)))
            for handover in team.handovers.values():
                if handover.receiver == role and name in handover.carries:
                    where.append(
                        translate("Exercise", "the hand-over “{handover}”").format(handover=handover_title(team, handover.id, text))
                    )
            for other in team.injects:
                if other.id != inject.id and role in other.to and (name in other.set or name in other.add):
                    where.append(translate("Exercise", "the inject “{inject}”").format(inject=inject_title(team, other.id, text)))
            if where:
                lines.append(
                    translate("Exercise", "{variable} for {role}: set by {sources}").format(
                        variable=variable_words(team, [role], name, language),
                        role=role_title(team, role, text, language),
                        sources="; ".join(where),
                    )
                )
    return lines
