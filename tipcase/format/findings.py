"""Validator findings: the codes of the scenario format, the one-line form they print in, and where they are.

A finding is where in the file (path, 1-based line and column), what (code and message) and, when the
check knows it, where in the scenario (``Location``: the stage, the choice, the exhibit, the key and the
language), so a program (the editor) can go to the place without reading the message. Codes starting
with ``E`` are errors (the file cannot be played), codes starting with ``W`` are warnings.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Iterator

from tipcase.messages import one_or_many

CODES: dict[str, str] = {
    "E001": "not readable as YAML (syntax), or not UTF-8",
    "E002": "schema: a missing required key, an unknown key, a wrong type or a bad id",
    "E003": "`start` or a choice's `to` names no stage",
    "E004": "`at`, a referral or a rule names no pathway node; or `pathway` names no pathway",
    "E005": "a score, a weight or a rule names no competency",
    "E006": "a stage no route from `start` reaches",
    "E007": "a dead end: a stage from which no end can be reached",
    "E008": "a score loop: a cycle of choices along which some competency's points keep rising",
    "E009": "a bad `when` (or effect): does not parse, undeclared variable, or a boolean compared with < or >",
    "E010": "`reveal` names no exhibit",
    "E011": "the reachable state space is over the analysis budget (100,000 states, 32 a stage, or the case's analysis: max_states)",
    "E012": "an exhibit's `file` can never be one: not a kind TIPCase shows, or a path outside the scenario's folder",
    "E013": "team case: a hand-over or inject names no role, or a hand-over has no sender or no receiver",
    "E014": "team case: a role can wait for ever (a reachable state where it waits and no role can move)",
    "E015": "team case: a hand-over can queue more deliveries than the bound (the sender repeats it without the receiver taking it)",
    "W101": "a text lacks one of `languages`",
    "W102": "a choice makes an off-pathway referral",
    "W103": "a choice has no feedback",
    "W104": "the best route breaks a pathway rule",
    "W105": "an exhibit's file is missing, too big, a link, or not what its name says: publishing refuses it",
    "W106": "a `ref` names a provision that is not in the provisions register",
    "W107": "team case: a variable an inject's condition reads has no title (the control room would show its id)",
}

Pos = tuple[int, int]
"""A 1-based (line, column) position in a file."""

MAX_LISTED = 100
"""The most findings of one code listed for one file; the rest are counted in one line (a file of 200,000
unknown keys printed 200,000 lines of E002)."""

MAX_MESSAGE_CHARS = 400
"""The longest message printed: a message quoting a value from the file keeps its start and end around an ellipsis
(a 20 MB key was quoted whole, one line of 20 MB)."""


def clipped(text: str, most: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` when it has at most ``most`` characters, else its first and last characters around '…' (``most`` in all)."""
    if len(text) <= most:
        return text
    tail = most // 4
    return text[: most - tail - 1] + "…" + text[-tail:]


_KEY_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclasses.dataclass(frozen=True)
class Location:
    """Where in a scenario a finding is, as data: every part is None when it does not apply.

    ``stage`` is a stage id, ``choice`` the 0-based place of a choice in its stage's list (messages and
    JSON count from 1), ``exhibit`` an exhibit id, ``field`` the file's key at fault (``text``,
    ``feedback``, ``pass_mark``...: of the choice, else the stage, else the exhibit, else the case) and
    ``language`` the language of a text (``en``, ``id``) when one language is at fault. In a team case
    (docs/team-exercises.md) ``role`` is the role whose track holds the stage, ``handover`` a hand-over id
    and ``inject`` the 0-based place of an inject in the list.
    """

    stage: str | None = None
    choice: int | None = None
    exhibit: str | None = None
    field: str | None = None
    language: str | None = None
    role: str | None = None
    handover: str | None = None
    inject: int | None = None

    @classmethod
    def of_key_path(cls, path: str, language: str | None = None) -> Location:
        """The location of a scenario key path as the schema writes it, such as ``stages.intake.choices[2].label.en``.

        Ids never hold ``.`` or ``[`` (the format's id pattern), so the path splits unambiguously. A
        language code after a text's key becomes ``language``; ``language`` overrides it. A team case's
        paths (``roles.investigator.stages.intake...``, ``handovers.berkas.carries``, ``injects[2].when``)
        give ``role``, ``handover`` and ``inject`` as well.
        """
        parts: list[str | int] = [name if name else int(number) - 1 for name, number in _KEY_PATH_PART.findall(path)]
        stage = exhibit = role = handover = None
        choice = inject = None
        if len(parts) >= 2 and parts[0] == "roles" and isinstance(parts[1], str):
            role, parts = parts[1], parts[2:]
        elif len(parts) >= 2 and parts[0] == "handovers" and isinstance(parts[1], str):
            handover, parts = parts[1], parts[2:]
        elif len(parts) >= 2 and parts[0] == "injects" and isinstance(parts[1], int):
            inject, parts = parts[1], parts[2:]
        if len(parts) >= 2 and parts[0] == "stages" and isinstance(parts[1], str):
            stage, parts = parts[1], parts[2:]
            if len(parts) >= 2 and parts[0] == "choices" and isinstance(parts[1], int):
                choice, parts = parts[1], parts[2:]
        elif len(parts) >= 2 and parts[0] == "exhibits" and isinstance(parts[1], str):
            exhibit, parts = parts[1], parts[2:]
        field = parts[0] if parts and isinstance(parts[0], str) else None
        if field is not None and language is None and len(parts) == 2 and isinstance(parts[1], str) and len(parts[1]) <= 3:
            language = parts[1] if field in TEXT_KEYS else None
        return cls(stage=stage, choice=choice, exhibit=exhibit, field=field, language=language, role=role, handover=handover, inject=inject)

    def as_json(self) -> dict[str, object]:
        """The parts that apply, for ``tipcase validate --json`` (``choice`` and ``inject`` counted from 1 as in messages)."""
        found: dict[str, object] = {}
        for key in ("role", "handover", "inject", "stage", "choice", "exhibit", "field", "language"):
            value = getattr(self, key)
            if value is not None:
                found[key] = value + 1 if key in ("choice", "inject") else value
        return found


