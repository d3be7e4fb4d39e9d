"""The plain-data API the desktop app calls: sign in, home, open, decide, debrief."""

from __future__ import annotations

import pytest

from tests.records import BEST, seed
from tipcase.play.ratings import Rating
from tipcase.services import desktop
from tipcase.services.errors import SignInError
from tipcase.store.database import Database


@pytest.fixture
def seeded(db: Database) -> Database:
    with db.transaction() as session:
        seed(session)
    return db


def test_failed_sign_ins_are_recorded_and_lock(seeded: Database) -> None:
    for _ in range(5):
        with pytest.raises(SignInError):
            desktop.sign_in(seeded, "demo-trainee", "nope-nope")
    with pytest.raises(SignInError, match="locked"):
        desktop.sign_in(seeded, "demo-trainee", "demo-trainee")


def test_a_whole_attempt_through_the_workstation_api(seeded: Database) -> None:
    account = desktop.sign_in(seeded, " Demo-Trainee ", "demo-trainee")
    courses = desktop.home(seeded, account.id)
    assert [c.code for c in courses] == ["demo"]
    row = courses[0].scenarios[0]
    assert (row.status, row.may_start, row.title["id"]) == ("not started", True, "Pulang dari kompleks penipuan")
    opened = desktop.open_attempt(seeded, account.id, courses[0].course_id, row.version_id, "id")
    assert opened.feedback_after_choice is True
    assert opened.play.stage.id == "arrival"
    play = opened.play
    for number in BEST:
        recorded = desktop.decide(seeded, account.id, opened.attempt_id, number, 1500, step=len(play.decisions) + 1, stage=play.stage.id)
        assert recorded.choice is play.offered()[number - 1].choice  # what was stored is what the trainee saw
        assert recorded.rating == Rating.GOOD  # the best route: rated by the service, shown by the window as it is
        assert (recorded.before.stage.id, recorded.before.clock) == (play.stage.id, play.clock)  # where it was taken
        play = recorded.play
    assert play.finished
    row = desktop.home(seeded, account.id)[0].scenarios[0]
    assert (row.status, row.best_percent, row.last_finished_attempt_id) == ("passed", 100.0, opened.attempt_id)
    debrief = desktop.debrief(seeded, account.id, opened.attempt_id)
    assert debrief.result.passed is True
    assert debrief.best_play.route == debrief.play.route
    assert debrief.play.language == "id"
