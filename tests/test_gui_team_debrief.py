"""The joint debrief of a team exercise: the team's verdict and what it broke, a lane per role on the case clock, each
decision with who took it, its rating, feedback and law; for the trainer and for every trainee who took part."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.exercise_gui import migrated, window_for
from tests.exercises import decide, started_session
from tests.teams import BEST, HASTY
from tipcase.services import accounts, exercises
from tipcase.services.errors import PermissionDenied
from tipcase.services.exercise_debrief import debrief_view
from tipcase.store.database import Database
from tipcase.team.after_action import moment_hour

from ui.pages.team_debrief import TeamDebriefPage

pytestmark = [pytest.mark.gui]


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    return migrated(tmp_path)


def played(db: Database, tmp_path: Path, route: dict[str, list[int]]) -> None:
    """A session played through the services, each role moving when it can, then ended by the trainer."""
    with db.transaction() as session:
        started_session(session, tmp_path)
    left = {role: list(numbers) for role, numbers in route.items()}
    while any(left.values()):
        for role, numbers in left.items():
            with db.transaction() as session:
                user = accounts.get_user(session, role)
                view = exercises.role_view(session, user, exercises.get_session(session, "drill"), role)
                if numbers and view.waits_for is None and not view.finished:
                    decide(session, role, "drill", role, numbers.pop(0))
    with db.transaction() as session:
        exercises.end(session, accounts.get_user(session, "trainer"), exercises.get_session(session, "drill"))


def test_the_joint_debrief_of_a_team_that_passed(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    played(db, tmp_path, BEST)
    window = window_for(qtbot, tmp_path, url, "case-worker", live=False)
    window.exercises.show_list()
    sessions = window.exercises.list_page()
    assert sessions.debrief_button.isEnabled()  # the session has ended: its players read the joint debrief
    sessions.open_selected()
    page = window.exercises.debrief()
    assert window.stack.currentWidget() is page
    assert "The team passed</b>: 100 % of the best joint route (pass mark 70 %). Session ended." in page.verdict.text()
    assert page.timeline.lanes == ["Labour inspector", "Police investigator", "Case worker"]
    # each decision on its role's clock, from when it was taken to the clock after it (tests/teams.py, by hand)
    assert [(bar.lane, bar.start, bar.end, bar.rating) for bar in page.timeline.bars] == [
        (0, 0, 2, "good"),
        (1, 2, 3, "good"),
        (1, 7, 9, "good"),
        (1, 9, 9, "good"),
        (2, 3, 6, "good"),
        (2, 6, 7, "good"),
    ]
    assert [(a.source, a.target, a.sent, a.taken, a.complete) for a in page.timeline.arrows] == [
        (0, 1, 2, 2, True),
        (1, 2, 3, 3, True),
        (2, 1, 7, 7, True),
    ]
    assert [(m.lane, m.clock, m.shape) for m in page.timeline.marks] == [(1, 7, "diamond")]  # the threat, at 4 h: fired on arrival
    # every decision under its role (the role's title and who plays it heading its rows)
    assert page.decisions.topLevelItemCount() == 3
    assert [page.decisions.topLevelItem(i).childCount() for i in range(3)] == [1, 3, 2]
    page.timeline.decision_clicked.emit(4)
    item = page.decisions.currentItem()
    assert item.parent().text(0) == "Case worker — Trainee case-worker"
    assert [item.text(column) for column in range(4)] == [
        "6 h",  # done at 6 h (chosen at 3 h, 3 hours' work): the hour the after-action report prints
        "Trainee case-worker",
        "✓ Good practice",
        "1. Take them to the clinic",
    ]
    assert (
        "Trainee case-worker chose “Take them to the clinic”, done at 6 h on the role's clock (chosen at 3 h)." in page.detail.toPlainText()
    )
    hours = [page.decision_item(i).text(0) for i in range(len(page.decision_moments()))]
    assert hours == [moment_hour(m, "en") + " h" for m in page.decision_moments()]  # one clock: the page's and the PDF's
    assert "✓ Good practice\nRight." in page.detail.toPlainText()
    assert "Case worker\nTrainee case-worker\n100 %\npassed, reached its end" in page.scores.toPlainText()
    db.dispose()


def test_the_joint_debrief_names_what_the_team_broke(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    played(db, tmp_path, HASTY)
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.exercises.show_debrief("drill")
    page: TeamDebriefPage = window.exercises.debrief()
    assert "The team did not pass</b>: 0 % of the best joint route" in page.verdict.text()
    # the after-action report's own sentences for the team's areas to improve (tests/test_exercise_debrief.py),
    # folded under the verdict (walk F, finding 10)
    assert page.areas.button.text() == f"Areas to improve ({len(page.view.debrief.areas)})"
    text = page.areas.label.text()
    assert "Rule broken: care-first: Care comes first.<br>" in text
    assert "Incomplete hand-over “Referral from the inspector” from Labour inspector to Police investigator: " in text
    assert "Hand-over “Care arranged” was sent but never taken" in text
    assert page.timeline.arrows[0].complete is False
    assert [bar.rating for bar in page.timeline.bars][:2] == ["acceptable", "poor"]
    # the objectives, strengths and areas to improve: the after-action report's, per role and for the team
    assert "Care before the statement (not met)\nrule broken: care-first\nVictim care at 0 %" in page.scores.toPlainText()
    review = page.review.toPlainText()
    team_part = "The team\nStrengths\nRule kept: statement-24h\nAreas to improve\nRule broken: care-first: Care comes first.\n"
    assert review.startswith(team_part)
    assert "Police investigator\nStrengths\nNone\nAreas to improve\nStage “desk”: Take the statement now — Better: Ask the case" in review
    page.timeline.decision_clicked.emit(1)  # the investigator's hasty statement: the better choice is named
    assert "✗ Poor\nToo soon.\nBetter: Ask the case worker to see to their care first" in page.detail.toPlainText()
    # in Bahasa Indonesia the debrief is read again in it
    window.context.set_language("id")
    qtbot.waitUntil(lambda: page.view is not None and page.view.debrief.language == "id", timeout=10_000)
    assert "Aturan dilanggar: care-first" in page.areas.label.text()
    assert page.timeline.lanes == ["Pengawas ketenagakerjaan", "Penyidik Polri", "Pendamping"]
    db.dispose()


def test_a_running_sessions_debrief_gives_no_verdict_yet(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """Before the end (the page may be on the projector while the teams play) it says where the team stands so far."""
    db = Database(url)
    with db.transaction() as session:
        started_session(session, tmp_path)
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.exercises.show_debrief("drill")
    page: TeamDebriefPage = window.exercises.debrief()
    qtbot.waitUntil(lambda: page.view is not None, timeout=10_000)
    text = page.verdict.text()
    assert "So far</b>: 0 % of the best joint route (pass mark 70 %). Session running: the verdict comes when it ends." in text
    assert "did not pass" not in text
    assert "passed" not in text
    assert "Care before the statement (not met yet)" in page.scores.toPlainText()
    assert "(not met)" not in page.scores.toPlainText()
    db.dispose()


def test_the_trainer_saves_the_after_action_report(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """The debrief's button writes the after-action report (objectives, strengths, areas to improve) as a PDF."""
    db = Database(url)
    played(db, tmp_path, HASTY)
    window = window_for(qtbot, tmp_path, url, "trainer", live=False)
    window.exercises.show_debrief("drill")
    page: TeamDebriefPage = window.exercises.debrief()
    assert page.save_report.isEnabled()
    target = tmp_path / "drill-after-action.pdf"
    page.write_report(target)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0, timeout=10_000)
    qtbot.waitUntil(lambda: "Saved" in window.statusBar().currentMessage(), timeout=10_000)
    text = "\n".join(pdf_page.extract_text() for pdf_page in PdfReader(target).pages)
    assert "After-action report" in text
    assert "Session\ndrill" in text
    assert "0 % (-1 of 11), not passed; pass mark 70 %" in text  # the team's result, as the debrief's verdict says
    assert "Rule broken: care-first: Care comes first." in text  # an area to improve, with the rule's feedback
    db.dispose()


def test_only_those_who_took_part_read_the_joint_debrief(tmp_path: Path, url: str) -> None:
    db = Database(url)
    played(db, tmp_path, BEST)
    with db.transaction() as session:
        accounts.create_user(session, accounts.NewUser("outsider", "Outsider", accounts.Role.TRAINEE), "password-outsider-1")
    with db.reading() as session:
        outsider, inspector = accounts.get_user(session, "outsider").id, accounts.get_user(session, "inspector").id
    with pytest.raises(PermissionDenied):
        debrief_view(db, outsider, "drill")
    view = debrief_view(db, inspector, "drill", language="id")
    assert sum(len(lane.moments) for lane in view.debrief.lanes) > 6
    assert len([m for lane in view.debrief.lanes for m in lane.moments if m.kind == "decision"]) == 6
    assert view.debrief.language == "id"
    db.dispose()
