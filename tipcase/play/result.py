"""A route's result as typed data, with its one mapping to the format's JSON and its one mapping to storage.

``Play.result()`` builds a ``PlayResult``. It has exactly two outward shapes:

- ``as_json()``: the result object of ``tipcase play --json`` (``../shared/SCENARIO-FORMAT.md``,
  "Playing from the command line"; ``docs/scenario-format.md``), key for key and in the contract's order;
- ``storage()``: what a finished attempt keeps (``tipcase.store.models``): the ``attempts.total_percent``
  and ``attempts.passed`` columns, one ``attempt_scores`` row per assessed competency, and the
  ``attempts.result`` JSON, which is ``as_json()`` itself.

``from_json()`` reads either back (a stored ``attempts.result`` of any TIPCase version, whose shape has
been the contract's since the first release; a PostgreSQL JSONB column returns keys in its own order
and whole floats as ints, both of which it accepts). Readers (the debrief, exports, analytics, the
records check) use the attributes, never the keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from tipcase.messages import one_or_many
from tipcase.play.scoring import CriticalError


class StoredResultError(ValueError):
    """A stored result that is not the format's result object (a damaged or foreign ``attempts.result``)."""


@dataclasses.dataclass(frozen=True, slots=True)
class CompetencyScore:
    """One competency of a result. Points are raw (unweighted); percents are 0..100 rounded to one decimal.

    ``max`` and ``percent`` are None for a competency the scenario does not assess (no route can earn
    points in it) but whose points the route moved anyway: the format lists it under ``points`` only.
    """

    competency: str
    points: int | float  # choices' scores plus broken rules' (negative) penalties
    max: int | float | None  # the most any route can earn (the format's max[c]), None when not assessed
    percent: float | None  # 100 * points / max clamped to 0..100, None when not assessed

    @property
    def assessed(self) -> bool:
        """Whether the scenario assesses the competency (``max[c] > 0``): it has a percent and a score row."""
        return self.max is not None


@dataclasses.dataclass(frozen=True, slots=True)
class BrokenRule:
    """A pathway rule the route broke, as the result reports it (the rule's full text is in the pathway)."""

    rule: str  # the rule's id in the pathway file
    competency: str | None  # the competency it charges, None when it charges none
    points: int | float  # the penalty as a negative number (0 for a rule without points), as the format prints it

    def as_json(self) -> dict[str, object]:
        """``{"rule", "competency", "points"}``, the contract's ``rule_violations`` item."""
        return {"rule": self.rule, "competency": self.competency, "points": self.points}


@dataclasses.dataclass(frozen=True, slots=True)
class ScoreRow:
    """One ``attempt_scores`` row: an assessed competency's points, maximum and percent as SQL floats."""

    competency: str
    points: float
    max: float
    percent: float


@dataclasses.dataclass(frozen=True, slots=True)
class StoredResult:
    """What a finished attempt stores: two columns of ``attempts``, its ``attempt_scores`` rows, its ``result`` JSON."""

    total_percent: float
    passed: bool
    scores: tuple[ScoreRow, ...]
    document: dict[str, Any]  # the attempts.result JSON: PlayResult.as_json()


