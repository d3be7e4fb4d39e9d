"""The scenario being edited: the plain data of its YAML file, changed only through reversible edits.

Each edit (``tipcase.format.edits``) is a small object with ``redo`` and ``undo``; the editor wraps each
in a ``QUndoCommand``, so every change (add, delete, rename, move, set-start, any field) can be undone
and redone, and the core keeps the rules: a rename updates every choice that points to the stage, a
deleted stage takes the choices into it along and brings them back on undo. ``EditGroup`` makes several
edits one step (a form with several changed fields).

A document tells its listeners what changed (``subscribe``): after each edit, redone or undone, every
listener gets the list of ``Change`` notices it made, once, so a view updates the rows, nodes and
findings that changed instead of rebuilding itself. No Qt here: the editor's models adapt the notices.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import yaml
from typing_extensions import override

from tipcase.format.findings import Findings
from tipcase.format.validator import Checked, check_text
from tipcase.format.yaml_source import MAX_FILE_BYTES, compose, decode, too_large
from tipcase.format.yaml_writer import to_yaml
from tipcase.messages import QT_TRANSLATE_NOOP, MessageError

ChangeKind = Literal["stage-added", "stage-removed", "stage-renamed", "stage-changed", "case-changed"]


class EditError(MessageError):
    """An edit that cannot be made (a name taken, the start stage deleted); the message says why.

    The message is a template and its parameters (tipcase.messages), so the editor says it in its language.
    """


@dataclasses.dataclass(frozen=True)
class Change:
    """One thing an edit changed, in the order it happened.

    ``stage-added`` and ``stage-removed``: ``stage`` at ``index`` (its place in the file's order, after the
    addition, before the removal). ``stage-renamed``: ``stage`` became ``new_id`` at ``index``.
    ``stage-changed``: ``key`` of ``stage`` (``choices`` for anything in its choices; ``start`` when it
    became or stopped being the start). ``case-changed``: the case's own ``key`` (``start``, ``exhibits``...).
    """

    kind: ChangeKind
    stage: str | None = None
    index: int | None = None
    key: str | None = None
    new_id: str | None = None


Listener = Callable[[list[Change]], None]


NEW_TITLE = {"en": "New case", "id": "Kasus baru"}  # a new case's title in each of its languages


class ScenarioDocument:
    """A scenario as editable data, with the file it came from and the text it was read from."""

    def __init__(self, data: dict[str, Any], path: Path | None = None, *, source_text: str | None = None) -> None:
        """``source_text`` is the file's text when ``data`` was read from it (and not changed since)."""
        self.data = data
        self.path = path
        self.source_text = source_text
        self.data.setdefault("stages", {})
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        self._depth = 0

    @classmethod
    def new(cls, scenario_id: str = "new-case", title: str | dict[str, str] | None = None) -> ScenarioDocument:
        """The smallest case that validates: one stage that is an end, titled in both its languages (``NEW_TITLE``)."""
        return cls(
            {
                "tipcase": 1,
                "id": scenario_id,
                "version": 1,
                "title": dict(NEW_TITLE) if title is None else title,
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
        data, text = read_scenario(raw, str(source))
        return cls(data, source, source_text=text)

    def to_yaml(self) -> str:
        """The document as YAML text in the file's key order (``yaml_writer.to_yaml``), as a save writes it."""
        return to_yaml(self.data)

    def validate(self) -> Checked:
        """Everything the validator finds in the document as it stands (positions refer to ``to_yaml(data, for_reading=False)``)."""
        return check_text(to_yaml(self.data, for_reading=False), self.shown_path())

    def shown_path(self) -> str:
        """The path findings print (and beside which the case's pathway is looked for)."""
        return str(self.path or f"{self.data.get('id', 'scenario')}.yaml")

    @property
    def stages(self) -> dict[str, dict[str, Any]]:
        """Stage id -> the stage's mapping, in file order; the document's own (edits change it in place)."""
        return self.data["stages"]  # type: ignore[no-any-return]

    def stage(self, stage_id: str) -> dict[str, Any]:
        """A stage's data; raises EditError when there is no such stage."""
        try:
            return self.stages[stage_id]
        except KeyError:
            raise EditError(QT_TRANSLATE_NOOP("core", "no stage {id!r}"), id=stage_id) from None

    def free_id(self, base: str = "stage") -> str:
        """``base``, or ``base-2``, ``base-3``... whichever no stage has yet."""
        candidate, number = base, 2
        while candidate in self.stages:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def apply(self, edit: Edit) -> Edit:
        """Make an edit (for callers without an undo stack)."""
        edit.redo(self)
        return edit

    # -- change notices ----------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changes)`` after each edit made or undone, with the changes it made, in order."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener`` (nothing happens when it was not subscribed)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextlib.contextmanager
    def changing(self) -> Iterator[None]:
        """Collect the notices of the edits made inside; the outermost block delivers them all at once.

        Notices are delivered even when an edit raises (what it had changed was put back, and the views
        look again at what the notices name).
        """
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and self._pending:
                changes, self._pending = self._pending, []
                self.source_text = None  # the data no longer is the file's text
                for listener in list(self._listeners):
                    listener(changes)

    def note(self, change: Change) -> None:
        """Record a change (edits call this while the document is ``changing``)."""
        self._pending.append(change)


class Edit:
    """One reversible change to a document: subclasses say how in ``do`` and ``revert``."""

    description = "edit"

    def redo(self, document: ScenarioDocument) -> None:
        """Make the edit; raises EditError (changing nothing) when it cannot be made."""
        with document.changing():
            self.do(document)

    def undo(self, document: ScenarioDocument) -> None:
        """Take the edit back, exactly (key order included)."""
        with document.changing():
            self.revert(document)

    def do(self, document: ScenarioDocument) -> None:
        """Make the change on ``document`` (called by ``redo``, inside ``document.changing()``).

        Raises EditError, having changed nothing, when the edit cannot be made.
        """
        raise NotImplementedError

    def revert(self, document: ScenarioDocument) -> None:
        """Take back exactly what ``do`` changed, key order included (called by ``undo``)."""
        raise NotImplementedError


@dataclasses.dataclass
class EditGroup(Edit):
    """Several edits as one: made in order, undone in reverse; if one cannot be made, none is."""

    edits: list[Edit]
    description = "edits"

    @override
    def do(self, document: ScenarioDocument) -> None:
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.redo(document)
                done.append(edit)
        except EditError:
            for edit in reversed(done):
                edit.undo(document)
            raise

    @override
    def revert(self, document: ScenarioDocument) -> None:
        for edit in reversed(self.edits):
            edit.undo(document)


def read_scenario(raw: bytes, shown: str) -> tuple[dict[str, Any], str]:
    """A scenario file's bytes as plain data and text, read the validator's way; ``shown`` names the file in errors.

    Raises EditError with the validator's E001 line (``shown:LINE:COL: E001 ...``) for bytes that are not
    UTF-8 or text that is not YAML, and ``shown: not a scenario file`` for YAML that is not a scenario.
    """
    findings = Findings(shown)
    text = decode(raw, findings)
    if text is None:
        raise EditError(str(findings.items[0]))
    return read_scenario_text(text, shown), text


def read_scenario_text(text: str, shown: str) -> dict[str, Any]:
    """A scenario file's text as plain data, read the validator's way; raises EditError as ``read_scenario`` does."""
    findings = Findings(shown)
    root = compose(text, findings)
    if findings.items:
        raise EditError(str(findings.items[0]))
    data = yaml.constructor.SafeConstructor().construct_document(root) if root is not None else None
    if not isinstance(data, dict) or "tipcase" not in data:
        raise EditError(QT_TRANSLATE_NOOP("core", "{file}: not a scenario file"), file=shown)
    return data
