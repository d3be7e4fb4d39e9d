"""The reversible edits of a scenario document: stages, choices, the start, the case's own keys, the case file.

Each edit checks that it can be made before it changes anything (an ``EditError`` says why not), puts
every key back where it was on undo (the file's key order is part of the file), and notes what it
changed on the document (``ScenarioDocument.note``) so the editor's views update only that.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

from typing_extensions import override

from tipcase.format.document import Change, Edit, EditError, ScenarioDocument
from tipcase.messages import QT_TRANSLATE_NOOP

ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-"
_MISSING = object()


def _check_id(stage_id: str, what: str = "stage") -> None:
    if not stage_id or stage_id[0] == "-" or any(char not in ID_CHARS for char in stage_id):
        template = {
            "exhibit": QT_TRANSLATE_NOOP("core", "exhibit id {id!r}: use lower-case letters, digits, '_' and '-'"),
            "competency": QT_TRANSLATE_NOOP("core", "competency id {id!r}: use lower-case letters, digits, '_' and '-'"),
        }.get(what, QT_TRANSLATE_NOOP("core", "stage id {id!r}: use lower-case letters, digits, '_' and '-'"))
        raise EditError(template, id=stage_id)


def _insert_key(mapping: dict[str, Any], key: str, value: Any, index: int) -> dict[str, Any]:
    """A copy of ``mapping`` with ``key`` at ``index`` (key order is the file's order)."""
    items = list(mapping.items())
    items.insert(index, (key, value))
    return dict(items)


def _put_back(mapping: dict[str, Any], key: str, value: Any, index: int) -> None:
    """Put ``key`` back at ``index`` in place, so an undone removal leaves the file's key order as it was."""
    if key not in mapping and index >= len(mapping):  # back at the end (a stage's ``layout``, its last key): no reordering
        mapping[key] = value
        return
    items = [(k, v) for k, v in mapping.items() if k != key]
    items.insert(min(index, len(items)), (key, value))
    mapping.clear()
    mapping.update(items)


def _set(mapping: dict[str, Any], key: str, value: Any, order: tuple[str, ...] = ()) -> tuple[Any, int]:
    """Set (``value`` None: remove) a key; returns what it was and where, for ``_restore``.

    A new key goes where ``order`` (the format's key order) puts it, else at the end.
    """
    previous = mapping.get(key, _MISSING)
    index = list(mapping).index(key) if key in mapping else len(mapping)
    if value is None:
        mapping.pop(key, None)
    elif key in mapping or key not in order:
        mapping[key] = copy.deepcopy(value)
    else:
        later = set(order[order.index(key) + 1 :])
        place = next((i for i, existing in enumerate(mapping) if existing in later), len(mapping))
        _put_back(mapping, key, copy.deepcopy(value), place)
    return previous, index


def _note_choices(document: ScenarioDocument, stage_id: str, *, ended: bool = False) -> None:
    document.note(Change("stage-changed", stage_id, key="choices"))
    if ended:  # a stage with choices is no longer an end (and back)
        document.note(Change("stage-changed", stage_id, key="end"))


def _move_start(document: ScenarioDocument, old: str | None, new: str | None) -> None:
    document.data["start"] = new
    document.note(Change("case-changed", key="start"))
    for stage_id in dict.fromkeys((old, new)):
        if stage_id is not None and stage_id in document.stages:
            document.note(Change("stage-changed", stage_id, key="start"))


def _restore(mapping: dict[str, Any], key: str, previous: Any, index: int) -> None:
    if previous is _MISSING:
        mapping.pop(key, None)
    else:
        _put_back(mapping, key, previous, index)


@dataclasses.dataclass
class AddStage(Edit):
    """Add a stage: at the end of the file, or right after the stage ``after`` (a duplicate sits by its original)."""

    stage_id: str
    stage: dict[str, Any] = dataclasses.field(default_factory=lambda: {"text": "", "end": "success"})
    after: str | None = None
    description = "add stage"

    @override
    def do(self, document: ScenarioDocument) -> None:
        _check_id(self.stage_id)
        if self.stage_id in document.stages:
            raise EditError(QT_TRANSLATE_NOOP("core", "a stage {id!r} already exists"), id=self.stage_id)
        if self.after is None:
            document.stages[self.stage_id] = copy.deepcopy(self.stage)
            document.note(Change("stage-added", self.stage_id, len(document.stages) - 1))
            return
        document.stage(self.after)  # an EditError when there is no such stage
        place = list(document.stages).index(self.after) + 1
        _put_back(document.stages, self.stage_id, copy.deepcopy(self.stage), place)
        document.note(Change("stage-added", self.stage_id, place))

    @override
    def revert(self, document: ScenarioDocument) -> None:
        document.note(Change("stage-removed", self.stage_id, list(document.stages).index(self.stage_id)))
        del document.stages[self.stage_id]


@dataclasses.dataclass
class DeleteStage(Edit):
    """Delete a stage and every choice that leads to it; undo puts all of them back where they were."""

    stage_id: str
    description = "delete stage"
    _removed: tuple[int, dict[str, Any]] | None = None
    _incoming: list[tuple[str, int, dict[str, Any]]] = dataclasses.field(default_factory=list)

    @override
    def do(self, document: ScenarioDocument) -> None:
        if document.data.get("start") == self.stage_id:
            raise EditError(QT_TRANSLATE_NOOP("core", "the start stage cannot be deleted: make another stage the start first"))
        stage = document.stage(self.stage_id)
        self._removed = (list(document.stages).index(self.stage_id), stage)
        self._incoming = []
        for other_id, other in document.stages.items():
            kept = []
            for index, choice in enumerate(other.get("choices", [])):
                if choice.get("to") == self.stage_id:
                    self._incoming.append((other_id, index, choice))
                else:
                    kept.append(choice)
            if len(kept) != len(other.get("choices", [])):
                other["choices"] = kept
                document.note(Change("stage-changed", other_id, key="choices"))
        document.note(Change("stage-removed", self.stage_id, self._removed[0]))
        del document.stages[self.stage_id]

    @override
    def revert(self, document: ScenarioDocument) -> None:
        assert self._removed is not None
        index, stage = self._removed
        document.data["stages"] = _insert_key(document.stages, self.stage_id, stage, index)
        document.note(Change("stage-added", self.stage_id, index))
        for other_id, choice_index, choice in self._incoming:  # in the order removed: indexes stay right
            document.stages[other_id].setdefault("choices", []).insert(choice_index, choice)
        for other_id in dict.fromkeys(other_id for other_id, _, _ in self._incoming):
            document.note(Change("stage-changed", other_id, key="choices"))


@dataclasses.dataclass
class RenameStage(Edit):
    """Give a stage a new id, in place, and point every choice (and the start) at the new id."""

    old: str
    new: str
    description = "rename stage"

    def _rename(self, document: ScenarioDocument, old: str, new: str) -> None:
        index = list(document.stages).index(old)
        document.data["stages"] = {(new if key == old else key): value for key, value in document.stages.items()}
        document.note(Change("stage-renamed", old, index, new_id=new))
        for stage_id, stage in document.stages.items():
            pointing = False
            for choice in stage.get("choices", []):
                if choice.get("to") == old:
                    choice["to"] = new
                    pointing = True
            if pointing:
                document.note(Change("stage-changed", stage_id, key="choices"))
        if document.data.get("start") == old:
            document.data["start"] = new
            document.note(Change("case-changed", key="start"))

    @override
    def do(self, document: ScenarioDocument) -> None:
        _check_id(self.new)
        document.stage(self.old)
        if self.new in document.stages:
            raise EditError(QT_TRANSLATE_NOOP("core", "a stage {id!r} already exists"), id=self.new)
        self._rename(document, self.old, self.new)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        self._rename(document, self.new, self.old)


@dataclasses.dataclass
class SetStart(Edit):
    """Make ``stage_id`` the case's start (moved to the top of the stages, as authors expect); undo restores the previous start."""

    stage_id: str
    description = "set start"
    _previous: str | None = None

    @override
    def do(self, document: ScenarioDocument) -> None:
        document.stage(self.stage_id)
        self._previous = document.data.get("start")
        _move_start(document, self._previous, self.stage_id)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        _move_start(document, self.stage_id, self._previous)


CASE_KEYS = (
    "id",
    "version",
    "role",
    "title",
    "summary",
    "languages",
    "content_warning",
    "pathway",
    "pass_mark",
    "competencies",
    "variables",
    "exhibits",
    "analysis",  # {max_states: N}: the case's own analysis budget (docs/scenario-format.md, "The analysis budget")
)
# the format's key orders, kept when a key is added (the file reads like the format's example)
FILE_ORDER = ("tipcase", *CASE_KEYS, "start", "stages")
STAGE_ORDER = ("at", "title", "text", "reveal", "choices", "end", "layout")
CHOICE_ORDER = ("label", "to", "score", "feedback", "when", "set", "add", "hours", "critical", "ref")


@dataclasses.dataclass
class SetCaseField(Edit):
    """Set (or with ``value`` None, remove) one of the case's own keys: id, title, pathway, variables...

    ``start`` has ``SetStart`` and ``stages`` the stage edits; ``tipcase`` is the format and never changes.
    """

    key: str
    value: Any
    description = "change case"
    _previous: tuple[Any, int] = (_MISSING, 0)

    @override
    def do(self, document: ScenarioDocument) -> None:
        if self.key not in CASE_KEYS:
            raise EditError(QT_TRANSLATE_NOOP("core", "{key!r} is not a case field"), key=self.key)
        if self.key in ("id", "version", "title") and self.value is None:
            raise EditError(QT_TRANSLATE_NOOP("core", "the case needs its {key}"), key=self.key)
        if self.key == "id" and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(self.value)):
            raise EditError(
                QT_TRANSLATE_NOOP("core", "case id {id!r}: use lower-case letters, digits and '-', starting with a letter or digit"),
                id=self.value,
            )
        self._previous = _set(document.data, self.key, self.value, FILE_ORDER)
        document.note(Change("case-changed", key=self.key))

    @override
    def revert(self, document: ScenarioDocument) -> None:
        _restore(document.data, self.key, *self._previous)
        document.note(Change("case-changed", key=self.key))


