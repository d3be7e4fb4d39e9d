"""Decisions that cannot cross: each names the step and stage it answers; the play is kept, not replayed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select

from tests.records import BEST, SKIPS_CARE, attempt_of, play_through, seed
from tipcase.play.ratings import Rating
from tipcase.services import accounts, attempts, courses, desktop
from tipcase.store.database import Database
from tipcase.store.models import Attempt, Decision


@pytest.fixture
def seeded(db: Database) -> Database:
    with db.transaction() as session:
        seed(session)
    return db


QUESTION = SKIPS_CARE[0]  # at arrival: question him at once (poor, and the case goes on)


def test_two_windows_on_one_attempt_cannot_interleave(seeded: Database) -> None:
    account = desktop.sign_in(seeded, "demo-trainee", "demo-trainee")
    course = desktop.home(seeded, account.id)[0]
    first = desktop.open_attempt(seeded, account.id, course.course_id, course.scenarios[0].version_id, "en")
    second = desktop.open_attempt(seeded, account.id, course.course_id, course.scenarios[0].version_id, "en")
    assert second.attempt_id == first.attempt_id  # one open attempt per trainee, version and course
    stage = first.play.stage.id
    desktop.decide(seeded, account.id, first.attempt_id, QUESTION, 900, step=1, stage=stage)
    # the second window still shows the first stage: its answer would land on a stage it never showed
    with pytest.raises(attempts.StaleDecision, match=r"has moved on .* at decision 2, stage '\w.*'; decision 1 at stage 'arrival'"):
        desktop.decide(seeded, account.id, second.attempt_id, 1, 900, step=1, stage=stage)
    reopened = desktop.reopen_attempt(seeded, account.id, first.attempt_id)
    assert [d.number for d in reopened.play.decisions] == [QUESTION]
    with seeded.reading() as session:
        assert [(d.sequence, d.choice_number) for d in attempt_of(session, first.attempt_id).decisions] == [(1, QUESTION)]


def test_a_step_not_reached_or_a_wrong_stage_is_refused(seeded: Database) -> None:
    attempt_id = play_through(seeded, "demo-trainee", BEST[:1])
    with seeded.transaction() as session:
        trainee = accounts.get_user(session, "demo-trainee")
        with pytest.raises(attempts.StaleDecision, match="it is at decision 2"):
            attempts.record_decision(session, trainee, attempt_id, 1, step=3)
        with pytest.raises(attempts.StaleDecision, match="decision 2 at stage 'arrival' was not recorded"):
            attempts.record_decision(session, trainee, attempt_id, 1, step=2, stage="arrival")
    with seeded.reading() as session:
        assert session.scalar(select(func.count(Decision.id))) == 1


def test_a_finished_attempt_refuses_a_late_decision(seeded: Database) -> None:
    attempt_id = play_through(seeded, "demo-trainee", BEST)
    with seeded.transaction() as session, pytest.raises(attempts.StaleDecision, match="is finished"):
        attempts.record_decision(session, accounts.get_user(session, "demo-trainee"), attempt_id, 1, step=len(BEST) + 1)


def test_the_service_returns_what_it_recorded(seeded: Database) -> None:
    account = desktop.sign_in(seeded, "demo-trainee", "demo-trainee")
    course = desktop.home(seeded, account.id)[0]
    opened = desktop.open_attempt(seeded, account.id, course.course_id, course.scenarios[0].version_id, "en")
    offered = opened.play.offered()
    recorded = desktop.decide(seeded, account.id, opened.attempt_id, QUESTION, 1200, step=1, stage="arrival")
    assert (recorded.step, recorded.decision.stage, recorded.decision.number) == (1, "arrival", QUESTION)
    assert recorded.choice is offered[QUESTION - 1].choice  # its label, feedback and reference: what the window shows
    assert recorded.play.route[-1] != "arrival"
    assert not recorded.finished
    assert recorded.rating == Rating.POOR  # questioning him before any care: rated by the service, shown as it is
    assert recorded.feedback is recorded.choice.feedback
    assert (recorded.before.stage.id, len(recorded.before.decisions)) == ("arrival", 0)  # where it was taken
    recorded.play.choose(1)  # the caller's own copy: moving it does not move the attempt
    again = desktop.reopen_attempt(seeded, account.id, opened.attempt_id)
    assert len(again.play.decisions) == 1
    assert again.last is not None  # a resume shows the last decision again, as it was recorded
    assert (again.last.step, again.last.rating, again.last.before.stage.id) == (1, Rating.POOR, "arrival")
    assert again.play.language == "en"
    with pytest.raises(AttributeError):
        again.play.language = "id"  # type: ignore[misc]  # the play's language is the attempt's: texts take a language argument


def test_a_decision_does_not_replay_the_attempt(seeded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """One play per attempt is kept: deciding costs the same at the 17th choice as at the first."""
    attempt_id = play_through(seeded, "demo-trainee", BEST[:1])
    replays: list[int] = []
    original = attempts.replay
    monkeypatch.setattr(attempts, "replay", lambda attempt: replays.append(attempt.id) or original(attempt))
    for step, number in enumerate(BEST[1:], 2):
        with seeded.transaction() as session:
            attempts.record_decision(session, accounts.get_user(session, "demo-trainee"), attempt_id, number, step=step)
    assert replays == []
    with seeded.reading() as session:
        assert attempt_of(session, attempt_id).total_percent == 100.0


def test_a_kept_play_is_not_trusted_when_another_workstation_decided(seeded: Database) -> None:
    attempt_id = play_through(seeded, "demo-trainee", BEST[:1])
    with seeded.transaction() as session:  # another workstation records decision 2 (its own process, its own play)
        session.execute(
            insert(Decision).values(
                attempt_id=attempt_id, sequence=2, stage="medical", offered=[0, 1, 2], choice_number=1, choice_index=0, clock=1.0
            )
        )
    with seeded.transaction() as session:
        trainee = accounts.get_user(session, "demo-trainee")
        with pytest.raises(attempts.StaleDecision, match="it is at decision 3"):
            attempts.record_decision(session, trainee, attempt_id, 1, step=2)
        recorded = attempts.record_decision(session, trainee, attempt_id, 1, step=3)
    assert [d.stage for d in recorded.play.decisions][:2] == ["arrival", "medical"]


def test_open_attempts_are_unique_in_the_database(seeded: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    attempt_id = play_through(seeded, "demo-trainee", BEST[:1])
    with seeded.reading() as session:
        first = attempt_of(session, attempt_id)
        values = {"user_id": first.user_id, "scenario_version_id": first.scenario_version_id, "language": "en"}
        course_id, started_at = first.course_id, first.started_at
    with seeded.transaction() as session:
        session.execute(insert(Attempt).values(**values, course_id=None))  # one open outside courses too
    for course in (course_id, None):  # a second one in the course, or outside any course
        with pytest.raises(IntegrityError), seeded.transaction() as session:
            session.execute(insert(Attempt).values(**values, course_id=course))
    with seeded.transaction() as session:  # a finished attempt does not count
        session.execute(insert(Attempt).values(**values, course_id=course_id, finished_at=started_at))


def test_the_migration_keeps_one_open_attempt_and_every_decision(seeded: Database) -> None:
    """Attempts started twice before revision 0003 (PostgreSQL had no lock): the one with most decisions stays open."""
    from alembic import command

    from tipcase.store.database import alembic_config

    first = play_through(seeded, "demo-trainee", BEST[:1])
    with seeded.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    with seeded.transaction() as session:
        model = attempt_of(session, first)
        values = {"user_id": model.user_id, "scenario_version_id": model.scenario_version_id, "course_id": model.course_id}
        empty = session.execute(insert(Attempt).values(**values, language="en").returning(Attempt.id)).scalar_one()
        fuller = session.execute(insert(Attempt).values(**values, language="en").returning(Attempt.id)).scalar_one()
        for sequence, stage in ((1, "arrival"), (2, "medical")):
            session.execute(
                insert(Decision).values(
                    attempt_id=fuller, sequence=sequence, stage=stage, offered=[0, 1], choice_number=1, choice_index=0, clock=1.0
                )
            )
    seeded.upgrade()
    with seeded.reading() as session:
        assert session.get(Attempt, empty) is None  # started twice by accident, nothing decided in it
        assert attempt_of(session, fuller).finished_at is None  # the one with most decisions goes on
        closed = attempt_of(session, first)
        assert closed.finished_at is not None  # closed unscored; its decision kept
        assert closed.result is None
        assert [d.sequence for d in closed.decisions] == [1]
    with seeded.transaction() as session:
        demo = courses.get_course(session, "demo")
        trainee = accounts.get_user(session, "demo-trainee")
        assert attempts.start_attempt(session, trainee, demo.items[0].scenario_version, course=demo).id == fuller
