"""The team case model: roles with their tracks, hand-overs between them, injects and objectives.

Each role's track is kept as a ``Scenario`` (its stages, variables and start, with the team's
competencies, shared case file, pathway, languages and pass mark), so the single-player code compiles,
plays and scores it unchanged; what is the team's own (who waits for what, what a choice sends) sits
beside it. Positions are kept for findings. The contract is docs/team-exercises.md.
"""

from __future__ import annotations

import dataclasses

from tipcase.format import conditions
from tipcase.format.findings import Pos
from tipcase.format.model import DEFAULT_PASS_MARK, NO_POS, Competency, Exhibit, Scenario
from tipcase.format.schema import Text


@dataclasses.dataclass(slots=True)
class HandoverNote:
    """A sentence of what the sender recorded: the receiver reads ``text`` when ``when`` (over the carried values) holds.

    ``title``, when given, names the delivery in the receiver's inbox and arrival notice instead of the
    hand-over's own title (one hand-over, several outcomes: "P-19: the file comes back", "P-21: the file is
    complete"); the first holding note with a title wins (``Handover.title_for``).
    """

    when: str
    text: Text
    pos: Pos = NO_POS
    title: Text | None = None


@dataclasses.dataclass(slots=True)
class Handover:
    """A referral from ``sender`` to ``receiver`` (the file's ``from`` and ``to``)."""

    id: str
    sender: str
    receiver: str
    title: Text
    text: Text | None = None
    exhibits: list[str] = dataclasses.field(default_factory=list)
    carries: list[str] = dataclasses.field(default_factory=list)
    complete_when: str | None = None
    points: int = 0
    competency: str | None = None
    feedback: Text | None = None
    recorded: list[HandoverNote] = dataclasses.field(default_factory=list)  # what the receiver reads of the carried values
    pos: Pos = NO_POS
    sender_pos: Pos = NO_POS
    receiver_pos: Pos = NO_POS
    exhibits_pos: list[Pos] = dataclasses.field(default_factory=list)
    carries_pos: list[Pos] = dataclasses.field(default_factory=list)
    complete_when_pos: Pos = NO_POS
    competency_pos: Pos = NO_POS

    def notes_for(self, carried: dict[str, int | bool]) -> tuple[HandoverNote, ...]:
        """The ``recorded`` notes whose condition holds over a delivery's ``carried`` values (name -> value), in order.

        A condition that does not parse or reads a value the delivery does not carry (a file the validator
        refuses, E009) is left out.
        """
        found = []
        slots = {name: index for index, name in enumerate(carried)}
        for note in self.recorded:
            try:
                holds = conditions.compile_expr(conditions.parse(note.when), slots)
                if holds(tuple(carried.values()), 0.0):
                    found.append(note)
            except (conditions.ConditionError, KeyError):
                continue
        return tuple(found)

    def recorded_for(self, carried: dict[str, int | bool]) -> tuple[Text, ...]:
        """The ``recorded`` texts that hold over a delivery's ``carried`` values: what the receiver reads of what the sender recorded."""
        return tuple(note.text for note in self.notes_for(carried))

    def title_for(self, carried: dict[str, int | bool]) -> Text:
        """What names one delivery (inbox line, arrival notice): the first holding ``recorded`` note's title, else the hand-over's title.

        A hand-over whose outcome differs by what was recorded (the prosecutor's P-19 or P-21) names the
        outcome, so two deliveries of it are told apart without opening them (walk G finding 2).
        """
        return next((note.title for note in self.notes_for(carried) if note.title is not None), self.title)


@dataclasses.dataclass(slots=True)
class Inject:
    """An event of the master events list. ``to`` holds role ids (every role when the file says ``all``)."""

    id: str
    index: int
    to: list[str]
    text: Text
    to_all: bool = False
    at_hours: float | None = None
    when: str | None = None
    manual: bool = False
    title: Text | None = None
    sender: Text | None = None
    reveal: list[str] = dataclasses.field(default_factory=list)
    set: dict[str, int | bool] = dataclasses.field(default_factory=dict)
    add: dict[str, int] = dataclasses.field(default_factory=dict)
    expect: Text | None = None
    note: Text | None = None
    pos: Pos = NO_POS
    to_pos: list[Pos] = dataclasses.field(default_factory=list)
    when_pos: Pos = NO_POS
    reveal_pos: list[Pos] = dataclasses.field(default_factory=list)
    effect_pos: dict[str, Pos] = dataclasses.field(default_factory=dict)

    @property
    def scripted(self) -> bool:
        """Fires by itself (by clock or condition); a manual inject fires only when the trainer fires it."""
        return not self.manual and (self.at_hours is not None or self.when is not None)


