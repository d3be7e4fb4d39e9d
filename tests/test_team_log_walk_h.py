"""Walk H finding 2: the master log (control room, ``tipcase exercise log``) and the joint debrief's time line named the
P-19 and the P-21 alike ("Hand-over “The prosecutor's research: P-19 or P-21” sent by ... (complete)"), and
"(complete)" on a P-19 read as "the file is complete". A delivery is named as its receiver's inbox names it, and
completeness is said only of a hand-over that has a ``complete_when``; in English and Bahasa Indonesia."""

from __future__ import annotations

import re

import pytest

from tests.test_after_action_layout import ROUTES
from tests.test_bundled_team import _walk_f_p19, checked  # noqa: F401 - the module's fixture
from tipcase.cli.spoken import said
from tipcase.format.loader import bundled_register
from tipcase.format.validator import Checked
from tipcase.interface_text import say
from tipcase.team.after_action import WORDS
from tipcase.team.debrief import SENT, joint_debrief
from tipcase.team.log_words import case_text, event_sentence
from tipcase.team.replay import play_scripted


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_p19_and_the_p21_are_told_apart_in_the_master_log_and_the_time_line(checked: Checked, language: str) -> None:  # noqa: F811
    team = checked.team
    assert team is not None
    words = {
        "en": ("P-19, the file comes back", "P-21, the file is complete", "(complete)", "(incomplete)"),
        "id": ("P-19, berkas dikembalikan", "P-21, berkas sudah lengkap", "(lengkap)", "(tidak lengkap)"),
    }[language]
    p19, p21, complete, incomplete = words
    for p21_given, name in ((False, p19), (True, p21)):
        carried = {"p21": p21_given, "ledger": True, "wage_calc": True, "restitution_informed": True, "corporate": p21_given}
        details = {"handover": "research", "number": 1, "from": "prosecutor", "carried": carried, "complete": True}
        logged = event_sentence(team, "delivered", "investigator", details, text=case_text(team, language), language=language)
        sentence = said(logged, language)
        assert name in sentence
        assert complete not in sentence  # a return has no completeness to judge
    berkas = {"handover": "berkas", "number": 1, "from": "investigator", "carried": {"ledger": False}, "complete": False}
    sentence = said(event_sentence(team, "delivered", "prosecutor", berkas, text=case_text(team, language), language=language), language)
    assert incomplete in sentence  # a hand-over with complete_when still says it
    play = _walk_f_p19(checked)
    play.choose("prosecutor", 1)  # the P-19
    debrief = joint_debrief(play, bundled_register(), language=language)
    sent = [m.title for m in debrief.lane("prosecutor").moments if m.kind == SENT and m.handover == "research"]
    assert sent == [team.handovers["research"].recorded[1].title.get(language)]
    assert p19 in sent[0]
    taken = [e for e in play.log if e.kind == "consumed" and e.details["handover"] == "research"]  # the investigator takes it
    assert taken
    for event in taken:  # named as it was sent, not "P-19 or P-21" (walk H finding 2's re-check)
        line = said(
            event_sentence(team, event.kind, event.role, event.details, text=case_text(team, language), language=language), language
        )
        assert p19 in line, line


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_debrief_quotes_names_as_the_app_does_and_lists_strengths_in_the_order_of_play(checked: Checked, language: str) -> None:  # noqa: F811
    """Walk H finding 12: the joint debrief and the PDF quoted stages and hand-overs in straight single quotes ('At the
    gate') while the app, the command line and the master log use “...”, and listed a role's strengths in no visible order."""
    assert checked.team is not None
    debrief = joint_debrief(play_scripted(checked.team, checked.pathway, ROUTES["mistakes"]), bundled_register(), language=language)
    sentences = [*debrief.strengths, *debrief.areas, *(s for lane in debrief.lanes for s in (*lane.strengths, *lane.areas))]
    quoted = [s for s in sentences if "“" in s]
    assert quoted
    straight = re.compile(
        r"(?i)(stage|tahap|hand-over|serah terima|stopped at|berhenti di) '"
    )  # the sentences' names, not the case's texts
    assert not [s for s in sentences if straight.search(s)]
    best = joint_debrief(play_scripted(checked.team, checked.pathway, ROUTES["passes"]), bundled_register(), language=language)
    for lane in best.lanes:
        decided = [m for m in lane.moments if m.kind == "decision"]
        good = [s for s in lane.strengths if s.startswith(("Good practice", "Praktik baik"))]
        order = [next(i for i, m in enumerate(decided) if f": {m.title}" in s and s.endswith(m.title)) for s in good]
        assert order == sorted(order), (lane.role, good)


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_running_sessions_debrief_gives_no_verdict_in_its_areas(checked: Checked, language: str) -> None:  # noqa: F811
    """Walk H finding 22: the debrief of a session still running said "stopped at", "never reached", "never sent" (the
    words for an ended session) of a team that had simply not got there yet."""
    assert checked.team is not None
    play = play_scripted(checked.team, checked.pathway, {"labour-inspector": [2]})
    running = joint_debrief(play, bundled_register(), language=language, running=True)
    ended = joint_debrief(play, bundled_register(), language=language)
    verdicts = {"en": ("did not reach", "never", "Did not reach"), "id": ("tidak sampai", "tidak pernah", "Tidak sampai")}[language]
    said = [*running.areas, *(area for lane in running.lanes for area in lane.areas)]
    assert not [area for area in said if any(word in area for word in verdicts)], said
    assert any(
        area.startswith(("Not at the end of the track yet", "Belum sampai ke akhir alur")) for lane in running.lanes for area in lane.areas
    )
    assert any(any(word in area for word in verdicts) for area in ended.areas)  # once ended, the team is told what it missed


def test_the_reports_ratings_in_bahasa_are_the_apps_words() -> None:
    """Walk H finding 29: the joint debrief said "Cukup" and "Buruk", the PDF of the same session "dapat diterima" and
    "kurang tepat", as if there were two ratings more."""
    for key, english in (("good", "Good practice"), ("acceptable", "Acceptable"), ("poor", "Poor"), ("critical", "Critical error")):
        assert WORDS[key][1] == say("Rating", english, "id").lower(), key
