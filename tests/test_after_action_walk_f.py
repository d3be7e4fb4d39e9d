"""What the after-action report and the joint debrief's page share (walk F findings 8, 9, 11), in English and Bahasa
Indonesia, for the bundled five-role case: the time line puts a hand-over's send (and the decision that sent it) before
its take when they share an hour; the team's strengths are short, plain and said once; the report's decision table for
a role shared by several trainees says which trainee took each decision, as the page does."""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2 as pdfium
import pytest

from tests.test_after_action_layout import ROUTES
from tipcase import bundled
from tipcase.format.loader import bundled_register
from tipcase.format.validator import Checked, check_file
from tipcase.team.after_action import WORDS, SessionFacts, write_after_action_report
from tipcase.team.debrief import RECEIVED, SENT, Stamp, joint_debrief
from tipcase.team.play import DECISION
from tipcase.team.replay import play_scripted


@pytest.fixture(scope="module")
def checked() -> Checked:
    [path] = bundled.bundled_team_cases()
    return check_file(path)


def pdf_lines(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [line.strip() for page in pdf for line in page.get_textpage().get_text_range().splitlines() if line.strip()]


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("route", list(ROUTES))
def test_a_hand_over_is_sent_before_it_is_taken_in_the_time_line(checked: Checked, route: str, language: str) -> None:
    assert checked.team is not None
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, ROUTES[route]), bundled_register(), language=language)
    moments = debrief.moments()
    position = {(m.kind, m.handover, m.delivery): index for index, m in enumerate(moments) if m.kind in (SENT, RECEIVED)}
    ties = 0
    for (kind, handover, delivery), index in position.items():
        if kind == RECEIVED:
            sent = position[(SENT, handover, delivery)]
            assert sent < index, (handover, delivery)
            decision = moments[sent - 1]  # the sender's decision that sent it comes just before its send
            assert decision.kind in (DECISION, SENT), (handover, decision.kind)
            ties += moments[sent].clock == moments[index].clock
    assert ties  # the case has takes at the hour of their send: the order of ties is what is tested
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("drill", "ended"), out)
    text = " ".join(pdf_lines(out.getvalue()))
    text = text[text.rindex(WORDS["timeline"][language == "id"]) :]  # the report's time line, its rows in order
    sent_word, took_word = (WORDS[key][language == "id"].split(" “")[0] for key in ("sent", "received"))
    for m in moments:
        if m.kind == RECEIVED:
            took, sent = text.find(f"{took_word} “{m.title}”"), text.find(f"{sent_word} “{m.title}”")
            assert 0 <= sent < took, m.title


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("route", list(ROUTES))
def test_the_teams_strengths_are_short_plain_and_said_once(checked: Checked, route: str, language: str) -> None:
    assert checked.team is not None
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, ROUTES[route]), bundled_register(), language=language)
    if route == "passes":
        assert debrief.strengths
    else:  # the typical mistakes meet no objective, and every rule of the pathway is named by one: none is praised (walk G finding 1)
        assert not any(objective.met for objective in debrief.objectives)
        assert debrief.strengths == ()
    assert len(set(debrief.strengths)) == len(debrief.strengths)
    hedges = ("though", "not met", "objective") if language == "en" else ("meskipun", "tidak tercapai", "tujuan")
    assert not [line for line in debrief.strengths if any(hedge in line for hedge in hedges)]


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_shared_roles_decisions_say_which_trainee_took_each(checked: Checked, language: str) -> None:
    assert checked.team is not None
    play = play_scripted(checked.team, checked.pathway, ROUTES["passes"])
    at = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    turns = iter(["sari", "rina"] * 20)
    stamps = [Stamp(at, next(turns) if e.kind == DECISION and e.role == "investigator" else None) for e in play.log]
    debrief = joint_debrief(play, bundled_register(), language=language, stamps=stamps)
    names = {"sari": "Bripda Sari Wulandari", "rina": "Rina Marpaung, S.H.", "agus": "Agus Santoso"}
    users = {"investigator": ["Bripda Sari Wulandari", "Rina Marpaung, S.H."], "prosecutor": ["Agus Santoso"]}
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("drill", "ended", users=users, names=names), out)
    text = " ".join(pdf_lines(out.getvalue()))
    english, indonesian = WORDS["trainee"]
    step, hour = (WORDS[key][language == "id"] for key in ("step", "clock"))
    header = f"{step} {hour} {indonesian if language == 'id' else english}"
    timeline = text.rindex(WORDS["timeline"][language == "id"])
    investigator = text.index(debrief.lane("investigator").title)
    prosecutor = text.index(debrief.lane("prosecutor").title, investigator)
    assert header in text[investigator:prosecutor]  # the shared investigator's table says who
    assert header not in text[prosecutor:timeline]  # the prosecutor's (one trainee) needs no such column
    decisions = [m for m in debrief.lane("investigator").moments if m.kind == DECISION]
    for m in decisions[:2]:
        hour_text = f"{m.clock:g}".replace(".", "," if language == "id" else ".")
        assert f"{m.step} {hour_text} {names[str(m.user)].split()[0]}" in text, (m.step, m.user)


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_report_says_when_and_ended_as_the_app_does(checked: Checked, language: str) -> None:
    """Walk F findings 20 and 25: the session's times in the app's format and the workstation's time zone
    (``ui.numbers.datetime_text``), and an ended session "berakhir" as the app says it, not a role's "selesai"."""
    from PySide6.QtCore import QLocale

    from ui.numbers import datetime_text

    assert checked.team is not None
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, ROUTES["passes"]), bundled_register(), language=language)
    started, ended = dt.datetime(2026, 11, 30, 22, 21), dt.datetime(2026, 11, 30, 23, 5)  # stored: naive UTC
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("drill", "ended", started, ended), out)
    text = " ".join(pdf_lines(out.getvalue()))
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English))
        assert f"{datetime_text(started)} – {datetime_text(ended)}" in text
    finally:
        QLocale.setDefault(before)
    assert "UTC" not in text
    if language == "id":
        assert "Status berakhir" in text
