"""A route's result as typed data: the contract's JSON byte for byte, what an attempt stores, and old stored rows read back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

import pytest

from tests.records import CASE, SENT_HOME, seed
from tipcase import bundled
from tipcase.format.loader import load_file
from tipcase.format.validator import check_file
from tipcase.play.engine import Play
from tipcase.play.result import BrokenRule, CompetencyScore, PlayResult, StoredResultError
from tipcase.services import accounts, analytics, attempts, courses, desktop, exports
from tipcase.services.errors import ServiceError
from tipcase.store.database import Database
from tipcase.store.models import Attempt, AttemptScore, Decision

# The contract's result object (../shared/SCENARIO-FORMAT.md, "Playing from the command line"), in its order.
CONTRACT_KEYS = [
    "scenario", "version", "sha256", "complete", "route", "choices", "end", "outcome", "hours", "points", "max", "percent",
    "total", "max_total", "total_percent", "critical_errors", "rule_violations", "off_pathway", "passed",
]  # fmt: skip

# What TIPCase stored in attempts.result for the scam-compound case's route SENT_HOME ("bus fare, go home") before the
# result was typed: keys as PostgreSQL's JSONB returns them (shortest first), whole numbers as another writer
# might leave them (floats), and each critical error and broken rule as the untyped dict had it. The version, its
# hash and the choice's number are the case's as published today (the shape is the point, not the version).
_PUBLISHED = load_file(CASE).scenario
assert _PUBLISHED is not None
OLD_ROW = {
    "end": "end-sent-home",
    "max": {"identification": 3, "victim_care": 6, "confidentiality": 3, "interviewing": 3, "non_punishment": 3,
            "legal_process": 5, "restitution": 6, "evidence": 4, "referral": 4},
    "hours": 0.0,
    "route": ["arrival", "end-sent-home"],
    "total": -10.0,
    "passed": False,
    "points": {"identification": -5, "victim_care": -3, "confidentiality": 0, "interviewing": 0, "non_punishment": 0,
               "legal_process": 0, "restitution": 0, "evidence": 0, "referral": -2},
    "sha256": _PUBLISHED.sha256,
    "choices": SENT_HOME,
    "outcome": "failure",
    "percent": {"identification": 0.0, "victim_care": 0.0, "confidentiality": 0.0, "interviewing": 0.0, "non_punishment": 0.0,
                "legal_process": 0.0, "restitution": 0.0, "evidence": 0.0, "referral": 0.0},
    "version": _PUBLISHED.version,
    "complete": True,
    "scenario": "scam-compound-return",
    "max_total": 37,
    "off_pathway": [],
    "total_percent": 0.0,
    "critical_errors": [
        {"stage": "arrival", "choice": SENT_HOME[0], "text": "Sending a returnee from a scam compound home without screening is "
         "a typical mistake: victims go unidentified and are often trafficked again."},
        {"stage": "end-sent-home", "rule": "medical-care-required", "text": "The case ended without the victim ever receiving safety "
         "and medical care. In the referral order this step is not optional."},
        {"stage": "end-sent-home", "rule": "screening-required", "text": "The person was never screened against trafficking "
         "indicators: a victim may have been sent home unidentified, at risk of being trafficked again."},
    ],
    "rule_violations": [
        {"rule": "medical-care-required", "competency": "victim_care", "points": -3},
        {"rule": "screening-required", "competency": "identification", "points": -2},
    ],
}  # fmt: skip


def _routes() -> list[Play]:
    """Every bundled case's best route and three random routes (seeded), played to an end."""
    plays = []
    for path in sorted(bundled.bundled_dir().glob("*.yaml")):
        checked = check_file(str(path))
        if checked.scenario is None:
            continue
        rng = random.Random(path.name)
        for trial in range(4):
            play = Play(checked.scenario, checked.pathway)
            if trial == 0 and checked.analysis is not None:
                play.replay(checked.analysis.best_choices)
            while not play.finished:
                play.choose(rng.randint(1, len(play.offered())))
            plays.append(play)
    return plays


def test_the_json_is_the_contracts_and_reads_back_to_the_same_result() -> None:
    for play in _routes():
        result = play.result()
        document = result.as_json()
        assert list(document) == CONTRACT_KEYS
        text = json.dumps(document, ensure_ascii=False, indent=2)
        again = PlayResult.from_json(json.loads(text))
        assert again == result
        assert json.dumps(again.as_json(), ensure_ascii=False, indent=2) == text  # byte for byte, after a round trip


