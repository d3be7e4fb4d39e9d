"""What walk G found in the team exercise's report and inbox (findings 1, 2, 3, 11), on the bundled five-role case played
to its end, in English and Bahasa Indonesia: a rule is never praised as kept when the objective it evidences is not met or
a decision rated poor took points off it; an objective says whether its hand-over was incomplete or never sent; the P-19
and the P-21 arrive under titles that say which came; English says "within 24 hours", never the idiom "1x24"."""

from __future__ import annotations

import io
import re
from typing import Any

import pypdfium2 as pdfium
import pytest
import yaml

from tests.test_after_action_layout import ROUTES
from tests.test_bundled_team import _walk_f_p19
from tipcase import bundled
from tipcase.cli.exercise_stage import arrival_lines
from tipcase.format.loader import bundled_register
from tipcase.format.model import Rule
from tipcase.format.validator import Checked, check_file
from tipcase.play.pathway_rules import TrailStep
from tipcase.play.ratings import Rating
from tipcase.team.after_action import WORDS, SessionFacts, write_after_action_report
from tipcase.team.debrief import Moment, joint_debrief, label
from tipcase.team.kept_rules import kept_rules
from tipcase.team.log_words import handover_title
from tipcase.team.play import DECISION
from tipcase.team.replay import play_scripted


@pytest.fixture(scope="module")
def checked() -> Checked:
    [path] = bundled.bundled_team_cases()
    return check_file(path)


def _team_strengths_in_pdf(debrief: Any) -> str:
    """The PDF's text between the team's 'Strengths' and its 'Areas to improve' (page 1)."""
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("bitung", "ended"), out)
    pdf = pdfium.PdfDocument(out.getvalue())
    text = " ".join(page.get_textpage().get_text_range() for page in pdf)
    language = debrief.language == "id"
    start = text.index(WORDS["team"][language])
    start = text.index(WORDS["strengths"][language], start)
    return text[start : text.index(WORDS["areas"][language], start)]


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_rule_its_unmet_objective_names_is_not_praised_as_kept(checked: Checked, language: str) -> None:
    """Walk G finding 1: the investigator questions the injured workers in the yard before any care (rated poor), the
    objective 'Care before questions' is not met, and neither the page nor the PDF says the team kept the rule."""
    team, pathway = checked.team, checked.pathway
    assert team is not None
    assert pathway is not None
    debrief = joint_debrief(play_scripted(team, pathway, ROUTES["passes"]), bundled_register(), language=language)
    yard = next(m for m in debrief.lane("investigator").moments if m.kind == DECISION and m.stage == "site")
    assert yard.rating is Rating.POOR
    care = next(o for o in debrief.objectives if o.id == "care-first")
    assert not care.met
    titles = {rule.id: rule.title.get(language) if rule.title else rule.id for rule in pathway.rules}
    praised = {label("rule_kept", language, title=titles[rule]) for rule in team.objectives["care-first"].rules}
    assert not praised & set(debrief.strengths)
    strengths = _team_strengths_in_pdf(debrief)
    assert titles["care-before-screening"] not in strengths
    assert titles["care-before-statement"] not in strengths
    # what the team did keep is still said: the deadlines met and the order of prosecution
    assert label("rule_kept", language, title=titles["protection-24h"]) in debrief.strengths
    assert titles["protection-24h"] in strengths
    assert care.reasons  # why the objective is not met is said, once, in the objectives


def _decision(competency: str, points: int, rating: Rating, start: float) -> Moment:
    points_lost = {competency: points}
    return Moment(DECISION, "investigator", start + 1, "site", "first-contact", "x", rating=rating, points=points_lost, start=start)


def test_a_poor_decision_against_a_rules_competency_while_it_is_in_play_unkeeps_it() -> None:
    """A rule is kept only when no decision rated poor (or critical) took points off its competency before the trail
    reached the rule's last node; a later one, or a good one, leaves it kept."""
    rule = Rule("care-before-screening", before=["safety-medical", "victim-screening"], competency="victim_care")
    trail = [TrailStep("first-contact", 0, "gate", "investigator"), TrailStep("safety-medical", 4, "care", "case-worker"),
             TrailStep("victim-screening", 8, "screening", "investigator")]  # fmt: skip

    def kept(*decisions: Moment) -> bool:
        return bool(kept_rules([rule], trail, set(), set(), decisions))

    assert kept()
    assert not kept(_decision("victim_care", -1, Rating.POOR, 2))  # questioned before care: the walk's case
    assert not kept(_decision("victim_care", -2, Rating.CRITICAL, 8))
    assert kept(_decision("victim_care", -1, Rating.POOR, 9))  # after the rule's last node: another matter
    assert kept(_decision("interviewing", -2, Rating.POOR, 2))  # another competency
    assert kept(_decision("victim_care", 1, Rating.ACCEPTABLE, 2))
    assert not kept_rules([rule], trail, set(), {"care-before-screening"}, [])  # an unmet objective names it
    assert not kept_rules([rule], trail, {"care-before-screening"}, set(), [])  # broken
    assert not kept_rules([rule], trail[:2], set(), set(), [])  # the screening never reached


