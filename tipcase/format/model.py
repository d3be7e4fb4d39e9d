"""The scenario and pathway model: plain, typed dataclasses that every other part reads.

Positions (1-based line and column) are kept beside the values that findings may point at, so
checks that run after loading can still say ``PATH:LINE:COL``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tipcase.format.findings import Pos
from tipcase.format.schema import Text

if TYPE_CHECKING:  # networkx costs ~80 ms to import: only drawing graphs needs it
    import networkx as nx

NO_POS: Pos = (1, 1)
DEFAULT_PASS_MARK = 70.0


@dataclasses.dataclass(slots=True)
class Competency:
    """A competency the case assesses: its title, its ``weight`` in the total (default 1), an optional description."""

    id: str
    title: Text
    weight: float = 1
    description: Text | None = None
    pos: Pos = NO_POS


@dataclasses.dataclass(slots=True)
class Exhibit:
    """An item of the case file that stages reveal: ``kind`` (document, photo, chat, statement, report, audio), texts, media ``file``."""

    id: str
    kind: str
    title: Text
    text: Text | None = None
    file: str | None = None
    pos: Pos = NO_POS
    file_pos: Pos = NO_POS


@dataclasses.dataclass(slots=True)
class Choice:
    """An edge of the scenario graph. ``index`` is its 0-based place in the stage's list."""

    index: int
    label: Text
    to: str
    score: dict[str, int] = dataclasses.field(default_factory=dict)
    feedback: Text | None = None
    when: str | None = None
    set: dict[str, int | bool] = dataclasses.field(default_factory=dict)
    add: dict[str, int] = dataclasses.field(default_factory=dict)
    hours: float = 0
    critical: Text | None = None
    ref: Text | None = None
    pos: Pos = NO_POS
    to_pos: Pos = NO_POS
    ref_pos: Pos = NO_POS
    when_pos: Pos = NO_POS
    score_pos: dict[str, Pos] = dataclasses.field(default_factory=dict)
    effect_pos: dict[str, Pos] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(slots=True)
class Stage:
    """A stage of the case: its text, the pathway node it stands ``at``, the exhibits it reveals, and its choices or (an end) its outcome.

    ``end`` is success, partial or failure for an end stage, None otherwise; ``layout`` is the editor's canvas position.
    """

    id: str
    text: Text
    title: Text | None = None
    at: str | None = None
    reveal: list[str] = dataclasses.field(default_factory=list)
    choices: list[Choice] = dataclasses.field(default_factory=list)
    end: str | None = None
    layout: tuple[float, float] | None = None
    pos: Pos = NO_POS
    at_pos: Pos = NO_POS
    reveal_pos: list[Pos] = dataclasses.field(default_factory=list)

    @property
    def is_end(self) -> bool:
        """Whether the stage ends the case (it has an outcome)."""
        return self.end is not None


@dataclasses.dataclass(slots=True)
class Scenario:
    """One simulated case, as read from a scenario file."""

    id: str
    version: int
    title: Text
    start: str
    stages: dict[str, Stage]
    path: str = "<memory>"
    sha256: str = ""
    summary: Text | None = None
    languages: list[str] = dataclasses.field(default_factory=lambda: ["en"])
    content_warning: Text | None = None
    pathway: str | None = None
    role: str | None = None  # one of tipcase.format.roles.ROLE_IDS
    pass_mark: float = DEFAULT_PASS_MARK
    competencies: dict[str, Competency] = dataclasses.field(default_factory=dict)
    competencies_declared: bool = False
    variables: dict[str, int | bool] = dataclasses.field(default_factory=dict)
    exhibits: dict[str, Exhibit] = dataclasses.field(default_factory=dict)
    max_states: int | None = None  # ``analysis: {max_states: N}``: the case's own analysis budget (tipcase.play.state_space)
    pos: Pos = NO_POS
    start_pos: Pos = NO_POS
    pathway_pos: Pos = NO_POS
    variables_pos: Pos = NO_POS
    variable_pos: dict[str, Pos] = dataclasses.field(default_factory=dict)

    def choices(self) -> Iterator[tuple[Stage, Choice]]:
        """Every (stage, choice) pair, stages in file order and choices in their order."""
        for stage in self.stages.values():
            for choice in stage.choices:
                yield stage, choice

    def graph(self) -> nx.MultiDiGraph:
        """The scenario as a graph: stages are nodes, choices are edges keyed by their index."""
        import networkx as nx  # noqa: PLC0415 - see the TYPE_CHECKING import

        graph = nx.MultiDiGraph(id=self.id, start=self.start)
        for stage in self.stages.values():
            graph.add_node(stage.id, at=stage.at, end=stage.end)
        for stage, choice in self.choices():
            if choice.to in self.stages:
                graph.add_edge(stage.id, choice.to, key=choice.index, critical=choice.critical is not None, score=dict(choice.score))
        return graph


@dataclasses.dataclass(slots=True)
class PathwayNode:
    """A step of the referral pathway: the agency that acts there, its phase (identification, protection...) and legal reference."""

    id: str
    title: Text
    agency: Text | None = None
    phase: str | None = None
    description: Text | None = None
    ref: Text | None = None
    pos: Pos = NO_POS


@dataclasses.dataclass(slots=True)
class Rule:
    """A rule of good practice on a pathway: exactly one of before, deadline_node or requires is set."""

    id: str
    before: list[str] = dataclasses.field(default_factory=list)
    deadline_node: str | None = None
    deadline_hours: float = 0
    requires: str | None = None
    competency: str | None = None
    points: int = 0
    critical: bool = False
    title: Text | None = None
    feedback: Text | None = None
    ref: Text | None = None
    pos: Pos = NO_POS
    competency_pos: Pos = NO_POS
    node_pos: dict[str, Pos] = dataclasses.field(default_factory=dict)

    @property
    def kind(self) -> str:
        """``before``, ``deadline`` or ``requires``: which of the format's three rule shapes this is."""
        if self.before:
            return "before"
        return "deadline" if self.deadline_node else "requires"

    def nodes(self) -> list[str]:
        """The pathway nodes the rule names (a ``before`` rule's two, else its one)."""
        if self.before:
            return list(self.before)
        return [self.deadline_node or self.requires or ""]


@dataclasses.dataclass(slots=True)
class Pathway:
    """A referral pathway: agencies and services as a directed graph, with rules of good practice."""

    id: str
    title: Text
    nodes: dict[str, PathwayNode]
    referrals: set[tuple[str, str]] = dataclasses.field(default_factory=set)
    referral_positions: dict[tuple[str, str], tuple[Pos, Pos]] = dataclasses.field(default_factory=dict)
    rules: list[Rule] = dataclasses.field(default_factory=list)
    languages: list[str] = dataclasses.field(default_factory=lambda: ["en"])
    summary: Text | None = None
    path: str = "<memory>"
    sha256: str = ""

    def graph(self) -> nx.DiGraph:
        """The pathway as a directed graph of its nodes and allowed referrals."""
        import networkx as nx  # noqa: PLC0415 - see the TYPE_CHECKING import

        graph = nx.DiGraph(id=self.id)
        for node in self.nodes.values():
            graph.add_node(node.id, phase=node.phase)
        graph.add_edges_from(self.referrals)
        return graph

    def allows(self, source: str, target: str) -> bool:
        """Whether a step from ``source`` to ``target`` keeps to the pathway: a referral it lists, or staying at the same node."""
        return source == target or (source, target) in self.referrals