@dataclasses.dataclass
class SetExhibit(Edit):
    """Add, change, rename or (with ``value`` None) delete one exhibit of the case file.

    A rename follows into every stage's ``reveal``; a delete takes the exhibit out of them. Undo puts the
    case file and the reveals back exactly as they were, key order included.
    """

    old_id: str | None
    new_id: str | None
    value: dict[str, Any] | None
    description = "change exhibit"
    _before: tuple[Any, int] = (_MISSING, 0)
    _reveals: dict[str, tuple[Any, int]] = dataclasses.field(default_factory=dict)

    @override
    def do(self, document: ScenarioDocument) -> None:
        exhibits = dict(document.data.get("exhibits") or {})
        if self.old_id is not None and self.old_id not in exhibits:
            raise EditError(QT_TRANSLATE_NOOP("core", "no exhibit {id!r}"), id=self.old_id)
        if self.value is not None:
            if self.new_id is None:
                raise EditError(QT_TRANSLATE_NOOP("core", "an exhibit needs an id"))
            _check_id(self.new_id, "exhibit")
            if self.new_id != self.old_id and self.new_id in exhibits:
                raise EditError(QT_TRANSLATE_NOOP("core", "an exhibit {id!r} already exists"), id=self.new_id)
        self._reveals = {
            stage_id: (copy.deepcopy(stage["reveal"]), list(stage).index("reveal"))
            for stage_id, stage in document.stages.items()
            if "reveal" in stage
        }
        if self.old_id is None:
            exhibits[str(self.new_id)] = copy.deepcopy(self.value)
        elif self.value is None:
            del exhibits[self.old_id]
        else:
            exhibits = {(str(self.new_id) if key == self.old_id else key): value for key, value in exhibits.items()}
            exhibits[str(self.new_id)] = copy.deepcopy(self.value)
        if self.old_id is not None and (self.value is None or self.new_id != self.old_id):
            for stage in document.stages.values():
                reveal = stage.get("reveal")
                if not isinstance(reveal, list) or self.old_id not in reveal:
                    continue
                if self.value is None:
                    kept = [item for item in reveal if item != self.old_id]
                else:
                    kept = [self.new_id if item == self.old_id else item for item in reveal]
                if kept:
                    stage["reveal"] = kept
                else:
                    del stage["reveal"]
        self._before = _set(document.data, "exhibits", exhibits or None, FILE_ORDER)
        self._note(document)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        _restore(document.data, "exhibits", *self._before)
        for stage_id, stage in document.stages.items():
            if stage_id in self._reveals:
                _put_back(stage, "reveal", *self._reveals[stage_id])
            else:
                stage.pop("reveal", None)
        self._note(document)

    def _note(self, document: ScenarioDocument) -> None:
        document.note(Change("case-changed", key="exhibits"))
        if self.old_id is not None and (self.value is None or self.new_id != self.old_id):
            for stage_id, (reveal, _) in self._reveals.items():
                if isinstance(reveal, list) and self.old_id in reveal:
                    document.note(Change("stage-changed", stage_id, key="reveal"))


