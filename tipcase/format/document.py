"""The scenario being edited: the plain data of its YAML file, changed only through reversible edits.

Each edit is a small object with ``redo`` and ``undo``; the editor wraps each in a ``QUndoCommand``, so
every change (add, delete, rename, move, set-start, any field) can be undone and redone, and the core
keeps the rules: a rename updates every choice that points to the stage, a deleted stage takes the
choices into it along and brings them back on undo. Validation is the validator's, run on the
document's YAML as it stands.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import re
from pathlib import Path
from typing import Any

import yaml

from tipcase.format.findings import Findings
from tipcase.format.validator import Checked, check_text
from tipcase.format.yaml_source import MAX_FILE_BYTES, compose, decode, too_large
from tipcase.format.yaml_writer import to_yaml

ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-"
_MISSING = object()


class EditError(Exception):
    """An edit that cannot be made (a name taken, the start stage deleted); the message says why."""


class ScenarioDocument:
    """A scenario as editable data, with the file it came from."""

    def __init__(self, data: dict[str, Any], path: Path | None = None) -> None:
        self.data = data
        self.path = path
        self.data.setdefault("stages", {})

    @classmethod
    def new(cls, scenario_id: str = "new-case", title: str = "New case") -> ScenarioDocument:
        """The smallest case that validates: one stage that is an end."""
        return cls(
            {
                "tipcase": 1,
                "id": scenario_id,
                "version": 1,
                "title": title,
                "languages": ["en", "id"],
                "start": "start",
                "stages": {"start": {"text": {"en": "", "id": ""}, "end": "success"}},
            }
        )

    @classmethod
    def load(cls, path: str | Path) -> ScenarioDocument:
        """Read a scenario file as the validator reads it (UTF-8, libyaml, ``tipcase.format.yaml_source``).

        Raises OSError when the file cannot be read, and EditError with one line ``PATH:LINE:COL: E001 ...``
        when it is not UTF-8 or not YAML, or ``PATH: not a scenario file`` when it is YAML of another kind.
        """
        source = Path(path)
        with source.open("rb") as stream:  # bounded: a file over the reader's limit is refused unread
            findings = Findings(str(source))
            if too_large(os.fstat(stream.fileno()).st_size, findings):
                raise EditError(str(findings.items[0]))
            raw = stream.read(MAX_FILE_BYTES + 1)
        return cls(read_scenario_data(raw, str(source)), source)

    def to_yaml(self) -> str:
        return to_yaml(self.data)

    def validate(self) -> Checked:
        """Everything the validator finds in the document as it stands (positions refer to ``to_yaml(data, for_reading=False)``)."""
        return check_text(to_yaml(self.data, for_reading=False), str(self.path or f"{self.data.get('id', 'scenario')}.yaml"))

    @property
    def stages(self) -> dict[str, dict[str, Any]]:
        return self.data["stages"]  # type: ignore[no-any-return]

    def stage(self, stage_id: str) -> dict[str, Any]:
        try:
            return self.stages[stage_id]
        except KeyError:
            raise EditError(f"no stage {stage_id!r}") from None

    def choices(self, stage_id: str) -> list[dict[str, Any]]:
        return self.stage(stage_id).setdefault("choices", [])  # type: ignore[no-any-return]

    def free_id(self, base: str = "stage") -> str:
        candidate, number = base, 2
        while candidate in self.stages:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def apply(self, edit: Edit) -> Edit:
        """Make an edit (for callers without an undo stack)."""
        edit.redo(self)
        return edit


def read_scenario_data(raw: bytes, shown: str) -> dict[str, Any]:
    """A scenario file's bytes as plain data, read the validator's way; ``shown`` names the file in errors.

    Raises EditError with the validator's E001 line (``shown:LINE:COL: E001 ...``) for bytes that are not
    UTF-8 or text that is not YAML, and ``shown: not a scenario file`` for YAML that is not a scenario.
    """
    findings = Findings(shown)
    text = decode(raw, findings)
    root = compose(text, findings) if text is not None else None
    if findings.items:
        raise EditError(str(findings.items[0]))
    data = yaml.constructor.SafeConstructor().construct_document(root) if root is not None else None
    if not isinstance(data, dict) or "tipcase" not in data:
        raise EditError(f"{shown}: not a scenario file")
    return data


def _check_id(stage_id: str, what: str = "stage") -> None:
    if not stage_id or stage_id[0] == "-" or any(char not in ID_CHARS for char in stage_id):
        raise EditError(f"{what} id {stage_id!r}: use lower-case letters, digits, '_' and '-'")


def _insert_key(mapping: dict[str, Any], key: str, value: Any, index: int) -> dict[str, Any]:
    """A copy of ``mapping`` with ``key`` at ``index`` (key order is the file's order)."""
    items = list(mapping.items())
    items.insert(index, (key, value))
    return dict(items)


def _put_back(mapping: dict[str, Any], key: str, value: Any, index: int) -> None:
    """Put ``key`` back at ``index`` in place, so an undone removal leaves the file's key order as it was."""
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


def _restore(mapping: dict[str, Any], key: str, previous: Any, index: int) -> None:
    if previous is _MISSING:
        mapping.pop(key, None)
    else:
        _put_back(mapping, key, previous, index)


class Edit:
    """One reversible change to a document."""

    description = "edit"

    def redo(self, document: ScenarioDocument) -> None:
        raise NotImplementedError

    def undo(self, document: ScenarioDocument) -> None:
        raise NotImplementedError


@dataclasses.dataclass
class AddStage(Edit):
    """Add a stage: at the end of the file, or right after the stage ``after`` (a duplicate sits by its original)."""

    stage_id: str
    stage: dict[str, Any] = dataclasses.field(default_factory=lambda: {"text": "", "end": "success"})
    after: str | None = None
    description = "add stage"

    def redo(self, document: ScenarioDocument) -> None:
        _check_id(self.stage_id)
        if self.stage_id in document.stages:
            raise EditError(f"a stage {self.stage_id!r} already exists")
        if self.after is None:
            document.stages[self.stage_id] = copy.deepcopy(self.stage)
            return
        document.stage(self.after)  # an EditError when there is no such stage
        place = list(document.stages).index(self.after) + 1
        _put_back(document.stages, self.stage_id, copy.deepcopy(self.stage), place)

    def undo(self, document: ScenarioDocument) -> None:
        del document.stages[self.stage_id]


@dataclasses.dataclass
class DeleteStage(Edit):
    """Delete a stage and every choice that leads to it; undo puts all of them back where they were."""

    stage_id: str
    description = "delete stage"
    _removed: tuple[int, dict[str, Any]] | None = None
    _incoming: list[tuple[str, int, dict[str, Any]]] = dataclasses.field(default_factory=list)

    def redo(self, document: ScenarioDocument) -> None:
        if document.data.get("start") == self.stage_id:
            raise EditError("the start stage cannot be deleted: make another stage the start first")
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
        del document.stages[self.stage_id]

    def undo(self, document: ScenarioDocument) -> None:
        assert self._removed is not None
        index, stage = self._removed
        document.data["stages"] = _insert_key(document.stages, self.stage_id, stage, index)
        for other_id, choice_index, choice in self._incoming:  # in the order removed: indexes stay right
            document.stages[other_id].setdefault("choices", []).insert(choice_index, choice)


@dataclasses.dataclass
class RenameStage(Edit):
    """Give a stage a new id, in place, and point every choice (and the start) at the new id."""

    old: str
    new: str
    description = "rename stage"

    def _rename(self, document: ScenarioDocument, old: str, new: str) -> None:
        document.data["stages"] = {(new if key == old else key): value for key, value in document.stages.items()}
        for stage in document.stages.values():
            for choice in stage.get("choices", []):
                if choice.get("to") == old:
                    choice["to"] = new
        if document.data.get("start") == old:
            document.data["start"] = new

    def redo(self, document: ScenarioDocument) -> None:
        _check_id(self.new)
        document.stage(self.old)
        if self.new in document.stages:
            raise EditError(f"a stage {self.new!r} already exists")
        self._rename(document, self.old, self.new)

    def undo(self, document: ScenarioDocument) -> None:
        self._rename(document, self.new, self.old)


@dataclasses.dataclass
class SetStart(Edit):
    stage_id: str
    description = "set start"
    _previous: str | None = None

    def redo(self, document: ScenarioDocument) -> None:
        document.stage(self.stage_id)
        self._previous = document.data.get("start")
        document.data["start"] = self.stage_id

    def undo(self, document: ScenarioDocument) -> None:
        document.data["start"] = self._previous


CASE_KEYS = (
    "id",
    "version",
    "title",
    "summary",
    "languages",
    "content_warning",
    "pathway",
    "pass_mark",
    "competencies",
    "variables",
    "exhibits",
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

    def redo(self, document: ScenarioDocument) -> None:
        if self.key not in CASE_KEYS:
            raise EditError(f"{self.key!r} is not a case field")
        if self.key in ("id", "version", "title") and self.value is None:
            raise EditError(f"the case needs its {self.key}")
        if self.key == "id" and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(self.value)):
            raise EditError(f"case id {self.value!r}: use lower-case letters, digits and '-', starting with a letter or digit")
        self._previous = _set(document.data, self.key, self.value, FILE_ORDER)

    def undo(self, document: ScenarioDocument) -> None:
        _restore(document.data, self.key, *self._previous)


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

    def redo(self, document: ScenarioDocument) -> None:
        exhibits = dict(document.data.get("exhibits") or {})
        if self.old_id is not None and self.old_id not in exhibits:
            raise EditError(f"no exhibit {self.old_id!r}")
        if self.value is not None:
            if self.new_id is None:
                raise EditError("an exhibit needs an id")
            _check_id(self.new_id, "exhibit")
            if self.new_id != self.old_id and self.new_id in exhibits:
                raise EditError(f"an exhibit {self.new_id!r} already exists")
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

    def undo(self, document: ScenarioDocument) -> None:
        _restore(document.data, "exhibits", *self._before)
        for stage_id, stage in document.stages.items():
            if stage_id in self._reveals:
                _put_back(stage, "reveal", *self._reveals[stage_id])
            else:
                stage.pop("reveal", None)


@dataclasses.dataclass
class SetStageField(Edit):
    """Set (or with ``value`` None, remove) one key of a stage: text, title, end, at, layout, reveal."""

    stage_id: str
    key: str
    value: Any
    description = "change stage"
    _previous: tuple[Any, int] = (_MISSING, 0)

    def redo(self, document: ScenarioDocument) -> None:
        self._previous = _set(document.stage(self.stage_id), self.key, self.value, STAGE_ORDER)

    def undo(self, document: ScenarioDocument) -> None:
        _restore(document.stage(self.stage_id), self.key, *self._previous)


class MoveStage(SetStageField):
    """Move a stage on the canvas (its ``layout``)."""

    def __init__(self, stage_id: str, x: float, y: float) -> None:
        super().__init__(stage_id, "layout", {"x": round(x, 1), "y": round(y, 1)})

    description = "move stage"


@dataclasses.dataclass
class AddChoice(Edit):
    stage_id: str
    choice: dict[str, Any]
    index: int | None = None
    description = "add choice"
    _removed_end: tuple[Any, int] = (_MISSING, 0)
    _had_choices_key: bool = False

    def redo(self, document: ScenarioDocument) -> None:
        stage = document.stage(self.stage_id)
        self._removed_end = _set(stage, "end", None)  # a stage with choices is no longer an end
        self._had_choices_key = "choices" in stage
        choices = stage.setdefault("choices", [])
        choices.insert(len(choices) if self.index is None else self.index, copy.deepcopy(self.choice))

    def undo(self, document: ScenarioDocument) -> None:
        stage = document.stage(self.stage_id)
        choices = stage["choices"]
        choices.pop(len(choices) - 1 if self.index is None else self.index)
        if not self._had_choices_key:
            del stage["choices"]
        _restore(stage, "end", *self._removed_end)


@dataclasses.dataclass
class DeleteChoice(Edit):
    stage_id: str
    index: int
    description = "delete choice"
    _removed: dict[str, Any] | None = None

    def redo(self, document: ScenarioDocument) -> None:
        choices = document.stage(self.stage_id).get("choices", [])
        if not 0 <= self.index < len(choices):
            raise EditError(f"stage {self.stage_id!r} has no choice {self.index + 1}")
        self._removed = choices.pop(self.index)

    def undo(self, document: ScenarioDocument) -> None:
        assert self._removed is not None
        document.stage(self.stage_id).setdefault("choices", []).insert(self.index, self._removed)


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
            raise EditError(f"stage {self.stage_id!r} has no choice {max(source, target) + 1}")
        choices.insert(target, choices.pop(source))

    def redo(self, document: ScenarioDocument) -> None:
        self._move(document, self.index, self.to_index)

    def undo(self, document: ScenarioDocument) -> None:
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
            raise EditError(f"stage {self.stage_id!r} has no choice {self.index + 1}")
        return choices[self.index]  # type: ignore[no-any-return]

    def redo(self, document: ScenarioDocument) -> None:
        self._previous = _set(self._choice(document), self.key, self.value, CHOICE_ORDER)

    def undo(self, document: ScenarioDocument) -> None:
        _restore(self._choice(document), self.key, *self._previous)