TEXT_KEYS = frozenset(
    {
        "title",
        "text",
        "summary",
        "content_warning",
        "label",
        "feedback",
        "critical",
        "ref",
        "description",
        "briefing",
        "expect",
        "note",
        "sender",
    }
)
"""The keys whose value is a text in one or more languages (``{en: ..., id: ...}``)."""


@dataclasses.dataclass(frozen=True, order=True)
class Finding:
    """One validator finding, printed as ``PATH:LINE:COL: CODE message``.

    ``location`` says where in the scenario, when the check knows it; ``detail`` is the message without the
    place it names at its start (``stage 'x', choice 2: ``), for a reader that shows the place its own way.
    Neither takes part in equality or order.
    """

    path: str
    line: int
    col: int
    code: str
    message: str
    location: Location | None = dataclasses.field(default=None, compare=False)
    detail: str = dataclasses.field(default="", compare=False)
    more: int = dataclasses.field(default=0, compare=False)  # > 0: this line counts that many findings not listed

    def __post_init__(self) -> None:
        if len(self.message) > MAX_MESSAGE_CHARS or len(self.detail) > MAX_MESSAGE_CHARS:  # a value quoted whole
            object.__setattr__(self, "message", clipped(self.message))
            object.__setattr__(self, "detail", clipped(self.detail))

    @property
    def is_error(self) -> bool:
        """Whether the finding is an error (an E code) rather than a warning (a W code)."""
        return self.code.startswith("E")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def as_json(self) -> dict[str, object]:
        """``path, line, col, code, message`` (the contract), the location's parts that apply, and ``unlisted`` (:func:`unlisted`)."""
        found: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "message": self.message,
        }
        if self.location is not None:
            found.update(self.location.as_json())
        if self.more:
            found["unlisted"] = self.more
        return found


