"""Team exercise records on SQLite and PostgreSQL: sessions, permissions, stale and refused decisions, the
protected event log, replay after a crash, and the waiter that wakes a waiting workstation."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.exercises import decide, started_session
from tests.teams import BEST
from tipcase.services import accounts, exercise_log, exercises
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database
from tipcase.store.notify import EventWatcher


def play_best(db: Database) -> None:
    """Every role's best numbers, each role moving when it can."""
    left = {role: list(numbers) for role, numbers in BEST.items()}
    while any(left.values()):
        moved = False
        for role, numbers in left.items():
            with db.transaction() as session:
                view = exercises.role_view(session, accounts.get_user(session, role), exercises.get_session(session, "drill"), role)
            if numbers and view.waits_for is None and not view.finished:
                with db.transaction() as session:
                    decide(session, role, "drill", role, numbers.pop(0))
                moved = True
        assert moved, left


def test_a_whole_session_through_the_services_scores_as_by_hand(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    play_best(db)
    with db.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        exercise = exercises.get_session(session, "drill")
        exercises.end(session, trainer, exercise)
    with db.reading() as session:
        report = exercises.report(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
        # a trainee who took part may read the joint debrief too
        assert (
            exercises.report(session, accounts.get_user(session, "inspector"), exercises.get_session(session, "drill"))["status"] == "ended"
        )
    assert (report["team"]["total"], report["team"]["max_total"], report["team"]["passed"]) == (11, 11, True)
    assert {role: result["total"] for role, result in report["roles"].items()} == {"inspector": 2, "investigator": 4, "case-worker": 5}


def test_only_an_assigned_trainee_plays_a_role_and_only_while_it_runs(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path, start=False)
    with db.transaction() as session, pytest.raises(exercises.SessionNotRunning, match="has not started yet"):
        decide(session, "inspector", "drill", "inspector", 1)  # the role is not even shown before the start
    with db.transaction() as session, pytest.raises(exercises.SessionNotRunning, match="is draft"):
        exercises.decide(session, accounts.get_user(session, "inspector"), exercises.get_session(session, "drill"), "inspector", 1, step=1)
    with db.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        exercises.start(session, trainer, exercises.get_session(session, "drill"))
    with db.transaction() as session, pytest.raises(PermissionDenied, match="not assigned to the role “Labour inspector”"):
        decide(session, "investigator", "drill", "inspector", 1)
    with db.transaction() as session, pytest.raises(PermissionDenied, match="may not direct team exercises"):
        exercises.pause(session, accounts.get_user(session, "inspector"), exercises.get_session(session, "drill"))
    with db.transaction() as session:
        exercises.pause(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    with db.transaction() as session, pytest.raises(exercises.SessionNotRunning, match="is paused"):
        decide(session, "inspector", "drill", "inspector", 1)
    with db.transaction() as session:
        exercises.resume(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    with db.transaction() as session, pytest.raises(exercises.SessionNotRunning, match="is ended"):
        decide(session, "investigator", "drill", "investigator", 1)
    with db.transaction() as session, pytest.raises(exercises.SessionNotRunning):
        exercises.fire_inject(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"), "journalist")


def test_a_decision_for_a_step_the_role_has_passed_is_refused_and_nothing_is_stored(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
        exercise = exercises.get_session(session, "drill")
        user = accounts.get_user(session, "inspector")
        seen = exercises.role_view(session, user, exercise, "inspector")
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 2)  # another trainee at the role decided first
    with db.transaction() as session:
        exercise = exercises.get_session(session, "drill")
        user = accounts.get_user(session, "inspector")
        with pytest.raises(exercises.StaleTeamDecision, match="has moved on"):
            exercises.decide(session, user, exercise, "inspector", 1, step=seen.step, stage=seen.play.stage.id, position=seen.position)
    with db.transaction() as session:
        investigator = accounts.get_user(session, "investigator")
        exercise = exercises.get_session(session, "drill")
        view = exercises.role_view(session, investigator, exercise, "investigator")
        assert view.play.variables["slips"] is False  # the stored decision (2: no slips copied) stands, not the stale one
        with pytest.raises(ServiceError, match="choice 9 is not offered at the stage “desk”"):
            exercises.decide(session, investigator, exercise, "investigator", 9, step=1)


def test_an_arrival_between_reading_and_deciding_makes_the_decision_stale(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
        trainer = accounts.get_user(session, "trainer")
        exercise = exercises.get_session(session, "drill")
        seen = exercises.role_view(session, accounts.get_user(session, "inspector"), exercise, "inspector")
        exercises.fire_inject(session, trainer, exercise, "journalist")  # the trainer's inject lands first
    with db.transaction() as session:
        with pytest.raises(exercises.StaleTeamDecision):
            exercises.decide(
                session, accounts.get_user(session, "inspector"), exercises.get_session(session, "drill"), "inspector", 1,
                step=seen.step, stage=seen.play.stage.id, position=seen.position,
            )  # fmt: skip
        view = exercises.role_view(session, accounts.get_user(session, "inspector"), exercises.get_session(session, "drill"), "inspector")
    assert [item.ident for item in view.inbox] == ["journalist"]


def test_a_workstation_that_lost_its_memory_rebuilds_the_role_from_the_log(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    for role, number in (("inspector", 1), ("investigator", 1), ("case-worker", 1)):
        with db.transaction() as session:
            decide(session, role, "drill", role, number)
    with db.reading() as session:
        before = exercises.status(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    exercise_log._plays.clear()  # a new process: nothing kept
    with db.reading() as session:
        after = exercises.status(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
        view = exercises.role_view(
            session, accounts.get_user(session, "investigator"), exercises.get_session(session, "drill"), "investigator"
        )
    assert after == before
    assert (view.play.stage.id, view.waits_for, view.play.clock) == ("waiting-care", "care-done", 3)


def test_the_event_log_cannot_be_rewritten_nor_an_ended_session_reopened(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    for statement in (
        "UPDATE exercise_events SET choice_number = 2 WHERE kind = 'decision'",
        "DELETE FROM exercise_events WHERE kind = 'decision'",
        "UPDATE exercise_sessions SET status = 'running'",
        "DELETE FROM exercise_sessions",
        "UPDATE team_case_versions SET source = 'changed'",
        "DELETE FROM team_case_versions",
    ):
        with pytest.raises(DBAPIError, match="TIPCase"), db.engine.begin() as connection:
            connection.execute(text(statement))


def test_a_waiting_workstation_wakes_within_a_second_of_an_arrival(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        exercise_id = started_session(session, tmp_path).id
        newest = exercises.newest_event(session, exercises.get_session(session, "drill"))
    woke: list[float] = []
    with EventWatcher(db, exercise_id) as watcher:

        def wait() -> None:
            watcher.wait(newest, 10)
            woke.append(time.monotonic())

        waiting = threading.Thread(target=wait)
        waiting.start()
        time.sleep(0.3)  # the watcher is asleep
        with db.transaction() as session:
            decide(session, "inspector", "drill", "inspector", 1)
        committed = time.monotonic()
        waiting.join(10)
    assert woke, "the watcher never woke"
    assert woke[0] - committed < 1.0
