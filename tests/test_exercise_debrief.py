"""The joint debrief and the after-action report (issue 17 item 4): a lane per role on the case clock with
each decision's rating, feedback and provision, the hand-overs between lanes, the objectives met or not,
strengths and areas to improve per role and for the team; the PDF in both languages, from the services and
from ``tipcase exercise report --pdf``. Expected values are those of tests/teams.py, worked out by hand."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.exercises import decide, started_session
from tests.teams import BEST, HASTY, MINI_TEAM, write_team
from tipcase.format.loader import bundled_register
from tipcase.format.validator import Checked, check_file
from tipcase.play.ratings import Rating
from tipcase.services import accounts, exercise_debrief, exercises
from tipcase.services.errors import PermissionDenied, ServiceError
from tipcase.store.database import Database
from tipcase.store.models import Role
from tipcase.team.after_action import SessionFacts, write_after_action_report
from tipcase.team.debrief import joint_debrief
from tipcase.team.replay import play_scripted


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    return check_file(write_team(tmp_path_factory.mktemp("team")))


def pdf_text(data: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)


def test_the_lanes_show_who_did_what_and_when_on_each_roles_clock(checked: Checked) -> None:
    assert checked.team is not None
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, BEST), bundled_register(), language="en")
    assert [lane.role for lane in debrief.lanes] == ["inspector", "investigator", "case-worker"]
    lane = debrief.lane("investigator")
    assert [(m.kind, m.clock, m.stage) for m in lane.moments] == [
        ("received", 2, "desk"),  # the referral sent at the inspector's hour 2
        ("decision", 3, "desk"),
        ("sent", 3, "desk"),
        ("received", 7, "waiting-care"),  # the case worker's answer, sent at her hour 7
        ("inject", 7, "waiting-care"),  # the threat, due at hour 4 of the investigator's own clock
        ("decision", 9, "waiting-care"),
        ("decision", 9, "statement"),
    ]
    received = lane.moments[0]
    assert (received.title, received.peer, received.complete) == ("Referral from the inspector", "inspector", True)
    seize = lane.moments[-1]
    assert (seize.step, seize.number, seize.rating, seize.points, seize.node) == (3, 1, Rating.GOOD, {"evidence": 2}, "statement")
    assert seize.text == "Evidence."
    # the time line merges the lanes by clock, ties in the roles' order
    assert [(m.role, m.kind) for m in debrief.moments()][:4] == [
        ("inspector", "decision"),
        ("inspector", "sent"),
        ("investigator", "received"),
        ("investigator", "decision"),
    ]
    assert debrief.team["total_percent"] == 100.0
    assert [(o.id, o.met) for o in debrief.objectives] == [("care-first", True)]
    assert debrief.areas == ()
    assert "Every hand-over arrived complete (3)" in debrief.strengths


def test_the_hasty_team_is_told_what_went_wrong_and_what_was_better(checked: Checked) -> None:
    assert checked.team is not None
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, HASTY), bundled_register(), language="en")
    [objective] = debrief.objectives
    assert (objective.met, objective.reasons) == (False, ("rule broken: care-first", "Victim care at 0 %"))
    assert [(r.rule, r.role, r.stage, r.points) for r in debrief.rules_broken] == [("care-first", "investigator", "statement", 3)]
    assert any(area.startswith("Incomplete hand-over “Referral from the inspector” from Labour inspector to") for area in debrief.areas)
    hasty = debrief.lane("investigator").moments[1]
    assert (hasty.kind, hasty.rating, hasty.better) == ("decision", Rating.POOR, "Ask the case worker to see to their care first")
    assert (
        debrief.lane("investigator").areas[0]
        == "Stage “desk”: Take the statement now — Better: Ask the case worker to see to their care first"
    )
    assert debrief.lane("case-worker").areas == ()
    indonesian = joint_debrief(play_scripted(checked.team, checked.pathway, HASTY), bundled_register(), language="id")
    assert indonesian.objectives[0].title == "Perawatan sebelum keterangan"
    assert indonesian.lane("investigator").moments[1].text == "Terlalu cepat."
    assert "Identifikasi: 50 %, di bawah batas lulus" in indonesian.lane("inspector").areas


def test_the_after_action_report_prints_objectives_strengths_and_areas_in_both_languages(checked: Checked) -> None:
    assert checked.team is not None
    play = play_scripted(checked.team, checked.pathway, HASTY)
    facts = SessionFacts("drill", "ended", users={"inspector": ["Yosef Lado"]})
    texts = {}
    for language in ("en", "id"):
        out = io.BytesIO()
        write_after_action_report(joint_debrief(play, bundled_register(), language=language), facts, out)
        assert out.getvalue().startswith(b"%PDF")
        texts[language] = pdf_text(out.getvalue())
    for heading in ("After-action report", "Objectives", "Strengths", "Areas to improve", "Each role", "Time line", "Yosef Lado"):
        assert heading in texts["en"], heading
    assert "not met" in texts["en"]
    assert "Care before the statement" in texts["en"]
    for heading in ("Laporan evaluasi pasca-latihan", "Tujuan latihan", "Kekuatan", "Hal yang perlu diperbaiki", "tidak tercapai"):
        assert heading in texts["id"], heading


def test_the_summary_leads_with_a_critical_error_and_strengths_stay_plain(tmp_path: Path) -> None:
    """The team's areas (the page's header, the report's first page) open with any role's critical error, and the report's
    result names it; a rule kept is a short, plain strength, said once; why its objective is not met is said once, in the
    objectives, never hedged onto a strength (walk F finding 9), and a rule whose objective is not met is no strength at
    all (walk G finding 1: the report praised the team for the rule the objective says it broke)."""
    text = MINI_TEAM.replace("    handovers: [care-request]\n", "    handovers: [care-request, referral]\n", 1)
    checked = check_file(write_team(tmp_path, text))
    assert checked.team is not None
    route = {"inspector": [2], "investigator": [1, 1, 1], "case-worker": [1, 2]}  # no wage slips; the workers sent home
    play = play_scripted(checked.team, checked.pathway, route)
    debrief = joint_debrief(play, bundled_register(), language="en")
    assert debrief.areas[0].startswith("Case worker: critical error, stage “")
    assert debrief.areas[0].endswith("”: They are at risk at home.")
    [objective] = debrief.objectives
    assert not objective.met
    assert objective.reasons == ("hand-over incomplete: Referral from the inspector",)  # which happened (walk G finding 3)
    assert "Rule kept: care-first" not in debrief.strengths
    assert not any("not met" in line or "objective" in line for line in debrief.strengths)
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("drill", "ended"), out)
    first_page = (PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text() or "").replace("\n", " ")
    assert "not passed (a critical error: Case worker)" in first_page
    assert "Case worker: critical error, stage" in first_page
    indonesian = joint_debrief(play, bundled_register(), language="id")
    assert indonesian.areas[0].startswith("Pendamping: kesalahan kritis, tahap “")
    assert "Aturan dipatuhi: care-first" not in indonesian.strengths
    assert not any("tidak tercapai" in line or "tujuan" in line for line in indonesian.strengths)
    slips = play_scripted(checked.team, checked.pathway, route | {"inspector": [1]})  # the referral complete: the objective met
    for language, kept in (("en", "Rule kept: care-first"), ("id", "Aturan dipatuhi: care-first")):
        met = joint_debrief(slips, bundled_register(), language=language)
        assert [objective.met for objective in met.objectives] == [True]
        assert met.strengths.count(kept) == 1


def test_a_running_sessions_report_gives_no_verdict_yet(checked: Checked) -> None:
    assert checked.team is not None
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, {}), bundled_register(), language="en")
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("drill", "running"), out)
    text = pdf_text(out.getvalue()).replace("\n", " ")
    assert "so far (the session has not ended)" in text
    assert "not passed" not in text


def test_the_debrief_of_a_stored_session_says_when_and_who(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        started_session(session, tmp_path)
    for role in ("inspector", "investigator", "case-worker", "case-worker", "investigator", "investigator"):
        with db.transaction() as session:
            view = exercises.role_view(session, accounts.get_user(session, role), exercises.get_session(session, "drill"), role)
            decide(session, role, "drill", role, BEST[role][len(view.play.decisions)])
    with db.transaction() as session:
        trainer = accounts.get_user(session, "trainer")
        exercise = exercises.get_session(session, "drill")
        debrief = exercise_debrief.debrief(session, trainer, exercise, language="id")
        assert debrief.team["passed"] is True
        decisions = [m for lane in debrief.lanes for m in lane.moments if m.kind == "decision"]
        assert {m.user for m in decisions} == {"inspector", "investigator", "case-worker"}
        assert all(m.at is not None for lane in debrief.lanes for m in lane.moments)
        # a trainee who took part reads it once the session has ended (not during play: the ratings are the debrief's);
        # an outsider never; a language the case lacks is one clear error
        with pytest.raises(PermissionDenied, match="once the trainer ends the session"):
            exercise_debrief.debrief(session, accounts.get_user(session, "case-worker"), exercise)
        with pytest.raises(PermissionDenied, match="once the trainer ends the session"):  # every role's ratings: the same rule
            exercises.report(session, accounts.get_user(session, "case-worker"), exercise)
        assert exercises.report(session, trainer, exercise)["status"] == "running"
        exercises.end(session, trainer, exercise)
        exercise_debrief.debrief(session, accounts.get_user(session, "case-worker"), exercise)
        assert exercises.report(session, accounts.get_user(session, "case-worker"), exercise)["status"] == "ended"
        outsider = accounts.create_user(session, accounts.NewUser("outsider", "Outsider", Role.TRAINEE), "password-outsider-1")
        with pytest.raises(PermissionDenied):
            exercise_debrief.debrief(session, outsider, exercise)
        with pytest.raises(ServiceError, match="not 'fr'"):
            exercise_debrief.debrief(session, trainer, exercise, language="fr")


@pytest.mark.slow
def test_exercise_report_writes_the_pdf_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tipcase.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.transaction() as session:
        started_session(session, tmp_path)
    env = {**os.environ, "TIPCASE_HOME": str(tmp_path / "home"), "TIPCASE_DATABASE_URL": url}
    command = [str(Path(sys.executable).parent / "tipcase"), "exercise", "report", "--session", "drill"]
    done = subprocess.run(
        [*command, "--pdf", str(tmp_path / "aar.pdf"), "--language", "id", "--json"], check=False, capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["team"]["passed"] is False  # nobody has moved yet
    assert "Laporan evaluasi pasca-latihan" in pdf_text((tmp_path / "aar.pdf").read_bytes())
    wrong = subprocess.run([*command, "--pdf", str(tmp_path / "aar.txt")], check=False, capture_output=True, text=True, env=env)
    assert (wrong.returncode, wrong.stderr.count("\n")) == (2, 1)
    assert "name the file *.pdf" in wrong.stderr
    db.dispose()


def test_a_team_ended_early_is_told_what_it_missed(checked: Checked) -> None:
    """A session ended after the inspector's one decision did not pass; its areas to improve say what it never reached."""
    assert checked.team is not None
    early = {"inspector": BEST["inspector"][:1]}
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, early), bundled_register(), language="en")
    assert debrief.team["passed"] is False
    assert debrief.areas == (
        "Police investigator did not reach its end: it stopped at “desk”",
        "Case worker did not reach its end: it was still waiting for the hand-over “Request for care”",
        "Steps of the pathway never reached: Care; Shelter; Statement",  # the best joint route's, in its order
        "Hand-overs never sent: Request for care; Care arranged",
    )
    indonesian = joint_debrief(play_scripted(checked.team, checked.pathway, early), bundled_register(), language="id")
    assert indonesian.areas[2] == "Langkah jalur rujukan yang tidak pernah dicapai: Perawatan; Rumah aman; Keterangan"
    assert indonesian.areas[3] == "Serah terima yang tidak pernah dikirim: Permintaan perawatan; Perawatan diatur"
    finished = joint_debrief(play_scripted(checked.team, checked.pathway, BEST), bundled_register(), language="en")
    assert finished.areas == ()  # a team at its ends on the best route missed nothing