class Findings:
    """Collects findings for one file; the loader and the checks add to it, in bounded memory.

    At most :data:`MAX_LISTED` findings of one code are kept for each file (the first in file order:
    line, column, then message), however many are added; the rest are only counted, and :attr:`items`
    ends with one line of that code at the first left out that says how many (:func:`unlisted`). So a
    file of 200,000 unknown keys holds 100 findings of E002 and a count, not 200,000 findings (310 MB).
    A finding equal to one kept is not kept twice.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._kept: dict[tuple[str, str], list[tuple[tuple[int, int, str], int, Finding]]] = {}  # sorted, at most MAX_LISTED
        self._hidden: dict[tuple[str, str], tuple[Pos, int]] = {}  # (path, code) -> where the unlisted start, how many
        self._added = 0  # the order findings came in, so items keep it
        self._errors = False

    def add(self, code: str, pos: Pos, message: str, *, where: str | None = None, at: Location | None = None) -> None:
        """Add a finding; ``where`` names the place for a reader and starts the message, ``at`` is the place as data.

        The message printed is ``where: message`` (just ``message`` without ``where``). Raises ValueError
        for a code the format does not define (a programming error, not bad input).
        """
        if code not in CODES:  # pragma: no cover - a programming error, not bad input
            raise ValueError(f"unknown finding code {code}")
        key = (self.path, code)
        kept = self._kept.get(key)
        if kept is not None and len(kept) >= MAX_LISTED and kept[-1][0] < (pos[0], pos[1], f"{where}: {message}" if where else message):
            self._hide(key, pos, 1)  # later in the file than every one kept: counted, never built
            return
        full = f"{where}: {message}" if where else message
        self.keep(Finding(self.path, pos[0], pos[1], code, full, at, message))

    def add_unlisted(self, code: str, pos: Pos, count: int) -> None:
        """Count ``count`` findings of ``code`` from ``pos`` on that are not listed (a check that stopped listing them itself)."""
        if count > 0:
            self._hide((self.path, code), pos, count)

    def keep(self, finding: Finding) -> None:
        """Add a finding already made (of this file or another: a scenario's pathway), within the cap; an unlisted line adds its count."""
        key = (finding.path, finding.code)
        where = (finding.line, finding.col)
        if finding.more:
            self._hide(key, where, finding.more)
            return
        self._errors = self._errors or finding.is_error
        kept = self._kept.setdefault(key, [])
        order = (finding.line, finding.col, finding.message)
        at = bisect.bisect_left(kept, order, key=lambda entry: entry[0])
        if at < len(kept) and kept[at][0] == order:
            return  # the same finding again
        if len(kept) >= MAX_LISTED:
            if at == len(kept):
                self._hide(key, where, 1)
                return
            dropped = kept.pop()[2]
            self._hide(key, (dropped.line, dropped.col), 1)
        self._added += 1
        kept.insert(at, (order, self._added, finding))

    def extend(self, findings: Iterable[Finding]) -> None:
        """:meth:`keep` each of ``findings``."""
        for finding in findings:
            self.keep(finding)

    def _hide(self, key: tuple[str, str], where: Pos, count: int) -> None:
        self._errors = self._errors or key[1].startswith("E")
        start, before = self._hidden.get(key, (where, 0))
        self._hidden[key] = (min(start, where), before + count)

    @property
    def items(self) -> list[Finding]:
        """The findings kept, in the order they came, then one :func:`unlisted` line for each code with more (a new list)."""
        kept = sorted((entry for entries in self._kept.values() for entry in entries), key=lambda entry: entry[1])
        listed = [entry[2] for entry in kept]
        listed.extend(unlisted(path, start, code, count) for (path, code), (start, count) in self._hidden.items())
        return listed

    @property
    def has_errors(self) -> bool:
        """Whether any finding so far, listed or not, is an error."""
        return self._errors

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.items)

    def __len__(self) -> int:
        return sum(map(len, self._kept.values())) + len(self._hidden)


def unlisted(path: str, pos: Pos, code: str, count: int) -> Finding:
    """The line that stands for ``count`` findings of ``code`` in ``path``, from ``pos`` on, that are not listed."""
    more = one_or_many(count, f"more {code} finding from here on is", f"more {code} findings from here on are")
    message = f"{count:,} {more} not listed (at most {MAX_LISTED} of a code are, for each file)"
    return Finding(path, pos[0], pos[1], code, message, more=count)


def _order(finding: Finding) -> tuple[bool, str, int, int, str, str]:
    return (not finding.is_error, finding.path, finding.line, finding.col, finding.code, finding.message)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings; within each, by path, line, column and code. Duplicates go.

    At most :data:`MAX_LISTED` findings of one code are kept for each file, the first in file order; the
    rest become one finding of that code at the first one left out, which says how many there are
    (:func:`unlisted`; its ``more`` is the count, and a list sorted again keeps the count right).
    """
    unique = list(dict.fromkeys(findings))  # the first of equal findings stays, with its location
    listed: list[Finding] = []
    shown: dict[tuple[str, str], int] = {}
    hidden: dict[tuple[str, str], tuple[Pos, int]] = {}  # (path, code) -> where the unlisted start, how many
    for finding in sorted(unique, key=_order):
        key = (finding.path, finding.code)
        count = finding.more
        if not count and shown.get(key, 0) < MAX_LISTED:
            shown[key] = shown.get(key, 0) + 1
            listed.append(finding)
            continue
        start, before = hidden.get(key, ((finding.line, finding.col), 0))
        hidden[key] = (min(start, (finding.line, finding.col)), before + (count or 1))
    listed.extend(unlisted(path, start, code, count) for (path, code), (start, count) in hidden.items())
    return sorted(listed, key=_order)
