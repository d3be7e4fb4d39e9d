"""Where a cohort went wrong on one scenario of a course: completion, choice shares, hardest stages, errors.

The counting is done in SQL (decisions grouped by stage and choice; attempts counted per member), so a
report over hundreds of trainees reads a few hundred rows, not every decision. What a choice *means*
(its weighted score, whether it is critical) comes from the stored scenario version. A choice counts as
*poor* when it is critical or earns a lower weighted score than the best choice of its stage (anything
``tipcase.play.ratings`` does not rate good practice).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import ColumnElement, Date, case, func, select, true
from sqlalchemy import cast as sql_cast
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Executable

from tipcase.home_folder import claim_private
from tipcase.messages import QT_TRANSLATE_NOOP
from tipcase.play.ratings import Rating, rate_choice
from tipcase.services.errors import NotFound
from tipcase.services.permissions import Actor, Permission, require
from tipcase.services.playables import StoredVersion, playable
from tipcase.services.report_words import critical_texts, rule_titles, said_in
from tipcase.store.tables import attempt_scores, attempts, cohort_members, cohorts, course_scenarios, courses, decisions, scenario_versions


class Reader(Protocol):
    """Where the report's statements run: an ORM ``Session`` (the app) or a Core ``Connection`` (``tipcase cohorts report``)."""

    def execute(self, statement: Executable, /) -> Any:
        """Run ``statement``; its ``Result`` (rows)."""

    def scalar(self, statement: Executable, /) -> Any:
        """Run ``statement``; the first column of its first row."""


class Named(Protocol):
    """A cohort or course as the report names it: its id, and its ``name`` (a cohort) or ``code`` (a course)."""

    @property
    def id(self) -> int:
        """The row's id."""


class CohortRow(Named, Protocol):
    """A cohort (``tipcase.store.models.Cohort`` or a row of ``tipcase.store.tables.cohorts``)."""

    @property
    def name(self) -> str:
        """Its unique code."""


class CourseRow(Named, Protocol):
    """A course (``tipcase.store.models.Course`` or a row of ``tipcase.store.tables.courses``)."""

    @property
    def code(self) -> str:
        """Its unique code."""


class VersionRow(StoredVersion, Protocol):
    """A published scenario version (``tipcase.store.models.ScenarioVersion`` or a row of ``tables.scenario_versions``)."""

    @property
    def id(self) -> int:
        """The version's id."""

    @property
    def scenario_id(self) -> str:
        """The scenario's id."""

    @property
    def version(self) -> int:
        """The scenario's own version number."""


@dataclasses.dataclass(frozen=True)
class ChoiceShare:
    """How often the cohort took one choice at its stage.

    A count and a percent of the stage's decisions, and whether it is poor (not good practice, ``ratings``) or critical.
    """

    stage: str
    choice: int  # 1-based place in the stage's list (as in the file)
    label: str
    count: int
    share: float  # percent of the decisions taken at this stage
    poor: bool
    critical: bool


@dataclasses.dataclass(frozen=True)
class StageDifficulty:
    """A stage with the cohort's decisions there and how many of them were poor (``poor_share``: percent, one decimal)."""

    stage: str
    title: str
    decisions: int
    poor: int
    poor_share: float


@dataclasses.dataclass(frozen=True)
class ScenarioAnalytics:
    """Where a cohort went wrong on one scenario version of a course.

    Counts of members, rates and means in percent (one decimal), choice shares, the hardest stages, and critical
    errors and broken rules by how many attempts had them.
    """

    cohort: str
    course: str
    scenario: str
    version: int
    members: int
    started: int  # members with at least one attempt
    completed: int  # members with a finished attempt
    passed: int  # members with a passed attempt
    completion_rate: float
    pass_rate: float
    mean_percent: float
    competencies: dict[str, float]  # competency id -> mean percent
    competency_titles: dict[str, str]  # competency id -> its title in the report's language
    choices: list[ChoiceShare]
    hardest: list[StageDifficulty]
    critical_errors: list[tuple[str, int]]  # (text, how many attempts)
    broken_rules: list[tuple[str, int]]  # (rule id, how many attempts)
    start: str = ""  # the scenario's graph, for drawing the shares on it
    ends: dict[str, str] = dataclasses.field(default_factory=dict)  # end stage -> outcome
    edges: list[tuple[str, int, str, bool]] = dataclasses.field(default_factory=list)  # (stage, choice number, to, critical)
    progress: list[DayProgress] = dataclasses.field(default_factory=list)  # by day, from the first finished attempt
    stage_titles: dict[str, str] = dataclasses.field(default_factory=dict)  # stage -> its title (or text's start)
    rule_titles: dict[str, str] = dataclasses.field(default_factory=dict)  # pathway rule id -> its title in the report's language


