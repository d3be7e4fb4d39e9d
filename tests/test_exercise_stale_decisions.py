"""A decision that comes too late for its step is refused, never recorded on the stage after (walk F, finding 27).

Two trainees share a role (or one trainee plays it from a window and a terminal). A decision names the step it
answers; of two deciders on one step exactly one is recorded, even when both write at once from two connections
(SQLite's write lock, PostgreSQL's row lock), and the other is refused with one line naming the stage it answered
and who took that decision. ``tipcase exercise play --next N --at STEP`` for a step already taken is refused the
same way and decides nothing. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from tests.exercises import PASSWORDS, decide, started_session
from tipcase.cli import main
from tipcase.services import accounts, exercises
from tipcase.store.database import Database

TAKEN = (
    r"has moved on: decision 1, at the stage “desk”, was already taken by Trainee {who}, so yours was not recorded; "
    r"it is at decision 2"
)


@pytest.fixture
def shared(db: Database, tmp_path: Path) -> Database:
    """The drill started, the case worker assigned to the investigator's role too, the inspector's referral in."""
    with db.transaction() as session:
        exercise = started_session(session, tmp_path)
        trainer, worker = accounts.get_user(session, "trainer"), accounts.get_user(session, "case-worker")
        exercises.assign(session, trainer, exercise, "investigator", worker)
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)
    return db


def investigator_decisions(db: Database) -> list[tuple[int | None, int | None]]:
    with db.reading() as session:
        rows = exercises.events(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
        names = {user.id: user.username for user in (accounts.get_user(session, name) for name in ("investigator", "case-worker"))}
        return [(row.step, row.user_id and names[row.user_id]) for row in rows if row.kind == "decision" and row.role == "investigator"]  # type: ignore[misc]


def test_two_deciders_on_one_step_at_once_one_is_recorded_and_the_other_told_who(shared: Database) -> None:
    url = shared.url.render_as_string(hide_password=False)
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def decider(username: str, number: int) -> None:
        db = Database(url)  # a workstation of its own: its own connection
        try:
            start.wait()
            with db.transaction() as session:
                user, exercise = accounts.get_user(session, username), exercises.get_session(session, "drill")
                outcomes[username] = exercises.decide(session, user, exercise, "investigator", number, step=1, stage="desk")
        except Exception as refused:  # noqa: BLE001 - anything but a refusal fails the assertion below, shown
            outcomes[username] = refused
        finally:
            db.dispose()

    threads = [threading.Thread(target=decider, args=args) for args in (("investigator", 1), ("case-worker", 2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    refused = {name: outcome for name, outcome in outcomes.items() if isinstance(outcome, exercises.StaleTeamDecision)}
    recorded = {name: outcome for name, outcome in outcomes.items() if isinstance(outcome, exercises.RoleView)}
    assert len(refused) == len(recorded) == 1, outcomes
    (winner,) = recorded
    (loser,) = refused
    assert investigator_decisions(shared) == [(1, winner)]  # exactly one decision 1, and nothing on the stage after

    assert re.search(TAKEN.format(who=winner), str(refused[loser])), str(refused[loser])


def test_a_late_decision_is_refused_naming_the_stage_and_who_took_it(shared: Database) -> None:
    with shared.reading() as session:
        worker = accounts.get_user(session, "case-worker")
        seen = exercises.role_view(session, worker, exercises.get_session(session, "drill"), "investigator")
    with shared.transaction() as session:
        decide(session, "investigator", "drill", "investigator", 1)
    with shared.transaction() as session:
        user, exercise = accounts.get_user(session, "case-worker"), exercises.get_session(session, "drill")
        with pytest.raises(exercises.StaleTeamDecision) as refused:
            exercises.decide(session, user, exercise, "investigator", 1, step=seen.step, stage=seen.play.stage.id, position=seen.position)
    assert refused.value.params["who"] == "Trainee investigator"
    assert refused.value.params["step"] == 1
    assert investigator_decisions(shared) == [(1, "investigator")]


def test_play_next_at_a_step_already_taken_is_refused_and_decides_nothing(
    shared: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIPCASE_DATABASE_URL", shared.url.render_as_string(hide_password=False))
    with shared.transaction() as session:
        decide(session, "investigator", "drill", "investigator", 1)  # at the window, while the case worker typed at her terminal
    monkeypatch.setenv("TIPCASE_PASSWORD", PASSWORDS["case-worker"])
    argv = ["exercise", "play", "--session", "drill", "--user", "case-worker", "--role", "investigator", "--timeout", "0"]
    code = main([*argv, "--next", "1", "--at", "1"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "decision 1, at the stage “desk”, was already taken by Trainee investigator, so yours was not recorded" in err
    assert "decision 2 at" not in out
    assert investigator_decisions(shared) == [(1, "investigator")]  # nothing recorded on the stage the terminal never showed
    code = main([*argv, "--next", "1", "--at", "3"])
    assert code == 2
    assert "--at 3" in capsys.readouterr().err