def test_storage_keeps_a_score_row_per_assessed_competency_only() -> None:
    result = PlayResult(
        scenario="s", version=1, sha256="0" * 64, complete=True, route=("a", "end"), choices=(1,), end="end", outcome="partial",
        hours=2.5, total=-1, max_total=4, total_percent=0.0, critical_errors=(), off_pathway=(("x", "y"),), passed=False,
        competencies=(CompetencyScore("identification", 1, 4, 25.0), CompetencyScore("referral", -2, None, None)),
        rule_violations=(BrokenRule("refer-first", "referral", -2),),
    )  # fmt: skip
    stored = result.storage()
    assert (stored.total_percent, stored.passed) == (0.0, False)
    assert [(r.competency, r.points, r.max, r.percent) for r in stored.scores] == [("identification", 1.0, 4.0, 25.0)]
    assert stored.document["points"] == {"identification": 1, "referral": -2}  # the unassessed one's points, as the format lists
    assert stored.document["max"] == {"identification": 4}
    assert stored.document["off_pathway"] == [["x", "y"]]
    assert PlayResult.from_json(stored.document) == result


def test_an_old_stored_result_reads_by_attribute() -> None:
    result = PlayResult.from_json(OLD_ROW)
    assert (result.complete, result.passed, result.outcome, result.total_percent, result.total, result.hours) == (
        True, False, "failure", 0.0, -10, 0,
    )  # fmt: skip
    assert [c.competency for c in result.competencies][:2] == ["identification", "victim_care"]
    assert (result.critical_errors[0].choice, result.critical_errors[1].rule) == (SENT_HOME[0], "medical-care-required")
    assert [(v.rule, v.points) for v in result.rule_violations] == [("medical-care-required", -3), ("screening-required", -2)]
    assert list(result.as_json()) == CONTRACT_KEYS
    assert isinstance(result.as_json()["total"], int)  # -10.0 prints as -10, as the format's numbers do


@pytest.mark.parametrize(
    ("damage", "named"),
    [({"total_percent": "high"}, "'total_percent'"), ({"passed": None}, "'passed'"), ({"points": [1]}, "'points'")],
)
def test_a_damaged_stored_result_is_named_not_a_traceback(damage: dict[str, object], named: str) -> None:
    with pytest.raises(StoredResultError, match=named):
        PlayResult.from_json({**OLD_ROW, **damage})
    with pytest.raises(StoredResultError, match="'hours'"):
        PlayResult.from_json({k: v for k, v in OLD_ROW.items() if k != "hours"})


def test_an_attempt_stored_in_the_old_shape_loads_in_the_debrief_exports_and_analytics(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        version = world.course.items[0].scenario_version
        finished = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
        old = Attempt(
            user_id=world.trainee.id, scenario_version_id=version.id, course_id=world.course.id, language="en",
            started_at=finished - dt.timedelta(minutes=5), finished_at=finished, result=OLD_ROW, total_percent=0.0, passed=False,
        )  # fmt: skip
        session.add(old)
        session.flush()
        number = SENT_HOME[0]  # arrival offers every choice: the number is the file's position
        session.add(
            Decision(
                attempt_id=old.id, sequence=1, stage="arrival", offered=[0, 1, 2, 3], choice_number=number, choice_index=number - 1, clock=0
            )
        )
        for competency, top in OLD_ROW["max"].items():  # type: ignore[attr-defined]
            session.add(AttemptScore(attempt_id=old.id, competency=competency, points=0.0, max=float(top), percent=0.0))
        attempt_id, trainee_id = old.id, world.trainee.id

    debrief = desktop.debrief(db, trainee_id, attempt_id)
    assert (debrief.result.passed, debrief.result.outcome, debrief.result.total_percent) == (False, "failure", 0.0)
    replayed = debrief.play.result()  # the replay agrees with what was stored (JSONB keeps no key order: competencies as a set)
    assert dataclasses.replace(debrief.result, competencies=()) == dataclasses.replace(replayed, competencies=())
    assert set(debrief.result.competencies) == set(replayed.competencies)
    with db.reading() as session:
        trainer = accounts.get_user(session, "demo-trainer")
        csv = exports.attempts_csv(session, trainer)
        course = courses.get_course(session, "demo")
        report = analytics.scenario_analytics(
            session, trainer, courses.get_cohort(session, "demo"), course, course.items[0].scenario_version
        )
    row = next(line for line in csv.splitlines() if line.startswith(f"{attempt_id},"))
    assert row.endswith(',1,"failure",0.0,"false"')  # one decision, the stored outcome, total and verdict
    assert dict(report.broken_rules) == {"medical-care-required": 1, "screening-required": 1}
    assert [n for _text, n in report.critical_errors] == [1, 1, 1]


def test_a_damaged_stored_result_names_its_attempt(db: Database) -> None:
    with db.transaction() as session:
        world = seed(session)
        version = world.course.items[0].scenario_version
        broken = Attempt(
            user_id=world.trainee.id, scenario_version_id=version.id, course_id=world.course.id, language="en",
            finished_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC), result={"scenario": CASE.stem}, total_percent=0.0, passed=False,
        )  # fmt: skip
        session.add(broken)
        session.flush()
        with pytest.raises(ServiceError, match=rf"attempt {broken.id}: its stored result cannot be read \(a result has no "):
            attempts.stored_result(broken)