@pytest.mark.parametrize("language", ["en", "id"])
def test_an_objective_says_whether_its_hand_over_was_incomplete_or_never_sent(checked: Checked, language: str) -> None:
    """Walk G finding 3: never "incomplete or never sent" when the session knows which, on the page and in the PDF."""
    team = checked.team
    assert team is not None
    referral = team.handovers["referral"].title.get(language)
    incomplete, unsent = (label(key, language, title=referral) for key in ("reason_incomplete", "reason_unsent"))
    played = joint_debrief(play_scripted(team, checked.pathway, ROUTES["mistakes"]), bundled_register(), language=language)
    identify = next(o for o in played.objectives if o.id == "identify")
    assert incomplete in identify.reasons
    assert unsent not in identify.reasons
    started = joint_debrief(play_scripted(team, checked.pathway, {"labour-inspector": [1]}), bundled_register(), language=language)
    identify = next(o for o in started.objectives if o.id == "identify")
    assert unsent in identify.reasons  # the inspector has not referred yet
    assert incomplete not in identify.reasons
    words = ("or never sent", "atau tidak dikirim")
    texts = [_pdf_text(debrief) for debrief in (played, started)]
    assert not [text for text in texts if any(word in text for word in words)]
    assert unsent in texts[1]
    assert incomplete in texts[0]


def _pdf_text(debrief: Any) -> str:
    """The after-action report's text, its lines joined by spaces (a cell's wrapped lines read as one)."""
    out = io.BytesIO()
    write_after_action_report(debrief, SessionFacts("bitung", "ended"), out)
    return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdfium.PdfDocument(out.getvalue()))


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_p19_and_the_p21_arrive_under_titles_that_say_which_came(checked: Checked, language: str) -> None:
    """Walk G finding 2: the prosecutor returns the file (P-19), later accepts it (P-21); the investigator's inbox lines
    and arrival notices name each answer, in the core's title the app's inbox and the command line both read."""
    team = checked.team
    assert team is not None
    play = _walk_f_p19(checked)
    play.choose("prosecutor", 1)  # P-19
    play.choose("investigator", 1)  # read the instructions
    play.choose("investigator", 1)  # seize the ledger
    play.choose("investigator", 2)  # send the file back
    play.choose("prosecutor", 1)  # P-21
    answers = [item for item in play.role("investigator").inbox if item.ident == "research"]
    assert len(answers) == 2

    def text(value: Any) -> str:
        return str(value.get(language, team.languages))

    titles = [handover_title(team, "research", text, item.carried) for item in answers]
    assert "P-19" in titles[0]
    assert "P-21" not in titles[0]
    assert "P-21" in titles[1]
    assert "P-19" not in titles[1]
    for item, title in zip(answers, titles, strict=True):
        assert title in arrival_lines(item, team, language)[0]  # the command line's arrival notice
        assert team.handovers["research"].title_for(dict(item.carried)).get(language) == title  # the app's inbox entry
    assert handover_title(team, "research", text) == text(team.handovers["research"].title)  # waited for: no outcome yet


def _english_texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["en"]] if isinstance(node.get("en"), str) else []
        return found + [text for value in node.values() for text in _english_texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _english_texts(value)]
    return []


def test_english_says_within_24_hours_never_the_idiom_1x24() -> None:
    """Walk G finding 11: "1x24 jam" is Bahasa Indonesia's legal idiom; English says "24 hours" (and "72 hours")."""
    files = sorted(bundled.bundled_dir().rglob("*.yaml"))
    assert len(files) > 20
    idiom = re.compile(r"\b\d+ ?x ?24\b")
    found = [(path.name, text) for path in files for text in _english_texts(yaml.safe_load(path.read_text("utf-8"))) if idiom.search(text)]
    assert not found
    pathway = yaml.safe_load((bundled.bundled_dir() / "pathways" / "id-tip-referral.yaml").read_text("utf-8"))
    protection = next(rule for rule in pathway["rules"] if rule["id"] == "protection-24h")
    assert protection["title"] == {"en": "Temporary protection within 24 hours", "id": "Perlindungan sementara dalam 1x24 jam"}
