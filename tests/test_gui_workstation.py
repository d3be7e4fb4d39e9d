"""Role workstations: two roles (the investigator and the case worker) played to their end in windows of their own
on one SQLite file, hand-overs and injects arriving in their inboxes within a second, a role waiting visibly; a
workstation rejoining where its role stood after it died; two trainees at one role."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.exercise_gui import WITHIN, migrated, window_for
from tests.exercises import decide, started_session
from tests.teams import BEST
from tipcase.services import accounts, exercise_desk, exercises
from tipcase.services.errors import PermissionDenied
from tipcase.store.database import Database

from ui.main_window import MainWindow
from ui.pages.workstation import WorkstationPage

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    return migrated(tmp_path)


def join(window: MainWindow, name: str, role: str) -> WorkstationPage:
    """Open Team exercises and press Join my role, as the trainee does."""
    window.exercises.show_list()
    page = window.exercises.list_page()
    assert [(row.name, row.my_roles) for row in page.rows] == [(name, (role,))]
    assert page.open_button.text().replace("&", "") == "Join my role"
    page.open_selected()
    joined = window.exercises.workstation()
    assert window.stack.currentWidget() is joined
    return joined


def play(qtbot, page: WorkstationPage, number: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.state() == "choosing" and not page.press_guard.holding(), timeout=5_000)  # read, then choose
    step = page.station.step
    page.choose(number)
    assert page.station.step == step + 1
    assert f"Decision {step} recorded." in page.banner.text()
    # the status bar says what the banner says, never the decision before (it was one behind when an arrival came with one)
    assert page.window().statusBar().currentMessage() == page.notice().replace("\n", " ")
    assert page.notice().startswith(f"Decision {step} recorded.")


def test_two_roles_played_to_their_end_at_their_workstations(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
    investigator = join(window_for(qtbot, tmp_path, url, "investigator"), "drill", "investigator")
    worker = join(window_for(qtbot, tmp_path, url, "case-worker"), "drill", "case-worker")
    for page in (investigator, worker):
        assert page.state() == "briefing"
        assert "Content warning" not in page.briefing.body.text()  # the mini case has none
        assert "What they send you arrives in your inbox" in page.briefing.body.text()
        page.begin_button.click()

    # the investigator waits, visibly, for the inspector's referral; it arrives from another workstation within a second
    assert investigator.state() == "waiting"
    assert investigator.banner.text() == (
        "<b>Waiting for the hand-over “Referral from the inspector” from Labour inspector. "
        "Your choices appear here as soon as it arrives.</b>"
    )
    assert (investigator.choices_box.isVisible(), investigator.waiting_bar.isVisible()) == (False, True)
    assert investigator.text.toPlainText() == "The stage opens once the hand-over arrives."  # never "a referral arrives" before it has
    # an empty inbox and case file are one empty state each: the list says what will arrive, no blank pane beside it
    assert (investigator.inbox.count(), investigator.inbox_view.isVisible()) == (0, False)
    assert investigator.inbox.empty_text().startswith("Nothing has arrived yet. Hand-overs from the other agencies")
    assert investigator.inbox.accessibleDescription() == investigator.inbox.empty_text()
    assert (investigator.exhibits.rowCount(), investigator.side.exhibit_view.isHidden()) == (0, True)
    assert investigator.side.exhibit_list.empty_text().startswith("Nothing in the case file yet.")
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", BEST["inspector"][0])
    sent = time.monotonic()
    qtbot.waitUntil(lambda: investigator.state() == "choosing", timeout=5_000)
    assert time.monotonic() - sent < WITHIN
    assert investigator.side.tabText(0) == "&Inbox (1)"
    assert investigator.inbox.item(0).text() == "Hand-over · 2 h — Referral from the inspector"
    assert investigator.inbox_view.isVisible()
    assert investigator.inbox.accessibleDescription() == ""
    assert not investigator.side.exhibit_view.isHidden()
    assert "New in your inbox: the hand-over “Referral from the inspector” from Labour inspector." in investigator.banner.text()
    assert investigator.exhibits.exhibit_at(0).title.get("en") == "Wage slips"  # the file came with it
    assert investigator.clock.text() == "Case clock: 2 h"  # the sender's clock (Lamport)
    assert [button.number for button in investigator._choice_buttons] == [1, 2]
    assert investigator.text.toPlainText() == "A referral arrives."  # the stage's text, now that it has
    # the hand-over says what the sender recorded (the case's sentence for the values it carried)
    assert investigator.inbox_view.toPlainText() == (
        "Referral from the inspector\nFrom Labour inspector, taken at 2 h on your case clock.\n"
        "What the sender recorded\nThe wage slips were copied."
    )

    # the investigator asks for care first and waits; the case worker receives the request, cares, and answers
    play(qtbot, investigator, BEST["investigator"][0])
    assert investigator.state() == "waiting"
    qtbot.waitUntil(lambda: worker.state() == "choosing", timeout=5_000)
    assert worker.inbox.item(0).text() == "Hand-over · 3 h — Request for care"
    for number in BEST["case-worker"]:
        play(qtbot, worker, number)
    assert worker.state() == "end"
    # its end named, if titled; never "(success)", which read as a verdict on a role the debrief may rate poorly
    assert "Your role has reached its end. The joint debrief opens when the trainer ends the session." in worker.banner.text()
    assert "success" not in worker.banner.text()

    # the answer arrives with the scripted threat (at 4 h on the investigator's clock); a pause takes the choices away
    qtbot.waitUntil(lambda: investigator.state() == "choosing", timeout=5_000)
    assert [investigator.inbox.item(r).text() for r in range(investigator.inbox.count())] == [
        "Hand-over · 2 h — Referral from the inspector",
        "Hand-over · 7 h — Care arranged",
        "Event · 7 h — A threat",
    ]
    investigator.inbox.setCurrentRow(2)
    assert investigator.inbox_view.toPlainText() == "A threat\nAt 7 h on your case clock.\nThe family is threatened."  # walk H 5
    assert "Ask LPSK" not in investigator.inbox_view.toPlainText()  # the expected action is for controllers only
    with db.transaction() as session:
        exercises.pause(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    qtbot.waitUntil(lambda: investigator.state() == "paused", timeout=5_000)
    assert (investigator.choices_box.isVisible(), investigator.waiting_bar.isVisible()) == (False, False)
    assert "The trainer has paused the session." in investigator.banner.text()
    with db.transaction() as session:
        exercises.resume(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    qtbot.waitUntil(lambda: investigator.state() == "choosing", timeout=5_000)  # the choices are back, and it says why (walk H 7)
    assert "The trainer has resumed the session: your choices are back." in investigator.banner.text()
    for number in BEST["investigator"][1:]:
        play(qtbot, investigator, number)
    assert investigator.state() == "end"
    assert not investigator.debrief_button.isVisible()
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    qtbot.waitUntil(lambda: investigator.station.session.status == "ended", timeout=5_000)
    assert "recorded" not in investigator.banner.text()  # a decision's notice does not outlive what followed it

    with db.reading() as session:
        report = exercises.report(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    assert {role: result["choices"] for role, result in report["roles"].items()} == BEST
    assert (report["team"]["total"], report["team"]["passed"]) == (11, True)  # docs/team-exercises worked by hand (tests/teams.py)
    db.dispose()


def test_a_workstation_rejoins_where_its_role_stood_and_a_second_trainee_at_the_role_is_told(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
        trainer = accounts.get_user(session, "trainer")
        exercises.assign(
            session, trainer, exercises.get_session(session, "drill"), "investigator", accounts.get_user(session, "case-worker")
        )
    with db.transaction() as session:
        decide(session, "inspector", "drill", "inspector", 1)
    first = window_for(qtbot, tmp_path, url, "investigator", live=False)
    page = join(first, "drill", "investigator")
    page.begin_button.click()
    page.choose(1)
    assert page.state() == "waiting"
    first.close()  # the workstation dies while its role waits

    again = window_for(qtbot, tmp_path, url, "investigator", live=False)
    page = join(again, "drill", "investigator")
    assert (page.state(), page.station.step, page.station.role.waits_for) == ("waiting", 2, "care-done")
    assert page.inbox.count() == 1  # what had arrived is still there
    with db.transaction() as session:
        for number in BEST["case-worker"]:
            decide(session, "case-worker", "drill", "case-worker", number)
    page.refresh()
    assert page.state() == "choosing"

    other = window_for(qtbot, tmp_path, url, "case-worker", live=False)
    other.exercises.show_workstation("drill", "investigator")  # the case worker shares the investigator's role
    shared = other.exercises.workstation()
    assert shared.state() == "choosing"  # a role with decisions made needs no briefing again
    page.choose(1)
    shared.choose(1)  # the stage the investigator has already answered: refused, and told who decided and where the role stands
    assert "The role “Police investigator” has moved on: decision 2, at the stage “" in shared.banner.text()  # what happened, and where
    assert "was already taken by Trainee investigator, so yours was not recorded" in shared.banner.text()
    assert "Trainee investigator took decision 2 at " in shared.banner.text()
    assert ": 1) Take the statement" in shared.banner.text()
    assert shared.station.step == page.station.step == 3
    assert [(made.step, made.username) for made in shared.station.decided] == [(1, "investigator"), (2, "investigator")]
    assert shared.side.tabText(4) == "Deci&sions (2)"  # the role's history, whoever took each decision
    assert shared.side.decisions.item(1).text().startswith("Decision 2 · ")
    assert ": 1) Take the statement" in shared.side.decisions.item(1).text()
    assert "Trainee investigator" in shared.side.decisions.item(1).text()
    with db.reading() as session:
        report = exercises.report(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))
    assert report["roles"]["investigator"]["choices"] == [1, 1]
    # the other workstation moves on its own when the role does, and says who moved it
    with db.transaction() as session:
        decide(session, "case-worker", "drill", "investigator", 1)  # the case worker, at the investigator's role, from elsewhere
    page.refresh()
    assert page.state() == "end"
    assert "Trainee case-worker took decision 3 at " in page.banner.text()
    assert "Decision 2 recorded." not in page.banner.text()  # what it said before no longer holds
    # in Bahasa Indonesia the sentences are said again in it, none left in English
    again.context.set_language("id")
    qtbot.waitUntil(lambda: "mengambil keputusan 3" in page.banner.text(), timeout=5_000)
    assert "took decision" not in page.banner.text()
    assert "Your role" not in page.banner.text()
    db.dispose()


def test_a_trainee_reads_only_their_own_role(tmp_path: Path, url: str) -> None:
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
        trainee = accounts.get_user(session, "inspector").id
    where = exercise_desk.station(db, trainee, "drill", "inspector")
    assert (where.role.id, where.step, where.role.waits_for) == ("inspector", 1, None)
    with pytest.raises(PermissionDenied):
        exercise_desk.station(db, trainee, "drill", "case-worker")
    with pytest.raises(PermissionDenied):
        exercise_desk.decide(db, trainee, "drill", "case-worker", 1, step=1, stage="intake", position=0)
    db.dispose()