@dataclasses.dataclass(slots=True)
class Objective:
    """A team objective: what the exercise assesses together, tied to competencies, pathway rules and hand-overs."""

    id: str
    title: Text
    description: Text | None = None
    competencies: list[str] = dataclasses.field(default_factory=list)
    rules: list[str] = dataclasses.field(default_factory=list)
    handovers: list[str] = dataclasses.field(default_factory=list)
    pos: Pos = NO_POS
    ref_pos: dict[str, Pos] = dataclasses.field(default_factory=dict)  # "competencies.x", "rules.y", "handovers.z"


@dataclasses.dataclass(slots=True)
class Track:
    """One role: its track as a scenario, the stages that wait and what choices send."""

    id: str
    role: str | None
    scenario: Scenario
    title: Text | None = None
    briefing: Text | None = None
    variable_titles: dict[str, Text] = dataclasses.field(default_factory=dict)  # variable -> its title, when declared with one
    waits: dict[str, str] = dataclasses.field(default_factory=dict)  # stage id -> hand-over id
    wait_pos: dict[str, Pos] = dataclasses.field(default_factory=dict)
    sends: dict[tuple[str, int], list[str]] = dataclasses.field(default_factory=dict)  # (stage id, choice index) -> hand-over ids
    send_pos: dict[tuple[str, int], list[Pos]] = dataclasses.field(default_factory=dict)
    pos: Pos = NO_POS


@dataclasses.dataclass(slots=True, eq=False)
class TeamCase:
    """One team case, as read from a ``tipcase-team: 1`` file. ``roles`` keep the file's order."""

    id: str
    version: int
    title: Text
    roles: dict[str, Track]
    path: str = "<memory>"
    sha256: str = ""
    summary: Text | None = None
    languages: list[str] = dataclasses.field(default_factory=lambda: ["en"])
    content_warning: Text | None = None
    pathway: str | None = None
    pass_mark: float = DEFAULT_PASS_MARK
    competencies: dict[str, Competency] = dataclasses.field(default_factory=dict)
    competencies_declared: bool = False
    exhibits: dict[str, Exhibit] = dataclasses.field(default_factory=dict)
    objectives: dict[str, Objective] = dataclasses.field(default_factory=dict)
    handovers: dict[str, Handover] = dataclasses.field(default_factory=dict)
    injects: list[Inject] = dataclasses.field(default_factory=list)
    max_states: int | None = None  # ``analysis: {max_states: N}``: the case's own budget of joint states (tipcase.team.joint_space)
    pos: Pos = NO_POS
    pathway_pos: Pos = NO_POS
    roles_pos: Pos = NO_POS

    def set_sha256(self, sha256: str) -> None:
        """The file's hash, on the case and on every track (a role's result names it, as a scenario's does)."""
        self.sha256 = sha256
        for track in self.roles.values():
            track.scenario.sha256 = sha256

    def role_ids(self) -> list[str]:
        """The roles' ids, in the file's order."""
        return list(self.roles)

    def variable_title(self, role: str, name: str) -> Text | None:
        """What people read for ``role``'s variable ``name``: its own title, else the title another role gives that name.

        A hand-over copies a variable into the receiver's variable of the same name, so one name means one thing
        across the roles that carry it; a title declared once serves them all (docs/team-exercises.md). None when
        no role titles it.
        """
        track = self.roles.get(role)
        if track is not None and name in track.variable_titles:
            return track.variable_titles[name]
        return next((other.variable_titles[name] for other in self.roles.values() if name in other.variable_titles), None)

    def injects_for(self, role: str) -> list[Inject]:
        """The injects a role receives, in the file's order."""
        return [inject for inject in self.injects if role in inject.to]

    def inject(self, inject_id: str) -> Inject | None:
        """The inject ``inject_id``, or None when the team case has none."""
        return next((inject for inject in self.injects if inject.id == inject_id), None)
