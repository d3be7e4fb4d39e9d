"""Checking the case being edited in a process of its own, so that typing never waits for the validator.

The validator is pure Python work that takes seconds on a large case (about 1.5 s at 5,000 stages), and
Python runs one thread at a time: in a thread of the editor it would still stall the screen. So the
editor keeps a *mirror* of its document in a child process (``python -m tipcase.format.document_check``)
and sends it only what changed:

- ``SyncTracker`` follows the document's change notices and, when asked, says what the mirror needs to
  catch up (the whole file's text once, then the stages and case keys that changed, and the order of the
  stages when it changed). It is state, not replayed operations: what is sent is the value as it stands.
- ``Mirror`` holds the data, keeps each stage and case key as YAML nodes, re-making only the parts that
  changed, and runs the validator on the tree (``loader.load_node``) without writing and parsing the
  whole text. The first check after opening runs on the file's own text (its findings have the file's
  lines and columns; those of parts changed later are 1:1). It also writes the autosave, with the
  readable emitter a saved file gets, off the editor's process.
- A "play" request (the editor's *Play from here*) applies the sync like a check, checks the case (or reuses
  the check of the same version: ``Mirror`` keeps its last ``Checked`` until the next change) and answers a
  ``PlayReady``: the report, and the loaded Scenario and pathway when nothing blocks a play, pickled back
  (about 0.15 s to unpickle at 5,000 stages, 0.03 s at 1,000, with the collector paused) so the editor never
  validates, writes or parses the case on its GUI thread.
- ``CheckerProcess`` runs a Mirror in the child and speaks to it in length-prefixed pickles over its
  standard input and output, one request at a time (call it from a worker thread: it blocks).
  ``LocalChecker`` does the same in this process.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import pickle
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any, Literal

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tipcase.format.document import Change, ScenarioDocument, read_scenario_text
from tipcase.format.findings import Finding
from tipcase.format.loader import load_node
from tipcase.format.model import Pathway, Scenario
from tipcase.format.validator import Checked, check_loaded, check_text
from tipcase.format.yaml_source import gc_paused
from tipcase.format.yaml_writer import to_yaml

Action = Literal["check", "write", "play"]
PLAYABLE_ERRORS = ("E006", "E007")  # unreached stages and dead ends: a case half-built can still be test-played
_EDITED = Mark("<edited>", 0, 0, 0, None, 0)  # where a changed part "is": findings in it print 1:1
_FRAME = struct.Struct("!Q")


@dataclasses.dataclass
class Sync:
    """What a mirror needs to catch up with the document; see ``SyncTracker.take``.

    ``path`` is the path findings print and beside which the pathway is looked for. A fresh start gives
    ``text`` (the file's text, as read) or ``data``; otherwise ``keys`` (the case's keys in order),
    ``case`` (changed case keys' values), ``stage_order`` (when stages were added, removed or renamed),
    ``stages`` (changed stages' values) and ``layouts`` (stages of which only the place changed, a drag or
    an arrangement: stage id -> its ``layout`` value, None when it has none, and the key's place among the
    stage's keys, so thousands of moved stages cost a few numbers each, not their whole text).
    """

    path: str
    text: str | None = None
    data: dict[str, Any] | None = None
    keys: list[str] | None = None
    case: dict[str, Any] = dataclasses.field(default_factory=dict)
    stage_order: list[str] | None = None
    stages: dict[str, Any] = dataclasses.field(default_factory=dict)
    layouts: dict[str, tuple[Any, int]] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class CheckReport:
    """What the validator found, and the names the editor's fields can use (for their tooltips).

    ``competencies`` maps each id to its title by language; ``pathway`` is the id of the case's pathway when it
    was found, ``pathway_title`` its title by language and ``pathway_nodes`` the ids of its nodes; ``seconds`` is
    how long the check took in the checker.
    """

    findings: list[Finding]
    competencies: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    variables: list[str] = dataclasses.field(default_factory=list)
    exhibits: list[str] = dataclasses.field(default_factory=list)
    pathway: str | None = None
    pathway_title: dict[str, str] = dataclasses.field(default_factory=dict)
    pathway_nodes: list[str] = dataclasses.field(default_factory=list)
    scenario_loaded: bool = False
    seconds: float = 0.0

    @classmethod
    def of(cls, checked: Checked, seconds: float = 0.0) -> CheckReport:
        """A report of ``checked`` (findings, and the case's competencies, variables, exhibits and pathway nodes for the forms' lists).

        ``seconds``: how long the check took, wall-clock.
        """
        scenario, pathway = checked.scenario, checked.pathway
        report = cls(checked.findings, seconds=seconds, scenario_loaded=scenario is not None)
        if scenario is not None:
            report.competencies = {key: dict(competency.title.values) for key, competency in scenario.competencies.items()}
            report.variables = list(scenario.variables)
            report.exhibits = list(scenario.exhibits)
        if pathway is not None:
            report.pathway, report.pathway_nodes = pathway.id, sorted(pathway.nodes)
            report.pathway_title = dict(pathway.title.values)
        return report


@dataclasses.dataclass
class PlayReady:
    """The answer to a "play" request: the check of the document as it stood, and what a test play needs.

    ``blocking`` is the first error finding that stops a play (any error but ``PLAYABLE_ERRORS``), None when
    there is none; ``scenario`` and ``pathway`` are the loaded case and its pathway (None when not found), and
    ``scenario`` is None whenever ``blocking`` is set or the case could not be loaded (they are not sent then).
    """

    report: CheckReport
    blocking: Finding | None = None
    scenario: Scenario | None = None
    pathway: Pathway | None = None


@dataclasses.dataclass
class CheckerFailure:
    """A request the checker could not serve (its mirror starts afresh); the message says why."""

    message: str


class CheckerGone(Exception):
    """The checker process ended or could not be started; the next request starts a new one."""


class SyncTracker:
    """Follows a document's change notices; ``take`` says what a mirror needs to catch up since the last take."""

    def __init__(self, document: ScenarioDocument) -> None:
        self.document = document
        self._full = True
        self._structure = False
        self._stages: set[str] = set()
        self._moved: set[str] = set()  # stages whose place (``layout``) changed: sent as ``Sync.layouts`` unless whole
        self._case: set[str] = set()
        document.subscribe(self._changed)

    def close(self) -> None:
        """Stop following the document."""
        self.document.unsubscribe(self._changed)

    def restart(self) -> None:
        """The mirror was lost: the next take starts it afresh."""
        self._full = True

    def _changed(self, changes: list[Change]) -> None:
        for change in changes:
            if change.kind == "case-changed" and change.key is not None:
                self._case.add(change.key)
            elif change.kind == "stage-changed" and change.key == "layout" and change.stage is not None:
                self._moved.add(change.stage)
            elif change.stage is not None:
                self._structure = self._structure or change.kind != "stage-changed"
                self._stages.add(change.new_id if change.kind == "stage-renamed" and change.new_id else change.stage)

    def take(self) -> Sync:
        """What changed since the last take, as it stands now; pickle it at once (it shares the document's values)."""
        document = self.document
        sync = Sync(document.shown_path())
        if self._full:
            if document.source_text is not None:
                sync.text = document.source_text
            else:
                sync.data = document.data
        else:
            stages = document.stages
            sync.keys = list(document.data)
            sync.case = {key: document.data[key] for key in self._case if key in document.data and key != "stages"}
            sync.stage_order = list(stages) if self._structure else None
            sync.stages = {stage_id: stages[stage_id] for stage_id in self._stages if stage_id in stages}
            sync.layouts = {stage_id: _place(stages[stage_id]) for stage_id in self._moved - self._stages if stage_id in stages}
        self._full = self._structure = False
        self._stages, self._moved, self._case = set(), set(), set()
        return sync


def _place(stage: dict[str, Any]) -> tuple[Any, int]:
    """A stage's ``layout`` value (None when it has none) and the key's place among its keys (``Sync.layouts``)."""
    if "layout" not in stage:
        return None, 0
    return stage["layout"], list(stage).index("layout")


class Mirror:
    """The document as the checker holds it: plain data, and each part as YAML nodes ready to check."""

    def __init__(self) -> None:
        self.path = "<memory>"
        self.data: dict[str, Any] = {}
        self.text: str | None = None  # the file's text while nothing has changed since it was read
        self._case_nodes: dict[str, tuple[Node, Node]] = {}
        self._stage_nodes: dict[str, tuple[Node, Node]] = {}
        self._checked: tuple[Checked, float] | None = None  # the last check and its seconds, until the next change

    def reset(self) -> None:
        """Forget the document (after a request that failed): the next sync must start afresh."""
        self.__init__()  # type: ignore[misc]

    def apply(self, sync: Sync) -> None:
        """Catch up with the document. Raises KeyError or TypeError for a sync that does not fit (start afresh)."""
        if sync.path != self.path:
            self._checked = None  # pictures and the pathway are looked for beside the file: a check of its new place
        self.path = sync.path
        if sync.text is not None or sync.data is not None:
            self._checked = None
            self.data = read_scenario_text(sync.text, sync.path) if sync.text is not None else dict(sync.data or {})
            self.text = sync.text
            self._case_nodes, self._stage_nodes = {}, {}
            return
        if not (sync.case or sync.stages or sync.layouts or sync.stage_order is not None or sync.keys != list(self.data)):
            return
        self.text = None
        self._checked = None
        stages: dict[str, Any] = self.data.get("stages") or {}
        if sync.stage_order is not None:
            stages = {stage_id: sync.stages[stage_id] if stage_id in sync.stages else stages[stage_id] for stage_id in sync.stage_order}
            self._stage_nodes = {stage_id: nodes for stage_id, nodes in self._stage_nodes.items() if stage_id in stages}
        else:
            stages.update(sync.stages)
        for stage_id, (layout, index) in sync.layouts.items():  # in place: the mirror's stages are its own (unpickled)
            stage = stages[stage_id]
            items = [(key, value) for key, value in stage.items() if key != "layout"]
            if layout is not None:
                items.insert(min(index, len(items)), ("layout", layout))
            stage.clear()
            stage.update(items)
            self._stage_nodes.pop(stage_id, None)
        for stage_id in sync.stages:
            self._stage_nodes.pop(stage_id, None)
        for key in sync.case:
            self._case_nodes.pop(key, None)
        keys = sync.keys if sync.keys is not None else list(self.data)
        self.data = {key: stages if key == "stages" else sync.case[key] if key in sync.case else self.data[key] for key in keys}

    def check(self) -> CheckReport:
        """Run the validator on the document as it stands."""
        self._checked = None
        checked, seconds = self._check()
        return CheckReport.of(checked, seconds)

    def play(self) -> PlayReady:
        """The check of the document as it stands, with the loaded case when no error blocks a play.

        The last check is reused when nothing changed since it (the editor checks after each change, so F5 most
        often costs the checker only the pickling of the case).
        """
        checked, seconds = self._check()
        ready = PlayReady(CheckReport.of(checked, seconds))
        ready.blocking = next((f for f in checked.findings if f.is_error and f.code not in PLAYABLE_ERRORS), None)
        if ready.blocking is None and checked.scenario is not None:
            ready.scenario, ready.pathway = checked.scenario, checked.pathway
        return ready

    def _check(self) -> tuple[Checked, float]:
        if self._checked is None:
            started = time.perf_counter()
            if self.text is not None:
                checked = check_text(self.text, self.path)
            else:
                with gc_paused():
                    root = self._root()
                checked = check_loaded(load_node(root, self.path))
            self._checked = (checked, time.perf_counter() - started)
        return self._checked

    def write(self, path: str) -> None:
        """Write the document, as a saved file reads, to ``path`` (atomically). Raises OSError."""
        from tipcase.importers import save_text  # noqa: PLC0415 - only the autosave needs it

        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        save_text(target, to_yaml(self.data))

    def _root(self) -> MappingNode:
        pairs: list[tuple[Node, Node]] = []
        for key, value in self.data.items():
            if key == "stages" and isinstance(value, dict):
                stage_pairs = [self._part(self._stage_nodes, stage_id, stage) for stage_id, stage in value.items()]
                pairs.append((_scalar(key), MappingNode("tag:yaml.org,2002:map", stage_pairs, _EDITED, _EDITED)))
            else:
                pairs.append(self._part(self._case_nodes, key, value))
        return MappingNode("tag:yaml.org,2002:map", pairs, _EDITED, _EDITED)

    @staticmethod
    def _part(cache: dict[str, tuple[Node, Node]], key: str, value: Any) -> tuple[Node, Node]:
        if key not in cache:
            cache[key] = (_scalar(key), _represent(value))
        return cache[key]


def _scalar(key: Any) -> ScalarNode:
    return _represent(key)  # type: ignore[return-value]


def _represent(value: Any) -> Node:
    """``value`` as the YAML nodes a safe dumper makes of it, each marked as an edited part."""
    representer = yaml.representer.SafeRepresenter(default_flow_style=False, sort_keys=False)
    node = representer.represent_data(value)
    pending = [node]
    while pending:
        item = pending.pop()
        item.start_mark = item.end_mark = _EDITED
        if isinstance(item, MappingNode):
            for pair in item.value:
                pending.extend(pair)
        elif isinstance(item, SequenceNode):
            pending.extend(item.value)
    return node


def encode(action: Action, sync: Sync, argument: str | None = None) -> bytes:
    """A request as bytes, made on the thread that owns the document (it reads the document's values)."""
    return pickle.dumps((action, sync, argument), protocol=pickle.HIGHEST_PROTOCOL)


def serve(mirror: Mirror, request: bytes) -> bytes:
    """Answer one request: a CheckReport for "check", a PlayReady for "play", None for "write", a CheckerFailure when it could not."""
    try:
        action, sync, argument = pickle.loads(request)
        mirror.apply(sync)
        reply: object = None
        if action == "check":
            reply = mirror.check()
        elif action == "play":
            reply = mirror.play()
        else:
            mirror.write(str(argument))
    except Exception as exc:  # noqa: BLE001 - every failure goes back as an answer; the mirror starts afresh
        mirror.reset()
        reply = CheckerFailure(f"{type(exc).__name__}: {exc}")
    return pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(answer: bytes) -> Any:
    """An answer read back, the collector paused (a worker thread's work, holding the GIL meanwhile).

    A play's case at 5,000 stages is some 900,000 objects: 0.15 s to unpickle, 0.56 s when the collector's
    passes run over the editor's own objects meanwhile (measured on the benchmark's generated case).
    """
    with gc_paused():
        return pickle.loads(answer)


def _read_frame(stream: IO[bytes]) -> bytes | None:
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(head)
    body = stream.read(size)
    return body if len(body) == size else None


def _write_frame(stream: IO[bytes], body: bytes) -> None:
    stream.write(_FRAME.pack(len(body)) + body)
    stream.flush()


class LocalChecker:
    """A Mirror in this process (the tests' and the fallback's): the same requests and answers as the child's."""

    def __init__(self) -> None:
        self.mirror = Mirror()
        self._lock = threading.Lock()

    def request(self, payload: bytes) -> Any:
        """Serve a request; raises RuntimeError with the checker's message when it could not."""
        with self._lock:
            reply = _unpickled(serve(self.mirror, payload))
        if isinstance(reply, CheckerFailure):
            raise RuntimeError(reply.message)
        return reply

    def close(self) -> None:
        """Nothing to end."""


class CheckerProcess:
    """A Mirror in a child process; ``request`` blocks until it answers (call it from a worker thread)."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def request(self, payload: bytes) -> Any:
        """Send a request and wait for the answer.

        Raises CheckerGone when the child ended (the next request starts a new one, which needs a fresh
        start from the tracker) and RuntimeError with the checker's message when it could not serve it.
        """
        with self._lock:
            process = self._running()
            assert process.stdin is not None
            assert process.stdout is not None
            try:
                _write_frame(process.stdin, payload)
                answer = _read_frame(process.stdout)
            except (OSError, ValueError):
                answer = None
            if answer is None:
                self._process = None
                process.kill()
                raise CheckerGone("the checker stopped")
        reply = _unpickled(answer)
        if isinstance(reply, CheckerFailure):
            raise RuntimeError(reply.message)
        return reply

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the tipcase package
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "tipcase.format.document_check"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=environment,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console window on Windows
            )
        except OSError as exc:
            raise CheckerGone(f"the checker cannot start: {exc}") from exc
        return self._process

    def close(self) -> None:
        """End the child now (a check it is running is not waited for; a request waiting on it gets CheckerGone)."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(timeout=0.2)  # idle, it ends at once on the closed input
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()


class Collector:
    """The checker process's garbage collection, done between requests and only over what is new.

    Why: Python's cyclic collector runs when enough objects have been made, and each of its full passes
    reads every object the process holds: the mirror's document, its YAML nodes and the last check's model,
    some 900,000 objects at 5,000 stages. Run during a check, those passes made the findings of a 5,000-stage
    case take 2.6 s against 0.35 s at 1,000 (x7.3 for five times the stages); without them a check grows
    linearly (x5.1). So the child pauses the collector, and after each answer has been sent collects and
    then freezes what survived (``gc.freeze``): the next collection reads only the objects made since. The
    frozen objects are never read again until as many again have been frozen since the last full pass;
    then one full pass (after ``gc.unfreeze``) frees any cycle among them that became garbage, so memory
    stays bounded at a full pass's cost spread over as many objects.
    """

    def __init__(self) -> None:
        self._kept = 0  # objects frozen after the last full pass

    def pause(self) -> None:
        """No collection while a request is served (each request's objects are collected after its answer)."""
        gc.disable()

    def between_requests(self) -> None:
        """Collect what the last request left; a full pass when the frozen objects have doubled since the last one."""
        full = self._kept == 0 or gc.get_freeze_count() > 2 * self._kept
        if full:
            gc.unfreeze()
        gc.collect()
        gc.freeze()
        if full:
            self._kept = max(gc.get_freeze_count(), 1)


def main() -> int:
    """The child's loop: answer requests from standard input until it closes (collecting between them: ``Collector``)."""
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by mistake may corrupt the answers
    mirror = Mirror()
    collector = Collector()
    collector.pause()
    while (request := _read_frame(requests)) is not None:
        _write_frame(answers, serve(mirror, request))
        collector.between_requests()
    return 0


if __name__ == "__main__":  # run as the module's own name, so what it pickles is named as the editor knows it
    from tipcase.format import document_check  # noqa: PLW0406

    sys.exit(document_check.main())