@dataclasses.dataclass(frozen=True)
class DayProgress:
    """How many members had completed and passed the scenario by the end of a day (UTC)."""

    day: dt.date
    completed: int
    passed: int


@dataclasses.dataclass(frozen=True)
class ReportScope:
    """What a cohort report covers, read through the Core (``report_scope``): the cohort, the course, its versions in order."""

    cohort: CohortRow
    course: CourseRow
    versions: list[VersionRow]


def report_scope(connection: Reader, cohort_name: str, course_code: str) -> ReportScope:
    """The cohort named ``cohort_name`` and the course ``course_code`` with its scenario versions, in the course's order.

    Read through SQLAlchemy's Core (``tipcase.store.tables``), so ``tipcase cohorts report`` loads no ORM.
    Raises NotFound (the words of ``courses.get_cohort`` and ``courses.get_course``) for no such cohort or course.
    """
    cohort = connection.execute(select(cohorts.c.id, cohorts.c.name).where(cohorts.c.name == cohort_name)).first()
    if cohort is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no cohort {name!r}"), name=cohort_name)
    course = connection.execute(select(courses.c.id, courses.c.code).where(courses.c.code == course_code)).first()
    if course is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "no course {code!r}"), code=course_code)
    versions = connection.execute(
        select(*scenario_versions.c)
        .join(course_scenarios, course_scenarios.c.scenario_version_id == scenario_versions.c.id)
        .where(course_scenarios.c.course_id == course.id)
        .order_by(course_scenarios.c.position)
    ).all()
    return ReportScope(cohort, course, list(versions))