@dataclasses.dataclass(frozen=True, slots=True)
class PlayResult:
    """A route scored as the format specifies (``tipcase.play.scoring``), complete or not.

    ``competencies`` lists the assessed competencies in the scenario's order, then any others whose
    points the route moved (read back from PostgreSQL's JSONB: in the order the database keeps keys).
    Texts of ``critical_errors`` are in the scenario's first language (the debrief renders them again
    in the reader's language from the play).
    """

    scenario: str  # the scenario's id
    version: int  # the scenario's version number
    sha256: str  # hex SHA-256 of the scenario file's bytes
    complete: bool  # the route reached an end stage
    route: tuple[str, ...]  # stage ids visited, the start first
    choices: tuple[int, ...]  # each decision's 1-based number among the choices offered
    end: str | None  # the end stage's id, None while incomplete
    outcome: str | None  # the end's outcome (success | partial | failure), None while incomplete
    hours: int | float  # the case clock at the last stage, in hours
    competencies: tuple[CompetencyScore, ...]
    total: int | float  # sum of weight[c] * points[c]
    max_total: int | float  # the most any route's total can be
    total_percent: float  # 100 * total / max_total clamped to 0..100, one decimal
    critical_errors: tuple[CriticalError, ...]
    rule_violations: tuple[BrokenRule, ...]
    off_pathway: tuple[tuple[str, str], ...]  # referrals the pathway does not allow, (from node, to node)
    passed: bool  # complete, no critical error and total_percent >= the scenario's pass mark

    # -- the format's maps ----------------------------------------------------------------------
    @property
    def points(self) -> dict[str, int | float]:
        """Competency id -> points, as the format's ``points``."""
        return {c.competency: c.points for c in self.competencies}

    @property
    def max(self) -> dict[str, int | float]:
        """Assessed competency id -> the most points any route earns, as the format's ``max``."""
        return {c.competency: c.max for c in self.competencies if c.max is not None}

    @property
    def percent(self) -> dict[str, float]:
        """Assessed competency id -> percent (0..100, one decimal), as the format's ``percent``."""
        return {c.competency: c.percent for c in self.competencies if c.percent is not None}

    # -- the two mappings -----------------------------------------------------------------------
    def as_json(self) -> dict[str, Any]:
        """The contract's result object, keys in the contract's order (what ``tipcase play --json`` prints)."""
        return {
            "scenario": self.scenario,
            "version": self.version,
            "sha256": self.sha256,
            "complete": self.complete,
            "route": list(self.route),
            "choices": list(self.choices),
            "end": self.end,
            "outcome": self.outcome,
            "hours": self.hours,
            "points": self.points,
            "max": self.max,
            "percent": self.percent,
            "total": self.total,
            "max_total": self.max_total,
            "total_percent": self.total_percent,
            "critical_errors": [e.as_json() for e in self.critical_errors],
            "rule_violations": [v.as_json() for v in self.rule_violations],
            "off_pathway": [list(step) for step in self.off_pathway],
            "passed": self.passed,
        }

    def storage(self) -> StoredResult:
        """The columns, score rows (one per assessed competency) and JSON a finished attempt keeps."""
        rows = tuple(
            ScoreRow(c.competency, float(c.points), float(c.max), c.percent)
            for c in self.competencies
            if c.max is not None and c.percent is not None
        )
        return StoredResult(self.total_percent, self.passed, rows, self.as_json())

    @classmethod
    def from_json(cls, data: object) -> PlayResult:
        """Read a result object (``as_json()``'s shape, as stored in ``attempts.result`` by any version).

        Keys may come in any order (PostgreSQL's JSONB sorts them) and whole numbers as ints or floats.
        Raises ``StoredResultError`` naming the first key that is missing or of the wrong type.
        """
        if not isinstance(data, Mapping):
            raise StoredResultError(f"a result is a JSON object, not {type(data).__name__}")
        read = _Reader(data)
        points = read.numbers("points")
        maxima = read.numbers("max")
        percents = read.numbers("percent")
        names = [*maxima, *(c for c in points if c not in maxima)]
        competencies = tuple(
            CompetencyScore(
                c,
                points.get(c, 0),
                maxima.get(c),
                float(percents[c]) if c in percents else (None if c not in maxima else 0.0),
            )
            for c in names
        )
        return cls(
            scenario=read.text("scenario"),
            version=int(read.number("version")),
            sha256=read.text("sha256"),
            complete=read.flag("complete"),
            route=tuple(read.texts("route")),
            choices=tuple(int(n) for n in read.list_of("choices", (int, float))),
            end=read.optional_text("end"),
            outcome=read.optional_text("outcome"),
            hours=read.number("hours"),
            competencies=competencies,
            total=read.number("total"),
            max_total=read.number("max_total"),
            total_percent=float(read.number("total_percent")),
            critical_errors=tuple(_critical_error(item) for item in read.list_of("critical_errors", (dict,))),
            rule_violations=tuple(_broken_rule(item) for item in read.list_of("rule_violations", (dict,))),
            off_pathway=tuple(_step(item) for item in read.list_of("off_pathway", (list,))),
            passed=read.flag("passed"),
        )


def _critical_error(item: Mapping[str, Any]) -> CriticalError:
    choice = item.get("choice")
    return CriticalError(
        stage=str(item["stage"]) if item.get("stage") is not None else None,
        choice=int(choice) if isinstance(choice, int | float) and not isinstance(choice, bool) else None,
        text=str(item.get("text", "")),
        rule=str(item["rule"]) if item.get("rule") is not None else None,
    )


def _broken_rule(item: Mapping[str, Any]) -> BrokenRule:
    points = item.get("points", 0)
    competency = item.get("competency")
    return BrokenRule(
        rule=str(item.get("rule", "")),
        competency=str(competency) if competency is not None else None,
        points=_whole(points) if isinstance(points, int | float) and not isinstance(points, bool) else 0,
    )


def _step(item: Sequence[Any]) -> tuple[str, str]:
    if len(item) != 2:
        raise StoredResultError(f"an off_pathway step is [from, to], not {len(item)} {one_or_many(len(item), 'item', 'items')}")
    return str(item[0]), str(item[1])


def _whole(value: int | float) -> int | float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


class _Reader:
    """Typed look-ups in a result object, each raising ``StoredResultError`` with the key at fault."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data

    def _get(self, key: str) -> Any:
        if key not in self.data:
            raise StoredResultError(f"a result has no '{key}'")
        return self.data[key]

    def _wrong(self, key: str, wanted: str) -> StoredResultError:
        return StoredResultError(f"a result's '{key}' is {type(self.data[key]).__name__}, not {wanted}")

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self._wrong(key, "text")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self._wrong(key, "text")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self._wrong(key, "true or false")
        return value

    def number(self, key: str) -> int | float:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._wrong(key, "a number")
        return _whole(value)

    def numbers(self, key: str) -> dict[str, int | float]:
        value = self._get(key)
        if not isinstance(value, Mapping) or any(isinstance(v, bool) or not isinstance(v, int | float) for v in value.values()):
            raise self._wrong(key, "an object of numbers")
        return {str(k): _whole(v) for k, v in value.items()}

    def list_of(self, key: str, kinds: tuple[type, ...]) -> list[Any]:
        value = self._get(key)
        if not isinstance(value, list) or any(isinstance(v, bool) or not isinstance(v, kinds) for v in value):
            raise self._wrong(key, "a list of " + " or ".join(k.__name__ for k in kinds))
        return value

    def texts(self, key: str) -> list[str]:
        return [str(v) for v in self.list_of(key, (str,))]