@dataclasses.dataclass
class SetStageField(Edit):
    """Set (or with ``value`` None, remove) one key of a stage: text, title, end, at, layout, reveal."""

    stage_id: str
    key: str
    value: Any
    description = "change stage"
    _previous: tuple[Any, int] = (_MISSING, 0)

    @override
    def do(self, document: ScenarioDocument) -> None:
        self._previous = _set(document.stage(self.stage_id), self.key, self.value, STAGE_ORDER)
        document.note(Change("stage-changed", self.stage_id, key=self.key))

    @override
    def revert(self, document: ScenarioDocument) -> None:
        _restore(document.stage(self.stage_id), self.key, *self._previous)
        document.note(Change("stage-changed", self.stage_id, key=self.key))


class MoveStage(SetStageField):
    """Move a stage on the canvas (its ``layout``)."""

    def __init__(self, stage_id: str, x: float, y: float) -> None:
        super().__init__(stage_id, "layout", {"x": round(x, 1), "y": round(y, 1)})

    description = "move stage"


@dataclasses.dataclass
class AddChoice(Edit):
    """Add a choice to a stage, at ``index`` (0-based) or at the end; an end stage given a choice stops being an end."""

    stage_id: str
    choice: dict[str, Any]
    index: int | None = None
    description = "add choice"
    _removed_end: tuple[Any, int] = (_MISSING, 0)
    _had_choices_key: bool = False

    @override
    def do(self, document: ScenarioDocument) -> None:
        stage = document.stage(self.stage_id)
        self._removed_end = _set(stage, "end", None)  # a stage with choices is no longer an end
        self._had_choices_key = "choices" in stage
        choices = stage.setdefault("choices", [])
        choices.insert(len(choices) if self.index is None else self.index, copy.deepcopy(self.choice))
        _note_choices(document, self.stage_id, ended=self._removed_end[0] is not _MISSING)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        stage = document.stage(self.stage_id)
        choices = stage["choices"]
        choices.pop(len(choices) - 1 if self.index is None else self.index)
        if not self._had_choices_key:
            del stage["choices"]
        _restore(stage, "end", *self._removed_end)
        _note_choices(document, self.stage_id, ended=self._removed_end[0] is not _MISSING)


