"""The reversible edit of a case's competencies: add one, change or rename one, remove one no choice scores.

A case that declares no ``competencies`` is assessed on the bundled framework (``scenarios/competencies.yaml``);
its first competency edit writes the framework into the file as the case's own (every entry as the
framework has it: title, description, weight, sources) and makes the change on that copy, so what the
trainee is assessed on changes only where the author changed it. A rename follows into every choice's
``score`` (in place: the file's key order kept); a removal is refused while a choice still scores the
competency (the refusal names the choices). Undo puts the file back exactly as it was, the absence of
``competencies`` included. Rules of the case's pathway name competencies too, in another file: the
validator's E005 says when one names a competency the case no longer has.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from typing import Any

import yaml
from typing_extensions import override

from tipcase import bundled
from tipcase.format.document import Change, Edit, EditError, ScenarioDocument
from tipcase.format.edits import FILE_ORDER, _check_id, _put_back, _restore, _set
from tipcase.messages import QT_TRANSLATE_NOOP

_MISSING = object()
NEW_COMPETENCY = {"title": {"en": "New competency", "id": "Kompetensi baru"}, "weight": 1}  # titled in each of the case's languages


@functools.cache
def _framework_text() -> str:
    return bundled.competency_framework_path().read_text("utf-8")


def framework_entries() -> dict[str, dict[str, Any]]:
    """The bundled framework's competencies as the file writes them (id -> title, description, weight, sources); a copy."""
    loaded = yaml.load(_framework_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return copy.deepcopy(dict(loaded["competencies"]))


def declared_competencies(document: ScenarioDocument) -> dict[str, Any]:
    """The competencies the case is assessed on, as the file writes them: its own, or the framework's when it declares none."""
    own = document.data.get("competencies")
    return dict(own) if isinstance(own, dict) else framework_entries()


def scored_by(document: ScenarioDocument, competency: str) -> list[tuple[str, int]]:
    """The choices whose ``score`` names ``competency``: (stage id, choice number from 1), in the file's order."""
    found = []
    for stage_id, stage in document.stages.items():
        for index, choice in enumerate(stage.get("choices") or []):
            score = choice.get("score") if isinstance(choice, dict) else None
            if isinstance(score, dict) and competency in score:
                found.append((stage_id, index + 1))
    return found


def _rename_key(mapping: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    return {(new if key == old else key): value for key, value in mapping.items()}


@dataclasses.dataclass
class SetCompetency(Edit):
    """Add (``old_id`` None), change or rename (both ids), or remove (``value`` None) one competency of the case.

    ``value`` is the competency as the file writes it: ``title`` ({en, id} or a string, required),
    ``weight`` (a number >= 0), and whatever else it has (``description``, ``sources``), kept. Raises
    EditError (a translated template) for an id that is not an id, a taken id, a missing English title, a
    negative weight, removing the last competency, or removing one a choice still scores.
    """

    old_id: str | None
    new_id: str | None
    value: dict[str, Any] | None
    description = "change competency"
    _before: tuple[Any, int] = (_MISSING, 0)
    _scores: list[tuple[str, int, dict[str, Any]]] = dataclasses.field(default_factory=list)

    def _check(self, competencies: dict[str, Any], document: ScenarioDocument) -> None:
        if self.old_id is not None and self.old_id not in competencies:
            raise EditError(QT_TRANSLATE_NOOP("core", "no competency {id!r}"), id=self.old_id)
        if self.value is None:
            if self.old_id is None:
                raise EditError(QT_TRANSLATE_NOOP("core", "a competency needs an id"))
            where = scored_by(document, self.old_id)
            if where:
                shown = ", ".join(f"{stage} #{number}" for stage, number in where[:5]) + (", …" if len(where) > 5 else "")
                raise EditError(
                    QT_TRANSLATE_NOOP(
                        "core", "competency {id!r} cannot be removed: these choices still score it: {where}; change their scores first"
                    ),
                    id=self.old_id,
                    where=shown,
                )
            if len(competencies) == 1:
                raise EditError(
                    QT_TRANSLATE_NOOP("core", "competency {id!r} cannot be removed: a case assesses at least one"), id=self.old_id
                )
            return
        if self.new_id is None:
            raise EditError(QT_TRANSLATE_NOOP("core", "a competency needs an id"))
        _check_id(self.new_id, "competency")
        if self.new_id != self.old_id and self.new_id in competencies:
            raise EditError(QT_TRANSLATE_NOOP("core", "a competency {id!r} already exists"), id=self.new_id)
        title = self.value.get("title")
        english = title.get("en") if isinstance(title, dict) else title
        if not isinstance(english, str) or not english.strip():
            raise EditError(QT_TRANSLATE_NOOP("core", "competency {id!r} needs its title in English"), id=self.new_id)
        weight = self.value.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise EditError(QT_TRANSLATE_NOOP("core", "competency {id!r}: the weight is a number of 0 or more"), id=self.new_id)

    @override
    def do(self, document: ScenarioDocument) -> None:
        competencies = declared_competencies(document)
        self._check(competencies, document)
        if self.old_id is None:
            competencies[str(self.new_id)] = copy.deepcopy(self.value)
        elif self.value is None:
            del competencies[self.old_id]
        else:
            competencies = _rename_key(competencies, self.old_id, str(self.new_id))
            competencies[str(self.new_id)] = copy.deepcopy(self.value)
        self._scores = []
        if self.old_id is not None and self.value is not None and self.new_id != self.old_id:
            for stage_id, number in scored_by(document, self.old_id):
                choice = document.stages[stage_id]["choices"][number - 1]
                self._scores.append((stage_id, number - 1, copy.deepcopy(choice["score"])))
                choice["score"] = _rename_key(choice["score"], self.old_id, str(self.new_id))
        self._before = _set(document.data, "competencies", competencies, FILE_ORDER)
        self._note(document)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        _restore(document.data, "competencies", *self._before)
        for stage_id, index, score in self._scores:
            choice = document.stages[stage_id]["choices"][index]
            _put_back(choice, "score", score, list(choice).index("score"))
        self._note(document)

    def _note(self, document: ScenarioDocument) -> None:
        document.note(Change("case-changed", key="competencies"))
        for stage_id in dict.fromkeys(stage_id for stage_id, _, _ in self._scores):
            document.note(Change("stage-changed", stage_id, key="choices"))
