"""The bundled team case (the cold store at Bitung): clean in both languages, five agencies of 8 to 15 stages on
the referral pathway, the hand-overs (with the prosecutor's P-19 return), injects and deadlines of a live
exercise, a best joint route that passes at 100%, and the typical mistakes of the domain brief costing the team
what they should; the demo seeds a started session of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.records import CASE
from tipcase import bundled
from tipcase.format.roles import ROLE_IDS, role_name
from tipcase.format.validator import Checked, check_file
from tipcase.services import accounts, exercises
from tipcase.services.demo import seed_demo
from tipcase.services.exercise_demo import DEMO_EXERCISE, DEMO_ROLES
from tipcase.store.database import Database
from tipcase.store.models import ExerciseSession
from tipcase.team.log_words import case_text, handover_title
from tipcase.team.play import TeamPlay
from tipcase.team.replay import play_scripted
from tipcase.team.result import session_result

# The typical mistakes, one role at a time (each the poorest choice offered that is not a critical error):
# the inspector starts with the payroll and mediates a 'labour dispute', refers late without the ledger and
# sends the standard note without the wage calculation; the investigator summons the workers for tomorrow,
# questions them in the yard and treats two as suspects; the case worker takes them to the station before
# the clinic, without a medical report; LPSK defers the request until trial; the prosecutor accepts a thin
# file and leaves restitution to a civil suit.
MISTAKES = {
    "labour-inspector": [1, 2, 2, 1],
    "investigator": [2, 1, 1, 1, 2, 1, 2, 1, 2, 1, 1, 1],
    "case-worker": [1, 1, 2, 1, 1, 1],
    "lpsk-officer": [1, 1, 1, 2, 1, 2],
    "prosecutor": [1, 2, 1, 1, 2, 1],
}


@pytest.fixture(scope="module")
def checked() -> Checked:
    paths = bundled.bundled_team_cases()
    assert [p.stem for p in paths] == ["cold-storage-team"]
    return check_file(paths[0])


def test_it_validates_with_no_finding_at_all(checked: Checked) -> None:
    assert [str(f) for f in checked.findings] == []
    assert checked.team is not None
    assert checked.team.languages == ["en", "id"]


def test_five_agencies_each_with_eight_to_fifteen_stages(checked: Checked) -> None:
    team = checked.team
    assert team is not None
    assert [track.role for track in team.roles.values()] == [
        "labour-inspector",
        "investigator",
        "case-worker",
        "lpsk-officer",
        "prosecutor",
    ]
    assert all(track.role in ROLE_IDS for track in team.roles.values())
    assert all(8 <= len(track.scenario.stages) <= 15 for track in team.roles.values())


def test_every_role_names_its_agency_and_every_hand_over_says_what_the_sender_recorded(checked: Checked) -> None:
    """A role's title names its office (as "Case worker, UPTD PPA Kota Bitung" does), not only the vocabulary's role;
    every hand-over has a text the receiver reads, and one that carries values says what each value recorded, so an
    incomplete file reads as incomplete to its receiver (walk D: 'the request did not mention the families')."""
    team = checked.team
    assert team is not None
    for track in team.roles.values():
        for language in ("en", "id"):
            title = track.title.get(language) if track.title is not None else ""
            assert title != role_name(track.role, language).split(" (")[0], (track.id, title)
            assert ", " in title, (track.id, title)  # "<officer>, <office>"
    for handover in team.handovers.values():
        assert handover.text is not None, handover.id
        assert all(handover.text.get(language) for language in ("en", "id")), handover.id
        if handover.carries:
            for value in (True, False):
                said = handover.recorded_for(dict.fromkeys(handover.carries, value))
                assert said, (handover.id, value)
                assert all(t.get("en") and t.get("id") for t in said), handover.id


def test_no_stage_says_more_time_has_passed_than_the_case_clock_shows(checked: Checked) -> None:
    """The story's time and the role's case clock agree: a stage played at hour 69 does not say "weeks pass" (walk D);
    an end may look ahead, since no clock runs after it."""
    team = checked.team
    assert team is not None
    jumps = ("weeks pass", "weeks away", "weeks later", "months later", "a month later", "minggu berlalu", "minggu kemudian")
    for track in team.roles.values():
        for stage in track.scenario.stages.values():
            if stage.end is None:
                for language in ("en", "id"):
                    text = stage.text.get(language).lower()
                    assert not any(jump in text for jump in jumps), (track.id, stage.id, language)


def test_it_has_the_hand_overs_injects_and_deadlines_of_a_live_exercise(checked: Checked) -> None:
    team = checked.team
    assert team is not None
    assert (team.handovers["research"].sender, team.handovers["research"].receiver) == ("prosecutor", "investigator")  # the P-19 return
    assert team.handovers["berkas"].complete_when is not None
    kinds = {inject.id: ("at" if inject.at_hours is not None else "when" if inject.when else "manual") for inject in team.injects}
    assert kinds == {"family-threat": "at", "second-victim": "when", "journalist-call": "when", "company-lawyer": "manual"}
    assert checked.pathway is not None
    assert {rule.id for rule in checked.pathway.rules if rule.deadline_node} == {"protection-24h", "lpsk-48h"}


def test_the_best_joint_route_passes_at_100_percent_and_is_not_always_the_first_choice(checked: Checked) -> None:
    assert checked.team is not None
    assert checked.team_analysis is not None
    best = checked.team_analysis.best_choices_by_role()
    result = session_result(play_scripted(checked.team, checked.pathway, best))
    team = result["team"]
    assert (team["total"], team["max_total"], team["total_percent"], team["passed"]) == (70, 70, 100.0, True)
    assert (team["rule_violations"], team["incomplete_handovers"], team["undelivered"], team["waiting"]) == ([], [], [], {})
    assert {role: r["total_percent"] for role, r in result["roles"].items()} == dict.fromkeys(best, 100.0)
    assert {number for numbers in best.values() for number in numbers} > {1}


def test_the_typical_mistakes_cost_the_team(checked: Checked) -> None:
    assert checked.team is not None
    result = session_result(play_scripted(checked.team, checked.pathway, MISTAKES))
    team = result["team"]
    assert all(role["complete"] for role in result["roles"].values())  # nobody is left waiting
    assert (team["passed"], team["total_percent"], team["waiting"]) == (False, 0.0, {})
    # the summons for tomorrow: protection and the LPSK request come past their 24 and 48 hours
    assert [(v["rule"], v["points"]) for v in team["rule_violations"]] == [("protection-24h", -2), ("lpsk-48h", -1)]
    assert [(item["handover"], item["points"]) for item in team["incomplete_handovers"]] == [
        ("referral", -2),  # no ledger, no photographs
        ("care-done", -1),  # no medical report
        ("lpsk-request", -1),  # the threat to the families not reported
        ("inspection-report", -2),  # no wage calculation
        ("berkas", -2),  # the file without what the P-21 needs
        ("restitution-assessment", -1),  # restitution left to a civil suit
    ]
    assert {role: r["total"] for role, r in result["roles"].items()} == {
        "labour-inspector": -2,
        "investigator": -5,
        "case-worker": -3,
        "lpsk-officer": 1,
        "prosecutor": -5,
    }


def test_the_demo_seeds_a_started_session_of_it(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    db.upgrade()
    with db.transaction() as session:
        sign_ins = seed_demo(session, scenarios=[CASE], team_exercise=True)
    with db.transaction() as session:
        seed_demo(session, scenarios=[CASE], team_exercise=True)  # idempotent
    assert {username for username, *_ in sign_ins} >= set(DEMO_ROLES.values())
    with db.reading() as session:
        [exercise] = session.scalars(select(ExerciseSession)).all()
        assert (exercise.name, exercise.status) == (DEMO_EXERCISE, "running")
        state = exercises.status(session, accounts.get_user(session, "demo-trainer"), exercise)
        assert {role: found["users"] for role, found in state["roles"].items()} == {role: [user] for role, user in DEMO_ROLES.items()}
        assert state["roles"]["labour-inspector"]["waiting_for"] is None  # the inspector starts; the others wait for the file
        assert state["roles"]["prosecutor"]["waiting_for"] == "spdp"
    db.dispose()


def _offered(play: TeamPlay, role_id: str, language: str) -> list[str]:
    return [choice.choice.label.get(language) for choice in play.role(role_id).offered()]


def _walk_f_p19(checked: Checked) -> TeamPlay:
    """Walk F's session: the inspector refers without the ledger but sends the wage calculation; the investigator
    does the rest well and sends the file 'with the two suspects only'; the prosecutor returns it (P-19)."""
    assert checked.team is not None
    assert checked.team_analysis is not None
    numbers = dict(checked.team_analysis.best_choices_by_role())
    investigator = list(numbers["investigator"])
    numbers["labour-inspector"] = [1, 2, 2, 2]
    numbers["investigator"] = [*investigator[:9], 1]  # the file with the two suspects only
    numbers["prosecutor"] = numbers["prosecutor"][:2]  # the SPDP and early coordination; research is played below
    play = play_scripted(checked.team, checked.pathway, numbers)
    assert play.role("prosecutor").play.stage.id == "research"
    return play


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_p19_names_what_the_file_lacks_and_the_investigator_is_offered_only_that(checked: Checked, language: str) -> None:
    """What arrives decides what the receiver can do (walk F finding 6): the prosecutor reads what the file holds and
    lacks, returns it without asking for what is there, and the investigator reads and is offered only what is missing."""
    team = checked.team
    assert team is not None
    play = _walk_f_p19(checked)
    offered = _offered(play, "prosecutor", language)
    assert len(offered) == 2
    assert "P-19" in offered[0]
    wages, informed = (("unpaid wages", "restitution"), ("upah", "restitusi"))[language == "id"]
    assert not any(word in offered[0] for word in (wages, informed))  # the file holds them: the P-19 does not ask again
    play.choose("prosecutor", 1)
    play.choose("investigator", 1)  # read the prosecutor's instructions
    investigator = play.role("investigator")
    assert investigator.play.stage.id == "p19"
    delivery = [item for item in investigator.inbox if item.ident == "research"][-1]
    recorded = [text.get(language) for text in team.handovers["research"].recorded_for(dict(delivery.carried))]
    ledger, company = (("ledger", "company"), ("buku utang", "perusahaan"))[language == "id"]
    assert len(recorded) == 3
    assert ledger in recorded[1]
    assert company in recorded[2]
    assert not any(word in line for line in recorded for word in (wages, informed))
    p19 = _offered(play, "investigator", language)
    assert len(p19) == 2
    assert ledger in p19[0]
    assert company in p19[1]
    play.choose("investigator", 1)  # seize the ledger: sending the file back is offered now
    assert len(_offered(play, "investigator", language)) == 2
    play.choose("investigator", 2)  # send the completed file back, the company still not a suspect
    prosecutor = play.role("prosecutor")
    assert prosecutor.play.stage.id == "returned"
    stages = team.roles["prosecutor"].scenario.stages
    assert stages["returned"].text.get(language) != stages["research"].text.get(language)
    assert "P-21" in _offered(play, "prosecutor", language)[0]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_file_stage_promises_only_what_arrived_and_is_not_read_again_after_a_p19(checked: Checked, language: str) -> None:
    """Walk F finding 7: a choice that names the ledger or the photographs is offered only when they were carried,
    and the file comes back to the P-19 stage, never to the first sending's text ("The file is ready to go")."""
    team = checked.team
    assert team is not None
    file_stage = team.roles["investigator"].scenario.stages["file"]
    words = ("ledger", "photograph") if language == "en" else ("buku utang", "foto")
    for choice in file_stage.choices:
        for word, name in zip(words, ("ledger", "photos"), strict=True):
            if word in choice.label.get(language).lower():
                assert name in (choice.when or ""), choice.label.get(language)
    p19 = team.roles["investigator"].scenario.stages["p19"]
    assert "file" not in {choice.to for choice in p19.choices}


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_second_victim_is_named_when_she_is_reported(checked: Checked, language: str) -> None:
    """Walk F finding 4: the investigator's choice adds 'Rosalia's statement'; the inject that reports her names her."""
    team = checked.team
    assert team is not None
    inject = next(inject for inject in team.injects if inject.id == "second-victim")
    labels = [c.label.get(language) for c in team.roles["investigator"].scenario.stages["restitution"].choices]
    assert any("Rosalia" in label for label in labels)
    assert "Rosalia" in inject.text.get(language)


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_case_worker_is_offered_the_identity_cards_back_from_a_seizure_only_when_the_investigator_made_one(
    checked: Checked, language: str
) -> None:
    """Walk F finding 7, seen again in walk G: the case worker was offered "get their identity cards back from the
    police's seizure" although the investigator had questioned the workers in the yard and seized nothing. The
    investigator's decision at the cold store hands the workers over (``workers``, carrying ``cards_seized``), the
    shelter waits for it, and its open-shelter choice says where the cards are: with the police, or still in the
    company's HR office (to be seized and returned). Same number, same score: the routes' hand-computed totals hold."""
    team = checked.team
    assert team is not None
    assert checked.team_analysis is not None
    best = checked.team_analysis.best_choices_by_role()
    seizure, office = {"en": ("police's seizure", "company's office"), "id": ("sitaan polisi", "kantor perusahaan")}[language]
    inspector = best["labour-inspector"]
    for route, seized in ((best["investigator"][:2], True), (MISTAKES["investigator"][:3], False)):  # seized, or questioned in the yard
        play = play_scripted(team, checked.pathway, {"labour-inspector": inspector, "investigator": route, "case-worker": [2, 1]})
        assert play.role("case-worker").play.stage.id == "shelter"
        offered = _offered(play, "case-worker", language)
        assert len(offered) == 3
        assert (seizure in offered[2], office in offered[2]) == (seized, not seized), offered[2]
        assert not any(seizure in label for label in offered[:2])  # "keep their identity cards in the office" presumed a seizure too
        [taken] = [item for item in play.role("case-worker").inbox if item.ident == "workers"]
        recorded = " ".join(text.get(language) for text in team.handovers["workers"].recorded_for(dict(taken.carried)))
        assert recorded.startswith(("The police seized", "Polisi menyita")) == seized, recorded
    waiting = play_scripted(
        team, checked.pathway, {"labour-inspector": inspector, "investigator": best["investigator"][:1], "case-worker": [2, 1]}
    )
    assert waiting.role("case-worker").waits_for == "workers"  # at the shelter before the investigator has decided at the cold store


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_file_sent_back_after_a_p19_is_named_so_and_the_p19_stage_moves_on(checked: Checked, language: str) -> None:
    """Walk H finding 3: the file sent back after the P-19 reached the prosecutor's inbox as "The file (Tahap I)" again,
    and the investigator's P-19 stage read the same after each instruction answered, as if the page had not moved."""
    team = checked.team
    assert team is not None
    play = _walk_f_p19(checked)
    play.choose("prosecutor", 1)  # the P-19
    play.choose("investigator", 1)  # read the instructions
    p19 = play.role("investigator").play.stage
    play.choose("investigator", 1)  # seize the ledger
    after = play.role("investigator").play.stage
    assert after.id != p19.id
    assert after.text.get(language) != p19.text.get(language)
    play.choose("investigator", 2)  # send the completed file back
    titles = [handover_title(team, item.ident, case_text(team, language), item.carried) for item in play.role("prosecutor").inbox]
    first, again = (t for t in titles if t.startswith(team.handovers["berkas"].title.get(language)))
    assert first == team.handovers["berkas"].title.get(language)
    assert again.endswith(("answering your P-19", "menjawab P-19 Anda"))
    notes = [n.get(language) for n in team.handovers["research"].recorded_for({"p21": False, "ledger": False})]
    assert not notes[0].endswith(":")  # no colon announcing bullets that are its siblings (walk H finding 6)
    assert all(note.startswith(("Instruction: ", "Petunjuk: ")) for note in notes[1:])