@dataclasses.dataclass
class DeleteChoice(Edit):
    """Delete the choice at ``index`` (0-based) of a stage; undo puts it back in its place."""

    stage_id: str
    index: int
    description = "delete choice"
    _removed: dict[str, Any] | None = None

    @override
    def do(self, document: ScenarioDocument) -> None:
        choices = document.stage(self.stage_id).get("choices", [])
        if not 0 <= self.index < len(choices):
            raise EditError(QT_TRANSLATE_NOOP("core", "stage {id!r} has no choice {n}"), id=self.stage_id, n=self.index + 1)
        self._removed = choices.pop(self.index)
        _note_choices(document, self.stage_id)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        assert self._removed is not None
        document.stage(self.stage_id).setdefault("choices", []).insert(self.index, self._removed)
        _note_choices(document, self.stage_id)


@dataclasses.dataclass
class MoveChoice(Edit):
    """Move a choice to another place in its stage's list (the order trainees see, and their numbers)."""

    stage_id: str
    index: int
    to_index: int
    description = "move choice"

    def _move(self, document: ScenarioDocument, source: int, target: int) -> None:
        choices = document.stage(self.stage_id).get("choices", [])
        if not (0 <= source < len(choices) and 0 <= target < len(choices)):
            raise EditError(QT_TRANSLATE_NOOP("core", "stage {id!r} has no choice {n}"), id=self.stage_id, n=max(source, target) + 1)
        choices.insert(target, choices.pop(source))
        _note_choices(document, self.stage_id)

    @override
    def do(self, document: ScenarioDocument) -> None:
        self._move(document, self.index, self.to_index)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        self._move(document, self.to_index, self.index)


@dataclasses.dataclass
class SetChoiceField(Edit):
    """Set (or with ``value`` None, remove) one key of a choice: label, to, score, feedback, when, set, add, hours, critical, ref."""

    stage_id: str
    index: int
    key: str
    value: Any
    description = "change choice"
    _previous: tuple[Any, int] = (_MISSING, 0)

    def _choice(self, document: ScenarioDocument) -> dict[str, Any]:
        choices = document.stage(self.stage_id).get("choices", [])
        if not 0 <= self.index < len(choices):
            raise EditError(QT_TRANSLATE_NOOP("core", "stage {id!r} has no choice {n}"), id=self.stage_id, n=self.index + 1)
        return choices[self.index]  # type: ignore[no-any-return]

    @override
    def do(self, document: ScenarioDocument) -> None:
        self._previous = _set(self._choice(document), self.key, self.value, CHOICE_ORDER)
        _note_choices(document, self.stage_id)

    @override
    def revert(self, document: ScenarioDocument) -> None:
        _restore(self._choice(document), self.key, *self._previous)
        _note_choices(document, self.stage_id)