@pytest.mark.parametrize("language", ["en", "id"])
def test_while_the_session_runs_the_report_says_not_met_yet_and_not_sent_yet(db: Database, tmp_path: Path, language: str) -> None:
    """Docs: while a session runs, the objectives are "not met yet", never the verdict "not met" (the PDF said it of a
    session still running); a hand-over not sent is "not sent yet" ("never sent" once the session has ended)."""
    words = {
        "en": ("not met yet", "hand-over not sent yet: Request for care", "not met", "hand-over never sent: Request for care"),
        "id": ("belum tercapai", "serah terima belum dikirim: Permintaan perawatan", "tidak tercapai", "serah terima tidak pernah dikirim"),
    }[language]
    not_met_yet, not_sent_yet, not_met, never_sent = words
    with db.transaction() as session:
        exercise = started_session(session, tmp_path)
        trainer = accounts.get_user(session, "trainer")
        out = io.BytesIO()
        debrief = exercise_debrief.write_report_pdf(session, trainer, exercise, out, language=language)
        [objective] = debrief.objectives
        assert not objective.met
        assert any(reason.startswith(not_sent_yet) for reason in objective.reasons)
        running = " ".join(pdf_text(out.getvalue()).split())
        assert f"{not_met_yet}: {not_sent_yet}" in running
        assert f"{not_met}:" not in running
        assert never_sent not in running
        exercises.end(session, trainer, exercise)
        out = io.BytesIO()
        exercise_debrief.write_report_pdf(session, trainer, exercise, out, language=language)
        ended = " ".join(pdf_text(out.getvalue()).split())
        assert f"{not_met}: {never_sent}" in ended
        assert not_met_yet not in ended