def _rate(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def scenario_analytics(
    session: Reader, actor: Actor, cohort: CohortRow, course: CourseRow, version: VersionRow, *, language: str = "en"
) -> ScenarioAnalytics:
    """The cohort's figures for one scenario version of a course.

    ``session``: an ORM Session or a Core Connection (the statements are Core's, over ``tipcase.store.tables``),
    so a command that only reports need not load the ORM. Raises PermissionDenied unless ``actor`` may read
    every trainee's attempts.
    """
    require(actor, Permission.READ_ALL_ATTEMPTS)
    dialect = _dialect(session)
    members = select(cohort_members.c.user_id).where(cohort_members.c.cohort_id == cohort.id)
    member_count = int(session.scalar(select(func.count()).select_from(members.subquery())) or 0)
    mine = (attempts.c.user_id.in_(members), attempts.c.course_id == course.id, attempts.c.scenario_version_id == version.id)

    # Members who started, completed and passed, and the finished attempts' mean, in one pass over the attempts.
    is_finished = attempts.c.finished_at.is_not(None)
    started, completed, passed, mean = session.execute(
        select(
            func.count(func.distinct(attempts.c.user_id)),
            func.count(func.distinct(case((is_finished, attempts.c.user_id)))),
            func.count(func.distinct(case((attempts.c.passed.is_(True), attempts.c.user_id)))),
            func.avg(case((is_finished, _total_percent(dialect)))),
        ).where(*mine)
    ).one()
    started, completed, passed = int(started or 0), int(completed or 0), int(passed or 0)

    counts = session.execute(  # count(*), not count(decisions.id): the same rows, 5 % less CPU on SQLite
        select(decisions.c.stage, decisions.c.choice_index, func.count())
        .join(attempts, attempts.c.id == decisions.c.attempt_id)
        .where(*mine)
        .group_by(decisions.c.stage, decisions.c.choice_index)
    ).all()
    play = playable(version)
    scenario, compiled = play.scenario, play.compiled
    weights = {c: compiled.weights[i] for i, c in enumerate(compiled.competencies)}
    fallbacks = scenario.languages

    per_stage: dict[str, int] = Counter()
    for stage_id, _, count in counts:
        per_stage[stage_id] += int(count)
    shares: list[ChoiceShare] = []
    poor_per_stage: dict[str, int] = Counter()
    for stage_id, index, count in sorted(counts, key=lambda row: (compiled.stage_index.get(row[0], 0), row[1])):
        stage = scenario.stages.get(stage_id)
        if stage is None or index >= len(stage.choices):  # pragma: no cover - decisions are validated when made
            continue
        choice = stage.choices[index]
        poor = rate_choice(choice, stage.choices, weights) is not Rating.GOOD  # the player's rule, against every choice of the stage
        if poor:
            poor_per_stage[stage_id] += int(count)
        shares.append(
            ChoiceShare(
                stage_id, index + 1, choice.label.get(language, fallbacks), int(count), _rate(int(count), per_stage[stage_id]),
                poor, choice.critical is not None,
            )
        )  # fmt: skip
    hardest = sorted(
        (
            StageDifficulty(
                stage_id,
                _stage_title(scenario.stages[stage_id], language, fallbacks),
                total,
                poor_per_stage[stage_id],
                _rate(poor_per_stage[stage_id], total),
            )
            for stage_id, total in per_stage.items()
            if poor_per_stage[stage_id]
        ),
        key=lambda s: (-s.poor_share, -s.poor, s.stage),
    )

    finished = (*mine, attempts.c.finished_at.is_not(None))
    critical = _counted_in_results(session, finished, "critical_errors", "text")  # in each attempt's language
    broken = _counted_in_results(session, finished, "rule_violations", "rule")
    progress = _progress(session, mine, dialect)
    competencies = {
        competency: round(float(mean_percent), 1)
        for competency, mean_percent in session.execute(
            select(attempt_scores.c.competency, func.avg(_competency_percent(dialect)))
            .join(attempts, attempts.c.id == attempt_scores.c.attempt_id)
            .where(*mine, attempts.c.finished_at.is_not(None))
            .group_by(attempt_scores.c.competency)
            .order_by(attempt_scores.c.competency)
        )
    }
    return ScenarioAnalytics(
        cohort=cohort.name,
        course=course.code,
        scenario=version.scenario_id,
        version=version.version,
        members=member_count,
        started=started,
        completed=completed,
        passed=passed,
        completion_rate=_rate(completed, member_count),
        pass_rate=_rate(passed, member_count),
        mean_percent=round(float(mean or 0.0), 1),
        competencies=competencies,
        competency_titles={c: scenario.competencies[c].title.get(language, fallbacks) for c in competencies if c in scenario.competencies},
        choices=shares,
        hardest=hardest,
        critical_errors=said_in(critical.most_common(), critical_texts(scenario, play.pathway, language)),
        broken_rules=broken.most_common(),
        start=scenario.start,
        ends={stage.id: stage.end for stage in scenario.stages.values() if stage.end},
        edges=[
            (stage.id, choice.index + 1, choice.to, choice.critical is not None)
            for stage in scenario.stages.values()
            for choice in stage.choices
        ],
        progress=progress,
        stage_titles={stage.id: _stage_title(stage, language, fallbacks) for stage in scenario.stages.values()},
        rule_titles=rule_titles(scenario, play.pathway, language),
    )


def _clamped(raw: Any, whole: Any, stored: Any, dialect: str) -> ColumnElement[Any]:
    """``100 * raw / whole`` clamped to 0..100 (``scoring.percent`` before its rounding); ``stored`` where ``whole`` is not positive.

    The share is computed once a row: SQLite's two-argument ``max``/``min`` (PostgreSQL's ``GREATEST``/``LEAST``)
    clamp it, where a ``CASE`` comparing it with each bound computed it three times (the competency means over
    450,000 scores took 0.43 s of CPU so, 0.35 s now: ``benchmarks/records.py``'s database, SQLite).
    """
    share = 100.0 * raw / whole
    if dialect == "postgresql":
        clamped = func.least(func.greatest(share, 0.0), 100.0)
    else:
        clamped = func.min(func.max(share, 0.0), 100.0)
    return case((whole <= 0, stored), else_=clamped)


def _competency_percent(dialect: str) -> ColumnElement[Any]:
    """An attempt's percent in a competency from its raw points, unrounded: a mean of them is rounded once, at the end.

    Averaging the stored, rounded percents was off by 0.1 (16.6 % for a true 16.7 %).
    """
    return _clamped(attempt_scores.c.points, attempt_scores.c.max, attempt_scores.c.percent, dialect)


def _total_percent(dialect: str) -> ColumnElement[Any]:
    """An attempt's total percent from its result's raw ``total`` and ``max_total``, unrounded (the stored one where absent)."""
    total, most = attempts.c.result["total"].as_float(), attempts.c.result["max_total"].as_float()
    stored = attempts.c.total_percent
    return case((total.is_(None) | most.is_(None), stored), else_=_clamped(total, most, stored, dialect))


def _counted_in_results(session: Reader, where: tuple[object, ...], field: str, key: str) -> Counter[str]:
    """How many times each ``key`` value occurs in the list ``field`` of the results of the attempts ``where`` selects.

    Counted by the database from the stored JSON (SQLite's ``json_each``, PostgreSQL's
    ``jsonb_array_elements``), so a report over 50,000 attempts reads a few rows rather than decoding every
    result in Python (which cost more than the rest of the report, and about 200 MB at 1,000,000 decisions:
    ``benchmarks/records.py``). The keys are those of the contract's result object (``PlayResult.as_json``);
    as ``PlayResult.from_json`` reads them, a missing ``key`` counts as the empty text, a missing ``field`` as
    no items.
    Ties keep the values' order.
    """
    value: ColumnElement[Any]
    if _dialect(session) == "postgresql":
        items = func.jsonb_array_elements(attempts.c.result[field]).table_valued("value").lateral("item")
        value = items.c.value.op("->>")(key)
    else:  # SQLite: a table-valued function may read the tables before it in FROM (no LATERAL there)
        items = func.json_each(attempts.c.result, f"$.{field}").table_valued("value").alias("item")
        value = func.json_extract(items.c.value, f"$.{key}")
    found = select(func.coalesce(value, "").label("value")).select_from(attempts).join(items, true()).where(*where).subquery()  # type: ignore[arg-type]
    query = select(found.c.value, func.count()).group_by(found.c.value).order_by(found.c.value)
    return Counter({str(text): int(count) for text, count in session.execute(query)})


def _dialect(session: Reader) -> str:
    """The name of the database's dialect (``sqlite``, ``postgresql``) under a Session or a Connection."""
    bind: Any = session if isinstance(session, Connection) else cast(Any, session).get_bind()  # a Session's engine
    return str(bind.dialect.name)


def _stage_title(stage: Any, language: str, fallbacks: list[str]) -> str:
    return str((stage.title or stage.text).get(language, fallbacks))[:80]


def _day(when: ColumnElement[Any], dialect: str) -> ColumnElement[dt.date]:
    """The UTC day of a stored time, in SQL: SQLite keeps UTC times as text (``date``), PostgreSQL as ``timestamptz``."""
    if dialect == "postgresql":
        return sql_cast(func.timezone("UTC", when), Date)
    return func.date(when, type_=Date)


def _progress(session: Reader, mine: tuple[object, ...], dialect: str) -> list[DayProgress]:
    """Cumulative completions and passes per day: each member counted on the day (UTC) of their first one.

    Counted by the database (each member's first days, then how many members share a pair of days), so a
    report reads a row per pair of days, not one per member: 5,000 members' times were read twice and turned into
    Python datetimes (1.6 MiB of the report's peak memory at 1,000,000 decisions, ``benchmarks/records.py``).
    """
    firsts = (
        select(
            _day(func.min(attempts.c.finished_at), dialect).label("finished"),
            _day(func.min(case((attempts.c.passed.is_(True), attempts.c.finished_at))), dialect).label("passed"),
        )
        .where(*mine, attempts.c.finished_at.is_not(None))  # type: ignore[arg-type]
        .group_by(attempts.c.user_id)
        .subquery()
    )
    completed: Counter[dt.date] = Counter()
    passed: Counter[dt.date] = Counter()
    for finished_day, passed_day, members in session.execute(
        select(firsts.c.finished, firsts.c.passed, func.count()).group_by(firsts.c.finished, firsts.c.passed)
    ):
        completed[finished_day] += int(members)
        if passed_day is not None:
            passed[passed_day] += int(members)
    days = sorted(set(completed) | set(passed))
    progress, done, good = [], 0, 0
    for day in days:
        done += completed[day]
        good += passed[day]
        progress.append(DayProgress(day, done, good))
    return progress


def _tables(report: ScenarioAnalytics) -> dict[str, list[list[object]]]:
    summary: list[list[object]] = [
        ["cohort", report.cohort],
        ["course", report.course],
        ["scenario", f"{report.scenario} v{report.version}"],
        ["members", report.members],
        ["started", report.started],
        ["completed", report.completed],
        ["passed", report.passed],
        ["completion rate (%)", report.completion_rate],
        ["pass rate (%)", report.pass_rate],
        ["mean percent", report.mean_percent],
    ]
    summary += [[f"mean percent: {report.competency_titles.get(c, c)}", p] for c, p in report.competencies.items()]
    return {
        "Summary": [["figure", "value"], *summary],
        "Hardest stages": [
            ["stage", "title", "decisions", "poor choices", "poor share (%)"],
            *[[s.stage, s.title, s.decisions, s.poor, s.poor_share] for s in report.hardest],
        ],
        "Choices": [
            ["stage", "choice", "label", "count", "share (%)", "poor", "critical"],
            *[[c.stage, c.choice, c.label, c.count, c.share, c.poor, c.critical] for c in report.choices],
        ],
        "Critical errors": [["critical error", "attempts"], *[[text, n] for text, n in report.critical_errors]],
        "Broken rules": [["rule", "id", "attempts"], *[[report.rule_titles.get(rule, rule), rule, n] for rule, n in report.broken_rules]],
        "Progress": [["day", "completed", "passed"], *[[p.day.isoformat(), p.completed, p.passed] for p in report.progress]],
    }


def export_xlsx(report: ScenarioAnalytics, path: str | Path) -> None:
    """One sheet per table, header rows bold and frozen; every text a string cell, never a formula; the file owner-only."""
    import openpyxl  # noqa: PLC0415 - only when exporting

    from tipcase.spreadsheets import append_row  # noqa: PLC0415 - the writers load only for an export

    claim_private(Path(path))
    book = openpyxl.Workbook()
    first = True
    for title, rows in _tables(report).items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = title
        for number, row in enumerate(rows):
            append_row(sheet, row, bold=number == 0)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    book.save(path)


def export_csv(report: ScenarioAnalytics, path: str | Path) -> None:
    """Every table one after another, each under a line naming it (UTF-8 with a BOM, so Excel reads it).

    Numbers are written as numbers and every text quoted, never as a formula (``tipcase.spreadsheets``); the file owner-only.
    """
    from tipcase.spreadsheets import SafeCsvWriter  # noqa: PLC0415 - the writers load only for an export

    claim_private(Path(path))
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = SafeCsvWriter(stream)
        for title, rows in _tables(report).items():
            writer.writerow([f"# {title}"])
            writer.writerows(rows)
            writer.writerow([])
